"""Execute the whole asset job in-process and summarise what happened.

The CLI's only entry into Dagster: it runs the same job ``dagster dev`` runs,
on an ephemeral instance (nothing persisted besides the warehouse itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.audit import union_quarantine
from orchestration.automation import ALL_JOB
from orchestration.definitions import build_defs
from orchestration.settings import Settings

PUBLISHED_KEY = dg.AssetKey(["warehouse", "published"])
# Dagster logs every skipped step as an ERROR; the summary reports failures itself.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


@dataclass(frozen=True)
class CheckOutcome:
    """One asset check's verdict, flattened for printing."""

    name: str  # asset/key:check_name
    passed: bool
    blocking: bool
    failures: str


@dataclass(frozen=True)
class RunOutcome:
    """What the CLI reports about one run."""

    run_id: str
    success: bool
    version_dir: Path
    row_counts: dict[str, int]
    checks: list[CheckOutcome]
    step_errors: list[str]
    quarantine: pl.DataFrame
    checks_planned: int
    published_db: Path | None = field(default=None)
    step_seconds: dict[str, float] = field(default_factory=dict)  # in the order steps ran

    @property
    def blocking_failures(self) -> list[CheckOutcome]:
        return [c for c in self.checks if c.blocking and not c.passed]


def run_pipeline(settings: Settings) -> RunOutcome:
    """Materialise every asset and check once; never raises for a failed step."""
    defs = build_defs(settings)
    job = defs.resolve_job_def(ALL_JOB)
    instance = dg.DagsterInstance.ephemeral()
    result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET_LOGS)
    materialized = {e.asset_key: e for e in result.get_asset_materialization_events()}
    version_dir = settings.version_dir(result.run_id)
    return RunOutcome(
        run_id=result.run_id,
        success=result.success,
        version_dir=version_dir,
        row_counts={
            key.to_user_string(): event.materialization.metadata["dagster/row_count"].value
            for key, event in materialized.items()
            if "dagster/row_count" in event.materialization.metadata
        },
        checks=[_check_outcome(e) for e in result.get_asset_check_evaluations()],
        step_errors=[
            f"{e.step_key}: {e.step_failure_data.error.message.strip()}"
            for e in result.all_events
            if e.is_step_failure
            and e.step_failure_data.error is not None
            # a failed blocking check fails its step too; it is reported with the checks
            and e.step_failure_data.error.cls_name != "DagsterAssetCheckFailedError"
        ],
        quarantine=union_quarantine(version_dir),
        checks_planned=len(defs.resolve_asset_graph().asset_check_keys),
        published_db=settings.published_db if PUBLISHED_KEY in materialized else None,
        step_seconds=_step_seconds(instance, result.run_id),
    )


def _step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    """Each step's wall seconds, in the order the steps started."""
    timed = [
        (stats.start_time, stats.step_key, stats.end_time - stats.start_time)
        for stats in instance.get_run_step_stats(run_id)
        if stats.start_time is not None and stats.end_time is not None
    ]
    return {key: seconds for _, key, seconds in sorted(timed)}


def _check_outcome(evaluation: dg.AssetCheckEvaluation) -> CheckOutcome:
    failures = evaluation.metadata.get("failed_expectations")
    return CheckOutcome(
        name=f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}",
        passed=evaluation.passed,
        blocking=bool(evaluation.blocking),
        failures="" if failures is None or evaluation.passed else str(failures.value),
    )
