"""The asset graph: raw -> staged -> marts -> published warehouse.

Assets only load, call one pure transform and hand frames to the IO manager;
every rule lives in ``transforms``. Table names come from ``transforms.schemas``
so a new staged or mart table appears here without editing this file.
"""

import os
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from expectations.runner import prepare as prepare_validation
from expectations.runner import prepared as validation_prepared
from orchestration.faults import crash_point
from orchestration.inputs import code_fingerprint, write_raw_stats
from orchestration.lock import hold_lock
from orchestration.metadata import table_output, written_output
from orchestration.publish import (
    LAYER_TABLES,
    build_database,
    complete_version,
    publish,
    record_run_inputs,
)
from orchestration.raw_files import stat_fingerprint, take_raw_files
from orchestration.settings import Settings
from orchestration.storage import (
    CANDIDATES,
    WarehouseResource,
    locate_table,
    published_version,
    read_published_layer,
    table_path,
)
from orchestration.stream_marts import stream_candidates, write_marts
from orchestration.stream_raw import stream_raw
from orchestration.stream_staged import CANDIDATE_TABLES, LayerFiles, stream_staged
from orchestration.tables import (
    LayerBuild,
    describe,
    fresh_table,
    read_column_frame,
    record_documents,
    record_validated,
    validated_table,
)
from transforms.schemas import MART_CANDIDATES, MART_TABLES, STAGED_TABLES

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
def raw_layer(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Read the raw folder (recursively, following links) and land it as documents."""
    settings = warehouse.settings()
    found = take_raw_files(settings.raw_dir)
    if not found:  # an unmounted or emptied folder must not publish an empty warehouse
        raise dg.Failure(f"no files under the raw folder {settings.raw_dir}")
    write_raw_stats(settings.version_dir(context.run.run_id), stat_fingerprint(found))
    target = _target(settings, context, "raw")
    version = published_version(settings)
    previous = table_path(version, "raw", "documents") if version is not None else None
    tables, copied = stream_raw(found, datetime.now(UTC), target, previous)
    if _previous_tables(settings, "raw", ["documents"]):  # same suites judged the copied rows
        record_validated(_target(settings, context, "audit"), "raw", copied)
    counts = {"unchanged_files": len(copied), "read_files": len(found) - len(copied)}
    for name, table in tables.items():
        yield written_output(table, name, counts if name == "documents" else None)


@dg.multi_asset(
    deps=[dg.AssetKey(["raw", "documents"])],
    outs=_outs("staged", STAGED_TABLES),
    description="Parse every landed document once into sections, fields and items with spans.",
    # Before the raw checks, which warn only: every later step waits on parsing,
    # and the checks' GX import is done while it runs (``prepare_validation``).
    op_tags={"dagster/priority": "1"},
)
def staged_layer(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Parse changed documents batch by batch (and build their mart rows); copy the others."""
    crash_point("after_raw")
    settings = warehouse.settings()
    run_id = context.run.run_id
    build, _ = stream_staged(
        locate_table(settings, run_id, "raw", "documents"),
        _layer_files(settings, context, "staged", STAGED_TABLES),
        _layer_files(settings, context, CANDIDATES, MART_CANDIDATES),
        WORKERS,
        # GX's import (seconds), done while the parse workers run; none when done already
        while_waiting=None if validation_prepared() else prepare_validation,
    )
    record_validated(_target(settings, context, "audit"), "staged", build.reused_files)
    counts = {"reused_documents": len(build.reused_files), "parsed_documents": build.processed}
    for name, table in build.tables.items():
        yield written_output(table, name, counts if name == "stg_documents" else None)


def _previous_tables(settings: Settings, layer: str, tables: Iterable[str]) -> dict[str, Path]:
    """The published version's files of ``layer`` when the same code built them, else none.

    Rows are reused only from a version whose parsers were these: a code
    change re-parses everything.
    """
    version = published_version(settings)
    runs = read_published_layer(settings, "audit").get("run_inputs")
    current = code_fingerprint(settings.analytics_sql_dir)
    if version is None or runs is None or runs["code_fingerprint"].to_list() != [current]:
        return {}
    return _existing(version, layer, tables)


def _layer_files(
    settings: Settings, context: dg.AssetExecutionContext, layer: str, tables: Iterable[str]
) -> LayerFiles:
    """The reusable tables of ``layer`` (see ``_previous_tables``) and where this run writes."""
    return LayerFiles(_previous_tables(settings, layer, tables), _target(settings, context, layer))


def _target(
    settings: Settings, context: dg.AssetExecutionContext, layer: str
) -> Callable[[str], Path]:
    """Where this run writes a table of ``layer``."""
    version_dir = settings.version_dir(context.run.run_id)
    return lambda name: table_path(version_dir, layer, name)


@dg.multi_asset(
    deps=[
        *(dg.AssetKey(["staged", name]) for name in STAGED_TABLES),
        dg.AssetKey(["raw", "quarantine"]),
        dg.AssetKey(["staged", "quarantine"]),
    ],
    outs=_outs("marts", MART_TABLES),
    description="Build the contract marts from the staged tables.",
)
def marts_layer(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Conform ids, units and enums into the consumer-shaped marts."""
    crash_point("after_staged")
    settings = warehouse.settings()
    run_id = context.run.run_id
    staged = {name: locate_table(settings, run_id, "staged", name) for name in STAGED_TABLES}
    build, failed = _candidates(settings, context, staged)
    present = _present_files(
        staged["stg_documents"],
        *(locate_table(settings, run_id, layer, "quarantine") for layer in ("raw", "staged")),
    )
    version = published_version(settings)
    previous = {} if version is None else _existing(version, "marts", MART_TABLES)
    candidates = {name: table.path for name, table in build.tables.items()}
    paths, superseded = write_marts(
        candidates, previous, present, _target(settings, context, "marts")
    )
    published_trials = read_column_frame(previous.get("trials"), ["source_file"])
    if published_trials is not None:  # reused rows a published version validated
        shown = set(published_trials["source_file"])
        validated = [name for name in build.reused_files if name in shown]
        audit = _target(settings, context, "audit")
        record_validated(audit, "marts", validated)
        fresh = _unvalidated(present, validated, paths["trials"])
        record_documents(audit, fresh_table("marts"), fresh)
    counts = {"reused_documents": len(build.reused_files), "built_documents": build.processed}
    for name, path in paths.items():
        yield written_output(describe(path), name, counts if name == "trials" else None)
    yield table_output(pl.concat([failed, superseded]), "quarantine")


def _candidates(
    settings: Settings, context: dg.AssetExecutionContext, staged: Mapping[str, Path]
) -> tuple[LayerBuild, pl.DataFrame]:
    """This run's mart candidates: built with the staged layer, else from its tables now.

    The second case is a run that materialises the marts alone (from the UI):
    the staged tables it reads are the published ones.
    """
    target = _target(settings, context, CANDIDATES)
    if all(target(name).exists() for name in CANDIDATE_TABLES):
        validated = _target(settings, context, "audit")(validated_table("staged"))
        reused = read_column_frame(validated, ["source_file"])
        build = LayerBuild(
            tables={name: describe(target(name)) for name in MART_CANDIDATES},
            reused_files=[] if reused is None else reused["source_file"].to_list(),
        )
        build.processed = build.tables["documents"].rows - len(build.reused_files)
        return build, pl.read_parquet(target("quarantine"))
    return stream_candidates(
        staged, _previous_tables(settings, CANDIDATES, MART_CANDIDATES), target, WORKERS
    )


def _unvalidated(present: set[str], validated: list[str], trials: Path) -> set[str]:
    """Documents of the marts whose rows no published version validated.

    A mart row comes from a document of this run (``present``) or was carried
    forward for a page that left raw/ (its trial row's ``in_source`` is false).
    After a 1% change this is a short list, and a check filtering a 10M-row
    mart by it reads a third of what an anti-join with every validated
    document does.
    """
    carried = pl.scan_parquet(trials).filter(~pl.col("in_source").fill_null(False))
    return (present - set(validated)) | set(carried.select("source_file").collect()["source_file"])


def _existing(version: Path, layer: str, tables: Iterable[str]) -> dict[str, Path]:
    """The tables of ``layer`` that a version folder holds."""
    paths = {name: table_path(version, layer, name) for name in tables}
    return {name: path for name, path in paths.items() if path.exists()}


def _present_files(*paths: Path) -> set[str]:
    """Every file this run landed, parsed or quarantined: pages that did not leave raw/."""
    frames = (read_column_frame(path, ["source_file"]) for path in paths)
    return {name for frame in frames if frame is not None for name in frame["source_file"]}


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
