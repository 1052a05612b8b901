"""Landing records each file's size and mtime as listed, before reading it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from orchestration import stream_raw
from orchestration.raw_files import RawFile, scan_raw_files


def test_each_batch_records_the_mtimes_of_its_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file edited after the listing keeps the listed mtime, so the next run reads it again."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    out.mkdir()
    for i in range(7):
        (raw / f"{i}.txt").write_text(f"Title: study {i}\n")
    (raw / "7.txt").write_bytes(b"\x00\x01binary")
    listed = [file._replace(mtime_ns=1_000 + i) for i, file in enumerate(scan_raw_files(raw))]
    monkeypatch.setattr(stream_raw, "BATCH_FILES", 3)  # three batches, the last one short

    tables, copied = stream_raw.stream_raw(
        listed, datetime(2026, 1, 1, tzinfo=UTC), lambda name: out / f"{name}.parquet"
    )

    documents = pl.read_parquet(tables["documents"].path)
    assert copied == []
    assert documents.select("source_file", "modified_ns").rows() == [
        (f"{i}.txt", 1_000 + i) for i in range(7)
    ]
    assert pl.read_parquet(tables["quarantine"].path)["source_file"].to_list() == ["7.txt"]


def test_a_file_gone_since_the_listing_is_quarantined(tmp_path: Path) -> None:
    listed = [RawFile("gone.txt", str(tmp_path / "gone.txt"), 12, 1)]
    tables, _ = stream_raw.stream_raw(
        listed, datetime(2026, 1, 1, tzinfo=UTC), lambda name: tmp_path / f"{name}.parquet"
    )
    [reason] = pl.read_parquet(tables["quarantine"].path)["reason"].to_list()
    assert reason.startswith("unreadable: FileNotFoundError")
