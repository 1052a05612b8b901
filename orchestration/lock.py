"""One run per warehouse folder at a time, enforced with ``flock``.

Two runs publishing into one folder would prune each other's versions and race
on the symlinks. ``flock`` is released by the kernel when the process dies, so
a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: set[Path] = set()  # locks this process holds: re-entering one is a no-op


class WarehouseBusyError(RuntimeError):
    """Another process (or another open file) holds the warehouse lock."""


@contextmanager
def hold_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive non-blocking lock on ``path`` for the duration of the block.

    Re-entrant within a process: the CLI holds the lock for a whole run and the
    publishing step takes it again, which only matters for runs started by
    ``dagster dev`` (another process) that would otherwise race a CLI run.
    """
    path = path.resolve()
    if path in _HELD:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise WarehouseBusyError(
            f"warehouse in use: another run holds the lock {path}; wait for it to finish"
        ) from None
    _HELD.add(path)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for a curious human
        yield
    finally:
        _HELD.discard(path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
