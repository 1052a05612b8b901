"""The seed pages in other clothes score as the seeds do.

Each embedded seed (``raw/``) is rewritten the way another site or a scraper would give
the same record (line ends, blank lines, indentation, invisible characters, HTML line
breaks), built in memory and scored against its hand-checked gold with the shared
scorer's own checks. A parser rule that reads one form and misses another shows here
(seed 004's "Time Frame" heading over its dates was read as an outcome's frame once).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from bench.score import SHARED_SCORER, load_shared_scorer
from tests.transforms.page_build import page_marts

ROOT = Path(__file__).resolve().parents[2]
GOLD = SHARED_SCORER.parents[1] / "gold"
SEEDS = sorted((ROOT / "raw").glob("*.txt"))

# Rewrites that keep every fact of a page.
VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "double_blank": lambda t: t.replace("\n", "\n\n"),
    "trailing_spaces": lambda t: t.replace("\n", "  \n"),
    "indented": lambda t: "\n".join("    " + line if line else line for line in t.split("\n")),
    "tabbed": lambda t: "\n".join("\t" + line if line else line for line in t.split("\n")),
    "bom": lambda t: "\ufeff" + t,
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "zero_width": lambda t: t.replace("-", "-\u200b"),
    "html_breaks": lambda t: t.replace("\n", "<br>\n"),
}


def _score(page: str, name: str, gold: dict) -> tuple[int, int, list[str]]:
    shared = load_shared_scorer()
    marts = page_marts(page, name)
    con = duckdb.connect()
    con.execute("create schema marts")
    for table in shared.TABLES:
        con.register(f"_{table}", marts[table].to_arrow())
        con.execute(f"create table marts.{table} as select * from _{table}")
    failures: list[str] = []

    class Recording(shared.Scorer):
        def check(self, doc, kind, what, ok):  # type: ignore[no-untyped-def]
            super().check(doc, kind, what, ok)
            if not ok:
                failures.append(f"{kind}: {what}")

    scorer = Recording(con)
    scorer.score_doc({**gold, "source_file": name}, name)
    return scorer.passed, scorer.total, failures


@pytest.mark.skipif(not GOLD.is_dir(), reason="the shared gold facts are not beside the project")
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_a_seed_rewritten_keeps_its_facts(seed: Path, variant: str) -> None:
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text())
    page = VARIANTS[variant](seed.read_text())
    passed, total, failures = _score(page, seed.name, gold)
    assert total > 0
    assert failures == []
    assert passed == total
