"""The staged step's choice between parsing in-process and in a worker process."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from orchestration.raw_files import scan_raw_files
from orchestration.stream_raw import stream_raw
from orchestration.stream_staged import LayerFiles, stream_staged


def _raw_documents(raw_dir: Path, target: Path) -> Path:
    tables, _ = stream_raw(
        scan_raw_files(raw_dir), datetime.now(UTC), lambda name: target / f"{name}.parquet"
    )
    return tables["documents"].path


@pytest.mark.parametrize(("workers", "overlapped"), [(2, True), (1, False)])
def test_a_few_pages_go_to_one_worker_only_when_there_is_work_to_overlap(
    raw_dir: Path, tmp_path: Path, workers: int, overlapped: bool
) -> None:
    """Two pages are too few to share between workers, but with a second core and slow work
    of its own (the checks' import) the step hands them to one worker and does that work
    meanwhile; with one core there is nothing to overlap, and they are parsed in-process.
    """
    documents = _raw_documents(raw_dir, tmp_path / "raw")
    called: list[bool] = []
    build, candidates = stream_staged(
        documents,
        LayerFiles({}, lambda name: tmp_path / "staged" / f"{name}.parquet"),
        LayerFiles({}, lambda name: tmp_path / "candidates" / f"{name}.parquet"),
        workers,
        while_waiting=lambda: called.append(True),
    )
    assert called == ([True] if overlapped else [])
    assert build.processed == 2
    staged = pl.read_parquet(build.tables["stg_documents"].path)
    assert staged["source_file"].to_list() == ["a.txt", "sub/b.txt"]
    assert pl.read_parquet(candidates["trials"].path).height == 2
