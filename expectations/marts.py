"""Suites for the mart tables (``../shared/CONTRACT.md``); they block publication.

Keys, enum sets and lists come from ``transforms.schemas`` so the suites and
the builders can never disagree about the contract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.builders import (
    between,
    in_set,
    list_items_in_set,
    matches,
    new_suite,
    non_empty_text,
    not_null,
    ordered,
    plausible_dates,
    spans,
    unique,
)
from transforms import schemas as s

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

NCT_ID = r"^NCT\d{8}$"
CONCEPT = r"^[a-z][a-z0-9_]*$"
MAX_AGE_YEARS = 120

_TRIAL_ENUMS = {
    "overall_status": s.OVERALL_STATUS,
    "study_type": s.STUDY_TYPES,
    "allocation": s.ALLOCATIONS,
    "intervention_model": s.INTERVENTION_MODELS,
    "primary_purpose": s.PRIMARY_PURPOSES,
    "masking": s.MASKINGS,
    "enrollment_type": s.ENROLLMENT_TYPES,
    "sex": s.SEXES,
    **{f"{name}_precision": s.DATE_PRECISIONS for name in s.DATE_FIELDS},
}


def _lineage(table: str, *required: str) -> list:
    """Key unique, key and lineage columns present: shared by every mart."""
    key = s.MART_KEYS[table]
    return [*unique(*key), *not_null(*dict.fromkeys((*key, "source_file", *required)))]


def trials() -> ExpectationSuite:
    """marts.trials — one row per trial."""
    return new_suite(
        "marts.trials",
        _lineage("trials", "source_format"),
        non_empty_text("trial_id"),
        matches("nct_id", NCT_ID),
        *(in_set(column, values) for column, values in _TRIAL_ENUMS.items()),
        list_items_in_set("phases", s.PHASES),
        between("enrollment", 0),
        plausible_dates(*s.DATE_FIELDS),
        ordered("start_date", "primary_completion_date"),
        ordered("start_date", "completion_date"),
        between("min_age_years", 0, MAX_AGE_YEARS),
        between("max_age_years", 0, MAX_AGE_YEARS),
        ordered("min_age_years", "max_age_years"),
    )


def arms() -> ExpectationSuite:
    """marts.arms — one row per arm or group of a trial."""
    return new_suite(
        "marts.arms",
        _lineage("arms"),
        between("arm_ordinal", 1),
        in_set("arm_type", s.ARM_TYPES),
        spans(required=False),
    )


def doses() -> ExpectationSuite:
    """marts.doses — one row per distinct dose level of a trial."""
    return new_suite(
        "marts.doses",
        _lineage("doses", "dose_value", "dose_unit"),
        between("dose_ordinal", 1),
        between("dose_value", 0, strict_low=True),
        ordered("dose_value", "dose_value_max"),
        in_set("dose_unit", s.DOSE_UNITS),
        spans(required=True),
    )


def endpoints() -> ExpectationSuite:
    """marts.endpoints — one row per outcome measure of a trial."""
    return new_suite(
        "marts.endpoints",
        _lineage("endpoints", "measure"),
        between("endpoint_ordinal", 0),
        in_set("endpoint_type", s.ENDPOINT_TYPES),
        between("time_frame_days", 0),
        spans(required=True),
    )


def criteria() -> ExpectationSuite:
    """marts.criteria — one row per eligibility criterion of a trial."""
    return new_suite(
        "marts.criteria",
        _lineage("criteria", "text"),
        between("criterion_ordinal", 0),
        in_set("criterion_type", s.CRITERION_TYPES),
        non_empty_text("text"),
        spans(required=True),
    )


def criteria_thresholds() -> ExpectationSuite:
    """marts.criteria_thresholds — one row per numeric condition in a criterion."""
    return new_suite(
        "marts.criteria_thresholds",
        _lineage("criteria_thresholds"),
        in_set("criterion_type", s.CRITERION_TYPES),
        matches("concept", CONCEPT),
        in_set("operator", s.OPERATORS),
        in_set("unit", s.THRESHOLD_UNITS),
        spans(required=True),
    )
