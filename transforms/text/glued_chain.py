"""Several labels and their values glued into one line, as a scraped list of facts gives it.

A trial finder's "Study Details" box scraped without its separators reads
"Study TypeInterventionalEnrollment15 (estimated)Start Date2025-05Primary
Completion2026-11". Each label starts where a capital follows a value's last
character with no space (a lower-case letter, a digit, a closing bracket);
the line is cut there into one "LabelValue" piece per field, and each piece
is read like any glued label ("Enrollment15 (estimated)", "Study TypeInterventional").
Only lines that start with such a label and hold another are cut.

Other scrapers keep a space between a label and its value and drop everything else:
the whole box on one line ("Recruitment Status Not yet recruiting Study Type
Interventional Phase Early Phase 1 …", ``spaced_pieces``), or a row a line without
its tab ("Sex All" / "Sponsor Shanghai …", ``spaced_rows``). There the lexicon's
labels are looked for at each capital, and typed values must read as their field's,
so that a label's word inside a value ("Phase Early Phase 1", "Single Group
Assignment") stays a word of it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.text.badges import TYPED_FIELDS, accepts
from transforms.text.lexicon import FIELD_BY_TERM, FIELD_OF_SECTION, SECTION_BY_TERM
from transforms.values.ages import parse_age_range
from transforms.values.memo import text_cache

# The labels of typed fields: a facts box lists those, with short values.
_TERMS = sorted(
    (term for term, key in FIELD_BY_TERM.items() if key in TYPED_FIELDS and term.isascii()),
    key=len,
    reverse=True,
)
# A label's first word, capitalised, as it starts a line: "Study", "Enrollment", "Status".
_FIRST_WORD = re.compile(r"[A-Z][a-z]*")
_FIRST_WORDS = frozenset(re.split(r"[^a-z]", term, maxsplit=1)[0] for term in _TERMS)
_LABEL = re.compile("|".join(re.escape(term) for term in _TERMS), re.IGNORECASE)
# Where a glued label may start: a capital right after a value's last character.
_GLUE = re.compile(r"(?<=[a-z0-9)\]])(?=[A-Z])")
_MAY_GLUE = re.compile(r"[a-z0-9)\]][A-Z]")  # the same test without lookarounds: faster


def glued_pieces(text: str) -> list[tuple[int, int]] | None:
    """``(start, end)`` of each "LabelValue" piece of ``text``, or None when it is not a
    chain of at least two glued labels, each followed by a value."""
    # Cheap tests first: this runs for most lines of every page, and few are chains.
    word = _FIRST_WORD.match(text)
    if word is None or word.group().lower() not in _FIRST_WORDS or not _MAY_GLUE.search(text):
        return None
    first = _LABEL.match(text)
    if first is None:
        return None
    starts = [0]
    at = first.end()
    for glue in _GLUE.finditer(text, at):
        if glue.start() < at:
            continue
        label = _LABEL.match(text, glue.start())
        if label is None or label.end() == len(text):
            continue
        starts.append(glue.start())
        at = label.end()
    if len(starts) < 2:
        return None
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


class ChainPiece(NamedTuple):
    """One label and its value in a line of several: offsets into the line."""

    start: int
    value_start: int
    end: int
    key: str

    @property
    def is_section(self) -> bool:
        """A section a facts box lists as one field ("Conditions Lupus")."""
        return self.key in FIELD_OF_SECTION


# A facts box lists a trial's facts, not its arms or outcomes: "Single Group Assignment",
# "… Cell Therapy Group Co., Ltd", "Safety of Treatment With …" hold no label.
_NOT_IN_BOXES = frozenset({"arms", "arm_type", "intervention", "time_frame", "location"})
_NOT_IN_BOXES |= {"form_detail"}
# The one-word labels of untyped facts; others ("Disease", "Tissue", "Name", "Lead") are
# words of a title's or a sponsor's value as often.
_UNTYPED_WORDS = frozenset({"sponsor", "title", "condition", "conditions", "country"})
_UNTYPED_WORDS |= {"countries", "nct", "nctid"}


def _in_boxes(term: str, key: str) -> bool:
    return key not in _NOT_IN_BOXES and (
        " " in term or key in TYPED_FIELDS or term in _UNTYPED_WORDS
    )


# Every label a facts box may list, and the sections it lists as one field ("Conditions").
_CHAIN_KEYS = {
    term: key for term, key in FIELD_BY_TERM.items() if term.isascii() and _in_boxes(term, key)
} | {
    term: section
    for term, section in SECTION_BY_TERM.items()
    if section in FIELD_OF_SECTION and term.isascii() and _in_boxes(term, section)
}


def _by_first_word(terms: list[str]) -> dict[str, re.Pattern[str]]:
    """A pattern per first word of the terms, the longest term first: one alternation of
    every term would be tried term by term at every capital of every line."""
    grouped: dict[str, list[str]] = {}
    for term in sorted(terms, key=len, reverse=True):
        grouped.setdefault(re.split(r"[^a-z]", term, maxsplit=1)[0], []).append(term)
    return {
        word: re.compile("|".join(map(re.escape, group)), re.IGNORECASE)
        for word, group in grouped.items()
    }


_CHAIN_LABELS = _by_first_word(list(_CHAIN_KEYS))
# A label's first word as written: "Sex" in "SexAll", "NCT" in "NCT Number".
_WORD_AT = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Za-z][a-z]*")


def _label_at(text: str, pos: int) -> re.Match[str] | None:
    """The longest facts-box label at ``pos``, if one starts there."""
    word = _WORD_AT.match(text, pos)
    pattern = None if word is None else _CHAIN_LABELS.get(word.group().lower())
    return None if pattern is None else pattern.match(text, pos)


# Where a label may start: a capital opening a word, or glued to a value's last character.
_LABEL_START = re.compile(r"(?<![A-Za-z'/&.-])(?=[A-Z])|(?<=[a-z0-9)\]])(?=[A-Z])")
# What follows a label in a chain: a value that opens as facts do ("Not yet…", "9 (…", "≥ 18").
_VALUE_OPENS = re.compile(r"[ \t]*(?=[A-Z0-9(≥≤<>])")
# What parts two pieces besides a space: "Status Recruiting | Phase 1 · Enrollment 24".
_PIECE_END = re.compile(r"[\s|·•;,]+$")
_MIN_CHAIN_LABELS = 3  # two may be a title's words ("Phase 1 Study … Status Update")
_MIN_CHAIN_LINE = 24
_AGE_WORDS = re.compile(r"^(?:n/?a|no limit|none|(?:child|adult|older adult)s?\b)", re.IGNORECASE)


@text_cache
def spaced_pieces(text: str) -> tuple[ChainPiece, ...] | None:
    """The pieces of a line of three or more labels each followed by its value, parted by
    spaces alone or glued, as a scraper flattening a facts box gives it ("Recruitment
    Status Not yet recruiting Study Type Interventional Phase Early Phase 1 Enrollment 9
    (Estimated) … Sponsor Shanghai …"); None for any other line.

    A capitalised label word inside a value is not a label when the value before it
    would not be one of its field's ("Phase Early Phase 1"), nor when its own value would
    not ("A Phase 1 Study of … Status …" is a title, then a status).
    """
    if len(text) < _MIN_CHAIN_LINE or _label_at(text, 0) is None:
        return None
    labels: list[tuple[int, int, str]] = []  # (start, end of the label, key)
    for start in _LABEL_START.finditer(text):
        found = _label_at(text, start.start())
        if found is None or (labels and found.start() < labels[-1][1]):
            continue
        opens = _VALUE_OPENS.match(text, found.end())
        if opens is None or opens.end() == found.end() == len(text):
            continue
        if opens.end() == found.end() and text[found.end() - 1] == " ":
            continue
        labels.append((found.start(), found.end(), _CHAIN_KEYS[found.group().lower()]))
    if len(labels) < _MIN_CHAIN_LABELS or labels[0][0] != 0:
        return None
    labels = _consistent(text, labels)
    if labels is None or len(labels) < _MIN_CHAIN_LABELS:
        return None
    pieces = []
    for (start, label_end, key), end in zip(
        labels, [*(label[0] for label in labels[1:]), len(text)], strict=True
    ):
        value_start = _VALUE_OPENS.match(text, label_end).end()  # type: ignore[union-attr]
        trail = _PIECE_END.search(text, value_start, end)
        pieces.append(ChainPiece(start, value_start, end if trail is None else trail.start(), key))
    return tuple(pieces)


def _consistent(text: str, labels: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """``labels`` without those that are words of a value: each typed value must read as
    its field's. A value that does not is first lengthened over the next label, then its
    own label is taken as a word of the value before it."""
    kept = list(labels)
    i = 0
    while i < len(kept):
        key = kept[i][2]
        if _reads_as(key, _value(text, kept, i)):
            i += 1
            continue
        if i + 1 < len(kept):
            longer = kept[: i + 1] + kept[i + 2 :]
            if _reads_as(key, _value(text, longer, i)):
                kept = longer
                continue
        if i == 0:
            return None
        del kept[i]
    return kept


def _value(text: str, labels: list[tuple[int, int, str]], i: int) -> str:
    end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
    return _PIECE_END.sub("", text[labels[i][1] : end]).strip()


def _reads_as(key: str, value: str) -> bool:
    """Whether ``value`` can be a value of ``key``: typed fields by their parsers."""
    if not value:
        return False
    if key in _AGE_KEYS:
        return _AGE_WORDS.match(value) is not None or parse_age_range(value) != (None, None)
    if key not in TYPED_FIELDS:  # a name or a title, not a sentence ("… leads the study.")
        return _SENTENCE_END.search(value) is None
    return accepts(key, value)


_AGE_KEYS = frozenset({"ages", "min_age", "max_age"})
_SENTENCE_END = re.compile(r"\b[a-z]{2,}[.!?]$")  # not "Co., Ltd." nor "Inc."


_MIN_ROWS = 3  # a facts box's rows; fewer may be a list's items that open with a label word
_MIN_TYPED_ROWS = 2
_WHO_MAY_JOIN = frozenset({"ages", "min_age", "max_age", "sex", "healthy_volunteers"})
_MAX_ROW_BREAKS = 2  # rows a line apart, or a blank line apart (a page pasted with gaps)


def spaced_rows(text: str, lines: list[tuple[int, int, str, int]]) -> dict[int, ChainPiece]:
    """The rows of a facts box copied without its tabs, a label and its value parted by a
    space, one to a line ("Ages Eligible 18 Years to 65 Years" / "Sex All" / "Sponsor
    Shanghai …"), by the start of each line: three and more such rows in a run, two of
    them typed values that read as their field's. One such line alone is read only if its
    value is typed (``lines._classify_camel_glued``): "Sponsor Shanghai …" could be a
    sentence's first words, but not among rows of its kind."""
    rows: dict[int, ChainPiece] = {}
    run: list[tuple[int, ChainPiece, bool]] = []  # a row, and whether its label is words
    last_end = -1
    for start, end, stripped, _indent in lines:
        piece = _spaced_row(stripped)
        if run and (piece is None or text.count("\n", last_end, start) > _MAX_ROW_BREAKS):
            _keep_run(run, rows)
            run = []
        if piece is not None:
            run.append((start, piece, " " in stripped[: piece.value_start].strip()))
        last_end = end
    _keep_run(run, rows)
    return rows


def _keep_run(run: list[tuple[int, ChainPiece, bool]], rows: dict[int, ChainPiece]) -> None:
    """Keep a run that is a facts box: one of its typed rows at least is a fact of the trial
    besides who may join, or every label is a registry's words ("Ages eligible for study" /
    "Sexes eligible for study" / "Accepts healthy volunteers"). "Age 18 to 70 years" / "Sex
    Male or female" / "Condition SLE" under a list of criteria is none."""
    typed = {p.key for _, p, _ in run if p.key in TYPED_FIELDS}
    if (
        len(run) >= _MIN_ROWS
        and len(typed) >= _MIN_TYPED_ROWS
        and (typed - _WHO_MAY_JOIN or all(words for _, _, words in run))
    ):
        rows.update((start, piece) for start, piece, _ in run)


@text_cache
def _spaced_row(line: str) -> ChainPiece | None:
    """A line that is one label, a space, and a value of the label's field."""
    found = _label_at(line, 0)
    if found is None or line[found.end() : found.end() + 1] != " ":
        return None
    opens = _VALUE_OPENS.match(line, found.end())
    if opens is None or opens.end() == len(line) or ":" in line:
        return None  # "Age 1 to < 2 years: creatinine ≤ 0.6 mg/dL": a criterion's line
    key = _CHAIN_KEYS[found.group().lower()]
    if not _reads_as(key, line[opens.end() :]):
        return None
    return ChainPiece(0, opens.end(), len(line), key)
