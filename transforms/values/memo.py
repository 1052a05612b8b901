"""Memoise pure parsers of short page texts.

Registry pages repeat their labels, badges, eligibility criteria and arm
descriptions word for word, within a page and across a registry's pages, so
parsing each distinct string once saves most of the work. Only short strings
are cached: a page may hold a megabyte-long line (an embedded record or an
unbroken paragraph), and even a bounded number of those kept alive by a cache
would cost more memory than re-parsing them costs time.

Only for functions that are pure and return immutable values (str, tuples,
frozen dataclasses): every caller of a cached function shares its results.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

CACHE_SIZE = 1 << 14  # distinct strings remembered per function
MAX_CACHED_CHARS = 2_000  # longer strings are parsed every time


def text_cache(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` with an LRU cache for calls whose string arguments are all short."""
    cached = lru_cache(maxsize=CACHE_SIZE)(func)

    @wraps(func)
    def lookup(*args: P.args, **kwargs: P.kwargs) -> R:
        for arg in args:
            if isinstance(arg, str) and len(arg) > MAX_CACHED_CHARS:
                return func(*args, **kwargs)
        return cached(*args, **kwargs)

    lookup.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return lookup
