"""transforms/ stays pure: no orchestration, validation or database imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TRANSFORMS = Path(__file__).resolve().parents[2] / "transforms"
FORBIDDEN = {"dagster", "great_expectations", "duckdb", "orchestration", "expectations"}


@pytest.mark.parametrize("path", sorted(TRANSFORMS.rglob("*.py")), ids=lambda p: p.name)
def test_module_imports_nothing_forbidden(path: Path) -> None:
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & FORBIDDEN, f"{path} imports {imported & FORBIDDEN}"
