"""Where the rules for mirrors and scraped pages stop (``test_mirror_shapes``): pages whose
words almost fit a rule, read as before it."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.values.doses import find_doses
from transforms.values.thresholds import find_thresholds


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


def test_one_cell_rows_of_measures_stay_measures() -> None:
    endpoints = page_marts(
        "# CAR-T in myasthenia gravis\n## Primary outcome\n| Outcome |\n|---|\n"
        "| Change in MG-ADL |\n| Adverse events |\n## Secondary outcome\n| Outcome |\n|---|\n"
        "| Change in MGC |\n| Serious infections |\n"
    )["endpoints"]
    assert endpoints["endpoint_type"].to_list() == ["PRIMARY"] * 2 + ["SECONDARY"] * 2


def test_a_one_column_box_of_criteria_keeps_every_row() -> None:
    criteria = page_marts(
        "CAR-T in SSc\nInclusion Criteria:\n┌────────────────────────┐\n│ Age 18-70 years │\n"
        "├────────────────────────┤\n│ mRSS ≥ 15 │\n├────────────────────────┤\n"
        "│ Positive anti-Scl-70 antibodies │\n└────────────────────────┘\n"
    )["criteria"]
    assert criteria["text"].to_list() == [
        "Age 18-70 years",
        "mRSS ≥ 15",
        "Positive anti-Scl-70 antibodies",
    ]


def test_arms_named_after_their_interventions_are_each_an_arm() -> None:
    arms = page_marts(
        "CAR-T in lupus\nArms and Interventions\nKYV-101\n"
        "Participants receive a single infusion of KYV-101 after lymphodepletion.\nPlacebo\n"
        "Participants receive a single infusion of placebo after lymphodepletion.\n"
        "Interventions\nKYV-101\nPlacebo\n"
    )["arms"]
    assert arms["label"].to_list() == ["KYV-101", "Placebo"]


def test_a_labelled_summary_inside_an_arm_describes_it() -> None:
    marts = page_marts(
        "CAR-T in lupus\nTreatments\nArm A: CD19 CAR-T\n"
        "Summary: Single infusion of 1 x 10^6 CAR-T cells/kg after conditioning.\n"
        "Arm B: Standard of care\nSummary: Mycophenolate mofetil per local practice.\n"
    )
    assert marts["arms"].height == 2
    assert marts["doses"]["arm_label"].to_list() == ["Arm A"]


def test_a_guardians_age_is_no_cohorts() -> None:
    trial = page_trial(
        "CAR-T in juvenile lupus\nInclusion Criteria:\n- Aged 6 to 17 years at screening\n"
        "- Parent or legal guardian aged 18 years or older who can provide consent\n"
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (6.0, 17.0)


def test_short_lines_defining_a_measure_are_its_description() -> None:
    endpoints = page_marts(
        "CAR-T in lupus nephritis\nPrimary endpoint\nComplete renal response\n"
        "Proteinuria below half a gram per gram\nStable or improved kidney function\n"
        "No rescue medication\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == ["Complete renal response"]


@pytest.mark.parametrize(
    ("page", "countries"),
    [
        (
            "# CAR-T in lupus\n### Study sites\n### Universitätsklinikum Erlangen\n"
            "Erlangen 91054\nGermany\n### Karolinska University Hospital\nStockholm\nSweden\n",
            ["Germany", "Sweden"],
        ),
        (
            "CAR-T in lupus\nLocations\nGeorgia Sites\n"
            "Emory University Hospital, Atlanta, Georgia, United States\n",
            ["United States"],
        ),
    ],
)
def test_site_headings_among_locations(page: str, countries: list[str]) -> None:
    assert page_trial(page)["countries"] == countries


def test_a_contact_persons_heading_leaves_the_title_alone() -> None:
    trial = page_trial(
        "# Phase 1 Study of Anti-CD19 CAR-T in Lupus Nephritis\n## Contacts\n"
        "## Dr. Maria Rossi\nTitle: Professor of Rheumatology\n"
    )
    assert trial["title"] == "Phase 1 Study of Anti-CD19 CAR-T in Lupus Nephritis"


def test_procedure_steps_under_an_arm_are_no_arms() -> None:
    arms = page_marts(
        "CAR-T in lupus\nArms\nCD19 CAR-T\nParticipants receive one infusion of CAR-T cells.\n"
        "Step 1\nLeukapheresis\nStep 2\nLymphodepletion\nStep 3\nCAR-T infusion\n"
    )["arms"]
    assert arms["label"].to_list()[0] == "CD19 CAR-T"
    assert "Step 2" not in arms["label"].to_list()


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("UNKNOWNCAUSE Fever in Lupus\n", "UNKNOWNCAUSE Fever in Lupus"),
        ("Trial ID: CAR-SLE-COMPLETED2024\nA CAR-T trial in lupus\n", None),
    ],
)
def test_status_words_inside_codes_are_not_cut_out(page: str, title: str | None) -> None:
    trial = page_trial(page)
    assert trial["overall_status"] is None
    assert trial["start_date"] is None
    if title:
        assert trial["title"] == title


def test_a_comparator_arm_named_like_its_intervention_is_an_arm() -> None:
    arms = page_marts(
        "CAR-T in lupus\nArms\nCAR-T group\nParticipants receive one infusion of CAR-T cells.\n"
        "Standard of care\nParticipants continue their standard therapy.\n"
        "Interventions\nAnti-CD19 CAR T cells\nStandard of care\n"
    )["arms"]
    assert arms["label"].to_list() == ["CAR-T group", "Standard of care"]


def test_a_summarys_cohort_count_adds_no_arm_to_the_arms_read() -> None:
    arms = page_marts(
        "CAR-T in lupus\nBrief Summary\nApproximately 18 participants will be enrolled in "
        "3 cohorts of escalating dose.\nArms and Interventions\n"
        "Experimental: BCT-19 dose escalation\nBiological: BCT-19\n"
    )["arms"]
    assert arms["label"].to_list() == ["BCT-19 dose escalation"]


def test_namesake_cohorts_of_two_parts_are_two_arms() -> None:
    arms = page_marts(
        "NCT06600412\nArms\nPart A - Dose Escalation\nCohort 1\n"
        "Participants with SLE receive NIT-201 1 × 10^6 cells/kg.\nCohort 2\n"
        "Participants with SLE receive NIT-201 3 × 10^6 cells/kg.\nPart B - Dose Expansion\n"
        "Cohort 1\nParticipants with SLE receive NIT-201 at the recommended phase 2 dose.\n"
        "Cohort 2\nParticipants with systemic sclerosis receive NIT-201 at that dose.\n"
    )["arms"]
    assert arms.height == 4


def test_badges_in_brackets_are_badges() -> None:
    trial = page_trial("CAR-T in lupus\n[Recruiting] [Phase 1/2] [Interventional]\n")
    assert trial["phases"] == ["PHASE1", "PHASE2"]


@pytest.mark.parametrize(
    "line",
    ["Enrollment 12 months after site activation", "Enrollment      18 months", "Enrollment 2025"],
)
def test_a_spaced_enrollment_label_over_no_count(line: str) -> None:
    assert page_trial(f"CAR-T in lupus\nNCT07200003\n{line}\n")["enrollment"] is None


def test_doses_written_as_a_bare_power_of_ten_in_a_table() -> None:
    doses = page_marts(
        "NCT07300003\nDose levels\n| Cohort | Dose |\n|---|---|\n| Low | 10^6 CAR-T cells/kg |\n"
        "| High | 10^7 CAR-T cells/kg |\n"
    )["doses"]
    assert doses["dose_value"].to_list() == [1e6, 1e7]


def test_a_scaled_header_of_a_blood_count_is_no_dose() -> None:
    doses = page_marts(
        "NCT07300002\nCellular kinetics\n"
        "| Patient | Peak CAR-T expansion (×10^3 cells/µL) | Day of peak |\n|---|---|---|\n"
        "| P01 | 45.2 | 10 |\n| P02 | 12.8 | 7 |\n"
    )["doses"]
    assert doses.height == 0


@pytest.mark.parametrize(
    "outcomes",
    [
        "1. Incidence of treatment-emergent adverse events\n"
        "Adverse events will be graded using the following scales:\n"
        "2. Incidence of dose-limiting toxicities\n3. Maximum tolerated dose\n",
        "Safety will be assessed through the following endpoints:\n- Incidence of DLT\n"
        "- Incidence of CRS\n- Incidence of ICANS\n",
    ],
)
def test_measures_after_a_lead_in_stay_measures(outcomes: str) -> None:
    measures = page_marts(f"NCT07000011\nPrimary Outcome Measures\n{outcomes}")["endpoints"]
    assert measures["measure"].to_list()[-2:] == [
        line.lstrip("-0123456789. ") for line in outcomes.splitlines()[-2:]
    ]


@pytest.mark.parametrize(
    "outcomes",
    [
        "- Incidence of dose-limiting toxicities\n"
        "  A DLT is defined as any of the following events:\n"
        "  - Grade 4 cytokine release syndrome\n"
        "- Incidence of treatment-emergent adverse events\n- Maximum tolerated dose\n",
        "- Change from baseline in MG-ADL score\n"
        "  MG-ADL total score ranges from 0 to 24. Scored as follows:\n"
        "- Change from baseline in QMG score\n- Proportion with minimal symptom expression\n",
    ],
)
def test_a_measures_own_bullets_beside_a_lead_in_stay_measures(outcomes: str) -> None:
    measures = page_marts(f"NCT07000011\n### Primary outcomes\n{outcomes}")["endpoints"]["measure"]
    assert measures.to_list()[-2:] == [line.lstrip("- ") for line in outcomes.splitlines()[-2:]]


def test_aligned_rows_of_a_criteria_table_stay_criteria() -> None:
    marts = page_marts(
        "NCT07000011\nInclusion Criteria:\nAge            18 to 70 years\n"
        "Diagnosis      SLE per 2019 EULAR/ACR criteria\nHemoglobin     ≥ 8 g/dL\n"
    )
    assert marts["criteria"].height == 3
    assert "age" in marts["criteria_thresholds"]["concept"].to_list()


def test_a_cohort_count_pads_no_arms() -> None:
    arms = page_marts(
        "NCT07300002\nCohorts: 3\n\nStudy arms\nExperimental: CD19 CAR-T dose escalation\n"
        "Single infusion of 0.5, 1 or 2 x 10^6 CAR-T cells/kg, one dose level per cohort.\n"
    )["arms"]
    assert arms.height == 1


def test_an_aligned_title_row_under_the_arms_is_no_trial_title() -> None:
    trial = page_trial(
        "Anti-CD19 CAR-T Cells for Refractory Lupus Nephritis\nNCT07700002\n"
        "Arms and Interventions\nExperimental: CD19 CAR-T\nTitle      CD19 CAR-T infusion\n"
    )
    assert trial["title"] == "Anti-CD19 CAR-T Cells for Refractory Lupus Nephritis"


def test_a_sheets_longer_inclusion_column_runs_on_alone() -> None:
    criteria = page_marts(
        "NCT07000011\nInclusion criteria\tExclusion criteria\nAge 18 to 65 years\tPregnancy\n"
        "SLEDAI-2K >= 8 points\tActive infection\neGFR >= 30 mL/min/1.73m2\t\n"
    )["criteria"]
    assert criteria["criterion_type"].to_list() == ["INCLUSION"] * 3 + ["EXCLUSION"] * 2


@pytest.mark.parametrize(
    "criterion",
    [
        "Age 18-70 years; disease duration: 1-10 years",
        "Age 18-65 years, disease duration: 1 to 10 years",
        "Age ≥18 years; Years since diagnosis: 1-5 years",
    ],
)
def test_a_labelled_duration_after_the_age_range_is_no_cohorts_age(criterion: str) -> None:
    trial = page_trial(f"CAR-T in lupus\nInclusion Criteria:\n* {criterion}\n")
    assert trial["min_age_years"] == 18.0


@pytest.mark.parametrize(
    "first_lines",
    [
        "CAR-T Finder\nHelping patients find cell therapy trials\n",
        "Patient Information Portal for Autoimmune Research\n",
        "Now enrolling adult patients\n",
    ],
)
def test_a_reader_services_title_stays_over_a_sites_tagline(first_lines: str) -> None:
    trial = page_trial(
        "Title: A Study of KYV-101 in Myasthenia Gravis\n\n"
        "URL Source: https://www.trials.example/t/NCT06500009\n\nMarkdown Content:\n"
        f"{first_lines}\n**Status:** Recruiting\n"
    )
    assert trial["title"] == "A Study of KYV-101 in Myasthenia Gravis"


@pytest.mark.parametrize(
    "box",
    [
        "Prior therapies (any of)\nCyclophosphamide\nMycophenolate mofetil\n",
        "Keywords\nLupus\nCyclophosphamide\n",
    ],
)
def test_a_drugs_name_outside_the_arms_is_no_lymphodepletion(box: str) -> None:
    trial = page_trial(
        "CD19 CAR-T Cells in Lupus Nephritis (NCT06200003)\nBrief Summary\n"
        f"Participants receive one infusion of CD19 CAR-T cells after conditioning.\n{box}"
    )
    assert trial["lymphodepletion_agents"] is None


@pytest.mark.parametrize(
    ("page", "labels"),
    [
        # an arm's name over what it gets: one arm, not a list of two
        (
            "CD19 CAR-T in Lupus\nNCT ID: NCT06500901\nArms\nKYV-101\nAnti-CD19 CAR T cells\n",
            ["KYV-101"],
        ),
        # names told twice, then described: each arm once
        (
            "Study record\nTitle: CAR-T in SLE\nNCT ID: NCT06500910\nStudy arms\nCAR-T\n"
            "Standard therapy\nArm descriptions\nCAR-T\nSingle infusion of CD19 CAR-T cells.\n"
            "Standard therapy\nMycophenolate plus steroids.\n",
            ["CAR-T", "Standard therapy"],
        ),
        # an inline intervention field over the arms: the lines under it are still arms
        (
            "CD19 CAR-T in autoimmune disease\nNCT ID: NCT06500904\nStudy arms\n"
            "Intervention: Biological: CD19 CAR-T cells\nCAR-T in SLE\n"
            "Patients with SLE receive one infusion.\nCAR-T in systemic sclerosis\n"
            "Patients with SSc receive one infusion.\n",
            ["CAR-T in SLE", "CAR-T in systemic sclerosis"],
        ),
        # "Experimental group" with no arm above it names one
        (
            "Exercise in lupus\nNCT ID: NCT06500905\nArms\nExperimental group\n"
            "Patients receive supervised exercise.\nControl group\nPatients receive usual care.\n",
            ["Experimental group", "Control group"],
        ),
        # "Other: X" and a sentence about it after an arm whose name X begins: another arm
        (
            "Exercise study\nNCT ID: NCT06500903\nArms\nExperimental: Exercise\n"
            "Participants exercise.\nOther: Exercise and diet counselling\n"
            "Participants exercise and get diet advice.\n",
            ["Exercise", "Exercise and diet counselling"],
        ),
        # "Intervention" over a typed intervention is the label of that intervention
        (
            "CD19 CAR-T in SLE\nNCT ID: NCT06500107\nArms and interventions:\nIntervention\n"
            "Biological: CD19 CAR-T cells\nEligibility\n",
            [],
        ),
    ],
)
def test_lists_of_arm_names_stop_where_their_words_mean_else(page: str, labels: list[str]) -> None:
    assert page_marts(page)["arms"]["label"].to_list() == labels


def test_types_before_their_names_and_labelled_type_fields_stay_read() -> None:
    before = page_marts(
        "Study of CAR-T\nNCT ID: NCT06500201\nStudy Groups\nEXPERIMENTAL\nCAR-T\n"
        "CD19 CAR-T cells\nACTIVE_COMPARATOR\nStandard therapy\nMycophenolate mofetil\n"
        "Interventions\nCD19 CAR-T cells\nMycophenolate mofetil\n"
    )["arms"]
    assert before["label"].to_list()[0] == "CAR-T"
    assert "CD19 CAR-T cells" not in before["label"].to_list()
    labelled = page_marts(
        "CD19 CAR-T in SLE\nNCT ID: NCT06500306\nArms\nArm title: CAR-T cohort\nArm type:\n"
        "Experimental\nArm title: Standard therapy\nArm type:\nActive Comparator\nEligibility\n"
    )["arms"]
    assert labelled["arm_type"].to_list() == ["EXPERIMENTAL", "ACTIVE_COMPARATOR"]


def test_a_group_count_in_a_participant_flow_opens_no_arms() -> None:
    marts = page_marts(
        "Study of X\nNCT ID: NCT06500701\nArms and Interventions\nExperimental: Drug X\n"
        "Drug X 10 mg daily.\nPlacebo Comparator: Placebo\nMatching placebo.\nParticipant Flow\n"
        "40 participants in 2 patient groups\nCompleted\nDrug X: 18\nPlacebo: 19\n"
        "Outcome Measures\n"
    )
    assert marts["trials"]["overall_status"].to_list() == [None]
    assert marts["arms"]["description"].to_list()[1] == "Matching placebo."


def test_measures_opening_with_a_frames_first_word_or_unframed_stay_measures() -> None:
    alternating = page_marts(
        "Clinical trial\n\nInsulin pump study\n\nSecondary endpoints\nHbA1c\nWeek 26\n"
        "Insulin requirement\nDaily insulin dose in units/kg\nWeek 26\nQTc prolongation\n"
        "Baseline-corrected QTcF interval\nDay 1\nEligibility criteria\n"
    )["endpoints"]
    assert alternating["time_frame_days"].to_list() == [182, 182, 1]
    for unframed in ("Smoking cessation rate", "eGFR slope"):
        bracketed = page_marts(
            "Study\nClinicalTrials.gov Identifier: NCT06500911\n\nSecondary Outcome Measures:\n"
            f"Overall survival [ Time Frame: 5 years ]\n{unframed}\n"
            "Quality of life [ Time Frame: 1 year ]\n"
        )["endpoints"]
        assert bracketed["measure"].to_list() == ["Overall survival", unframed, "Quality of life"]


def test_a_criterion_opening_with_part_and_a_parts_letter_on_its_own() -> None:
    exclusion = page_marts(
        "Study of X\nNCT ID: NCT06500908\nExclusion Criteria:\n"
        "Part of the study team or their family\nPregnancy\n"
    )["criteria"]
    assert exclusion["text"].to_list() == ["Part of the study team or their family", "Pregnancy"]
    marts = page_marts(
        "Study of X\nNCT ID: NCT06500909\nInclusion Criteria:\nPart A\nAge 18-65 years\n"
        "ANC >= 1000/uL\nPart B\nAge 12-17 years\n"
    )
    assert marts["criteria"]["text"].to_list() == [
        "Age 18-65 years",
        "ANC >= 1000/uL",
        "Age 12-17 years",
    ]
    assert marts["trials"]["max_age_years"].to_list() == [65.0]


def test_a_criterion_opening_with_its_limit_and_a_names_limit_on_the_next_line() -> None:
    criteria = page_marts(
        "Status and phase\nRecruiting\nInclusion criteria\nBiopsy-proven class III or IV lupus "
        "nephritis\n≥18 years of age at screening\n>1 g/day proteinuria despite induction\n"
        "Estimated GFR\n≥ 30 mL/min/1.73 m² at screening\nHemoglobin\n≥ 9 g/dL without "
        "transfusion\nExclusion criteria\nPrior CAR-T therapy\n<50% LVEF\n"
    )["criteria"]
    assert criteria["text"].to_list() == [
        "Biopsy-proven class III or IV lupus nephritis",
        "≥18 years of age at screening",
        ">1 g/day proteinuria despite induction",
        "Estimated GFR ≥ 30 mL/min/1.73 m² at screening",
        "Hemoglobin ≥ 9 g/dL without transfusion",
        "Prior CAR-T therapy",
        "<50% LVEF",
    ]


def test_a_sections_first_measure_over_a_frame_in_words() -> None:
    endpoints = page_marts(
        "Clinical trial\n\nCaries study\n\nPrimary endpoint\n"
        "The success of the alternative treatment of the deep carious lesion.\n"
        "Half annually for three years\nEligibility criteria\n"
    )["endpoints"]
    assert endpoints["time_frame_days"].to_list() == [1095]


@pytest.mark.parametrize(
    "criterion",
    [
        "Disease duration ≥ 2 years at screening",
        "Living with SLE for at least 5 years at the time of consent",
        "Patients 16 to 40 years at disease onset",
        "Patients 3-12 years of continuous hydroxychloroquine use",
        "Patients between 2 and 5 years of treatment with belimumab",
    ],
)
def test_times_counted_in_years_after_people_are_no_ages(criterion: str) -> None:
    assert [t.concept for t in find_thresholds(criterion)] == []


@pytest.mark.parametrize(
    ("lines", "concept"),
    [
        (
            (
                "Serum creatinine ≤ 1.5 mg/dL or creatinine clearance",
                "≥ 60 mL/min using Cockcroft-Gault",
            ),
            "creatinine_clearance",
        ),
        (("Hemoglobin ≥ 9 g/dL and platelet count", "≥ 100 × 10^9/L at screening"), "platelets"),
        (
            (
                "SLEDAI-2K ≥ 6 at screening and anti-dsDNA antibodies",
                "≥ 30 IU/mL by central laboratory",
            ),
            "anti_dsdna",
        ),
    ],
)
def test_a_wrapped_line_opening_with_the_limit_of_the_line_above(lines, concept: str) -> None:
    marts = page_marts("Study of X\nNCT ID: NCT06500407\nInclusion Criteria:\n" + "\n".join(lines))
    assert marts["criteria"]["text"].to_list() == [" ".join(lines)]
    assert concept in marts["criteria_thresholds"]["concept"].to_list()


@pytest.mark.parametrize(
    "summary",
    [
        "Depth of lymphodepletion (FC) assessed on day 0 after bendamustine.",
        "CAR-T cells are given without lymphodepletion. Conditioning: FC is not used.",
        "Lymphodepletion with FC monitoring of B-cell depletion after bendamustine.",
    ],
)
def test_fc_that_is_no_fludarabine_and_cyclophosphamide(summary: str) -> None:
    agents = page_trial(f"CD19 CAR-T\nNCT07800411\nBrief Summary:\n{summary}\n")[
        "lymphodepletion_agents"
    ]
    assert "fludarabine" not in (agents or [])


def test_a_flattened_power_before_other_cells_is_no_dose() -> None:
    assert find_doses("Patients with prior HSCT of 2 × 106 CD34 cells/kg are excluded") == []


def test_a_results_block_over_nothing_leaves_the_outcome_list_below_it() -> None:
    page = (
        "CD19 CAR-T in lupus nephritis\nNCT07800501\nTrial results\n"
        "No results have been posted for this trial yet.\nOutcome measures\n"
        "Primary: Complete renal response at Week 52\n"
        "Secondary: Time to first flare, up to 104 weeks\n"
    )
    rows = page_marts(page)["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert rows == [("PRIMARY", 364), ("SECONDARY", 728)]


def test_a_posted_results_measures_repeating_the_protocols_add_none() -> None:
    page = (
        "NCT00763412\nPrimary Outcome Measures\nOutcome Measure\tMeasure Description\tTime Frame\n"
        "BMI\t\t2 year/end of study\nCRP\t\t2 year/end of study\nStudy Results\n"
        "Outcome Measures\n1. Primary Outcome\nTitle\tBMI\nDescription\t\n"
        "Time Frame\t2 year/end of study\n2. Primary Outcome\nTitle\tCRP\nDescription\t\n"
        "Time Frame\t2 year/end of study\n"
    )
    assert page_marts(page)["endpoints"]["measure"].to_list() == ["BMI", "CRP"]


def test_a_title_after_an_outcome_list_is_the_trials() -> None:
    page = (
        "NCT07800502\nSecondary outcome measures\nComplete renal response at week 52\n"
        "Title: A phase 1 study of anti-CD19 CAR-T in lupus nephritis\n"
    )
    trial = page_trial(page)
    assert trial["title"] == "A phase 1 study of anti-CD19 CAR-T in lupus nephritis"


@pytest.mark.parametrize(
    ("answer", "sponsor"),
    [
        ("It is run by Kyverna Therapeutics.", "Kyverna Therapeutics"),
        (
            "University College London is running this trial. It is funded by the MS Society.",
            "University College London",
        ),
        ("Kyverna Therapeutics", "Kyverna Therapeutics"),
    ],
)
def test_who_runs_it_answered_in_a_sentence(answer: str, sponsor: str) -> None:
    assert (
        page_trial(f"CD19 CAR-T\nNCT07800503\nWho runs it?\n{answer}\n")["lead_sponsor"] == sponsor
    )


@pytest.mark.parametrize(
    ("summary", "agents"),
    [
        (
            "No lymphodepleting chemotherapy will be given (no fludarabine or cyclophosphamide).",
            None,
        ),
        (
            "Lymphodepletion with cyclophosphamide with or without fludarabine, then CAR-T cells.",
            ["cyclophosphamide", "fludarabine"],
        ),
    ],
)
def test_drugs_named_as_not_given(summary: str, agents: list[str] | None) -> None:
    trial = page_trial(f"CD19 CAR-T\nNCT07800504\nBrief Summary\n{summary}\n")
    assert trial["lymphodepletion_agents"] == agents


def test_a_one_word_trial_name_is_the_acronym() -> None:
    trial = page_trial(
        "Trial name: RESET-SLE\nOfficial title: A Phase 1/2 Study of CABA-201 in SLE\nNCT06121297\n"
    )
    assert (trial["acronym"], trial["title"]) == (
        "RESET-SLE",
        "A Phase 1/2 Study of CABA-201 in SLE",
    )
    assert trial["phases"] == ["PHASE1", "PHASE2"]


def test_a_badge_row_opening_with_its_count_keeps_every_badge() -> None:
    trial = page_trial(
        "CD19 CAR-T\nNCT07800505\nEstimated 30 participants · Recruiting · Phase 1\n"
    )
    assert (trial["enrollment"], trial["overall_status"], trial["phases"]) == (
        30,
        "RECRUITING",
        ["PHASE1"],
    )


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("eGFR (2021 CKD-EPI) ≥ 30 mL/min/1.73m2", "egfr"),
        ("Platelet count (7 days after last transfusion) ≥ 50 × 10^9/L", "platelets"),
        ("ANC (2 measurements at least 7 days apart) ≥ 1.0 × 10^9/L", "anc"),
    ],
)
def test_a_remark_in_brackets_that_starts_with_a_number_is_skipped(text: str, concept: str) -> None:
    assert [t.concept for t in find_thresholds(text)] == [concept]


def test_people_taking_part_over_prose_is_no_enrollment() -> None:
    trial = page_trial(
        "CD19 CAR-T\nNCT07800506\nPeople taking part\n"
        "Adults aged 18 to 65 with lupus that has not responded to at least 2 treatments.\n"
    )
    assert trial["enrollment"] is None


def test_a_results_list_under_an_unknown_heading_adds_no_endpoints() -> None:
    page = (
        "Anti-CD19 CAR-T in Sjogren Disease\nNCT ID: NCT06000002\nPrimary Outcome Measures\n"
        "Incidence of adverse events [ Time Frame: 90 days ]\nSecondary Outcome Measures\n"
        "ESSDAI change [ Time Frame: Month 6 ]\nResults Summary\nOutcome Measures\n"
        "Primary Outcome\nTitle: Number of Participants With Adverse Events\nTime Frame: 90 days\n"
        "Overall Number of Participants Analyzed: 9\nMeasure Type: Count of Participants\n"
        "Secondary Outcome\nTitle: Change From Baseline in ESSDAI\nTime Frame: Month 6\n"
        "Overall Number of Participants Analyzed: 9\nMean (SD): -8.1 (3.2)\n"
    )
    marts = page_marts(page)
    assert marts["endpoints"]["measure"].to_list() == [
        "Incidence of adverse events",
        "ESSDAI change",
    ]
    assert marts["trials"]["title"].to_list() == ["Anti-CD19 CAR-T in Sjogren Disease"]


def test_no_lymphodepletion_then_a_drug_is_that_drug() -> None:
    trial = page_trial(
        "CD19 CAR-T\nNCT07800507\nDesign: 3+3 dose escalation without lymphodepletion, then "
        "with reduced-intensity cyclophosphamide (300 mg/m2 × 3 days) before CAR-T infusion.\n"
    )
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide"]


def test_a_posted_results_population_and_numbers_are_no_measures() -> None:
    page = (
        "Anti-CD19 CAR-T in SLE\nClinicalTrials.gov Identifier: NCT05441203\nOutcome Measures\n"
        "1. Primary Outcome\nTitle:\tNumber of Participants With Dose-limiting Toxicities\n"
        "Time Frame:\t28 days after infusion\nAnalysis Population Description\n"
        "All infused participants\nArm/Group Title\tCAR-T\n"
        "Overall Number of Participants Analyzed\t12\n \t0   0.0%\n2. Secondary Outcome\n"
        "Title:\tChange From Baseline in SLEDAI-2K\nTime Frame:\tMonth 6\n"
    )
    rows = page_marts(page)["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert rows == [("PRIMARY", 28), ("SECONDARY", 180)]


def test_a_maximum_age_below_the_minimum_is_no_maximum() -> None:
    trial = page_trial(
        "Trial finder\nTitle: Anti-CD19 CAR T Cells in Lupus Nephritis\n"
        "Ages Eligible for Study: 18 Years to 6"
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, None)


def test_an_end_date_before_the_start_is_no_end_date() -> None:
    trial = page_trial(
        "Trial finder\nTitle: Anti-CD19 CAR T Cells in Lupus Nephritis\n"
        "Study Start: 2024-11-05\nCompletion: 2026-12-30\nPrimary Completion: 2024-1"
    )
    assert trial["start_date"].isoformat() == "2024-11-05"  # type: ignore[union-attr]
    assert trial["completion_date"].isoformat() == "2026-12-30"  # type: ignore[union-attr]
    assert trial["primary_completion_date"] is None
