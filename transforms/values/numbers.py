"""Enrollment counts: labelled ("24 (estimated)", "9 participants") or told in prose.

A zero or a placeholder ("N/A", "Not available", "Target enrollment: 0") is
not a count: sites print 0 when the registry field is empty. Prose counts need
an enrollment verb next to a people noun, so "the first 3 participants will be
enrolled" (a dose-escalation step) is not the trial's size.
"""

from __future__ import annotations

import re

_INT32_MAX = 2**31 - 1
_NUMBER = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,12}(?!\d)"  # bounded: int() of 5 MB of digits fails
_COUNT = re.compile(rf"(?<![\d.])(?P<n>{_NUMBER})(?!\d|\.\d)")
_PLACEHOLDER = re.compile(
    r"^\W*(?:n/?a|none|not\s+(?:available|applicable|provided|reported)|unknown|tbd|-+)\W*$",
    re.IGNORECASE,
)
_TYPE = re.compile(
    r"\b(?:(?P<est>estimated|anticipated|expected|planned|^(?:est|exp)(?=\.\s)"
    r"|will\s+(?:take\s+part|participate|be\s+(?:enrolled|recruited|included)|enrol+))"
    r"|(?P<act>actual|final))\b",
    re.IGNORECASE,
)
_TARGET = re.compile(r"\btarget\b", re.IGNORECASE)  # a planned size, when beside an actual one
_PEOPLE = (
    r"(?:subjects|participants|patients|adults|children|volunteers|people|individuals"
    r"|persons|cases|women|men|adolescents|pediatric\s+patients)"
)
_QUALIFIER = (
    r"(?:approximately|about|around|up\s+to|nearly|roughly|a\s+total\s+of|total\s+of"
    r"|an?\s+estimated|a\s+maximum\s+of|at\s+least)"
)
# "enroll approximately 30 patients", "plans to enroll 24 adults".
_VERB_FIRST = re.compile(
    rf"\b(?:enrol{{1,2}}s?|enrolling|enrol{{1,2}}ed|recruit|recruits|recruiting|recruited"
    rf"|include|including|randomi[sz]e|randomi[sz]es|randomi[sz]ing)\s+"
    rf"(?:{_QUALIFIER}\s+)?(?P<n>{_NUMBER})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE}\b",
    re.IGNORECASE,
)
# "A total number of 18 subjects will be enrolled", "60 patients are planned to be enrolled".
# Who the people are, between them and the verb: "participants, aged 18 to 50 years,".
_AGED = r"(?:,?\s+aged\s+\d{1,3}\s*(?:-|–|to)\s*\d{1,3}(?:\s+years?)?(?:\s+old)?,?)?"
_NOUN_FIRST = re.compile(
    rf"(?<![\d.,\-])(?P<n>{_NUMBER})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE}{_AGED}\s+"
    r"(?:will|would|are\s+(?:planned|expected)\s+to|is\s+planned\s+to|were|have\s+been|are\s+to)\s+"
    r"(?:be\s+)?(?:enrolled|recruited|included|randomi[sz]ed)\b",
    re.IGNORECASE,
)
# Patient-facing pages: "The team need 12 people to join", "About 30 people will take part".
_TAKING_PART = re.compile(
    rf"(?<![\d.,\-])(?P<n>{_NUMBER})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE}{_AGED}\s+"
    r"(?:(?:will|would|are\s+(?:planned|expected|needed)\s+to|to)\s+(?:join|take\s+part|participate)"
    r"|took\s+part|are\s+needed)\b",
    re.IGNORECASE,
)
# "A total of 15 patients with SLE will receive …": a total is the trial's size.
_TOTAL_OF = re.compile(
    rf"\ba\s+total\s+of\s+(?P<n>{_NUMBER})\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE}\b"
    r"(?=[^.;]{0,60}?\b(?:will|would|shall|to\s+be|are\s+(?:planned|expected)"
    r"|were\s+(?:enrolled|recruited|included|treated)))",
    re.IGNORECASE,
)
_SAMPLE_SIZE = re.compile(
    rf"\b(?:sample\s+size|planned\s+enrol{{1,2}}ment|target\s+enrol{{1,2}}ment"
    rf"|enrol{{1,2}}ment\s+(?=of\b))\s*(?:of|is|will\s+be|:)?\s*"
    rf"(?:{_QUALIFIER}\s+)?(?P<n>{_NUMBER})(?!\d|\.\d|\s*%)"
    rf"(?:\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PEOPLE}\b)?",  # its people, so "… per cohort" is seen
    re.IGNORECASE,
)
# A count that describes a step of the trial, not its size.
_STEP_WORD = re.compile(
    r"\b(?:first|initial|last|next|remaining|subsequent|additional|further|each|another)\s+$",
    re.IGNORECASE,
)
# "Experimental group:10;Control group:10;": a label and a count per group, nothing else.
_GROUP_SIZE = re.compile(r"[^\W\d][^:;,：；\d]{0,40}[:：]\s*(\d{1,6})\s*(?:[;,；]\s*|$)")
_GROUP_SIZES = re.compile(rf"\s*(?:{_GROUP_SIZE.pattern})+\s*")
_PER_GROUP = re.compile(r"^\s*(?:in\s+)?(?:each|per|every)\b", re.IGNORECASE)


def _to_int(number: str) -> int | None:
    value = int(number.replace(",", ""))
    return value if 0 < value <= _INT32_MAX else None


# A count of no one: "0", "0 participants", "0 (Actual)". A placeholder unless something
# says it is a count (its type is actual, or the trial was withdrawn): see ``marts.trials``.
_ZERO_COUNT = re.compile(
    r"^\s*0+\s*(?:\(?(?:participants?|patients?|subjects?)\)?)?\s*"
    r"(?:\(\s*(?:actual|estimated|anticipated)\s*\))?\s*$",
    re.IGNORECASE,
)


def is_zero_count(text: str) -> bool:
    return _ZERO_COUNT.match(text) is not None


def parse_enrollment(text: str | None) -> tuple[int, str | None] | None:
    """``(count, ESTIMATED|ACTUAL|None)`` from a labelled enrollment value.

    A size given per group and nothing else ("Experimental group:10;Control
    group:10;", as ChiCTR writes it) is the groups' sum.
    """
    if not text or _PLACEHOLDER.match(text):
        return None
    if not any(c.isdigit() for c in text):
        text = _WORD_NUMBER.sub(_digits, text)  # "Twenty-four"
    match = _COUNT.search(text)
    if match is None:
        return None
    count = _to_int(match.group("n"))
    total = _TOTAL.search(text)
    if _SIZE_PER_GROUP.match(text, match.end()):  # "8 participants per cohort … (total 24)"
        count = None if total is None else _to_int(total.group("n") or total.group("m"))
    elif (
        total is not None
        and total.start() > match.end()
        and _WHOLE_AFTER.match(text, total.end())
        and not _NOT_THE_WHOLE.search(text, max(0, total.start() - _WHOLE_REACH), total.start())
    ):  # "SLE 9, LN 9, NMOSD 6, MG 6; total 30 patients": the cohorts', then the whole (not
        # "11 (planned total 18)", "30, including a total of 6 adolescents", "a total of 2 sites")
        count = _to_int(total.group("n") or total.group("m"))
    if count is None:
        return None
    if (actual := _actual_beside_planned(text)) is not None:
        return actual, "ACTUAL"
    # Per-group sizes are labelled; most values are not.
    groups = _GROUP_SIZE.findall(text) if ":" in text or "：" in text else []
    if len(groups) >= 2 and _GROUP_SIZES.fullmatch(text):
        by_type = _sizes_by_type(text)
        if by_type is not None:  # "Planned: 40; Actual: 36" states one size twice
            return by_type
        total = _TOTAL.search(text)  # "Total: 30; EEA: 20" (EU CTIS): a part is the whole
        count = _to_int(total["n"] or total["m"]) if total else sum(int(n) for n in groups)
    return count, enrollment_type_in(text)


# What may follow the trial's total: its people, or the value's end.
_WHOLE_AFTER = re.compile(
    r"\s*(?:(?:participants?|patients?|subjects?|people|individuals)\b)?\s*(?:[;.)]|$)", re.I
)
_NOT_THE_WHOLE = re.compile(
    r"\b(?:planned|screened|screening|including|original|withdrawn|plus|anticipated|target)\b",
    re.IGNORECASE,
)
_WHOLE_REACH = 25  # characters before "total" searched for them
# A size per group, which is not the trial's: "6 per dose level", "8 participants per cohort".
_SIZE_PER_GROUP = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}?per\s+(?:dose\s+)?(?:cohorts?|levels?|arms?|groups?|sites?"
    r"|cent(?:er|re)s?|parts?)\b",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\btotal(?:\s+of)?(?:\s+up\s+to|\s+N)?\s*[:=]?\s*(?P<n>\d[\d,]*)"
    r"|(?P<m>\d[\d,]*)\s*(?:in\s+)?total\b",
    re.IGNORECASE,
)
# Parts of a value that states the size twice: "18; actual: 11", "18 (target) / 11 (actual)".
_SIZE_PARTS = re.compile(r"\s*[;/|；]\s*")


def _actual_beside_planned(text: str) -> int | None:
    """The actual size of a value with two sizes, one of them said to be the actual one."""
    if not any(sep in text for sep in ";/|；"):
        return None
    parts = [part for part in _SIZE_PARTS.split(text) if _COUNT.search(part)]
    kinds = [enrollment_type_in(part) for part in parts]
    if len(parts) != 2 or kinds.count("ACTUAL") != 1:
        return None
    match = _COUNT.search(parts[kinds.index("ACTUAL")])
    return None if match is None else _to_int(match.group("n"))


def _sizes_by_type(text: str) -> tuple[int, str] | None:
    """The actual size (else the planned one) when each labelled part is a size's type."""
    sizes: dict[str, int] = {}
    for part in _GROUP_SIZE.finditer(text):
        kind = enrollment_type_in(part.group()) or (
            "ESTIMATED" if _TARGET.search(part.group()) else None
        )
        value = _to_int(part.group(1))
        if kind is None or value is None:
            return None
        sizes.setdefault(kind, value)
    kind = "ACTUAL" if "ACTUAL" in sizes else "ESTIMATED"
    return sizes[kind], kind


def enrollment_type_in(text: str) -> str | None:
    """ESTIMATED or ACTUAL when ``text`` says which ("24 (estimated)", "Actual Enrollment")."""
    kind = _TYPE.search(text)
    return None if kind is None else ("ESTIMATED" if kind.group("est") else "ACTUAL")


def _is_trial_size(text: str, match: re.Match[str]) -> bool:
    """Reject "the first 3 participants ..." and "... enrolled in each cohort"."""
    before = text[max(0, match.start("n") - 20) : match.start("n")]
    after = text[match.end() : match.end() + 20]
    return not _STEP_WORD.search(before) and not _PER_GROUP.match(after)


_SMALL = (  # noqa: SIM905 - a word list reads best as one string
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
# Numbers written in words, the value of each word ("twenty-four" is "twenty" + "four").
WORD_VALUES = {word: i for i, word in enumerate(_SMALL)} | {
    word: 20 + 10 * i for i, word in enumerate(_TENS)
}
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[\s-](?P<unit>{'|'.join(_SMALL[1:10])}))?"
    rf"|(?P<small>{'|'.join(_SMALL[1:])}))\b",
    re.IGNORECASE,
)


def _digits(match: re.Match[str]) -> str:
    """A number written in words (up to ninety-nine) in digits."""
    if match.group("small"):
        return str(WORD_VALUES[match.group("small").lower()])
    unit = match.group("unit")
    return str(
        WORD_VALUES[match.group("tens").lower()] + (WORD_VALUES[unit.lower()] if unit else 0)
    )


def words_to_digits(text: str) -> str:
    """``text`` with numbers written in words (up to nine hundred and ninety-nine) in digits."""
    if "undred" in text:
        text = _HUNDREDS.sub(_hundreds, text)  # "one hundred and twenty" before "twenty"
    return _WORD_NUMBER.sub(_digits, text)


_HUNDREDS = re.compile(
    rf"\b(?P<h>{'|'.join(_SMALL[1:10])})\s+hundred(?:\s+and)?"
    rf"(?:\s+(?P<rest>(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?"
    rf"|{'|'.join(_SMALL[1:])}))?\b",
    re.IGNORECASE,
)


def _hundreds(match: re.Match[str]) -> str:
    rest = match.group("rest")
    tail = int(_WORD_NUMBER.sub(_digits, rest)) if rest else 0
    return str(WORD_VALUES[match.group("h").lower()] * 100 + tail)


def find_enrollment_in_prose(text: str | None) -> int | None:
    """A planned or actual enrollment stated in a sentence, or None."""
    if not text:
        return None
    text = words_to_digits(text)  # "Twelve patients will be enrolled"
    found: list[tuple[int, int]] = []
    for pattern in (_NOUN_FIRST, _VERB_FIRST, _TAKING_PART, _TOTAL_OF, _SAMPLE_SIZE):
        for match in pattern.finditer(text):
            count = _to_int(match.group("n"))
            if count is not None and _is_trial_size(text, match):
                found.append((match.start(), count))
                break
    return min(found)[1] if found else None
