"""A value a registry states twice, as planned and as it turned out.

ANZCTR, PACTR and cancer centres keep the planned value beside the actual one
under one label: "Date of first participant enrolment: Anticipated 3/02/2025
Actual 17/02/2025", "Sample size: Target 16 Accrual to date 3 Final 15", or the
same a line each. The actual value, once stated, is the fact; until then the
planned one stands, as an estimate. A running count ("Accrual to date") is
neither. A value that opens with no such word is not read here.
"""

from __future__ import annotations

import re

from transforms.text.badges import is_placeholder

ACTUAL, ESTIMATED = "ACTUAL", "ESTIMATED"

_QUALIFIER = re.compile(
    r"(?<![\w-])(?P<word>anticipated|planned|expected|projected|target|actual|final"
    r"|achieved|accrual\s+to\s+date)(?![\w-])\s*[:：]?\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ACTUAL_WORDS = frozenset({"actual", "final", "achieved"})
_RUNNING = "accrual"
# The line under a planned value that gives how it turned out: "Actual: 17/02/2023",
# "Actual" alone, "Final 15"; not the next label ("Actual Enrollment", "Final follow-up …").
OUTCOME_LINE = re.compile(
    r"^(?:actual|final|achieved|accrual\s+to\s+date)(?![\w-])\s*(?:[:：].*|\d.*)?$",
    re.IGNORECASE,
)


def is_planned(value: str) -> bool:
    """Whether ``value`` opens with a plan's word ("Anticipated: 3/02/2023", "Target 16")."""
    found = _QUALIFIER.match(value.strip())
    return found is not None and found["word"].casefold() not in _ACTUAL_WORDS


def settled_value(value: str) -> tuple[str, str | None]:
    """The part of ``value`` to read and its kind (ACTUAL or ESTIMATED).

    ``value`` itself and None when it does not open with a plan's or an outcome's
    word. The values read so are dates and counts: a part without a digit ("Actual:",
    "Final N/A", "Final numbers depend on …") states nothing.
    """
    text = value.strip()
    marks = list(_QUALIFIER.finditer(text))
    if not marks or marks[0].start() != 0:
        return value, None
    # a part's word is capitalised or has its colon, and is no aside: not "… in 2025, actual
    # date TBC", "Anticipated 2026-06 (Final analysis 2027-01)"
    marks = [
        marks[0],
        *(
            m
            for m in marks[1:]
            if (m[0][0].isupper() or ":" in m[0]) and text[: m.start()].rstrip()[-1:] != "("
        ),
    ]
    planned: str | None = None
    actual: str | None = None
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        part = text[mark.end() : after.start() if after else len(text)].strip(" ;,|")
        word = mark["word"].casefold()
        if not _DIGIT.search(part) or is_placeholder(part) or word.startswith(_RUNNING):
            continue  # a date or a count has digits: "Final numbers depend on …" is neither
        if word in _ACTUAL_WORDS:
            actual = part
        elif planned is None:
            planned = part
    if actual is not None:
        return actual, ACTUAL
    if planned is not None:
        return planned, ESTIMATED
    return "", None
