"""Enum normalisers: many spellings in, one contract code out, None for noise."""

from __future__ import annotations

import pytest

from transforms import schemas
from transforms.values import enums


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recruiting", "RECRUITING"),
        ("RECRUITING", "RECRUITING"),
        ("  recruiting ", "RECRUITING"),
        ("Not yet recruiting", "NOT_YET_RECRUITING"),
        ("NOT_YET_RECRUITING", "NOT_YET_RECRUITING"),
        ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
        ("active-not-recruiting", "ACTIVE_NOT_RECRUITING"),
        ("Completed", "COMPLETED"),
        ("Withdrawn", "WITHDRAWN"),
        ("Terminated", "TERMINATED"),
        ("Suspended", "SUSPENDED"),
        ("Enrolling by invitation", "ENROLLING_BY_INVITATION"),
        ("Unknown status", "UNKNOWN"),
        ("**Recruiting**", "RECRUITING"),
        ("Recruiting (as of 2024)", "RECRUITING"),
        ("招募中", "RECRUITING"),
        ("尚未招募", "NOT_YET_RECRUITING"),
        ("Prematurely Ended", "TERMINATED"),
        ("No longer recruiting", "ACTIVE_NOT_RECRUITING"),  # ISRCTN
        ("Closed: follow-up complete", "COMPLETED"),  # ANZCTR
        ("Stopped early", "TERMINATED"),
        ("Open", "RECRUITING"),
        ("Currently recruiting", "RECRUITING"),
        ("Pending (not yet recruiting)", "NOT_YET_RECRUITING"),
        ("Pending", "NOT_YET_RECRUITING"),
        ("Not yet open for recruitment", "NOT_YET_RECRUITING"),
        ("Active, not yet recruiting", "NOT_YET_RECRUITING"),
        ("Enrollment complete", "ACTIVE_NOT_RECRUITING"),
        ("On hold", "SUSPENDED"),
        ("Recruiting stopped after recruiting started", "TERMINATED"),  # DRKS
        ("Authorised, recruiting", "RECRUITING"),
        ("Ongoing, recruitment ended", "ACTIVE_NOT_RECRUITING"),
        ("Authorised, not started", "NOT_YET_RECRUITING"),
        ("Open to Recruitment", "RECRUITING"),
        ("Closed to Recruitment of Participants", "ACTIVE_NOT_RECRUITING"),
        ("Ongoing", None),  # the EU register's word says nothing of recruitment
        ("Recruiting Loading...", "RECRUITING"),
        ("N/A", None),
        ("", None),
        (None, None),
        ("Phase 1", None),
        ("See location...", None),
    ],
)
def test_normalize_status(text, expected):
    assert enums.normalize_status(text) == expected


@pytest.mark.parametrize("text", ["Open", "Pending"])
def test_a_status_only_as_a_labels_value(text):
    assert enums.normalize_status(text) is not None
    assert enums.status_badge(text) is None  # alone, "Open" may be the masking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RECRUITINGPhase I: Dose-limiting toxicity", "RECRUITING"),
        ("RECRUITINGPHASE2INTERVENTIONAL", "RECRUITING"),
        ("NOT_YET_RECRUITINGEARLY_PHASE1", "NOT_YET_RECRUITING"),
        ("NOT YET RECRUITING", "NOT_YET_RECRUITING"),
        ("StatusActive, not recruiting", "ACTIVE_NOT_RECRUITING"),
        ("Overall status: Completed.", "COMPLETED"),
        ("WITHDRAWNPHASE1", "WITHDRAWN"),
        ("patients who completed therapy", None),
        ("the study was withdrawn before enrolling", None),
        ("Unrecruiting", None),
        ("Completedness", None),
        ("", None),
        ("PHASE2INTERVENTIONAL", None),
    ],
)
def test_find_status_in(text, expected):
    assert enums.find_status_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phase 1", ["PHASE1"]),
        ("Phase I", ["PHASE1"]),
        ("phase ii", ["PHASE2"]),
        ("Phase I/II", ["PHASE1", "PHASE2"]),
        ("Phase 1/Phase 2", ["PHASE1", "PHASE2"]),
        ("PHASE1, PHASE2", ["PHASE1", "PHASE2"]),
        ("['PHASE1', 'PHASE2']", ["PHASE1", "PHASE2"]),
        ("Phase 2/3", ["PHASE2", "PHASE3"]),
        ("Phase 1b/2a", ["PHASE1", "PHASE2"]),
        ("Phase Ib", ["PHASE1"]),
        ("Phase III", ["PHASE3"]),
        ("Phase IV", ["PHASE4"]),
        ("Phase 1 and 2", ["PHASE1", "PHASE2"]),
        ("Early phase I", ["EARLY_PHASE1"]),
        ("Early Phase 1", ["EARLY_PHASE1"]),
        ("EARLY_PHASE1", ["EARLY_PHASE1"]),
        ("Phase 0", ["EARLY_PHASE1"]),
        ("Not Applicable", ["NA"]),
        ("N/A", ["NA"]),
        ("NA", ["NA"]),
        ("1", ["PHASE1"]),
        ("I/II", ["PHASE1", "PHASE2"]),
        ("2/3", ["PHASE2", "PHASE3"]),
        ("Ⅰ期", ["PHASE1"]),
        ("I期", ["PHASE1"]),
        ("Ⅱ/Ⅲ期", ["PHASE2", "PHASE3"]),
        ("1期临床试验", ["PHASE1"]),
        ("", None),
        (None, None),
        ("Recruiting", None),
        ("Phase 10", None),
        ("phase in", None),
        ("5", None),
    ],
)
def test_normalize_phases(text, expected):
    assert enums.normalize_phases(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RECRUITINGPHASE2INTERVENTIONAL", ["PHASE2"]),
        ("RECRUITINGPhase I: Dose-limiting toxicity", ["PHASE1"]),
        ("NOT_YET_RECRUITINGEARLY_PHASE19 participants", ["EARLY_PHASE1"]),
        ("an open-label, Phase I/II trial", ["PHASE1", "PHASE2"]),
        ("Study Phase: Phase 1", ["PHASE1"]),
        ("PHASE1PHASE2", ["PHASE1", "PHASE2"]),
        ("no phase here", None),
        ("", None),
    ],
)
def test_find_phases_in(text, expected):
    assert enums.find_phases_in(text) == expected


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (enums.normalize_study_type, "Interventional", "INTERVENTIONAL"),
        (enums.normalize_study_type, "INTERVENTIONAL", "INTERVENTIONAL"),
        (enums.normalize_study_type, "Observational [Patient Registry]", "OBSERVATIONAL"),
        (enums.normalize_study_type, "Expanded Access", "EXPANDED_ACCESS"),
        (enums.normalize_study_type, "干预性研究", "INTERVENTIONAL"),
        (enums.normalize_study_type, "Biological", None),
        (enums.normalize_allocation, "Randomized", "RANDOMIZED"),
        (enums.normalize_allocation, "Non-Randomized", "NON_RANDOMIZED"),
        (enums.normalize_allocation, "NON_RANDOMIZED", "NON_RANDOMIZED"),
        (enums.normalize_allocation, "Nonrandomised", "NON_RANDOMIZED"),
        (enums.normalize_allocation, "N/A", "NA"),
        (enums.normalize_allocation, "NA", "NA"),
        (enums.normalize_allocation, "", None),
        (enums.normalize_allocation, "Non-randomised trial", "NON_RANDOMIZED"),
        (enums.normalize_allocation, "Randomised controlled trial", "RANDOMIZED"),
        (enums.normalize_allocation, "Cohort study", None),
        (enums.normalize_intervention_model, "Single Group Assignment", "SINGLE_GROUP"),
        (enums.normalize_intervention_model, "SINGLE_GROUP", "SINGLE_GROUP"),
        (enums.normalize_intervention_model, "Parallel Assignment", "PARALLEL"),
        (enums.normalize_intervention_model, "Crossover Assignment", "CROSSOVER"),
        (enums.normalize_intervention_model, "Sequential Assignment", "SEQUENTIAL"),
        (enums.normalize_intervention_model, "Factorial", "FACTORIAL"),
        (enums.normalize_intervention_model, "TREATMENT", None),
        (enums.normalize_primary_purpose, "Treatment", "TREATMENT"),
        (enums.normalize_primary_purpose, "Supportive Care", "SUPPORTIVE_CARE"),
        (enums.normalize_primary_purpose, "BASIC_SCIENCE", "BASIC_SCIENCE"),
        (enums.normalize_primary_purpose, "Health Services Research", "HEALTH_SERVICES_RESEARCH"),
        (enums.normalize_primary_purpose, "Loading...", None),
        (enums.normalize_masking, "None (Open Label)", "NONE"),
        (enums.normalize_masking, "NONE", "NONE"),
        (enums.normalize_masking, "Open label", "NONE"),
        (enums.normalize_masking, "Open-Label", "NONE"),
        (enums.normalize_masking, "Single (Outcomes Assessor)", "SINGLE"),
        (enums.normalize_masking, "Double (Participant, Investigator)", "DOUBLE"),
        (enums.normalize_masking, "Double-blind", "DOUBLE"),
        (enums.normalize_masking, "Quadruple", "QUADRUPLE"),
        (enums.normalize_masking, "Unclear", None),
        (enums.normalize_sex, "All", "ALL"),
        (enums.normalize_sex, "Both", "ALL"),
        (enums.normalize_sex, "Male and female", "ALL"),
        (enums.normalize_sex, "Male", "MALE"),
        (enums.normalize_sex, "FEMALE", "FEMALE"),
        (enums.normalize_sex, "F", "FEMALE"),
        (enums.normalize_sex, "M/F", "ALL"),
        (enums.normalize_sex, "Females only", "FEMALE"),
        (enums.normalize_sex, "Ages", None),
        (enums.normalize_arm_type, "Experimental", "EXPERIMENTAL"),
        (enums.normalize_arm_type, "Active Comparator", "ACTIVE_COMPARATOR"),
        (enums.normalize_arm_type, "PLACEBO_COMPARATOR", "PLACEBO_COMPARATOR"),
        (enums.normalize_arm_type, "No Intervention", "NO_INTERVENTION"),
        (enums.normalize_arm_type, "Sham Comparator", "SHAM_COMPARATOR"),
        (enums.normalize_arm_type, "Other", "OTHER"),
        (enums.normalize_arm_type, "Experimental: CAR-T cell arm", "EXPERIMENTAL"),
        (enums.normalize_arm_type, "Treatment group", None),
        (enums.normalize_enrollment_type, "Estimated", "ESTIMATED"),
        (enums.normalize_enrollment_type, "Anticipated", "ESTIMATED"),
        (enums.normalize_enrollment_type, "Target", "ESTIMATED"),
        (enums.normalize_enrollment_type, "(estimated)", "ESTIMATED"),
        (enums.normalize_enrollment_type, "ACTUAL", "ACTUAL"),
        (enums.normalize_enrollment_type, "19", None),
        (enums.normalize_endpoint_type, "Primary Outcome Measures", "PRIMARY"),
        (enums.normalize_endpoint_type, "primary", "PRIMARY"),
        (enums.normalize_endpoint_type, "Secondary", "SECONDARY"),
        (enums.normalize_endpoint_type, "Other Pre-specified Outcome Measures", "OTHER"),
        (enums.normalize_endpoint_type, "主要结局指标", "PRIMARY"),
        (enums.normalize_endpoint_type, "Time frame", None),
    ],
)
def test_design_enums(func, text, expected):
    assert func(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes", True),
        ("No", False),
        ("True", True),
        ("False", False),
        ("t", True),
        ("f", False),
        ("Accepts Healthy Volunteers", True),
        ("No healthy volunteers", False),
        ("Does not accept healthy volunteers", False),
        ("是", True),
        ("N/A", None),
        ("", None),
        (None, None),
        ("maybe", None),
    ],
)
def test_parse_bool(text, expected):
    assert enums.parse_bool(text) == expected


def test_codes_are_contract_values():
    """Every code a normaliser can return is in the schema's enum set."""
    assert set(enums._STUDY_TYPES.values()) <= set(schemas.STUDY_TYPES)
    assert set(enums._STATUS.values()) <= set(schemas.OVERALL_STATUS)
    assert set(enums._MASKINGS.values()) <= set(schemas.MASKINGS)
    assert set(enums._ARM_TYPES.values()) <= set(schemas.ARM_TYPES)
    assert set(enums._PURPOSES.values()) <= set(schemas.PRIMARY_PURPOSES)


def test_long_input_is_linear():
    text = "Phase 1/" * 200_000 + "x" + "RECRUITIN" * 100_000
    assert enums.find_phases_in(text) == ["PHASE1"]
    assert enums.find_status_in(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Female, Male", "ALL"),
        ("Male or female", "ALL"),
        ("Women / men", "ALL"),
        ("Males, Females", "ALL"),
        ("Female", "FEMALE"),
        ("Healthy male", None),
        ("Male, Ages", None),
    ],
)
def test_sexes_named_in_any_order_and_joining(text: str, expected: str | None) -> None:
    assert enums.normalize_sex(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Temporarily Closed to Accrual", "SUSPENDED"),  # NCI
        ("Closed to Accrual and Intervention", "ACTIVE_NOT_RECRUITING"),
        ("Administratively Complete", "TERMINATED"),
        ("Not recruiting", "ACTIVE_NOT_RECRUITING"),
        ("Recruiting by invitation", "ENROLLING_BY_INVITATION"),  # not RECRUITING
        ("Study completed", "COMPLETED"),
        ("Trial ended", "COMPLETED"),
        ("Trial ended early", "TERMINATED"),
        ("Complete", "COMPLETED"),
        ("Study Status", None),
    ],
)
def test_more_status_values(text: str, expected: str | None) -> None:
    assert enums.normalize_status(text) == expected


@pytest.mark.parametrize(
    ("normalize", "text", "expected"),
    [
        (enums.normalize_phases, "Ph1", ["PHASE1"]),
        (enums.normalize_phases, "phase two", ["PHASE2"]),
        (enums.normalize_phases, "GRAPH 1", None),
        (enums.normalize_masking, "Not blinded", "NONE"),
        (enums.normalize_intervention_model, "Single arm trial", "SINGLE_GROUP"),
        (enums.normalize_intervention_model, "Non-randomized, single arm", "SINGLE_GROUP"),
        (enums.normalize_allocation, "Non-randomized, single arm", "NON_RANDOMIZED"),
        (enums.normalize_allocation, "Randomised controlled", "RANDOMIZED"),
        (enums.normalize_allocation, "Not randomized", "NON_RANDOMIZED"),
    ],
)
def test_more_design_spellings(normalize, text: str, expected: object) -> None:
    assert normalize(text) == expected
