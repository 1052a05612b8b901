"""marts.doses — one row per distinct dose level of a trial.

Cell doses are read from the trial's descriptive text (arms, interventions,
summaries; never eligibility, where "1 mg/kg prednisone" is a prior
therapy). A dose stated twice (arm and intervention sections often repeat
it) is one row; a dose inside an arm's block is tied to that arm.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from transforms.marts.arms import ArmBlock, arm_blocks
from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import DOSES, frame_of
from transforms.values.doses import find_doses

Row = dict[str, object]


def dose_rows(view: DocView, tid: str, arms: list[ArmBlock]) -> list[Row]:
    """Distinct cell doses; ``arms`` (``arm_blocks(view)``) tie a dose to the arm it sits in."""
    texts = [(int(r["norm_start"]), str(r["text"])) for r in view.descriptive_items()]  # type: ignore[arg-type]
    texts += [
        (int(r["norm_start"]), str(r["value"]))
        for r in view.fields  # type: ignore[arg-type]
        if r["field"] in {"intervention", "arms"} and r["value"]
    ]
    found: dict[tuple[float, float | None, str], Row] = {}
    for base, text in sorted(texts):
        value_at = view.text.find(text, base)
        base = value_at if value_at >= 0 else base
        for dose in find_doses(text):
            start, end = view.raw_span(base + dose.start, base + dose.end)
            key = (dose.value, dose.value_max, dose.unit)
            arm = next((a.label for a in arms if a.start <= start < a.end), None)
            if key in found and (found[key]["arm_label"] is not None or arm is None):
                continue
            found[key] = {
                "trial_id": tid,
                "source_file": view.source_file,
                "arm_label": arm,
                "dose_value": dose.value,
                "dose_value_max": dose.value_max,
                "dose_unit": dose.unit,
                "source_text": dose.text,
                "span_start": start,
                "span_end": end,
            }
    rows = sorted(found.values(), key=lambda r: (r["dose_unit"], r["dose_value"]))  # type: ignore[return-value,arg-type]
    for i, row in enumerate(rows, start=1):
        row["dose_ordinal"] = i
    return rows


def build_doses(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [
        r for view in doc_views(staged) for r in dose_rows(view, trial_id(view), arm_blocks(view))
    ]
    return frame_of(rows, DOSES)
