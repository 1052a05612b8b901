"""The fast scorer agrees with the shared scorer, and the pipeline scores well on the corpus."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import duckdb
import pytest

from bench.corpus import generate
from bench.score import load_shared_scorer, score
from orchestration.cli import main

pytestmark = pytest.mark.slow
MIN_SCORE = 0.9


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("bench")
    generate(60, 2024, root / "raw", root / "gold", workers=1)
    warehouse = root / "warehouse"
    assert main(["run", "--raw", str(root / "raw"), "--warehouse", str(warehouse)]) == 0
    return warehouse / "warehouse.duckdb", root / "gold"


def _shared_score(db: Path, gold: Path) -> tuple[int, int]:
    shared = load_shared_scorer()
    out = io.StringIO()
    argv = ["score_marts.py", "--db", str(db), "--gold", str(gold)]
    with redirect_stdout(out), pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.argv", argv)
        shared.main()
    match = re.search(r"\((\d+)/(\d+) checks\)", out.getvalue())
    assert match is not None, out.getvalue()
    return int(match.group(1)), int(match.group(2))


def test_generated_corpus_scores_high(built: tuple[Path, Path]) -> None:
    result = score(*built)
    print(f"bench score on 60 generated pages: {result.score:.3f} ({result.passed}/{result.total})")
    assert result.total > 60 * 20
    assert result.by_kind["document"] == (60, 60)
    assert result.score >= MIN_SCORE, result.failures[:20]


def test_fast_scorer_matches_shared_scorer(built: tuple[Path, Path]) -> None:
    result = score(*built)
    assert (result.passed, result.total) == _shared_score(*built)
    assert sum(t for _, t in result.by_kind.values()) == result.total
    assert len(result.failures) == result.total - result.passed


def test_missing_trial_fails_document_check(built: tuple[Path, Path], tmp_path: Path) -> None:
    db, gold = built
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    victim = sorted(gold.glob("*.json"))[0].stem
    with duckdb.connect(str(copy)) as con:  # marts are views: replace trials by a smaller table
        con.execute(
            "create table marts.kept as select * from marts.trials where source_file not like ?",
            [victim + "%"],
        )
        con.execute("drop view marts.trials")
        con.execute("alter table marts.kept rename to trials")
    result = score(copy, gold)
    assert result.by_kind["document"] == (59, 60)
    assert any(doc.startswith(victim) and kind == "document" for doc, kind, _ in result.failures)
