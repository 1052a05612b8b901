"""Segment classified lines into sections, fields and free lines.

Headings open sections; a label takes the next content line as its value
(or none, when the next line is another label: the value was lost in
scraping); bare typed values become fields by type; everything else is a
free line of the current section. A run of free lines closed by a
"Time frame:" field outside any outcome section starts an inferred outcome
section: some sites print outcome blocks with no heading at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import NamedTuple

from transforms.text.aligned_table import aligned_fields, aligned_header
from transforms.text.arm_table import BARE_ARM_TYPE, heads_an_arm_table
from transforms.text.badges import (
    BADGE_SEPARATOR,
    GROUPS_LISTED,
    TYPED_FIELDS,
    BadgeReader,
    accepts,
    badge_kind,
    is_placeholder,
)
from transforms.text.criteria_columns import CriteriaColumns, criteria_columns
from transforms.text.dated_parts import dated_parts
from transforms.text.field_tables import JOINED_COLUMNS, table_header
from transforms.text.glued_chain import ChainPiece, glued_pieces, spaced_pieces, spaced_rows
from transforms.text.items import FINISHED, names_a_cohort, numbered_inline
from transforms.text.label_match import match_label_colon
from transforms.text.lexicon import (
    CRITERIA_SECTIONS,
    FIELD_BY_TERM,
    FOREIGN_SECTIONS,
    MEASURED_RESULTS,
    OUTCOME_SECTIONS,
    SECTION_NUMBER,
    TYPED_INTERVENTION,
    WITHIN_RESULTS,
    label_remark,
    normalize_label,
)
from transforms.text.lines import (
    COUNT_VALUE,
    Line,
    classify_line,
    has_list_marker,
    iter_physical_lines,
    on_next_line,
    strip_markup,
)
from transforms.text.page_furniture import running_heads
from transforms.text.records import parse_record, record_fields
from transforms.text.scripts import CJK, CJK_CHARS, latin_only, mostly_cjk
from transforms.text.tables import row_cells
from transforms.text.wraps import broken_at, join_wrapped, wrap_width
from transforms.values.durations import is_time_frame
from transforms.values.numbers import is_zero_count
from transforms.values.settled import OUTCOME_LINE, is_planned

_MAX_BADGES_IN_ROW = 8  # values in one row of badges: "Recruiting · Phase 1 · 12 participants"
_DOT_SEPARATOR = re.compile(r"\s+[·•]\s+")  # not "|": "Phase: Phase 1 | Phase 2" is one value
# Sections whose tables their own readers take (arms, outcome measures).
_TABLE_READERS = OUTCOME_SECTIONS | {"arms", "interventions"}
# An arm named by its number at a line's start: "Arm 1: …" ("Group 1: 18-40 years old"
# may be an age group).
_NUMBERED_ARM = re.compile(r"^arm\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*[:：]\s*\S", re.I)
_MAX_LISTED_WORDS = 8
_BEFORE_ANY_LIST = frozenset({"preamble", "conditions", "details"})
_TYPED_OUTCOMES = OUTCOME_SECTIONS - {"outcomes"}
# A heading's value that points elsewhere on the page: the section is not here.
_CROSS_REFERENCE = re.compile(
    r"^(?:please\s+)?(?:see|refer\s+to|as\s+(?:described|listed|detailed)|described)\b", re.I
)
# Typed fields whose values a parser reads (not the ages, whose readers take any text).
_CODED_FIELDS = TYPED_FIELDS - {"ages", "min_age", "max_age"}
# Sections read as lists of items: an unknown markdown heading ends one.
_LIST_SECTIONS = CRITERIA_SECTIONS | OUTCOME_SECTIONS | {"arms"}
# Sections of other trials and places a markdown heading the lexicon lacks ends only from a
# level above theirs ("## Locations" / "# Treatment"): their sites' and cards' headings stand
# at their own level ("### Universitätsklinikum Erlangen", "### A similar trial").
_HEADED_SECTIONS = _LIST_SECTIONS | FOREIGN_SECTIONS | {"locations"}
_MAX_HEADING_WORDS = 6
_ENUM_BADGES = frozenset({"phase", "status", "study_type"})  # no wrapped value goes on so
_OUTCOME_COLUMNS = frozenset(
    {"outcome measure", "measure", "measure description", "description", "time frame"}
)
_MAX_OUTCOME_COLUMN = max(map(len, _OUTCOME_COLUMNS))
_MIN_EXPLAINER_WORDS = 5
_SENTENCE_ENDS = (".", ";", ":", ",")
_DIGITS = re.compile(r"\d+")
_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]\s")
_MAX_QUESTION_WORDS = 12
# Between labelled fields printed on one line; a single space (a tab, once normalised)
# only before a capitalised or a Chinese label: "Status: Recruiting Phase: 1",
# "组别:试验组 样本量:12".
_PART_SEPARATOR = re.compile(
    r"[ \t]*[;；|][ \t]*|[ \t]+[·•][ \t]+|[ \t]{2,}|[ \t](?=[A-Z\u4e00-\u9fff])"
)
_PIPE = re.compile(r"[ \t]+\|[ \t]+")
_AT_START = re.compile("")
# A label in Chinese, Japanese or Korean script alone: no digits, no sentence punctuation.
_CJK_LABEL = re.compile(f"[{CJK_CHARS}（）()・/／ ]+[:：]?")
_MAX_TRANSLATED_LABEL = 30
# "Participant type: Patient": a short capitalised label, a colon, a value.
_FIELD_LINE = re.compile(r"^[A-Z][\w /()'-]{1,40}[:：]\s*\S")
# A remark between a label and its value ("Date of first participant enrolment" /
# "Anticipated" / "01/03/2024", "Sample size" / "Target" / "15"): it qualifies the value.
# ClinicalTrials.gov's tabular view dates each value before it: "(submitted: May 3, 2023)⇥24".
_DATED_VALUE = re.compile(
    r"^\((?P<remark>(?:submitted|posted|updated)\s*:[^()]*)\)\s*(?:\|\s*)?(?P<value>\S.*)$",
    re.IGNORECASE,
)
_REMARK_LINE = re.compile(r"^(?:anticipated|actual|estimated|expected|planned|target)$", re.I)
# A label the lexicon lacks, with nothing after its colon: under a label it is that label
# again in another language ("研究疾病：" / "Target disease：" / the value), never its value.
_BARE_LABEL = re.compile(r"^[^\d:;.!?]{2,60}:$")
# Values written as name="value" (CTRI: 'Total Sample Size="10"', 'Months="0"').
_ASSIGNMENTS = re.compile(r'(?:[^\W\d_][\w ()/.-]{0,60}=\s*"[^"]*"\s*)+')
# The fields a list of a trial's other identifiers may hold; any other label ends it.
_IDENTIFIER_FIELDS = frozenset({"registry_id", "nct_id", "acronym", "form_detail"})
# A sponsor written as a block of sub-labels: "Sponsor" / "Institute" / "Kyoto University
# Hospital" (jRCT), "Primary sponsor type" / "Hospital" / "Name" / "…" (ANZCTR).
_SPONSOR_PART = re.compile(
    r"^(?:institute|institution|organi[sz]ation|name|name of (?:the )?(?:institute|institution"
    r"|organi[sz]ation|sponsor)|(?:institut(?:e|ion)|organi[sz]ation|company) name"
    r"|affiliation)$",
    re.I,
)
# A sponsor's kind, which forms print between its label and its name ("Primary sponsor" /
# "Commercial sector/industry" / "Name: X"): ANZCTR's, CTRI's and CRIS's kinds.
_SPONSOR_KIND = re.compile(
    r"^(?:commercial sector/industry|hospital|university|government body|individual|other"
    r"|charities/societies/foundations|other collaborative groups|research institution"
    r"(?: and hospital)?|private hospital/clinic|government funding agency"
    r"|pharmaceutical (?:industry|company)(?:\s*-\s*\w+)?)$",
    re.I,
)
# A number's unit on the line after it, as forms print cells one per line ("18" / "years").
_UNIT_LINE = re.compile(
    r"^(?:years?|yrs?|months?|weeks?|days?|岁|participants|patients|subjects)$", re.I
)
_UNIT_FIELDS = frozenset({"min_age", "max_age", "enrollment"})
# A label the lexicon lacks, on its own line ("Date submitted", "Date of last refresh:"):
# short, capitalised, no digits, not a sentence.
_UNKNOWN_LABEL = re.compile(r"^[A-Z][^\d.;:!]{2,60}:?$")
_MAX_LABEL_WORDS = 8
_OWN_ID_FIELDS = frozenset({"nct_id", "registry_id"})
# A time frame's label opening a line: the line above it is a measure.
_TIME_FRAME_LABEL = re.compile(r"[ \t]*(?:[-*•]\s*)?\[?\s*time\s*frame\b", re.IGNORECASE)
_ARM_KEY = re.compile(
    r"^(?:[-*•]\s*)?(?P<key>label|name|title|type)\s*[:：]\s*(?P<value>\S.*)$", re.I
)
_TICKS_APART = 6
_DATES_BY_ORDER = frozenset({"start_date", "completion_date"})  # the badge reader's guesses
# Free-text fields whose values a printout hard-wraps onto the next lines.
_ARM_KEYS = frozenset({"arms", "arm_type"})
_WRAPPING_FIELDS = frozenset({"title", "condition", "intervention"})
_WRAP_WIDTH = 60  # a labelled line wrapped at the page width (its label is part of it)
# Where "40 participants in 2 patient groups" lists no arms under it: a participant flow's
# count (posted results), another trial's, the arms' own section.
_NO_GROUP_LISTING = WITHIN_RESULTS | FOREIGN_SECTIONS | {"results", "arms"}
_RECORD_KEY = re.compile(r"^[a-z][a-z0-9_]*:\s")  # a YAML key: "title: ", "nct_id: "
_ENDS_VALUE = (*FINISHED, ")")  # "… (CASTLE)" ends a title


class Field(NamedTuple):  # one per field of every page: a tuple is cheapest to make
    key: str
    label: str | None
    value: str | None
    origin: str  # protocol | label | label_block | table | badge | markup
    section: str
    start: int
    end: int


@dataclass
class Section:
    ordinal: int
    key: str
    heading: str | None
    start: int  # normalised offset where the body starts
    end: int
    lines: list[Line] = field(default_factory=list)  # free lines of the body


@dataclass
class Segmented:
    sections: list[Section]
    fields: list[Field]


@dataclass
class _FieldTable:
    columns: list[str | None]  # each column's field
    labels: list[str]  # the header's cells
    joined: dict[str, int] = field(default_factory=dict)  # field index of a joined column


@dataclass
class _State:
    sections: list[Section]
    fields: list[Field] = field(default_factory=list)
    pending: Line | None = None
    run: list[Line] = field(default_factory=list)
    badges: BadgeReader = field(default_factory=BadgeReader)
    table: _FieldTable | None = None  # the field table whose rows come next
    last_free: Line | None = None  # the free line just before, if nothing came between
    row_section: bool = False  # the section was opened by a "Heading | value" row
    headings: Mapping[int, int] = field(default_factory=dict)  # markdown heading -> level
    levels: dict[int, int] = field(default_factory=dict)  # section ordinal -> heading level
    numbers: dict[int, tuple[int, ...]] = field(default_factory=dict)  # -> "4.2" as (4, 2)
    text: str = ""  # the normalised page
    wrapping: int | None = None  # the field whose value may go on on the next line
    last_row: Line | None = None  # the last table row read as a criterion
    columns: CriteriaColumns | None = None  # inclusion and exclusion side by side
    inline_list: int | None = None  # a conditions section opened with its value on the line
    # (section, lines read, numbered inline): whether the open list numbers its items inline,
    # read on from the last line looked at (a long list is not read again line after line)
    inline_numbers: tuple[int, int, bool] = (-1, 0, False)
    # where the last line read as site chrome or an explainer ended, and whether its
    # sentence opened with a capital (a wrapped item's words may read as an explainer)
    chrome: tuple[int, bool] = (-1, False)
    printed: Mapping[int, int] = field(default_factory=dict)  # see wraps.printed_widths

    @property
    def section(self) -> Section:
        return self.sections[-1]


def segment(
    text: str,
    headings: Mapping[int, int] | None = None,
    verbatim: tuple[tuple[int, int], ...] = (),
    printed: Mapping[int, int] | None = None,
) -> Segmented:
    """Sections (in order, the first is the preamble), fields and free lines of ``text``.

    ``headings``: the lines that were markdown headings, by start, with their level
    (``Normalized.headings``); ``verbatim``: spans whose lines are free text; ``printed``:
    lines' printed lengths where normalising shortened them (``wraps.printed_widths``).
    """
    state = _State(
        [Section(0, "preamble", None, 0, len(text))],
        headings=headings or {},
        text=text,
        printed=printed or {},
    )
    lines = list(iter_physical_lines(text))
    furniture = running_heads(text, lines) | _tab_bar(lines)
    rows = spaced_rows(text, lines)  # "Sex All" / "Sponsor Shanghai …": a facts box's rows
    under_header = -1  # a line read already as the values of an aligned table's header
    for i, (start, end, stripped, indent) in enumerate(lines):
        if i == under_header:
            continue
        if i and _prints_again(text, lines[i - 1], lines[i]):
            _consume(state, Line(start, end, stripped, indent, "boilerplate"))
            continue  # the site prints every value twice, a line each
        if (
            len(stripped) <= _MAX_OUTCOME_COLUMN
            and state.section.key in OUTCOME_SECTIONS
            and _names_outcome_columns(lines, i)
        ):
            _consume(state, Line(start, end, stripped, indent, "boilerplate"))
            continue
        if start in furniture:
            _consume(state, Line(start, end, stripped, indent, "boilerplate"))
            continue
        if verbatim and any(a <= start < b for a, b in verbatim):
            _consume(state, Line(start, end, stripped, indent, "free"))
            continue
        line = classify_line(start, end, stripped, indent)
        if line.kind == "free" and start in rows and _row_in_place(state, line, rows[start]):
            line = _chain_line(line, rows[start])
        if (
            line.kind in ("field", "free")
            and (chain := spaced_pieces(line.text)) is not None
            and (
                all(_row_in_place(state, line, piece) for piece in chain)
                or all("  " in line.text[a.end : b.start] for a, b in pairwise(chain))
            )  # "Age 18 Years and older   Sex All   Healthy Volunteers Yes": a row's cells
        ):
            for piece in chain:  # "Recruitment Status Not yet recruiting Study Type …"
                _consume(state, _chain_line(line, piece))
            continue
        if line.kind in ("field", "free") and (pieces := glued_pieces(line.text)) is not None:
            for a, b in pieces:  # "Study TypeInterventionalEnrollment15 (estimated)…"
                _consume(state, classify_line(start + a, start + b, line.text[a:b], indent))
            continue
        if line.kind == "free" and stripped[0] >= "\u3040" and _translates_label(text, lines, i):
            line = line._replace(kind="boilerplate")
        elif (
            line.kind == "free"
            and "  " in stripped
            and i + 1 < len(lines)
            and (columns := aligned_header(text, line)) is not None
        ):
            row = classify_line(*lines[i + 1])
            if (fields := aligned_fields(text, line, columns, row)) is not None and not (
                i + 2 < len(lines)  # a second row under it: a table of arms, read as one
                and any(key in _ARM_KEYS for _, _, key in columns)
                and aligned_fields(text, row, columns, classify_line(*lines[i + 2]))
            ):
                for aligned in fields:  # "Submission date    Recruitment status" / values
                    _consume(state, aligned)
                under_header = i + 1
                continue
        _consume(state, line)
    _flush_pending(state)
    _close_columns(state)
    state.section.end = len(text)
    return Segmented(_end_lists_at_plain_headings(state.sections), state.fields)


def _row_in_place(state: _State, line: Line, row: ChainPiece) -> bool:
    """Whether a facts box's row or a piece of a flattened one is one where it stands: in a
    list of criteria only a registry's own labels are ("Ages Eligible for Study 18 Years to
    65 Years"), not a criterion's first word ("Age 18 to 70 years" / "Sex Male or female")."""
    return (
        state.section.key not in CRITERIA_SECTIONS
        or " " in line.text[row.start : row.value_start].strip()
    )


def _rule_after_blank(state: _State, line: Line) -> bool:
    """Whether a "---" line is a rule under a blank line (a markdown page's break between
    its parts), not a heading's underline ("Exclusion Criteria" / "---") nor a page break
    inside the list (its next item follows: "2. …" / "---" / "3. …")."""
    starts = state.text.rfind("\n", 0, line.start)
    above = state.text.rfind("\n", 0, starts) + 1 if starts > 0 else 0
    after = _lines_after(state, line)
    return (
        starts > 0
        and not state.text[above:starts].strip()
        and not (after and has_list_marker(after[0]))
    )


def _closes_front_matter(state: _State, line: Line) -> bool:
    """Whether a "---" line is the fence that closes a page's YAML front matter."""
    matter = state.text[3 : line.start - 1]
    return (
        state.text.startswith("---")
        and "\n---" not in matter
        and _FRONT_MATTER_KEY.search(matter) is not None  # not a rule over a list
    )


_FRONT_MATTER_KEY = re.compile(r"(?m)^[A-Za-z_][\w-]*:(?:\s|$)")


def _chain_line(line: Line, piece: ChainPiece) -> Line:
    """One label and its value of a line of several, as if on a line of its own."""
    at = line.start
    return Line(
        at + piece.start,
        at + piece.end,
        line.text[piece.start : piece.end],
        line.indent,
        "heading" if piece.is_section else "field",
        piece.key,
        line.text[piece.start : piece.value_start].strip(),
        line.text[piece.value_start : piece.end],
        at + piece.value_start,
    )


_TAB_BAR_MIN = 3  # "Overview" / "Eligibility" / "Locations" / "Contacts"
_TAB_BAR_AFTER = 2  # lines a tab bar may follow: the site's name, the page's title
_TAB_WORDS = 3


def _tab_bar(lines: list[tuple[int, int, str, int]]) -> set[int]:
    """The starts of a page's tab bar flattened a tab a line at its top: three and more
    short section headings with nothing between them, before any fact, the last a tab
    of another kind of page ("Overview" / "Eligibility" / "Locations" / "Contacts").
    Read as headings, they made each other empty and the last one took the whole page
    (its title, status and id)."""
    run: list[int] = []
    before, last = 0, None
    for start, end, stripped, indent in lines:
        line = classify_line(start, end, stripped, indent)
        kind = line.kind
        if kind == "heading" and len(stripped.split()) <= _TAB_WORDS and ":" not in stripped:
            run.append(start)
            last = line.key
            continue
        if len(run) >= _TAB_BAR_MIN:
            # Its last tab is another page's ("Locations", "Contacts"); a run of empty
            # headings ending "About" over the summary is a page whose values were lost.
            return set(run) if last in _TAB_BAR_LAST else set()
        if run or kind not in ("free", "boilerplate"):
            return set()  # a heading over its content, or a fact: the page has begun
        before += kind == "free"
        if before > _TAB_BAR_AFTER:
            return set()
    return set(run) if len(run) >= _TAB_BAR_MIN and last in _TAB_BAR_LAST else set()


_TAB_BAR_LAST = FOREIGN_SECTIONS | {"locations", "results", "documents"}


def _prints_again(
    text: str, before: tuple[int, int, str, int], line: tuple[int, int, str, int]
) -> bool:
    """Whether ``line`` repeats the line right above it word for word ("Experimental: Group
    A" / "Experimental: Group A"): one value printed twice, as some sites print all."""
    return (
        line[2] == before[2]
        and len(line[2]) >= _MIN_REPEATED
        and on_next_line(text, before[1], line[0])
    )


_MIN_REPEATED = 4  # "- 1" twice may be two items; a value's words are longer


def _heads_an_outcome_table(text: str) -> bool:
    """A table's header row whose columns are an outcome table's, a time frame's among them:
    after an arms table, the page's outcomes (not more arms)."""
    cells = [cell.strip().casefold() for cell in text.strip(" |").split(" | ")]
    return (
        len(cells) >= 2
        and "time frame" in cells
        and all(cell in _OUTCOME_COLUMNS or cell in ("outcome", "type") for cell in cells)
    )


def _names_outcome_columns(lines: list[tuple[int, int, str, int]], i: int) -> bool:
    """Whether line ``i`` is one of an outcome table's column names, a line each, as a
    table copied without its tabs gives them ("Outcome Measure" / "Measure Description" /
    "Time Frame" over each measure's three lines): a name beside another name."""
    if lines[i][2].casefold() not in _OUTCOME_COLUMNS:
        return False
    beside = [lines[j][2].casefold() for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(name in _OUTCOME_COLUMNS for name in beside)


def _translates_label(text: str, lines: list[tuple[int, int, str, int]], i: int) -> bool:
    """Whether line ``i``, in Chinese, Japanese or Korean, is the other half of a bilingual
    label: short, wholly in that script, opening a paragraph or ending in a colon, with a
    heading or label on the very next line ("主たる除外基準" over "Exclusion criteria").
    The lexicon knows the English half; the other, not a term, would otherwise be read as
    the last section's item."""
    start, end, stripped, _ = lines[i]
    if len(stripped) > _MAX_TRANSLATED_LABEL or not _CJK_LABEL.fullmatch(stripped):
        return False
    opens = i == 0 or text.count("\n", lines[i - 1][1], start) >= 2
    if i + 1 == len(lines) or not (opens or stripped.endswith((":", "："))):
        return False  # "国家：" / "Country:" need no blank line before: the colon says label
    after = lines[i + 1]
    if not on_next_line(text, end, after[0]):
        return False
    return classify_line(*after).kind in ("heading", "label", "field")


def _end_lists_at_plain_headings(sections: list[Section]) -> list[Section]:
    """Eligibility lists ended by a heading the lexicon lacks, written as a plain line.

    After an exclusion list's last bullet, "Study Officials" / "Jane Doe, MD" /
    "Principal Investigator" are the page's next section, not three more criteria. A
    line is such a heading when it is label-shaped, comes after the list's last marked
    item (and its wraps) and more lines follow it, none marked: a cohort's sub-heading
    ("Juvenile cohort") has marked items after it. Decided once the section is whole.
    """
    out: list[Section] = []
    for section in sections:
        out.append(section)
        cut = _plain_heading_at(section) if section.key in CRITERIA_SECTIONS else None
        if cut is None:
            continue
        heading, *rest = section.lines[cut:]
        tail = Section(0, "details", heading.text, heading.end, section.end)
        tail.lines = rest
        section.lines, section.end = section.lines[:cut], heading.start
        out.append(tail)
    for ordinal, section in enumerate(out):
        section.ordinal = ordinal
    return out


def _plain_heading_at(section: Section) -> int | None:
    lines = section.lines
    if len(lines) < 4 or has_list_marker(lines[-1].text):  # two items, a heading, a line
        return None
    marked = [i for i, line in enumerate(lines) if has_list_marker(line.text)]
    if len(marked) < 2:
        return None
    last = lines[marked[-1]]
    cut = marked[-1] + 1
    while cut < len(lines) and (lines[cut].text[:1].islower() or lines[cut].indent > last.indent):
        cut += 1  # the last item's hard-wrapped lines
    if cut >= len(lines) - 1 or not _is_unknown_label(lines[cut].text):
        return None
    if names_a_cohort(lines[cut].text):
        return None  # "Cohort A (SLE):" over that cohort's criteria, unmarked
    return cut


def _consume(state: _State, line: Line) -> None:
    if state.columns is not None:
        if (line.text.startswith("|") or " | " in line.text) and state.columns.add_row(line):
            return
        if state.columns.add_first_cell(line):
            return
        _close_columns(state)
    if (
        " | " in line.text
        and not line.text.startswith("|")
        and (columns := criteria_columns(line)) is not None
    ):  # "Inclusion criteria | Exclusion criteria", a sheet's columns parted by tabs
        state.columns = replace(columns, sheet=True)
        return
    if (
        " | " in line.text
        and state.section.key in ("arms", "interventions")
        and _heads_an_outcome_table(line.text)  # "Measure | Description | Time frame"
    ):
        _flush_pending(state)
        state.sections.append(
            Section(len(state.sections), "outcomes", None, line.start, line.start)
        )
        state.run = []
        state.row_section = False
    if (
        line.kind == "boilerplate"
        and line.text[:1].islower()
        and state.section.key in CRITERIA_SECTIONS
        and _broken_above(state, line)
    ):  # "8. Participants or their legal guardians" / "understand and voluntarily sign …"
        line = _as_free(line)
    if line.kind == "free" and _goes_on_boilerplate(state, line):
        state.chrome = (line.end, True)
        return  # "Check the participation requirements, …" / "age limits, …": its rest
    if line.kind == "boilerplate":
        state.chrome = (line.end, line.text[:1].isupper())
        if (
            line.text == "---"
            and state.section.key in _LIST_SECTIONS
            and (_closes_front_matter(state, line) or _rule_after_blank(state, line))
        ):
            # "---" under a front matter's last key ("eligibility: |" and its list): what
            # follows is the page, not more of the list
            _flush_pending(state)
            _open_section(state, line._replace(kind="heading", key="details", label=None))
            return
        if (
            line.text.startswith("|")
            and "-" in line.text
            and line.text.count("|") > 2  # "├────┤" between a one-column box's rows: no header
            and state.section.key in CRITERIA_SECTIONS
        ):
            _drop_table_header(state)  # "|---|---|" under the header row
        return
    if (
        line.text.startswith("|")
        and state.section.key in CRITERIA_SECTIONS
        and not (line.kind == "heading" and line.key in CRITERIA_SECTIONS)  # the next list's row
        # in a table of "| Label | value |" rows, the row after "| Exclusion criteria | … |"
        # is the next label's ("| Sex | Female |"), not a criterion
        and not (state.row_section and line.kind in ("field", "heading"))
    ):
        line = state.last_row = _row_as_item(line)  # "| ANC | ≥ 1.0 |": a criterion
        if line.kind == "boilerplate":  # a row of empty cells
            return
    if state.inline_list is not None and state.section.lines:  # after the heading's own value
        if state.inline_list != state.section.ordinal:
            state.inline_list = None  # another section opened since
        elif not _goes_on_listing(state, line):  # "Conditions: Lupus Nephritis" / "Ages 13 …"
            _reopen(state, state.sections[-2], line.start)
            state.inline_list = None
    if state.wrapping is not None:
        if line.kind == "free" and _continues_value(state, line):
            return
        state.wrapping = None
    if _adds_how_it_turned_out(state, line):
        return
    if (
        (line.text.startswith("| ") or " | " in line.text)  # with or without outer pipes
        and state.section.key not in _TABLE_READERS
        and heads_an_arm_table(line.text)
    ) or (
        line.kind == "free"
        and state.section.key in _BEFORE_ANY_LIST
        and _NUMBERED_ARM.match(line.text)
    ):  # "| Arm | Type | Intervention |" or "Arm 1: Experimental: CD19 CAR-T …" with no
        # heading above: the arms, unheaded
        _flush_pending(state)
        _open_arms(state, line)
    if "|" not in line.text:
        state.table = None
    elif state.section.key not in _TABLE_READERS and _read_field_table(state, line):
        return
    if (
        line.kind in ("heading", "label", "field")
        and state.section.key in CRITERIA_SECTIONS
        and not line.text[:1].isupper()  # "Primary Outcome Measures:" after a long item
        and _wrapped_onto(state, line)
    ):
        line = _as_free(line)  # "… 2. Central nervous system (CNS)" / "disease: CNS …"
    if line.kind == "label" and line.value is None and _wraps_an_item(state, line):
        line = _as_free(line)  # "- … infection requiring systemic" / "  treatment"
    if line.kind in ("heading", "label"):
        line = _read_where_it_stands(state, line)
        if line.kind == "boilerplate":
            return
    if state.section.key == "arms" and ":" in line.text and (keyed := _arm_key(line)) is not None:
        line = keyed  # "- label: Dose level 1" / "type: EXPERIMENTAL" (YAML, JSON-like lists)
    if line.kind == "field" and _is_list_item(state, line):
        line = _as_free(line)
    if line.kind == "heading" and line.key == "navigation" and _in_masthead(state):
        line = _as_free(line)  # "Find Studies" / "Resources": a site's menu over the page
    if line.kind == "heading" and _wraps_an_item(state, line):
        line = _as_free(line)  # "- … and not meeting any" / "  exclusion criteria"
    if (
        line.kind == "field"
        and line.value is not None
        and ":" in line.value
        and (parts := _labelled_parts(line)) is not None
    ):
        for part in parts:  # "Group: A; Intervention: B; Sample size: 12"
            _consume(state, part)
        return
    if line.kind == "heading":
        _flush_pending(state)
        _open_section(state, line)
        return
    if (sponsor := _pending_sponsor(state, line)) is not None:
        state.pending = None  # "Primary Sponsor" / "Name | ImmunoACT"
        _add_field(
            state, sponsor.key, sponsor.label, line.value, "label_block", sponsor.start, line.end
        )
        return
    if line.kind in ("label", "field"):
        _flush_pending(state)
        if not has_list_marker(line.text):  # "• Sex: All" goes on the list it stands in
            _close_list(state, line)
        if state.section.key == "conditions" and state.section.lines:
            _end_section(state, line)  # a list of conditions holds no labels
        elif state.section.key == "identifiers" and line.key not in _IDENTIFIER_FIELDS:
            _end_section(state, line)  # "Other Study ID Numbers" / ids / "Study Start"
        if (state.row_section and " | " in line.text) or (
            state.section.key == "related" and _ends_related_list(state, line)
        ):
            _end_section(state, line)  # the page moved on
    if line.kind in ("label", "field") and line.key != "lead_sponsor":
        if _names_the_sponsor(state, line):
            line = line._replace(key="lead_sponsor")
        elif line.key == "country" and _in_sponsor_block(state, line):
            line = line._replace(key="sponsor_country")  # where the sponsor is
    if line.kind == "label":
        state.pending = line
        return
    if (
        line.kind == "field"
        and line.key in ("phase", "sex")
        and _is_ticked(line)
        and _extends_last_field(  # "E.7.1 … (Phase I): Yes" / "E.7.2 … (Phase II): Yes"
            state,
            line,
            lambda last: last.key == line.key and _is_ticked(last),
            f", {line.value}",
            lines_apart=_TICKS_APART,  # the boxes of E.7.1's sub-questions between
        )
    ):
        return
    if (
        line.kind == "field"
        and line.key in _ENUM_BADGES - {"phase"}  # "Phase: Phase 2 · Phase 3" is one value
        and line.value is not None
        and line.value_start is not None
        and ("·" in line.value or "•" in line.value)
        and (cut := _DOT_SEPARATOR.search(line.value)) is not None
    ):  # "Status: Recruiting · Phase 1 · 12 participants": the label's value, then badges
        rest, rest_at = line.value[cut.end() :], line.value_start + cut.end()
        value = line.value[: cut.start()]
        _consume(state, line._replace(value=value, end=line.value_start + len(value)))
        _consume_free(state, Line(rest_at, rest_at + len(rest), rest, line.indent, "free"))
        return
    if line.kind == "field":
        origin = "table" if line.text.startswith("|") else "label"
        if line.key == "arms" and origin == "label" and state.section.key in _BEFORE_ANY_LIST:
            # "Arm Group Label: Cohort 1" with no heading over the arms: their section,
            # so that the "Description: …" under each is the arm's
            _open_arms(state, line)
        _add_field(state, line.key, line.label, line.value, origin, line.start, line.end)
        if line.key in _WRAPPING_FIELDS and origin == "label" and _is_wrapped(line):
            state.wrapping = len(state.fields) - 1
        return
    if line.kind == "record" and _add_record(state, line):
        return
    if (
        state.section.key in _TYPED_OUTCOMES
        and state.levels.get(state.section.ordinal) == state.headings.get(line.start)
        and (typed := _TYPED_OUTCOME_HEADING.match(line.text)) is not None
    ):  # "### Primary endpoint" / … / "### Secondary": the next type's list, a sibling
        _flush_pending(state)
        key = _OUTCOME_TYPE_SECTIONS.get((typed["type"] or "").lower(), "other_outcomes")
        _open_section(state, line._replace(kind="heading", key=key, label=line.text))
        return
    if _ends_a_headed_list(state, line) or (
        line.text[:1].isdigit() and _ends_a_numbered_list(state, line)
    ):
        _flush_pending(state)  # "## Study team" after a list: a heading the lexicon lacks
        _open_section(state, line._replace(kind="heading", key="details", label=line.text))
        return
    if " | " in line.text and ":" in line.text and (parts := _labelled_parts(line)) is not None:
        for part in parts:  # "Study ID: NCT… | Sponsor: …"
            _consume(state, part)
        return
    _consume_free(state, line)


def _names_the_sponsor(state: _State, line: Line) -> bool:
    """A "Name" label right after the sponsor's type ("Primary sponsor type" / "Hospital")."""
    if not state.fields or line.label is None or not _SPONSOR_PART.match(line.label):
        return False
    return "sponsor" in (state.fields[-1].label or "").lower()


def _names_follow(state: _State, line: Line) -> bool:
    """Whether the line under ``line`` gives a name ("Name: X", "Organisation name" / …)."""
    after = _lines_after(state, line)
    label = after[0].split(":", 1)[0].split("|", 1)[0].strip() if after else ""
    return _SPONSOR_PART.match(label) is not None


def _in_sponsor_block(state: _State, line: Line) -> bool:
    """A "Country" row under a sponsor block's name ("Primary sponsor" / "Name: X" /
    "Country: United States of America"): where the sponsor is, which may not be where the
    trial runs (``facts.countries`` takes it only when the page names no other)."""
    if not state.fields or (line.label or "").casefold() != "country":
        return False
    last = state.fields[-1]
    return last.key == "lead_sponsor" and (
        last.origin == "label_block" or _SPONSOR_PART.match(last.label or "") is not None
    )


def _pending_sponsor(state: _State, line: Line) -> Line | None:
    """The sponsor's value-less label when ``line`` gives its name as a field ("Name: …")."""
    pending = state.pending
    if (
        pending is None
        or pending.key != "lead_sponsor"
        or line.kind != "field"
        or line.value is None
        or line.label is None
        or _SPONSOR_PART.match(line.label) is None
    ):
        return None
    return pending


def _is_wrapped(line: Line) -> bool:
    """Whether a line was hard-wrapped: long, and not at a sentence's or a list's end."""
    return line.end - line.start >= _WRAP_WIDTH and not line.text.endswith(_ENDS_VALUE)


def _continues_value(state: _State, line: Line) -> bool:
    """Join a hard-wrapped value's next line to its field ("Title of Study: A Phase 1/2 …
    an Autologous" / "Fully Human Anti-CD19 …"): no blank line between, no list marker."""
    if state.wrapping is None:
        return False
    wrapped = state.fields[state.wrapping]
    if (
        not on_next_line(state.text, wrapped.end, line.start)
        or has_list_marker(line.text)
        or _FIELD_LINE.match(line.text)  # "Short title: CASTLE" is a field of its own
        or (  # "title: …" / "permalink: /trials/…": front matter's next key
            _RECORD_KEY.match(f"{wrapped.label or ''}: ") and _RECORD_KEY.match(line.text)
        )
        or badge_kind(line.text, state.section.key) in _ENUM_BADGES  # "Phase 1" alone
    ):
        return False
    value = join_wrapped(wrapped.value or "", line.text)
    state.fields[state.wrapping] = wrapped._replace(value=value, end=line.end)
    if not _is_wrapped(line):
        state.wrapping = None
    return True


def _read_field_table(state: _State, line: Line) -> bool:
    """A field table's header, or one of its rows: a field per non-empty cell (see field_tables)."""
    header = table_header(line.text)
    if header is not None:
        _flush_pending(state)
        state.table = _FieldTable(*header)
        return True
    table = state.table
    cells = row_cells(line.text) if table is not None else None
    if table is None or cells is None:  # a row with no header above it, or no row
        state.table = None
        return False
    for key, label, cell in zip(table.columns, table.labels, cells, strict=False):  # may be short
        if key is None or not cell.text:
            continue
        start, end = line.start + cell.start, line.start + cell.end
        if key in table.joined:  # "Phase 1" over "Phase 2": phases 1 and 2
            first = state.fields[table.joined[key]]
            value = f"{first.value}, {cell.text}"
            state.fields[table.joined[key]] = first._replace(value=value, end=end)
            continue
        if key in JOINED_COLUMNS:
            table.joined[key] = len(state.fields)
        _add_field(state, key, label, cell.text, "table", start, end)
    return True


def _label_end(value: str, at: int) -> int | None:
    """Where the field label starting ``value`` at ``at`` ends ("Sponsor:" in "Sponsor: X")."""
    found = match_label_colon(value[at:])
    if found is None or normalize_label(found.label) not in FIELD_BY_TERM:
        return None
    return at + len(found.label)


def _labelled_parts(line: Line) -> list[Line] | None:
    """A line that goes on with more labelled fields, cut into one line each.

    Only where a separator (";", "|", spaces) is followed by a field label and a
    colon: a value may itself hold colons ("Ratio 1:1"). A free line is cut only at
    pipes ("Study ID: NCT… | Sponsor: …"), where its first part need not be a field.
    Callers test for a colon (and on a free line a spaced pipe) first: most lines fail.
    """
    free = line.kind == "free"
    value, at = (line.text, line.start) if free else (line.value, line.value_start)
    if value is None or at is None or line.text.startswith("|"):  # a table row: its cells
        return None
    cuts: list[re.Match[str]] = []
    # A label opening the value ("Primary Sponsor: Name of Primary Sponsor: X") is a
    # field of its own, and covers the shorter labels inside it ("Primary Sponsor").
    covered = (_label_end(value, 0) or 0) if not free else 0
    if covered:
        cuts.append(_AT_START.match(value))  # type: ignore[arg-type]
    for m in (_PIPE if free else _PART_SEPARATOR).finditer(value):
        if m.start() < covered or (end := _label_end(value, m.end())) is None:
            continue
        cuts.append(m)
        covered = end
    if not cuts:
        return None
    first = value[: cuts[0].start()]
    if free:
        parts = [classify_line(at, at + len(first), first, line.indent)]
    elif first.strip():
        parts = [line._replace(value=first, end=at + len(first))]
    else:  # "Primary Sponsor: Name of Primary Sponsor: X": the outer label holds no value
        parts = [line._replace(kind="label", value=None, value_start=None)]
    ends = [m.start() for m in cuts[1:]] + [len(value)]
    for cut, end in zip(cuts, ends, strict=True):
        piece = value[cut.end() : end]
        rest = _PIPE.search(piece) if free else None
        if rest is not None:  # "Start: Mar 2024 | 24 participants": bare values after it
            parts.append(
                classify_line(
                    at + cut.end(),
                    at + cut.end() + rest.start(),
                    piece[: rest.start()],
                    line.indent,
                )
            )
            piece_at = at + cut.end() + rest.end()
            parts.append(classify_line(piece_at, at + end, piece[rest.end() :], line.indent))
            continue
        parts.append(classify_line(at + cut.end(), at + end, piece, line.indent))
    return parts


def _consume_free(state: _State, line: Line) -> None:
    value = strip_markup(line.text)
    if (
        _continues_number(state, line, value)
        or _continues_age_range(state, line, value)
        or _continues_age_limits(state, line, value)
        or _continues_phases(state, line, value)
        or _continues_assignments(state, value)
        or _translates_last_value(state, line, value)
        or _continues_wrapped_value(state, line)
    ):
        return
    pending = state.pending
    if (
        pending is not None
        and pending.label is not None
        and (dated := _DATED_VALUE.match(value)) is not None
    ):  # "Actual Enrollment  ICMJE" / "(submitted: January 15, 2025)⇥8": the label's date
        pending = state.pending = pending._replace(label=f"{pending.label} ({dated['remark']})")
        value = dated["value"]
    if pending is not None and pending.label is not None and _REMARK_LINE.match(value):
        state.pending = pending._replace(label=f"{pending.label} ({value})")
        return
    if pending is not None and _BARE_LABEL.match(value) and len(value.split()) <= _MAX_LABEL_WORDS:
        return  # the value comes next
    if pending is not None and pending.key == "lead_sponsor" and _SPONSOR_PART.match(value):
        return  # "Sponsor" / "Institute" / "Kyoto University Hospital": the name comes next
    if pending is not None and pending.key == "lead_sponsor" and _SPONSOR_KIND.match(value):
        if _names_follow(state, line):
            return  # "Primary sponsor" / "Hospital" / "Name: X"
        state.pending = pending = None  # a kind, no name: the page does not say who
    if (
        pending is not None
        and pending.key == "intervention"
        and state.section.key == "arms"
        and (bare := BARE_ARM_TYPE.match(value)) is not None
        and (value.isupper() or bare["suffix"])
    ):  # not "Arm type" / "Experimental": that label's value
        state.pending = None  # "Intervention" / "Experimental group": a group's name
        _consume_free(state, _as_free(pending))
        pending = None
    elif (
        pending is not None
        and _is_explainer(value)
        and (pending.key in TYPED_FIELDS or _is_sentence(value))
        and _value_follows(state, line, pending.key)
    ):
        # "Phase" / "From Phase 1 (first in human) to Phase 4." / "Phase 2", "Sponsor" / "The
        # organisation responsible for the study." / "X": the site's explainer under a
        # label, not its value, though words of it may read as one; the value comes next.
        state.section.lines.append(line)
        return
    elif pending is not None and (
        accepts(pending.key, value)
        or is_placeholder(value)
        or (pending.key == "enrollment" and is_zero_count(value))  # a count or a placeholder:
    ):  # the marts tell by the trial's status (a withdrawn trial enrolled no one)
        state.pending = None
        _add_field(state, pending.key, pending.label, value, "label_block", pending.start, line.end)
        return
    _flush_pending(state)
    if state.section.key == "dates" and (parts := dated_parts(line.text)) is not None:
        for part in parts:  # "Study start 2025-03; primary completion 2027-06"
            start = line.start + part.start
            _add_field(
                state,
                part.key,
                part.label,
                part.value,
                "label",
                start,
                start + part.end - part.start,
            )
        return
    if (line.text[-1] == "?" or ":" in line.text) and _ends_a_list(state, line):
        _close_list(state, line)  # "What happens …?", "Participant type: Patient"
    # Before the line is read as one badge: "Recruiting · Phase 2" is two, not a status.
    if _may_be_badge_row(line.text) and _add_badge_row(state, line):
        return
    badge = state.badges.read(line.text, state.section.key)
    if (
        badge in _DATES_BY_ORDER
        and state.last_free
        and (_is_unknown_label(state.last_free.text) or _prose_follows(state, line))
    ):
        # A bare date is a start or end date only by the order dates come in; after a
        # label the lexicon lacks ("Date submitted" / "15/01/2024") it is that label's, and
        # between a headline and its first paragraph it is a news item's dateline.
        state.badges.unread()
        badge = None
    if badge == "phase" and _extends_last_field(  # "PHASE1" / "PHASE2": one phase 1/2 trial
        state, line, lambda last: last.key == "phase" and last.origin == "badge", f", {line.text}"
    ):
        return
    if badge is not None:
        _add_field(state, badge, None, line.text, "badge", line.start, line.end)
        if (
            badge == "enrollment"
            and state.section.key not in _NO_GROUP_LISTING
            and GROUPS_LISTED.match(line.text)
        ):
            # "14 participants in 2 patient groups" over each group's label, type and
            # "Description:" (a site's arms, with no heading of their own)
            _open_section(state, Line(line.end, line.end, "", line.indent, "heading", "arms"))
        return
    state.section.lines.append(line)
    state.run.append(line)
    state.last_free = line


def _adds_how_it_turned_out(state: _State, line: Line) -> bool:
    """ "Sample size" / "Target: 16" / "Accrual to date:" / "Final: 15", or "Date of …" /
    "Anticipated" / "3/02/2025" / "Actual" / "17/02/2025": the lines under a planned value
    are the same field's (``transforms.values.settled`` picks the part to read)."""
    if state.pending is not None or not state.fields:
        return False
    last = state.fields[-1]
    if last.origin != "label_block" or last.value is None:
        return False
    text = strip_markup(line.text)
    if line.kind == "free" and OUTCOME_LINE.fullmatch(last.value.rsplit("; ", 1)[-1]):
        more = f" {text}"  # "… Actual" / "17/02/2025": the outcome's value, a line under it
    elif OUTCOME_LINE.match(text) is not None:
        more = f"; {text}"
    else:
        return False
    if not is_planned(last.value):
        remark = label_remark(last.label or "") or ""
        if not is_planned(remark):
            return False
        state.fields[-1] = last._replace(value=f"{remark} {last.value}")  # "(Anticipated)"
    return _extends_last_field(state, line, lambda _: True, more)


def _continues_number(state: _State, line: Line, value: str) -> bool:
    """Append a unit line to the number just read under a label ("Min age" / "18" / "years")."""
    return _continues_label_block(
        state,
        line,
        lambda last: (
            last.key in _UNIT_FIELDS
            and last.value is not None
            and last.value.isdigit()
            and _UNIT_LINE.match(value) is not None
        ),
        f" {value}",
    )


def _continues_age_range(state: _State, line: Line, value: str) -> bool:
    """An age range a line per part under its label ("Age" / "18 Years" / "to" / "65 Years")."""
    return _continues_label_block(
        state,
        line,
        lambda last: (
            last.key == "ages"
            and last.value is not None
            and (
                (value.casefold() in _RANGE_WORDS and _AGE_ALONE.match(last.value) is not None)
                or (last.value.endswith(_RANGE_ENDS) and _AGE_ALONE.match(value) is not None)
            )
        ),
        f" {value}",
    )


def _continues_age_limits(state: _State, line: Line, value: str) -> bool:
    """An age label's limits a line each, in both languages (ChiCTR: "年龄范围：" /
    "Participant age:" / "最小 18 岁" / "Min age 18 years" / "最大 65 岁" / "Max age 65 years")."""
    if _AGE_LIMIT_LINE.match(value) is None:
        return False
    return _extends_last_field(
        state,
        line,
        lambda last: last.key in ("ages", "min_age", "max_age") and last.value is not None,
        f"; {value}",
        lines_apart=None,
    )


_AGE_LIMIT_LINE = re.compile(
    r"^(?:最[小大]|min(?:imum)?|max(?:imum)?)\s*(?:age\s*)?\d{1,3}\s*(?:周?岁|years?)$", re.I
)
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "through"})
_RANGE_ENDS = tuple(f" {word}" for word in _RANGE_WORDS)
_AGE_ALONE = re.compile(r"^\d{1,3}\s*(?:years?|yrs?|months?|weeks?|days?)?$", re.IGNORECASE)


def _continues_phases(state: _State, line: Line, value: str) -> bool:
    """A second phase on the line under the first ("Phase" / "Phase 1" / "Phase 2")."""
    return _continues_label_block(
        state,
        line,
        lambda last: (
            last.key == "phase"
            and len(value) <= 20
            and "phase" in value.casefold()
            and accepts("phase", value)
        ),
        f", {value}",
    )


_CJK_WORDS = 4  # CJK characters that make a value Chinese, whatever codes it holds


def _translates_last_value(state: _State, line: Line, value: str) -> bool:
    """A bilingual page's English line under the value just read in Chinese, Japanese or
    Korean ("系统性红斑狼疮" / "Systemic lupus erythematosus"): the same value, which the
    field takes in English (the language of the lexicon, the enums and the analysts)."""
    if state.last_free is not None or state.pending is not None or not state.fields:
        return False
    last = state.fields[-1]
    if (
        last.origin != "label_block"
        or last.value is None
        or not latin_only(value)
        # "BCMA-CD19 CAR-T治疗难治性IgG4相关疾病": Chinese words around product codes
        or not (mostly_cjk(last.value) or len(CJK.findall(last.value)) >= _CJK_WORDS)
        or not on_next_line(state.text, last.end, line.start)
    ):
        return False
    state.fields[-1] = last._replace(value=value, end=line.end)
    return True


def _continues_label_block(
    state: _State, line: Line, goes_on: Callable[[Field], bool], more: str
) -> bool:
    """``_extends_last_field`` for a field just read from the line under its label."""
    if state.last_free is not None or state.pending is not None:
        return False
    return _extends_last_field(
        state,
        line,
        lambda last: last.origin == "label_block" and last.value is not None and goes_on(last),
        more,
        lines_apart=None,
    )


def _extends_last_field(
    state: _State,
    line: Line,
    goes_on: Callable[[Field], bool],
    more: str,
    lines_apart: int | None = 1,
) -> bool:
    """Append ``more`` to the last field when ``goes_on`` accepts ``line`` as more of it
    (and ``line`` is at most ``lines_apart`` lines below it); whether it did."""
    if not state.fields:
        return False
    last = state.fields[-1]
    if not goes_on(last) or (
        lines_apart is not None and state.text.count("\n", last.end, line.start) > lines_apart
    ):
        return False
    state.fields[-1] = last._replace(value=f"{last.value}{more}", end=line.end)
    return True


def _lines_after(state: _State, line: Line, count: int = 1) -> list[str]:
    """The next ``count`` lines with text after ``line`` (stripped), looked up in the page:
    a few readers decide a line by what stands under it."""
    after = state.text[line.end : line.end + _LOOK_AHEAD_CHARS].split("\n")[1:]
    return [text.strip() for text in after if text.strip()][:count]


_LOOK_AHEAD_CHARS = 600


def _frame_follows(state: _State, line: Line) -> bool:
    """Whether the next line with text is a time frame alone ("28 days post infusion")."""
    return any(is_time_frame(text) for text in _lines_after(state, line))


def _prose_follows(state: _State, line: Line) -> bool:
    """Whether the next line with text is a sentence of prose (long, with a full stop)."""
    return any(len(text) >= _PROSE_CHARS and "." in text for text in _lines_after(state, line))


_PROSE_CHARS = 60


def _is_unknown_label(text: str) -> bool:
    return _UNKNOWN_LABEL.match(text) is not None and len(text.split()) <= _MAX_LABEL_WORDS


def _may_be_badge_row(text: str) -> bool:
    """A cheap test before the separator regex, which every free line would otherwise meet."""
    return ("·" in text or "•" in text or "|" in text) and bool(BADGE_SEPARATOR.search(text))


_SAMPLE_SIZE = re.compile(r"^n\s*=\s*\d[\d,]*$", re.IGNORECASE)


def _add_badge_row(state: _State, line: Line) -> bool:
    """Bare values in one row ("Recruiting · Phase 1 · 12 participants"), if all are badges."""
    cuts = [0, *(i for m in BADGE_SEPARATOR.finditer(line.text) for i in m.span()), len(line.text)]
    parts = [(lo, line.text[lo:hi]) for lo, hi in zip(cuts[::2], cuts[1::2], strict=True)]
    if not 2 <= len(parts) <= _MAX_BADGES_IN_ROW:
        return False
    reader = BadgeReader(list(state.badges.seen))
    found = [reader.read(text, state.section.key) for _, text in parts]
    # a labelled part among them: "Ages 18–65 · Sexes: All · Healthy volunteers: No"
    labelled = [
        _labelled_badge(text) if key is None else None
        for key, (_, text) in zip(found, parts, strict=True)
    ]
    # "NCT… | Phase 3 | Recruiting | n=1210 | Sponsor": a digest's sample size, in a row only
    # (a line "n=3" under a cohort is the cohort's)
    found = [
        "enrollment" if key is None and _SAMPLE_SIZE.match(text) else key
        for key, (_, text) in zip(found, parts, strict=True)
    ]
    found = [key or (said[0] if said else None) for key, said in zip(found, labelled, strict=True)]
    badges = len(found) - found.count(None)
    # Every part a badge, or two and more beside names ("NCT… | Recruiting | Phase 1/2 |
    # Lupus Nephritis"), which stay as lines of their own.
    others = [text for (_, text), key in zip(parts, found, strict=True) if key is None]
    if others and (badges < 2 or not all(_is_name(t) for t in others)):
        return False
    state.badges = reader
    for key, (lo, text), said in zip(found, parts, labelled, strict=True):
        start = line.start + lo
        if key is None:
            state.section.lines.append(Line(start, start + len(text), text, line.indent, "free"))
            continue
        if said is not None:
            _, label, at = said
            _add_field(state, key, label, text[at:], "label", start + at, start + len(text))
            continue
        _add_field(state, key, None, text, "badge", start, start + len(text))
    return True


def _labelled_badge(text: str) -> tuple[str, str, int] | None:
    """(field, label, where the value starts) of a badge row's "Label: value" part whose
    value the field reads ("Sexes: All", "Healthy volunteers: No"), else None."""
    found = match_label_colon(text)
    if found is None or not found.value:
        return None
    key = FIELD_BY_TERM.get(normalize_label(found.label))
    if key is None or key not in TYPED_FIELDS or not accepts(key, found.value):
        return None
    return key, found.label, len(text) - len(found.value)


def _is_ticked_phase(label: str | None) -> bool:
    """ "E.7.1 Human pharmacology (Phase I)": the EU register's trial type, ticked."""
    return label is not None and "(phase" in label.casefold()


def _is_ticked(line: Line | Field) -> bool:
    """A box of the EU register's form ticked: a trial type ("E.7.1 Human pharmacology
    (Phase I): Yes") or a sex ("F.2.1 Female: Yes"), each a part of one field."""
    if line.key == "phase":
        return _is_ticked_phase(line.label)
    return normalize_label(line.label or "") in ("female", "male")  # the form's code dropped


def _is_explainer(text: str) -> bool:
    """A whole sentence of several words: no typed field's value."""
    return text.endswith(".") and len(text.split()) >= _MIN_EXPLAINER_WORDS


def _value_follows(state: _State, line: Line, key: str) -> bool:
    """Whether the line under a label's sentence is the label's value, the sentence the
    site's explainer between them. A sentence with no such line after it is the value
    itself ("Study Size" / "Approximately 8 per cohort … (total 24)."), as is one followed
    by a badge or another label ("Condition" / "Lupus nephritis (kidney …)." / "Recruiting").
    An untyped field's explainer speaks of the field, not of this trial: "The organisation
    responsible for the study." """
    if not line.text[:1].isupper():
        return False  # "Enrollment" / "about twelve patients are expected …" / "24 months"
    start = line.end + 1
    end = state.text.find("\n", start)
    below = strip_markup(state.text[start : len(state.text) if end < 0 else end].strip())
    if not below or _is_explainer(below) or _LABEL_LIKE.match(below):
        return False
    if classify_line(start, start + len(below), below, 0).kind in ("heading", "label", "field"):
        return False  # "Medical condition" / "Patients with …." / "Therapeutic area"
    if key in TYPED_FIELDS:
        if key == "enrollment":
            return COUNT_VALUE.match(below) is not None  # not "24 months"
        return accepts(key, below)
    return (
        line.text.split(maxsplit=1)[0].casefold() in _EXPLAINER_OPENS
        and badge_kind(below, state.section.key) is None
        and len(below.split()) <= _MAX_NAME_VALUE_WORDS
        and not _is_sentence(below)
    )


_MAX_NAME_VALUE_WORDS = 12
# How a site's explainer of a field opens: "The organisation responsible for …", "This is
# the …", "Who pays for …"; a value's sentence names its thing ("Lupus nephritis (…).").
_EXPLAINER_OPENS = frozenset(
    {"the", "this", "these", "how", "what", "who", "which", "where", "when", "here", "name"}
)


def _is_sentence(text: str) -> bool:
    """Words most of which are in lower case, as a sentence's are and a name's are not."""
    words = [word for word in text.split() if len(word) > _SHORT_WORD]
    return sum(word.islower() for word in words) * 2 > len(words)


_SHORT_WORD = 3  # "of", "the", "and": in names and sentences alike


def _is_name(text: str) -> bool:
    """A short name or code ("Lupus Nephritis", "NCT06111222"), not a phrase ("sponsored by …")."""
    return text[:1].isupper() and len(text.split()) <= _MAX_LABEL_WORDS


def _ends_a_list(state: _State, line: Line) -> bool:
    """An unmarked question or "Label: value" after a marked eligibility list.

    A heading or a field the lexicon lacks; inside a list whose items all carry a
    bullet or a number, an item would carry one too. Under a question heading
    ("Who can participate?"), the next question is the next heading, marked list or not.
    """
    section = state.section
    if (
        section.key not in CRITERIA_SECTIONS
        or not section.lines
        or len(line.text.split()) > _MAX_QUESTION_WORDS
        or has_list_marker(line.text)
        or _wrapped_onto(state, line)  # "…; 2." / "Central nervous system (CNS) disease: …"
    ):
        return False
    if line.text.endswith("?") and (section.heading or "").endswith("?"):
        return True
    return (
        (line.text.endswith("?") or _FIELD_LINE.match(line.text) is not None)
        and all(has_list_marker(ln.text) for ln in section.lines)
        # not a note or an item's sub-line between items ("Note: Class V is allowed.",
        # "   Renal function: eGFR ≥ 30"), when the list's items go on after it
        and not _list_goes_on(state, line)
    )


def _ends_related_list(state: _State, line: Line) -> bool:
    """A labelled id after a list of related trials is the page's own ("Trial ID: NCT…").

    Only when the list's entries are bare lines: entries written as labelled fields
    ("NCT Number: …" / "Title: …") would hold ids of their own.
    """
    section = state.section
    return (
        line.key in _OWN_ID_FIELDS
        and section.key == "related"
        and bool(section.lines)
        and not (state.fields and state.fields[-1].start >= section.start)
    )


def _close_list(state: _State, line: Line) -> None:
    """A label after an eligibility list's items ends the list (the page moved on)."""
    if state.section.key in CRITERIA_SECTIONS and state.section.lines:
        _end_section(state, line)


_LOOK_AHEAD_LINES = 2


def _list_goes_on(state: _State, line: Line) -> bool:
    """Whether one of the next two lines with text is a marked item (bullet or number)."""
    return any(has_list_marker(text) for text in _lines_after(state, line, _LOOK_AHEAD_LINES))


def _open_arms(state: _State, line: Line) -> None:
    """Open an arms section at ``line``, which no heading named."""
    _open_section(state, Line(line.start, line.start, "", line.indent, "heading", "arms"))


def _reopen(state: _State, interrupted: Section, at: int) -> None:
    """End the current section at ``at``; the section it interrupted goes on from there."""
    state.section.end = at
    state.sections.append(
        Section(len(state.sections), interrupted.key, interrupted.heading, at, at)
    )
    state.run = []
    state.last_free = None


def _goes_on_listing(state: _State, line: Line) -> bool:
    """Whether ``line`` is one more name of a list whose heading held the first ("Conditions:
    Systemic Lupus Erythematosus" / "Lupus Nephritis"): a short line right below, no
    digits, no label, no sentence; else the page moved on ("Ages 13 to 20 years")."""
    return (
        line.kind == "free"
        and on_next_line(state.text, state.section.lines[-1].end, line.start)
        and not _DIGITS.search(line.text)
        and ":" not in line.text
        and not line.text.endswith(".")
        and len(line.text.split()) <= _MAX_LISTED_WORDS
    )


def _end_section(state: _State, line: Line) -> None:
    """End the current section before ``line``; what follows is in no named section."""
    state.section.end = line.start
    state.sections.append(Section(len(state.sections), "details", None, line.start, line.start))
    state.run = []
    state.row_section = False


# A markdown heading of one outcome type's word alone, which the lexicon lacks: "### Secondary".
_TYPED_OUTCOME_HEADING = re.compile(
    r"^(?:key\s+)?(?:(?P<type>primary|secondary|tertiary|exploratory)"
    r"(?:\s+(?:outcomes?|endpoints?|measures?))?|other\s+(?:outcomes?|endpoints?))\s*:?$",
    re.IGNORECASE,
)
_OUTCOME_TYPE_SECTIONS = {"primary": "primary_outcomes", "secondary": "secondary_outcomes"}


def _ends_a_headed_list(state: _State, line: Line) -> bool:
    """A markdown heading the lexicon lacks, at the level of the list's own heading or above.

    "## Study team" ends a list opened by "### Exclusion criteria"; "### Adult cohort"
    under "## Eligibility" is the list's sub-heading. A list opened by a plain line
    ("Inclusion criteria:" under "## Eligibility criteria") stands at the level of the
    markdown heading above it.
    """
    level = state.headings.get(line.start)
    if level is None or state.section.key not in _HEADED_SECTIONS:
        return False
    levels = state.levels
    opened_at = next((levels[o] for o in range(state.section.ordinal, -1, -1) if o in levels), None)
    if opened_at is None:
        return False
    return level <= opened_at if state.section.key in _LIST_SECTIONS else level < opened_at


def _ends_a_numbered_list(state: _State, line: Line) -> bool:
    """A protocol's next numbered heading the lexicon lacks, after a list it numbered:
    "4.3 Withdrawal Criteria" or "5. STUDY TREATMENT" ends the list that "4.2 Exclusion
    Criteria" opened; its items "1.", "(i)" or "4.2.1" do not."""
    opened = state.numbers.get(state.section.ordinal)
    if opened is None or state.section.key not in _LIST_SECTIONS:  # callers test the digit
        return False
    found = _section_number(line.text)
    if found is None:
        return False
    number, title = found
    if len(title.split()) > _MAX_HEADING_WORDS or title.endswith(_SENTENCE_ENDS):
        return False
    if len(number) == 1 and _follows_item(state.section.lines, number[0]):
        return False  # "6. Signed informed consent" after "5. …": the list's next item
    depth = len(number)
    return number[0] > opened[0] or (
        depth <= len(opened)
        and number[: depth - 1] == opened[: depth - 1]
        and number[-1] > opened[depth - 1]
    )


def _follows_item(lines: list[Line], number: int) -> bool:
    """Whether one of ``lines`` is item ``number - 1`` of a list numbered "1.", "2.", …"""
    before = f"{number - 1}"
    return any(
        line.text.startswith(before)
        and (marker := _ITEM_NUMBER.match(line.text)) is not None
        and marker.group(1) == before
        for line in lines
    )


def _section_number(text: str) -> tuple[tuple[int, ...], str] | None:
    """ "4.2 Exclusion Criteria" as ((4, 2), "Exclusion Criteria"), if numbered so."""
    match = SECTION_NUMBER.match(text)
    if match is None:
        return None
    number = tuple(int(part) for part in _DIGITS.findall(match.group()))
    return number, text[match.end() :].strip()


def _open_section(state: _State, line: Line) -> None:
    """Open the section ``line`` heads; a heading with its value on the line goes on there.

    A contact or related-trials heading with its value on its line ("Principal
    Investigator: Dr A Kumar") is that one line: the fields after it are the page's
    again, in the section they interrupted. A conditions heading with its value on its
    line goes on only with names, a line each (``_goes_on_listing``).
    """
    if (level := state.headings.get(line.start)) is not None:
        state.levels[len(state.sections)] = level
    if line.text[:1].isdigit() and (number := _section_number(line.text)) is not None:
        state.numbers[len(state.sections)] = number[0]
    interrupted = state.section
    state.section.end = line.start
    body_start = line.value_start if line.value_start is not None else line.end
    state.sections.append(
        Section(len(state.sections), line.key, line.label, body_start, body_start)
    )
    state.run = []
    state.last_free = None
    state.row_section = line.value is not None and " | " in line.text
    state.inline_list = len(state.sections) - 1 if line.key == "conditions" and line.value else None
    if line.value is not None and line.value_start is not None:
        rest = classify_line(line.value_start, line.end, line.value, line.indent)
        _consume(state, rest if rest.kind != "heading" else _as_free(rest))
        if (
            line.key in FOREIGN_SECTIONS
            and state.section.key == line.key
            and not _wrapped_below(state, line)
        ):
            _reopen(state, interrupted, line.end)


def _wrapped_below(state: _State, line: Line) -> bool:
    """Whether a heading's inline sentence goes on below it ("Results: Twelve patients were
    enrolled … CRS" / "grade 1 occurred in 10/12"): unfinished, and a lower-case line next."""
    after = _lines_after(state, line)
    return (
        bool(after)
        and after[0][:1].islower()
        and not (line.value or "").rstrip().endswith(FINISHED)
        and on_next_line(state.text, line.end, state.text.find(after[0], line.end))
    )


# Values long enough to be hard-wrapped onto the next line, and read whole.
_WRAPPED_VALUES = frozenset({"title", "lead_sponsor", "intervention"})


def _continues_wrapped_value(state: _State, line: Line) -> bool:
    """Append ``line`` to the labelled title or sponsor on the line above when a text
    browser wrapped it there ("**Sponsor:** Union Hospital, …, Huazhong University of" /
    "Science and Technology"): the value ran to that line's end, and a cue below says it
    goes on."""
    if not state.fields or (last := state.fields[-1]).key not in _WRAPPED_VALUES:
        return False
    if last.origin not in ("label", "label_block") or state.pending is not None:
        return False
    if _LABEL_LIKE.match(line.text) is not None and not (
        line.kind == "free"
        and line.text[:1].islower()
        and " " in line.text.split(":", 1)[0]  # words, not a front matter's "permalink:"
    ):
        return False  # "Conditions: [9]Sjögren's Disease": the next label (not "… refractory"
        # / "systemic lupus erythematosus: a single-arm phase 1 study")
    starts = state.text.rfind("\n", 0, line.start) + 1
    above_starts = state.text.rfind("\n", 0, starts - 1) + 1
    if starts == 0 or not above_starts < last.end <= starts - 1:
        return False
    above = state.text[above_starts : starts - 1].rstrip()
    if state.text[last.end : starts - 1].strip() or len(above) < _WRAPPED_AT_LEAST:
        return False
    if state.text[starts : line.start].strip():
        return False  # the rest of a line a heading opened: "Conditions: [9]Sjögren's …"
    if badge_kind(line.text, state.section.key) is not None or _OWN_VALUE.match(line.text):
        return False  # "Recruiting", "Phase 1", "NCT…", "2024-03-01": a value of its own
    # A value cut on a word that cannot end it ("… University of" / "Science and
    # Technology", "… University" / "of Science …"), or on a hard-wrapped page at its
    # width, before a short tail ("… Huazhong" / "University of Science and Technology").
    # A line that merely ends near the width may be whole ("…, Indianapolis, IN").
    if not (
        _DANGLING_END.search(str(last.value)) is not None
        or line.text.startswith("of ")
        # "… CAR T cells in patients" / "with refractory myositis" (not a sponsor's "in
        # collaboration with …", a line of its own, nor a name: "iCell Gene …", "mRNA …")
        or (_LOWER_WORD_FIRST.match(line.text) is not None and last.key != "lead_sponsor")
        or (
            _broken_above(state, line)
            and (line.text[:1].islower() or len(line.text) <= _WRAPPED_TAIL)
        )
    ):
        return False
    return _extends_last_field(state, line, lambda _: True, f" {line.text}")


_WRAPPED_AT_LEAST = 50  # characters: a line a wrap may have broken
_LOWER_WORD_FIRST = re.compile(r"[a-z]+(?:[\s,;:./-]|$)")
_WRAPPED_TAIL = 40  # characters: the rest of a value, not a paragraph's line
_OWN_VALUE = re.compile(r"[^A-Za-z]|[A-Za-z-]*\d")  # a number, a date or an id first
_LABEL_LIKE = re.compile(r"^[^\W\d][^:\n]{0,40}:(?:\s|$)")
_DANGLING_END = re.compile(  # lower case only
    r"(?:(?<![\w-])(?:of|and|or|for|the|a|an|in|with|to|on|at|by|from|de|du|der|und)|\s&|,)$"
)


def _wrapped_onto(state: _State, line: Line) -> bool:
    """Whether ``line`` starts where a page hard-wrapped at a width broke a list numbered
    inline (see ``wraps_at``): its first words are the middle of an item, not a label."""
    return _broken_above(state, line) and _numbered_inline_so_far(state)


def _goes_on_boilerplate(state: _State, line: Line) -> bool:
    """The rest of an explainer sentence the page's width broke: it opens in lower case on
    the line right after one read as chrome ("Check the participation requirements, including
    inclusion and exclusion rules," / "age limits, and whether healthy volunteers are …")."""
    end, sentence = state.chrome
    return (
        line.text[:1].islower()
        and sentence
        and end >= 0
        and on_next_line(state.text, end, line.start)
        and _broken_above(state, line)
    )


def _broken_above(state: _State, line: Line) -> bool:
    """Whether the page was hard-wrapped at a width that broke the line above ``line``."""
    if (width := wrap_width(state.text)) is None:
        return False
    starts = state.text.rfind("\n", 0, line.start) + 1  # before its indent
    if starts == 0:
        return False
    above_starts = state.text.rfind("\n", 0, starts - 1) + 1
    above_end = above_starts + len(state.text[above_starts : starts - 1].rstrip())
    return broken_at(state.text, above_end, line.text, width, state.printed)


def _numbered_inline_so_far(state: _State) -> bool:
    """``numbered_inline`` of the open section's lines, read on from where it last stopped."""
    section, read, found = state.inline_numbers
    if section != len(state.sections):
        read, found = 0, False
    lines = state.section.lines
    found = found or numbered_inline(lines[read:])
    state.inline_numbers = (len(state.sections), len(lines), found)
    return found


_SITE_TITLES = frozenset({"clinical trials", "clinical trial"})


def _none_posted(state: _State) -> bool:
    """Whether the results section holds only its notice that there are none ("Study
    Results" / "No results posted."): the outcome headings after it are the plan's."""
    return bool(state.section.lines) and all(
        _NO_RESULTS.match(line.text) for line in state.section.lines
    )


_NO_RESULTS = re.compile(
    r"^no\s+(?:study\s+)?results?\s+(?:have\s+been\s+|are\s+|were\s+)?(?:posted|available)",
    re.IGNORECASE,
)


def _read_where_it_stands(state: _State, line: Line) -> Line:
    """A heading's or label's words that, where they stand, are something else: the
    line as it reads there (free text, a measure, a field), else the line itself."""
    section = state.section.key
    if line.kind == "heading":
        if (
            line.key == "related"
            and len(state.sections) == 1
            and not state.fields
            and normalize_label(line.label or "") in _SITE_TITLES
        ):  # "Clinical Trials" over the page: the site's or register's name, not a rail
            return line._replace(kind="boilerplate")
        if _is_block_label(state, line):
            return _as_free(line)
        if line.key == "interventions" and line.value is not None and section == "arms":
            # "Cohort 2" / "Experimental" / "Interventions: CD19 CAR-T": that arm's, the list
            # of arms going on
            return line._replace(kind="field", key="intervention")
        if line.value is not None and _CROSS_REFERENCE.match(line.value):
            return _as_free(line)  # "Outcome measures: see 'Outcome Measures' section."
        if line.key == "outcomes" and line.value_start is not None and section in _TYPED_OUTCOMES:
            # "Outcome Measure: …" under "Primary Outcome Measures": a measure of that type
            return Line(line.value_start, line.end, line.value or "", line.indent, "free")
        if (
            (section in WITHIN_RESULTS or (line.value is None and _frame_follows(state, line)))
            and FIELD_BY_TERM.get(normalize_label(line.label or "")) == "time_frame"
        ):  # "Time frame" under a measure is its frame's label, not the study's dates (and
            # anywhere with a frame under it: "Time frame" / "28 days post infusion"; over
            # "Start Date: …" it heads the study's dates)
            return line._replace(kind="field" if line.value else "label", key="time_frame")
        if section == "results" and line.key in WITHIN_RESULTS and not _none_posted(state):
            return _as_free(line)  # "Study Results" / "Outcome Measures": a result, not a plan
        if (
            line.key == "results"
            and section in OUTCOME_SECTIONS
            and _is_measure_in_list(state, line)
        ):
            return _as_free(line)  # "- Adverse events" / "Time frame: up to 2 years"
    if (
        line.kind == "label"
        and normalize_label(line.label or "") == "intervention"
        and section == "arms"
        and not TYPED_INTERVENTION.match(" ".join(_lines_after(state, line)))
        and state.section.heading is not None
        and state.text[: state.section.start].rstrip().endswith(":")  # a list's label
        and state.pending is None
        and not state.section.lines
        and not (state.fields and state.fields[-1].start >= state.section.start)
    ):  # "Arms:" / "Intervention" / "Enhanced usual care": the first arm's name
        return _as_free(line)
    pending = state.pending
    if (
        line.value is None
        and pending is not None
        and pending.key in _CODED_FIELDS
        and accepts(pending.key, line.text)
    ):  # "Primary purpose" / "Treatment": a code the label waits for, not a label
        return _as_free(line)
    return line


def _is_measure_in_list(state: _State, line: Line) -> bool:
    """A results heading's words as one measure of the outcome list they stand in.

    Not a markdown heading, no value after a colon, and either a list item's marker
    before it or its time frame right after it: "- Adverse events", "Adverse events" /
    "Up to 2 years", "Adverse events" / "Time frame: up to 2 years". ClinicalTrials.gov's
    posted "Adverse Events" module opens with a labelled time frame too, but in title
    case, as headings are written, and never right under an outcome sub-heading.
    """
    if line.start in state.headings or line.value is not None:
        return False
    if normalize_label(_ITEM_NUMBER.sub("", line.label or "")) not in MEASURED_RESULTS:
        return False
    line_start = state.text.rfind("\n", 0, line.start) + 1
    if has_list_marker(state.text[line_start : line.start].lstrip() + line.text[:4]):
        return True
    before = state.text.rfind("\n", 0, max(0, line_start - 1)) + 1
    if _BARE_LABEL.match(state.text[before : max(before, line_start - 1)].strip()):
        return True  # "Type:" / "Adverse events": the value of a label (ChiCTR's outcome type)
    # "Adverse Events" / "Time Frame: …" is the posted results' module, in title case as
    # headings are written, unless an outcome sub-heading stands right above it
    first = not state.section.lines and state.section.heading is not None
    if line.text.istitle() and not first:
        return False
    below = _line_below(state, line.end)
    return _TIME_FRAME_LABEL.match(below) is not None or is_time_frame(below)


def _is_block_label(state: _State, line: Line) -> bool:
    """A heading's words used inside a block: not a new section.

    "Description: …" inside an outcome or arm block (or a posted result's) describes the
    block; in an arms section, "Intervention/Treatment" is the column header of its table
    printed as a line (ClinicalTrials.gov), not the interventions section.
    """
    if line.key == "summary":
        if state.section.key in ("arms", "interventions"):
            # "Description" over an arm's words, "Description: …" or "Summary: …"; "About"
            # alone after a site's "Treatments" heading opens its summary
            return line.value is not None or normalize_label(line.label or "").endswith(
                "description"
            )
        # "Description: …" in a block; "Description⇥" with no value, over the block's next part
        bare = normalize_label(line.label or "") == "description" and _part_follows(state, line.end)
        return (line.value is not None or bare) and state.section.key in WITHIN_RESULTS
    if line.key != "interventions" or state.section.key != "arms":
        return False
    if "/" in line.text:  # "Intervention/Treatment": a column's name
        return True
    # "Dose levels:" over one arm's levels, in lines; a table of levels is its own section
    if line.start in state.headings or not normalize_label(line.label or "").startswith("dos"):
        return False
    after = state.text[line.end : line.end + 200].lstrip()
    return not after.startswith("|")


def _arm_key(line: Line) -> Line | None:
    """An arm's own key in a list of arms: its label ("label", "name", "title") or type."""
    match = _ARM_KEY.match(line.text)
    if match is None:
        return None
    key = "arm_type" if match.group("key").lower() == "type" else "arms"
    value_start = line.start + match.start("value")
    return line._replace(
        kind="field",
        key=key,
        label=match.group("key"),
        value=match.group("value"),
        value_start=value_start,
    )


def _is_list_item(state: _State, line: Line) -> bool:
    """ "• Age: 18-60 years" in an eligibility list is a criterion, not the page's age field
    (so is "(a) Age: 5-18 years", a lettered list's). Under a finder's "Who can join",
    neither inclusion nor exclusion, "• Sex: All" and "• Healthy volunteers: No" are the
    page's fields."""
    if (
        state.section.key == "eligibility"
        and line.key in ("sex", "healthy_volunteers")
        and line.value is not None
        and accepts(line.key, line.value)
    ):
        return False
    return state.section.key in CRITERIA_SECTIONS and (
        has_list_marker(line.text) or _LETTER_MARKER.match(line.text) is not None
    )


_LETTER_MARKER = re.compile(r"^(?:\([a-z]\)|\[\d{1,2}\]|[a-z]\))\s")


def _row_as_item(line: Line) -> Line:
    """A table row of an eligibility list as one free line: its cells, outer pipes dropped."""
    inner = line.text.strip("|")
    lead = len(inner) - len(inner.lstrip())
    body = inner.strip()
    if not body:
        return Line(line.start, line.end, line.text, line.indent, "boilerplate")
    start = line.start + (len(line.text) - len(line.text.lstrip("|"))) + lead
    return Line(start, start + len(body), body, line.indent, "free")


def _drop_table_header(state: _State) -> None:
    """The row above a table's separator ("|---|---|") names its columns: no criterion."""
    lines = state.section.lines
    if lines and lines[-1] is state.last_row:
        header = lines.pop()
        state.run = [ln for ln in state.run if ln is not header]
        state.last_free = state.last_row = None
        state.columns = criteria_columns(header)


def _close_columns(state: _State) -> None:
    """Each column of a side-by-side criteria table as its own section, in column order."""
    table, state.columns = state.columns, None
    if table is None:
        return
    columns = [
        (key, heading, cells)
        for key, heading, cells in zip(table.keys, table.headings, table.cells, strict=True)
        if key is not None and cells
    ]
    if columns:
        state.section.end = min(cells[0].start for _, _, cells in columns)
    for key, heading, cells in columns:  # each runs to its last cell, though they interleave
        ordinal = len(state.sections)
        state.sections.append(Section(ordinal, key, heading, cells[0].start, cells[-1].end, cells))
    state.run = []
    state.last_free = None


def _wraps_an_item(state: _State, line: Line) -> bool:
    """A heading's or a label's words in lower case with no colon, right after an unfinished
    item of an eligibility list: the rest of that item, hard-wrapped ("… requiring systemic" /
    "  treatment" is no intervention's label)."""
    if (
        not line.text[:1].islower()
        or line.text.endswith((":", "："))
        or state.section.key not in CRITERIA_SECTIONS
        or not state.section.lines
    ):
        return False
    last = state.section.lines[-1].text.rstrip()
    return (
        has_list_marker(last)
        and len(last) >= _WRAPPED_LINE
        and not last.endswith((".", ";", ":", "!", "?", "。"))
        # an all-lower-case page's heading stands at the margin, unless the page's width
        # broke the line above
        and (line.indent > 0 or _broken_above(state, line))
    )


_WRAPPED_LINE = 40  # characters: a line this long that stops mid-sentence was wrapped


def _in_masthead(state: _State) -> bool:
    """Whether nothing but the page's first few lines came before: no section, no field."""
    return len(state.sections) == 1 and not state.fields and len(state.section.lines) <= 4


def _as_free(line: Line) -> Line:
    return Line(line.start, line.end, line.text, line.indent, "free")


def _continues_assignments(state: _State, value: str) -> bool:
    """More ``name="value"`` parts of the field just read, on lines of their own.

    CTRI prints "Target Sample Size | Total Sample Size="10"" then "Sample Size from
    India="10"", and "Estimated Duration of Trial | Years="2"" then "Months="0"": the
    later lines belong to that field, not to the list the page was in before it.
    """
    if state.run or state.pending is not None or not state.fields:
        return False
    last = state.fields[-1].value
    return last is not None and bool(_ASSIGNMENTS.fullmatch(last) and _ASSIGNMENTS.fullmatch(value))


def _flush_pending(state: _State) -> None:
    """A label followed by another label lost its value: keep it, with no value."""
    if state.pending is not None:
        label, state.pending = state.pending, None
        _add_field(state, label.key, label.label, None, "label", label.start, label.end)


def _add_field(
    state: _State, key: str, label: str | None, value: str | None, origin: str, start: int, end: int
) -> None:
    if (
        key == "time_frame"
        and state.run
        and state.section.key not in OUTCOME_SECTIONS
        and state.section.key not in FOREIGN_SECTIONS  # a posted result's time frame
    ):
        _infer_outcome_section(state)
    if key == "title" and state.section.key in OUTCOME_SECTIONS and _part_follows(state, end):
        key = "measure_title"  # a result's "Title:⇥Number of Participants With …": a measure's
    elif (
        key == "title" and value and " " not in value.strip() and _NAMES_A_TRIAL.match(label or "")
    ):
        key = "acronym"  # "Trial name: RESET-SLE"
    state.fields.append(Field(key, label, value, origin, state.section.key, start, end))
    state.run = []
    state.last_free = None


_NAMES_A_TRIAL = re.compile(r"\s*(?:study|trial)\s+name\b", re.IGNORECASE)
_MEASURE_PART = re.compile(r"(?:time\s*frame|description)\b", re.IGNORECASE)


def _part_follows(state: _State, end: int) -> bool:
    """Whether the line after ``end`` is a measure's part ("Time Frame:", "Description:"):
    the "Title:" above it names the measure, not the trial."""
    return _MEASURE_PART.match(_line_below(state, end)) is not None


def _line_below(state: _State, end: int) -> str:
    """The text of the line right after the one that ends at ``end`` (blank or not), stripped."""
    after = state.text.find("\n", end) + 1
    if after == 0:
        return ""
    below = state.text.find("\n", after)
    return state.text[after : below if below >= 0 else None].strip()


def _infer_outcome_section(state: _State) -> None:
    """Move the current run of free lines into a new, inferred outcome section."""
    first = state.run[0]
    old = state.section
    old.lines = [ln for ln in old.lines if ln.start < first.start]
    old.end = first.start
    inferred = Section(len(state.sections), "outcomes", None, first.start, first.start)
    inferred.lines = list(state.run)
    state.sections.append(inferred)


def _add_record(state: _State, line: Line) -> bool:
    """A dumped record's fields; schema.org markup a site generates for search engines
    ranks below what the page shows ("markup"), and its lists are of other trials."""
    obj = parse_record(line.text)
    if obj is None:
        return False
    markup = isinstance(obj, dict) and ("@type" in obj or "@context" in obj)
    if markup and ("itemListElement" in obj or obj.get("@type") == "ItemList"):
        return True  # "Related trials" as markup: read, and none of it this trial's
    found = record_fields(obj)
    for key, path, value in found:
        _add_field(
            state, key, path, value, "markup" if markup else "protocol", line.start, line.end
        )
    return bool(found)
