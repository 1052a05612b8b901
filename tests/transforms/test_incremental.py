"""Incremental and parallel builds give exactly the tables of a full serial build."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from transforms import parallel
from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged import pipeline as staged_pipeline
from transforms.staged.pipeline import build_staged, reusable_files

# Unchanged pages sort between changed and new ones, so copied rows must be put back in place.
OLD_PAGES = {
    "a_changed.txt": "Study A\nStatus: Recruiting\nExclusion Criteria\n- Pregnancy",
    "b_same.md": "# CD19 CAR-T in lupus\n**Status:** Completed\n**Status:** Recruiting\n"
    "## Arms\n- Low dose: 1x10^6 cells/kg\n- High dose: 3x10^6 cells/kg",
    "d_same.txt": "NCT ID: NCT04000001\nStatus: Recruiting\nPhase: Phase 1\n"
    "Inclusion Criteria\n1. Age 18-65 years\n2. eGFR >= 30 mL/min/1.73m2",
    "e_removed.txt": "Study E\nStatus: Withdrawn",
    "f_bad.txt": "Study F\nStatus: Recruiting",
}
NEW_PAGES = {
    "a_changed.txt": "Study A\nStatus: Completed\nExclusion Criteria\n- Pregnancy\n- HIV",
    "b_same.md": OLD_PAGES["b_same.md"],
    "c_new.txt": "NCT ID: NCT04000001\nLast Updated: 2030-01-01\nStatus: Completed",
    "d_same.txt": OLD_PAGES["d_same.txt"],
    "f_bad.txt": OLD_PAGES["f_bad.txt"],
}


def _land(pages: dict[str, str]) -> pl.DataFrame:
    files = [(name, text.encode()) for name, text in pages.items()]
    return land_files(files, datetime(2026, 1, 1, tzinfo=UTC))[0]


def _assert_same_tables(got: dict[str, pl.DataFrame], want: dict[str, pl.DataFrame]) -> None:
    assert got.keys() == want.keys()
    for name in want:
        assert_frame_equal(got[name], want[name], check_exact=True)


@pytest.fixture
def parse_log(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files parse_document was called on; ``f_bad.txt`` always fails to parse."""
    calls: list[str] = []
    real = staged_pipeline.parse_document

    def logged(source_file: str, sha256: str, text: str):
        calls.append(source_file)
        if source_file == "f_bad.txt":
            raise ValueError("unparseable on purpose")
        return real(source_file, sha256, text)

    monkeypatch.setattr(staged_pipeline, "parse_document", logged)
    return calls


def test_incremental_build_equals_full_build(parse_log: list[str]) -> None:
    previous, _ = build_staged(_land(OLD_PAGES))
    raw = _land(NEW_PAGES)
    full, full_quarantine = build_staged(raw)
    parse_log.clear()
    incremental, quarantine = build_staged(raw, previous)
    assert parse_log == ["a_changed.txt", "c_new.txt", "f_bad.txt"]
    _assert_same_tables(incremental, full)
    assert_frame_equal(quarantine, full_quarantine)
    assert quarantine.select("source_file", "stage").rows() == [("f_bad.txt", "staged")]
    assert "e_removed.txt" not in incremental["stg_documents"]["source_file"].to_list()
    assert incremental["stg_sections"]["source_file"].n_unique() == 4


def test_reused_rows_are_copied_from_previous(parse_log: list[str]) -> None:
    previous, _ = build_staged(_land(OLD_PAGES))
    marked = previous["stg_sections"].with_columns(heading=pl.lit("from previous"))
    incremental, _ = build_staged(_land(NEW_PAGES), {**previous, "stg_sections": marked})
    headings = dict(incremental["stg_sections"].select("source_file", "heading").rows())
    assert headings["b_same.md"] == headings["d_same.txt"] == "from previous"
    assert headings["a_changed.txt"] != "from previous"


@pytest.mark.parametrize(
    ("drop_table", "sha_edit", "expected"),
    [
        (None, "", {"b_same.md", "d_same.txt", "f_bad.txt"}),
        ("stg_items", "", set()),  # an incomplete previous build is not trusted
        (None, "d_same.txt", {"b_same.md", "f_bad.txt"}),  # same name, other bytes: parse again
    ],
)
def test_reusable_files(drop_table: str | None, sha_edit: str, expected: set[str]) -> None:
    previous, _ = build_staged(_land(OLD_PAGES))
    previous = {name: frame for name, frame in previous.items() if name != drop_table}
    raw = _land(NEW_PAGES).with_columns(
        sha256=pl.when(pl.col("source_file") == sha_edit).then(pl.lit("0" * 64)).otherwise("sha256")
    )
    assert reusable_files(raw, previous) == expected


def test_nothing_to_reuse_without_previous() -> None:
    assert reusable_files(_land(NEW_PAGES), None) == set()
    assert reusable_files(_land(NEW_PAGES), {}) == set()


def test_superseded_trial_keeps_its_first_place_with_the_newer_rows() -> None:
    pages = {
        "a_old.txt": "NCT ID: NCT04000002\nLast Updated: 2023-01-01\nStatus: Recruiting",
        "b_other.txt": "Study B\nStatus: Recruiting",
        "c_new.txt": "NCT ID: NCT04000002\nLast Updated: 2024-01-01\nStatus: Completed",
    }
    staged, _ = build_staged(_land(pages))
    tables, quarantine = build_marts(staged)
    assert tables["trials"]["source_file"].to_list() == ["c_new.txt", "b_other.txt"]
    assert quarantine["source_file"].to_list() == ["a_old.txt"]


def _many_pages(count: int) -> dict[str, str]:
    """Tiny varied pages; every third shares a registry id with another (dedup across chunks)."""
    pages = {}
    for i in range(count):
        ident = f"NCT ID: NCT05{i % 40:06d}\nLast Updated: 2024-01-{1 + i % 28:02d}\n"
        pages[f"p{i:04d}.txt"] = (
            f"Study {i}\n{ident if i % 3 == 0 else ''}"
            f"Status: Recruiting\nPhase: Phase {1 + i % 3}\n"
            f"Arms\n- Arm {i}: {1 + i % 9}x10^6 cells/kg\n"
            f"Inclusion Criteria\n1. Age >= {18 + i % 7} years\n2. SLEDAI-2K >= {i % 12}\n"
            f"Primary Outcome\nAdverse events [Time Frame: {i % 30 + 1} days]"
        )
    return pages


@pytest.fixture(scope="module")
def many_raw() -> pl.DataFrame:
    return _land(_many_pages(250))


@pytest.fixture
def pool_starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts process pools started, so a test knows the parallel path ran."""
    started: list[int] = []

    class CountingPool(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountingPool)
    return started


def test_parallel_staged_and_marts_equal_serial(
    many_raw: pl.DataFrame, pool_starts: list[int]
) -> None:
    serial, serial_quarantine = build_staged(many_raw)
    tables, quarantine = build_staged(many_raw, workers=2)
    assert len(pool_starts) == 1
    _assert_same_tables(tables, serial)
    assert_frame_equal(quarantine, serial_quarantine)
    serial_marts, serial_marts_quarantine = build_marts(serial)
    assert serial_marts_quarantine["reason"].str.starts_with("superseded").sum() > 0
    marts, marts_quarantine = build_marts(serial, workers=2)
    assert len(pool_starts) == 2
    _assert_same_tables(marts, serial_marts)
    assert_frame_equal(marts_quarantine, serial_marts_quarantine)


@pytest.mark.parametrize(
    ("documents", "workers", "pool", "size"),
    [
        (10_000, 1, False, parallel.CHUNK_DOCS),
        (199, 8, False, parallel.CHUNK_DOCS),
        (250, 2, True, 32),
        (100_000, 2, True, parallel.CHUNK_DOCS),
    ],
)
def test_pool_only_pays_for_many_documents(
    documents: int, workers: int, pool: bool, size: int
) -> None:
    assert parallel.use_pool(documents, workers) is pool
    assert parallel.chunk_size(documents, workers) == size
