"""Folding a run's rows into the previous tables: a delta while it is small, else a compaction.

Every case compares the live table with the rows a from-scratch build would
hold, over several runs of changed, removed and new documents.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from orchestration import table_merge
from orchestration.deltas import (
    delta_path,
    has_delta,
    live_sql,
    scan_documents,
    scan_live,
    superseded_path,
)
from orchestration.table_merge import merge_side_tables, merge_sorted_into
from orchestration.tables import SortedCursor, describe, iter_frames

SCHEMA = {"source_file": pl.String, "n": pl.Int64}
SCHEMAS = {"documents": SCHEMA, "rows": SCHEMA}


def _rows(files: list[str], per_file: int, value: int = 0) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_file": [f for f in files for _ in range(per_file)],
            "n": [value] * (len(files) * per_file),
        },
        schema=SCHEMA,
    )


def _table(name: str, files: dict[str, int]) -> pl.DataFrame:
    """What a from-scratch build holds: one row per document, two per document in ``rows``."""
    per_file = 1 if name == "documents" else 2
    frames = [_rows([f], per_file, value) for f, value in sorted(files.items())]
    return pl.concat(frames) if frames else _rows([], 1)


def _run(folder: Path, previous: Path | None, files: dict[str, int], built: set[str]) -> Path:
    """Write version ``folder``: ``built`` documents fresh, the rest kept from ``previous``."""
    target = lambda name: folder / f"{name}.parquet"  # noqa: E731
    fresh = {}
    for name in SCHEMAS:
        path = folder / f".{name}.new.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        _table(name, {f: v for f, v in files.items() if f in built}).write_parquet(path)
        fresh[name] = describe(path)
    if previous is None:
        for name in SCHEMAS:
            os.replace(fresh[name].path, target(name))
        return folder
    keep = sorted(set(files) - built)
    previous_paths = {name: previous / f"{name}.parquet" for name in SCHEMAS}
    merge_side_tables(previous_paths, keep, fresh, target, SCHEMAS, "documents")
    return folder


def _runs(tmp_path: Path) -> list[tuple[Path, dict[str, int]]]:
    """Four versions: 40 documents, then changes, removals and new documents."""
    files = {f"{i:03}.txt": 0 for i in range(40)}
    versions = [(_run(tmp_path / "v0", None, files, set(files)), dict(files))]
    steps = [
        ({"005.txt": 1, "020.txt": 1}, ["031.txt"]),  # two changed, one removed
        ({"005.txt": 2, "041.txt": 2}, []),  # changed again, one new
        ({"000.txt": 3, "100.txt": 3}, ["041.txt", "010.txt"]),  # new one removed again
    ]
    for step, (changes, removed) in enumerate(steps, start=1):
        files = {f: v for f, v in {**files, **changes}.items() if f not in removed}
        folder = _run(tmp_path / f"v{step}", versions[-1][0], files, set(changes))
        versions.append((folder, dict(files)))
    return versions


def test_small_changes_keep_the_base_and_read_as_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 0.5)  # never reached here
    versions = _runs(tmp_path)
    first = versions[0][0] / "rows.parquet"
    for folder, files in versions[1:]:
        base = folder / "rows.parquet"
        assert has_delta(base) and os.stat(base).st_ino == os.stat(first).st_ino
        for name in SCHEMAS:
            path = folder / f"{name}.parquet"
            assert_frame_equal(scan_live(path).collect(), _table(name, files))
            assert describe(path).rows == len(_table(name, files))
    dead = pl.read_parquet(superseded_path(versions[-1][0] / "rows.parquet"))["source_file"]
    assert sorted(dead) == ["000.txt", "005.txt", "010.txt", "020.txt", "031.txt"]


def test_a_large_delta_is_compacted_into_a_new_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Delta and dead documents reach 5, 6 and 9 of the 40 base documents: the third compacts.
    monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 0.2)
    versions = _runs(tmp_path)
    assert [has_delta(folder / "rows.parquet") for folder, _ in versions] == [
        False,
        True,
        True,
        False,
    ]
    folder, files = versions[-1]
    assert not delta_path(folder / "rows.parquet").parent.exists()
    assert_frame_equal(pl.read_parquet(folder / "rows.parquet"), _table("rows", files))


def test_every_reader_sees_the_live_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 0.5)
    folder, files = _runs(tmp_path)[-1]
    path, want = folder / "rows.parquet", _table("rows", files)
    assert_frame_equal(pl.concat(iter_frames(path, rows=3)), want)
    cursor = SortedCursor(path, SCHEMA, rows=3)
    assert_frame_equal(
        cursor.take_through("050.txt"), want.filter(pl.col("source_file") <= "050.txt")
    )
    assert_frame_equal(cursor.take_through("zzz"), want.filter(pl.col("source_file") > "050.txt"))
    in_sql = duckdb.sql(f"{live_sql(path)} order by source_file, n").pl()
    assert_frame_equal(in_sql, want, check_dtypes=False)


@pytest.mark.parametrize("files", [["000.txt", "005.txt"], ["001.txt", "005.txt"], ["zzz.txt"]])
def test_rows_of_some_documents_come_from_the_delta_when_it_holds_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: list[str]
) -> None:
    monkeypatch.setattr(table_merge, "COMPACT_FRACTION", 0.5)
    folder, state = _runs(tmp_path)[-1]
    path = folder / "rows.parquet"
    want = _table("rows", state).filter(pl.col("source_file").is_in(files))
    assert_frame_equal(scan_documents(path, files).collect(), want)


def test_compaction_merge_keeps_the_listed_documents_and_stays_sorted(tmp_path: Path) -> None:
    previous, fresh, target = (tmp_path / f"{n}.parquet" for n in ("prev", "new", "out"))
    _rows(["a.txt", "b.txt", "c.txt", "d.txt"], 2).write_parquet(previous)
    _rows(["b.txt", "bb.txt", "e.txt"], 1, 100).write_parquet(fresh)
    written = merge_sorted_into(previous, ["a.txt", "d.txt"], fresh, target, SCHEMA)
    merged = pl.read_parquet(target)
    assert merged["source_file"].to_list() == [
        "a.txt",
        "a.txt",
        "b.txt",
        "bb.txt",
        "d.txt",
        "d.txt",
        "e.txt",
    ]
    assert merged.filter(pl.col("source_file") == "b.txt")["n"].to_list() == [100]
    assert written.rows == 7 and not target.with_name("out.parquet.partial").exists()
