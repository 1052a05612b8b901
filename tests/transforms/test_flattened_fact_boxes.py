"""A facts box flattened by a scraper: labels and values parted by spaces alone, on one
line or one row a line, or glued with no space at all."""

from __future__ import annotations

from datetime import date

import pytest

from tests.transforms.page_build import page_marts
from transforms.text.glued_chain import spaced_pieces


def _trial(page: str) -> dict[str, object]:
    return page_marts(page, "page.txt")["trials"].row(0, named=True)


def _pieces(text: str) -> list[tuple[str, str, str]] | None:
    found = spaced_pieces(text)
    if found is None:
        return None
    return [
        (text[p.start : p.value_start].strip(), text[p.value_start : p.end], p.key) for p in found
    ]


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "Recruitment Status Not yet recruiting Study Type Interventional Phase Early Phase 1",
            [
                ("Recruitment Status", "Not yet recruiting", "status"),
                ("Study Type", "Interventional", "study_type"),
                ("Phase", "Early Phase 1", "phase"),  # "Phase" in the value is no label
            ],
        ),
        (
            "Ages Eligible for Study 18 Years to 65 Years (Adult, Older Adult) Sexes Eligible "
            "for Study All Accepts Healthy Volunteers No",
            [
                ("Ages Eligible for Study", "18 Years to 65 Years (Adult, Older Adult)", "ages"),
                ("Sexes Eligible for Study", "All", "sex"),
                ("Accepts Healthy Volunteers", "No", "healthy_volunteers"),
            ],
        ),
        (
            "Status Recruiting | Phase Phase 2 · Enrollment 24 | Sponsor Peking University",
            [
                ("Status", "Recruiting", "status"),
                ("Phase", "Phase 2", "phase"),
                ("Enrollment", "24", "enrollment"),
                ("Sponsor", "Peking University", "lead_sponsor"),
            ],
        ),
        (
            "SexAllAccepts Healthy VolunteersNoConditionsSystemic Lupus Erythematosus",
            [
                ("Sex", "All", "sex"),
                ("Accepts Healthy Volunteers", "No", "healthy_volunteers"),
                ("Conditions", "Systemic Lupus Erythematosus", "conditions"),
            ],
        ),
        (  # a title's "Phase" is a word of the title: its own value would be no phase
            "Title A Phase 1 Study of CAR-T Cells Status Recruiting Sex All",
            [
                ("Title", "A Phase 1 Study of CAR-T Cells", "title"),
                ("Status", "Recruiting", "status"),
                ("Sex", "All", "sex"),
            ],
        ),
        (  # a design line: "Group" is a word of its value, not an arm's label
            "Allocation N/A Intervention Model Single Group Assignment Masking None (Open Label)",
            [
                ("Allocation", "N/A", "allocation"),
                ("Intervention Model", "Single Group Assignment", "intervention_model"),
                ("Masking", "None (Open Label)", "masking"),
            ],
        ),
        (  # nor are "Group", "Diseases" and "Treatment" in a sponsor's name or a title
            "Status Recruiting Sponsor Institute of Blood Diseases Hospital, Cell Therapy Group "
            "Phase Early Phase 1 Official Title Treatment With CAR-T",
            [
                ("Status", "Recruiting", "status"),
                (
                    "Sponsor",
                    "Institute of Blood Diseases Hospital, Cell Therapy Group",
                    "lead_sponsor",
                ),
                ("Phase", "Early Phase 1", "phase"),
                ("Official Title", "Treatment With CAR-T", "title"),
            ],
        ),
        # Sentences that name fields are not chains.
        ("Phase 1 study of CD19 CAR-T in lupus; the Sponsor is Peking University.", None),
        ("Status of the disease and Sex and Age were recorded at Enrollment by the site.", None),
        ("Status Recruiting Phase 2", None),  # two labels: the spaced rule's, not a chain's
    ],
)
def test_spaced_pieces(line: str, pieces: list[tuple[str, str, str]] | None) -> None:
    assert _pieces(line) == pieces


FACTS = (
    "Recruitment Status Not yet recruiting Study Type Interventional Phase Early Phase 1 "
    "Enrollment 9 (Estimated) Study Start May 27, 2024 Primary Completion May 27, 2026 "
    "(Estimated) Ages Eligible 18 Years to 65 Years Sex All Accepts Healthy Volunteers No "
    "Sponsor Shanghai Song Therapeutics Co., Ltd"
)
ONE_LINE = f"""The Safety of Anti-CD19 CAR-T Cells in Relapsed Autoimmune Diseases

NCT06420154

Key facts
{FACTS}
"""


def test_a_facts_box_flattened_into_one_line() -> None:
    trial = _trial(ONE_LINE)
    assert trial["overall_status"] == "NOT_YET_RECRUITING"
    assert trial["phases"] == ["EARLY_PHASE1"]
    assert (trial["enrollment"], trial["enrollment_type"]) == (9, "ESTIMATED")
    assert trial["start_date"] == date(2024, 5, 27)
    assert trial["primary_completion_date"] == date(2026, 5, 27)
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 65.0)
    assert (trial["sex"], trial["healthy_volunteers"]) == ("ALL", False)
    assert trial["lead_sponsor"] == "Shanghai Song Therapeutics Co., Ltd"


ROWS = """NCT06420154

Key facts
Recruitment Status Recruiting
Ages Eligible 6 Years to 17 Years
Sex All
Sponsor Children's Hospital of Fudan University
"""


def test_a_facts_box_a_row_a_line_without_its_tabs() -> None:
    trial = _trial(ROWS)
    assert trial["overall_status"] == "RECRUITING"
    assert (trial["min_age_years"], trial["max_age_years"]) == (6.0, 17.0)
    assert trial["lead_sponsor"] == "Children's Hospital of Fudan University"


def test_a_sentence_opening_with_a_label_word_is_no_row() -> None:
    # Among a box's rows, a line that ends as a sentence is not a name's value.
    page = "NCT06420154\n\nStatus Recruiting\nSponsor Peking University leads the study.\nSex All\n"
    assert _trial(page)["lead_sponsor"] is None
    box = page.replace("leads the study.\n", "\nPhase Phase 1\n")
    assert _trial(box)["lead_sponsor"] == "Peking University"


def test_criteria_that_open_with_a_label_word_stay_criteria() -> None:
    listed = "NCT06500006\n\nEligibility\nAge 18 to 70 years\nSex Male or female\nCondition SLE\n"
    assert _trial(listed)["conditions"] is None
    flattened = (
        "NCT06700001\n\nInclusion Criteria\n1. Diagnosis of SLE\n"
        "Age 18 to 70 Years Sex All Condition Refractory to two standard therapies\n"
        "2. SLEDAI-2K ≥ 8\n"
    )
    marts = page_marts(flattened, "page.txt")
    assert marts["trials"]["conditions"].to_list() == [None]
    assert marts["criteria_thresholds"]["concept"].to_list()[-1] == "sledai_2k"
    # A registry's own labels over its criteria are its facts.
    registry = (
        "NCT06700002\n\nEligibility\nAges Eligible for Study 18 Years to 65 Years "
        "Sexes Eligible for Study All Accepts Healthy Volunteers No\nInclusion Criteria:\n- SLE\n"
    )
    trial = _trial(registry)
    assert (trial["max_age_years"], trial["sex"], trial["healthy_volunteers"]) == (
        65.0,
        "ALL",
        False,
    )
