"""marts.arms — one row per arm or group of a trial.

An arm block opens with a type-prefixed line ("Experimental: High dose") or
a short title line; the short lines right after it name its interventions
and the sentences describe it. A table row is one arm, its cells read by the
column their header names ("| Participant Group/Arm | Intervention/Treatment |")
or, with no header, by position and shape. Pages that only count their groups
("50 participants in 1 patient group") get that many arms with no label.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import ARMS, frame_of
from transforms.text.tables import cell_lines, column_lexicon, column_roles, table_cells
from transforms.values import enums

Row = dict[str, object]
_TYPED = re.compile(
    r"^(?P<type>experimental|active comparator|placebo comparator|sham comparator|"
    r"no intervention|other)\s*(?:arm)?\s*[:：-]\s*(?P<label>.+)$",
    re.IGNORECASE,
)
_INTERVENTION_TYPES = (
    r"(?:drug|biological|genetic|procedure|device|radiation|behavioral|combination product|"
    r"dietary supplement|diagnostic test|other)\s*:\s*"
)
_INTERVENTION = re.compile(rf"^{_INTERVENTION_TYPES}(?P<name>.+)$", re.IGNORECASE)
# Where the next intervention starts in a table cell that lists several.
_NEXT_INTERVENTION = re.compile(rf"(?<=\S)\s+(?={_INTERVENTION_TYPES})", re.IGNORECASE)
_COLUMNS = column_lexicon(
    {
        "arm": (
            "arm",
            "arms",
            "arm group",
            "arm label",
            "arm name",
            "arm title",
            "group",
            "groups",
            "group name",
            "cohort",
            "cohorts",
            "study arm",
            "treatment arm",
            "treatment group",
            "participant group",
            "participant group / arm",
            "arm / group",
            "group / cohort",
            "arm / cohort",
        ),
        "intervention": (
            "intervention",
            "interventions",
            "intervention / treatment",
            "interventions / treatments",
            "intervention name",
            "treatment",
            "treatments",
            "drug",
            "drugs",
        ),
        "description": ("description", "arm description", "details"),
        "type": ("type", "arm type", "group type"),
    }
)
_GROUP_COUNT = re.compile(
    r"\b(\d{1,2})\s+(?:patient\s+|treatment\s+|study\s+)?(?:groups?|arms?|cohorts?)\b",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 12


@dataclass
class ArmBlock:
    """One arm as the page lays it out, with its raw span."""

    label: str | None
    arm_type: str | None
    start: int
    end: int
    interventions: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)


def arm_blocks(view: DocView) -> list[ArmBlock]:
    """Arms in the page's arm sections, else its labelled arms; in order, raw spans."""
    return _section_arms(view) or _labelled_arms(view)


def _section_arms(view: DocView) -> list[ArmBlock]:
    arms: list[ArmBlock] = []
    columns: list[str | None] | None = None  # roles of the current table's columns
    for item in view.items_in("arms"):
        text = str(item["text"]).strip()
        start, end = int(item["span_start"]), int(item["span_end"])  # type: ignore[arg-type]
        if (cells := table_cells(text)) is not None:
            if (roles := column_roles(cells, _COLUMNS)) is not None:
                columns = roles
            elif (arm := _table_arm(cells, columns, start, end)) is not None:
                arms.append(arm)
            continue
        typed = _TYPED.match(text)
        current = arms[-1] if arms else None
        if typed:
            arms.append(
                ArmBlock(
                    typed.group("label").strip(),
                    enums.normalize_arm_type(typed.group("type")),
                    start,
                    end,
                )
            )
        elif _is_title(text) and (current is None or current.description):
            arms.append(ArmBlock(text, None, start, end))
        elif current is not None:
            named = _INTERVENTION.match(text)
            if named or (_is_title(text) and not current.description):
                current.interventions.append(named.group("name") if named else text)
            else:
                current.description.append(text)
            current.end = max(current.end, end)
    return arms


def arm_rows(view: DocView, tid: str, blocks: list[ArmBlock]) -> list[Row]:
    """Arms from ``blocks`` (``arm_blocks(view)``), else a stated group count."""
    arms = blocks
    if not arms:
        arms = [ArmBlock(None, None, 0, 0) for _ in range(_stated_group_count(view))]
    return [
        {
            "trial_id": tid,
            "source_file": view.source_file,
            "arm_ordinal": i,
            "label": arm.label,
            "arm_type": arm.arm_type,
            "description": " ".join(arm.description) or None,
            "intervention_names": arm.interventions or None,
            "span_start": arm.start if arm.end else None,
            "span_end": arm.end if arm.end else None,
        }
        for i, arm in enumerate(arms, start=1)
    ]


def build_arms(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [
        r for view in doc_views(staged) for r in arm_rows(view, trial_id(view), arm_blocks(view))
    ]
    return frame_of(rows, ARMS)


def _labelled_arms(view: DocView) -> list[ArmBlock]:
    """Arms stated as fields ("Group: A" then "Intervention: X"), with the interventions after.

    Registries that print one record per group (ChiCTR, the WHO portal) label
    each part; an intervention belongs to the group stated before it.
    """
    arms: list[ArmBlock] = []
    for row in sorted(view.fields, key=lambda r: int(r["norm_start"])):  # type: ignore[arg-type]
        value = str(row["value"] or "").strip()
        if not value:
            continue
        start, end = int(row["span_start"]), int(row["span_end"])  # type: ignore[arg-type]
        if row["field"] == "arms" and row["is_chosen"]:
            typed = _TYPED.match(value)
            label = typed.group("label").strip() if typed else value
            arm_type = enums.normalize_arm_type(typed.group("type")) if typed else None
            arms.append(ArmBlock(label, arm_type, start, end))
        elif row["field"] == "intervention" and arms and value not in arms[-1].interventions:
            arms[-1].interventions.append(value)
            arms[-1].end = max(arms[-1].end, end)
    return arms


def _table_arm(
    cells: list[str], columns: list[str | None] | None, start: int, end: int
) -> ArmBlock | None:
    """The arm of one table row; None when the row names no arm."""
    arm = ArmBlock(None, None, start, end)
    for i, cell in enumerate(cells):
        role = _cell_role(i, cell, columns)
        if not cell or role is None:
            continue
        lines = cell_lines(cell)
        if role == "arm" and arm.label is None:
            typed = _TYPED.match(lines[0])
            arm.label = typed.group("label").strip() if typed else lines[0]
            if typed:
                arm.arm_type = enums.normalize_arm_type(typed.group("type"))
            arm.description += lines[1:]
        elif role == "type":
            arm.arm_type = enums.normalize_arm_type(cell)
        elif role == "intervention":
            for name in (n for line in lines for n in _NEXT_INTERVENTION.split(line)):
                named = _INTERVENTION.match(name)
                arm.interventions.append(named.group("name").strip() if named else name)
        else:
            arm.description += lines
    return arm if arm.label is not None else None


def _cell_role(i: int, cell: str, columns: list[str | None] | None) -> str | None:
    """A cell's role by its column's header, else by position and shape."""
    if columns is not None:
        return columns[i] if i < len(columns) else "description"
    if i == 0:
        return "arm"
    return "intervention" if _INTERVENTION.match(cell) or _is_title(cell) else "description"


def _is_title(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith((".", ";", ":"))
        and ":" not in text
    )


def _stated_group_count(view: DocView) -> int:
    texts = [str(r["value"]) for r in view.fields if r["value"]]
    texts += [str(r["text"]) for r in view.descriptive_items()]
    for text in texts:
        match = _GROUP_COUNT.search(text)
        if match and "participant" in text.casefold():
            return int(match.group(1))
    return 0
