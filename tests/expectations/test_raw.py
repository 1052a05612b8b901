"""Raw suites: landed documents and the quarantine table."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from expectations import raw
from expectations.runner import run_suite
from tests.expectations.frames import assert_fails, assert_passes, duplicate_first, make, mutate
from transforms import schemas
from transforms.raw.documents import land_files

LANDED_AT = datetime(2024, 1, 2, tzinfo=UTC)


def _documents() -> pl.DataFrame:
    files = [
        ("a.txt", b"Title: CAR-T for lupus\n"),
        ("b.txt", "Status: Recruiting \u2265 18".encode("utf-16")),
        ("c.txt", "入选标准：年龄18-65岁".encode("gb18030")),
    ]
    documents, _ = land_files(files, LANDED_AT)
    return documents


def _quarantine() -> pl.DataFrame:
    return make(
        schemas.QUARANTINE,
        [
            {"source_file": "x.png", "stage": "raw", "reason": "binary content (PNG)"},
            {"source_file": "y.txt", "stage": "staged", "reason": "no sections"},
            {"source_file": "z.txt", "stage": "marts", "reason": "no trial id"},
        ],
    )


def test_documents_suite_passes_on_landed_files() -> None:
    assert_passes(run_suite(raw.documents, _documents()))


@pytest.mark.parametrize(
    ("bad", "expectation", "column"),
    [
        ({"sha256": "ABC"}, "expect_column_values_to_match_regex", "sha256"),
        ({"encoding": "klingon-8"}, "expect_column_values_to_be_in_set", "encoding"),
        ({"text": ""}, "expect_column_value_lengths_to_be_between", "text"),
        ({"text": None}, "expect_column_values_to_not_be_null", "text"),
        ({"size_bytes": 0}, "expect_column_values_to_be_between", "size_bytes"),
        ({"source_file": "b.txt"}, "expect_column_values_to_be_unique", "source_file"),
    ],
)
def test_documents_suite_names_the_broken_rule(bad: dict, expectation: str, column: str) -> None:
    result = run_suite(raw.documents, mutate(_documents(), schemas.RAW_DOCUMENTS, **bad))
    assert_fails(result, expectation, column)


def test_documents_suite_warns_about_repeated_content() -> None:
    result = run_suite(raw.documents, duplicate_first(_documents()))
    assert_fails(result, "expect_column_values_to_be_unique", "sha256")


def test_quarantine_suite_passes_on_good_rows() -> None:
    assert_passes(run_suite(raw.quarantine, _quarantine()))


@pytest.mark.parametrize(
    ("bad", "expectation", "column"),
    [
        ({"stage": "gold"}, "expect_column_values_to_be_in_set", "stage"),
        ({"reason": None}, "expect_column_values_to_not_be_null", "reason"),
        ({"reason": ""}, "expect_column_value_lengths_to_be_between", "reason"),
    ],
)
def test_quarantine_suite_names_the_broken_rule(bad: dict, expectation: str, column: str) -> None:
    result = run_suite(raw.quarantine, mutate(_quarantine(), schemas.QUARANTINE, **bad))
    assert_fails(result, expectation, column)
