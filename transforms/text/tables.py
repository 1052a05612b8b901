"""Rows of markdown tables inside list sections: cells, and what each column holds.

Sites that render arms or outcome measures as a table ("| Arm | Intervention |")
leave one item per row. A row is a record, not a line of prose: its cells are
read by the column their header names, or by position when the header is gone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from transforms.text.lexicon import normalize_label


def table_cells(text: str) -> list[str] | None:
    """The trimmed cells of a ``| a | b |`` row (or ``a | b``), or None when ``text`` is not one.

    Empty cells are kept, so that cells keep their column. Without the outer
    pipes, the cells must be spaced ("Outcome | TimePoints"), as sites print them.
    """
    body = text.strip()
    if body.startswith("|"):
        if body.count("|") < 2:
            return None
        return [cell.strip() for cell in body.strip("|").split("|")]
    if " | " not in body:
        return None
    return [cell.strip() for cell in body.split(" | ")]


def cell_lines(cell: str) -> list[str]:
    """The lines of one cell: the normaliser writes a "<br>" inside a row as "; "."""
    return [line.strip() for line in re.split(r"[;；]\s", cell) if line.strip()]


def column_lexicon(terms: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """``{role: (header spellings)}`` as the lookup ``column_roles`` takes."""
    return {column_key(term): role for role, spellings in terms.items() for term in spellings}


def column_roles(cells: list[str], roles: Mapping[str, str]) -> list[str | None] | None:
    """The role of each column when ``cells`` is a header row, else None.

    A header is a row whose every non-empty cell is a column name of
    ``roles`` (a ``column_lexicon``): "Outcome Measure", "Time Frame".
    """
    named = [column_key(cell) for cell in cells]
    if not any(named) or any(key and key not in roles for key in named):
        return None
    return [roles.get(key) if key else None for key in named]


def column_key(cell: str) -> str:
    """The lookup key of a header cell; "Participant Group/Arm" is looked up whole."""
    return normalize_label(cell.replace("/", " / "))
