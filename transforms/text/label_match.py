"""Match "Label: value" and "Label12" lines without trying every lexicon term.

``LABEL_COLON`` and ``LABEL_GLUED`` are alternations of a few hundred terms;
the regex engine tries them one by one on every line of every page. No term
contains a colon or a digit, so a line can only match with the text before
its first colon (less trailing space) or before its first digit as the
label: one set lookup decides. Lines whose candidate label is not ASCII (or
that span a line break) are left to the regexes, whose case-insensitive
rules for non-ASCII letters a plain ``lower()`` does not reproduce; those
regexes hold only the terms such a label can be.

A label the regexes would miss for its decoration is looked up undecorated
(``normalize_label``): a form-section code ("E.5.1 Primary end point(s): …"),
a bracketed plural or remark ("Study Start (Actual): …"), "&" for "and", underscores
("registry_id: …"). For any other label the result is the one the regexes give.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.text.lexicon import (
    FIELD_BY_TERM,
    FORM_CODE,
    LABEL_COLON,
    LABEL_GLUED,
    SECTION_BY_TERM,
    normalize_label,
)

_TERMS = frozenset({**SECTION_BY_TERM, **FIELD_BY_TERM})
_ASCII_TERMS = frozenset(term.lower() for term in _TERMS if term.isascii())
# Fields' labels only, not sections': "Status - Recruiting", not "Eligibility - who can join".
_FIELD_TERMS = frozenset(FIELD_BY_TERM) - frozenset(SECTION_BY_TERM)
# A label that is not ASCII can only be a term that is not, or an ASCII term written
# with one of the four letters the regexes fold to ASCII ("ſ", "ı", "İ", the Kelvin
# sign): the regexes for such lines need try only those terms, a few dozen of hundreds.
_FOLDS_TO_ASCII = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})
_OTHER_TERMS = "|".join(
    re.escape(t) for t in sorted((t for t in _TERMS if not t.isascii()), key=len, reverse=True)
)
_OTHER_COLON = re.compile(rf"^(?P<label>{_OTHER_TERMS})\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)
_OTHER_GLUED = re.compile(rf"^(?P<label>{_OTHER_TERMS})(?P<value>\d.*)$", re.IGNORECASE)
_COLON = re.compile(r"[:：]")
_DIGIT = re.compile(r"\d")
# What ``normalize_label`` removes and the regexes do not accept (see the module docstring).
_DECORATION = re.compile(rf"^{FORM_CODE}\s|[(_&\[?]|^(?i:est|exp)\.\s")  # "Est. enrollment"
if any(_COLON.search(term) or _DIGIT.search(term) or term != term.strip() for term in _TERMS):
    raise ValueError("label terms must not contain colons or digits, nor end in spaces")


class LabelMatch(NamedTuple):
    """The label as written, its value, and where the value starts in the matched text."""

    label: str
    value: str
    value_at: int


def match_label_colon(body: str) -> LabelMatch | None:
    """What ``LABEL_COLON.match(body)`` finds: "Label: value", value stripped on the left;
    or a field's label and its value parted by a spaced dash ("Study Phase - Phase 1")."""
    colon = _COLON.search(body)
    if colon is None:
        if "] " in body and (indexed := _label_indexed(body)) is not None:
            return indexed
        return _label_dash(body) if " - " in body or " – " in body or " — " in body else None
    label = body[: colon.start()].rstrip()
    if "\n" in body:
        return _from_regex(LABEL_COLON, body)
    if label.isascii():
        if not _is_term(label):
            return None
    elif not (folded := label.translate(_FOLDS_TO_ASCII)).isascii():
        return _from_regex(_OTHER_COLON, body)
    elif folded.lower() not in _ASCII_TERMS:
        return None
    value = body[colon.end() :].lstrip()
    return LabelMatch(label, value, len(body) - len(value))


_DASH = re.compile(r"\s[-–—]\s+")


def _label_dash(body: str) -> LabelMatch | None:
    """ "Label - value" for a field's label only (a section's name before a dash is a
    heading's words: "Eligibility – who can join")."""
    dash = _DASH.search(body)
    if dash is None:
        return None
    label = body[: dash.start()].rstrip()
    value = body[dash.end() :].strip()
    if not value or not label.isascii() or normalize_label(label) not in _FIELD_TERMS:
        return None
    return LabelMatch(label, value, len(body) - len(body[dash.end() :].lstrip()))


# ANZCTR's numbered repeats with no colon: "Country [1] New Zealand", "State/province [2] …".
_INDEXED = re.compile(r"^(?P<label>[^\W\d_][\w /'-]{0,60}?\s*\[\d{1,3}\])\s+(?P<value>\S.*)$")


def _label_indexed(body: str) -> LabelMatch | None:
    """ "Label [n] value" for a field's label only."""
    match = _INDEXED.match(body)
    if match is None or normalize_label(match["label"]) not in _FIELD_TERMS:
        return None
    return LabelMatch(match["label"], match["value"], match.start("value"))


def _is_term(label: str) -> bool:
    """Whether an ASCII label is a lexicon term as written, or once undecorated."""
    if label.lower() in _ASCII_TERMS:
        return True
    return _DECORATION.search(label) is not None and normalize_label(label) in _ASCII_TERMS


def match_label_glued(body: str) -> LabelMatch | None:
    """What ``LABEL_GLUED.match(body)`` finds: a label glued to a number ("Phase1")."""
    digit = _DIGIT.search(body)
    if digit is None:
        return None
    label = body[: digit.start()]
    if "\n" in body:
        return _from_regex(LABEL_GLUED, body)
    folded = label if label.isascii() else label.translate(_FOLDS_TO_ASCII)
    if not folded.isascii():
        return _from_regex(_OTHER_GLUED, body)
    if folded.lower() not in _ASCII_TERMS:
        return None
    return LabelMatch(label, body[digit.start() :], digit.start())


def _from_regex(pattern: re.Pattern[str], body: str) -> LabelMatch | None:
    match = pattern.match(body)
    if match is None:
        return None
    return LabelMatch(match.group("label"), match.group("value"), match.start("value"))
