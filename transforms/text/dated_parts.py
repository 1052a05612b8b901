"""Dates written after their label with no colon: "Study start 2025-03 (estimated)".

Trial-finder pages list a trial's dates under a "Key dates" heading as
"Study start 2025-03; primary completion 2027-06", one phrase per date. Each
part is a date field's label and a date; a line with any other part is left
to the readers of free text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.schemas import DATE_FIELDS
from transforms.text.badges import accepts
from transforms.text.lexicon import FIELD_BY_TERM, normalize_label

_PART = re.compile(r"[^;·|]+")
# A label of up to six words (a bracketed remark among them), a space, a date.
_LABEL_THEN_DATE = re.compile(
    r"^(?P<label>[^\W\d_][^\W\d]*(?:[ (][^\W\d]+\)?){0,5})\s+(?P<value>\d.*)$"
)


class DatedPart(NamedTuple):
    key: str
    label: str
    value: str
    start: int  # offsets in the line
    end: int


def dated_parts(text: str) -> list[DatedPart] | None:
    """Each part of ``text`` as a date field, or None unless every part is one."""
    found = []
    for part in _PART.finditer(text):
        body = part.group().strip()
        if not body:
            continue
        match = _LABEL_THEN_DATE.match(body)
        if match is None:
            return None
        key = FIELD_BY_TERM.get(normalize_label(match.group("label")))
        value = match.group("value")
        if key not in DATE_FIELDS or not accepts(key, value):
            return None
        start = part.start() + (len(part.group()) - len(part.group().lstrip()))
        found.append(DatedPart(key, match.group("label"), value, start, start + len(body)))
    return found or None
