"""Tables whose columns are trial fields ("| Condition or disease | Intervention | Phase |").

ClinicalTrials.gov's classic page and the sites that copy it print conditions,
interventions and phase as a table; copied as text, its rows are tab-separated
(the normaliser writes them "a | b | c"). The header names each column's
field, and every non-empty cell of the rows below it is a value of that
field. Tables of arms and outcome measures are not these: their columns
("Arm", "Time Frame") are not trial fields, and their readers take them.
"""

from __future__ import annotations

import re

from transforms.text.lexicon import FIELD_TERMS, SECTION_TERMS
from transforms.text.tables import column_lexicon, column_roles, row_cells
from transforms.values.memo import text_cache

# Fields a page may tabulate, with the spellings of their column headers.
_COLUMN_TERMS: dict[str, tuple[str, ...]] = {
    "condition": (
        *FIELD_TERMS["condition"],
        *SECTION_TERMS["conditions"],
        "condition or disease",
        "conditions or diseases",
    ),
    "intervention": (
        *FIELD_TERMS["intervention"],
        *SECTION_TERMS["interventions"],
        "intervention / treatment",
        "interventions / treatments",
        "treatments",
    ),
    "country": (*FIELD_TERMS["country"], *SECTION_TERMS["countries"]),
    **{
        key: FIELD_TERMS[key]
        for key in (
            "phase",
            "status",
            "study_type",
            "enrollment",
            "lead_sponsor",
            "registry_id",
            "start_date",
            "primary_completion_date",
            "completion_date",
            "sex",
            "ages",
            "acronym",
        )
    },
}
_COLUMNS = column_lexicon(_COLUMN_TERMS)
# Columns whose cells down the rows make one value: "Phase 1" over "Phase 2" is phase 1/2.
JOINED_COLUMNS = frozenset({"phase"})
_MIN_COLUMNS = 2
_DIGIT = re.compile(r"\d")


@text_cache
def table_header(text: str) -> tuple[list[str | None], list[str]] | None:
    """Each column's field and header cell when ``text`` heads a field table, else None.

    Cached: sites repeat their tables' headers page after page.
    """
    if _DIGIT.search(text) is not None:  # column names hold no digits; most rows do
        return None
    cells = row_cells(text)
    if cells is None:
        return None
    labels = [cell.text for cell in cells]
    roles = column_roles(labels, _COLUMNS)
    if roles is None or sum(role is not None for role in roles) < _MIN_COLUMNS:
        return None
    return roles, labels
