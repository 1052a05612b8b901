"""marts.criteria — one row per eligibility criterion (inclusion or exclusion item).

Items under an "Exclusion" heading are exclusions; items under "Inclusion"
or under a bare eligibility heading are inclusions (pages that list only
requirements list what a participant must meet), unless a sub-heading of the
eligibility list says they exclude ("Patients meeting any of the following will
be excluded:"). Ordinals count per type.

A registry page's plain-language summary asks "Who can participate?" and
answers in a sentence ("Adults aged 18 to 70 with severe SSc"), and the same
page lists the criteria under formal headings. The summary's answer is then a
restatement, not a criterion: it is read only when the page lists no criteria.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import polars as pl

from transforms.marts.context import DocView, doc_views
from transforms.marts.identity import trial_id
from transforms.schemas import CRITERIA, frame_of
from transforms.text.scripts import CJK, latin_only

Row = dict[str, object]
_TYPE_BY_SECTION = {"inclusion": "INCLUSION", "exclusion": "EXCLUSION", "eligibility": "INCLUSION"}
_EXCLUDING = re.compile(
    r"exclu|\bnot\s+(?:be\s+)?(?:eligible|included|enrolled|allowed)|\bineligible\b"
    r"|\bcan(?:not|'t)\s+(?:join|take\s+part|participate|be\s+(?:included|enrolled))|排除",
    re.IGNORECASE,
)


# An item that says the list is empty ("Exclusion criteria: - None") is no criterion, nor
# the label of a row whose value was the list ("Criteria | Inclusion Criteria:").
_NO_CRITERION = re.compile(
    r"^\W*(?:none|nil|n/?a|not\s+(?:applicable|available|provided|specified)|no\s+(?:other\s+)?"
    r"(?:inclusion|exclusion|eligibility)?\s*criteria|(?:eligibility\s+)?criteri(?:a|on)|无)\W*$"
    # a registry's closing line: "Other protocol-defined inclusion/exclusion criteria may apply."
    r"|^(?:other\s+)?(?:protocol[\s-]+defined\s+|additional\s+)?(?:inclusion\s*/\s*exclusion|"
    r"inclusion\s+and\s+exclusion|eligibility)\s+criteria\s+(?:may|will|could)\s+apply\W*$"
    r"|^[\W_]*$",  # "." left of a sentence whose link a scraper put on a line of its own
    re.IGNORECASE,
)


# A lead-in under an inclusion heading that says its items exclude: stricter than
# ``_EXCLUDING``, since an inclusion cohort may be "not eligible for" a standard therapy.
_EXCLUDED_LEAD_IN = re.compile(
    r"\b(?:will|shall|must|may)\s+not\s+be\s+(?:enrolled|included|eligible|allowed)"
    r"|\bare\s+(?:excluded|ineligible)\b|\bexcluded\s+if\b"
    r"|\bcan(?:not|'t)\s+(?:join|take\s+part|participate)\b",
    re.IGNORECASE,
)


def criterion_rows(view: DocView, tid: str) -> list[Row]:
    rows: list[Row] = []
    counters = {"INCLUSION": 0, "EXCLUSION": 0}
    seen: set[tuple[str, object, str]] = set()  # a list printed twice is one list
    for item in _criteria_items(view):
        if _NO_CRITERION.match(str(item["text"])):
            continue
        kind = _TYPE_BY_SECTION[str(item["section"])]
        subsection = item["subsection"]
        if kind == "INCLUSION" and item["section"] == "eligibility" and subsection:
            kind = "EXCLUSION" if _EXCLUDING.search(str(subsection)) else kind
        elif kind == "INCLUSION" and subsection and _EXCLUDED_LEAD_IN.search(str(subsection)):
            kind = "EXCLUSION"  # "Patients with any of the following will not be enrolled:"
        if (key := (kind, item["subsection"], str(item["text"]))) in seen:
            continue
        seen.add(key)
        counters[kind] += 1
        rows.append(
            {
                "trial_id": tid,
                "source_file": view.source_file,
                "criterion_ordinal": counters[kind],
                "criterion_type": kind,
                "section": item["subsection"],
                "text": item["text"],
                "norm_start": item["norm_start"],
                "span_start": item["span_start"],
                "span_end": item["span_end"],
            }
        )
    return rows


def _criteria_items(view: DocView) -> list[Row]:
    """Items of the eligibility sections, less those under a question heading when
    items under a formal heading of the same kind (inclusion, exclusion) exist, and
    less a list in Chinese, Japanese or Korean that an English list of its kind
    translates (ChiCTR prints "纳入标准" then "Inclusion criteria")."""
    items = _without_footnotes(view, _english_lists(view.items_in(*_TYPE_BY_SECTION)))
    asked = {
        section["section_ordinal"]
        for section in view.sections
        if section["section"] in _TYPE_BY_SECTION and _is_question(section["heading"])
    }
    if not asked:
        return items
    listed = {
        _TYPE_BY_SECTION[str(i["section"])] for i in items if i["section_ordinal"] not in asked
    }
    return [
        item
        for item in items
        if item["section_ordinal"] not in asked
        or _TYPE_BY_SECTION[str(item["section"])] not in listed
    ]


def _without_footnotes(view: DocView, items: list[Row]) -> list[Row]:
    """``items`` less the footnotes under a numbered list: after a blank line, lines opened
    by a footnote's mark ("* Patients aged 16-17 years may be enrolled in Germany only.",
    "† Unless due to Gilbert's syndrome."), as a protocol's criteria list ends."""
    kept: list[Row] = []
    notes = False
    for item in items:
        same_list = bool(kept) and kept[-1]["section_ordinal"] == item["section_ordinal"]
        text = str(item["text"])
        marked = item["marker"] == "*" or _FOOTNOTE_MARK.match(text) is not None
        if not (same_list and marked and text.endswith(".") and not item["depth"]):
            notes = False  # a note is a sentence; "* SLEDAI-2K ≥ 8" under "… following:" is
        elif (
            notes
            or (  # the item's own list
                str(kept[-1]["marker"] or "")[:1].isdigit()
                and not str(kept[-1]["text"]).endswith(":")
                and view.blank_between(kept[-1]["norm_start"], item["norm_start"])
            )
        ):
            notes = True
            continue
        kept.append(item)
    return kept


_FOOTNOTE_MARK = re.compile(r"^[†‡§¶¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈ]\s*\S")


def _english_lists(items: list[Row]) -> list[Row]:
    """``items`` less the lists in a CJK script (every item holds a CJK character) when a
    list of the same kind in English (no item does) is there too: one translates the other."""
    lists: dict[int, list[Row]] = {}
    for item in items:
        lists.setdefault(int(item["section_ordinal"]), []).append(item)  # type: ignore[arg-type]
    english = {
        _TYPE_BY_SECTION[str(rows[0]["section"])]
        for rows in lists.values()
        if all(latin_only(str(r["text"])) for r in rows)
    }
    translated = {
        ordinal
        for ordinal, rows in lists.items()
        if _TYPE_BY_SECTION[str(rows[0]["section"])] in english
        and all(CJK.search(str(r["text"])) for r in rows)
    }
    return [item for item in items if item["section_ordinal"] not in translated]


def _is_question(heading: object) -> bool:
    """ "Who can participate?" (a summary's question), not "Inclusion Criteria:"."""
    return isinstance(heading, str) and heading.rstrip(" :*").endswith(("?", "？"))


def build_criteria(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = [r for view in doc_views(staged) for r in criterion_rows(view, trial_id(view))]
    return frame_of(rows, CRITERIA)
