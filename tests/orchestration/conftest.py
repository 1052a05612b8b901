"""Fixtures for the wiring tests: folders under tmp_path and a tiny stand-in pipeline.

The stand-in staged and mart builders produce small but contract-valid tables
(one trial per document), so these tests exercise landing, checks, storage and
publishing without depending on the real parser's progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl
import pytest

from orchestration.settings import Settings
from transforms import schemas as s

PAGES = {
    "a.txt": "Study A\nPhase 1 trial of CD19 CAR-T in lupus.\n",
    "sub/b.txt": "Study B\nPhase 2 trial of BCMA CAR-T in myositis.\n",
}


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder with two small pages, one in a sub-folder."""
    root = tmp_path / "raw"
    for rel, text in PAGES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


@pytest.fixture
def settings(tmp_path: Path, raw_dir: Path) -> Settings:
    return Settings(raw_dir=raw_dir, warehouse_dir=tmp_path / "warehouse")


def fake_build_staged(
    raw: pl.DataFrame, previous: object = None, workers: int = 1
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """One document and one preamble section per landed file (``previous`` is ignored)."""
    docs = raw.select(
        "source_file",
        "sha256",
        pl.lit("test").alias("source_format"),
        "text",
        pl.col("text").str.len_chars().cast(pl.Int64).alias("raw_length"),
    )
    sections = docs.select(
        "source_file",
        pl.lit(0).alias("section_ordinal"),
        pl.lit("preamble").alias("section"),
        "text",
        pl.lit(0).alias("norm_start"),
        pl.lit(0).alias("span_start"),
        pl.col("raw_length").alias("span_end"),
    )
    tables = {name: s.empty(schema) for name, schema in s.STAGED_TABLES.items()}
    tables["stg_documents"] = s.conform(docs, s.STG_DOCUMENTS)
    tables["stg_sections"] = s.conform(sections, s.STG_SECTIONS)
    return tables, s.empty(s.QUARANTINE)


def _child(trials: pl.DataFrame, **values: object) -> pl.DataFrame:
    lit = [pl.lit(v).alias(k) for k, v in values.items()]
    return trials.select("trial_id", "source_file", *lit, span_start=0, span_end=1)


def fake_build_marts(
    staged: Mapping[str, pl.DataFrame], workers: int = 1
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """One trial per staged document, each with one arm, dose, endpoint and criterion."""
    docs = staged["stg_documents"].with_row_index("n", offset=1)
    trials = docs.select(
        pl.format("TRIAL{}", "n").alias("trial_id"),
        "source_file",
        "source_format",
        pl.col("text").str.split("\n").list.first().alias("title"),
        pl.lit(["PHASE1"]).alias("phases"),
        pl.lit(["CD19"]).alias("target_antigens"),
        pl.lit(12.0).alias("min_age_years"),
        pl.lit(65.0).alias("max_age_years"),
        pl.lit(True).alias("in_source"),
    )
    tables = {
        "trials": trials,
        "arms": _child(trials, arm_ordinal=1, label="Arm 1", arm_type="EXPERIMENTAL"),
        "doses": _child(trials, dose_ordinal=1, dose_value=1e6, dose_unit="cells/kg"),
        "endpoints": _child(
            trials, endpoint_ordinal=1, endpoint_type="PRIMARY", measure="AEs"
        ).with_columns(time_frame_days=pl.lit(90)),
        "criteria": _child(trials, criterion_ordinal=1, criterion_type="INCLUSION", text="Adult"),
        "criteria_thresholds": _child(
            trials,
            criterion_ordinal=1,
            criterion_type="INCLUSION",
            concept="egfr",
            operator=">=",
            value=60.0,
            unit="mL/min/1.73m2",
        ),
    }
    conformed = {name: s.conform(tables[name], schema) for name, schema in s.MART_TABLES.items()}
    return conformed, s.empty(s.QUARANTINE)


def fake_parse_documents(documents: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """``fake_build_staged`` for one batch, as the streamed staged build calls it."""
    return fake_build_staged(documents)


def fake_build_chunk(staged: Mapping[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], list]:
    """``fake_build_marts`` for one batch, as the streamed mart build calls it."""
    tables, quarantine = fake_build_marts(staged)
    return tables, quarantine.to_dicts()


def fake_parse_and_build(documents: pl.DataFrame) -> tuple:
    """Both stand-ins on one batch, as the staged pass calls them."""
    staged, quarantine = fake_parse_documents(documents)
    marts, failures = fake_build_chunk(staged)
    return staged, quarantine, marts, failures


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Swap the per-batch staged and mart builders the streamed builds call for the stand-ins."""
    from orchestration import assets, stream_marts, stream_staged

    monkeypatch.setattr(assets, "WORKERS", 1)  # the stand-ins are patched into this process only
    monkeypatch.setattr(stream_staged, "parse_and_build", fake_parse_and_build)
    monkeypatch.setattr(stream_marts, "build_chunk", fake_build_chunk)
