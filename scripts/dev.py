#!/usr/bin/env python3
"""Bootstrap and run trialhouse with nothing but the standard library.

    python3 scripts/dev.py run [trialhouse run args...]   build and publish the warehouse
    python3 scripts/dev.py query "SQL"                    query the published warehouse
    python3 scripts/dev.py test [pytest args...]          run the tests and ruff

The first call creates ``.venv`` and installs the project; later calls
reinstall only when ``pyproject.toml`` changed (its sha256 is kept in a stamp
file inside the venv), so they start immediately.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".trialhouse-stamp"


def _pyproject_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create the venv if missing and install the project when pyproject.toml changed."""
    if not (BIN / "python").exists():
        print(f"creating {VENV}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = _pyproject_digest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    print("installing trialhouse and its dependencies into .venv", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", ".[dev]"], cwd=ROOT, check=True)
    STAMP.write_text(digest + "\n")


def _call(*command: str) -> int:
    return subprocess.run(command, cwd=ROOT).returncode


def run(args: list[str]) -> int:
    return _call(str(BIN / "trialhouse"), "run", *args)


def query(args: list[str]) -> int:
    return _call(str(BIN / "trialhouse"), "query", *args)


def test(args: list[str]) -> int:
    status = _call(str(BIN / "python"), "-m", "pytest", *args)
    lint = _call(str(BIN / "ruff"), "check", ".")
    fmt = _call(str(BIN / "ruff"), "format", "--check", ".")
    return status or lint or fmt


COMMANDS = {"run": run, "query": query, "test": test}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 the machine has
        print("dev.py: trialhouse needs Python 3.11 or newer to create .venv", file=sys.stderr)
        return 2
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        ensure_venv()
    except subprocess.CalledProcessError as err:
        print(f"dev.py: installing the project failed ({err})", file=sys.stderr)
        return 1
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
