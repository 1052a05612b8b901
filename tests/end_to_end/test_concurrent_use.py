"""Analysts reading while runs publish, and two runs started at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _seed(tmp_path: Path) -> tuple[Path, Path]:
    raw, warehouse = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    for page in (ROOT / "raw").glob("*.txt"):
        shutil.copy(page, raw / page.name)
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    return raw, warehouse


def test_reader_holding_the_warehouse_open_never_blocks_a_run(tmp_path: Path) -> None:
    raw, warehouse = _seed(tmp_path)
    db = warehouse / "warehouse.duckdb"
    reader = duckdb.connect(str(db), read_only=True)
    try:
        (raw / "extra.txt").write_text("Title: Another CAR-T trial\nStatus: Recruiting\n")
        assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
        assert reader.execute("select count(*) from marts.trials").fetchone() == (5,)
    finally:
        reader.close()
    with duckdb.connect(str(db), read_only=True) as fresh:
        assert fresh.execute("select count(*) from marts.trials").fetchone() == (6,)


def test_two_runs_at_once_one_wins_and_nothing_is_corrupted(tmp_path: Path) -> None:
    raw, warehouse = _seed(tmp_path)
    code = "from orchestration.cli import main; raise SystemExit(main())"
    args = ["run", "--raw", str(raw), "--warehouse", str(warehouse), "--force"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2])  # both ran one after the other, or the second was refused
    for code, err in results:
        if code == 2:
            assert "warehouse in use" in err
    with duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from marts.trials").fetchone() == (5,)
