"""End to end through the CLI: land, build, check, publish — and refuse to publish.

These run the real Dagster job with the real expectation suites; only the
staged and mart builders are stand-ins (see conftest), so the tests hold
whatever state the parser is in.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl
import pytest

from orchestration.cli import main
from orchestration.settings import Settings
from tests.orchestration.conftest import fake_build_chunk, fake_parse_documents
from transforms.schemas import MART_TABLES, STAGED_TABLES

pytestmark = pytest.mark.slow


def _run(settings: Settings, *extra: str) -> int:
    args = ["run", "--raw", str(settings.raw_dir), "--warehouse", str(settings.warehouse_dir)]
    return main([*args, *extra])


def _tables(db: Path, schema: str) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_schema = ? "
            "order by table_name",
            [schema],
        ).fetchall()
    return [r[0] for r in rows]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_run_publishes_every_layer(settings, fake_pipeline, capsys):
    assert _run(settings) == 0
    out = capsys.readouterr().out
    db = settings.published_db
    assert "documents landed: 2" in out and f"database: {db} (published)" in out
    assert not db.with_name(db.name + ".wal").exists()
    assert _tables(db, "marts") == sorted(MART_TABLES)
    assert _tables(db, "staged") == sorted(STAGED_TABLES)
    assert _tables(db, "audit") == ["check_results", "quarantine", "run_inputs"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.trials").fetchone() == (2,)
        assert con.execute("select bool_and(success) from audit.check_results").fetchone() == (
            True,
        )
        sources = con.execute("select source_file from raw.documents order by 1").fetchall()
    assert sources == [("a.txt",), ("sub/b.txt",)]
    marts_link = settings.published_link("marts")
    assert marts_link.is_symlink()
    assert pl.read_parquet(marts_link / "trials.parquet").height == 2


def test_parsing_starts_before_the_raw_checks(settings, fake_pipeline):
    """The raw checks warn only: parsing, which every later step waits for, goes first."""
    from orchestration.run import run_pipeline

    steps = list(run_pipeline(settings).step_seconds)
    assert steps.index("raw_layer") < steps.index("staged_layer")
    assert steps.index("staged_layer") < steps.index("raw__documents_suite")


def test_every_analytics_view_runs(settings, fake_pipeline):
    assert _run(settings) == 0
    views = sorted(p.stem for p in settings.analytics_sql_dir.glob("*.sql"))
    assert views, "no analytics views found"
    with duckdb.connect(str(settings.published_db), read_only=True) as con:
        for view in views:
            con.execute(f"select * from analytics.{view}").fetchall()


def _unknown_status(documents):
    staged, quarantine = fake_parse_documents(documents)
    marts, failures = fake_build_chunk(staged)
    marts["trials"] = marts["trials"].with_columns(overall_status=pl.lit("BOGUS"))
    return staged, quarantine, marts, failures


def test_failed_blocking_check_keeps_published_db(settings, fake_pipeline, monkeypatch, capsys):
    assert _run(settings) == 0
    db = settings.published_db
    before, inode, link = _digest(db), db.stat().st_ino, settings.published_link("marts").resolve()
    capsys.readouterr()

    from orchestration import assets, stream_staged

    # New (buggy) code: nothing of the published version is reused.
    monkeypatch.setattr(assets, "code_fingerprint", lambda sql_dir: "new code")
    monkeypatch.setattr(stream_staged, "parse_and_build", _unknown_status)
    assert _run(settings, "--force") == 1
    out = capsys.readouterr().out
    assert "FAILED (blocking) marts/trials:suite" in out
    assert "expect_column_values_to_be_in_set(overall_status)" in out and "BOGUS" in out
    assert "database: NOT published" in out
    assert (_digest(db), db.stat().st_ino) == (before, inode)
    assert settings.published_link("marts").resolve() == link


def test_an_incremental_run_judges_the_mart_rows_of_changed_pages(
    settings, fake_pipeline, monkeypatch, capsys
):
    """Reused rows were judged before; a changed page's mart rows are judged now."""
    assert _run(settings) == 0
    changed = settings.raw_dir / "a.txt"
    changed.write_text(changed.read_text() + "Status: Recruiting\n")
    capsys.readouterr()

    from orchestration import stream_staged

    monkeypatch.setattr(stream_staged, "parse_and_build", _unknown_status)  # same code
    assert _run(settings) == 1
    out = capsys.readouterr().out
    assert "FAILED (blocking) marts/trials:suite" in out
    assert "expect_column_values_to_be_in_set(overall_status): 1 unexpected" in out
    fresh = settings.versions_dir.glob("*/audit/fresh_marts.parquet")
    assert [pl.read_parquet(path)["source_file"].to_list() for path in fresh] == [["a.txt"]]


REPO_RAW = Path(__file__).resolve().parents[2] / "raw"


def test_run_on_the_project_raw_folder(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in REPO_RAW.glob("*.txt"):
        (raw / page.name).write_bytes(page.read_bytes())
    settings = Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse")
    assert _run(settings) == 0, capsys.readouterr().out
    assert _tables(settings.published_db, "marts") == sorted(MART_TABLES)
    with duckdb.connect(str(settings.published_db), read_only=True) as con:
        for view in sorted(p.stem for p in settings.analytics_sql_dir.glob("*.sql")):
            con.execute(f"select * from analytics.{view}").fetchall()


def test_job_fails_without_raw_files_instead_of_publishing_nothing(tmp_path):
    import dagster as dg

    from orchestration.automation import ALL_JOB
    from orchestration.definitions import build_defs

    (tmp_path / "raw").mkdir()
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "wh")
    job = build_defs(settings).resolve_job_def(ALL_JOB)
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    assert not settings.published_db.exists()
