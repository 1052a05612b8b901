"""Land the raw folder a batch of files at a time: read, decode, write, let go."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import polars as pl

from orchestration.raw_files import RawFile
from orchestration.table_merge import merge_side_tables
from orchestration.tables import (
    TableWriter,
    WrittenTable,
    describe,
    read_column_frame,
    side_target,
)
from transforms.raw.documents import land_files
from transforms.schemas import QUARANTINE, RAW_DOCUMENTS, frame_of

BATCH_FILES = 500


def stream_raw(
    found: Sequence[RawFile],
    landed_at: datetime,
    target: Callable[[str], Path],
    previous: Path | None = None,
) -> tuple[dict[str, WrittenTable], list[str]]:
    """Write ``documents`` and ``quarantine`` for the (sorted) files ``found``.

    A file whose size and mtime equal those ``previous`` (the published raw
    documents) recorded is not read again: its row is copied, landing time
    included. Returns the tables and the files so copied. A file that cannot
    be read (removed since it was listed, no permission) is a quarantine row
    with the error, like a file that cannot be decoded.
    """
    stats = _stats(found)
    unchanged = _unchanged(stats, previous)
    if not unchanged:
        return _land(found, landed_at, target), []
    keep = set(unchanged)
    side = side_target(target)
    fresh = _land([f for f in found if f.rel not in keep], landed_at, side)
    schemas = {"documents": RAW_DOCUMENTS}
    merged = merge_side_tables(
        {"documents": previous}, unchanged, fresh, target, schemas, "documents"
    )
    os.replace(side("quarantine"), target("quarantine"))
    return {**merged, "quarantine": describe(target("quarantine"))}, unchanged


def _stats(found: Sequence[RawFile]) -> pl.DataFrame:
    """Size and mtime of each file as listed (NULL when it could not be stat-ed)."""
    rows = [(f.rel, f.size, f.mtime_ns) for f in found]
    return pl.DataFrame(rows, schema=_STATS, orient="row")


def _unchanged(stats: pl.DataFrame, previous: Path | None) -> list[str]:
    """Files whose size and mtime are those the previous landing recorded."""
    if previous is None or not previous.exists():
        return []
    if not set(_STATS) <= set(pl.read_parquet_schema(previous)):
        return []  # landed before mtimes were recorded
    known = read_column_frame(previous, list(_STATS))
    if known is None:
        return []
    same = stats.drop_nulls().join(known.drop_nulls(), on=list(_STATS), how="semi")
    return same["source_file"].to_list()


def _land(
    found: Sequence[RawFile], landed_at: datetime, target: Callable[[str], Path]
) -> dict[str, WrittenTable]:
    with (
        TableWriter(target("documents"), RAW_DOCUMENTS) as documents,
        TableWriter(target("quarantine"), QUARANTINE) as quarantine,
    ):
        for start in range(0, len(found), BATCH_FILES):
            batch = found[start : start + BATCH_FILES]
            _land_batch(batch, landed_at, documents, quarantine)
        return {"documents": documents.close(), "quarantine": quarantine.close()}


def _land_batch(
    found: Sequence[RawFile],
    landed_at: datetime,
    documents: TableWriter,
    quarantine: TableWriter,
) -> None:
    """Read, decode and write one batch of files."""
    files, unreadable = [], []
    for rel, path, _, _ in found:
        try:
            with open(path, "rb") as page:  # a Path per file cost 1 s at 100,000 files
                files.append((rel, page.read()))
        except OSError as err:
            reason = f"unreadable: {type(err).__name__}: {err.strerror or err}"
            unreadable.append({"source_file": rel, "stage": "raw", "reason": reason})
    landed, rejected = land_files(files, landed_at=landed_at)
    # The mtime taken before reading: a file edited meanwhile looks changed next run.
    # Joined from this batch's listing: a join with the whole folder's took 60 ms a
    # batch at 606,000 files, over a minute of a full build.
    mtimes = pl.DataFrame(
        {"source_file": [f.rel for f in found], "modified_ns": [f.mtime_ns for f in found]},
        schema={"source_file": pl.String, "modified_ns": pl.Int64},
    )
    documents.write(landed.drop("modified_ns").join(mtimes, on="source_file", how="left"))
    quarantine.write(pl.concat([frame_of(unreadable, QUARANTINE), rejected]).sort("source_file"))


_STATS = {"source_file": pl.String, "size_bytes": pl.Int64, "modified_ns": pl.Int64}
