"""Registry fields and arm layouts from a sweep of non-ClinicalTrials.gov registers and of
arms and doses as sites print them."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.values import enums
from transforms.values.doses import find_doses
from transforms.values.numbers import parse_enrollment


def test_a_site_named_clinical_trials_over_the_page_is_no_rail() -> None:
    page = "Clinical Trials\n\nTitle: CD19 CAR-T in SLE\nStatus: Recruiting\nPhase: Phase 1\n"
    trial = page_trial(page)
    assert (trial["title"], trial["overall_status"]) == ("CD19 CAR-T in SLE", "RECRUITING")
    # below the trial's own facts it heads other trials still
    rail = page + "\nClinical trials\nNCT05000001 | Another CAR-T trial | Completed\n"
    assert page_trial(rail)["overall_status"] == "RECRUITING"


@pytest.mark.parametrize(
    ("text", "phases"),
    [
        (
            "Human pharmacology (Phase I): yes Therapeutic exploratory (Phase II): yes "
            "Therapeutic confirmatory - (Phase III): no Therapeutic use (Phase IV): no",
            ["PHASE1", "PHASE2"],
        ),
        ("Phase 1/Phase 2", ["PHASE1", "PHASE2"]),
    ],
)
def test_a_registers_ticked_phases_on_one_line(text: str, phases: list[str]) -> None:
    assert enums.normalize_phases(text) == phases


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Cancelled", "WITHDRAWN"),
        ("Temporary halt", "SUSPENDED"),
        ("Preinitiation", "NOT_YET_RECRUITING"),
    ],
)
def test_register_statuses(value: str, code: str) -> None:
    assert enums.normalize_status(value) == code


def test_register_allocations_and_sizes() -> None:
    assert enums.normalize_allocation("Non-RCT") == "NON_RANDOMIZED"
    assert enums.normalize_allocation("Randomized parallel controlled trial") == "RANDOMIZED"
    assert parse_enrollment("Total: 30; EEA: 20") == (30, None)
    assert parse_enrollment("Experimental group:10;Control group:10;") == (20, None)


@pytest.mark.parametrize("written", ["CD19xBCMA", "BCMAxCD19", "CD19 x BCMA"])
def test_a_bispecifics_targets(written: str) -> None:
    assert page_trial(f"CAR-T\nTarget antigen: {written}\n")["target_antigens"] == ["BCMA", "CD19"]


def test_a_treatment_plan_after_the_criteria_is_no_criterion() -> None:
    page = (
        "NCT06000901\nInclusion Criteria:\n- Active SLE\nExclusion Criteria:\n- Pregnancy\n"
        "Treatment plan\nParticipants will receive a single infusion of 1 × 10^6 CAR-T cells/kg.\n"
    )
    marts = page_marts(page)
    assert marts["criteria"].height == 2
    assert marts["doses"]["dose_value"].to_list() == [1e6]


def test_eu_register_arms_and_their_products() -> None:
    page = (
        "EudraCT Number: 2023-001234-61\nArms\nArm title\nCAR-T\nArm description\n"
        "Single infusion of CD19 CAR-T at 1 x 10^6 cells/kg\nArm type\nExperimental\n"
        "Investigational medicinal product name\nCD19 CAR-T\nInvestigational medicinal product "
        "code\nABC-19\nOther name\nPharmaceutical forms\nDispersion for infusion\n"
        "Auxiliary medicinal product name\nFludarabine\n"
    )
    assert page_marts(page)["arms"].select("label", "arm_type").rows() == [
        ("CAR-T", "EXPERIMENTAL")
    ]


def test_study_group_cards_with_their_interventions() -> None:
    page = (
        "NCT06000801\nStudy groups\nCohort 1\nExperimental\nCD19 CAR-T cells 1 × 10^6/kg\n"
        "Interventions: CD19 CAR-T\nCohort 2\nExperimental\nCD19 CAR-T cells 2 × 10^6/kg\n"
        "Interventions: CD19 CAR-T\n"
    )
    assert page_marts(page)["arms"]["label"].to_list() == ["Cohort 1", "Cohort 2"]


def test_dose_levels_parted_by_slashes() -> None:
    found = [(d.value, d.unit) for d in find_doses("CAR-T at 0.5/1.0/2.0 × 10^6 cells/kg.")]
    assert found == [(5e5, "cells/kg"), (1e6, "cells/kg"), (2e6, "cells/kg")]


def test_pactr_and_ctis_labels() -> None:
    page = (
        "PACTR202405123456789\nPublic title: CAR-T therapy for refractory lupus\n"
        "Disease(s) or condition(s) being studied: Systemic lupus erythematosus\n"
        "Anticipated trial start date: 01/08/2024\nActual trial start date: \n"
        "Anticipated date of last follow up: 31/07/2026\n"
        "Anticipated target sample size (number of participants): 8\n"
        "Sponsor/Co-Sponsor: Example University Hospital\n"
    )
    trial = page_trial(page)
    assert (trial["enrollment"], trial["enrollment_type"]) == (8, "ESTIMATED")
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2024-08-01", "2026-07-31")
    assert trial["conditions"] == ["Systemic lupus erythematosus"]
    assert trial["lead_sponsor"] == "Example University Hospital"
