"""Shapes of hospitals' own trial pages and of trial aggregators' re-published records."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial


@pytest.mark.parametrize(
    ("inclusion_heading", "exclusion_heading"),
    [
        ("Participants must:", "Participants cannot:"),
        ("Eligible patients", "Ineligible patients"),
        ("[Inclusion]", "[Exclusion]"),
        ("Criteria of inclusion:", "Criteria of exclusion:"),
    ],
)
def test_a_hospitals_criteria_lead_ins_type_their_lists(
    inclusion_heading: str, exclusion_heading: str
) -> None:
    page = (
        f"CAR-T in lupus\n\nEligibility details\n{inclusion_heading}\n1) Weigh at least 25 kg\n"
        f"2) SLEDAI-2K of 6 or higher\n{exclusion_heading}\n1) eGFR below 30\n"
    )
    criteria = page_marts(page)["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "Weigh at least 25 kg"),
        ("INCLUSION", "SLEDAI-2K of 6 or higher"),
        ("EXCLUSION", "eGFR below 30"),
    ]


@pytest.mark.parametrize("heading", ["What the study is looking at", "What we measure"])
def test_a_hospitals_outcome_headings(heading: str) -> None:
    page = f"CAR-T in lupus\n\n{heading}\n- Side effects such as CRS during the first 28 days\n"
    endpoints = page_marts(page)["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [28]


def test_a_contact_heading_after_the_outcomes_ends_them() -> None:
    page = (
        "CAR-T in lupus\n\nOutcome Measures\nPrimary: Incidence of adverse events "
        "[Time Frame: 90 days]\n\nContact Person\nMs Tan (Clinical Research Coordinator)\n"
        "Tel : +65 6772 0000\n"
    )
    assert page_marts(page)["endpoints"]["measure"].to_list() == ["Incidence of adverse events"]


def test_cancer_centre_labels_for_sponsor_and_accrual() -> None:
    trial = page_trial(
        "Adjuvant therapy in resected disease\n\nProtocol ID: NCI-2020-00751\n"
        "Lead organization: National Cancer Institute (NCI)\nAccrual goal: 1210 (all sites)\n"
    )
    assert (trial["lead_sponsor"], trial["enrollment"]) == ("National Cancer Institute (NCI)", 1210)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Approximately 8 participants per cohort across 3 cohorts (total 24)", 24),
        ("6 per dose level, 3 dose levels (18 total)", 18),
        ("12 per arm", None),
    ],
)
def test_a_size_per_cohort_is_not_the_trials(value: str, expected: int | None) -> None:
    assert page_trial(f"CAR-T in lupus\nTarget accrual: {value}\n")["enrollment"] == expected


def test_a_protocol_number_under_its_heading_is_no_date() -> None:
    trial = page_trial(
        "CD19 CAR T in lupus\n\nProtocol: 2023-0456\nStatus: Open\nPhase: Phase I/II\n"
    )
    assert trial["start_date"] is None
    assert trial["overall_status"] == "RECRUITING"


def test_accepting_patients_is_recruiting_and_a_trial_type_may_carry_its_phase() -> None:
    assert page_trial("CAR T in lupus\nAccepting patients\nPhase 1\n")["overall_status"] == (
        "RECRUITING"
    )
    trial = page_trial("CARLYSLE\n\nTrial type: Interventional, Phase 1\n")
    assert trial["study_type"] == "INTERVENTIONAL"


def test_a_sister_trials_id_in_prose_is_not_the_pages_own() -> None:
    trial = page_trial(
        "CAR-T for myositis\nEudraCT number: 2022-002435-17\nStatus: Recruiting\n\n"
        "Background\nA sister study in lupus is registered under NCT06189157.\n"
    )
    assert (trial["trial_id"], trial["nct_id"]) == ("2022-002435-17", None)


@pytest.mark.parametrize(
    "heading",
    [
        "Patients also viewed",
        "Trials you may qualify for",
        "Studies in the same category",
        "More like this",
        "Recently viewed",
    ],
)
def test_an_aggregators_rail_of_other_trials_lends_this_one_nothing(heading: str) -> None:
    trial = page_trial(
        "Pulp treatment of deep carious lesions\nNCT00973089\nStatus: Withdrawn\n\n"
        f"{heading}\nCD19 CAR-T after fludarabine in lupus nephritis\nNCT05930314\n"
        "Status: Recruiting\nPhase: Phase 1\nEnrollment: 24\n"
    )
    assert (trial["nct_id"], trial["overall_status"]) == ("NCT00973089", "WITHDRAWN")
    assert trial["phases"] is None and trial["enrollment"] is None
    assert trial["target_antigens"] is None


def test_a_flattened_tab_bar_over_the_page_heads_nothing() -> None:
    trial = page_trial(
        "Overview\nEligibility\nLocations\nContacts\n"
        "Study of Dupilumab in Adults With Atopic Dermatitis\nCompleted\nNCT02210780\n"
        "Study type\nInterventional\nEnrollment\n194\n"
    )
    assert trial["nct_id"] == "NCT02210780"
    assert trial["title"] == "Study of Dupilumab in Adults With Atopic Dermatitis"
    assert (trial["overall_status"], trial["enrollment"]) == ("COMPLETED", 194)


def test_empty_headings_over_a_list_leave_the_list_to_the_last() -> None:
    criteria = page_marts("Brief Summary\nConditions\nInclusion Criteria\n1. Age ≥ 18 years\n")[
        "criteria"
    ]
    assert criteria.select("criterion_type", "text").rows() == [("INCLUSION", "Age ≥ 18 years")]


def test_a_status_and_phase_pill_row_gives_both() -> None:
    trial = page_trial(
        "CAR-T Cells in Refractory Lupus Nephritis\nNCT06420154\nRecruiting · Phase 2\n"
    )
    assert (trial["overall_status"], trial["phases"]) == ("RECRUITING", ["PHASE2"])


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "SLEDAI-2K change from baseline — Week 24\nBILAG response — Month 6\n"
            "SRI-4 response — Month 12\n",
            [
                (None, "SLEDAI-2K change from baseline", 168),
                (None, "BILAG response", 180),
                (None, "SRI-4 response", 360),
            ],
            id="a measure and its frame a line each, unbulleted",
        ),
        pytest.param(
            "- Primary : Dose-limiting toxicity (DLT) / Day 28\n"
            "• Secondary: Change in MG-ADL from baseline [Month 3]\n",
            [
                ("PRIMARY", "Dose-limiting toxicity (DLT)", 28),
                ("SECONDARY", "Change in MG-ADL from baseline", 90),
            ],
            id="a frame after a slash or in square brackets",
        ),
        pytest.param(
            "Primary — Incidence of adverse events | 28 days after infusion\n"
            "Secondary — BVAS remission rate | Month 6\n",
            [
                ("PRIMARY", "Incidence of adverse events", 28),
                ("SECONDARY", "BVAS remission rate", 180),
            ],
            id="a type before a dash",
        ),
        pytest.param(
            "Primary: DLT | 28 days after the first and only CAR-T cell infusion in each patient\n"
            "Secondary: Rivermead questionnaire | 1 year after discharge from the ward\n",
            [("PRIMARY", "DLT", 28), ("SECONDARY", "Rivermead questionnaire", 365)],
            id="a frame told at length in the cell beside its measure",
        ),
    ],
)
def test_an_aggregators_outcome_lines(lines: str, expected: list[tuple]) -> None:
    endpoints = page_marts(f"CAR-T in lupus\nNCT06420154\n\nOutcomes\n{lines}")["endpoints"]
    assert endpoints.select("endpoint_type", "measure", "time_frame_days").rows() == expected


def test_a_sentence_after_a_framed_measure_still_describes_it() -> None:
    endpoints = page_marts(
        "CAR-T in lupus\n\nPrimary outcome\nIncidence of CRS — Day 28\n"
        "Graded by ASTCT consensus criteria\n"
    )["endpoints"]
    assert endpoints.select("measure", "time_frame_days").rows() == [("Incidence of CRS", 28)]


def test_phase_not_applicable_in_a_pill_row_and_aggregator_widgets() -> None:
    trial = page_trial(
        "CureLink\nCheck if you qualify →\nRate this trial listing: ★★★★★ 5.0 · 3 reviews\n"
        "Pilot Study of Pre-diabetes Treatment in Cystic Fibrosis\n"
        "Completed · Phase N/A · NCT00763412\n"
        "Data from ClinicalTrials.gov, retrieved 2025-09-12.\n"
    )
    assert trial["title"] == "Pilot Study of Pre-diabetes Treatment in Cystic Fibrosis"
    assert (trial["overall_status"], trial["phases"]) == ("COMPLETED", ["NA"])


def test_a_search_box_over_the_page_heads_no_other_trials() -> None:
    trial = page_trial(
        "CD19 CAR-T in lupus\nFind trials near you\nStatus: Recruiting\nPhase: Phase 1\n"
        "NCT ID: NCT06550201\nEnrollment: 24\n"
    )
    assert (trial["nct_id"], trial["overall_status"], trial["enrollment"]) == (
        "NCT06550201",
        "RECRUITING",
        24,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Data from ClinicalTrials.gov record NCT06550203, last updated 2025-01-10.",
        "Unlike a similar trial in Beijing, this study NCT06550203 enrolls adults only.",
        "This related trial registration (NCT06550203) covers adult patients.",
    ],
)
def test_the_pages_own_id_beside_words_about_other_trials(line: str) -> None:
    assert page_trial(f"CD19 CAR-T in lupus\n\n{line}\n")["nct_id"] == "NCT06550203"


def test_a_description_beside_a_measure_that_opens_with_a_number_is_no_frame() -> None:
    endpoints = page_marts(
        "CAR-T in lupus\n\nSecondary outcomes\n"
        "| B-cell aplasia | 6 months or longer duration of depletion |\n"
    )["endpoints"]
    assert endpoints.select("measure", "time_frame").rows() == [("B-cell aplasia", None)]


def test_real_headings_at_the_top_are_no_tab_bar() -> None:
    endpoints = page_marts(
        "Overview\nEligibility\nOutcomes\nPrimary Outcome\nIncidence of DLT\nTime Frame: 28 days\n"
    )["endpoints"]
    assert endpoints.select("endpoint_type", "time_frame_days").rows() == [("PRIMARY", 28)]


def test_a_compact_date_keeps_its_year_and_a_protocol_number_gives_none() -> None:
    assert str(page_trial("CAR-T in lupus\nStart: 2024-0301\n")["start_date"]) == "2024-01-01"


def test_an_id_glued_to_the_words_around_it_by_a_tagless_scrape() -> None:
    trial = page_trial("CD19 CAR-T in lupus\nConditionsLupusNCT06420154Copy link\n")
    assert trial["nct_id"] == "NCT06420154"
    assert page_trial("Instinct 12345678 trial\n")["nct_id"] is None
    assert page_trial("EXTINCT12345678 study code\n")["nct_id"] is None


@pytest.mark.parametrize("footer", ["Share  Print  Report an error", "Terms | Privacy"])
def test_a_sites_footer_after_the_last_criterion_is_none(footer: str) -> None:
    criteria = page_marts(
        f"CAR-T in lupus\n\nExclusion Criteria:\n- Active infection\n- Pregnancy\n\n{footer}\n"
    )["criteria"]
    assert criteria["text"].to_list() == ["Active infection", "Pregnancy"]


@pytest.mark.parametrize(
    "sponsor_lines",
    [
        # html2text wraps a paragraph at 78 columns, not the page's tables and links
        "**Sponsor:** Union Hospital, Tongji Medical College, Huazhong University of\n"
        "Science and Technology\n",
        # lynx indents a definition's value under its label
        "   Sponsor\n          Union Hospital, Tongji Medical College, Huazhong University\n"
        "          of Science and Technology\n",
    ],
)
def test_a_sponsor_wrapped_by_a_text_browser_is_read_whole(sponsor_lines: str) -> None:
    trial = page_trial(
        "CD19/BCMA CAR-T Cell Therapy for Refractory SLE\n\n"
        f"{sponsor_lines}\n   Ages Eligible\n          18 Years to 70 Years\n"
    )
    assert trial["lead_sponsor"] == (
        "Union Hospital, Tongji Medical College, Huazhong University of Science and Technology"
    )


def test_a_value_ending_whole_takes_no_line_below() -> None:
    trial = page_trial(
        "CD19 CAR-T in lupus\n\nSponsor: Union Hospital, Tongji Medical College, Wuhan, China\n"
        "Collaborators are listed below.\n"
    )
    assert trial["lead_sponsor"] == "Union Hospital, Tongji Medical College, Wuhan, China"


@pytest.mark.parametrize(
    ("sponsor", "next_line"),
    [
        ("Indiana University School of Medicine, Indianapolis, IN", "Recruiting"),
        ("Shanghai Jiao Tong University School of Medicine, Renji Hospital", "2024-03-01"),
        (
            "Shanghai Jiao Tong University School of Medicine, Renji Hospital",
            "in collaboration with Shanghai Cell Therapy Group",
        ),
    ],
)
def test_a_whole_sponsor_takes_no_line_below(sponsor: str, next_line: str) -> None:
    assert (
        page_trial(f"CD19 CAR-T in lupus\n\nSponsor: {sponsor}\n{next_line}\n")["lead_sponsor"]
        == sponsor
    )


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Recruitment: Open to recruitment", "RECRUITING"),
        ("Recruitment: Not yet recruiting", "NOT_YET_RECRUITING"),
        ("Recruitment: Closed to recruitment", "ACTIVE_NOT_RECRUITING"),
        # how participants are found is no status
        ("Recruitment: through referring rheumatologists at three hospitals", None),
    ],
)
def test_a_recruitment_label_gives_a_status_only_as_a_status(line: str, status: str | None) -> None:
    page = f"CD19 CAR-T therapy for severe lupus\n\n{line}\nTrial type: Interventional\n"
    assert page_trial(page)["overall_status"] == status
