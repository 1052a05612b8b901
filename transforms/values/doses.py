"""Cell doses in text: "1×10^6 CAR-T cells/kg", "0.5-1 × 10^6 cells/kg", "2e8 CAR+ T cells".

Only cell counts are doses here: a magnitude (×10^N, a superscript, e-notation,
"million") followed by a cell word or a per-kg / per-m² unit. Drug doses
("1 mg/kg") have no magnitude and lab values ("50×10^9/L") are per litre, so
neither matches. Scraping artefacts handled: "10\\^6" escapes, superscripts
flattened into digits ("1×105/kg" is 1×10^5: ×10 glued to one or two digits and
then a unit, or parted from it by a space: "2.5 x 10 6 cells/kg"), and "10e6" written
for 10^6, alone or after a mantissa ("2 x 10e6").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.values.memo import text_cache


@dataclass(frozen=True)
class DoseMention:
    """One stated cell dose (or dose range) and where it was written."""

    value: float
    value_max: float | None
    unit: str
    start: int
    end: int
    text: str


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
# A middle dot is a times sign too in European and Chinese texts: "3·10^6 cells/kg".
# "?" too, where the page lost the "×" ("2 ? 10^6 cells/kg"): every use has "10" after it.
_TIMES = r"(?:[×xX✕*·⋅?]|\\\*)"
# A decimal comma ("1,5 × 10^6", as much of Europe writes it) has one or two digits after it;
# a raised decimal point ("1·5 × 10^6", as journals print it) has a times sign after it.
# Not inside a word or a number; after a Chinese character it may start ("剂量为1×10^6/kg").
# Not after a digit's comma ("1,5"), but after a list's ("1×10^6/kg,2×10^6/kg").
_MANTISSA = (
    r"(?<![A-Za-z\d_.^])(?<!\d,)"
    r"(?P<m>\d+(?:\.\d+|,\d{1,2}(?!\d)|[·⋅]\d{1,2}(?=\s*(?:[×xX✕*]|\\\*)))?)"
)
# A power of ten with no mantissa: "10^6 CAR-T cells/kg" is one million (not after a "×").
_BARE_POWER = (
    r"(?<![\w.,^*×✕·⋅\\])(?<![×xX✕*·⋅]\s)(?<!\d\s\?\s)10\s*(?:(?:\\?\^|\*\*)\s*(?P<bare>\d{1,2})(?!\d)"
    r"|(?P<bare_sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))"
)
_MAGNITUDE = re.compile(
    r"(?=\d)(?:"  # every magnitude starts with a digit: other positions are skipped cheaply
    + _BARE_POWER
    # a count written out, with thousands separators or none: "1,000,000 cells/kg", "1 000 000",
    # "1.000.000", "1'000'000", "1000000" (a unit must follow: see ``_UNIT``)
    + r"|(?<![\w.,'^])(?P<grouped>\d{1,3}(?P<sep>[,. '])\d{3}(?:(?P=sep)\d{3})+|[1-9]\d{6,10})"
    + r"(?![\d,.'])"
    + "|"
    + _MANTISSA
    + r"\s*(?:"
    + _TIMES
    + r"\s*10\s*(?:(?:\\?\^|\*\*?)\s*\(?|\()(?P<caret>[+-]?\d{1,2})\)?(?!\d)"  # "10(6)", "10*6"
    + r"|"
    + _TIMES
    + r"\s*10\s*(?P<sup>[⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
    + r"|"
    + _TIMES
    + r"\s*10(?P<flat>\d{1,2})(?=\s*(?:/\s*(?:kg|m2|m²)|per\b"
    # "1 × 106 CD19 CAR-T cells/kg", "1 × 108 anti-CD19 CAR-T cells"
    + r"|(?:total\s+|viable\s+)?(?:cells?\b|c?CAR)|(?:anti-?)?(?:CD\d{1,3}|BCMA)[\s-]+c?CAR"
    # or the low end of a range whose high end is flattened the same way: "2 × 108 and 5 × 108"
    + r"|(?:and|to|-|–)\s*\d+(?:\.\d+)?\s*[×xX✕*]\s*10\d))"
    + r"|"
    + _TIMES  # the superscript lost with a space left: "2.5 x 10 6 cells/kg"
    + r"\s*10 (?P<spaced>[5-9]|1[0-2])(?=\s*(?:/\s*(?:kg|m2|m²)|cells?\b|c?CAR|per\b))"
    + r"|"
    + _TIMES
    + r"\s*10\s*[eE]\s*\+?(?P<times_e>\d{1,2})(?!\d)"  # "2 x 10e6": 10e6 written for 10^6
    + r"|[eE]\s*\+?(?P<enote>\d{1,2})(?!\d)"
    + r"|(?P<word>million|billion|mio|(?-i:M))\b"  # "50M CAR T cells"
    + r"))",
    re.IGNORECASE,
)
# Qualifiers between the magnitude and "cells": "CAR-T", "CAR+ T", "CD19 CAR-T", "viable",
# a compound CAR ("cCAR T cells"), the product's code ("1 x 10^8 KYV-101 CAR T cells",
# "2.5 × 10^7 DSG3-CAART cells").
_QUALIFIER = (
    r"(?:(?:anti-?)?(?:c?CAR|CART|CAAR|TCR|NK|CD\d{1,3}|BCMA|T|viable|total|autologous|transduced"
    r"|positive|expressing|engineered|modified|[A-Z]{2,6}-\d{2,6}"
    # how the product is made or aimed: "allogeneic", "fully human", "CD19-targeted",
    # "CD19-directed", "dual-target"
    r"|allogeneic|fully\s+human|humani[sz]ed|targeted|directed|specific|dual[\s-]target(?:ed)?"
    r"|(?-i:[A-Z][A-Z0-9]{1,8}-[A-Z][A-Z0-9]{1,8}))[+⁺]?[\s\-/]*){0,6}"  # "DSG3-CAART"
)
# Chinese counts the cells with a measure word and names them after it: "1×10^6个CAR-T细胞/kg".
_UNIT = re.compile(
    r"\s*个?(?P<cells>(?P<qual>"
    + _QUALIFIER
    + r")(?:cells?\b|细胞|(?<=\w)(?=\s*/\s*(?:kg|m2|m²)\b)))?\s*"
    + r"(?P<per>(?:/|per\s+|for\s+each\s+|每)\s*"
    + r"(?:(?P<kg>kg|kilogram(?:\s+of\s+body\s*weight)?|公斤|千克)"
    + r"|(?P<m2>m2|m²|m\^2|square\s+met(?:er|re)))(?![A-Za-z]))?",
    re.IGNORECASE,
)
# "(±20%)", "(+/- 20%)", or bare: "1 × 10^6 ± 20% CAR+ T cells/kg"
_TOLERANCE = re.compile(
    r"\s*(?:\(\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%\s*\)|(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%)"
)
# Cells named by the product's kind alone: "DL1: 5 × 10^7 CAR-T", "2 × 10^8 CAR+ T".
_CAR_T_ONLY = re.compile(
    r"\s*(?:(?:total|viable|autologous|allogeneic)\s+|anti-[\w-]+\s+)?"
    r"(?P<car>CAR\s*[+⁺]\s*T|CAR[- ]?T|CART)\b(?![-\s]*(?:cells?\b|/))",
    re.IGNORECASE,
)
# Words before a dose that give the range a target dose may fall in, not a level of its own.
_RANGE_OF_TARGET = re.compile(
    r"\b(?:range|ranging|acceptable\s+range(?:\s+of)?|window)\s*(?:of|:|from)?\s*$", re.I
)
# A share of the dose given on one day: "30% (3 × 10^5 cells/kg) on day 0".
_SHARE_BEFORE = re.compile(r"\d{1,3}\s*%\s*(?:of\s+the\s+dose\s*)?[(:]?\s*$")
_ASIDE = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,60}\)")
_SPECIFICATION = re.compile(r"specification|\bspec\b|规格|each\s+(?:bag|vial)\s+contains", re.I)
_SPEC_REACH = 60
_PER_CONTAINER = re.compile(r"\s*(?:/|per\s)\s*(?:(?:infusion\s+)?bags?|vials?|packs?)\b", re.I)
_PER_VOLUME = re.compile(r"\s*(?:/|per\s)\s*(?:[µμu]?L|mm3|mm³|m[lL]|d[lL]|lit(?:er|re))\b")
_RANGE_BEFORE = re.compile(  # after a Chinese word too: "剂量为1-3×10^6/kg"
    r"(?<![A-Za-z\d_.,^])(?P<low>\d+(?:\.\d+|,\d{1,2})?)\s*(?:-|–|—|~|to)\s*$"
    r"|(?<=between\s)(?P<between>\d+(?:\.\d+|,\d{1,2})?)\s+and\s+$",  # "between 1 and 2 × 10^6"
    re.IGNORECASE,
)
# A range in brackets before one scale: "(1-3)×10^6 cells/kg", "（0.5~1.0）×10^6/kg".
_BRACKETED_RANGE = re.compile(r"\((\d+(?:\.\d+)?\s*[-–~～]\s*\d+(?:\.\d+)?)\)(?=\s*[×xX*·]\s*10)")
# A level's or group's name before its number: "Dose 2 — 3 × 10^6", "Cohort 1: 1-2 × 10^6".
_LEVEL_NAME_BEFORE = re.compile(
    r"\b(?:dose|level|group|cohort|arm|part|step|tier|DL|No\.?)\s*$", re.IGNORECASE
)
# A level named and numbered before its dose: "Dose Level 2: ", "DL-1 = ", "Cohort 3 - ".
_NAMED_LEVEL_BEFORE = re.compile(
    r"\b(?:dose\s*level|DL|level|cohort|dose)\s*-?\d{1,2}[a-z]?\s*[:=\-–]\s*$", re.IGNORECASE
)
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|~|to)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
# Between listed levels: ", ", "and", "or", "→", "and then", ";", a level's name in
# brackets before it or its name after it: "50 × 10^6 (DL1), 100 × 10^6 (DL2) and …",
# "DL1 1×10^6, DL2 2×10^6, DL3 4×10^6 CAR-T cells/kg", "from 0.5 × 10^6 to 1 × 10^6 and
# then 2 × 10^6 cells/kg" (a range has its unit after its high end: read before this).
_LEVEL_NAME = r"(?:DL|dose\s+level|level|cohort)\s*-?\d{1,2}"
_COMPARED = re.compile(r"(?:[≥≤<>=]|at\s+least|more\s+than|less\s+than|above|below)\s*$", re.I)
_LIST_SEPARATOR = re.compile(
    rf"(?:\s*\({_LEVEL_NAME}\))?"
    r"\s*(?:,\s*(?:and\s+(?:then\s+)?|or\s+)?|\s(?:and(?:\s+then)?|or|then|to)\s|\s*(?:→|->)\s*"
    rf"|;\s*)\s*(?:{_LEVEL_NAME}\s*[:=]?\s*)?",
    re.IGNORECASE,
)
# Dose levels listed before one scale: "0.3, 1.0, and 3.0 × 10^6 cells/kg".
_LIST_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LIST_BEFORE = re.compile(  # not an exponent's digits: "2.0E+06 and 4.0E+06"
    r"(?<![\w.,^+/])(?P<items>\d+(?:\.\d+)?(?:\s*[,/]\s*\d+(?:\.\d+)?)*)"
    r"\s*(?P<sep>,\s*(?:and|or)|,|and|or|/)\s*$",  # "0.5/1.0/2.0 × 10^6" too
    re.IGNORECASE,
)
# A ceiling on a dose, not a dose level: "1×10^6 cells/kg (not to exceed 1×10^8 cells)".
_CAP_BEFORE = re.compile(
    r"(?:\b(?:not\s+to\s+exceed|not\s+exceeding|no\s+more\s+than|capped\s+at|a\s+cap\s+of"
    r"|at\s+most|max(?:imum|\.)?(?:\s+(?:total|flat))?(?:\s+dose)?(?:\s+of)?)|≤|<=?"
    r"|(?<=\()\s*\?)\s*[:(]?\s*$",  # "(? 1 × 10^8 cells)": a "≤" the page lost
    re.IGNORECASE,
)
# A count spelled out before "million": "one million cells/kg".
_SPELLED_VALUES = {"one": "1", "two": "2", "three": "3", "five": "5", "ten": "10"}
_SPELLED = re.compile(r"(?<![\w.])(one|two|three|five|ten)(\s+million)\b", re.IGNORECASE)
_UP_TO_BEFORE = re.compile(r"\b(?:up\s+to|to\s+a\s+max(?:imum)?\s+of)\s*$", re.IGNORECASE)
# A number that counts days or visits, not cells: "on day 0 and …", "D1, 3".
_COUNTED_BEFORE = re.compile(r"\b(?:days?|D|weeks?|months?|visits?|cycles?)\s*$", re.IGNORECASE)
_CAP_REACH = 32
_PER_DAY = re.compile(r"\s*(?:per\s+day|/\s*day|daily|each\s+day|a\s+day)\b", re.IGNORECASE)
_SPLIT_REACH = 80
_FLOOR_BEFORE = re.compile(
    r"\b(?:at\s+least|(?:a\s+)?minimum(?:\s+of)?|no\s+(?:fewer|less)\s+than)\s*[:(]?\s*$",
    re.IGNORECASE,
)
_MADE = re.compile(r"aphere|manufactur|\byield|harvest|\bcollect|expan(?:d|sion)|release", re.I)
_MADE_REACH = 80  # characters before a magnitude searched for a cap's words
_PRODUCED_BEFORE = re.compile(
    r"\b(?:yield(?:ed|s)?|contain(?:ed|s)|harvested|collect(?:s|ed)?|expanded\s+to|manufactured)\b"
    r"[^.;]{0,48}$",
    re.IGNORECASE,
)
_DOSE_WORDS = re.compile(r"\b(?:dose|dosed|infus\w*|administ\w*|receiv\w*|given)\b", re.I)
_CAR_POSITIVE = re.compile(r"CAR\s*[+⁺]|CAR[\s\-]*positive|\+\s*T\b|CAR-expressing", re.IGNORECASE)


def _decimal(number: str) -> float:
    return float(number.replace(",", ".").replace("·", ".").replace("⋅", "."))


def _value_of(match: re.Match[str]) -> tuple[float, float]:
    """(mantissa, scale) of one magnitude; 10eN written for 10^N gives (1, 10^N)."""
    if (bare := match.group("bare") or match.group("bare_sup")) is not None:
        return 1.0, 10.0 ** int(bare.translate(_SUPERSCRIPT))
    if (grouped := match.group("grouped")) is not None:
        return float(re.sub(r"\D", "", grouped)), 1.0
    mantissa = _decimal(match.group("m"))
    if match.group("word"):
        scale = {"million": 1e6, "mio": 1e6, "m": 1e6, "billion": 1e9}[match.group("word").lower()]
        return mantissa, scale
    if match.group("enote") is not None:
        exponent = int(match.group("enote"))
        if match.group("m") == "10":  # "10e6 cells/kg" is the 10^6 artefact, not 1e7
            return 1.0, 10.0**exponent
        return mantissa, 10.0**exponent
    if match.group("times_e") is not None:
        return mantissa, 10.0 ** int(match.group("times_e"))
    raw = (
        match.group("caret")
        or match.group("flat")
        or match.group("spaced")
        or match.group("sup").translate(_SUPERSCRIPT)
    )
    return mantissa, 10.0 ** int(raw)


def _product(match: re.Match[str]) -> float:
    mantissa, scale = _value_of(match)
    return mantissa * scale


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """Normalised dose unit starting at ``pos`` and where it ends, else None."""
    if (tolerance := _TOLERANCE.match(text, pos)) is not None:
        pos = tolerance.end()  # "2.0 × 10^6 (±20%) CAR-T cells/kg"
    match = _UNIT.match(text, pos)
    if match is None or not (match.group("cells") or match.group("per")):
        if (car := _CAR_T_ONLY.match(text, pos)) is not None:
            plus = "+" in car["car"] or "⁺" in car["car"]
            return ("CAR+ cells" if plus else "cells"), car.end()
        return None
    if not match.group("per") and _PER_VOLUME.match(text, match.end()):
        return None  # "ALC ≥ 0.5 × 10^9 cells/L": a blood count, not a dose
    if (
        not match.group("per")
        and _PER_CONTAINER.match(text, match.end())
        and _SPECIFICATION.search(text, max(0, pos - _SPEC_REACH), pos)
    ):
        return None  # "Specification: 1.0 × 10^8 CAR-T cells per bag": the product's, no dose
    prefix = "CAR+ " if match.group("qual") and _CAR_POSITIVE.search(match.group("qual")) else ""
    suffix = "/kg" if match.group("kg") else "/m2" if match.group("m2") else ""
    if not prefix and (named := _CAR_POSITIVE_AFTER.match(text, match.end())) is not None:
        return f"CAR+ cells{suffix}", named.end()  # "2 × 10^6 cells/kg (CAR+ T cells)"
    return f"{prefix}cells{suffix}", match.end()


# Which cells a dose counts, in brackets after its unit: "2 × 10^6 cells/kg (CAR+ T cells)".
_CAR_POSITIVE_AFTER = re.compile(
    r"\s*\(\s*CAR\s*[+⁺](?:\s*T)?(?:[\s-]*cells?)?\s*\)", re.IGNORECASE
)


def _mention(text: str, start: int, end: int, low: float, high: float | None, unit: str):
    """The dose's span ends at its last word, not at the space the unit's pattern took after it."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return DoseMention(low, high, unit, start, end, text[start:end])


# Where a column header may name its unit: "Dose (CAR-T cells/kg)", "Dose, cells/kg".
_HEADER_UNIT_START = re.compile(r"[(,:]\s*|\b(?=(?:CAR|cells?)\b)", re.IGNORECASE)


def header_dose_unit(header: str) -> str | None:
    """The dose unit a table column's header names, as written ("CAR-T cells/kg"), with the
    scale its cells leave out ("Dose (×10^6 cells/kg)"), or None."""
    for start in _HEADER_UNIT_START.finditer(header):
        scale = _HEADER_SCALE.match(header, start.end())
        unit = _UNIT.match(header, scale.end() if scale else start.end())
        if (
            unit is not None
            and (unit.group("cells") or (scale is not None and unit.group("per")))  # "(×10^6/kg)"
            and unit.end() > start.end()
            and not _PER_VOLUME.match(header, unit.end())  # "(×10^3 cells/µL)": a count
            # a scale heads a dose's column when a dose word or a per-kg unit says so
            and (scale is None or _DOSE_WORDS.search(header) or unit.group("per"))
        ):
            return _as_cells_read_it(header, unit, scale)
    return None


def _as_cells_read_it(header: str, unit: re.Match[str], scale: re.Match[str] | None) -> str:
    """The header's unit with its scale before it, as a cell's number reads it: "0.5" under
    "Dose (10^6 cells/kg)" is 0.5 × 10^6. The scale may follow the unit in brackets:
    "CAR+ T cells/kg (×10⁶)", "CAR-T cells (×10^6/kg)"."""
    written = header[unit.start() : unit.end()].strip()
    if scale is None and (after := _BRACKETED_SCALE.match(header, unit.end())) is not None:
        scale = _HEADER_SCALE.match(after["scale"])
        per = after["scale"][scale.end() :].strip() if scale is not None else ""
        written += per if per.startswith("/") else ""
    if scale is None:
        return written
    times = "" if scale.group().lower().startswith(("×", "x", "*", "million")) else "× "
    return f"{times}{scale.group().strip()} {written}"


_BRACKETED_SCALE = re.compile(r"\s*\(\s*(?P<scale>[^()]{2,16}?)\s*\)\s*$")
# The scale a dose column's cells leave out: "×10^6", "10^6", "×10⁶", "million".
_HEADER_SCALE = re.compile(
    r"(?:[×xX*]\s*)?10\s*(?:\^\s*\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*|millions?\s+", re.IGNORECASE
)


def find_doses_under(cell: str, header_unit: str) -> list[DoseMention]:
    """Doses in a table cell whose column header names the unit ("5 × 10^5" under
    "Dose (CAR-T cells/kg)"); a cell that writes its own unit keeps it."""
    if own := find_doses(cell):
        return own
    found = []
    for dose in find_doses(f"{cell} {header_unit}"):
        if dose.start < len(cell):
            end = min(dose.end, len(cell.rstrip()))
            found.append(_mention(cell, dose.start, end, dose.value, dose.value_max, dose.unit))
    return found


def find_doses(text: str | None) -> list[DoseMention]:
    """Every cell dose in ``text``, in text order (duplicates kept for the caller)."""
    if not text:
        return []
    if "(" in text and (unbracketed := _BRACKETED_RANGE.sub(r" \1 ", text)) != text:
        # read as "1-3 ×10^6", the brackets blanked so that spans stay; the text as written
        return [
            _mention(
                text,
                d.start - (text[d.start - 1 : d.start] == "("),
                d.end,
                d.value,
                d.value_max,
                d.unit,
            )
            for d in find_doses(unbracketed)
        ]
    if "):" in text and (headed := _doses_under_label(text)) is not None:
        return headed
    if "illion" in text and (spelled := _SPELLED.sub(_as_digits, text)) != text:
        # "one million cells/kg": read with the number in digits, padded to its word's
        # length so that spans stay; the source text is the page's words
        return [
            _mention(text, d.start, d.end, d.value, d.value_max, d.unit) for d in _doses_of(spelled)
        ]
    return list(_doses_of(text))


# A label that names the unit of the values after it: "Dose levels (CAR+ T cells/kg): …".
_UNIT_LABEL = re.compile(r"^(?P<label>[^:()\n]{2,60}\([^()\n]{2,40}\))\s*:\s*")


def _doses_under_label(text: str) -> list[DoseMention] | None:
    """The doses after a label that names their unit, as a column's header would ("Dose
    levels (CAR+ T cells/kg): 0.3 × 10^6; 1 × 10^6; 3 × 10^6"); None for other text, and
    where the values write their own unit."""
    label = _UNIT_LABEL.match(text)
    if label is None or (unit := header_dose_unit(label["label"])) is None:
        return None
    at = label.end()
    found = find_doses_under(text[at:], unit)
    if not found:
        return None
    return [_mention(text, d.start + at, d.end + at, d.value, d.value_max, d.unit) for d in found]


def _as_digits(word: re.Match[str]) -> str:
    digits = _SPELLED_VALUES[word.group(1).lower()]
    return digits.ljust(len(word.group(1))) + word.group(2)


# A word a number follows as a name's: "level 1", "cohort 2", "DL 3".
_NUMBERED_BEFORE = re.compile(r"\b(?:level|cohort|group|arm|dl|step|part|stage)\s+$", re.I)


@text_cache
def _doses_of(text: str) -> tuple[DoseMention, ...]:
    """Cached: arm and intervention descriptions repeat within and across pages."""
    mentions: list[DoseMention] = []
    unnamed: list[tuple[int, re.Match[str]]] = []  # named levels with no unit, and where
    magnitudes = list(_MAGNITUDE.finditer(text))
    skip = set()
    for i, match in enumerate(magnitudes):
        if i in skip or (
            match.group("sep") == " "
            and _NUMBERED_BEFORE.search(text, max(0, match.start() - 12), match.start())
        ):  # "Dose level 1 500 000 cells/kg": the level's number, then 500 000
            continue
        mantissa, scale = _value_of(match)
        unit = _unit_at(text, match.end())
        if unit is None and i + 1 < len(magnitudes):
            # "1×10^6 - 5×10^6 cells/kg", "between 2 × 10^8 and 5 × 10^8 cells": a range of
            # two magnitudes sharing one unit.
            nxt = magnitudes[i + 1]
            if _RANGE_BETWEEN.fullmatch(text, match.end(), nxt.start()) or (
                _BETWEEN_BEFORE.search(text, max(0, match.start() - 12), match.start())
                and _AND.fullmatch(text, match.end(), nxt.start())
            ):
                unit = _unit_after(text, nxt.end())  # "… (median 1.5 × 10^6) cells/kg"
                value, high = mantissa * scale, _product(nxt)
                if unit is not None and value > high:
                    # "de-escalated from 2 × 10^6 to 1 × 10^6 cells/kg": two levels, no range
                    unit = (unit[0], match.end())
                elif unit is not None:
                    skip.add(i + 1)
                    if _is_cap(text, match.start()) or _bounds_the_dose_before(
                        text, match.start(), mentions
                    ):  # "2.0×10⁶ cells/kg (range: 1.0×10⁶–3.0×10⁶ cells/kg)"
                        continue
                    mentions.append(_mention(text, match.start(), unit[1], value, high, unit[0]))
                    continue
        if unit is None:
            # "1 × 10^6, 3 × 10^6 and 1 × 10^7 cells/kg": listed magnitudes share the last's unit.
            unit = _listed_unit(text, magnitudes, i)
        if unit is None and _ASIDE.match(text, match.end()):
            # the range in the aside is then the target's (``_bounds_the_dose_before``)
            unit = _unit_after(text, match.end())
        if unit is None and _named_alike(text, match.end(), mentions):
            # "1 × 10^6 CAR-T cells/kg (DL1) and 2 × 10^6 (DL2)": named as the level before
            unit = (mentions[-1].unit, match.end())
        if unit is None:
            if _NAMED_LEVEL_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                unnamed.append((len(mentions), match))
            continue
        start, low, high = match.start(), mantissa * scale, None
        before = _RANGE_BEFORE.search(text, max(0, start - 24), start)
        if before is not None and not _is_range_low(text, before, mantissa):
            before = None  # "Dose 2 — 3 × 10^6 cells/kg": a level's number, then its dose
        if before is not None:  # "0.5-1 × 10^6 cells/kg": the low end shares the scale
            start, high = before.start(), mantissa * scale
            low = _decimal(before.group("low") or before.group("between")) * scale
        listed = _LIST_BEFORE.search(text, max(0, start - 48), start) if before is None else None
        if listed is not None and _is_list(listed):  # "0.3, 1.0 and 3.0 × 10^6 cells/kg"
            start = listed.start()
            if _is_cap(text, start):
                continue
            for number in _LIST_NUMBER.findall(listed.group("items")):
                mentions.append(
                    _mention(text, start, unit[1], _decimal(number) * scale, None, unit[0])
                )
        elif (
            _is_cap(text, start)
            or _caps_the_dose_before(text, start, unit[0], mentions)
            or _splits_the_dose_before(text, unit[1], mentions)
            or _bounds_the_dose_before(text, start, mentions)
        ):
            continue
        mentions.append(_mention(text, start, unit[1], low, high, unit[0]))
    if unnamed:
        mentions = _levels_of_one_unit(text, mentions, unnamed)
    # No cells is no dose level: "0 × 10^6" is a placeholder or a number lost in scraping.
    return tuple(m for m in _joined_ranges(text, mentions) if m.value > 0)


_LEVEL_AFTER = re.compile(rf"\s*\(\s*{_LEVEL_NAME}\s*\)", re.IGNORECASE)


def _named_alike(text: str, end: int, before: list[DoseMention]) -> bool:
    """Whether a magnitude without a unit is named a level in brackets after it, as the dose
    before it is: the writer gave the unit once ("… (DL1) and 2 × 10^6 (DL2)")."""
    return (
        bool(before)
        and _LEVEL_AFTER.match(text, end) is not None
        and _LEVEL_AFTER.match(text, before[-1].end) is not None
    )


def _levels_of_one_unit(
    text: str, mentions: list[DoseMention], unnamed: list[tuple[int, re.Match[str]]]
) -> list[DoseMention]:
    """Named dose levels whose writer left one level's unit out ("Dose Level 1: 3 × 10^7
    cells; Dose Level 2: 1 × 10^8; Dose Level 3: …cells"): that level has the unit the
    other named levels share, when they all share one."""
    named = [m for m in mentions if _NAMED_LEVEL_BEFORE.search(text, max(0, m.start - 24), m.start)]
    units = {m.unit for m in named}
    if len(units) != 1:
        return mentions
    unit = units.pop()
    out = list(mentions)
    for at, match in reversed(unnamed):
        mantissa, scale = _value_of(match)
        out.insert(at, _mention(text, match.start(), match.end(), mantissa * scale, None, unit))
    return out


def _is_range_low(text: str, before: re.Match[str], high: float) -> bool:
    """Whether the number before a dash is a range's low end: not above the high end,
    and not a level's whole number with a spaced dash after it ("Dose 2 — 3 × 10^6",
    "Group 3 - …"; "Target dose 1-2 × 10^6" and "dose 0.5-1.0 × 10^6" are ranges)."""
    if before.group("between") is not None:
        return _decimal(before.group("between")) <= high
    low = before.group("low")
    if _decimal(low) > high:
        return False
    spaced = before.group().removeprefix(low)[:1].isspace()
    if not spaced or not low.isdigit():
        return True
    return _LEVEL_NAME_BEFORE.search(text, max(0, before.start() - 16), before.start()) is None


def _listed_unit(text: str, magnitudes: list[re.Match[str]], i: int) -> tuple[str, int] | None:
    """The unit of the first magnitude with one after ``i`` in a list of magnitudes parted
    as ``_LIST_SEPARATOR`` reads; None when the list breaks before one, or when the first is
    a compared count ("ANC ≥ 1 × 10^9"), not a level."""
    if _COMPARED.search(text, max(0, magnitudes[i].start() - 12), magnitudes[i].start()):
        return None  # "ANC ≥ 1 × 10^9 then 1 × 10^6 CAR-T cells/kg": a count, then the dose
    for before, after in zip(magnitudes[i:], magnitudes[i + 1 :], strict=False):
        if not _LIST_SEPARATOR.fullmatch(text, before.end(), after.start()):
            return None
        if (unit := _unit_after(text, after.end())) is not None:
            return unit
    return None


def _unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit at ``pos``, or after a bracket's aside there: "1 × 10^6 (range: 0.5-2 ×
    10^6) CAR-T cells/kg", "200 × 10^6 (DL3) CAR T cells"."""
    if (unit := _unit_at(text, pos)) is not None:
        return unit
    aside = _ASIDE.match(text, pos)
    return None if aside is None else _unit_at(text, aside.end())


def _joined_ranges(text: str, mentions: list[DoseMention]) -> list[DoseMention]:
    """Two doses of one unit joined by "to" or a dash are one range ("5e5/kg to 2e6/kg")."""
    out: list[DoseMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value_max is None
            and mention.value_max is None
            and prev.unit == mention.unit
            and prev.value < mention.value
            and _RANGE_BETWEEN.fullmatch(text, prev.end, mention.start)
        ):
            out[-1] = _mention(text, prev.start, mention.end, prev.value, mention.value, prev.unit)
            continue
        out.append(mention)
    return out


def _is_list(listed: re.Match[str]) -> bool:
    """Two numbers or more before the last one, or one joined by "and" / "or"; not a
    day's number ("… on day 0 and 5 × 10^5 cells/kg on day 1")."""
    text, start = listed.string, listed.start()
    if _COUNTED_BEFORE.search(text, max(0, start - 12), start) is not None:
        return False
    joined = listed.group("sep").strip(", ").lower() in ("and", "or")
    return joined or len(_LIST_NUMBER.findall(listed.group("items"))) >= 2


def _is_cap(text: str, start: int) -> bool:
    if _CAP_BEFORE.search(text, max(0, start - _CAP_REACH), start) is not None:
        return True
    if _PRODUCED_BEFORE.search(text, max(0, start - _MADE_REACH), start) is not None:
        # "Manufacturing yielded a median of 5 × 10^8 cells per product", "the final product
        # contained 3.2 × 10^9 cells": what was made, unless a dose is named around it
        return (
            _DOSE_WORDS.search(text, max(0, start - _MADE_REACH), start) is None  # "Dose: The
            # drug product contains 1 × 10^6 CAR+ T cells per kg"
            and _DOSE_WORDS.search(text, start, start + _CAP_REACH + 8) is None
        )
    # A floor a product or an apheresis must reach ("Apheresis must yield at least 1 × 10^9
    # T cells"), not a dose ("a single infusion of at least 1 × 10^6 CAR-T cells/kg").
    return _FLOOR_BEFORE.search(text, max(0, start - _CAP_REACH), start) is not None and (
        _MADE.search(text, max(0, start - _MADE_REACH), start + _MADE_REACH) is not None
    )


def _splits_the_dose_before(text: str, end: int, before: list[DoseMention]) -> bool:
    """ "1 × 10^6 cells/kg split over 2 days (5 × 10^5 cells/kg per day)": a day's part of
    the dose just stated, not a level of its own."""
    return bool(before) and end - before[-1].end < _SPLIT_REACH and _PER_DAY.match(text, end)


def _bounds_the_dose_before(text: str, start: int, before: list[DoseMention]) -> bool:
    """ "Target dose 1 × 10^8 cells (range 0.5-1.5 × 10^8 cells)", "1 × 10^6 cells/kg in two
    fractions: 30% (3 × 10^5 cells/kg) …": the range or a part of the dose just stated."""
    if not before or start - before[-1].end > _SPLIT_REACH:
        return False
    between = text[before[-1].start : start]
    if start < before[-1].end and between.count("(") > between.count(")"):
        return True  # inside the dose's own aside: "1 × 10^6 (range: 0.5-2 × 10^6) cells/kg"
    reach = max(before[-1].end, start - _CAP_REACH)
    return bool(
        _RANGE_OF_TARGET.search(text, reach, start) or _SHARE_BEFORE.search(text, reach, start)
    )


def _caps_the_dose_before(text: str, start: int, unit: str, before: list[DoseMention]) -> bool:
    """ "1 × 10^6 cells/kg, up to 1 × 10^8 cells": a flat ceiling on the per-kg dose just
    stated, not a level of its own (a level "up to 3 × 10^6 cells/kg" keeps the unit)."""
    if not before or unit.endswith("/kg") or not before[-1].unit.endswith("/kg"):
        return False
    return _UP_TO_BEFORE.search(text, max(before[-1].end, start - _CAP_REACH), start) is not None
