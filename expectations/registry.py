"""Every suite by its table's name, and which layers' failures block publication.

The asset-check factory iterates ``SUITES``; the key is the asset key path
joined with a dot (``marts.doses``) and equals the suite's own name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from expectations import marts, raw, staged

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

SUITES: dict[str, Callable[[], ExpectationSuite]] = {
    "raw.documents": raw.documents,
    "raw.quarantine": raw.quarantine,
    "staged.stg_documents": staged.stg_documents,
    "staged.stg_sections": staged.stg_sections,
    "staged.stg_fields": staged.stg_fields,
    "staged.stg_items": staged.stg_items,
    "staged.stg_conflicts": staged.stg_conflicts,
    "marts.trials": marts.trials,
    "marts.arms": marts.arms,
    "marts.doses": marts.doses,
    "marts.endpoints": marts.endpoints,
    "marts.criteria": marts.criteria,
    "marts.criteria_thresholds": marts.criteria_thresholds,
}

# Raw suites warn only: a bad download is quarantined, not a reason to stop.
BLOCKING_LAYERS = frozenset({"staged", "marts"})


def is_blocking(suite_name: str) -> bool:
    """Whether a failure of ``suite_name`` (``<layer>.<table>``) must block publication."""
    return suite_name.split(".", 1)[0] in BLOCKING_LAYERS
