"""One document's staged rows, grouped for the mart builders.

The marts read only the staged layer. Grouping its tables by document once
gives every builder the same view: chosen field values, sections, items and
the offset map that turns a sub-span of an item into a raw span.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import polars as pl

from transforms.staged.documents import ParsedDocument
from transforms.text.lexicon import CRITERIA_SECTIONS, FOREIGN_SECTIONS, OUTCOME_SECTIONS
from transforms.text.offsets import OffsetMap

Row = dict[str, object]
# Sections that describe this trial's own design and treatment (not criteria, outcomes, others).
_NON_DESCRIPTIVE = CRITERIA_SECTIONS | FOREIGN_SECTIONS | OUTCOME_SECTIONS | {"locations"}
# Sections whose sentences may state a trial fact no label states ("plans to enroll 24").
PROSE_FACT_SECTIONS = ("preamble", "summary", "detailed_description", "design")


@dataclass
class DocView:
    source_file: str
    source_format: str
    text: str
    offsets: OffsetMap
    sections: list[Row] = field(default_factory=list)
    fields: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)

    def blank_between(self, start: object, end: object) -> bool:
        """Whether a blank line parts the normalised text between two offsets (items'
        ``norm_start``): a paragraph's break, not a wrap."""
        return "\n\n" in self.text[int(start) : int(end)]  # type: ignore[call-overload]

    def value(self, key: str) -> str | None:
        """The chosen value of a single-valued field."""
        for row in self.fields:
            if row["field"] == key and row["is_chosen"]:
                return row["value"]  # type: ignore[return-value]
        return None

    def chosen(self, key: str) -> Row | None:
        return next((r for r in self.fields if r["field"] == key and r["is_chosen"]), None)

    def values(self, key: str) -> list[str]:
        """Every stated value of a multi-valued field, outside foreign sections."""
        return [r["value"] for r in self.fields if r["field"] == key and r["is_chosen"]]  # type: ignore[misc]

    def items_in(self, *keys: str) -> list[Row]:
        return [r for r in self.items if r["section"] in keys]

    @cached_property
    def prose(self) -> list[tuple[str, str]]:
        """The text of each item that may state facts in prose, and the text in lower case
        (the prose readers test it for their words before reading its sentences)."""
        return [
            (text, text.lower())
            for text in (str(r["text"]) for r in self.items_in(*PROSE_FACT_SECTIONS))
        ]

    def descriptive_items(self) -> list[Row]:
        """Items that describe the trial itself: not criteria, outcomes, sites or other trials."""
        return [r for r in self.items if r["section"] not in _NON_DESCRIPTIVE]

    def raw_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        return self.offsets.span_to_raw(norm_start, norm_end)


def doc_views(staged: Mapping[str, pl.DataFrame]) -> list[DocView]:
    """One view per staged document, in source_file order."""
    groups: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for table, key in (
        ("stg_sections", "sections"),
        ("stg_fields", "fields"),
        ("stg_items", "items"),
    ):
        for row in staged[table].iter_rows(named=True):
            groups[row["source_file"]][key].append(row)
    views = []
    for doc in staged["stg_documents"].sort("source_file").iter_rows(named=True):
        parts = groups.get(doc["source_file"], {})
        views.append(
            _view(doc, parts.get("sections", []), parts.get("fields", []), parts.get("items", []))
        )
    return views


def view_of(parsed: ParsedDocument) -> DocView:
    """The view of a document just parsed: its rows as the staged tables will hold them.

    Saves framing a batch's staged rows and grouping them back by document
    when its marts are built in the same pass.
    """
    return _view(parsed.document, parsed.sections, parsed.fields, parsed.items)


def _view(
    document: Mapping[str, Any], sections: list[Row], fields: list[Row], items: list[Row]
) -> DocView:
    offsets = OffsetMap(
        tuple(document["offsets_norm"]), tuple(document["offsets_raw"]), document["raw_length"]
    )
    return DocView(
        document["source_file"],
        document["source_format"],
        document["text"],
        offsets,
        sections,
        fields,
        items,
    )


# Up to a terminator followed by space or end ("1.5" does not end a sentence), or a line end.
_SENTENCE = re.compile(r"(?:[^.;!?\n]|[.;!?](?=\S))+[.;!?]*")


def iter_sentences(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, sentence)`` pairs; prose facts are read one sentence at a time."""
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()
