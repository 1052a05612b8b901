"""Build the staged layer batch by batch, reusing the rows of unchanged documents.

The raw documents are read a batch at a time in landing order. For each batch
the rows of documents the previous version already parsed (same file, same
sha256, same code) are taken from its staged tables through sorted cursors;
the others are parsed in worker processes while the next batches are read.
Memory holds a few batches, never the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orchestration.tables import (
    SortedCursor,
    TableWriter,
    WrittenTable,
    describe,
    iter_frames,
    merge_side_tables,
    read_column_frame,
    side_target,
)
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
# From this share of unchanged documents on, parse the rest apart and merge (see stream_staged).
MERGE_SHARE = 0.5
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
    When most documents are unchanged, only the others are parsed (into
    side files) and merged with the previous tables by polars.
    """
    previous_keys = read_column_frame(previous.get("stg_documents"), KEYS)
    all_keys = pl.read_parquet(raw_documents, columns=KEYS)
    unchanged = unchanged_files(all_keys, previous_keys)
    to_parse = all_keys.height - len(unchanged)
    workers = workers if use_pool(to_parse, workers) else 1
    if unchanged and len(unchanged) >= MERGE_SHARE * all_keys.height:
        return _parse_and_merge(raw_documents, previous, unchanged, target, workers)
    batches = iter_frames(raw_documents, [*KEYS, "text"], rows=BATCH_DOCS)
    return _parse_streaming(batches, previous_keys, previous, target, workers)


def _parse_and_merge(
    raw_documents: Path,
    previous: Mapping[str, Path],
    unchanged: list[str],
    target: Callable[[str], Path],
    workers: int,
) -> StagedBuild:
    """Parse the changed documents to side files, then merge each table with its previous rows."""
    side = side_target(target)
    kept = pl.Series(unchanged, dtype=pl.String).implode()
    changed = pl.scan_parquet(raw_documents).filter(~pl.col("source_file").is_in(kept))
    batches = changed.select(*KEYS, "text").collect_batches(chunk_size=BATCH_DOCS)
    build = _parse_streaming(batches, None, {}, side, workers)
    merged = merge_side_tables(previous, unchanged, build.tables, target, STAGED_TABLES)
    build.tables.update(merged)
    os.replace(side("quarantine"), target("quarantine"))
    build.tables["quarantine"] = describe(target("quarantine"))
    build.reused_files = unchanged
    return build


def _parse_streaming(
    raw_batches: Iterable[pl.DataFrame],
    previous_keys: pl.DataFrame | None,
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> StagedBuild:
    """One pass over batches of raw documents (sorted): rows copied or parsed."""
    cursors = {name: SortedCursor(previous.get(name), s) for name, s in STAGED_TABLES.items()}
    pending: deque[_Batch] = deque()

    def todo() -> Iterator[pl.DataFrame]:
        for batch in raw_batches:
            if batch.is_empty():
                continue
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
