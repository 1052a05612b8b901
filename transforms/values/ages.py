"""Ages in years: "18 Years", "6 Months", "5-18 years old", "18 Years to N/A".

ClinicalTrials.gov age groups mean Child = birth-17, Adult = 18-64 and Older
Adult = 65+; a page that lists only groups states the union of those ranges.
Months, weeks and days convert to years (6 Months = 0.5). "N/A" or "No limit"
on one side of a range means that side is open.
"""

from __future__ import annotations

import re

from transforms.text.lexicon import GROUP_NOUNS

_PER_YEAR = {"y": 1.0, "m": 12.0, "w": 52.0, "d": 365.0}
_NUM = r"(\d{1,3}(?:\.\d+)?)"
_UNIT = r"(years?|yrs?|y(?![a-z])|months?|mos?(?![a-z])|weeks?|wks?|days?|岁|周岁)?"
_OPEN = r"(n/?a|none|no\s+limit|not\s+limited|unlimited|no\s+maximum|no\s+max)"
_SEP = r"(?:-|–|—|~|～|to|至|到|through|\?)"  # "?": a dash the page lost
_BETWEEN = re.compile(
    rf"(?:between|from)\s+{_NUM}\s*{_UNIT}\s*(?:old\s*)?(?:and|to|-|–)\s*{_NUM}\s*{_UNIT}",
    re.IGNORECASE,
)
_RANGE = re.compile(  # "12 to <18 years": below 18, as "under 18" reads
    rf"(?<![\d./]){_NUM}\s*{_UNIT}\s*(?:old\s*)?{_SEP}\s*(?:(?:<|≤|<=)\s*)?(?:{_NUM}\s*{_UNIT}|{_OPEN})",
    re.IGNORECASE,
)
_OPEN_LOW = re.compile(rf"{_OPEN}\s*{_SEP}\s*{_NUM}\s*{_UNIT}", re.IGNORECASE)
_LOWER = re.compile(
    rf"(?:≥|>=|⩾|>|＞|at\s+least|no\s+less\s+than|not\s+less\s+than|older\s+than|over|above)"
    rf"\s*{_NUM}\s*{_UNIT}|{_NUM}\s*{_UNIT}\s*(?:old\s*|of\s+age\s*)?(?:and|or)\s+"
    r"(?:older|above|over|elder|up)\b|" + rf"{_NUM}\s*{_UNIT}\s*(?:\+|以上|minimum\b|min\b)",
    re.IGNORECASE,
)
_UPPER = re.compile(
    rf"(?:≤|<=|⩽|<|＜|up\s+to|no\s+more\s+than|not\s+more\s+than|younger\s+than|under|below)"
    rf"\s*{_NUM}\s*{_UNIT}|{_NUM}\s*{_UNIT}\s*(?:old\s*|of\s+age\s*)?(?:and|or)\s+"
    r"(?:younger|below|under)|" + rf"{_NUM}\s*{_UNIT}\s*(?:以下|maximum\b|max\b)",
    re.IGNORECASE,
)
_OPEN_UPWARD = re.compile(
    rf"{_NUM}\s*{_UNIT}\s*(?:old\s*|of\s+age\s*)?(?:and|or)\s+(?:older|above|over|elder|up)\b",
    re.IGNORECASE,
)
# "Minimum age: 18 years", and in an ages value "Minimum 12 years, maximum 70 years".
_MIN_MAX = re.compile(
    rf"\b(min|max)(?:imum)?(?:\s+age)?\s*[:：]?\s*(?:{_NUM}\s*{_UNIT}|{_OPEN})", re.IGNORECASE
)
_AGE_HINT = re.compile(
    r"\bage|\byears?\b|\byrs?\b|\b(?:old|older|younger)\b|\bmonths?\b|岁", re.IGNORECASE
)
_LIMIT_WORD = re.compile(
    r"\b(?:over|above|under|below|older|younger|minimum|maximum|min|max|up\s+to)\b", re.IGNORECASE
)
_SHORT_VALUE = 30
_GROUPS = {"child": (0.0, 17.0), "adult": (18.0, 64.0), "older_adult": (65.0, None)}
_GROUP = re.compile(r"older\s+adults?|adults?|child(?:ren)?", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\W*(?:n/?a|none|no\s+limit|not\s+(?:applicable|limited))\W*$", re.I)


def in_years(number: str | float, unit: str | None) -> float:
    """A number and an optional unit word ("months", "岁") in years (bare numbers are years)."""
    key = (unit or "y").lower()[0]
    return round(float(number) / _PER_YEAR.get(key, 1.0), 4)


def parse_age_years(text: str | None) -> float | None:
    """One age limit in years; "N/A" / "No limit" is None."""
    if not text or _PLACEHOLDER.match(text):
        return None
    match = re.search(rf"(?<![\d.]){_NUM}\s*{_UNIT}", text[:200], re.IGNORECASE)
    if match is None:
        return None
    value = in_years(match.group(1), match.group(2))
    return value if value <= 130 else None


def _from_range(text: str, *, union: bool = False) -> tuple[float | None, float | None] | None:
    """The first range stated; with ``union`` (an ages value, which states nothing else),
    every range: one per cohort ("adults 18-65 years; juveniles 12-17 years") states
    the union of them."""
    for pattern in (_BETWEEN, _RANGE):
        ranges = []
        for match in pattern.finditer(text):
            if ranges and not union:
                break
            groups = match.groups()
            low_n, low_u, high_n, high_u = groups[:4]
            unit = low_u or high_u
            if high_n is None:  # "18 Years to N/A"
                ranges.append((in_years(low_n, unit), None))
            elif unit is not None or _AGE_HINT.search(text) or len(text.strip()) <= 24:
                ranges.append((in_years(low_n, unit), in_years(high_n, high_u or unit)))
            # else "3-6 cycles" inside unrelated prose is not an age range
        if ranges:
            highs = [high for _, high in ranges if high is not None]
            return min(low for low, _ in ranges), max(highs) if len(highs) == len(ranges) else None
    match = _OPEN_LOW.search(text)
    if match:
        return None, in_years(match.group(2), match.group(3))
    return None


def _from_limits(text: str) -> tuple[float | None, float | None]:
    """One-sided limits ("≥ 5 years", "65 years or younger") and Minimum/Maximum Age."""
    low = high = None
    for match in _MIN_MAX.finditer(text):
        if match.group(2) is not None:
            value = in_years(match.group(2), match.group(3))
            low, high = (value, high) if match.group(1).lower() == "min" else (low, value)
    if low is None and (found := _LOWER.search(text)):
        low = in_years(*_number_and_unit(found))
    if high is None and (found := _UPPER.search(text)):
        high = in_years(*_number_and_unit(found))
    return low, high


def _number_and_unit(match: re.Match[str]) -> tuple[str, str | None]:
    """The (number, unit) pair of whichever alternative matched."""
    groups = match.groups()
    index = next(i for i in range(0, len(groups), 2) if groups[i] is not None)
    return groups[index], groups[index + 1]


def _from_groups(text: str) -> tuple[float | None, float | None]:
    """Union of CT.gov age groups; (None, None) when none is named."""
    names = {re.sub(r"\W+", "_", m.group().lower()).rstrip("s") for m in _GROUP.finditer(text)}
    names = {"child" if n.startswith("child") else n for n in names}
    ranges = [_GROUPS[n] for n in names if n in _GROUPS]
    if not ranges:
        return None, None
    low = min(r[0] for r in ranges)
    high = None if any(r[1] is None for r in ranges) else max(r[1] for r in ranges)
    return (None if low == 0 else low), high


def parse_age_range(text: str | None) -> tuple[float | None, float | None]:
    """``(min, max)`` in years from a range, one-sided limits, or age groups."""
    if not text:
        return None, None
    text = _GROUP_NAME.sub(" ", text[:500])  # "Cohorts 1-3: 18-65 years; Cohort 4: 12-17 years"
    ranged = _from_range(text, union=True)
    if ranged is not None:
        # "16 years and above (adolescents aged 16-17 with consent)", "18 Years and older;
        # adolescent cohort 12-17 years": a range beside an open limit widens it
        if (open_up := _OPEN_UPWARD.search(text)) is not None and ranged[0] is not None:
            return min(ranged[0], in_years(open_up.group(1), open_up.group(2))), None
        return ranged
    # A short value says with a word which side it bounds: "over 18", "18 and above".
    short = len(text.strip()) <= _SHORT_VALUE and _LIMIT_WORD.search(text) is not None
    if short or _AGE_HINT.search(text) or re.search(r"[≥≤<>＞＜+]", text):
        limits = _from_limits(text)
        if limits != (None, None):
            return limits
    return _from_groups(text)


# A group's name before its ages: its numbers are no ages.
_GROUP_NAME = re.compile(
    rf"\b(?:{GROUP_NOUNS})\s+[A-Z\d](?:\s*(?:-|–|to|and|,)\s*[A-Z\d])*\s*:",
    re.IGNORECASE,
)
_AGED = re.compile(r"\bage[sd]?\b", re.IGNORECASE)
_AGED_WINDOW = 60
# What follows the cue when it states limits: a number or a comparison.
_AGED_LIMIT = re.compile(
    r"\s*(?:between|from|≥|>=|⩾|>|≤|<=|⩽|<|over|above|under|at\s+least|up\s+to|\d)",
    re.IGNORECASE,
)


_STATISTIC = re.compile(r"\b(?:median|mean|average)\s*$", re.IGNORECASE)
# A range in years of age with no "aged" before it: "must be 18 to 75 years old".
_YEARS_OLD = re.compile(
    r"\b(?:between\s+)?(\d{1,3})\s*(?:-|–|to|and)\s*(\d{1,3})\s+years?\s+(?:old|of\s+age)\b",
    re.IGNORECASE,
)


def find_ages_in_prose(text: str | None) -> tuple[float | None, float | None]:
    """Age limits a sentence states after "aged"/"ages": "adults aged between 18 and 70".

    Only the words right after the cue are read, so "a mean age of 45 years" or
    "18 patients" elsewhere in the sentence are not limits.
    """
    for match in _AGED.finditer(text or ""):
        if _STATISTIC.search(text, max(0, match.start() - 12), match.start()):  # type: ignore[arg-type]
            continue  # "median age 45 years, range 28-59": who enrolled, not who may
        after = text[match.end() : match.end() + _AGED_WINDOW]  # type: ignore[index]
        after = re.split(r"[.;:()]", after, maxsplit=1)[0]
        if not _AGED_LIMIT.match(after):
            continue  # "aged adults received 2-4 doses", "the age of onset"
        window = match.group() + after  # the cue tells bare numbers are ages
        low, high = _from_range(window) or _from_limits(window)
        if low is not None or high is not None:
            return low, high
    if text and (years := _YEARS_OLD.search(text)) is not None:  # "must be 18 to 75 years old"
        return float(years.group(1)), float(years.group(2))
    return None, None
