"""Settings: defaults under the project, environment overrides, derived paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.settings import PROJECT_ROOT, RAW_ENV, WAREHOUSE_ENV, Settings


def test_defaults_live_in_the_project(monkeypatch):
    monkeypatch.delenv(RAW_ENV, raising=False)
    monkeypatch.delenv(WAREHOUSE_ENV, raising=False)
    settings = Settings()
    assert settings.raw_dir == PROJECT_ROOT / "raw"
    assert settings.warehouse_dir == PROJECT_ROOT / "warehouse"
    assert settings.keep_versions == 3


@pytest.mark.parametrize(
    ("env", "attribute"),
    [(RAW_ENV, "raw_dir"), (WAREHOUSE_ENV, "warehouse_dir")],
)
def test_environment_overrides_a_default(monkeypatch, tmp_path, env, attribute):
    monkeypatch.setenv(env, str(tmp_path / "elsewhere"))
    assert getattr(Settings(), attribute) == tmp_path / "elsewhere"


def test_explicit_path_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(WAREHOUSE_ENV, str(tmp_path / "env"))
    assert Settings(warehouse_dir=tmp_path / "arg").warehouse_dir == tmp_path / "arg"


def test_relative_paths_are_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    settings = Settings(raw_dir=Path("pages"), warehouse_dir="wh")
    assert settings.raw_dir == tmp_path / "pages"
    assert settings.warehouse_dir == tmp_path / "wh"


def test_derived_paths(tmp_path):
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "wh")
    assert settings.published_db == tmp_path / "wh" / "warehouse.duckdb"
    assert settings.version_dir("r1") == tmp_path / "wh" / "versions" / "r1"
    assert settings.lock_path == tmp_path / "wh" / ".run.lock"
    assert settings.published_link("marts") == tmp_path / "wh" / "marts"


def test_settings_are_frozen(tmp_path):
    with pytest.raises(AttributeError):
        Settings(warehouse_dir=tmp_path).warehouse_dir = tmp_path / "other"  # type: ignore[misc]
