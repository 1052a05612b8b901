"""Numeric conditions inside one eligibility criterion: concept, operator, value, unit.

A criterion names a measurement (lexicon in ``threshold_lexicon``), may add
filler ("score", "(LVEF)", "in serum", "is"), then a comparison ("≥", "at
least", a lost glyph "=" or "?"), a number ("1.0×10^9/L", "1:80") and a unit
(``threshold_units``). Concepts joined by "and" or "/" share the comparison that
follows the last one ("AST and ALT ≤ 2.5 × ULN"); a range ("Age 5-18 years")
gives two rows. A number in a unit the concept is not measured in is not a
threshold, so drug doses and lab values of unnamed tests never match.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from transforms.values import threshold_units as tu
from transforms.values.memo import text_cache
from transforms.values.threshold_lexicon import (
    CONCEPT_CONVERSIONS,
    CONCEPT_PATTERN,
    CONCEPT_UNITS,
    CONVERSIONS,
    DEFAULT_UNIT,
    UNIT_ALIASES,
    UPPER_BOUNDED,
    concepts_of,
)


@dataclass(frozen=True)
class Threshold:
    """One numeric condition; start/end cover concept..unit in the input text.

    ``value`` and ``unit`` are in the contract's units; ``stated_value`` and
    ``stated_unit`` as the text wrote them (the same unless ``CONVERSIONS`` applied).
    ``guessed``: the page lost the comparison's glyph ("LVEF ?45%") and ``operator`` is
    the side a criterion to include would state; one to exclude states the other.
    """

    concept: str
    operator: str
    value: float
    unit: str
    start: int
    end: int
    text: str
    stated_value: float
    stated_unit: str
    guessed: bool = False


def _threshold(
    concept: str,
    operator: str,
    value: float,
    unit: str,
    start: int,
    end: int,
    text: str,
    *,
    guessed: bool = False,
) -> Threshold:
    """A threshold in the contract's units, from the value and unit as stated."""
    converted, scaled = unit, value
    if concept in _PERCENT_FRACTIONS and unit == "%" and 0 < value < 1:
        scaled = value * 100  # "LVEF ≥ 0.50": a fraction written for 50%
    if (conversion := CONCEPT_CONVERSIONS.get((concept, unit), CONVERSIONS.get(unit))) is not None:
        converted, multiplier, divisor = conversion
        scaled = round(value * multiplier / divisor, 9)
    return Threshold(concept, operator, scaled, converted, start, end, text, value, unit, guessed)


# Percentages some pages write as a fraction of one: "LVEF ≥ 0.50", "SpO2 > 0.92".
_PERCENT_FRACTIONS = frozenset({"lvef", "spo2"})


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    concepts: tuple[str, ...]


@dataclass(frozen=True)
class _Comparison:
    operator: str  # one of schemas.OPERATORS or tu.LOST
    value: float
    unit: str | None  # normalised, tu.UNKNOWN, or None when unstated
    end: int


# Same-length replacements so offsets in the cleaned text are offsets in the input.
_GLYPHS = str.maketrans(
    {"\u00a0": " ", "＞": ">", "＜": "<", "≧": "≥", "≦": "≤", "：": ":", "∶": ":"}  # "1∶80"
)
_ESCAPE = re.compile(r"\\(?=[<>^*_.\[\]()#+\-])")
# A raised decimal point, as journals print it ("Hb ≥ 9·0 g/dL"); before a power of ten
# it is a times sign ("3·10^9/L").
_RAISED_POINT = re.compile(r"(?<=\d)[·⋅](?=\d)(?!10\s*(?:\^|\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]))")
_FILLER_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as one string
        "score scores scored total level levels value values count counts concentration "
        "of is are was be should must shall in serum "
        "plasma blood peripheral the a an at screening baseline index "
        "physical status performance rate result results test range from between "
        "ps titer titre assessment activity organ system function ratio percentage "
        "period time measured by echocardiography expected "
        "antibody antibodies positive positivity calculated estimated using with via per on "
        "formula equation pulse oximetry room air still"
    ).split()
)
_MAX_FILLER = 16  # tokens between a concept and its comparison
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\s*([A-Za-z]+)")
_FORMULA = re.compile(r"\s*(?:CKD[\s-]*EPI|MDRD|Cockcroft[\s-]*Gault|Schwartz)\b", re.IGNORECASE)
# A bracket holding the value and its comparison in words, not a remark ("(2021 CKD-EPI)").
_VALUE_IN_BRACKETS = re.compile(
    r"\s*\d[\d.,:]*\s*(?:%|[A-Za-zµ/^\d.]+)?\s*"
    r"or\s+(?:higher|more|above|greater|over|less|lower|below|under)\s*$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\(([^()]{0,60})\)")
# Chinese filler after a concept: "SLEDAI-2K评分≥8分" (score), "…水平" (level), "…值" (value).
_CJK_FILLER = re.compile(r"\s*(?:评分|分数|总分|水平|数值|绝对值|计数|值)")
_PUNCT = re.compile(r"\s*[:)(\-*|]")  # "|": a table's cell ("| ANC | ≥ 1.0 × 10^9/L |")
# "and", "or", "&", "/", ",", and in Chinese "、", "和", "及" (and), "或" (or).
_CONNECTOR = re.compile(r"\s*(?:(?:and|or)(?![A-Za-z])|[&/,、和及或])", re.IGNORECASE)
# "< 18 or > 75 years"; "> 450 ms (males) or > 470 ms (females)"
_CHAIN = re.compile(r"\s*(?:\([^()]{0,30}\))?\s*(?:,|and|but|or|to)?\s*", re.IGNORECASE)
_OPERATOR_GLYPHS = re.compile(r"[≥≤<>=⩾⩽]|\?\s*\d")  # "?" before a number: a lost "≥"
_IMPLICIT_AGE = re.compile(
    r"(?<![A-Za-z\d.])(?=[\w≥≤<>=?⩾⩽])"  # cheap skip of positions that cannot start one
    # The other bound first, sharing the unit: "≥ 18 and ≤ 75 years old".
    r"(?:(?P<first_op>[≥≤<>]=?)\s*(?P<first>\d{1,3})\s*,?\s*(?:and|but)\s+(?=[≥≤<>]))?"
    rf"(?:(?P<op>{tu.OPERATOR.pattern})|(?P<between>between\s+)|(?P<reached>年?满))?"
    r"(?P<low>\d{1,3})\s*"
    r"(?:(?:-|–|~|to|through|至|到|(?(between)and|(?!)))\s*(?P<below><(?!=))?\s*(?P<high>\d{1,3})\s*)?"
    r"(?:(?:years?|yrs?)(?:\s*(?:old|of\s+age)|(?=\s*(?:or|and)\s+older))"
    r"|周?岁)"  # 岁: years of age
    r"(?:(?P<post>\s*(?:(?:or|and)\s+(?:older|above|over)|及?以上))"
    r"|(?P<under>\s*(?:(?:or|and)\s+(?:younger|below|under)|及?以下)))?"
    # Words that compare ages only need no "old" after the years: "no older than 75 years".
    r"|(?P<age_op>(?:no[t]?\s+)?(?:older|younger)\s+than)\s+(?P<age>\d{1,3})\s*(?:(?:years?|yrs?)\b"
    # the years named once, after the other bound: "no younger than 18 and no older than 70 years"
    r"|(?=\s*(?:and|,)\s*(?:no[t]?\s+)?(?:older|younger)\s+than\s+\d{1,3}\s*(?:years?|yrs?)\b))",
    re.IGNORECASE,
)
_PERSON_AGE = re.compile(
    r"\b(?:participants?|patients?|subjects?|adults?|children|adolescents|individuals|persons"
    r"|people|men|women|males?|females?)\s+(?:aged\s+|age\s+|of\s+age\s+)?"
    rf"(?P<op>{tu.OPERATOR.pattern})(?P<n>\d{{1,3}})\s*(?:years?|yrs?)\b(?!\s*(?:old|of\s+age))",
    re.IGNORECASE,
)
_AGE_WORD_OPERATORS = {"older than": ">", "younger than": "<"}
# Words that scope a rule to some participants by age, not bound the trial's ages.
_SCOPED = re.compile(
    r"\b(?:for|from|in|among)\s+(?:all\s+)?(?:participants|patients|subjects|those|children"
    r"|minors|adolescents|teenagers|individuals|adults|women|men|females|males)(?:\s+aged)?\s*$"
    r"|\bif\s+(?:the\s+)?(?:participant|patient|subject)\s+is\s*$",
    re.IGNORECASE,
)
_SCOPE_REACH = 40  # characters before an age searched for them
# A lower bound written before the word: "18 ≤ age ≤ 65" (the upper is read as usual).
_BOUND_BEFORE_AGE = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3})\s*(?:years?\s*(?:old\s*)?)?(?P<op>≤|<=|=<|⩽|<|\?)\s*(?:the\s+)?age\b",
    re.IGNORECASE,
)
_FLIPPED = {"<=": ">=", "<": ">"}
# "age" ending "≥ 18 years of age and ≤ 70 years": the unit's words, not the concept
# (read as one, it took "age and ≤ 70" and hid the lower bound before it).
_OF_AGE = re.compile(r"\b(?:years?|yrs?)\s+of\s+$", re.IGNORECASE)


_UPPER_BOUND = re.compile(r"(<=|≤|<)\s*(?=\d)")
# The middle of a list of allowed values, up to its last "or"/"and": ", 1" in "0, 1 or 2".
_LISTED = re.compile(r"(?:\s*,\s*\d{1,2}(?![\d.]))+\s*,?(?=\s*(?:or|and)\s+\d)")
# Every implicit age names its unit; a criterion without "year"/"yr" cannot state one.
_YEAR_WORD = re.compile(r"y(?:ea)?r|岁", re.IGNORECASE)


# A bound marked inclusive, which a range's bound is unless written otherwise: "Aged 18
# (inclusive) to 65 (inclusive) years" reads as "Aged 18 to 65 years".
_INCLUSIVE_MARK = re.compile(r"(?<=\d)\s*\((?:inclusive|incl\.?)\)", re.IGNORECASE)
# An age limit written as hyphenated words: "18-years-old or older", "18-year-old to
# 65-year-old" read as their spaced forms. Only with the side it bounds or the range's other
# end: "a child under 2-years-old" names someone's age, "a 2-year follow-up" no age.
_AGE_WORD = r"\d{1,3}-(?:years?|yrs?)-old\b"
_HYPHENATED_AGE = re.compile(
    rf"(?<![\d.])(?<!\b[Aa] ){_AGE_WORD}"
    r"(?=\s*(?:or|and)\s+(?:older|younger|over|above|under|below)\b)"
    rf"|(?<![\d.]){_AGE_WORD}\s*(?:to|-)\s*{_AGE_WORD}",
    re.IGNORECASE,
)
_AGE_HYPHEN = re.compile(r"-(?=(?:years?|yrs?|old)\b)", re.IGNORECASE)


def _clean(text: str) -> str:
    """Undo markdown escapes and unify glyphs without changing any offset."""
    text = _ESCAPE.sub(" ", text.translate(_GLYPHS))
    if "(" in text:
        text = _INCLUSIVE_MARK.sub(lambda m: " " * len(m.group()), text)
    if "-" in text:
        text = _HYPHENATED_AGE.sub(lambda m: _AGE_HYPHEN.sub(" ", m.group()), text)
    return _RAISED_POINT.sub(".", text) if "·" in text or "⋅" in text else text


# "/150" or "out of 150" after a score: the top of its scale, not a unit.
# Not "/1.73m2", "/L", "/10^9".
_OUT_OF = re.compile(r"(?:/\s*| out of )\d{1,4}(?![\w.,^×µμ%/])")


# A time followed by what it is counted from is an interval, not an age.
_INTERVAL_AFTER = re.compile(r"\s*(?:after|before|since|prior|following|post)\b", re.IGNORECASE)
# After a second comparison, words that make it about something else: a time since an
# event ("≥ 6 months from diagnosis"), a change ("> 10% decline from baseline").
_MEASURES_ELSE = re.compile(
    r"\s*(?:points?\s+)?(?:from|since|decline|decrease|increase|reduction|drop|change|rise)\b",
    re.IGNORECASE,
)
# Timing words after a second comparison: another quantity when its unit is another
# ("Age ≥ 18 years and ≥ 6 months after diagnosis"), the same one's when it is the same
# ("Platelets ≥ 50 and ≤ 400 × 10^9/L after transfusion support").
_TIMED_AFTER = re.compile(r"\s*(?:after|before|prior|following|post)\b", re.IGNORECASE)
_NOT_SHARED = frozenset({None, tu.UNKNOWN, "years", "months", "weeks", "days", "%"})
# Thousands grouped by a dot, as much of Europe writes them: "Platelets ≥ 100.000/µL".
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}(?![\d.])")


def _value_then_unit(
    text: str, pos: int, *, comma: bool = True
) -> tuple[float, str | None, int] | None:
    number = tu.number_at(text, pos, comma=comma)
    if number is None:
        return None
    value, is_titre, end = number
    if is_titre:
        return value, "dilution", end
    if text.startswith(("/", " out of"), end) and (out_of := _OUT_OF.match(text, end)):
        return value, None, out_of.end()  # a score "out of" its scale's top: "≤ 136/150"
    unit, end = tu.unit_at(text, end)
    if unit == "cells/uL" and _THOUSANDS_DOT.match(text, pos):
        value *= 1000  # "100.000/µL": a count per microlitre has no decimals; the dot groups
    return value, unit, end


def _comparisons_at(text: str, pos: int) -> list[_Comparison]:
    """Comparisons starting at ``pos``: "≥ 8 points", "5-18 years", "18 years or older"."""
    operator = tu.operator_at(text, pos)
    if operator is not None:
        read = _value_then_unit(text, operator[1])
        if read is None:
            return []
        found = [_Comparison(operator[0], *read)]
        chained = _CHAIN.match(text, read[2])
        second = tu.operator_at(text, chained.end()) if chained else None
        if (
            second is not None
            and (more := _value_then_unit(text, second[1])) is not None
            and not _about_something_else(text, more[2], found[0].unit, more[1])
        ):
            found.append(_Comparison(second[0], *more))
            if found[0].unit is None and more[1] not in _NOT_SHARED:
                # "≥ 50 and ≤ 400 × 10^9/L": one unit for both. Not a time ("SLEDAI ≥ 6
                # within 4 weeks") nor a word ("≥ 6 and ≥ 1 BILAG A"): a concept's default
                # unit serves its bare number ("Age ≥ 18 and ≤ 75 years" is in years).
                found[0] = _Comparison(found[0].operator, found[0].value, more[1], found[0].end)
            elif found[0].unit == tu.UNKNOWN and chained.group().strip().lower() == "to":
                # "≥ 18 to ≤ 65 years": "to" read as the first number's word; one range
                found[0] = _Comparison(found[0].operator, found[0].value, more[1], found[0].end)
        elif (other := _other_bound_after_semicolon(text, read[2], found[0])) is not None:
            found.append(other)
        return found
    number = tu.number_at(text, pos, comma=False)
    if number is None:
        return []
    if number[1]:  # a titre with its comparison after it: "1:80 or higher"
        if (postfix := tu.postfix_at(text, number[2])) is None:
            return []
        return [_Comparison(postfix[0], number[0], "dilution", postfix[1])]
    low, _, end = number
    if text.startswith("+", end) and not text.startswith("+", end + 1):  # "18+ years"
        unit, unit_end = tu.unit_at(text, end + 1)
        return [_Comparison(">=", low, None if unit == tu.UNKNOWN else unit, unit_end)]
    low_unit, unit_end = tu.unit_at(text, end)
    if (listed := _LISTED.match(text, end)) is not None:  # "ECOG 0, 1 or 2": from 0 to 2
        end = listed.end()
    high = _range_end(text, end)  # "0 to 2": the unit is written after the second number
    if high is not None:
        low_unit = None
    elif low_unit not in (None, tu.UNKNOWN):
        high = _range_end(text, unit_end)  # "6 years - 65 years"
    if high is not None:
        unit = high[1] or low_unit
        upper = _Comparison(high[3], high[0], unit, high[2])
        # Each bound in its own unit when both are written: "6 months to 17 years".
        lower_unit = low_unit if low_unit not in (None, tu.UNKNOWN) else unit
        return [upper] if low == 0 else [_Comparison(">=", low, lower_unit, high[2]), upper]
    postfix = tu.postfix_at(text, unit_end)
    if postfix is None:
        return []
    found = [_Comparison(postfix[0], low, low_unit, postfix[1])]
    # The other bound in the same words: "18 years or above and 70 years or below".
    if (chained := _CHAIN.match(text, postfix[1])) is not None and chained.end() > postfix[1]:
        number = tu.number_at(text, chained.end(), comma=False)
        prefixed = tu.operator_at(text, chained.end()) if number is None else None
        if prefixed is not None and prefixed[0] != postfix[0]:  # "… or older and under 70 years"
            more_read = _value_then_unit(text, prefixed[1])
            if (
                more_read is not None
                and more_read[1] in (None, low_unit)
                and not _about_something_else(text, more_read[2], low_unit, more_read[1])
            ):
                found.append(_Comparison(prefixed[0], more_read[0], low_unit, more_read[2]))
        if number is not None and not number[1]:
            unit, unit_end = tu.unit_at(text, number[2])
            more = tu.postfix_at(text, unit_end)
            if more is not None and more[0] != postfix[0]:
                found.append(_Comparison(more[0], number[0], unit or low_unit, more[1]))
    return found


_SEMICOLON_GAP = re.compile(r"\s*;\s*")
_LOWER_SIDE, _UPPER_SIDE = frozenset({">=", ">"}), frozenset({"<=", "<"})


def _other_bound_after_semicolon(text: str, pos: int, first: _Comparison) -> _Comparison | None:
    """The other bound of ``first``'s quantity after a semicolon: "Age >= 18 years; <= 65
    years". A comparison that names nothing after a clause's end is that quantity's only when
    it states the same unit, bounds the other side and leaves a range between them ("Age ≥ 18
    years; ≤ 2 prior therapies" counts something else), and ends its clause ("≥ 18 years;
    ≤ 10 years since diagnosis" times something else in the same unit)."""
    gap = _SEMICOLON_GAP.match(text, pos)
    if gap is None or first.unit in (None, tu.UNKNOWN) or first.operator not in _BOTH_SIDES:
        return None
    code = tu.operator_at(text, gap.end())
    if (
        code is None
        or code[0] not in _BOTH_SIDES
        or (code[0] in _LOWER_SIDE) == (first.operator in _LOWER_SIDE)
    ):
        return None
    read = _value_then_unit(text, code[1])
    if read is None or read[1] != first.unit or not _ENDS_CLAUSE.match(text, read[2]):
        return None  # "…; ≤ 30 years of smoking", "…; ≤ 10 years since diagnosis"
    low, high = (first.value, read[0]) if first.operator in _LOWER_SIDE else (read[0], first.value)
    return _Comparison(code[0], *read) if low < high else None


_BOTH_SIDES = _LOWER_SIDE | _UPPER_SIDE
_ENDS_CLAUSE = re.compile(r"\s*(?:[;,.)]|inclusive\b|$)", re.IGNORECASE)


def _about_something_else(text: str, end: int, unit: str | None, other: str | None) -> bool:
    """Whether a second comparison ending at ``end`` bounds another quantity: a time since
    an event or a change ("and ≥ 6 months from diagnosis", "> 10% decline"), or a timed
    one in another unit ("and ≥ 6 months after diagnosis"; "≤ 400 × 10^9/L after
    transfusion" is the same count's)."""
    if _MEASURES_ELSE.match(text, end):
        return True
    return _TIMED_AFTER.match(text, end) is not None and unit is not None and other != unit


def _range_end(text: str, pos: int) -> tuple[float, str | None, int, str] | None:
    """The upper number, its unit, its end and its bound after a range separator at ``pos``.

    The bound is "<=" unless written: "6 to < 18 years" is below 18.
    """
    sep = tu.RANGE_SEP.match(text, pos)
    if sep is None:
        return None
    at, bound = sep.end(), "<="
    if (upper := _UPPER_BOUND.match(text, at)) is not None:
        at, bound = upper.end(), "<" if upper.group(1) == "<" else "<="
    read = _value_then_unit(text, at, comma=False)
    return None if read is None else (*read, bound)


def _read_tail(
    text: str, mention: _Mention, starts: dict[int, _Mention]
) -> tuple[list[_Comparison] | _Mention, int]:
    """Walk filler after a concept to its comparisons, or to the next concept joined
    by a connector ("AST and ALT ≤ ...": the comparison is shared). Also returns
    where the walk stopped: same-concept mentions before it would repeat the walk."""
    pos, joined = mention.end, False
    for _ in range(_MAX_FILLER):
        here = _skip_space(text, pos)
        found = _comparisons_at(text, here)
        if found:
            return found, here
        nxt = starts.get(here)
        if nxt is not None:
            if nxt.concepts != mention.concepts:
                return (nxt if joined else []), here
            pos = nxt.end
            continue
        step = _filler_step(text, pos)
        if step is None:
            return [], here
        pos, is_connector = step
        joined = joined or is_connector
    return [], pos


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # type: ignore[union-attr]


def _filler_step(text: str, pos: int) -> tuple[int, bool] | None:
    """Consume one filler token: (new pos, was it a connector) or None to stop."""
    if (match := _CONNECTOR.match(text, pos)) is not None:
        return match.end(), True
    paren = _PAREN.match(text, pos)
    if (
        paren is not None
        and not _OPERATOR_GLYPHS.search(paren.group(1))
        and not _VALUE_IN_BRACKETS.match(paren.group(1))  # "ANA test (1:80 or higher)"
    ):
        return paren.end(), False
    if (match := _PUNCT.match(text, pos)) is not None:
        return match.end(), False
    word = _WORD.match(text, pos)
    if word is not None and word.group(1).lower() in _FILLER_WORDS:
        return word.end(), False
    if (formula := _FORMULA.match(text, pos)) is not None:  # "eGFR by the CKD-EPI formula ≥ 45"
        return formula.end(), False
    if (cjk := _CJK_FILLER.match(text, pos)) is not None:
        return cjk.end(), False
    return None


def _resolve(concept: str, comparison: _Comparison) -> tuple[str, str] | None:
    """(operator, unit) of a comparison for ``concept``, or None when it cannot apply."""
    unit = comparison.unit or DEFAULT_UNIT.get(concept)
    unit = UNIT_ALIASES.get((concept, unit), unit) if unit else None
    if unit is None or unit not in CONCEPT_UNITS.get(concept, ()):
        return None
    operator = comparison.operator
    if operator == tu.LOST:
        operator = "<=" if concept in UPPER_BOUNDED else ">="
    return operator, unit


def _emit(text: str, mentions: list[_Mention], found: list[_Comparison]) -> list[Threshold]:
    out = []
    for mention in mentions:
        for concept in mention.concepts:
            resolved = [(c, r) for c in found if (r := _resolve(concept, c)) is not None]
            if concept == "age":  # "at least 6 months after the last dose": a wait, no age
                resolved = [(c, r) for c, r in resolved if not _INTERVAL_AFTER.match(text, c.end)]
            operators = _range_operators(resolved) if len(resolved) == 2 else None
            for i, (comparison, (operator, unit)) in enumerate(resolved):
                start, end, value = mention.start, comparison.end, comparison.value
                guessed = comparison.operator == tu.LOST and operators is None
                operator = operators[i] if operators else operator
                out.append(
                    _threshold(
                        concept, operator, value, unit, start, end, text[start:end], guessed=guessed
                    )
                )
    return out


def _range_operators(resolved: list[tuple[_Comparison, tuple[str, str]]]) -> list[str] | None:
    """The operators, with a lost glyph in a two-sided range read as its side (None: no
    range with a lost glyph).

    "Age ? 18 years and = 70 years" lost both "≥" and "≤": of two comparisons
    of one concept, the lower value is the lower bound and the higher the upper.
    """
    operators = [operator for _, (operator, _) in resolved]
    if all(c.operator != tu.LOST for c, _ in resolved):
        return None
    (low, _), (high, _) = resolved
    if low.value >= high.value:
        return None
    return [
        side if comparison.operator == tu.LOST else operator
        for (comparison, _), operator, side in zip(resolved, operators, (">=", "<="), strict=True)
    ]


def _implicit_ages(text: str, clean: str, taken: list[Threshold]) -> list[Threshold]:
    """Ages stated without the word "age": "Patients ≥ 18 years old", "18-75 years of age"."""
    out: list[Threshold] = []
    if not _YEAR_WORD.search(clean):
        return out
    spans = sorted((t.start, t.end) for t in taken if t.concept == "age")
    starts = [span[0] for span in spans]
    for match in _IMPLICIT_AGE.finditer(clean):
        guessed = False  # the page lost the operator's glyph ("Patients ? 18 years old")
        # Age thresholds are short; only those starting shortly before can overlap.
        first = bisect.bisect_left(starts, match.start() - 300)
        last = bisect.bisect_right(starts, match.end())
        if any(match.start() <= end for _, end in spans[first:last]):
            continue
        start, end = match.start(), match.end()
        if _SCOPED.search(clean, max(0, start - _SCOPE_REACH), start):
            continue  # "assent for participants younger than 18 years": whom a rule is for
        if match.group("age_op"):
            words = match.group("age_op").lower().split()
            op = _AGE_WORD_OPERATORS[" ".join(words[-2:])]
            if len(words) > 2:  # "no older than" is at most
                op = {">": "<=", "<": ">="}[op]
            pairs = [(op, match.group("age"))]
        elif match.group("high"):
            upper = "<" if match.group("below") else "<="  # "aged 6 to <18 years"
            pairs = [(">=", match.group("low")), (upper, match.group("high"))]
        elif match.group("op"):
            code = tu.operator_at(clean, match.start("op"))
            guessed = code is None or code[0] == tu.LOST
            pairs = [(">=" if guessed or code is None else code[0], match.group("low"))]
            if match.group("first") and (lower := tu.operator_at(clean, start)) is not None:
                pairs.insert(0, (lower[0], match.group("first")))  # "≥ 18 and ≤ 75 years old"
        elif match.group("post") or match.group("reached"):  # "年满18周岁": has reached 18
            pairs = [(">=", match.group("low"))]
        elif match.group("under"):  # "70岁以下"
            pairs = [("<=", match.group("low"))]
        else:
            continue
        out += [
            _threshold("age", op, float(v), "years", start, end, text[start:end], guessed=guessed)
            for op, v in pairs
        ]
    return out


def _taken_or_scoped(clean: str, taken: list[Threshold], start: int, end: int) -> bool:
    """Whether an age at ``start:end`` is one another reader took already, or says whom a
    rule is for ("assent for participants younger than 18 years")."""
    if any(t.concept == "age" and t.start < end and start < t.end for t in taken):
        return True
    return _SCOPED.search(clean, max(0, start - _SCOPE_REACH), start) is not None


def _person_ages(text: str, clean: str, taken: list[Threshold]) -> list[Threshold]:
    """An age in years right after the people it bounds, no "old" needed: "Participants
    ≥ 18 years at the time of consent", "Adults aged > 18 years"."""
    if "year" not in clean and "yr" not in clean:
        return []
    out = []
    for match in _PERSON_AGE.finditer(clean):
        code = tu.operator_at(clean, match.start("op"))
        if code is None or code[0] == tu.LOST:
            continue
        start, end = match.start("op"), match.end()
        if _taken_or_scoped(clean, taken, start, end):
            continue  # "For patients ≥ 65 years, creatinine clearance ≥ 50 mL/min"
        value = float(match.group("n"))
        out.append(_threshold("age", code[0], value, "years", start, end, text[start:end]))
    return out


_PEOPLE = (
    r"\b(?:participants?|patients?|subjects?|adults?|children|adolescents|individuals|persons"
    r"|people|men|women|males?|females?|volunteers)"
)
# An age range right after the people it bounds, or a limit at consent: "Patients between 18
# and 70 years, inclusive", "Male or female patients, 18 to 65 years", "≥18 years at the
# time of consent", "over the age of 18 years".
_AT_CONSENT = (
    r"at\s+(?:the\s+time\s+of\s+)?(?:(?:signing\s+(?:the\s+)?)?(?:informed\s+)?consent|screening"
    r"|enrol+ment|randomi[sz]ation)"
)
_PEOPLE_AGE_RANGE = re.compile(
    _PEOPLE + r"(?:\s+(?:must\s+be|should\s+be|are|aged|age|of\s+age))*[\s,:]*"
    r"(?P<between>between\s+)?(?P<low>\d{1,3})\s*(?:-|–|to|(?(between)and|(?!)))\s*"
    r"(?P<high>\d{1,3})\s*(?:years?|yrs?)\b"
    # the range ends the phrase ("…, inclusive", "… with active SLE"); "16 to 40 years at
    # disease onset", "3-12 years of treatment" count a time
    rf"(?=\s*(?:$|[,.;(]|inclusive\b|old\b|of\s+age\b|who\b|with\b|and\b|{_AT_CONSENT}))"
    # a limit opening the criterion, at consent: "≥18 years at the time of consent" (not
    # "Disease duration ≥ 2 years at screening")
    rf"|^\s*(?:{_PEOPLE}\s+(?:aged\s+)?)?(?P<op>{tu.OPERATOR.pattern})(?P<n>\d{{1,3}})\s*"
    rf"(?:years?|yrs?)\s+{_AT_CONSENT}"
    r"|\b(?P<side>over|above|under|below)\s+the\s+age\s+of\s+(?P<age>\d{1,3})\b"
    # "Healthy adults under age 60": the item's people, first (not "onset under age 16")
    rf"|^\W*(?:[A-Za-z]+\s+){{0,2}}?{_PEOPLE}\s+(?P<side2>over|above|under|below)\s+age\s+"
    r"(?P<age2>\d{1,3})\b"
    # a limit named as one: "Minimum age of 18 years, maximum age of 80 years"
    r"|\b(?P<limit>minimum|maximum)\s+age(?:\s+limit)?\s*(?:of|is|:|=)?\s*(?P<limit_n>\d{1,3})"
    r"(?!\s*(?:months?|weeks?|days?)\b)(?:\s*(?:years?|yrs?))?\b"
    # a finder speaking to the reader, the whole item an age: "You're 18 to 65", "You are
    # between 18 and 70 years old", "You're 16 or older"
    r"|^\s*you(?:'re|\s+are)\s+(?:aged\s+)?(?:between\s+)?(?P<you>\d{1,3})\s*"
    r"(?:(?:-|–|to|and)\s*(?P<you_high>\d{1,3})|(?:or|and)\s+(?:older|over|above))"
    r"(?:\s*(?:years?|yrs?)(?:\s+old|\s+of\s+age)?)?\s*[.;]?\s*$",
    re.IGNORECASE,
)


_SIDES = {"over": ">", "above": ">", "under": "<", "below": "<"}
_RULE_FOR_THEM = re.compile(
    r"[^.;]{0,40}\b(?:must|should|shall|needs?\s+to|require[sd]?|will\s+(?:need|require))\b",
    re.IGNORECASE,
)


def _people_age_ranges(text: str, clean: str, taken: list[Threshold]) -> list[Threshold]:
    """Ages in the forms of ``_PEOPLE_AGE_RANGE``, where no other reader took one."""
    if (
        "year" not in clean
        and "yr" not in clean
        and " age " not in clean
        and clean.lstrip()[:3].casefold() != "you"
    ):
        return []
    out = []
    for match in _PEOPLE_AGE_RANGE.finditer(clean):
        start, end = match.span()
        if _taken_or_scoped(clean, taken, start, end) or _RULE_FOR_THEM.match(clean, end):
            continue  # "Women under the age of 50 must use contraception": whom a rule is for
        if match["you"] is not None:
            pairs = [(">=", match["you"])] + (
                [("<=", match["you_high"])] if match["you_high"] else []
            )
        elif match["low"] is not None:
            pairs = [(">=", match["low"]), ("<=", match["high"])]
        elif match["n"] is not None:
            code = tu.operator_at(clean, match.start("op"))
            if code is None or code[0] == tu.LOST:
                continue
            pairs = [(code[0], match["n"])]
        elif match["side2"] is not None:
            pairs = [(_SIDES[match["side2"].lower()], match["age2"])]
        elif match["limit"] is not None:
            pairs = [(">=" if match["limit"].lower() == "minimum" else "<=", match["limit_n"])]
        else:
            pairs = [(_SIDES[match["side"].lower()], match["age"])]
        out += [
            _threshold("age", op, float(v), "years", start, end, text[start:end]) for op, v in pairs
        ]
    return out


# Both ends with their unit: "18 Years to 65 Years" (ClinicalTrials.gov's form), "18 years
# to 65 years of age". A span of time may read the same ("disease for 1 year to 5 years"),
# so the years must be capitalised as that form writes them, or end "of age" / "old".
_YEARS_TO_YEARS = re.compile(
    r"(?<![\d.])(?P<low>\d{1,3})\s*(?P<low_unit>years?|yrs?|周?岁)"
    r"(?P<low_aged>\s+(?:of\s+age|old))?"
    r"\s*(?:-|–|to|至|到|～|~)\s*(?P<high>\d{1,3})\s*(?P<high_unit>years?|yrs?|周?岁)"
    r"(?P<aged>\s+(?:of\s+age|old)\b|(?<=岁))?",  # "14岁至70岁": 岁 is years of age
    re.IGNORECASE,
)


_LASTING = re.compile(
    r"\b(?:duration|history|lasting|since|within|onset|diagnos\w*|disease|for)\b[^.;:]{0,24}$",
    re.IGNORECASE,
)


def _years_to_years(text: str, clean: str, taken: list[Threshold]) -> list[Threshold]:
    """Ages from a range that names its unit at both ends (see ``_YEARS_TO_YEARS``)."""
    if "ear" not in clean and "EAR" not in clean and "岁" not in clean:
        return []
    out = []
    for match in _YEARS_TO_YEARS.finditer(clean):
        capitalised = match["low_unit"][0] == "Y" and match["high_unit"][0] == "Y"
        if not (capitalised or match["aged"] is not None or match["low_aged"]):
            continue
        start, end = match.start(), match.end()
        if _taken_or_scoped(clean, taken, start, end) or _LASTING.search(
            clean, max(0, start - _SCOPE_REACH), start
        ):
            continue  # "Skin thickening duration of 1 Year to 5 Years": a span of time
        out += [
            _threshold("age", op, float(match[group]), "years", start, end, text[start:end])
            for op, group in ((">=", "low"), ("<=", "high"))
        ]
    return out


def _bounds_before_age(text: str, clean: str) -> list[Threshold]:
    """An age's lower bound written before the word: "18 ≤ age" is age >= 18."""
    if "ge" not in clean:
        return []
    out = []
    for match in _BOUND_BEFORE_AGE.finditer(clean):
        code = tu.operator_at(clean, match.start("op"))
        op = _FLIPPED[code[0]] if code and code[0] in _FLIPPED else ">="
        start, end = match.span()
        value = float(match.group("n"))
        out.append(_threshold("age", op, value, "years", start, end, text[start:end]))
    return out


def _upper_after_lower(found: list[Threshold]) -> list[Threshold]:
    """ "18 ? age ? 65 years": after a bound written before "age", the guessed comparison
    after it is the upper bound (a lost glyph otherwise reads as "≥")."""
    lower = sorted(
        (t.start, t.value)
        for t in found
        if t.concept == "age" and t.operator == ">=" and not t.guessed
    )
    if not lower:
        return found
    starts = [start for start, _ in lower]
    least = list(itertools.accumulate((value for _, value in lower), min))  # before each start
    out = []
    for t in found:
        if t.concept == "age" and t.guessed and t.operator == ">=":
            before = bisect.bisect_left(starts, t.start)  # bounds starting before this one
            if before and least[before - 1] < t.value:
                t = replace(t, operator="<=")
        out.append(t)
    return out


def find_thresholds(text: str | None) -> list[Threshold]:
    """Every numeric threshold in one criterion's text, ordered by start offset."""
    if not text:
        return []
    return list(_thresholds_of(text))


# Between one age range and the next of another cohort: "(juvenile) or", "for children;",
# ", and", "; adolescents (Part B): ".
_NEXT_RANGE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?(?:\s+(?:for|in)\s+[^\d;,()]{1,40})?\s*"
    r"(?:,\s*(?:and|or)\b|,|;|\bor\b|\band\b)\s*"
    # a cohort's label: "adolescents (Part B): " (not "disease duration: ", no cohort's)
    r"(?:(?:[^\W\d_][\w-]*\s+){0,2}(?:adults?|adolescents?|children|p(?:a)?ediatric|juveniles?"
    r"|cohort|part|elderly|minors|teenagers)\b[^:;\d]{0,30}:\s*)?",
    re.IGNORECASE,
)


def _more_ranges(text: str, pos: int, unit: str | None) -> list[list[_Comparison]]:
    """Further ranges in the same unit after an age range: each cohort's ages."""
    found: list[list[_Comparison]] = []
    while unit is not None and (gap := _NEXT_RANGE.match(text, pos)) is not None:
        more = _comparisons_at(text, gap.end())
        if len(more) != 2 or more[-1].unit != unit:  # a second range, "18-70 years", only
            break
        found.append(more)
        pos = more[-1].end
    return found


@text_cache
def _thresholds_of(text: str) -> tuple[Threshold, ...]:
    """Cached: many trials copy their eligibility criteria word for word."""
    clean = _clean(text)
    mentions = [
        _Mention(m.start(), m.end(), concepts_of(m))
        for m in CONCEPT_PATTERN.finditer(clean)
        if not _OF_AGE.search(clean, max(0, m.start() - 12), m.start())
    ]
    starts = {m.start: m for m in mentions}
    out: list[Threshold] = []
    pending: list[_Mention] = []
    consumed = 0
    for mention in mentions:
        if mention.start < consumed:
            continue
        result, stop = _read_tail(clean, mention, starts)
        if isinstance(result, _Mention):
            pending.append(mention)
            consumed = stop  # abbreviations on the way ("(AST)") name the same concept
            continue
        if result:
            out += _emit(text, [*pending, mention], result)
            stop = max(c.end for c in result)
            if mention.concepts == ("age",):  # "12-17 years (juvenile) or 18-70 years (adult)"
                for more in _more_ranges(clean, stop, result[-1].unit):
                    out += _emit(text, [*pending, mention], more)
                    stop = max(c.end for c in more)
        consumed, pending = stop, []
    out += _scores_before(text, clean, mentions, out)
    out += _years_to_years(text, clean, out)
    out += _implicit_ages(text, clean, out)
    out += _person_ages(text, clean, out)
    out += _people_age_ranges(text, clean, out)
    out += _bounds_before_age(text, clean)
    unique = _without_scoping_ages(clean, _upper_after_lower(list(dict.fromkeys(out))))
    return tuple(sorted(unique, key=lambda t: (t.start, t.end)))


def _scores_before(
    text: str, clean: str, mentions: list[_Mention], taken: list[Threshold]
) -> list[Threshold]:
    """A score's limit written before its name: "A score of at least 6 on the MG-ADL
    scale", "At least 8 points on the SLEDAI-2K"."""
    out = []
    read = {t.start for t in taken}
    for mention in mentions:
        scores = [c for c in mention.concepts if DEFAULT_UNIT.get(c) == "points"]
        if not scores or mention.start in read:
            continue
        before = _SCORE_BEFORE.search(clean, max(0, mention.start - _SCORE_REACH), mention.start)
        if before is None:
            continue
        code = tu.operator_at(clean, before.start())
        if (
            code is None
            or code[0] == tu.LOST
            or _CHANGE_BEFORE.search(clean, max(0, before.start() - _SCORE_REACH), before.start())
        ):
            continue  # "an improvement of less than 2 points on the MG-ADL": a change
        start, end = before.start(), mention.end
        out += [
            _threshold(c, code[0], float(before["n"]), "points", start, end, text[start:end])
            for c in scores
        ]
    return out


_SCORE_BEFORE = re.compile(
    rf"(?:{tu.OPERATOR.pattern})(?P<n>\d{{1,3}}(?:\.\d)?)\s*(?:points?\s+)?on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SCORE_REACH = 40
_CHANGE_BEFORE = re.compile(
    r"\b(?:improvement|increase|decrease|reduction|change|drop|rise|worsening|decline|fall)s?"
    r"\s+(?:of\s+)?$",
    re.IGNORECASE,
)


def _without_scoping_ages(clean: str, found: list[Threshold]) -> list[Threshold]:
    """Drop the ages that say whom a rule is for, not who may join.

    Two ages that split the participants at one value ("Lansky (age < 16 years) or
    Karnofsky (age ≥ 16 years)") each pick the rule for one side; an age after words
    on pregnancy ("Females of childbearing potential aged ≥ 12 years must …",
    "postmenopausal … or age > 55 years") says who the rule is about.
    """
    ages = [t for t in found if t.concept == "age"]
    if not ages:
        return found
    operators: dict[float, set[str]] = {}
    for t in ages:
        operators.setdefault(t.value, set()).add(t.operator)
    scoping = {
        t
        for t in ages
        if any(t.operator in split and split <= operators[t.value] for split in _SPLITS)
    }
    ruled = any(t.concept != "age" for t in found)  # a rule an age may scope
    # ages of minors only ("< 18", "12-17"): a group a rule is for, beside the trial's limits
    oldest: dict[int, float] = {}
    for t in ages:
        oldest[t.start] = max(oldest.get(t.start, t.value), t.value)
    minors = {t for t in ages if oldest[t.start] <= _ADULT}
    scoping |= {
        t
        for t in ages
        if _CHILDBEARING.search(clean, max(0, t.start - _SCOPE_REACH * 3), t.start)
        or _CHILDBEARING.search(_clause_after(clean, t.end))  # "Women > 50 years must be
        # postmenopausal"
        or _ROW_VALUE.match(clean, t.end)  # "Age 1 to < 2 years: 0.6 mg/dL": a table's row
        # "Body weight ≥ 35 kg for participants aged 12-17 years": whom another rule is for
        # ("Open for patients aged 18-75 years" alone is the trial's own)
        or (ruled and _SCOPED.search(clean, max(0, t.start - _SCOPE_REACH), t.start))
        # "Participants aged < 18 years must weigh ≥ 40 kg", "… 12-17 years old require
        # written parental consent": whom a rule is for (not "… must have active SLE")
        or (
            t in minors
            and _RULE_FOR_THEM.match(clean, t.end) is not None
            and (ruled or _CONSENT.search(_clause_after(clean, t.end)) is not None)
        )
    }
    return [t for t in found if t not in scoping]


def _clause_after(clean: str, end: int) -> str:
    """The words after ``end`` to the clause's end (";" or a sentence's stop), a few at most."""
    after = clean[end : end + _CLAUSE_AFTER]
    cut = _CLAUSE_END.search(after)
    return after if cut is None else after[: cut.start()]


_CLAUSE_END = re.compile(r"[;]|\.(?:\s|$)")
# A value after an age and a colon: the age picks the row of a table of limits.
_ROW_VALUE = re.compile(r"\s*(?:years?|yrs?)?\s*(?:old)?\s*[:：]\s*[<>≤≥=]?\s*\d", re.IGNORECASE)
# Operators that split an age into two sides: "< 16" and "≥ 16".
_SPLITS = ({"<", ">="}, {"<=", ">"})
# Words before an age that make it a rule's scope, not a limit of the trial's.
_CHILDBEARING = re.compile(r"child-?\s*bearing|menopaus|menses|\bWOCBP\b", re.IGNORECASE)
_CLAUSE_AFTER = 40  # characters after an age searched for them, to the clause's end
_ADULT = 18
_CONSENT = re.compile(r"\b(?:consent|assent|parent\w*|guardian\w*)\b", re.IGNORECASE)
