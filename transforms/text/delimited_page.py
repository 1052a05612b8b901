"""A spreadsheet export of one study (CSV or TSV) read as the page it describes.

Registries and trial finders export search results as a header row of
column names and a row per study: ClinicalTrials.gov's "NCT Number, Study
Title, …, Conditions, Interventions, Primary Outcome Measures, …", with
lists inside a cell parted by "|" ("Lupus Nephritis|Systemic Lupus
Erythematosus") and each outcome written "measure, description, time frame".
The row is written out as a page: a column the lexicon names as a field is
a "Label: value" line, a section's column a heading with its list under it;
then the page is read like any other. A column's name is its label, so a
site's export is understood as far as the lexicon knows its words. The
header is far from the row, so a label's words map to the start of its
cell: a value's span runs from there.
"""

from __future__ import annotations

import re

from transforms.text.lexicon import (
    FIELD_BY_TERM,
    OUTCOME_SECTIONS,
    SECTION_BY_TERM,
    normalize_label,
)
from transforms.text.normalize import Normalized
from transforms.text.rendered_page import MappedText, RenderedPage, SeveralStudiesError
from transforms.values.durations import is_time_frame, parse_time_frame_days

LAYOUT = "delimited_export"
_MAX_CHARS = 2_000_000
_MIN_COLUMNS = 4
_MIN_KNOWN_COLUMNS = 3  # column names the lexicon knows: a study's export, not a data table
_LIST_SEPARATOR = "|"
_FIRST_LINE = re.compile(r"[^\r\n]*")
_OUTCOME_PARTS = ", "  # "measure, description, time frame"
_FRAME_PARTS = 3  # how many of the last comma-parted parts a frame may span
_MAX_FRAME = 200
_FRAME_OPENS = re.compile(
    r"\d|(?P<word>(?:day|week|month|year|baseline|screening|up\s+to|from|through|at|within"
    r"|during|after|before|until|approximately|end|time|follow-up|every)\b)",
    re.IGNORECASE,
)
_UNQUOTED = {d: re.compile(f"[^{d}\r\n]*") for d in (",", "\t")}
_LINE_BREAKS = re.compile(r"[\r\n]*")


def render_delimited(raw: str) -> Normalized | None:
    """The page a one-study CSV/TSV export describes, or None for any other text.

    Raises ``SeveralStudiesError`` for an export of several studies.
    """
    if len(raw) > _MAX_CHARS:
        return None
    start = 1 if raw.startswith("\ufeff") else 0
    header_line = _FIRST_LINE.match(raw, start).group()  # type: ignore[union-attr]
    delimiter = "\t" if header_line.count("\t") >= _MIN_COLUMNS - 1 else ","
    if header_line.count(delimiter) < _MIN_COLUMNS - 1:
        return None
    try:
        header, pos = _row(raw, start, delimiter)
        if len(header) < _MIN_COLUMNS or sum(map(_is_known, header)) < _MIN_KNOWN_COLUMNS:
            return None
        records = _rows(raw, pos, delimiter)
    except ValueError:
        return None
    if not records or any(len(r) != len(header) for r in records):
        return None
    if len(records) > 1:
        raise SeveralStudiesError(len(records), "spreadsheet export")
    page = RenderedPage(raw)
    for name, cell in zip(header, records[0], strict=True):
        if cell.text.strip():
            _write_column(page, name, cell)
    return page.normalized()


def _is_known(name: MappedText) -> bool:
    key = normalize_label(name.text)
    return key in FIELD_BY_TERM or key in SECTION_BY_TERM


def _write_column(page: RenderedPage, name: MappedText, cell: MappedText) -> None:
    """One column: "Label: value", or a heading and one line per listed value."""
    key = normalize_label(name.text)
    section = SECTION_BY_TERM.get(key) if key not in FIELD_BY_TERM else None
    text = cell.text
    if section is None:  # a field, or a column the lexicon does not know
        page.words(f"{name.text.strip()}: ", cell.start)
        for i, (lo, hi) in enumerate(_parts(text)):
            page.words(", " if i else "", cell.raw_at(lo))
            cell.write(page, lo, hi, one_line=True)
        page.words("\n", cell.raw_at(len(text)))
        return
    page.heading(name.text.strip(), cell.start)
    parts = _parts(text)
    for lo, hi in parts:
        page.words("• " if len(parts) > 1 else "", cell.raw_at(lo))
        if section in OUTCOME_SECTIONS:
            _write_outcome(page, cell, lo, hi)
        else:
            cell.write(page, lo, hi)
        page.words("\n", cell.raw_at(hi))


def _comma_parts(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the ", "-parted parts of ``text``, never cut inside brackets."""
    parts, depth, at = [], 0, 0
    for i, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if depth <= 0 and text.startswith(_OUTCOME_PARTS, i):
            parts.append((at, i))
            at = i + len(_OUTCOME_PARTS)
    return [*parts, (at, len(text))]


def _is_frame(text: str, *, last: bool) -> bool:
    """A frame from its first word on ("From randomization to death, assessed up to 5
    years"); the last part may also be one by its words alone ("Half annually for 3
    years", "Baseline (single timepoint only)"), or open with a number ("12 weeks")."""
    if len(text) > _MAX_FRAME:
        return False
    opener = _FRAME_OPENS.match(text)
    if not last:  # "1 being least, 5 most, 2 years" is a description's: a word must open
        return opener is not None and opener.group("word") is not None and _has_days(text)
    return (opener is not None and (_has_days(text) or opener.group("word"))) or is_time_frame(text)


def _has_days(text: str) -> bool:
    return parse_time_frame_days(text) is not None


def _outcome_parts(text: str) -> tuple[tuple[int, int], tuple[int, int] | None, int] | None:
    """(measure, description, where the frame starts) of "measure, description, time frame".

    The frame is the last part, but it may hold commas of its own: the earliest of
    the last few parts that starts one; with none, three parts are the three by
    position. An empty part (", , ": no description) ends the measure.
    """
    parts = _comma_parts(text)
    if len(parts) < 2:
        return None
    last = len(parts) - 1
    tails = range(max(1, last - _FRAME_PARTS + 1), last + 1)  # the longest frame first
    frame = next((k for k in tails if _is_frame(text[parts[k][0] :], last=k == last)), None)
    if frame is None and len(parts) != 3:
        return None
    frame = last if frame is None else frame
    empty = next((i for i in range(1, frame) if parts[i][0] == parts[i][1]), None)
    measure_end = parts[(empty or 1) - 1][1]
    described = [p for p in parts[empty or 1 : frame] if p[1] > p[0]]
    description = (described[0][0], described[-1][1]) if described else None
    return (0, measure_end), description, parts[frame][0]


def _write_outcome(page: RenderedPage, cell: MappedText, lo: int, hi: int) -> None:
    """ "measure, description, time frame" as the labelled parts of one outcome block."""
    split = _outcome_parts(cell.text[lo:hi])
    if split is None:
        cell.write(page, lo, hi, one_line=True)
        return
    (_, measure_end), description, frame_at = split
    cell.write(page, lo, lo + measure_end, one_line=True)
    if description is not None:
        page.words("; Description: ", cell.raw_at(lo + description[0]))
        cell.write(page, lo + description[0], lo + description[1], one_line=True)
    page.words("; Time Frame: ", cell.raw_at(lo + frame_at))
    cell.write(page, lo + frame_at, hi, one_line=True)


def _parts(text: str) -> list[tuple[int, int]]:
    """Where the values listed in a cell ("A|B|C") are, blank ones left out."""
    parts, at = [], 0
    for piece in text.split(_LIST_SEPARATOR):
        lo = at + len(piece) - len(piece.lstrip())
        hi = at + len(piece.rstrip())
        if hi > lo:
            parts.append((lo, hi))
        at += len(piece) + 1
    return parts


def _rows(raw: str, pos: int, delimiter: str) -> list[list[MappedText]]:
    """The records from ``pos`` on; blank lines are none."""
    rows = []
    while pos < len(raw):
        row, pos = _row(raw, pos, delimiter)
        if any(c.text.strip() for c in row):
            rows.append(row)
    return rows


def _row(raw: str, pos: int, delimiter: str) -> tuple[list[MappedText], int]:
    """One record (RFC 4180: quoted cells, doubled quotes, line breaks in quotes)."""
    row: list[MappedText] = []
    unquoted = _UNQUOTED[delimiter]
    while True:
        if raw.startswith('"', pos):
            cell, pos = _quoted(raw, pos)
        else:
            end = unquoted.match(raw, pos).end()  # type: ignore[union-attr]
            cell, pos = MappedText(((raw[pos:end], pos),)), end
        row.append(cell)
        if pos < len(raw) and raw[pos] == delimiter:
            pos += 1
            continue
        break
    if pos < len(raw) and raw[pos] not in "\r\n":
        raise ValueError(f"text after a quoted cell at {pos}")
    return row, _LINE_BREAKS.match(raw, pos).end()  # type: ignore[union-attr]


def _quoted(raw: str, pos: int) -> tuple[MappedText, int]:
    """A quoted cell at ``pos`` and where its closing quote ends."""
    pieces, at = [], pos + 1
    while True:
        close = raw.find('"', at)
        if close < 0:
            raise ValueError(f"unclosed quote at {pos}")
        if raw.startswith('""', close):  # a doubled quote is one quote
            pieces.append((raw[at : close + 1], at))
            at = close + 2
            continue
        pieces.append((raw[at:close], at))
        return MappedText(tuple(pieces)), close + 1
