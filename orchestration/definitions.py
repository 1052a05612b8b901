"""The Dagster code location: ``build_defs(settings)`` wires everything explicitly.

Tests build the same graph against folders under ``tmp_path``; ``defs`` at
module level is what ``dagster dev`` and ``dagster definitions validate`` load.
"""

from __future__ import annotations

import dagster as dg

from orchestration.assets import marts_layer, published, raw_layer, staged_layer
from orchestration.automation import ALL_JOB, daily_schedule, raw_files_sensor
from orchestration.checks import build_suite_checks
from orchestration.relation_checks import build_relation_checks
from orchestration.settings import Settings
from orchestration.storage import VersionedParquetIOManager, WarehouseResource


def build_defs(settings: Settings) -> dg.Definitions:
    """Assets, checks, the all-assets job, its schedule and sensor, bound to ``settings``."""
    from expectations.registry import BLOCKING_LAYERS, SUITES

    all_job = dg.define_asset_job(
        ALL_JOB,
        selection=dg.AssetSelection.all(),
        description="Land, parse, build marts, run every check, publish if blocking checks pass.",
    )
    return dg.Definitions(
        assets=[raw_layer, staged_layer, marts_layer, published],
        asset_checks=[*build_suite_checks(SUITES, BLOCKING_LAYERS), *build_relation_checks()],
        jobs=[all_job],
        schedules=[daily_schedule],
        sensors=[raw_files_sensor],
        resources={
            "warehouse": WarehouseResource(
                raw_dir=str(settings.raw_dir),
                warehouse_dir=str(settings.warehouse_dir),
                keep_versions=settings.keep_versions,
            ),
            "io_manager": VersionedParquetIOManager(warehouse_dir=str(settings.warehouse_dir)),
        },
        # One process per run: every check step would otherwise re-import
        # polars and Great Expectations (seconds each) in its own subprocess.
        executor=dg.in_process_executor,
    )


defs = build_defs(Settings())
