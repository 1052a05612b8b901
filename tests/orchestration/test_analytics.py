"""The analytics views answer their question on a few hand-made mart rows."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from orchestration.settings import Settings
from transforms import schemas as s

SQL_DIR = Settings().analytics_sql_dir
VIEWS = sorted(p.stem for p in SQL_DIR.glob("*.sql"))


def _con(**rows: list[dict]) -> duckdb.DuckDBPyConnection:
    """In-memory marts (empty unless rows are given) with every analytics view created."""
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create schema analytics")
    for name, schema in s.MART_TABLES.items():
        frame = (
            s.conform(pl.DataFrame(rows.get(name, [])), schema) if name in rows else s.empty(schema)
        )
        con.register("frame", frame.to_arrow())
        con.execute(f"create table marts.{name} as select * from frame")
        con.unregister("frame")
    for view in VIEWS:
        con.execute(f"create view analytics.{view} as {(SQL_DIR / f'{view}.sql').read_text()}")
    return con


def test_views_exist_and_are_lower_case():
    assert VIEWS == [
        "dose_levels_by_antigen",
        "eligibility_thresholds",
        "endpoints_by_horizon",
        "pediatric_vs_adult",
        "trials_by_status_phase",
    ]
    for view in VIEWS:
        code = "\n".join(
            line.split("--")[0] for line in (SQL_DIR / f"{view}.sql").read_text().splitlines()
        )
        outside_strings = "".join(code.split("'")[::2])
        assert outside_strings == outside_strings.lower(), view


@pytest.mark.parametrize("view", VIEWS)
def test_view_runs_on_empty_marts(view):
    assert _con().execute(f"select * from analytics.{view}").fetchall() == []


@pytest.mark.parametrize(
    ("min_age", "max_age", "population"),
    [
        (5.0, 17.0, "pediatric"),
        (12.0, 65.0, "pediatric"),
        (18.0, 75.0, "adult"),
        (18.0, None, "adult"),
        (None, 16.0, "pediatric"),
        (None, None, "unknown"),
    ],
)
def test_pediatric_vs_adult(min_age, max_age, population):
    con = _con(trials=[{"trial_id": "T", "min_age_years": min_age, "max_age_years": max_age}])
    assert con.execute("select population from analytics.pediatric_vs_adult").fetchone() == (
        population,
    )


@pytest.mark.parametrize(
    ("days", "horizon"),
    [
        (28, "<=30 days"),
        (30, "<=30 days"),
        (31, "<=90 days"),
        (180, "<=180 days"),
        (365, "<=365 days"),
        (730, ">365 days"),
        (None, "unknown"),
    ],
)
def test_endpoints_by_horizon(days, horizon):
    con = _con(endpoints=[{"trial_id": "T", "endpoint_type": "PRIMARY", "time_frame_days": days}])
    rows = con.execute("select horizon, endpoints from analytics.endpoints_by_horizon").fetchall()
    assert rows == [(horizon, 1)]


def test_trials_by_status_phase_counts_each_phase():
    con = _con(
        trials=[
            {"trial_id": "A", "overall_status": "RECRUITING", "phases": ["PHASE1", "PHASE2"]},
            {"trial_id": "B", "overall_status": "RECRUITING", "phases": ["PHASE1"]},
            {"trial_id": "C", "overall_status": "COMPLETED", "phases": None},
        ]
    )
    rows = con.execute("select * from analytics.trials_by_status_phase").fetchall()
    assert rows == [
        ("COMPLETED", None, 1),
        ("RECRUITING", "PHASE1", 2),
        ("RECRUITING", "PHASE2", 1),
    ]


def test_dose_levels_by_antigen_joins_antigens_to_doses():
    con = _con(
        trials=[{"trial_id": "A", "target_antigens": ["CD19", "BCMA"]}],
        doses=[
            {"trial_id": "A", "dose_ordinal": 1, "dose_value": 1e6, "dose_unit": "cells/kg"},
            {"trial_id": "A", "dose_ordinal": 2, "dose_value": 3e6, "dose_unit": "cells/kg"},
        ],
    )
    rows = con.execute(
        "select antigen, trials, dose_levels, distinct_dose_values, max_dose_value "
        "from analytics.dose_levels_by_antigen"
    ).fetchall()
    assert rows == [("BCMA", 1, 2, [1e6, 3e6], 3e6), ("CD19", 1, 2, [1e6, 3e6], 3e6)]


def _threshold(kind, concept, op, value, unit):
    return {
        "trial_id": "A",
        "criterion_ordinal": 1,
        "criterion_type": kind,
        "concept": concept,
        "operator": op,
        "value": value,
        "unit": unit,
    }


def test_eligibility_thresholds_pivots_bounds_per_trial():
    con = _con(
        trials=[{"trial_id": "A", "min_age_years": 18.0}, {"trial_id": "B"}],
        criteria_thresholds=[
            _threshold("INCLUSION", "sledai_2k", ">=", 6.0, "points"),
            _threshold("EXCLUSION", "egfr", "<", 60.0, "mL/min/1.73m2"),  # so egfr >= 60
            _threshold("EXCLUSION", "ast", ">", 3.0, "xULN"),  # so ast <= 3 x ULN
            _threshold("INCLUSION", "lvef", ">=", 50.0, "%"),
            _threshold("INCLUSION", "age", "<=", 65.0, "years"),
        ],
    )
    rows = con.execute(
        "select trial_id, min_age_years, max_age_years, sledai_2k_min, egfr_min, lvef_min_pct, "
        "ast_max_xuln, alt_max_xuln from analytics.eligibility_thresholds"
    ).fetchall()
    assert rows == [
        ("A", 18.0, 65.0, 6.0, 60.0, 50.0, 3.0, None),
        ("B", None, None, None, None, None, None, None),
    ]
