"""Trial-finder pages: glued and spaced labels, their own headings and chrome, a registry
record dumped as a Python dict."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.transforms.page_build import page_marts
from transforms.text.glued_chain import glued_pieces
from transforms.text.lexicon import is_boilerplate
from transforms.text.lines import classify_line
from transforms.text.records import record_fields


def _marts(page: str) -> dict[str, pl.DataFrame]:
    return page_marts(page, "page.md")


def _trial(page: str) -> dict[str, object]:
    return _marts(page)["trials"].row(0, named=True)


@pytest.mark.parametrize(
    ("line", "key", "label", "value"),
    [
        ("Start DateMarch 3, 2025", "start_date", "Start Date", "March 3, 2025"),
        ("Primary CompletionDec 2026", "primary_completion_date", "Primary Completion", "Dec 2026"),
        ("Start Date March 3, 2025", "start_date", "Start Date", "March 3, 2025"),
        ("Study Type Interventional", "study_type", "Study Type", "Interventional"),
    ],
)
def test_a_date_label_glued_or_spaced_takes_its_whole_label(
    line: str, key: str, label: str, value: str
) -> None:
    got = classify_line(0, len(line), line, 0)
    assert (got.kind, got.key, got.label, got.value) == ("field", key, label, value)


FINDER = """# Anti-CD19 CAR-T in refractory lupus

## At a glance
- Start DateMarch 3, 2025

## What they measure
**Primary:** Incidence of DLTs [Time Frame: 28 days post infusion]
**Secondary:** B-cell reconstitution [Time Frame: up to 2 years]

Share this trial: Facebook | X | Email
"""


def test_a_finders_outcome_heading_and_share_line() -> None:
    marts = _marts(FINDER)
    assert marts["trials"]["start_date"].to_list() == [date(2025, 3, 3)]
    rows = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert rows == [
        ("PRIMARY", "Incidence of DLTs", 28),
        ("SECONDARY", "B-cell reconstitution", 730),
    ]


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Share this trial: Facebook | X | Email", True),
        ("Share this study", True),
        ("Share this trial with your doctor before the screening visit.", False),
        # ClinicalTrials.gov's pointer under "Participation Criteria" and the classic
        # page's link beside each heading; a list's third item and a site's footer
        ("For general information about clinical research, read Learn About Studies.", True),
        ("Go to", True),
        ("Go to ▼", True),
        ("Go to the site before the screening visit.", False),
        ("(c) SLEDAI-2K ≥ 8;", False),
        ("(c) 2025 TrialFinder Inc.", True),
        ("© CellTherapyWatch", True),
    ],
)
def test_share_lines_are_chrome(line: str, chrome: bool) -> None:
    assert is_boilerplate(line) is chrome


def test_a_dumped_records_lists_are_one_value_per_item() -> None:
    record = {
        "conditions": ["Myasthenia Gravis", "Generalized Myasthenia Gravis"],
        "countries": ["China", "United States"],
        "phases": ["PHASE1", "PHASE2"],
        "lead_sponsor": "Cabaletta Bio",
    }
    assert record_fields(record) == [
        ("condition", "conditions", "Myasthenia Gravis"),
        ("condition", "conditions", "Generalized Myasthenia Gravis"),
        ("country", "countries", "China"),
        ("country", "countries", "United States"),
        ("phase", "phases", "PHASE1, PHASE2"),
        ("lead_sponsor", "lead_sponsor", "Cabaletta Bio"),
    ]


def test_a_dict_dump_on_a_page() -> None:
    page = (
        "Trial record snapshot\n"
        "{'nct_id': 'NCT06798765', 'conditions': ['Myasthenia Gravis', 'Generalized MG'], "
        "'lead_sponsor': 'Cabaletta Bio', 'healthy_volunteers': False}\n"
    )
    trial = _trial(page)
    assert trial["conditions"] == ["Myasthenia Gravis", "Generalized MG"]
    assert (trial["lead_sponsor"], trial["healthy_volunteers"]) == ("Cabaletta Bio", False)


def test_chemotherapy_named_before_the_infusion_it_precedes() -> None:
    page = (
        "Arms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n"
        "| Experimental: CABA-201 | Biological: CABA-201 1 x 10^6 cells/kg single infusion "
        "after fludarabine and cyclophosphamide |\n"
    )
    trial = _trial(page)
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("- InterventionalInterventional", "- Interventional"),
        ("• Phase 2Phase 2", "• Phase 2"),
        ("- Phase 2", "- Phase 2"),
        ("* NoNo", "* NoNo"),  # too short to be two copies
    ],
)
def test_a_bulleted_value_printed_twice_is_read_once(line: str, kept: str) -> None:
    assert classify_line(0, len(line), line, 0).text == kept


def test_chemotherapy_named_by_its_short_names_after_the_cells() -> None:
    page = (
        "Arms\nExperimental: CT-0590 — Single dose of 1.0 × 10⁸ CAR-T cells (flat dose) "
        "after Flu/Cy\n"
    )
    trial = _trial(page)
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


GLUED_BOX = """CAR-T Cells Targeting CD19 for Refractory Lupus Nephritis
Study TypeInterventionalEnrollment15 (estimated)Start Date2025-05Primary Completion2026-11
Primary Outcome Measures
Number of participants with DLTs28 days
Incidence of CRS and ICANS3 months
"""


def test_a_facts_box_glued_into_one_line() -> None:
    trial = _trial(GLUED_BOX)
    got = [trial[k] for k in ("study_type", "enrollment", "enrollment_type", "start_date")]
    assert got == ["INTERVENTIONAL", 15, "ESTIMATED", date(2025, 5, 1)]
    assert trial["primary_completion_date"] == date(2026, 11, 1)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("StatusRecruitingPhase2", ["StatusRecruiting", "Phase2"]),
        ("Study Type: Interventional", None),  # one label
        ("Enrollment 24 patients with eGFR and dsDNA", None),  # glues, but no second label
        ("Start date of the study was delayed", None),
    ],
)
def test_glued_pieces(text: str, pieces: list[str] | None) -> None:
    found = glued_pieces(text)
    assert (None if found is None else [text[a:b] for a, b in found]) == pieces


def test_a_time_frame_glued_to_its_measure_closes_it() -> None:
    rows = _marts(GLUED_BOX)["endpoints"].select("measure", "time_frame_days").rows()
    assert rows == [("Number of participants with DLTs", 28), ("Incidence of CRS and ICANS", 90)]


def test_phase_badges_on_consecutive_lines_are_one_phase_1_2() -> None:
    page = "CAR-T for lupus nephritis\nRECRUITING\nPHASE1\nPHASE2\nINTERVENTIONAL\n"
    assert _marts(page)["trials"]["phases"].to_list() == [["PHASE1", "PHASE2"]]


def test_an_explainer_between_a_label_and_its_value() -> None:
    page = (
        "CAR-T for lupus\n\nStudy Type\nThe study type describes how the study is designed.\n"
        "Interventional\nEnrollment\nThe number of participants the study plans to enroll.\n"
        "24 (Estimated)\n"
    )
    trial = _trial(page)
    assert (trial["study_type"], trial["enrollment"]) == ("INTERVENTIONAL", 24)


def test_a_readable_status_wins_over_one_no_code_reads() -> None:
    page = "CAR-T for SSc\n\nOverall study status: Ongoing\nRecruitment status: Recruiting\n"
    assert _marts(page)["trials"]["overall_status"].to_list() == ["RECRUITING"]


@pytest.mark.parametrize(
    ("page", "field", "value"),
    [
        ("CAR-T for lupus\n\nLast updated 2025-04-02\n", "last_updated", date(2025, 4, 2)),
        (
            "---\ntitle: CAR-T in lupus\nenrollment: 12\nenrollment_type: Actual\n---\n",
            "enrollment_type",
            "ACTUAL",
        ),
        (
            "Cookies on this site: we use essential cookies to run the site.\n"
            "Anti-CD19 CAR-T cells in relapsing ANCA-associated vasculitis\n",
            "title",
            "Anti-CD19 CAR-T cells in relapsing ANCA-associated vasculitis",
        ),
        (
            "Arms\nCyclophosphamide and fludarabine followed by CD19 CAR-T cells\n",
            "lymphodepletion_agents",
            ["cyclophosphamide", "fludarabine"],
        ),
    ],
)
def test_finder_page_details(page: str, field: str, value: object) -> None:
    assert _marts(page)["trials"][field].to_list() == [value]


def test_was_this_page_helpful_is_chrome() -> None:
    assert is_boilerplate("Was this page helpful? Yes / No")


@pytest.mark.parametrize(
    ("line", "value"),
    [("Healthy VolunteersNo", "No"), ("Accepts Healthy VolunteersYes", "Yes")],
)
def test_healthy_volunteers_glued_to_its_answer(line: str, value: str) -> None:
    got = classify_line(0, len(line), line, 0)
    assert (got.kind, got.key, got.value) == ("field", "healthy_volunteers", value)


def test_a_page_cut_off_inside_a_time_frame_keeps_its_part() -> None:
    page = "Primary Outcome Measures\n1. Change in SLEDAI-2K [Time Frame: 3, 6, 12 and 24 mon"
    rows = _marts(page)["endpoints"].select("measure", "time_frame").rows()
    assert rows == [("Change in SLEDAI-2K", "3, 6, 12 and 24 mon")]


def test_a_phase_badge_under_a_long_condition_is_no_wrap_of_it() -> None:
    page = (
        "Title: CAR-T in refractory idiopathic inflammatory myopathy\n"
        "Condition: Dermatomyositis; Anti-synthetase syndrome; "
        "Immune-mediated necrotizing myopathy\n"
        "Phase 1\n"
    )
    trial = _trial(page)
    assert trial["conditions"][-1] == "Immune-mediated necrotizing myopathy"
    assert trial["phases"] == ["PHASE1"]


@pytest.mark.parametrize(
    "chrome",
    [
        "Accept cookies? We use cookies to personalise content. [Accept] [Decline]",
        "This website uses cookies to ensure you get the best experience. Got it!",
        "By using this site you agree to our use of cookies.",
        "Wij gebruiken alleen functionele cookies.",
        "Skip to main content\nAn official website of the United States government",
        "CureConnect — Find clinical trials",
        "Trial summary generated by AI. Powered by AI",
    ],
)
def test_site_chrome_above_the_title_is_not_the_title(chrome: str) -> None:
    title = "Anti-CD19 CAR-T Cells in Refractory Myasthenia Gravis"
    assert _trial(f"{chrome}\n{title}\n\nStatus: Recruiting\n")["title"] == title


@pytest.mark.parametrize(
    "line",
    [
        "Patients who find the study visits hard may withdraw.",
        "Secure storage of samples",
        "CAR-T in lupus | a study to find the best dose",
    ],
)
def test_sentences_near_chrome_words_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_sponsor_and_an_nct_number_glued_to_their_labels() -> None:
    trial = _trial(
        "CD19 CAR-T in pemphigus\n\nStatusCompleted\nSponsorCadence Biologics\n"
        "NCT numberNCT04422912\n"
    )
    assert (trial["nct_id"], trial["lead_sponsor"]) == ("NCT04422912", "Cadence Biologics")


def test_a_patient_finder_card_in_plain_words() -> None:
    page = (
        "Myasthenia Gravis Foundation — Clinical Trial Finder\nShowing 1 of 1\n\n"
        "Study name: ARI-0001 in refractory lupus (CARLUP)\nTrial ID: NCT06297408\n"
        "Phase 1/Phase 2 · Not yet recruiting · Estimated 30 participants\n"
        "Ages 18 years – 65 years · Sexes: All · Accepts healthy volunteers: No\n\n"
        "Who can join\n• You're 18 to 65\n• You have a positive ANA test (1:80 or higher)\n"
        "Who can't join\n• Oxygen level below 92% on room air\n\n"
        "What happens in this trial\nTreatment: CD19 CAR T-cell therapy (one infusion)\n"
        "First, you'll have 3 days of chemotherapy (fludarabine and cyclophosphamide). Next, "
        "you get your CAR-T cells through a drip.\n\n"
        "What they'll measure\nMain goal: Side effects in the first 28 days\n"
        "Other goals: Change in SLEDAI-2K at Month 6; Safety over 12 months\n\n"
        "Where is it\nUnited Kingdom (London, Manchester)\n"
        "Who runs it\nUniversity College London\n"
        "How long does it last\n15 years of follow-up\n"
    )
    marts = _marts(page)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "ARI-0001 in refractory lupus (CARLUP)"
    assert (trial["enrollment"], trial["enrollment_type"]) == (30, "ESTIMATED")
    assert (trial["sex"], trial["healthy_volunteers"]) == ("ALL", False)
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]
    assert (trial["lead_sponsor"], trial["countries"]) == (
        "University College London",
        ["United Kingdom"],
    )
    endpoints = marts["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert endpoints == [("PRIMARY", 28), ("SECONDARY", 180), ("SECONDARY", 360)]
    thresholds = marts["criteria_thresholds"].select("concept", "operator", "value").rows()
    assert thresholds == [
        ("age", ">=", 18.0),
        ("age", "<=", 65.0),
        ("ana_titer", ">=", 80.0),
        ("spo2", "<", 92.0),
    ]
    assert marts["criteria"]["criterion_type"].to_list() == ["INCLUSION", "INCLUSION", "EXCLUSION"]


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "Cyclophosphamide alone (no fludarabine) for 2 days, then CAR-T cells.",
            ["cyclophosphamide"],
        ),
        (
            "You will get low-dose chemo (cyclophosphamide and fludarabine) to make space for the "
            "new cells.",
            ["cyclophosphamide", "fludarabine"],
        ),
    ],
)
def test_lymphodepletion_in_a_finders_words(text: str, agents: list[str]) -> None:
    page = f"CD19 CAR-T for lupus\nTrial ID: NCT06547890\nWhat happens in this trial\n{text}\n"
    assert _marts(page)["trials"]["lymphodepletion_agents"].to_list() == [agents]


def test_a_goals_type_in_brackets_and_a_goals_heading() -> None:
    page = (
        "CD19 CAR-T for lupus\nTrial ID: NCT06547890\nWhat they'll measure\n"
        "• Complete renal response at Week 52 (main goal)\nOther goals:\n"
        "• Change in SLEDAI-2K score at 12 months\n"
    )
    rows = _marts(page)["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert rows == [
        ("PRIMARY", "Complete renal response at Week 52", 364),
        ("SECONDARY", "Change in SLEDAI-2K score at 12 months", 360),
    ]
