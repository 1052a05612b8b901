"""Rows of markdown tables inside list sections: cells, and what each column holds.

Sites that render arms or outcome measures as a table ("| Arm | Intervention |")
leave one item per row. A row is a record, not a line of prose: its cells are
read by the column their header names, or by position when the header is gone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from transforms.text.lexicon import normalize_label
from transforms.text.scripts import CJK_CHARS

_BAR = re.compile(r"\|")
_SPACED_BAR = re.compile(r"(?<= )\|(?= )")  # "a | | b": an empty cell between two bars


class Cell(NamedTuple):
    """One cell of a table row: its trimmed text and where that text sits in the row."""

    text: str
    start: int
    end: int


def row_cells(text: str) -> list[Cell] | None:
    """The trimmed cells of a ``| a | b |`` row (or ``a | b``), or None when ``text`` is not one.

    Empty cells are kept, so that cells keep their column. Without the outer
    pipes, the cells must be spaced ("Outcome | TimePoints"), as sites print them.
    """
    stripped = text.strip()
    body_start = len(text) - len(text.lstrip())  # where ``stripped`` starts in ``text``
    body = text[: body_start + len(stripped)]
    if stripped.startswith("|"):
        if stripped.count("|") < 2:
            return None
        body_start += len(stripped) - len(stripped.lstrip("|"))
        body = body.rstrip("|")
        bounds, width = [m.start() for m in _BAR.finditer(body, body_start)], 1
    elif " | " in stripped:
        bounds, width = [m.start() for m in _SPACED_BAR.finditer(body, body_start)], 1
    else:
        return None
    starts = [body_start, *(bound + width for bound in bounds)]
    cells = []
    for lo, hi in zip(starts, [*bounds, len(body)], strict=True):
        raw = body[lo:hi]
        trimmed = raw.strip()
        at = lo + (raw.find(trimmed) if trimmed else 0)
        cells.append(Cell(trimmed, at, at + len(trimmed)))
    return cells


def table_cells(text: str) -> list[str] | None:
    """The trimmed cells of a table row (see ``row_cells``), or None when ``text`` is not one."""
    cells = row_cells(text)
    return None if cells is None else [cell.text for cell in cells]


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
    """The lookup key of a header cell; "Participant Group/Arm" is looked up whole, and a
    bilingual one by its English ("组别 Group", ChiCTR's)."""
    if (lead := _CJK_LEAD.match(cell)) is not None and lead.end() < len(cell):
        cell = cell[lead.end() :]
    return normalize_label(cell.replace("/", " / "))


_CJK_LEAD = re.compile(rf"^[{CJK_CHARS}（）()、\s]+(?=[A-Za-z])")


def spaced_cells(text: str) -> list[str]:
    """The cells of a row whose columns are aligned by spaces ("Primary    Dose-limiting
    toxicity    Day 28"): parted by two spaces or more, but not by the two spaces some
    writers type after a sentence ("Patients receive lymphodepletion.  Cells are …")."""
    return _SPACED_GAP.split(text.strip())


_SPACED_GAP = re.compile(r"(?<![.!?])\s{2,}|\s{3,}")
