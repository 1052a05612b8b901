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


def test_schema_org_markup_ranks_below_the_page_and_its_lists_are_other_trials() -> None:
    trial = page_trial(
        "CD19 CAR-T in Refractory SLE\nStatus: Recruiting\nPhase: Phase 1\n"
        '{"@context":"https://schema.org","@type":"MedicalTrial","identifier":"NCT06880123",'
        '"phase":"Phase 2"}\n'
        '<script type="application/ld+json">\n{"@type": "ItemList", "itemListElement": [\n'
        '  {"@type": "MedicalTrial", "identifier": "NCT06333444", "status": "Terminated"}\n'
        "]}\n</script>\n"
    )
    assert (trial["overall_status"], trial["phases"]) == ("RECRUITING", ["PHASE1"])


def test_a_related_trials_markup_list_gives_no_fields() -> None:
    trial = page_trial(
        "CD19 CAR-T in Refractory SLE\n"
        '{"@type": "ItemList", "itemListElement": [{"@type": "MedicalTrial", '
        '"identifier": "NCT06333444", "status": "Terminated", "phase": "Phase 3"}]}\n'
    )
    assert (trial["overall_status"], trial["phases"]) == (None, None)


@pytest.mark.parametrize(
    "chrome",
    [
        "[Skip to main content](https://www.trials.example/t/NCT06712345#main)\n\n",
        "![Site logo](https://www.trials.example/logo.png)\n",
    ],
)
def test_markdown_links_are_their_text_and_images_are_no_text(chrome: str) -> None:
    marts = page_marts(
        f"{chrome}A Phase 1/2 Study of KYV-201 CD19 CAR-T Cells in Lupus Nephritis\n\n"
        "Sponsor: [Kyverna Therapeutics](https://kyverna.example)\n\n"
        "**Exclusion Criteria**\n\n*   Prior CAR-T cell therapy\n*   Active infection\n\n"
        "[Show more](https://www.trials.example/t/NCT06712345#eligibility)\n"
        "![QR code](https://www.trials.example/qr/NCT06712345.png)\n"
    )
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "A Phase 1/2 Study of KYV-201 CD19 CAR-T Cells in Lupus Nephritis"
    assert trial["lead_sponsor"] == "Kyverna Therapeutics"
    assert marts["criteria"]["text"].to_list() == ["Prior CAR-T cell therapy", "Active infection"]


def test_a_link_to_the_record_keeps_its_id() -> None:
    trial = page_trial(
        "CD19 CAR-T in lupus\n[View on ClinicalTrials.gov](https://clinicaltrials.gov/study/NCT06712345)\n"
    )
    assert trial["nct_id"] == "NCT06712345"


@pytest.mark.parametrize(
    "toggle", ["▼ Outcome measures", "Outcome measures ▼", "▶ Outcome measures"]
)
def test_a_collapsible_sections_toggle_is_no_part_of_its_heading(toggle: str) -> None:
    marts = page_marts(
        "CD19 CAR-T in SLE\n\nExclusion Criteria\n- eGFR < 40 mL/min/1.73m2\n- Prior CAR-T\n\n"
        f"{toggle}\n\nPrimary: Incidence of DLT [Time Frame: 28 days]\n"
    )
    assert marts["criteria"].height == 2
    assert marts["endpoints"]["time_frame_days"].to_list() == [28]


def test_a_finders_checklist_of_must_have_and_must_not_have() -> None:
    marts = page_marts(
        "CAR-T Cells for Lupus\nTrial ID: NCT06312346\nEligibility Criteria Checklist\n"
        "Specific guidelines that determine who can or cannot participate in a clinical trial\n"
        "Must have\n✓ You are 18 to 65 years old\n✓ You have active lupus\n"
        "Must not have\n✗ You have had CAR-T therapy before\n✗ Your platelet count is low\n"
        "Treatment Details\nFind a site near you\nEnter ZIP code [        ] Search\n"
    )
    criteria = marts["criteria"]
    assert criteria["criterion_type"].to_list() == ["INCLUSION"] * 2 + ["EXCLUSION"] * 2
    assert criteria["text"].to_list()[2] == "You have had CAR-T therapy before"


def test_an_unknown_markdown_heading_above_a_locations_section_ends_it() -> None:
    marts = page_marts(
        "# CD19 CAR-T Cells in Refractory Lupus Nephritis\n\n### Locations\n\n"
        "Belgium, Netherlands\n\n## Lymphodepletion\n\n"
        "Fludarabine 30 mg/m2 + cyclophosphamide 500 mg/m2\n\n## Dose\n\n"
        "5 × 10^7 CAR-T cells (flat)\n"
    )
    assert marts["trials"]["lymphodepletion_agents"].to_list() == [
        ["cyclophosphamide", "fludarabine"]
    ]
    assert marts["doses"]["dose_value"].to_list() == [5e7]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Dose levels: 1.0E+06, 2.0E+06 and 4.0E+06 cells/kg", [1e6, 2e6, 4e6]),
        (
            "Dose Level 1: 3 × 10^7 cells; Dose Level 2: 1 × 10^8; Dose Level 3: 3 × 10^8 cells",
            [3e7, 1e8, 3e8],
        ),
    ],
)
def test_listed_dose_levels(text: str, values: list[float]) -> None:
    doses = page_marts(f"Interventions\nBiological: CD19 CAR-T\n{text}\n")["doses"]
    assert doses["dose_value"].to_list() == values


@pytest.mark.parametrize(
    "footer",
    [
        "Learn more about our approach | Careers | Contact",
        "Stay connected: Facebook | LinkedIn | X",
        "## Share this trial\n\n[Facebook](https://facebook.com/sharer) "
        "[Twitter](https://twitter.com/intent) [Email](mailto:?subject=Trial)",
    ],
)
def test_a_sites_footer_after_the_outcomes_is_no_endpoint(footer: str) -> None:
    endpoints = page_marts(
        "Study identifier: NCT06917742\nPrimary endpoint: Adverse events through Day 28\n"
        f"Secondary endpoints: B-cell depletion at Day 28\n\n{footer}\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Adverse events through Day 28",
        "B-cell depletion at Day 28",
    ]
    assert endpoints["description"].to_list() == [None, None]


def test_a_registry_record_on_ictrp_keeps_objectives_and_age_questions_out() -> None:
    marts = page_marts(
        "Main ID: \tEUCTR2023-504412-19-DE\nPublic title: \tCD19 CAR T cells in autoimmunity\n"
        "Study type: \tInterventional clinical trial of medicinal product\n"
        "Key inclusion & exclusion criteria\nInclusion criteria: \n1. Age 18-70 years\n"
        "2. SLEDAI-2K >= 10\nAre the trial subjects under 18? no\n"
        "Number of subjects for this age range: \n\nExclusion criteria: \n"
        "1. eGFR < 30 mL/min/1.73m2\nPrimary Outcome(s)\n"
        "Main Objective: To assess the safety of MB-CART19\n"
        "Primary end point(s): Incidence of dose-limiting toxicities\n"
        "Timepoint(s) of evaluation of this end point: Day 28 after infusion\n"
        "Secondary Objective: To assess efficacy\nSecondary Outcome(s)\n"
        "Secondary end point(s): DORIS remission\n"
        "Timepoint(s) of evaluation of this end point: Month 12\n"
    )
    assert marts["trials"]["study_type"].to_list() == ["INTERVENTIONAL"]
    assert marts["criteria"]["criterion_type"].to_list() == ["INCLUSION"] * 2 + ["EXCLUSION"]
    endpoints = marts["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Incidence of dose-limiting toxicities",
        "DORIS remission",
    ]
    assert endpoints["time_frame_days"].to_list() == [28, 360]


def test_anzctr_timepoints_in_brackets_are_time_frames() -> None:
    endpoints = page_marts(
        "Main ID: \tACTRN12624000318572\nPrimary Outcome(s)\n"
        "Incidence of dose-limiting toxicities [Timepoint: 28 days post-infusion]\n"
        "Secondary Outcome(s)\nSRI-4 response [Timepoint: Week 24 and Week 52 post-infusion]\n"
        "Duration of B-cell aplasia [Timepoint: 12 months post-infusion]\n"
    )["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [28, 364, 360]


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("Study start: Nov 2023\nEstimated study end: Jun 2029", "completion_date", "2029-06-01"),
        ("Protocol title:\nA Phase 2 Study of CRX-19 in Lupus Nephritis", "title", None),
        ("Protocol title: A Phase 2 Study of CRX-19 in Lupus Nephritis", "title", None),
    ],
)
def test_finder_and_database_labels(lines: str, field: str, value: str | None) -> None:
    trial = page_trial(f"Clinical Trials Database\nStudy ID: NCT06198889\n{lines}\n")
    expected = value or "A Phase 2 Study of CRX-19 in Lupus Nephritis"
    assert str(trial[field]) == expected


def test_key_secondary_as_a_label_types_its_measure() -> None:
    endpoints = page_marts(
        "NCT06917742\nPrimary endpoints: Adverse events up to Day 28\n"
        "Key secondary: B-cell depletion and DORIS remission through Month 12\n"
    )["endpoints"]
    assert endpoints["endpoint_type"].to_list() == ["PRIMARY", "SECONDARY"]
    assert endpoints["time_frame_days"].to_list()[1] == 360


@pytest.mark.parametrize(
    "label",
    [
        "Cohort A - Systemic Lupus Erythematosus With Lupus Nephritis",
        "Part B - Expansion In Lupus Nephritis And Systemic Sclerosis",
    ],
)
def test_a_title_cased_name_after_a_dash_is_the_arms_label(label: str) -> None:
    arms = page_marts(
        "NCT ID: NCT06999003\nArms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n"
        f"| Experimental: {label} | Biological: CD19 CAR-T |\n"
    )["arms"]
    assert arms["label"].to_list() == [label]


def test_an_arm_name_then_a_sentence_after_a_dash_is_a_label_and_its_description() -> None:
    arms = page_marts(
        "NCT ID: NCT06999003\nArms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n"
        "| Experimental: Dose escalation - Participants receive one of three dose levels "
        "| Biological: CD19 CAR-T |\n"
    )["arms"]
    assert arms["label"].to_list() == ["Dose escalation"]


def test_an_adult_cohort_open_upward_beside_a_juvenile_range_has_no_upper_age() -> None:
    trial = page_trial(
        "Inclusion Criteria:\n1. Aged ≥ 18 years (adult cohorts) or 6 to 17 years "
        "(juvenile myositis cohort) at the time of consent\n"
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (6.0, None)


@pytest.mark.parametrize(
    ("design", "expected"),
    [
        (  # jRCT
            "randomized controlled trial/ double blind/ placebo control/ parallel assignment/ "
            "treatment purpose",
            ("RANDOMIZED", "PARALLEL", "TREATMENT", "DOUBLE"),
        ),
        (  # ANZCTR on ICTRP
            "Purpose of the study: Treatment; Allocation to intervention: Non-randomised trial; "
            "Procedure for enrolling a subject and allocating the treatment (allocation "
            "concealment procedures): ; Masking / blinding: Open (masking not used);"
            "Assignment: Single group;Type of endpoint: Safety;",
            ("NON_RANDOMIZED", "SINGLE_GROUP", "TREATMENT", "NONE"),
        ),
    ],
)
def test_a_design_written_as_one_line_of_phrases(design: str, expected: tuple[str, ...]) -> None:
    trial = page_trial(f"Main ID: \tACTRN12624000318600\nStudy design: \t{design}\n")
    fields = ("allocation", "intervention_model", "primary_purpose", "masking")
    assert tuple(trial[f] for f in fields) == expected


def test_bare_dates_over_a_labelled_start_are_no_start_and_end() -> None:
    trial = page_trial(
        "jRCT2031230592\nPhase I/II Study of CD19 CAR-T Cells in Refractory Lupus\n\n"
        "Jan. 18, 2024\n\nMar. 05, 2024\n\nRecruitment status\tRecruiting\n"
        "Date of first enrollment\tFeb. 20, 2024\nTarget sample size\t30\n"
    )
    assert (str(trial["start_date"]), trial["completion_date"]) == ("2024-02-20", None)


def test_a_browser_tabs_title_loses_the_sites_name() -> None:
    trial = page_trial(
        "Title: CD19 CAR-T Cells in Adults With Refractory Lupus Nephritis - Full Text View - "
        "ClinicalTrials.gov\n\nURL Source: https://classic.clinicaltrials.gov/ct2/show/NCT06500001"
        "\n\nMarkdown Content:\nRecruitment Status : Recruiting\n"
    )
    assert trial["title"] == "CD19 CAR-T Cells in Adults With Refractory Lupus Nephritis"


@pytest.mark.parametrize(
    "page",
    [
        # w3m's dump of a table
        "┌──────────┬──────────────────┐\n│Identifier│NCT06557267       │\n"
        "├──────────┼──────────────────┤\n│Status    │Recruiting        │\n"
        "├──────────┼──────────────────┤\n│Enrollment│36 (estimated)    │\n"
        "└──────────┴──────────────────┘\n",
        # a box around "Label: value" lines
        "Trial registration\n│ ClinicalTrials.gov: NCT06557267 │\n│ Status: Recruiting          │\n"
        "│ Enrollment: 36 (estimated)  │\n",
        # a grid table's borders
        "+------------+-----------------+\n| Identifier | NCT06557267     |\n"
        "+============+=================+\n| Status     | Recruiting      |\n"
        "+------------+-----------------+\n| Enrollment | 36 (estimated)  |\n"
        "+------------+-----------------+\n",
    ],
)
def test_text_drawn_tables_hold_fields(page: str) -> None:
    trial = page_trial(page)
    assert (trial["overall_status"], trial["enrollment"]) == ("RECRUITING", 36)
    assert trial["title"] is None or "|" not in str(trial["title"])


def test_chictr_groups_in_one_cell_are_an_arm_each_with_its_dose() -> None:
    marts = page_marts(
        "Main ID: \tChiCTR2300077001\nPublic title: \tRelma-cel in refractory lupus\n"
        "Intervention(s)\nLow dose group:Relma-cel 1x10^5 CAR-T cells/kg;"
        "Medium dose group:Relma-cel 3x10^5 CAR-T cells/kg;"
        "High dose group:Relma-cel 1x10^6 CAR-T cells/kg;\n"
        "Primary Outcome(s)\nDose-limiting toxicity;\n"
    )
    labels = ["Low dose group", "Medium dose group", "High dose group"]
    assert marts["arms"]["label"].to_list() == labels
    assert marts["doses"]["arm_label"].to_list() == labels
    assert marts["doses"]["dose_value"].to_list() == [1e5, 3e5, 1e6]


def test_the_eu_registers_phase_boxes_without_their_codes() -> None:
    trial = page_trial(
        "Main ID: \tEUCTR2023-504412-16-DE\nPhase: \t\nHuman pharmacology (Phase I): yes\n"
        "Therapeutic exploratory (Phase II): yes\nTherapeutic confirmatory - (Phase III): no\n"
        "Therapeutic use (Phase IV): no\nCountries of recruitment\nGermany\n"
    )
    assert trial["phases"] == ["PHASE1", "PHASE2"]


@pytest.mark.parametrize(
    "page",
    [
        "CD19 CAR-T in Myasthenia Gravis\n\nStatus           Recruiting\n"
        "Enrollment       12 participants (anticipated)\n"
        "Lead sponsor     Shanghai Changzheng Hospital\n",
        "   CD19 CAR-T in Myasthenia Gravis\n\n   Status: [6]Recruiting\n"
        "   Lead sponsor: [8]Shanghai Changzheng Hospital\n   Enrollment 12 (Estimated)\n\n"
        "References\n\n   6. https://portal.example.org/search?status=RECRUITING\n",
    ],
)
def test_a_text_browsers_aligned_fields_and_numbered_links(page: str) -> None:
    trial = page_trial(page)
    assert (trial["overall_status"], trial["enrollment"]) == ("RECRUITING", 12)
    if "Lead sponsor" in page:
        assert trial["lead_sponsor"] == "Shanghai Changzheng Hospital"


@pytest.mark.parametrize(
    "table",
    [
        "| Level | Dose | Unit | N |\n|---|---|---|---|\n| DL1 | 1 × 10^5 | cells/kg | 3 |\n"
        "| DL2 | 3 × 10^5 | cells/kg | 3 |\n",
        "| Level | Dose (×10^5 cells/kg) | N |\n|---|---|---|\n| DL1 | 1 | 3 |\n| DL2 | 3 | 3 |\n",
    ],
)
def test_a_dose_tables_unit_in_its_own_column_or_its_header(table: str) -> None:
    doses = page_marts(f"CD19 CAR-T in Refractory SLE\n\nDose levels\n\n{table}")["doses"]
    assert doses["dose_value"].to_list() == [1e5, 3e5]
    assert doses["dose_unit"].to_list() == ["cells/kg"] * 2


def test_an_outcome_table_after_an_arms_table_is_the_outcomes() -> None:
    marts = page_marts(
        "CD7 CAR-T for Refractory AIHA\n\n# Arms\n\nArm | Type | Intervention\n"
        "Dose level 1 | Experimental | Biological: CD7 CAR-T\n\nOutcome | Time frame\n"
        "Primary: Incidence of DLTs | 28 days\nSecondary: Hb response | Week 12\n"
    )
    assert marts["arms"]["label"].to_list() == ["Dose level 1"]
    endpoints = marts["endpoints"]
    assert endpoints["measure"].to_list() == ["Incidence of DLTs", "Hb response"]
    assert endpoints["endpoint_type"].to_list() == ["PRIMARY", "SECONDARY"]


def test_a_text_browsers_buttons_after_the_criteria_are_no_criterion() -> None:
    criteria = page_marts(
        "CD19 CAR-T in lupus\nExclusion Criteria:\n- Prior CAR-T\n- Active infection\n\n"
        "[Share] [Print] [Back to results]\n"
    )["criteria"]
    assert criteria["text"].to_list() == ["Prior CAR-T", "Active infection"]


def test_inclusion_and_exclusion_columns_pasted_from_a_sheet() -> None:
    criteria = page_marts(
        "CD7 CAR-T for Refractory AIHA\nStatus: Recruiting\n\n"
        "Inclusion criteria\tExclusion criteria\nAge 18-65 years\tALT > 3 x ULN\n"
        "Warm AIHA\tActive infection\n"
    )["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "Age 18-65 years"),
        ("INCLUSION", "Warm AIHA"),
        ("EXCLUSION", "ALT > 3 x ULN"),
        ("EXCLUSION", "Active infection"),
    ]


def test_a_count_under_a_sponsor_label_is_no_sponsor() -> None:
    trial = page_trial(
        "CAR-T Cells for Lupus\nTrial ID: NCT06312347\nWho Is Running the Clinical Trial?\n"
        "Kyverna Therapeutics\nLead Sponsor\nTrials: 12\n"
    )
    assert trial["lead_sponsor"] is None


def test_a_reader_services_tab_title_yields_to_the_pages_heading() -> None:
    trial = page_trial(
        "Title: NCT06712345 | KYV-201 in Lupus Nephritis | TrialFinder\n\n"
        "URL Source: https://www.trialfinder.example/trials/NCT06712345\n\nMarkdown Content:\n"
        "A Phase 1/2 Study of KYV-201 CD19 CAR-T Cells in Refractory Lupus Nephritis\n"
        "=========================================================================\n\n"
        "**Status:** Recruiting\n"
    )
    assert trial["title"] == (
        "A Phase 1/2 Study of KYV-201 CD19 CAR-T Cells in Refractory Lupus Nephritis"
    )


def test_each_cohorts_age_range_after_its_label() -> None:
    trial = page_trial(
        "Inclusion Criteria:\n1. Adults (Part A): 18–65 years; adolescents (Part B): 12–17 years\n"
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (12.0, 65.0)


def test_an_intervention_typed_other_under_an_arm_named_alike_is_no_arm() -> None:
    arms = page_marts(
        "Effect of GET73 on Central Glutamate\nClinicalTrials.gov Identifier: NCT03418623\n\n"
        "Arms and Interventions\nArm \tIntervention/treatment\nExperimental: GET73\n"
        "GET73 is administered at the dose of 300 mg...\n \tDrug: GET73\n"
        "Placebo Comparator: Placebo\nPlacebo is administered...\n \tOther: Placebo\n\n"
        "Outcome Measures\n"
    )["arms"]
    assert arms["label"].to_list() == ["GET73", "Placebo"]
    assert arms["arm_type"].to_list() == ["EXPERIMENTAL", "PLACEBO_COMPARATOR"]


def test_a_classic_measures_unfinished_description_line_is_no_measure() -> None:
    endpoints = page_marts(
        "Pilot Study for Pre-diabetes in Cystic Fibrosis\nClinicalTrials.gov Identifier: "
        "NCT00763412\n\nOutcome Measures\n\nPrimary Outcome Measures  :\n"
        "BMI [ Time Frame: 2 year/end of study ]\n"
        "Body Composition [ Time Frame: 2 year/end of study ]\n"
        "Reporting % of Fat and Lean body mass\nCRP [ Time Frame: 2 year/end of study ]\n\n"
        "Eligibility Criteria\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == ["BMI", "Body Composition", "CRP"]
    assert endpoints["description"].to_list()[1] == "Reporting % of Fat and Lean body mass"


def test_front_matter_keys_after_a_long_title_are_not_its_words() -> None:
    trial = page_trial(
        '---\ntitle: "Study of Dupilumab and Immune Responses in Adults With Atopic '
        'Dermatitis (AD)"\npermalink: /trials/nct02210780-dupilumab-vaccine-responses/\n'
        "nct_id: NCT02210780\nstatus: COMPLETED\n---\n\n# Study of Dupilumab\n"
    )
    assert trial["title"] == (
        "Study of Dupilumab and Immune Responses in Adults With Atopic Dermatitis (AD)"
    )


def test_a_finders_started_and_ended_dates_and_its_who_can_join_fields() -> None:
    trial = page_trial(
        "Study of Dupilumab in Atopic Dermatitis\nPhase 2 · Completed · 194 participants\n"
        "Trial ID: NCT02210780\nKey dates\nStarted: 5 August 2014\nEnded: 15 September 2015\n"
        "Who can join\n• Ages 18–64 years\n• Sex: All\n• Healthy volunteers: No\nWhere\n"
    )
    assert (str(trial["start_date"]), str(trial["completion_date"])) == (
        "2014-08-05",
        "2015-09-15",
    )
    assert (trial["sex"], trial["healthy_volunteers"]) == ("ALL", False)


def test_a_registers_randomised_question_answers_the_allocation() -> None:
    assert (
        page_trial("EU CT number: 2024-510234-21-00\nTrial design\nRandomised: Yes\n")["allocation"]
        == "RANDOMIZED"
    )
    assert (
        page_trial("EU Clinical Trials Register\nTitle: A study\nRandomised: no\nOpen: yes\n")[
            "allocation"
        ]
        == "NON_RANDOMIZED"
    )
    assert (
        page_trial("A study\nTrial design\nRandomization procedure: Not applicable\n")["allocation"]
        == "NA"
    )


def test_an_outcome_row_with_an_empty_cell_keeps_its_frame() -> None:
    endpoints = page_marts(
        "Effect of GET73\nClinicalTrials.gov ID NCT03418623\nWhat is the study measuring?\n"
        "Secondary Outcome Measures\nOutcome Measure | Measure Description | Time Frame\n"
        "Change in BOLD signal | | Day 3\nMental wellbeing |  | 12 weeks post-randomization\n"
        "Collaborators and Investigators\n"
    )["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [3, 84]


def test_an_outcome_cell_with_a_bulleted_list_is_one_measure() -> None:
    endpoints = page_marts(
        "Certolizumab Pegol in Axial Spondyloarthritis\nClinicalTrials.gov ID NCT02552212\n"
        "What is the study measuring?\nSecondary Outcome Measures\n"
        "Outcome Measure\tMeasure Description\tTime Frame\n"
        "Percentage of Subjects With Serious Adverse Events\tA serious adverse event is any "
        "untoward medical occurrence that at any dose:\n* Results in death\n"
        "* Is life-threatening\n* Is a congenital anomaly or birth defect\tFrom Baseline up to "
        "the End of Safety Follow-up Extension Period (up to Week 156)\n"
        "Percentage of Subjects With AEs Leading to Withdrawal\tAn AE leading to withdrawal.\t"
        "Throughout the study conduct (up to Week 52)\nCollaborators and Investigators\n"
    )["endpoints"]
    assert endpoints.height == 2
    assert endpoints["time_frame_days"].to_list() == [1092, 364]


def test_a_table_cells_label_glued_to_its_description_and_dash_typed_arms() -> None:
    glued = page_marts(
        "Effect of GET73\nClinicalTrials.gov Identifier: NCT03418623\n\nArms and Interventions\n"
        "| Arm | Intervention/treatment |\n|---|---|\n"
        "| Experimental: GET73 GET73 is administered at the dose of 300 mg... | Drug: GET73 |\n"
        "| Placebo Comparator: Placebo Placebo is administered... | Drug: Placebo |\n"
    )["arms"]
    assert glued["label"].to_list() == ["GET73", "Placebo"]
    dashed = page_marts(
        "Study of Dupilumab\nPhase 2 · Completed · 194 participants\nTrial ID: NCT02210780\n"
        "Study arms\nPlacebo qw — Experimental\nDupilumab 300 mg qw — Experimental\nKey dates\n"
    )["arms"]
    assert dashed["label"].to_list() == ["Placebo qw", "Dupilumab 300 mg qw"]


@pytest.mark.parametrize(
    "summary",
    [
        "Lymphodepleting chemotherapy (FC) will be given before CAR-T infusion.",
        "Lymphodepletion with FC, then a single infusion of CD19 CAR-T cells.",
        "Fludarabine (Flu) 25 mg/m2/day and cyclophosphamide (Cy) 250 mg/m2/day for three days "
        "precede the infusion of CD19 CAR-T cells.",
    ],
)
def test_lymphodepletion_named_by_its_pair_or_short_names(summary: str) -> None:
    trial = page_trial(f"CD19 CAR-T in Myasthenia Gravis\nNCT07800011\nBrief Summary:\n{summary}\n")
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # a numbered measure hard-wrapped before its frame
        (
            "NCT07100001\nPrimary Outcome Measures:\n1. Proportion of participants achieving "
            "Definition of Remission in SLE (DORIS)\n   remission without glucocorticoids "
            "[Time Frame: Month 24]\n2. Incidence of adverse events [Time Frame: Up to 2 years]\n",
            [("PRIMARY", 720), ("PRIMARY", 730)],
        ),
        # bare "Key secondary:" and "Exploratory:" labels type the bullets under them
        (
            "NCT07100005\nEndpoints\nPrimary:\n- Incidence of adverse events (Day 28)\n"
            "Key secondary:\n- SRI-4 response (Week 24)\nExploratory:\n"
            "- B-cell reconstitution (Month 24)\n",
            [("PRIMARY", 28), ("SECONDARY", 168), ("OTHER", 720)],
        ),
        # a tertiary/exploratory sub-heading over a table's rows
        (
            "NCT07100012\nOutcome Measures\nPrimary Outcome Measures\n"
            "Incidence of adverse events | Number of participants with AEs | Up to 2 years\n"
            "Tertiary/Exploratory Outcome Measures\nCytokine profile | IL-6, IFN-gamma | Day 14\n",
            [("PRIMARY", 730), ("OTHER", 14)],
        ),
        # ChiCTR's "Main outcome" and a frame in months written "12m"
        (
            "NCT07100014\nOutcomes\nOutcome\tType\tMeasure time point of outcome\tMeasure method\n"
            "Incidence of adverse events\tMain outcome\t12m\tCTCAE 5.0\n"
            "SLEDAI-2K\tSecondary outcome\tMonth 6\tClinical scoring\n",
            [("PRIMARY", 360), ("SECONDARY", 180)],
        ),
    ],
)
def test_outcome_types_and_frames_in_other_spellings(page: str, expected: list) -> None:
    endpoints = page_marts(page)["endpoints"]
    assert list(zip(endpoints["endpoint_type"], endpoints["time_frame_days"], strict=True)) == (
        expected
    )
