"""The one place that validates data with Great Expectations.

Callers hand over a polars frame and a suite (or a suite builder) and get back
a small frozen ``SuiteResult`` that says nothing about GX, so Dagster checks,
tests and the CLI never touch GX objects. GX is imported lazily (it takes
seconds) and its in-memory context is built once per process and reused;
nothing is written to disk.
"""

from __future__ import annotations

import functools
import json
import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import polars as pl

from expectations.gx_import import great_expectations

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations import ExpectationSuite

_SAMPLE_SIZE = 5
# Rows per GX batch for row-by-row expectations: at most this many, and about
# BATCH_BYTES of the columns read, which bounds the pandas copy GX makes.
BATCH_ROWS = 500_000
BATCH_BYTES = 128 * 2**20
_SAMPLE_ROWS = 1_000
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ExpectationFailure:
    """One failed expectation: its GX type name, column(s) and a few offending values."""

    expectation: str
    column: str | None
    unexpected_count: int | None
    sample: tuple[str, ...]


@dataclass(frozen=True)
class SuiteResult:
    """Outcome of one suite (or plain-Python relation check) on one table."""

    suite_name: str
    success: bool
    evaluated: int
    failures: tuple[ExpectationFailure, ...]

    def failed(self, expectation: str, column: str | None = None) -> bool:
        """Whether ``expectation`` (on ``column``, when given) is among the failures."""
        return any(
            f.expectation == expectation and (column is None or f.column == column)
            for f in self.failures
        )


def run_suite(
    suite: ExpectationSuite | Callable[[], ExpectationSuite],
    frame: pl.DataFrame | pl.LazyFrame,
    batch_rows: int = BATCH_ROWS,
    skip_files: pl.DataFrame | pl.LazyFrame | None = None,
    fresh: pl.DataFrame | pl.LazyFrame | None = None,
) -> SuiteResult:
    """Validate ``frame`` against ``suite``; a registry-sized table is never loaded whole.

    GX sees only the columns the expectations read (a page's text is never
    converted for a suite that does not judge it). Expectations that judge one
    row at a time see the table in batches of ``batch_rows``; the others
    (uniqueness of a key) see every row of the few columns they read, or
    rather the rows whose key repeats: polars finds those, and when there
    are none GX is not called for nothing.
    ``skip_files``: documents (``source_file``) whose rows passed this suite
    before; row-by-row expectations skip them, and so do keys made of
    ``source_file`` and more (``_per_document``); other whole-table ones do not.
    ``fresh``: a part of ``frame`` that holds every row not in ``skip_files``
    (a table's delta); row-by-row expectations then read only it. With no
    rows to judge they pass without GX, unless a column they name is missing.
    """
    if callable(suite):
        suite = suite()
    lazy = frame.lazy()
    present = set(lazy.collect_schema().names())
    whole, per_row = _split_by_scope(suite)
    unjudged = _unjudged(lazy, present, skip_files, fresh)
    outcomes: list[tuple[Any, int]] = []
    for expectation in whole:
        columns = _read_columns([expectation], present)
        keys = bool(columns) and _is_uniqueness(expectation)
        rows = (unjudged if keys and _per_document(columns) else lazy).select(columns)
        if keys:
            rows = _repeated_keys(rows, columns)
        found = rows.collect(engine="streaming")
        if keys and found.is_empty() and columns == _named([expectation]):
            continue  # no key occurs twice: GX would judge an empty frame (0.1 s each)
        outcomes.append((_validate(suite.name, [expectation], found), 0))
    if per_row:
        columns = _read_columns(per_row, present)
        offset = 0
        rows = unjudged.select(columns)
        # Row sizes from the first rows of ``fresh``, else of the table: the first rows
        # left after skipping may lie deep in a registry-sized table, and finding them is
        # a scan of its own (so is the head of a base merged with its delta).
        sampled = lazy if fresh is None else fresh.lazy()
        size = _rows_per_batch(sampled.select(columns), batch_rows) if columns else batch_rows
        batches = rows.collect_batches(chunk_size=size) if columns else []
        for batch in batches:
            outcomes.append((_validate(suite.name, per_row, batch), offset))
            offset += batch.height
        if offset == 0 and columns != _named(per_row):  # no rows, but a column is missing
            outcomes.append(
                (_validate(suite.name, per_row, lazy.select(columns).head(0).collect()), 0)
            )
    failures = _merge_failures(
        _to_failure(r, offset)
        for result, offset in outcomes
        for r in result.results
        if not r.success
    )
    return SuiteResult(
        suite_name=suite.name,
        success=all(bool(result.success) for result, _ in outcomes),
        evaluated=len(suite.expectations),
        failures=tuple(sorted(failures, key=lambda f: (f.expectation, f.column or ""))),
    )


def _unjudged(
    lazy: pl.LazyFrame,
    present: set[str],
    skip_files: pl.DataFrame | pl.LazyFrame | None,
    fresh: pl.DataFrame | pl.LazyFrame | None,
) -> pl.LazyFrame:
    """The rows of documents not in ``skip_files``, read from ``fresh`` when given."""
    if skip_files is None or "source_file" not in present:
        return lazy
    rows = lazy if fresh is None else fresh.lazy()
    return rows.join(skip_files.lazy(), on="source_file", how="anti")


def _per_document(key: list[str]) -> bool:
    """Whether ``key`` is ``source_file`` plus more: one document's rows never collide with
    another's, so the key is unique if each document's rows are, and a validated
    document's rows (unchanged since) need no second look.
    """
    return "source_file" in key and len(key) > 1


def _rows_per_batch(rows: pl.LazyFrame, most: int) -> int:
    """Rows that hold about ``BATCH_BYTES``, judged on the first rows.

    A row of page text is thousands of times a row of keys: 500,000 landed
    pages made one 2.5 GB batch (3 GB more once GX copied it to pandas).
    """
    sample = rows.head(_SAMPLE_ROWS).collect()
    if sample.is_empty():
        return most
    per_row = max(1, sample.estimated_size() // sample.height)
    return max(1, min(most, BATCH_BYTES // per_row))


def _is_uniqueness(expectation: Any) -> bool:
    name = expectation.expectation_type
    return "unique" in name and "within" not in name


def _repeated_keys(rows: pl.LazyFrame, key: list[str]) -> pl.LazyFrame:
    """Only the rows whose key occurs more than once: what a uniqueness check reports.

    GX then sees the same offending rows (count and sample) as on the whole
    table, without a pandas copy of millions of distinct keys; the counting
    runs in polars' streaming engine.
    """
    repeated = rows.group_by(key).agg(pl.len().alias("_rows")).filter(pl.col("_rows") > 1)
    return rows.join(repeated.select(key), on=key, how="semi", nulls_equal=True)


def _split_by_scope(suite: ExpectationSuite) -> tuple[list[Any], list[Any]]:
    """(expectations that need the whole table, expectations that judge rows one by one)."""
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )

    row_types = (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
    whole: list[Any] = []
    per_row: list[Any] = []
    for expectation in suite.expectations:
        name = expectation.expectation_type
        is_row = isinstance(expectation, row_types) and ("unique" not in name or "within" in name)
        (per_row if is_row else whole).append(expectation)
    return whole, per_row


def _read_columns(expectations: list[Any], present: set[str]) -> list[str]:
    """Columns the expectations name that the frame has (a missing one fails inside GX)."""
    return [c for c in _named(expectations) if c in present]


def _named(expectations: list[Any]) -> list[str]:
    """Every column the expectations name, once each, in order."""
    named: list[str | None] = []
    for expectation in expectations:
        kwargs = expectation.configuration.kwargs
        named += [kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B")]
        named += list(kwargs.get("column_list") or [])
    return [c for c in dict.fromkeys(named) if c is not None]


def _validate(name: str, expectations: list[Any], frame: pl.DataFrame) -> Any:
    """GX's result for ``expectations`` on ``frame``; failures come with counts and samples.

    GX first only says whether the frame passes: its summary (counts, sample
    values, row numbers) costs metrics of its own, and took more than half of
    the time of validating every suite of a run on small frames (3.8 s against
    1.7 s). Only a frame that fails is validated again for that summary.
    """
    part = great_expectations().ExpectationSuite(
        name=name, expectations=[e.copy() for e in expectations]
    )
    batch_definition = _batch_definition()
    with _LOCK:  # the cached context is shared; GX is not documented as thread-safe
        batch = batch_definition.get_batch(batch_parameters={"dataframe": to_pandas(frame)})
        result = batch.validate(part, result_format={"result_format": "BOOLEAN_ONLY"})
        if result.success:
            return result
        return batch.validate(part, result_format={"result_format": "SUMMARY"})


def _merge_failures(failures: Iterable[ExpectationFailure]) -> list[ExpectationFailure]:
    """One failure per expectation and column: counts summed over batches, first samples kept."""
    merged: dict[tuple[str, str | None], ExpectationFailure] = {}
    for failure in failures:
        key = (failure.expectation, failure.column)
        seen = merged.get(key)
        if seen is None:
            merged[key] = failure
            continue
        count = (
            None
            if seen.unexpected_count is None and failure.unexpected_count is None
            else (seen.unexpected_count or 0) + (failure.unexpected_count or 0)
        )
        sample = (seen.sample + failure.sample)[:_SAMPLE_SIZE]
        merged[key] = ExpectationFailure(failure.expectation, failure.column, count, sample)
    return list(merged.values())


def to_pandas(frame: pl.DataFrame) -> pd.DataFrame:
    """Polars -> pandas for GX; list columns become JSON text (see ``list_pattern``).

    GX's pandas metrics hash and compare cell values, which numpy arrays in
    object columns break; a JSON string is hashable, readable in failure
    samples and still checkable with a regex.
    """
    lists = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    rendered = frame.with_columns(
        pl.Series(name, [_render_list(v) for v in frame[name].to_list()], dtype=pl.String)
        for name in lists
    )
    return rendered.with_columns(_as_gx_compares_fast(rendered)).to_pandas()


# The dates pandas can hold as datetime64[ns]; a value outside stays as it was.
_NS_MIN, _NS_MAX = date(1678, 1, 1), date(2261, 12, 31)
_NARROW_INTEGERS = (pl.Int8, pl.Int16, pl.Int32, pl.UInt8, pl.UInt16, pl.UInt32)


def _as_gx_compares_fast(frame: pl.DataFrame) -> list[pl.Expr]:
    """Casts that let GX compare columns with their bounds in one vectorised step.

    GX's between-check is vectorised only for int64, float64 and datetime64[ns]
    columns; any other (Int32 offsets, dates, which arrive as datetime64[ms])
    costs one Python call per value: 4.3 of the 5.7 s the trials suite took at
    100,000 trials. Narrow integers become Int64; dates and tz-naive datetimes
    become nanoseconds when every value fits.
    """
    casts = [
        pl.col(name).cast(pl.Int64)
        for name, dtype in frame.schema.items()
        if dtype in _NARROW_INTEGERS
    ]
    for name, dtype in frame.schema.items():
        naive = dtype == pl.Date or (
            isinstance(dtype, pl.Datetime) and dtype.time_zone is None and dtype.time_unit != "ns"
        )
        if not naive:
            continue
        low, high = frame[name].min(), frame[name].max()
        if low is None or (_fits_nanoseconds(low) and _fits_nanoseconds(high)):
            casts.append(pl.col(name).cast(pl.Datetime("ns")))
    return casts


def _fits_nanoseconds(value: date) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return _NS_MIN <= day <= _NS_MAX


def list_pattern(allowed: tuple[str, ...] | list[str]) -> str:
    """Regex matching a rendered list (``to_pandas``) whose every item is in ``allowed``."""
    item = "(?:" + "|".join(_json_regex(value) for value in allowed) + ")"
    return rf"^\[(?:{item}(?:, {item})*)?\]$"


def _render_list(value: list | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _json_regex(value: str) -> str:
    import re

    return re.escape(json.dumps(value, ensure_ascii=False))


def prepare() -> None:
    """Import GX and build its context now, ahead of the first validation.

    The import takes seconds (2.6 s on a 2-core machine, 1.9 s with
    ``gx_import``'s deferral), which a run's first check paid in full. A run
    calls this where its process would only wait (on its parse workers).
    """
    _batch_definition()


def prepared() -> bool:
    """Whether this process has GX imported and its context built (``prepare`` is then free)."""
    return _batch_definition.cache_info().currsize > 0


@functools.cache
def _batch_definition() -> Any:
    gx = great_expectations()
    from great_expectations.execution_engine import pandas_execution_engine

    # GX labels every in-memory batch with an md5 of all its cells (twice per
    # validation: the batch is fetched again to validate). The label is never
    # used here and cost ~85% of validating a 100,000-page raw table. Batches
    # above this many bytes are not fingerprinted; zero means none is.
    pandas_execution_engine.HASH_THRESHOLD = 0
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,  # no network calls from a pipeline run
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    asset = context.data_sources.add_pandas("frames").add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole")


def _to_failure(result: Any, offset: int = 0) -> ExpectationFailure:
    config = result.expectation_config
    details = result.result or {}
    exception = _exception_message(result.exception_info or {})
    if exception:
        sample: tuple[str, ...] = (exception,)
    else:
        sample = _render_sample(details, offset)
    return ExpectationFailure(
        expectation=config.type,
        column=_column_of(config.kwargs),
        unexpected_count=details.get("unexpected_count"),
        sample=sample,
    )


def _exception_message(info: dict) -> str | None:
    """GX nests exception info per metric when a metric failed (e.g. a missing column)."""
    candidates = [info, *(v for v in info.values() if isinstance(v, dict))]
    for candidate in candidates:
        if candidate.get("raised_exception") and candidate.get("exception_message"):
            return str(candidate["exception_message"]).splitlines()[0]
    return None


def _column_of(kwargs: dict) -> str | None:
    if kwargs.get("column") is not None:
        return str(kwargs["column"])
    if kwargs.get("column_list"):
        return ", ".join(kwargs["column_list"])
    if kwargs.get("column_A") is not None:
        return f"{kwargs['column_A']}, {kwargs['column_B']}"
    return None


def _render_sample(details: dict, offset: int = 0) -> tuple[str, ...]:
    """Up to five offending values; for nulls (no value to show) the row numbers instead."""
    values = list(details.get("partial_unexpected_list") or [])[:_SAMPLE_SIZE]
    if values and all(_is_missing(v) for v in values):
        rows = list(details.get("partial_unexpected_index_list") or [])[:_SAMPLE_SIZE]
        return tuple(f"row {row + offset}" for row in rows) or ("null",) * len(values)
    if not values and "observed_value" in details:
        return (str(details["observed_value"]),)
    return tuple(_render_value(v) for v in values)


def _render_value(value: object) -> str:
    """Column-pair failures come as tuples, compound-key failures as dicts."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_render_value(v) for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_render_value(v)}" for k, v in value.items())
    return str(value)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
