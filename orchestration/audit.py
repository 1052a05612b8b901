"""The audit tables of a version: quarantined documents and check outcomes.

Checks run in their own steps; each leaves one JSON row in the version's
``audit/checks`` folder so the publishing step can load every outcome of the
run into ``audit.check_results`` without asking Dagster's event log.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from orchestration.settings import table_path
from transforms.schemas import QUARANTINE, empty

CHECK_RESULTS = {
    "suite": pl.String,
    "asset": pl.String,
    "check_name": pl.String,
    "blocking": pl.Boolean,
    "success": pl.Boolean,
    "evaluated": pl.Int64,
    "failures": pl.String,
}
QUARANTINE_LAYERS = ("raw", "staged", "marts")


def write_check_result(version_dir: Path, row: dict[str, object]) -> Path:
    """Record one check outcome (a ``CHECK_RESULTS`` row) for the publishing step."""
    folder = version_dir / "audit" / "checks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{str(row['asset']).replace('/', '__')}__{row['check_name']}.json"
    path.write_text(json.dumps(row, sort_keys=True))
    return path


def read_check_results(version_dir: Path) -> pl.DataFrame:
    """Every check outcome recorded in a version, one row per check run."""
    rows = [json.loads(p.read_text()) for p in sorted((version_dir / "audit" / "checks").glob("*"))]
    if not rows:
        return empty(CHECK_RESULTS)
    return pl.DataFrame(rows).select([pl.col(n).cast(t) for n, t in CHECK_RESULTS.items()])


def union_quarantine(version_dir: Path) -> pl.DataFrame:
    """The quarantine rows of every stage of a version in one frame."""
    frames = [
        pl.read_parquet(path).select(list(QUARANTINE))
        for layer in QUARANTINE_LAYERS
        if (path := table_path(version_dir, layer, "quarantine")).exists()
    ]
    return pl.concat([empty(QUARANTINE), *frames], how="vertical_relaxed")


def write_audit_tables(version_dir: Path) -> dict[str, Path]:
    """Write ``audit/quarantine`` and ``audit/check_results`` Parquet; return their paths."""
    tables = {
        "quarantine": union_quarantine(version_dir),
        "check_results": read_check_results(version_dir),
    }
    paths = {}
    if (inputs := table_path(version_dir, "audit", "run_inputs")).exists():
        paths["run_inputs"] = inputs
    for name, frame in tables.items():
        paths[name] = table_path(version_dir, "audit", name)
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(paths[name])
    return paths
