"""Outcome measures a page states only in prose: "The primary endpoint is …".

Press releases, abstracts and plain-language summaries have no outcome
section; they name the endpoints in a sentence ("Secondary endpoints include
complete renal response at week 24 and change in SLEDAI-2K at month 6"). Read
only when the page has no outcome measures elsewhere. A list in the sentence is
cut where a part ends with its own time frame, so "incidence and severity of
adverse events" stays one measure; that frame is the measure's time frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.marts.context import DocView, iter_sentences
from transforms.values.durations import parse_time_frame_days

Row = dict[str, object]

_STATED = re.compile(
    r"\b(?P<type>primary|main|key\s+secondary|secondary|exploratory)\s+"
    r"(?:(?:efficacy|safety)\s+)?(?:end\s*-?\s*points?|outcomes?(?:\s+measures?)?)\s+"
    r"(?:is|are|was|were|will\s+be|includes?|included|comprises?|:)\s+(?P<what>\S.*)",
    re.IGNORECASE,
)
_TYPES = {"primary": "PRIMARY", "main": "PRIMARY", "exploratory": "OTHER"}
_SEPARATOR = re.compile(r"\s*;\s*|,\s*(?:and\s+)?|\s+and\s+")
_LEAD = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)


def prose_endpoint_rows(
    view: DocView, tid: str, frame_clause: Callable[[str], str | None]
) -> list[Row]:
    """Endpoints named in sentences of the page's descriptive text, in text order.

    ``frame_clause`` finds the time frame that ends a measure ("… at month 6").
    """
    rows: list[Row] = []
    for item in view.descriptive_items():
        text, base = str(item["text"]), int(item["norm_start"])  # type: ignore[arg-type]
        at = view.text.find(text, base)
        base = at if at >= 0 else base
        for offset, sentence in iter_sentences(text):
            stated = _STATED.search(sentence)
            if stated is None:
                continue
            kind = _TYPES.get(stated.group("type").lower().split()[0], "SECONDARY")
            start = offset + stated.start("what")
            for stated_as, m_start in _measures(text[start : offset + len(sentence)], frame_clause):
                frame = frame_clause(stated_as)
                measure = stated_as
                if frame is not None and stated_as.endswith(frame):  # "CRR at week 24"
                    measure = stated_as[: -len(frame)].rstrip(" ,")
                span_start, span_end = view.raw_span(
                    base + start + m_start, base + start + m_start + len(stated_as)
                )
                rows.append(
                    {
                        "trial_id": tid,
                        "source_file": view.source_file,
                        "endpoint_ordinal": len(rows) + 1,
                        "endpoint_type": kind,
                        "measure": _capitalised(_LEAD.sub("", measure, count=1)),
                        "description": None,
                        "time_frame": frame,
                        "time_frame_days": parse_time_frame_days(frame) if frame else None,
                        "span_start": span_start,
                        "span_end": span_end,
                    }
                )
    return rows


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _measures(what: str, frame_clause: Callable[[str], str | None]) -> list[tuple[str, int]]:
    """``(measure, offset)`` of each measure listed in ``what``: cut after a time frame."""
    what = what.rstrip().rstrip(".").rstrip()
    out: list[tuple[str, int]] = []
    start = 0
    for separator in _SEPARATOR.finditer(what):
        part = what[start : separator.start()]
        if frame_clause(part) is not None:
            out.append((part, start))
            start = separator.end()
    if what[start:].strip():
        out.append((what[start:], start))
    return out
