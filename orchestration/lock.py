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


class WarehouseBusyError(RuntimeError):
    """Another process (or another open file) holds the warehouse lock."""


@contextmanager
def hold_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive non-blocking lock on ``path`` for the duration of the block."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise WarehouseBusyError(
            f"warehouse in use: another run holds the lock {path}; wait for it to finish"
        ) from None
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for a curious human
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
