"""marts.endpoints — one row per outcome measure of a trial.

Outcome sections hold blocks: a measure line, description lines, and a time
frame ("Time frame: 28 days", a bare "3 Months" line, or an inline
"[Time Frame: 6 months]"). The heading says PRIMARY or SECONDARY when the
page says so, as does a sub-heading inside one outcomes section ("### Primary",
"Secondary outcome measures:"); otherwise the type is NULL. Boilerplate never
enters a block, and a sub-heading is never a measure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.marts.prose_endpoints import prose_endpoint_rows, type_listed_endpoints
from transforms.schemas import ENDPOINTS, frame_of
from transforms.text.badges import is_placeholder
from transforms.text.lexicon import FIELD_TERMS, GROUP_NOUNS, OUTCOME_SECTIONS, normalize_label
from transforms.text.scripts import latin_only, mostly_cjk
from transforms.text.tables import (
    cell_lines,
    column_lexicon,
    column_roles,
    spaced_cells,
    table_cells,
)
from transforms.text.wraps import ends_open, goes_on_after_wrap, join_wrapped, wrap_width, wraps_at
from transforms.values import enums
from transforms.values.durations import is_time_frame, parse_time_frame_days

Row = dict[str, object]
_TYPE_BY_SECTION = {
    "primary_outcomes": "PRIMARY",
    "secondary_outcomes": "SECONDARY",
    "other_outcomes": "OTHER",
}
_LETTER = re.compile(r"[^\W\d_]")
# The rows of a posted result's data under its measure ("Overall Number of Participants
# Analyzed | 12").
_RESULT_ROW = re.compile(
    r"^(?:arm\s*/\s*group\s+(?:title|description)|overall\s+number\s+of\s+(?:participants|units)"
    r"\s+analy[sz]ed|measure\s+type|unit\s+of\s+measure|(?:analysis\s+)?population\s+description"
    r"|statistical\s+analysis(?:\s+\d+)?|number\s+analy[sz]ed)\s*(?:[|:\t]|$)"
    r"|(?:mean|median|geometric\s+mean|least\s+squares\s+mean)\s*\((?:sd|se|standard|range"
    r"|full\s+range|95%|iqr|inter)",
    re.IGNORECASE,
)
# A results block's own heading, which a finder may also print over its outcome list: no
# measure, and no section of its own.
_RESULTS_LINE = re.compile(
    r"^(?:(?:(?:trial|study)\s+)?results?(?:\s+(?:summary|and\s+outcomes))?|summary\s+of\s+results)$",
    re.IGNORECASE,
)
# A list's words for having no measures: "No secondary outcome measures".
_NONE_STATED = re.compile(
    r"^no\s+(?:\w+\s+){0,2}(?:outcome\s+measures?|outcomes?|end\s*-?\s*points?|results?)"
    r"(?:\s+(?:have\s+been|has\s+been|were|are|was|is)?\s*(?:defined|specified|provided|planned"
    r"|listed|reported|posted)(?:\s+for\s+this\s+(?:study|trial))?)?\.?$"
    # a page's notice in the measures' place: "Outcome measures will be reported when
    # results are posted.", "Information not provided by the sponsor."
    r"|^(?:outcome\s+measures?|outcomes?|results?)\s+will\s+be\s+(?:reported|posted|provided)"
    r"\s+(?:when|once|after|upon)\b"
    r"|^information\s+not\s+(?:provided|available)\b",
    re.IGNORECASE,
)
# A measure's type in brackets after it: "Complete renal response at Week 52 (main goal)".
_TRAILING_TYPE = re.compile(
    r"\s*\((?P<type>main\s+goal|(?:key\s+)?(?:primary|secondary)(?:\s+(?:endpoint|outcome|goal))?)"
    r"\)\s*$",
    re.IGNORECASE,
)
# "QMG score (Week 24)", "Incidence of CRS (Time frame: 90 days)".
_TRAILING_FRAME = re.compile(
    r"[(\[](?:\s*time\s*(?:frames?|points?)\s*[:：]\s*)?(?P<frame>[^()\[\]]{1,80})[)\]]\s*$",
    re.IGNORECASE,
)
# A measure that ends by saying when: "… at month 6", "… until 12 weeks after infusion".
# "… measured at baseline, 3, 6 and 12 months", "… from infusion to day 90" (ISRCTN).
_FRAME_CLAUSE = re.compile(
    r"\b(?:(?:at|until|up\s+to|through|over|by|within|after|(?:in|during)\s+the\s+first)\s+"
    r"(?:day|week|month|year|baseline|screening|\d)"
    r"|from\s+(?:infusion|day|week|month|\d)"  # not "change from baseline" alone,
    r"|from\s+baseline\s+(?:to|until|through)\s+(?:day|week|month|year|\d))"  # but "… to month 12"
    r"[^;()]*$",
    re.IGNORECASE,
)
# A semicolon a writer typed, with a space after it; WHO ICTRP joins a record's measures
# with bare ones ("Total improvement score (TIS);CK level;"), each then a measure.
_SPACED_SEMICOLON = re.compile(r";\s+\S")
# A time frame glued to the measure's last word, its table cell's border lost: "DLTs28 days".
_GLUED_FRAME = re.compile(
    r"(?<=[A-Za-z)])\d{1,3}\s*(?:days?|weeks?|months?|years?|hours?)$", re.IGNORECASE
)
_MAX_CLAUSE = 200  # characters: a frame clause is a few words
_DASH = re.compile(r"\s[-–—·]\s")
_COMMA = re.compile(r",\s*|;\s+|\s+[-–—·/]\s+")  # "Dose-limiting toxicity (DLT) / Day 28"
# Where a frame after a comma or a dash may start: a number or a time word
# ("…, 12 and 24 weeks", "… — up to 28 days").
_FRAME_START = re.compile(
    r"(?:\d|[DWMY]\d|(?:day|week|wk|month|year|baseline|screening|up\s+to|from|through|within"
    r"|until|at(?!\s+least)|approx(?:imately|\.)?|about|after)\b)",
    re.IGNORECASE,
)
# An item number inside a value: "1. DORIS remission 2. SLEDAI-2K change from baseline".
_INLINE_ITEM = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})[.)]\s+(?=\S)")
# A number that counts something ("week 2. Assessed …") ends a sentence; it numbers no item.
_WORD_WINDOW = 16
_COUNTED_BEFORE = re.compile(
    r"\b(?:week|day|month|year|visit|cycle|grade|phase|type|class|stage|part|level|cohort|arm"
    r"|dose|version|v)\s*$",
    re.IGNORECASE,
)
# The number a list item starts with, as a label's block value keeps it: "1. 28 days".
_LIST_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})[.)]\s+")
# A measure stated in a sentence with its type: "The primary outcome is X, assessed at
# 12 weeks.", "A secondary endpoint will be Y."
# "Secondary endpoints include A at week 24, B …, and C for up to 2 years": one a part.
_TYPED_SENTENCE = re.compile(
    r"^(?:the\s+|a\s+|an\s+|another\s+)?(?:key\s+)?"
    r"(?P<type>primary|secondary|other|exploratory|tertiary)\s+"
    r"(?:outcome|endpoint|end\s+point|objective)(?P<plural>s)?(?:\s+measure(?P<measures>s)?)?\s+"
    r"(?:is|are|was|were|will\s+be|includes?)\s+"
    r"(?:the\s+)?(?P<measure>[^.;]+?)"
    r"(?:,?\s+(?:assessed|measured|evaluated|determined)\s+(?P<frame>[^.;]+?))?\.?$",
    re.IGNORECASE,
)
# Where one sentence of a paragraph ends and the next begins: "… at 12 weeks. The key …".
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")
# Where a list of measures in a sentence parts: "A at week 24, B …, and C …"; not inside
# brackets ("complement levels (C3, C4)").
_LIST_COMMA = re.compile(r"(?:,\s+(?:and\s+)?|;\s+)(?![^()]*\))")
# What a typed sentence says of its measures rather than naming one: "Secondary endpoints
# will be assessed at weeks 4, 12 and 24", "The primary endpoint was met", "… not reached".
_NO_MEASURE = re.compile(
    r"^(?:\w+ed|met|not|shown|done|as|to|in|at|on|by|listed|summari[sz]ed|exploratory|"
    r"descriptive)\b",
    re.IGNORECASE,
)
# Several measures on one line, each with its frame (WHO ICTRP): "A [Time Frame: Day 28]; B
# [Time Frame: Month 12]": each ends at its frame's bracket.
_AFTER_FRAME = re.compile(r"(?<=\])\s*(?:[;,]|\s(?:and|or)\b)?\s+(?=\S)")
# A measure's type in brackets before it: "[Primary] Mental health symptoms · 6 weeks".
_BRACKETED_TYPE = re.compile(
    r"^\[\s*(?P<type>primary|secondary|other|tertiary|exploratory)\s*\]\s*", re.IGNORECASE
)
# A line that is a frame and no measure: "Week 12", "Day 28 and Month 6", "up to 2 years";
# not a measure named by its horizon ("1-year overall survival", "28-day mortality").
_FRAME_LINE = re.compile(
    r"^(?:(?:day|week|month|year|baseline|screening|up\s+to|within|from|through|at|until)\b"
    r"|\d+(?![\d.,]*-(?:year|day|month|week|hour)\b))",
    re.IGNORECASE,
)
# How a frame begins in words ("From infusion to death from any cause", "At screening and
# end of study", "Half-yearly for three years"), read as one only where measures and
# frames alternate line by line; "At least 50% …" begins a measure.
# The frame's words after its first: a time ("… assessed up to 5 years", "… (single
# timepoint only)", "… and end of study"); "Baseline-corrected QTcF interval", "Daily
# insulin dose" and "Within-subject variability" open measures.
_LOOSE_FRAME = re.compile(
    r"^(?!at\s+least\b)(?:from|at|up\s+to|baseline|screening|until|through|throughout|within|"
    r"during|over|every|each|half|half-yearly|yearly|annually|monthly|weekly|daily|end\s+of)"
    r"(?![\w-])(?=.*\b(?:days?|weeks?|months?|years?|hours?|baseline|screening|visits?|"
    r"timepoints?|infusion|death|follow[\s-]?up|end)\b)",
    re.IGNORECASE,
)
# A line that goes on with a wrapped frame: it closes the bracket, or starts with a
# lower-case word, a number or a conjunction ("and 52]", "24 months]", "up to 2 years]").
_GOES_ON_FRAME = re.compile(r"[^\[\n]*\]|[a-z0-9(,&]|(?:and|or|to)\b", re.IGNORECASE)
# "… [Time Frame:" at a line's end: its frame is on the next line.
_INLINE_FRAME_OPENS = re.compile(r"\[\s*time\s*(?:frame|point)\s*[:：]?\s*$", re.IGNORECASE)
# "… [Time Frame: 28 days]"; on a page cut off inside it, to the end: "[Time Frame: 3, 6, 12 mon".
_INLINE_FRAME = re.compile(
    r"\[\s*time\s*(?:frame|point)\s*[:：]\s*(?P<frame>[^\]]+)(?:\]|$)", re.IGNORECASE
)
# A type sub-heading is a type word and at most these words: "Primary", "Secondary
# outcome measures", "Other pre-specified endpoints". "Primary endpoint rate" is a measure.
_SUBHEADING_WORDS = re.compile(
    r"^(?:key\s+)?(?:primary|secondary|other|tertiary|exploratory|主要|次要|其他)"
    r"(?:[\s/-]+(?:exploratory|pre-?specified|outcomes?|measures?|endpoints?|end\s*points?|indicators?"
    r"|variables?|efficacy|safety|objectives?|结局指标|指标|终点))*\s*[:：]?$",
    re.IGNORECASE,
)
# Sites that label each part of a block: "Measure: …", "Description: …", or the whole
# block on one line ("Outcome: …; Type: Primary indicator; Measure time point: …").
_PART_TERMS = {
    "measure": (
        "outcome measure",
        "outcome measures",
        "outcome",
        "outcome name",
        "measure",
        "measures",
        "title",
        "endpoint",
        "name",
        "指标中文名",  # ChiCTR: the measure's Chinese and English names
        "指标英文名",
        "指标名称",
    ),
    "description": (
        "description",
        "measure description",
        "outcome description",
        "measure method",
        "method",
        "measurement method",
        "method of measurement",
        "测量方法",
    ),
    # The lexicon's frame and type labels, and the spellings met inside outcome blocks.
    "frame": (
        *FIELD_TERMS["time_frame"],
        "time frames",
        "time points",
        "measure time point",
        "measure time point of outcome",
        "time point of outcome",
        "assessment time point",
        "assessed at",  # a mirror's: "Assessed at: From Baseline to Week 12"
        "when assessed",
        "measured at",
        "测量时间点",
    ),
    "type": ("type", "kind", *FIELD_TERMS["endpoint_type"], "指标类型"),
    # The type as the label of the measure itself: "Primary: Proportion of … (Week 12)".
    # Trial finders' "Main goal: … — Week 16" / "Also: … — Week 24" (the type from the heading).
    "typed_measure": (
        "primary",
        "secondary",
        "key secondary",
        "other",
        "tertiary",
        "exploratory",
        "main goal",
        "main goals",
        "primary goal",
        "other goal",
        "other goals",
        "also",
    ),
}
_ROLE_BY_LABEL = {normalize_label(t): role for role, ts in _PART_TERMS.items() for t in ts}
_LABELS = "|".join(
    re.escape(term).replace(r"\ ", r"\s+") for term in sorted(_ROLE_BY_LABEL, key=len, reverse=True)
)
_LABEL_CELL = re.compile(rf"^(?P<label>{_LABELS})\s*[:：]?$", re.IGNORECASE)
# "Primary: …", and "Primary — …" before a measure (a dash only after a type's label).
_PART_AT_START = re.compile(
    rf"^(?:(?P<label>{_LABELS})\s*[:：]|(?P<type>primary|secondary)\s[-–—])\s*", re.IGNORECASE
)
_PART_AFTER = re.compile(
    rf"(?:[;；|\t]|\s{{2,}}|\s[-–—]|(?<=[^\W\d_)])\.(?=\s))\s*(?P<label>{_LABELS})\s*[:：]\s*",
    re.IGNORECASE,
)
# Table headers: "| Outcome Measure | Measure Description | Time Frame |".
# Patient-facing sites head the columns with questions: "| What | When |".
_PLAIN_COLUMNS = {
    "measure": ("what", "what is measured", "what will be measured"),
    "frame": ("when", "when it is measured", "when it will be measured", "measured at"),
}
_COLUMNS = column_lexicon(
    {role: t for role, t in _PART_TERMS.items() if role != "typed_measure"}
) | column_lexicon(_PLAIN_COLUMNS)


@dataclass
class _Block:
    section: str
    start: int
    end: int
    measure: str | None = None  # when labelled or from a table; else the first of ``lines``
    lines: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    time_frame: str | None = None
    endpoint_type: str | None = None
    first_numbered: bool = False  # its first line was list item 1 ("1. A 2. B": the "1." read)
    marked: bool = False  # its first line had a list marker ("1. A [Time Frame: …]")
    numbered: bool = False  # that marker was a number
    frame_last: bool = False  # a paragraph of a table's cells a line each: its last is the frame
    bracketed: bool = False  # its frame was in brackets after the measure ("X [ Time Frame: … ]")
    framed_below: bool = False  # a line of one measure, then its frame on the next line

    open_frame: bool = False  # "[Time Frame: …" wrapped before its "]"
    listing: bool = False  # under a heading of measures listed a line each ("Outcome(s)")
    in_lead_list: bool = False  # its description's list after a lead-in ("… that:") goes on
    depth: int = 0  # its first line's list depth
    result: bool = False  # a posted result's measure: its data rows follow it

    def has_measure(self) -> bool:
        return self.measure is not None or bool(self.lines)

    def wrapped_frame(self, text: str) -> bool:
        """Take ``text`` when it goes on with a "[Time Frame: …]" a hard wrap broke:
        "… [Time Frame: Baseline, Weeks 4, 8, 12, 26" / "and 52]", or "… [Time Frame:" /
        "Up to 24 months]"."""
        if not _GOES_ON_FRAME.match(text) or "[" in text.split("]", 1)[0]:
            self.open_frame = False  # "Overall response rate [Time Frame: 6 months]": the next
            return False  # measure, the frame before it cut off
        if self.open_frame and self.time_frame is not None:
            self.time_frame = f"{self.time_frame} {text.split(']', 1)[0].strip()}"
            self.open_frame = "]" not in text
            return True
        if not self.lines or self.time_frame is not None:
            return False
        last = self.lines[-1]
        if last.count("[") <= last.count("]") or _INLINE_FRAME_OPENS.search(last) is None:
            return False
        self.lines[-1] = f"{last} {text}"
        if _INLINE_FRAME.search(self.lines[-1]) is not None:
            self.open_frame = "]" not in text
            self.time_frame = _extract_inline_frame(self)
        return True

    def lists_under_lead_in(self, marker: str, depth: int) -> bool:
        """Whether a bulleted line is an item of a list this measure's description leads in
        to ("A serious adverse event is any untoward medical occurrence that:"), not a
        measure: not a number going on with the measures' ("2. …"), nor under a lead-in to
        measures ("Safety will be assessed through the following endpoints:"), nor a bullet
        beside the measure's own ("- X" / "  Scored as follows:" / "- Y")."""
        if (
            (self.time_frame is not None and not self.bracketed)  # "X [Time Frame: …]" / its
            or not self.has_measure()  # description / "… at any dose:" / "* Results in death"
            or marker[:1].isdigit()
        ):
            return False
        if self.marked and depth <= self.depth and not self.numbered:
            return False  # "- X" / "- Y": bullets of one list, the measures'
        said = [*self.lines[1:], *self.description] if self.measure is None else self.description
        if not said:
            return False
        lead_in = said[-1].rstrip().endswith(":") and not _NAMES_MEASURES.search(said[-1])
        return lead_in or self.in_lead_list

    def takes_frame_line(self, text: str) -> bool:
        """Take a line that holds this measure's "[Time Frame: …]": alone under it ("1. X" /
        "[Time Frame: 28 days]"), or ending the measure's wrapped rest ("1. X including" /
        "CRS and ICANS [Time Frame: Up to 24 months]")."""
        if self.time_frame is not None or not self.lines or self.measure is not None:
            return False
        frame = _INLINE_FRAME.search(text)
        alone = frame is not None and frame.start() == 0 and not text[frame.end() :].strip()
        # "1. Proportion … (DORIS)" / "   remission without glucocorticoids [Time Frame: …]":
        # a numbered measure wrapped before its frame goes on in lower case
        if not (alone or ends_open(self.lines[-1]) or (self.marked and text[:1].islower())):
            return False
        self.open_frame, self.bracketed = text.count("[") > text.count("]"), True
        if alone:
            self.time_frame = frame.group("frame").strip()
            return True
        self.lines[-1] = f"{self.lines[-1]} {text}"
        self.time_frame = _extract_inline_frame(self)
        return True


def _measure_wrapped(width: int, line: str, below: list[str]) -> bool:
    """Whether a measure's ``line`` was broken by the page's hard wrap at ``width``
    ("Primary outcome: Percentage of Participants With a Positive Response (≥4-Fold" /
    "Increase) to Tetanus Toxoid …") rather than followed by its description: the rest
    (``below[0]``) reads as more of the line
    (``goes_on_after_wrap``), ends in no full stop and no frame, and is no paragraph's
    first line (the width broke it too: "Overall survival (OS) is defined as the time
    from the" / "infusion to death …"). A description that is a phrase of its own ("DLT
    assessment window after infusion", "Efficacy") stays one."""
    if not below or not line:
        return False
    rest = below[0]
    return (
        wraps_at(line, rest, width)
        and goes_on_after_wrap(line, rest)
        and not (len(below) > 1 and wraps_at(rest, below[1], width))
        and not rest.rstrip().endswith((".", ":"))
        and not _is_bare_frame(rest)
        and _INLINE_FRAME.search(rest) is None
    )


def _unwrap_measure(block: _Block, lines: list[str], width: int, found: _LineFinder) -> list[str]:
    """``lines`` with a measure the page's width broke made whole again: the first of them
    when the block has no labelled measure (a marked one is read by its own rules), else
    ``block.measure``, which then takes the first line."""
    if block.measure is None:
        if not block.marked and _measure_wrapped(width, found.ending(lines[0]), lines[1:]):
            return [join_wrapped(lines[0], lines[1]), *lines[2:]]
    elif _measure_wrapped(width, found.ending(block.measure), lines):
        block.measure = join_wrapped(block.measure, lines[0])
        return lines[1:]
    return lines


class _LineFinder:
    """The page's line on which a measure ends, its label or marker included ("Primary
    outcome: Percentage of …"): the line a hard wrap measured. Measures are looked up in
    page order, each from where the last was found, so a page is read once."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def ending(self, value: str) -> str:
        """The line ``value`` ends, after nothing but a label or a marker; empty when not
        found so ("MACE" is not the "(MACE)" that ends a description's line)."""
        text, at = self.text, self.text.find(value, self.at)
        while at >= 0:
            start, end = text.rfind("\n", 0, at) + 1, at + len(value)
            ends_line = text.startswith("\n", end) or end == len(text)
            if ends_line and _LINE_HEAD.fullmatch(text, start, at):
                self.at = end
                return text[start:end]
            at = text.find(value, at + 1)
        return ""


# What may stand before a measure on its line: indentation, a list marker, a label.
_LINE_HEAD = re.compile(r"[ \t]*(?:[-*•]|\d{1,3}[.)])?[ \t]*(?:[^\n:]{1,40}:[ \t]*)?")


def endpoint_rows(view: DocView, tid: str) -> list[Row]:
    rows = []
    seen: set[tuple[str | None, ...]] = set()
    blocks = [one for read in _blocks(view) for one in _one_measure_a_line(read)]
    listed = bool(blocks) and not blocks[0].result  # the protocol's list above its results'
    width = wrap_width(view.text)  # a page hard-wrapped at a width breaks long measures
    lines_of = _LineFinder(view.text)
    for block in (b for b in blocks if not (listed and b.result)):
        lines = list(block.lines)
        frame = block.time_frame
        if frame is None and len(lines) > 1 and (block.frame_last or _is_bare_frame(lines[-1])):
            frame = lines.pop()
        if block.measure is None and not lines:
            continue
        if width is not None:
            lines = _unwrap_measure(block, lines, width, lines_of)
        measure, *description = [block.measure] if block.measure is not None else lines[:1]
        if is_placeholder(measure) or _NONE_STATED.match(measure):
            continue  # "Secondary Outcome Measures: Not Provided"
        description = [*description, *lines[block.measure is None :], *block.description]
        kind = block.endpoint_type or _TYPE_BY_SECTION.get(block.section)
        if (stated := _TRAILING_TYPE.search(measure)) is not None:  # "… at Week 52 (main goal)"
            measure, kind = measure[: stated.start()].rstrip(), _type_of_label(stated["type"])
        tail = _TRAILING_FRAME.search(measure) if frame is None else None
        if tail is not None and is_time_frame(tail.group("frame")):  # "QMG score (Week 24)"
            measure, frame = measure[: tail.start()].rstrip(), tail.group("frame")
        if (
            frame is None
            and (tail := _comma_tail_frame(measure)) is not None
            and _tail_is_the_frame(measure, tail[1])
        ):
            measure, frame = tail  # "Adverse events, 12, 24, 36 and 52 weeks"
        parts = _listed_measures(measure) if frame is None else _paired_lists(measure, frame)
        parts = parts or _numbered_measures(measure, frame, block.first_numbered)
        for measure_part, part_frame in parts or [(measure, frame)]:
            if part_frame is None:  # "adverse events until 12 weeks after infusion"
                part_frame = _frame_clause(measure_part)
            key = (kind, measure_part, part_frame, " ".join(description))
            named = (kind, measure_part.casefold(), part_frame)
            if key in seen or (named in seen and not description):
                continue  # an outcome list printed twice is one list (not one per cohort); a
            seen |= {key, named}  # posted result repeats its measure, with no description
            rows.append(
                {
                    "trial_id": tid,
                    "source_file": view.source_file,
                    "endpoint_ordinal": len(rows) + 1,
                    "endpoint_type": kind,
                    "measure": measure_part,
                    "description": " ".join(description) or None,
                    "time_frame": part_frame,
                    "time_frame_days": parse_time_frame_days(part_frame) if part_frame else None,
                    "span_start": block.start,
                    "span_end": block.end,
                }
            )
    if not rows:
        return prose_endpoint_rows(view, tid, _frame_clause)
    type_listed_endpoints(rows, view, _frame_clause)
    return rows


# A time point label that speaks for every measure above it.
_FOR_EVERY_MEASURE = re.compile(r"evaluation\s+of\s+th(?:is|ese)\s+end\s*-?\s*points?", re.I)


class _BlockReader:
    """Reads one document's outcome items and fields, in order, into blocks.

    A block closes at a new section, a new measure, a numbered item, or an
    unlabelled line after its time frame; labelled parts after the time frame
    ("Measure method: …") still belong to it. A label alone on its line names
    the next line. Table rows are read by their header's columns.

    Registry forms list a section's measures, then their time points as a
    second numbered list under one label (the EU register's "Timepoint(s) of
    evaluation of this end point": "1. Day 28", "2. Month 6 and month 12"):
    time point n is measure n's.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.current: _Block | None = None
        self.section = -1
        self.heading_type: str | None = None  # from a type sub-heading in this section
        self.pending: str | None = None  # role named by a label alone on its line
        self.columns: list[str | None] | None = None  # roles of the current table's columns
        self.first_block = 0  # where this section's blocks start in ``blocks``
        self.frame_list: list[_Block] | None = None  # measures a numbered time point list is for
        # A row short of its table's columns, and the lines after it: a cell whose text went
        # on over paragraphs (a table copied from a browser), until a row ends it (_Broken).
        self.broken: _Broken | None = None
        self.listing: set[int] = set()  # ordinals of sections headed "… Outcome(s)"
        self.result_value = False  # a posted result's label alone on its line: the next is its
        # The columns of a header parted by spaces ("Outcome Measure  Measure Description  Time
        # Frame", a text browser's dump of ClinicalTrials.gov): each paragraph under it is a
        # row, its cells a line each.
        self.paragraphs: list[str | None] | None = None
        self.bare_label = False  # the last line was a part's label alone, with no colon

    def close(self) -> None:
        current, before = self.current, self.blocks[self.first_block :]
        if current is None:
            return
        self.current = None
        if before and _describes(current, before[-1]):
            before[-1].description += current.lines
            before[-1].end = max(before[-1].end, current.end)
            return
        self.blocks.append(current)

    def finish(self) -> None:
        """The end of the outcome sections: a row still open is read as it stands."""
        self.mend(None, None)
        self.close()

    def enter(self, ordinal: int) -> None:
        if ordinal != self.section:
            self.mend(None, None)
            self.close()
            self.section, self.heading_type, self.pending, self.columns = ordinal, None, None, None
            self.paragraphs = None
            self.first_block, self.frame_list = len(self.blocks), None

    def block(self, row: Row) -> _Block:
        start, end = int(row["span_start"]), int(row["span_end"])  # type: ignore[arg-type]
        if self.current is None:
            self.current = _Block(str(row["section"]), start, end, endpoint_type=self.heading_type)
            self.current.listing = self.section in self.listing
        self.current.end = max(self.current.end, end)
        return self.current

    def part(self, role: str, value: str, row: Row) -> None:
        current = self.current
        if role == "measure":
            if current is not None and current.has_measure():
                self.close()
            block = self.block(row)
            if (inline := _INLINE_FRAME.search(value)) is not None:  # "Primary: X [Time Frame: …]"
                block.time_frame = inline.group("frame").strip()
                value = (value[: inline.start()] + value[inline.end() :]).strip()
            block.measure = value
        elif role == "frame":
            value = value.rstrip(" .")  # "Time Frame: Day 28." ends a sentence
            if not self.listed_frame(value):
                self.block(row).time_frame = value
        elif role == "type":
            stated = enums.normalize_endpoint_type(value)
            if (
                stated
                and current is not None
                and current.endpoint_type
                not in (
                    None,
                    self.heading_type,
                )
            ):
                self.close()  # "Type: …" before each measure: this one opens the next block
            block = self.block(row)
            block.endpoint_type = stated or block.endpoint_type
        else:
            self.block(row).description.append(value)

    def frameless(self) -> list[_Block]:
        """This section's measures so far that have no time frame yet."""
        section = self.blocks[self.first_block :]
        section += [self.current] if self.current is not None else []
        return [b for b in section if b.has_measure() and b.time_frame is None]

    def listed_frame(self, value: str) -> bool:
        """Whether ``value`` is time point n of a list for this section's measures (see above)."""
        number = _LIST_NUMBER.match(value)
        if number is None:
            return False
        if self.frame_list is None:  # the list's first time point: the measures it is for
            self.frame_list = self.frameless()
        n = int(number.group("n"))
        if not 1 <= n <= len(self.frame_list) or self.frame_list[n - 1].time_frame is not None:
            self.frame_list = None
            return False
        self.frame_list[n - 1].time_frame = value[number.end() :].strip()
        self.close()
        return True

    def field(self, row: Row) -> None:
        self.mend(None, None)
        role = _OUTCOME_FIELDS[str(row["field"])]
        value = str(row["value"]) if row["value"] else ""
        every = role == "frame" and _FOR_EVERY_MEASURE.search(str(row["label"] or ""))
        if every and value and self.every_frame(value):
            return
        self.part(role, value, row)

    def every_frame(self, value: str) -> bool:
        """One time point for the section's measures listed above it without one (the EU
        register's "Timepoint(s) of evaluation of this end point: 2 year/end of study")."""
        if _LIST_NUMBER.match(value):
            return False  # numbered: time point n is measure n's (``listed_frame``)
        frameless = self.frameless()
        if len(frameless) < 2:
            return False
        for block in frameless:
            block.time_frame = value
        self.close()
        return True

    def item(self, row: Row) -> None:
        text = str(row["text"]).strip()
        if self.broken is not None and self.mend(text, row):
            return
        self.read_item(text, row)

    def mend(self, text: str | None, row: Row | None) -> bool:
        """Whether ``text`` goes on the broken row: a line of its open cell, or the row's rest.

        The rest is a row that, joined to the broken one, has the table's columns and ends
        in a time frame ("Measure | Description's first paragraph" / "" / "Its second
        paragraph | Week 52"). Anything else shows the row was whole: it is read as it
        stands, then the lines held after it, then ``text``.
        """
        broken = self.broken
        if broken is None:
            return False
        cells = table_cells(text) if text is not None else None
        if text is not None and cells is None and len(broken.lines) < _MAX_CELL_LINES:
            broken.lines.append((text, row))
            return True
        if cells is not None and self.columns is not None:
            opened = " ".join([broken.cells[-1], *(line for line, _ in broken.lines), cells[0]])
            joined = [*broken.cells[:-1], opened.strip(), *cells[1:]]
            continued = bool(broken.lines) or _is_sentence(cells[0])  # not a next measure
            if (
                continued
                and len(joined) == len(self.columns)
                and (_is_bare_frame(joined[-1]) or parse_time_frame_days(joined[-1]) is not None)
            ):  # "… (up to Week 156)": a frame cell may say more than a bare frame
                self.broken = None
                self.table_row(joined, broken.row)
                return True
        self.broken = None
        self.table_row(broken.cells, broken.row, whole=True)
        for line, line_row in broken.lines:
            self.read_item(line, line_row)
        return False

    def read_item(self, text: str, row: Row) -> None:
        bare_before, self.bare_label = self.bare_label, False
        bare = _bare_part_label(text, row)
        if bare_before and bare is not None:
            self.pending = None  # labels running: a table's header, naming no line
            self.bare_label = True
            return
        if _RESULTS_LINE.match(text):
            self.close()
            return
        if "  " in text and (roles := _spaced_header(text)) is not None:
            self.close()
            self.paragraphs = roles
            return
        if (
            self.paragraphs is not None
            and row.get("after_blank")
            and text.endswith(".")
            and _SAYS.search(text) is not None
        ):  # "All outcomes will be assessed by …": prose after the table (a measure, also
            self.close()  # one with a full stop, names; it does not say)
            self.paragraphs = None
        if self.paragraphs is not None and row["marker"] is None and table_cells(text) is None:
            if len(cells := spaced_cells(text)) == len(self.paragraphs):
                self.columns = self.paragraphs  # "Primary   Dose-limiting toxicity   Day 28":
                self.table_row(cells, row)  # a row of the header's columns, aligned by spaces
                return
            if len(cells) > 1:  # aligned cells that wrapped: not a paragraph's line
                self.paragraphs = None
                self.free_line(text, row)
                return
            if row.get("after_blank") or self.current is None:
                self.close()
            block = self.block(row)
            block.lines.append(text)
            block.frame_last = self.paragraphs[-1] == "frame"
            return
        if self.result_value:  # "Analysis Population Description" / "All infused participants"
            self.result_value = False
            return
        if (data := _RESULT_ROW.match(text)) is not None:  # "Overall Number of Participants
            if (measured := self.current or (self.blocks[-1] if self.blocks else None)) is not None:
                measured.result = True  # Analyzed | 12": a posted result's data, its measure's
            self.result_value = not text[data.end() :].strip(" |:\t")  # its value comes next
            return
        if self.frame_list is not None:
            marker = str(row["marker"] or "")
            if marker[:1].isdigit() and self.listed_frame(f"{marker} {text}"):
                return
            self.frame_list = None
        if (cells := table_cells(text)) is not None:
            self.table_row(cells, row)
        elif self.pending is not None and not _PART_AT_START.match(text) and bare is None:
            role, self.pending = self.pending, None
            self.part(role, text, row)
        elif bare is not None:
            # "Outcome" / "Incidence of AEs" / "Type" / "Primary indicator" (ChiCTR's block, a
            # line per cell, no colons): a label alone names the next line
            self.pending, self.bare_label = bare, True
        elif (sub_type := _subheading_type(row)) is not None:
            self.close()
            self.heading_type = sub_type
        elif (sentences := _typed_sentences(text)) is not None:
            self.close()  # "The primary outcome is X, assessed at 12 weeks."
            for said in sentences:
                listed = said["measure"].strip()
                plural = said["plural"] or said["measures"]
                for measure in _sentence_list(listed) if plural else [listed]:
                    self.part("measure", measure, row)
                    self.part("type", said["type"], row)
                    if said["frame"]:
                        self.part("frame", said["frame"], row)
                    self.close()
        elif (typed := _BRACKETED_TYPE.match(text)) is not None:  # "[Primary] X · 6 weeks"
            self.part("measure", text[typed.end() :], row)
            self.part("type", typed.group("type"), row)
        elif (parts := _labelled_parts(text)) is not None:
            for role, value, label in parts:
                if role == "frame" and _AT_PLACE_OR_TIME.match(label) and not _says_when(value):
                    role = "description"  # "Assessed at: independent central reading centre"
                if role == "typed_measure" and not value:  # "Other goals:" over its measures
                    self.close()
                    self.heading_type = _type_of_label(label)
                elif role == "typed_measure":
                    self.part("measure", value, row)
                    self.part("type", _type_of_label(label) or "", row)
                elif value:
                    self.part(role, value, row)
                else:
                    self.pending = role
        else:
            for line in _framed_measures(text):
                self.free_line(line, row)

    def _waits_for_frame(self, text: str) -> bool:
        """Whether the current block is a measure's line waiting for its frame, in a section
        that prints each measure on a line and its frame on the next: the next line is the
        frame when it reads as one, in words the frame lexicon does not hold ("Baseline
        (single timepoint only)", "At screening and end of study"). The section's first
        measure has no pair before it: there the line must name a duration ("Half
        annually for three years")."""
        current, before = self.current, self.blocks[self.first_block :]
        if (
            current is None
            or len(current.lines) != 1
            or current.measure is not None
            or current.time_frame is not None
            or current.description
        ):
            return False
        if _comma_tail_frame(current.lines[0]) is not None:
            return False  # "SLEDAI-2K change — Week 24": the line has its frame already
        if not before:
            return len(text.split()) <= _FRAME_WORDS and parse_time_frame_days(text) is not None
        return all(b.framed_below and not b.description for b in before)

    def table_row(self, cells: list[str], row: Row, *, whole: bool = False) -> None:
        if (roles := column_roles(cells, _COLUMNS)) is not None:
            self.close()
            self.columns = roles
            return
        if (kind := _type_row(cells)) is not None:  # "| **Primary** | | |" over its measures
            self.close()
            self.heading_type = kind
            return
        if (
            len(cells) > 1
            and (kind := _type_row(cells[:1])) is not None
            and (rest := column_roles(cells[1:], _COLUMNS)) is not None
        ):  # "| Primary outcome | Time frame |": the measures' column named by their type
            self.close()
            self.heading_type, self.columns = kind, ["measure", *rest]
            return
        if (
            not whole
            and self.columns is not None
            and len(cells) < len(self.columns)
            and self.columns[-1] == "frame"
        ):
            self.broken = _Broken(cells, row)  # the rest may come on the next lines
            return
        if self.columns is None and (pairs := _label_value_cells(cells)) is not None:
            for role, value in pairs:  # "Outcome:⇥AEs⇥Type:⇥Primary indicator" (ChiCTR)
                self.part(role, value, row)
            return
        if self.columns is None and len(cells) == 2 and (part := _LABEL_CELL.match(cells[0])):
            role = _ROLE_BY_LABEL[normalize_label(part["label"])]  # "Description⇥Reporting % of …"
            if role in ("description", "frame") and self.current is not None and cells[1]:
                self.part(role, cells[1], row)
            return  # a label's empty cell ("Description⇥") says nothing
        self.close()
        for i, cell in enumerate(cells):
            measured = (  # "Primary: Dose-limiting toxicity | Day 28", headed or not
                i == 0
                if self.columns is None
                else i < len(self.columns) and self.columns[i] == "measure"
            )
            typed = _PART_AT_START.match(cell) if measured else None
            if typed is not None and _ROLE_BY_LABEL[normalize_label(_label_of(typed))] == (
                "typed_measure"
            ):  # "Primary: Dose-limiting toxicity | Day 28"
                self.part("measure", cell[typed.end() :].strip(), row)
                self.part("type", _label_of(typed), row)
                continue
            if lines := cell_lines(cell):
                role = self._column_role(i, cell)
                self.part(role, lines[0], row)
                for line in lines[1:]:
                    self.part("description" if role == "measure" else role, line, row)
        self.close()

    def _column_role(self, i: int, cell: str) -> str:
        if self.columns is not None:
            return (self.columns[i] if i < len(self.columns) else None) or "description"
        if _heading_type(cell):
            return "type"  # a row with no header: "Primary | Dose-limiting toxicity | Day 28"
        if self.current is None or not self.current.has_measure():
            return "measure"
        return "frame" if _is_bare_frame(cell) or _opens_with_frame(cell) else "description"

    def free_line(self, text: str, row: Row) -> None:
        glued = _GLUED_FRAME.search(text)  # "Number of participants with DLTs28 days"
        inline = glued is not None or _INLINE_FRAME.search(text) is not None
        numbered = row["marker"] is not None  # "1. Measure", "• Measure"
        current = self.current
        if current is not None and not numbered and current.wrapped_frame(text):
            current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]
            return
        if not _LETTER.search(text) and not _is_bare_frame(text):
            return  # "0   0.0%": a posted result's number, no measure
        if inline and current is not None and not numbered and current.takes_frame_line(text):
            current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]
            return
        if (
            numbered
            and not inline
            and current is not None
            and current.lists_under_lead_in(str(row["marker"]), int(row["depth"] or 0))  # type: ignore[arg-type]
        ):
            current.description.append(text)  # "… any occurrence that:" / "- Results in death"
            current.in_lead_list = True
            current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]
            return
        if (
            numbered
            and not inline
            and str(row["marker"])[:1] in _BULLETS
            and current is not None
            and current.marked
            and current.has_measure()
            and not current.description
            and _DESCRIBES.match(text) is not None
        ):  # "1. Incidence of adverse events" / "   - Measured by CTCAE v5.0": how, not what
            current.description.append(text)
            current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]
            return
        if (
            current is not None
            and current.lines
            and current.measure is None
            and current.time_frame is None
            and not inline
            and _is_bare_frame(text)
            and _FRAME_LINE.match(text) is not None  # not "1-year overall survival"
            and ";" not in text
            and _frame_clause(current.lines[-1]) is None  # not a measure with its own "at …"
        ):  # "- Change in MG-ADL score" / "- Week 12": the measure's frame, bulleted too
            self.part("frame", text, row)
            current.framed_below = len(current.lines) == 1
            return
        if (
            current is not None
            and (current.marked or (current.bracketed and text.rstrip().endswith(".")))
            and current.time_frame is not None
            and not numbered
            and not inline
        ):  # "1. X [ Time Frame: 1 day ]" over its unmarked description (ClinicalTrials.gov;
            # its classic page leaves a single measure unnumbered)
            current.description.append(text)
            current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]
            return
        if (
            current is not None
            and not (numbered or inline)
            and self._waits_for_frame(text)
            and _LOOSE_FRAME.match(text) is not None
            and not text.endswith(".")  # "At each visit, patients complete …." describes it
        ):  # "Overall survival" / "From infusion to death from any cause, up to 5 years"
            self.part("frame", text, row)
            current.framed_below = True
            return
        if current is not None and (
            current.time_frame is not None
            or ((inline or numbered) and current.has_measure())
            or _each_timed(current, text)
        ):
            self.close()
        if (
            self.current is not None
            and self.current.lines
            and _is_bare_frame(text)
            and _comma_tail_frame(self.current.lines[-1]) is None  # not "X — Week 24" / "Y — …"
        ):
            self.part("frame", text, row)  # "Day 28" under its measure: the block's frame
            self.current.framed_below = len(self.current.lines) == 1
            return
        block = self.block(row)
        if not block.lines and block.measure is None:
            block.first_numbered = str(row["marker"] or "").rstrip(".)") == "1"
            block.marked = numbered
            block.numbered = str(row["marker"] or "")[:1].isdigit()
            block.depth = int(row["depth"] or 0)  # type: ignore[arg-type]
        if glued is not None:
            block.lines.append(text[: glued.start()])
            block.time_frame = glued.group()
            return
        block.lines.append(text)
        if inline:
            block.open_frame = text.count("[") > text.count("]")
            block.bracketed = "[" in text
            block.time_frame = _extract_inline_frame(block)


_BULLETS = frozenset("-•*+")
# A line that says more of the measure above it, not another measure.
_SAYS_MORE = re.compile(
    r"^(?:[a-z(\[]|(?i:defined|measured|assessed|evaluated|calculated|determined|as|per|"
    r"according|using|including|based|i\.e\.|e\.g\.|where|which|with)\b)",
)
_FRAME_WORDS = 8  # a frame on its own line is a few words
# The words a description opens with ("Reporting % of Fat and Lean body mass", "Measured
# by DXA", "(as per RECIST)"); a measure is a name ("eGFR slope", "Swelling").
_DESCRIBES = re.compile(
    r"^(?:\(|(?i:defined|measured|assessed|evaluated|calculated|determined|reported|recorded|"
    r"reporting|measuring|assessing|evaluating|calculating|determining|recording|using|"
    r"including|based|as|per|according|i\.e\.|e\.g\.|where|which|this|the\s+(?:number|"
    r"proportion|percentage)\s+of\s+(?:participants|patients|subjects)\s+(?:who|with))\b)"
)
# A lead-in to measures, not to a description's own list: "Safety will be assessed by:".
_NAMES_MEASURES = re.compile(
    r"end\s*-?\s*points?|outcomes?|measures|assessed|evaluated|include", re.IGNORECASE
)
# WHO ICTRP's headings ("Primary Outcome(s)", "Secondary Outcome(s)") over measures a line
# each; elsewhere short lines under a measure define it ("Complete renal response" / "No
# rescue medication").
_LISTING_HEADING = re.compile(r"outcomes?\s*\(s\)|end\s*-?\s*points?\s*\(s\)", re.IGNORECASE)
_MEASURE_A_LINE = 60  # characters: a listed measure's name is a line of a few words
_MEASURE_WORDS = 8  # a description is a sentence, often longer


def _one_measure_a_line(block: _Block) -> list[_Block]:
    """The block, or one block a line when its lines are a list of bare measure names.

    WHO ICTRP prints a section's measures a line each under "Secondary Outcome(s)", with
    no markers and no time frames ("SRI-4 response" / "Duration of B-cell aplasia"): each
    line names a measure. A block with a frame, a labelled measure, a sentence, a wrap or
    a line that goes on with the one before keeps one measure with its description.
    """
    lines = block.lines
    if (
        not block.listing
        or block.measure is not None
        or block.time_frame is not None
        or block.marked  # "1. X" over unmarked lines: its description
        or len(lines) < 2
    ):
        return [block]
    if any(
        len(line) > _MEASURE_A_LINE
        or len(line.split()) > _MEASURE_WORDS
        or line.rstrip().endswith((".", ":", ",", ";"))
        or line[:1].isdigit()
        or line.count("(") != line.count(")")
        or _SAYS_MORE.match(line)
        or is_time_frame(line)
        for line in lines
    ) or any(ends_open(line) for line in lines[:-1]):
        return [block]
    return [
        _Block(
            block.section, block.start, block.end, lines=[line], endpoint_type=block.endpoint_type
        )
        for line in lines
    ]


def _each_timed(block: _Block, text: str) -> bool:
    """A measure alone in its block, with its own "at week 24" (or "— Week 24"), and a next
    line with one: two measures listed one per line (jRCT). A sentence after it ("The proportion of
    patients in remission at week 24.") describes the measure."""
    if block.measure is not None or len(block.lines) != 1 or block.description:
        return False
    if text.rstrip().endswith("."):
        return False
    if _frame_clause(block.lines[0]) is not None and _frame_clause(text) is not None:
        return True
    # "SLEDAI-2K change from baseline — Week 24" / "BILAG response — Month 6"
    return _comma_tail_frame(block.lines[0]) is not None and _comma_tail_frame(text) is not None


def _describes(block: _Block, before: _Block) -> bool:
    """Whether unmarked lines with no frame, after a measure with its bracketed frame, say
    what that measure is ("Body Composition [ Time Frame: 2 year/end of study ]" /
    "Reporting % of Fat and Lean body mass"); a name is a measure of its own ("Change in
    QMG score": some pages leave a measure's frame out)."""
    first = block.lines[0] if block.lines else ""
    return (
        _DESCRIBES.match(first) is not None
        and before.bracketed
        and before.time_frame is not None
        and block.time_frame is None
        and block.measure is None
        and not block.marked
        and bool(block.lines)
        and not block.description
        and block.endpoint_type in (None, before.endpoint_type)
    )


def _is_sentence(text: str) -> bool:
    """A cell's text that reads as a sentence (a description's), not a measure's title."""
    return text.rstrip().endswith(".") or len(text.split()) >= _SENTENCE_WORDS


_SENTENCE_WORDS = 8
_MAX_CELL_LINES = 12  # paragraphs and bullets of one table cell, held until its row ends


@dataclass
class _Broken:
    """A table row cut short by a line break in one of its cells, and the lines since."""

    cells: list[str]
    row: Row
    lines: list[tuple[str, Row]] = field(default_factory=list)


# The fields an outcome section holds, by their part of a block.
_OUTCOME_FIELDS = {"time_frame": "frame", "endpoint_type": "type", "measure_title": "measure"}


def _blocks(view: DocView) -> list[_Block]:
    """Outcome blocks in document order (see ``_BlockReader``)."""
    events: list[tuple[int, int, bool, Row]] = []
    sections = sorted(
        (int(s["norm_start"]), int(s["section_ordinal"]), str(s["section"]))  # type: ignore[arg-type]
        for s in view.sections
    )
    items = [item for item in view.items if item["section"] in OUTCOME_SECTIONS]
    items = sorted([*items, *_headless_tables(view)], key=lambda item: int(item["norm_start"]))  # type: ignore[arg-type]
    for i, item in enumerate(items):
        if i + 1 < len(items) and _translated_by(item, items[i + 1]):
            continue  # "不良事件发生率" over "Incidence of adverse events": read the English
        if i and view.blank_between(items[i - 1]["norm_start"], item["norm_start"]):
            item = {**item, "after_blank": True}  # a paragraph's first line
        events.append((int(item["norm_start"]), int(item["section_ordinal"]), True, item))  # type: ignore[arg-type]
    for row in view.fields:
        if row["section"] in OUTCOME_SECTIONS and row["field"] in _OUTCOME_FIELDS:
            ordinal = max((o for s, o, _ in sections if s <= int(row["norm_start"])), default=0)  # type: ignore[arg-type]
            events.append((int(row["norm_start"]), ordinal, False, row))  # type: ignore[arg-type]
    reader = _BlockReader()
    reader.listing = {  # sections headed as registries that list a measure a line head them
        int(s["section_ordinal"])  # type: ignore[arg-type]
        for s in view.sections
        if _LISTING_HEADING.search(str(s["heading"] or ""))
    }
    for _, ordinal, is_item, row in sorted(events, key=lambda e: e[0]):
        reader.enter(ordinal)
        if is_item:
            reader.item(row)
        else:
            reader.field(row)
    reader.finish()
    return reader.blocks


_NAMES_OUTCOMES = re.compile(r"outcome|end\s*-?\s*point", re.IGNORECASE)


def _headless_tables(view: DocView) -> list[Row]:
    """The rows of outcome tables outside the outcome sections: a table whose header names
    a measure and its time frame ("| Type | Outcome Measure | Time Frame |") holds outcomes
    wherever it stands, also where a page lost the heading above it."""
    rows: list[Row] = []
    table: list[str | None] | None = None  # the roles of the open table's columns
    for item in view.items:
        text = str(item["text"])
        cells = table_cells(text) if "|" in text or "\t" in text else None
        if item["section"] in OUTCOME_SECTIONS or cells is None:
            table = None
        elif table is not None:
            rows.append(item)
        elif (
            (roles := column_roles(cells, _COLUMNS)) is not None
            and {"measure", "frame"} <= set(roles)
            and any(_NAMES_OUTCOMES.search(cell) for cell in cells)
        ):  # not "| What | When |" or "| Name | Time point |": schedules, visits, doses
            table = roles
            rows.append(item)
    return rows


def _translated_by(item: Row, after: Row) -> bool:
    """Whether ``item``, mostly in Chinese, Japanese or Korean, is the first of a bilingual
    pair: the next item of its section, in English alone, says the same."""
    english = str(after["text"])
    return (
        item["section_ordinal"] == after["section_ordinal"]
        and item["marker"] is None  # "1. 不良事件发生率" / "2. ORR" are two measures
        and after["marker"] is None
        and mostly_cjk(str(item["text"]), at_least=2)
        and latin_only(english)
        and len(english.split()) >= 2
    )


def _labelled_parts(text: str) -> list[tuple[str, str, str]] | None:
    """``(role, value, label)`` of a line that starts with a part label, else None."""
    head = _PART_AT_START.match(text)
    if head is None:  # "Incidence of CRS; Measure time point: Day 28": the measure comes first
        after = _PART_AFTER.search(text)
        if after is None or not (measure := text[: after.start()].strip()):
            return None
        rest = _labelled_parts(text[after.start() :].lstrip(" \t;；|-–—."))
        return None if rest is None else [("measure", measure, ""), *rest]
    cuts = [head, *_PART_AFTER.finditer(text, head.end())]
    ends = [m.start() for m in cuts[1:]] + [len(text)]
    return [
        (
            _ROLE_BY_LABEL[normalize_label(_label_of(m))],
            text[m.end() : end].strip(" ;；|"),
            _label_of(m),
        )
        for m, end in zip(cuts, ends, strict=True)
    ]


def _label_of(part: re.Match[str]) -> str:
    """A part's label: "Primary" of "Primary:" and of "Primary —"."""
    found = part.groupdict()
    return found["label"] or found.get("type") or ""


# A finder's goals: the main goal is the primary measure, the other goals the secondary ones
# (as its "Main measures" / "Other measures" headings are); "Also:" says no type.
_GOAL_TYPES = {"other goal": "SECONDARY", "other goals": "SECONDARY", "also": None}


def _type_of_label(label: str) -> str | None:
    """PRIMARY / SECONDARY / OTHER that a measure's label states ("Secondary:", "Main goal:")."""
    key = normalize_label(label)
    return _GOAL_TYPES[key] if key in _GOAL_TYPES else enums.normalize_endpoint_type(label)


def _subheading_type(item: Row) -> str | None:
    """PRIMARY / SECONDARY / OTHER when an unmarked item is a type sub-heading."""
    return None if item["marker"] is not None else _heading_type(str(item["text"]).strip())


def _heading_type(text: str) -> str | None:
    """PRIMARY / SECONDARY / OTHER when ``text`` is a type's words alone ("Secondary
    outcome measures"), not a measure that starts with them ("Primary endpoint rate")."""
    return enums.normalize_endpoint_type(text) if _SUBHEADING_WORDS.match(text) else None


def _extract_inline_frame(block: _Block) -> str:
    """Cut "[Time Frame: …]" out of a one-line CT.gov-style measure, returning the frame."""
    match = _INLINE_FRAME.search(block.lines[-1])
    if match is None:
        return ""
    block.lines[-1] = (block.lines[-1][: match.start()] + block.lines[-1][match.end() :]).strip()
    return match.group("frame").strip()


def _comma_tail_frame(measure: str) -> tuple[str, str] | None:
    """``(measure, frame)`` when the measure's last parts, after a comma or a dash, are a frame."""
    for comma in _COMMA.finditer(measure):
        head, tail = measure[: comma.start()].rstrip(), measure[comma.end() :].strip()
        if len(head.split()) >= 2 and _FRAME_START.match(tail) and is_time_frame(tail):
            return head, tail
    return None


def _tail_is_the_frame(measure: str, tail: str) -> bool:
    """Whether the frame after a measure's comma or dash is its whole frame, not the end of
    a longer clause ("at baseline, 3 and 6 months"), unless that clause runs over a dash
    ("X at Week 16 — Week 16": the measure's words, then its frame)."""
    clause = _frame_clause(measure) or ""
    return len(clause) <= len(tail) or _DASH.search(clause) is not None


def _listed_measures(measure: str) -> list[tuple[str, str | None]] | None:
    """Measures listed in one value, each with its frame: "CRR at week 24; SRI-4 at week 52";
    or joined by bare semicolons, framed or not: "Total improvement score (TIS);CK level"."""
    if ";" not in measure:
        return None
    parts = [part.strip().rstrip(".") for part in measure.split(";") if part.strip()]
    frames = [_frame_clause(part) for part in parts]
    if len(parts) < 2 or (None in frames and _SPACED_SEMICOLON.search(measure)):
        return None
    return list(zip(parts, frames, strict=True))


def _paired_lists(measure: str, frame: str) -> list[tuple[str, str | None]] | None:
    """Measures and their time points as two lists parted alike (the EU register: "A; B; C"
    over "Day 28; up to Month 24; Month 6"): time point n is measure n's."""
    if ";" not in measure or ";" not in frame:
        return None
    measures = [_LIST_NUMBER.sub("", part.strip(" .")) for part in measure.split(";")]
    frames = [_LIST_NUMBER.sub("", part.strip(" .")) for part in frame.split(";")]
    measures, frames = [m for m in measures if m], [f for f in frames if f]
    if len(measures) != len(frames) or not all(is_time_frame(f) for f in frames):
        return None
    if any(_DESCRIBES.match(m) for m in measures[1:]):  # "X; defined as grade 3 or higher"
        return None
    return list(zip(measures, frames, strict=True))


def _typed_sentences(text: str) -> list[re.Match[str]] | None:
    """The sentences of ``text`` when each states a measure with its type ("The primary
    endpoint is X at 12 weeks. The key secondary endpoint is Y at week 52."), else None."""
    if (one := _typed_sentence(text)) is not None:
        return [one]
    sentences = _SENTENCE_END.split(text)
    if len(sentences) < 2:
        return None
    said = [_typed_sentence(sentence) for sentence in sentences]
    return None if None in said else said  # type: ignore[return-value]


def _typed_sentence(text: str) -> re.Match[str] | None:
    said = _TYPED_SENTENCE.match(text)
    return None if said is None or _NO_MEASURE.match(said["measure"]) else said


def _sentence_list(listed: str) -> list[str]:
    """The measures a sentence lists ("A at week 24, B from baseline to week 52, and C for
    up to 2 years"). A last "and" parts two measures only after a frame: "safety and
    tolerability" is one."""
    parts = [part.strip() for part in _LIST_COMMA.split(listed) if part.strip()]
    head, joined, tail = parts[-1].rpartition(" and ")
    if joined and _clause_ending(head) is not None:
        parts[-1:] = [head, tail]
    return parts


def _framed_measures(text: str) -> list[str]:
    """The measures of a line that holds several, each with its own "[Time Frame: …]"."""
    if text.count("]") < 2 or len(frames := list(_INLINE_FRAME.finditer(text))) < 2:
        return [text]
    cuts = [m.end() for m in _AFTER_FRAME.finditer(text)]
    if len(cuts) + 1 != len(frames):
        return [text]  # brackets that hold more than frames: read the line as it stands
    starts = [0, *cuts]
    ends = [*(m.start() for m in _AFTER_FRAME.finditer(text)), len(text)]
    return [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]


# Frame labels that may name a place: "Measured at: the pulmonary function laboratory".
_AT_PLACE_OR_TIME = re.compile(r"(?:assessed|measured|evaluated)\s+at\b", re.IGNORECASE)


def _says_when(value: str) -> bool:
    return (
        parse_time_frame_days(value) is not None
        or _LOOSE_FRAME.match(value) is not None
        or _WHEN_WORDS.search(value) is not None
    )


_WHEN_WORDS = re.compile(r"\b(?:baseline|screening|visits?|end of (?:study|treatment))\b", re.I)


_SAYS = re.compile(r"\b(?:will|shall|are|is|were|was|be|have|has)\b", re.IGNORECASE)


def _bare_part_label(text: str, row: Row) -> str | None:
    """The role a part's label names when it stands alone on its line without a colon
    ("Measure time point of outcome"); not a type's ("Primary"), which heads measures."""
    if row["marker"] is not None or (label := _LABEL_CELL.match(text)) is None or ":" in text:
        return None
    role = _part_role(label)
    return None if role == "typed_measure" else role


def _spaced_header(text: str) -> list[str | None] | None:
    """The column roles of a table header whose cells are parted by two spaces or more,
    when it names the measure and another column."""
    roles = column_roles(spaced_cells(text), _COLUMNS)
    if roles is None or len(roles) < 2 or "measure" not in roles or None in roles:
        return None
    return roles


def _label_value_cells(cells: list[str]) -> list[tuple[str, str]] | None:
    """The parts of a row of labels each with its value, in its own cell or the next, as a
    registry's outcome block copied from its table gives them ("Outcome:⇥Incidence of AEs⇥
    Type:⇥Primary indicator", "Outcome: AEs⇥Type: Primary indicator"); None for other rows
    and for rows labelled by a measure's type ("Primary: DLT | Day 28")."""
    labelled = [_PART_AT_START.match(cell) for cell in cells]
    if (
        len(cells) > 1
        and all(m is not None and m["label"] for m in labelled)
        and "typed_measure" not in (roles := [_part_role(m) for m in labelled])  # type: ignore[arg-type]
    ):
        return [  # "Outcome: AEs | Type: Primary indicator": each cell a label and its value
            (role, cell[m.end() :].strip())  # type: ignore[union-attr]
            for role, m, cell in zip(roles, labelled, cells, strict=True)
            if cell[m.end() :].strip()  # type: ignore[union-attr]
        ]
    if len(cells) < _MIN_PAIR_CELLS or len(cells) % 2:
        return None
    pairs = []
    for label, value in zip(cells[::2], cells[1::2], strict=True):
        part = _LABEL_CELL.match(label)
        if part is None or (role := _part_role(part)) == "typed_measure":
            return None  # "| Primary | X | Secondary | Y |": read with the type of each
        if value:
            pairs.append((role, value))
    return pairs


_MIN_PAIR_CELLS = 4


def _part_role(part: re.Match[str]) -> str:
    return _ROLE_BY_LABEL[normalize_label(part["label"])]


def _type_row(cells: list[str]) -> str | None:
    """PRIMARY / SECONDARY / OTHER for a table row that holds a type alone ("| **Primary** |
    | |"): a sub-heading of the rows below it."""
    filled = [text for cell in cells if (text := cell.strip(" *_"))]
    return _heading_type(filled[0]) if len(filled) == 1 else None


def _numbered(text: str, first_read: bool) -> list[str] | None:
    """The items of a value numbered inline ("1. DORIS remission 2. SLEDAI-2K …").

    ``first_read``: the "1." was read already (as the list item's marker), so the
    first item is the text before "2.".
    """
    if "2" not in text or not (first_read or text.startswith("1")):
        return None  # no second item, or no first: most values, told cheaply
    cuts: list[re.Match[str]] = []
    first = 2 if first_read else 1
    for match in _INLINE_ITEM.finditer(text):
        before = max(0, match.start() - _WORD_WINDOW)  # a window: whole-text searches are slow
        counted = _COUNTED_BEFORE.search(text, before, match.start()) is not None  # "week 2."
        if int(match.group("n")) == len(cuts) + first and not counted:
            cuts.append(match)
    if not cuts or (not first_read and (len(cuts) < 2 or cuts[0].start() != 0)):
        return None
    ends = [m.start() for m in cuts[1:]] + [len(text)]
    items = [text[m.end() : end].strip(" ;,") for m, end in zip(cuts, ends, strict=True)]
    return [text[: cuts[0].start()].strip(" ;,"), *items] if first_read else items


def _numbered_measures(
    measure: str, frame: str | None, first_read: bool
) -> list[tuple[str, str | None]] | None:
    """Measures numbered inline in one value, each with its time point when these are numbered
    the same way (the EU register: "1. A 2. B" over "1. Month 6 2. Month 12"), else the one."""
    measures = _numbered(measure, first_read)
    if measures is None:
        return None
    frames = _numbered(frame, first_read) if frame else None
    if frames is None or len(frames) != len(measures):
        return [(m, frame) for m in measures]
    return list(zip(measures, frames, strict=True))


def _frame_clause(measure: str) -> str | None:
    """The latest "at month 6"-like clause ending a part of the measure, if any (a group's
    note after it aside: "MG-ADL change at Week 24 (cohort A)")."""
    clauses = [
        clause
        for part in measure.split(";")
        if (clause := _clause_ending(_GROUP_NOTE.sub("", part.strip())))
    ]
    latest = max(clauses, key=lambda c: parse_time_frame_days(c) or 0, default=None)
    return latest.rstrip(" .") if latest else None  # the sentence's full stop is not the frame's


# (not one with a time of its own: "(Week 24 for cohort B)")
_GROUP_NOTE = re.compile(rf"\s*\([^()\d]*\b(?:{GROUP_NOUNS})\b[^()\d]*\)$", re.I)


def _clause_ending(part: str) -> str | None:
    """The longest frame clause that ends ``part``: "from baseline in X at week 12" is
    not one, "at week 12" is."""
    at = max(0, len(part) - _MAX_CLAUSE)  # each try reads to the end: a long part costs
    while (m := _FRAME_CLAUSE.search(part, at)) is not None:
        if is_time_frame(m.group()):
            return m.group()
        at = m.start() + 1
    return None


def _is_bare_frame(line: str) -> bool:
    return is_time_frame(line)


# A cell beside a measure that opens with a duration or a time point counted from an
# event: its frame, told at length ("28 days after the first and only CAR-T infusion");
# not "6 months or longer duration of depletion", which describes the measure.
_FRAME_OPENING = re.compile(
    r"^(?:(?:up\s+to|within|through|until|for|at)\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:days?|weeks?|months?|years?|hours?)|(?:day|week|month|year)\s*\d+)"
    r"\s+(?:after|post|following|from|since|of\s+(?:treatment|follow-up|infusion))\b",
    re.IGNORECASE,
)


def _opens_with_frame(cell: str) -> bool:
    return _FRAME_OPENING.match(cell) is not None


def build_endpoints(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [r for view in doc_views(staged) for r in endpoint_rows(view, trial_id(view))]
    return frame_of(rows, ENDPOINTS)
