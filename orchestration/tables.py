"""Read and write table files in batches, so no layer holds a whole table in memory.

At registry scale (hundreds of thousands of pages) a staged table is several
times the size of RAM we allow ourselves, so assets stream: they read their
inputs a batch at a time (``iter_frames``, ``SortedCursor``) and append their
outputs through a ``TableWriter``. Every layer's tables are sorted by
``source_file`` (the landing order), which is what lets a cursor hand out
exactly one batch of documents' rows from each table of a layer in one pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import polars as pl
import pyarrow.parquet as pq

from transforms.schemas import conform, empty

# Rows read from Parquet per step; a cursor buffers at most about this many.
READ_ROWS = 32_768
# A writer flushes a row group at this many rows or bytes, whichever comes first.
GROUP_ROWS = 262_144
GROUP_BYTES = 64 * 2**20
KEY = "source_file"


@dataclass(frozen=True)
class WrittenTable:
    """A table an asset has already written to its version path: the IO manager only notes it."""

    path: Path
    rows: int
    preview: pl.DataFrame


def describe(path: Path) -> WrittenTable:
    """A written Parquet file's row count (from its footer) and first rows."""
    rows = pq.ParquetFile(path).metadata.num_rows
    return WrittenTable(path, rows, pl.read_parquet(path, n_rows=5))


def iter_frames(
    path: Path, columns: Sequence[str] | None = None, rows: int = READ_ROWS
) -> Iterator[pl.DataFrame]:
    """The file's rows as frames of about ``rows`` rows, in file order."""
    file = pq.ParquetFile(path)
    for batch in file.iter_batches(batch_size=rows, columns=list(columns) if columns else None):
        yield pl.from_arrow(batch)  # type: ignore[misc]


def read_column_frame(path: Path | None, columns: Sequence[str]) -> pl.DataFrame | None:
    """A few columns of a whole table (keys are small even when the table is not)."""
    if path is None or not path.exists():
        return None
    return pl.read_parquet(path, columns=list(columns))


class SortedCursor:
    """Walks a table sorted by ``source_file`` and hands out the rows of consecutive documents.

    ``take_through(last)`` returns every not-yet-returned row whose key is at
    most ``last``; since the table is sorted, that is the rows of one batch of
    documents when ``last`` is the batch's last file. A missing file reads as
    an empty table of ``schema``.
    """

    def __init__(
        self, path: Path | None, schema: Mapping[str, pl.DataType], rows: int = READ_ROWS
    ) -> None:
        self._schema = dict(schema)
        exists = path is not None and path.exists()
        self._batches = iter_frames(path, rows=rows) if exists else iter(())  # type: ignore[arg-type]
        self._buffer = empty(self._schema)
        self._done = False

    def take_through(self, last: str) -> pl.DataFrame:
        while not self._done and (self._buffer.is_empty() or self._buffer[KEY][-1] <= last):
            batch = next(self._batches, None)
            if batch is None:
                self._done = True
            else:
                self._buffer = pl.concat([self._buffer, conform(batch, self._schema)])
        split = int((self._buffer[KEY] <= last).sum())
        taken, self._buffer = self._buffer.head(split), self._buffer.slice(split)
        return taken


class TableWriter:
    """Appends frames of one schema to a Parquet file in row groups of bounded size.

    Rows go to ``<name>.partial`` until ``close`` renames it into place, so
    an asset that fails midway leaves no truncated table for anything (a
    report, the next step, a re-run) to read as if it were whole.
    """

    def __init__(self, path: Path, schema: Mapping[str, pl.DataType]) -> None:
        self.path = path
        self.rows = 0
        self._schema = dict(schema)
        self._pending: list[pl.DataFrame] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._preview = empty(self._schema)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._arrow_schema = empty(self._schema).to_arrow().schema
        self._partial = path.with_name(path.name + ".partial")
        self._writer = pq.ParquetWriter(self._partial, self._arrow_schema)

    def write(self, frame: pl.DataFrame) -> None:
        if frame.is_empty():
            return
        frame = conform(frame, self._schema)
        if self._preview.height < 5:
            self._preview = pl.concat([self._preview, frame.head(5)]).head(5)
        self._pending.append(frame)
        self._pending_rows += frame.height
        self._pending_bytes += int(frame.estimated_size())
        self.rows += frame.height
        if self._pending_rows >= GROUP_ROWS or self._pending_bytes >= GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(pl.concat(self._pending).to_arrow())
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def close(self) -> WrittenTable:
        self._flush()
        self._writer.close()
        os.replace(self._partial, self.path)
        return WrittenTable(self.path, self.rows, self._preview)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None:
            self._writer.close()
            self._partial.unlink(missing_ok=True)
