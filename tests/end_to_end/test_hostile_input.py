"""Odd and hostile raw files: each is published or quarantined with a reason, none stops the run."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main

GOOD = "Title: CD19 CAR-T in lupus nephritis\nStatus: Recruiting\nPhase: 1\n"
CHINESE = "研究状态\nStatus\n招募中\n纳入标准\n1. 年龄18-65岁;\n"


def _pages(root: Path) -> dict[str, bytes]:
    nested = "".join(f"{'  ' * d}- level {d} item\n" for d in range(200))
    bomb = "Inclusion Criteria\n" + "1" * 20_000 + ". " + "(" * 5_000 + "eGFR " * 2_000
    return {
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "latin1.txt": "Statut: recruté, âge ≥ 18".encode("cp1252", errors="replace"),
        "gb18030.txt": CHINESE.encode("gb18030"),
        "utf16.txt": GOOD.encode("utf-16"),
        "bom.txt": b"\xef\xbb\xbf" + GOOD.encode(),
        "nested.txt": (GOOD + "Inclusion Criteria\n" + nested).encode(),
        "bomb.txt": bomb.encode(),
        "long line.txt": (GOOD + "x" * 5_000_000).encode(),
        "copy a.txt": GOOD.encode(),
        "copy b.txt": GOOD.encode(),
        "ünïcødé 名前.txt": GOOD.encode(),
        "sub/dir/page.txt": GOOD.replace("Phase: 1", "Phase: 2").encode(),
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    raw = root / "raw"
    names = set()
    for name, data in _pages(raw).items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
        names.add(name)
    os.symlink(raw / "bom.txt", raw / "link.txt")
    names.add("link.txt")
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
    assert set(rows) >= {"empty.txt", "blank.txt", "image.png"}
    assert all(reason for reason in rows.values())


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
