"""Suites for the staged layer: source-shaped tables must be type-clean and keyed.

Staged suites block publication: a span outside its document or a missing
key would send wrong offsets or orphan rows into every mart. Row rules come
from ``transforms.row_rules``, which the parser's batches are judged by first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.builders import from_rules, new_suite
from transforms.row_rules import STAGED_RULES

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite


def _suite(table: str) -> ExpectationSuite:
    return new_suite(f"staged.{table}", from_rules(STAGED_RULES[table]))


def stg_documents() -> ExpectationSuite:
    """staged.stg_documents — one row per decoded document, with normalised text."""
    return _suite("stg_documents")


def stg_sections() -> ExpectationSuite:
    """staged.stg_sections — one row per section of a document, in page order."""
    return _suite("stg_sections")


def stg_fields() -> ExpectationSuite:
    """staged.stg_fields — one row per labelled value found in a document."""
    return _suite("stg_fields")


def stg_items() -> ExpectationSuite:
    """staged.stg_items — one row per list item (bullet, number) inside a section."""
    return _suite("stg_items")


def stg_conflicts() -> ExpectationSuite:
    """staged.stg_conflicts — one row per disagreeing value a field rule set aside."""
    return _suite("stg_conflicts")
