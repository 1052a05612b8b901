"""Build the staged layer and each document's mart rows in one pass over the raw documents.

Documents the previous version already parsed (same file, same sha256, same
code) are not parsed again: the others are read from the raw documents a
batch at a time, parsed in worker processes while the next batches are read,
written to side files, and merged by polars with the previous tables' rows
of the unchanged documents. A first build has nothing to merge and writes
the tables directly. Memory holds a few batches, never the corpus.

The same workers build each parsed document's mart rows (the marts'
candidates, before one document per trial is chosen) from the staged frames
they just made; the marts step then only chooses. Candidates go to their own
folder of the version, with the documents they cover and the documents whose
mart rows failed (``quarantine``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from orchestration.deltas import scan_documents, scan_live
from orchestration.table_merge import merge_side_tables
from orchestration.tables import (
    LayerBuild,
    TableWriter,
    WrittenTable,
    describe,
    iter_frames,
    read_column_frame,
    side_target,
)
from transforms.marts.pipeline import parse_and_build
from transforms.parallel import ordered_map, use_pool
from transforms.schemas import MART_CANDIDATES, QUARANTINE, STAGED_TABLES, frame_of
from transforms.staged.pipeline import unchanged_files

BATCH_DOCS = 500  # documents per batch: one worker task, a few MB of rows
KEYS = ["source_file", "sha256"]
_STAGED = {**STAGED_TABLES, "quarantine": QUARANTINE}
CANDIDATE_TABLES = {**MART_CANDIDATES, "quarantine": QUARANTINE}


@dataclass(frozen=True)
class LayerFiles:
    """A layer's tables in the previous version (reusable, may be empty) and where they go now."""

    previous: Mapping[str, Path]
    target: Callable[[str], Path]


def stream_staged(
    raw_documents: Path,
    staged: LayerFiles,
    candidates: LayerFiles,
    workers: int,
    while_waiting: Callable[[], object] | None = None,
) -> tuple[LayerBuild, dict[str, WrittenTable]]:
    """Write the staged tables and the mart candidates; return both.

    ``previous`` tables must come from a version built by this same code; a
    document's rows are copied when both its staged rows and its candidates
    are there, so the two stay about the same documents.
    """
    all_keys = scan_live(raw_documents).select(KEYS).collect()
    unchanged = _reusable(all_keys, staged.previous, candidates.previous)
    if not use_pool(all_keys.height - len(unchanged), workers):
        # Too few pages to share, but enough work of our own to overlap (a daily run's
        # GX import, ~2.5 s, against ~1 s to start a worker): one worker parses them.
        workers = 1 if while_waiting is not None and workers > 1 else 0
    if not unchanged:
        batches = iter_frames(raw_documents, [*KEYS, "text"], rows=BATCH_DOCS)
        return _parse(batches, staged.target, candidates.target, workers, while_waiting)
    kept = pl.DataFrame({"source_file": unchanged}, schema={"source_file": pl.String})
    todo = all_keys.join(kept, on="source_file", how="anti")["source_file"].to_list()
    changed = scan_documents(raw_documents, todo).select(*KEYS, "text")
    batches = changed.collect_batches(chunk_size=BATCH_DOCS)
    sides = side_target(staged.target), side_target(candidates.target)
    build, built = _parse(batches, *sides, workers, while_waiting)
    build.tables = _merge(staged, unchanged, build.tables, STAGED_TABLES, "stg_documents")
    build.reused_files = unchanged
    return build, _merge(candidates, unchanged, built, MART_CANDIDATES, "documents")


def _reusable(
    keys: pl.DataFrame, staged: Mapping[str, Path], candidates: Mapping[str, Path]
) -> list[str]:
    """Files whose staged rows and candidates the previous version both holds."""
    if not all(name in staged for name in STAGED_TABLES) or not all(
        name in candidates for name in MART_CANDIDATES
    ):
        return []
    same = unchanged_files(keys, read_column_frame(staged["stg_documents"], KEYS))
    built = read_column_frame(candidates["documents"], KEYS)
    if built is None:
        return []
    return unchanged_files(keys.filter(pl.col("source_file").is_in(same)), built)


def _merge(
    files: LayerFiles,
    unchanged: list[str],
    fresh: dict[str, WrittenTable],
    schemas: Mapping[str, Mapping[str, pl.DataType]],
    documents: str,
) -> dict[str, WrittenTable]:
    """Merge the side tables with the previous rows of ``unchanged``; quarantine moves as is."""
    merged = merge_side_tables(files.previous, unchanged, fresh, files.target, schemas, documents)
    side = fresh["quarantine"].path
    os.replace(side, files.target("quarantine"))
    return {**merged, "quarantine": describe(files.target("quarantine"))}


def _parse(
    raw_batches: Iterable[pl.DataFrame],
    staged: Callable[[str], Path],
    candidates: Callable[[str], Path],
    workers: int,
    while_waiting: Callable[[], object] | None,
) -> tuple[LayerBuild, dict[str, WrittenTable]]:
    """Parse batches of raw documents (sorted) and write every table in the same order.

    ``while_waiting``: see ``ordered_map``.
    """
    build = LayerBuild()
    sizes: deque[int] = deque()

    def todo() -> Iterator[pl.DataFrame]:
        for batch in raw_batches:
            if not batch.is_empty():
                sizes.append(batch.height)
                yield batch

    with ExitStack() as stack:  # a failure removes the partial files
        writers = {n: stack.enter_context(TableWriter(staged(n), s)) for n, s in _STAGED.items()}
        built = {
            n: stack.enter_context(TableWriter(candidates(n), s))
            for n, s in CANDIDATE_TABLES.items()
        }
        for tables, quarantine, marts, failures in ordered_map(
            parse_and_build, todo(), workers, while_waiting=while_waiting, in_process=workers == 0
        ):
            for name, frame in tables.items():
                writers[name].write(frame)
            writers["quarantine"].write(quarantine)
            for name, frame in marts.items():
                built[name].write(frame)
            failed = [str(row["source_file"]) for row in failures]
            documents = tables["stg_documents"].select(KEYS)
            built["documents"].write(documents.filter(~pl.col("source_file").is_in(failed)))
            built["quarantine"].write(frame_of(failures, QUARANTINE))
            build.processed += sizes.popleft()
        build.tables = {name: writer.close() for name, writer in writers.items()}
        return build, {name: writer.close() for name, writer in built.items()}
