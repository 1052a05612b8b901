"""Parse every landed document once into the staged tables.

One document's failure becomes a quarantine row naming the file, the stage
and the error; the other documents go on. Parsing is a pure function of
(source_file, sha256, text), so a document whose file and hash match a row of
the previous staged tables is not parsed again: its rows are copied. Daily
runs over a large registry then parse only what changed; the result is the
same as parsing everything (same rows, order and types).
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from transforms.parallel import chunk_size, map_chunks
from transforms.schemas import QUARANTINE, STAGED_TABLES, conform, empty, frame_of
from transforms.staged.documents import parse_document

Row = dict[str, object]
Tables = dict[str, pl.DataFrame]
_KEYS = ["source_file", "sha256"]


def build_staged(
    raw_documents: pl.DataFrame,
    previous: Mapping[str, pl.DataFrame] | None = None,
    workers: int = 1,
) -> tuple[Tables, pl.DataFrame]:
    """The staged tables keyed by name, and quarantine rows for unparseable documents.

    ``previous``: staged tables of an earlier build by this same code (reused
    rows are not re-checked); ``workers`` > 1 parses large batches in processes.
    """
    reused = reusable_files(raw_documents, previous)
    reused_files = sorted(reused)
    todo = raw_documents.filter(~pl.col("source_file").is_in(reused_files)).select(*_KEYS, "text")
    size = chunk_size(todo.height, workers)
    chunks = [todo.slice(start, size) for start in range(0, todo.height, size)]
    parts = map_chunks(_parse_chunk, chunks, workers, todo.height)
    quarantine = pl.concat([empty(QUARANTINE), *(q for _, q in parts)])
    tables = {}
    for name, schema in STAGED_TABLES.items():
        frames = [part[name] for part, _ in parts]
        if reused and previous is not None:
            kept = previous[name].filter(pl.col("source_file").is_in(reused_files))
            frames.insert(0, conform(kept, schema))
        tables[name] = pl.concat([empty(schema), *frames])
    if reused:
        tables = _in_document_order(tables, raw_documents["source_file"])
    return tables, quarantine


def reusable_files(
    raw_documents: pl.DataFrame, previous: Mapping[str, pl.DataFrame] | None
) -> set[str]:
    """Files whose (source_file, sha256) the previous staged documents already hold."""
    if not previous or any(name not in previous for name in STAGED_TABLES):
        return set()
    same = raw_documents.select(_KEYS).join(
        previous["stg_documents"].select(_KEYS), on=_KEYS, how="semi"
    )
    return set(same["source_file"])


def _in_document_order(tables: Tables, source_files: pl.Series) -> Tables:
    """Rows grouped by document in landing order, each document's rows in their own order."""
    position = source_files.to_frame().with_row_index("_position")
    return {
        name: frame.join(position, on="source_file", how="left", maintain_order="left")
        .sort("_position", maintain_order=True)
        .drop("_position")
        for name, frame in tables.items()
    }


def _parse_chunk(documents: pl.DataFrame) -> tuple[Tables, pl.DataFrame]:
    """Staged frames and quarantine of a run of documents (module level: a worker runs it)."""
    collected: dict[str, list[Row]] = {name: [] for name in STAGED_TABLES}
    quarantine: list[Row] = []
    for source_file, sha256, text in documents.iter_rows():
        try:
            parsed = parse_document(source_file, sha256, text)
        except Exception as exc:  # one bad document never stops the others
            reason = f"parse failed: {type(exc).__name__}: {exc}"
            quarantine.append(
                {"source_file": source_file, "stage": "staged", "reason": reason, "sha256": sha256}
            )
            continue
        collected["stg_documents"].append(parsed.document)
        collected["stg_sections"] += parsed.sections
        collected["stg_fields"] += parsed.fields
        collected["stg_items"] += parsed.items
        collected["stg_conflicts"] += parsed.conflicts
    tables = {name: frame_of(collected[name], schema) for name, schema in STAGED_TABLES.items()}
    return tables, frame_of(quarantine, QUARANTINE)
