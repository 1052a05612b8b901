"""Mart suites: each passes on a small good table and names the rule a bad row breaks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from expectations import marts
from expectations.runner import run_suite
from tests.expectations.frames import (
    assert_fails,
    assert_passes,
    duplicate_first,
    make,
    mutate,
    trials,
)
from transforms import schemas

NOT_NULL = "expect_column_values_to_not_be_null"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
REGEX = "expect_column_values_to_match_regex"
PAIR = "expect_column_pair_values_a_to_be_greater_than_b"
UNIQUE = "expect_column_values_to_be_unique"
COMPOUND = "expect_compound_columns_to_be_unique"
LENGTHS = "expect_column_value_lengths_to_be_between"

_SPAN = {"span_start": 10, "span_end": 42}


def _arms():
    return make(
        schemas.ARMS,
        [
            {"trial_id": "T1", "source_file": "a.txt", "arm_ordinal": 1, "label": "Dose A"},
            {"trial_id": "T1", "source_file": "a.txt", "arm_ordinal": 2, "arm_type": "OTHER"},
            {"trial_id": "T2", "source_file": "b.txt", "arm_ordinal": 1, **_SPAN},
        ],
    )


def _doses():
    row = {"trial_id": "T1", "source_file": "a.txt", "dose_unit": "cells/kg", **_SPAN}
    return make(
        schemas.DOSES,
        [
            {**row, "dose_ordinal": 1, "dose_value": 1e6},
            {**row, "dose_ordinal": 2, "dose_value": 2e6, "dose_value_max": 3e6},
            {**row, "trial_id": "T2", "dose_ordinal": 1, "dose_value": 5e8, "dose_unit": "cells"},
        ],
    )


def _endpoints():
    row = {"trial_id": "T1", "source_file": "a.txt", "measure": "Incidence of CRS", **_SPAN}
    return make(
        schemas.ENDPOINTS,
        [
            {**row, "endpoint_ordinal": 1, "endpoint_type": "PRIMARY", "time_frame_days": 28},
            {**row, "endpoint_ordinal": 2, "endpoint_type": None, "time_frame_days": None},
            {**row, "endpoint_ordinal": 3, "endpoint_type": "SECONDARY", "time_frame_days": 0},
        ],
    )


def _criteria():
    row = {"trial_id": "T1", "source_file": "a.txt", "text": "Age 18-65 years", **_SPAN}
    return make(
        schemas.CRITERIA,
        [
            {**row, "criterion_ordinal": 1, "criterion_type": "INCLUSION"},
            {**row, "criterion_ordinal": 2, "criterion_type": "INCLUSION", "section": "Cohort"},
            {**row, "criterion_ordinal": 1, "criterion_type": "EXCLUSION", "text": "Pregnancy"},
        ],
    )


def _thresholds():
    row = {"trial_id": "T1", "source_file": "a.txt", "criterion_type": "INCLUSION", **_SPAN}
    return make(
        schemas.CRITERIA_THRESHOLDS,
        [
            {**row, "criterion_ordinal": 1, "concept": "age", "operator": ">=", "value": 18.0},
            {**row, "criterion_ordinal": 1, "concept": "age", "operator": "<=", "value": 65.0},
            {**row, "criterion_ordinal": 2, "concept": "sledai_2k", "operator": ">=", "value": 6},
            {**row, "criterion_ordinal": 3, "concept": "ana_titer", "operator": ">=", "value": 80},
        ],
    )


TABLES: dict[str, tuple[Callable, Callable]] = {
    "trials": (marts.trials, trials),
    "arms": (marts.arms, _arms),
    "doses": (marts.doses, _doses),
    "endpoints": (marts.endpoints, _endpoints),
    "criteria": (marts.criteria, _criteria),
    "criteria_thresholds": (marts.criteria_thresholds, _thresholds),
}


@pytest.mark.parametrize("table", TABLES)
def test_mart_suite_passes_on_good_rows(table: str) -> None:
    suite, good = TABLES[table]
    result = run_suite(suite, good())
    assert result.suite_name == f"marts.{table}"
    assert_passes(result)


@pytest.mark.parametrize(
    ("table", "bad", "expectation", "column"),
    [
        ("trials", {"trial_id": "ChiCTR2300071234"}, UNIQUE, "trial_id"),
        ("trials", {"source_format": None}, NOT_NULL, "source_format"),
        ("trials", {"nct_id": "NCT1234567"}, REGEX, "nct_id"),
        ("trials", {"overall_status": "Recruiting"}, IN_SET, "overall_status"),
        ("trials", {"sex": "BOTH"}, IN_SET, "sex"),
        ("trials", {"start_date_precision": "week"}, IN_SET, "start_date_precision"),
        ("trials", {"phases": ["PHASE1", "Phase 2"]}, REGEX, "phases"),
        ("trials", {"start_date": date(1899, 1, 1)}, BETWEEN, "start_date"),
        ("trials", {"start_date": date(2028, 1, 1)}, PAIR, "completion_date, start_date"),
        ("trials", {"max_age_years": 130.0}, BETWEEN, "max_age_years"),
        ("trials", {"min_age_years": 70.0}, PAIR, "max_age_years, min_age_years"),
        ("trials", {"enrollment": -5}, BETWEEN, "enrollment"),
        ("arms", {"arm_ordinal": 2}, COMPOUND, "trial_id, arm_ordinal"),
        ("arms", {"arm_type": "DRUG"}, IN_SET, "arm_type"),
        ("arms", {"trial_id": None}, NOT_NULL, "trial_id"),
        ("doses", {"dose_value": 0.0}, BETWEEN, "dose_value"),
        ("doses", {"dose_unit": "mg"}, IN_SET, "dose_unit"),
        ("doses", {"dose_value_max": 1.0}, PAIR, "dose_value_max, dose_value"),
        ("doses", {"span_start": None}, NOT_NULL, "span_start"),
        ("endpoints", {"time_frame_days": -1}, BETWEEN, "time_frame_days"),
        ("endpoints", {"endpoint_type": "MAIN"}, IN_SET, "endpoint_type"),
        ("endpoints", {"measure": None}, NOT_NULL, "measure"),
        ("criteria", {"criterion_type": "INC"}, IN_SET, "criterion_type"),
        ("criteria", {"text": ""}, LENGTHS, "text"),
        ("criteria", {"span_end": 3}, PAIR, "span_end, span_start"),
        (
            "criteria",
            {"criterion_ordinal": 2},
            COMPOUND,
            "trial_id, criterion_type, criterion_ordinal",
        ),
        ("criteria_thresholds", {"operator": "=>"}, IN_SET, "operator"),
        ("criteria_thresholds", {"unit": "furlongs"}, IN_SET, "unit"),
        ("criteria_thresholds", {"concept": "Age"}, REGEX, "concept"),
        ("criteria_thresholds", {"span_start": -1}, BETWEEN, "span_start"),
    ],
)
def test_mart_suite_names_the_broken_rule(
    table: str, bad: dict, expectation: str, column: str
) -> None:
    suite, good = TABLES[table]
    result = run_suite(suite, mutate(good(), schemas.MART_TABLES[table], **bad))
    assert_fails(result, expectation, column)


@pytest.mark.parametrize("table", ["criteria_thresholds", "doses", "endpoints"])
def test_mart_suite_fails_on_a_repeated_key(table: str) -> None:
    suite, good = TABLES[table]
    result = run_suite(suite, duplicate_first(good()))
    assert_fails(result, COMPOUND, ", ".join(schemas.MART_KEYS[table]))


def test_list_failure_sample_shows_the_rendered_list() -> None:
    bad = mutate(trials(), schemas.TRIALS, phases=["PHASE 1"])
    failure = next(f for f in run_suite(marts.trials, bad).failures if f.column == "phases")
    assert failure.unexpected_count == 1
    assert failure.sample == ('["PHASE 1"]',)
