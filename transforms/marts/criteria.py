"""marts.criteria — one row per eligibility criterion (inclusion or exclusion item).

Items under an "Exclusion" heading are exclusions; items under "Inclusion"
or under a bare eligibility heading are inclusions (pages that list only
requirements list what a participant must meet), unless a sub-heading of the
eligibility list says they exclude ("Patients meeting any of the following will
be excluded:"). Ordinals count per type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import CRITERIA, frame_of

Row = dict[str, object]
_TYPE_BY_SECTION = {"inclusion": "INCLUSION", "exclusion": "EXCLUSION", "eligibility": "INCLUSION"}
_EXCLUDING = re.compile(
    r"exclu|\bnot\s+(?:be\s+)?(?:eligible|included|enrolled|allowed)|\bineligible\b"
    r"|\bcan(?:not|'t)\s+(?:join|take\s+part|participate|be\s+(?:included|enrolled))|排除",
    re.IGNORECASE,
)


def criterion_rows(view: DocView, tid: str) -> list[Row]:
    rows: list[Row] = []
    counters = {"INCLUSION": 0, "EXCLUSION": 0}
    for item in view.items_in(*_TYPE_BY_SECTION):
        kind = _TYPE_BY_SECTION[str(item["section"])]
        subsection = item["subsection"]
        if kind == "INCLUSION" and item["section"] == "eligibility" and subsection:
            kind = "EXCLUSION" if _EXCLUDING.search(str(subsection)) else kind
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
