"""Publishing swaps whole files and links; readers of the old version are undisturbed."""

from __future__ import annotations

import json
import os

import duckdb
import polars as pl
import pytest

from orchestration.audit import write_check_result
from orchestration.publish import (
    LAYER_TABLES,
    build_database,
    complete_version,
    prune_versions,
    publish,
)
from orchestration.settings import Settings, table_path
from orchestration.storage import locate_table
from transforms import schemas as s

TABLE_SCHEMAS = {
    "raw": {"documents": s.RAW_DOCUMENTS},
    "staged": s.STAGED_TABLES,
    "marts": s.MART_TABLES,
}


@pytest.fixture
def wh(tmp_path) -> Settings:
    return Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "wh", keep_versions=2)


def _write_version(settings: Settings, run_id: str, title: str, *, mtime: int | None = None):
    """A version folder with every table empty except one trial titled ``title``."""
    version = settings.version_dir(run_id)
    for layer, tables in TABLE_SCHEMAS.items():
        for name, schema in tables.items():
            path = table_path(version, layer, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            s.empty(schema).write_parquet(path)
    trial = pl.DataFrame({"trial_id": ["T1"], "source_file": ["a.txt"], "title": [title]})
    s.conform(trial, s.TRIALS).write_parquet(table_path(version, "marts", "trials"))
    quarantine = pl.DataFrame(
        {"source_file": ["bad.bin"], "stage": ["raw"], "reason": ["undecodable"], "sha256": ["0"]}
    )
    quarantine.write_parquet(table_path(version, "raw", "quarantine"))
    if mtime is not None:  # pretend the run wrote its files at ``mtime``
        for path in version.rglob("*.parquet"):
            os.utime(path, ns=(mtime, mtime))
    return version


def _build_and_publish(settings, run_id, title, mtime=None):
    version = _write_version(settings, run_id, title, mtime=mtime)
    build_database(settings, version)
    return publish(settings, version)


def _title(con) -> str:
    return con.execute("select title from marts.trials").fetchone()[0]


def test_reader_of_old_file_keeps_old_data(wh):
    db = _build_and_publish(wh, "run1", "first")
    reader = duckdb.connect(str(db), read_only=True)
    try:
        _build_and_publish(wh, "run2", "second")
        assert _title(reader) == "first"
    finally:
        reader.close()
    with duckdb.connect(str(db), read_only=True) as con:
        assert _title(con) == "second"


def test_database_is_self_contained_and_closed(wh):
    db = _build_and_publish(wh, "run1", "first")
    assert not db.with_name(db.name + ".wal").exists()
    assert not (wh.version_dir("run1") / "warehouse.duckdb").exists()
    with duckdb.connect(str(db), read_only=True) as con:
        kinds = dict(
            con.execute(
                "select table_schema || '.' || table_name, table_type "
                "from information_schema.tables"
            ).fetchall()
        )
        quarantined = con.execute(
            "select source_file, stage, reason from audit.quarantine"
        ).fetchall()
    layers = {f"{layer}.{name}" for layer, names in LAYER_TABLES.items() for name in names}
    assert {f"marts.{name}" for name in s.MART_TABLES} <= layers
    assert {k for k, v in kinds.items() if v == "VIEW"} == layers
    assert {k for k, v in kinds.items() if k.startswith("analytics.")} == {
        f"analytics.{p.stem}" for p in wh.analytics_sql_dir.glob("*.sql")
    }
    assert quarantined == [("bad.bin", "raw", "undecodable")]


def test_layer_views_read_the_published_version_after_pruning(wh):
    """No layer is copied into the database; its views read the version it was built from."""
    for run in ("run1", "run2", "run3", "run4"):
        db = _build_and_publish(wh, run, run)
    assert not wh.version_dir("run1").exists()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from staged.stg_documents").fetchone() == (0,)
        assert con.execute("select count(*) from raw.documents").fetchone() == (0,)
        assert _title(con) == "run4"
    assert wh.published_link("raw").resolve() == wh.version_dir("run4") / "raw"


def test_links_point_at_the_published_version(wh):
    _build_and_publish(wh, "run1", "first")
    _build_and_publish(wh, "run2", "second")
    for layer in ("raw", "marts", "staged"):
        link = wh.published_link(layer)
        assert link.is_symlink() and not os.path.isabs(os.readlink(link))
        assert link.resolve() == wh.version_dir("run2") / layer
    assert locate_table(wh, "run3", "marts", "trials") == wh.published_link("marts").resolve() / (
        "trials.parquet"
    )


def _names(settings):
    return sorted(p.name for p in settings.versions_dir.iterdir())


def test_prune_keeps_the_newest_versions(wh):
    _build_and_publish(wh, "first", "p", mtime=1_000)
    _write_version(wh, "failed-a", "x", mtime=2_000)
    _write_version(wh, "failed-b", "x", mtime=3_000)
    _build_and_publish(wh, "newest", "n")
    assert _names(wh) == ["failed-b", "newest"]  # keep_versions=2


def test_prune_never_deletes_the_published_version(wh):
    _build_and_publish(wh, "published", "p", mtime=1_000)
    for n, run_id in enumerate(["failed-a", "failed-b", "failed-c"]):
        _write_version(wh, run_id, "x", mtime=2_000 + n)
    assert [p.name for p in prune_versions(wh)] == ["failed-a"]
    assert _names(wh) == ["failed-b", "failed-c", "published"]


def test_publish_refuses_failed_blocking_checks(wh):
    version = _write_version(wh, "run1", "first")
    row = {
        "suite": "marts.trials",
        "asset": "marts/trials",
        "check_name": "suite",
        "blocking": True,
        "success": False,
        "evaluated": 3,
        "failures": "expect_column_values_to_be_unique(trial_id)",
    }
    write_check_result(version, row)
    build_database(wh, version)
    with pytest.raises(RuntimeError, match="blocking checks failed"):
        publish(wh, version)
    assert not wh.published_db.exists()
    assert json.loads(next((version / "audit" / "checks").iterdir()).read_text()) == row


def test_complete_version_copies_unbuilt_tables_from_published(wh):
    _build_and_publish(wh, "run1", "first")
    partial = wh.version_dir("run2")
    (partial / "marts").mkdir(parents=True)
    complete_version(wh, partial)
    for layer, tables in LAYER_TABLES.items():
        for name in tables:
            assert table_path(partial, layer, name).exists()


def test_complete_version_without_anything_published_fails(wh):
    with pytest.raises(FileNotFoundError, match="nothing is published"):
        complete_version(wh, wh.version_dir("lonely"))
