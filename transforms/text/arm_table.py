"""The columns of a table of arms, as sites head them ("| Arm | Type | Intervention |").

One lexicon for two readers: the segmenter opens the arms section at such a header
when no heading names it, and the arms mart reads each row's cells by these roles.
"""

from __future__ import annotations

import re

from transforms.text.tables import column_key, column_lexicon, column_roles, table_cells

# An arm's type on a line of its own ("EXPERIMENTAL", "Experimental group" under a group's
# name, "Other group", the code "OTHER"); a bare "Other" types nothing. ``suffix``: the
# "group" or "arm" after the type, which may also name a group ("Experimental group").
BARE_ARM_TYPE = re.compile(
    r"^(?:(?P<type>experimental|active[\s_]comparator|placebo[\s_]comparator|sham[\s_]comparator"
    r"|no[\s_]intervention|other(?=\s+(?:arm|group)))(?P<suffix>\s+(?:arm|group))?"
    r"|(?-i:(?P<code>OTHER)))$",
    re.IGNORECASE,
)

ARM_COLUMNS = column_lexicon(
    {
        "arm": (
            "arm",
            "arms",
            "arm group",
            "arm label",
            "arm name",
            "arm title",
            "group",
            "groups",
            "group name",
            "cohort",
            "cohorts",
            "study arm",
            "study arms",
            "treatment arm",
            "treatment group",
            "participant group",
            "participant group / arm",
            "participant group / cohort",
            "arm / group",
            "group / cohort",
            "arm / cohort",
        ),
        "intervention": (
            "intervention",
            "interventions",
            "intervention / treatment",
            "interventions / treatments",
            "intervention name",
            "assigned interventions",  # ClinicalTrials.gov's column
            "treatment",
            "treatments",
            "drug",
            "drugs",
            # patient-facing sites ask it: "| Group | Kind | What participants get |"
            "what participants get",
            "what participants receive",
            "what patients get",
            "what patients receive",
            "what is given",
            "treatment given",
        ),
        "description": (
            "description",
            "arm description",
            "details",
            "dose",
            "doses",
            "dose level",
            "cell dose",
            # what a cohort's row says of its patients: "| Cohort | Disease | Dose |"
            "disease",
            "diseases",
            "condition",
            "indication",
            "population",
            "participants",
            "number of participants",
            "sample size",
            "intervention code",  # ChiCTR's, often empty
        ),
        "type": ("type", "arm type", "group type", "kind"),
    }
)
# A header's first cell starts with one of these words; most rows are told by them alone.
_ARM_FIRST_WORDS = tuple(
    sorted({key.split()[0] for key, role in ARM_COLUMNS.items() if role == "arm"})
)


def heads_an_arm_table(row: str) -> bool:
    """Whether a table row is the header of a table of arms: an arm column first, then
    only columns that describe arms ("| Arm | Type | Intervention |")."""
    first = row.lstrip("| ")
    if not first.isascii():  # "组别 Group | 样本量 Sample size | …" (ChiCTR)
        first = column_key(first.split("|", 1)[0])
    if not first[:12].lower().startswith(_ARM_FIRST_WORDS):
        return False
    cells = table_cells(row)
    roles = column_roles(cells, ARM_COLUMNS) if cells else None
    return (
        roles is not None
        and len(roles) >= 2
        and roles[0] == "arm"
        and all(role not in (None, "arm") for role in roles[1:])
    )
