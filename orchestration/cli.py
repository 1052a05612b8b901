"""``trialhouse run`` and ``trialhouse query``: the analyst's entry points.

Importing this module is cheap; Dagster and DuckDB are imported only by the
command that needs them. Usage errors (missing or empty raw folder, a
warehouse locked by another run, nothing published yet) exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from orchestration.lock import WarehouseBusyError, hold_lock
from orchestration.raw_files import RawFile, hand_over, scan_raw_files
from orchestration.settings import Settings

USAGE_ERROR = 2


class UsageError(Exception):
    """A problem the user fixes by changing arguments or waiting; exit status 2."""


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {"raw_dir": getattr(args, "raw", None), "warehouse_dir": args.warehouse}
    return Settings(**{k: Path(v) for k, v in overrides.items() if v is not None})


def _require_raw_files(raw_dir: Path) -> list[RawFile]:
    if not raw_dir.is_dir():
        raise UsageError(f"raw folder not found: {raw_dir}")
    if not (found := scan_raw_files(raw_dir)):
        raise UsageError(f"raw folder is empty (no files to land): {raw_dir}")
    return found


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    found = _require_raw_files(settings.raw_dir)
    settings.warehouse_dir.mkdir(parents=True, exist_ok=True)
    try:
        with hold_lock(settings.lock_path):
            if not args.force and (unchanged := _unchanged_since(settings, found)):
                print(unchanged)
                return 0
            from orchestration.report import render_run
            from orchestration.run import run_pipeline

            hand_over(settings.raw_dir, found)
            outcome = run_pipeline(settings)
    except WarehouseBusyError as err:
        raise UsageError(str(err)) from None
    print(render_run(outcome, settings))
    return 0 if outcome.success and not outcome.blocking_failures else 1


def _unchanged_since(settings: Settings, found: list[RawFile]) -> str | None:
    """A message when raw files and code are what the published version was built from."""
    from orchestration.inputs import (
        code_fingerprint,
        landed_hashes,
        matches_landing,
        published_inputs,
    )
    from orchestration.raw_files import stat_fingerprint
    from orchestration.settings import table_path

    published = published_inputs(settings.published_db)
    if published is None or published["code_fingerprint"] != code_fingerprint(
        settings.analytics_sql_dir
    ):
        return None
    # Same paths, sizes and mtimes as when the published run listed them: no need
    # to read a byte. Otherwise (a touched file, a copied folder) compare contents.
    if published["raw_stat_fingerprint"] != stat_fingerprint(found):
        known = landed_hashes(table_path(settings.warehouse_dir, "raw", "documents"))
        if not matches_landing(found, known, published["raw_fingerprint"]):
            return None
    return (
        f"nothing changed: the {len(found)} raw files and the code are those of the published "
        f"warehouse {settings.published_db} (use --force to rebuild anyway)"
    )


def _query(args: argparse.Namespace) -> int:
    db = _settings(args).published_db
    if not db.exists():
        raise UsageError(f"no published warehouse at {db}; run `trialhouse run` first")
    import duckdb

    from orchestration.report import render_table

    with duckdb.connect(str(db), read_only=True) as con:
        try:
            cursor = con.execute(args.sql)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchall() if columns else []
        except duckdb.Error as err:
            print(f"trialhouse: query failed: {err}", file=sys.stderr)
            return 1
    print(render_table(columns, rows))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="trialhouse", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="land raw/, build every layer, check, publish")
    run.add_argument("--raw", help="folder of raw pages (default raw/ or $TRIALHOUSE_RAW)")
    run.add_argument(
        "--force", action="store_true", help="rebuild even when nothing changed since the last run"
    )
    run.set_defaults(handler=_run)
    query = commands.add_parser("query", help="run SQL on the published warehouse (read-only)")
    query.add_argument("sql", help='e.g. "select * from marts.trials"')
    query.set_defaults(handler=_query)
    for command in (run, query):
        command.add_argument(
            "--warehouse", help="warehouse folder (default warehouse/ or $TRIALHOUSE_WAREHOUSE)"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as err:
        print(f"trialhouse: {err}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
