"""Endpoint time frames to days: the longest horizon, 30-day months, 365-day years."""

from __future__ import annotations

import pytest

from transforms.values.durations import parse_time_frame_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("28 days post infusion", 28),
        ("3 Months", 90),
        ("3 months and 6 months post infusion", 180),
        ("Up to 2 years post infusion", 730),
        ("From 30 days after CD19 CAR T infusion to 2 years", 730),
        ("Day 28", 28),
        ("Week 24", 168),
        ("Month 6", 180),
        ("12, 24, 36 and 52 weeks", 364),
        ("Day-1, 14, 28 and Month 2, 3, 6, 12, 24", 720),
        ("Baseline, Week 12", 84),
        ("one year", 365),
        ("24 hours", 1),
        ("Baseline", None),
        ("CD19 Grade 3 SRI-4", None),
        ("", None),
    ],
)
def test_parse_time_frame_days(text: str, days: int | None) -> None:
    assert parse_time_frame_days(text) == days
