"""marts.endpoints — one row per outcome measure of a trial.

Outcome sections hold blocks: a measure line, description lines, and a time
frame ("Time frame: 28 days", a bare "3 Months" line, or an inline
"[Time Frame: 6 months]"). The heading says PRIMARY or SECONDARY when the
page says so; otherwise the type is NULL. Boilerplate never enters a block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import ENDPOINTS, frame_of
from transforms.text.lexicon import OUTCOME_SECTIONS
from transforms.values import enums
from transforms.values.durations import parse_time_frame_days

Row = dict[str, object]
_TYPE_BY_SECTION = {
    "primary_outcomes": "PRIMARY",
    "secondary_outcomes": "SECONDARY",
    "other_outcomes": "OTHER",
}
_INLINE_FRAME = re.compile(r"\[\s*time\s*frame\s*[:：]\s*(?P<frame>[^\]]+)\]", re.IGNORECASE)
_MAX_BARE_FRAME_WORDS = 8
# Sites that label each part of a block: "Measure: …", "Description: …".
_PART_LABEL = re.compile(
    r"^(?:outcome measure|measure|outcome|title|description|measure description)\s*[:：]\s*",
    re.IGNORECASE,
)


@dataclass
class _Block:
    section: str
    start: int
    end: int
    lines: list[str] = field(default_factory=list)
    time_frame: str | None = None
    endpoint_type: str | None = None


def endpoint_rows(view: DocView, tid: str) -> list[Row]:
    rows = []
    for block in _blocks(view):
        if not block.lines:
            continue
        frame = block.time_frame
        if frame is None and len(block.lines) > 1 and _is_bare_frame(block.lines[-1]):
            frame = block.lines.pop()
        measure, *description = [_PART_LABEL.sub("", line) for line in block.lines]
        rows.append(
            {
                "trial_id": tid,
                "source_file": view.source_file,
                "endpoint_ordinal": len(rows) + 1,
                "endpoint_type": block.endpoint_type or _TYPE_BY_SECTION.get(block.section),
                "measure": measure,
                "description": " ".join(description) or None,
                "time_frame": frame,
                "time_frame_days": parse_time_frame_days(frame) if frame else None,
                "span_start": block.start,
                "span_end": block.end,
            }
        )
    return rows


def _blocks(view: DocView) -> list[_Block]:
    """Outcome blocks in document order; a time frame or a new section closes a block."""
    events: list[tuple[int, int, str, Row]] = []
    sections = sorted(
        (int(s["norm_start"]), int(s["section_ordinal"]), str(s["section"]))  # type: ignore[arg-type]
        for s in view.sections
    )
    for item in view.items:
        if item["section"] in OUTCOME_SECTIONS:
            events.append((int(item["norm_start"]), int(item["section_ordinal"]), "item", item))  # type: ignore[arg-type]
    for row in view.fields:
        if row["section"] in OUTCOME_SECTIONS and row["field"] in {"time_frame", "endpoint_type"}:
            ordinal = max((o for s, o, _ in sections if s <= int(row["norm_start"])), default=0)  # type: ignore[arg-type]
            events.append((int(row["norm_start"]), ordinal, "field", row))  # type: ignore[arg-type]
    blocks: list[_Block] = []
    current: _Block | None = None
    last_section = -1
    for _, ordinal, kind, row in sorted(events, key=lambda e: e[0]):
        inline = kind == "item" and _INLINE_FRAME.search(str(row["text"])) is not None
        numbered = kind == "item" and row["marker"] is not None  # "1. Measure", "• Measure"
        if current is not None and (
            ordinal != last_section
            or current.time_frame is not None
            or ((inline or numbered) and current.lines)
        ):
            blocks.append(current)
            current = None
        last_section = ordinal
        start, end = int(row["span_start"]), int(row["span_end"])  # type: ignore[arg-type]
        if current is None:
            current = _Block(str(row["section"]), start, end)
        current.end = max(current.end, end)
        if kind == "item":
            current.lines.append(str(row["text"]))
            if inline:
                current.time_frame = _extract_inline_frame(current)
        elif row["field"] == "time_frame":
            current.time_frame = str(row["value"]) if row["value"] else ""
        else:
            current.endpoint_type = enums.normalize_endpoint_type(str(row["value"] or ""))
    if current is not None:
        blocks.append(current)
    return blocks


def _extract_inline_frame(block: _Block) -> str:
    """Cut "[Time Frame: …]" out of a one-line CT.gov-style measure, returning the frame."""
    match = _INLINE_FRAME.search(block.lines[-1])
    if match is None:
        return ""
    block.lines[-1] = (block.lines[-1][: match.start()] + block.lines[-1][match.end() :]).strip()
    return match.group("frame").strip()


def _is_bare_frame(line: str) -> bool:
    return len(line.split()) <= _MAX_BARE_FRAME_WORDS and parse_time_frame_days(line) is not None


def build_endpoints(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [r for view in doc_views(staged) for r in endpoint_rows(view, trial_id(view))]
    return frame_of(rows, ENDPOINTS)
