"""A table laid out with spaces: a row of field names over a row of their values.

A page converted from HTML by a text browser, or copied from a PDF, keeps a
table's columns by padding them with spaces:

    Submission date       Recruitment status       Overall study status
    12/01/2025            Recruiting               Ongoing

Neither line is "Label: value", so the values would be free text. A header
line whose cells (parted by two spaces or more) are field labels, over a line
whose cells start where the header's do, is such a table: each value is its
column's field. A cell that names no field, or a column left empty, is
skipped; a line whose cells do not line up with the header's, one column
each, is no table, nor is a line of one cell.
"""

from __future__ import annotations

import re

from transforms.text.lexicon import FIELD_BY_TERM, normalize_label
from transforms.text.lines import Line, on_next_line

# A cell: words parted by single spaces; cells are parted by two spaces or more.
_CELL = re.compile(r"\S+(?: \S+)*")
_GAP = "  "
_MIN_FIELDS = 2
_SLACK = 2  # columns a value may start from its header's start (centred or shifted text)


def aligned_header(text: str, header: Line) -> list[tuple[int, str, str | None]] | None:
    """``(column, label, field key or None)`` of a line of field names parted by two
    spaces or more, or None when it is not one (most lines: tested before the next
    line is read)."""
    if _GAP not in header.text:
        return None
    columns = _columns(text, header)
    known = [key for _, _, key in columns if key is not None]
    if len(known) < _MIN_FIELDS or len(known) < len(columns) - len(known):
        return None
    return columns


def aligned_fields(
    text: str, header: Line, columns: list[tuple[int, str, str | None]], row: Line
) -> list[Line] | None:
    """The field lines of ``row`` under ``header`` (its ``aligned_header`` columns), or
    None when its cells do not line up with them.

    The column of a cell is its distance from the start of its physical line, so
    indentation counts the same in both.
    """
    if not on_next_line(text, header.end, row.start):
        return None
    cells = _cells(text, row)
    if len(cells) < _MIN_FIELDS:
        return None  # one cell lines up with anything
    fields = []
    for (at, cell), after in zip(cells, [*cells[1:], None], strict=True):
        column = _column_at(columns, at)
        if column is None or (after is not None and _column_at(columns, after[0]) is column):
            return None
        _, label, key = column
        if key is not None:
            start = row.start + (at - _column(text, row.start))
            fields.append(
                Line(start, start + len(cell), cell, row.indent, "field", key, label, cell, start)
            )
    return fields or None


def _columns(text: str, header: Line) -> list[tuple[int, str, str | None]]:
    """``(column, label, field key or None)`` of each header cell."""
    return [
        (at, cell, FIELD_BY_TERM.get(normalize_label(cell))) for at, cell in _cells(text, header)
    ]


def _cells(text: str, line: Line) -> list[tuple[int, str]]:
    """``(column, cell)`` of each cell of ``line``, parted by two spaces or more."""
    base = _column(text, line.start)
    return [(base + m.start(), m.group()) for m in _CELL.finditer(line.text)]


def _column(text: str, offset: int) -> int:
    """How far ``offset`` is from the start of its physical line."""
    return offset - (text.rfind("\n", 0, offset) + 1)


def _column_at(
    columns: list[tuple[int, str, str | None]], at: int
) -> tuple[int, str, str | None] | None:
    """The header column a value starting at ``at`` sits under, if it lines up with one."""
    for column in columns:
        if abs(column[0] - at) <= _SLACK:
            return column
    return None
