"""Comparison operators, numbers and units as eligibility criteria write them."""

from __future__ import annotations

import re

from transforms.values.threshold_lexicon import DEFAULT_UNIT

OPERATOR_WORDS = {
    "at least": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "greater than or equal to": ">=",
    "more than or equal to": ">=",
    "≥": ">=",
    ">=": ">=",
    "=>": ">=",
    "⩾": ">=",
    "more than": ">",
    "greater than": ">",
    "higher than": ">",
    "above": ">",
    "over": ">",
    "exceeding": ">",
    "exceeds": ">",
    "exceed": ">",
    ">": ">",
    "less than or equal to": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "not exceeding": "<=",
    "no greater than": "<=",
    "not greater than": "<=",
    "up to": "<=",
    "at most": "<=",
    "≤": "<=",
    "<=": "<=",
    "=<": "<=",
    "⩽": "<=",
    "less than": "<",
    "lower than": "<",
    "below": "<",
    "under": "<",
    "<": "<",
}
_OPS = "|".join(sorted((re.escape(k) for k in OPERATOR_WORDS), key=len, reverse=True))
_UNIT = r"""(?:
    \s*[×x*]\s*10\s*\^?\s*9\s*/\s*l\b
  | \s*[×x*]?\s*(?:the\s+)?(?:times\s+(?:the\s+)?)?
    (?:uln\b|upper\s+limits?\s+of\s+(?:the\s+)?normal(?:\s*\(uln\))?)
  | \s*m[lL]\s*/\s*\(?\s*min\s*[./·]?\s*(?:/\s*)?1\.73\s*m\s*(?:2|²|\^2)\s*\)?
  | \s*ml\s*/\s*min\b
  | \s*%\s*(?:of\s+)?(?:the\s+)?predicted(?:\s+value)?
  | \s*%
  | \s*g\s*/\s*dl\b | \s*g\s*/\s*l\b | \s*mg\s*/\s*dl\b | \s*[uµμ]mol\s*/\s*l\b
  | \s*iu\s*/\s*ml\b | \s*mg\s*/\s*g\b | \s*mg\s*/\s*mmol\b
  | \s*kg\b | \s*(?:years?|yrs?)\b | \s*months?\b | \s*weeks?\b | \s*points?\b
)"""
COMPARISON = re.compile(
    rf"(?P<op>{_OPS}|(?<![\w.])[=?:：](?=\s*\d))\s*(?:of\s+)?"
    rf"(?P<num>1\s*:\s*\d+|\d+(?:\.\d+)?)(?![\d.]*\s*[-–~]\s*\d)(?!\s+[A-E]\b)(?P<unit>{_UNIT})?"
    rf"(?P<after>\s*(?:old\s+)?or\s+(?:older|more|above|greater|higher|younger|less|below|lower))?"
    rf"|(?P<num2>\d+(?:\.\d+)?)(?P<unit2>\s*(?:years?|yrs?))\s*(?:old\s+)?(?P<after2>or\s+(?:older|above|more))",
    re.IGNORECASE | re.VERBOSE,
)
RANGE = re.compile(
    rf"(?P<lo>\d+(?:\.\d+)?)\s*(?:-|–|~|to|and)\s*(?P<hi>\d+(?:\.\d+)?)(?!\.?\d|:)(?P<unit>{_UNIT})?",
    re.IGNORECASE | re.VERBOSE,
)

_CANONICAL = [
    (r"10\s*\^?\s*9", "10^9/L"),
    (r"uln|upper", "xULN"),
    (r"1\.73", "mL/min/1.73m2"),
    (r"ml\s*/\s*min", "mL/min"),
    (r"predicted", "% predicted"),
    (r"%", "%"),
    (r"g\s*/\s*dl", "g/dL"),
    (r"mg\s*/\s*dl", "mg/dL"),
    (r"mol", "umol/L"),
    (r"g\s*/\s*l", "g/L"),
    (r"iu", "IU/mL"),
    (r"mg\s*/\s*g", "mg/g"),
    (r"mg\s*/\s*mmol", "mg/mmol"),
    (r"kg", "kg"),
    (r"y", "years"),
    (r"month", "months"),
    (r"week", "weeks"),
    (r"point", "points"),
]


def normalize_unit(raw: str | None, concept: str) -> str:
    """Canonical unit of a comparison; the concept's default when none is written."""
    if raw and raw.strip():
        lowered = raw.strip().lower()
        for pattern, unit in _CANONICAL:
            if re.search(pattern, lowered):
                return unit
    return DEFAULT_UNIT.get(concept, "")
