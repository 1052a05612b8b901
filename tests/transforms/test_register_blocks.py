"""Register blocks outside ClinicalTrials.gov: planned and actual values under one label,
sponsor blocks, indexed rows without colons (shapes of ANZCTR, PACTR, CTRI, CRIS)."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_trial
from transforms.values.settled import is_planned, settled_value

HEAD = "Trial ID: ACTRN12625000111222\nPublic title: CD19 CAR-T cells in lupus\n"


@pytest.mark.parametrize(
    ("value", "settled"),
    [
        ("Anticipated 3/02/2025 Actual 17/02/2025", ("17/02/2025", "ACTUAL")),
        ("Anticipated: 30/06/2024; Actual:", ("30/06/2024", "ESTIMATED")),
        ("Target 16 Accrual to date 3 Final", ("16", "ESTIMATED")),
        ("Target: 16; Accrual to date: 3; Final: 15", ("15", "ACTUAL")),
        ("Target 16 Final N/A", ("16", "ESTIMATED")),
        ("2025-03-01", ("2025-03-01", None)),  # no plan's word: the value as it is
        (
            "Expected to start in 2025, actual date TBC",
            ("to start in 2025, actual date TBC", "ESTIMATED"),
        ),
    ],
)
def test_the_value_that_settled(value: str, settled: tuple[str, str | None]) -> None:
    assert settled_value(value) == settled


def test_only_a_plans_word_opens_a_planned_value() -> None:
    assert is_planned("Target: 16") and is_planned("Anticipated 3/02/2025")
    assert not is_planned("Actual: 15") and not is_planned("Targeted B-cell depletion")


def test_planned_and_actual_on_one_line() -> None:
    trial = page_trial(
        HEAD + "Date of first participant enrolment: Anticipated 3/02/2025 Actual 17/02/2025\n"
        "Sample size: Target 16 Accrual to date 3 Final\n"
    )
    assert str(trial["start_date"]) == "2025-02-17"
    assert (trial["enrollment"], trial["enrollment_type"]) == (16, "ESTIMATED")


@pytest.mark.parametrize(
    "block",
    [
        "Date of first participant enrolment\nAnticipated: 3/02/2023\nActual: 17/02/2023\n"
        "Sample size\nTarget: 16\nAccrual to date:\nFinal: 15\n",
        "Date of first participant enrolment\nAnticipated\n3/02/2023\nActual\n17/02/2023\n"
        "Sample size\nTarget\n16\nAccrual to date\n3\nFinal\n15\n",
    ],
)
def test_planned_and_actual_a_line_each(block: str) -> None:
    trial = page_trial(HEAD + "Recruitment status: Completed\n" + block)
    assert str(trial["start_date"]) == "2023-02-17"
    assert (trial["enrollment"], trial["enrollment_type"]) == (15, "ACTUAL")


def test_an_actual_line_left_empty_keeps_the_plan() -> None:
    page = HEAD + "Date of first participant enrolment\nAnticipated: 3/02/2026\nActual:\n"
    assert str(page_trial(page)["start_date"]) == "2026-02-03"


def test_an_actual_label_outranks_a_planned_one() -> None:
    trial = page_trial(
        "PACTR202405123456789\nPublic title: CAR-T for lupus\n"
        "Anticipated trial start date: 01/08/2024\nActual trial start date: 15/08/2024\n"
        "Anticipated target sample size (number of participants): 8\n"
        "Actual target sample size (number of participants): 6\n"
    )
    assert str(trial["start_date"]) == "2024-08-15"
    assert (trial["enrollment"], trial["enrollment_type"]) == (6, "ACTUAL")


@pytest.mark.parametrize(
    "block",
    [
        "Primary sponsor\nCommercial sector/industry\nName: Allogene Therapeutics\n"
        "Country: United States of America\n",
        "Primary sponsor type: Commercial sector/industry\nName: Allogene Therapeutics\n",
        "Sponsor Organization\nOrganization Name: Allogene Therapeutics\nOrganization Type: "
        "Company\n",
        "Primary Sponsor: Name of Primary Sponsor: Allogene Therapeutics; Address: 210 East "
        "Grand Avenue; Type of Sponsor: Pharmaceutical industry-Global\n",
    ],
)
def test_a_sponsor_block_names_the_sponsor(block: str) -> None:
    assert page_trial(HEAD + block)["lead_sponsor"] == "Allogene Therapeutics"


def test_a_sponsor_blocks_country_only_when_no_site_is_named() -> None:
    block = "Primary sponsor\nCommercial sector/industry\nName: Allogene Therapeutics\n"
    block += "Country: United States of America\n"
    assert page_trial(HEAD + block)["countries"] == ["United States"]
    sites = "Recruitment outside Australia\nCountry [1] New Zealand\n"
    assert page_trial(HEAD + block + sites)["countries"] == ["New Zealand"]


def test_a_sponsor_kind_alone_is_no_sponsor() -> None:
    assert (
        page_trial(HEAD + "Primary sponsor\nHospital\n\nEthics approval: Yes\n")["lead_sponsor"]
        is None
    )


def test_indexed_rows_without_colons() -> None:
    trial = page_trial(
        HEAD + "Can healthy volunteers participate?: No\nRecruitment outside Australia\n"
        "Country [1] New Zealand\nState/province [1] Auckland\nCountry [2] Singapore\n"
    )
    assert trial["healthy_volunteers"] is False
    assert trial["countries"] == ["New Zealand", "Singapore"]


def test_a_conditions_labelled_parts() -> None:
    trial = page_trial(
        HEAD + "Health Condition / Problems Studied: Health Type: Patients; Condition: Lupus "
        "nephritis\n"
    )
    assert trial["conditions"] == ["Lupus nephritis"]


@pytest.mark.parametrize(
    ("value", "settled"),
    [
        ("Expected 30 participants (Final enrolment to be confirmed)", "30 participants"),
        ("Target enrollment is 20; Final numbers depend on dose escalation.", "enrollment is 20"),
        ("Anticipated 2026-06 (Final analysis 2027-01)", "2026-06 (Final analysis 2027-01)"),
    ],
)
def test_a_plans_word_in_prose_opens_no_part(value: str, settled: str) -> None:
    assert settled_value(value)[0].startswith(settled)


@pytest.mark.parametrize(
    ("block", "field", "value"),
    [
        (
            "Primary Completion (Anticipated)\n2026-06-30\nActual Enrollment\n24 participants\n",
            "primary_completion_date",
            "2026-06-30",
        ),
        (
            "Enrollment\nPlanned: 40\nFinal follow-up visit occurs 24 months after infusion\n",
            "enrollment",
            "40",
        ),
        (
            "Study start\nExpected: Q1 2025\nActual enrolment has not started yet.\n",
            "start_date",
            "2025-01-01",
        ),
    ],
)
def test_the_next_label_is_no_actual_value(block: str, field: str, value: str) -> None:
    assert str(page_trial(HEAD + block)[field]) == value


def test_a_card_lists_countries_after_its_sponsor() -> None:
    page = HEAD + "Sponsor\nKyverna Therapeutics\nCountry\nGermany, Italy, Spain\n"
    assert page_trial(page)["countries"] == ["Germany", "Italy", "Spain"]
