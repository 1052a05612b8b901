"""When the pipeline runs on its own: when raw files change, and once a day."""

import dagster as dg

from orchestration.raw_files import fingerprint, list_raw_files
from orchestration.storage import WarehouseResource

ALL_JOB = "trialhouse_all"

# A daily rebuild picks up code changes (new parsers) even when no page changed.
daily_schedule = dg.ScheduleDefinition(
    name="daily_rebuild",
    cron_schedule="0 5 * * *",
    job_name=ALL_JOB,
    execution_timezone="UTC",
    description="Rebuild and republish the whole warehouse every day at 05:00 UTC.",
)


@dg.sensor(
    name="raw_files_changed",
    job_name=ALL_JOB,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Start a full run when a file under the raw folder is added, edited or removed.",
)
def raw_files_sensor(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource
) -> dg.SensorResult | dg.SkipReason:
    """The cursor is a hash of ``{relpath: [mtime_ns, size]}``; a new hash means new input."""
    raw_dir = warehouse.settings().raw_dir
    if not raw_dir.is_dir() or not list_raw_files(raw_dir):
        return dg.SkipReason(f"no files under {raw_dir}")
    cursor = fingerprint(raw_dir)
    if cursor == context.cursor:
        return dg.SkipReason("raw folder unchanged since the last run request")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=cursor)], cursor=cursor)
