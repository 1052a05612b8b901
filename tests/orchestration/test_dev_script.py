"""scripts/dev.py installs once per pyproject.toml version and propagates exit codes."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "dev.py"


@pytest.fixture
def dev(tmp_path, monkeypatch):
    """dev.py pointed at a fake project in tmp_path, recording the commands it would run."""
    spec = importlib.util.spec_from_file_location("dev_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").touch()
    for name, value in {
        "ROOT": tmp_path,
        "VENV": tmp_path / ".venv",
        "BIN": tmp_path / ".venv" / "bin",
        "STAMP": tmp_path / ".venv" / ".trialhouse-stamp",
    }.items():
        monkeypatch.setattr(module, name, value)
    module.calls = []

    def fake_run(command, cwd=None, check=False):
        module.calls.append(list(command))
        return subprocess.CompletedProcess(command, module.exit_code)

    module.exit_code = 0
    monkeypatch.setattr(module.subprocess, "run", fake_run)
    return module


def _installs(dev) -> int:
    return sum("install" in call for call in dev.calls)


def test_installs_once_until_pyproject_changes(dev, tmp_path):
    dev.ensure_venv()
    dev.ensure_venv()
    assert _installs(dev) == 1
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'y'\n")
    dev.ensure_venv()
    assert _installs(dev) == 2


@pytest.mark.parametrize(("command", "program"), [("run", "trialhouse"), ("test", "python")])
def test_commands_propagate_exit_codes(dev, command, program):
    dev.exit_code = 3
    dev.STAMP.write_text(dev._pyproject_digest())
    assert dev.main([command]) == 3
    assert Path(dev.calls[0][0]).name == program


def test_unknown_command_prints_usage(dev, capsys):
    assert dev.main(["deploy"]) == 2
    assert "scripts/dev.py run" in capsys.readouterr().err
