"""Shapes of registry mirrors, portals and scrapers' conversions: what each must give.

WHO ICTRP, jRCT, trial finders, ClinicalTrials.gov pages with results and pages
converted from HTML by scrapers; each case is cut down from a longer page.
"""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Recruiting stopped", "TERMINATED"),  # jRCT / ICTRP: not "Recruiting"
        ("Active – enrollment complete", "ACTIVE_NOT_RECRUITING"),
        ("Active, not enrolling", "ACTIVE_NOT_RECRUITING"),
    ],
)
def test_status_wordings_of_mirrors_and_sponsors(status: str, expected: str) -> None:
    trial = page_trial(f"Registration number: jRCT2031230702\nRecruitment status: {status}\n")
    assert trial["overall_status"] == expected


def test_british_date_labels_read_slashed_dates_day_first_beside_an_nct_id() -> None:
    trial = page_trial(
        "Main ID: \tNCT05930398\nPublic title: \tCAR-T in lupus\n"
        "Date of registration: \t03/07/2023\nDate of first enrolment: \t03/04/2023\n"
    )
    assert str(trial["start_date"]) == "2023-04-03"


def test_measures_listed_a_line_each_without_frames_are_each_an_endpoint() -> None:
    endpoints = page_marts(
        "Main ID: \tDRKS00033124\nPublic title: \tCD19 CAR-T cells in lupus\n"
        "Primary Outcome(s)\nSafety\nSecondary Outcome(s)\nSRI-4 response\n"
        "Duration of B-cell aplasia\nCAR-T cell persistence\nSecondary ID(s)\nU1111-1300-1234\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Safety",
        "SRI-4 response",
        "Duration of B-cell aplasia",
        "CAR-T cell persistence",
    ]
    assert endpoints["endpoint_type"].to_list() == ["PRIMARY"] + ["SECONDARY"] * 3


@pytest.mark.parametrize(
    "lines",
    [
        # a measure over its description: one endpoint
        "SRI-4 response\nDefined by the SLE Responder Index",
        "Number of participants with adverse events\n(graded by CTCAE v5.0)",
        "Change in SLEDAI-2K score\nmeasured by the investigator",
        "Proportion of participants in remission with\nlow disease activity",
    ],
)
def test_a_measure_over_what_says_more_of_it_stays_one_endpoint(lines: str) -> None:
    endpoints = page_marts(
        f"Main ID: \tDRKS00033124\nSecondary Outcome(s)\n{lines}\nSecondary ID(s)\nU1111\n"
    )["endpoints"]
    assert endpoints.height == 1


@pytest.mark.parametrize(
    "outcomes",
    [
        # the frame alone on the line under its measure (a copy of the classic page)
        "  1. Number of participants with dose limiting toxicities\n     [Time Frame: 28 days]\n"
        "  2. Incidence of adverse events\n     [Time Frame: up to 2 years]\n",
        # a measure's description between it and its frame
        "1. Number of participants with dose limiting toxicities\nDLTs as defined in the protocol."
        "\n[Time Frame: 28 days]\n2. Incidence of adverse events\nGraded per CTCAE v5.0.\n"
        "[Time Frame: up to 2 years]\n",
        # a measure wrapped before its frame
        "  1. Number of participants with dose limiting toxicities including\n"
        "     cytokine release syndrome [Time Frame: 28 days]\n"
        "  2. Incidence of adverse events [Time Frame: up to 2 years]\n",
    ],
)
def test_a_time_frame_on_the_line_under_its_measure_is_that_measures(outcomes: str) -> None:
    endpoints = page_marts(f"NCT05788812\n\nPrimary Outcome Measures:\n\n{outcomes}")["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [28, 730]
    assert endpoints["measure"].str.starts_with("Number of participants").to_list() == [True, False]


def test_posted_results_blocks_add_no_endpoint_and_no_title() -> None:
    marts = page_marts(
        "Chewing and Oral Processing\nClinicalTrials.gov ID NCT05594173\nOfficial Title\n"
        "Chewing and Oral Processing of Solid Food in Healthy Swallowing\n"
        "Primary Outcome Measures\nOutcome Measure\tMeasure Description\tTime Frame\n"
        "Number of Chewing Cycles Per Bolus\tCount of chewing cycles.\tBaseline\n"
        "Study Results\nOutcome Measures\n1. Primary Outcome\n"
        "Title\tNumber of Chewing Cycles Per Bolus\nDescription\tCount of chewing cycles.\n"
        "Time Frame\tBaseline\n2. Primary Outcome\nTitle\tTotal Chewing Duration Per Bolus\n"
        "Description\tDuration of chewing.\nTime Frame\tBaseline\n"
    )
    assert marts["trials"]["title"].to_list() == [
        "Chewing and Oral Processing of Solid Food in Healthy Swallowing"
    ]
    assert marts["endpoints"]["measure"].to_list() == ["Number of Chewing Cycles Per Bolus"]


def test_the_researcher_views_rows_around_the_criteria_are_no_criteria() -> None:
    marts = page_marts(
        "CD19 CAR T Cells in SLE\nClinicalTrials.gov ID NCT05788812\nStudy Design\n"
        "Interventional Study Model\tSequential Assignment\nEligibility\nSex\tAll\n"
        "Gender Based\tNo\nAccepts Healthy Volunteers\tNo\nCriteria\tInclusion Criteria:\n"
        "* SLEDAI-2K ≥ 8\n* eGFR ≥ 30 mL/min/1.73m2\nExclusion Criteria:\n"
        "* Prior CAR T-cell therapy\n* LVEF < 45%\nContacts/Locations\nLocations\tGermany\n"
    )
    criteria = marts["criteria"]
    assert criteria["criterion_type"].to_list() == ["INCLUSION"] * 2 + ["EXCLUSION"] * 2
    assert criteria["text"].to_list()[-1] == "LVEF < 45%"
    assert marts["trials"]["intervention_model"].to_list() == ["SEQUENTIAL"]


def test_an_explainer_under_the_outcomes_heading_is_no_endpoint() -> None:
    endpoints = page_marts(
        "Anti-CD19 CAR-T in SLE\nNCT ID: NCT05788812\nOutcome Measures\n"
        "Track the metrics used to evaluate the effectiveness and safety of the intervention.\n"
        "Primary Outcomes\nNumber of Participants With Dose-Limiting Toxicities (DLTs)\n"
        "Time frame: 28 days after infusion\nSecondary Outcomes\n"
        "Percentage of Participants in DORIS Remission\nTime frame: Month 6\n"
    )["endpoints"]
    assert endpoints["endpoint_type"].to_list() == ["PRIMARY", "SECONDARY"]
