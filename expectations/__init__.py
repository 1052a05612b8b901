"""Great Expectations suites per layer, the runner that applies them, cross-table relations.

Importing this package is cheap: GX itself is imported only when a suite is
built or run.
"""

from expectations.registry import BLOCKING_LAYERS, SUITES, is_blocking
from expectations.runner import ExpectationFailure, SuiteResult, run_suite

__all__ = [
    "BLOCKING_LAYERS",
    "SUITES",
    "ExpectationFailure",
    "SuiteResult",
    "is_blocking",
    "run_suite",
]
