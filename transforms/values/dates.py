"""Date text -> (date, precision, status).

Registry pages print dates as ISO days, "YYYY-MM", "January 10, 2025",
"10 January 2025", "Jan 2027", "2025/02/10", "01.03.2024", "03/2024", "20250301" or
"Q2 2025" (the quarter's first month), often with "(Estimated)" or
"(Actual)". A month-only date is stored as the month's first day with
precision "month" (the contract's rule), a year-only date as 1 January with
precision "year". Impossible dates (2024-02-30) are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ParsedDate:
    """A date as stated, with how much of it was stated and whether it is planned."""

    value: dt.date
    precision: str  # 'day' | 'month' | 'year'
    status: str | None  # 'ESTIMATED' | 'ACTUAL' | None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<y>(?:19|20|21)\d{2})"
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"

# (pattern, precision); each pattern names its groups y, m or mon, d.
_PATTERNS = [
    (rf"(?<!\d){_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)", "day"),
    (rf"(?<!\d){_YEAR}\s*年\s*(?P<m>\d{{1,2}})\s*月(?:\s*(?P<d>\d{{1,2}})\s*日)?", "cjk"),
    (rf"(?<![\w/.]){_MONTH}[\s\-]+(?P<d>\d{{1,2}}){_DAY_SUFFIX},?\s+{_YEAR}(?!\d)", "day"),
    (rf"(?<![\d/.])(?P<d>\d{{1,2}}){_DAY_SUFFIX}[\s\-]+{_MONTH}[\s\-,]+{_YEAR}(?!\d)", "day"),
    (rf"(?<![\w/.]){_MONTH},?[\s\-]+{_YEAR}(?!\d)", "month"),
    (rf"(?<![\d/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}(?!\d)", "us"),
    # the same with dashes ("15-03-2024", the Dutch register's): read as the slashed form
    (rf"(?<![\d/.\-])(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})-{_YEAR}(?!\d)", "us"),
    (rf"(?<![\d/.]){_YEAR}[-/.](?P<m>\d{{1,2}})(?![\d\-/.])", "month"),
    # Day first with dots ("01.03.2024", as continental Europe writes); month/year "03/2024".
    (rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{_YEAR}(?!\d)", "day"),
    (rf"(?<![\d/.\-])(?P<m>\d{{1,2}})[/\-]{_YEAR}(?![\d/\-])", "month"),
    (rf"(?<![\d/.\-])(?P<m>0[1-9]|1[0-2])\.{_YEAR}(?![\d/\-.])", "month"),  # "03.2024"
    # Compact ISO ("20250301"); a quarter is its first month ("Q2 2025" is April 2025).
    (rf"(?<![\w.]){_YEAR}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.])", "day"),
    (rf"(?<!\w)Q(?P<q>[1-4])[\s\-/]*{_YEAR}(?!\d)", "quarter"),
    (rf"(?<!\d){_YEAR}[\s\-/]*Q(?P<q>[1-4])\b", "quarter"),
    # "3rd quarter 2025", "third quarter of 2025"
    (
        rf"\b(?:(?P<q>[1-4])(?:st|nd|rd|th)|(?P<qw>first|second|third|fourth))\s+quarter"
        rf"(?:\s+of)?,?\s+{_YEAR}(?!\d)",
        "quarter",
    ),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), kind) for p, kind in _PATTERNS]
_SLASHED = re.compile(rf"(?<![\d/.])(\d{{1,2}})/(\d{{1,2}})/{_YEAR}(?!\d)")
# "in 2025." ends a sentence; "2023-0456" (a protocol number) and "2022-002435-17" are
# codes, "2024-0301" a date with its dash lost.
_YEAR_ONLY = re.compile(
    rf"(?<![\d.]){_YEAR}(?!\d|\.\d|-(?!(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d))\d{{3}})"
)
_STATUS = re.compile(
    r"\b(?P<est>estimated|anticipated|expected|projected|planned)\b|\b(?P<act>actual)\b",
    re.IGNORECASE,
)


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _build(match: re.Match[str], kind: str, day_first: bool = False) -> tuple[dt.date, str] | None:
    """Turn one pattern match into (date, precision); None for impossible dates."""
    groups = match.groupdict()
    year = int(groups["y"])
    if kind == "us":
        first, second = int(groups["a"]), int(groups["b"])
        # US order (month/day) unless the page writes day first or the first number
        # cannot be a month.
        swap = (day_first and second <= 12) or first > 12
        month, day = (second, first) if swap else (first, second)
    elif kind == "quarter":
        quarter = int(groups["q"]) if groups["q"] else _QUARTER_WORDS[groups["qw"].lower()]
        month, day = 3 * quarter - 2, None
    else:
        month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
        day = int(groups["d"]) if groups.get("d") else None
    precision = "day" if day is not None else "month"
    try:
        return dt.date(year, month, day or 1), precision
    except ValueError:
        return None


def _status_of(text: str) -> str | None:
    match = _STATUS.search(text)
    if match is None:
        return None
    return "ESTIMATED" if match.group("est") else "ACTUAL"


def writes_day_first(texts: list[str]) -> bool:
    """Whether a page writes its slashed dates day first: one of them can only be read so.

    "31/12/2028" on the page means its "01/02/2025" is 1 February, not January 2.
    """
    return any(int(m.group(1)) > 12 for t in texts for m in _SLASHED.finditer(t))


def writes_month_first(texts: list[str]) -> bool:
    """Whether a page writes its slashed dates month first: "06/30/2027" can only be read so."""
    return any(int(m.group(2)) > 12 for t in texts for m in _SLASHED.finditer(t))


def parse_date(text: str | None, *, day_first: bool = False) -> ParsedDate | None:
    """The first date in ``text`` with its precision and Estimated/Actual status.

    ``day_first`` reads an ambiguous "01/02/2025" as day/month (``writes_day_first``).
    """
    if not text:
        return None
    candidates = _candidates(text)
    if not candidates:
        # A bare year only when nothing more precise is written anywhere.
        year = _YEAR_ONLY.search(text)
        if year is None:
            return None
        return ParsedDate(dt.date(int(year.group("y")), 1, 1), "year", _status_of(text))
    first = _first_date(candidates, day_first)
    return None if first is None else ParsedDate(first[0], first[1], _status_of(text))


def date_opening(text: str, within: int, *, day_first: bool = False) -> ParsedDate | None:
    """The date ``text`` starts with, allowing ``within`` characters before it ("in April 2025")."""
    candidates = [c for c in _candidates(text) if c[0] < within]
    first = _first_date(candidates, day_first)
    if first is not None:
        return ParsedDate(first[0], first[1], None)
    year = _YEAR_ONLY.search(text, 0, within + 4)
    return None if year is None else ParsedDate(dt.date(int(year.group("y")), 1, 1), "year", None)


def parse_date_period(text: str | None) -> tuple[ParsedDate | None, ParsedDate | None]:
    """Start and end of a stated period ("From 2024-03-01 To 2026-12-31"), day or month."""
    if not text:
        return None, None
    dates: list[ParsedDate] = []
    rest = text
    while len(dates) < 2:
        candidates = _candidates(rest)
        first = _first_date(candidates)
        if first is None:
            break
        dates.append(ParsedDate(first[0], first[1], None))
        rest = rest[first[2] :]
    return (dates[0] if dates else None), (dates[1] if len(dates) > 1 else None)


Candidate = tuple[int, int, re.Match[str], str]


def _candidates(text: str) -> list[Candidate]:
    """The first match of each date pattern: (start, -length, match, kind)."""
    found = []
    for pattern, kind in _COMPILED:
        match = pattern.search(text)
        if match:
            found.append((match.start(), -len(match.group()), match, kind))
    return found


def _first_date(
    candidates: list[Candidate], day_first: bool = False
) -> tuple[dt.date, str, int] | None:
    """The earliest possible date of ``candidates``: (date, precision, where it ends)."""
    for _, _, match, kind in sorted(candidates, key=lambda c: (c[0], c[1])):
        built = _build(match, kind, day_first)
        if built is not None:
            return built[0], built[1], match.end()
    return None
