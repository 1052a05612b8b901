"""marts.criteria_thresholds — one row per numeric condition in a criterion.

"Age 5-18 years" is two rows (>= 5, <= 18); "AST and ALT <= 3 x ULN" is two
rows. Values are in the contract's units ("Hb ≥ 9 g/dL" is 90 g/L), with the value
and unit as written beside them. Spans point at the words of the condition.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.criteria import criterion_rows
from transforms.marts.identity import trial_id
from transforms.schemas import CRITERIA_THRESHOLDS, frame_of
from transforms.values.ages import in_years
from transforms.values.thresholds import find_thresholds

Row = dict[str, object]
# A lost glyph's operator is guessed as the side a criterion to include states; one to
# exclude states the other side of the same value.
_EXCLUDED_SIDE = {">=": "<=", "<=": ">="}


def threshold_rows(view: DocView, criteria: list[Row]) -> list[Row]:
    rows: list[Row] = []
    for criterion in criteria:
        seen: set[tuple[str, str, float]] = set()
        base = int(criterion["norm_start"])  # type: ignore[arg-type]
        for found in find_thresholds(str(criterion["text"])):
            key = (found.concept, found.operator, found.value)
            if key in seen:
                continue
            seen.add(key)
            operator = found.operator
            if found.guessed and criterion["criterion_type"] == "EXCLUSION":
                operator = _EXCLUDED_SIDE.get(operator, operator)  # "LVEF ?45%": LVEF <= 45
            start, end = view.raw_span(base + found.start, base + found.end)
            rows.append(
                {
                    "trial_id": criterion["trial_id"],
                    "source_file": view.source_file,
                    "criterion_ordinal": criterion["criterion_ordinal"],
                    "criterion_type": criterion["criterion_type"],
                    "concept": found.concept,
                    "operator": operator,
                    "value": found.value,
                    "unit": found.unit,
                    "value_as_written": found.stated_value,
                    "unit_as_written": found.stated_unit,
                    "source_text": found.text,
                    "span_start": start,
                    "span_end": end,
                }
            )
    return rows


def age_limits(thresholds: list[Row]) -> tuple[float | None, float | None]:
    """The inclusion age range the thresholds state, for trials without age fields.

    Per cohort one criterion states a union: "≥ 18 years (adults) or 6 to 17 years
    (juveniles)" is 6 years and up, its lower limit above every upper one having no upper
    limit of its own. Another criterion's ("a guardian aged 18 or older") is no cohort's.
    """
    ages = [t for t in thresholds if t["concept"] == "age" and t["criterion_type"] == "INCLUSION"]
    lows, highs = _limits(ages)
    open_cohort = any(
        (limits := _limits([t for t in ages if t["criterion_ordinal"] == n]))[0]
        and limits[1]
        and max(limits[0]) > max(limits[1])
        for n in {t["criterion_ordinal"] for t in ages}
    )
    return (min(lows) if lows else None, max(highs) if highs and not open_cohort else None)


def _limits(ages: list[Row]) -> tuple[list[float], list[float]]:
    """The lower and the upper age limits of ``ages``, in years."""
    lows = [in_years(t["value"], str(t["unit"])) for t in ages if t["operator"] in (">=", ">")]  # type: ignore[arg-type]
    highs = [in_years(t["value"], str(t["unit"])) for t in ages if t["operator"] in ("<=", "<")]  # type: ignore[arg-type]
    return lows, highs


def build_criteria_thresholds(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [
        r
        for view in doc_views(staged)
        for r in threshold_rows(view, criterion_rows(view, trial_id(view)))
    ]
    return frame_of(rows, CRITERIA_THRESHOLDS)
