"""End to end: `trialhouse run` on folders of pages, then the marts' contents.

The seeds are the embedded corpus; tests/fixtures/pages holds pages written
for these tests in layouts the seeds do not show (bold markdown with inline
time frames, YAML front matter, prose only). Assertions are facts the pages
state, read back through SQL as an analyst would.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"


def _build(tmp_path: Path, source: Path, pattern: str) -> duckdb.DuckDBPyConnection:
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in source.glob(pattern):
        shutil.copy(page, raw / page.name)
    warehouse = tmp_path / "warehouse"
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    return duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return _build(tmp_path_factory.mktemp("fixtures"), FIXTURE_PAGES, "*")


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return _build(tmp_path_factory.mktemp("seeds"), ROOT / "raw", "*.txt")


def _trial(con: duckdb.DuckDBPyConnection, source_file: str) -> dict:
    cur = con.execute("select * from marts.trials where source_file = ?", [source_file])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    assert row is not None, source_file
    return dict(zip(names, row, strict=True))


def test_markdown_page_trial_fields(fixtures_db: duckdb.DuckDBPyConnection) -> None:
    trial = _trial(fixtures_db, "markdown_bold.md")
    assert trial["trial_id"] == trial["nct_id"] == "NCT01234567"
    assert trial["overall_status"] == "ACTIVE_NOT_RECRUITING"
    assert trial["phases"] == ["PHASE1", "PHASE2"]
    assert (trial["enrollment"], trial["enrollment_type"]) == (36, "ACTUAL")
    assert str(trial["start_date"]) == "2023-01-10"
    assert (str(trial["primary_completion_date"]), trial["primary_completion_date_precision"]) == (
        "2025-03-01",
        "month",
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (18, 65)
    assert trial["healthy_volunteers"] is False
    assert trial["target_antigens"] == ["BCMA"]
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]
    assert trial["countries"] == ["Germany", "United States"]


def test_markdown_page_children(fixtures_db: duckdb.DuckDBPyConnection) -> None:
    arms = fixtures_db.execute(
        "select label, arm_type from marts.arms where trial_id = 'NCT01234567' order by arm_ordinal"
    ).fetchall()
    assert arms == [("Dose level 1", "EXPERIMENTAL"), ("Dose level 2", "EXPERIMENTAL")]
    doses = fixtures_db.execute(
        "select arm_label, dose_value, dose_value_max, dose_unit from marts.doses "
        "where trial_id = 'NCT01234567' order by dose_ordinal"
    ).fetchall()
    assert doses == [
        ("Dose level 1", 5e5, 1e6, "CAR+ cells/kg"),
        ("Dose level 2", 2e6, None, "CAR+ cells/kg"),
    ]
    endpoints = fixtures_db.execute(
        "select endpoint_type, measure, time_frame_days from marts.endpoints "
        "where trial_id = 'NCT01234567' order by endpoint_ordinal"
    ).fetchall()
    assert endpoints == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", 28),
        ("SECONDARY", "Complete renal response rate", 168),
        ("SECONDARY", "Change in SLEDAI-2K score", 364),
    ]
    thresholds = set(
        fixtures_db.execute(
            "select criterion_type, concept, operator, value, unit from marts.criteria_thresholds "
            "where trial_id = 'NCT01234567'"
        ).fetchall()
    )
    assert ("INCLUSION", "egfr", ">=", 45.0, "mL/min/1.73m2") in thresholds
    assert ("INCLUSION", "sledai_2k", ">=", 6.0, "points") in thresholds
    assert ("EXCLUSION", "lvef", "<", 50.0, "%") in thresholds


def test_front_matter_page(fixtures_db: duckdb.DuckDBPyConnection) -> None:
    trial = _trial(fixtures_db, "front_matter.txt")
    assert trial["trial_id"] == "ChiCTR2400081234"
    assert trial["nct_id"] is None
    assert trial["overall_status"] == "NOT_YET_RECRUITING"
    assert trial["phases"] == ["EARLY_PHASE1"]
    assert trial["sex"] == "FEMALE"
    assert (trial["min_age_years"], trial["max_age_years"]) == (12, 40)
    assert trial["target_antigens"] == ["CD7"]
    counts = dict(
        fixtures_db.execute(
            "select criterion_type, count(*) from marts.criteria "
            "where trial_id = 'ChiCTR2400081234' group by 1"
        ).fetchall()
    )
    assert counts == {"INCLUSION": 3, "EXCLUSION": 2}
    frame = fixtures_db.execute(
        "select time_frame_days from marts.endpoints where trial_id = 'ChiCTR2400081234'"
    ).fetchall()
    assert frame == [(180,)]


def test_prose_page_reads_facts_from_sentences(fixtures_db: duckdb.DuckDBPyConnection) -> None:
    trial = _trial(fixtures_db, "prose_only.txt")
    assert trial["trial_id"].startswith("TH-")
    assert trial["nct_id"] is None  # the only NCT id is a related trial's
    assert trial["overall_status"] == "WITHDRAWN"
    assert trial["enrollment"] == 24
    assert trial["phases"] is None
    doses = fixtures_db.execute(
        "select dose_value, dose_unit from marts.doses where source_file = 'prose_only.txt'"
    ).fetchall()
    assert doses == [(1e6, "cells/kg")]


def test_every_row_has_lineage(fixtures_db: duckdb.DuckDBPyConnection) -> None:
    for table in ("doses", "endpoints", "criteria", "criteria_thresholds"):
        missing = fixtures_db.execute(
            f"select count(*) from marts.{table} where source_file is null "
            "or span_start is null or span_end < span_start"
        ).fetchone()
        assert missing == (0,), table


def test_seed_corpus(seeds_db: duckdb.DuckDBPyConnection) -> None:
    assert seeds_db.execute("select count(*) from marts.trials").fetchone() == (5,)
    nct = seeds_db.execute("select nct_id from marts.trials where nct_id is not null").fetchall()
    assert len(nct) == 1  # related-trial ids on that page are not its own
    assert seeds_db.execute("select count(*) from marts.doses").fetchone()[0] >= 6
    assert (
        seeds_db.execute(
            "select count(*) from marts.criteria_thresholds where concept = 'age'"
        ).fetchone()[0]
        >= 8
    )
    for view in (
        "dose_levels_by_antigen",
        "trials_by_status_phase",
        "eligibility_thresholds",
        "pediatric_vs_adult",
        "endpoints_by_horizon",
    ):
        assert seeds_db.execute(f"select count(*) from analytics.{view}").fetchone()[0] > 0, view


def test_rerun_without_change_reports_nothing_and_rebuild_is_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = _build(tmp_path, FIXTURE_PAGES, "*")
    tables = ("trials", "arms", "doses", "endpoints", "criteria", "criteria_thresholds")
    before = {t: con.execute(f"select * from marts.{t}").fetchall() for t in tables}
    con.close()
    db = tmp_path / "warehouse" / "warehouse.duckdb"
    inode = db.stat().st_ino
    args = ["run", "--raw", str(tmp_path / "raw"), "--warehouse", str(tmp_path / "warehouse")]
    capsys.readouterr()
    assert main(args) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert db.stat().st_ino == inode
    assert main([*args, "--force"]) == 0
    assert db.stat().st_ino != inode
    with duckdb.connect(str(db), read_only=True) as again:
        after = {t: again.execute(f"select * from marts.{t}").fetchall() for t in tables}
    assert after == before


def test_removed_page_keeps_its_trial_marked_not_in_source(tmp_path: Path) -> None:
    _build(tmp_path, FIXTURE_PAGES, "*").close()
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    (raw / "markdown_bold.md").unlink()
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        presence = dict(con.execute("select source_file, in_source from marts.trials").fetchall())
        doses = con.execute(
            "select count(*) from marts.doses where trial_id = 'NCT01234567'"
        ).fetchone()
    assert presence == {"markdown_bold.md": False, "front_matter.txt": True, "prose_only.txt": True}
    assert doses == (2,)


def test_unchanged_stats_skip_without_reading_and_a_touch_is_checked_by_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration import inputs

    _build(tmp_path, FIXTURE_PAGES, "*").close()
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    args = ["run", "--raw", str(raw), "--warehouse", str(warehouse)]
    read: list[str] = []
    real = inputs.file_sha256
    monkeypatch.setattr(inputs, "file_sha256", lambda path: read.append(path.name) or real(path))
    capsys.readouterr()
    assert main(args) == 0
    assert "nothing changed" in capsys.readouterr().out and read == []
    page = sorted(raw.iterdir())[0]
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))  # touched only
    assert main(args) == 0
    assert "nothing changed" in capsys.readouterr().out and read == [page.name]


def test_an_edited_page_ends_the_change_test_at_the_first_page_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two edited pages: the no-change test reads the first and stops; the run lands both."""
    from orchestration import inputs

    _build(tmp_path, FIXTURE_PAGES, "*").close()
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    first, second = sorted(raw.iterdir())[:2]
    for page in (first, second):
        page.write_bytes(page.read_bytes() + b"\nLast Updated: 2026-11-01\n")
    read: list[str] = []
    real = inputs.file_sha256
    monkeypatch.setattr(inputs, "file_sha256", lambda path: read.append(path.name) or real(path))
    capsys.readouterr()
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    assert "nothing changed" not in capsys.readouterr().out
    assert read == [first.name]
    edited = {page.name: real(page) for page in (first, second)}
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        landed = dict(con.execute("select source_file, sha256 from raw.documents").fetchall())
    assert {name: landed[name] for name in edited} == edited


def test_a_cli_run_lists_the_raw_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run lands the listing the CLI made to decide whether anything changed."""
    from orchestration import cli, raw_files

    _build(tmp_path, FIXTURE_PAGES, "*").close()
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    listed: list[Path] = []
    real = raw_files.scan_raw_files

    def counting(raw_dir: Path) -> list[raw_files.RawFile]:
        listed.append(raw_dir)
        return real(raw_dir)

    monkeypatch.setattr(raw_files, "scan_raw_files", counting)
    monkeypatch.setattr(cli, "scan_raw_files", counting)
    (raw / "prose_only.txt").write_text("Title: A new page\nStatus: Recruiting\n")
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    assert listed == [raw]
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        landed = con.execute("select count(*) from raw.documents").fetchone()
    assert landed == (len(list(raw.iterdir())),)
