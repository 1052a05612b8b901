"""Suites for the staged layer: source-shaped tables must be type-clean and keyed.

Staged suites block publication: a span outside its document or a missing
key would send wrong offsets or orphan rows into every mart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.builders import (
    between,
    matches,
    new_suite,
    non_empty_text,
    not_null,
    spans,
    unique,
)

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

# Where a field value was read (label, protocol, badge, table, ...). The vocabulary
# grows with the segmenter and has no contract constant in ``schemas``, so the
# suite checks the shape of the token rather than a set that would go stale.
ORIGIN = r"^[a-z][a-z_]*$"


def stg_documents() -> ExpectationSuite:
    """staged.stg_documents — one row per decoded document, with normalised text."""
    return new_suite(
        "staged.stg_documents",
        not_null("source_file", "sha256", "source_format", "text", "raw_length"),
        unique("source_file"),
        between("raw_length", 0),
    )


def stg_sections() -> ExpectationSuite:
    """staged.stg_sections — one row per section of a document, in page order."""
    return new_suite(
        "staged.stg_sections",
        not_null("source_file", "section_ordinal", "section", "text", "norm_start"),
        unique("source_file", "section_ordinal"),
        non_empty_text("section"),
        between("section_ordinal", 0),
        between("norm_start", 0),
        spans(required=True),
    )


def stg_fields() -> ExpectationSuite:
    """staged.stg_fields — one row per labelled value found in a document."""
    return new_suite(
        "staged.stg_fields",
        not_null("source_file", "field_ordinal", "section", "field", "origin"),
        unique("source_file", "field_ordinal"),
        matches("origin", ORIGIN),
        between("norm_start", 0),
        spans(required=True),
    )


def stg_items() -> ExpectationSuite:
    """staged.stg_items — one row per list item (bullet, number) inside a section."""
    return new_suite(
        "staged.stg_items",
        not_null("source_file", "section", "item_ordinal", "depth", "text"),
        between("item_ordinal", 0),
        between("depth", 0),
        between("norm_start", 0),
        spans(required=True),
    )


def stg_conflicts() -> ExpectationSuite:
    """staged.stg_conflicts — one row per disagreeing value a field rule set aside."""
    return new_suite(
        "staged.stg_conflicts",
        not_null("source_file", "field", "chosen_origin", "other_origin", "rule"),
        matches("chosen_origin", ORIGIN),
        matches("other_origin", ORIGIN),
        non_empty_text("rule"),
    )
