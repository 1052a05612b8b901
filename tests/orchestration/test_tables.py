"""Batched table I/O: what a writer appends is what a reader gets back, in any batch sizes."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal

from orchestration import tables
from orchestration.tables import (
    SortedCursor,
    TableWriter,
    describe,
    iter_frames,
)

SCHEMA = {"source_file": pl.String, "n": pl.Int64, "tags": pl.List(pl.String)}


def _rows(files: list[str], per_file: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_file": [f for f in files for _ in range(per_file)],
            "n": list(range(len(files) * per_file)),
            "tags": [["a"] for _ in range(len(files) * per_file)],
        },
        schema=SCHEMA,
    )


def test_writer_appends_frames_in_order_and_flushes_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "GROUP_ROWS", 5)
    parts = [_rows([f"{i}.txt"], 3) for i in range(4)]
    path = tmp_path / "t.parquet"
    writer = TableWriter(path, SCHEMA)
    for part in parts:
        writer.write(part.select("n", "source_file", "tags"))  # column order is conformed
    written = writer.close()
    assert written.rows == 12 and written.preview.height == 5
    assert_frame_equal(pl.read_parquet(path), pl.concat(parts))
    assert describe(path).rows == 12


def test_writer_without_rows_leaves_a_typed_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    TableWriter(path, SCHEMA).close()
    assert pl.read_parquet(path).schema == pl.Schema(SCHEMA)


@pytest.mark.parametrize("read_rows", [1, 4, 7, 1000])
def test_cursor_hands_out_each_document_batch_exactly_once(tmp_path: Path, read_rows: int) -> None:
    files = [f"{i:02}.txt" for i in range(10)]
    frame = _rows(files, 3)
    path = tmp_path / "t.parquet"
    frame.write_parquet(path)
    cursor = SortedCursor(path, SCHEMA, rows=read_rows)
    batches = [cursor.take_through(last) for last in ("02.txt", "02.txt", "05.txt", "zz")]
    assert [b.height for b in batches] == [9, 0, 9, 12]
    assert_frame_equal(pl.concat(batches), frame)
    assert batches[2]["source_file"].unique().sort().to_list() == ["03.txt", "04.txt", "05.txt"]


def test_cursor_skips_documents_the_caller_never_asks_for(tmp_path: Path) -> None:
    """Files removed since the previous version sort between batches and are passed over."""
    path = tmp_path / "t.parquet"
    _rows(["a.txt", "b.txt", "c.txt"], 2).write_parquet(path)
    cursor = SortedCursor(path, SCHEMA, rows=1)
    assert cursor.take_through("a.txt")["source_file"].to_list() == ["a.txt", "a.txt"]
    assert cursor.take_through("c.txt")["source_file"].unique().sort().to_list() == [
        "b.txt",
        "c.txt",
    ]


def test_missing_file_reads_as_empty(tmp_path: Path) -> None:
    assert SortedCursor(tmp_path / "none.parquet", SCHEMA).take_through("zz").is_empty()
    assert SortedCursor(None, SCHEMA).take_through("zz").schema == pl.Schema(SCHEMA)


def test_iter_frames_reads_selected_columns_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    _rows(["a.txt", "b.txt"], 5).write_parquet(path)
    frames = list(iter_frames(path, ["n"], rows=4))
    assert [f.height for f in frames] == [4, 4, 2]
    assert pl.concat(frames)["n"].to_list() == list(range(10))


def test_table_appears_only_when_closed(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    writer = TableWriter(path, SCHEMA)
    writer.write(_rows(["a.txt"], 2))
    assert not path.exists()
    writer.close()
    assert pl.read_parquet(path).height == 2 and list(tmp_path.iterdir()) == [path]


def test_failed_writer_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    with pytest.raises(RuntimeError), TableWriter(path, SCHEMA) as writer:
        writer.write(_rows(["a.txt"], 2))
        raise RuntimeError("parse crashed")
    assert list(tmp_path.iterdir()) == []


def test_cursor_over_a_query(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    _rows(["a.txt", "b.txt", "c.txt"], 2).write_parquet(path)
    query = pl.scan_parquet(path).filter(pl.col("source_file") != "b.txt")
    cursor = SortedCursor.over(query, SCHEMA)
    assert cursor.take_through("b.txt")["source_file"].to_list() == ["a.txt", "a.txt"]
    assert cursor.take_through("c.txt")["source_file"].to_list() == ["c.txt", "c.txt"]


@pytest.mark.parametrize("walk", ["cursor", "iter_frames"])
def test_streaming_reads_hold_one_row_group_not_the_whole_file(tmp_path: Path, walk: str) -> None:
    """A reader's cache of fetched chunks would grow to the file's size by the last batch."""
    rows = 20_000
    frame = pl.DataFrame(
        {
            "source_file": [f"{i:08}.txt" for i in range(rows)],
            "text": [os.urandom(256).hex() for _ in range(rows)],  # incompressible
        }
    )
    path = tmp_path / "t.parquet"
    frame.write_parquet(path, row_group_size=1_000)
    size = path.stat().st_size
    cursor = SortedCursor(path, {"source_file": pl.String, "text": pl.String}, rows=1_000)
    batches = (
        (cursor.take_through(f"{i:08}.txt") for i in range(999, rows, 1_000))
        if walk == "cursor"
        else iter_frames(path, rows=1_000)
    )
    peak = taken = 0
    for batch in batches:
        taken += batch.height
        peak = max(peak, pa.total_allocated_bytes())
        del batch
    assert taken == rows
    assert peak < size / 2, f"held {peak / 2**20:.1f} MiB reading a {size / 2**20:.1f} MiB file"
