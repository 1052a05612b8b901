"""Outcome and eligibility shapes from a sweep of sites' notations: visit codes and ordinal
frames, notices in the measures' place, bare type sub-headings; lab abbreviations, a
scoping age, plain-language criteria lead-ins."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.values.durations import parse_time_frame_days
from transforms.values.thresholds import find_thresholds


@pytest.mark.parametrize(
    ("frame", "days"),
    [
        ("the 28th day after infusion", 28),
        ("1st, 3rd and 6th month", 180),
        ("Wk24", 168),
        ("4th visit", None),  # an ordinal counts visits, not time
    ],
)
def test_ordinal_and_coded_frames(frame: str, days: int | None) -> None:
    assert parse_time_frame_days(frame) == days


def test_a_frame_after_a_dash_written_as_a_visit_code_or_with_a_word() -> None:
    page = (
        "NCT06100101\nOutcome measures\n• SLEDAI-2K change — W12\n• DORIS remission — M6\n"
        "• Duration of response — approximately 5 years\n"
    )
    rows = page_marts(page)["endpoints"].select("measure", "time_frame_days").rows()
    assert rows == [
        ("SLEDAI-2K change", 84),
        ("DORIS remission", 180),
        ("Duration of response", 1825),
    ]


@pytest.mark.parametrize(
    "notice",
    [
        "No outcome measures have been posted for this study.",
        "Outcome measures will be reported when results are posted.",
        "Information not provided by the sponsor.",
    ],
)
def test_a_notice_in_the_measures_place_is_no_measure(notice: str) -> None:
    assert page_marts(f"NCT06100102\nOutcome measures\n{notice}\n")["endpoints"].height == 0


def test_outcome_headings_after_a_results_tab_with_none_posted() -> None:
    page = (
        "NCT06100103\nStudy Results\nNo results posted.\nOutcome Measures\n"
        "Primary Outcome Measures\nIncidence of adverse events [Time Frame: 28 days]\n"
    )
    rows = page_marts(page)["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert rows == [("PRIMARY", 28)]


def test_a_bare_type_word_as_a_markdown_sub_heading() -> None:
    page = (
        "## Endpoints\n### Primary endpoint\nSafety and tolerability — through Day 28\n"
        "### Secondary\n- Autoantibody titres — Month 12\n"
        "### Exploratory\n- Cytokine profile — Day 14\n"
    )
    rows = page_marts(page)["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert rows == [("PRIMARY", 28), ("SECONDARY", 360), ("OTHER", 14)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ALAT and ASAT <= 3 x ULN", [("alt", "<=", 3.0, "xULN"), ("ast", "<=", 3.0, "xULN")]),
        ("GOT/GPT ≤ 2.5 × ULN", [("ast", "<=", 2.5, "xULN"), ("alt", "<=", 2.5, "xULN")]),
        ("Plt >= 100 x 10^9/L", [("platelets", ">=", 100.0, "10^9/L")]),
        (
            "NEUT# >= 1.0x10^9/L, LYM# >= 0.5x10^9/L",
            [("anc", ">=", 1.0, "10^9/L"), ("alc", ">=", 0.5, "10^9/L")],
        ),
        ("eGFR >= 60 mL/min/1.73㎡", [("egfr", ">=", 60.0, "mL/min/1.73m2")]),
        # an age that says whom a rule is for bounds no one's age
        (
            "Body weight >= 35 kg for participants aged 12-17 years",
            [("body_weight", ">=", 35.0, "kg")],
        ),
        (
            "Hb ≥ 9 g/dL (≥ 10 g/dL in patients aged ≥ 65 years)",
            [("hemoglobin", ">=", 90.0, "g/L")],
        ),
        (
            "Patients aged 18 to 65 years",
            [("age", ">=", 18.0, "years"), ("age", "<=", 65.0, "years")],
        ),
    ],
)
def test_lab_spellings_and_scoping_ages(text: str, expected: list) -> None:
    assert [(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)] == expected


def test_a_scoping_age_sets_no_trial_age() -> None:
    page = (
        "NCT06100104\nInclusion Criteria:\n- Adults 18 to 70 years\n"
        "- Body weight >= 35 kg for participants aged 12-17 years\n"
    )
    trial = page_trial(page)
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 70.0)


@pytest.mark.parametrize(
    ("inclusion", "exclusion"),
    [
        ("Who is eligible?", "Who is not eligible?"),
        ("Participants are eligible if they:", "Participants are not eligible if they:"),
        ("Patients must meet all of the following criteria:", "Who cannot join?"),
    ],
)
def test_plain_language_lead_ins_type_their_lists(inclusion: str, exclusion: str) -> None:
    page = f"NCT06100105\n{inclusion}\n- are aged 18-65 years\n{exclusion}\n- have eGFR < 30\n"
    rows = page_marts(page)["criteria"].select("criterion_type").to_series().to_list()
    assert rows == ["INCLUSION", "EXCLUSION"]


@pytest.mark.parametrize(
    "line",
    [
        "In patients aged 18 years or older with pemphigus vulgaris",
        "Open for patients aged 18-75 years",
    ],
)
def test_an_age_for_patients_alone_is_the_trials_own(line: str) -> None:
    assert [t.concept for t in find_thresholds(line)][:1] == ["age"]


def test_rules_and_words_that_look_like_these_shapes() -> None:
    # a page opening with a rule, not front matter: the rule ends no list
    ruled = "---\nInclusion Criteria\n---\n1. Age 18 to 65 years\n2. SLE\n"
    assert page_marts(ruled)["criteria"].height == 2
    # "Other" alone is no outcome type's heading; "at least" opens no frame
    page = (
        "NCT06100106\n## Secondary outcomes\n- Sustained complete renal response - at least 6 "
        "months duration\n## Other\n- IPD sharing: No\n"
    )
    rows = page_marts(page)["endpoints"].select("measure", "time_frame_days").rows()
    assert rows == [("Sustained complete renal response - at least 6 months duration", None)]
    # a measure that opens with "Results will be reported as …" is a measure
    reported = "NCT06100107\nOutcome measures\n- Results will be reported as median Cmax\n"
    assert page_marts(reported)["endpoints"].height == 1


def test_a_description_bullet_and_a_wrapped_measure_stay_with_their_measure() -> None:
    page = (
        "NCT06100108\nPrimary Outcome Measures\n1. Incidence and severity of treatment-emergent "
        "adverse events including cytokine\n   release syndrome and neurotoxicity\n"
        "   - Measured by CTCAE v5.0\n   - Time frame: Day 28\n2. Recommended phase 2 dose\n"
        "   - Time frame: 28 days\n"
    )
    rows = page_marts(page)["endpoints"].select("measure", "description", "time_frame_days").rows()
    assert rows == [
        (
            "Incidence and severity of treatment-emergent adverse events including cytokine "
            "release syndrome and neurotoxicity",
            "Measured by CTCAE v5.0",
            28,
        ),
        ("Recommended phase 2 dose", None, 28),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        "Outcome:\tAEs\tType:\tPrimary indicator\nMeasure time point of outcome:\t28 days\t"
        "Measure method:\tCTCAE\n",
        "| Outcome | AEs | Type | Primary indicator |\n"
        "| Measure time point of outcome | 28 days | Measure method | CTCAE |\n",
    ],
)
def test_a_registrys_outcome_block_copied_as_rows_of_labels(rows: str) -> None:
    marts = page_marts(f"ChiCTR2400000001\nOutcomes\n{rows}")
    assert marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows() == [
        ("PRIMARY", "AEs", 28)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FVC% >= 50% and DLCO% >= 40%", [("fvc", ">=", 50.0), ("dlco", ">=", 40.0)]),
        ("have kidney function below 40 mL/min/1.73 m2", [("egfr", "<", 40.0)]),
        ("Normal renal function", []),
    ],
)
def test_lung_and_kidney_function_as_patients_read_them(text: str, expected: list) -> None:
    assert [(t.concept, t.operator, t.value) for t in find_thresholds(text)] == expected
