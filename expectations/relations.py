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
Table = pl.DataFrame | pl.LazyFrame
_Check = tuple[str, str, pl.Series]  # expectation, column, offending values (one per bad row)


def landed_documents_are_staged(
    raw_documents: Table, stg_documents: Table, quarantine: Table
) -> SuiteResult:
    """Every landed file has a staged document unless some layer quarantined it."""
    accounted = pl.concat(
        [_columns(stg_documents, "source_file"), _columns(quarantine, "source_file")]
    )
    landed = _columns(raw_documents, "source_file")
    missing = _bad(landed.join(accounted, on="source_file", how="anti"), "source_file")
    return _result(
        "relations.landed_documents_are_staged",
        [("expect_landed_documents_to_be_staged", "source_file", missing)],
    )


def documents_have_sections(stg_documents: Table, stg_sections: Table) -> SuiteResult:
    """Every staged document yields at least one section (the preamble at worst)."""
    documents = _columns(stg_documents, "source_file")
    sections = _columns(stg_sections, "source_file").unique()
    bare = _bad(documents.join(sections, on="source_file", how="anti"), "source_file")
    return _result(
        "relations.documents_have_sections",
        [("expect_documents_to_have_sections", "source_file", bare)],
    )


def spans_within_documents(stg_documents: Table, tables: Mapping[str, Table]) -> SuiteResult:
    """Every span of every table points into its own document's raw text.

    ``tables`` maps a table name to a frame with ``source_file`` and
    ``span_end``; spans are raw-text offsets, so the bound is ``raw_length``.
    """
    lengths = _columns(stg_documents, "source_file", "raw_length")
    checks: list[_Check] = []
    for name, frame in sorted(tables.items()):
        spans = _columns(frame, "source_file", "span_end")
        joined = spans.join(lengths, on="source_file", how="left")
        orphans = _bad(joined.filter(pl.col("raw_length").is_null()), "source_file")
        outside = joined.filter(pl.col("span_end") > pl.col("raw_length")).select(
            pl.format("{}: span_end {} > {}", "source_file", "span_end", "raw_length").alias("bad")
        )
        checks.append(("expect_source_file_in_stg_documents", f"{name}.source_file", orphans))
        checks.append(
            ("expect_span_end_within_raw_length", f"{name}.span_end", _bad(outside, "bad"))
        )
    return _result("relations.spans_within_documents", checks)


def trials_exist(trials: Table, children: Mapping[str, Table]) -> SuiteResult:
    """Every ``trial_id`` of a child mart (arms, doses, ...) names a row of trials."""
    known = _columns(trials, "trial_id")
    checks: list[_Check] = [
        (
            "expect_trial_id_in_trials",
            f"{name}.trial_id",
            _bad(_columns(frame, "trial_id").join(known, on="trial_id", how="anti"), "trial_id"),
        )
        for name, frame in sorted(children.items())
    ]
    return _result("relations.trials_exist", checks)


def _columns(frame: Table, *names: str) -> pl.LazyFrame:
    """The key columns of a (possibly registry-sized) table, as a query not yet run."""
    return frame.lazy().select(names)


def _bad(offending: pl.LazyFrame, column: str) -> pl.Series:
    """Run a check's query; only the offending rows (usually none) are ever collected."""
    return offending.collect(engine="streaming")[column]


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
