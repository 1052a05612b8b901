"""Trials whose page left the raw folder stay in the marts, marked as removed.

A page deleted from raw/ (a site took it down, a scraper folder was pruned)
is not evidence that the trial stopped existing. Silently dropping it would
make a registry look smaller overnight; instead its last published rows are
carried forward and ``trials.in_source`` is false. A page that is still
present but now fails to parse is in quarantine, not removed.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from transforms.schemas import MART_TABLES, conform


def carry_forward_removed(
    current: Mapping[str, pl.DataFrame],
    previous: Mapping[str, pl.DataFrame],
    present_files: set[str],
) -> dict[str, pl.DataFrame]:
    """``current`` plus the previous rows of trials whose source file is gone."""
    tables = {name: frame for name, frame in current.items()}
    prev_trials = previous.get("trials")
    if prev_trials is None or prev_trials.is_empty():
        return tables
    gone = prev_trials.filter(
        ~pl.col("source_file").is_in(sorted(present_files))
        & ~pl.col("trial_id").is_in(current["trials"]["trial_id"].implode())
    )
    if gone.is_empty():
        return tables
    gone_ids = gone["trial_id"].implode()
    for name, schema in MART_TABLES.items():
        prev = previous.get(name)
        if prev is None:
            continue
        carried = prev.filter(pl.col("trial_id").is_in(gone_ids))
        if name == "trials":
            carried = carried.with_columns(pl.lit(False).alias("in_source"))
        tables[name] = pl.concat([current[name], conform(carried, schema)])
    return tables
