"""Land the raw folder a batch of files at a time: read, decode, write, let go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import polars as pl

from orchestration.tables import TableWriter, WrittenTable
from transforms.raw.documents import land_files
from transforms.schemas import QUARANTINE, RAW_DOCUMENTS, frame_of

BATCH_FILES = 500


def stream_raw(
    found: Sequence[tuple[str, Path]], landed_at: datetime, target: Callable[[str], Path]
) -> dict[str, WrittenTable]:
    """Write ``documents`` and ``quarantine`` for the (sorted) files ``found``.

    A file that cannot be read (removed since it was listed, no permission)
    is a quarantine row with the error, like a file that cannot be decoded.
    """
    with (
        TableWriter(target("documents"), RAW_DOCUMENTS) as documents,
        TableWriter(target("quarantine"), QUARANTINE) as quarantine,
    ):
        for start in range(0, len(found), BATCH_FILES):
            _land_batch(found[start : start + BATCH_FILES], landed_at, documents, quarantine)
        return {"documents": documents.close(), "quarantine": quarantine.close()}


def _land_batch(
    found: Sequence[tuple[str, Path]],
    landed_at: datetime,
    documents: TableWriter,
    quarantine: TableWriter,
) -> None:
    """Read, decode and write one batch of files."""
    files, unreadable = [], []
    for rel, path in found:
        try:
            files.append((rel, path.read_bytes()))
        except OSError as err:
            reason = f"unreadable: {type(err).__name__}: {err.strerror or err}"
            unreadable.append({"source_file": rel, "stage": "raw", "reason": reason})
    landed, rejected = land_files(files, landed_at=landed_at)
    documents.write(landed)
    quarantine.write(pl.concat([frame_of(unreadable, QUARANTINE), rejected]).sort("source_file"))
