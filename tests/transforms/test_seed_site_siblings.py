"""Other trials in the layouts of the embedded seeds' sites: what each must give.

The seeds show one trial per site; the same sites list trials with more arms, other
statuses and sections the seed left empty. Each case is cut down from such a page.
"""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial


def test_a_study_group_with_several_interventions_is_one_arm() -> None:
    arms = page_marts(
        "CD19 CAR-T in lupus nephritis\nNCT ID: NCT06977441\nStudy Groups\n"
        "Review each arm or cohort in the study, along with the interventions and objectives "
        "associated with them.\nDose escalation\nFludarabine\nDosage:25 mg/m2\n"
        "frequency:daily for 3 days\nCD19 CAR-T cells\nDosage:0.5-1.0×10\\^6/kg\n"
        "frequency:single infusion\nDose expansion\nCD19 CAR-T cells\nDosage:1.0×10\\^6/kg\n"
        "frequency:single infusion\nInterventions\nLearn about the drugs, procedures, or "
        "behavioral strategies being tested and how they are applied within this trial.\n"
        "Fludarabine\nDosage:25 mg/m2\nCD19 CAR-T cells\nDosage:0.5-1.0×10\\^6/kg\n"
    )["arms"]
    assert arms["label"].to_list() == ["Dose escalation", "Dose expansion"]
    assert arms["intervention_names"].to_list()[0] == ["Fludarabine", "CD19 CAR-T cells"]


def test_about_after_the_treatments_heading_is_the_summary_not_an_arm() -> None:
    arms = page_marts(
        "Status and phase\nConditions\nTreatments\nAbout\n"
        "This open-label study evaluated two dose levels of CD19 CAR-T cells.\nEnrollment\n"
        "Inclusion criteria\nAge 18 to 55 years;\nMasking\n"
        "14 participants in 2 patient groups\nLoading...\n"
    )["arms"]
    assert arms.height == 2
    assert "About" not in arms["label"].to_list()


def test_arms_listed_a_line_each_numbered_alike_are_each_an_arm() -> None:
    arms = page_marts(
        "Clinical trial\n\nCD19 CAR-T in Systemic Sclerosis\n\nStatus\nRecruiting\n"
        "Treatment\nKYV-101\nSingle infusion after conditioning.\n"
        "Arms:\nDose level 1\nDose level 2\nDose level 3\nSize\n9\n"
    )["arms"]
    assert arms["label"].to_list() == ["Dose level 1", "Dose level 2", "Dose level 3"]


def test_a_status_glued_to_a_measure_that_starts_with_an_acronym() -> None:
    marts = page_marts(
        "The goal of this study is to evaluate CD19 CAR T cells in vasculitis.\nStudy Type\n"
        "INTERVENTIONAL\nEnrollment\n6\nHannover Medical School\n"
        "Hannover, Lower Saxony, Germany\nUNKNOWNCRS incidence\n"
        "The incidence and grade of cytokine release syndrome.\n"
        "Time frame: 28 days post infusion\n"
    )
    assert marts["trials"]["overall_status"].to_list() == ["UNKNOWN"]
    assert marts["endpoints"]["measure"].to_list() == ["CRS incidence"]


def test_a_countrys_locations_heading_names_its_sites_country() -> None:
    trial = page_trial(
        "CD19 CAR-T Cells in Refractory Myasthenia Gravis\n\nStatus: Recruiting\nLocations\n"
        "United States Locations\nStanford University\nRECRUITING\nPalo Alto\n"
        "Other Locations\nCanada\nToronto General Hospital\nRECRUITING\nToronto\n"
    )
    assert trial["countries"] == ["Canada", "United States"]


def test_arms_named_under_each_intervention_are_one_arm() -> None:
    arms = page_marts(
        "Clinical trial\n\nCD19 CAR-T in lupus\n\nTreatment\nCD19 CAR-T cells\n"
        "A single infusion.\nArms:\nCAR-T treatment group\nFludarabine\n30 mg/m2/day.\n"
        "Arms:\nCAR-T treatment group\nCyclophosphamide\n300 mg/m2/day.\nArms:\n"
        "CAR-T treatment group\nSize\n12\n"
    )["arms"]
    assert arms["label"].to_list() == ["CAR-T treatment group"]


def test_dose_levels_listed_in_a_groups_description_are_no_arms() -> None:
    arms = page_marts(
        "CD19 CAR-T in SLE\nNCT ID: NCT06500005\nStudy Groups\nDose escalation\nEXPERIMENTAL\n"
        "CD19 CAR-T\nDose level 1: 1×10\\^6 cells/kg; dose level 2: 2×10\\^6 cells/kg.\n"
        "Dose expansion\nEXPERIMENTAL\nCD19 CAR-T\nParticipants receive the phase 2 dose.\n"
    )["arms"]
    assert arms["label"].to_list() == ["Dose escalation", "Dose expansion"]


def test_a_list_in_an_outcomes_description_is_the_descriptions() -> None:
    endpoints = page_marts(
        "The goal of this study is to evaluate CD19 CAR T cells in myasthenia gravis.\n"
        "RECRUITINGIncidence of serious adverse events (SAEs)\n"
        "A serious adverse event is any untoward medical occurrence that:\n- Results in death\n"
        "- Is life-threatening\nTime frame: Up to 2 years post infusion\n"
        "Change in MG-ADL score\nChange from baseline in MG-ADL total score.\n"
        "Time frame: Week 24\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Incidence of serious adverse events (SAEs)",
        "Change in MG-ADL score",
    ]
    assert endpoints["time_frame_days"].to_list() == [730, 168]


def test_a_stated_group_count_above_the_arms_read_adds_arms() -> None:
    arms = page_marts(
        "Status and phase\nRecruiting\nPhase 2\nTreatments\nBiological: CD19 CAR-T cells\n"
        "Other: Standard of care\nAbout\nRandomized study of CD19 CAR-T versus standard care.\n"
        "40 participants in 2 patient groups\n"
    )["arms"]
    assert arms.height == 2


def test_a_group_label_with_its_product_over_its_type_line_is_the_label() -> None:
    arms = page_marts(
        "CAR-T in lupus\nNCT ID: NCT06977441\nStudy Groups\nArm A: KYV-101\nEXPERIMENTAL\n"
        "KYV-101\nSingle infusion of 1 x 10^8 CAR T cells.\nArm B: Placebo\n"
        "PLACEBO_COMPARATOR\nPlacebo\nMatching placebo infusion.\nObservational control\n"
        "NO_INTERVENTION\nStandard care.\n"
    )["arms"]
    assert arms.select("label", "arm_type").rows() == [
        ("Arm A: KYV-101", "EXPERIMENTAL"),
        ("Arm B: Placebo", "PLACEBO_COMPARATOR"),
        ("Observational control", "NO_INTERVENTION"),
    ]


def test_a_status_glued_to_a_measure_in_lower_case_or_a_lone_acronym() -> None:
    for measure in ("mRSS change from baseline", "DLTs", "MG-ADL score"):
        marts = page_marts(
            "Following lymphodepletion with cyclophosphamide and fludarabine patients will "
            "receive CD19 CAR T cells.\nStanford University\nPalo Alto, California, United States\n"
            f"COMPLETED{measure}\nThe change at week 24.\nTime frame: Week 24\n"
        )
        trial = marts["trials"].row(0, named=True)
        assert (trial["overall_status"], trial["countries"]) == ("COMPLETED", ["United States"])
        assert marts["endpoints"]["measure"].to_list() == [measure]


def test_lymphodepleting_drugs_listed_as_treatments_by_name() -> None:
    trial = page_trial(
        "Clinical trial\n\nBCMA-CD19 Compound CAR-T Cells in Refractory Systemic Sclerosis\n\n"
        "Treatment\nGC012F\nBCMA-CD19 compound CAR-T cells, single infusion.\nArms:\n"
        "GC012F group\nFludarabine\n25 mg/m2/day for 3 days.\nArms:\nGC012F group\n"
        "Cyclophosphamide\n250 mg/m2/day for 3 days.\nArms:\nGC012F group\nSize\n21\n"
    )
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


def test_a_phase_not_applicable_after_the_status_is_the_phase_na() -> None:
    badges = page_trial(
        "Leukapheresis Feasibility for CD19 CAR-T in SLE\nNCT ID: NCT06500010\n"
        "Basic Information\nRECRUITING\nNA\n20 participants\nINTERVENTIONAL\n"
    )
    labelled = page_trial(
        "Status and phase\nRecruiting\nNot Applicable\nConditions\nLupus\nEnrollment\n12 patients\n"
    )
    assert badges["phases"] == ["NA"] and labelled["phases"] == ["NA"]
    assert badges["overall_status"] == "RECRUITING"


def test_a_one_line_group_description_is_no_intervention_and_other_opens_the_next_arm() -> None:
    arms = page_marts(
        "CD19 CAR-T Cells Versus Standard Therapy in Lupus Nephritis\n\nStatus: Recruiting\n"
        "Treatments\nNo Intervention: Standard therapy\nControl group\nOther: CD19 CAR-T\n"
        "Test group\nRelated Therapeutic Areas\n"
    )["arms"]
    assert arms["label"].to_list() == ["Standard therapy", "CD19 CAR-T"]
    assert arms["arm_type"].to_list() == ["NO_INTERVENTION", "OTHER"]
    assert arms["description"].to_list() == ["Control group", "Test group"]


def test_frames_in_words_alternating_with_measures_are_frames() -> None:
    endpoints = page_marts(
        "Clinical trial\n\nCD19 CAR-T Cells for Refractory Lupus\n\nPrimary endpoint\n"
        "Incidence of dose-limiting toxicities\n28 days after infusion\nOverall survival\n"
        "From infusion to death from any cause, assessed up to 5 years after infusion\n"
        "Proportion with DORIS remission\nMonth 6\nQuality of life\n"
        "At screening and end of study\nEligibility criteria\nInclusion Criteria: * Age 18-65\n"
    )["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Incidence of dose-limiting toxicities",
        "Overall survival",
        "Proportion with DORIS remission",
        "Quality of life",
    ]
    assert endpoints["time_frame_days"].to_list()[:3] == [28, 1825, 180]


def test_a_measure_starting_at_least_is_no_frame_between_measures() -> None:
    endpoints = page_marts(
        "Clinical trial\n\nCD19 CAR-T Cells for Lupus Nephritis\n\nPrimary endpoint\n"
        "Incidence of dose-limiting toxicities\n28 days after infusion\nComplete renal response\n"
        "At least 50% reduction in proteinuria\nWeek 24\nEligibility criteria\n"
    )["endpoints"]
    assert endpoints["measure"].to_list()[:2] == [
        "Incidence of dose-limiting toxicities",
        "Complete renal response",
    ]


def test_a_converters_list_separator_does_not_part_unmarked_criteria() -> None:
    criteria = page_marts(
        "CD19 CAR-T in Refractory SLE\nNCT ID: NCT06500006\nEligibility Criteria\n"
        "Inclusion Criteria\nAged 18-65 years\nDiagnosis of SLE per 2019 EULAR/ACR criteria\n"
        "Active disease at screening as defined by\n<!-- -->\nSLEDAI-2K score \\>= 8\n"
        "PGA \\>= 1\nAdequate organ function\nExclusion Criteria\nPrior CAR-T therapy\n"
    )["criteria"]
    inclusion = criteria.filter(criteria["criterion_type"] == "INCLUSION")["text"].to_list()
    assert len(inclusion) >= 4
    assert inclusion[0] == "Aged 18-65 years" and inclusion[-1] == "Adequate organ function"


def test_groups_listed_under_their_count_are_the_arms() -> None:
    arms = page_marts(
        "Status and phase\nCompleted\nPhase 1\nTreatments\nBiological: CD19 CAR-T cells\n"
        "Other: Placebo\nAbout\nA study of two groups.\nTrial design\nMasking\nNone (Open label)\n"
        "14 participants in 2 patient groups\nDose level 1\nExperimental group\nDescription:\n"
        "5 × 10^5 CAR-T cells/kg after lymphodepletion.\nTreatment:\n"
        "Biological: CD19 CAR-T cells\nPlacebo\nPlacebo Comparator group\nDescription:\n"
        "Group B (up to n=5): matching placebo.\nTreatment:\nOther: Placebo\n"
        "Trial contacts and locations\nLoading...\nCentral trial contact\n"
    )["arms"]
    assert arms["label"].to_list() == ["Dose level 1", "Placebo"]
    assert arms["arm_type"].to_list() == ["EXPERIMENTAL", "PLACEBO_COMPARATOR"]
    assert arms["description"].to_list()[1] == "Group B (up to n=5): matching placebo."


def test_an_intervention_typed_other_alone_in_the_treatments_is_no_arm() -> None:
    arms = page_marts(
        "Status and phase\nCompleted\nTreatments\nOther: Incomplete caries removal\nAbout\n"
        "A study.\nMasking\nNone (Open label)\n0 participants in 2 patient groups\n"
        "Complete caries removal\nNo Intervention group\nDescription:\nControl group\n"
        "Incomplete caries removal\nOther group\nDescription:\nTest group\nTreatment:\n"
        "Other: Incomplete caries removal\nTrial contacts and locations\n"
    )["arms"]
    assert arms["label"].to_list() == ["Complete caries removal", "Incomplete caries removal"]
    assert arms["arm_type"].to_list() == ["NO_INTERVENTION", "OTHER"]


def test_a_group_named_as_a_label_word_over_its_type_is_an_arm() -> None:
    arms = page_marts(
        "Status and phase\nRecruiting\nTreatments\nBehavioral: Problem solving\nAbout\nA study.\n"
        "Masking\nNone (Open label)\n250 participants in 2 patient groups\nControl\n"
        "Active Comparator group\nDescription:\nUsual care.\nIntervention\nExperimental group\n"
        "Description:\nProblem solving.\nTrial contacts and locations\n"
    )["arms"]
    assert arms["label"].to_list() == ["Control", "Intervention"]
    assert arms["arm_type"].to_list() == ["ACTIVE_COMPARATOR", "EXPERIMENTAL"]


def test_arms_listed_again_under_each_product_are_each_an_arm_once() -> None:
    arms = page_marts(
        "Clinical trial\n\nChemotherapy With or Without Pembrolizumab\n\nStatus\nRecruiting\n"
        "Treatment\nBiospecimen Collection\nUndergo blood sample collection\nArms:\n"
        "Arm A (platinum doublet, observation)\nArm B (platinum doublet, pembrolizumab)\n"
        "Carboplatin\nGiven IV\nArms:\nArm A (platinum doublet, observation)\n"
        "Arm B (platinum doublet, pembrolizumab)\nPembrolizumab\nGiven IV\nArms:\n"
        "Arm B (platinum doublet, pembrolizumab)\nSize\n1210\n"
    )["arms"]
    assert arms["label"].to_list() == [
        "Arm A (platinum doublet, observation)",
        "Arm B (platinum doublet, pembrolizumab)",
    ]


def test_a_label_word_first_under_arms_is_the_first_arms_name() -> None:
    arms = page_marts(
        "Clinical trial\n\nA school-based problem-solving intervention\n\nStatus\nRecruiting\n"
        "Treatment\nProblem solving\nA brief intervention.\nArms:\nIntervention\n"
        "Enhanced usual care\nBooklets only.\nArms:\nControl\nSize\n250\n"
    )["arms"]
    assert arms["label"].to_list() == ["Intervention", "Control"]


def test_repeated_lists_of_named_cohorts_are_each_cohort_once() -> None:
    arms = page_marts(
        "Clinical trial\n\nBCMA-CD19 CAR-T in Systemic Sclerosis\n\nTrial arms\nStatus\n"
        "Completed\nTreatment\nGC012F\nBCMA-CD19 compound CAR-T cells, single infusion.\nArms:\n"
        "Cohort 1: GC012F 1 x 10^5 cells/kg\nCohort 2: GC012F 2 x 10^5 cells/kg\nFludarabine\n"
        "25 mg/m2/day for 3 days.\nArms:\nCohort 1: GC012F 1 x 10^5 cells/kg\n"
        "Cohort 2: GC012F 2 x 10^5 cells/kg\nSize\n21\n"
    )["arms"]
    assert arms["label"].to_list() == [
        "Cohort 1: GC012F 1 x 10^5 cells/kg",
        "Cohort 2: GC012F 2 x 10^5 cells/kg",
    ]


def test_plain_names_listed_under_each_product_are_the_arms() -> None:
    arms = page_marts(
        "Clinical trial\n\nKYV-101 versus placebo in myasthenia gravis\n\nTrial arms\nStatus\n"
        "Recruiting\nTreatment\nKYV-101\nAutologous anti-CD19 CAR T cells.\nArms:\n"
        "KYV-101 Low Dose\nKYV-101 High Dose\nCyclophosphamide\n1000 mg/m2 on Day -5.\nArms:\n"
        "KYV-101 Low Dose\nKYV-101 High Dose\nPlacebo\nPlacebo\n"
        "Cryopreservation medium without cells.\nArms:\nPlacebo\nSize\n60\n"
    )["arms"]
    assert arms["label"].to_list() == ["KYV-101 Low Dose", "KYV-101 High Dose", "Placebo"]


def test_named_arms_with_what_each_is_for_between_are_not_more_arms() -> None:
    arms = page_marts(
        "Study record\n\nTitle: CD19 CAR-T in myositis\n\nArms\nCohort 1\nDermatomyositis\n"
        "Cohort 2\nAnti-synthetase syndrome\n\nInterventions\nCD19 CAR-T\n"
    )["arms"]
    assert arms["label"].to_list() == ["Cohort 1", "Cohort 2"]


def test_a_withdrawn_trials_actual_enrollment_of_zero_is_zero() -> None:
    assert (
        page_trial("A withdrawn study\nStatus: Withdrawn\nEnrollment: 0 (Actual)\n")["enrollment"]
        == 0
    )
    assert (
        page_trial("A planned study\nStatus: Recruiting\nTarget enrollment: 0\n")["enrollment"]
        is None
    )


def test_a_group_named_as_the_intervention_it_gets_over_its_type_code() -> None:
    arms = page_marts(
        "Certolizumab in lupus\nNCT ID: NCT06500012\nStudy Groups\n"
        "Review each arm or cohort in the study, along with the interventions and objectives "
        "associated with them.\nCertolizumab Pegol 200 mg Q2W\nEXPERIMENTAL\nCertolizumab Pegol\n"
        "Certolizumab Pegol 400 mg on Weeks 0, 2 and 4.\nPlacebo\nPLACEBO_COMPARATOR\nPlacebo\n"
        "Matching placebo every 2 weeks.\nCaries care\nOTHER\nFluoride varnish\n"
        "Varnish at each visit.\nInterventions\nLearn about the drugs, procedures, or behavioral "
        "strategies being tested and how they are applied within this trial.\n"
        "Certolizumab Pegol\nPlacebo\nFluoride varnish\n"
    )["arms"]
    assert arms["label"].to_list() == ["Certolizumab Pegol 200 mg Q2W", "Placebo", "Caries care"]
    assert arms["arm_type"].to_list() == ["EXPERIMENTAL", "PLACEBO_COMPARATOR", "OTHER"]


def test_cohort_lead_ins_before_inline_bullets_head_their_criteria() -> None:
    criteria = page_marts(
        "Clinical trial\n\nCNCT19 basket study\n\nStatus\nRecruiting\nEligibility criteria\n"
        "Inclusion Criteria: All cohorts: * Age 14 to 70 years * Body weight ≥ 35 kg "
        "Cohort A (SLE): * SLEDAI-2K ≥ 8 * Positive anti-dsDNA Exclusion Criteria: "
        "* Active infection * LVEF \\< 50%\nProtocol\n{}\n"
    )["criteria"]
    inclusion = criteria.filter(criteria["criterion_type"] == "INCLUSION")
    assert inclusion["text"].to_list() == [
        "Age 14 to 70 years",
        "Body weight ≥ 35 kg",
        "SLEDAI-2K ≥ 8",
        "Positive anti-dsDNA",
    ]
    assert inclusion["section"].to_list() == ["All cohorts"] * 2 + ["Cohort A (SLE)"] * 2


def test_unmarked_cohort_lines_head_the_criteria_under_them() -> None:
    criteria = page_marts(
        "Status and phase\nRecruiting\nInclusion criteria\nAll cohorts\nAge 14 to 70 years\n"
        "Adequate organ function:\n◦ AST and ALT ≤ 3 x ULN\n◦ Hemoglobin ≥ 85 g/L\n"
        "Cohort A (SLE):\nSLEDAI-2K ≥ 8 and positive anti-dsDNA\nBVAS ≥ 3 despite rituximab\n"
        "Exclusion criteria\nLVEF \\< 50%\nTrial design\n"
    )["criteria"]
    inclusion = criteria.filter(criteria["criterion_type"] == "INCLUSION")
    assert inclusion["text"].to_list()[-2:] == [
        "SLEDAI-2K ≥ 8 and positive anti-dsDNA",
        "BVAS ≥ 3 despite rituximab",
    ]
    assert inclusion["section"].to_list()[-1] == "Cohort A (SLE)"
    assert "All cohorts" not in inclusion["text"].to_list()


def test_a_withdrawn_trials_size_of_zero_is_its_actual_enrollment() -> None:
    trial = page_trial(
        "Clinical trial\n\nNKX019 in Women With Refractory SLE\n\nStatus\nWithdrawn\nSize\n0\n"
    )
    assert (trial["enrollment"], trial["enrollment_type"]) == (0, "ACTUAL")


def test_products_listed_before_one_arms_list_are_no_arms() -> None:
    arms = page_marts(
        "Clinical trial\n\nNKX019 in Women With Refractory SLE\n\nTrial arms\nStatus\nRecruiting\n"
        "Treatment\nNKX019\nAllogeneic CD19 CAR-NK cells, 1 x 10^9 cells per dose.\n"
        "Fludarabine\n30 mg/m2/day IV for 3 days.\nCyclophosphamide\n"
        "300 mg/m2/day IV for 3 days.\nArms:\nNKX019\nSize\n12\n"
    )["arms"]
    assert arms["label"].to_list() == ["NKX019"]


@pytest.mark.parametrize(
    ("line", "masking"),
    [
        ("TRIPLE (PARTICIPANT, INVESTIGATOR, OUTCOMES_ASSESSOR)", "TRIPLE"),
        ("Single (Outcomes Assessor)", "SINGLE"),
        ("None (Open Label)", "NONE"),
    ],
)
def test_a_bare_masking_code_with_whom_it_masks(line: str, masking: str) -> None:
    page = (
        "CD19 CAR T Cells in Multiple Sclerosis\nNCT ID: NCT07150392\nStudy Design\n"
        f"RANDOMIZED\nPARALLEL\nTREATMENT\n{line}\nStudy Groups\n"
    )
    assert page_trial(page)["masking"] == masking
