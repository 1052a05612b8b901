"""Scraped text's escapes and charsets, and outcome and arm blocks as text browsers and
registries print them (shapes of probes on real ClinicalTrials.gov records, pages saved
from PDF and pages with escapes)."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.raw.decoding import decode_bytes
from transforms.text.normalize import normalize_text
from transforms.values import enums
from transforms.values.doses import find_doses
from transforms.values.durations import is_time_frame

CRITERIA = "NCT06800001\n\nInclusion Criteria:\n- Age 18-65 years\n- eGFR ≥ 30 mL/min/1.73 m²\n"


def test_a_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    data = (CRITERIA + "- Dose 1 × 10⁶ cells/kg\n\nCopyright ").encode() + b"\xa9 2024\n"
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert "≥ 30" in text and "10⁶" in text and "\ufffd" in text


def test_a_utf8_page_cut_inside_its_last_character() -> None:
    text, encoding = decode_bytes(CRITERIA.encode() + "≥".encode()[:2])
    assert (encoding, text) == ("utf-8", CRITERIA)


def test_a_legacy_page_is_still_read_in_its_charset() -> None:
    page = "Inclusion Criteria:\n- Platelets >= 50,000/µL\n- eGFR 30 mL/min/1.73 m²\n"
    assert decode_bytes(page.encode("latin-1")) == (page, "cp1252")
    russian = "Критерии включения: возраст от 18 до 65 лет, системная красная волчанка. " * 10
    assert decode_bytes(russian.encode("cp1251")) == (russian, "cp1251")  # many: a guess


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Inclusion Criteria:\\\n- Age 18\\\n", "Inclusion Criteria:\n- Age 18\n"),
        ("Criteria:\\u003cbr\\u003e- ALT \\u003e 3", "Criteria:\n- ALT > 3"),
        ("Criteria:&lt;br&gt;- Age &lt;strong&gt;18&lt;/strong&gt;", "Criteria:\n- Age 18"),
        ("&lt;li&gt;SLEDAI-2K &ge 6", "\n- SLEDAI-2K ≥ 6"),
        ("Age 18\u200e-65, 18‒65, 18―65", "Age 18-65, 18-65, 18-65"),
        ("eGFR Ã¢â€°Â¥ 30 mÃ‚Â²", "eGFR ≥ 30 m²"),  # UTF-8 read as cp1252, twice
        ("x &lt; 5 and \\* y", "x < 5 and * y"),  # no tag: unescaped as before
    ],
)
def test_escapes_scrapers_leave(raw: str, normal: str) -> None:
    assert normalize_text(raw).text == normal


@pytest.mark.parametrize(
    "written",
    [
        "1 000 000 CAR+ T cells/kg",
        "1.000.000 CAR+ T cells/kg",
        "1000000 CAR+ T cells/kg",
        "1×10*6 CAR+ T cells/kg",
        "1,000,000 CAR+ T cells/kg",
    ],
)
def test_a_dose_written_out(written: str) -> None:
    assert [(d.value, d.unit) for d in find_doses(written)] == [(1e6, "CAR+ cells/kg")]


def test_a_year_and_a_count_are_no_dose() -> None:
    assert find_doses("In 2024 1000000 people had lupus; 100 000 patients") == []


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("within 28 days after CAR-T cell infusion", True),
        ("up to 28 days after CD19 CAR T-cell infusion", True),
        ("Up to 12 months following infusion", True),
        ("CAR-T cell expansion at day 28", False),  # a measure that names its day
        ("CAR-T cell persistence up to 12 months", False),
    ],
)
def test_a_frame_after_the_infused_product(text: str, frame: bool) -> None:
    assert is_time_frame(text) is frame


def test_a_mirrors_and_a_synopsis_labels() -> None:
    trial = page_trial(
        "Title: CAR-T in SLE\nName of Sponsor/Company:   CellCure Therapeutics Inc.\n"
        "Randomisation: Randomised\nDesign model: Parallel\nTrial purpose: Treatment\n"
        "End of primary data collection: March 2027\n"
    )
    assert trial["lead_sponsor"] == "CellCure Therapeutics Inc."
    assert (trial["allocation"], trial["intervention_model"]) == ("RANDOMIZED", "PARALLEL")
    assert (trial["primary_purpose"], str(trial["primary_completion_date"])) == (
        "TREATMENT",
        "2027-03-01",
    )
    assert page_trial("Title: X\nRandomization: No\n")["allocation"] == "NON_RANDOMIZED"


@pytest.mark.parametrize("design", ["Randomized (1:1), open-label", "Randomised 2:1"])
def test_an_allocation_with_its_ratio(design: str) -> None:
    assert enums.normalize_allocation(design) == "RANDOMIZED"


@pytest.mark.parametrize(
    ("line", "sponsor"),
    [
        ("Sponsor Regeneron Pharmaceuticals", "Regeneron Pharmaceuticals"),
        ("Sponsor University Health Network, Toronto", "University Health Network, Toronto"),
        ("Sponsor Contact Information", None),
        ("Sponsor responsibilities are listed below", None),
    ],
)
def test_a_sponsor_parted_from_its_label_by_a_space(line: str, sponsor: str | None) -> None:
    page = f"ClinicalTrials.gov ID NCT02210780\n\n{line}\n\nStudy Overview\n"
    assert page_trial(page)["lead_sponsor"] == sponsor


def _endpoints(page: str) -> list[tuple[object, ...]]:
    rows = page_marts(page)["endpoints"].iter_rows(named=True)
    return [(r["endpoint_type"], r["measure"], r["time_frame"]) for r in rows]


def test_a_bulleted_list_in_an_outcomes_description_is_no_measure() -> None:
    page = (
        "NCT02552212\n\nSecondary Outcome Measures :\n\n"
        "  1. Percentage of Subjects With SAEs [ Time Frame: up to Week 156 ]\n"
        "     A serious adverse event (SAE) is any untoward medical occurrence that at any dose:"
        "\n\n* Results in death\n* Is life-threatening\n\n"
        "  2. Percentage of Subjects With AEs Leading to Withdrawal"
        " [ Time Frame: up to Week 156 ]\n"
    )
    assert _endpoints(page) == [
        ("SECONDARY", "Percentage of Subjects With SAEs", "up to Week 156"),
        ("SECONDARY", "Percentage of Subjects With AEs Leading to Withdrawal", "up to Week 156"),
    ]


def test_bulleted_measures_stay_measures() -> None:
    page = "NCT06000001\nSecondary outcomes:\n- Safety of CAR-T cells:\n- SRI-4 at Week 24\n"
    assert len(_endpoints(page)) == 2


def test_an_outcome_table_whose_header_is_parted_by_spaces() -> None:
    page = (
        "NCT05594173\n\nPrimary Outcome Measures\n\n"
        "Outcome Measure  Measure Description  Time Frame\n"
        "Number of Chewing Cycles Per Bolus\nUsing surface EMG, cycles will be counted.\n"
        "Baseline (single timepoint only)\n\n"
        "Total Chewing Duration Per Bolus\nUsing surface EMG, duration will be measured.\n"
        "Baseline (single timepoint only)\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Number of Chewing Cycles Per Bolus", "Baseline (single timepoint only)"),
        ("PRIMARY", "Total Chewing Duration Per Bolus", "Baseline (single timepoint only)"),
    ]


def test_an_outcome_block_of_labels_without_colons() -> None:
    page = (
        "ChiCTR2400012345\nOutcomes\nOutcome\nIncidence of adverse events\nType\n"
        "Primary indicator\nMeasure time point of outcome\n28 days after infusion\n"
        "Measure method\nCTCAE v5.0\nOutcome\nSLEDAI-2K\nType\nSecondary indicator\n"
        "Measure time point of outcome\nMonth 6\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Incidence of adverse events", "28 days after infusion"),
        ("SECONDARY", "SLEDAI-2K", "Month 6"),
    ]


def test_typed_and_timed_labels_of_a_mirror() -> None:
    page = (
        "NCT04267848\nSecondary outcome: Overall survival (OS)\nAssessed at: Up to 5 years\n"
        "Other outcome: Patient-reported quality of life\nTime frame: Up to 1 year\n"
    )
    assert _endpoints(page) == [
        ("SECONDARY", "Overall survival (OS)", "Up to 5 years"),
        ("OTHER", "Patient-reported quality of life", "Up to 1 year"),
    ]


def test_an_arm_table_whose_header_is_parted_by_spaces() -> None:
    page = (
        "ClinicalTrials.gov ID NCT03475563\n\nArms and Interventions\n\n"
        "Participant Group/Arm                 Intervention/Treatment\n\n"
        "Patients with coronary artery disease\n"
        "  * Procedure: Coronary angioplasty with stent implantation\n"
    )
    arms = page_marts(page)["arms"]
    assert arms["label"].to_list() == ["Patients with coronary artery disease"]


def test_a_place_after_measured_at_is_no_frame() -> None:
    page = (
        "NCT06000002\nSecondary outcome: Change in FVC % predicted\n"
        "Measured at: pulmonary function laboratory of each site\n"
    )
    assert _endpoints(page) == [("SECONDARY", "Change in FVC % predicted", None)]


def test_aligned_rows_under_a_spaced_header() -> None:
    page = (
        "NCT06000003\nOutcomes\n\nType       Measure                              Time frame\n"
        "Primary    Treatment-emergent adverse events    Up to 90 days\n"
        "Secondary  Change in MG-ADL score               Week 24\n"
        "\nArms\n\n  Arm label           Arm type        Intervention\n"
        "  Cohort A (LN)       Experimental    MB-CART19.1 1 × 10^6 cells/kg\n"
        "  Cohort B (SLE)      Experimental    MB-CART19.1 1 × 10^6 cells/kg\n"
    )
    assert _endpoints(page) == [
        ("PRIMARY", "Treatment-emergent adverse events", "Up to 90 days"),
        ("SECONDARY", "Change in MG-ADL score", "Week 24"),
    ]
    arms = page_marts(page)["arms"]
    assert arms["label"].to_list() == ["Cohort A (LN)", "Cohort B (SLE)"]
    assert arms["arm_type"].to_list() == ["EXPERIMENTAL", "EXPERIMENTAL"]


def test_a_typed_arm_rows_wrapped_cells_open_no_arm() -> None:
    page = (
        "NCT06000004\nArms and interventions\n\n"
        "Participant Group/Arm                        Intervention/Treatment\n"
        "Experimental: Treatment group                Biological: anti-CD19-CAR-T\n"
        "Participants receive fludarabine 30          cells\n"
        "on days -5 to -3, followed by a single       Drug: Cyclophosphamide\n"
    )
    assert page_marts(page)["arms"]["label"].to_list() == ["Treatment group"]


def test_a_value_wrapped_under_its_label() -> None:
    trial = page_trial(
        "CLINICAL STUDY PROTOCOL SYNOPSIS\nTitle of study\n"
        "An open-label phase I trial of BCMA/CD19 dual-targeting CAR T cells in patients\n"
        "with refractory idiopathic inflammatory myopathy\nPhase\nI\n"
    )
    assert trial["title"] == (
        "An open-label phase I trial of BCMA/CD19 dual-targeting CAR T cells in patients "
        "with refractory idiopathic inflammatory myopathy"
    )
    marts = page_marts(
        "Treatment\nPatients receive a single infusion of CD19 CAR T cells at a dose of "
        "1 × 10^6 CAR T\ncells/kg after lymphodepletion.\n"
    )
    assert marts["doses"]["dose_unit"].to_list() == ["cells/kg"]


def test_footnotes_under_a_numbered_list_are_no_criteria() -> None:
    page = (
        "Inclusion Criteria\n1. Age ≥ 18 years*\n2. SLEDAI-2K ≥ 6 at screening\n"
        "Exclusion Criteria\n1. Total bilirubin > 1.5 × ULN†\n2. Pregnancy\n\n"
        "* Patients aged 16–17 years may be enrolled in Germany only.\n"
        "† Unless due to Gilbert's syndrome.\n"
    )
    marts = page_marts(page)
    assert marts["criteria"]["criterion_type"].to_list() == ["INCLUSION"] * 2 + ["EXCLUSION"] * 2
    ages = marts["criteria_thresholds"].filter(concept="age")
    assert ages["criterion_type"].to_list() == ["INCLUSION"]
    # a bulleted list goes on after a blank line: its items are criteria
    bulleted = "Exclusion Criteria\n* Pregnancy\n\n* Active infection\n"
    assert page_marts(bulleted)["criteria"].height == 2


def test_sponsored_by_alone_on_its_line_is_still_no_label() -> None:
    page = (
        "An interview about NCT06100045, a CD19 CAR-T trial sponsored by Cabaletta Bio.\n\n"
        "Sponsored by Medscape Education\n"
    )
    assert page_trial(page)["lead_sponsor"] == "Cabaletta Bio"


@pytest.mark.parametrize(
    "line",
    [
        "Sponsor Protocol Number CABA-201-SLE",
        "Sponsor Status Active Recruitment",
        "Sponsor Portal Login",
        "Sponsor Investigator Dr. Georg Schett",
    ],
)
def test_sponsor_and_words_that_name_no_organisation(line: str) -> None:
    page = f"NCT06000005\n\n{line}\n\nLead sponsor: Cabaletta Bio\n"
    assert page_trial(page)["lead_sponsor"] == "Cabaletta Bio"


def test_two_spaces_after_a_sentence_part_no_cells() -> None:
    page = (
        "NCT06000006\nArms\n\nParticipant Group/Arm      Intervention/Treatment\n"
        "Experimental: Cohort A     Biological: XYZ-101\n\n"
        "Patients receive lymphodepletion.  Cells are infused on day 0.\n"
    )
    assert page_marts(page)["arms"]["label"].to_list() == ["Cohort A"]


def test_a_level_number_before_a_dose_written_out() -> None:
    assert find_doses("Dose level 1 500 000 CAR-T cells/kg") == []


def test_a_short_central_european_page_is_not_read_as_cp1252() -> None:
    page = "Title: CAR-T CD19 w toczniu układowym\nSponsor: Uniwersytet Medyczny w Łodzi\n"
    assert "Łodzi" in decode_bytes(page.encode("cp1250"))[0]


def test_an_allocation_then_a_sentence() -> None:
    assert enums.normalize_allocation("Not applicable. Parallel cohorts by disease.") == "NA"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "Public title:\nSafety and efficacy of CD19 CAR-T cells in patients with refractory\n"
            "systemic lupus erythematosus: a single-arm phase 1 study\n"
            "Study type:\nInterventional\n",
            "Safety and efficacy of CD19 CAR-T cells in patients with refractory systemic lupus "
            "erythematosus: a single-arm phase 1 study",
        ),
        (
            "Official title:\nA Multicenter, Open-Label Phase 1/2 Study Evaluating the Safety,\n"
            "Tolerability and Efficacy of CD19-Directed CAR-T Cells\n"
            "Lead sponsor:\nCabaletta Bio\n",
            "A Multicenter, Open-Label Phase 1/2 Study Evaluating the Safety, Tolerability and "
            "Efficacy of CD19-Directed CAR-T Cells",
        ),
    ],
)
def test_a_title_wrapped_under_its_label(page: str, title: str) -> None:
    assert page_trial(page)["title"] == title


def test_a_measure_ending_in_a_full_stop_keeps_the_table_going() -> None:
    page = (
        "NCT05594173\n\nPrimary Outcome Measures\n\n"
        "Outcome Measure  Measure Description  Time Frame\n"
        "Number of Chewing Cycles Per Bolus\nCycles will be counted.\nBaseline\n\n"
        "Change in the BOLD signal to alcohol cues.\nMeasured by fMRI.\nDay 3\n\n"
        "All outcomes will be assessed by the site investigator.\n"
    )
    rows = _endpoints(page)
    assert rows[:2] == [
        ("PRIMARY", "Number of Chewing Cycles Per Bolus", "Baseline"),
        ("PRIMARY", "Change in the BOLD signal to alcohol cues.", "Day 3"),
    ]
