"""Extreme page shapes, each parsed at two sizes: the time must grow with the text, no faster.

A scraped page can be one 300 KB line of inline-numbered criteria, 50,000 short
lines, a list nested eight deep or a table of thousands of rows. One such page
must not stall a parse worker for minutes: a search of the whole text before
each list number once made the first shape quadratic (345 s for 330 KB). The
benchmark prints, per shape, the larger page's time and how much longer it took
than a page a quarter its size: about 4x is linear.

    .venv/bin/python -m bench.shapes
"""

from __future__ import annotations

import time
from collections.abc import Callable

import polars as pl

from transforms.marts.pipeline import parse_and_build

_FACTOR = 4
SHAPES: dict[str, Callable[[int], str]] = {
    "criteria numbered inline, one line": lambda n: (
        "Inclusion Criteria: " + " ".join(f"{i % 99 + 1}. SLEDAI-2K ≥ {i % 20};" for i in range(n))
    ),
    "short lines": lambda n: "\n".join(f"line {i} text" for i in range(n)),
    "bullets nested eight deep": lambda n: (
        "Inclusion Criteria:\n"
        + "\n".join("  " * (i % 8) + f"- item {i}: ANC ≥ 1.0 × 10^9/L" for i in range(n))
    ),
    "criteria parted by semicolons": lambda n: (
        "Inclusion Criteria: " + "; ".join(f"criterion {i}" for i in range(n))
    ),
    "prose": lambda n: (
        "Summary\n"
        + " ".join(f"The study will start in April 2025 in Germany, site {i}." for i in range(n))
    ),
    "table rows": lambda n: (
        "Outcome Measures\n| Measure | Time Frame |\n|---|---|\n"
        + "\n".join(f"| Measure {i} | Week {i % 52 + 1} |" for i in range(n))
    ),
    "doses on one line": lambda n: (
        "Arms\nExperimental: A\n" + " ".join(f"{i % 9 + 1} × 10^6 cells/kg," for i in range(n))
    ),
    "labels": lambda n: "\n".join(f"Phase: {i % 4}\nStatus: Recruiting" for i in range(n)),
}


def _seconds(text: str) -> float:
    frame = pl.DataFrame({"source_file": ["shape.txt"], "sha256": ["-"], "text": [text]})
    start = time.perf_counter()
    parse_and_build(frame)
    return time.perf_counter() - start


def bench_shapes(n: int = 2_500) -> None:
    print(f"\n== extreme pages: {n:,} and {n * _FACTOR:,} repeats of one shape ==")
    for name, make in SHAPES.items():
        small, large = _seconds(make(n)), make(n * _FACTOR)
        seconds = _seconds(large)
        growth = seconds / small if small else float("inf")
        print(
            f"  {name:36s} {len(large) / 1e3:7.0f} KB {seconds:7.2f} s"
            f"  x{growth:4.1f} for x{_FACTOR} the text"
        )


if __name__ == "__main__":
    bench_shapes()
