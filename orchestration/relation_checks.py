"""Cross-table checks (``expectations.relations``) attached to the table they judge.

Each relation is bound to the child table whose rows would be wrong, with the
other tables as extra inputs, so the UI shows a dangling ``trial_id`` on
``marts/doses`` rather than on ``marts/trials``. All of them are blocking: the
tables they judge are staged or marts.
"""

import dagster as dg
import polars as pl

from orchestration.checks import fresh_rows, to_check_result
from orchestration.storage import WarehouseResource
from transforms.schemas import MART_TABLES, STAGED_TABLES

STG_DOCUMENTS = dg.AssetKey(["staged", "stg_documents"])
SPAN_TABLES = [
    (layer, name)
    for layer, tables in (("staged", STAGED_TABLES), ("marts", MART_TABLES))
    for name, schema in tables.items()
    if "span_end" in schema
]
TRIAL_CHILDREN = [
    name for name, schema in MART_TABLES.items() if name != "trials" and "trial_id" in schema
]


def _trials_exist_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(["marts", table]),
        name="trial_id_in_trials",
        blocking=True,
        additional_ins={"trials": dg.AssetIn(key=["marts", "trials"])},
        description=f"Every trial_id of marts.{table} names a row of marts.trials.",
    )
    def _check(
        context: dg.AssetCheckExecutionContext,
        warehouse: WarehouseResource,
        frame: pl.LazyFrame,
        trials: pl.LazyFrame,
    ) -> dg.AssetCheckResult:
        from expectations.relations import trials_exist

        return to_check_result(
            context, warehouse, trials_exist(trials, {table: frame}), blocking=True
        )

    return _check


def _spans_check(layer: str, table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey([layer, table]),
        name="spans_within_documents",
        blocking=True,
        additional_ins={"stg_documents": dg.AssetIn(key=STG_DOCUMENTS)},
        description=f"Every span of {layer}.{table} points into its own document's raw text.",
    )
    def _check(
        context: dg.AssetCheckExecutionContext,
        warehouse: WarehouseResource,
        frame: pl.LazyFrame,
        stg_documents: pl.LazyFrame,
    ) -> dg.AssetCheckResult:
        from expectations.relations import spans_within_documents

        fresh = fresh_rows(warehouse.settings().version_dir(context.run.run_id), layer, table)
        if fresh is not None:  # the other rows' spans and documents passed before, unchanged
            frame = fresh
        if layer == "marts":
            # Rows carried forward for a page that left raw/ (trials.in_source = false) were
            # span-checked by the version that first published them; this run has no text
            # for them. Every other mart row must point into a document of this run.
            present = stg_documents.select("source_file")
            frame = frame.join(present, on="source_file", how="semi")
        result = spans_within_documents(stg_documents, {table: frame})
        return to_check_result(context, warehouse, result, blocking=True)

    return _check


@dg.asset_check(
    asset=dg.AssetKey(["staged", "stg_sections"]),
    name="documents_have_sections",
    blocking=True,
    additional_ins={"stg_documents": dg.AssetIn(key=STG_DOCUMENTS)},
    description="Every staged document yields at least one section.",
)
def documents_have_sections_check(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    frame: pl.LazyFrame,
    stg_documents: pl.LazyFrame,
) -> dg.AssetCheckResult:
    from expectations.relations import documents_have_sections

    result = documents_have_sections(stg_documents, frame)
    return to_check_result(context, warehouse, result, blocking=True)


@dg.asset_check(
    asset=STG_DOCUMENTS,
    name="landed_documents_are_staged",
    blocking=True,
    additional_ins={
        "raw_documents": dg.AssetIn(key=["raw", "documents"]),
        "raw_quarantine": dg.AssetIn(key=["raw", "quarantine"]),
        "staged_quarantine": dg.AssetIn(key=["staged", "quarantine"]),
    },
    description="Every landed file is a staged document unless a layer quarantined it.",
)
def landed_documents_are_staged_check(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    frame: pl.LazyFrame,
    raw_documents: pl.LazyFrame,
    raw_quarantine: pl.LazyFrame,
    staged_quarantine: pl.LazyFrame,
) -> dg.AssetCheckResult:
    from expectations.relations import landed_documents_are_staged

    quarantine = pl.concat([raw_quarantine, staged_quarantine], how="vertical_relaxed")
    result = landed_documents_are_staged(raw_documents, frame, quarantine)
    return to_check_result(context, warehouse, result, blocking=True)


def build_relation_checks() -> list[dg.AssetChecksDefinition]:
    """Every cross-table check, bound to the tables named in ``transforms.schemas``."""
    return [
        landed_documents_are_staged_check,
        documents_have_sections_check,
        *(_spans_check(layer, table) for layer, table in SPAN_TABLES),
        *(_trials_exist_check(table) for table in TRIAL_CHILDREN),
    ]
