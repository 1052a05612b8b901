"""Asset checks: each expectation suite and cross-table relation becomes a Dagster check.

Suites of the raw layer warn; staged and mart suites are blocking, so a failure
stops ``warehouse/published`` from materialising in the same run (Dagster
skips every asset downstream of a failed blocking check). Each outcome is also
written to the version's audit folder for ``audit.check_results``.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dagster as dg
import polars as pl

from orchestration.audit import write_check_result
from orchestration.deltas import KEY, delta_path, has_delta
from orchestration.settings import table_path
from orchestration.storage import WarehouseResource
from orchestration.tables import fresh_table, validated_table

if TYPE_CHECKING:
    from expectations.runner import ExpectationFailure, SuiteResult

SUITE_CHECK_NAME = "suite"


def _sample(failure: "ExpectationFailure") -> str:
    """The failing values, each once (GX lists a duplicated value once per row)."""
    return ", ".join(dict.fromkeys(failure.sample))


def format_failures(result: "SuiteResult") -> str:
    """One line per failed expectation: ``name(column): N unexpected, e.g. a, b``."""
    lines = []
    for failure in result.failures:
        where = f"({failure.column})" if failure.column else ""
        count = (
            "" if failure.unexpected_count is None else f": {failure.unexpected_count} unexpected"
        )
        sample = f", e.g. {_sample(failure)}" if failure.sample else ""
        lines.append(f"{failure.expectation}{where}{count}{sample}")
    return "\n".join(lines)


def _failures_markdown(result: "SuiteResult") -> str:
    rows = ["| expectation | column | unexpected | sample |", "| --- | --- | --- | --- |"]
    for f in result.failures:
        sample = _sample(f).replace("|", "\\|")[:200]
        rows.append(f"| {f.expectation} | {f.column or ''} | {f.unexpected_count} | {sample} |")
    return "\n".join(rows)


def to_check_result(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    result: "SuiteResult",
    *,
    blocking: bool,
) -> dg.AssetCheckResult:
    """Record ``result`` in the version's audit folder and wrap it for Dagster."""
    check_key = context.check_specs[0].key
    asset = check_key.asset_key.to_user_string()
    failures = format_failures(result)
    write_check_result(
        warehouse.settings().version_dir(context.run.run_id),
        {
            "suite": result.suite_name,
            "asset": asset,
            "check_name": check_key.name,
            "blocking": blocking,
            "success": result.success,
            "evaluated": result.evaluated,
            "failures": failures or None,
        },
    )
    metadata: dict[str, Any] = {
        "suite": result.suite_name,
        "evaluated": result.evaluated,
        "failed_expectations": failures or "none",
    }
    if result.failures:
        metadata["failures"] = dg.MetadataValue.md(_failures_markdown(result))
    severity = dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN
    return dg.AssetCheckResult(passed=result.success, severity=severity, metadata=metadata)


def fresh_rows(version_dir: Path, layer: str, table: str) -> pl.LazyFrame | None:
    """The rows of a table that no published version validated, when known; else None.

    A table kept as a delta (see ``deltas``): its delta, which holds every
    row a published version did not validate (its base rows are reused
    documents, and reused documents are the validated ones). A whole table
    (the marts): its rows of the documents listed in ``fresh_table(layer)``.
    Checks that judge documents one by one need read only these rows.
    """
    path = table_path(version_dir, layer, table)
    if has_delta(path):
        return pl.scan_parquet(delta_path(path))
    documents = table_path(version_dir, "audit", fresh_table(layer))
    if not documents.exists():
        return None
    listed = pl.read_parquet(documents, columns=[KEY])[KEY]
    return pl.scan_parquet(path).filter(pl.col(KEY).is_in(listed.implode()))


def _effect(blocking: bool) -> str:
    return "blocks publishing" if blocking else "warns only"


def _suite_check(suite_name: str, blocking: bool) -> dg.AssetChecksDefinition:
    layer, table = suite_name.split(".", 1)

    @dg.asset_check(
        asset=dg.AssetKey([layer, table]),
        name=SUITE_CHECK_NAME,
        blocking=blocking,
        description=f"Expectation suite {suite_name} ({_effect(blocking)}).",
    )
    def _check(
        context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, frame: pl.LazyFrame
    ) -> dg.AssetCheckResult:
        from expectations.registry import SUITES
        from expectations.runner import run_suite

        version_dir = warehouse.settings().version_dir(context.run.run_id)
        validated = table_path(version_dir, "audit", validated_table(layer))
        skip = pl.scan_parquet(validated) if validated.exists() else None
        fresh = fresh_rows(version_dir, layer, table)
        result = run_suite(SUITES[suite_name], frame, skip_files=skip, fresh=fresh)
        return to_check_result(context, warehouse, result, blocking=blocking)

    return _check


def build_suite_checks(
    suite_names: Iterable[str], blocking_layers: Iterable[str]
) -> list[dg.AssetChecksDefinition]:
    """One check per suite ``<layer>.<table>`` on asset ``<layer>/<table>``."""
    blocking = set(blocking_layers)
    return [_suite_check(name, name.split(".", 1)[0] in blocking) for name in sorted(suite_names)]
