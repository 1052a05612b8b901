"""Find the files of the raw folder: the one place that walks it.

The raw asset reads them, the sensor fingerprints them and the CLI refuses to
run on an empty folder, so all three must agree on what counts as a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def list_raw_files(raw_dir: Path) -> list[tuple[str, Path]]:
    """``(relative POSIX path, absolute path)`` of every file under ``raw_dir``, sorted.

    Symlinks are followed (people link pages in from scrape folders), but a
    directory reached twice (a link loop) is walked once. Hidden names
    (``.gitkeep``, ``.DS_Store``) are tooling litter, not pages.
    """
    found: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for top, dirs, names in os.walk(raw_dir, followlinks=True):
        real = os.path.realpath(top)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(top) / name
            if not name.startswith(".") and path.is_file():
                found.append((path.relative_to(raw_dir).as_posix(), path))
    return sorted(found)


def fingerprint(raw_dir: Path) -> str:
    """A short hash of ``{relpath: [mtime_ns, size]}``: changes when a file is added or edited."""
    return stat_fingerprint(list_raw_files(raw_dir))


def stat_fingerprint(found: list[tuple[str, Path]]) -> str:
    """``fingerprint`` of files already listed: one ``stat`` each, no file is read.

    A file vanished since it was listed counts as changed (no stat), so the
    fingerprint never says "unchanged" for a folder that is not.
    """
    stats = {}
    for rel, path in found:
        try:
            stat = path.stat()
        except OSError:
            stats[rel] = None
            continue
        stats[rel] = [stat.st_mtime_ns, stat.st_size]
    payload = json.dumps(stats, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()[:16]
