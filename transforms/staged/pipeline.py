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

from transforms.batches import concat_tables, in_document_order
from transforms.parallel import chunk_size, map_chunks
from transforms.row_rules import STAGED_RULES, rule_breaks, without_files
from transforms.schemas import QUARANTINE, STAGED_TABLES, conform, empty, frame_of
from transforms.staged.documents import ParsedDocument, parse_document

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
    A whole corpus in memory: the orchestration streams the same steps batch
    by batch (``split_reusable``, ``parse_documents``, ``combine``).
    """
    previous_keys = previous.get("stg_documents") if _is_complete(previous) else None
    reused, todo = split_reusable(raw_documents, previous_keys)
    size = chunk_size(todo.height, workers)
    chunks = [todo.slice(start, size) for start in range(0, todo.height, size)]
    parts = map_chunks(parse_documents, chunks, workers, todo.height)
    kept = reused_rows(previous or {}, reused)
    tables = combine(
        [kept, *(part for part, _ in parts)], raw_documents["source_file"], reorder=bool(reused)
    )
    return tables, pl.concat([empty(QUARANTINE), *(q for _, q in parts)])


def split_reusable(
    raw_documents: pl.DataFrame, previous_documents: pl.DataFrame | None
) -> tuple[list[str], pl.DataFrame]:
    """(files whose rows can be copied, the documents to parse: key columns and text)."""
    reused = unchanged_files(raw_documents, previous_documents)
    todo = raw_documents.filter(~pl.col("source_file").is_in(reused)).select(*_KEYS, "text")
    return reused, todo


def unchanged_files(
    raw_documents: pl.DataFrame, previous_documents: pl.DataFrame | None
) -> list[str]:
    """Files the previous staged documents hold with the same ``(source_file, sha256)``.

    Parsing is a pure function of them, so their previous rows can be copied.
    """
    if previous_documents is None or previous_documents.is_empty():
        return []
    same = raw_documents.select(_KEYS).join(previous_documents.select(_KEYS), on=_KEYS, how="semi")
    return same["source_file"].to_list()


def reusable_files(
    raw_documents: pl.DataFrame, previous: Mapping[str, pl.DataFrame] | None
) -> set[str]:
    """Files whose (source_file, sha256) the previous staged documents already hold."""
    if not _is_complete(previous):
        return set()
    return set(unchanged_files(raw_documents, previous["stg_documents"]))  # type: ignore[index]


def reused_rows(previous: Mapping[str, pl.DataFrame], files: list[str]) -> Tables:
    """The previous staged rows of ``files``, every table conformed to today's schema."""
    return {
        name: conform(previous[name].filter(pl.col("source_file").is_in(files)), schema)
        if files and name in previous
        else empty(schema)
        for name, schema in STAGED_TABLES.items()
    }


def combine(parts: list[Tables], source_files: pl.Series, *, reorder: bool = True) -> Tables:
    """Every part's rows in one frame per table, grouped by document in ``source_files`` order.

    ``reorder=False`` skips the sort when the parts are already in document order.
    """
    tables = concat_tables(parts, STAGED_TABLES)
    return in_document_order(tables, source_files) if reorder else tables


def _is_complete(previous: Mapping[str, pl.DataFrame] | None) -> bool:
    return bool(previous) and all(name in previous for name in STAGED_TABLES)  # type: ignore[operator]


def parse_documents(documents: pl.DataFrame) -> tuple[Tables, pl.DataFrame]:
    """Staged frames and quarantine of a run of documents (module level: a worker runs it)."""
    _, frames, quarantine = parse_batch(documents)
    return frames, frame_of(quarantine, QUARANTINE)


def parse_batch(documents: pl.DataFrame) -> tuple[list[ParsedDocument], Tables, list[Row]]:
    """The documents that parse into rows meeting the staged row rules, their frames, and a
    quarantine row for each other document (the staged suites would block on its rows)."""
    parsed, quarantine = parse_rows(documents)
    frames = staged_frames(parsed)
    broken = rule_breaks(frames, STAGED_RULES)
    if not broken:
        return parsed, frames, quarantine
    kept = []
    for doc in parsed:
        file = str(doc.document["source_file"])
        if file in broken:
            reason = f"staged rows break the contract: {broken[file]}"
            quarantine.append(_quarantine(file, doc.document["sha256"], reason))
        else:
            kept.append(doc)
    return kept, without_files(frames, broken), quarantine


def parse_rows(documents: pl.DataFrame) -> tuple[list[ParsedDocument], list[Row]]:
    """Each parseable document's staged rows, and a quarantine row for each other one."""
    parsed: list[ParsedDocument] = []
    quarantine: list[Row] = []
    for source_file, sha256, text in documents.iter_rows():
        try:
            parsed.append(parse_document(source_file, sha256, text))
        except Exception as exc:  # one bad document never stops the others
            reason = f"parse failed: {type(exc).__name__}: {exc}"
            quarantine.append(_quarantine(source_file, sha256, reason))
    return parsed, quarantine


def _quarantine(source_file: str, sha256: object, reason: str) -> Row:
    return {"source_file": source_file, "stage": "staged", "reason": reason, "sha256": sha256}


def staged_frames(parsed: list[ParsedDocument]) -> Tables:
    """The staged tables of parsed documents, in their order."""
    rows: dict[str, list[Row]] = {
        "stg_documents": [doc.document for doc in parsed],
        "stg_sections": [row for doc in parsed for row in doc.sections],
        "stg_fields": [row for doc in parsed for row in doc.fields],
        "stg_items": [row for doc in parsed for row in doc.items],
        "stg_conflicts": [row for doc in parsed for row in doc.conflicts],
    }
    return {name: frame_of(rows[name], schema) for name, schema in STAGED_TABLES.items()}
