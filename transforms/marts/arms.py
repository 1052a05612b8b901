"""marts.arms — one row per arm or group of a trial.

An arm block opens with a type-prefixed line ("Experimental: High dose") or
a short title line; the short lines right after it name its interventions
and the sentences describe it. A table row is one arm, its cells read by the
column their header names ("| Participant Group/Arm | Intervention/Treatment |")
or, with no header, by position and shape. Pages that only count their groups
("50 participants in 1 patient group") get that many arms with no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from operator import itemgetter

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import ARMS, frame_of
from transforms.text.arm_table import ARM_COLUMNS, BARE_ARM_TYPE
from transforms.text.badges import GROUPS_LISTED
from transforms.text.lexicon import FOREIGN_SECTIONS, INTERVENTION_TYPES, TYPED_INTERVENTION
from transforms.text.scripts import latin_only, mostly_cjk
from transforms.text.tables import cell_lines, column_key, column_roles, spaced_cells, table_cells
from transforms.values import enums
from transforms.values.doses import find_doses
from transforms.values.durations import is_time_frame

Row = dict[str, object]
_TYPED = re.compile(
    r"^(?P<type>experimental|active comparator|placebo comparator|sham comparator|"
    r"no intervention|other)\s*(?:arm)?\s*[:：-]\s*(?P<label>.+)$",
    re.IGNORECASE,
)
# The type after the name: "Cohort 1 (DL1) — Experimental", "Observation (No Intervention)".
_TYPED_AFTER = re.compile(
    r"^(?P<label>.+?)\s*(?:[:：]\s*|\s[-–—]\s*|\()(?P<type>experimental|active comparator"
    r"|placebo comparator|sham comparator|no intervention)(?:\s+arm)?\)?$",
    re.IGNORECASE,
)
_INTERVENTION_TYPES = rf"(?:{INTERVENTION_TYPES})\s*:\s*"
_INTERVENTION = TYPED_INTERVENTION
# An intervention's own details under its name (UCB's, the EU register's product block).
_PRODUCT_DETAIL = re.compile(
    r"^(?:active\s+substance|pharmaceutical\s+form|route\s+of\s+administration|dosage\s+form"
    r"|other\s+names?|product\s+code)\s*:",
    re.IGNORECASE,
)
_INTERVENTION_TYPE = re.compile(rf"^(?:{INTERVENTION_TYPES})$", re.IGNORECASE)  # a field's label
# Where the next intervention starts where several are listed: "Drug: A Drug: B" in a
# table cell, "Device: A; Device: B" in a field.
_NEXT_INTERVENTION = re.compile(
    rf"\s*[;,]\s*(?={_INTERVENTION_TYPES})|(?<=\S)\s+(?={_INTERVENTION_TYPES})", re.IGNORECASE
)
_GROUP_COUNT = re.compile(
    r"\b(\d{1,2})\s+(?:patient\s+|treatment\s+|study\s+)?(?:groups?|arms?|cohorts?)\b",
    re.IGNORECASE,
)
# The trial itself said to have one arm: "This is a single-arm, open-label study", "a
# single-arm trial", "Single Group Assignment"; not "earlier single-arm studies".
_SINGLE_ARM = re.compile(
    r"\b(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:is|was)\s+an?\s+(?:[\w-]+[\s,]+){0,3}?"
    r"(?:single|one)[\s-](?:arm|group)\b"
    r"|\ban?\s+(?:[\w-]+[\s,]+){0,2}?single[\s-](?:arm|group)[\s,]+(?:[\w-]+[\s,]+){0,3}?"
    r"(?:study|trial)\b"
    r"|\bsingle[\s-]group\s+assignment\b",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 12
# "Arm 1: Low dose", "Cohort A (SLE): CD19 CAR-T …", "Group II - Placebo".
_NAMED_ARM = re.compile(
    r"^(?P<label>(?:arm|group|cohort|part|study\s+arm|treatment\s+group|dose(?:\s+level)?)\s*"
    r"(?:\d{1,2}|[A-Z]|[IVX]{1,4})(?:\s*\([^()]{1,40}\))?"
    # or a name ending in its kind: "Low-dose group: …", "CAR-T arm: …"
    r"|[A-Za-z][\w+/-]*(?:\s[\w+/-]+){0,3}[\s-](?:group|arm|cohort)"
    r"(?:\s*\((?:experimental|active comparator|placebo comparator|sham comparator|"
    r"no intervention)\))?)"  # "Dermatomyositis cohort (Experimental): …"
    r"\s*[:：\-–]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_COUNT_LABEL = re.compile(
    r"^(?:E\.8\.9\.1\s+)?number\s+of\s+(?:treatment\s+)?(?:arms|groups|cohorts)\b", re.I
)
_MAX_STATED_ARMS = 20
_TRANSLATION_REACH = 200  # characters from a Chinese arm's field to its English one
# "Control arm: …", "Experimental group - …": a name, its kind, then what it gets.
_KIND_BEFORE_COLON = re.compile(
    r"^[A-Za-z][\w-]*(?:\s[\w-]+){0,2}\s(?P<kind>arm|group|cohort)\s*[:：\-–]", re.IGNORECASE
)
# An arm's name, then which group it is: "Complete caries removal: Control group".
_NAME_THEN_GROUP = re.compile(
    r"^(?P<label>[^:：\d]{2,60})[:：]\s*(?P<rest>(?:[^\W\d]+[\s-]+){0,3}(?:group|arm|cohort))\.?$",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 5
_MIN_DESCRIPTION_WORDS = 5
_LABEL_DASH = re.compile(r"\s[-–—]\s")
# The sentence that describes an arm, as ClinicalTrials.gov words it: "Participants receive …".
_RUN_ON_SENTENCE = re.compile(
    r"(?<=\S\s)(?:Participants|Patients|Subjects)\s+(?:will\s+)?(?:receive|get|undergo|are)\b"
    # "GET73 GET73 is administered at …": the label, then a sentence about what it names
    r"|(?<=\S\s)[A-Z][\w-]*\s+(?:is|are|will\s+be)\s+(?:administered|given|infused|injected)\b"
)
# Words that open a sentence, not a group's name: "This group: …", "Each arm - …".
_NOT_NAMES = frozenset({"this", "each", "every", "the", "a", "an", "one", "per", "either"})
_NOT_GROUPS = _NOT_NAMES | {"dose"}  # in an interventions section: one arm's dose levels
# "Description: …" / "Arm Description: …" under an arm.
_DESCRIBED = re.compile(
    r"^(?:arm\s+(?:group\s+)?)?description\s*[:：]\s*(?P<text>.+)$", re.IGNORECASE
)
_BULLETS = frozenset("-*•+")
_ARM_FIELDS = frozenset({"arms", "arm_type", "intervention"})
_DESCRIPTION_LABEL = re.compile(r"^(?:arm\s+(?:group\s+)?)?description\s*[:：]?$", re.IGNORECASE)


@dataclass
class ArmBlock:
    """One arm as the page lays it out, with its raw span."""

    label: str | None
    arm_type: str | None
    start: int
    end: int
    interventions: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    from_table: bool = False  # read from a table's row
    section_ordinal: int | None = None  # the section a line opened it in


def arm_blocks(view: DocView) -> list[ArmBlock]:
    """The page's arms in order, with raw spans (see ``_ArmReader``)."""
    opened_in = {str(r["section"]) for r in view.fields if r["field"] == "arms" and r["value"]}
    named_in = {
        str(r["section"])
        for r in view.items_in("interventions")
        if _names_a_group(r) or _heads_arm_columns(r)
    }
    sections = {"arms"} | ((opened_in | named_in) & {"interventions"})
    items = [part for r in view.items if r["section"] in sections for part in _group_parts(view, r)]
    fields = [
        r
        for r in view.fields
        if r["field"] in _ARM_FIELDS and r["value"] and r["section"] not in FOREIGN_SECTIONS
    ]
    ordered = sorted(
        [(int(r["norm_start"]), True, r) for r in items]  # type: ignore[arg-type]
        + [(int(r["norm_start"]), False, r) for r in fields],  # type: ignore[arg-type]
        key=itemgetter(0),
    )
    listed = _others_listed(ordered)
    typed_page = any(_TYPED.match(str(r["text"]).strip()) for r in items if id(r) not in listed)
    # the names an interventions section lists after the arms
    interventions = {str(r["text"]).strip().casefold() for r in view.items_in("interventions")}
    fielded = _sections_with_arm_fields(view)
    reader = _ArmReader(
        named_lines_open_arms=not typed_page,
        interventions=interventions,
        section_starts={int(s["section_ordinal"]): int(s["norm_start"]) for s in view.sections},  # type: ignore[arg-type]
        listed_labels=_listed_labels(
            [r for r in items if r["section_ordinal"] not in fielded], interventions
        ),
    )
    for _, is_item, row in ordered:
        if is_item and id(row) in listed and reader.current is None:
            continue  # an intervention listed before any arm, as its typed siblings are
        if is_item:
            reader.item(row)
        else:
            reader.field(row)
    return reader.arms


def _listed_labels(items: list[Row], interventions: set[str]) -> set[int]:
    """The ids of the lines that lists of arm names hold, a name a line.

    A site lists under each product the arms given it, then the next product's name and
    what it is ("Arms:" / "KYV-101 Low Dose" / "KYV-101 High Dose" / "Cyclophosphamide" /
    "1000 mg/m2 on Day -5."); the last list ends the section. A page with one list: its
    names to the section's end, or all but the last before a sentence (the next
    product's name). Names numbered alike with other lines between, typed or dosed
    lines, schedules and what the interventions section names are left to the reader
    ("Part 1" / "Dose escalation" / "Part 2" / "Dose expansion").
    """

    def names_an_arm(row: Row) -> bool:
        return _names_an_arm(row) and _key(row) not in interventions

    def listed_again(row: Row) -> bool:  # repeated lists hold names of any shape
        text = str(row["text"]).strip()
        return (
            len(text.split()) <= _MAX_TITLE_WORDS
            and not text.endswith((".", ";", ":"))
            and not _LYMPHODEPLETION_AGENT.match(text)
            and "   " not in text
        )

    sections: dict[int, list[Row]] = {}
    for r in items:
        if r["section"] == "arms":
            sections.setdefault(int(r["section_ordinal"]), []).append(r)  # type: ignore[call-overload]
    lists = [rows for rows in sections.values() if names_an_arm(rows[0])]
    if len(lists) < 2:  # "Cohort 1: GC012F 1 x 10^5 cells/kg" opening list after list
        firsts = [_key(rows[0]) for rows in sections.values()]
        again = [
            rows
            for rows in sections.values()
            if firsts.count(_key(rows[0])) > 1 and listed_again(rows[0])
        ]
        if len(again) > 1:
            lists, names_an_arm = again, listed_again
    named: list[Row] = []
    for i, rows in enumerate(lists):
        run = _leading(rows, names_an_arm)
        if len(lists) > 1:  # the next product's name and what it is, but under the last list
            named += run if i == len(lists) - 1 else _leading(rows[:-2], names_an_arm)
        elif len(run) == len(rows):
            named += run if _alike(run) else []
        elif not _is_title(str(rows[len(run)]["text"]).strip()):
            named += run[:-1] if _alike(run[:-1]) else []
    return {id(r) for r in named}


def _alike(rows: list[Row]) -> bool:
    """Whether one list's names are written alike, as a list of arms is ("Low dose" / "High
    dose", "CAR-T arm" / "Standard induction arm"): sharing their first or last word. An
    arm's name over what it gets shares none ("KYV-101" / "Anti-CD19 CAR T cells")."""
    words = [str(r["text"]).casefold().split() for r in rows]
    if len(words) < 2 or _interleaved(rows):
        return False
    return len({w[0] for w in words}) == 1 or len({w[-1] for w in words}) == 1


def _sections_with_arm_fields(view: DocView) -> set[int]:
    """The sections that name their arms in fields ("Arm: Experimental: Group A"): their
    other lines are what the fields' arms are, not a list of names."""
    starts = sorted((int(s["norm_start"]), int(s["section_ordinal"])) for s in view.sections)  # type: ignore[call-overload]
    held = set()
    for r in view.fields:
        if r["field"] == "arms" and r["value"]:
            at = int(r["norm_start"])  # type: ignore[call-overload]
            held.add(next((o for start, o in reversed(starts) if start <= at), -1))
    return held


def _interleaved(rows: list[Row]) -> bool:
    """Names numbered alike with a line between ("Cohort 1" / "Dermatomyositis" /
    "Cohort 2"): each arm's name and what it is for."""
    texts = [str(r["text"]).strip() for r in rows]
    return any(_numbered_alike(a, b) for a, b in zip(texts, texts[2:], strict=False))


def _leading(rows: list[Row], keep: Callable[[Row], bool]) -> list[Row]:
    """The rows before the first that ``keep`` refuses."""
    for i, row in enumerate(rows):
        if not keep(row):
            return rows[:i]
    return rows


def _names_an_arm(row: Row) -> bool:
    """A plain name on its line: no type, label, dose, dash or aligned columns (lines the
    reader opens arms at by their own shape)."""
    text = str(row["text"]).strip()
    return (
        _is_title(text)
        and not BARE_ARM_TYPE.match(text)
        and not _DESCRIPTION_LABEL.match(text)
        and _NAMED_ARM.match(text) is None
        and _TYPED_AFTER.match(text) is None
        and _LABEL_DASH.search(text) is None
        and "   " not in text  # "Cohort A (SSc)     Experimental   GC012F"
        and table_cells(text) is None
        and not _LYMPHODEPLETION_AGENT.match(text)
        and not find_doses(text)
        and not is_time_frame(text)  # "Week 1" / "Leukapheresis": a schedule
    )


def _key(row: Row) -> str:
    return " ".join(str(row["text"]).casefold().split())


# Conditioning drugs listed as products: never an arm's name.
_LYMPHODEPLETION_AGENT = re.compile(
    r"^(?:fludarabine|cyclophosphamide|bendamustine)(?:\s+phosphate)?$", re.IGNORECASE
)


def _others_listed(ordered: list[tuple[int, bool, Row]]) -> set[int]:
    """The ids of "Other: X" items that go on a list of typed interventions ("Biological:
    Certolizumab Pegol" / "Other: Placebo"), or that an intervention field names again
    ("Treatment: Other: X" under an arm): ClinicalTrials.gov's intervention type, not the
    arm type "Other" that a line alone or among arms has."""
    listed: set[int] = set()
    previous: Row | None = None
    named = {
        str(row["value"]).strip().casefold()
        for _, is_item, row in ordered
        if not is_item and row["field"] == "intervention"
    }
    for _, is_item, row in ordered:
        text = str(row["text"]).strip() if is_item else ""
        if (
            is_item
            and text[:5].lower() == "other"
            and (
                text.casefold() in named
                or (previous is not None and previous["section"] == row["section"])
            )
            and _INTERVENTION.match(text)
        ):
            listed.add(id(row))
            continue
        typed = (
            _INTERVENTION.match(text) is not None
            if is_item
            else row["field"] == "intervention"
            and _INTERVENTION_TYPE.match(str(row["label"] or "")) is not None
        )
        previous = row if typed else None
    return listed


# Levels listed on one line ("Dose level 1: 1×10^6 cells/kg; dose level 2: …"): an arm's
# doses, not arms.
_LEVELS_LISTED = re.compile(r"[;；]\s*(?:dose\s+level|level|DL)\s*-?\d", re.IGNORECASE)
_PART = re.compile(r"[^;；]+")
_NAMES_A_GROUP = re.compile(r"\b(?:group|arm|cohort)s?$", re.IGNORECASE)
_GROUP_PART = re.compile(r"^[^:：;；]{1,40}(?:group|arm|组)\s*[:：]", re.IGNORECASE)


def _group_parts(view: DocView, row: Row) -> list[Row]:
    """A line of named groups parted by semicolons, one item a group: ChiCTR's
    "Low dose group:Relma-cel 1x10^5 CAR-T cells/kg;High dose group:…;" (as WHO ICTRP
    prints it); any other line, itself."""
    text = str(row["text"])
    if ";" not in text and "；" not in text:
        return [row]
    parts = [part for part in _PART.finditer(text) if part.group().strip()]
    if len(parts) < 2 or not all(_GROUP_PART.match(part.group().strip()) for part in parts):
        return [row]  # "Dose level 1: …; dose level 2: …" describes one arm
    norm = int(row["norm_start"])  # type: ignore[arg-type]
    rows = []
    for part in parts:
        start = norm + part.start() + len(part.group()) - len(part.group().lstrip())
        end = norm + part.end()
        raw_start, raw_end = view.raw_span(start, end)
        rows.append(
            row
            | {
                "text": part.group().strip(),
                "norm_start": start,
                "span_start": raw_start,
                "span_end": raw_end,
            }
        )
    return rows


class _ArmReader:
    """Reads arm lines, table rows and arm fields, in page order, into arms.

    An arm opens at a type-prefixed line ("Experimental: High dose"), a table
    row, a labelled field ("Group:", "Arm Group Label:"), and, on a page that
    types no arm, at a named line ("Arm 1: Low dose", "Cohort A (SLE): …") or a
    short title after a described arm. Paired header words printed as lines
    ("Participant Group/Arm") are skipped; a lone "Treatment group" is an arm.
    Short lines after an arm name interventions, sentences describe it; "Arm
    Group Type:" types it; an intervention field belongs to the arm opened in
    its section.
    """

    def __init__(
        self,
        *,
        named_lines_open_arms: bool,
        interventions: set[str],
        section_starts: Mapping[int, int],
        listed_labels: set[int],
    ) -> None:
        self.arms: list[ArmBlock] = []
        self.named_lines_open_arms = named_lines_open_arms
        self.columns: list[str | None] | None = None  # roles of the current table's columns
        self.spaced: int | None = None  # the columns of a header parted by spaces, counted
        self.spaced_typed: bool | None = None  # whether the first row under it was typed
        self.spaced_in: object = None  # the section it heads: its rows end with it
        self.section: str | None = None  # where the current arm was opened
        self.table_arm: ArmBlock | None = None  # the last arm read from a table row
        self.describing = False  # a "Description" line alone names the next line
        # "Other: X" read as the current arm's intervention, until a line shows it was an arm
        self.tentative: tuple[str, Row] | None = None
        self.opened: Row | None = None  # the row that opened the current arm
        self.pending_type: str | None = None  # a type alone on its line, for the next arm
        self.other_table = False  # in a table of something else (dose levels), to its end
        # interventions of a field block not yet tied to an arm by its "Arm Group Label:"
        self.block_interventions: list[str] = []
        self.interventions = interventions  # lines of the interventions section, casefolded
        # the arm a named line just opened, its words after the colon read as what it gets,
        # and the whole line: its label after all if its type follows on the next line
        self.split: tuple[ArmBlock, str] | None = None
        self.section_starts = section_starts  # where each section's body starts
        # an arm named again in a later list (site A lists under each product the arms it is
        # given in): what follows is that arm's, until another arm opens
        self.reopened: ArmBlock | None = None
        self.described_before = 0  # the reopened arm's description lines when named again
        self.listed_labels = listed_labels  # ids of the lines that lists of arm names hold
        # where an intervention field stood before any arm: the line under it describes it
        self.unowned_at: int | None = None
        # the arm a plain line was just read as the intervention of, and that line
        self.absorbed: tuple[ArmBlock, Row] | None = None

    @property
    def current(self) -> ArmBlock | None:
        if self.reopened is not None:
            return self.reopened
        return self.arms[-1] if self.arms else None

    def _under_the_arm(self, row: Row) -> bool:
        """Whether an item is set under the line that opened the current arm: deeper, or
        bulleted under an unbulleted or numbered line ("2. Placebo Comparator: Placebo" /
        "• Other: Saline")."""
        if self.opened is None:
            return False
        (marker, depth), (opener, opener_depth) = _list_place(row), _list_place(self.opened)
        return depth > opener_depth or (marker[:1] in _BULLETS and opener[:1] not in _BULLETS)

    def _beside_the_arm(self, row: Row, *, numbered: bool = False) -> bool:
        """Whether an item is the current arm's sibling in one list: the same bullet at the
        same depth ("- Certolizumab Pegol 200 mg Q2W" / "- Placebo"); with ``numbered``,
        the next number too ("2. Placebo Comparator: …" / "3. Other: …")."""
        if self.opened is None or self.opened.get("section") != row.get("section"):
            return False
        (marker, depth), (opener, opener_depth) = _list_place(row), _list_place(self.opened)
        if not marker or depth != opener_depth:
            return False
        if numbered and marker[:1].isdigit() and opener[:1].isdigit():
            return True
        return marker[:1] in _BULLETS and marker == opener

    def open(self, label: str, row: Row) -> ArmBlock:
        self.opened = row
        typed = _TYPED.match(label) or _TYPED_AFTER.match(label)
        label, description = _described_label(typed.group("label").strip() if typed else label)
        pending, self.pending_type = self.pending_type, None
        arm = ArmBlock(
            label,
            enums.normalize_arm_type(typed.group("type")) if typed else pending,
            int(row["span_start"]),  # type: ignore[arg-type]
            int(row["span_end"]),  # type: ignore[arg-type]
        )
        if description:
            arm.description.append(description)
        self.arms.append(arm)
        self.reopened = None
        arm.section_ordinal = int(row.get("section_ordinal") or -1)  # type: ignore[call-overload]
        self.section = str(row["section"])
        return arm

    def field(self, row: Row) -> None:
        value, current = str(row["value"]).strip(), self.current
        if row["field"] == "arms":
            if value.isdigit():
                return  # "Arms: 2": how many, read by ``_stated_group_count``
            header = row["origin"] == "table" and column_key(value) in ARM_COLUMNS
            named = self._named(value)
            if self._translates_current(value, row):
                current.label = value  # type: ignore[union-attr]  # "组别：试验组" / "Group：…"
            elif named is not None and self.block_interventions:
                self._move_block(named)  # an intervention block's "Arm Group Label: CAR-T"
            elif self._names_numbered_arm(row):
                current.label = f"{current.label}: {value}"  # type: ignore[union-attr]
            elif not header and not _repeats(current, value):  # "| Arm | Intervention |"
                self.open(value, row)
            self.block_interventions = []
            return
        if current is None and row["field"] == "intervention" and row["origin"] == "label_block":
            self.unowned_at = int(row["norm_start"])  # type: ignore[call-overload]
        if current is None or row["section"] != self.section:
            return
        if row["field"] == "arm_type":
            current.arm_type = enums.normalize_arm_type(value)
        else:  # "Device: Genius; Device: PicoPlus": one name each
            for part in _NEXT_INTERVENTION.split(value):
                if (name := _intervention_name(part)) not in current.interventions:
                    current.interventions.append(name)
                    self.block_interventions.append(name)
        current.end = max(current.end, int(row["span_end"]))  # type: ignore[arg-type]

    def _translates_current(self, value: str, row: Row) -> bool:
        """Whether an arm field gives in English the Chinese name of the arm just opened by
        the field before it (ChiCTR prints each label and value in both languages)."""
        current, opened = self.current, self.opened
        return (
            current is not None
            and opened is not None
            and opened.get("field") == "arms"
            and current.label is not None
            and mostly_cjk(current.label)
            and latin_only(value)
            and not current.interventions
            and int(row["norm_start"]) - int(opened["norm_start"]) < _TRANSLATION_REACH  # type: ignore[arg-type]
        )

    def _names_numbered_arm(self, row: Row) -> bool:
        """Whether an arm field names the arm a numbered line just opened, its label under
        it: "Arm 1" / "Name: Low dose group" / "Type: Experimental" is one arm, not two."""
        current, opened = self.current, self.opened
        return (
            current is not None
            and opened is not None
            and "field" not in opened  # opened by a line of its own, not by a field
            and opened.get("section") == row.get("section")
            and _is_bare(current)
            and current.arm_type is None
            and _NUMBERED_NAME.match(current.label or "") is not None
        )

    def _sibling_of_opener(self, text: str) -> bool:
        """Whether a named line is written as the line that opened the current arm, on a page
        that types its arms: "Experimental arm: CD19 CAR-T" / "Control arm: standard of care"."""
        if self.opened is None or (kind := _KIND_BEFORE_COLON.match(text)) is None:
            return False
        opener = _KIND_BEFORE_COLON.match(str(self.opened.get("text") or "").strip())
        return opener is not None and opener["kind"].lower() == kind["kind"].lower()

    def _lists_as_intervention(self, text: str) -> bool:
        """Whether the interventions section names ``text`` and the current arm lists them, on
        a page that does not name its arms after them ("Dose escalation" / "Fludarabine" /
        "CD19 CAR-T cells"; not "KYV-101" / … / "Placebo", nor "CAR-T group" / "Participants
        receive …" / "Standard of care")."""
        current = self.current
        if current is None or text.casefold() not in self.interventions:
            return False
        listed = [name for name in current.interventions if name.casefold() in self.interventions]
        return bool(listed) and (current.label or "").casefold() not in self.interventions

    def _opened_by_a_line(self) -> bool:
        """Whether the current arm opened at a line of its own (an item or a field: "Group⇥CAR-T"
        is a label and its value), not at a table's row."""
        if self.opened is None:
            return False
        text = self.opened.get("text")
        return text is None or table_cells(str(text)) is None

    def reopen(self, arm: ArmBlock, row: Row) -> None:
        self.reopened, self.opened, self.described_before = arm, row, len(arm.description)

    def _described(self, arm: ArmBlock) -> bool:
        """Whether the arm has a description; a reopened one, since it was named again (what
        came after its name the first time was the next product's)."""
        return len(arm.description) > (self.described_before if arm is self.reopened else 0)

    def _named_again(self, text: str, row: Row) -> ArmBlock | None:
        """The untyped arm a line names again in a later section of the page, if any."""
        arm = self._named(text) if self.named_lines_open_arms else None
        if arm is None or arm.arm_type is not None or arm.from_table:
            return None
        here = int(row.get("section_ordinal") or -1)  # type: ignore[call-overload]
        return arm if arm.section_ordinal not in (None, here) else None

    def _named(self, label: str) -> ArmBlock | None:
        """The arm already opened under this label, if any."""
        key = label.casefold()
        return next((arm for arm in self.arms if (arm.label or "").casefold() == key), None)

    def _move_block(self, arm: ArmBlock) -> None:
        """Give the interventions just read to the arm their block names (ClinicalTrials.gov's
        records list each intervention with "Arm Group Label:" after its name, so they were
        first read as the last opened arm's)."""
        current = self.current
        for name in self.block_interventions:
            if current is not None and name in current.interventions:
                current.interventions.remove(name)
            if name not in arm.interventions:
                arm.interventions.append(name)

    def item(self, row: Row) -> None:
        text = str(row["text"]).strip()
        start, end = int(row["span_start"]), int(row["span_end"])  # type: ignore[arg-type]
        tentative, self.tentative = self.tentative, None
        split, self.split = self.split, None
        unowned_at, self.unowned_at = self.unowned_at, None
        absorbed, self.absorbed = self.absorbed, None
        cells = table_cells(text)
        if self.spaced is not None and row["section_ordinal"] != self.spaced_in:
            self.spaced = None
        if cells is None and self.spaced is not None and "  " in text:
            spaced = spaced_cells(text)  # "Cohort A   Experimental   MB-CART19.1": a
            if len(spaced) == self.spaced:  # row under such a header
                typed = _TYPED.match(spaced[0]) is not None
                self.spaced_typed = typed if self.spaced_typed is None else self.spaced_typed
                if self.spaced_typed and not typed and self.current is not None:
                    # "Participants receive fludarabine 30     cells": the cells of a typed
                    # row wrapped (a text browser's table); no row of its own
                    self.current.description.append(" ".join(spaced))
                    self.current.end = max(self.current.end, end)
                    return
                cells = spaced
        if cells is not None:
            if (roles := column_roles(cells, ARM_COLUMNS)) is None and _heads_other_table(cells):
                self.other_table = True  # "| Dose level | Patients | Dose |"
            if self.other_table and roles is None:
                return
            self.other_table = False
            current = self.current
            if (
                current is not None
                and current is not self.table_arm
                and len(cells) == 2
                and _DESCRIPTION_LABEL.match(cells[0])
            ):  # "Arm description⇥Single infusion …" under "Arm title⇥X": a label and its value
                current.description.append(cells[1])
                current.end = max(current.end, end)
                return
            if (
                current is not None
                and current is not self.table_arm
                and len(cells) == 2
                and (not _is_title(cells[0]) or self._opened_by_a_line())
                and not _TYPED.match(cells[0])
                and (named := _INTERVENTION.match(cells[1])) is not None
            ):  # "The subjects received … | Biological: CAR-T" under "Experimental: X" (a
                # table copied from a browser: the arm's cell went on over lines, its last
                # line beside the first of the interventions' cell, "(CLOSED) | Drug: X")
                if tentative is not None:  # "Other: Healthy controls" was an arm's title
                    current.interventions.remove(tentative[0])
                    current = self.open(str(tentative[1]["text"]).strip(), tentative[1])
                current.description.append(cells[0])
                if (name := named.group("name").strip()) not in current.interventions:
                    current.interventions.append(name)
                current.end = max(current.end, end)
                return
            if (roles := column_roles(cells, ARM_COLUMNS)) is not None:
                self.columns = roles
            elif (arm := _table_arm(cells, self.columns, start, end)) is not None:
                arm.from_table = True
                self.arms.append(arm)
                self.section = str(row["section"])
                self.table_arm = arm
            return
        self.other_table = False
        if ("/" in text or "  " in text) and _heads_arms_by_lines(text):
            # a table's header printed as lines: "Participant Group/Arm", or its cells parted
            # by spaces ("Participant Group/Arm      Intervention/Treatment", lynx)
            if len(header := spaced_cells(text)) > 1:
                self.columns = column_roles(header, ARM_COLUMNS)
                self.spaced, self.spaced_typed = len(header), None
                self.spaced_in = row["section_ordinal"]
            return
        if text.isdigit():
            return  # "Arms: 2" (a heading and its count): read by ``_stated_group_count``
        current = self.current
        if (
            current is None
            and unowned_at is not None
            and self.section_starts.get(int(row["section_ordinal"]), 0) <= unowned_at  # type: ignore[call-overload]
            and not _TYPED.match(text)
            and not _NAMED_ARM.match(text)
        ):  # "Treatment" / "Biospecimen Collection" / "Undergo blood sample collection": what
            # the treatment is, under it, before any arm; and the products listed after it
            self.unowned_at = unowned_at  # ("Fludarabine" / "30 mg/m2/day IV for 3 days.")
            return
        if (
            tentative is not None
            and current is not None
            and tentative[0] in current.interventions
            and not _is_title(text)
            and _TYPED.match(text) is None
            and _INTERVENTION.match(text) is None
            and _PRODUCT_DETAIL.match(text) is None  # "Other: Placebo" / "Active Substance: …"
        ):  # "Other: Exercise and diet counselling" / "Participants exercise and …": an arm
            current.interventions.remove(tentative[0])
            arm = self.open(str(tentative[1]["text"]).strip(), tentative[1])
            arm.description.append(text)
            arm.end = max(arm.end, end)
            return
        if (again := self._named_again(text, row)) is not None:
            self.reopen(again, row)
            return
        if id(row) in self.listed_labels:  # "Arms:" / "KYV-101 Low Dose" / "KYV-101 High Dose"
            if (named := self._named(text)) is not None and not named.from_table:
                self.reopen(named, row)
            else:  # the whole line: "Cohort 1: GC012F 1 x 10^5 cells/kg" names one arm
                arm = self.open(text, row)
                arm.label, arm.description = text, []
            return
        if self.describing and current is not None:
            self.describing = False  # "Description:" / "Group A (up to n=5): Genius exposure …"
            current.description.append(text)
            current.end = max(current.end, end)
            return
        bare_type = BARE_ARM_TYPE.match(text)
        # the arm just opened above, with nothing under it but its own line's words
        types_current = (
            current is not None
            and current.arm_type is None
            and (_is_bare(current) or (split is not None and split[0] is current))
        )
        if bare_type is not None and bare_type["suffix"] and not types_current:
            bare_type = None  # "Experimental group" / "Patients receive …": a group's name
        if bare_type is not None:  # "EXPERIMENTAL" on a line of its own
            if split is not None and split[0] is current and current.arm_type is None:
                # "Arm A: KYV-101" / "EXPERIMENTAL": the whole line was the arm's label
                current.label, current.interventions, current.description = split[1], [], []
            # "Experimental group", "Other group" under a group's name too
            kind = enums.normalize_arm_type(bare_type["type"] or bare_type["code"])
            if types_current:
                current.arm_type = kind  # after the arm's label ("Cohort 1: GC012F …" too)
            elif (
                absorbed is not None
                and absorbed[0] is current
                and current.arm_type is not None
                and current.description  # the arm told whole: name, type, what, how
            ):
                # "Placebo" / "PLACEBO_COMPARATOR" after a typed arm: the line read as what
                # that arm gets (the interventions section names it) was the next arm's name
                current.interventions.remove(str(absorbed[1]["text"]).strip())
                self.open(str(absorbed[1]["text"]).strip(), absorbed[1]).arm_type = kind
            else:
                self.pending_type = kind  # before the next arm's
            return
        untyped = self.named_lines_open_arms  # the page types no arm
        named = _NAMED_ARM.match(text) if untyped or self._sibling_of_opener(text) else None
        if (
            text[:5].lower() == "other"
            and current is not None
            and current is not self.table_arm
            and (other := _TYPED.match(text)) is not None
            and (
                current.interventions
                or self._under_the_arm(row)
                or _names_alike(current.label, other.group("label"))  # "Placebo" / "Other:
            )  # Placebo", "Incomplete caries removal" / "Other: Incomplete caries removal in …"
            and not self._beside_the_arm(row, numbered=True)  # "3. Other: Healthy volunteers"
        ):  # "Other: Questionnaire" among an arm's interventions (ClinicalTrials.gov's text
            # view): an intervention, unless an arm's "description | intervention" row follows
            name = other.group("label").strip()
            current.interventions.append(name)
            current.end = max(current.end, end)
            self.tentative = (name, row)
        elif _TYPED.match(text) or _TYPED_AFTER.match(text):  # "Placebo qw — Experimental"
            self.open(text, row)
        elif (
            named
            and not (current is not None and _LEVELS_LISTED.search(text))
            and not _restates(current, named["label"])  # "Group A (up to n=5): Genius …"
        ):
            self._open_named(named, row)
        elif (
            untyped
            and row["section"] == "arms"
            and (grouped := _NAME_THEN_GROUP.match(text)) is not None
            and not _INTERVENTION.match(text)
        ):  # "Complete caries removal: Control group"
            self.open(grouped.group("label").strip(), row).description.append(grouped["rest"])
        elif (
            untyped
            and row["section"] == "arms"  # an interventions section's lines are not arm titles
            and _is_title(text)
            and (current is None or not self._lists_as_intervention(text))
            and (
                current is None
                or self._described(current)
                or self._beside_the_arm(row)
                or _numbered_alike(current.label, text)  # "Dose level 1" / "Dose level 2"
            )
        ):
            self.open(text, row)
        elif current is not None and current is not self.table_arm:  # a row ends at its line
            described = _DESCRIBED.match(text)
            intervention = _INTERVENTION.match(text)
            if _DESCRIPTION_LABEL.match(text):
                self.describing = True  # "Description" / "Genius exposure 1-3 hours before …"
                return
            if described:
                current.description.append(described.group("text"))
            elif intervention or (
                _is_title(text)
                and (not self._described(current) or text.casefold() in self.interventions)
                and not find_doses(text)
                and not _NAMES_A_GROUP.search(text)  # "Control group" describes the arm
            ):  # a line of its own stating a dose says what the arm gets, not what it is
                current.interventions.append(intervention.group("name") if intervention else text)
                self.absorbed = None if intervention else (current, row)
            else:
                current.description.append(text)
            current.end = max(current.end, end)

    def _open_named(self, named: re.Match[str], row: Row) -> None:
        """Open the arm a named line states.

        "Arm 1: Low dose" is one label; in "Cohort A: CD19 CAR-T 1 × 10^6 cells/kg"
        the label is "Cohort A" and the rest is what it gets (its description when it
        is only a dose: "Low-dose group: 5 × 10^5 CAR-T cells/kg").
        """
        label, rest = named.group("label").strip(), named.group("rest").strip()
        if _TYPED.match(rest):  # "Arm 1: Experimental: CD19 CAR-T - single infusion of …"
            arm = self.open(rest, row)
            arm.label = f"{label}: {arm.label}"
            return
        typed_label = _TYPED_AFTER.match(label) is not None  # "Arm 2 (Placebo Comparator)"
        if (typed_head := _typed_head(rest)) is not None:
            # "Arm 1: Low dose group (Experimental) - 5 × 10^5 cells/kg": typed, then what it gets
            arm = self.open(f"{label}: {typed_head[0]}", row)
            if typed_head[1]:
                arm.description.append(typed_head[1])
            return
        if (
            rest
            and not typed_label
            and len(rest.split()) <= _MAX_NAME_WORDS
            and not any(c.isdigit() for c in rest)
        ):
            self.open(f"{label}: {rest}", row)
            return
        arm = self.open(label, row)
        if rest:
            self.split = (arm, f"{label}: {rest}")
        intervention = _INTERVENTION.match(rest)
        doses = find_doses(rest) if rest and not intervention else []
        if doses:  # "AAV-CART 1 × 10^8 CAR-T cells, single IV infusion": the name, then what
            if name := rest[: doses[0].start].strip(" ,;:-–—"):  # the arm gets
                arm.interventions.append(name)
            arm.description.append(rest)
        elif intervention or (rest and _is_title(rest) and not rest[0].isdigit()):
            arm.interventions.append(intervention.group("name") if intervention else rest)
        elif rest:
            arm.description.append(rest)


_WORD = re.compile(r"[^\W\d_][\w/-]*")


def _typed_head(rest: str) -> tuple[str, str] | None:
    """A named line's words when they open with a typed name ("Low dose group
    (Experimental) - 5 × 10^5 cells/kg"): the name with its type, and what follows."""
    head, *tail = _LABEL_DASH.split(rest, maxsplit=1)
    if _TYPED_AFTER.match(head.strip()) is None:
        return None
    return head.strip(), tail[0].strip() if tail else ""


def _described_label(label: str) -> tuple[str, str | None]:
    """ "Dose escalation — Participants receive CD19 CAR-T at one of three dose levels":
    a short name, a dash, then a sentence describing the arm; "CAR-T - Dose level 1" is a name.
    A table cell whose line break was lost runs the two together: "Dose Level 1 (DL1)
    Participants receive 0.5 × 10^6 CAR-T cells/kg".
    """
    if (run_on := _RUN_ON_SENTENCE.search(label)) is not None and run_on.start() > 0:
        return label[: run_on.start()].rstrip(" -–—:"), label[run_on.start() :].strip()
    dash = _LABEL_DASH.search(label)
    if dash is None:
        return label, None
    name, rest = label[: dash.start()].strip(), label[dash.end() :].strip()
    if len(name.split()) > _MAX_NAME_WORDS or len(rest.split()) < _MIN_DESCRIPTION_WORDS:
        return label, None
    if _is_title_cased(rest):  # "Cohort A - Systemic Lupus Erythematosus With Lupus Nephritis"
        return label, None
    return name, rest


def _is_title_cased(text: str) -> bool:
    """Every longer word capitalised, as a name's words are and a sentence's are not."""
    words = [word for word in _WORD.findall(text) if len(word) > 3]
    return bool(words) and all(word[0].isupper() for word in words)


def _intervention_name(value: str) -> str:
    """ "Drug: Fludarabine" names Fludarabine; a name without its type is itself."""
    typed = _INTERVENTION.match(value)
    return typed.group("name").strip() if typed else value


def _names_a_group(item: Row) -> bool:
    """ "Low-dose group: 3×10⁵ cells/kg" in an interventions section opens an arm there;
    "Dose level 1: …" there is a dose of the one arm, as an arms section's is an arm."""
    named = _NAMED_ARM.match(str(item["text"]).strip())
    return named is not None and named.group("label").split()[0].lower() not in _NOT_GROUPS


def _heads_arms_by_lines(text: str) -> bool:
    cells = spaced_cells(text)
    return all(column_key(cell) in ARM_COLUMNS for cell in cells)


def _heads_arm_columns(item: Row) -> bool:
    """ "| Arm | Description |" over an interventions section's table: its rows are arms."""
    cells = table_cells(str(item["text"]))
    roles = column_roles(cells, ARM_COLUMNS) if cells else None
    return roles is not None and roles[0] == "arm"


def _list_place(row: Row) -> tuple[str, int]:
    """An item's list marker and depth (a field row has neither)."""
    return str(row.get("marker") or ""), int(row.get("depth") or 0)  # type: ignore[call-overload]


def _is_bare(arm: ArmBlock) -> bool:
    """An arm just opened: nothing read under its label yet."""
    return not arm.interventions and not arm.description


_REMARK = re.compile(r"\s*\([^()]*\)")


def _restates(arm: ArmBlock | None, label: str) -> bool:
    """Whether a named line's label is the arm's own, with a remark: "Group A (up to n=5)"
    under "Group A" begins its description."""
    return (
        arm is not None
        and _REMARK.sub("", label).strip().casefold() == (arm.label or "").casefold()
    )


def _names_alike(label: str | None, name: str) -> bool:
    """Whether an intervention's name is the arm's label or holds it (ClinicalTrials.gov
    names a placebo arm and its intervention alike)."""
    key, other = " ".join((label or "").casefold().split()), " ".join(name.casefold().split())
    return bool(key) and (other == key or other.startswith(f"{key} "))


def _repeats(arm: ArmBlock | None, label: str) -> bool:
    """A label printed twice in a row: the arm just opened, with nothing under it yet."""
    return arm is not None and arm.label == label and _is_bare(arm)


def arm_rows(view: DocView, tid: str, blocks: list[ArmBlock]) -> list[Row]:
    """Arms from ``blocks`` (``arm_blocks(view)``), as many as a stated group count at least
    ("40 participants in 2 patient groups" over groups the page lays out unread)."""
    arms = _once_each(blocks)
    stated = _stated_group_count(view, labelled_only=bool(arms))
    arms += [ArmBlock(None, None, 0, 0) for _ in range(stated - len(arms))]
    return [
        {
            "trial_id": tid,
            "source_file": view.source_file,
            "arm_ordinal": i,
            "label": arm.label,
            "arm_type": arm.arm_type,
            "description": " ".join(arm.description) or None,
            # Each name once: "Allo-CAR 1 × 10^6 cells/kg" and "Biological: Allo-CAR" name one.
            "intervention_names": list(dict.fromkeys(arm.interventions)) or None,
            "span_start": arm.start if arm.end else None,
            "span_end": arm.end if arm.end else None,
        }
        for i, arm in enumerate(arms, start=1)
    ]


def _once_each(blocks: list[ArmBlock]) -> list[ArmBlock]:
    """Each arm once: a page that lists its arms twice (a table, then a block per arm)
    names each by the same label; the second telling adds what the first lacked. Two
    blocks, or two rows, of one label are two arms (each part of a trial has its
    "Dose level 1"), unless untyped and one right after the other: a site that lists
    under each intervention the arms it is given in ("Arms: CAR-T treatment group" under
    each drug) names the arm again."""
    if len(blocks) < 2:
        return blocks
    kept: dict[str, ArmBlock] = {}
    out: list[ArmBlock] = []
    for block in blocks:
        key = " ".join((block.label or "").casefold().split())
        first = kept.get(key) if key else None
        named_again = (
            first is not None
            and out[-1] is first
            and first.arm_type is None
            and block.arm_type is None
            and not first.from_table
            and not block.from_table
        )
        if first is None or (first.from_table == block.from_table and not named_again):
            # "Part A" / "Part B" arms may share a label; the same arm told twice is a
            # table's row and a block
            merged = replace(
                block, interventions=list(block.interventions), description=list(block.description)
            )
            kept[key] = merged
            out.append(merged)
            continue
        first.interventions += [n for n in block.interventions if n not in first.interventions]
        if named_again:
            first.description += [d for d in block.description if d not in first.description]
            first.end = max(first.end, block.end)
            continue
        first.arm_type = first.arm_type or block.arm_type
        first.description = first.description or block.description
    return out


def build_arms(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [
        r for view in doc_views(staged) for r in arm_rows(view, trial_id(view), arm_blocks(view))
    ]
    return frame_of(rows, ARMS)


def _table_arm(
    cells: list[str], columns: list[str | None] | None, start: int, end: int
) -> ArmBlock | None:
    """The arm of one table row; None when the row names no arm."""
    arm = ArmBlock(None, None, start, end)
    for i, cell in enumerate(cells):
        role = _cell_role(i, cell, columns)
        if not cell or role is None:
            continue
        lines = cell_lines(cell)
        if role == "arm" and arm.label is None:
            typed = _TYPED.match(lines[0])
            arm.label, described = _described_label(
                typed.group("label").strip() if typed else lines[0]
            )
            if typed:
                arm.arm_type = enums.normalize_arm_type(typed.group("type"))
            arm.description += [*([described] if described else []), *lines[1:]]
        elif role == "type":
            arm.arm_type = enums.normalize_arm_type(cell)
        elif role == "intervention":
            for name in (n for line in lines for n in _NEXT_INTERVENTION.split(line)):
                named = _INTERVENTION.match(name)
                arm.interventions.append(named.group("name").strip() if named else name)
        else:
            arm.description += lines
    return arm if arm.label is not None else None


# Header cells of a table of dose levels (inside an arm's text, not a table of arms).
_OTHER_TABLE_HEADER = re.compile(
    r"^(?:dose(?:\s+levels?)?|dl|cell dose|dosage|patients|participants|n|no\.? of patients"
    r"|number of (?:patients|participants|subjects)|cohort size|dose\s*\(.*\))$",
    re.IGNORECASE,
)


def _heads_other_table(cells: list[str]) -> bool:
    """Whether a row heads a table of something other than arms: a dose-level column and
    only names (no digit) in its cells."""
    return (
        any(_OTHER_TABLE_HEADER.match(cell.strip()) for cell in cells)
        and ARM_COLUMNS.get(column_key(cells[0])) != "arm"  # "| Cohort | Dose | Patients |"
        and not any(char.isdigit() for cell in cells for char in cell)
    )


def _cell_role(i: int, cell: str, columns: list[str | None] | None) -> str | None:
    """A cell's role by its column's header, else by position and shape."""
    if columns is not None:
        return columns[i] if i < len(columns) else "description"
    if i == 0:
        return "arm"
    return "intervention" if _INTERVENTION.match(cell) or _is_title(cell) else "description"


_NUMBERED_NAME = re.compile(
    r"^(?P<stem>\D{0,30}\b(?:dose\s+level|level|cohort|group|arm|part|DL|regimen|panel))"
    r"\s*-?\s*(?P<n>\d{1,2}|[A-H]|[IVX]{1,4})"
    r"(?:\s*\([^()]{1,60}\))?$",  # "Arm B (platinum doublet, sequential pembrolizumab)"
    re.IGNORECASE,
)


def _numbered_alike(label: str | None, text: str) -> bool:
    """Two names of one kind numbered apart ("Cohort A" / "Cohort B"): two arms, listed."""
    # "Arm 1: Low dose group" (a numbered line and the name under it) / "Arm 2"
    first = _NUMBERED_NAME.match((label or "").split(":", 1)[0])
    second = _NUMBERED_NAME.match(text)
    return (
        first is not None
        and second is not None
        and first["stem"].casefold() == second["stem"].casefold()
        and first["n"] != second["n"]
    )


def _is_title(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith((".", ";", ":"))
        and ":" not in text
        and not (text.startswith("(") and text.endswith(")"))  # "(CLOSED AS OF UPDATE #7)"
    )


def _stated_group_count(view: DocView, *, labelled_only: bool = False) -> int:
    """The number of arms a page states; with ``labelled_only``, only where a label or a
    group line states it ("Number of Arms: 2", "40 participants in 2 patient groups"), not
    a summary's sentence ("… enrolled in 3 cohorts" of one arm's doses)."""
    for r in view.fields:  # "Arms: 2", "Number of Arms: 2", "Number of groups: 3"
        value = str(r["value"] or "").strip()
        if labelled_only and "cohort" in str(r["label"] or "").casefold():
            continue  # "Cohorts: 3" beside the arms read: dose levels of one arm, often
        if (
            value.isdigit()
            and 0 < int(value) <= _MAX_STATED_ARMS
            and (
                r["field"] == "arms"
                or (r["field"] == "form_detail" and _COUNT_LABEL.match(str(r["label"] or "")))
            )
        ):
            return int(value)
    first = view.items_in("arms")[:1]  # "Arms: 2" read as the arms heading and its line
    if first and labelled_only:
        headings = {s["section_ordinal"]: str(s["heading"] or "") for s in view.sections}
        if "cohort" in headings.get(first[0]["section_ordinal"], "").casefold():
            first = []
    if first and str(first[0]["text"]).strip().isdigit():
        return min(int(str(first[0]["text"]).strip()), _MAX_STATED_ARMS)
    texts = [str(r["value"]) for r in view.fields if r["value"]]
    if labelled_only:
        texts = [text for text in texts if GROUPS_LISTED.match(text)]
    else:
        texts += [str(r["text"]) for r in view.descriptive_items()]
    for text in texts:
        match = _GROUP_COUNT.search(text)
        if match and "participant" in text.casefold():
            return int(match.group(1))
    # "This is a single-arm, open-label study": one arm, unnamed
    return 1 if any(_SINGLE_ARM.search(text) for text in texts) else 0
