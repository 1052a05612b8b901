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
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from orchestration.deltas import (
    KEY,
    delta_path,
    has_delta,
    of_documents,
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
    plan = _plan(documents_base, keep)
    delta_documents = fresh[documents].rows + len(plan.carried)
    compact = len(plan.dead) + delta_documents > COMPACT_FRACTION * _rows(documents_base)
    merged = {}
    for name, schema in schemas.items():
        if compact:
            merged[name] = merge_sorted_into(
                previous[name], keep, fresh[name].path, target(name), schema
            )
        else:
            merged[name] = _write_delta(previous[name], plan, fresh[name].path, target(name))
        fresh[name].path.unlink(missing_ok=True)
    return merged


@dataclass(frozen=True)
class _Plan:
    """What a delta run does with the previous documents, decided once for a layer."""

    dead: list[str]  # base documents not live after this run: dead already, changed or gone
    carried: list[str]  # documents of the previous delta that are kept as they are


def _plan(documents: Path, keep: Sequence[str]) -> _Plan:
    """The plan from the layer's document table; only the small delta's keys become a set.

    A live document of the delta that is not dead in the base is not in the
    base at all, so ``dead`` leaves it out: the list names base rows only.
    """
    live = read_column_frame(documents, [KEY])
    kept = pl.DataFrame({KEY: list(keep)}, schema={KEY: pl.String})
    gone = set() if live is None else set(live.join(kept, on=KEY, how="anti")[KEY])
    dead = set(superseded_files(documents))
    in_delta = set()
    if has_delta(documents):
        in_delta = set(pl.read_parquet(delta_path(documents), columns=[KEY])[KEY])
    return _Plan(dead=sorted(dead | (gone - (in_delta - dead))), carried=sorted(in_delta - gone))


def _write_delta(previous: Path, plan: _Plan, fresh: Path, target: Path) -> WrittenTable:
    """Link the previous base; the delta: the carried rows of the previous delta and ``fresh``."""
    link_or_copy(previous, target)
    delta = delta_path(target)
    delta.parent.mkdir(parents=True, exist_ok=True)
    if has_delta(previous):
        carried = pl.scan_parquet(delta_path(previous)).filter(of_documents(plan.carried))
        _sink(carried.merge_sorted(pl.scan_parquet(fresh), key=KEY), delta, None)
    else:
        os.replace(fresh, delta)
    frame = pl.DataFrame({KEY: plan.dead}, schema={KEY: pl.String})
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
    kept = scan_live(previous).filter(of_documents(keep))
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
