"""One page through every layer, in memory: what the marts of a page hold.

Shared by the tests that state what a page shape must give (so each file does not
keep its own copy of the same three calls).
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged


def page_marts(page: str, name: str = "page.txt") -> dict[str, pl.DataFrame]:
    """The mart tables of one page."""
    raw, _ = land_files([(name, page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    return build_marts(build_staged(raw)[0])[0]


def page_trial(page: str, name: str = "page.txt") -> dict[str, object]:
    """The page's one trial row."""
    return page_marts(page, name)["trials"].row(0, named=True)
