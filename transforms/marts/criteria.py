"""marts.criteria — one row per eligibility criterion (inclusion or exclusion item).

Items under an "Exclusion" heading are exclusions; items under "Inclusion"
or under a bare eligibility heading are inclusions (pages that list only
requirements list what a participant must meet). Ordinals count per type.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import CRITERIA, frame_of

Row = dict[str, object]
_TYPE_BY_SECTION = {"inclusion": "INCLUSION", "exclusion": "EXCLUSION", "eligibility": "INCLUSION"}


def criterion_rows(view: DocView, tid: str) -> list[Row]:
    rows: list[Row] = []
    counters = {"INCLUSION": 0, "EXCLUSION": 0}
    for item in view.items_in(*_TYPE_BY_SECTION):
        kind = _TYPE_BY_SECTION[str(item["section"])]
        counters[kind] += 1
        rows.append(
            {
                "trial_id": tid,
                "source_file": view.source_file,
                "criterion_ordinal": counters[kind],
                "criterion_type": kind,
                "section": item["subsection"],
                "text": item["text"],
                "norm_start": item["norm_start"],
                "span_start": item["span_start"],
                "span_end": item["span_end"],
            }
        )
    return rows


def build_criteria(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [r for view in doc_views(staged) for r in criterion_rows(view, trial_id(view))]
    return frame_of(rows, CRITERIA)
