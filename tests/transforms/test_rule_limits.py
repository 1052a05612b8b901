"""Where each generalising rule stops: pages its words almost fit, read as before.

Every rule that reads a wording in a new place (an age that scopes a rule, a line that
goes on a list, a label in bold, a frame under a measure) meets pages where the same
words mean something else; these are those pages.
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged

HEAD = "CD19 CAR-T in lupus\nNCT06111111\n"


def _marts(body: str) -> dict[str, pl.DataFrame]:
    raw, _ = land_files([("a.txt", (HEAD + body).encode())], datetime(2026, 1, 1, tzinfo=UTC))
    return build_marts(build_staged(raw)[0])[0]


def _trial(body: str) -> dict[str, object]:
    return _marts(body)["trials"].row(0, named=True)


def _thresholds(body: str) -> list[tuple[object, ...]]:
    frame = _marts(body)["criteria_thresholds"]
    return frame.select("concept", "operator", "value").rows()


def test_pregnancy_words_beside_the_trials_ages_scope_nothing() -> None:
    body = "Inclusion Criteria:\n- Male or non-pregnant female patients aged 18 to 65 years\n"
    assert _thresholds(body) == [("age", ">=", 18), ("age", "<=", 65)]


def test_an_age_that_picks_whom_a_rule_is_for_bounds_nothing() -> None:
    body = "Inclusion Criteria:\n- For patients ≥ 65 years, creatinine clearance ≥ 50 mL/min\n"
    assert _thresholds(body) == [("creatinine_clearance", ">=", 50)]


def test_a_second_bound_timed_in_the_same_unit_stays() -> None:
    body = (
        "Inclusion Criteria:\n- Platelets ≥ 50 and ≤ 400 × 10^9/L after transfusion support\n"
        "- SLEDAI-2K ≥ 6 and < 20 points before enrollment\n"
    )
    assert _thresholds(body) == [
        ("platelets", ">=", 50),
        ("platelets", "<=", 400),
        ("sledai_2k", ">=", 6),
        ("sledai_2k", "<", 20),
    ]


def test_conditions_go_on_a_name_a_line_after_the_heading_line() -> None:
    body = (
        "Conditions: Systemic Lupus Erythematosus\nLupus Nephritis\nSystemic Sclerosis\nPhase: 1\n"
    )
    assert _trial(body)["conditions"] == [
        "Systemic Lupus Erythematosus",
        "Lupus Nephritis",
        "Systemic Sclerosis",
    ]


def test_a_range_after_the_word_dose_keeps_its_low_end() -> None:
    body = "Intervention:\nBiological: CD19 CAR-T cells\nCAR-T cell dose 0.5-1.0 × 10^6 cells/kg.\n"
    assert _marts(body)["doses"].select("dose_value", "dose_value_max").rows() == [(5e5, 1e6)]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Patients receive a single infusion of at least 1 × 10^6 CAR-T cells/kg.", 1e6),
        ("Patients receive half a million CAR-T cells/kg.", None),
    ],
)
def test_at_least_before_a_dose_and_half_a_million(line: str, value: float | None) -> None:
    doses = _marts(f"Intervention:\nBiological: CD19 CAR-T cells\n{line}\n")["doses"]
    assert doses["dose_value"].to_list() == ([] if value is None else [value])


def test_the_posted_results_adverse_events_module_is_no_measure() -> None:
    body = (
        "Secondary Outcome Measures\n1. SRI-4 response rate [Time Frame: 6 months]\n\n"
        "Adverse Events\nTime Frame: From CAR-T infusion to 24 months\n"
        "Adverse Event Reporting Description: All serious adverse events were collected.\n"
    )
    endpoints = _marts(body)["endpoints"]
    assert endpoints.select("measure", "description", "time_frame_days").rows() == [
        ("SRI-4 response rate", None, 180)
    ]


@pytest.mark.parametrize(
    "outcomes",
    [
        "- Overall response rate\n- 1-year overall survival\n",
        "Incidence of dose-limiting toxicity [Time Frame: 28 days\n"
        "Overall response rate [Time Frame: 6 months]\n",
    ],
    ids=["a measure named by its horizon", "a frame left open"],
)
def test_the_next_measure_is_no_frame_of_the_one_before(outcomes: str) -> None:
    endpoints = _marts(f"Secondary Outcome Measures:\n{outcomes}")["endpoints"]
    assert endpoints.height == 2


def test_arms_of_one_label_in_two_parts_are_two_arms() -> None:
    body = (
        "Arms and Interventions\nPart A (SLE)\nExperimental: Dose level 1\n"
        "CD19 CAR-T 1x10^6 cells/kg in SLE patients\nPart B (Systemic sclerosis)\n"
        "Experimental: Dose level 1\nCD19 CAR-T 1x10^6 cells/kg in SSc patients\n"
    )
    assert _marts(body)["arms"].height == 2


def test_a_numbered_other_arm_after_an_arm_with_other_is_an_arm() -> None:
    body = (
        "Arms\n1. Experimental: CD19 CAR-T\n- Biological: CD19 CAR-T cells\n"
        "2. Placebo Comparator: Placebo\n- Other: Normal saline\n"
        "3. Other: Healthy volunteers\n- Procedure: Blood draw\n"
    )
    arms = _marts(body)["arms"]
    assert arms.select("label", "intervention_names").rows() == [
        ("CD19 CAR-T", ["CD19 CAR-T cells"]),
        ("Placebo", ["Normal saline"]),
        ("Healthy volunteers", ["Blood draw"]),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Allocation: Randomized\nBrief Summary:\nEarlier single-arm studies of CD19 CAR-T "
        "showed promise; this randomized trial compares CAR-T with standard therapy.\n",
        "Phase: Phase 1\nGroup 1: 18-40 years old\nGroup 2: 41-65 years old\n",
    ],
    ids=["other trials' single arms", "age groups"],
)
def test_no_arm_from_words_about_other_studies_or_age_groups(body: str) -> None:
    assert _marts(body)["arms"].height == 0


def test_a_labelled_line_naming_a_group_is_no_arm() -> None:
    body = (
        "Arms\nCAR-T group\nPatients receive CD19 CAR-T cells.\nStandard care group\n"
        "Patients receive mycophenolate.\nRandomization: 1 to 1 between the CAR-T group\n"
    )
    assert _marts(body)["arms"]["label"].to_list() == ["CAR-T group", "Standard care group"]


def test_phases_parted_by_a_middle_dot_are_one_value() -> None:
    assert _trial("Phase: Phase 2 · Phase 3\n")["phases"] == ["PHASE2", "PHASE3"]


def test_bold_words_opening_a_sentence_are_no_labels() -> None:
    body = (
        "## Detailed Description\n**Conditions** for retreatment are listed below.\n"
        "**Sponsor** responsibilities are described in the protocol.\n"
    )
    trial = _trial(body)
    assert (trial["conditions"], trial["lead_sponsor"]) == (None, None)


def test_a_related_line_cites_other_trials_and_menus_are_no_title() -> None:
    page = (
        "EU CT number: 2024-518822-14-00\nTitle of the trial: CD19 CAR-T in NMOSD\n\n"
        "Related: NCT06869278 (CAR-T in NMOSD, China); NCT06485232.\n"
    )
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    trial = build_marts(build_staged(raw)[0])[0]["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["nct_id"], trial["countries"]) == (
        "2024-518822-14-00",
        None,
        None,
    )
    menu = "TrialScout\nFind trials near you   Conditions   How trials work\nSign up   Log in\n\n"
    title = "Study of CD19 CAR T Cells in Progressive Multiple Sclerosis"
    raw, _ = land_files([("b.txt", f"{menu}{title}\n".encode())], datetime(2026, 1, 1, tzinfo=UTC))
    assert build_marts(build_staged(raw)[0])[0]["trials"]["title"].to_list() == [title]


def test_a_products_code_before_cells() -> None:
    body = "Cohorts\nCohort A1: 2.5 × 10^7 DSG3-CAART cells, single infusion\n"
    assert _marts(body)["doses"].select("dose_value", "dose_unit").rows() == [(2.5e7, "cells")]


def test_countries_with_their_cities_in_brackets_and_a_mirrors_disclaimer() -> None:
    body = (
        "Locations: Germany (Erlangen, Munich, Hamburg); Spain (Barcelona); "
        "United Kingdom (London, Leeds)\n\nExclusion criteria\n1. Pregnancy\n"
        "2. Prior gene therapy\n\n"
        "This mirror is not the official EU register. Data may be outdated.\n"
    )
    marts = _marts(body)
    assert marts["trials"]["countries"].to_list() == [["Germany", "Spain", "United Kingdom"]]
    assert marts["criteria"]["text"].to_list() == ["Pregnancy", "Prior gene therapy"]


# Where this round's rules stop (a regression hunt of the rules for new page shapes).
@pytest.mark.parametrize(
    ("page", "field", "value"),
    [
        # a comparator's cyclophosphamide when the cells come without chemotherapy
        (
            "Arms and Interventions\nExperimental: CD19 CAR-T\nParticipants receive CD19 CAR-T "
            "cells without lymphodepleting chemotherapy.\nBiological: CD19 CAR-T\n"
            "Active Comparator: Standard of care\nIntravenous cyclophosphamide per the "
            "Euro-Lupus regimen.\nDrug: Cyclophosphamide\n",
            "lymphodepletion_agents",
            None,
        ),
        # a past treatment's course, flow cytometry's "(FC)"
        (
            "Brief Summary\nAdults with lupus nephritis that relapsed after a course of "
            "cyclophosphamide are eligible.\n",
            "lymphodepletion_agents",
            None,
        ),
        (
            "Brief Summary\nPatients receive lymphodepleting chemotherapy with cyclophosphamide "
            "alone, followed by CD19 CAR-T. B-cell aplasia after lymphodepletion is monitored by "
            "flow cytometry (FC).\n",
            "lymphodepletion_agents",
            ["cyclophosphamide"],
        ),
        # a skin score's duration in the capitalised words of an age range
        (
            "Inclusion Criteria:\n- Age 18 years or older\n- Skin thickening duration of 1 Year "
            "to 5 Years\n",
            "min_age_years",
            18.0,
        ),
    ],
)
def test_this_rounds_rules_where_they_stop(page: str, field: str, value: object) -> None:
    assert _trial(page)[field] == value


def test_a_news_pages_own_trial_enrolled_in() -> None:
    page = (
        "Kyverna Doses First Patient in KYSA-8 Trial of KYV-101 in Stiff Person Syndrome\n"
        "Kyverna announced that the first patient has been enrolled in the KYSA-8 trial "
        "(NCT06588491) of KYV-101.\nStatus: Recruiting\n"
    )
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    trial = build_marts(build_staged(raw)[0])[0]["trials"].row(0, named=True)
    assert trial["nct_id"] == "NCT06588491"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (
            "Clinical Trials at Stanford Medicine, Palo Alto, California\n"
            "A Phase 1 Study of CD19 CAR T Cells in Refractory Lupus Nephritis\n",
            "A Phase 1 Study of CD19 CAR T Cells in Refractory Lupus Nephritis",
        ),
        (
            "Find Studies\nStudies by Topic, Location and Sponsor\n"
            "CD19 CAR-T Cell Therapy in Refractory Myasthenia Gravis\n",
            "CD19 CAR-T Cell Therapy in Refractory Myasthenia Gravis",
        ),
    ],
)
def test_a_sites_lines_with_commas_are_no_title(top: str, title: str) -> None:
    raw, _ = land_files(
        [("a.txt", (top + "Status: Recruiting\n").encode())], datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert build_marts(build_staged(raw)[0])[0]["trials"]["title"].to_list() == [title]


@pytest.mark.parametrize(
    ("body", "inclusion", "exclusion"),
    [
        # an all-lower-case page's headings at the margin
        (
            "inclusion criteria\n- age 18 to 65 years\n- failure of at least two standard "
            "therapies\nexclusion criteria\n- pregnancy or breastfeeding\n- prior car-t therapy\n",
            2,
            2,
        ),
        # a known field after the list ends it, bullets or not
        (
            "Exclusion Criteria:\n- Pregnancy\n- Active infection\n"
            "Condition: Systemic Lupus Erythematosus\n- Lupus Nephritis\n- Refractory SLE\n",
            0,
            2,
        ),
    ],
)
def test_lists_that_end_where_they_did(body: str, inclusion: int, exclusion: int) -> None:
    criteria = _marts(body)["criteria"]
    types = criteria["criterion_type"].to_list()
    assert (types.count("INCLUSION"), types.count("EXCLUSION")) == (inclusion, exclusion)


def test_an_arm_tables_patients_column_is_no_dose_table() -> None:
    arms = _marts(
        "Arms and Interventions\n| Cohort | Dose (cells/kg) | Patients |\n|---|---|---|\n"
        "| Cohort A: Systemic lupus erythematosus | 1 × 10^6 | 12 |\n"
        "| Cohort B: Systemic sclerosis | 1 × 10^6 | 8 |\n"
    )["arms"]
    labels = arms["label"].to_list()
    assert [label.split(":")[0] for label in labels[-2:]] == ["Cohort A", "Cohort B"]


# Where the second round's rules stop (a second regression hunt).
def _endpoint_count(body: str) -> int:
    return _marts(body)["endpoints"].height


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # one outcome per cohort: the same title and frame, told apart by the description
        (
            "Primary Outcome Measures:\n1. Incidence of treatment-emergent adverse events "
            "[ Time Frame: 28 days ]\nLupus nephritis cohort: incidence and severity of TEAEs\n"
            "2. Incidence of treatment-emergent adverse events [ Time Frame: 28 days ]\n"
            "Systemic sclerosis cohort: incidence and severity of TEAEs\n",
            2,
        ),
        # bracketed measures, some with no frame: each its own measure
        (
            "Secondary Outcome Measures:\nChange in MG-ADL score [Time Frame: Week 12]\n"
            "Change in QMG score\nChange in AChR antibody titer [Time Frame: Month 6]\n"
            "CAR-T persistence by qPCR\n",
            4,
        ),
        # two short table rows: two measures, not one row's paragraphs
        (
            "Secondary Outcome Measures\n| Outcome Measure | Measure Description | Time Frame |\n"
            "| --- | --- | --- |\n| DORIS remission | Definition of remission in SLE |\n"
            "| LLDAS | Week 52 |\n| CAR-T expansion | qPCR | Month 3 |\n",
            3,
        ),
    ],
)
def test_outcomes_that_stay_apart(body: str, count: int) -> None:
    assert _endpoint_count(body) == count


@pytest.mark.parametrize(
    ("page", "nct_id"),
    [
        # a press release about its own trial's results
        (
            "Press Release\nKyverna Announces Positive Topline Results from the KYSA-8 Trial "
            "(NCT06200000) of KYV-101\nKyverna today announced positive topline data from the "
            "registrational KYSA-8 trial (NCT06200000).\n",
            "NCT06200000",
        ),
        # one building on another trial's
        (
            "Kyverna Announces First Patient Dosed in KYSA-6 Trial\n\nBuilding on results from the "
            "KYSA-1 trial (NCT05938790), Kyverna today announced that the first patient has been "
            "dosed in its KYSA-6 trial (NCT06193891).\n",
            "NCT06193891",
        ),
    ],
)
def test_results_of_a_trial_cite_only_beside_another_id(page: str, nct_id: str) -> None:
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    assert build_marts(build_staged(raw)[0])[0]["trials"]["nct_id"].to_list() == [nct_id]


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        (
            "About this study\nThis study has finished recruiting and is now in follow-up.\n",
            "overall_status",
            "ACTIVE_NOT_RECRUITING",
        ),
        ("Dose levels\nCohort 1\nn=3\nCohort 2\nn=6\n", "enrollment", None),
    ],
)
def test_finder_words_where_they_stop(body: str, field: str, value: object) -> None:
    assert _trial(body)[field] == value


def test_a_dose_a_product_contains_per_kg() -> None:
    doses = _marts("Dose: The drug product contains 1.0 × 10^6 CAR+ viable T cells per kg.\n")
    assert doses["doses"].select("dose_value", "dose_unit").rows() == [(1e6, "CAR+ cells/kg")]


def test_a_footnote_mark_after_a_value() -> None:
    body = (
        "Inclusion Criteria:\n<ul><li>Platelets &ge; 75 &times; 10<sup>9</sup>/L<sup>b</sup>"
        "</li><li>SLEDAI-2K &ge; 6<sup>a</sup></li></ul>\n"
    )
    assert ("platelets", ">=", 75.0) in _thresholds(body)
