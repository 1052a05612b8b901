"""Pause Python's cyclic garbage collector around bulk building of small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; restore its previous state after.

    Listing a registry folder builds one small tuple per file, and all of them
    stay alive. Every few hundred allocations the collector runs, and its
    older generations walk the live objects again: at 606,000 files the
    listing took 4.55-4.6 s with it on, 4.1-4.2 s with it off. The objects
    built in such a block hold no cycles, so reference counting frees them
    all the same; only the useless walks are skipped. For bounded loops
    only: the collector is process-wide.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
