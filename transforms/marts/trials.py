"""marts.trials — one row per trial (per document; duplicates resolved in the pipeline).

Each column is the chosen staged field typed by its value parser; a field the
page does not state is NULL. Where a page states a fact only in prose or in
its eligibility list (phase in "a Phase I/II trial", enrollment in "18
subjects will be enrolled", ages in "Age 5-18 years"), that is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import polars as pl

from transforms.marts import facts
from transforms.marts.context import DocView, doc_views, iter_sentences
from transforms.marts.criteria import criterion_rows
from transforms.marts.criteria_thresholds import age_limits, threshold_rows
from transforms.marts.identity import registry_ids, trial_id
from transforms.marts.prose_facts import (
    BOTH_SEXES,
    enrollment_type_of,
    prose_dates,
    prose_sex,
    prose_sponsor,
)
from transforms.schemas import DATE_FIELDS, TRIALS, frame_of
from transforms.text.lexicon import label_remark
from transforms.values import enums
from transforms.values.ages import find_ages_in_prose, parse_age_range, parse_age_years
from transforms.values.dates import (
    parse_date,
    parse_date_period,
    writes_day_first,
    writes_month_first,
)
from transforms.values.numbers import (
    enrollment_type_in,
    find_enrollment_in_prose,
    is_zero_count,
    parse_enrollment,
)
from transforms.values.settled import settled_value

Row = dict[str, object]
_PHASE_IN_PROSE = re.compile(
    r"\b(?:early\s+)?phase\s*(?:[0-4]|i{1,3}v?|iv)[ab]?(?:\s*(?:/|-|and|to)\s*(?:phase\s*)?"
    r"(?:[0-4]|i{1,3}|iv)[ab]?)?(?=\W+(?:[\w-]+\W+){0,4}?(?:trial|study|clinical)\b)",
    re.IGNORECASE,
)
# Status told in a sentence about the study: "the study was withdrawn before enrolling",
# "this trial is now enrolling" (not "prior rituximab treatment was terminated").
_STATUS_IN_PROSE = re.compile(
    r"\b(?:(?P<whose>\w+)\s+)?(?:study|trial)(?:\s*\([^()]{0,40}\))?\s+"
    r"(?:(?:was|has been|had been)\s+(?:\w+\s+)?(?P<ended>withdrawn|terminated|suspended|completed)"
    r"|(?:is|are)\s+(?:currently\s+|now\s+|actively\s+|still\s+)?"
    r"(?P<open>not\s+yet\s+recruiting|recruiting|enrolling\s+by\s+invitation|enrolling"
    r"|open\s+(?:to|for)\s+(?:new\s+)?(?:participants|patients|enrol{1,2}ment|recruitment))"
    # a patient finder's words: "This study has finished.", "… is open and looking for people"
    r"|has\s+(?P<finished>finished|ended|closed)(?!\s+(?:recruit|enrol|screen|accrual))"
    r"|has\s+(?:finished|completed|closed)\s+(?P<recruited>recruit\w*|enrol\w*)"
    r"|(?:has\s+)?(?P<stopped>stopped\s+early)"
    r"|(?:is|are)\s+(?P<looking>open\s+and\s+looking|looking\s+for\s+(?:people|participants"
    r"|volunteers))"
    r"|(?P<soon>will\s+open\s+soon|(?:is|are)\s+not\s+(?:yet\s+)?open|has\s+not\s+started)"
    r"|(?:is|are)\s+(?P<closed>no\s+longer\s+recruiting|closed\s+to\s+(?:recruitment|new)))\b",
    re.IGNORECASE,
)
# What each of a finder's wordings says, by the group that read it.
_PROSE_STATUS = {
    "finished": "COMPLETED",
    "stopped": "TERMINATED",
    "looking": "RECRUITING",
    "soon": "NOT_YET_RECRUITING",
    "closed": "ACTIVE_NOT_RECRUITING",
    "recruited": "ACTIVE_NOT_RECRUITING",  # "has finished recruiting and is now in follow-up"
}
# Words before "study"/"trial" that name another one: "that trial was completed in 2024".
_ANOTHER = frozenset(
    {"that", "earlier", "previous", "prior", "parent", "another", "other", "original"}
    | {"first", "preceding"}
)
_ACRONYM = re.compile(r"^[\w\-+/.]{2,30}$")
_ENUM_FIELDS = {
    "overall_status": ("status", enums.normalize_status),
    "study_type": ("study_type", enums.normalize_study_type),
    "allocation": ("allocation", enums.normalize_allocation),
    "intervention_model": ("intervention_model", enums.normalize_intervention_model),
    "primary_purpose": ("primary_purpose", enums.normalize_primary_purpose),
    "masking": ("masking", enums.normalize_masking),
    "sex": ("sex", enums.normalize_sex),
}


def trial_row(view: DocView, ids: list[str], age_limits: tuple[float | None, float | None]) -> Row:
    """The trials row of one document.

    ``ids`` are its own registry ids (``identity.registry_ids``); ``age_limits``
    come from its inclusion thresholds, the fallback when no age field is stated.
    """
    title = _own_title(view)
    row: Row = {
        "trial_id": trial_id(view, ids),
        "nct_id": ids[0] if ids and ids[0].startswith("NCT") else None,
        "registry_ids": ids or None,
        "source_file": view.source_file,
        "source_format": view.source_format,
        "in_source": True,
        "title": title,
        "acronym": _acronym(view.value("acronym")) or _title_acronym(view.value("title")),
        "phases": enums.normalize_phases(view.value("phase") or "") or _prose_phases(view, title),
        "healthy_volunteers": enums.parse_bool(view.value("healthy_volunteers") or ""),
        "lead_sponsor": facts.lead_sponsor(view) or prose_sponsor(view),
        "conditions": facts.conditions(view),
        "target_antigens": facts.target_antigens(view, title),
        "lymphodepletion_agents": facts.lymphodepletion_agents(view),
        "countries": facts.countries(view),
    }
    phrases = _design_phrases(view) | _purpose_section(view)
    for column, (key, normalize) in _ENUM_FIELDS.items():
        stated = (value for value in (view.value(key), phrases.get(key)) if value)
        row[column] = next((code for value in stated if (code := normalize(value))), None)
    if row["allocation"] is None:
        row["allocation"] = _answered_allocation(view)
    if row["overall_status"] is None:
        row["overall_status"] = _prose_status(view)
    if row["sex"] is None and any(
        BOTH_SEXES.search(str(r["text"])) for r in view.items_in("inclusion")
    ):
        row["sex"] = "ALL"  # "Male or female, aged 18-65", "regardless of gender"
    if row["sex"] is None:
        row["sex"] = prose_sex(view)  # "It is open to both men and women."
    row.update(_enrollment(view, withdrawn=row["overall_status"] == "WITHDRAWN"))
    row.update(_dates(view, ids))
    row.update(_ages(view, age_limits))
    return row


# What a phrase of a design written as one list states ("single arm study, open(masking
# not used), uncontrolled control, single assignment, treatment purpose": jRCT).
_DESIGN_PHRASE = {
    "masking": re.compile(r"\b(?:mask|blind)|^open\b", re.IGNORECASE),
    "allocation": re.compile(r"random", re.IGNORECASE),
    "intervention_model": re.compile(
        r"\bassignment\b|\bsingle[\s-](?:arm|group)\b|^(?:parallel|cross-?over|factorial)\b",
        re.IGNORECASE,
    ),
    "primary_purpose": re.compile(r"\s+purpose$", re.IGNORECASE),
}
# What a labelled phrase's label names: "Masking / blinding: Open (masking not used)".
_DESIGN_LABEL = {
    "masking": re.compile(r"mask|blind", re.IGNORECASE),
    "allocation": re.compile(r"allocation|random", re.IGNORECASE),
    "intervention_model": re.compile(r"assignment|model", re.IGNORECASE),
    "primary_purpose": re.compile(r"purpose", re.IGNORECASE),
}
_MAX_PHRASE_WORDS = 5
# WHO: "Randomization: N/A. Blinding: Open Label."; jRCT: "randomized controlled trial/ double
# blind/ placebo control" (not "Masking / blinding", a label's two words).
_PHRASE_END = re.compile(r"[,;]|(?<=\S)/\s|\.(?:\s|$)")


def _design_phrases(view: DocView) -> dict[str, str]:
    """Design fields stated as the phrases of a list under the design heading, labelled
    (ANZCTR: "Purpose of the study: Treatment; … Masking / blinding: Open …") or not."""
    found: dict[str, str] = {}
    phrases = [p for r in view.items_in("design") for p in _PHRASE_END.split(str(r["text"]))]
    for row in view.fields:  # "Blinding: Open Label. Single arm.": the label's value, then
        if row["section"] == "design" and row["value"]:  # a phrase of the list
            phrases += _PHRASE_END.split(str(row["value"]))[1:]
    for phrase in phrases:
        label, colon, value = phrase.strip().partition(":")
        if colon:
            named = (key for key, names in _DESIGN_LABEL.items() if names.search(label))
            key = next(named, None)
            value = value.strip()
            if key == "allocation" and _YES_NO.match(value):  # "Randomised: Yes"
                value = "Randomized" if value.lower() == "yes" else "Non-randomized"
            if key and key not in found and value and len(value.split()) <= _MAX_PHRASE_WORDS:
                found[key] = value
            continue
        phrase = label
        if not phrase or len(phrase.split()) > _MAX_PHRASE_WORDS:
            continue
        for key, states in _DESIGN_PHRASE.items():
            if key not in found and (match := states.search(phrase)) is not None:
                found[key] = phrase[: match.start()] if key == "primary_purpose" else phrase
    return found


def _purpose_section(view: DocView) -> dict[str, str]:
    """ "Purpose of the study" / "Treatment" (ANZCTR): a summary's heading over a purpose.

    The heading opens a summary on most sites; a first line that is a purpose's name
    (and no more) is the trial's purpose.
    """
    for section in view.sections:
        heading = str(section["heading"] or "").lower()
        first = str(section["text"] or "").strip().split("\n", 1)[0].strip()
        if "purpose" in heading and enums.normalize_primary_purpose(first):
            return {"primary_purpose": first}
    return {}


def build_trials(staged: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    rows = []
    for view in doc_views(staged):
        ids = registry_ids(view)
        thresholds = threshold_rows(view, criterion_rows(view, trial_id(view, ids)))
        rows.append(trial_row(view, ids, age_limits(thresholds)))
    return frame_of(rows, TRIALS)


def _acronym(value: str | None) -> str | None:
    return value.strip() if value and _ACRONYM.match(value.strip()) else None


# A stated title ending in its acronym: "… in Refractory Lupus (CASTLE)", "(CAR-SLE-2)"; not
# a product code ("(KYV-101)", "(MB-CART19.1)"), an antigen ("(BCMA)") nor a short
# abbreviation ("(SLE)").
# A browser tab's title keeps the site's name: "… - Full Text View - ClinicalTrials.gov".
_SITE_NAME = re.compile(
    r"(?:\s+[-|]\s+(?:full text view|tabular view|study details))?"
    r"\s+[-|]\s+(?:www\.)?[\w-]+\.(?:gov|org|com|net|eu|de|uk|cn)\s*$",
    re.IGNORECASE,
)


def _without_site_name(title: str | None) -> str | None:
    return _SITE_NAME.sub("", title) if title else title


# A reader service's header over the page it converted (Jina Reader): its "Title:" is the
# browser tab's ("NCT… | Short name | Site"); the page's first heading, underlined with
# "=" as the service writes a top heading, is the trial's title when it reads as one.
_READER_HEADING = re.compile(
    r"^URL Source:[ \t]*\S+[ \t]*\n(?:\s*\n)*Markdown Content:[ \t]*\n"
    r"(?:[^\n]*\n){0,12}?[ \t]*(?P<heading>[^\n=][^\n]*?)[ \t]*\n[ \t]*={3,}[ \t]*$",
    re.MULTILINE,
)


def _own_title(view: DocView) -> str | None:
    """The title field, without a tab title's site name, or a converted page's own top
    heading over its reader's header; else the page's leading title-like line."""
    labelled = _without_site_name(view.value("title"))
    if labelled and (heading := _READER_HEADING.search(view.text)) is not None:
        inferred = facts.inferred_title(view)
        if inferred == heading["heading"]:  # a title's words, not "Clinical Trials"
            return inferred
    return labelled or facts.inferred_title(view)


_TITLE_ACRONYM = re.compile(r"\((?P<a>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\)\s*$")
_PRODUCT_CODE = re.compile(r"^[A-Z]{1,6}-?\d")


def _title_acronym(title: str | None) -> str | None:
    match = _TITLE_ACRONYM.search(title or "")
    if match is None:
        return None
    acronym = match.group("a")
    letters = sum(c.isalpha() for c in acronym)
    named = letters >= 4 and not _PRODUCT_CODE.match(acronym) and not facts.is_antigen(acronym)
    return acronym if named else None


def _prose_phases(view: DocView, title: str | None) -> list[str] | None:
    """The phase a summary or the title states ("A Phase I/II Study of …")."""
    for text in [*(text for text, _ in view.prose), title or ""]:
        match = _PHASE_IN_PROSE.search(text)
        if match:
            return enums.normalize_phases(match.group())
    return None


def _prose_status(view: DocView) -> str | None:
    for text, _ in view.prose:
        for match in _STATUS_IN_PROSE.finditer(text):
            if (match.group("whose") or "").lower() in _ANOTHER:
                continue
            if (worded := next((g for g in _PROSE_STATUS if match.group(g)), None)) is not None:
                return _PROSE_STATUS[worded]
            stated = match.group("ended") or match.group("open")
            if stated.lower() == "enrolling" or stated.lower().startswith("open"):
                return "RECRUITING"
            return enums.normalize_status(stated)
    return None


_RANDOMISED = re.compile(r"\brandomi[sz](?:ed|ation)\s*$", re.IGNORECASE)
_YES_NO = re.compile(r"^(?:yes|no)$", re.IGNORECASE)


def _answered_allocation(view: DocView) -> str | None:
    """ "Randomised: yes" (a register's question) as the allocation it answers."""
    chosen = view.chosen("allocation")
    if chosen is None or not _RANDOMISED.search(str(chosen["label"] or "")):
        return None
    answer = str(chosen["value"] or "").strip()
    if not _YES_NO.match(answer):
        return None
    return "RANDOMIZED" if answer.lower() == "yes" else "NON_RANDOMIZED"


# A count of none: "0", "0 participants", "0 patients".
def _enrollment(view: DocView, *, withdrawn: bool) -> Row:
    """The enrollment and its type. A zero is a placeholder ("Target enrollment: 0"),
    except where it is a count: marked actual ("0 (Actual)", a record's type ACTUAL) or
    of a withdrawn trial, which enrolled no one."""
    count, kind = None, None
    stated, settled_kind = settled_value(view.value("enrollment") or "")
    parsed = parse_enrollment(stated) if stated else None
    explicit_type = view.value("enrollment_type")
    if parsed is None and stated and is_zero_count(stated):
        actual = "ACTUAL" in (
            enums.normalize_enrollment_type(explicit_type),
            enrollment_type_in(stated),
        )
        parsed = (0, "ACTUAL") if actual or withdrawn else None
    if parsed:
        count, kind = parsed
    else:
        for text, _ in view.prose:
            for _, sentence in iter_sentences(text):
                count = find_enrollment_in_prose(sentence)
                if count:
                    kind = enrollment_type_of(sentence)  # "will enrol" / "were enrolled"
                    break
            if count:
                break
    kind = enums.normalize_enrollment_type(explicit_type) if explicit_type else kind
    if kind is None and parsed and (chosen := view.chosen("enrollment")) is not None:
        label = str(chosen["label"] or "")
        remark = label_remark(label)  # "Enrollment (Estimated)"
        kind = enums.normalize_enrollment_type(remark) if remark else None
        kind = kind or enrollment_type_in(label)  # "Estimated Enrollment"
    if parsed and settled_kind is not None:  # "Target 16 … Final 15": the final count
        kind = settled_kind
    return {"enrollment": count, "enrollment_type": kind if count is not None else None}


# Date labels in registries' British wording (WHO ICTRP, ISRCTN, ANZCTR): they write the
# day first, also for a trial whose own id is ClinicalTrials.gov's.
_NON_US_LABEL = re.compile(r"enrolment|\bdate\s+of\s+registration\b", re.IGNORECASE)
_DATED = (*DATE_FIELDS, "registration_date")


def _dates(view: DocView, ids: list[str]) -> Row:
    """Each date field; a stated period ("Study execute time") gives a missing start or end.

    A slashed date like "1/07/2024" is read day first when another date on the page
    can only be read so, or when the page's own registry is not ClinicalTrials.gov
    (outside the US, registries write the day first).
    """
    start, end = parse_date_period(view.value("study_period") or view.value("recruiting_period"))
    from_period = {"start_date": start, "completion_date": end}
    # "Anticipated 3/02/2025 Actual 17/02/2025": the date it turned out to be
    values = {name: _settled(view.value(name)) for name in DATE_FIELDS}
    # Every date the page writes, the ones not chosen too ("Date submitted: 14/03/2025").
    written = [str(r["value"]) for r in view.fields if r["field"] in DATE_FIELDS and r["value"]]
    labels = [str(r["label"]) for r in view.fields if r["field"] in _DATED and r["label"]]
    day_first = writes_day_first(written) or (
        not writes_month_first(written)
        and (
            (bool(ids) and not ids[0].startswith("NCT"))
            or any(_NON_US_LABEL.search(label) for label in labels)
        )
    )
    if not (values["start_date"] or start) or not (values["completion_date"] or end):
        stated = {k: v for k, v in from_period.items() if v}  # "The study, starting in …"
        from_period = prose_dates(view, day_first=day_first) | stated
    row: Row = {}
    for name, value in values.items():
        parsed = (parse_date(value, day_first=day_first) if value else None) or from_period.get(
            name
        )
        row[name] = parsed.value if parsed else None
        row[f"{name}_precision"] = parsed.precision if parsed else None
    for end in ("primary_completion_date", "completion_date"):
        if row["start_date"] and row[end] and row[end] < row["start_date"]:  # type: ignore[operator]
            # an end before the start: a page cut off inside it ("2024-1"), or misread; the
            # marts' checks refuse the pair, and one page would hold back every trial's
            row[end] = row[f"{end}_precision"] = None
    return row


def _settled(value: str | None) -> str | None:
    return settled_value(value)[0] if value else None


def _ages(view: DocView, limits: tuple[float | None, float | None]) -> Row:
    low = parse_age_years(view.value("min_age") or "")
    high = parse_age_years(view.value("max_age") or "")
    if low is None and high is None and view.value("ages"):
        low, high = parse_age_range(view.value("ages") or "")
    if low is None and high is None:
        low, high = limits
    if low is None and high is None:
        low, high = _prose_ages(view)
    if low is not None and high is not None and high < low:
        high = None  # "18 Years to 6": a page cut off inside its maximum, which no trial states
    return {"min_age_years": low, "max_age_years": high}


def _prose_ages(view: DocView) -> tuple[float | None, float | None]:
    """Limits a summary states ("… 30 participants aged between 6 and 70 years")."""
    for text, _ in view.prose:
        limits = find_ages_in_prose(text)
        if limits != (None, None):
            return limits
    return None, None
