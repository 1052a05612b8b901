"""Build the staged layer batch by batch, reusing the rows of unchanged documents.

Documents the previous version already parsed (same file, same sha256, same
code) are not parsed again: the others are read from the raw documents a
batch at a time, parsed in worker processes while the next batches are read,
written to side files, and merged by polars with the previous tables' rows
of the unchanged documents. A first build has nothing to merge and writes
the tables directly. Memory holds a few batches, never the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path

import polars as pl

from orchestration.tables import (
    LayerBuild,
    TableWriter,
    describe,
    iter_frames,
    merge_side_tables,
    read_column_frame,
    side_target,
)
from transforms.parallel import ordered_map, use_pool
from transforms.schemas import QUARANTINE, STAGED_TABLES
from transforms.staged.pipeline import parse_documents, unchanged_files

BATCH_DOCS = 500  # documents per batch: one worker task, a few MB of rows
KEYS = ["source_file", "sha256"]
_TABLES = {**STAGED_TABLES, "quarantine": QUARANTINE}


def stream_staged(
    raw_documents: Path,
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> LayerBuild:
    """Write every staged table and the staged quarantine to ``target(name)``.

    ``previous``: the staged tables of a version built by this same code
    (empty when there is none); their rows are copied for unchanged documents.
    """
    complete = all(name in previous for name in STAGED_TABLES)
    previous_keys = read_column_frame(previous.get("stg_documents"), KEYS) if complete else None
    all_keys = pl.read_parquet(raw_documents, columns=KEYS)
    unchanged = unchanged_files(all_keys, previous_keys)
    workers = workers if use_pool(all_keys.height - len(unchanged), workers) else 1
    if not unchanged:
        return _parse(iter_frames(raw_documents, [*KEYS, "text"], rows=BATCH_DOCS), target, workers)
    side = side_target(target)
    kept = pl.Series(unchanged, dtype=pl.String).implode()
    changed = pl.scan_parquet(raw_documents).filter(~pl.col("source_file").is_in(kept))
    build = _parse(
        changed.select(*KEYS, "text").collect_batches(chunk_size=BATCH_DOCS), side, workers
    )
    build.tables.update(merge_side_tables(previous, unchanged, build.tables, target, STAGED_TABLES))
    os.replace(side("quarantine"), target("quarantine"))
    build.tables["quarantine"] = describe(target("quarantine"))
    build.reused_files = unchanged
    return build


def _parse(
    raw_batches: Iterable[pl.DataFrame], target: Callable[[str], Path], workers: int
) -> LayerBuild:
    """Parse batches of raw documents (sorted) and write every table in the same order."""
    build = LayerBuild()
    sizes: deque[int] = deque()

    def todo() -> Iterator[pl.DataFrame]:
        for batch in raw_batches:
            if not batch.is_empty():
                sizes.append(batch.height)
                yield batch

    with ExitStack() as stack:  # a failure removes the partial files
        writers = {n: stack.enter_context(TableWriter(target(n), s)) for n, s in _TABLES.items()}
        for parsed, quarantine in ordered_map(parse_documents, todo(), workers):
            for name, frame in parsed.items():
                writers[name].write(frame)
            writers["quarantine"].write(quarantine)
            build.processed += sizes.popleft()
        build.tables = {name: writer.close() for name, writer in writers.items()}
    return build
