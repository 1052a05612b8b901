"""Wiring: the graph's asset and check keys (a snapshot that shows graph changes in review)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from orchestration.automation import ALL_JOB
from orchestration.definitions import build_defs

PROJECT = Path(__file__).resolve().parents[2]

EXPECTED_ASSETS = [
    "marts/arms",
    "marts/criteria",
    "marts/criteria_thresholds",
    "marts/doses",
    "marts/endpoints",
    "marts/quarantine",
    "marts/trials",
    "raw/documents",
    "raw/quarantine",
    "staged/quarantine",
    "staged/stg_conflicts",
    "staged/stg_documents",
    "staged/stg_fields",
    "staged/stg_items",
    "staged/stg_sections",
    "warehouse/published",
]
EXPECTED_CHECKS = [
    "marts/arms:spans_within_documents",
    "marts/arms:suite",
    "marts/arms:trial_id_in_trials",
    "marts/criteria:spans_within_documents",
    "marts/criteria:suite",
    "marts/criteria:trial_id_in_trials",
    "marts/criteria_thresholds:spans_within_documents",
    "marts/criteria_thresholds:suite",
    "marts/criteria_thresholds:trial_id_in_trials",
    "marts/doses:spans_within_documents",
    "marts/doses:suite",
    "marts/doses:trial_id_in_trials",
    "marts/endpoints:spans_within_documents",
    "marts/endpoints:suite",
    "marts/endpoints:trial_id_in_trials",
    "marts/trials:suite",
    "raw/documents:suite",
    "raw/quarantine:suite",
    "staged/stg_conflicts:suite",
    "staged/stg_documents:landed_documents_are_staged",
    "staged/stg_documents:suite",
    "staged/stg_fields:spans_within_documents",
    "staged/stg_fields:suite",
    "staged/stg_items:spans_within_documents",
    "staged/stg_items:suite",
    "staged/stg_sections:documents_have_sections",
    "staged/stg_sections:spans_within_documents",
    "staged/stg_sections:suite",
]


@pytest.fixture(scope="module")
def defs(tmp_path_factory) -> dg.Definitions:
    from orchestration.settings import Settings

    root = tmp_path_factory.mktemp("defs")
    return build_defs(Settings(raw_dir=root / "raw", warehouse_dir=root / "wh"))


def test_asset_and_check_keys(defs):
    graph = defs.resolve_asset_graph()
    assert sorted(k.to_user_string() for k in graph.get_all_asset_keys()) == EXPECTED_ASSETS
    assert sorted(k.to_user_string() for k in graph.asset_check_keys) == EXPECTED_CHECKS


def test_only_raw_checks_are_non_blocking(defs):
    graph = defs.resolve_asset_graph()
    for key in graph.asset_check_keys:
        spec = graph.get_check_spec(key)
        assert spec.blocking is (key.asset_key.path[0] != "raw"), key.to_user_string()


def test_every_table_asset_has_a_group_and_description(defs):
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name == key.path[0]
        assert node.description, key.to_user_string()


def test_job_schedule_and_sensor_target_everything(defs):
    job = defs.resolve_job_def(ALL_JOB)
    assert len(job.asset_layer.executable_asset_keys) == len(EXPECTED_ASSETS)
    assert defs.resolve_schedule_def("daily_rebuild").job_name == ALL_JOB
    assert defs.resolve_sensor_def("raw_files_changed").job_name == ALL_JOB


def test_published_waits_for_every_mart(defs):
    graph = defs.resolve_asset_graph()
    parents = {
        k.to_user_string() for k in graph.get(dg.AssetKey(["warehouse", "published"])).parent_keys
    }
    assert {f"marts/{t}" for t in ("trials", "arms", "doses")} <= parents


@pytest.mark.slow
def test_dagster_validates_the_code_location(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("dagster")), "definitions", "validate"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
