"""The fast label matchers give exactly what the lexicon's label regexes give.

``match_label_colon`` / ``match_label_glued`` replace a regex of a few hundred
alternatives by one set lookup; any difference would change how a page's
lines are classified, so every case is checked against the regex itself.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.text.label_match import LabelMatch, match_label_colon, match_label_glued
from transforms.text.lexicon import LABEL_COLON, LABEL_GLUED


def _regex(pattern: re.Pattern[str], body: str) -> LabelMatch | None:
    match = pattern.match(body)
    if match is None:
        return None
    return LabelMatch(match.group("label"), match.group("value"), match.start("value"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Phase: 2", LabelMatch("Phase", "2", 7)),
        ("STUDY TYPE :  Interventional", LabelMatch("STUDY TYPE", "Interventional", 14)),
        ("Primary Completion Date：2026-01", LabelMatch("Primary Completion Date", "2026-01", 24)),
        ("Masking:", LabelMatch("Masking", "", 8)),
        ("min. age: 18 years", LabelMatch("min. age", "18 years", 10)),
        ("研究分期：I期", LabelMatch("研究分期", "I期", 5)),
        ("Phase\u3000: 1", LabelMatch("Phase", "1", 8)),  # a non-ASCII space before the colon
        ("Not a label: value", None),
        ("Phase 2 trial", None),
        (": Phase", None),
        ("Title: a: b", LabelMatch("Title", "a: b", 7)),
    ],
)
def test_match_label_colon_cases(body: str, expected: LabelMatch | None) -> None:
    assert match_label_colon(body) == expected
    assert _regex(LABEL_COLON, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("E.5.1 Primary end point(s): DLT", LabelMatch("E.5.1 Primary end point(s)", "DLT", 28)),
        ("Condition(s): SLE", LabelMatch("Condition(s)", "SLE", 14)),
        ("registry_id: ChiCTR2400054536", LabelMatch("registry_id", "ChiCTR2400054536", 13)),
        ("Study Start (Actual): 2024-01-15", LabelMatch("Study Start (Actual)", "2024-01-15", 22)),
        ("E.5.1 Not a label: x", None),
    ],
)
def test_decorated_labels_are_found_undecorated(body: str, expected: LabelMatch | None) -> None:
    """Labels the regexes miss for a code, a bracketed plural or an underscore."""
    assert match_label_colon(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Phase1", LabelMatch("Phase", "1", 5)),
        ("Enrollment24 (estimated)", LabelMatch("Enrollment", "24 (estimated)", 10)),
        ("PHASE2", LabelMatch("PHASE", "2", 5)),
        ("Phase 1", None),  # the label must touch the number
        ("Rituximab 375", None),
        ("no digits at all", None),
    ],
)
def test_match_label_glued_cases(body: str, expected: LabelMatch | None) -> None:
    assert match_label_glued(body) == expected
    assert _regex(LABEL_GLUED, body) == expected


_PIECES = st.sampled_from(
    [
        "Phase",
        "phase",
        "STATUS",
        "Study Type",
        "min. age",
        "研究分期",
        "年龄",
        "ſtatus",  # long s: case-insensitively an "s" to the regex, not to lower()
        "\u212aeywords",  # Kelvin sign K
        ":",
        "：",
        " ",
        "\u3000",
        "\t",
        "1",
        "٣",  # Arabic-Indic digit: a digit to \d
        "x",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_matchers_agree_with_the_regexes(body: str) -> None:
    assert match_label_colon(body) == _regex(LABEL_COLON, body)
    assert match_label_glued(body) == _regex(LABEL_GLUED, body)


def test_an_ampersand_reads_as_and() -> None:
    assert match_label_colon("Inclusion & Exclusion Criteria: none") == LabelMatch(
        "Inclusion & Exclusion Criteria", "none", 32
    )
