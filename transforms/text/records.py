"""Read a registry record dumped into a page (JSON, or a Python dict repr).

Some sites paste the registry's own structured record on one line, e.g.
``{'studyType': 'INTERVENTIONAL', 'phases': ['PHASE1'], ...}`` with single
quotes and ``True``/``False``. It is the most exact source on the page for
the fields it holds, so it is flattened to canonical field names.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from typing import Any

_MAX_RECORD_CHARS = 2_000_000
_KEY_SEPARATORS = re.compile(r"[\s_\-.]+")

# Leaf key (ClinicalTrials.gov API v2 or AACT spelling, as ``_key`` writes it) -> field.
_KEY_TO_FIELD = {
    "nctid": "nct_id",
    "startdate": "start_date",
    "primarycompletiondate": "primary_completion_date",
    "completiondate": "completion_date",
    "lastupdatepostdate": "last_updated",
    "lastupdateposted": "last_updated",
    "lastupdatedate": "last_updated",
    "studyfirstsubmitdate": "registration_date",
    "enrollmenttype": "enrollment_type",
    "leadsponsorname": "lead_sponsor",
    "leadsponsor": "lead_sponsor",  # a flat dump: 'lead_sponsor': 'Cabaletta Bio'
    "condition": "condition",
    "brieftitle": "title",
    "officialtitle": "title",
    "acronym": "acronym",
    "overallstatus": "status",
    "status": "status",
    "phases": "phase",
    "phase": "phase",
    "studytype": "study_type",
    "allocation": "allocation",
    "interventionmodel": "intervention_model",
    "primarypurpose": "primary_purpose",
    "masking": "masking",
    "count": "enrollment",
    "enrollment": "enrollment",
    "enrollmentcount": "enrollment",
    "enrolmentcount": "enrollment",
    "sex": "sex",
    "gender": "sex",
    "minimumage": "min_age",
    "maximumage": "max_age",
    "healthyvolunteers": "healthy_volunteers",
    "conditions": "condition",
    "countries": "country",  # a flat dump's list of names (not an address's "country")
    "interventions": "intervention",  # likewise; a list of records is walked into instead
}
# Fields a record lists, one value per item: ['Myasthenia Gravis', 'Generalized MG'] is two
# conditions. Other lists (phases) are one value, read whole.
_LISTED_FIELDS = frozenset({"condition", "country", "intervention"})
# Parent key of a nested date or count struct -> canonical field.
_PARENT_TO_FIELD = {
    "startdatestruct": "start_date",
    "primarycompletiondatestruct": "primary_completion_date",
    "completiondatestruct": "completion_date",
    "lastupdatepostdatestruct": "last_updated",
    "leadsponsor": "lead_sponsor",
    "enrollmentinfo": "enrollment",
}


def parse_record(text: str) -> Any | None:
    """The object a JSON or Python-literal line holds, or None if it is neither."""
    if len(text) > _MAX_RECORD_CHARS:
        return None
    if "\u00a0" in text:  # a page's non-breaking spaces between the dump's items
        text = text.replace("\u00a0", " ")
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        pass
    if "\\" in text:  # markdown's escapes left in a dump: "\['PHASE1'\]", "NON\_RANDOMIZED"
        unescaped = _MARKDOWN_ESCAPE.sub(r"\1", text)
        return parse_record(unescaped) if unescaped != text else None
    return None


_MARKDOWN_ESCAPE = re.compile(r"\\([\[\]_*#`{}()<>|])")


def record_fields(obj: Any) -> list[tuple[str, str, str]]:
    """``(field, key_path, value)`` for every field of ``obj`` the lexicon knows."""
    found: list[tuple[str, str, str]] = []
    for path, value in _walk(obj, ()):
        field = _field_for(path)
        if field is None or value is None or value == "":
            continue
        if isinstance(value, list) and field in _LISTED_FIELDS:
            items = [str(item) for item in value if item not in (None, "")]
            found += [(field, ".".join(path), item) for item in items]
        else:
            found.append((field, ".".join(path), _render(value)))
    return found


def _field_for(path: tuple[str, ...]) -> str | None:
    leaf = _key(path[-1])
    parent = _key(path[-2]) if len(path) > 1 else ""
    if leaf == "status" and any(_key(step) in _SITE_KEYS for step in path[:-1]):
        return None  # a site's recruitment ("locations": [{"status": "SUSPENDED"}])
    if leaf == "type" and parent in ("enrollmentinfo", "enrollment", "enrolment"):
        return "enrollment_type"
    if parent in _PARENT_TO_FIELD and leaf in {"date", "name", "count"}:
        return _PARENT_TO_FIELD[parent]
    return _KEY_TO_FIELD.get(leaf)


_SITE_KEYS = frozenset(
    {"locations", "location", "sites", "site", "facilities", "facility", "contactslocationsmodule"}
)


def _key(name: str) -> str:
    """A record key without case or separators: "nct_id", "nctId" and "NCT ID" are one key."""
    return _KEY_SEPARATORS.sub("", name.casefold())


def _walk(obj: Any, path: tuple[str, ...], depth: int = 0) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Leaves of nested dicts; lists of scalars are one leaf."""
    if depth > 20:
        return
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _walk(value, (*path, str(key)), depth + 1)
    elif isinstance(obj, list) and obj and all(not isinstance(v, dict | list) for v in obj):
        if path:
            yield path, obj
    elif isinstance(obj, list):
        for value in obj:
            yield from _walk(value, path, depth + 1)
    elif path:
        yield path, obj


def _render(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
