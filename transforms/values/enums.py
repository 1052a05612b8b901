"""Free-text enum values -> the contract's enum codes (``transforms.schemas``).

Sites spell the same ClinicalTrials.gov value many ways ("Active, not recruiting",
"ACTIVE_NOT_RECRUITING", "active-not-recruiting"); comparing an upper-case key
with every non-alphanumeric run collapsed to "_" makes those one spelling.
Every function returns None for placeholders and unknown text, never raises.
"""

from __future__ import annotations

import re

from transforms.schemas import PRIMARY_PURPOSES
from transforms.text.scripts import english_half
from transforms.values._phases import find_phases_in, is_phase_only, normalize_phases

__all__ = [
    "find_phases_in",
    "find_status_in",
    "is_phase_only",
    "normalize_allocation",
    "normalize_arm_type",
    "normalize_endpoint_type",
    "normalize_enrollment_type",
    "normalize_intervention_model",
    "normalize_masking",
    "normalize_phases",
    "normalize_primary_purpose",
    "normalize_sex",
    "normalize_status",
    "normalize_study_type",
    "parse_bool",
    "status_badge",
]

_NON_KEY = re.compile(r"[^0-9A-Z\u3400-\u9fff]+")

_STATUS = {
    "RECRUITING": "RECRUITING",
    "NOT_YET_RECRUITING": "NOT_YET_RECRUITING",
    "ACTIVE_NOT_RECRUITING": "ACTIVE_NOT_RECRUITING",
    "COMPLETED": "COMPLETED",
    "ENROLLING_BY_INVITATION": "ENROLLING_BY_INVITATION",
    "SUSPENDED": "SUSPENDED",
    "TERMINATED": "TERMINATED",
    "WITHDRAWN": "WITHDRAWN",
    "UNKNOWN": "UNKNOWN",
    "UNKNOWN_STATUS": "UNKNOWN",
    "STATUS_UNKNOWN": "UNKNOWN",
    # EU Clinical Trials Register wording ("Ongoing" says nothing of recruitment).
    "PREMATURELY_ENDED": "TERMINATED",
    "TEMPORARILY_HALTED": "SUSPENDED",
    "TEMPORARY_HALT": "SUSPENDED",  # ChiCTR
    "CANCELLED": "WITHDRAWN",  # EU CTIS: ended before it began
    "PREINITIATION": "NOT_YET_RECRUITING",  # UMIN
    # EU CTIS wording.
    "AUTHORISED_RECRUITING": "RECRUITING",
    "ONGOING_RECRUITING": "RECRUITING",
    "ONGOING_RECRUITMENT_ENDED": "ACTIVE_NOT_RECRUITING",
    "RECRUITMENT_ENDED": "ACTIVE_NOT_RECRUITING",
    "AUTHORISED_NOT_STARTED": "NOT_YET_RECRUITING",
    # CTRI wording.
    "OPEN_TO_RECRUITMENT": "RECRUITING",
    "CLOSED_TO_RECRUITMENT_OF_PARTICIPANTS": "ACTIVE_NOT_RECRUITING",
    "CLOSED_TO_RECRUITMENT": "ACTIVE_NOT_RECRUITING",
    # ISRCTN, ANZCTR, DRKS and cancer-network wording.
    "NO_LONGER_RECRUITING": "ACTIVE_NOT_RECRUITING",
    "RECRUITMENT_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "RECRUITMENT_COMPLETED": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_COMPLETE_STUDY_CONTINUE": "ACTIVE_NOT_RECRUITING",
    "CLOSED_FOLLOW_UP_CONTINUING": "ACTIVE_NOT_RECRUITING",
    "CLOSED_TO_ACCRUAL": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_COMPLETE_STUDY_COMPLETE": "COMPLETED",
    "CLOSED_FOLLOW_UP_COMPLETE": "COMPLETED",
    "STOPPED_EARLY": "TERMINATED",
    "STOPPED": "TERMINATED",
    "RECRUITING_STOPPED_AFTER_RECRUITING_STARTED": "TERMINATED",
    "RECRUITING_STOPPED": "TERMINATED",  # jRCT and ICTRP: not "Recruiting"
    "RECRUITMENT_STOPPED": "TERMINATED",
    "RECRUITING_PLANNED": "NOT_YET_RECRUITING",
    "RECRUITING_ONGOING": "RECRUITING",
    "RECRUITING_COMPLETE_STUDY_CONTINUING": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_WITHDRAWN_BEFORE_RECRUITING_STARTED": "WITHDRAWN",
    "RECRUITING_SUSPENDED_ON_TEMPORARY_HOLD": "SUSPENDED",
    "RECRUITMENT_SUSPENDED": "SUSPENDED",
    "OPEN_TO_ACCRUAL": "RECRUITING",
    "OPEN_FOR_RECRUITMENT": "RECRUITING",
    "OPEN_TO_ENROLLMENT": "RECRUITING",
    "RECRUITMENT_ONGOING": "RECRUITING",
    "NOT_YET_OPEN": "NOT_YET_RECRUITING",
    "NOT_YET_OPEN_FOR_RECRUITMENT": "NOT_YET_RECRUITING",
    "NOT_YET_OPEN_TO_RECRUITMENT": "NOT_YET_RECRUITING",
    "ACTIVE_NOT_YET_RECRUITING": "NOT_YET_RECRUITING",
    "ENROLLMENT_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "ENROLMENT_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "ENROLLMENT_CLOSED": "ACTIVE_NOT_RECRUITING",
    "ONGOING_NOT_RECRUITING": "ACTIVE_NOT_RECRUITING",
    "ACTIVE_NOT_ENROLLING": "ACTIVE_NOT_RECRUITING",  # sponsors' pipeline pages
    "ACTIVE_ENROLLMENT_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "ACTIVE_ENROLMENT_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "ON_HOLD": "SUSPENDED",
    # NCI's trial statuses.
    "TEMPORARILY_CLOSED": "SUSPENDED",
    "TEMPORARILY_CLOSED_TO_ACCRUAL": "SUSPENDED",
    "TEMPORARILY_CLOSED_TO_ACCRUAL_AND_INTERVENTION": "SUSPENDED",
    "CLOSED_TO_ACCRUAL_AND_INTERVENTION": "ACTIVE_NOT_RECRUITING",
    "ADMINISTRATIVELY_COMPLETE": "TERMINATED",
    "NOT_RECRUITING": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_BY_INVITATION": "ENROLLING_BY_INVITATION",
    "RECRUITMENT_BY_INVITATION": "ENROLLING_BY_INVITATION",
    "ENROLLMENT_BY_INVITATION": "ENROLLING_BY_INVITATION",
    "BY_INVITATION_ONLY": "ENROLLING_BY_INVITATION",
    "INVITATION_ONLY": "ENROLLING_BY_INVITATION",
    "ENDED_EARLY": "TERMINATED",
    "HALTED": "SUSPENDED",
    "OPEN_FOR_ENROLLMENT": "RECRUITING",
    "CURRENTLY_RECRUITING": "RECRUITING",
    "ACTIVELY_RECRUITING": "RECRUITING",
    "NOW_RECRUITING": "RECRUITING",
    "ENROLLING_NOW": "RECRUITING",
    "NOW_ENROLLING": "RECRUITING",
    "ENROLLING": "RECRUITING",
    "PENDING_NOT_YET_RECRUITING": "NOT_YET_RECRUITING",  # ChiCTR
    "NOT_RECRUITING_YET": "NOT_YET_RECRUITING",  # ChiCTR's English for 尚未开始
    "OPENING_SOON": "NOT_YET_RECRUITING",  # patient finders
    "ACCEPTING_PATIENTS": "RECRUITING",  # hospitals' trial pages
    "ACCEPTING_PARTICIPANTS": "RECRUITING",
    "ACCEPTING_NEW_PATIENTS": "RECRUITING",
    "NOT_ACCEPTING_PATIENTS": "ACTIVE_NOT_RECRUITING",
    # European registers' wordings
    "ENDED_PREMATURELY": "TERMINATED",
    "RECRUITING_COMPLETE_FOLLOW_UP_CONTINUING": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_COMPLETE_FOLLOW_UP_CONTINUES": "ACTIVE_NOT_RECRUITING",
    "AUTHORISED_NOT_RECRUITING": "NOT_YET_RECRUITING",
    "AUTHORIZED_NOT_RECRUITING": "NOT_YET_RECRUITING",
    "ONGOING_NOT_YET_RECRUITING": "NOT_YET_RECRUITING",
    "RECRUITMENT_OPEN": "RECRUITING",
    "RECRUITMENT_CLOSED": "ACTIVE_NOT_RECRUITING",
    "ACTIVE_RECRUITING": "RECRUITING",
    "OPEN_SOON": "NOT_YET_RECRUITING",
    "COMING_SOON": "NOT_YET_RECRUITING",
    "CLOSED_IN_FOLLOW_UP": "ACTIVE_NOT_RECRUITING",
    "CLOSED_FOLLOW_UP": "ACTIVE_NOT_RECRUITING",
    "IN_FOLLOW_UP": "ACTIVE_NOT_RECRUITING",
    "RESULTS_AVAILABLE": "COMPLETED",
    "FINISHED": "COMPLETED",
    "AUTHORISED_RECRUITMENT_PENDING": "NOT_YET_RECRUITING",  # CTIS
    "AUTHORIZED_RECRUITMENT_PENDING": "NOT_YET_RECRUITING",
    "RECRUITMENT_PENDING": "NOT_YET_RECRUITING",
    "RECRUITMENT_COMPLETED_FOLLOW_UP_ONGOING": "ACTIVE_NOT_RECRUITING",
    "RECRUITMENT_COMPLETE_FOLLOW_UP_ONGOING": "ACTIVE_NOT_RECRUITING",
    "RECRUITMENT_COMPLETED_FOLLOW_UP_CONTINUING": "ACTIVE_NOT_RECRUITING",
    "CLOSED_TO_RECRUITMENT_FOLLOW_UP_ONGOING": "ACTIVE_NOT_RECRUITING",
    "尚未开始": "NOT_YET_RECRUITING",
    "招募中": "RECRUITING",
    "正在进行": "RECRUITING",  # ChiCTR's recruitment field: in progress
    "暂停或中断": "SUSPENDED",
    "结束": "COMPLETED",
    "正在招募": "RECRUITING",
    "尚未招募": "NOT_YET_RECRUITING",
    "未开始招募": "NOT_YET_RECRUITING",
    "招募完成": "ACTIVE_NOT_RECRUITING",
    "已完成": "COMPLETED",
    "完成": "COMPLETED",
    "暂停": "SUSPENDED",
    "终止": "TERMINATED",
    "已终止": "TERMINATED",
    "撤回": "WITHDRAWN",
    "已撤回": "WITHDRAWN",
}

# Status phrases inside glued text; longer phrases first so "NOT_YET_RECRUITING"
# is read whole and never also as "RECRUITING".
_SEP = r"[\s_,\-]*"
_STATUS_IN = re.compile(
    "|".join(
        [
            rf"(?P<NOT_YET_RECRUITING>not{_SEP}yet{_SEP}recruiting)",
            rf"(?P<ACTIVE_NOT_RECRUITING>active{_SEP}not{_SEP}recruiting)",
            rf"(?P<ENROLLING_BY_INVITATION>enrolling{_SEP}by{_SEP}invitation)",
            rf"(?P<UNKNOWN>unknown{_SEP}status)",
            r"(?P<RECRUITING>recruiting)",
            r"(?P<COMPLETED>completed)",
            r"(?P<SUSPENDED>suspended)",
            r"(?P<TERMINATED>terminated)",
            r"(?P<WITHDRAWN>withdrawn)",
        ]
    ),
    re.IGNORECASE,
)


def _key(text: str | None) -> str:
    """Upper-case ``text`` with every run of punctuation/space collapsed to "_"."""
    if not text:
        return ""
    return _NON_KEY.sub("_", text.upper()).strip("_")


def _lookup(text: str | None, table: dict[str, str]) -> str | None:
    """Exact key lookup, then the key with any parenthetical remark removed, then the
    English half of a bilingual value ("募集中 / Recruiting")."""
    key = _key(text)
    if key in table:
        return table[key]
    if text and "(" in text:
        return table.get(_key(text.split("(", 1)[0]))
    if text and not text.isascii() and (english := english_half(text)):
        return _lookup(english, table)  # "募集中 / Recruiting", "正在进行 Recruiting"
    return None


def _at_token_start(text: str, start: int) -> bool:
    """True where a glued token may begin: string start, after a non-letter,
    or an upper-case letter after a lower-case one ("StatusRecruiting")."""
    if start == 0 or not text[start - 1].isalpha():
        return True
    return text[start].isupper() and text[start - 1].islower()


def find_status_in(text: str | None) -> str | None:
    """The first overall-status phrase inside glued text ("RECRUITINGPhase I").

    Only capitalised or upper-case phrases at a token start count, so prose such
    as "patients who completed therapy" is not read as a status.
    """
    if not text:
        return None
    for match in _STATUS_IN.finditer(text):
        start, end = match.span()
        if not text[start].isupper() or not _at_token_start(text, start):
            continue
        if end < len(text) and text[end].islower():
            continue
        return match.lastgroup
    return None


# Words that are a status only as a status label's value ("Status: Open"); alone on a
# line "Open" is as likely the masking (open label).
_LABELLED_STATUS = {
    "OPEN": "RECRUITING",
    "PENDING": "NOT_YET_RECRUITING",
    "COMPLETE": "COMPLETED",
    "ENDED": "COMPLETED",  # the EU register's "Trial ended"
}
# "Study completed", "Trial withdrawn": the status after the word for the study.
_STUDY_WORD = re.compile(r"^(?:study|trial)\s+(?=\w)", re.IGNORECASE)


def normalize_status(text: str | None) -> str | None:
    """Overall recruitment status code, e.g. "Active, not recruiting" -> ACTIVE_NOT_RECRUITING.

    For a status label's value; ``status_badge`` reads an unlabelled line.
    """
    if text and (study := _STUDY_WORD.match(text.strip())) is not None:
        text = text.strip()[study.end() :]
    # a whole wording first: "Ended (prematurely)" is not the "Ended" its remark qualifies
    return _STATUS.get(_key(text)) or _lookup(text, _LABELLED_STATUS) or status_badge(text)


def status_badge(text: str | None) -> str | None:
    """The status an unlabelled value can only be ("Recruiting", "Active, not recruiting")."""
    found = _lookup(text, _STATUS)
    if found:
        return found
    stripped = (text or "").strip()
    match = _STATUS_IN.match(stripped)
    if match and not stripped[match.end() : match.end() + 1].islower():
        return match.lastgroup
    return None


_STUDY_TYPES = {
    "INTERVENTIONAL": "INTERVENTIONAL",
    "INTERVENTIONAL_STUDY": "INTERVENTIONAL",
    "INTERVENTIONAL_CLINICAL_TRIAL": "INTERVENTIONAL",
    "INTERVENTIONAL_CLINICAL_TRIAL_OF_MEDICINAL_PRODUCT": "INTERVENTIONAL",  # the EU register
    "干预性研究": "INTERVENTIONAL",
    "OBSERVATIONAL": "OBSERVATIONAL",
    "OBSERVATIONAL_STUDY": "OBSERVATIONAL",
    "OBSERVATIONAL_PATIENT_REGISTRY": "OBSERVATIONAL",
    "观察性研究": "OBSERVATIONAL",
    "EXPANDED_ACCESS": "EXPANDED_ACCESS",
}
_ALLOCATIONS = {
    "RANDOMIZED": "RANDOMIZED",
    "RANDOMISED": "RANDOMIZED",
    "随机": "RANDOMIZED",
    "NON_RANDOMIZED": "NON_RANDOMIZED",
    "NON_RANDOMISED": "NON_RANDOMIZED",
    "NONRANDOMIZED": "NON_RANDOMIZED",
    "NONRANDOMISED": "NON_RANDOMIZED",
    "非随机": "NON_RANDOMIZED",
    "NA": "NA",
    "N_A": "NA",
    "NOT_APPLICABLE": "NA",
    "NOT_RANDOMIZED": "NON_RANDOMIZED",
    "RCT": "RANDOMIZED",  # CRIS: "RCT" / "Non-RCT"
    "NON_RCT": "NON_RANDOMIZED",
    "NOT_RANDOMISED": "NON_RANDOMIZED",
}
_DESIGN_NOUN = re.compile(
    r"(?:_(?:CONTROLLED|CONTROL|PARALLEL)(?:_(?:TRIAL|STUDY|ALLOCATION|DESIGN))?"
    r"|_(?:TRIAL|STUDY|ALLOCATION|DESIGN))$"
    # ChiCTR's "Randomized parallel controlled trial": the allocation before its model
    r"|_PARALLEL_CONTROLLED_(?:TRIAL|STUDY)$"
)
_RATIO = re.compile(r"\s*\(?\b\d{1,2}\s*:\s*\d{1,2}(?:\s*:\s*\d{1,2})?\b\)?")
# A design written as its parts: "Non-randomized, single arm".
_DESIGN_PARTS = re.compile(r"[,;/]\s*")
_MODELS = {
    "SINGLE_GROUP": "SINGLE_GROUP",
    "SINGLE_ARM": "SINGLE_GROUP",
    "SINGLE": "SINGLE_GROUP",  # jRCT: "single assignment"
    "单臂": "SINGLE_GROUP",
    "PARALLEL": "PARALLEL",
    "CROSSOVER": "CROSSOVER",
    "CROSS_OVER": "CROSSOVER",
    "FACTORIAL": "FACTORIAL",
    "SEQUENTIAL": "SEQUENTIAL",
}
_PURPOSES = {name: name for name in PRIMARY_PURPOSES} | {
    "治疗": "TREATMENT",
    "预防": "PREVENTION",
    "诊断": "DIAGNOSTIC",
}
_MASKINGS = {
    "NONE": "NONE",
    "OPEN": "NONE",
    "OPEN_LABEL": "NONE",
    "OPENLABEL": "NONE",
    "NO_MASKING": "NONE",
    "NOT_BLINDED": "NONE",
    "NON_BLINDED": "NONE",
    "UNBLINDED": "NONE",
    "NO_BLINDING": "NONE",
    "SINGLE": "SINGLE",
    "DOUBLE": "DOUBLE",
    "TRIPLE": "TRIPLE",
    "QUADRUPLE": "QUADRUPLE",
}
_SEXES = {
    "ALL": "ALL",
    "BOTH": "ALL",
    "BOTH_SEXES": "ALL",
    "MALE_AND_FEMALE": "ALL",
    "FEMALE_AND_MALE": "ALL",
    "MALE_FEMALE": "ALL",
    "BOTH_MALES_AND_FEMALES": "ALL",
    "MALES_AND_FEMALES": "ALL",
    "MEN_AND_WOMEN": "ALL",
    "WOMEN_AND_MEN": "ALL",
    "M_F": "ALL",
    "F_M": "ALL",
    "ALL_GENDERS": "ALL",
    "ALL_SEXES": "ALL",
    "BOTH_GENDERS": "ALL",
    "MALES_FEMALES": "ALL",
    "FEMALE_ONLY": "FEMALE",
    "FEMALES_ONLY": "FEMALE",
    "WOMEN_ONLY": "FEMALE",
    "MALE_ONLY": "MALE",
    "MALES_ONLY": "MALE",
    "MEN_ONLY": "MALE",
    "FEMALES": "FEMALE",
    "MALES": "MALE",
    "男女均可": "ALL",
    "不限": "ALL",
    "MALE": "MALE",
    "M": "MALE",
    "MEN": "MALE",
    "男": "MALE",
    "男性": "MALE",
    "FEMALE": "FEMALE",
    "F": "FEMALE",
    "WOMEN": "FEMALE",
    "女": "FEMALE",
    "女性": "FEMALE",
}
_SEX_JOINERS = frozenset({"AND", "OR", "ONLY", "BOTH", "和", "及"})
_ARM_TYPES = {
    name.replace("_", ""): name
    for name in (
        "EXPERIMENTAL",
        "ACTIVE_COMPARATOR",
        "PLACEBO_COMPARATOR",
        "SHAM_COMPARATOR",
        "NO_INTERVENTION",
        "OTHER",
    )
}
_ENROLLMENT_TYPES = {
    "ESTIMATED": "ESTIMATED",
    "ANTICIPATED": "ESTIMATED",
    "EXPECTED": "ESTIMATED",
    "PLANNED": "ESTIMATED",
    "TARGET": "ESTIMATED",
    "ACTUAL": "ACTUAL",
}
# ChiCTR's outcome types: "Primary indicator", "Additional indicator", "Adverse events".
_ENDPOINT_TYPES = {
    "PRIMARY": "PRIMARY",
    "SECONDARY": "SECONDARY",
    "OTHER": "OTHER",
    "ADDITIONAL": "OTHER",
    "ADVERSE": "OTHER",
    "TERTIARY": "OTHER",  # "Tertiary/Exploratory Outcome Measures"
    "EXPLORATORY": "OTHER",
    "MAIN": "PRIMARY",  # ChiCTR's "Main outcome"
}
_ENDPOINT_CJK = {"主要": "PRIMARY", "次要": "SECONDARY", "其他": "OTHER", "附加": "OTHER"}
_ENDPOINT_CJK |= {"副作用": "OTHER"}
_TRUE = {"YES", "Y", "TRUE", "T", "1", "是", "ACCEPTS_HEALTHY_VOLUNTEERS", "ACCEPTED", "ALLOWED"}
_FALSE = {"NO", "N", "FALSE", "F", "0", "否", "PATIENTS_ONLY"}
_NEGATION = re.compile(r"^\s*(?:no|not|does\s+not|doesn't|do\s+not|none)\b", re.IGNORECASE)


def normalize_study_type(text: str | None) -> str | None:
    """INTERVENTIONAL / OBSERVATIONAL / EXPANDED_ACCESS; "Interventional, Phase 1" too."""
    found = _lookup(text, _STUDY_TYPES)
    if found is not None or not text:
        return found
    # The first part only when no other part is a type too: "Interventional / Observational"
    # is a form's list of choices.
    types = [_STUDY_TYPES.get(_key(part)) for part in _DESIGN_PARTS.split(text)]
    return types[0] if len(types) > 1 and not any(types[1:]) else None


def normalize_allocation(text: str | None) -> str | None:
    """RANDOMIZED / NON_RANDOMIZED / NA (CT.gov prints N/A for single-arm studies).

    Registries name the design after it: "Non-randomised trial", "Randomised
    controlled trial", "Non randomised study".
    """
    if text and ":" in text:  # "Randomized (1:1), open-label", "Randomised 2:1": the ratio
        text = _RATIO.sub("", text).strip()
    found = _lookup(text, _ALLOCATIONS)
    for part in _DESIGN_PARTS.split(text) if found is None and text else ():
        found = found or _ALLOCATIONS.get(_DESIGN_NOUN.sub("", _key(part)))
    if found is None and text and ". " in text:  # "Not applicable. Parallel cohorts by …"
        return normalize_allocation(text.split(". ", 1)[0])
    return found


def normalize_intervention_model(text: str | None) -> str | None:
    """SINGLE_GROUP, PARALLEL, ...; "Single Group Assignment" drops "Assignment"."""
    key = _key(text).removesuffix("_ASSIGNMENT").removesuffix("_DESIGN")
    found = _MODELS.get(key) or _lookup(text, _MODELS)
    for part in _DESIGN_PARTS.split(text) if found is None and text else ():
        found = found or _MODELS.get(_DESIGN_NOUN.sub("", _key(part)))  # "Single arm trial"
    return found


def normalize_primary_purpose(text: str | None) -> str | None:
    """TREATMENT, SUPPORTIVE_CARE, ... as in ClinicalTrials.gov."""
    return _lookup(text, _PURPOSES)


def normalize_masking(text: str | None) -> str | None:
    """NONE .. QUADRUPLE; the first word decides ("Double (Participant, ...)", "Double-blind")."""
    key = _key(text)
    if key in _MASKINGS:
        return _MASKINGS[key]
    if key.startswith(("OPEN_LABEL", "OPEN")):
        return "NONE"
    return _MASKINGS.get(key.split("_", 1)[0]) if key else None


def normalize_sex(text: str | None) -> str | None:
    """ALL / FEMALE / MALE; "Both" and "Male and female" are ALL.

    A value naming the sexes in any order and joining ("Female, Male", "Male or
    female", "Women / men") is read word by word: both named is ALL.
    """
    found = _lookup(text, _SEXES)
    if found is not None or not text:
        return found
    if ";" in text:  # "All; gender-based eligibility: No": the next field on its line
        return normalize_sex(text.split(";", 1)[0])
    words = [w for w in _key(text).split("_") if w not in _SEX_JOINERS]
    sexes = {_SEXES.get(w) for w in words}
    if len(words) < 2 or None in sexes or "ALL" in sexes:
        return None
    return "ALL" if len(sexes) > 1 else sexes.pop()


def normalize_arm_type(text: str | None) -> str | None:
    """Arm type code; accepts "Experimental: Arm label" by reading the part before ':'."""
    found = _ARM_TYPES.get(_key(text).replace("_", ""))
    if found is None and text and ":" in text:
        found = _ARM_TYPES.get(_key(text.split(":", 1)[0]).replace("_", ""))
    return found


def normalize_enrollment_type(text: str | None) -> str | None:
    """ESTIMATED (also "Anticipated") or ACTUAL."""
    return _lookup(text, _ENROLLMENT_TYPES)


def normalize_endpoint_type(text: str | None) -> str | None:
    """PRIMARY / SECONDARY / OTHER from a heading such as "Secondary Outcome Measures"."""
    key = _key(text).removeprefix("KEY_")  # "Key secondary"
    first = key.split("_", 1)[0]
    if first in _ENDPOINT_TYPES:
        return _ENDPOINT_TYPES[first]
    return next((code for word, code in _ENDPOINT_CJK.items() if key.startswith(word)), None)


def parse_bool(text: str | None) -> bool | None:
    """Yes/No-like values, including Python/SQL spellings and "No healthy volunteers".

    A value that keeps its label says it after the colon: "Accepts healthy volunteers: No".
    """
    if text and ":" in text and (said := parse_bool(text.rsplit(":", 1)[1])) is not None:
        return said
    key = _key(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    if not key or key in {"NA", "N_A", "NOT_AVAILABLE", "UNKNOWN"}:
        return None
    if _NEGATION.match(text or ""):
        return False
    if key.startswith(("ACCEPTS", "YES")):
        return True
    return None
