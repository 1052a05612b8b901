"""Recognise a bare value by its type when no label names it ("badges").

Mirror sites often print values without their labels: a status badge
("NOT_YET_RECRUITING"), design values in a row ("NA", "SINGLE_GROUP",
"TREATMENT", "NONE"), two bare dates, "9 participants", "18 Years".
A value that only one field can hold is assigned to that field; a value that
several could hold (a bare "NA", a bare date) is assigned by the section it
sits in and the order registries print them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from transforms.values import enums
from transforms.values.dates import date_opening, parse_date
from transforms.values.memo import text_cache
from transforms.values.numbers import parse_enrollment

_COUNT = re.compile(
    r"^(?:(?:estimated|actual|anticipated|target|planned)\s+)?"  # "Estimated 30 participants"
    r"\d[\d,]*\s+(?:participants?|patients?|subjects?|people|enrolled)\b",
    re.I,
)
# A count that announces the groups listed under it: "40 participants in 2 patient groups".
GROUPS_LISTED = re.compile(r"^\d+\s+participants?\s+in\s+\d+\s+(?:patient\s+)?groups?$", re.I)
_AGE = re.compile(r"^\d{1,3}(?:\.\d+)?\s*(?:years?|months?|weeks?)(?:\s+old)?$", re.I)
# An age range on its own: "18-65 years", "18 Years to 65 Years".
_AGE_RANGE = re.compile(
    r"^\d{1,3}\s*(?:years?\s*)?(?:-|–|to)\s*\d{1,3}\s*(?:years?|yrs?)(?:\s+old)?$", re.I
)
_NOT_APPLICABLE = re.compile(r"^(?:NA|N/A|not applicable)$", re.I)
_DATE_SHAPE = re.compile(r"^[\w ,./()-]{4,40}$")
# Between the values of one row of badges: "Recruiting · Phase 1 · 12 participants".
BADGE_SEPARATOR = re.compile(r"\s+[·•|]\s+")
_UPPER_TOKEN = re.compile(r"^[A-Z][A-Z0-9_]*$")
# A masking code with whom it masks, as ClinicalTrials.gov prints it: "TRIPLE (PARTICIPANT,
# INVESTIGATOR, OUTCOMES_ASSESSOR)", "Single (Outcomes Assessor)", "None (Open Label)".
_MASKING_WHO = re.compile(
    r"^(?:none|single|double|triple|quadruple)\s*\((?:open[\s_]label|(?:\s*(?:participant|"
    r"care[\s_]provider|investigator|outcomes?[\s_]assessor)s?\s*,?)+)\)$",
    re.IGNORECASE,
)
_NO_BADGE_SECTIONS = frozenset(
    {
        "locations",
        "contacts",
        "related",
        "identifiers",
        "navigation",
        "sponsors",
        "outcomes",
        "primary_outcomes",
        "secondary_outcomes",
        "other_outcomes",
        "superseded",
    }
)
# Inside eligibility lists only the registry's trailing age/sex/volunteer values are badges.
_CRITERIA_BADGES = frozenset({"min_age", "max_age", "ages", "sex", "healthy_volunteers"})
_CRITERIA_SECTIONS = frozenset({"eligibility", "inclusion", "exclusion"})
_UPPER_ENUMS = (
    ("intervention_model", enums.normalize_intervention_model),
    ("allocation", enums.normalize_allocation),
    ("primary_purpose", enums.normalize_primary_purpose),
    ("masking", enums.normalize_masking),
    ("sex", enums.normalize_sex),
    ("study_type", enums.normalize_study_type),
)


_VALIDATORS: dict[str, Callable[[str], object]] = {
    "status": enums.normalize_status,
    "phase": enums.normalize_phases,
    "study_type": enums.normalize_study_type,
    "allocation": enums.normalize_allocation,
    "intervention_model": enums.normalize_intervention_model,
    "primary_purpose": enums.normalize_primary_purpose,
    "masking": enums.normalize_masking,
    "sex": enums.normalize_sex,
    "healthy_volunteers": enums.parse_bool,
    "enrollment": parse_enrollment,
    "start_date": parse_date,
    "primary_completion_date": parse_date,
    "completion_date": parse_date,
    "last_updated": parse_date,
    "registration_date": parse_date,
}

# Fields whose value has a type (a code, a number, a date, an age) a sentence is not.
TYPED_FIELDS = frozenset(_VALIDATORS) | {"ages", "min_age", "max_age"}

_PLACEHOLDER = re.compile(
    r"^(?:n/?a|nil|not (?:provided|available|applicable|reported|specified|yet known)|unknown|none|"
    r"tbd|to be determined|pending|-+|—|\?)$",
    re.IGNORECASE,
)


_MAX_PLACEHOLDER = 40  # longer text is never one of the placeholders above


def is_placeholder(text: str) -> bool:
    """A site's stand-in for a missing value ("Not provided", "N/A"): the label's, not a fact."""
    return len(text) <= _MAX_PLACEHOLDER and _PLACEHOLDER.match(text.strip()) is not None


def states_nothing(field_key: str, text: str) -> bool:
    """A placeholder the field's type does not read: "Sponsor: -" is no sponsor.

    A typed field may read one ("Phase: N/A" is the phase NA).
    """
    if not is_placeholder(text):
        return False
    validator = _VALIDATORS.get(field_key)
    return validator is None or validator(text) is None


@text_cache
def accepts(field_key: str, text: str) -> bool:
    """Whether ``text`` can be a value of ``field_key`` (fields without a parser take anything).

    A label whose value was lost is followed directly by the next label's value
    ("Masking" / "50 participants in 1 patient group"): typing the value keeps
    it from being read as the wrong field's. Cached: the validators are pure.
    """
    validator = _VALIDATORS.get(field_key)
    return validator is None or validator(text) is not None


@text_cache
def normalized_value(field_key: str, text: str | None) -> str | None:
    """``text`` typed for ``field_key``, as a string for comparison (raw text if untyped).

    Cached: the validators are pure and pages repeat their values.
    """
    if text is None:
        return None
    validator = _VALIDATORS.get(field_key)
    parsed = validator(text) if validator is not None else None
    return " ".join(text.casefold().split()) if parsed is None else repr(parsed)


@dataclass
class BadgeReader:
    """Reads badges in document order; remembers what it has seen for ordered fields."""

    seen: list[str] = field(default_factory=list)

    def read(self, text: str, section: str) -> str | None:
        """The canonical field a bare line ``text`` is a value of, or None."""
        if section in _NO_BADGE_SECTIONS or len(text) > 60:
            return None
        found = self._classify(text, section)
        if section in _CRITERIA_SECTIONS and found not in _CRITERIA_BADGES:
            return None
        if found is not None:
            self.seen.append(found)
        return found

    def unread(self) -> None:
        """Forget the last badge read: its line turned out to be another label's value."""
        self.seen.pop()

    def _classify(self, text: str, section: str) -> str | None:
        kind, is_bool, is_date = _badge_shape(text, section)
        if kind == "age":
            return "max_age" if "min_age" in self.seen else "min_age"
        if kind is not None:
            return kind
        if self.seen and self.seen[-1] == "sex" and is_bool:
            return "healthy_volunteers"
        # Registries print the phase right after the status; a trial without one says so
        # there ("RECRUITING" / "NA", "Recruiting" / "Not Applicable").
        if self.seen and self.seen[-1] == "status" and _NOT_APPLICABLE.match(text):
            return "phase"
        if is_date:
            return "completion_date" if "start_date" in self.seen else "start_date"
        return None


def _badges_beside_colon(text: str) -> bool:
    """Whether a phase's line with a colon is badges: "Badge: Early Phase 1", "Phase 2:
    Recruiting"; not "Phase I: Dose-limiting toxicity", "Experimental: Phase 2 expansion"."""
    before, after = (part.strip() for part in text.split(":", 1))
    return enums.is_phase_only(after) or (
        enums.is_phase_only(before) and enums.status_badge(after) is not None
    )


def badge_kind(text: str, section: str) -> str | None:
    """The field a bare line can only be a value of ("Phase 1", "Recruiting"), whatever
    came before it; dates, ages and yes/no, which need that, are None."""
    return _badge_shape(text, section)[0] if len(text) <= 60 else None


@text_cache
def _badge_shape(text: str, section: str) -> tuple[str | None, bool, bool]:
    """What ``text`` is regardless of the badges read before it.

    The field it can only be ("age" when min or max depends on order), else
    whether it reads as a yes/no and as a date. Cached: pages repeat badges.
    """
    words = len(text.split())
    if words <= 4 and enums.status_badge(text) and ":" not in text:
        return "status", False, False
    if (
        words <= 4
        and "phase" in text.casefold()
        and (section != "arms" or enums.is_phase_only(text))
        and (":" not in text or _badges_beside_colon(text))
        and enums.normalize_phases(text)
    ):  # not an arm's name ("Experimental: Phase 2 expansion", "Phase 2 expansion") nor a
        # measure's part ("Phase I: Dose-limiting toxicity")
        return "phase", False, False
    if _COUNT.match(text) and not BADGE_SEPARATOR.search(text):  # "30 participants · Phase 1"
        return "enrollment", False, False
    if _AGE.match(text) and section not in {"summary", "detailed_description"}:
        return "age", False, False
    if _AGE_RANGE.match(text) and section not in {"summary", "detailed_description"}:
        return "ages", False, False
    if 2 <= words <= 4 and enums.normalize_sex(text):  # "All sexes", "Women only"; not "M"
        return "sex", False, False
    if _MASKING_WHO.match(text):
        return "masking", False, False
    if _UPPER_TOKEN.match(text):
        upper = _classify_upper(text, section)
        if upper is not None:
            return upper, False, False
    is_bool = enums.parse_bool(text) is not None
    # A bare date starts as one: "Posted 12 March 2025" is a news item's date, not the trial's.
    is_date = bool(
        _DATE_SHAPE.match(text) and any(c.isdigit() for c in text) and date_opening(text, 1)
    )
    return None, is_bool, is_date


def _classify_upper(text: str, section: str) -> str | None:
    if text == "NA":
        return "allocation" if section == "design" else None
    if text == "OTHER" and section == "arms":
        return None  # an arm's type under its name, not the study's purpose
    for name, normalize in _UPPER_ENUMS:
        value = normalize(text)
        if value is not None and value.replace("_", "") == text.replace("_", ""):
            return name
    return None
