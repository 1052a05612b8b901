"""Generate a deterministic synthetic corpus of registry pages with one gold file per page.

``generate(n, seed, out_dir, gold_dir)`` writes ``n`` pages (2-20 KB) rendered through
the layouts of ``bench.layouts`` and, next to each, the facts it states in the format
of ``../shared/gold/*.json``. Page ``i`` depends only on ``(seed, i)``, so a corpus is
byte-identical across runs and chunks can be written by several processes at once.

    .venv/bin/python -m bench.corpus 100000 --seed 1 --out /tmp/raw --gold /tmp/gold
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.facts import draw_facts
from bench.layouts import FIELD_STYLE, LAYOUTS
from bench.layouts_mirror import ctgov_mirror, pipe_table
from bench.page import Page
from bench.sections import pad_sentences

RENDERERS = {**LAYOUTS, "ctgov_mirror": ctgov_mirror, "pipe_table": pipe_table}
LAYOUT_NAMES = tuple(sorted(RENDERERS))
MIN_BYTES, MAX_BYTES = 2048, 20480
_CHUNK = 2500  # pages per worker task: large enough to amortise process start-up


@dataclass
class CorpusStats:
    """What was written: page count, byte sizes, pages per layout, wall time."""

    pages: int = 0
    total_bytes: int = 0
    min_bytes: int = 0
    max_bytes: int = 0
    layouts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def merge(self, other: CorpusStats) -> None:
        self.min_bytes = min(self.min_bytes or other.min_bytes, other.min_bytes)
        self.max_bytes = max(self.max_bytes, other.max_bytes)
        self.pages += other.pages
        self.total_bytes += other.total_bytes
        self.layouts = dict(Counter(self.layouts) + Counter(other.layouts))


def render_page(index: int, seed: int) -> tuple[str, bytes, dict]:
    """(layout, page bytes, gold without source_file) of page ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    facts = draw_facts(rng, index, seed)
    layout = LAYOUT_NAMES[rng.randrange(len(LAYOUT_NAMES))]
    page = Page(facts, rng, FIELD_STYLE[layout])
    RENDERERS[layout](page)
    data = _pad("\n".join(page.lines).encode(), page, rng)
    return layout, data, page.gold("")


def _pad(data: bytes, page: Page, rng: random.Random) -> bytes:
    """Add a fact-free detailed description until the page reaches a drawn target size."""
    target = min(int(MIN_BYTES * 1.1 * rng.paretovariate(1.6)), MAX_BYTES - 2000)
    if len(data) >= target or page.pad_at is None:
        return data + b"\n"
    heading = (
        "## Detailed Description" if page.style in ("bold", "table") else "Detailed Description"
    )
    sentences = pad_sentences(page, target - len(data))
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    page.lines[page.pad_at : page.pad_at] = [heading, *paragraphs]
    return "\n".join(page.lines).encode() + b"\n"


def _write_range(start: int, stop: int, seed: int, out_dir: str, gold_dir: str) -> CorpusStats:
    stats = CorpusStats(min_bytes=MAX_BYTES * 10)
    layouts: Counter[str] = Counter()
    for index in range(start, stop):
        layout, data, gold = render_page(index, seed)
        ext = ".md" if layout == "markdown_bold" else ".txt"
        stem = f"{index:06d}_{hashlib.sha256(data).hexdigest()[:16]}"
        gold["source_file"] = stem + ext
        with open(os.path.join(out_dir, stem + ext), "wb") as fh:
            fh.write(data)
        with open(os.path.join(gold_dir, stem + ".json"), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(gold, ensure_ascii=False, indent=2))
        layouts[layout] += 1
        stats.total_bytes += len(data)
        stats.min_bytes = min(stats.min_bytes, len(data))
        stats.max_bytes = max(stats.max_bytes, len(data))
    stats.pages, stats.layouts = stop - start, dict(layouts)
    return stats


def generate(
    n: int, seed: int, out_dir: Path, gold_dir: Path, workers: int | None = None
) -> CorpusStats:
    """Write ``n`` pages to ``out_dir`` and their gold to ``gold_dir``; same inputs, same bytes."""
    began = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    workers = workers or min(os.cpu_count() or 1, 8)
    ranges = [(s, min(s + _CHUNK, n)) for s in range(0, n, _CHUNK)]
    stats = CorpusStats()
    if workers == 1 or len(ranges) == 1:
        parts = [_write_range(a, b, seed, str(out_dir), str(gold_dir)) for a, b in ranges]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(_write_range, a, b, seed, str(out_dir), str(gold_dir))
                for a, b in ranges
            ]
            parts = [f.result() for f in futures]
    for part in parts:
        stats.merge(part)
    stats.seconds = time.perf_counter() - began
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    args = parser.parse_args(argv)
    stats = generate(args.n, args.seed, args.out, args.gold)
    print(
        f"{stats.pages} pages, {stats.total_bytes / 1e6:.1f} MB "
        f"({stats.min_bytes}-{stats.max_bytes} B) in {stats.seconds:.1f}s; {stats.layouts}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
