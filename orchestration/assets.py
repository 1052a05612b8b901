"""The asset graph: raw -> staged -> marts -> published warehouse.

Assets only load, call one pure transform and hand frames to the IO manager;
every rule lives in ``transforms``. Table names come from ``transforms.schemas``
so a new staged or mart table appears here without editing this file.
"""

import os
from collections.abc import Iterable
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from orchestration.faults import crash_point
from orchestration.inputs import code_fingerprint
from orchestration.lock import hold_lock
from orchestration.metadata import table_metadata, table_output
from orchestration.publish import (
    LAYER_TABLES,
    build_database,
    complete_version,
    publish,
    record_run_inputs,
)
from orchestration.raw_files import list_raw_files
from orchestration.settings import Settings
from orchestration.storage import WarehouseResource, read_published_layer
from transforms.marts import pipeline as marts_pipeline
from transforms.marts.history import carry_forward_removed
from transforms.raw import documents as raw_documents
from transforms.schemas import MART_TABLES, STAGED_TABLES
from transforms.staged import pipeline as staged_pipeline

MART_KEYS = [dg.AssetKey(["marts", name]) for name in MART_TABLES]
WORKERS = os.cpu_count() or 1
GRAINS = {
    "documents": "One row per file landed from the raw folder: bytes, sha256, encoding, text.",
    "stg_documents": "One row per decoded document: normalised text and its offset map to raw.",
    "stg_sections": "One row per section of a document: canonical name, heading, spans.",
    "stg_fields": "One row per labelled value found in a document, with where it was read.",
    "stg_items": "One row per list item (bullet, number) inside a section, with spans.",
    "stg_conflicts": "One row per disagreeing value a field rule set aside.",
    "trials": "One row per trial: ids, status, phases, dates, ages, sponsor, antigens.",
    "arms": "One row per arm or group of a trial.",
    "doses": "One row per distinct dose level of a trial.",
    "endpoints": "One row per outcome measure of a trial.",
    "criteria": "One row per eligibility criterion of a trial.",
    "criteria_thresholds": "One row per numeric condition in an eligibility criterion.",
    "quarantine": "One row per document set aside at this stage: file, stage, reason, sha256.",
}


def _outs(layer: str, tables: Iterable[str]) -> dict[str, dg.AssetOut]:
    """One output per table plus the layer's quarantine, keyed ``<layer>/<table>``."""
    return {
        name: dg.AssetOut(key=[layer, name], description=GRAINS.get(name), group_name=layer)
        for name in (*tables, "quarantine")
    }


@dg.multi_asset(
    outs=_outs("raw", ["documents"]),
    description="Land every file under the raw folder: decode and hash, nothing else.",
)
def raw_layer(warehouse: WarehouseResource):
    """Read the raw folder (recursively, following links) and land it as documents."""
    raw_dir = warehouse.settings().raw_dir
    found = list_raw_files(raw_dir)
    if not found:  # an unmounted or emptied folder must not publish an empty warehouse
        raise dg.Failure(f"no files under the raw folder {raw_dir}")
    files = [(rel, path.read_bytes()) for rel, path in found]
    documents, quarantine = raw_documents.land_files(files, landed_at=datetime.now(UTC))
    yield table_output(documents, "documents")
    yield table_output(quarantine, "quarantine")


@dg.multi_asset(
    ins={"documents": dg.AssetIn(key=["raw", "documents"])},
    outs=_outs("staged", STAGED_TABLES),
    description="Parse every landed document once into sections, fields and items with spans.",
)
def staged_layer(warehouse: WarehouseResource, documents: pl.DataFrame):
    """One parse of all changed documents emits every staged table; unchanged ones are copied."""
    crash_point("after_raw")
    previous = _previous_staged(warehouse.settings())
    tables, quarantine = staged_pipeline.build_staged(documents, previous, workers=WORKERS)
    reused = len(staged_pipeline.reusable_files(documents, previous))
    counts = {"reused_documents": reused, "parsed_documents": documents.height - reused}
    for name in STAGED_TABLES:
        extra = counts if name == "stg_documents" else {}
        yield dg.Output(tables[name], name, metadata={**table_metadata(tables[name]), **extra})
    yield table_output(quarantine, "quarantine")


def _previous_staged(settings: Settings) -> dict[str, pl.DataFrame]:
    """The published staged tables, when the same code built them; else nothing to reuse."""
    runs = read_published_layer(settings, "audit").get("run_inputs")
    current = code_fingerprint(settings.analytics_sql_dir)
    if runs is None or runs["code_fingerprint"].to_list() != [current]:
        return {}
    return read_published_layer(settings, "staged")


@dg.multi_asset(
    ins={
        **{name: dg.AssetIn(key=["staged", name]) for name in STAGED_TABLES},
        "raw_quarantine": dg.AssetIn(key=["raw", "quarantine"]),
        "staged_quarantine": dg.AssetIn(key=["staged", "quarantine"]),
    },
    outs=_outs("marts", MART_TABLES),
    description="Build the contract marts from the staged tables.",
)
def marts_layer(
    warehouse: WarehouseResource,
    raw_quarantine: pl.DataFrame,
    staged_quarantine: pl.DataFrame,
    **staged: pl.DataFrame,
):
    """Conform ids, units and enums into the consumer-shaped marts."""
    crash_point("after_staged")
    tables, quarantine = marts_pipeline.build_marts(staged, workers=WORKERS)
    present = {
        *staged["stg_documents"]["source_file"],
        *staged_quarantine["source_file"],
        *raw_quarantine["source_file"],
    }
    previous = read_published_layer(warehouse.settings(), "marts")
    tables = carry_forward_removed(tables, previous, present)
    for name in MART_TABLES:
        yield table_output(tables[name], name)
    yield table_output(quarantine, "quarantine")


@dg.asset(
    key=["warehouse", "published"],
    group_name="warehouse",
    deps=[*MART_KEYS, *(dg.AssetKey([layer, "quarantine"]) for layer in LAYER_TABLES)],
    description="The DuckDB warehouse analysts query, swapped in only after blocking checks pass.",
)
def published(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Build this run's database from its Parquet, then publish it atomically."""
    settings = warehouse.settings()
    version_dir = settings.version_dir(context.run.run_id)
    crash_point("after_marts")
    complete_version(settings, version_dir)
    record_run_inputs(settings, version_dir, context.run.run_id)
    build_database(settings, version_dir)
    crash_point("before_publish")
    with hold_lock(settings.lock_path):
        db_path = publish(settings, version_dir)
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(db_path)), "version": context.run.run_id}
    )
