"""Outcome measures a page states only in prose: "The primary endpoint is …".

Press releases, abstracts and plain-language summaries have no outcome
section; they name the endpoints in a sentence ("Secondary endpoints include
complete renal response at week 24 and change in SLEDAI-2K at month 6"). They
are the page's endpoints when it lists none; otherwise such a sentence gives its
type to the listed measures it names. A list in the sentence is cut where a part
ends with its own time frame, so "incidence and severity of adverse events" stays
one measure; that frame is the measure's time frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

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


class _Statement(NamedTuple):
    endpoint_type: str
    text: str  # as stated
    measure: str  # without the time frame that ended it
    frame: str | None
    start: int  # normalised offsets of the measure as stated
    end: int


def prose_endpoint_rows(
    view: DocView, tid: str, frame_clause: Callable[[str], str | None]
) -> list[Row]:
    """Endpoints named in sentences of the page's descriptive text, in text order.

    ``frame_clause`` finds the time frame that ends a measure ("… at month 6").
    """
    rows: list[Row] = []
    for stated in _statements(view, frame_clause):
        span_start, span_end = view.raw_span(stated.start, stated.end)
        rows.append(
            {
                "trial_id": tid,
                "source_file": view.source_file,
                "endpoint_ordinal": len(rows) + 1,
                "endpoint_type": stated.endpoint_type,
                "measure": _capitalised(_LEAD.sub("", stated.measure, count=1)),
                "description": None,
                "time_frame": stated.frame,
                "time_frame_days": parse_time_frame_days(stated.frame) if stated.frame else None,
                "span_start": span_start,
                "span_end": span_end,
            }
        )
    return rows


def type_listed_endpoints(
    rows: list[Row], view: DocView, frame_clause: Callable[[str], str | None]
) -> None:
    """Give listed measures of no stated type the type the prose names them with.

    "The primary endpoint is incidence of DLT within 28 days in phase I and ORR in
    phase II" makes the listed "Phase I: Dose-limiting toxicity (DLT)" and "Phase
    II: Objective response rate (ORR)" PRIMARY; "Phase I: … (ORR)" stays untyped.
    """
    untyped = [row for row in rows if row["endpoint_type"] is None]
    if not untyped:
        return
    for stated in _statements(view, frame_clause):
        clauses = _SEPARATOR.split(stated.text)  # "… (DLT) … in phase I", "ORR in phase II"
        for row in untyped:
            listed = str(row["measure"])
            if row["endpoint_type"] is None and any(_same_measure(listed, c) for c in clauses):
                row["endpoint_type"] = stated.endpoint_type


def _statements(view: DocView, frame_clause: Callable[[str], str | None]) -> list[_Statement]:
    found: list[_Statement] = []
    for item in view.descriptive_items():
        text, base = str(item["text"]), int(item["norm_start"])  # type: ignore[arg-type]
        if _STATED.search(text) is None:  # most items: one scan, no sentence to read
            continue
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
                at = base + start + m_start
                found.append(_Statement(kind, stated_as, measure, frame, at, at + len(stated_as)))
    return found


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
_PHASE = re.compile(r"\bphase\s*(iii|ii|i|[1-3])\b", re.IGNORECASE)
_PHASE_NUMBERS = {"i": "1", "ii": "2", "iii": "3"}
_WORD = re.compile(r"[a-z][a-z0-9-]{3,}")
_MIN_SHARED = 0.6


def _same_measure(listed: str, stated: str) -> bool:
    """Whether a listed measure and one named in prose are the same: the same phase, if
    both name one, and the same bracketed acronym or most of the listed measure's words."""
    phases = [_phases(listed), _phases(stated)]
    if all(phases) and phases[0] != phases[1]:
        return False
    if set(_ACRONYM.findall(listed)) & set(_ACRONYM.findall(stated)):
        return True
    words = set(_WORD.findall(_PHASE.sub(" ", listed.lower())))
    return bool(words) and len(words & set(_WORD.findall(stated.lower()))) >= _MIN_SHARED * len(
        words
    )


def _phases(text: str) -> frozenset[str]:
    return frozenset(_PHASE_NUMBERS.get(p.lower(), p) for p in _PHASE.findall(text))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# A clause of its own after the list: ", and the study is expected to end in June 2026".
_OTHER_CLAUSE = re.compile(
    r",?\s+(?:and|while|whereas|but)\s+(?:the|this|that)\s+(?:study|trial)\s+"
    r"(?:is|was|will|has|had|are|were|should|may)\b",
    re.IGNORECASE,
)


def _measures(what: str, frame_clause: Callable[[str], str | None]) -> list[tuple[str, int]]:
    """``(measure, offset)`` of each measure listed in ``what``: cut after a time frame.

    Not inside a list of time points ("at weeks 12 and 24"): a part the next number
    goes on is no measure's end.
    """
    if (clause := _OTHER_CLAUSE.search(what)) is not None:
        what = what[: clause.start()]
    what = what.rstrip().rstrip(".").rstrip()
    out: list[tuple[str, int]] = []
    start = 0
    for separator in _SEPARATOR.finditer(what):
        if what[separator.end() : separator.end() + 1].isdigit():
            continue  # "… at months 6 and 12"
        part = what[start : separator.start()]
        if frame_clause(part) is not None:
            out.append((part, start))
            start = separator.end()
    if what[start:].strip():
        out.append((what[start:], start))
    return out
