"""Outcome measures as sites lay them out: sub-headings, labelled parts, tables."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged

Endpoint = tuple[str | None, str, str | None, int | None]  # type, measure, description, days


def _endpoints(page: str) -> list[Endpoint]:
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    frame = build_marts(build_staged(raw)[0])[0]["endpoints"]
    return [
        (r["endpoint_type"], r["measure"], r["description"], r["time_frame_days"])
        for r in frame.iter_rows(named=True)
    ]


TWO_TYPED = [
    ("PRIMARY", "Incidence of adverse events", None, 28),
    ("SECONDARY", "SRI-4 response", None, 168),
]


@pytest.mark.parametrize(
    "outcomes",
    [
        pytest.param(
            "## Outcome Measures\n### Primary\n"
            "1. Incidence of adverse events [Time Frame: Day 28]\n"
            "### Secondary\n1. SRI-4 response [Time Frame: Week 24]\n",
            id="markdown sub-headings",
        ),
        pytest.param(
            "Outcomes\nPrimary outcome measures:\n• Incidence of adverse events\n"
            "Time frame: 28 days\n"
            "Secondary outcome measures:\n• SRI-4 response\nTime frame: 24 weeks\n",
            id="sub-headings with a colon",
        ),
        pytest.param(
            "Outcomes\nOutcome: Incidence of adverse events\nType: Primary indicator\n"
            "Measure time point of outcome: 28 days after infusion\n"
            "Outcome: SRI-4 response\nType: Secondary indicator\n"
            "Measure time point of outcome: Week 24\n",
            id="labelled parts, one per line",
        ),
        pytest.param(
            "Outcomes\nOutcome:\nIncidence of adverse events\nType:\nPrimary indicator\n"
            "Measure time point of outcome:\n28 days after infusion\n"
            "Outcome:\nSRI-4 response\nType:\nSecondary indicator\n"
            "Measure time point of outcome:\nWeek 24\n",
            id="labels on their own line",
        ),
        pytest.param(
            "Outcomes\nOutcome: Incidence of adverse events; Type: Primary indicator; "
            "Measure time point: 28 days after infusion\n"
            "Outcome: SRI-4 response; Type: Secondary indicator; Measure time point: Week 24\n",
            id="all parts on one line",
        ),
        pytest.param(
            "## Outcome Measures\n| Outcome Type | Outcome Measure | Time Frame |\n|---|---|---|\n"
            "| Primary | Incidence of adverse events | 28 days |\n"
            "| Secondary | SRI-4 response | Week 24 |\n",
            id="table with a header",
        ),
        pytest.param(
            "Outcome Measures:\nPrimary: Incidence of adverse events. Time Frame: Day 28.\n"
            "Secondary: SRI-4 response. Time Frame: Week 24.\n",
            id="typed sentences, the frame after a full stop",
        ),
        pytest.param(
            "Outcome Measures\nPrimary: Incidence of adverse events | Day 28\n"
            "Secondary: SRI-4 response | Week 24\n",
            id="typed measure and frame parted by a pipe",
        ),
        pytest.param(
            "Outcome Measures\nPrimary: Incidence of adverse events; 28 days post infusion\n"
            "Secondary: SRI-4 response; Week 24\n",
            id="typed measure and frame parted by a semicolon",
        ),
        pytest.param(
            "Outcomes\n- [Primary] Incidence of adverse events · 28 days\n"
            "- [Secondary] SRI-4 response · Week 24\n",
            id="bracketed type, frame after a middle dot",
        ),
        pytest.param(
            "Primary outcome\n- Incidence of adverse events\n- Day 28\n"
            "Secondary outcome\n- SRI-4 response\n- Week 24\n",
            id="measure and frame as bullet pairs",
        ),
        pytest.param(
            "## Outcomes\n**Primary:** Incidence of adverse events — *Time Frame:* Day 28\n\n"
            "**Secondary:** SRI-4 response — within 24 weeks\n",
            id="frame after a dash, its label in italics or none",
        ),
        pytest.param(
            "Primary Outcome Measures:\n* Incidence of adverse events [Time Frame:\n  Day 28]\n"
            "Secondary Outcome Measures:\n* SRI-4 response [Time Frame: Week 12 and\n  24]\n",
            id="a time frame hard-wrapped inside its brackets",
        ),
        pytest.param(
            "Outcomes\n\nThe primary outcome is Incidence of adverse events, assessed at day 28.\n"
            "A secondary outcome is SRI-4 response, assessed at week 24.\n",
            id="typed sentences",
        ),
        pytest.param(
            "Study endpoints: The primary endpoint is Incidence of adverse events, assessed at "
            "day 28. The key secondary endpoint is SRI-4 response, assessed at week 24.\n",
            id="typed sentences in one paragraph",
        ),
        pytest.param(
            "## Outcome Measures\n| Outcome Measure | Measure Description | Time Frame |\n"
            "|---|---|---|\n"
            "| **Primary** | | |\n| Incidence of adverse events | | 28 days |\n"
            "| **Secondary** | | |\n| SRI-4 response | | Week 24 |\n",
            id="bold type rows in a table",
        ),
        pytest.param(
            "| Type | Outcome Measure | Time Frame |\n|---|---|---|\n"
            "| Primary | Incidence of adverse events | 28 days |\n"
            "| Secondary | SRI-4 response | Week 24 |\n",
            id="an outcome table with no heading above it",
        ),
        pytest.param(
            "Primary Outcome(s): Incidence of adverse events [Time Frame: Day 28]\n"
            "Secondary Outcome(s): SRI-4 response [Time Frame: Week 24]\n",
            id="WHO ICTRP lines",
        ),
    ],
)
def test_outcome_layouts_give_the_same_endpoints(outcomes: str) -> None:
    page = f"NCT06000001\nTitle: CD19 CAR-T in lupus\n{outcomes}"
    assert _endpoints(page) == TWO_TYPED


def test_a_part_after_the_time_frame_stays_in_its_block() -> None:
    page = (
        "Outcomes\nOutcome: Incidence of adverse events\nMeasure time point: Day 28\n"
        "Measure method: CTCAE 5.0 grading\nOutcome: SRI-4 response\nTime frame: Week 24\n"
    )
    assert _endpoints(page) == [
        (None, "Incidence of adverse events", "CTCAE 5.0 grading", 28),
        (None, "SRI-4 response", None, 168),
    ]


def test_table_without_a_header_reads_cells_by_position() -> None:
    page = (
        "Outcome Measures\n| Incidence of DLT | Dose-limiting toxicities per protocol | 28 days |\n"
        "| SRI-4 response | SLE responder index | Month 6 |\n"
    )
    assert _endpoints(page) == [
        (None, "Incidence of DLT", "Dose-limiting toxicities per protocol", 28),
        (None, "SRI-4 response", "SLE responder index", 180),
    ]


def test_a_measure_that_starts_with_a_type_word_is_not_a_sub_heading() -> None:
    page = (
        "Primary Outcome Measures\nPrimary endpoint rate of complete renal response\n"
        "Time frame: 6 months\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Primary endpoint rate of complete renal response", None, 180)
    ]


def test_a_sub_heading_type_ends_with_its_section() -> None:
    page = (
        "Outcome Measures\nSecondary\n• Overall survival\nTime frame: 2 years\n"
        "Other Outcome Measures\n• Cytokine levels\nTime frame: Day 14\n"
    )
    assert [(e[0], e[1]) for e in _endpoints(page)] == [
        ("SECONDARY", "Overall survival"),
        ("OTHER", "Cytokine levels"),
    ]


def test_a_cell_with_line_breaks_gives_measure_and_description() -> None:
    page = (
        "Outcome Measures\n| Outcome Measure | Time Frame |\n|---|---|\n"
        "| Incidence of DLT<br>Graded by CTCAE 5.0 | 28 days |\n"
    )
    assert _endpoints(page) == [(None, "Incidence of DLT", "Graded by CTCAE 5.0", 28)]


def test_headings_with_a_plural_in_brackets_are_outcome_sections() -> None:
    page = (
        "NCT06000001\nExclusion criteria:\na) pregnant\n"
        "Primary outcome(s)\nIncidence of adverse events [Time Frame: up to 90 days]\n"
        "Secondary Outcome(s)\nComplete renal response rate [Time Frame: 6 months]\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence of adverse events", None, 90),
        ("SECONDARY", "Complete renal response rate", None, 180),
    ]


def test_unlabelled_measures_each_followed_by_a_bare_time_frame() -> None:
    page = (
        "Outcome Measures\nTreatment-emergent adverse events\n"
        "Day-1, 14, 28 and Month 2, 3, 6, 12, 24\nDuration of remission\nfrom 30 days to 2 years\n"
    )
    assert _endpoints(page) == [
        (None, "Treatment-emergent adverse events", None, 720),
        (None, "Duration of remission", None, 730),
    ]


def test_type_as_the_label_of_the_measure_and_a_frame_in_brackets() -> None:
    page = (
        "**Outcomes**\n- Primary: Proportion with ≥ 3-point MG-ADL improvement (Week 12)\n"
        "- Secondary: Change in QMG score (baseline to week 24)\n"
        "- Secondary: Anti-AChR titre (measured centrally)\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Proportion with ≥ 3-point MG-ADL improvement", None, 84),
        ("SECONDARY", "Change in QMG score", None, 168),
        ("SECONDARY", "Anti-AChR titre (measured centrally)", None, None),
    ]


def test_type_label_with_a_time_frame_in_square_brackets() -> None:
    page = (
        "Outcomes\nPrimary: Incidence of adverse events [Time Frame: 28 days post infusion]\n"
        "Secondary: SRI-4 response [Time Frame: Week 24]\n"
    )
    assert _endpoints(page) == TWO_TYPED


def test_a_labelled_frame_after_an_unlabelled_measure() -> None:
    page = (
        "Primary outcome：Incidence of adverse events； Measure time point：28 days\n"
        "Secondary outcome：SRI-4 response； Measure time point：Week 24\n"
    )
    assert _endpoints(page) == TWO_TYPED


def test_a_frame_after_a_dash_and_site_chrome_after_the_outcomes() -> None:
    page = (
        "What the Study Measures\n"
        "Primary: Incidence of adverse events — up to 28 days\n"
        "Secondary: SRI-4 response - Week 24\n"
        "Where\nPennsylvania, United States\n"
        "Powered by AI. This summary was generated automatically.\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence of adverse events", None, 28),
        ("SECONDARY", "SRI-4 response", None, 168),
    ]


def test_a_frame_after_the_measures_last_comma() -> None:
    page = (
        "Primary outcome\nAdverse events and serious adverse events, 12, 24, 36 and 52 weeks\n"
        "Secondary outcome\nComplete renal response, partial or none\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Adverse events and serious adverse events", None, 364),
        ("SECONDARY", "Complete renal response, partial or none", None, None),
    ]


def test_a_type_stated_before_each_measure_opens_its_block() -> None:
    page = (
        "Outcomes\nType: Primary\nMeasure: Incidence of adverse events\nTime frame: 28 days\n"
        "Type: Secondary\nMeasure: SRI-4 response\nTime frame: Week 24\n"
    )
    assert _endpoints(page) == TWO_TYPED


def test_a_header_row_without_outer_pipes_is_not_a_heading() -> None:
    page = (
        "NCT06000002\nOutcome Measures\nOutcome Measure | Time Frame\n--- | ---\n"
        "Incidence of DLT | 28 days\n"
    )
    assert _endpoints(page) == [(None, "Incidence of DLT", None, 28)]


def test_a_labelled_time_frame_in_brackets_after_the_measure() -> None:
    page = "NCT06000004\nPrimary Outcomes\n- Incidence of CRS and ICANS (Time frame: 90 days)\n"
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    frame = build_marts(build_staged(raw)[0])[0]["endpoints"]
    assert frame.select("measure", "time_frame", "time_frame_days").rows() == [
        ("Incidence of CRS and ICANS", "90 days", 90)
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Primary efficacy endpoint", "PRIMARY"),
        ("Key secondary endpoints", "SECONDARY"),
        ("Exploratory Outcome Measures", "OTHER"),
        ("Tertiary outcome measures", "OTHER"),
    ],
)
def test_more_outcome_headings(heading: str, kind: str) -> None:
    page = f"NCT06000006\n{heading}\n1. Change in SLEDAI-2K [Time Frame: Week 24]\n"
    assert _endpoints(page) == [(kind, "Change in SLEDAI-2K", None, 168)]


def test_endpoints_stated_only_in_prose() -> None:
    page = (
        "Summary: This single-arm study evaluates CD19 CAR-T cells in lupus nephritis. "
        "The primary endpoint is the incidence and severity of adverse events within 28 days "
        "after infusion. Secondary endpoints include complete renal response at week 24, "
        "and change in SLEDAI-2K score at month 6.\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence and severity of adverse events", None, 28),
        ("SECONDARY", "Complete renal response", None, 168),
        ("SECONDARY", "Change in SLEDAI-2K score", None, 180),
    ]
    # With an outcomes section, the prose repeats it and is not read.
    listed = page + "\nPrimary Outcome Measures\n- Adverse events [Time Frame: 28 days]\n"
    assert _endpoints(listed) == [("PRIMARY", "Adverse events", None, 28)]


def test_a_numbered_measures_unmarked_description_after_its_time_frame() -> None:
    page = (
        "NCT03475563\nOutcome Measures\nPrimary Outcome Measures :\n"
        "    1. Successful angioplasty [ Time Frame: 1 day ]\n"
        "        Residual stenosis below 30% in both branches.\n"
        "    2. MACE [ Time Frame: 1 year ]\n"
        "        Cumulative rate of major adverse cardiovascular events.\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Successful angioplasty", "Residual stenosis below 30% in both branches.", 1),
        ("PRIMARY", "MACE", "Cumulative rate of major adverse cardiovascular events.", 365),
    ]


def test_prose_endpoints_at_several_time_points_and_a_clause_after_them() -> None:
    page = (
        "Summary: CD19 CAR-T cells in relapsing multiple sclerosis. Secondary endpoints include "
        "change in EDSS at weeks 12 and 24, and the number of new T2 lesions on MRI at months "
        "6 and 12, and the study is expected to end in June 2026.\n"
    )
    assert _endpoints(page) == [
        ("SECONDARY", "Change in EDSS", None, 168),
        ("SECONDARY", "Number of new T2 lesions on MRI", None, 360),
    ]


def test_prose_names_which_listed_measures_are_primary() -> None:
    page = (
        "This is a Phase I/II trial. The primary endpoint is type and incidence of "
        "dose-limiting toxicity (DLT) within 28 days after infusion in phase I and overall "
        "response rate (ORR) in phase II.\n\n"
        "Outcome Measures\n"
        "Phase I: Dose-limiting toxicity (DLT)\nTime frame: 28 days\n"
        "Phase I: Objective response rate (ORR)\nTime frame: 6 months\n"
        "Phase II: Objective response rate (ORR)\nTime frame: 6 months\n"
        "Phase II: Pharmacokinetics\nTime frame: 2 years\n"
    )
    assert [(e[0], e[1]) for e in _endpoints(page)] == [
        ("PRIMARY", "Phase I: Dose-limiting toxicity (DLT)"),
        (None, "Phase I: Objective response rate (ORR)"),  # the prose names phase II's
        ("PRIMARY", "Phase II: Objective response rate (ORR)"),
        (None, "Phase II: Pharmacokinetics"),
    ]


def test_measures_listed_in_one_value_each_with_its_frame() -> None:
    page = (
        "Primary outcome: Incidence of adverse events up to 28 days after infusion.\n"
        "Secondary outcomes: Complete renal response at week 24; SRI-4 response at week 52; "
        "CAR-T cell persistence through 2 years.\n"
    )
    assert [(e[0], e[1], e[3]) for e in _endpoints(page)] == [
        ("PRIMARY", "Incidence of adverse events up to 28 days after infusion.", 28),
        ("SECONDARY", "Complete renal response at week 24", 168),
        ("SECONDARY", "SRI-4 response at week 52", 364),
        ("SECONDARY", "CAR-T cell persistence through 2 years", 730),
    ]


def _frames(page: str) -> list[tuple[str, str | None]]:
    raw, _ = land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    frame = build_marts(build_staged(raw)[0])[0]["endpoints"]
    return [(r["measure"], r["time_frame"]) for r in frame.iter_rows(named=True)]


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # ISRCTN writes "<measure> measured using <tool> at <times>".
        (
            "Adverse events measured using CTCAE v5.0 from infusion to day 90",
            (
                "Adverse events measured using CTCAE v5.0 from infusion to day 90",
                "from infusion to day 90",
            ),
        ),
        (
            "Skin score measured at baseline, 3, 6 and 12 months",
            (
                "Skin score measured at baseline, 3, 6 and 12 months",
                "at baseline, 3, 6 and 12 months",
            ),
        ),
        # "from baseline" is the measure's; the frame comes later or after a dash.
        (
            "Change from baseline in MG-ADL score at Week 12",
            ("Change from baseline in MG-ADL score at Week 12", "at Week 12"),
        ),
        (
            "Change in proteinuria from baseline - Month 6",
            ("Change in proteinuria from baseline", "Month 6"),
        ),
    ],
)
def test_a_frame_ending_a_measure(measure: str, expected: tuple[str, str]) -> None:
    assert _frames(f"Primary outcome measure\n{measure}\n") == [expected]


def test_measures_listed_one_per_line_each_with_its_frame() -> None:
    page = (
        "Secondary Outcome(s)\tSLEDAI-2K change from baseline at 24 weeks\n"
        "LLDAS attainment at 52 weeks\n"
    )
    assert _frames(page) == [
        ("SLEDAI-2K change from baseline at 24 weeks", "at 24 weeks"),
        ("LLDAS attainment at 52 weeks", "at 52 weeks"),
    ]
    described = (
        "Primary outcome\nSRI-4 response at week 52\nThe share of patients with SRI-4 at week 52.\n"
    )
    assert _frames(described) == [("SRI-4 response at week 52", "at week 52")]


def test_measures_listed_in_one_line_or_sentence_are_each_an_endpoint() -> None:
    page = (
        "Primary Outcome(s): Incidence of adverse events [Time Frame: Day 28]; Dose-limiting "
        "toxicity [Time Frame: Month 3]\n"
        "Endpoints\nSecondary endpoints include the ACR20 response rate at week 24, change in "
        "DAS28-CRP from baseline to week 52, and CAR-T persistence for up to 2 years.\n"
        "Other endpoints are safety and tolerability.\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence of adverse events", None, 28),
        ("PRIMARY", "Dose-limiting toxicity", None, 90),
        ("SECONDARY", "ACR20 response rate at week 24", None, 168),
        ("SECONDARY", "change in DAS28-CRP from baseline to week 52", None, 364),
        ("SECONDARY", "CAR-T persistence for up to 2 years", None, 730),
        ("OTHER", "safety and tolerability", None, None),
    ]


def test_eu_end_points_and_time_points_parted_alike_pair_up() -> None:
    page = (
        "E.5.1 Primary end point(s)\nIncidence of dose-limiting toxicities; proportion of "
        "patients achieving DORIS remission\n"
        "E.5.1.1 Timepoint(s) of evaluation of this end point\nDay 28; Month 6\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", None, 28),
        ("PRIMARY", "proportion of patients achieving DORIS remission", None, 180),
    ]


@pytest.mark.parametrize(
    "outcomes",
    [
        "Primary Outcome Measures\nAdverse events\nUp to 2 years\nDLT rate\nDay 28\n",
        "Primary Outcomes\nSerious Adverse Events\nTime frame: Up to 2 years\n"
        "DLT rate\nTime frame: Day 28\n",
        "| Primary outcome | Time frame |\n|---|---|\n| Adverse events | Up to 2 years |\n"
        "| DLT rate | Day 28 |\n",
    ],
    ids=["over a bare frame", "first under its sub-heading", "a column named by the type"],
)
def test_a_measure_named_like_a_results_module_is_a_measure(outcomes: str) -> None:
    measures = [(kind, days) for kind, _, _, days in _endpoints(f"NCT06000001\n{outcomes}")]
    assert measures == [("PRIMARY", 730), ("PRIMARY", 28)]


def test_the_posted_results_adverse_events_module_is_no_measure() -> None:
    page = (
        "NCT06000001\nPrimary Outcome Measures\nDLT rate\nTime frame: Day 28\n"
        "Adverse Events\nTime Frame: 2 years\nAdverse Event Reporting Description: All AEs\n"
    )
    assert [m for _, m, _, _ in _endpoints(page)] == ["DLT rate"]


def test_a_finders_goals_with_their_frame_after_a_dash() -> None:
    page = (
        "NCT02210780\nWhat they'll measure\n"
        "Main goal: Positive response to tetanus toxoid at Week 16 — Week 16\n"
        "Also: Change in POEM score from baseline to Week 16 — Baseline to Week 16\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Positive response to tetanus toxoid at Week 16", None, 112),
        (None, "Change in POEM score from baseline to Week 16", None, 112),
    ]


def test_numbered_eu_end_points_pair_with_their_numbered_time_points() -> None:
    page = (
        "E.5.2 Secondary end point(s)\n1. Annualized relapse rate; 2. Change in EDSS\n"
        "E.5.2.1 Timepoint(s) of evaluation of this end point\n1. up to 24 months; 2. Month 6\n"
    )
    assert _endpoints(page) == [
        ("SECONDARY", "Annualized relapse rate", None, 720),
        ("SECONDARY", "Change in EDSS", None, 180),
    ]
