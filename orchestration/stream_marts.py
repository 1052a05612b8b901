"""Build the marts batch by batch: candidate rows per document, then one document per trial.

Step one walks the staged tables (sorted by ``source_file``) a batch of
documents at a time and writes every document's mart rows to the version's
``candidates`` tables. Documents whose rows the previous version's
candidates already hold (same file, sha256 and code) are not built: only the
others are, into side files merged by polars with the kept rows. Step two
decides the winner of each trial from the candidates' key columns, then
writes each mart as its candidates filtered to the winners, plus the rows
carried forward for pages that left the raw folder.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path

import polars as pl

from orchestration.deltas import has_delta, scan_live
from orchestration.table_merge import link_or_copy, merge_side_tables
from orchestration.tables import (
    LayerBuild,
    SortedCursor,
    TableWriter,
    read_column_frame,
    side_target,
)
from transforms.marts.history import carried_rows, removed_trial_ids
from transforms.marts.pipeline import build_chunk, latest_per_trial
from transforms.parallel import ordered_map, use_pool
from transforms.schemas import MART_CANDIDATES, MART_TABLES, QUARANTINE, STAGED_TABLES, frame_of

BATCH_DOCS = 500
KEYS = ["source_file", "sha256"]


def stream_candidates(
    staged: Mapping[str, Path],
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> tuple[LayerBuild, pl.DataFrame]:
    """Write the candidate tables to ``target(name)``; return them and the failed documents."""
    documents = scan_live(staged["stg_documents"]).select(KEYS).collect()
    complete = all(name in previous for name in MART_CANDIDATES)
    known = read_column_frame(previous.get("documents"), KEYS) if complete else None
    kept = [] if known is None else documents.join(known, on=KEYS, how="semi")[KEYS[0]].to_list()
    workers = workers if use_pool(documents.height - len(kept), workers) else 1
    if not kept:
        cursors = {name: SortedCursor(staged[name], s) for name, s in STAGED_TABLES.items()}
        return _build(documents, cursors, target, workers)
    todo = documents.filter(~pl.col("source_file").is_in(kept))
    files = todo["source_file"].implode()
    cursors = {
        name: SortedCursor.over(
            scan_live(staged[name]).filter(pl.col("source_file").is_in(files)), schema
        )
        for name, schema in STAGED_TABLES.items()
    }
    build, failed = _build(todo, cursors, side_target(target), workers)
    build.tables = merge_side_tables(
        previous, kept, build.tables, target, MART_CANDIDATES, "documents"
    )
    build.reused_files = kept
    return build, failed


def _build(
    documents: pl.DataFrame,
    staged: Mapping[str, SortedCursor],
    target: Callable[[str], Path],
    workers: int,
) -> tuple[LayerBuild, pl.DataFrame]:
    """Build the mart rows of ``documents`` (sorted) a batch at a time, from their staged rows."""
    pending: deque[pl.DataFrame] = deque()

    def todo() -> Iterator[dict[str, pl.DataFrame]]:
        for start in range(0, documents.height, BATCH_DOCS):
            keys = documents.slice(start, BATCH_DOCS)
            pending.append(keys)
            last = keys["source_file"][-1]
            yield {name: cursor.take_through(last) for name, cursor in staged.items()}

    build = LayerBuild()
    failed: list[dict[str, object]] = []
    with ExitStack() as stack:  # a failure removes the partial files
        writers = {
            name: stack.enter_context(TableWriter(target(name), schema))
            for name, schema in MART_CANDIDATES.items()
        }
        for built, failures in ordered_map(build_chunk, todo(), workers):
            keys = pending.popleft()
            for name, frame in built.items():
                writers[name].write(frame)
            bad = sorted({str(row["source_file"]) for row in failures})
            writers["documents"].write(keys.filter(~pl.col("source_file").is_in(bad)))
            failed += failures
            build.processed += keys.height
        build.tables = {name: writer.close() for name, writer in writers.items()}
    return build, frame_of(failed, QUARANTINE)


def write_marts(
    candidates: Mapping[str, Path],
    previous_marts: Mapping[str, Path],
    present_files: Iterable[str],
    target: Callable[[str], Path],
) -> tuple[dict[str, Path], pl.DataFrame]:
    """Each mart from its candidates (winning documents only) and the carried-forward rows.

    Returns the written paths and the quarantine rows of superseded documents.
    A mart with nothing to drop or add, from candidates without a delta, is
    hard-linked to its candidates file; marts are always whole files.
    """
    keys = scan_live(candidates["trials"]).select("trial_id", "last_updated", KEYS[0]).collect()
    winners, superseded = latest_per_trial(keys)
    previous_trials = read_column_frame(previous_marts.get("trials"), ["trial_id", "source_file"])
    gone: list[str] = []
    if previous_trials is not None:
        current_ids = keys.filter(pl.col("source_file").is_in(winners))["trial_id"]
        gone = removed_trial_ids(previous_trials, present_files, current_ids)
    written = {}
    for name in MART_TABLES:
        path = target(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not superseded and not gone and not has_delta(candidates[name]):
            link_or_copy(candidates[name], path)
        else:
            rows = scan_live(candidates[name])
            if superseded:
                rows = rows.filter(pl.col("source_file").is_in(winners))
            if gone and name in previous_marts:
                carried = carried_rows(name, pl.scan_parquet(previous_marts[name]), gone)
                rows = pl.concat([rows, carried])
            rows.sink_parquet(path)
        written[name] = path
    return written, frame_of(superseded, QUARANTINE)
