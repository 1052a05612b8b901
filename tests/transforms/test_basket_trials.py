"""Basket and multi-cohort trials: cohort sub-headings over criteria, sizes per cohort
with a total, ages per cohort, a cohort's note after an outcome's time point."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.values.ages import parse_age_range
from transforms.values.numbers import parse_enrollment


@pytest.mark.parametrize(
    ("value", "total"),
    [
        ("SLE 9, LN 9, NMOSD 6, MG 6; total 30 patients.", 30),
        ("Part A: up to 18; Part B: 24; total up to 42", 42),
        ("SLE cohort n=12; SSc cohort n=12; IIM cohort n=12; total N=36", 36),
        ("Total: 30; EEA: 20", 30),
        ("48 (12 per cohort)", 48),
    ],
)
def test_a_size_per_cohort_and_the_total(value: str, total: int) -> None:
    parsed = parse_enrollment(value)
    assert parsed is not None and parsed[0] == total


def test_ages_per_cohort_named_by_number() -> None:
    assert parse_age_range("Cohorts 1-3: 18-65 years; Cohort 4: 12-17 years") == (12, 65)
    assert parse_age_range("Part 2: 12-17 years") == (12, 17)


@pytest.mark.parametrize(
    "page",
    [
        "Inclusion Criteria:\n* Age ≥ 18 years.\n* Cohort 1 (SLE):\n  * SLEDAI-2K ≥ 8.\n"
        "* Cohort 2 (SSc):\n  * mRSS ≥ 15.\nExclusion Criteria:\n* Pregnancy.\n",
        "Inclusion Criteria:\n\nAge 18 to 65 years.\n"
        "Additional inclusion criteria for the SLE cohort:\nSLEDAI-2K ≥ 8 points.\n"
        "Additional inclusion criteria for the SSc cohort:\nmRSS ≥ 15.\n\n"
        "Exclusion Criteria:\nPregnancy.\n",
    ],
)
def test_cohort_sub_headings_are_no_criteria(page: str) -> None:
    criteria = page_marts(page)["criteria"]
    assert criteria["criterion_type"].to_list() == ["INCLUSION"] * 3 + ["EXCLUSION"]
    sections = criteria["section"].to_list()
    assert sections[0] is None and "SLE" in sections[1] and "SSc" in sections[2]


def test_a_cohorts_note_after_a_time_point() -> None:
    page = "NCT06500061\nSecondary outcomes\n- MG-ADL change at Week 24 (cohort A)\n"
    endpoints = page_marts(page)["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [168]


def test_a_ctis_size_label() -> None:
    page = "Title of the trial: CD19 CAR-T basket trial\nNumber of participants in the trial: 50\n"
    assert page_trial(page)["enrollment"] == 50


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("11 participants (planned total 18; terminated early)", 11),
        ("30, including a total of 6 adolescents", 30),
        ("48 (total 60 screened)", 48),
        ("24 over a total of 24 months at 2 sites", 24),
        ("16, given a total of 2 infusions each", 16),
    ],
)
def test_a_total_of_something_else_is_no_size(value: str, count: int) -> None:
    parsed = parse_enrollment(value)
    assert parsed is not None and parsed[0] == count


def test_a_criterion_naming_a_part_is_no_sub_heading() -> None:
    page = (
        "Exclusion Criteria:\n* Prior participation in Part 1 of this study\n"
        "  * except participants who received only lymphodepletion\n* Active hepatitis B\n"
    )
    criteria = page_marts(page)["criteria"]
    assert criteria["text"].to_list()[0] == "Prior participation in Part 1 of this study"
    assert criteria["section"].to_list()[-1] is None


def test_a_note_with_a_time_of_its_own_stays() -> None:
    page = "NCT06500062\nSecondary outcomes\n- Change in MG-ADL at Week 12 (Week 24 for cohort B)\n"
    # never the note-less 84 days: the longest horizon is the note's, or none is read
    assert page_marts(page)["endpoints"]["time_frame_days"].to_list() in ([None], [168])
