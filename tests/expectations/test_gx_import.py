"""GX is imported with scipy.stats deferred: loaded only if something uses it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from expectations.gx_import import defer_import

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return out.stdout.split()


def test_suites_build_and_validate_without_executing_scipy_stats() -> None:
    code = (
        "import sys, polars as pl\n"
        "from expectations.builders import new_suite, not_null\n"
        "from expectations.runner import run_suite\n"
        "suite = new_suite('t', not_null('a'))\n"
        "result = run_suite(suite, pl.DataFrame({'a': [1, None]}))\n"
        "print(result.success, 'scipy.stats._stats_py' in sys.modules)\n"
        "import scipy.stats\n"
        "print(scipy.stats.norm.cdf(0.0), 'scipy.stats._stats_py' in sys.modules)\n"
    )
    assert _run(code) == ["False", "False", "0.5", "True"]


def test_a_module_already_loaded_or_missing_is_left_alone() -> None:
    before = sys.modules["json"]
    defer_import("json")
    assert sys.modules["json"] is before
    defer_import("no_such_module_here")
    assert "no_such_module_here" not in sys.modules
