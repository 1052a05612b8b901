"""Build a version's DuckDB file and publish it atomically: the "publish" of WAP.

Analysts open ``warehouse/warehouse.duckdb`` read-only. A run never writes that
file: it builds a complete database inside its own version folder, closes it,
and ``os.replace``s it over the published path, so a reader holding the old
file keeps reading the old inode and a new reader sees the whole new version.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import polars as pl

from orchestration.audit import read_check_results, write_audit_tables
from orchestration.deltas import live_sql, scan_live, sql_literal, table_files
from orchestration.faults import crash_point
from orchestration.inputs import RUN_INPUTS, code_fingerprint, raw_fingerprint_of, read_raw_stats
from orchestration.settings import Settings, table_path
from orchestration.storage import CANDIDATES, published_version
from transforms.schemas import MART_CANDIDATES, MART_TABLES, STAGED_TABLES

LAYER_TABLES = {
    "raw": ("documents",),
    "staged": tuple(STAGED_TABLES),
    "marts": tuple(MART_TABLES),
}
SCHEMAS = ("raw", "staged", "marts", "audit", "analytics")
DUCKDB_MEMORY = "1GB"
DB_NAME = "warehouse.duckdb"


def complete_version(settings: Settings, version_dir: Path) -> None:
    """Copy tables this run did not build from the published version, so the folder is whole.

    Mart candidates go with the marts they were filtered into; they are
    optional (a version may predate them), and without them the next run
    builds every document's mart rows again.
    """
    source = published_version(settings)
    built_marts = table_path(version_dir, "marts", "trials").exists()
    for layer, tables in LAYER_TABLES.items():
        for table in (*tables, "quarantine"):
            _copy_missing(source, version_dir, layer, table, required=table != "quarantine")
    if not built_marts:
        for table in MART_CANDIDATES:
            _copy_missing(source, version_dir, CANDIDATES, table, required=False)


def _copy_missing(
    source: Path | None, version_dir: Path, layer: str, table: str, *, required: bool
) -> None:
    target = table_path(version_dir, layer, table)
    if target.exists():
        return
    origin = table_path(source, layer, table) if source else None
    if origin is None or not origin.exists():
        if required:
            raise FileNotFoundError(f"{layer}/{table} was not built and nothing is published")
        return
    for part in table_files(origin):  # fresh mtimes: the copy belongs to this run
        copy = target.parent / part.relative_to(origin.parent)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(part, copy)


def record_run_inputs(settings: Settings, version_dir: Path, run_id: str) -> Path:
    """Write ``audit/run_inputs``: the fingerprints of the raw files and code this version used."""
    landed = [
        scan_live(table_path(version_dir, "raw", name)).select("source_file", "sha256").collect()
        for name in ("documents", "quarantine")
        if table_path(version_dir, "raw", name).exists()
    ]
    pairs = (
        pl.concat(landed)
        if landed
        else pl.DataFrame(schema={"source_file": pl.String, "sha256": pl.String})
    )
    row = {
        "run_id": run_id,
        "raw_fingerprint": raw_fingerprint_of(pairs),
        "code_fingerprint": code_fingerprint(settings.analytics_sql_dir),
        "raw_stat_fingerprint": read_raw_stats(version_dir),
    }
    path = table_path(version_dir, "audit", "run_inputs")
    path.parent.mkdir(parents=True, exist_ok=True)
    pl.DataFrame([row], schema=RUN_INPUTS).write_parquet(path)
    return path


def build_database(settings: Settings, version_dir: Path) -> Path:
    """Create ``<version>/warehouse.duckdb`` from the version's Parquet; return its path.

    Every layer's table is a view over this version's own Parquet file, never a
    copy: at registry scale copying 20M mart rows was most of a daily run's
    publish time, and page text would be stored twice. Views over the version
    folder (not the published links) keep the file a consistent snapshot: a
    reader holding an older file keeps reading its own version until that
    version is pruned. The small audit tables are copied, and each analytics
    query is materialised, so an analyst's select never re-aggregates marts.
    """
    audit = write_audit_tables(version_dir)
    db_path = version_dir / DB_NAME
    db_path.unlink(missing_ok=True)
    # DuckDB would take up to 80% of RAM for a registry-sized aggregate; it
    # streams Parquet and spills what it must, so a small budget keeps it bounded.
    con = duckdb.connect(str(db_path), config={"memory_limit": DUCKDB_MEMORY})
    try:
        for schema in SCHEMAS:
            con.execute(f"create schema {schema}")
        for layer, tables in LAYER_TABLES.items():
            for table in tables:
                rows = live_sql(table_path(version_dir, layer, table))
                con.execute(f"create view {layer}.{table} as {rows}")
        for name, path in audit.items():
            con.execute(
                f"create table audit.{name} as select * from read_parquet({sql_literal(path)})"
            )
        for sql_file in sorted(settings.analytics_sql_dir.glob("*.sql")):
            body = sql_file.read_text().strip().rstrip(";")
            con.execute(f"create table analytics.{sql_file.stem} as {body}")
        con.execute("checkpoint")
    finally:
        con.close()
    return db_path


def _swap_symlink(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` atomically (a temp link renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)  # a folder left by an older layout; ours are always links
    os.replace(tmp, link)


def publish(settings: Settings, version_dir: Path) -> Path:
    """Make a built version the published one; return the published database path.

    Dagster already skips this step when a blocking check failed; refusing here
    too keeps the rule true for any other caller.
    """
    results = read_check_results(version_dir)
    failed = results.filter(pl.col("blocking") & ~pl.col("success"))["suite"].to_list()
    if failed:
        raise RuntimeError(f"not publishing {version_dir.name}: blocking checks failed: {failed}")
    # The database is the commit point and is swapped last: a crash before it
    # leaves the published database untouched (the Parquet links may already
    # show the new, complete version; the next run re-publishes both).
    for layer in ("raw", "staged", "marts"):
        _swap_symlink(settings.published_link(layer), version_dir / layer)
    crash_point("mid_publish")
    os.replace(version_dir / DB_NAME, settings.published_db)
    crash_point("after_publish")
    prune_versions(settings)
    return settings.published_db


def _written_at(version_dir: Path) -> int:
    """When a run started writing: its oldest Parquet file (folder times move on publish).

    Files with other links are skipped: a base kept from an older version
    (``deltas``) carries that version's time.
    """
    stats = (p.stat() for p in version_dir.rglob("*.parquet"))
    times = [stat.st_mtime_ns for stat in stats if stat.st_nlink == 1]
    return min(times, default=version_dir.stat().st_mtime_ns)


def prune_versions(settings: Settings) -> list[Path]:
    """Delete all but the newest ``keep_versions`` version folders, never the published one."""
    published = published_version(settings)
    versions = sorted(
        (p for p in settings.versions_dir.iterdir() if p.is_dir()), key=_written_at, reverse=True
    )
    doomed = [p for p in versions[settings.keep_versions :] if p.resolve() != published]
    for path in doomed:
        shutil.rmtree(path)
    return doomed
