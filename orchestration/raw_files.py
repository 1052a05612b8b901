"""Find the files of the raw folder: the one place that walks it.

The raw asset reads them, the sensor fingerprints them and the CLI refuses to
run on an empty folder, so all three must agree on what counts as a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple


class RawFile(NamedTuple):
    """One file of the raw folder as listed: its stat is taken in the same pass."""

    rel: str  # relative POSIX path: the document's identity
    path: str  # absolute; a str because a Path per file cost more than the stat at 100k files
    size: int | None  # None when the file vanished between listing and stat
    mtime_ns: int | None


def list_raw_files(raw_dir: Path) -> list[tuple[str, Path]]:
    """``(relative POSIX path, absolute path)`` of every file under ``raw_dir``, sorted."""
    return [(f.rel, Path(f.path)) for f in scan_raw_files(raw_dir)]


def scan_raw_files(raw_dir: Path) -> list[RawFile]:
    """Every file under ``raw_dir`` with its size and mtime, sorted by relative path.

    Symlinks are followed (people link pages in from scrape folders), but a
    directory reached twice (a link loop) is walked once. Hidden names
    (``.gitkeep``, ``.DS_Store``) are tooling litter, not pages. One
    ``scandir`` pass: a registry folder of 100,000 pages is listed in well
    under a second.
    """
    found: list[RawFile] = []
    seen: set[str] = set()
    pending = [(raw_dir, "")]
    while pending:
        folder, prefix = pending.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = prefix + entry.name
                if entry.is_dir():
                    pending.append((Path(entry.path), rel + "/"))
                elif entry.is_file():
                    found.append(_raw_file(rel, entry))
    return sorted(found)


_HANDED_OVER: dict[str, list[RawFile]] = {}


def hand_over(raw_dir: Path, found: Sequence[RawFile]) -> None:
    """Let the next landing of ``raw_dir`` in this process land ``found`` instead of listing.

    The CLI lists the folder to decide whether anything changed, then starts
    the run in the same process: listing 100,000 files again cost 1.4 s. The
    listing is seconds older than a fresh one, which changes nothing: landing
    records each file's size and mtime as listed, before reading it, so a file
    edited since looks changed to the next run, as with any listing.
    """
    _HANDED_OVER[os.path.realpath(raw_dir)] = list(found)


def take_raw_files(raw_dir: Path) -> list[RawFile]:
    """The listing handed over for ``raw_dir`` (taken once), else a fresh ``scan_raw_files``."""
    found = _HANDED_OVER.pop(os.path.realpath(raw_dir), None)
    return scan_raw_files(raw_dir) if found is None else found


def _raw_file(rel: str, entry: os.DirEntry[str]) -> RawFile:
    try:
        stat = entry.stat()
    except OSError:
        return RawFile(rel, entry.path, None, None)
    return RawFile(rel, entry.path, stat.st_size, stat.st_mtime_ns)


def fingerprint(raw_dir: Path) -> str:
    """A short hash of ``{relpath: [mtime_ns, size]}``: changes when a file is added or edited."""
    return stat_fingerprint(scan_raw_files(raw_dir))


def stat_fingerprint(found: Sequence[RawFile]) -> str:
    """``fingerprint`` of files already scanned: no file is read, no second ``stat``.

    A file that could not be stat-ed counts as changed, so the fingerprint
    never says "unchanged" for a folder that is not.
    """
    digest = hashlib.sha256()
    for file in found:
        digest.update(f"{file.rel}\0{file.mtime_ns}\0{file.size}\n".encode())
    return digest.hexdigest()[:16]
