"""A second run parses only changed pages, reusing the published staged rows.

The real parser runs here (no stand-ins): reuse is only correct if the
published tables of an incremental run equal those of a run from scratch.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from orchestration import assets, table_merge
from orchestration.automation import ALL_JOB
from orchestration.definitions import build_defs
from orchestration.run import QUIET_LOGS
from orchestration.settings import Settings, table_path
from orchestration.storage import read_published_layer
from transforms.schemas import MART_TABLES, STAGED_TABLES

pytestmark = pytest.mark.slow

SEEDS = sorted((Path(__file__).resolve().parents[2] / "raw").glob("*.txt"))
DOCUMENTS_KEY = dg.AssetKey(["staged", "stg_documents"])


def _run(settings: Settings) -> dict[str, int]:
    """Run the whole job; return the staged documents' reused and parsed counts."""
    result = (
        build_defs(settings)
        .resolve_job_def(ALL_JOB)
        .execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False, run_config=QUIET_LOGS
        )
    )
    assert result.success
    events = [e for e in result.get_asset_materialization_events() if e.asset_key == DOCUMENTS_KEY]
    metadata = events[0].materialization.metadata
    return {name: metadata[name].value for name in ("reused_documents", "parsed_documents")}


def _published_base(settings: Settings) -> Path:
    """The published staged items file, resolved to its version folder."""
    return settings.published_link("staged").resolve() / "stg_items.parquet"


def _settings(tmp_path: Path, name: str, raw: Path) -> Settings:
    return Settings(raw_dir=raw, warehouse_dir=tmp_path / name)


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.mark.parametrize("fold", ["delta", "compaction"])
def test_second_run_reuses_unchanged_pages_and_equals_a_fresh_build(
    tmp_path: Path, raw: Path, monkeypatch: pytest.MonkeyPatch, fold: str
) -> None:
    """Both ways of folding the re-parsed pages in give the tables a fresh build gives."""
    monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 10.0 if fold == "delta" else 0.0)
    settings = _settings(tmp_path, "warehouse", raw)
    assert _run(settings) == {"reused_documents": 0, "parsed_documents": len(SEEDS)}
    first_base = _published_base(settings)
    changed, removed = raw / SEEDS[0].name, raw / SEEDS[1].name
    changed.write_text(changed.read_text() + "\nStatus: Completed\n")
    removed.unlink()
    (raw / "zz_new.txt").write_text("A new study of CD19 CAR-T\nStatus: Recruiting\n")

    assert _run(settings) == {"reused_documents": len(SEEDS) - 2, "parsed_documents": 2}
    # A delta run keeps the previous base file (same inode); a compaction writes a new one.
    kept_base = os.stat(_published_base(settings)).st_ino == os.stat(first_base).st_ino
    assert kept_base == (fold == "delta")
    # Row-by-row expectations judged only the re-parsed pages; the copied rows passed before.
    audit = settings.published_link("marts").resolve().parent / "audit"
    unchanged = sorted(p.name for p in SEEDS[2:])
    for layer in ("staged", "marts"):
        validated = pl.read_parquet(audit / f"validated_{layer}.parquet")["source_file"]
        assert sorted(validated) == unchanged
    # The marts are whole files: their checks read the rows of the other pages, carried included.
    fresh_marts = pl.read_parquet(audit / "fresh_marts.parquet")["source_file"].to_list()
    assert fresh_marts == sorted([changed.name, removed.name, "zz_new.txt"])

    fresh = _settings(tmp_path, "fresh", raw)
    assert _run(fresh)["reused_documents"] == 0
    present = pl.col("source_file").is_in(sorted(p.name for p in raw.iterdir()))
    landed = ["source_file", "size_bytes", "sha256", "encoding", "content", "text"]
    got, want = read_published_layer(settings, "raw"), read_published_layer(fresh, "raw")
    assert_frame_equal(got["documents"].select(landed), want["documents"].select(landed))
    assert got["documents"]["modified_ns"].null_count() == 0
    for layer, tables in (("staged", STAGED_TABLES), ("marts", MART_TABLES)):
        got, want = read_published_layer(settings, layer), read_published_layer(fresh, layer)
        for name in tables:  # the removed page's trial is carried forward only in the first
            assert_frame_equal(got[name].filter(present), want[name], check_exact=True)


def test_new_code_parses_everything_again(
    tmp_path: Path, raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path, "warehouse", raw)
    _run(settings)
    assert _run(settings)["reused_documents"] == len(SEEDS)
    monkeypatch.setattr(assets, "code_fingerprint", lambda sql_dir: "other code")
    assert _run(settings) == {"reused_documents": 0, "parsed_documents": len(SEEDS)}


@pytest.mark.parametrize("staged", ["whole", "with a delta"])
def test_marts_materialised_alone_equal_those_built_with_the_staged_pass(
    tmp_path: Path, raw: Path, monkeypatch: pytest.MonkeyPatch, staged: str
) -> None:
    """A run of the marts only (from the UI) builds the candidates from the staged tables."""
    settings = _settings(tmp_path, "warehouse", raw)
    _run(settings)
    if staged == "with a delta":  # the staged tables the marts read are base plus delta
        monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 10.0)
        changed = raw / SEEDS[0].name
        changed.write_text(changed.read_text() + "\nStatus: Completed\n")
        _run(settings)
        assert (settings.published_link("staged") / "_delta" / "stg_items.parquet").exists()
    # Other code: the published candidates are not reusable, every document is built again.
    monkeypatch.setattr(assets, "code_fingerprint", lambda sql_dir: "other code")
    result = (
        build_defs(settings)
        .resolve_job_def(ALL_JOB)
        .execute_in_process(
            instance=dg.DagsterInstance.ephemeral(),
            run_config=QUIET_LOGS,
            asset_selection=[dg.AssetKey(["marts", name]) for name in [*MART_TABLES, "quarantine"]],
        )
    )
    trials = next(
        e.materialization.metadata
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey(["marts", "trials"])
    )
    assert trials["built_documents"].value == len(SEEDS)
    published = read_published_layer(settings, "marts")
    for name in MART_TABLES:
        alone = pl.read_parquet(table_path(settings.version_dir(result.run_id), "marts", name))
        assert_frame_equal(alone, published[name], check_exact=True)
