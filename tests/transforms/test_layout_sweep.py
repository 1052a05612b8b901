"""Shapes from a sweep of the layouts seen in the wild: explainers between a label and its
value, unfamiliar table headers, abbreviated and unusual labels."""

from __future__ import annotations

from datetime import date

import pytest

from tests.transforms.page_build import page_marts, page_trial


def test_an_explainer_between_a_label_and_its_value_is_not_the_value() -> None:
    page = (
        "Title\nCD19 CAR-T in SLE\nPhase\nFrom Phase 1 (first in human) to Phase 4.\nPhase 2\n"
        "Enrollment\nHow many people the study plans to include (updated 2 times a year).\n36\n"
        "Start date\nDates follow the registry; since 2017 sponsors must post them in 21 days.\n"
        "March 2024\nSponsor\nThe organisation responsible for the study.\n"
        "Shanghai Ruijin Hospital\n"
    )
    trial = page_trial(page)
    assert trial["phases"] == ["PHASE2"]
    assert trial["enrollment"] == 36
    assert trial["start_date"] == date(2024, 3, 1)
    assert trial["lead_sponsor"] == "Shanghai Ruijin Hospital"


def test_a_sentence_under_a_label_with_no_value_after_it_is_the_value() -> None:
    sized = (
        "CD19 CAR-T\nStudy Size\n"
        "Approximately 8 participants per cohort across 3 cohorts (total 24).\n"
    )
    assert page_trial(sized)["enrollment"] == 24
    treated = (
        "CD19 CAR-T in SLE\n\n▸ Treatment\n\n"
        "Single infusion of 50 × 10^6 CAR-T cells (flat dose) after fludarabine/cyclophosphamide.\n"
    )
    marts = page_marts(treated)
    assert marts["doses"]["dose_value"].to_list() == [5e7]
    assert marts["trials"]["lymphodepletion_agents"].to_list() == [
        ["cyclophosphamide", "fludarabine"]
    ]


def test_arms_named_for_their_phase_are_arms_not_phase_badges() -> None:
    page = (
        "Arms and Interventions\nExperimental: Phase 1 dose escalation\nBiological: CD19 CAR-T\n"
        "Experimental: Phase 2 expansion\nBiological: CD19 CAR-T\n"
    )
    marts = page_marts(page)
    assert marts["arms"]["label"].to_list() == ["Phase 1 dose escalation", "Phase 2 expansion"]
    assert marts["trials"]["phases"].to_list() == [None]
    # a badge after its own label is still one
    assert page_trial("CAR-T\nBadge: Early Phase 1 | Enrolling by invitation\n")["phases"] == [
        "EARLY_PHASE1"
    ]


def test_a_patient_sites_table_headers() -> None:
    page = (
        "### Study groups\n| Group | Kind | What participants get |\n|---|---|---|\n"
        "| Low-dose cohort | Experimental | CD19 CAR-T 5 × 10^5 cells/kg |\n"
        "| Standard care | Active comparator | Rituximab |\n"
        "### What is measured\n| Outcome | Measured at | Kind |\n|---|---|---|\n"
        "| Sustained remission | Month 12 | Primary |\n"
        "| Relapse-free survival | 24 months | Secondary |\n"
    )
    marts = page_marts(page)
    assert marts["arms"].select("label", "arm_type").rows() == [
        ("Low-dose cohort", "EXPERIMENTAL"),
        ("Standard care", "ACTIVE_COMPARATOR"),
    ]
    assert marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows() == [
        ("PRIMARY", "Sustained remission", 360),
        ("SECONDARY", "Relapse-free survival", 720),
    ]


def test_labels_written_short_or_otherwise() -> None:
    page = (
        "Title: CD19 CAR-T in SLE\nEst. primary completion: 2026-12-01\n"
        "Exp. study completion: 2027-06-01\nEst. enrollment: 30\nCommencement date: 2025-02-14\n"
        "Sex: All All\nTrial status: Status unknown\n"
    )
    trial = page_trial(page)
    assert trial["primary_completion_date"] == date(2026, 12, 1)
    assert trial["completion_date"] == date(2027, 6, 1)
    assert (trial["enrollment"], trial["enrollment_type"]) == (30, "ESTIMATED")
    assert trial["start_date"] == date(2025, 2, 14)
    assert (trial["sex"], trial["overall_status"]) == ("ALL", "UNKNOWN")


def test_a_recruiting_period_gives_dates_only_where_no_study_period_does() -> None:
    recruiting = "Recruiting time: From 2024-03-01 To 2025-06-30\n"
    executed = "Study execute time: From 2024-01-01 To 2026-12-31\n"
    for page in (
        f"ChiCTR2400089401\n{recruiting}{executed}",
        f"ChiCTR2400089401\n{executed}{recruiting}",
    ):
        trial = page_trial(page)
        assert (trial["start_date"], trial["completion_date"]) == (
            date(2024, 1, 1),
            date(2026, 12, 31),
        )
    alone = page_trial(f"ChiCTR2400089401\n{recruiting}")
    assert (alone["start_date"], alone["title"]) == (date(2024, 3, 1), None)


def test_criteria_run_on_after_their_heading_with_bullets_and_no_colon() -> None:
    page = (
        "Eligibility\nInclusion Criteria • Age 18 to 65 years • mRSS ≥ 10\n"
        "Exclusion Criteria • PAH • LVEF < 45%\n"
    )
    rows = page_marts(page)["criteria"].select("criterion_type", "text").rows()
    assert rows == [
        ("INCLUSION", "Age 18 to 65 years"),
        ("INCLUSION", "mRSS ≥ 10"),
        ("EXCLUSION", "PAH"),
        ("EXCLUSION", "LVEF < 45%"),
    ]


def test_headings_and_titles_as_other_sites_write_them() -> None:
    wrapped = (
        "Scientific title\nA Phase 1, Open-label Study of Autologous Anti-CD19 CAR-T Cells in\n"
        "Adults With Refractory Systemic Sclerosis\nStatus\nRecruiting\n"
    )
    assert page_trial(wrapped)["title"].endswith(
        "Cells in Adults With Refractory Systemic Sclerosis"
    )
    spaced = (
        "Title\nCD19 CAR-T in Systemic Sclerosis\nConditions\nSystemic Sclerosis\nArms / Groups\n"
        "Experimental: Dose level 1\n1.0×10^6 CAR-T cells/kg\nExperimental: Dose level 2\n"
        "2.0×10^6 CAR-T cells/kg\n"
    )
    marts = page_marts(spaced)
    assert marts["arms"]["label"].to_list() == ["Dose level 1", "Dose level 2"]
    assert marts["trials"]["conditions"].to_list() == [["Systemic Sclerosis"]]


@pytest.mark.parametrize(
    ("label", "sentence", "below", "field", "value"),
    [
        # a value's own sentence, then a badge or the next label: the sentence is the value
        (
            "Condition",
            "Lupus nephritis (kidney inflammation caused by lupus).",
            "Recruiting",
            "overall_status",
            "RECRUITING",
        ),
        (
            "Sponsor",
            "This study is sponsored by a university hospital.",
            "Recruiting",
            "overall_status",
            "RECRUITING",
        ),
        # a count in words, then a duration: no count below to be the value
        (
            "Enrollment",
            "about twelve patients are expected over two years.",
            "24 months",
            "enrollment",
            12,
        ),
    ],
)
def test_a_sentence_that_is_the_value_is_kept(
    label: str, sentence: str, below: str, field: str, value: object
) -> None:
    assert page_trial(f"CD19 CAR-T\n\n{label}\n{sentence}\n{below}\n")[field] == value


def test_phase_badges_beside_arms_and_colons() -> None:
    arms = "Arms\nExperimental: CD19 CAR-T\nBiological: CD19 CAR-T\nPhase 1/Phase 2\n"
    assert page_trial(arms)["phases"] == ["PHASE1", "PHASE2"]
    assert page_trial("KYV-101 in LN\nPhase 2: Recruiting\n")["phases"] == ["PHASE2"]
    measures = "CAR-T\nOutcomes\nPhase I: Dose-limiting toxicity\nPhase II: Response rate\n"
    assert page_trial(measures)["phases"] is None


def test_no_criteria_from_a_strip_of_section_links() -> None:
    page = (
        "CAR-T\n\nEligibility criteria • Study design • Locations\n\nInclusion Criteria:\n- SLE\n"
    )
    assert page_marts(page)["criteria"]["text"].to_list() == ["SLE"]


def test_a_title_ending_in_a_hyphenated_word_is_whole() -> None:
    page = (
        "Official Title\nA Phase 2 Study of CD19 CAR-T Cells in Lupus, With an Optional Lead-in\n"
        "Lupus Nephritis\n"
    )
    assert page_trial(page)["title"].endswith("Optional Lead-in")


def test_an_abbreviation_inside_a_value_is_no_enrollment_type() -> None:
    trial = page_trial("CAR-T\nActual enrollment: 14 (exp. 20 at registration)\n")
    assert (trial["enrollment"], trial["enrollment_type"]) == (14, "ACTUAL")


def test_a_front_matters_closing_fence_ends_its_list() -> None:
    page = (
        '---\ntitle: "CD19 CAR-T in Refractory SLE"\neligibility: |\n  Inclusion Criteria:\n'
        "  * Age 18-70\n  Exclusion Criteria:\n  * Pregnancy\n---\nTrial page generated by site.\n"
    )
    rows = page_marts(page)["criteria"].select("criterion_type", "text").rows()
    assert rows == [("INCLUSION", "Age 18-70"), ("EXCLUSION", "Pregnancy")]
