"""Cell doses: "1×10^5/kg", "1x10\\^5 cells/Kg", "1.0 × 10⁶", "5e5", "0.5-1 × 10^6".

Scraping mangles scientific notation: superscripts flatten ("1×105/kg" is
1×10^5, "1 × 107/kg" is 10^7), "10e6" stands for 10^6, spaces and escapes
intrude ("5.0 e5/ kg"). Only cell doses are read: milligram drug doses and
lab values per litre are other things (prior therapy, thresholds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_NUM = r"\d+(?:\.\d+)?"
_TIMES = r"\s*[×xX*]\s*"
# mantissa [- mantissa] × 10^exp | mantissa e exp | 10eN
_DOSE = re.compile(
    rf"""(?<![\w.])
    (?P<lo>{_NUM})(?:\s*(?:-|–|~|to)\s*(?P<hi>{_NUM}))?
    (?:
        {_TIMES}10\s*(?:\^|\*\*|\\\^)\s*(?P<exp>-?\d{{1,2}})
      | {_TIMES}10(?P<flat>\d{{1,2}})(?=\s*(?:/|cells|car|million|\())
      | {_TIMES}10[⁰¹²³⁴⁵⁶⁷⁸⁹]+
      | \s*[eE]\s*\+?(?P<e>\d{{1,2}})
    )
    (?P<unit>\s*(?:\(?\s*(?:car[\s-]*(?:\+|positive|t)?[\s-]*)?(?:t[\s-]*)?cells?\s*\)?)?
        \s*(?:/\s*(?:kg|m2|m²)\b)?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SUPER_EXP = re.compile(r"10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)")
_MIN_CELLS = 1e3


@dataclass(frozen=True)
class DoseMention:
    value: float
    value_max: float | None
    unit: str
    start: int
    end: int
    text: str


def find_doses(text: str) -> list[DoseMention]:
    """Cell-dose mentions in ``text`` order (duplicates kept; the caller deduplicates)."""
    found = []
    for match in _DOSE.finditer(text):
        exponent = _exponent(match)
        unit = _unit(match.group("unit"))
        if exponent is None or unit is None:
            continue
        scale = 10.0**exponent
        if match.group("e") and match.group("lo") == "10" and not match.group("hi"):
            scale /= 10  # "10e6" is how pages write 10^6, not 10 × 10^6
        value = float(match.group("lo")) * scale
        high = float(match.group("hi")) * scale if match.group("hi") else None
        if value < _MIN_CELLS:
            continue
        end = match.start("unit") + len(match.group("unit").rstrip())
        found.append(DoseMention(value, high, unit, match.start(), end, text[match.start() : end]))
    return found


def _exponent(match: re.Match[str]) -> int | None:
    for group in ("exp", "flat", "e"):
        if match.group(group):
            return int(match.group(group))
    superscript = _SUPER_EXP.search(match.group())
    if superscript:
        return int(superscript.group(1).translate(_SUPERSCRIPTS))
    return None


def _unit(raw: str) -> str | None:
    """Normalised unit; None when the mention names neither cells nor a per-kg/m² basis."""
    lowered = raw.lower()
    has_cells = "cell" in lowered
    per = "/kg" if re.search(r"/\s*kg", lowered) else "/m2" if re.search(r"/\s*m[2²]", lowered) else ""
    if not has_cells and not per:
        return None
    car_positive = re.search(r"car[\s-]*(?:\+|positive)", lowered) is not None
    base = "CAR+ cells" if car_positive else "cells"
    return base + per
