"""A table as a base file plus a small delta, so a daily run writes what changed, not N.

About 1% of a registry's pages change a day. Rewriting every staged and
candidate table to replace those pages' rows was most of a 1% run at 100,000
pages (15 s of 51, all of it growing with the corpus). So the tables of the
raw, staged and candidates layers may carry a delta next to their base:

- ``<layer>/<table>.parquet``, the base: hard-linked from the previous
  version while it still serves, so an unchanged base costs nothing to keep;
- ``<layer>/_delta/<table>.parquet``: the rows of documents (re)built since
  the base was written, sorted by ``source_file`` like the base;
- ``<layer>/_delta/<table>.superseded.parquet``: the documents whose base
  rows are no longer live (changed, removed, quarantined).

The live table is the base without its superseded documents, merged with the
delta: still sorted, so a cursor walks it as it walks one file. A table with
no delta is just its base, which is what a full build writes and what every
compaction leaves. This module only reads that layout; ``table_merge`` writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

KEY = "source_file"
DELTA_DIR = "_delta"


def delta_path(base: Path) -> Path:
    """Where the delta rows of the table whose base is ``base`` live."""
    return base.parent / DELTA_DIR / base.name


def superseded_path(base: Path) -> Path:
    """The documents whose rows in ``base`` are dead."""
    return base.parent / DELTA_DIR / f"{base.stem}.superseded.parquet"


def has_delta(base: Path) -> bool:
    return delta_path(base).exists()


def superseded_files(base: Path) -> list[str]:
    """The base's dead documents (none when the table has no delta)."""
    path = superseded_path(base)
    return pl.read_parquet(path, columns=[KEY])[KEY].to_list() if path.exists() else []


def is_dead(base: Path) -> pl.Expr:
    """True for the rows of ``base`` whose document is superseded."""
    return of_documents(superseded_files(base))


def of_documents(files: Sequence[str]) -> pl.Expr:
    """True for the rows of these documents (``source_file``)."""
    return pl.col(KEY).is_in(pl.Series(files, dtype=pl.String).implode())


def scan_live(base: Path) -> pl.LazyFrame:
    """The table's live rows, sorted by ``source_file``: base minus superseded, plus delta."""
    rows = pl.scan_parquet(base)
    if not has_delta(base):
        return rows
    return rows.filter(~is_dead(base)).merge_sorted(pl.scan_parquet(delta_path(base)), key=KEY)


def scan_documents(base: Path, files: Sequence[str]) -> pl.LazyFrame:
    """The live rows of ``files``, sorted; from the delta alone when it holds all of them.

    A document's live rows are all in the base or all in the delta, and the
    documents an incremental run parses are mostly its raw delta's: their text
    is then read without decoding every other page's (at 600,000 pages, 3 GB).
    """
    wanted = of_documents(files)
    if has_delta(base):
        delta = pl.scan_parquet(delta_path(base))
        held = delta.select(pl.col(KEY).filter(wanted).n_unique()).collect().item()
        if held == len(set(files)):
            return delta.filter(wanted)
    return scan_live(base).filter(wanted)


def live_rows(base: Path) -> int:
    """The live row count: footers, plus one pass over the base's keys when it has dead rows."""
    rows = _footer_rows(base)
    if not has_delta(base):
        return rows
    dropped = pl.scan_parquet(base).select(is_dead(base).sum()).collect().item()
    return rows - int(dropped) + _footer_rows(delta_path(base))


def _footer_rows(path: Path) -> int:
    return int(pl.scan_parquet(path).select(pl.len()).collect().item())


def table_files(base: Path) -> list[Path]:
    """Every file that makes up the table (for copying a table between versions)."""
    extra = [delta_path(base), superseded_path(base)] if has_delta(base) else []
    return [base, *extra]


def live_sql(base: Path) -> str:
    """A DuckDB query over the table's live rows (row order not guaranteed)."""
    read = f"read_parquet({sql_literal(base)})"
    if not has_delta(base):
        return f"select * from {read}"
    dead = f"read_parquet({sql_literal(superseded_path(base))})"
    delta = f"read_parquet({sql_literal(delta_path(base))})"
    return (
        f"select * from {read} where {KEY} not in (select {KEY} from {dead}) "
        f"union all by name select * from {delta}"
    )


def sql_literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
