"""Suites for the mart tables (``../shared/CONTRACT.md``); they block publication.

Rules come from ``transforms.row_rules``, the same rules the mart builders judge
each document by before its rows are written. A failure here is then a fault of
the code, or of two documents together (a key repeated across them), not of one page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.builders import from_rules, new_suite
from transforms.row_rules import MART_RULES

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite


def _suite(table: str) -> ExpectationSuite:
    return new_suite(f"marts.{table}", from_rules(MART_RULES[table]))


def trials() -> ExpectationSuite:
    """marts.trials — one row per trial."""
    return _suite("trials")


def arms() -> ExpectationSuite:
    """marts.arms — one row per arm or group of a trial."""
    return _suite("arms")


def doses() -> ExpectationSuite:
    """marts.doses — one row per distinct dose level of a trial."""
    return _suite("doses")


def endpoints() -> ExpectationSuite:
    """marts.endpoints — one row per outcome measure of a trial."""
    return _suite("endpoints")


def criteria() -> ExpectationSuite:
    """marts.criteria — one row per eligibility criterion of a trial."""
    return _suite("criteria")


def criteria_thresholds() -> ExpectationSuite:
    """marts.criteria_thresholds — one row per numeric condition in a criterion."""
    return _suite("criteria_thresholds")
