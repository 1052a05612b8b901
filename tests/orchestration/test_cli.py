"""CLI usage errors exit 2 with a message that says what to fix; query prints a table."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys

import duckdb
import pytest

from orchestration.cli import main
from orchestration.lock import WarehouseBusyError, hold_lock
from orchestration.report import render_table


def _args(command, raw, warehouse):
    return [command, *(["--raw", str(raw)] if raw else []), "--warehouse", str(warehouse)]


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda raw: None, "raw folder not found"),
        (lambda raw: raw.mkdir(), "raw folder is empty"),
        (
            lambda raw: (raw / ".hidden").parent.mkdir() or (raw / ".hidden").write_text("x"),
            "empty",
        ),
    ],
    ids=["missing", "empty", "only-hidden"],
)
def test_run_refuses_a_raw_folder_without_files(tmp_path, capsys, prepare, message):
    raw = tmp_path / "raw"
    prepare(raw)
    assert main(_args("run", raw, tmp_path / "wh")) == 2
    err = capsys.readouterr().err
    assert message in err and str(raw) in err


def test_run_refuses_a_locked_warehouse(tmp_path, raw_dir, capsys):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    lock = warehouse / ".run.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(_args("run", raw_dir, warehouse)) == 2
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert "warehouse in use" in err and str(lock) in err


def test_lock_held_by_another_process(tmp_path, raw_dir):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'w'); "
            "fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
            str(warehouse / ".run.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(_args("run", raw_dir, warehouse)) == 2
    finally:
        holder.kill()
        holder.wait()


def test_query_without_published_warehouse(tmp_path, capsys):
    assert main([*_args("query", None, tmp_path / "wh"), "select 1"]) == 2
    assert "no published warehouse" in capsys.readouterr().err


def test_query_prints_aligned_rows(tmp_path, capsys):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    with duckdb.connect(str(warehouse / "warehouse.duckdb")) as con:
        con.execute("create schema marts")
        con.execute("create table marts.trials as select 'NCT01234567' as trial_id, null as n")
    assert main(["query", "--warehouse", str(warehouse), "select * from marts.trials"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "trial_id    | n",
        "------------+-----",
        "NCT01234567 | NULL",
        "(1 row)",
    ]


def test_query_reports_sql_errors(tmp_path, capsys):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    duckdb.connect(str(warehouse / "warehouse.duckdb")).close()
    assert main(["query", "--warehouse", str(warehouse), "select * from nowhere"]) == 1
    assert "query failed" in capsys.readouterr().err


def test_render_table_truncates_long_cells():
    text = render_table(["a"], [["x" * 100]])
    assert len(text.splitlines()[2]) == 60 and text.splitlines()[2].endswith("…")


def test_importing_the_cli_does_not_import_dagster():
    code = "import sys, orchestration.cli; print('dagster' in sys.modules, 'duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_lock_is_reentrant_in_one_process_and_released_after(tmp_path):
    lock = tmp_path / ".run.lock"
    with hold_lock(lock), hold_lock(lock):
        other = os.open(lock, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    with hold_lock(lock):
        pass
    other = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again
    finally:
        os.close(other)


def test_busy_lock_raises(tmp_path):
    lock = tmp_path / ".run.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(WarehouseBusyError, match="warehouse in use"), hold_lock(lock):
            pass
    finally:
        os.close(fd)
