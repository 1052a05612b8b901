"""Build every mart from the staged tables in one pass over the documents.

Each document is turned into all of its mart rows at once, so a failure in
any builder quarantines that one document whole (no half-represented trial)
and the others go on. When two documents are the same trial (same registry
id), the one updated last wins; the other is quarantined with the reason,
its staged rows stay as history.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import polars as pl

from transforms.marts.arms import arm_rows
from transforms.marts.context import DocView, doc_views
from transforms.marts.criteria import criterion_rows
from transforms.marts.criteria_thresholds import age_limits, threshold_rows
from transforms.marts.doses import dose_rows
from transforms.marts.endpoints import endpoint_rows
from transforms.marts.trials import trial_row
from transforms.schemas import MART_TABLES, QUARANTINE, frame_of

Row = dict[str, object]


def document_rows(view: DocView) -> dict[str, list[Row]]:
    """Every mart's rows for one document."""
    trial = trial_row(view, (None, None))
    tid = str(trial["trial_id"])
    criteria = criterion_rows(view, tid)
    thresholds = threshold_rows(view, criteria)
    if trial["min_age_years"] is None and trial["max_age_years"] is None:
        trial["min_age_years"], trial["max_age_years"] = age_limits(thresholds)
    return {
        "trials": [trial],
        "arms": arm_rows(view, tid),
        "doses": dose_rows(view, tid),
        "endpoints": endpoint_rows(view, tid),
        "criteria": criteria,
        "criteria_thresholds": thresholds,
    }


def build_marts(staged: Mapping[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The mart tables keyed by name, and quarantine rows for documents that failed."""
    per_doc: list[dict[str, list[Row]]] = []
    quarantine: list[Row] = []
    for view in doc_views(staged):
        try:
            per_doc.append(document_rows(view))
        except Exception as exc:  # one bad document never stops the others
            quarantine.append(
                _quarantine(view.source_file, f"mart build failed: {type(exc).__name__}: {exc}")
            )
    per_doc, superseded = _latest_per_trial(per_doc)
    quarantine += superseded
    tables = {}
    for name, schema in MART_TABLES.items():
        tables[name] = frame_of([row for doc in per_doc for row in doc[name]], schema)
    return tables, frame_of(quarantine, QUARANTINE)


def _latest_per_trial(
    per_doc: list[dict[str, list[Row]]],
) -> tuple[list[dict[str, list[Row]]], list[Row]]:
    """Keep one document per trial_id: latest last_updated, then last source_file."""
    best: dict[str, dict[str, list[Row]]] = {}
    superseded: list[Row] = []
    for doc in per_doc:
        trial = doc["trials"][0]
        tid = str(trial["trial_id"])
        other = best.get(tid)
        if other is None:
            best[tid] = doc
            continue
        newer, older = (doc, other) if _recency(doc) >= _recency(other) else (other, doc)
        best[tid] = newer
        superseded.append(
            _quarantine(
                str(older["trials"][0]["source_file"]),
                f"superseded: {tid} is also in {newer['trials'][0]['source_file']}, updated later",
            )
        )
    return list(best.values()), superseded


def _recency(doc: dict[str, list[Row]]) -> tuple[date, str]:
    trial = doc["trials"][0]
    updated = trial["last_updated"] if isinstance(trial["last_updated"], date) else date.min
    return updated, str(trial["source_file"])


def _quarantine(source_file: str, reason: str) -> Row:
    return {"source_file": source_file, "stage": "marts", "reason": reason, "sha256": None}
