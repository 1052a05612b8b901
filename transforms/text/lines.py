"""Split normalised text into classified lines: headings, labels, fields, free text.

A registry page is a sequence of headings, key-value lines and lists. Each
line is classified on its own shape (exact lexicon term, "Label: value",
table row, glued "Phase1", embedded record, boilerplate); what a free line
means is decided later with its neighbours (segment.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from transforms.text.badges import TYPED_FIELDS, accepts
from transforms.text.label_match import match_label_colon, match_label_glued
from transforms.text.lexicon import (
    CRITERIA_SECTIONS,
    FIELD_BY_TERM,
    FIELD_OF_SECTION,
    FORM_CODE,
    SECTION_BY_TERM,
    SECTION_NUMBER,
    is_boilerplate,
    is_question_heading,
    is_related_heading,
    normalize_label,
)
from transforms.text.scripts import CJK, CJK_CHARS
from transforms.text.tables import row_cells
from transforms.values.memo import text_cache

_PHYSICAL_LINE = re.compile(r"[^\n]+")
_LEAD_MARKUP = re.compile(r"^(?:[•*+>-]\s*)+(?=\S)")
_ITEM_NUMBER = re.compile(r"^\(?\d{1,2}[.)、]\s")
_TABLE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
# Criteria headings written mid-paragraph: "... consent form. Exclusion Criteria: 1. ...".
_INLINE_CRITERIA = re.compile(
    r"(?:(?<=\S)(?<!key)(?<!main)(?<!principal)(?<!participant)(?<!non)(?<!previous)"
    r"(?<!current)[ \t]+|(?<=[.;。]))"
    r"(?=(?:key |main |principal |participant )?(?:inclusion|exclusion) criteria\s*[:：])"
    # "…; SLEDAI-2K ≥ 6. Exclusion: pregnancy; …": the short heading after a sentence.
    r"|(?<=[.;。])[ \t]+(?=exclusion\s*[:：])"
    # glued to the item before it where a line break was lost: "… consentExclusion Criteria:",
    # "… 50%. ExclusionCriteria: 1. …"
    r"|(?-i:(?<=[a-z0-9)%])(?=(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)\s?[Cc]riteria\s*[:：]))"
    r"|(?<=[.;。])[ \t]*(?=(?:inclusion|exclusion)criteria\s*[:：])"
    # an outcome's heading glued to the frame before it: "… 28 days post infusionSecondary
    # outcome: …", "[Time Frame: Day 28]Secondary Outcome Measures:"
    r"|(?-i:(?<=[a-z0-9)\]%])(?=(?:Primary|Secondary)\s(?:[Oo]utcome|[Ee]ndpoint)s?"
    r"(?:\s[Mm]easures?)?\s*[:：]))",
    re.IGNORECASE,
)
# A label under a form-section code that the lexicon does not know: a field of the
# registry's form, never a line of the list or block before it.
_CODED_LABEL = re.compile(rf"^{FORM_CODE}\s+[^:：]{{1,120}}[:：]")
_CODED_HEADING = re.compile(rf"^{FORM_CODE}\s+[A-Z][^:：.;]{{2,60}}$")
# The EU register's trial type ticked: "E.7.1 Human pharmacology (Phase I): Yes".
_PHASE_BOX = r"\((?P<phase>phase\s+(?:I{1,3}|IV|[1-4]))\)\s*[:：]\s*"
_FORM_PHASE = re.compile(_PHASE_BOX + r"yes\b", re.IGNORECASE)
# The same box with its code dropped (WHO ICTRP), ticked or not.
_UNCODED_PHASE = re.compile(
    rf"^[^\W\d_][^:：()]{{2,60}}{_PHASE_BOX}(?:(?P<yes>yes)|no)\s*$", re.IGNORECASE
)
# The EU register's design ticked yes or no: the box's name is the design's value.
_FORM_TICKS = {
    "randomised": ("allocation", "Randomized"),
    "randomized": ("allocation", "Randomized"),
    "open": ("masking", "None (Open Label)"),
    "single blind": ("masking", "Single"),
    "double blind": ("masking", "Double"),
    "parallel group": ("intervention_model", "Parallel"),
    "cross over": ("intervention_model", "Crossover"),
    "crossover": ("intervention_model", "Crossover"),
    "female": ("sex", "Female"),  # F.2.1 / F.2.2: who may take part
    "male": ("sex", "Male"),
}
_YES = re.compile(r"yes\b", re.IGNORECASE)
# A form-section code alone ("E.4") is the start of the heading after it, not a line.
# Before a heading, a form's code or an outline's number ("B. Exclusion Criteria:") is the
# heading's, not a line of its own.
_TYPED_OUTCOME_SECTIONS = frozenset({"primary_outcomes", "secondary_outcomes", "other_outcomes"})
_CODE_ONLY = re.compile(rf"^\s*(?:{FORM_CODE}|(?:[A-H]|I{{1,3}}|IV|VI{{0,3}}|IX|X)[.)])\s*$")
_GLUED_FIELDS = frozenset(
    {
        "phase",
        "enrollment",
        "ages",
        "min_age",
        "max_age",
        "start_date",
        "primary_completion_date",
        "completion_date",
        "last_updated",
    }
)
# A label glued to a word value where the capital starts it ("StatusRecruiting", "SexAll"):
# only fields whose value is typed, and only a value of that type.
_DATE_FIELDS = frozenset(
    {"start_date", "primary_completion_date", "completion_date", "last_updated"}
)  # "Last updated 2025-04-02"
_CAMEL_FIELDS = (
    frozenset(
        {"status", "phase", "sex", "study_type", "allocation", "masking", "intervention_model"}
        | {"healthy_volunteers"}  # "Healthy VolunteersNo"
    )
    | _DATE_FIELDS
)  # "Start DateMarch 3, 2025"
# A typed field's label and its value parted by a space (see ``_classify_camel_glued``).
# Ages too, when the value is an age: "Min age 18 years" / "Max age 65 years" (ChiCTR).
_SPACED_FIELDS = (_CAMEL_FIELDS - {"phase"}) | {"min_age", "max_age", "enrollment"}
_AGE_VALUE = re.compile(r"\d{1,3}\s*(?:years?|yrs?|months?|weeks?|days?|岁)?(?:\s+old)?$", re.I)
_AGE_LIMITS = frozenset({"min_age", "max_age"})
_MAX_SPACED_LINE = 60
# A count as a spaced label's value: "40 (Estimated)", "12 participants (anticipated)"; not
# "12 months after site activation" nor "2025-2026".
# A criteria heading with its list run on after it, each item bulleted: no colon needed.
_HEADING_THEN_BULLET = re.compile(r"^(?P<label>[^•:]{3,40}?)\s+(?P<value>•\s+\S.*)$")
COUNT_VALUE = re.compile(
    r"^(?!(?:19|20)\d\d$)\d[\d,]*\s*(?:participants?|patients?|subjects?)?\s*"
    r"(?:\((?:estimated|actual|anticipated|planned|expected)\))?$",
    re.IGNORECASE,
)
# The trial's own fields, as a record's table aligns them; not what a criteria or arms
# table aligns under a field's name ("Age            18 to 70 years", "Title   X infusion").
_ALIGNED_FIELDS = frozenset(
    {"status", "phase", "enrollment", "lead_sponsor", "study_type", "allocation", "masking"}
    | {"intervention_model", "primary_purpose", "start_date", "primary_completion_date"}
    | {"completion_date", "last_updated", "nct_id", "acronym", "condition", "country"}
)
_ALIGNED = re.compile(r"^(?P<label>[^\W\d_][^:|]{0,40}?[^\s:])[ ]{3,}(?P<value>\S.*)$")
_NCT_VALUE = re.compile(r"NCT\d{8}$")
_SPACE = re.compile(" ")
_PARTS = re.compile(r"[·•|;:]")  # more than one field on the line: its parts are read apart
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_MAX_CAMEL_LABEL = 30
# Upper-case registry enum values ("TREATMENT", "NONE") are values, never labels.
_ENUM_VALUE = re.compile(
    r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^(?:TREATMENT|NONE|NA|ALL|MALE|FEMALE|PHASE[1-4])$"
)
_MAX_LABEL_LINE = 80
# Labels that name a field only when their value is one of its values: "Recruitment: Open
# to recruitment" is a status; "Recruitment: through referring rheumatologists" is not.
_GATED_FIELDS = {"recruitment": "status"}
_GATED_LABEL = re.compile(
    "^(?P<label>" + "|".join(map(re.escape, _GATED_FIELDS)) + r")\s*:\s*", re.IGNORECASE
)
_NARROWED_CRITERIA = re.compile(r"^(.{0,40}?criteria)\s*(?:[-–—]|\bfor\b|\bin\b)\s*\S.{0,40}$")
# A label in Chinese, Japanese or Korean and English on one line ("最小 Min age",
# "試験の名称 / Title", "연구 제목 / Title"): the English is the term.
_CJK_LEAD = re.compile(f"^[{CJK_CHARS}（）()・ ]+" r"[:：]?\s*(?:[/／|]\s*)?(?=[A-Za-z])")
# A separator left after a value where the next label was cut off ("Sponsor: X · ").
_TRAILING_SEPARATOR = re.compile(r"[ \t]+[·•|][ \t]*$")
_QUOTED = re.compile(r'^(?:"[^"]+"|\'[^\']+\'|“[^”]+”)$')


class Line(NamedTuple):
    """One classified line; offsets are into the normalised text.

    A named tuple, not a frozen dataclass: one is made per line of every page,
    and a frozen dataclass takes four times as long to construct.
    """

    start: int
    end: int
    text: str
    indent: int
    kind: str  # heading | label | field | free | boilerplate | record
    key: str | None = None  # canonical section or field
    label: str | None = None
    value: str | None = None
    value_start: int | None = None


def on_next_line(text: str, end: int, start: int) -> bool:
    """Whether ``start`` is on the line right after the one that ends at ``end`` (no blank
    line between): what makes a line a value, a wrap or a row of the line above it."""
    return text.count("\n", end, start) == 1


def iter_physical_lines(text: str) -> Iterator[tuple[int, int, str, int]]:
    """``(start, end, stripped_text, indent)`` for each non-blank line.

    A criteria heading met mid-line starts a new physical line, so that
    "Inclusion Criteria: 1. … Exclusion Criteria: 1. …" splits in two.
    """
    for match in _PHYSICAL_LINE.finditer(text):
        segment = match.group()
        lo = match.start()
        if (  # cheap pre-filter
            "riteria" not in segment
            and "RITERIA" not in segment
            and "xclusion" not in segment
            and "XCLUSION" not in segment
            and "ary outcome" not in segment
            and "ary Outcome" not in segment
        ):
            line = _physical_line(lo, segment)
            if line is not None:
                yield line
            continue
        cuts = [0]
        for match in _INLINE_CRITERIA.finditer(segment):
            if not _CODE_ONLY.match(segment, cuts[-1], match.start()):
                cuts.append(match.end())
        cuts.append(len(segment))
        for cut_lo, cut_hi in pairwise(cuts):
            line = _physical_line(lo + cut_lo, segment[cut_lo:cut_hi])
            if line is not None:
                yield line


def _physical_line(lo: int, chunk: str) -> tuple[int, int, str, int] | None:
    """The stripped line of ``chunk`` (found at ``lo``), or None if it is blank."""
    unindented = chunk.lstrip()
    if not unindented:
        return None
    stripped = unindented.rstrip()
    lead = len(chunk) - len(unindented)
    # Only tabs widen the indent (to 4 columns), and only those before the text.
    indent = len(chunk[:lead].expandtabs(4)) if "\t" in chunk[:lead] else lead
    start = lo + lead
    return start, start + len(stripped), stripped, indent


def classify_line(start: int, end: int, text: str, indent: int) -> Line:
    """Classify one stripped line by its shape alone.

    A line or value printed twice ("Lupus NephritisLupus Nephritis", a scraped
    element and its copy for screen readers) is read once: the first copy.
    """
    if (single := _single_copy(text)) is not None:
        text, end = text[:single], start + single
    elif text[:1] in _MARKUP_CHARS and (single := _single_copy_after_markup(text)) is not None:
        text, end = text[:single], start + single  # "- InterventionalInterventional"
    kind, key, label, value, value_at = _classify_text(text)
    if value is not None and (single := _single_copy(value)) is not None:
        value = value[:single]
    elif value and key in TYPED_FIELDS and (word := _WORD_TWICE.fullmatch(value)) is not None:
        value = word.group(1)  # "Sex: All All", "Healthy volunteers: No No"
    elif value and value[0].isdigit() and (number := _SPACED_NUMBER.fullmatch(value)):
        value = number.group(1)  # "Enrollment: 24 24": a labelled count and its copy
    value_start = None if value_at is None else start + value_at
    return Line(start, end, text, indent, kind, key, label, value, value_start)


_MIN_COPY = 4  # "NoNo" may be a word; "Phase 2Phase 2" is not
_MARKUP_CHARS = frozenset("•*+>-")  # what ``_LEAD_MARKUP`` may start with


def _single_copy_after_markup(text: str) -> int | None:
    """Where a bulleted line ends with one copy of a doubled body ("- Phase 2Phase 2")."""
    body, at = _strip_markup(text, 0)
    single = _single_copy(body) if at else None
    return None if single is None else at + single


def _single_copy(text: str) -> int | None:
    """The length of one copy when ``text`` is two equal copies, glued or spaced; else None.

    Runs for every line: one character tells for most (a second copy would start
    with the first's first character) before any slice is compared.
    """
    n = len(text)
    half = n // 2
    at = half + n % 2  # where the second copy would start
    if n < 2 * _MIN_COPY or text[at] != text[0] or (at > half and text[half] != " "):
        return None
    second = text[at:]
    if second != text[:half]:
        return None
    # Words, or a date ("2024-03-152024-03-15"); not a number ("1111", "2020").
    if not any(c.isalpha() for c in second) and _ISO_DATE.fullmatch(second) is None:
        return None
    return half


_SPACED_NUMBER = re.compile(r"(\d[\d,]*) \1")
_WORD_TWICE = re.compile(r"([A-Za-z]{2,}) \1")
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


# kind, key, label, value, and the value's offset in the line.
_Shape = tuple[str, str | None, str | None, str | None, int | None]


@text_cache
def _classify_text(text: str) -> _Shape:
    """The classification of a line's text; cached because pages repeat their lines."""
    if is_boilerplate(text):  # before a record: "[Share] [Print] [Back to results]"
        return "boilerplate", None, None, None, None
    if text[0] in "{[" and text[-1] in "}]" and len(text) > 2:
        return "record", None, None, None, None
    if _ENUM_VALUE.match(text):
        return "free", None, None, None, None
    body, body_at = _strip_markup(text, 0)
    if body.startswith("|"):
        return _classify_table_row(body, body_at)
    exact = _exact_term(body)
    if exact is not None:
        kind, key = exact
        return kind, key, body.rstrip(":： ").strip(), None, None
    return _classify_labelled(body, body_at)


# An outline's letter or Roman numeral before a heading: "B. Exclusion Criteria:".
_OUTLINE_NUMBER = re.compile(r"^(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)[.)]\s+(?=[^\W\d_])")
_OUTLINE_FIRST = frozenset("ABCDEFGHIVX")


def has_list_marker(text: str) -> bool:
    """Whether a line starts with a bullet or an item number ("•", "-", "3.", "(2)")."""
    return _LEAD_MARKUP.match(text) is not None or _ITEM_NUMBER.match(text) is not None


def strip_markup(text: str) -> str:
    """``text`` without leading bullets or quote marks."""
    return _strip_markup(text, 0)[0]


def _strip_markup(text: str, start: int) -> tuple[str, int]:
    """Drop leading bullets and quote marks that some sites put before labels."""
    match = _LEAD_MARKUP.match(text)
    if match is None:
        return text, start
    return text[match.end() :], start + match.end()


def _exact_term(body: str) -> tuple[str, str] | None:
    """A whole line that is a heading or a label with nothing after it."""
    if len(body) > _MAX_LABEL_LINE:
        return None
    key = normalize_label(body)
    if "/" in key and key not in SECTION_BY_TERM and key not in FIELD_BY_TERM:
        key = _other_slash(key)  # "Arms / Groups" as "arms/groups", "Arm/Group" as "arm / group"
    if key in SECTION_BY_TERM:
        return "heading", SECTION_BY_TERM[key]
    if key in FIELD_BY_TERM:
        return "label", FIELD_BY_TERM[key]
    if (lead := _CJK_LEAD.match(body)) is not None:
        return _exact_term(body[lead.end() :])
    # A numbered heading ("2.1 Inclusion criteria"); a numbered label is a list's item
    # ("1. Age" in a list of criteria is not the ages label).
    if (body[:1].isdigit() and (number := SECTION_NUMBER.match(body)) is not None) or (
        body[:1] in _OUTLINE_FIRST and (number := _OUTLINE_NUMBER.match(body)) is not None
    ):  # "2.1 Inclusion criteria", "A. Inclusion Criteria:", "II. Exclusion criteria"
        key = normalize_label(body[number.end() :])
        return ("heading", SECTION_BY_TERM[key]) if key in SECTION_BY_TERM else None
    # A criteria heading narrowed to some participants: "Inclusion Criteria - Cohort A",
    # "Exclusion criteria for all cohorts".
    if "criteria " in key and (narrowed := _NARROWED_CRITERIA.match(key)) is not None:
        section = SECTION_BY_TERM.get(narrowed.group(1))
        return ("heading", section) if section in CRITERIA_SECTIONS else None
    if is_related_heading(key):
        return "heading", "related"
    if body.endswith("?") and is_question_heading(body):
        return "heading", "summary"  # "Where is the study run from?" over its answer
    return None


def _other_slash(key: str) -> str:
    """``key`` with its slashes spaced the other way, as the lexicon may list it."""
    return key.replace(" / ", "/") if " / " in key else key.replace("/", " / ")


def _classify_labelled(body: str, body_at: int) -> _Shape:
    if (lead := _CJK_LEAD.match(body)) is not None and CJK.match(body):
        # "样本总量 Total sample size : 9", "研究类型 / Study type: Interventional": the English
        # label after its Chinese one, read as if alone
        shape = _classify_labelled(body[lead.end() :], body_at + lead.end())
        if shape[0] in ("field", "label", "heading"):
            return shape
    match = match_label_colon(body)
    if match is not None:
        key = normalize_label(match.label)
        value = _TRAILING_SEPARATOR.sub("", match.value).strip() or None
        value_at = None if value is None else body_at + match.value_at
        if key in FIELD_BY_TERM and (value or key not in SECTION_BY_TERM):
            kind = "field" if value else "label"
            if value is not None and value_at is not None and _QUOTED.match(value):
                value, value_at = value[1:-1].strip(), value_at + 1  # YAML: title: "…"
            return kind, FIELD_BY_TERM[key], match.label, value, value_at
        return "heading", SECTION_BY_TERM[key], match.label, value, value_at
    if " • " in body and (bulleted := _HEADING_THEN_BULLET.match(body)) is not None:
        section = SECTION_BY_TERM.get(normalize_label(bulleted["label"]))
        items = bulleted["value"].split("•")
        if section in CRITERIA_SECTIONS and not any(
            normalize_label(item) in SECTION_BY_TERM for item in items
        ):  # "Exclusion Criteria • PAH • LVEF < 45%"; not "Eligibility • Study design • …"
            value_at = body_at + bulleted.start("value")
            return "heading", section, bulleted["label"], bulleted["value"], value_at
    if (gated := _GATED_LABEL.match(body)) is not None:
        key = _GATED_FIELDS[gated["label"].casefold()]
        value = body[gated.end() :].strip()
        if value and accepts(key, value):  # "Recruitment: Open to recruitment"
            return "field", key, gated["label"], value, body_at + gated.end()
    if (ticked_phase := _UNCODED_PHASE.match(body)) is not None:  # WHO ICTRP drops the codes
        if not ticked_phase.group("yes"):
            return "boilerplate", None, None, None, None  # "… (Phase III): no"
        label = body.split(":", 1)[0].split("：", 1)[0].strip()  # "… (Phase I)", as coded
        value_at = body_at + ticked_phase.start("phase")
        return "field", "phase", label, ticked_phase.group("phase"), value_at
    if _CODED_HEADING.match(body):  # a form's part with no answer: "E.6 Scope of the trial"
        return "heading", "details", body, None, None
    if _CODED_LABEL.match(body):  # another form field ("F.1.1 Trial has subjects under 18: No")
        label = body.split(":", 1)[0].strip()
        if (phase := _FORM_PHASE.search(body)) is not None:  # "E.7.1 … (Phase I): Yes"
            return "field", "phase", label, phase.group("phase"), body_at + phase.start("phase")
        # The form's answer is the field's words ("D.3.8 Dose: 1.0 × 10^8 total CAR-T cells").
        colon = body.find(":") if ":" in body else body.find("：")
        value = body[colon + 1 :].strip() or None
        value_at = None if value is None else body_at + body.index(value, colon + 1)
        ticked = _FORM_TICKS.get(normalize_label(label))
        if ticked is not None and value is not None and _YES.match(value):
            return "field", ticked[0], label, ticked[1], value_at  # "E.8.1.1 Randomised: Yes"
        return "heading", "details", label, value, value_at
    # Glued labels are written as words ("Phase1"); "PHASE1, PHASE2" is a value.
    match = None if body.isupper() else match_label_glued(body)
    if match is not None:
        key = normalize_label(match.label)
        if FIELD_BY_TERM.get(key) in _GLUED_FIELDS:
            value = match.value.strip()
            return "field", FIELD_BY_TERM[key], match.label, value, body_at + match.value_at
    if " | " in body and (pair := _label_cell_pair(body, body_at, headings=True)) is not None:
        return pair  # "Phase | 1": a row without outer pipes
    if "   " in body and (aligned := _ALIGNED.match(body)) is not None:
        # "Lead sponsor     Shanghai Changzheng Hospital": a text browser's or a PDF's
        # table, its columns aligned by spaces
        name = normalize_label(aligned["label"])  # "Conditions     Atopic Dermatitis" too;
        key = FIELD_BY_TERM.get(name) or FIELD_OF_SECTION.get(SECTION_BY_TERM.get(name, ""))
        value = aligned["value"].strip()
        if "   " in value:  # not a table's header: "Country     City     Status"
            key = None
        if (
            key in _ALIGNED_FIELDS
            and (key not in TYPED_FIELDS or accepts(key, value))
            and (key != "enrollment" or COUNT_VALUE.match(value))
        ):
            return "field", key, aligned["label"], value, body_at + aligned.start("value")
    return _classify_camel_glued(body, body_at)


def _classify_camel_glued(body: str, body_at: int) -> _Shape:
    """ "StatusRecruiting": a typed field's label glued to a value it accepts, else free text.

    Or parted from it by one space, as a table copied without its tabs gives it
    ("Status Recruiting", "Start date Jan 2025"): a short line whose words after a
    typed field's label are a value of that field, not a sentence.
    """
    join = _CAMEL_JOIN.search(body, 0, _MAX_CAMEL_LABEL + 1)
    if join is not None:
        label, value = body[: join.start()], body[join.start() :].strip()
        key = FIELD_BY_TERM.get(normalize_label(label))
        if key in _CAMEL_FIELDS and accepts(key, value):
            return "field", key, label, value, body_at + join.start()
        if (key == "nct_id" and _NCT_VALUE.match(value)) or (
            key == "lead_sponsor" and len(body) <= _MAX_LABEL_LINE and not value.endswith(".")
        ):  # "NCT numberNCT04422912", "SponsorCadence Biologics"
            return "field", key, label, value, body_at + join.start()
    if len(body) <= _MAX_SPACED_LINE and not _PARTS.search(body):
        # The longest label first: "Start Date March 3, 2025" is "Start Date", not "Start".
        for space in reversed(list(_SPACE.finditer(body, 0, _MAX_CAMEL_LABEL + 1))):
            label, value = body[: space.start()], body[space.end() :]
            key = FIELD_BY_TERM.get(label.casefold())  # a plain label: no codes, no remarks
            if label.casefold() in _SPACED_SPONSOR_LABELS and _is_spaced_sponsor(value):
                return "field", key, label, value, body_at + space.end()  # "Sponsor Regeneron X"
            if key in _SPACED_FIELDS:
                value = value[:single] if (single := _single_copy(value)) else value
                if (
                    accepts(key, value)
                    and (key not in _AGE_LIMITS or _AGE_VALUE.match(value))
                    and (key != "enrollment" or COUNT_VALUE.match(value))  # "Enrollment 40 (…)"
                ):
                    return "field", key, label, value, body_at + space.end()
    return "free", None, None, None, None


def _is_spaced_sponsor(value: str) -> bool:
    """Whether the words after "Sponsor " name an organisation (ClinicalTrials.gov's header
    as a text browser prints it: "Sponsor Regeneron Pharmaceuticals"): two capitalised
    words or more, not a sentence, not another label ("Sponsor Contact Information")."""
    words = value.split()
    return (
        len(words) >= _MIN_NAME_WORDS
        and _ORGANISATION.fullmatch(value) is not None
        and words[0].casefold() not in _NOT_A_NAME
        and _ORGANISATION_WORD.search(value) is not None
    )


_MIN_NAME_WORDS = 2
# Not "Sponsored by X", a line of its own on EU disclaimers, newsletters and ads.
_SPACED_SPONSOR_LABELS = frozenset({"sponsor", "lead sponsor", "study sponsor", "trial sponsor"})
_ORGANISATION = re.compile(
    r"[A-Z][\w&.,'’()/-]*(?:\s+(?:[A-Z0-9][\w&.,'’()/-]*|of|and|for|de|des|du|der|di|del|la|le"
    r"|the|und|d'\w+|[-–&]))*"
)
# A word that names an organisation: "Sponsor Regeneron Pharmaceuticals", not "Sponsor Portal
# Login", "Sponsor Protocol Number CABA-201", "Sponsor Investigator Dr. X".
_ORGANISATION_WORD = re.compile(
    r"\b(?:inc|ltd|llc|plc|gmbh|ag|sa|s\.?r\.?l|s\.?p\.?a|b\.?v|co|corp(?:oration)?|company"
    r"|pharma\w*|therapeutics|bio\w*|hospital\w*|h[oô]pita\w*|universit\w*|institut\w*"
    r"|cent(?:er|re)|medical|medicine|health\w*|foundation|network|clinic\w*|klinik\w*"
    r"|laborator\w*|oncology|sciences?|group|research|national|council|charit\w*|assistance)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    {"information", "contact", "details", "type", "address", "name", "role", "country"}
    | {"organisation", "organization", "responsibilities", "website", "email", "and", "of"}
)


def _classify_table_row(body: str, body_at: int) -> _Shape:
    """``| Label | value |`` rows become fields; other rows stay free text."""
    if _TABLE_SEPARATOR.match(body):
        return "boilerplate", None, None, None, None
    inner = body[1:-1] if body.endswith("|") and len(body) > 1 else body[1:]
    if "|" not in inner and inner.strip():  # "│ Status: Recruiting │": one cell, a line
        kind, key, label, value, value_at = _classify_text(inner.strip())
        lead = body_at + 1 + len(inner) - len(inner.lstrip())
        if (kind == "field" and value_at is not None) or (
            kind == "heading" and key in CRITERIA_SECTIONS  # "| Inclusion Criteria |"
        ):
            return kind, key, label, value, None if value_at is None else lead + value_at
        # "| Adverse events |" in a one-column table of measures: a cell, not a heading
    pair = _label_cell_pair(body, body_at)
    return pair if pair is not None else ("free", None, None, None, None)


def _label_cell_pair(body: str, body_at: int, *, headings: bool = False) -> _Shape | None:
    """A two-cell row whose first cell is a field label: a field, or a label if no value.

    With ``headings`` (a row with no outer pipes, as a page's tabs give it), a heading
    in the first cell ("Study Arms | Experimental: CAR-T") opens its section, the
    second cell its first line; in a markdown table it is a column's header. A row of
    two terms ("Arm | Intervention/treatment", "Outcome Measure | Time Frame") is a
    table's header, not a label and its value.
    """
    cells = row_cells(body)
    if cells is not None and len(cells) == 3 and cells[1].text == cells[2].text:
        cells = cells[:2]  # "| Phase | Phase 2 | Phase 2 |": the value printed twice
    if cells is None or len(cells) != 2:
        return None
    label, value = cells
    name = normalize_label(label.text)
    key = FIELD_BY_TERM.get(name) or FIELD_OF_SECTION.get(SECTION_BY_TERM.get(name, ""))
    section = SECTION_BY_TERM.get(name) if key is None and value.text else None
    # In a markdown table too, a criteria heading's row holds its list, the items parted
    # by line breaks ("| Inclusion Criteria | 1. Age 18-65<br>2. SLE |"); a row of one
    # word after it ("| Criteria | Details |") is the table's header.
    # … and an outcome heading's its measure: "| Primary outcome measure | Incidence of AEs |"
    if not headings and (
        section not in CRITERIA_SECTIONS | _TYPED_OUTCOME_SECTIONS or " " not in value.text
    ):
        section = None
    if key is None and section is None:
        return None
    if (
        value.text
        and _exact_term(value.text) is not None
        and not (
            key in TYPED_FIELDS and accepts(key, value.text)
        )  # "| Primary purpose | Treatment |"
    ):
        # "Arm | Intervention/treatment": a table's header row. With no heading above
        # it ("Arms | Interventions"), a header whose first column is a section's
        # name opens that section; the row stays its first line, the table's header.
        return ("heading", section, label.text, body, body_at) if section is not None else None
    if section is not None:
        return "heading", section, label.text, value.text, body_at + value.start
    if not value.text:
        return "label", key, label.text, None, None
    return "field", key, label.text, value.text, body_at + value.start
