"""Odd and hostile raw files: each is published or quarantined with a reason, none stops the run."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from tests.hostile_corpus import OUT_OF_CONTRACT, write_hostile_corpus


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    raw = root / "raw"
    names = write_hostile_corpus(raw)
    assert main(["run", "--raw", str(raw), "--warehouse", str(root / "wh")]) == 0
    return root / "wh" / "warehouse.duckdb", names


def test_every_file_is_accounted_for(hostile: tuple[Path, set[str]]) -> None:
    db, names = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        landed = {r[0] for r in con.execute("select source_file from raw.documents").fetchall()}
        quarantined = {
            r[0] for r in con.execute("select source_file from audit.quarantine").fetchall()
        }
    assert landed | quarantined >= names


def test_bad_files_are_quarantined_with_a_reason(hostile: tuple[Path, set[str]]) -> None:
    db, _ = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(
            con.execute(
                "select source_file, reason from audit.quarantine where stage = 'raw'"
            ).fetchall()
        )
    assert set(rows) >= {"empty.txt", "blank.txt", "image.png", "doc.pdf"}
    assert all(reason for reason in rows.values())


def test_a_page_breaking_a_mart_rule_is_quarantined_and_the_rest_published(
    hostile: tuple[Path, set[str]],
) -> None:
    """The mart suites block publication, so a misread page must not reach them: before the
    builders judged rows by the same rules, one such page held back every trial of the run."""
    db, _ = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = dict(
            con.execute(
                "select source_file, reason from audit.quarantine where stage = 'marts'"
            ).fetchall()
        )
        published = {r[0] for r in con.execute("select source_file from marts.trials").fetchall()}
    assert "trials.max_age_years 150.0" in reasons["ages beyond life.txt"]
    assert not published & set(OUT_OF_CONTRACT)
    assert {"bom.txt", "utf16.txt", "sub/dir/page.txt"} <= published


def test_decoded_pages_are_parsed(hostile: tuple[Path, set[str]]) -> None:
    db, _ = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        status = dict(
            con.execute("select source_file, overall_status from marts.trials").fetchall()
        )
        encodings = dict(con.execute("select source_file, encoding from raw.documents").fetchall())
    assert status["utf16.txt"] == status["bom.txt"] == status["gb18030.txt"] == "RECRUITING"
    assert status["sub/dir/page.txt"] == "RECRUITING"
    assert status["ünïcødé 名前.txt"] == "RECRUITING"
    assert encodings["gb18030.txt"] == "gb18030"
    assert encodings["bom.txt"] == "utf-8-sig"


def test_newer_version_of_a_trial_wins(hostile: tuple[Path, set[str]]) -> None:
    db, _ = hostile
    with duckdb.connect(str(db), read_only=True) as con:
        status = con.execute(
            "select source_file, overall_status from marts.trials where trial_id = 'NCT04444444'"
        ).fetchall()
        history = con.execute(
            "select count(*) from staged.stg_documents where source_file like 'nct %'"
        ).fetchone()
        reason = con.execute(
            "select reason from audit.quarantine where source_file = 'nct old.txt'"
        ).fetchone()
    assert status == [("nct new.txt", "COMPLETED")]
    assert history == (2,)
    assert reason is not None and "superseded" in reason[0]
