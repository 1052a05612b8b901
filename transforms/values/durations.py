"""Outcome time frames -> the longest horizon in days.

Contract conventions: 1 week = 7 days, 1 month = 30, 1 year = 365; hours and
minutes round up to whole days. A unit applies to the run of numbers it
touches: after them ("12, 24, 36 and 52 weeks") or before them ("Month 2, 3,
6, 12"). The text is read as tokens, so words with digits ("CD19", "SRI-4",
"Grade 3") are never durations and the scan is linear on any input.
"""

from __future__ import annotations

import math
import re

from transforms.values.memo import text_cache
from transforms.values.numbers import WORD_VALUES, words_to_digits

_DAYS_PER = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}
_UNIT_WORDS = {
    "minute": ("min", "mins", "minute", "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("d", "day", "days"),
    "week": ("wk", "wks", "week", "weeks"),
    "month": ("mo", "mos", "month", "months"),
    "year": ("y", "yr", "yrs", "year", "years"),
}
_UNITS = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
# Frames count in words ("two years", "Fifteen years", "Twenty-four months").
_NUMBER_WORDS = {word: float(value) for word, value in WORD_VALUES.items()}
_TENS_WORD = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]", re.I)
# "…" and "..." stand for the numbers left out: "Month 2, 3 … 24".
_CONNECTORS = {",", "and", "or", "&", "-", "–", "—", "to", "through", "/", "~", "…", "..."}
# A unit may be joined to a number by a hyphen or colon ("Day-1", "28-day", "Week: 4").
_GLUE = {"-", ":", "–", "+"}  # "Day +100": days after the infusion
_TOKEN = re.compile(
    r"(?P<num>\d{1,9}(?:\.\d{1,6})?)(?P<glued>[A-Za-z]+)?(?![\w])|[A-Za-z]+\d\w*|\d\w*|[A-Za-z]+"
    r"|\.{3}|\S"
)

# Visit codes: "D28, M3, M6" (day 28, months 3 and 6), as registries abbreviate them.
_SHORT_VISIT = re.compile(r"([DWMY])(\d{1,4})")
_VISIT_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_GLUED_VISIT = re.compile(r"(days?|weeks?|wks?|months?|years?)(\d{1,4})", re.IGNORECASE)
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})
_RESTATED = re.compile(r"\b(?P<word>\d{1,3})\s*\(\s*(?P=word)\s*\)")

Token = tuple[str, object]


def _classify_word(word: str) -> Token:
    """A word token: a number word, a unit, a connector, glue, or anything else."""
    lower = word.lower()
    if lower in _NUMBER_WORDS:
        return ("num", _NUMBER_WORDS[lower])
    # Single letters count as units only in their usual lower-case abbreviations.
    if lower in _UNITS and (len(lower) > 1 or word in {"d", "h", "y"}):
        return ("unit", _UNITS[lower])
    if lower in _GLUE:
        return ("glue", lower)
    if lower in _CONNECTORS:
        return ("conn", lower)
    return ("other", lower)


# Chinese units after their number: "输注后28天" (28 days after infusion), "第24周" (week 24).
_CJK_UNITS = re.compile(r"个月|小时|[天日周月年]")
_CJK_WORDS = {"个月": "months", "小时": "hours", "天": "days", "日": "days", "周": "weeks"}
_CJK_WORDS |= {"月": "months", "年": "years"}
_CJK_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?")  # a date


def _tokens(text: str) -> list[Token]:
    """Classify every token; "28days" gives a number then a unit."""
    if not text.isascii():
        text = _CJK_UNITS.sub(lambda m: f" {_CJK_WORDS[m.group()]} ", _CJK_DATE.sub(" ", text))
    if _TENS_WORD.search(text) or "undred" in text:  # "Twenty-eight days": 28, not 8
        text = words_to_digits(text)
    if "(" in text:  # "Two (2) years": the number again in digits
        text = _RESTATED.sub(r"\g<word>", words_to_digits(text))
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        if match.group("num") is None:
            word = match.group()
            if word[0] in "DWMY" and (short := _SHORT_VISIT.fullmatch(word)):  # "D28", "M12"
                out.append(("unit", _VISIT_UNITS[short.group(1)]))
                out.append(("num", float(short.group(2))))
                continue
            if (glued := _GLUED_VISIT.fullmatch(word)) is not None:  # "Month24", "Week52"
                out.append(_classify_word(glued.group(1)))
                out.append(("num", float(glued.group(2))))
                continue
            out.append(_classify_word(word))
            continue
        out.append(("num", float(match.group("num"))))
        if match.group("glued") in _ORDINAL_ENDS:  # "the 28th day", "1st, 3rd and 6th month"
            continue
        if match.group("glued") == "m":  # "12m": months, glued ("10 m walk test" is metres)
            out.append(("unit", "month"))
        elif match.group("glued"):
            out.append(_classify_word(match.group("glued")))
    return out


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Index spans [start, end) of number runs joined by connectors ("12, 24 and 52")."""
    runs, i = [], 0
    while i < len(tokens):
        if tokens[i][0] != "num":
            i += 1
            continue
        start = end = i
        j = i + 1
        while j < len(tokens) and tokens[j][0] in {"conn", "glue", "num"}:
            if tokens[j][0] == "num":
                end = j
            j += 1
        runs.append((start, end + 1))
        i = end + 1
    return runs


def _unit_at(tokens: list[Token], index: int, step: int) -> str | None:
    """The unit at ``index`` (skipping one glue token in direction ``step``), else None."""
    if 0 <= index < len(tokens) and tokens[index][0] == "glue":
        index += step
    if 0 <= index < len(tokens) and tokens[index][0] == "unit":
        return str(tokens[index][1])
    return None


def _run_days(tokens: list[Token], start: int, end: int) -> float | None:
    """Longest horizon of one number run, from the unit before it ("Month 6") and/or
    after it ("6 months"); with both ("Day 28 to 12 months") the unit after the run
    belongs to its last number only."""
    numbers = [float(v) for kind, v in tokens[start:end] if kind == "num"]
    prefix, suffix = _unit_at(tokens, start - 1, -1), _unit_at(tokens, end, 1)
    if prefix and suffix and prefix != suffix and len(numbers) > 1:
        return max(max(numbers[:-1]) * _DAYS_PER[prefix], numbers[-1] * _DAYS_PER[suffix])
    unit = prefix or suffix
    return max(numbers) * _DAYS_PER[unit] if unit else None


def parse_time_frame_days(text: str | None) -> int | None:
    """Longest horizon named in a time frame, in whole days; None when none is named."""
    if not text:
        return None
    return _days(_tokens(text))


def _days(tokens: list[Token]) -> int | None:
    longest: float | None = None
    for start, end in _runs(tokens):
        days = _run_days(tokens, start, end)
        if days is not None:
            longest = days if longest is None else max(longest, days)
    if longest is None:
        return None
    return math.ceil(longest - 1e-9)


# Words a line that is only a time frame may hold besides numbers and units:
# "up to 2 years after infusion", "Day 28 post dose", "from baseline to week 24".
# fmt: off
_FRAME_WORDS = frozenset({
    "up", "to", "from", "at", "after", "post", "before", "until", "through", "by",
    "within", "of", "the", "a", "an", "each", "every", "baseline", "infusion",
    "treatment", "dose", "dosing", "visit", "screening", "follow", "followup", "end",
    "study", "enrollment", "enrolment", "randomization", "first", "last", "month",
    "week", "day", "year", "approximately", "about", "following",
})
# fmt: on
_MAX_OTHER_WORDS = 2
# What was infused, named before "infusion": "CAR-T cell", "CD19 CAR T-cell", "cell".
_INFUSED_PRODUCT = re.compile(
    r"\b(?:(?:anti-?)?CD\d{1,3}[\s-]+)?(?:CAR[\s+-]*T(?:[\s-]+cells?)?|CART(?:[\s-]+cells?)?"
    r"|cells?)(?=[\s-]+(?:infusion|administration)\b)",
    re.IGNORECASE,
)


@text_cache
def is_time_frame(text: str) -> bool:
    """Whether ``text`` is only a time frame ("Day-1, 14, 28 and Month 2, 3, 6, 12, 24").

    Counting the words that are neither numbers, units nor frame words tells a
    bare frame line from a measure or a sentence that mentions a duration.
    Cached: outcome sections repeat their frame lines from page to page.
    """
    if "nfusion" in text or "dministration" in text:
        text = _INFUSED_PRODUCT.sub(" ", text)  # "after CAR-T cell infusion": "after infusion"
    tokens = _tokens(text)
    if _days(tokens) is None:
        return False
    other = [word for kind, word in tokens if kind == "other" and word not in _FRAME_WORDS]
    return sum(1 for word in other if isinstance(word, str) and word.isalpha()) <= _MAX_OTHER_WORDS
