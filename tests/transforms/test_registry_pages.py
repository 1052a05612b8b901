"""Pages of registries (ChiCTR, DRKS, jRCT, ANZCTR, EU CTIS) and of sponsors."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.transforms.page_build import page_marts
from transforms.values.enums import normalize_status


def _marts(page: str, name: str = "page.txt") -> dict[str, pl.DataFrame]:
    return page_marts(page, name)


def _trial(page: str) -> dict[str, object]:
    return _marts(page)["trials"].row(0, named=True)


# Chinese and English labels each on its own line, some English ones unknown to the lexicon.
BILINGUAL = """注册号：
Registration number：
ChiCTR2500012345
最近更新日期：
Date of Last Refreshed on：
2025-02-03
研究疾病：
Disease under study：
Lupus nephritis
研究实施时间：
Study execute time：
From 2025-03-01 To 2027-06-30
征募观察对象时间：
Period of recruitment here：
From 2025-04-01 To 2026-12-31
测量指标：
Outcomes：
指标中文名：
Outcome：
Complete renal response
测量时间点：
Measure time point of outcome：
Week 52
年龄范围：
Participant age：
最小 Min age
12
years
最大 Max age
60
years
"""


def test_a_bilingual_label_pair_takes_the_value_after_both_labels() -> None:
    trial = _trial(BILINGUAL)
    assert trial["conditions"] == ["Lupus nephritis"]
    assert str(trial["last_updated"]) == "2025-02-03"
    # The study's period, not the recruitment period after a label the lexicon lacks.
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2025-03-01", "2027-06-30")


def test_a_number_and_its_unit_on_the_next_line_are_one_value() -> None:
    marts = _marts(BILINGUAL)
    trial = marts["trials"].row(0, named=True)
    assert (trial["min_age_years"], trial["max_age_years"]) == (12.0, 60.0)
    assert marts["endpoints"]["measure"].to_list() == ["Complete renal response"]


def test_a_layout_is_named_by_how_its_values_are_carried() -> None:
    # Each value sits on the line under its English label; the Chinese labels carry none.
    page = (
        "注册号\nRegistration number\nChiCTR2500012345\n研究状态\nRecruiting status\n"
        "Recruiting\n研究分期\nStudy phase\n1\n性别\nGender\nBoth\n"
    )
    assert _trial(page)["source_format"] == "label_block"


DRKS = """DRKS-ID: DRKS00039999
Recruitment Status: Recruiting planned
Title: Anti-CD19 CAR T cells in refractory myositis
Study Type: interventional
Assignment: Single (group)
Health condition or problem studied
ICD10: M33.2 - Polymyositis
Free text: refractory idiopathic inflammatory myopathy
Interventions, Observational Groups
Arm 1: Autologous CD19 CAR T cells, 1 x 10^6 CAR+ cells/kg, single infusion.
Study Design
Countries of recruitment: DE Germany
Countries of recruitment: AT Austria
Addresses
Primary Sponsor: Klinikum Musterstadt, Hauptstraße 5, 12345 Musterstadt, Germany
Contact for Public Queries: Study office, Telephone: +49 30 1234
Status
Study Closing (LPLV): 2028-03-31
"""


def test_drks_page() -> None:
    marts = _marts(DRKS)
    trial = marts["trials"].row(0, named=True)
    assert trial["overall_status"] == "NOT_YET_RECRUITING"
    assert trial["intervention_model"] == "SINGLE_GROUP"
    assert trial["conditions"][0] == "Polymyositis"
    assert trial["countries"] == ["Austria", "Germany"]
    assert trial["lead_sponsor"] == "Klinikum Musterstadt"
    assert str(trial["completion_date"]) == "2028-03-31"
    assert marts["arms"]["label"].to_list() == ["Arm 1"]


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Recruiting planned", "NOT_YET_RECRUITING"),
        ("Recruiting ongoing", "RECRUITING"),
        ("Recruiting complete, study continuing", "ACTIVE_NOT_RECRUITING"),
        ("Recruiting complete, study complete", "COMPLETED"),
        ("Recruiting withdrawn before recruiting started", "WITHDRAWN"),
        ("Recruiting suspended on temporary hold", "SUSPENDED"),
    ],
)
def test_drks_statuses(written: str, status: str) -> None:
    assert normalize_status(written) == status


@pytest.mark.parametrize(
    ("sponsor", "name"),
    [
        ("Uniklinik Köln, Kerpener Str. 62, 50937 Köln", "Uniklinik Köln"),
        ("Zhongshan Hospital, Fudan University", "Zhongshan Hospital, Fudan University"),
        ("Hospital 12 de Octubre, Madrid", "Hospital 12 de Octubre, Madrid"),
    ],
)
def test_a_sponsors_address_is_not_its_name(sponsor: str, name: str) -> None:
    assert _trial(f"Sponsor: {sponsor}\nPhase: 1\n")["lead_sponsor"] == name


def test_a_design_written_as_one_list_of_phrases() -> None:
    page = (
        "Study type\tInterventional\n"
        "Study design\tnon-randomized controlled study, double blind(masking used), "
        "placebo control, parallel assignment, prevention purpose\n"
        "Phase\t2\n"
    )
    trial = _trial(page)
    assert trial["allocation"] == "NON_RANDOMIZED"
    assert trial["masking"] == "DOUBLE"
    assert trial["intervention_model"] == "PARALLEL"
    assert trial["primary_purpose"] == "PREVENTION"


def test_a_design_written_as_labelled_sentences() -> None:
    page = "Study design: Randomization: N/A. Blinding: Open Label. Single arm.\nPhase: 1\n"
    trial = _trial(page)
    assert (trial["allocation"], trial["masking"]) == ("NA", "NONE")
    assert trial["intervention_model"] == "SINGLE_GROUP"


def test_a_design_heading_over_single_arm() -> None:
    assert _trial("Study design:\nSingle arm\nPhase: 1\n")["intervention_model"] == "SINGLE_GROUP"


def test_a_purpose_under_a_heading_that_usually_opens_a_summary() -> None:
    page = (
        "Study design\nPurpose of the study\nTreatment\n"
        "Allocation to intervention\nNon-randomised trial\n"
        "Purpose\nThis study aims to find a safe dose.\n"
    )
    assert _trial(page)["primary_purpose"] == "TREATMENT"
    prose = "Purpose of the study\nTo find a safe dose of CAR-T cells.\nPhase\n1\n"
    assert _trial(prose)["primary_purpose"] is None


# EU CTIS's public portal: its masthead first, the title under it, dated fields "in EEA".
CTIS = """Clinical Trials Information System (CTIS) - Public portal

A Phase 1/2 study of an anti-CD19 CAR T-cell therapy in adults with refractory lupus nephritis

EU CT number
2023-504871-15-00

Medical conditions: Lupus nephritis (MedDRA 10025140)
Estimated recruitment start date in EEA: 15/03/2024
Estimated end of trial date in EEA: 30/06/2027

Secondary end point(s)
1. Proportion of subjects achieving complete renal response

Timepoint(s) of evaluation of this end point
1. Week 24, Week 52

Products
Product name: KYV-101
Dose: 1 x 10^8 CAR T cells (single dose)
"""


def test_ctis_page() -> None:
    marts = _marts(CTIS)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"].startswith("A Phase 1/2 study of an anti-CD19")
    assert trial["conditions"] == ["Lupus nephritis"]
    assert (trial["start_date"], trial["completion_date"]) == (date(2024, 3, 15), date(2027, 6, 30))
    # "Products" heads the product's fields: no endpoint, and its dose is read.
    assert marts["endpoints"]["measure"].to_list() == [
        "Proportion of subjects achieving complete renal response"
    ]
    assert marts["doses"]["dose_value"].to_list() == [1e8]


# A sponsor's patient-facing study page: questions as headings, facts in a key-value table.
SPONSOR_PAGE = """# A Study of CD19 CAR T Cells in Participants With Severe Autoimmune Diseases

### What is being measured?

**Main measures**
- Number of participants with adverse events (up to 2 years)

**Other measures**
- Proportion of participants achieving DORIS remission (Week 24)

### Study details

| | |
|---|---|
| Conditions | Systemic Lupus Erythematosus; Systemic Sclerosis |
| Sex | All |

### Locations

United States, Germany, France
"""


def test_a_sponsors_patient_page() -> None:
    marts = _marts(SPONSOR_PAGE, "page.md")
    trial = marts["trials"].row(0, named=True)
    assert trial["conditions"] == ["Systemic Lupus Erythematosus", "Systemic Sclerosis"]
    assert trial["countries"] == ["France", "Germany", "United States"]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame").rows()
    assert endpoints == [
        ("PRIMARY", "Number of participants with adverse events", "up to 2 years"),
        ("SECONDARY", "Proportion of participants achieving DORIS remission", "Week 24"),
    ]


def test_a_header_row_of_two_field_names_is_no_value() -> None:
    page = "# A Study of CAR T Cells in Lupus\n\n| Condition | Intervention |\n|---|---|\n"
    page += "| Lupus nephritis | CAR T cells |\n"
    assert _trial(page)["conditions"] == ["Lupus nephritis"]


# CTRI (India): tab-separated label rows, sub-tables, values written as name="value".
CTRI = """CTRI Number\tCTRI/2024/05/067890 [Registered on: 20/05/2024]
Public Title of Study\tCAR-T cell therapy for patients with lupus that has not responded
Primary Sponsor
Name\tImmunoACT
Address\tIIT Bombay, Powai, Mumbai
Health Condition / Problems Studied
Health Type\tCondition
Patients\t(1) ICD-10 Condition: M321||Systemic lupus erythematosus with organ involvement
Intervention / Comparator Agent
Type\tName\tDetails
Intervention\tCD19 CAR-T cells\tSingle intravenous infusion of 1 x 10^6 CAR-T cells/kg
Secondary Outcome
Outcome\tTimePoints
SLEDAI-2K response\tMonth 3, 6 and 12
Target Sample Size\tTotal Sample Size="10"
Sample Size from India="10"
Final Enrollment numbers achieved (Total)= "Applicable only for Completed/Terminated trials"
Date of Study Completion (India)\tApplicable only for Completed/Terminated trials
Estimated Duration of Trial\tYears="2"
Months="0"
"""


def test_ctri_page() -> None:
    marts = _marts(CTRI)
    trial = marts["trials"].row(0, named=True)
    assert trial["lead_sponsor"] == "ImmunoACT"  # the name under a value-less label
    # Only the coded cell of the conditions table is a condition, without its code.
    assert trial["conditions"] == ["Systemic lupus erythematosus with organ involvement"]
    assert (trial["enrollment"], trial["completion_date"]) == (10, None)
    assert marts["doses"]["dose_value"].to_list() == [1e6]
    # A field's further name="value" lines are not outcome measures.
    assert marts["endpoints"]["measure"].to_list() == ["SLEDAI-2K response"]
