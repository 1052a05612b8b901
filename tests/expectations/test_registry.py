"""The suite registry the asset-check factory iterates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from expectations import BLOCKING_LAYERS, SUITES, is_blocking
from transforms import schemas

ROOT = Path(__file__).resolve().parents[2]


def test_every_table_has_a_suite_named_like_its_key() -> None:
    expected = {"raw.documents", "raw.quarantine"}
    expected |= {f"staged.{t}" for t in schemas.STAGED_TABLES}
    expected |= {f"marts.{t}" for t in schemas.MART_TABLES}
    assert set(SUITES) == expected
    assert {key: build().name for key, build in SUITES.items()} == {k: k for k in SUITES}


def test_builders_return_fresh_suites() -> None:
    assert SUITES["marts.doses"]() is not SUITES["marts.doses"]()


@pytest.mark.parametrize(
    ("name", "blocking"),
    [("raw.documents", False), ("staged.stg_items", True), ("marts.trials", True)],
)
def test_only_staged_and_mart_suites_block(name: str, blocking: bool) -> None:
    assert set(BLOCKING_LAYERS) == {"staged", "marts"}
    assert is_blocking(name) is blocking


def test_importing_suites_does_not_import_great_expectations() -> None:
    code = (
        "import sys, expectations.marts, expectations; print('great_expectations' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
