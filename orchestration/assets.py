"""The asset graph: raw -> staged -> marts -> published warehouse.

Assets only load, call one pure transform and hand frames to the IO manager;
every rule lives in ``transforms``. Table names come from ``transforms.schemas``
so a new staged or mart table appears here without editing this file.
"""

from datetime import UTC, datetime

import dagster as dg
import polars as pl

from orchestration.metadata import table_output
from orchestration.publish import LAYER_TABLES, build_database, complete_version, publish
from orchestration.raw_files import list_raw_files
from orchestration.storage import WarehouseResource
from transforms.marts import pipeline as marts_pipeline
from transforms.raw import documents as raw_documents
from transforms.schemas import MART_TABLES, STAGED_TABLES
from transforms.staged import pipeline as staged_pipeline

QUARANTINE_DESCRIPTION = (
    "One row per document set aside at this stage: file, stage, reason, sha256."
)
MART_KEYS = [dg.AssetKey(["marts", name]) for name in MART_TABLES]


def _outs(layer: str, descriptions: dict[str, str]) -> dict[str, dg.AssetOut]:
    return {
        name: dg.AssetOut(key=[layer, name], description=text, group_name=layer)
        for name, text in {**descriptions, "quarantine": QUARANTINE_DESCRIPTION}.items()
    }


@dg.multi_asset(
    outs=_outs(
        "raw", {"documents": "One row per file landed from the raw folder: bytes, hash, text."}
    ),
    description="Land every file under the raw folder: decode and hash, nothing else.",
)
def raw_layer(warehouse: WarehouseResource):
    """Read the raw folder (recursively, following links) and land it as documents."""
    files = [(rel, path.read_bytes()) for rel, path in list_raw_files(warehouse.settings().raw_dir)]
    documents, quarantine = raw_documents.land_files(files, landed_at=datetime.now(UTC))
    yield table_output(documents, "documents")
    yield table_output(quarantine, "quarantine")


@dg.multi_asset(
    ins={"documents": dg.AssetIn(key=["raw", "documents"])},
    outs=_outs(
        "staged",
        {name: f"Staged {name}: source-shaped, typed, with spans." for name in STAGED_TABLES},
    ),
    description="Parse every landed document once into sections, fields and items with spans.",
)
def staged_layer(documents: pl.DataFrame):
    """One parse of all documents emits every staged table."""
    tables, quarantine = staged_pipeline.build_staged(documents)
    for name in STAGED_TABLES:
        yield table_output(tables[name], name)
    yield table_output(quarantine, "quarantine")


@dg.multi_asset(
    ins={name: dg.AssetIn(key=["staged", name]) for name in STAGED_TABLES},
    outs=_outs("marts", {name: f"Contract mart {name} (see CONTRACT.md)." for name in MART_TABLES}),
    description="Build the contract marts from the staged tables.",
)
def marts_layer(**staged: pl.DataFrame):
    """Conform ids, units and enums into the consumer-shaped marts."""
    tables, quarantine = marts_pipeline.build_marts(staged)
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
    complete_version(settings, version_dir)
    build_database(settings, version_dir)
    db_path = publish(settings, version_dir)
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(db_path)), "version": context.run.run_id}
    )
