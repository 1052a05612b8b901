"""Run-scoped Parquet storage: the "write" of write-audit-publish.

Every run writes each table to ``versions/<run_id>/<layer>/<table>.parquet``
(with a delta beside it after an incremental run: see ``deltas``);
nothing an analyst reads changes until ``publish`` swaps the links. A table a
run did not build (a subset materialisation) is read from the published
version, never from another unaudited run.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.deltas import scan_live
from orchestration.settings import Settings, table_path
from orchestration.tables import WrittenTable

CANDIDATES = "candidates"  # unpublished mart rows per document, reused by the next run


def published_version(settings: Settings) -> Path | None:
    """The version folder the published ``marts`` link points to, if any."""
    link = settings.published_link("marts")
    return link.resolve().parent if link.is_symlink() and link.exists() else None


def read_published_layer(settings: Settings, layer: str) -> dict[str, pl.DataFrame]:
    """The published version's tables of one layer, live rows (empty before a first publish)."""
    version = published_version(settings)
    if version is None:
        return {}
    return {
        path.stem: scan_live(path).collect() for path in sorted((version / layer).glob("*.parquet"))
    }


def locate_table(settings: Settings, run_id: str, layer: str, table: str) -> Path:
    """This run's Parquet file for a table, else the published one; error if neither exists."""
    candidates = [settings.version_dir(run_id)]
    if (published := published_version(settings)) is not None:
        candidates.append(published)
    for version_dir in candidates:
        if (path := table_path(version_dir, layer, table)).exists():
            return path
    raise FileNotFoundError(
        f"no Parquet for {layer}/{table} in run {run_id} nor in a published version; "
        "materialise the upstream assets first"
    )


class VersionedParquetIOManager(dg.ConfigurableIOManager):
    """Stores each polars frame as Parquet inside the run's version folder."""

    warehouse_dir: str

    def _settings(self) -> Settings:
        return Settings(warehouse_dir=Path(self.warehouse_dir))

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame | WrittenTable) -> None:
        """Write a frame; a table the asset streamed to disk itself must already be in place."""
        layer, table = context.asset_key.path[0], context.asset_key.path[-1]
        path = table_path(self._settings().version_dir(context.run_id), layer, table)
        if isinstance(obj, WrittenTable):
            if obj.path.resolve() != path.resolve():
                raise ValueError(f"{layer}/{table} was written to {obj.path}, expected {path}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            obj.write_parquet(path)
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pl.LazyFrame:
        """A lazy scan: checks read only the columns and rows they need."""
        layer, table = context.asset_key.path[0], context.asset_key.path[-1]
        run_id = context.step_context.run_id
        return scan_live(locate_table(self._settings(), run_id, layer, table))


class WarehouseResource(dg.ConfigurableResource):
    """The run's paths, as configured in ``build_defs``; assets ask it for ``Settings``."""

    raw_dir: str
    warehouse_dir: str
    keep_versions: int = 3

    def settings(self) -> Settings:
        return Settings(
            raw_dir=Path(self.raw_dir),
            warehouse_dir=Path(self.warehouse_dir),
            keep_versions=self.keep_versions,
        )
