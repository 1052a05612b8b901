"""The benchmark's reading of a run summary: one row per layer of the run."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

import bench.run
from bench.run import _add, _change, _layer_rows, _row, _scenario, fresh_folders
from transforms.marts.pipeline import parse_and_build

SUMMARY = """run abc succeeded
checks: 28 passed, 0 failed
time: raw 4.5s, staged 5.8s, marts 2.7s, publish 2.9s, checks 6.8s
documents quarantined: 0"""


def test_layer_rows_follow_the_time_line() -> None:
    rows = _layer_rows(SUMMARY, docs=1000, mib=5.0)
    assert [row.split()[1] for row in rows] == ["raw", "staged", "marts", "publish", "checks"]
    assert "5.80 s" in rows[1] and "172 docs/s" in rows[1]


def test_a_run_without_timings_gives_no_rows() -> None:
    assert _layer_rows("nothing changed: ...", docs=10, mib=1.0) == []


def test_row_prints_memory_only_when_measured() -> None:
    assert _row("x", 2.0, 100, 4.0, 512.0).endswith("512 MiB")
    assert "MiB" not in _row("x", 2.0, 100, 4.0, None)


def test_a_kept_folder_starts_empty(tmp_path: Path) -> None:
    for name in ("raw20", "gold20", "wh20/marts"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "left.txt").write_text("from an earlier run")
    raw, gold, wh = fresh_folders(tmp_path, 20)
    assert (raw, gold, wh) == (tmp_path / "raw20", tmp_path / "gold20", tmp_path / "wh20")
    assert not any(folder.exists() for folder in (raw, gold, wh))


def test_added_pages_gold_names_the_page(tmp_path: Path) -> None:
    raw, gold = tmp_path / "raw", tmp_path / "gold"
    raw.mkdir()
    gold.mkdir()
    assert _add(raw, gold, 12, seed=7, first=100) == 12
    pages = {page.name for page in raw.iterdir()}
    named = {json.loads(path.read_text())["source_file"] for path in gold.iterdir()}
    assert named == pages
    assert {Path(name).suffix for name in pages} == {".md", ".txt"}  # both kinds of page


def test_a_changed_page_has_new_bytes_and_the_same_marts(tmp_path: Path) -> None:
    page = tmp_path / "000001.txt"
    page.write_text("NCT06000005\nPhase: 1\nInclusion Criteria:\n- Age 18-65 years\n")
    before = page.read_bytes()
    assert _change(tmp_path, 1.0) == 1
    assert page.read_bytes() != before

    def facts(data: bytes) -> tuple[list[dict[str, object]], int]:
        frame = pl.DataFrame({"source_file": ["a.txt"], "sha256": ["x"], "text": [data.decode()]})
        marts = parse_and_build(frame)[2]
        return marts["trials"].to_dicts(), marts["criteria"].height

    assert facts(page.read_bytes()) == facts(before)


@pytest.mark.parametrize(
    ("out", "note"),
    [
        (SUMMARY, "(7.50 s beyond start-up)"),
        ("nothing changed: the 10 raw files ...", "(skipped: nothing changed)"),
    ],
)
def test_a_scenario_says_its_time_beyond_start_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], out: str, note: str
) -> None:
    """The re-run targets count from after start-up: the row says how far beyond it a run
    went, and a run that did nothing says so instead."""
    monkeypatch.setattr(bench.run, "_cli", lambda raw, wh: (10.0, 300.0, out))
    _scenario("CLI 1% changed (10)", Path("raw"), Path("wh"), 1000, 5.0, startup=2.5)
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("  CLI 1% changed (10)")
    assert first.endswith(note)
