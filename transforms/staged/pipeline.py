"""Parse every landed document once into the staged tables.

One document's failure becomes a quarantine row naming the file, the stage
and the error; the other documents go on.
"""

from __future__ import annotations

import polars as pl

from transforms.schemas import (
    QUARANTINE,
    STG_CONFLICTS,
    STG_DOCUMENTS,
    STG_FIELDS,
    STG_ITEMS,
    STG_SECTIONS,
    frame_of,
)
from transforms.staged.documents import parse_document


def build_staged(raw_documents: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The staged tables keyed by name, and quarantine rows for unparseable documents."""
    documents, sections, fields, items, conflicts, quarantine = [], [], [], [], [], []
    for row in raw_documents.select("source_file", "sha256", "text").iter_rows(named=True):
        try:
            parsed = parse_document(row["source_file"], row["sha256"], row["text"])
        except Exception as exc:  # one bad document never stops the others
            quarantine.append(
                {
                    "source_file": row["source_file"],
                    "stage": "staged",
                    "reason": f"parse failed: {type(exc).__name__}: {exc}",
                    "sha256": row["sha256"],
                }
            )
            continue
        documents.append(parsed.document)
        sections += parsed.sections
        fields += parsed.fields
        items += parsed.items
        conflicts += parsed.conflicts
    tables = {
        "stg_documents": frame_of(documents, STG_DOCUMENTS),
        "stg_sections": frame_of(sections, STG_SECTIONS),
        "stg_fields": frame_of(fields, STG_FIELDS),
        "stg_items": frame_of(items, STG_ITEMS),
        "stg_conflicts": frame_of(conflicts, STG_CONFLICTS),
    }
    return tables, frame_of(quarantine, QUARANTINE)
