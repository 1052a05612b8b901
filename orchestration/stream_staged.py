"""Build the staged layer batch by batch, reusing the rows of unchanged documents.

The raw documents are read a batch at a time in landing order. For each batch
the rows of documents the previous version already parsed (same file, same
sha256, same code) are taken from its staged tables through sorted cursors;
the others are parsed in worker processes while the next batches are read.
Memory holds a few batches, never the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orchestration.tables import SortedCursor, TableWriter, WrittenTable, iter_frames
from orchestration.tables import read_column_frame as read_columns
from transforms.parallel import ordered_map, use_pool
from transforms.schemas import QUARANTINE, STAGED_TABLES
from transforms.staged.pipeline import (
    combine,
    parse_documents,
    reused_rows,
    split_reusable,
    unchanged_files,
)

BATCH_DOCS = 500  # documents per batch: one worker task, a few MB of rows
KEYS = ["source_file", "sha256"]


@dataclass
class StagedBuild:
    """What a streamed build wrote, and how many documents it parsed or copied."""

    tables: dict[str, WrittenTable] = field(default_factory=dict)
    parsed: int = 0
    reused_files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Batch:
    order: pl.Series
    reused: dict[str, pl.DataFrame]
    reused_files: list[str]


def stream_staged(
    raw_documents: Path,
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> StagedBuild:
    """Write every staged table and the staged quarantine to ``target(name)``.

    ``previous``: the staged tables of a version built by this same code
    (empty when there is none); their rows are copied for unchanged documents.
    """
    previous_keys = read_columns(previous.get("stg_documents"), KEYS)
    all_keys = pl.read_parquet(raw_documents, columns=KEYS)
    to_parse = all_keys.height - len(unchanged_files(all_keys, previous_keys))
    workers = workers if use_pool(to_parse, workers) else 1
    cursors = {name: SortedCursor(previous.get(name), s) for name, s in STAGED_TABLES.items()}
    pending: deque[_Batch] = deque()

    def todo() -> Iterator[pl.DataFrame]:
        for batch in iter_frames(raw_documents, [*KEYS, "text"], rows=BATCH_DOCS):
            reused, parse = split_reusable(batch, previous_keys)
            last = batch["source_file"][-1]
            kept = {name: cursor.take_through(last) for name, cursor in cursors.items()}
            pending.append(_Batch(batch["source_file"], reused_rows(kept, reused), reused))
            yield parse

    build = StagedBuild()
    with ExitStack() as stack:  # a failure removes the partial files
        writers = {n: stack.enter_context(TableWriter(target(n), s)) for n, s in _TABLES.items()}
        for parsed, quarantine in ordered_map(parse_documents, todo(), workers):
            batch = pending.popleft()
            tables = combine([batch.reused, parsed], batch.order, reorder=bool(batch.reused_files))
            for name, frame in tables.items():
                writers[name].write(frame)
            writers["quarantine"].write(quarantine)
            build.reused_files += batch.reused_files
            build.parsed += batch.order.len() - len(batch.reused_files)
        build.tables = {name: writer.close() for name, writer in writers.items()}
    return build


_TABLES = {**STAGED_TABLES, "quarantine": QUARANTINE}
