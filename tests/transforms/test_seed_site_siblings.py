"""Other trials in the layouts of the embedded seeds' sites: what each must give.

The seeds show one trial per site; the same sites list trials with more arms, other
statuses and sections the seed left empty. Each case is cut down from such a page.
"""

from __future__ import annotations

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
