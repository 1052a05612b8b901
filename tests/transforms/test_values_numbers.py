"""Enrollment counts from labelled values and from prose."""

from __future__ import annotations

import pytest

from transforms.values.numbers import find_enrollment_in_prose, parse_enrollment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19", (19, None)),
        ("24 (estimated)", (24, "ESTIMATED")),
        ("Enrollment24 (estimated)", (24, "ESTIMATED")),
        ("9 participants", (9, None)),
        ("Experimental group:10;Control group:10;", (20, None)),  # per group: their sum
        ("试验组：10；对照组：10；", (20, None)),
        ("Total: 30 (Part A: 12, Part B: 18)", (30, None)),
        ("Planned: 40; Actual: 36", (36, "ACTUAL")),  # one size stated twice, not two groups
        ("Target: 30; Actual: 28", (28, "ACTUAL")),
        ("18; actual: 11", (11, "ACTUAL")),  # the label said "Target sample size"
        ("18 (target) / 11 (actual)", (11, "ACTUAL")),
        ("20 (Actual)", (20, "ACTUAL")),
        ("ACTUAL: 31", (31, "ACTUAL")),
        ("50 participants in 1 patient group", (50, None)),
        ("Target number of participants: 20", (20, None)),
        ("1,200", (1200, None)),
        ("1,200 participants (Anticipated)", (1200, "ESTIMATED")),
        ("Estimated Enrollment: 60 participants", (60, "ESTIMATED")),
        ("**Enrollment:** 18", (18, None)),
        ("  42  ", (42, None)),
        ("120 patients\n", (120, None)),
        ("Twenty-four", (24, None)),  # in words
    ],
)
def test_parse_enrollment(text, expected):
    assert parse_enrollment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "Target enrollment: 0",
        "0 (Estimated)",
        "N/A",
        "n/a",
        "Not available",
        "Not provided",
        "Unknown",
        "",
        None,
        "participants",
        "-",
        "99999999999",
        "24.5",
    ],
)
def test_parse_enrollment_none(text):
    assert parse_enrollment(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A total number of 18 subjects will be enrolled.", 18),
        ("This is a phase 1 trial. The team need 12 people to join.", 12),
        ("About 30 people will take part.", 30),
        ("A total of 15 patients with SLE will receive CAR-T cells.", 15),
        ("Of the first 3 patients, a total of 2 patients had CRS.", None),
        ("Twenty-four participants will be recruited.", 24),
        ("the trial plans to enroll 24 adults with SLE", 24),
        ("We will enroll approximately 30 patients.", 30),
        ("It is planned to enrol up to 12 participants", 12),
        ("60 eligible patients are planned to be enrolled", 60),
        ("In total, 1,000 participants will be recruited across sites.", 1000),
        ("The sample size is 40.", 40),
        ("Twelve participants aged 18 to 70 years will be enrolled.", 12),
        ("Up to 18 participants, aged 18 to 50 years, will take part.", 18),
        ("The study will randomize approximately 60 patients.", 60),
        ("This study will recruit 15 pediatric patients", 15),
        ("Patients: 36 subjects were enrolled in the study.", 36),
        ("The study enrolled 18 patients.", 18),
        ("We recruited 20 adults with SLE.", 20),
        ("Enrollment of 36 participants is planned.", 36),
        (
            "The first 3 participants will be enrolled without chemotherapy; "
            "in total 20 participants will be enrolled.",
            20,
        ),
    ],
)
def test_find_enrollment_in_prose(text, expected):
    assert find_enrollment_in_prose(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The first 3 participants will be enrolled to receive CAR-T cell infusion.",
        "the subsequent 17 participants will receive the consistent regimen",
        "3 patients will be enrolled in each dose cohort",
        "Enrollment of 3 patients per cohort",
        "Patients enrolled in 12 centres",
        "Patients aged 18 years will be treated",
        "within 28 days after enrollment",
        "was withdrawn before enrolling",
        "at least 3 minor items",
        "",
        None,
        "enroll 0 patients",
    ],
)
def test_find_enrollment_in_prose_none(text):
    assert find_enrollment_in_prose(text) is None


def test_prose_scan_is_linear():
    text = "1 2 3 patients " * 300_000
    assert find_enrollment_in_prose(text) is None
