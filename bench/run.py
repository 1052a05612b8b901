"""The benchmark: build a synthetic corpus and time every layer and scenario against the floor.

    .venv/bin/python -m bench                       # 10,000 and 100,000 pages
    .venv/bin/python -m bench --pages 600000        # a whole registry's worth

For each corpus size it prints, per layer (land, staged, marts, database) run
in-process: wall seconds, documents/s, MB/s and peak RSS; then the real CLI
(Dagster, checks, publish) for a full build, a re-run with no change, 1% of
pages changed and 1% new pages; the extraction score against the corpus's
gold; and the floor measured in the same run — reading every byte plus one
vectorised regex pass over all text — with our ratio to it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from bench.corpus import generate, render_page
from bench.score import score

ROOT = Path(__file__).resolve().parents[1]
CLI = "from orchestration.cli import main; raise SystemExit(main())"


def _reset_peak() -> None:
    """Reset this process's peak RSS (Linux: writing 5 to clear_refs resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _row(name: str, seconds: float, docs: int, mib: float, peak: float) -> str:
    rate = docs / seconds if seconds else float("inf")
    throughput = mib / seconds if seconds else float("inf")
    return (
        f"  {name:28s} {seconds:9.2f} s {rate:11.0f} docs/s {throughput:8.1f} MB/s {peak:7.0f} MiB"
    )


def _timed(fn: Callable[[], object]) -> tuple[object, float, float]:
    _reset_peak()
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start, _peak_mib()


def _floor(raw: Path) -> float:
    """Read every byte and run one vectorised regex over all text: the least any build costs."""
    start = time.perf_counter()
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(raw.iterdir())]
    pl.Series(texts).str.count_matches(r"\d+(?:\.\d+)?").sum()
    return time.perf_counter() - start


def _layers(raw: Path, docs: int, mib: float) -> None:
    """Each layer's pure transform in-process, with its own peak RSS."""
    from orchestration.raw_files import list_raw_files
    from transforms.marts.pipeline import build_marts
    from transforms.raw.documents import land_files
    from transforms.staged.pipeline import build_staged

    workers = os.cpu_count() or 1
    files = [(rel, path.read_bytes()) for rel, path in list_raw_files(raw)]
    (landed, _), t, peak = _timed(lambda: land_files(files, datetime.now(UTC)))
    print(_row("layer raw (decode, hash)", t, docs, mib, peak))
    (staged, _), t, peak = _timed(lambda: build_staged(landed, workers=workers))
    print(_row("layer staged (parse)", t, docs, mib, peak))
    _, t, peak = _timed(lambda: build_marts(staged, workers=workers))
    print(_row("layer marts", t, docs, mib, peak))


def _cli(raw: Path, wh: Path, *extra: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and output of one real `trialhouse run`."""
    args = [sys.executable, "-c", CLI, "run", "--raw", str(raw), "--warehouse", str(wh), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        print(out)
        raise SystemExit(f"trialhouse run failed on {raw}")
    return seconds, usage.ru_maxrss / 1024, out


def _change(raw: Path, fraction: float) -> int:
    """Edit ``fraction`` of the pages in place (a changed status line at the end)."""
    pages = sorted(raw.iterdir())
    step = max(1, round(1 / fraction))
    for path in pages[::step]:
        path.write_bytes(path.read_bytes() + b"\nLast Updated: 2026-11-01\n")
    return len(pages[::step])


def _add(raw: Path, gold: Path, count: int, seed: int, first: int) -> int:
    """Add ``count`` new pages (indexes after the corpus, same generator)."""
    import json

    for index in range(first, first + count):
        layout, data, facts = render_page(index, seed)
        name = f"{index:06d}_new.{'md' if layout == 'markdown_bold' else 'txt'}"
        (raw / name).write_bytes(data)
        (gold / f"{Path(name).stem}.json").write_text(json.dumps({"source_file": name, **facts}))
    return count


def bench_size(n: int, seed: int, base: Path) -> None:
    raw, gold, wh = base / f"raw{n}", base / f"gold{n}", base / f"wh{n}"
    stats = generate(n, seed, raw, gold)
    mib = stats.total_bytes / 2**20
    print(f"\n== {n:,} pages, {mib:,.0f} MiB (generated in {stats.seconds:.1f} s) ==")
    floor = _floor(raw)
    print(_row("floor (read + 1 regex pass)", floor, n, mib, _peak_mib()))
    full, peak, _ = _cli(raw, wh)
    print(_row("CLI full build", full, n, mib, peak))
    seconds, peak, out = _cli(raw, wh)
    print(
        _row("CLI no change", seconds, n, mib, peak)
        + ("  (skipped)" if "nothing changed" in out else "")
    )
    changed = _change(raw, 0.01)
    seconds, peak, _ = _cli(raw, wh)
    print(_row(f"CLI 1% changed ({changed})", seconds, n, mib, peak))
    added = _add(raw, gold, max(1, n // 100), seed, n)
    seconds, peak, _ = _cli(raw, wh)
    print(_row(f"CLI 1% new ({added})", seconds, n + added, mib, peak))
    result = score(wh / "warehouse.duckdb", gold)
    with duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True) as con:
        trials = con.execute("select count(*) from marts.trials").fetchone()[0]
    print(
        f"  extraction score {result.passed / result.total:.3f} ({result.passed}/{result.total}); "
        f"{trials:,} trials"
    )
    print(f"  full build / floor: {full / floor:,.0f}x")
    print("  in-process layers (pure transforms, on the final corpus):")
    _layers(raw, n + added, mib)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temp folder)")
    args = parser.parse_args(argv)
    print(f"trialhouse benchmark on {os.cpu_count()} cores; columns: wall, docs/s, MB/s, peak RSS")
    for n in args.pages:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            bench_size(n, args.seed, args.keep)
        else:
            with tempfile.TemporaryDirectory(prefix="trialhouse-bench-") as tmp:
                bench_size(n, args.seed, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
