"""Choose one value per field when a page states it more than once.

A page may say "Early phase I" in its text while its embedded registry
record says PHASE1, or print a value twice. Structured sources rank first
(an embedded record is the registry's own data), then labelled values, then
bare badges; the first occurrence wins within a rank. Disagreements after
type normalisation are reported, with the rule that chose, in stg_conflicts.
"""

from __future__ import annotations

from collections import defaultdict

from transforms.text.badges import normalized_value, states_nothing
from transforms.text.lexicon import FOREIGN_SECTIONS
from transforms.text.segment import Field
from transforms.values.dates import ParsedDate, parse_date
from transforms.values.enums import normalize_status
from transforms.values.numbers import enrollment_type_in

ORIGIN_RANK = {"protocol": 0, "label": 1, "table": 1, "label_block": 2, "markup": 2, "badge": 3}
# Fields that are lists by nature: every occurrence counts, none is "chosen" over another.
MULTI_VALUED = frozenset(
    {
        "condition",
        "intervention",
        "intervention_type",
        "country",
        "location",
        "time_frame",
        "endpoint_type",
        "arms",
        "registry_id",
    }
)

# Right after a group's label or intervention ("Group: Low dose / Sample size: 12") a
# count is the group's, not the trial's enrollment.
# Fields a registry states as planned and as it turned out, each under its own label.
SETTLED_FIELDS = frozenset(
    {"enrollment", "start_date", "primary_completion_date", "completion_date"}
)
GROUP_FIELDS = frozenset({"arms", "arm_type", "intervention"})
GROUP_COUNTS = frozenset({"enrollment"})
# A page that states both how recruitment goes and that the trial ended ("Recruitment
# status: No longer recruiting" / "Overall study status: Completed", ISRCTN) ended.
ENDED = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "SUSPENDED"})


def choose_fields(fields: list[Field]) -> tuple[list[bool], list[dict[str, str | None]]]:
    """``is_chosen`` per field (same order) and the conflict rows of this document."""
    chosen = [False] * len(fields)
    by_key: dict[str, list[int]] = defaultdict(list)
    first_group: dict[str, int] = {}  # where each section's first group is named
    for i, f in enumerate(fields):
        if f.key == "arms":
            first_group.setdefault(f.section, i)
    void = _void_date_guess(fields)
    for i, f in enumerate(fields):
        if (
            f.value is None
            or i in void
            or f.section in FOREIGN_SECTIONS
            or (
                f.key in GROUP_COUNTS
                and _follows_a_group(fields, i, first_group)
                and "total" not in (f.label or "").lower()  # ChiCTR's "Total sample size"
            )
            or states_nothing(f.key, f.value)
        ):
            continue
        if f.key in MULTI_VALUED:
            chosen[i] = True
            continue
        by_key[f.key].append(i)
    conflicts: list[dict[str, str | None]] = []
    for key, indexes in by_key.items():
        by_end = key == "status"  # within a rank, a stated end before a recruitment status
        ranked = sorted(
            indexes,
            key=lambda i: (
                # A site's status in a list of locations ("Status: Completed" under one
                # hospital) only when the page states no other.
                by_end and fields[i].section == "locations",
                # A status no code reads ("Overall study status: Ongoing") after one that a
                # code does ("Recruitment status: Recruiting"), wherever each is written.
                by_end and normalize_status(fields[i].value) is None,
                # "Date registered" over "Date submitted": when the record was registered.
                key == "registration_date" and "submi" in (fields[i].label or "").lower(),
                ORIGIN_RANK.get(fields[i].origin, 9),
                # "Total final enrolment" over "Target number of participants", "Actual
                # trial start date" over "Anticipated trial start date".
                key in SETTLED_FIELDS and not _says_actual(fields[i]),
                by_end and not _ended(fields[i]),
                i,
            ),
        )
        winner = ranked[0]
        chosen[winner] = True
        win_norm = normalized_value(key, fields[winner].value)
        seen = {win_norm}
        for i in ranked[1:]:
            other = normalized_value(key, fields[i].value)
            if other in seen:
                continue
            seen.add(other)
            rule = (
                "the trial's status outranks a site's"
                if key == "status" and fields[i].section == "locations"
                else "a status a code reads outranks one none does"
                if key == "status" and normalize_status(fields[i].value) is None
                else "a registration outranks a submission"
                if key == "registration_date" and "submi" in (fields[i].label or "").lower()
                else f"{fields[winner].origin} outranks {fields[i].origin}"
                if fields[winner].origin != fields[i].origin
                else "an actual value outranks a planned one"
                if key in SETTLED_FIELDS and _says_actual(fields[winner]) > _says_actual(fields[i])
                else "the trial's end outranks its recruitment"
                if key == "status" and _ended(fields[winner]) and not _ended(fields[i])
                else "first occurrence wins"
            )
            conflicts.append(
                {
                    "field": key,
                    "chosen_value": fields[winner].value,
                    "chosen_origin": fields[winner].origin,
                    "other_value": fields[i].value,
                    "other_origin": fields[i].origin,
                    "rule": rule,
                }
            )
    return chosen, conflicts


def _void_date_guess(fields: list[Field]) -> set[int]:
    """Bare dates read as the start and the end by their order, when a labelled start date
    says the first was not the start (jRCT's head: its registration and update dates)."""
    bare = {f.key: i for i, f in reversed(list(enumerate(fields))) if f.origin == "badge"}
    start = bare.get("start_date")
    if start is None or "completion_date" not in bare:
        return set()
    guessed = parse_date(fields[start].value)
    labelled = [
        date
        for f in fields
        if f.key == "start_date" and f.origin != "badge" and (date := parse_date(f.value))
    ]
    if guessed is None or not labelled or any(_same_date(guessed, d) for d in labelled):
        return set()
    return {start, bare["completion_date"]}


_ISO_WIDTH = {"year": 4, "month": 7}  # characters of an ISO date a precision states


def _same_date(guessed: ParsedDate, stated: ParsedDate) -> bool:
    """The same date as far as the less precise of the two says ("Mar 2024", "March 12, 2024")."""
    width = min(_ISO_WIDTH.get(guessed.precision, 10), _ISO_WIDTH.get(stated.precision, 10))
    return guessed.value.isoformat()[:width] == stated.value.isoformat()[:width]


def _says_actual(field: Field) -> bool:
    """Whether an enrollment's or a date's label or value says it is the actual one."""
    return enrollment_type_in(f"{field.label or ''} {field.value or ''}") == "ACTUAL"


def _ended(field: Field) -> bool:
    return normalize_status(field.value) in ENDED


def _follows_a_group(fields: list[Field], i: int, first_group: dict[str, int]) -> bool:
    """Whether the field before ``fields[i]``, in the same section, describes a group.

    A label with no value between them is the same field in another language (ChiCTR's
    "样本量：" over "Sample size:"), not a field of its own.
    """
    j = i - 1
    while j >= 0 and fields[j].value is None and fields[j].key == fields[i].key:
        j -= 1
    before = fields[j] if j >= 0 else None
    if before is None or before.key not in GROUP_FIELDS or before.section != fields[i].section:
        return False
    # After an intervention, a count is a group's only among groups ("Group: A / Intervention:
    # X / Sample size: 10"); "Treatment" / "CAR-T cells" / "Size" / "18" is the trial's.
    return before.key != "intervention" or first_group.get(before.section, j) < j
