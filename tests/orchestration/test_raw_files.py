"""Which files the raw folder holds, and the sensor that watches it."""

from __future__ import annotations

import gc
import hashlib
import os

import dagster as dg
import pytest

from orchestration.automation import raw_files_sensor
from orchestration.gc_pause import gc_paused
from orchestration.raw_files import fingerprint, list_raw_files, scan_raw_files, sha256_of_lines
from orchestration.storage import WarehouseResource


def _write(path, text="page"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_lists_files_recursively_with_posix_paths(tmp_path):
    for rel in ["b.txt", "a/c.txt", "a/d/e.html", ".hidden", "a/.DS_Store", ".git/x"]:
        _write(tmp_path / rel)
    assert [rel for rel, _ in list_raw_files(tmp_path)] == ["a/c.txt", "a/d/e.html", "b.txt"]


def test_follows_symlinks_but_not_loops(tmp_path):
    outside = tmp_path / "outside"
    _write(outside / "linked.txt")
    raw = tmp_path / "raw"
    _write(raw / "own.txt")
    (raw / "more").symlink_to(outside)
    (raw / "single.txt").symlink_to(outside / "linked.txt")
    (raw / "loop").symlink_to(raw)
    assert [rel for rel, _ in list_raw_files(raw)] == ["more/linked.txt", "own.txt", "single.txt"]


def test_dangling_links_and_fifos_are_not_pages(tmp_path):
    _write(tmp_path / "page.txt", "twelve bytes")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "pipe")
    [page] = scan_raw_files(tmp_path)
    info = os.stat(tmp_path / "page.txt")
    assert (page.rel, page.path) == ("page.txt", str(tmp_path / "page.txt"))
    assert (page.size, page.mtime_ns) == (12, info.st_mtime_ns)


@pytest.mark.parametrize("chunk", [1, 2, 10_000])
@pytest.mark.parametrize("lines", [[], ["a\0b\n"], ["a\0b\n", "c\0d\n", "é\0f\n"]])
def test_lines_digest_is_that_of_the_whole_text(lines, chunk):
    whole = hashlib.sha256("".join(lines).encode()).hexdigest()
    assert sha256_of_lines(iter(lines), chunk=chunk) == whole


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_paused_restores_the_collector(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(RuntimeError), gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize(
    ("change", "differs"),
    [
        (lambda raw: None, False),
        (lambda raw: _write(raw / "new.txt"), True),
        (lambda raw: _write(raw / "a.txt", "longer page"), True),
        (lambda raw: os.utime(raw / "a.txt", ns=(1, 1)), True),
        (lambda raw: (raw / "a.txt").unlink(), True),
    ],
    ids=["unchanged", "added", "edited", "touched", "removed"],
)
def test_fingerprint_tracks_changes(tmp_path, change, differs):
    _write(tmp_path / "a.txt")
    _write(tmp_path / "b.txt")
    before = fingerprint(tmp_path)
    change(tmp_path)
    assert (fingerprint(tmp_path) != before) is differs


def _tick(raw_dir, warehouse_dir, cursor=None):
    resource = WarehouseResource(raw_dir=str(raw_dir), warehouse_dir=str(warehouse_dir))
    context = dg.build_sensor_context(cursor=cursor, resources={"warehouse": resource})
    return raw_files_sensor(context)


def test_sensor_requests_a_run_only_when_raw_changes(tmp_path):
    raw = tmp_path / "raw"
    _write(raw / "a.txt")
    first = _tick(raw, tmp_path / "wh")
    assert isinstance(first, dg.SensorResult) and len(first.run_requests) == 1
    assert isinstance(_tick(raw, tmp_path / "wh", first.cursor), dg.SkipReason)

    _write(raw / "b.txt")
    second = _tick(raw, tmp_path / "wh", first.cursor)
    assert isinstance(second, dg.SensorResult) and len(second.run_requests) == 1
    assert second.cursor != first.cursor
    assert second.run_requests[0].run_key == second.cursor


@pytest.mark.parametrize(
    "make", [lambda raw: None, lambda raw: raw.mkdir()], ids=["missing", "empty"]
)
def test_sensor_skips_without_files(tmp_path, make):
    make(tmp_path / "raw")
    assert isinstance(_tick(tmp_path / "raw", tmp_path / "wh"), dg.SkipReason)
