"""Registry pages in forms the seeds do not show: ANZCTR's marks, WHO ICTRP's joined
lists, Japanese-English labels, and a plain-language summary beside formal criteria."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest

from tests.transforms.page_build import page_marts, page_trial
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged
from transforms.values.enums import normalize_sex, normalize_status, normalize_study_type


def _marts(page: str) -> dict[str, pl.DataFrame]:
    return page_marts(page, "page.txt")


def _trial(page: str) -> dict[str, object]:
    return _marts(page)["trials"].row(0, named=True)


def _measures(page: str) -> list[tuple[str, str | None]]:
    return _marts(page)["endpoints"].select("measure", "time_frame").rows()


ANZCTR = """Registration number
ACTRN12625000417392p

Public title
CD19 CAR-T cells in refractory lupus nephritis

Anticipated date of first participant enrolment
1/07/2025
Anticipated date of last data collection
30/06/2029
"""


def test_anzctr_prospective_mark_and_last_data_collection() -> None:
    trial = _trial(ANZCTR)
    assert trial["trial_id"] == "ACTRN12625000417392"  # the registry lists it without the "p"
    assert (trial["start_date"], trial["completion_date"]) == (date(2025, 7, 1), date(2029, 6, 30))


def test_an_ictrp_list_joined_by_bare_semicolons_is_one_measure_each() -> None:
    page = (
        "Primary Outcome(s)\nIncidence of adverse events;\n"
        "Secondary Outcome(s)\nTotal improvement score (TIS);CK level;\n"
    )
    assert _measures(page) == [
        ("Incidence of adverse events", None),
        ("Total improvement score (TIS)", None),
        ("CK level", None),
    ]


def test_a_writers_semicolon_does_not_split_a_measure() -> None:
    page = "Primary Outcome Measures\nIncidence of CRS; graded by ASTCT consensus criteria\n"
    assert [m for m, _ in _measures(page)] == [
        "Incidence of CRS; graded by ASTCT consensus criteria"
    ]


def test_change_from_baseline_to_a_visit_is_that_visits_frame() -> None:
    page = "Secondary Outcome Measures\n1. Change in mRSS from baseline to month 12\n"
    assert _measures(page) == [
        ("Change in mRSS from baseline to month 12", "from baseline to month 12")
    ]
    alone = _measures("Secondary Outcome Measures\n1. Change in mRSS from baseline\n")
    assert alone == [("Change in mRSS from baseline", None)]


SUMMARY_AND_LIST = """Plain English summary of protocol
Who can participate?
Adults aged 18 to 70 with severe systemic sclerosis

Participant inclusion criteria
1. Aged 18-70 years
2. mRSS >= 15
"""


def test_a_summarys_who_can_participate_yields_to_the_formal_list() -> None:
    rows = _marts(SUMMARY_AND_LIST)["criteria"].select("criterion_type", "text").rows()
    assert rows == [("INCLUSION", "Aged 18-70 years"), ("INCLUSION", "mRSS >= 15")]


def test_a_question_heading_is_read_when_nothing_formal_of_its_kind_is_listed() -> None:
    only_summary = SUMMARY_AND_LIST.split("\nParticipant")[0]
    rows = _marts(only_summary)["criteria"]["text"].to_list()
    assert rows == ["Adults aged 18 to 70 with severe systemic sclerosis"]
    page = (
        "Who can take part?\n- Adults with lupus nephritis\n\n"
        "Exclusion criteria\n- Active infection\n"
    )
    got = _marts(page)["criteria"].select("criterion_type", "text").rows()
    assert got == [("INCLUSION", "Adults with lupus nephritis"), ("EXCLUSION", "Active infection")]


JRCT = """臨床研究実施計画番号 / Clinical Trial Number
jRCT2033250011

試験の名称 / Title
A Phase I Study of CD19 CAR-T Cell Therapy for Systemic Lupus Erythematosus

研究の種別 / Study type
介入研究 / Interventional

進捗状況 / Recruitment status
募集中 / Recruiting

実施予定被験者数 / Target sample size
9

対象疾患名 / Health condition(s) or Problem(s) studied
全身性エリテマトーデス / Systemic lupus erythematosus
"""


def test_japanese_and_english_labels_on_one_line() -> None:
    trial = _trial(JRCT)
    assert (
        trial["title"]
        == "A Phase I Study of CD19 CAR-T Cell Therapy for Systemic Lupus Erythematosus"
    )
    assert (trial["overall_status"], trial["study_type"]) == ("RECRUITING", "INTERVENTIONAL")
    assert trial["enrollment"] == 9
    assert trial["conditions"] == ["Systemic lupus erythematosus"]


@pytest.mark.parametrize(
    ("reader", "written", "code"),
    [
        (normalize_status, "募集中 / Recruiting", "RECRUITING"),
        (normalize_status, "Recruiting／募集中", "RECRUITING"),
        (normalize_study_type, "介入研究 / Interventional", "INTERVENTIONAL"),
        (normalize_sex, "男性・女性 / Both", "ALL"),
        (normalize_study_type, "Interventional / Observational", None),  # two English halves
    ],
)
def test_the_english_half_of_a_bilingual_value(reader, written: str, code: str | None) -> None:
    assert reader(written) == code


def test_a_label_in_another_script_over_its_english_label_is_no_item() -> None:
    page = (
        "主たる選択基準\nInclusion criteria\n1) Patients aged 18 to 65 years\n\n"
        "主たる除外基準\nExclusion criteria\n1) Patients with active infection\n\n"
        "年齢下限\nAge minimum\n18 years\n"
    )
    rows = _marts(page)["criteria"].select("criterion_type", "text").rows()
    assert rows == [
        ("INCLUSION", "Patients aged 18 to 65 years"),
        ("EXCLUSION", "Patients with active infection"),
    ]


def test_a_value_in_another_script_under_its_label_is_kept() -> None:
    page = "Conditions:\n系统性红斑狼疮\nPhase: 1\n"
    assert _trial(page)["conditions"] == ["系统性红斑狼疮"]


def _fields(page: str) -> list[tuple[str, str, str]]:
    raw, _ = land_files([("page.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    fields = build_staged(raw)[0]["stg_fields"]
    return fields.select("field", "label", "value").rows()


ALIGNED = """ISRCTN ISRCTN48213907
CAR-T therapy for severe systemic sclerosis

Submission date       Recruitment status       Overall study status
12/01/2025            Recruiting               Ongoing
"""


def test_a_header_of_field_names_over_values_aligned_by_spaces() -> None:
    assert _fields(ALIGNED) == [
        ("registration_date", "Submission date", "12/01/2025"),
        ("status", "Recruitment status", "Recruiting"),
        ("status", "Overall study status", "Ongoing"),
    ]
    trial = _trial(ALIGNED)
    assert (trial["overall_status"], trial["registration_date"]) == (
        "RECRUITING",
        date(2025, 1, 12),
    )


def test_an_aligned_value_keeps_its_span() -> None:
    raw, _ = land_files([("page.txt", ALIGNED.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    fields = build_staged(raw)[0]["stg_fields"].row(1, named=True)
    assert ALIGNED[fields["span_start"] : fields["span_end"]].strip() == "Recruiting"


def test_an_empty_column_leaves_the_others_read() -> None:
    page = ALIGNED.replace("Recruiting               Ongoing", "                         Ongoing")
    assert _fields(page) == [
        ("registration_date", "Submission date", "12/01/2025"),
        ("status", "Overall study status", "Ongoing"),
    ]


@pytest.mark.parametrize(
    "below",
    [
        "12/01/2025 Recruiting Ongoing",  # one space apart: not columns
        "  12/01/2025       Recruiting      Ongoing",  # cells that do not line up
        "",  # nothing under it
    ],
)
def test_lines_that_do_not_line_up_are_no_table(below: str) -> None:
    page = "Submission date       Recruitment status       Overall study status\n" + below
    assert [label for _, label, _ in _fields(page) if label is not None] == []


PROTOCOL = """4. SELECTION OF PATIENTS
4.2 Exclusion Criteria
(i) Cancer-associated myositis.
(ii) eGFR < 60 mL/min/1.73m2.
4.3 Withdrawal Criteria
Patients may withdraw consent at any time.
5. STUDY TREATMENT
4.2.1 misplaced item
"""


def test_a_protocols_next_numbered_heading_ends_the_list_it_numbered() -> None:
    rows = _marts(PROTOCOL)["criteria"].select("criterion_type", "text").rows()
    assert rows == [
        ("EXCLUSION", "Cancer-associated myositis."),
        ("EXCLUSION", "eGFR < 60 mL/min/1.73m2."),
    ]


def test_items_numbered_below_the_lists_heading_stay_in_it() -> None:
    page = "4.1 Inclusion Criteria\n1. Age ≥ 18 years\n2. SLE\n4.1.3 Consent signed\n"
    assert _marts(page)["criteria"]["text"].to_list() == ["Age ≥ 18 years", "SLE", "Consent signed"]


CHICTR_PAIRS = """注册号：
Registration number:
ChiCTR2500098765
申办者：
Primary sponsor:
四川大学华西医院
West China Hospital, Sichuan University
研究疾病：
Target disease:
系统性红斑狼疮
Systemic lupus erythematosus
主要指标：
Primary outcome:
不良事件发生率
Incidence of adverse events
测量时间点：
Measure time point of outcome:
输注后28天
28 days after infusion
次要指标：
Secondary outcome:
SRI-4应答率
SRI-4 response rate
国家：
Country:
中国
China
"""


def test_values_in_chinese_then_english_are_read_in_english() -> None:
    marts = _marts(CHICTR_PAIRS)
    trial = marts["trials"].row(0, named=True)
    assert trial["lead_sponsor"] == "West China Hospital, Sichuan University"
    assert trial["conditions"] == ["Systemic lupus erythematosus"]
    assert trial["countries"] == ["China"]
    rows = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert rows == [
        ("PRIMARY", "Incidence of adverse events", 28),
        ("SECONDARY", "SRI-4 response rate", None),
    ]


def test_a_chinese_value_alone_stays() -> None:
    page = "研究疾病：\nTarget disease:\n系统性红斑狼疮\n\n国家：\nCountry:\nChina\n"
    assert _trial(page)["conditions"] == ["系统性红斑狼疮"]


def test_the_date_registered_wins_over_the_date_submitted() -> None:
    page = "Date submitted\n14/03/2025\nDate registered\n20/04/2025\n"
    assert _trial(page)["registration_date"] == date(2025, 4, 20)


def test_a_date_not_chosen_still_says_the_page_writes_the_day_first() -> None:
    page = "Date submitted\n14/03/2025\nDate registered\n2/04/2025\n"
    assert _trial(page)["registration_date"] == date(2025, 4, 2)


def test_an_item_numbered_past_its_sections_heading_is_still_an_item() -> None:
    page = (
        "5. Eligibility Criteria\n5.1 Inclusion Criteria\n1. Age 18-65 years\n2. SLE\n"
        "3. SLEDAI-2K >= 8\n4. Failed 2 therapies\n5. Adequate organ function\n"
        "6. Signed informed consent\n5.2 Exclusion Criteria\n1. Active infection\n"
    )
    rows = _marts(page)["criteria"].select("criterion_type", "text").rows()
    assert rows[-2:] == [
        ("INCLUSION", "Signed informed consent"),
        ("EXCLUSION", "Active infection"),
    ]
    assert len(rows) == 7


def test_numbered_chinese_and_english_measures_are_two_measures() -> None:
    page = "主要指标：\nPrimary outcome:\n1. 不良事件发生率\n2. ORR\n"
    assert _marts(page)["endpoints"]["measure"].to_list() == ["不良事件发生率", "ORR"]


@pytest.mark.parametrize(
    ("ticked", "phases"),
    [(("Yes", "Yes", "No"), ["PHASE1", "PHASE2"]), (("Yes", "No", "No"), ["PHASE1"])],
)
def test_the_eu_registers_ticked_trial_phases(ticked: tuple[str, ...], phases: list[str]) -> None:
    page = (
        "E.7 Trial type and phase\n"
        f"E.7.1 Human pharmacology (Phase I): {ticked[0]}\n"
        f"E.7.2 Therapeutic exploratory (Phase II): {ticked[1]}\n"
        f"E.7.3 Therapeutic confirmatory (Phase III): {ticked[2]}\n"
    )
    assert _trial(page)["phases"] == phases


def test_field_wordings_of_smaller_sites() -> None:
    page = (
        "CD19 CAR-T cells in refractory lupus\n"
        "Eligible sex: Female\nHealthy volunteers allowed: Accepted\nCompletion: 2027-12\n"
        "Locations: Seoul, Korea, Republic of; Tehran, Iran, Islamic Republic of\n"
    )
    trial = _trial(page)
    assert (trial["sex"], trial["healthy_volunteers"]) == ("FEMALE", True)
    assert trial["completion_date"] == date(2027, 12, 1)
    assert trial["countries"] == ["Iran", "South Korea"]


def test_the_next_field_on_a_sex_line_is_not_its_value() -> None:
    assert _trial("A trial\nSex: All; gender-based eligibility: No\n")["sex"] == "ALL"


@pytest.mark.parametrize("empty", ["None", "N/A", "Not applicable", "No exclusion criteria"])
def test_an_item_saying_the_list_is_empty_is_no_criterion(empty: str) -> None:
    page = f"A trial\nInclusion Criteria:\n- Age ≥ 18 years\nExclusion Criteria:\n- {empty}\n"
    assert _marts(page)["criteria"]["text"].to_list() == ["Age ≥ 18 years"]


def test_criteria_rows_of_a_markdown_table_hold_their_lists() -> None:
    page = (
        "| Field | Value |\n| --- | --- |\n| Title | BCMA CAR-T in Myasthenia Gravis |\n"
        "| Inclusion Criteria | 1. Age 18-65 years<br>2. Platelets &gt;= 100 x 10^9/L |\n"
        "| Exclusion Criteria | 1. LVEF &lt; 50%<br>2. Active infection<br>3. Pregnancy |\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("criterion_type", "section", "text").rows() == [
        ("INCLUSION", None, "Age 18-65 years"),
        ("INCLUSION", None, "Platelets >= 100 x 10^9/L"),
        ("EXCLUSION", None, "LVEF < 50%"),
        ("EXCLUSION", None, "Active infection"),
        ("EXCLUSION", None, "Pregnancy"),
    ]


def test_a_criteria_tables_header_row_is_no_criterion() -> None:
    page = (
        "A trial\n\n## Eligibility\n\n| Criteria | Details |\n| --- | --- |\n"
        "| Inclusion Criteria | Age 18-65 years<br>SLE<br>SLEDAI-2K ≥ 8 |\n"
    )
    assert _marts(page)["criteria"]["text"].to_list() == ["Age 18-65 years", "SLE", "SLEDAI-2K ≥ 8"]


POSTED_RESULTS = """CD19 CAR T Cells for Refractory Myasthenia Gravis

ClinicalTrials.gov ID: NCT05451212
Official Title
Phase 1 Study of CD19 CAR T Cells in Refractory Myasthenia Gravis

Primary Outcome Measures
- Incidence of dose-limiting toxicities [Time Frame: 28 days]

Study Results
Outcome Measures
1. Primary Outcome
Title: Incidence of Dose-limiting Toxicities
Time Frame: 28 days
Overall Number of Participants Analyzed: 8
2. Secondary Outcome
Title: Change in MG-ADL Score
Time Frame: Month 6 and Month 12
Mean (Standard Deviation): -6.1 (2.3)
Adverse Events
Time Frame: 12 months
All-Cause Mortality: 0/8 (0%)
"""


def test_posted_results_are_not_the_trials_plan() -> None:
    marts = _marts(POSTED_RESULTS)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "Phase 1 Study of CD19 CAR T Cells in Refractory Myasthenia Gravis"
    assert marts["endpoints"].select("endpoint_type", "measure", "time_frame").rows() == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", "28 days")
    ]


@pytest.mark.parametrize("marker", ["", "- ", "1. "])
def test_adverse_events_in_an_outcome_list_is_a_measure_not_posted_results(marker: str) -> None:
    page = (
        "A trial\nNCT07100108\n\nPrimary Outcome Measures\n"
        f"{marker}Dose-limiting toxicity\nTime frame: Day 28\n"
        f"{marker}Adverse events\nTime frame: up to 2 years\n"
        f"Secondary Outcome Measures\n{marker}Serious adverse events\nTime frame: 1 year\n"
    )
    endpoints = _marts(page)["endpoints"]
    assert endpoints.select("endpoint_type", "measure", "time_frame_days").rows() == [
        ("PRIMARY", "Dose-limiting toxicity", 28),
        ("PRIMARY", "Adverse events", 730),
        ("SECONDARY", "Serious adverse events", 365),
    ]


def test_outcome_measure_labels_under_typed_headings_keep_the_type() -> None:
    page = (
        "A trial\nNCT ID: NCT05451212\n\nPrimary Outcome Measures\n"
        "Outcome Measure: Incidence of dose-limiting toxicities\nTime Frame: 28 days\n"
        "Secondary Outcome Measures\nOutcome Measure: Change in MG-ADL score\nTime Frame: Month 6\n"
    )
    endpoints = _marts(page)["endpoints"]
    assert endpoints.select("endpoint_type", "measure", "time_frame").rows() == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", "28 days"),
        ("SECONDARY", "Change in MG-ADL score", "Month 6"),
    ]
    start, end = endpoints.select("span_start", "span_end").row(0)
    assert page[start:end].startswith("Incidence of dose-limiting toxicities")


def test_registry_wordings_of_criteria_outcomes_sizes_and_sites() -> None:
    page = (
        "CD19 CAR-T in refractory lupus\nTarget number of participants: 20\n"
        "Total final enrolment: 14\n\nInclude criteria\n1. SLE per 2019 EULAR/ACR\n"
        "Exclude criteria\n1. Active infection\n\nMain outcome\nIncidence of DLT at day 28\n\n"
        "Locations\nGermany: Erlangen; Berlin\nFrance: Paris\n"
    )
    marts = _marts(page)
    trial = marts["trials"].row(0, named=True)
    assert (trial["enrollment"], trial["enrollment_type"]) == (14, "ACTUAL")
    assert trial["countries"] == ["France", "Germany"]
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "SLE per 2019 EULAR/ACR"),
        ("EXCLUSION", "Active infection"),
    ]
    assert marts["endpoints"].select("endpoint_type", "time_frame_days").rows() == [("PRIMARY", 28)]


def test_a_table_of_arms_with_no_heading_above_it() -> None:
    page = (
        "# CD19 CAR-T in Diffuse Cutaneous Systemic Sclerosis\n\n"
        "| Arm | Type | Intervention |\n| --- | --- | --- |\n"
        "| Dose level 1 | Experimental | CD19 CAR-T, 5×10^5 CAR+ T cells/kg |\n"
        "| Dose level 2 | Experimental | CD19 CAR-T, 1×10^6 CAR+ T cells/kg |\n\n"
        "Dosing: 2 dose levels: 5×10^5 and 1×10^6 /kg.\n"
    )
    marts = _marts(page)
    assert marts["arms"].select("label", "arm_type").rows() == [
        ("Dose level 1", "EXPERIMENTAL"),
        ("Dose level 2", "EXPERIMENTAL"),
    ]
    # The summary's "/kg" names the same two levels again, less exactly: one row each.
    assert marts["doses"].select("arm_label", "dose_value", "dose_unit").rows() == [
        ("Dose level 1", 5e5, "CAR+ cells/kg"),
        ("Dose level 2", 1e6, "CAR+ cells/kg"),
    ]


def test_age_limits_parted_from_their_labels_by_a_space() -> None:
    trial = _trial("CD19 CAR-T in lupus\nMin age 18 years\nMax age 65 years\nGender Both\n")
    assert (trial["min_age_years"], trial["max_age_years"], trial["sex"]) == (18, 65, "ALL")
    # A sentence after the words is no age.
    sentence = "CD19 CAR-T in lupus\nMin age requirement is set by site\n"
    assert _trial(sentence)["min_age_years"] is None


def test_anzctrs_recruitment_headings_are_sites_and_name_their_country() -> None:
    page = (
        "Anti-CD19 CAR-T cells in refractory SLE\nTrial ID: ACTRN12623000845673\n\n"
        "Outcomes\nPrimary outcome [1]\nDose-limiting toxicities\nTimepoint [1]\n28 days\n\n"
        "Recruitment in Australia\nRecruitment state(s)\nVIC,NSW\nRecruitment hospital [1]\n"
        "Royal Melbourne Hospital - Parkville\nRecruitment outside Australia\nCountry [1]\n"
        "New Zealand\n"
    )
    marts = _marts(page)
    assert marts["trials"]["countries"].to_list() == [["Australia", "New Zealand"]]
    assert marts["endpoints"]["measure"].to_list() == ["Dose-limiting toxicities"]


def test_a_chinese_criteria_list_translated_below_is_read_once_in_english() -> None:
    page = (
        "注册号：\nRegistration number:\nChiCTR2300078912\n"
        "纳入标准：\n1. 年龄18-65岁；2. EDSS评分≤7.0分。\n"
        "Inclusion criteria\n1. Aged 18-65 years; 2. EDSS score ≤ 7.0.\n"
        "排除标准：\n1. 活动性感染；2. ALT>3倍正常值上限。\n"
        "Exclusion criteria:\n1. Active infection; 2. ALT > 3 x ULN.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("criterion_type", "criterion_ordinal", "text").rows() == [
        ("INCLUSION", 1, "Aged 18-65 years"),
        ("INCLUSION", 2, "EDSS score ≤ 7.0."),
        ("EXCLUSION", 1, "Active infection"),
        ("EXCLUSION", 2, "ALT > 3 x ULN."),
    ]
    chinese_only = "注册号：ChiCTR2300078912\n纳入标准：\n1. 年龄18-65岁；2. EDSS评分≤7.0分。\n"
    assert _marts(chinese_only)["criteria"].height == 2


def test_a_lead_in_under_the_inclusion_heading_that_excludes() -> None:
    page = (
        "CAR-T in Refractory NMOSD\n\nInclusion Criteria:\n1. Age 18-70 years;\n2. EDSS ≤ 7.5.\n\n"
        "Patients with any of the following will not be enrolled:\n"
        "1. Lymphocytes < 0.5 × 10^9/L;\n2. Active hepatitis B or C.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria["criterion_type"].to_list() == [
        "INCLUSION",
        "INCLUSION",
        "EXCLUSION",
        "EXCLUSION",
    ]


def test_patient_facing_headings_end_with_an_ellipsis() -> None:
    page = (
        "CD19 CAR T for Lupus Nephritis\n\nEligibility\n\nYou can join if…\n\n"
        "- eGFR ≥ 30 mL/min/1.73 m²\n\nYou CAN'T join if...\n\n- Platelets < 50,000/µL\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "eGFR ≥ 30 mL/min/1.73 m²"),
        ("EXCLUSION", "Platelets < 50,000/µL"),
    ]


def test_a_code_under_its_label_that_is_also_a_label() -> None:
    page = (
        "Problem-solving intervention\n\nTrial ID\nNCT03630471\nPrimary purpose\nTreatment\n"
        "Enrollment\n250 participants (actual)\nMasking\nNone (Open Label)\n"
    )
    trial = _trial(page)
    assert (trial["primary_purpose"], trial["enrollment"]) == ("TREATMENT", 250)
    assert trial["masking"] == "NONE"


def test_a_time_frame_label_alone_on_its_line_under_a_measure() -> None:
    page = (
        "A trial\n\nTrial ID\nNCT03630471\nOutcomes\nPrimary outcome\nMental health symptoms\n"
        "Time frame\n6 weeks\nSecondary outcome\nClinical remission\nTime frame\n2 years\n"
    )
    marts = _marts(page)
    assert marts["endpoints"].select("endpoint_type", "time_frame_days").rows() == [
        ("PRIMARY", 42),
        ("SECONDARY", 730),
    ]
    trial = marts["trials"].row(0, named=True)
    assert (trial["min_age_years"], trial["max_age_years"]) == (None, None)


def test_a_heading_whose_value_points_elsewhere_opens_no_section() -> None:
    page = (
        "A trial\nTrial ID\nNCT03630471\nDescription\nA randomized trial.\n\n"
        "Eligibility criteria: see 'Eligibility' section.\n\n"
        "Outcome measures: see 'Outcome Measures' section.\n\nInformed consent procedures:\n\n"
        "1. Assent for screening data: students get written information.\n"
        "2. Assent for participation: students get an information sheet.\n\n"
        "Outcomes\nPrimary outcome\nMental health symptoms\nTime frame\n6 weeks\n"
    )
    marts = _marts(page)
    assert marts["endpoints"]["measure"].to_list() == ["Mental health symptoms"]
    assert marts["criteria"].height == 0


def test_a_plain_english_summarys_question_headings_end_the_criteria() -> None:
    page = (
        "A study of CAR-T cell therapy for progressive multiple sclerosis\n\n"
        "Who can take part?\nYou may be able to join if you are aged 18 to 55.\n\n"
        "What does taking part involve?\nYou will have one drip of your own CAR-T cells.\n\n"
        "Where is the study run from?\nThe study is sponsored by University College London "
        "Hospitals NHS Foundation Trust. It is taking place at 3 hospitals in the UK.\n\n"
        "When is the study starting and how long is it expected to run for?\n"
        "The study started in January 2025. It is planned to include 15 people.\n"
    )
    marts = _marts(page)
    assert marts["criteria"]["text"].to_list() == [
        "You may be able to join if you are aged 18 to 55."
    ]
    trial = marts["trials"].row(0, named=True)
    assert (trial["enrollment"], trial["countries"]) == (15, ["United Kingdom"])
    assert trial["start_date"] == date(2025, 1, 1)
    assert trial["lead_sponsor"] == "University College London Hospitals NHS Foundation Trust"


def test_a_criterion_that_lost_its_number_is_no_cohort_heading() -> None:
    page = (
        "CAR-T for AAV\n\nInclusion Criteria:\n1. Age 18-75 years.\nBVAS v3 ≥ 3 at screening\n"
        "3. eGFR ≥ 15 mL/min/1.73 m².\n\nExclusion Criteria:\n1. Dialysis-dependent.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("section", "text").rows()[:3] == [
        (None, "Age 18-75 years."),
        (None, "BVAS v3 ≥ 3 at screening"),
        (None, "eGFR ≥ 15 mL/min/1.73 m²."),
    ]


def test_a_numbered_cohort_heading_ending_in_a_colon_heads_its_lettered_items() -> None:
    page = (
        "CAR-T in autoimmune disease\n\nInclusion Criteria:\n1. Age 18-65 years.\n"
        "2. SLE cohort:\n   a) SLEDAI-2K ≥ 8;\n   b) anti-dsDNA positive.\n"
        "3. SSc cohort:\n   a) mRSS ≥ 15.\n\nExclusion Criteria:\n1. Pregnancy.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.filter(criteria["criterion_type"] == "INCLUSION").select(
        "section", "text"
    ).rows() == [
        (None, "Age 18-65 years."),
        ("SLE cohort", "SLEDAI-2K ≥ 8"),
        ("SLE cohort", "anti-dsDNA positive."),
        ("SSc cohort", "mRSS ≥ 15."),
    ]


def test_an_observational_studys_population_and_sampling_are_no_criteria() -> None:
    page = (
        "A stent registry\n\nClinicalTrials.gov Identifier: NCT03475563\n\nEligibility Criteria\n"
        "Sexes Eligible for Study: \tAll\nStudy Population\n"
        "Patients with ischemic heart disease referred for revascularization will be included.\n"
        "Sampling Method: \tNon-Probability Sample\nCriteria\nInclusion Criteria:\n\n"
        "* Age over 18 years.\n\nExclusion Criteria:\n\n* Cardiogenic shock.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "Age over 18 years."),
        ("EXCLUSION", "Cardiogenic shock."),
    ]


def test_isrctn_sponsor_block_and_drks_jrct_labels() -> None:
    page = (
        "A trial\nISRCTN: ISRCTN48176543\n\nSponsor information\n"
        "Organisation: Cambridge University Hospitals NHS Foundation Trust\n\n"
        "Last modified on\n2025-03-01\nPlanned Sample Size: 20\nActual Sample Size: 14\n"
    )
    trial = _trial(page)
    assert trial["lead_sponsor"] == "Cambridge University Hospitals NHS Foundation Trust"
    assert (trial["enrollment"], trial["enrollment_type"]) == (14, "ACTUAL")
    assert trial["last_updated"] == date(2025, 3, 1)


@pytest.mark.parametrize(
    "after",
    ["Target antigens: CD19; BCMA", "Ages 13 to 20 years", "\nArm 1: Experimental: CAR-T"],
)
def test_a_conditions_value_on_its_heading_line_is_the_whole_list(after: str) -> None:
    page = f"A CAR-T trial\nNCT01234567\nConditions: Lupus Nephritis, Systemic Sclerosis\n{after}\n"
    conditions = _marts(page)["trials"]["conditions"].to_list()
    assert conditions == [["Lupus Nephritis, Systemic Sclerosis"]]


def test_numbered_typed_arm_lines_after_the_fields_are_the_arms() -> None:
    page = (
        "CD19 CAR-T in refractory lupus nephritis\nNCT01234567\nPhase: Phase 1\n"
        "Conditions: Lupus Nephritis\n\n"
        "Arm 1: Experimental: CD19 CAR-T - single infusion of 1 × 10^6 CAR-T cells/kg\n"
        "Arm 2: Placebo Comparator: Saline - one infusion of normal saline\n"
    )
    marts = _marts(page)
    assert marts["arms"].select("label", "arm_type").rows() == [
        ("Arm 1: CD19 CAR-T", "EXPERIMENTAL"),
        ("Arm 2: Saline", "PLACEBO_COMPARATOR"),
    ]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [("Arm 1: CD19 CAR-T", 1e6)]


def test_table_rows_with_the_value_printed_twice_or_a_code_that_is_also_a_term() -> None:
    trial = _trial(
        "KYV-101 in Myasthenia Gravis\n\n| Field | Value |\n| --- | --- |\n"
        "| Recruitment status | Recruiting | Recruiting |\n| Phase | Phase 2 | Phase 2 |\n"
        "| Enrollment | 36 | 36 |\n| Sponsor | Kyverna Therapeutics | Kyverna Therapeutics |\n"
        "| Primary purpose | Treatment |\n"
    )
    assert (
        trial["overall_status"],
        trial["phases"],
        trial["enrollment"],
        trial["lead_sponsor"],
        trial["primary_purpose"],
    ) == ("RECRUITING", ["PHASE2"], 36, "Kyverna Therapeutics", "TREATMENT")


@pytest.mark.parametrize(
    "sponsor", ["Sponsor\nCollaborators\nFoo Bio", "Sponsor: Not available\nCollaborators: Foo Bio"]
)
def test_a_collaborator_is_never_the_lead_sponsor(sponsor: str) -> None:
    assert _trial(f"Title: A CAR-T trial\n{sponsor}\n")["lead_sponsor"] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Conditions: N/A", None),
        ("Conditions: Not available", None),
        (
            "Conditions: "
            + ", ".join(f"Stage {n} Lung Cancer AJCC v8 (any histology)" for n in "ABCDEF"),
            [f"Stage {n} Lung Cancer AJCC v8 (any histology)" for n in "ABCDEF"],
        ),
        ("Conditions: Lupus Erythematosus, Systemic", ["Lupus Erythematosus, Systemic"]),
    ],
)
def test_conditions_placeholders_and_long_comma_lists(line: str, expected: object) -> None:
    assert _trial(f"Title: A CAR-T trial\n{line}\n")["conditions"] == expected


@pytest.mark.parametrize("label", ["Eligible ages", "Age limit", "Age range"])
def test_age_range_labels(label: str) -> None:
    trial = _trial(f"Title: A CAR-T trial\n{label}: 18 - 55 years\n")
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 55.0)


def test_end_of_trial_and_sponsor_name_labels() -> None:
    trial = _trial(
        "Title: A CAR-T trial\n| End of trial | 15 September 2015 |\nSponsor name: Foo Bio\n"
    )
    assert (trial["completion_date"].isoformat(), trial["lead_sponsor"]) == (
        "2015-09-15",
        "Foo Bio",
    )


def test_the_note_that_not_all_criteria_are_listed_is_no_criterion() -> None:
    page = (
        "A dermatitis trial\n\nKey Inclusion Criteria:\n\n1. Adults 18 to 64 years\n\n"
        "Key Exclusion Criteria:\n\n1. Prior treatment with dupilumab\n\n"
        "The information listed above is not intended to contain all considerations relevant "
        "to a patient's potential participation in a clinical trial and not all inclusion/ "
        "exclusion criteria are listed.\n"
    )
    criteria = _marts(page)["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "Adults 18 to 64 years"),
        ("EXCLUSION", "Prior treatment with dupilumab"),
    ]


@pytest.mark.parametrize(
    "page",
    [
        "Inclusion Criteria: 1. Age 18-65 years; 2. LVEF ≥ 50%.Exclusion Criteria: 1. eGFR < 30 "
        "mL/min/1.73m2; 2. Pregnancy.",
        "Inclusion Criteria\n1. Age 18-65 years\n2. LVEF ≥ 50%\nExclusionCriteria\n"
        "1. eGFR < 30 mL/min/1.73m2\n2. Pregnancy\n",
        "Inclusion Criteria:\n1. Age 18-65 years\n2. LVEF ≥ 50%\n\nNon-inclusion Criteria:\n"
        "1. eGFR < 30 mL/min/1.73m2\n2. Pregnancy\n",
    ],
    ids=["glued after a full stop", "glued words (CTRI)", "non-inclusion"],
)
def test_exclusion_headings_glued_or_worded_otherwise(page: str) -> None:
    marts = _marts(f"Title: A CAR-T trial\n{page}")
    assert marts["criteria"]["criterion_type"].to_list() == ["INCLUSION"] * 2 + ["EXCLUSION"] * 2
    assert ("EXCLUSION", "egfr", "<", 30) in marts["criteria_thresholds"].select(
        "criterion_type", "concept", "operator", "value"
    ).rows()


def test_badges_after_a_labelled_value_a_nil_acronym_and_countries_concerned() -> None:
    trial = _trial(
        "CAR-T in IgG4-Related Disease\nTrial Acronym: NIL\n"
        "Status: Recruiting · Phase 1 · 12 participants\n\nCountries concerned\nGermany, Austria\n"
    )
    assert (trial["overall_status"], trial["phases"], trial["enrollment"]) == (
        "RECRUITING",
        ["PHASE1"],
        12,
    )
    assert trial["acronym"] is None
    assert sorted(trial["countries"]) == ["Austria", "Germany"]


@pytest.mark.parametrize(
    ("dump", "size", "kind"),
    [
        ("{'nctId': 'NCT06799900', 'enrollmentCount': 18}", 18, None),
        (
            "{'nct_id': 'NCT06900042', 'enrollment': {'count': 9, 'type': 'ESTIMATED'}}",
            9,
            "ESTIMATED",
        ),
    ],
)
def test_a_dumped_records_enrollment_keys(dump: str, size: int, kind: str | None) -> None:
    trial = _trial(f"CD19 CAR-T in Myopathy\n{dump}\n")
    assert (trial["enrollment"], trial["enrollment_type"]) == (size, kind)


def test_healthy_volunteers_welcome_at_the_top_of_the_eligibility() -> None:
    page = (
        "# A cohort study\n\n## Who can join\nHealthy volunteers welcome: No\n\n"
        "You may be able to join if:\n• Patient over 18 years\n"
    )
    marts = _marts(page)
    assert marts["trials"]["healthy_volunteers"].to_list() == [False]
    assert marts["criteria"]["text"].to_list() == ["Patient over 18 years"]


def test_a_tabular_views_dated_value_is_the_value() -> None:
    page = (
        "Tabular View\nNCT Number\tNCT05474922\n"
        "Original Estimated Enrollment  ICMJE\n (submitted: July 20, 2022)\t12\n"
        "Actual Enrollment  ICMJE\n (submitted: January 15, 2025)\t8\n"
    )
    trial = page_trial(page)
    assert (trial["enrollment"], trial["enrollment_type"]) == (8, "ACTUAL")


@pytest.mark.parametrize("empty", ["Not Provided", "None", "N/A", "No secondary outcome measures"])
def test_a_placeholder_under_an_outcome_heading_is_no_endpoint(empty: str) -> None:
    page = (
        "NCT05474922\nPrimary Outcome Measures: Incidence of DLT [Time Frame: 28 days]\n"
        f"Secondary Outcome Measures: {empty}\n"
    )
    assert page_marts(page)["endpoints"]["measure"].to_list() == ["Incidence of DLT"]


def test_a_posted_results_measures_are_read_once_and_its_data_is_not() -> None:
    page = (
        "Anti-CD19 CAR-T Cells in Refractory SLE\nClinicalTrials.gov Identifier: NCT05441287\n"
        "Outcome Measures\n1. Primary Outcome\n"
        "Title:\tNumber of Participants With Dose-limiting Toxicities\n"
        "Time Frame:\t28 days after infusion\nArm/Group Title\tCAR-T\n"
        "Overall Number of Participants Analyzed\t12\n2. Secondary Outcome\n"
        "Title:\tChange From Baseline in SLEDAI-2K\nTime Frame:\tMonth 6\n"
    )
    marts = page_marts(page)
    assert marts["trials"]["title"].to_list() == ["Anti-CD19 CAR-T Cells in Refractory SLE"]
    assert marts["endpoints"].select("endpoint_type", "time_frame_days").rows() == [
        ("PRIMARY", 28),
        ("SECONDARY", 180),
    ]


@pytest.mark.parametrize("label", ["Arm title", "Group", "Arm"])
def test_an_arms_label_and_description_parted_by_a_tab(label: str) -> None:
    page = f"{label}\tMB-CART19.1\nArm description\tSingle infusion of 1 x 10^6 CAR T cells/kg.\n"
    arms = page_marts(page)["arms"]
    assert arms.select("label", "description").rows() == [
        ("MB-CART19.1", "Single infusion of 1 x 10^6 CAR T cells/kg.")
    ]
