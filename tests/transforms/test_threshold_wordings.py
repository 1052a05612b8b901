"""Threshold wordings from real eligibility text and registry notations: ranges with
"through" and "≥ X to ≤ Y", "not below", limits named before the score, ages that say
whom a rule is for, and exclusion headings in plain words."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.values.thresholds import find_thresholds


def _rows(text: str) -> list[tuple[str, str, float, str]]:
    return [(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Age 18 through 65 years, inclusive",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        (
            "Patients aged ≥ 18 to ≤ 65 years",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        ("Age ≥ 18 years to ≤ 75 years", [("age", ">=", 18, "years"), ("age", "<=", 75, "years")]),
        (
            "No younger than 18 and no older than 70 years of age",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        (
            "Minimum age of 18 years, maximum age of 80 years",
            [("age", ">=", 18, "years"), ("age", "<=", 80, "years")],
        ),
        ("Healthy adults under age 60", [("age", "<", 60, "years")]),
        ("Hemoglobin not below 8.0 g/dL", [("hemoglobin", ">=", 80, "g/L")]),
        ("Lymphocytes not above 0.2 × 10^9/L", [("alc", "<=", 0.2, "10^9/L")]),
        ("Neutrophil count of more than 1,000 per cubic millimeter", [("anc", ">", 1.0, "10^9/L")]),
        ("Platelets ≥ 75 x10e3/uL", [("platelets", ">=", 75, "10^9/L")]),
        ("ANC ≥ 1.5 × 10(3)/µL", [("anc", ">=", 1.5, "10^9/L")]),
        ("ANC ≥ 1.0 × 10^9 L-1", [("anc", ">=", 1.0, "10^9/L")]),
        ("A score of at least 6 on the MG-ADL scale", [("mg_adl", ">=", 6, "points")]),
        ("At least 8 points on the SLEDAI-2K", [("sledai_2k", ">=", 8, "points")]),
        ("Your kidney function is below 30 mL/min/1.73 m2", [("egfr", "<", 30, "mL/min/1.73m2")]),
    ],
)
def test_wordings_of_a_limit(text: str, rows: list[tuple[str, str, float, str]]) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    "text",
    [
        "Participants aged < 18 years must weigh ≥ 40 kg",
        "Participants 12-17 years old require written parental consent",
        "For adolescents under 18 years of age, able to provide informed assent",
    ],
)
def test_an_age_that_says_whom_a_rule_is_for_bounds_no_one(text: str) -> None:
    assert [row for row in _rows(text) if row[0] == "age"] == []


def test_an_age_before_a_rule_about_the_disease_is_still_a_limit() -> None:
    rows = _rows("Patients aged 18-70 years must have a diagnosis of SLE")
    assert rows == [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]


@pytest.mark.parametrize(
    "heading",
    [
        "Exclusionary criteria",
        "Non-eligibility criteria",
        "Subjects meeting any of the following criteria will be excluded:",
        "You should not join this study if:",
        "You will not be able to join if you:",
        "Reasons you may not be able to take part",
    ],
)
def test_exclusion_headings_in_other_words(heading: str) -> None:
    page = f"NCT06500016\nInclusion Criteria:\n- At least 18 years of age\n{heading}\n- Thymoma\n"
    types = page_marts(page)["criteria"]["criterion_type"].to_list()
    assert types == ["INCLUSION", "EXCLUSION"]


def test_a_registrys_closing_line_is_no_criterion() -> None:
    page = (
        "NCT06500024\nExclusion Criteria:\n1. IgG < 6 g/L\n\n"
        "Other protocol-defined inclusion/exclusion criteria may apply.\n"
    )
    assert page_marts(page)["criteria"]["text"].to_list() == ["IgG < 6 g/L"]


def test_the_trials_ages_from_a_through_range() -> None:
    trial = page_trial("NCT06373081\nInclusion Criteria:\n* Age 18 through 65 years, inclusive\n")
    assert (trial["min_age_years"], trial["max_age_years"]) == (18, 65)


@pytest.mark.parametrize(
    "text",
    [
        "defined as improvement of less than 2 points on the MG-ADL",
        "increase of >= 4 in the SLEDAI-2K",
        "Disease onset under age 16",
        "Household contact with children under age 2",
        "Minimum age of 6 months",
    ],
)
def test_words_that_state_no_limit_of_the_participants(text: str) -> None:
    assert _rows(text) == []


def test_the_trials_ages_before_another_rule_stay() -> None:
    rows = _rows(
        "Patients aged 18 to 70 years must have active diffuse cutaneous SSc with mRSS >= 15"
    )
    assert rows[:2] == [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]


def test_a_sub_list_after_a_blank_line_is_no_footnote() -> None:
    page = (
        "Inclusion Criteria:\n1. Age 18-65 years\n"
        "2. Active SLE defined by all of the following:\n\n"
        "* SLEDAI-2K >= 8\n* Positive anti-dsDNA antibodies\n"
    )
    assert page_marts(page)["criteria"].height == 4


@pytest.mark.parametrize(
    ("page", "count"),
    [
        (  # paragraphs hard-wrapped, set apart by blank lines: one item each
            "Inclusion Criteria:\n\nMale or female patients aged 18 to 70 years at the time of "
            "signing\nthe informed consent form.\n\nCreatine kinase at least 2 times the upper "
            "limit of normal, or MMT-8\nbelow 136 points at screening.\n",
            2,
        ),
        (  # short items, one blank line among them: still an item a line
            "Inclusion Criteria\nAge 18-70 years\nSLEDAI-2K ≥ 8\n\nPositive ANA ≥ 1:80\n"
            "Failure of 2 standard therapies\n",
            4,
        ),
        (  # a page break's rule inside a numbered list
            "Inclusion Criteria:\n1. Age 18-65 years\n2. SLEDAI-2K ≥ 8\n\n---\n"
            "3. eGFR ≥ 45 mL/min/1.73 m2\n",
            3,
        ),
        (  # a criterion that names a page of the protocol
            "Exclusion Criteria:\n- Significant pulmonary hypertension as defined on page 14 of "
            "41 of the protocol\n- Prior CAR-T therapy\n",
            2,
        ),
    ],
)
def test_list_shapes_around_blank_lines_and_rules(page: str, count: int) -> None:
    assert page_marts(page)["criteria"].height == count


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Aged 18 (inclusive) to 65 (inclusive) years",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        ("18-years-old or older", [("age", ">=", 18, "years")]),
        (
            "Aged 18-year-old to 65-year-old",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        (
            "Age >= 18 years; <= 65 years",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        (
            "Platelets ≥ 100 × 10^9/L; ≤ 400 × 10^9/L",
            [("platelets", ">=", 100, "10^9/L"), ("platelets", "<=", 400, "10^9/L")],
        ),
    ],
)
def test_an_age_range_in_marked_inclusive_hyphenated_or_semicolon_wordings(
    text: str, rows: list[tuple[str, str, float, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # hyphenated ages that name someone's age or a time, no limit of the participants
        ("Women with a child under 2-years-old", []),
        ("Parents of a 5-year-old or older sibling", []),
        ("Completed a 2-year follow-up", []),
        ("Treatment on Days 1 (inclusive) to 5", []),
        # after a semicolon, a comparison of another quantity, or no range with the first
        ("Age ≥ 18 years; ≤ 2 prior lines of therapy", [("age", ">=", 18, "years")]),
        ("Age ≥ 18 years; ≤ 10 years since diagnosis", [("age", ">=", 18, "years")]),
        ("Age ≥ 18 years; ≤ 30 years of smoking history", [("age", ">=", 18, "years")]),
        ("Age ≥ 18 years; ≥ 65 years", [("age", ">=", 18, "years")]),
        ("Hemoglobin ≥ 9 g/dL; < 8 g/dL", [("hemoglobin", ">=", 90, "g/L")]),
    ],
)
def test_those_wordings_where_they_state_no_other_bound(
    text: str, rows: list[tuple[str, str, float, str]]
) -> None:
    assert _rows(text) == rows


def test_the_trials_ages_from_an_inclusive_marked_range() -> None:
    trial = page_trial(
        "NCT06500004\nInclusion Criteria:\n* Aged 18 (inclusive) to 65 (inclusive) years\n"
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (18, 65)


def test_the_trials_ages_from_a_bound_after_a_semicolon() -> None:
    trial = page_trial("NCT06500004\nInclusion Criteria:\n* Age >= 18 years; <= 65 years\n")
    assert (trial["min_age_years"], trial["max_age_years"]) == (18, 65)


def test_a_symbol_fonts_signs_give_limits_with_spans_in_the_raw_text() -> None:
    page = (
        "NCT06600011\nInclusion Criteria:\n- Age ³ 18 years\n- ANC ³ 1.5 x 10^9/L\n"
        "- Platelets ≥ 100 x 10³/µL\nExclusion Criteria:\n- Creatinine £ 1.5 x ULN\n"
    )
    rows = page_marts(page)["criteria_thresholds"]
    got = [
        (r["concept"], r["operator"], r["value"], page[r["span_start"] : r["span_end"]])
        for r in rows.iter_rows(named=True)
    ]
    assert got == [
        ("age", ">=", 18, "Age ³ 18 years"),
        ("anc", ">=", 1.5, "ANC ³ 1.5 x 10^9/L"),
        ("platelets", ">=", 100, "Platelets ≥ 100 x 10³/µL"),
        ("creatinine", "<=", 1.5, "Creatinine £ 1.5 x ULN"),
    ]
