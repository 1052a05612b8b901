"""Trials whose page left the raw folder stay in the marts, marked as removed.

A page deleted from raw/ (a site took it down, a scraper folder was pruned)
is not evidence that the trial stopped existing. Silently dropping it would
make a registry look smaller overnight; instead its last published rows are
carried forward and ``trials.in_source`` is false. A page that is still
present but now fails to parse is in quarantine, not removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import polars as pl

from transforms.schemas import MART_TABLES, Frame, conform


def carry_forward_removed(
    current: Mapping[str, pl.DataFrame],
    previous: Mapping[str, pl.DataFrame],
    present_files: set[str],
) -> dict[str, pl.DataFrame]:
    """``current`` plus the previous rows of trials whose source file is gone."""
    tables = {name: frame for name, frame in current.items()}
    prev_trials = previous.get("trials")
    if prev_trials is None:
        return tables
    gone = removed_trial_ids(prev_trials, present_files, current["trials"]["trial_id"])
    if not gone:
        return tables
    for name in MART_TABLES:
        if (prev := previous.get(name)) is not None:
            tables[name] = pl.concat([current[name], carried_rows(name, prev, gone)])
    return tables


def removed_trial_ids(
    previous_trials: pl.DataFrame, present_files: Iterable[str], current_trial_ids: pl.Series
) -> list[str]:
    """Trials published before whose page is gone and that no present page states now.

    ``previous_trials`` needs only ``trial_id`` and ``source_file``, so a
    registry-sized history is decided from two columns.
    """
    gone = previous_trials.filter(
        ~pl.col("source_file").is_in(pl.Series(list(present_files), dtype=pl.String).implode())
        & ~pl.col("trial_id").is_in(current_trial_ids.implode())
    )
    return gone["trial_id"].to_list()


def carried_rows(name: str, previous: Frame, gone_ids: list[str]) -> Frame:
    """The previous rows of mart ``name`` for ``gone_ids``; trials marked not in source."""
    carried = previous.filter(pl.col("trial_id").is_in(gone_ids))
    if name == "trials":
        carried = carried.with_columns(pl.lit(False).alias("in_source"))
    return conform(carried, MART_TABLES[name])
