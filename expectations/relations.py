"""Checks that span two tables (foreign keys, containment), in plain polars.

A whole-dataframe GX batch sees one table, so these are anti-joins written
directly. They return the runner's ``SuiteResult`` so callers (asset checks,
the CLI) treat them exactly like suites.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from expectations.runner import ExpectationFailure, SuiteResult

_SAMPLE_SIZE = 5
_Check = tuple[str, str, pl.Series]  # expectation, column, offending values (one per bad row)


def landed_documents_are_staged(
    raw_documents: pl.DataFrame, stg_documents: pl.DataFrame, quarantine: pl.DataFrame
) -> SuiteResult:
    """Every landed file has a staged document unless some layer quarantined it."""
    accounted = pl.concat([stg_documents.select("source_file"), quarantine.select("source_file")])
    missing = raw_documents.join(accounted, on="source_file", how="anti")["source_file"]
    return _result(
        "relations.landed_documents_are_staged",
        [("expect_landed_documents_to_be_staged", "source_file", missing)],
    )


def documents_have_sections(stg_documents: pl.DataFrame, stg_sections: pl.DataFrame) -> SuiteResult:
    """Every staged document yields at least one section (the preamble at worst)."""
    bare = stg_documents.join(stg_sections, on="source_file", how="anti")["source_file"]
    return _result(
        "relations.documents_have_sections",
        [("expect_documents_to_have_sections", "source_file", bare)],
    )


def spans_within_documents(
    stg_documents: pl.DataFrame, tables: Mapping[str, pl.DataFrame]
) -> SuiteResult:
    """Every span of every table points into its own document's raw text.

    ``tables`` maps a table name to a frame with ``source_file`` and
    ``span_end``; spans are raw-text offsets, so the bound is ``raw_length``.
    """
    lengths = stg_documents.select("source_file", "raw_length")
    checks: list[_Check] = []
    for name, frame in sorted(tables.items()):
        joined = frame.select("source_file", "span_end").join(lengths, on="source_file", how="left")
        orphans = joined.filter(pl.col("raw_length").is_null())["source_file"]
        outside = joined.filter(pl.col("span_end") > pl.col("raw_length"))
        rendered = outside.select(
            pl.format("{}: span_end {} > {}", "source_file", "span_end", "raw_length")
        ).to_series()
        checks.append(("expect_source_file_in_stg_documents", f"{name}.source_file", orphans))
        checks.append(("expect_span_end_within_raw_length", f"{name}.span_end", rendered))
    return _result("relations.spans_within_documents", checks)


def trials_exist(trials: pl.DataFrame, children: Mapping[str, pl.DataFrame]) -> SuiteResult:
    """Every ``trial_id`` of a child mart (arms, doses, ...) names a row of trials."""
    known = trials.select("trial_id")
    checks: list[_Check] = [
        (
            "expect_trial_id_in_trials",
            f"{name}.trial_id",
            frame.join(known, on="trial_id", how="anti")["trial_id"],
        )
        for name, frame in sorted(children.items())
    ]
    return _result("relations.trials_exist", checks)


def _result(suite_name: str, checks: list[_Check]) -> SuiteResult:
    failures = tuple(
        ExpectationFailure(
            expectation=expectation,
            column=column,
            unexpected_count=bad.len(),
            sample=tuple(str(v) for v in bad.unique(maintain_order=True).head(_SAMPLE_SIZE)),
        )
        for expectation, column, bad in checks
        if bad.len()
    )
    return SuiteResult(suite_name, success=not failures, evaluated=len(checks), failures=failures)
