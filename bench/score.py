"""Score a warehouse against a gold folder with the checks of ``../shared/tools/score_marts.py``.

The shared scorer queries DuckDB per document and scans all trials for each one,
which is quadratic at 100k pages. Here its own ``Scorer.score_doc`` runs unchanged
against an in-memory stand-in for the connection: each mart is read once and grouped
by ``trial_id`` (trials by file name), so every check is the shared scorer's check.

    .venv/bin/python -m bench.score --db /tmp/wh/warehouse.duckdb --gold /tmp/gold
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score_marts.py"
_ROWS_QUERY = re.compile(r"select \* from marts\.(\w+)(?: where trial_id = \?| limit 0)?$")


def load_shared_scorer(path: Path = SHARED_SCORER) -> ModuleType:
    """The shared scoring module, imported from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("score_marts", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class ScoreResult:
    """Checks passed out of total, per kind of check, and the failed checks' descriptions."""

    passed: int
    total: int
    by_kind: dict[str, tuple[int, int]]
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.passed / self.total if self.total else 0.0


class _Cursor:
    def __init__(self, columns: list[str], rows: list[tuple]) -> None:
        self.description = [(c,) for c in columns]
        self._rows = rows

    def fetchall(self) -> list[tuple]:
        return self._rows


class _MemoryMarts:
    """Answers the shared scorer's three query shapes from marts held in memory."""

    def __init__(self, con: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
        self.columns: dict[str, list[str]] = {}
        self.by_trial: dict[str, dict[object, list[tuple]]] = {}
        self.trials_by_file: dict[str, list[tuple]] = defaultdict(list)
        self.current_file = ""
        for table in tables:
            try:
                cur = con.execute(f"select * from marts.{table}")
            except duckdb.Error:
                continue
            self.columns[table] = [d[0] for d in cur.description]
            grouped: dict[object, list[tuple]] = defaultdict(list)
            at = self.columns[table].index("trial_id")
            rows = cur.fetchall()
            for row in rows:
                grouped[row[at]].append(row)
            self.by_trial[table] = grouped
            if table == "trials":
                src = self.columns[table].index("source_file")
                for row in rows:
                    self.trials_by_file[Path(str(row[src] or "")).name].append(row)

    def execute(self, sql: str, params: list | None = None) -> _Cursor:
        match = _ROWS_QUERY.match(sql.strip())
        if match is None or match.group(1) not in self.columns:
            raise duckdb.CatalogException(f"not held in memory: {sql}")
        table = match.group(1)
        if sql.endswith("limit 0"):
            rows: list[tuple] = []
        elif params:
            rows = self.by_trial[table].get(params[0], [])
        else:  # the trials scan for one document: only its own file can match
            rows = self.trials_by_file.get(self.current_file, [])
        return _Cursor(self.columns[table], rows)


def score(db_path: Path, gold_dir: Path, *, keep_failures: int = 10_000) -> ScoreResult:
    """Apply the shared scorer's checks to every gold file in ``gold_dir``."""
    shared = load_shared_scorer()
    with duckdb.connect(str(db_path), read_only=True) as con:
        marts = _MemoryMarts(con, shared.TABLES)
    failures: list[tuple[str, str, str]] = []

    class _Recording(shared.Scorer):
        def check(self, doc, kind, what, ok):
            super().check(doc, kind, what, ok)
            if not ok and len(failures) < keep_failures:
                failures.append((doc, kind, what))

    scorer = _Recording(marts)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source_file = gold.get("source_file") or path.stem + ".txt"
        marts.current_file = Path(source_file).name
        scorer.score_doc(gold, source_file)
    by_kind = {k: (p, t) for k, (p, t) in sorted(scorer.by_kind.items())}
    return ScoreResult(scorer.passed, scorer.total, by_kind, failures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--failures", type=int, default=0, help="print this many failed checks")
    args = parser.parse_args(argv)
    result = score(args.db, args.gold)
    for doc, kind, what in result.failures[: args.failures]:
        print(f"  FAIL {doc}: {kind}: {what}")
    for kind, (p, t) in result.by_kind.items():
        print(f"{kind:12s} {p:6d}/{t:<6d} {p / t if t else 0:.3f}")
    print(f"extraction score: {result.score:.3f} ({result.passed}/{result.total} checks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
