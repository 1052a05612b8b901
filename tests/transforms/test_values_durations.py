"""Endpoint time frames to days: the longest horizon, 7-day weeks, 30-day months,
365-day years."""

from __future__ import annotations

import pytest

from transforms.values.durations import is_time_frame, parse_time_frame_days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Day-1, 14, 28 and Month 2, 3 … 24", 720),
        ("D1, D7, D14, D28, M3, M6", 180),  # visit codes
        ("Baseline, W4, W12, W24", 168),
        ("Y2", 730),
        ("Month 2, 3, ..., 24", 720),
        ("28 days post infusion", 28),
        ("3 Months", 90),
        ("3 months and 6 months post infusion", 180),
        ("3 months and 6 months", 180),
        ("Up to 2 years post infusion", 730),
        ("2 years post infusion", 730),
        ("From 30 days after CD19 CAR T infusion to 2 years", 730),
        ("30 days post infusion", 30),
        ("Day 28", 28),
        ("Day 28.", 28),
        ("Week 24", 168),
        ("Month 6", 180),
        ("Year 1", 365),
        ("12, 24, 36 and 52 weeks", 364),
        ("Day-1, 14, 28 and Month 2, 3, 6, 12, 24", 720),
        ("Baseline, Week 12", 84),
        ("Weeks 4, 8 and 12", 84),
        ("one year", 365),
        ("Twelve months after infusion", 360),
        # tens and units in words are one number ("Twenty-eight" is not "eight")
        ("Twenty-eight days", 28),
        ("Fifty-two weeks", 364),
        ("Twenty-four months", 720),
        ("twenty four weeks", 168),
        ("Fifteen years", 5475),
        ("up to one hundred and twenty days", 120),
        # the day after the infusion, a number restated in digits, a unit glued to its number
        ("Day +100", 100),
        ("Two (2) years", 730),
        ("fifteen (15) years", 5475),
        ("Up to Month24", 720),
        ("Week52", 364),
        ("24 hours", 1),
        ("72 hours after infusion", 3),
        ("30 minutes", 1),
        ("1.5 years", 548),
        ("1-2 years", 730),
        ("28-day", 28),
        ("within 28days", 28),
        ("Day 28 to 12 months", 360),
        ("Day 0 through Week 4", 28),
        ("Screening (Day -28 to -1) and Day 90", 90),
        ("Cycle 1 Day 1 through Month 3", 90),
        ("SRI-4 response at week 52", 364),
        ("Grade 3 or higher events up to 100 days", 100),
        ("2 y", 730),
        ("24 h", 1),
    ],
)
def test_parse_time_frame_days(text, expected):
    assert parse_time_frame_days(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Baseline",
        "",
        None,
        "CD19",
        "Grade 3",
        "CD19 Grade 3 SRI-4",
        "SLE Responder Index (SRI)-4 response",
        "through study completion",
        "Phase 2",
        "2024-01-04",
        "3M",
    ],
)
def test_parse_time_frame_days_none(text):
    assert parse_time_frame_days(text) is None


def test_long_input_is_linear():
    assert parse_time_frame_days("1, " * 500_000 + "2 weeks") == 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Day-1, 14, 28 and Month 2, 3, 6, 12, 24", True),
        ("up to 2 years after infusion", True),
        ("from 30 days to 2 years", True),
        ("28 days", True),
        ("Assessed by the independent committee at week 24", False),
        ("Proportion of patients with SRI-4 response at 12 weeks", False),
        ("Duration of remission", False),
    ],
)
def test_a_line_that_is_only_a_time_frame(text: str, expected: bool) -> None:
    assert is_time_frame(text) is expected
