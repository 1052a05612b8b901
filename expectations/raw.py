"""Suites for the raw layer. Raw suites only warn: landing must never block a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.builders import (
    between,
    in_set,
    matches,
    new_suite,
    non_empty_text,
    not_null,
    unique,
)
from transforms.raw.documents import KNOWN_ENCODINGS

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

SHA256 = r"^[0-9a-f]{64}$"
STAGES = ("raw", "staged", "marts")


def documents() -> ExpectationSuite:
    """raw.documents — one row per landed file, decoded to non-empty text.

    A repeated sha256 is legal (same bytes under two names both land) but
    worth a warning: it usually means one page was scraped twice.
    """
    return new_suite(
        "raw.documents",
        not_null("source_file", "sha256", "encoding", "text", "landed_at"),
        unique("source_file"),
        unique("sha256"),
        matches("sha256", SHA256),
        non_empty_text("text"),
        in_set("encoding", sorted(KNOWN_ENCODINGS)),
        between("size_bytes", 0, strict_low=True),
    )


def quarantine() -> ExpectationSuite:
    """raw.quarantine — one row per file refused by a layer, with the reason."""
    return new_suite(
        "raw.quarantine",
        not_null("source_file", "stage", "reason"),
        in_set("stage", STAGES),
        non_empty_text("reason"),
    )
