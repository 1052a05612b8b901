"""marts.doses — one row per distinct dose level of a trial.

Cell doses are read from the trial's descriptive text (arms, interventions,
summaries; never eligibility, where "1 mg/kg prednisone" is a prior
therapy). A dose stated twice (arm and intervention sections often repeat
it) is one row; a dose inside an arm's block is tied to that arm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

import polars as pl

from transforms.marts.arms import ArmBlock, arm_blocks
from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import DOSES, frame_of
from transforms.text.tables import row_cells
from transforms.values.doses import DoseMention, find_doses, find_doses_under, header_dose_unit

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
    units: list[str | None] | None = None  # the current table's column units, from its header
    for base, text in sorted(texts):
        value_at = view.text.find(text, base)
        base = value_at if value_at >= 0 else base
        doses, units = _doses_in(text, units)
        for dose in doses:
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
    rows = sorted(_said_once(found), key=lambda r: (r["dose_unit"], r["dose_value"]))  # type: ignore[return-value,arg-type]
    for i, row in enumerate(rows, start=1):
        row["dose_ordinal"] = i
    return rows


_CAR_POSITIVE = "CAR+ "


def _said_once(found: dict[tuple[float, float | None, str], Row]) -> list[Row]:
    """The doses less those stated again less exactly: "5×10^5 and 1×10^6 /kg" after
    "5×10^5 CAR+ T cells/kg" names the same level without saying which cells."""
    exact = {
        (value, value_max, unit.removeprefix(_CAR_POSITIVE))
        for value, value_max, unit in found
        if unit.startswith(_CAR_POSITIVE)
    }
    return [
        row
        for (value, value_max, unit), row in found.items()
        if unit.startswith(_CAR_POSITIVE) or (value, value_max, unit) not in exact
    ]


def _doses_in(
    text: str, units: list[str | None] | None
) -> tuple[list[DoseMention], list[str | None] | None]:
    """Doses of one line, and the column units for the table rows after it.

    A table's header may name the unit its column's cells leave out ("| Dose level |
    Dose (CAR-T cells/kg) |" over "| DL1 | 5 × 10^5 |").
    """
    cells = row_cells(text) if text.startswith("|") else None
    if cells is None:
        return find_doses(text), None
    if not any(c.isdigit() for c in _SCALE.sub("", text)):  # a header row, "(×10^6 cells/kg)"
        header = [
            _UNIT_COLUMN if _UNIT_HEADER.match(cell.text.strip()) else header_dose_unit(cell.text)
            for cell in cells
        ]
        return [], header if any(header) else None
    if units is None:
        return find_doses(text), None
    doses = []
    for i, (cell, unit) in enumerate(zip(cells, units, strict=False)):
        if i + 1 < min(len(cells), len(units)) and units[i + 1] == _UNIT_COLUMN:
            unit = cells[i + 1].text.strip() or None  # "| 1 × 10^5 | cells/kg |"
        if unit == _UNIT_COLUMN:
            continue
        in_cell = find_doses_under(cell.text, unit) if unit else find_doses(cell.text)
        doses += [replace(d, start=cell.start + d.start, end=cell.start + d.end) for d in in_cell]
    return doses, units


# A header's scale is no value: "| Dose (×10^6 cells/kg) |" heads the column of "0.5", so
# does "Dose (×10⁶ cells/kg)" and, in its brackets, "Dose (10^6 CAR-T cells/kg)".
_POWER = r"10\s*(?:\^\s*[-+]?\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
_SCALE = re.compile(rf"[×xX*]\s*{_POWER}|(?<=\()\s*{_POWER}")
# A column of the units of the cells before it: "| Dose | Unit |".
_UNIT_HEADER = re.compile(r"^(?:dose\s+)?units?$", re.IGNORECASE)
_UNIT_COLUMN = "@unit"


def build_doses(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [
        r for view in doc_views(staged) for r in dose_rows(view, trial_id(view), arm_blocks(view))
    ]
    return frame_of(rows, DOSES)
