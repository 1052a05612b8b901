"""Fault report: hostile inputs, SIGKILL at every crash point, concurrent use. Prints figures.

    .venv/bin/python -m tests.fault_report

Every scenario runs the real CLI in a subprocess against folders under a
temporary directory; nothing is mocked. It exits non-zero unless every
figure is at 100%.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from orchestration.faults import CRASH_POINTS, ENV_VAR
from tests.hostile_corpus import write_hostile_corpus

ROOT = Path(__file__).resolve().parents[1]
CODE = "from orchestration.cli import main; raise SystemExit(main())"


def _start(raw: Path, wh: Path, *extra: str, crash_at: str | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    if crash_at:
        env[ENV_VAR] = crash_at
    args = ["run", "--raw", str(raw), "--warehouse", str(wh), *extra]
    return subprocess.Popen(
        [sys.executable, "-c", CODE, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(raw: Path, wh: Path, *extra: str, crash_at: str | None = None) -> tuple[int, str]:
    proc = _start(raw, wh, *extra, crash_at=crash_at)
    out, err = proc.communicate(timeout=1800)
    return proc.returncode, out + err


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seeded(base: Path, name: str) -> tuple[Path, Path]:
    raw, wh = base / name / "raw", base / name / "wh"
    raw.mkdir(parents=True)
    for page in (ROOT / "raw").glob("*.txt"):
        shutil.copy(page, raw / page.name)
    code, out = _run(raw, wh)
    if code != 0:
        raise RuntimeError(f"baseline run failed:\n{out}")
    return raw, wh


def hostile_inputs(base: Path) -> tuple[int, int]:
    raw, wh = base / "hostile" / "raw", base / "hostile" / "wh"
    names = write_hostile_corpus(raw, big=True)
    code, out = _run(raw, wh)
    if code != 0:
        print(out)
        return 0, len(names)
    db = wh / "warehouse.duckdb"
    landed = {r[0] for r in _query(db, "select source_file from raw.documents")}
    parked = {
        r[0] for r in _query(db, "select source_file from audit.quarantine where reason <> ''")
    }
    handled = {n for n in names if n in landed or n in parked}
    for missing in sorted(names - handled):
        print(f"  not accounted for: {missing}")
    return len(handled), len(names)


def kill_points(base: Path) -> tuple[int, int]:
    raw, wh = _seeded(base, "kills")
    db = wh / "warehouse.duckdb"
    (raw / "extra.txt").write_text("Title: One more CAR-T trial\nStatus: Recruiting\n")
    survived = 0
    for point in CRASH_POINTS:
        before = _digest(db)
        code, _ = _run(raw, wh, "--force", crash_at=point)
        trials = _query(db, "select count(*) from marts.trials")[0][0]
        intact = trials == 6 if point == "after_publish" else _digest(db) == before
        recovered = _run(raw, wh, "--force")[0] == 0
        ok = code == -signal.SIGKILL and intact and recovered
        survived += ok
        print(f"  kill at {point:15s} {'survived' if ok else 'FAILED'}")
    return survived, len(CRASH_POINTS)


def _reader_during_run(base: Path) -> bool:
    raw, wh = _seeded(base, "reader")
    db = wh / "warehouse.duckdb"
    reader = duckdb.connect(str(db), read_only=True)
    (raw / "extra.txt").write_text("Title: One more CAR-T trial\nStatus: Recruiting\n")
    code, _ = _run(raw, wh)
    old = reader.execute("select count(*) from marts.trials").fetchone()[0]
    reader.close()
    return code == 0 and old == 5 and _query(db, "select count(*) from marts.trials")[0][0] == 6


def _two_runs_at_once(base: Path) -> bool:
    raw, wh = _seeded(base, "twin")
    procs = [_start(raw, wh, "--force") for _ in range(2)]
    results = [(p.wait(timeout=1800), p.communicate()[1]) for p in procs]
    codes = sorted(code for code, _ in results)
    refused_clearly = all("warehouse in use" in err for code, err in results if code == 2)
    valid = _query(wh / "warehouse.duckdb", "select count(*) from marts.trials")[0][0] == 5
    return codes in ([0, 0], [0, 2]) and refused_clearly and valid


def _run_while_locked(base: Path) -> bool:
    raw, wh = _seeded(base, "locked")
    before = _digest(wh / "warehouse.duckdb")
    with open(wh / ".run.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        code, out = _run(raw, wh, "--force")
    return code == 2 and "warehouse in use" in out and _digest(wh / "warehouse.duckdb") == before


def concurrent(base: Path) -> tuple[int, int]:
    scenarios: dict[str, Callable[[Path], bool]] = {
        "reader holds the warehouse during a run": _reader_during_run,
        "two runs started at once": _two_runs_at_once,
        "run while another holds the lock": _run_while_locked,
    }
    passed = 0
    for name, scenario in scenarios.items():
        ok = scenario(base)
        passed += ok
        print(f"  {name:42s} {'passed' if ok else 'FAILED'}")
    return passed, len(scenarios)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="trialhouse-faults-") as tmp:
        base = Path(tmp)
        figures = {
            "hostile inputs handled": hostile_inputs(base),
            "kills survived": kill_points(base),
            "concurrent scenarios passed": concurrent(base),
        }
    print()
    for name, (ok, tried) in figures.items():
        print(f"{name:30s} {ok:3d} / {tried:<3d} {100 * ok / tried:6.1f}%")
    return 0 if all(ok == tried for ok, tried in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
