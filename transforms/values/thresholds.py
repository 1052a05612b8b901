"""Numeric conditions inside one eligibility criterion: concept, operator, value, unit.

A criterion names a measurement (many spellings: "eGFR", "Estimated
glomerular filtration rate"), then a comparison ("≥", "at least", a lost
glyph "=" or "?"), a number ("1.0×10^9/L", "1:80") and a unit. Concepts
joined by "and" share one comparison ("AST and ALT ≤ 2.5 × ULN"); a range
("Age 5-18 years") gives two rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.values.threshold_lexicon import (
    CONCEPT_PATTERN,
    CONCEPT_UNITS,
    DEFAULT_UNIT,
    LOST_GLYPH_DIRECTION,
    concept_of,
)
from transforms.values.threshold_units import COMPARISON, OPERATOR_WORDS, RANGE, normalize_unit


@dataclass(frozen=True)
class Threshold:
    concept: str
    operator: str
    value: float
    unit: str
    start: int
    end: int
    text: str


_MAX_GAP = 60
# What may stand between a concept and its comparison: words, parentheses, "score", "is".
_GAP = re.compile(r"^[^\d;。≥≤<>=?]*$")
_CONJUNCTION = re.compile(
    r"^\s*\)?\s*(?:\([^()]{0,40}\))?\s*(?:and|or|/|,|&|as well as)\s*\(?\s*$", re.IGNORECASE
)
_SAME_MENTION = re.compile(r"^\s*[(\[]?\s*$|^\s*\)\s*[(\[]?\s*$")


def find_thresholds(text: str) -> list[Threshold]:
    """Every numeric condition in ``text`` (one criterion), in text order."""
    text = text[:5000]
    mentions = _mention_groups(text)
    found: list[Threshold] = []
    waiting: list[tuple[str, int]] = []
    for i, (concept, start, end) in enumerate(mentions):
        next_start = mentions[i + 1][1] if i + 1 < len(mentions) else len(text)
        window = text[end : min(next_start, end + _MAX_GAP + 40)]
        rows = _read_comparison(concept, window, end, text)
        if not rows:
            following = text[end:next_start]
            if i + 1 < len(mentions) and _CONJUNCTION.match(following):
                waiting.append((concept, start))
            else:
                waiting = []
            continue
        for other, other_start in [*waiting, (concept, start)]:
            for op, value, unit, cmp_end in rows:
                if unit in CONCEPT_UNITS[other]:
                    found.append(
                        Threshold(
                            other, op, value, unit, other_start, cmp_end, text[other_start:cmp_end]
                        )
                    )
        waiting = []
    return _dedupe(found)


def _mention_groups(text: str) -> list[tuple[str, int, int]]:
    """Concept mentions, merging "Alanine aminotransferase (ALT)" into one."""
    groups: list[tuple[str, int, int]] = []
    for match in CONCEPT_PATTERN.finditer(text):
        concept = concept_of(match)
        if (
            groups
            and groups[-1][0] == concept
            and _SAME_MENTION.match(text[groups[-1][2] : match.start()])
        ):
            groups[-1] = (concept, groups[-1][1], match.end())
            continue
        groups.append((concept, match.start(), match.end()))
    return groups


def _read_comparison(
    concept: str, window: str, offset: int, text: str
) -> list[tuple[str, float, str, int]]:
    """``(operator, value, unit, end)`` rows for the comparison right after a concept."""
    ranged = RANGE.search(window)
    compared = COMPARISON.search(window)
    if ranged and (compared is None or ranged.start() < compared.start()):
        if not _GAP.match(window[: ranged.start()]) or ranged.start() > _MAX_GAP:
            return []
        unit = normalize_unit(ranged.group("unit"), concept)
        low, high = float(ranged.group("lo")), float(ranged.group("hi"))
        end = offset + len(window[: ranged.end()].rstrip())
        rows = [("<=", high, unit, end)]
        if low > 0 or concept == "age":
            rows.insert(0, (">=", low, unit, end))
        return rows
    if (
        compared is None
        or compared.start() > _MAX_GAP
        or not _GAP.match(window[: compared.start()])
    ):
        return []
    if compared.group("num2"):  # "18 years or older"
        unit = normalize_unit(compared.group("unit2"), concept)
        return [(">=", float(compared.group("num2")), unit, offset + len(window[: compared.end()].rstrip()))]
    op = _operator(compared.group("op"), concept, compared.group("after") or "")
    value = _value(compared.group("num"))
    unit = normalize_unit(compared.group("unit"), concept)
    return [(op, value, unit, offset + len(window[: compared.end()].rstrip()))]


def _operator(raw: str, concept: str, after: str) -> str:
    raw = " ".join(raw.lower().split())
    if re.search(r"or (?:older|more|above|greater|higher)", after, re.IGNORECASE):
        return ">="
    if re.search(r"or (?:younger|less|below|lower)", after, re.IGNORECASE):
        return "<="
    if raw in {"=", "?", "：", ":"} or not raw:
        return LOST_GLYPH_DIRECTION.get(concept, ">=")
    return OPERATOR_WORDS.get(
        raw, raw.replace("≥", ">=").replace("≤", "<=").replace("=>", ">=").replace("=<", "<=")
    )


def _value(raw: str) -> float:
    if ":" in raw:
        return float(raw.split(":")[1])
    return float(raw)


def _dedupe(found: list[Threshold]) -> list[Threshold]:
    seen: set[tuple[str, str, float]] = set()
    out = []
    for row in sorted(found, key=lambda t: t.start):
        key = (row.concept, row.operator, row.value)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


__all__ = ["DEFAULT_UNIT", "Threshold", "find_thresholds"]
