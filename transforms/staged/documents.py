"""Parse one landed document into staged rows: sections, fields, items, conflicts.

This is the single place where page text is parsed; the marts read only
these rows. Every row carries its span in the raw text (via the normaliser's
offset map) and ``norm_start``, the offset of its text in the normalised text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from transforms.staged.fields import choose_fields
from transforms.text.delimited_page import LAYOUT as DELIMITED_LAYOUT
from transforms.text.delimited_page import render_delimited
from transforms.text.items import split_items
from transforms.text.layout import detect_layout
from transforms.text.lexicon import CRITERIA_SECTIONS, OUTCOME_SECTIONS, PROSE_SECTIONS
from transforms.text.normalize import normalize_text
from transforms.text.offsets import OffsetMap
from transforms.text.record_page import LAYOUT as RECORD_LAYOUT
from transforms.text.record_page import render_embedded_record, render_record
from transforms.text.segment import Section, segment
from transforms.text.wraps import printed_widths
from transforms.text.xml_record_page import LAYOUT as XML_LAYOUT
from transforms.text.xml_record_page import render_xml_record

Row = dict[str, object]


@dataclass(frozen=True)
class ParsedDocument:
    document: Row
    sections: list[Row]
    fields: list[Row]
    items: list[Row]
    conflicts: list[Row]


def parse_document(source_file: str, sha256: str, raw_text: str) -> ParsedDocument:
    """All staged rows of one document."""
    # A registry record file or a spreadsheet export is read as the page it describes.
    layout, normalized = RECORD_LAYOUT, render_record(raw_text) or render_embedded_record(raw_text)
    if normalized is None:
        layout, normalized = XML_LAYOUT, render_xml_record(raw_text)
    if normalized is None:
        layout, normalized = DELIMITED_LAYOUT, render_delimited(raw_text)
    if normalized is None:
        layout, normalized = None, normalize_text(raw_text)
    text, offsets = normalized.text, normalized.offsets
    # a rendered record has no printed lines; a page's, wrapped, may have lost marks
    printed = printed_widths(text, raw_text, offsets) if layout is None else {}
    segmented = segment(text, normalized.headings, normalized.verbatim, printed)
    document = {
        "source_file": source_file,
        "sha256": sha256,
        "source_format": layout or detect_layout(raw_text, segmented),
        "text": text,
        "raw_length": len(raw_text),
        "offsets_norm": list(offsets.norm),
        "offsets_raw": list(offsets.raw),
    }
    sections = [_section_row(source_file, s, text, offsets) for s in segmented.sections]
    chosen, conflicts = choose_fields(segmented.fields)
    fields = [
        {
            "source_file": source_file,
            "field_ordinal": i,
            "section": f.section,
            "field": f.key,
            "label": f.label,
            "value": f.value,
            "origin": f.origin,
            "is_chosen": is_chosen,
            "norm_start": f.start,
            **_span(offsets, f.start, f.end),
        }
        for i, (f, is_chosen) in enumerate(zip(segmented.fields, chosen, strict=True))
    ]
    items = _item_rows(source_file, segmented.sections, offsets, text, printed)
    for row in conflicts:
        row["source_file"] = source_file
    return ParsedDocument(document, sections, fields, items, conflicts)


def _span(offsets: OffsetMap, start: int, end: int) -> Row:
    raw_start, raw_end = offsets.span_to_raw(start, end)
    return {"span_start": raw_start, "span_end": raw_end}


def _section_row(source_file: str, section: Section, text: str, offsets: OffsetMap) -> Row:
    return {
        "source_file": source_file,
        "section_ordinal": section.ordinal,
        "section": section.key,
        "heading": section.heading,
        "text": text[section.start : section.end].strip("\n"),
        "norm_start": section.start,
        **_span(offsets, section.start, section.end),
    }


def _item_rows(
    source_file: str,
    sections: list[Section],
    offsets: OffsetMap,
    text: str,
    printed: Mapping[int, int] | None = None,
) -> list[Row]:
    rows: list[Row] = []
    for section in sections:
        criteria = section.key in CRITERIA_SECTIONS
        prose = section.key in PROSE_SECTIONS
        outcomes = section.key in OUTCOME_SECTIONS
        for item in split_items(
            section.lines,
            criteria=criteria,
            text=text,
            prose=prose,
            outcomes=outcomes,
            printed=printed,
        ):
            rows.append(
                {
                    "source_file": source_file,
                    "section": section.key,
                    "section_ordinal": section.ordinal,
                    "subsection": item.subsection,
                    "item_ordinal": len(rows),
                    "depth": item.depth,
                    "marker": item.marker,
                    "text": item.text,
                    "norm_start": item.start,
                    **_span(offsets, item.start, item.end),
                }
            )
    return rows
