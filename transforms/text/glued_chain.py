"""Several labels and their values glued into one line, as a scraped list of facts gives it.

A trial finder's "Study Details" box scraped without its separators reads
"Study TypeInterventionalEnrollment15 (estimated)Start Date2025-05Primary
Completion2026-11". Each label starts where a capital follows a value's last
character with no space (a lower-case letter, a digit, a closing bracket);
the line is cut there into one "LabelValue" piece per field, and each piece
is read like any glued label ("Enrollment15 (estimated)", "Study TypeInterventional").
Only lines that start with such a label and hold another are cut.
"""

from __future__ import annotations

import re

from transforms.text.badges import TYPED_FIELDS
from transforms.text.lexicon import FIELD_BY_TERM

# The labels of typed fields: a facts box lists those, with short values.
_TERMS = sorted(
    (term for term, key in FIELD_BY_TERM.items() if key in TYPED_FIELDS and term.isascii()),
    key=len,
    reverse=True,
)
# A label's first word, capitalised, as it starts a line: "Study", "Enrollment", "Status".
_FIRST_WORD = re.compile(r"[A-Z][a-z]*")
_FIRST_WORDS = frozenset(re.split(r"[^a-z]", term, maxsplit=1)[0] for term in _TERMS)
_LABEL = re.compile("|".join(re.escape(term) for term in _TERMS), re.IGNORECASE)
# Where a glued label may start: a capital right after a value's last character.
_GLUE = re.compile(r"(?<=[a-z0-9)\]])(?=[A-Z])")
_MAY_GLUE = re.compile(r"[a-z0-9)\]][A-Z]")  # the same test without lookarounds: faster


def glued_pieces(text: str) -> list[tuple[int, int]] | None:
    """``(start, end)`` of each "LabelValue" piece of ``text``, or None when it is not a
    chain of at least two glued labels, each followed by a value."""
    # Cheap tests first: this runs for most lines of every page, and few are chains.
    word = _FIRST_WORD.match(text)
    if word is None or word.group().lower() not in _FIRST_WORDS or not _MAY_GLUE.search(text):
        return None
    first = _LABEL.match(text)
    if first is None:
        return None
    starts = [0]
    at = first.end()
    for glue in _GLUE.finditer(text, at):
        if glue.start() < at:
            continue
        label = _LABEL.match(text, glue.start())
        if label is None or label.end() == len(text):
            continue
        starts.append(glue.start())
        at = label.end()
    if len(starts) < 2:
        return None
    return list(zip(starts, [*starts[1:], len(text)], strict=True))
