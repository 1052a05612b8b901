"""SIGKILL a real run at every step of write-audit-publish; the published warehouse survives.

Each kill leaves the published database byte-identical (or, after the
commit point, the complete new version), openable, and the next run
succeeds without any manual clean-up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.faults import CRASH_POINTS, ENV_VAR

ROOT = Path(__file__).resolve().parents[2]
EXTRA_PAGE = "Title: A new CD20 CAR-T trial\nStatus: Recruiting\nPhase: 1\n"


def _run(raw: Path, warehouse: Path, crash_at: str | None = None, *extra: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if crash_at:
        env[ENV_VAR] = crash_at
    code = "from orchestration.cli import main; raise SystemExit(main())"
    args = ["run", "--raw", str(raw), "--warehouse", str(warehouse), *extra]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=ROOT, capture_output=True, timeout=300
    )
    return done.returncode


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _trial_count(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from marts.trials").fetchone()[0]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("crash")
    raw, warehouse = root / "raw", root / "wh"
    raw.mkdir()
    for page in (ROOT / "raw").glob("*.txt"):
        shutil.copy(page, raw / page.name)
    assert _run(raw, warehouse) == 0
    (raw / "extra.txt").write_text(EXTRA_PAGE)  # a successful run would now publish 6 trials
    return raw, warehouse


@pytest.mark.parametrize("point", [p for p in CRASH_POINTS if p != "after_publish"])
def test_kill_before_the_commit_point_changes_nothing(
    published: tuple[Path, Path], point: str
) -> None:
    raw, warehouse = published
    db = warehouse / "warehouse.duckdb"
    before = _digest(db)
    assert _run(raw, warehouse, crash_at=point) == -signal.SIGKILL
    assert _digest(db) == before
    assert _trial_count(db) == 5


def test_kill_after_the_commit_point_serves_the_new_version(published: tuple[Path, Path]) -> None:
    raw, warehouse = published
    assert _run(raw, warehouse, crash_at="after_publish") == -signal.SIGKILL
    assert _trial_count(warehouse / "warehouse.duckdb") == 6


def test_next_run_after_kills_succeeds_and_prunes(published: tuple[Path, Path]) -> None:
    raw, warehouse = published
    assert _run(raw, warehouse, None, "--force") == 0
    assert _trial_count(warehouse / "warehouse.duckdb") == 6
    assert len([p for p in (warehouse / "versions").iterdir() if p.is_dir()]) <= 3
    marts_link = (warehouse / "marts").resolve()
    assert (marts_link / "trials.parquet").exists()
