"""A registry record file (ClinicalTrials.gov API v2 JSON) read as the page it describes.

Analysts also land the registry's own records: a study as the API returns
it, ``{"protocolSection": {...}}``. Rather than a second set of parsers, the
record is written out as the registry's page (label lines, the arms, the
outcome blocks, the eligibility text as written) and that page goes through
the same normaliser, segmenter and readers as any scraped page. Every
rendered value maps back to the characters of its JSON string, escapes
included, so lineage points into the file; a rendered label maps to its key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from json.decoder import scanstring
from typing import Any

from transforms.text.normalize import Normalized
from transforms.text.offsets import OffsetMap
from transforms.text.rendered_page import RenderedPage, SeveralStudiesError

LAYOUT = "ctgov_json"
_MAX_CHARS = 5_000_000
_WS = re.compile(r"[ \t\n\r]*")
_OPENS_OBJECT = re.compile(r"[ \t\n\r\ufeff]*\{")
_LITERAL = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[0-9a-fA-F]{4}|u[0-9a-fA-F]{4}|.)")


@dataclass(frozen=True)
class _Leaf:
    """A string (decoded) or literal ("24", "true") and its raw span (inside the quotes)."""

    text: str
    start: int
    end: int
    escaped: bool = False


@dataclass
class _Object:
    """Members in file order, with where each key is written."""

    members: dict[str, Any] = field(default_factory=dict)
    key_at: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.members.get(key)


def render_record(raw: str) -> Normalized | None:
    """The page a ClinicalTrials.gov study record describes, or None for any other text.

    Raises ``SeveralStudiesError`` for a search answer listing several studies, or
    records one per line (JSON Lines).
    """
    if not _OPENS_OBJECT.match(raw) or len(raw) > _MAX_CHARS or '"protocolSection"' not in raw:
        return None
    try:
        record, end = _value(raw, _skip(raw, 0))
    except (ValueError, IndexError):
        return None
    if isinstance(record, _Object) and isinstance(studies := record.get("studies"), list):
        # The API's search answer, {"studies": [...]}: one study is its record.
        if len(studies) > 1:
            raise SeveralStudiesError(len(studies), "registry record file")
        record = studies[0] if studies else None
    protocol = record.get("protocolSection") if isinstance(record, _Object) else None
    if not isinstance(protocol, _Object):
        return None
    if rest := raw[end:].strip():
        if rest.startswith("{") and '"protocolSection"' in rest:  # JSON Lines: a record a line
            raise SeveralStudiesError(1 + rest.count('"protocolSection"'), "JSON Lines file")
        return None
    page = _Page(raw)
    for name, module in protocol.members.items():
        if isinstance(module, _Object) and (render := _MODULES.get(name)) is not None:
            render(page, module)
    return page.normalized()


def render_embedded_record(raw: str) -> Normalized | None:
    """The record a page holds on one line of its own, read as the whole page, or None.

    A finder's "Study record (raw)" box pastes the registry's JSON between its
    chrome: the record is the page's most exact source and its only one for the
    arms, outcome blocks and sites, which a one-line dump's fields alone lack.
    Spans point into that line of the page.
    """
    if '"protocolSection"' not in raw or len(raw) > _MAX_CHARS:
        return None
    found = _EMBEDDED.search(raw)
    if found is None:
        return None
    start = found.start("record")
    end = raw.find("\n", start)
    rendered = render_record(raw[start : len(raw) if end < 0 else end])
    if rendered is None:
        return None
    moved = rendered.offsets
    offsets = OffsetMap(moved.norm, tuple(at + start for at in moved.raw), len(raw))
    return replace(rendered, offsets=offsets)


# A line that opens a record: '{"protocolSection": …' after nothing but spaces.
_EMBEDDED = re.compile(r'(?m)^[ \t]*(?P<record>\{[ \t]*"protocolSection")')


# --- a JSON reader that keeps positions -------------------------------------------


def _value(s: str, i: int) -> tuple[Any, int]:
    ch = s[i]
    if ch == "{":
        return _object(s, i + 1)
    if ch == "[":
        return _array(s, i + 1)
    if ch == '"':
        text, end = scanstring(s, i + 1)
        return _Leaf(text, i + 1, end - 1, "\\" in s[i + 1 : end - 1]), end
    match = _LITERAL.match(s, i)
    if match is None:
        raise ValueError(f"not JSON at {i}")
    return _Leaf(match.group(), match.start(), match.end()), match.end()


def _object(s: str, i: int) -> tuple[_Object, int]:
    out = _Object()
    i = _skip(s, i)
    if s[i] == "}":
        return out, i + 1
    while True:
        if s[i] != '"':
            raise ValueError(f"expected a key at {i}")
        key, i = scanstring(s, i + 1)
        out.key_at[key] = i - len(key) - 1
        i = _skip(s, i)
        if s[i] != ":":
            raise ValueError(f"expected ':' at {i}")
        out.members[key], i = _value(s, _skip(s, i + 1))
        i, done = _next_member(s, i, "}")
        if done:
            return out, i


def _array(s: str, i: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    i = _skip(s, i)
    if s[i] == "]":
        return out, i + 1
    while True:
        item, i = _value(s, i)
        out.append(item)
        i, done = _next_member(s, i, "]")
        if done:
            return out, i


def _next_member(s: str, i: int, closer: str) -> tuple[int, bool]:
    """After a member: past the container's end (True), or at the next member (False)."""
    i = _skip(s, i)
    if s[i] == closer:
        return i + 1, True
    if s[i] != ",":
        raise ValueError(f"expected ',' at {i}")
    return _skip(s, i + 1), False


def _skip(s: str, i: int) -> int:
    """Past the whitespace at ``i``."""
    return _WS.match(s, i).end()  # type: ignore[union-attr]


# --- the page -----------------------------------------------------------------------


class _Page(RenderedPage):
    """The record's page: JSON strings written with their escapes mapped."""

    def leaf(self, leaf: _Leaf, *, one_line: bool = False) -> None:
        """A value, each character mapped to the file; an escape maps to its backslash.

        ``one_line``: a run of line breaks ("\\n" escapes) written as one space, so that
        a description's own list ("- Results in death") stays inside the value.
        """
        if leaf.start < self.cursor:  # out of file order: keep the map monotonic
            text = " ".join(leaf.text.split()) if one_line else leaf.text
            self.words(text, self.cursor)
            return
        if not leaf.escaped:
            self.piece(leaf.text, leaf.start)
            return
        raw = self.source
        at = leaf.start
        last_break = -1  # where the last line break written as a space ends
        for match in _ESCAPE.finditer(raw, leaf.start, leaf.end):
            self.piece(raw[at : match.start()], at)
            decoded = scanstring(f'"{match.group()}"', 1)[0]
            if one_line and decoded in ("\n", "\r"):
                decoded = "" if last_break == match.start() else " "
                last_break = match.end()
            self.piece(decoded, match.start())
            at = match.end()
        self.piece(raw[at : leaf.end], at)

    def line(self, label: str, leaf: _Leaf | None, key_at: int) -> None:
        """ "Label: value" on a line of its own."""
        if leaf is None or not leaf.text.strip():
            return
        self.words(f"{label}: ", key_at)
        self.leaf(leaf, one_line=True)
        self.words("\n", leaf.end)


# --- the modules, each rendered in file order ----------------------------------------


def _labelled(page: _Page, obj: _Object, labels: dict[str, str]) -> None:
    """One "Label: value" line per member ``labels`` names; nested objects are walked."""
    for key, value in obj.members.items():
        if isinstance(value, _Object):
            _labelled(page, value, labels)
        elif (label := labels.get(key)) is not None and isinstance(value, _Leaf):
            page.line(label, value, obj.key_at[key])
        elif label is not None and isinstance(value, list) and key in _ONE_PER_LINE:
            for leaf in value:
                if isinstance(leaf, _Leaf):
                    page.line(label, leaf, leaf.start)
        elif label is not None and isinstance(value, list):
            leaves = [v for v in value if isinstance(v, _Leaf)]
            if leaves:
                page.words(f"{label}: ", obj.key_at[key])
                for i, leaf in enumerate(leaves):
                    page.words(", " if i else "", leaf.start)
                    page.leaf(leaf)
                page.words("\n", leaves[-1].end)


def _listed(page: _Page, obj: _Object, key: str, heading: str) -> None:
    """A heading and one bullet per string of the list ``key``."""
    values = [v for v in obj.get(key) or [] if isinstance(v, _Leaf)]
    if not values:
        return
    page.heading(heading, obj.key_at[key])
    for value in values:
        page.words("• ", value.start)
        page.leaf(value)
        page.words("\n", value.end)


def _prose(page: _Page, obj: _Object, key: str, heading: str, *, verbatim: bool = False) -> None:
    """A heading and the text under it; ``verbatim``: the text's lines are all free text."""
    value = obj.get(key)
    if isinstance(value, _Leaf) and value.text.strip():
        page.heading(heading, obj.key_at[key])
        start = page.length
        page.leaf(value)
        if verbatim:  # a summary's "Eligibility criteria: see below" heads nothing
            page.verbatim_from(start)
        page.words("\n", value.end)


def _blocks(page: _Page, obj: _Object, key: str, heading: str, labels: dict[str, str]) -> None:
    """A heading and, per object of the list ``key``, its labelled lines (arms, outcomes)."""
    items = [v for v in obj.get(key) or [] if isinstance(v, _Object)]
    if not items:
        return
    page.heading(heading, obj.key_at[key])
    for item in items:
        _labelled(page, item, labels)
        page.words("\n", page.cursor)


def _identification(page: _Page, module: _Object) -> None:
    for key, value in module.members.items():
        if key == "secondaryIdInfos" and isinstance(value, list):
            for info in value:  # the same study's other registrations (EudraCT, ChiCTR…)
                if isinstance(info, _Object) and "id" in info.key_at:
                    kind = info.get("type")
                    label = _ID_LABELS.get(kind.text if isinstance(kind, _Leaf) else "")
                    page.line(label or "Registry ID", info.get("id"), info.key_at["id"])
        elif isinstance(value, _Leaf) and (label := _IDENTIFICATION.get(key)) is not None:
            page.line(label, value, module.key_at[key])


def _status(page: _Page, module: _Object) -> None:
    for key, value in module.members.items():
        label = _STATUS.get(key)
        if label is None:
            continue
        at = module.key_at[key]
        if isinstance(value, _Leaf):
            page.line(label, value, at)
        elif isinstance(value, _Object) and isinstance(date := value.get("date"), _Leaf):
            page.line(label, date, at)


def _sponsors(page: _Page, module: _Object) -> None:
    lead = module.get("leadSponsor")
    if isinstance(lead, _Object):
        page.line("Lead Sponsor", lead.get("name"), module.key_at["leadSponsor"])


def _description(page: _Page, module: _Object) -> None:
    for key in module.members:
        if key in _PROSE:
            _prose(page, module, key, _PROSE[key], verbatim=True)


def _conditions(page: _Page, module: _Object) -> None:
    _listed(page, module, "conditions", "Conditions")


def _design(page: _Page, module: _Object) -> None:
    for key, value in module.members.items():
        if key == "enrollmentInfo" and isinstance(value, _Object):
            count, kind = value.get("count"), value.get("type")
            if isinstance(count, _Leaf):
                page.words("Enrollment: ", module.key_at[key])
                page.leaf(count)
                if isinstance(kind, _Leaf):
                    page.words(" (", kind.start)
                    page.leaf(kind)
                    page.words(")", kind.end)
                page.words("\n", page.cursor)
        elif isinstance(value, _Object):
            _labelled(page, value, _DESIGN)
        elif key in _DESIGN:
            _labelled(page, _Object({key: value}, {key: module.key_at[key]}), _DESIGN)


def _arms(page: _Page, module: _Object) -> None:
    for key in module.members:
        if key == "armGroups":
            _blocks(page, module, key, "Arms", _ARM_GROUP)
        elif key == "interventions":
            _blocks(page, module, key, "Interventions", _INTERVENTION)


def _outcomes(page: _Page, module: _Object) -> None:
    for key in module.members:
        if key in _OUTCOME_HEADINGS:
            _blocks(page, module, key, _OUTCOME_HEADINGS[key], _OUTCOME)


def _eligibility(page: _Page, module: _Object) -> None:
    for key, value in module.members.items():
        if key == "eligibilityCriteria":
            _prose(page, module, key, "Eligibility Criteria")
        elif isinstance(value, _Leaf) and (label := _ELIGIBILITY.get(key)) is not None:
            page.line(label, value, module.key_at[key])


def _locations(page: _Page, module: _Object) -> None:
    sites = [v for v in module.get("locations") or [] if isinstance(v, _Object)]
    if not sites:
        return
    page.heading("Locations", module.key_at["locations"])
    for site in sites:
        parts = [site.get(k) for k in site.members if k in _SITE_PARTS]
        leaves = [p for p in parts if isinstance(p, _Leaf) and p.text.strip()]
        for i, leaf in enumerate(leaves):
            page.words(", " if i else "", leaf.start)
            page.leaf(leaf)
        page.words("\n", page.cursor)


_IDENTIFICATION = {
    "nctId": "NCT Number",
    "briefTitle": "Brief Title",
    "officialTitle": "Official Title",
    "acronym": "Acronym",
}
# A secondary id's type, as the label a page would give it (a bare dashed number is an
# EudraCT number only when the page says so).
_ID_LABELS = {"EUDRACT_NUMBER": "EudraCT number", "CTIS": "EU CT number"}
_STATUS = {
    "overallStatus": "Overall Status",
    "startDateStruct": "Start Date",
    "primaryCompletionDateStruct": "Primary Completion Date",
    "completionDateStruct": "Completion Date",
    "lastUpdatePostDateStruct": "Last Update Posted",
    "studyFirstSubmitDate": "Study First Submitted",
}
_PROSE = {"briefSummary": "Brief Summary", "detailedDescription": "Detailed Description"}
_DESIGN = {
    "studyType": "Study Type",
    "phases": "Phase",
    "allocation": "Allocation",
    "interventionModel": "Intervention Model",
    "primaryPurpose": "Primary Purpose",
    "masking": "Masking",
}
_ARM_GROUP = {
    "label": "Arm Group Label",
    "type": "Arm Group Type",
    "description": "Description",
    "interventionNames": "Intervention",
}
_INTERVENTION = {"name": "Intervention", "description": "Description"}
# Lists written a line per item ("Intervention: Drug: A" / "Intervention: Drug: B");
# others on one line ("Phase: PHASE1, PHASE2").
_ONE_PER_LINE = frozenset({"interventionNames"})
_OUTCOME_HEADINGS = {
    "primaryOutcomes": "Primary Outcome Measures",
    "secondaryOutcomes": "Secondary Outcome Measures",
    "otherOutcomes": "Other Outcome Measures",
}
_OUTCOME = {"measure": "Measure", "description": "Description", "timeFrame": "Time Frame"}
_ELIGIBILITY = {
    "healthyVolunteers": "Accepts Healthy Volunteers",
    "sex": "Sex",
    "minimumAge": "Minimum Age",
    "maximumAge": "Maximum Age",
}
_SITE_PARTS = frozenset({"facility", "city", "state", "country"})
_MODULES: dict[str, Callable[[_Page, _Object], None]] = {
    "identificationModule": _identification,
    "statusModule": _status,
    "sponsorCollaboratorsModule": _sponsors,
    "descriptionModule": _description,
    "conditionsModule": _conditions,
    "designModule": _design,
    "armsInterventionsModule": _arms,
    "outcomesModule": _outcomes,
    "eligibilityModule": _eligibility,
    "contactsLocationsModule": _locations,
}
