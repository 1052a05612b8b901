"""Where the rules for mirrors and scraped pages stop (``test_mirror_shapes``): pages whose
words almost fit a rule, read as before it."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial


def test_other_trials_cards_under_a_similar_trials_heading_stay_theirs() -> None:
    trial = page_trial(
        "# Anti-CD19 CAR-T Cells for Refractory Systemic Sclerosis\nNCT06100030\n"
        "Status: Not yet recruiting\n\n### Similar trials\n"
        "### BCMA CAR-T in Neuromyelitis Optica\nStatus: Completed\nEnrollment: 120\n"
        "Sponsor: Other Pharma Inc.\n"
    )
    assert (trial["overall_status"], trial["enrollment"], trial["lead_sponsor"]) == (
        "NOT_YET_RECRUITING",
        None,
        None,
    )


def test_a_countrys_heading_among_locations_is_a_site_heading() -> None:
    trial = page_trial(
        "# Anti-CD19 CAR-T Cells for Refractory Lupus\nNCT06100140\nStatus: Recruiting\n\n"
        "## Locations\n## Germany\nUniversitätsklinikum Erlangen, Erlangen, 91054\n"
        "## Spain\nHospital Clínic de Barcelona, Barcelona, 08036\nStatus: Completed\n"
    )
    assert trial["overall_status"] == "RECRUITING"
    assert trial["countries"] == ["Germany", "Spain"]


def test_a_link_to_the_record_with_a_place_on_the_page_keeps_its_id() -> None:
    trial = page_trial(
        "# CD19 CAR T cells in refractory lupus\n"
        "[View on ClinicalTrials.gov](https://clinicaltrials.gov/study/NCT06712345#contacts)\n"
    )
    assert trial["nct_id"] == "NCT06712345"


@pytest.mark.parametrize(
    "outcomes",
    [
        "Incidence of treatment-emergent adverse events\n"
        "Number of participants with TEAEs graded according to CTCAE v5.0\n",
        "1. Incidence of treatment-emergent adverse events\n   Number of participants with TEAEs\n",
        "Change from baseline in the Systemic Lupus Erythematosus\n"
        "Disease Activity Index 2000 (SLEDAI-2K) score at Month 6\n",
        "Proportion of participants in DORIS remission at week 52 (Definition Of Remission In SLE\n"
        "2021 criteria, with prednisone 5 mg/day or less)\n",
    ],
)
def test_a_measure_over_its_description_or_its_wrap_is_one_endpoint(outcomes: str) -> None:
    endpoints = page_marts(f"NCT06100140\nPrimary Outcome Measures\n{outcomes}")["endpoints"]
    assert endpoints.height == 1


def test_a_lower_case_measure_under_a_frameless_one_is_its_own() -> None:
    endpoints = page_marts(
        "NCT06100140\nSecondary Outcome Measures\nOverall renal response rate\n"
        "eGFR change from baseline [Time Frame: 12 months]\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Overall renal response rate",
        "eGFR change from baseline",
    ]


@pytest.mark.parametrize(
    ("section", "line"),
    [
        ("Primary outcome", "Compare the effectiveness of CD19 CAR-T and standard care at week 52"),
        ("Inclusion Criteria", "Access to reliable transportation to the study center"),
        ("Secondary outcome", "Explore immune reconstitution measures after B-cell aplasia"),
    ],
)
def test_lines_that_start_with_an_explainers_verb_are_kept(section: str, line: str) -> None:
    marts = page_marts(f"NCT06100140\n{section}\n{line}\n")
    kept = [*marts["endpoints"]["measure"].to_list(), *marts["criteria"]["text"].to_list()]
    assert kept == [line]


def test_bare_dates_over_the_same_start_labelled_to_the_day_keep_their_end() -> None:
    trial = page_trial(
        "CD19 CAR-T in lupus\nNCT06100140\nMar 2024\nDec 2028\nStudy start: March 12, 2024\n"
    )
    assert str(trial["completion_date"]) == "2028-12-01"


def test_a_page_writing_its_dates_month_first_keeps_them_so_under_a_british_label() -> None:
    trial = page_trial(
        "NCT06100140\nDate of first enrolment: 03/04/2024\n"
        "Study completion date: 06/30/2027\nLast update: 01/02/2025\n"
    )
    assert (str(trial["start_date"]), str(trial["last_updated"])) == ("2024-03-04", "2025-01-02")
