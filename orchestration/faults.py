"""Named crash points, so tests can kill a real run at each step of write-audit-publish.

``TRIALHOUSE_CRASH_AT=<point>`` makes the process SIGKILL itself when it
reaches that point: no cleanup, no finally blocks, exactly like the kernel's
OOM killer or a pulled plug. Unset (always, outside fault tests) it costs a
dictionary lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_POINTS = (
    "after_raw",  # raw Parquet written, nothing parsed
    "after_staged",  # staged Parquet written
    "after_marts",  # marts written and checked, database not built
    "before_publish",  # version database built, nothing swapped
    "mid_publish",  # Parquet links swapped, database not yet replaced
    "after_publish",  # database replaced, old versions not yet pruned
)
ENV_VAR = "TRIALHOUSE_CRASH_AT"


def crash_point(name: str) -> None:
    """Die here, at once, if the environment asks for a crash at ``name``."""
    if os.environ.get(ENV_VAR) == name:
        os.kill(os.getpid(), signal.SIGKILL)
