"""Every path the pipeline reads or writes, in one frozen object.

Tests build a ``Settings`` pointing into ``tmp_path``; the UI and the CLI build
one from the environment. Nothing else in the project spells a path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RAW_ENV = "TRIALHOUSE_RAW"
WAREHOUSE_ENV = "TRIALHOUSE_WAREHOUSE"
LAYERS = ("raw", "staged", "marts", "audit")


def _env_path(name: str, default: Path) -> Path:
    """An absolute path from ``name`` in the environment, else ``default``."""
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def table_path(version_dir: Path, layer: str, table: str) -> Path:
    """Where a table of a version lives: one name per table everywhere."""
    return version_dir / layer / f"{table}.parquet"


@dataclass(frozen=True)
class Settings:
    """Paths of one warehouse: the raw folder it lands and the folder it publishes into."""

    raw_dir: Path = field(default_factory=lambda: _env_path(RAW_ENV, PROJECT_ROOT / "raw"))
    warehouse_dir: Path = field(
        default_factory=lambda: _env_path(WAREHOUSE_ENV, PROJECT_ROOT / "warehouse")
    )
    sql_dir: Path = PROJECT_ROOT / "warehouse" / "sql"
    keep_versions: int = 3

    def __post_init__(self) -> None:
        # Paths arrive as str from the CLI and Dagster config; resolve once so
        # every derived path (and the symlinks we write) is absolute.
        for name in ("raw_dir", "warehouse_dir", "sql_dir"):
            object.__setattr__(self, name, Path(getattr(self, name)).expanduser().resolve())

    @property
    def versions_dir(self) -> Path:
        """One sub-folder per run: the write-and-audit area before publishing."""
        return self.warehouse_dir / "versions"

    @property
    def published_db(self) -> Path:
        """The DuckDB file analysts open; only ever replaced whole, never written in place."""
        return self.warehouse_dir / "warehouse.duckdb"

    @property
    def lock_path(self) -> Path:
        """Held (flock) by the run that owns this warehouse folder."""
        return self.warehouse_dir / ".run.lock"

    @property
    def analytics_sql_dir(self) -> Path:
        """One ``<view>.sql`` per analytics view."""
        return self.sql_dir / "analytics"

    def version_dir(self, run_id: str) -> Path:
        """The folder a run writes its Parquet layers and its database into."""
        return self.versions_dir / run_id

    def published_link(self, layer: str) -> Path:
        """``warehouse/<layer>``: a symlink to the published version's Parquet folder."""
        return self.warehouse_dir / layer
