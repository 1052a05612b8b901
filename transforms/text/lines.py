"""Split normalised text into classified lines: headings, labels, fields, free text.

A registry page is a sequence of headings, key-value lines and lists. Each
line is classified on its own shape (exact lexicon term, "Label: value",
table row, glued "Phase1", embedded record, boilerplate); what a free line
means is decided later with its neighbours (segment.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from transforms.text.lexicon import (
    FIELD_BY_TERM,
    LABEL_COLON,
    LABEL_GLUED,
    SECTION_BY_TERM,
    is_boilerplate,
    normalize_label,
)

_LEAD_MARKUP = re.compile(r"^(?:[•*+>-]\s*)+(?=\S)")
_ITEM_NUMBER = re.compile(r"^\(?\d{1,2}[.)、]\s")
_TABLE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
# Criteria headings written mid-paragraph: "... consent form. Exclusion Criteria: 1. ...".
_INLINE_CRITERIA = re.compile(
    r"(?<=\S)(?<!key)(?<!main)[ \t]+(?=(?:key |main )?(?:inclusion|exclusion) criteria\s*[:：])",
    re.IGNORECASE,
)
_GLUED_FIELDS = frozenset({"phase", "enrollment", "ages", "min_age", "max_age"})
# Upper-case registry enum values ("TREATMENT", "NONE") are values, never labels.
_ENUM_VALUE = re.compile(
    r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^(?:TREATMENT|NONE|NA|ALL|MALE|FEMALE|PHASE[1-4])$"
)
_MAX_LABEL_LINE = 80


@dataclass(frozen=True)
class Line:
    """One classified line; offsets are into the normalised text."""

    start: int
    end: int
    text: str
    indent: int
    kind: str  # heading | label | field | free | boilerplate | record
    key: str | None = None  # canonical section or field
    label: str | None = None
    value: str | None = None
    value_start: int | None = None


def iter_physical_lines(text: str) -> Iterator[tuple[int, int, str, int]]:
    """``(start, end, stripped_text, indent)`` for each non-blank line.

    A criteria heading met mid-line starts a new physical line, so that
    "Inclusion Criteria: 1. … Exclusion Criteria: 1. …" splits in two.
    """
    for match in re.finditer(r"[^\n]+", text):
        pieces = [match.start()]
        segment = match.group()
        if "riteria" in segment or "RITERIA" in segment:  # cheap pre-filter for the regex
            pieces += [match.start() + m.end() for m in _INLINE_CRITERIA.finditer(segment)]
        pieces.append(match.end())
        for lo, hi in pairwise(pieces):
            chunk = text[lo:hi]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            start = lo + lead
            yield (
                start,
                start + len(stripped),
                stripped,
                len(chunk.expandtabs(4)) - len(chunk.expandtabs(4).lstrip()),
            )


def classify_line(start: int, end: int, text: str, indent: int) -> Line:
    """Classify one stripped line by its shape alone."""
    if text[0] in "{[" and text[-1] in "}]" and len(text) > 2:
        return Line(start, end, text, indent, "record")
    if is_boilerplate(text):
        return Line(start, end, text, indent, "boilerplate")
    if _ENUM_VALUE.match(text):
        return Line(start, end, text, indent, "free")
    body, body_start = _strip_markup(text, start)
    if body.startswith("|"):
        return _classify_table_row(start, end, text, indent, body, body_start)
    exact = _exact_term(body)
    if exact is not None:
        kind, key = exact
        return Line(start, end, text, indent, kind, key, body.rstrip(":： ").strip())
    return _classify_labelled(start, end, text, indent, body, body_start)


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
    if key in SECTION_BY_TERM:
        return "heading", SECTION_BY_TERM[key]
    if key in FIELD_BY_TERM:
        return "label", FIELD_BY_TERM[key]
    return None


def _classify_labelled(
    start: int, end: int, text: str, indent: int, body: str, body_start: int
) -> Line:
    match = LABEL_COLON.match(body)
    if match is not None:
        key = normalize_label(match.group("label"))
        value = match.group("value").strip()
        value_start = body_start + match.start("value")
        label = match.group("label")
        if key in FIELD_BY_TERM and (value or key not in SECTION_BY_TERM):
            kind = "field" if value else "label"
            return Line(
                start,
                end,
                text,
                indent,
                kind,
                FIELD_BY_TERM[key],
                label,
                value or None,
                value_start if value else None,
            )
        return Line(
            start,
            end,
            text,
            indent,
            "heading",
            SECTION_BY_TERM[key],
            label,
            value or None,
            value_start if value else None,
        )
    match = LABEL_GLUED.match(body)
    # Glued labels are written as words ("Phase1"); "PHASE1, PHASE2" is a value.
    if match is not None and not body.isupper():
        key = normalize_label(match.group("label"))
        if FIELD_BY_TERM.get(key) in _GLUED_FIELDS:
            return Line(
                start,
                end,
                text,
                indent,
                "field",
                FIELD_BY_TERM[key],
                match.group("label"),
                match.group("value").strip(),
                body_start + match.start("value"),
            )
    return Line(start, end, text, indent, "free")


def _classify_table_row(
    start: int, end: int, text: str, indent: int, body: str, body_start: int
) -> Line:
    """``| Label | value |`` rows become fields; other rows stay free text."""
    if _TABLE_SEPARATOR.match(body):
        return Line(start, end, text, indent, "boilerplate")
    cells = [c.strip() for c in body.strip("|").split("|")]
    if len(cells) == 2:
        label_key = normalize_label(cells[0])
        key = FIELD_BY_TERM.get(label_key)
        if key is not None:
            value = cells[1] or None
            offset = body_start + body.find(cells[1], len(cells[0]) + 1) if value else None
            return Line(
                start,
                end,
                text,
                indent,
                "field" if value else "label",
                key,
                cells[0],
                value,
                offset,
            )
    return Line(start, end, text, indent, "free")
