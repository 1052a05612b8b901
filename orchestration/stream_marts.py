"""Build the marts batch by batch: candidate rows per document, then one document per trial.

Step one walks the staged tables (sorted by ``source_file``) a batch of
documents at a time and writes every document's mart rows to the version's
``candidates`` tables; documents whose staged rows the previous version's
candidates already cover (same file, sha256 and code) are copied, not built.
Step two decides the winner of each trial from the candidates' key columns,
then writes each mart as its candidates filtered to the winners, plus the
rows carried forward for pages that left the raw folder.
"""

from __future__ import annotations

import os
import shutil
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
    merge_side_tables,
    read_column_frame,
    side_target,
)
from transforms.batches import concat_tables, in_document_order
from transforms.marts.history import carried_rows, removed_trial_ids
from transforms.marts.pipeline import build_chunk, latest_per_trial
from transforms.parallel import ordered_map, use_pool
from transforms.schemas import MART_CANDIDATES, MART_TABLES, QUARANTINE, STAGED_TABLES, frame_of

BATCH_DOCS = 500
# From this share of reusable documents on, build the rest apart and merge (see stream_staged).
MERGE_SHARE = 0.5
KEYS = ["source_file", "sha256"]


@dataclass
class MartsBuild:
    """What a streamed build wrote, and how many documents it built or copied."""

    candidates: dict[str, WrittenTable] = field(default_factory=dict)
    built: int = 0
    reused_files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Batch:
    keys: pl.DataFrame
    reused: dict[str, pl.DataFrame]
    reused_files: list[str]


def stream_candidates(
    staged: Mapping[str, Path],
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> tuple[MartsBuild, pl.DataFrame]:
    """Write the candidate tables to ``target(name)``; return them and the failed documents.

    When most documents are unchanged, only the others are built (from their
    staged rows alone, into side files) and merged with the previous candidates.
    """
    documents = pl.read_parquet(staged["stg_documents"], columns=KEYS)
    known = read_column_frame(previous.get("documents"), KEYS)
    reusable = set() if known is None else set(documents.join(known, on=KEYS, how="semi")[KEYS[0]])
    workers = workers if use_pool(documents.height - len(reusable), workers) else 1
    complete = all(name in previous for name in MART_CANDIDATES)
    if complete and reusable and len(reusable) >= MERGE_SHARE * documents.height:
        return _build_and_merge(documents, reusable, staged, previous, target, workers)
    staged_cursors = {name: SortedCursor(staged[name], s) for name, s in STAGED_TABLES.items()}
    kept_cursors = {name: SortedCursor(previous.get(name), s) for name, s in MART_TABLES.items()}
    return _build_streaming(documents, reusable, staged_cursors, kept_cursors, target, workers)


def _build_and_merge(
    documents: pl.DataFrame,
    reusable: set[str],
    staged: Mapping[str, Path],
    previous: Mapping[str, Path],
    target: Callable[[str], Path],
    workers: int,
) -> tuple[MartsBuild, pl.DataFrame]:
    """Build the changed documents' candidates to side files, then merge with the previous ones."""
    todo = documents.filter(~pl.col("source_file").is_in(sorted(reusable)))
    files = todo["source_file"].implode()
    cursors = {
        name: SortedCursor.over(
            pl.scan_parquet(staged[name]).filter(pl.col("source_file").is_in(files)), schema
        )
        for name, schema in STAGED_TABLES.items()
    }
    side = side_target(target)
    build, failed = _build_streaming(todo, set(), cursors, {}, side, workers)
    kept = sorted(reusable)
    build.candidates = merge_side_tables(previous, kept, build.candidates, target, MART_CANDIDATES)
    build.reused_files = kept
    return build, failed


def _build_streaming(
    documents: pl.DataFrame,
    reusable: set[str],
    staged_cursors: Mapping[str, SortedCursor],
    kept_cursors: Mapping[str, SortedCursor],
    target: Callable[[str], Path],
    workers: int,
) -> tuple[MartsBuild, pl.DataFrame]:
    """One pass over ``documents`` in batches: rows of ``reusable`` ones copied, others built."""
    pending: deque[_Batch] = deque()

    def todo() -> Iterator[dict[str, pl.DataFrame]]:
        for start in range(0, documents.height, BATCH_DOCS):
            keys = documents.slice(start, BATCH_DOCS)
            last = keys["source_file"][-1]
            reused = [f for f in keys["source_file"] if f in reusable]
            chunk = _rows_of(staged_cursors, last, reused, keep=False)
            pending.append(_Batch(keys, _rows_of(kept_cursors, last, reused, keep=True), reused))
            yield chunk

    build = MartsBuild()
    failed: list[dict[str, object]] = []
    with ExitStack() as stack:  # a failure removes the partial files
        writers = {
            name: stack.enter_context(TableWriter(target(name), schema))
            for name, schema in MART_CANDIDATES.items()
        }
        for built, failures in ordered_map(build_chunk, todo(), workers):
            batch = pending.popleft()
            tables = concat_tables([batch.reused, built], MART_TABLES)
            if batch.reused_files:  # built rows alone are in document order already
                tables = in_document_order(tables, batch.keys["source_file"])
            for name, frame in tables.items():
                writers[name].write(frame)
            bad = sorted({str(row["source_file"]) for row in failures})
            writers["documents"].write(batch.keys.filter(~pl.col("source_file").is_in(bad)))
            failed += failures
            build.reused_files += batch.reused_files
            build.built += batch.keys.height - len(batch.reused_files)
        build.candidates = {name: writer.close() for name, writer in writers.items()}
    return build, frame_of(failed, QUARANTINE)


def _rows_of(
    cursors: Mapping[str, SortedCursor], last: str, files: list[str], *, keep: bool
) -> dict[str, pl.DataFrame]:
    """Each cursor's next batch of rows: of ``files`` when ``keep``, else of every other file."""
    rows = {name: cursor.take_through(last) for name, cursor in cursors.items()}
    if not files:  # a full build: nothing is kept, everything is built
        return {name: frame.clear() if keep else frame for name, frame in rows.items()}
    member = pl.col("source_file").is_in(files)
    return {name: frame.filter(member if keep else ~member) for name, frame in rows.items()}


def _link_or_copy(source: Path, target: Path) -> None:
    """Both files are immutable once written, so one inode can serve both names."""
    try:
        os.link(source, target)
    except OSError:  # a filesystem without hard links
        shutil.copyfile(source, target)


def write_marts(
    candidates: Mapping[str, Path],
    previous_marts: Mapping[str, Path],
    present_files: Iterable[str],
    target: Callable[[str], Path],
) -> tuple[dict[str, Path], pl.DataFrame]:
    """Each mart from its candidates (winning documents only) and the carried-forward rows.

    Returns the written paths and the quarantine rows of superseded documents.
    A mart with nothing to drop or add is hard-linked to its candidates file.
    """
    keys = pl.read_parquet(candidates["trials"], columns=["trial_id", "last_updated", KEYS[0]])
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
        if not superseded and not gone:
            _link_or_copy(candidates[name], path)
        else:
            rows = pl.scan_parquet(candidates[name])
            if superseded:
                rows = rows.filter(pl.col("source_file").is_in(winners))
            if gone and name in previous_marts:
                carried = carried_rows(name, pl.scan_parquet(previous_marts[name]), gone)
                rows = pl.concat([rows, carried])
            rows.sink_parquet(path)
        written[name] = path
    return written, frame_of(superseded, QUARANTINE)
