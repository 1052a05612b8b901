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
