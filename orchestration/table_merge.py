"""Fold a run's freshly built rows into the previous version's tables.

An incremental run parses only the changed and new documents into side
tables; this module makes the new version's tables from them and the
previous ones. Usually that is a delta (see ``deltas``): the previous base
is hard-linked, and only the delta and the list of dead documents are
written, so the run writes in proportion to what changed. Once the delta and
the dead documents reach ``COMPACT_FRACTION`` of the base, the run compacts
instead: one streamed merge writes a new base, and readers are back to one
file per table. Each layer decides once, for all its tables, so the tables of
a layer always share a base generation.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from orchestration.deltas import (
    KEY,
    delta_path,
    has_delta,
    scan_live,
    superseded_files,
    superseded_path,
)
from orchestration.tables import WrittenTable, describe, read_column_frame, rows_per_group
from transforms.schemas import conform

# Compact when the delta's and the dead documents together reach this share of
# the base's documents: at 1% a day, about every ten runs. Below it, a live read
# costs at most this share more than a compacted one.
COMPACT_FRACTION = 0.2


def link_or_copy(source: Path, target: Path) -> None:
    """Table files are immutable once written, so one inode can serve two versions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a filesystem without hard links
        shutil.copyfile(source, target)


def merge_side_tables(
    previous: Mapping[str, Path],
    keep: Sequence[str],
    fresh: Mapping[str, WrittenTable],
    target: Callable[[str], Path],
    schemas: Mapping[str, Mapping[str, pl.DataType]],
    documents: str,
) -> dict[str, WrittenTable]:
    """Each table of ``schemas``: the live rows of ``keep`` documents from ``previous``, plus
    ``fresh`` (side files, removed afterwards).

    ``documents`` names the layer's one-row-per-document table, whose keys say
    which previous documents are not kept (changed or gone) and so now dead.
    """
    documents_base = previous[documents]
    dead = _dead_in_base(documents_base, keep)
    delta_documents = fresh[documents].rows + _delta_rows(documents_base)
    compact = len(dead) + delta_documents > COMPACT_FRACTION * _rows(documents_base)
    merged = {}
    for name, schema in schemas.items():
        if compact:
            merged[name] = merge_sorted_into(
                previous[name], keep, fresh[name].path, target(name), schema
            )
        else:
            merged[name] = _write_delta(previous[name], keep, dead, fresh[name].path, target(name))
        fresh[name].path.unlink(missing_ok=True)
    return merged


def _dead_in_base(documents: Path, keep: Sequence[str]) -> list[str]:
    """The base documents that will not be live: dead already, or live now and not kept.

    A live document of the delta that is not dead in the base is not in the
    base at all, so it is left out: the list names base rows only.
    """
    live = read_column_frame(documents, [KEY])
    dead = set(superseded_files(documents))
    only_in_delta = set()
    if has_delta(documents):
        only_in_delta = set(pl.read_parquet(delta_path(documents), columns=[KEY])[KEY]) - dead
    kept = set(keep)
    gone = {name for name in ([] if live is None else live[KEY]) if name not in kept}
    return sorted(dead | (gone - only_in_delta))


def _write_delta(
    previous: Path, keep: Sequence[str], dead: Sequence[str], fresh: Path, target: Path
) -> WrittenTable:
    """Link the previous base; the delta is the kept part of the previous delta plus ``fresh``."""
    link_or_copy(previous, target)
    delta = delta_path(target)
    delta.parent.mkdir(parents=True, exist_ok=True)
    if has_delta(previous):
        carried = pl.scan_parquet(delta_path(previous)).filter(
            pl.col(KEY).is_in(pl.Series(keep, dtype=pl.String).implode())
        )
        _sink(carried.merge_sorted(pl.scan_parquet(fresh), key=KEY), delta, None)
    else:
        os.replace(fresh, delta)
    frame = pl.DataFrame({KEY: list(dead)}, schema={KEY: pl.String})
    frame.write_parquet(superseded_path(target))
    return describe(target)


def merge_sorted_into(
    previous: Path,
    keep: Sequence[str],
    fresh: Path,
    target: Path,
    schema: Mapping[str, pl.DataType],
) -> WrittenTable:
    """``target`` = the live rows of ``keep`` documents from ``previous`` merged with ``fresh``.

    Both inputs are sorted by ``source_file`` and so is the result, exactly as
    if every document had been written in one pass; polars streams the merge,
    so a compaction copies unchanged rows without a Python loop.
    """
    kept = scan_live(previous).filter(pl.col(KEY).is_in(pl.Series(keep, dtype=pl.String).implode()))
    merged = conform(kept, dict(schema)).merge_sorted(
        conform(pl.scan_parquet(fresh), dict(schema)), key=KEY
    )
    _sink(merged, target, rows_per_group(pq.ParquetFile(previous).metadata))
    return describe(target)


def _sink(rows: pl.LazyFrame, target: Path, group_rows: int | None) -> None:
    """Stream ``rows`` to ``target`` through a partial file, so a crash leaves no half table."""
    partial = target.with_name(target.name + ".partial")
    rows.sink_parquet(partial, row_group_size=group_rows)
    os.replace(partial, target)


def _rows(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


def _delta_rows(base: Path) -> int:
    return _rows(delta_path(base)) if has_delta(base) else 0
