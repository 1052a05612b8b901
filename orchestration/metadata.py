"""Materialisation metadata shared by every asset: a row count and a small preview."""

from __future__ import annotations

import dagster as dg
import polars as pl

from orchestration.tables import WrittenTable

PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 60


def _cell(value: object) -> str:
    """One table cell: short, single-line, and pipe-safe for markdown."""
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def preview_markdown(frame: pl.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    """The first ``rows`` rows as a markdown table; bytes columns are left out."""
    columns = [name for name, dtype in frame.schema.items() if dtype != pl.Binary]
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for row in frame.head(rows).select(columns).iter_rows():
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


def table_metadata(frame: pl.DataFrame) -> dict[str, dg.MetadataValue]:
    """What every table asset reports: its row count and a preview."""
    return {
        "dagster/row_count": dg.MetadataValue.int(frame.height),
        "preview": dg.MetadataValue.md(preview_markdown(frame)),
    }


def table_output(frame: pl.DataFrame, output_name: str) -> dg.Output:
    """An ``Output`` of a multi-asset carrying the standard table metadata."""
    return dg.Output(frame, output_name=output_name, metadata=table_metadata(frame))


def written_output(
    table: WrittenTable, output_name: str, extra: dict[str, object] | None = None
) -> dg.Output:
    """An ``Output`` for a table already written to its version path (the IO manager checks it)."""
    metadata = {
        "dagster/row_count": dg.MetadataValue.int(table.rows),
        "preview": dg.MetadataValue.md(preview_markdown(table.preview)),
        **(extra or {}),
    }
    return dg.Output(table, output_name=output_name, metadata=metadata)
