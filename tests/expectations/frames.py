"""Small typed frames and assertions shared by the suite tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl

from expectations.runner import SuiteResult
from transforms import schemas

Mutation = Callable[[pl.DataFrame], pl.DataFrame]


def make(schema: dict[str, pl.DataType], rows: list[dict]) -> pl.DataFrame:
    """Rows as dicts (missing keys are NULL), typed exactly like the real table."""
    return pl.DataFrame(rows, schema=schema)


def mutate(frame: pl.DataFrame, schema: dict[str, pl.DataType], **values: object) -> pl.DataFrame:
    """Set the first row's ``values`` (keeping dtypes), the way one bad record arrives."""
    rows = frame.to_dicts()
    rows[0] = {**rows[0], **values}
    return make(schema, rows)


def duplicate_first(frame: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([frame, frame.head(1)])


def assert_fails(result: SuiteResult, expectation: str, column: str | None) -> None:
    reported = [(f.expectation, f.column) for f in result.failures]
    assert not result.success
    assert (expectation, column) in reported, reported


def assert_passes(result: SuiteResult) -> None:
    assert result.failures == (), result.failures
    assert result.success
    assert result.evaluated > 0


def trials() -> pl.DataFrame:
    base = {
        "source_format": "ctgov_text",
        "overall_status": "RECRUITING",
        "study_type": "INTERVENTIONAL",
        "phases": ["PHASE1", "PHASE2"],
        "start_date": date(2023, 3, 1),
        "start_date_precision": "month",
        "completion_date": date(2027, 12, 31),
        "completion_date_precision": "day",
        "min_age_years": 18.0,
        "max_age_years": 65.0,
        "sex": "ALL",
        "conditions": ["Systemic Lupus Erythematosus"],
    }
    return make(
        schemas.TRIALS,
        [
            {**base, "trial_id": "NCT01234567", "nct_id": "NCT01234567", "source_file": "a.txt"},
            {**base, "trial_id": "ChiCTR2300071234", "source_file": "b.txt", "phases": []},
            {
                "trial_id": "doc-3f2a",
                "source_file": "c.txt",
                "source_format": "generic",
                "phases": None,
                "min_age_years": 0.5,
                "start_date": date(2024, 1, 1),
                "completion_date": None,
            },
        ],
    )
