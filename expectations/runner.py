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
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations import ExpectationSuite

_SAMPLE_SIZE = 5
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
    suite: ExpectationSuite | Callable[[], ExpectationSuite], frame: pl.DataFrame
) -> SuiteResult:
    """Validate ``frame`` as one whole-dataframe batch against ``suite``."""
    if callable(suite):
        suite = suite()
    batch_definition = _batch_definition()
    with _LOCK:  # the cached context is shared; GX is not documented as thread-safe
        batch = batch_definition.get_batch(batch_parameters={"dataframe": to_pandas(frame)})
        result = batch.validate(suite, result_format={"result_format": "SUMMARY"})
    failures = tuple(_to_failure(r) for r in result.results if not r.success)
    return SuiteResult(
        suite_name=suite.name,
        success=bool(result.success),
        evaluated=int(result.statistics["evaluated_expectations"]),
        failures=tuple(sorted(failures, key=lambda f: (f.expectation, f.column or ""))),
    )


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
    return rendered.to_pandas()


def list_pattern(allowed: tuple[str, ...] | list[str]) -> str:
    """Regex matching a rendered list (``to_pandas``) whose every item is in ``allowed``."""
    item = "(?:" + "|".join(_json_regex(value) for value in allowed) + ")"
    return rf"^\[(?:{item}(?:, {item})*)?\]$"


def _render_list(value: list | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _json_regex(value: str) -> str:
    import re

    return re.escape(json.dumps(value, ensure_ascii=False))


@functools.cache
def _batch_definition() -> Any:
    import great_expectations as gx
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


def _to_failure(result: Any) -> ExpectationFailure:
    config = result.expectation_config
    details = result.result or {}
    exception = _exception_message(result.exception_info or {})
    if exception:
        sample: tuple[str, ...] = (exception,)
    else:
        sample = _render_sample(details)
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


def _render_sample(details: dict) -> tuple[str, ...]:
    """Up to five offending values; for nulls (no value to show) the row numbers instead."""
    values = list(details.get("partial_unexpected_list") or [])[:_SAMPLE_SIZE]
    if values and all(_is_missing(v) for v in values):
        rows = list(details.get("partial_unexpected_index_list") or [])[:_SAMPLE_SIZE]
        return tuple(f"row {row}" for row in rows) or ("null",) * len(values)
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
