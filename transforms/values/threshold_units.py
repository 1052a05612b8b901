"""Comparison words, numbers and units as they appear in eligibility criteria.

Every reader here is anchored at a position (``pattern.match(text, pos)``) so the
threshold scanner walks a criterion once. Unit spellings vary by site
("ML/min/1.73m2", "ml/(min.1.73m2)", "×upper limit of normal (ULN)") and are
normalised to ``schemas.THRESHOLD_UNITS``; a unit we do not know is reported as
``UNKNOWN`` so that "1 mg/kg" is never read as a bare number.
"""

from __future__ import annotations

import re

UNKNOWN = "?"
LOST = "lost"  # "=" / "?" standing for a lost "≥" or "≤"

_GE = (
    r"≥\s*or\s*=|>\s*or\s*=|>\s*/?\s*=|≥|>=|=>|⩾|greater\s+than\s+or\s+equal\s+to"
    r"|(?:more|higher)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|higher)\s+than"
    # a "than" or a "to" lost: "greater or equal to 50%", "equal or greater than 8 g/dL"
    r"|(?:greater|more|higher)\s+(?:than\s+)?or\s+equal(?:\s+to)?"
    r"|equal(?:\s+to)?\s+or\s+(?:greater|more|higher)(?:\s+than)?"
    r"|no[t]?\s+(?:less|lower|fewer)\s+than|not\s+below|no\s+lower|at\s+least|(?:a\s+)?minimum\s+of"
    r"|大于等于|不低于|不少于"
)
_LE = (
    r"≤\s*or\s*=|<\s*or\s*=|<\s*/?\s*=|≤|<=|=<|⩽|less\s+than\s+or\s+equal\s+to"
    r"|lower\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|lower)\s+than"
    r"|(?:less|lower)\s+(?:than\s+)?or\s+equal(?:\s+to)?"
    r"|equal(?:\s+to)?\s+or\s+(?:less|lower)(?:\s+than)?"
    r"|no[t]?\s+(?:more|greater|higher)\s+than|not\s+exceeding|not\s+to\s+exceed"
    r"|(?:does\s+)?not\s+exceed|not\s+above|up\s+to|at\s+most|(?:a\s+)?maximum\s+of|within"
    r"|小于等于|不超过|不高于"
)
_GT = r">|(?:greater|more|higher)\s+than|over|above|exceeding|exceeds?|大于|高于|超过"
_LT = r"<|(?:less|lower|fewer)\s+than|below|under|小于|低于"
OPERATOR = re.compile(
    rf"(?:(?P<ge>{_GE})|(?P<le>{_LE})|(?P<gt>{_GT})|(?P<lt>{_LT})|(?P<lost>[=?](?=\s*\d)))"
    r"(?![A-Za-z])\s*",
    re.IGNORECASE,
)
_OPERATOR_CODES = {"ge": ">=", "le": "<=", "gt": ">", "lt": "<", "lost": LOST}

# Thousands separated by commas ("100,000/µL"), or a decimal comma ("≥ 1,5 × 10^9/L").
NUMBER = re.compile(
    r"(?<![\d.,])(?:1\s*(?:[:：]\s*(?P<titre>\d{1,6})|/\s*(?P<titre_slash>\d{2,6}))(?!\d)"
    r"|(?P<comma>\d{1,3},\d{1,2})(?![\d,])"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"
    r"|\d{1,9}(?:\.\d{1,6})?)(?!\d|\.\d))"
)
RANGE_SEP = re.compile(r"\s*(?:-|–|—|~|～|to|through|thru|and|or)\s*", re.IGNORECASE)
POSTFIX = re.compile(
    r"\s*(?:(?:or|and)\s+(?P<ge>older|above|over|more|greater|higher|elder)\b|(?P<ge2>以上))"
    r"|\s*(?:(?:or|and)\s+(?P<le>younger|below|under|less|lower|fewer)\b|(?P<le2>以下))",
    re.IGNORECASE,
)

_UNITS: list[tuple[str, str]] = [
    (
        r"m[lL]\s*/\s*\(?\s*min(?:ute)?s?\s*(?:[./·*]|/|\s*per\s*)?\s*1[.,]73\s*"
        # "m2", "m²", "m^2", "m 2" (the superscript lost), "m-2", "square metres", a bare "m"
        r"(?:m2|m²|㎡|m\^2|m\s2\b|m-2\b|square\s+met(?:er|re)s?\b|sq\.?\s*m\b|m(?![A-Za-z0-9]))"
        r"(?:\s*\))?",  # "1,73 m2" with a decimal comma, "1.73 m 2" with its superscript lost
        "mL/min/1.73m2",
    ),
    (r"m[lL]\s*/\s*min(?:ute)?s?", "mL/min"),
    (
        # "× ULN", "times the ULN", "2.5-fold ULN", "times of upper normal limit", "3 times
        # higher than the upper limit of normal" (translated pages), "倍正常值上限".
        r"(?:[×xX*✕]\s*(?:the\s+)?|-?\s*times\s+(?:higher\s+than\s+)?(?:of\s+)?(?:the\s+)?"
        r"|-?\s*fold\s+(?:of\s+)?(?:the\s+)?|倍\s*)?(?:(?:institutional|local|laboratory)\s+)?"
        r"(?:ULN|upper\s+limit\s+(?:of\s+)?(?:the\s+)?normal(?:\s+(?:range|value))?"
        r"|(?:upper\s+normal|normal\s+upper)\s+limit|正常(?:值|范围)?上限)"
        r"(?:\s*\(\s*ULN\s*\))?",
        "xULN",
    ),
    (
        # "× 10^9/L", "·10^9/L", "x 10(9)/L", "10^9 per liter", "G/L", "Giga/L"
        r"[×xX*✕·⋅]\s*10\s*(?:\^|\*\*|\*|E)?\s*(?:\(\s*9\s*\)|9|⁹)\s*(?:cells\s*)?"
        r"(?:/\s*L|per\s+lit(?:er|re)|\s*L\s*[-−]\s*1)(?![A-Za-z\d])|(?-i:G/[Ll])|giga\s*/\s*L(?![A-Za-z])",
        "10^9/L",
    ),
    # Per nanolitre, or giga-particles per litre, as German labs write counts: "≥ 75/nl", "Gpt/l".
    (r"(?:cells\s*)?/\s*nL(?![A-Za-z])|Gpt\s*/\s*L(?![A-Za-z])", "10^9/L"),
    # Thousands per microlitre are 10^9 per litre: "1.0 × 10³/µL", "100 K/µL".
    (
        r"(?:[×xX*✕]\s*10\s*(?:\^|\*\*|\*|[eE])?\s*(?:3|³|\(\s*3\s*\))|K)\s*(?:cells\s*)?/\s*"
        r"(?:[µμu]L|mm3|mm\^3|mm³)"
        r"(?![A-Za-z])",
        "10^9/L",
    ),
    (
        # "/mcL" (the NCI template's), "/cmm"
        r"(?:cells\s*)?(?:/|per)\s*(?:mm3|mm\^3|mm³|[µμu]L|mcL|cmm|cubic\s+mm|micro-?lit(?:er|re)"
        r"|cubic\s+millimet(?:er|re))"
        r"(?![A-Za-z])",
        "cells/uL",
    ),
    (r"%\s*(?:of\s+)?(?:the\s+)?(?:predicted|pred\.?)(?:\s+(?:value|normal))?", "% predicted"),
    (r"%|per\s*cent(?![A-Za-z])", "%"),
    (r"mg\s*/\s*dL", "mg/dL"),
    (r"mg\s*/\s*g(?:\s*(?:cr|creatinine))?(?![A-Za-z])", "mg/g"),
    (r"mg\s*/\s*mmol(?:\s*(?:cr|creatinine))?(?![A-Za-z])", "mg/mmol"),  # UPCR in SI units
    # A ratio of grams to grams of creatinine: "UPCR ≥ 0.5 g/g", "1.0 g/gCr", "0.5 mg/mg".
    (r"(?:g\s*/\s*g|mg\s*/\s*mg)(?:\s*(?:cr|creatinine))?(?![A-Za-z])", "g/g"),
    (r"[µμu]mol\s*/\s*L", "umol/L"),
    (r"(?:g|gm)\s*/\s*dL", "g/dL"),
    (r"g\s*/\s*L(?![A-Za-z])", "g/L"),
    (r"g\s*/\s*(?:24\s*h(?:ours?|rs?)?|day|d(?![A-Za-z]))", "g/24h"),
    (r"mg\s*/\s*(?:24\s*h(?:ours?|rs?)?|day|d(?![A-Za-z]))", "mg/24h"),
    # A bare mass: the concept's own unit says per what ("24-hour urine protein ≥ 0.5 g").
    (r"mg(?![A-Za-z/])", "mg"),
    (r"g(?![A-Za-z/])", "g"),
    (r"IU\s*/\s*mL", "IU/mL"),
    (r"U\s*/\s*mL", "U/mL"),
    (r"mmol\s*/\s*L(?![A-Za-z])", "mmol/L"),
    (r"I?U\s*/\s*L(?![A-Za-z])", "U/L"),
    (r"kg\s*/\s*m(?:2|²|\^2)(?!\d|\.\d)", "kg/m2"),  # "BMI ≥ 40 kg/m2." ends a sentence
    (r"kg(?![A-Za-z/])|kilograms?", "kg"),
    (r"(?:ms|msec|milliseconds?)(?![A-Za-z])", "ms"),
    # "mRSS ≥ 15 units": a score's units ("units/mL" is a concentration's)
    (r"points?(?![A-Za-z])|pts?(?![A-Za-z])|units?(?![A-Za-z/])|分(?!钟)", "points"),
    (r"(?:years?|yrs?|y)(?:\s+old|\s+of\s+age)?(?![A-Za-z])|岁", "years"),
    (r"months?(?![A-Za-z])|个?月", "months"),
    (r"weeks?(?![A-Za-z])|周(?!岁)", "weeks"),  # "周岁" is full years of age
    (r"days?(?![A-Za-z])|天", "days"),
]
_UNIT = re.compile(
    r"\s*(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS)) + ")",
    re.IGNORECASE,
)
# Words that may follow a unit-less number without making it a different quantity.
_STOP_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as one string
        "and or with without in on for at during within "
        "before after prior as if when while who which that "
        "the by but is are was were respectively including "
        "despite although unless except since also even than inclusive"
    ).split()
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|[/×*^µμ])")


def operator_at(text: str, pos: int) -> tuple[str, int] | None:
    """(operator code, end) when a comparison starts at ``pos``."""
    match = OPERATOR.match(text, pos)
    if match is None:
        return None
    return _OPERATOR_CODES[str(match.lastgroup)], match.end()


def number_at(text: str, pos: int, *, comma: bool = True) -> tuple[float, bool, int] | None:
    """(value, is_titre, end) for a number at ``pos``; "1:80" is the titre 80.

    ``comma``: whether "1,5" is 1.5. Only after a comparison: "ECOG 0,1 or 2" lists values.
    """
    match = NUMBER.match(text, pos)
    if match is None:
        return None
    if titre := match.group("titre") or match.group("titre_slash"):  # "1:80", "1/160"
        return float(titre), True, match.end()
    if match.group("comma"):
        if not comma:
            return None
        return float(match.group("comma").replace(",", ".")), False, match.end()
    digits = match.group("num")
    for separator in (",", " ", "\u00a0", "\u202f"):  # thousands: "100,000", "100 000"
        digits = digits.replace(separator, "")
    return float(digits), False, match.end()


def unit_at(text: str, pos: int) -> tuple[str | None, int]:
    """(normalised unit, end) after a number; None when no unit follows, UNKNOWN when
    something unit-like we do not know follows ("mg/kg", "copies/ml", "A")."""
    match = _UNIT.match(text, pos)
    if match is not None:
        return _UNITS[int(str(match.lastgroup)[1:])][1], match.end()
    word = _NEXT_WORD.match(text, pos)
    if word is None or word.group(1).lower() in _STOP_WORDS:
        return None, pos
    return UNKNOWN, pos


def postfix_at(text: str, pos: int) -> tuple[str, int] | None:
    """A comparison written after the value: "18 years or older", "60 mL/min or more"."""
    match = POSTFIX.match(text, pos)
    if match is None:
        return None
    return (">=" if match.group("ge") or match.group("ge2") else "<="), match.end()
