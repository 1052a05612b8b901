"""Staged suites: keys present and unique, spans sane, enums known."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest

from expectations import staged
from expectations.runner import run_suite
from tests.expectations.frames import assert_fails, assert_passes, duplicate_first, make, mutate
from transforms import schemas

NOT_NULL = "expect_column_values_to_not_be_null"
REGEX = "expect_column_values_to_match_regex"
BETWEEN = "expect_column_values_to_be_between"
PAIR = "expect_column_pair_values_a_to_be_greater_than_b"


def _documents() -> pl.DataFrame:
    row = {"sha256": "0" * 64, "source_format": "generic", "text": "Title: x", "raw_length": 9}
    return make(
        schemas.STG_DOCUMENTS,
        [
            {**row, "source_file": "a.txt", "offsets_norm": [0], "offsets_raw": [0]},
            {**row, "source_file": "b.txt", "offsets_norm": [0, 5], "offsets_raw": [0, 7]},
            {**row, "source_file": "c.txt", "offsets_norm": None, "offsets_raw": None},
        ],
    )


def _sections() -> pl.DataFrame:
    row = {"source_file": "a.txt", "text": "body", "norm_start": 0}
    return make(
        schemas.STG_SECTIONS,
        [
            {**row, "section_ordinal": 0, "section": "preamble", "span_start": 0, "span_end": 0},
            {**row, "section_ordinal": 1, "section": "eligibility", "heading": "Eligibility"}
            | {"span_start": 0, "span_end": 40},
            {**row, "source_file": "b.txt", "section_ordinal": 0, "section": "preamble"}
            | {"span_start": 3, "span_end": 9},
        ],
    )


def _fields() -> pl.DataFrame:
    row = {"source_file": "a.txt", "section": "status", "norm_start": 4, "span_start": 4}
    return make(
        schemas.STG_FIELDS,
        [
            {**row, "field_ordinal": 1, "field": "overall_status", "origin": "label"}
            | {"label": "Status", "value": "Recruiting", "span_end": 22},
            {**row, "field_ordinal": 2, "field": "phase", "origin": "badge", "span_end": 4},
            {
                **row,
                "field_ordinal": 3,
                "field": "enrollment",
                "origin": "label_block",
                "span_end": 9,
            },
        ],
    )


def _items() -> pl.DataFrame:
    row = {"source_file": "a.txt", "section": "inclusion", "norm_start": 0, "marker": "-"}
    return make(
        schemas.STG_ITEMS,
        [
            {**row, "item_ordinal": 1, "depth": 0, "text": "Age 18", "span_start": 5}
            | {"span_end": 11},
            {**row, "item_ordinal": 2, "depth": 1, "text": "SLE", "span_start": 12}
            | {"span_end": 15, "subsection": "Cohort A"},
            {**row, "item_ordinal": 1, "depth": 0, "text": "None", "section": "exclusion"}
            | {"span_start": 20, "span_end": 24},
        ],
    )


def _conflicts() -> pl.DataFrame:
    row = {"source_file": "a.txt", "chosen_origin": "label", "rule": "label beats prose"}
    return make(
        schemas.STG_CONFLICTS,
        [
            {**row, "field": "enrollment", "chosen_value": "40", "other_value": "0"}
            | {"other_origin": "prose"},
            {**row, "field": "phase", "chosen_value": "1", "other_origin": "badge"},
            {**row, "field": "phase", "other_value": "2", "other_origin": "table"},
        ],
    )


TABLES: dict[str, tuple[Callable, Callable]] = {
    "stg_documents": (staged.stg_documents, _documents),
    "stg_sections": (staged.stg_sections, _sections),
    "stg_fields": (staged.stg_fields, _fields),
    "stg_items": (staged.stg_items, _items),
    "stg_conflicts": (staged.stg_conflicts, _conflicts),
}


@pytest.mark.parametrize("table", TABLES)
def test_staged_suite_passes_on_good_rows(table: str) -> None:
    suite, good = TABLES[table]
    result = run_suite(suite, good())
    assert result.suite_name == f"staged.{table}"
    assert_passes(result)


@pytest.mark.parametrize(
    ("table", "bad", "expectation", "column"),
    [
        ("stg_documents", {"source_format": None}, NOT_NULL, "source_format"),
        ("stg_documents", {"sha256": None}, NOT_NULL, "sha256"),
        (
            "stg_documents",
            {"source_file": "b.txt"},
            "expect_column_values_to_be_unique",
            "source_file",
        ),
        ("stg_sections", {"span_end": -2}, PAIR, "span_end, span_start"),
        ("stg_sections", {"span_start": -1, "span_end": 0}, BETWEEN, "span_start"),
        ("stg_sections", {"section": None}, NOT_NULL, "section"),
        (
            "stg_sections",
            {"section_ordinal": 1},
            "expect_compound_columns_to_be_unique",
            "source_file, section_ordinal",
        ),
        ("stg_fields", {"origin": "Label?"}, REGEX, "origin"),
        ("stg_fields", {"field": None}, NOT_NULL, "field"),
        ("stg_fields", {"span_end": None}, NOT_NULL, "span_end"),
        ("stg_items", {"span_start": 30}, PAIR, "span_end, span_start"),
        ("stg_items", {"depth": -1}, BETWEEN, "depth"),
        ("stg_items", {"item_ordinal": None}, NOT_NULL, "item_ordinal"),
        ("stg_conflicts", {"other_origin": "free text"}, REGEX, "other_origin"),
        ("stg_conflicts", {"rule": None}, NOT_NULL, "rule"),
    ],
)
def test_staged_suite_names_the_broken_rule(
    table: str, bad: dict, expectation: str, column: str
) -> None:
    suite, good = TABLES[table]
    result = run_suite(suite, mutate(good(), schemas.STAGED_TABLES[table], **bad))
    assert_fails(result, expectation, column)


def test_fields_suite_fails_on_a_repeated_ordinal() -> None:
    result = run_suite(staged.stg_fields, duplicate_first(_fields()))
    assert_fails(result, "expect_compound_columns_to_be_unique", "source_file, field_ordinal")
