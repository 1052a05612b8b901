"""Build every mart from the staged tables in one pass over the documents.

Each document is turned into all of its mart rows at once, so a failure in
any builder quarantines that one document whole (no half-represented trial)
and the others go on. When two documents are the same trial (same registry
id), the one updated last wins; the other is quarantined with the reason,
its staged rows stay as history. Documents are independent until that step,
so they are built in chunks (in worker processes when there are many) and
only the trials of all chunks meet for deduplication.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from operator import attrgetter

import polars as pl

from transforms.marts.arms import arm_blocks, arm_rows
from transforms.marts.context import DocView, doc_views, view_of
from transforms.marts.criteria import criterion_rows
from transforms.marts.criteria_thresholds import age_limits, threshold_rows
from transforms.marts.doses import dose_rows
from transforms.marts.endpoints import endpoint_rows
from transforms.marts.identity import registry_ids, trial_id
from transforms.marts.trials import trial_row
from transforms.parallel import chunk_size, map_chunks
from transforms.row_rules import MART_RULES, rule_breaks, without_files
from transforms.schemas import MART_TABLES, QUARANTINE, STAGED_TABLES, empty, frame_of
from transforms.staged.pipeline import parse_batch

Row = dict[str, object]
Tables = dict[str, pl.DataFrame]


def document_rows(view: DocView) -> dict[str, list[Row]]:
    """Every mart's rows for one document."""
    ids = registry_ids(view)
    tid = trial_id(view, ids)
    criteria = criterion_rows(view, tid)
    thresholds = threshold_rows(view, criteria)
    arms = arm_blocks(view)
    return {
        "trials": [trial_row(view, ids, age_limits(thresholds))],
        "arms": arm_rows(view, tid, arms),
        "doses": dose_rows(view, tid, arms),
        "endpoints": endpoint_rows(view, tid),
        "criteria": criteria,
        "criteria_thresholds": thresholds,
    }


def build_marts(
    staged: Mapping[str, pl.DataFrame], workers: int = 1
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The mart tables keyed by name, and quarantine rows for documents that failed.

    ``workers`` > 1 builds the per-document rows of many documents in processes;
    the result is the same as in-process.
    """
    files = staged["stg_documents"]["source_file"].sort()
    size = chunk_size(files.len(), workers)
    chunks = _staged_chunks(staged, files, size) if files.len() > size else [dict(staged)]
    parts = map_chunks(build_chunk, chunks, workers, files.len())
    tables = {
        name: pl.concat([empty(schema), *(part[name] for part, _ in parts)])
        for name, schema in MART_TABLES.items()
    }
    winners, superseded = latest_per_trial(tables["trials"])
    failed = [row for _, rows in parts for row in rows]
    return _keep_winners(tables, winners), frame_of(failed + superseded, QUARANTINE)


def _staged_chunks(
    staged: Mapping[str, pl.DataFrame], files: pl.Series, size: int
) -> list[dict[str, pl.DataFrame]]:
    """The staged tables split into runs of ``size`` documents (in source_file order)."""
    chunk_of = files.to_frame().with_columns(
        (pl.int_range(pl.len(), dtype=pl.Int64) // size).alias("_chunk")
    )
    chunks: list[dict[str, pl.DataFrame]] = [{} for _ in range(math.ceil(files.len() / size))]
    for name in (name for name in STAGED_TABLES if name in staged):
        tagged = staged[name].join(chunk_of, on="source_file", maintain_order="left")
        parts = tagged.partition_by("_chunk", as_dict=True, include_key=False)
        for i, chunk in enumerate(chunks):
            chunk[name] = parts.get((i,), staged[name].clear())
    return chunks


def build_chunk(staged: Mapping[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], list[Row]]:
    """Mart frames and failures of a run of documents (module level: a worker runs it)."""
    return _build_views(doc_views(staged))


def parse_and_build(documents: pl.DataFrame) -> tuple[Tables, pl.DataFrame, Tables, list[Row]]:
    """Staged frames, staged quarantine, mart rows and mart failures of a run of documents.

    A document's mart rows depend on its own staged rows only, so they are
    built from the rows just parsed: building them in a later pass meant
    reading, regrouping and shipping every staged row to a worker a second
    time. Module level: a worker runs it.
    """
    parsed, staged, quarantine = parse_batch(documents)
    views = sorted(map(view_of, parsed), key=attrgetter("source_file"))  # doc_views' order
    marts, failures = _build_views(views)
    return staged, frame_of(quarantine, QUARANTINE), marts, failures


def _build_views(views: list[DocView]) -> tuple[Tables, list[Row]]:
    """Mart frames of ``views``, and a quarantine row for each view a builder failed on
    or whose rows break a row rule of the contract (the mart suites would block on it)."""
    per_doc: list[dict[str, list[Row]]] = []
    quarantine: list[Row] = []
    for view in views:
        try:
            per_doc.append(document_rows(view))
        except Exception as exc:  # one bad document never stops the others
            quarantine.append(
                _quarantine(view.source_file, f"mart build failed: {type(exc).__name__}: {exc}")
            )
    tables = {
        name: frame_of([row for doc in per_doc for row in doc[name]], schema)
        for name, schema in MART_TABLES.items()
    }
    broken = rule_breaks(tables, MART_RULES)
    if broken:
        tables = without_files(tables, broken)
        quarantine += [
            _quarantine(file, f"mart rows break the contract: {reason}")
            for file, reason in sorted(broken.items())
        ]
    return tables, quarantine


def latest_per_trial(trials: pl.DataFrame) -> tuple[list[str], list[Row]]:
    """One document per trial_id: latest last_updated, then last source_file.

    Returns the winning files in the order their trial first appears, and the
    quarantine rows of the superseded documents. Only trials stated by more
    than one document are decided row by row: a registry has few, and a
    Python loop over all 600,000 trials took a second.
    """
    keys = trials.select("trial_id", "last_updated", "source_file")
    best, superseded = _pick_latest(keys.filter(pl.col("trial_id").is_duplicated()).iter_rows())
    firsts = keys.filter(pl.col("trial_id").is_first_distinct())
    if not best:
        return firsts["source_file"].to_list(), superseded
    chosen = {tid: doc[1] for tid, doc in best.items()}
    winner = pl.col("trial_id").replace_strict(chosen, default=pl.col("source_file"))
    return firsts.select(winner)["trial_id"].to_list(), superseded


def _pick_latest(rows: Iterable[tuple]) -> tuple[dict[str, tuple[date, str]], list[Row]]:
    """The latest document of each trial in ``rows`` (in order), and the documents it beat."""
    best: dict[str, tuple[date, str]] = {}
    superseded: list[Row] = []
    for tid, updated, source_file in rows:
        doc = (updated or date.min, str(source_file))
        other = best.get(tid)
        if other is None:
            best[tid] = doc
            continue
        newer, older = (doc, other) if doc >= other else (other, doc)
        best[tid] = newer
        superseded.append(
            _quarantine(older[1], f"superseded: {tid} is also in {newer[1]}, updated later")
        )
    return best, superseded


def _keep_winners(tables: dict[str, pl.DataFrame], winners: list[str]) -> dict[str, pl.DataFrame]:
    """Rows of the winning documents only, documents in ``winners`` order."""
    rank = pl.DataFrame({"source_file": winners}, schema={"source_file": pl.String})
    rank = rank.with_row_index("_rank")
    return {
        name: frame.join(rank, on="source_file", maintain_order="left")
        .sort("_rank", maintain_order=True)
        .drop("_rank")
        for name, frame in tables.items()
    }


def _quarantine(source_file: str, reason: str) -> Row:
    return {"source_file": source_file, "stage": "marts", "reason": reason, "sha256": None}
