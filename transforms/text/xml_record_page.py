"""A ClinicalTrials.gov XML record (its bulk download's ``<clinical_study>`` files) as its page.

Until 2023 the registry's downloads were one XML file per study, and archives
and AACT snapshots still hold them. Like the API's JSON (``record_page``),
the record is written out as the registry's page: label lines, the arms, the
outcome blocks, the eligibility text as written; then it is read like any
page. The XML is parsed with expat, whose events say where each piece of text
starts, so every written value maps back to its characters in the file
(an entity such as "&gt;" to its "&").
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field

from transforms.text.normalize import Normalized
from transforms.text.rendered_page import MappedText, RenderedPage

LAYOUT = "ctgov_xml"
_MAX_CHARS = 5_000_000
_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<clinical_study\b", re.S)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    start: int  # where the start tag is, in characters
    children: list[_Node] = field(default_factory=list)
    pieces: list[tuple[str, int]] = field(default_factory=list)  # text and where it is

    def child(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def mapped(self) -> MappedText:
        return MappedText(tuple(self.pieces))


def render_xml_record(raw: str) -> Normalized | None:
    """The page a ``<clinical_study>`` record describes, or None for any other text."""
    if len(raw) > _MAX_CHARS or not _ROOT.match(raw):
        return None
    root = _parse(raw)
    if root is None:
        return None
    page = _XmlPage(raw)
    page.interventions = [n for n in root.children if n.tag == "intervention"]
    previous = None
    for node in root.children:
        render = _ELEMENTS.get(node.tag)
        if render is not None:
            if node.tag != previous:  # a run of arms or outcomes has its heading once
                page.last_heading = None
            render(page, node)
            previous = node.tag
    return page.normalized()


def _parse(raw: str) -> _Node | None:
    """The element tree with character offsets, or None when the XML is not well formed."""
    data = raw.encode("utf-8")
    parser = xml.parsers.expat.ParserCreate(encoding="UTF-8")  # the text is decoded already
    stack: list[_Node] = []
    root: list[_Node] = []
    chars = _ByteToChar(data)

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, chars(parser.CurrentByteIndex))
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(_: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].pieces.append((data, chars(parser.CurrentByteIndex)))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return None
    return root[0] if root else None


class _ByteToChar:
    """Character offsets of UTF-8 byte offsets asked for in increasing order (expat's)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.byte = self.char = 0

    def __call__(self, byte: int) -> int:
        if byte < self.byte:  # not in order after all: count from the start
            self.byte = self.char = 0
        self.char += len(self.data[self.byte : byte].decode("utf-8", errors="ignore"))
        self.byte = byte
        return self.char


class _XmlPage(RenderedPage):
    def __init__(self, raw: str) -> None:
        super().__init__(raw)
        self.last_heading: str | None = None  # the heading of the run of elements being written
        self.interventions: list[_Node] = []

    def value(self, node: _Node, *, one_line: bool = False) -> None:
        """The node's text, without the indentation around it (``MappedText.write``)."""
        mapped = node.mapped()
        text = mapped.text
        lo, hi = len(text) - len(text.lstrip()), len(text.rstrip())
        mapped.write(self, lo, hi, one_line=one_line)
        self.words("\n", mapped.raw_at(hi))

    def line(self, label: str, node: _Node | None) -> None:
        """ "Label (Type): value" on a line of its own; the type attribute is a remark."""
        if not _text(node):
            return
        kind = node.attrs.get("type")
        self.words(f"{label} ({kind}): " if kind else f"{label}: ", node.start)
        self.value(node, one_line=True)

    def lines(self, node: _Node, labels: dict[str, str]) -> None:
        for child in node.children:
            if (label := labels.get(child.tag)) is not None:
                self.line(label, child)

    def block(self, heading: str, node: _Node, *, verbatim: bool = False) -> None:
        """A heading and the text of the node's ``textblock`` (or its own text);
        ``verbatim``: the text's lines are all free text (a summary's, not the criteria's)."""
        body = node.child("textblock") or node
        if _text(body):
            self.heading(heading, node.start)
            start = self.length
            self.value(body)
            if verbatim:
                self.verbatim_from(start)


def _id_info(page: _XmlPage, node: _Node) -> None:
    page.line("NCT Number", node.child("nct_id"))


def _sponsors(page: _XmlPage, node: _Node) -> None:
    lead = node.child("lead_sponsor")
    if lead is not None:
        page.line("Lead Sponsor", lead.child("agency"))


def _design(page: _XmlPage, node: _Node) -> None:
    page.lines(node, _DESIGN)


def _eligibility(page: _XmlPage, node: _Node) -> None:
    criteria = node.child("criteria")
    if criteria is not None:
        page.block("Eligibility Criteria", criteria)
    page.lines(node, _ELIGIBILITY)


def _location(page: _XmlPage, node: _Node) -> None:
    """A site as one line: "Charité, Berlin, Germany"."""
    facility = node.child("facility")
    if facility is None:
        return
    address = facility.child("address")
    parts = [facility.child("name")]
    parts += [address.child(k) for k in ("city", "state", "country")] if address else []
    present = [p for p in parts if p is not None and _text(p)]
    if not present:
        return
    if page.last_heading != "Locations":
        page.heading("Locations", node.start)
        page.last_heading = "Locations"
    for i, part in enumerate(present):
        page.words(", " if i else "", part.start)
        mapped = part.mapped()
        text = mapped.text
        mapped.write(page, len(text) - len(text.lstrip()), len(text.rstrip()))
    page.words("\n", page.cursor)


def _arm_interventions(page: _XmlPage, arm: _Node) -> None:
    """ "Intervention: Biological: X" for each intervention that names the arm.

    The record ties them the other way round (an intervention lists its arms' labels);
    written later in the file, they map to where the arm is.
    """
    label = _text(arm.child("arm_group_label"))
    for intervention in page.interventions:
        arms = {_text(c) for c in intervention.children if c.tag == "arm_group_label"}
        name = _text(intervention.child("intervention_name"))
        if label and name and label in arms:
            kind = _text(intervention.child("intervention_type"))
            page.words(f"Intervention: {kind + ': ' if kind else ''}{name}\n", page.cursor)


def _text(node: _Node | None) -> str:
    return "".join(t for t, _ in node.pieces).strip() if node is not None else ""


def _countries(page: _XmlPage, node: _Node) -> None:
    for country in node.children:
        page.line("Country", country)


def _listed(
    heading: str, labels: dict[str, str], then: Callable[[_XmlPage, _Node], None] | None = None
) -> Callable[[_XmlPage, _Node], None]:
    """One element of a repeated block (an arm, an outcome): its heading once, then its lines."""

    def render(page: _XmlPage, node: _Node) -> None:
        if page.last_heading != heading:
            page.heading(heading, node.start)
            page.last_heading = heading
        page.lines(node, labels)
        if then is not None:
            then(page, node)
        page.words("\n", page.cursor)

    return render


def _leaf(label: str) -> Callable[[_XmlPage, _Node], None]:
    return lambda page, node: page.line(label, node)


def _prose(heading: str) -> Callable[[_XmlPage, _Node], None]:
    return lambda page, node: page.block(heading, node, verbatim=True)


_DESIGN = {
    "allocation": "Allocation",
    "intervention_model": "Intervention Model",
    "primary_purpose": "Primary Purpose",
    "masking": "Masking",
}
_ELIGIBILITY = {
    "gender": "Sex",
    "minimum_age": "Minimum Age",
    "maximum_age": "Maximum Age",
    "healthy_volunteers": "Accepts Healthy Volunteers",
}
_OUTCOME = {"measure": "Measure", "time_frame": "Time Frame", "description": "Description"}
_ARM = {
    "arm_group_label": "Arm Group Label",
    "arm_group_type": "Arm Group Type",
    "description": "Description",
}
_INTERVENTION = {
    "intervention_type": "Intervention Type",
    "intervention_name": "Intervention Name",
    "description": "Description",
}
_ELEMENTS: dict[str, Callable[[_XmlPage, _Node], None]] = {
    "id_info": _id_info,
    "brief_title": _leaf("Brief Title"),
    "official_title": _leaf("Official Title"),
    "acronym": _leaf("Acronym"),
    "sponsors": _sponsors,
    "brief_summary": _prose("Brief Summary"),
    "detailed_description": _prose("Detailed Description"),
    "overall_status": _leaf("Overall Status"),
    "start_date": _leaf("Start Date"),
    "completion_date": _leaf("Completion Date"),
    "primary_completion_date": _leaf("Primary Completion Date"),
    "phase": _leaf("Phase"),
    "study_type": _leaf("Study Type"),
    "study_design_info": _design,
    "primary_outcome": _listed("Primary Outcome Measures", _OUTCOME),
    "secondary_outcome": _listed("Secondary Outcome Measures", _OUTCOME),
    "other_outcome": _listed("Other Outcome Measures", _OUTCOME),
    "enrollment": _leaf("Enrollment"),
    "condition": _leaf("Condition"),
    "arm_group": _listed("Arms", _ARM, _arm_interventions),
    "intervention": _listed("Interventions", _INTERVENTION),
    "eligibility": _eligibility,
    "location": _location,
    "location_countries": _countries,
    "study_first_submitted": _leaf("Study First Submitted"),
    "last_update_posted": _leaf("Last Update Posted"),
}
