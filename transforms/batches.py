"""Tables built a batch of documents at a time, put back together in landing order.

Every layer is a pure function of each document, so a build may split the
corpus into batches, reuse the rows of unchanged documents and parse the
others (in any process). These helpers reassemble the pieces so that the
result does not depend on how it was split: rows grouped by document in
landing order (``source_file`` sorted), each document's rows in their own order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from transforms.schemas import empty

Tables = dict[str, pl.DataFrame]


def concat_tables(
    parts: Sequence[Mapping[str, pl.DataFrame]], schemas: Mapping[str, dict]
) -> Tables:
    """One frame per table of ``schemas`` from every part that has it (typed when none does)."""
    return {
        name: pl.concat([empty(schema), *(part[name] for part in parts if name in part)])
        for name, schema in schemas.items()
    }


def in_document_order(tables: Mapping[str, pl.DataFrame], source_files: pl.Series) -> Tables:
    """Rows grouped by document in ``source_files`` order, each document's rows in their order."""
    position = source_files.to_frame("source_file").with_row_index("_position")
    return {
        name: frame.join(position, on="source_file", how="left", maintain_order="left")
        .sort("_position", maintain_order=True)
        .drop("_position")
        for name, frame in tables.items()
    }
