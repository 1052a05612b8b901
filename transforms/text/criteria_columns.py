"""Inclusion and exclusion criteria side by side, as a table's two columns.

Some sites print eligibility as one table: "| Inclusion criteria | Exclusion
criteria |" over rows that pair an inclusion criterion with an exclusion one,
a column running out before the other. Each column is a list of its own: its
cells, top to bottom, are that list's items, as if each had its heading above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from transforms.text.lexicon import CRITERIA_SECTIONS, SECTION_BY_TERM, normalize_label
from transforms.text.lines import Line
from transforms.text.tables import row_cells


@dataclass
class CriteriaColumns:
    """A side-by-side table being read: each column's section, heading and cells so far."""

    keys: list[str | None]
    headings: list[str]
    cells: list[list[Line]] = field(default_factory=list)
    sheet: bool = False  # pasted from a spreadsheet: cells parted by tabs, no outer pipes

    def add_first_cell(self, line: Line) -> bool:
        """A sheet's row holding the first column's cell alone ("eGFR ≥ 30<TAB>", its tab
        gone): that column's next cell, the longer list running on below the other."""
        if not self.sheet or line.kind != "free" or "|" in line.text or self.keys[0] is None:
            return False
        self.cells[0].append(Line(line.start, line.end, line.text, line.indent, "free"))
        return True

    def add_row(self, line: Line) -> bool:
        """Take a row's non-empty cells into their columns; False when ``line`` is no row."""
        cells = row_cells(line.text)
        if cells is None:
            return False
        for column, cell in enumerate(cells[: len(self.keys)]):
            if cell.text and self.keys[column] is not None and set(cell.text) - set("-: "):
                start = line.start + cell.start
                self.cells[column].append(
                    Line(start, start + len(cell.text), cell.text, line.indent, "free")
                )
        return True


def criteria_columns(header: Line) -> CriteriaColumns | None:
    """The columns of a header naming two criteria lists ("Inclusion | Exclusion"), else None."""
    cells = row_cells(header.text)
    if cells is None:
        return None
    keys = [SECTION_BY_TERM.get(normalize_label(cell.text)) for cell in cells]
    keys = [key if key in CRITERIA_SECTIONS else None for key in keys]
    if len({key for key in keys if key is not None}) < 2:
        return None
    return CriteriaColumns(keys, [cell.text for cell in cells], [[] for _ in cells])
