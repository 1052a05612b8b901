"""Registry form pages: labels under form-section codes, as the EU register prints them."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from tests.transforms.page_build import page_marts
from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged

EU_FORM = """EU Clinical Trials Register
EudraCT Number: 2023-501234-12-00
A.3 Full title of the trial: A phase I/II open-label study of anti-CD19 CAR T cells in adults
with refractory systemic lupus erythematosus
Trial status: Prematurely Ended
E.1.1 Medical condition(s) being investigated: Systemic lupus erythematosus
E.3 Principal inclusion criteria:
1. Age 18-65 years
2. SLEDAI-2K ≥ 6 at screening
E.4 Principal exclusion criteria:
1. Active infection
2. ANC < 1.0 × 10^9/L
E.5.1 Primary end point(s): Incidence of dose-limiting toxicities
E.5.1.1 Timepoint(s) of evaluation of this end point: Day 28
E.5.2 Secondary end point(s): Change from baseline in SLEDAI-2K
E.5.2.1 Timepoint(s) of evaluation of this end point: Month 6, Month 12
F.1.1 Trial has subjects under 18: No
F.3.3.1 Trial being conducted both within and outside the EEA: No
"""


def _marts(page: str) -> dict[str, pl.DataFrame]:
    return page_marts(page, "eu.txt")


def test_eu_form_fields_sections_and_outcomes() -> None:
    marts = _marts(EU_FORM)
    trial = marts["trials"].row(0, named=True)
    assert trial["trial_id"] == "2023-501234-12-00"
    assert trial["title"].startswith("A phase I/II open-label study of anti-CD19")
    assert trial["phases"] == ["PHASE1", "PHASE2"]  # stated only in the title
    assert trial["overall_status"] == "TERMINATED"
    assert trial["conditions"] == ["Systemic lupus erythematosus"]
    criteria = marts["criteria"].select("criterion_type", "text").rows()
    assert criteria == [
        ("INCLUSION", "Age 18-65 years"),
        ("INCLUSION", "SLEDAI-2K ≥ 6 at screening"),
        ("EXCLUSION", "Active infection"),
        ("EXCLUSION", "ANC < 1.0 × 10^9/L"),
    ]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", 28),
        ("SECONDARY", "Change from baseline in SLEDAI-2K", 360),
    ]


def test_eu_form_sponsor_size_status_and_entry_date() -> None:
    page = (
        "EudraCT Number: 2022-501234-11\n"
        "Date on which this record was first entered in the EudraCT database: 2022-06-14\n"
        "B.1.1 Name of Sponsor: University Hospital Example\n"
        "F.4.2.2 In the whole clinical trial: 24\nP. End of Trial Status: Completed\n"
    )
    trial = _marts(page)["trials"].row(0, named=True)
    assert (trial["lead_sponsor"], trial["enrollment"], trial["overall_status"]) == (
        "University Hospital Example",
        24,
        "COMPLETED",
    )
    assert str(trial["registration_date"]) == "2022-06-14"


CHICTR_BILINGUAL = """注册号：
Registration number:
ChiCTR2400081111
研究分期：
Study phase:
1期
Phase 1
干预措施：
Interventions:
组别：
Group:
剂量递增组
干预措施：
Intervention:
CD19 CAR-T 细胞，剂量 1×10^6/kg、2×10^6/kg
纳入标准：
Inclusion criteria
1、年龄18-65岁；
2、24小时尿蛋白≥0.5g；
排除标准：
Exclusion criteria:
1、妊娠或哺乳期妇女；
研究实施时间：
Study execute time:
从From 2024-03-01 至To 2026-12-31
"""


def test_chictr_bilingual_page() -> None:
    marts = _marts(CHICTR_BILINGUAL)
    trial = marts["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["phases"]) == ("ChiCTR2400081111", ["PHASE1"])
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2024-03-01", "2026-12-31")
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 65.0)
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "年龄18-65岁"),
        ("INCLUSION", "24小时尿蛋白≥0.5g"),
        ("EXCLUSION", "妊娠或哺乳期妇女"),
    ]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("剂量递增组", 1e6),
        ("剂量递增组", 2e6),
    ]


PATIENT_FACING = """Lupus CAR-T Study
Recruiting · Phase 1 · 12 participants
Who can join?
You may qualify if you:
• are 18 to 65 years old
• have active lupus (SLEDAI-2K score of 6 or more)
You cannot join if you:
• are pregnant or breastfeeding
What happens in the study?
You will receive one infusion of your own CD19 CAR-T cells.
Trial ID: NCT06888888
"""


def test_patient_facing_page_badge_row_and_question_headings() -> None:
    marts = _marts(PATIENT_FACING)
    trial = marts["trials"].row(0, named=True)
    assert (trial["overall_status"], trial["phases"], trial["enrollment"]) == (
        "RECRUITING",
        ["PHASE1"],
        12,
    )
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 65.0)
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "are 18 to 65 years old"),
        ("INCLUSION", "have active lupus (SLEDAI-2K score of 6 or more)"),
        ("EXCLUSION", "are pregnant or breastfeeding"),
    ]


def test_a_row_with_one_non_badge_is_text() -> None:
    page = "NCT06888889\nRecruiting · Phase 1 · sponsored by a university\n"
    trial = _marts(page)["trials"].row(0, named=True)
    assert (trial["overall_status"], trial["enrollment"]) == (None, None)


def test_a_result_row_of_badges_names_and_labelled_values() -> None:
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\n"
        "NCT06111222 | Recruiting | Phase 1/2 | Lupus Nephritis | Sponsor: Acme Bio | "
        "Start: Mar 2024 | 24 participants\n"
    )
    trial = _marts(page)["trials"].row(0, named=True)
    assert (trial["overall_status"], trial["phases"], trial["enrollment"]) == (
        "RECRUITING",
        ["PHASE1", "PHASE2"],
        24,
    )
    assert (trial["lead_sponsor"], str(trial["start_date"])) == ("Acme Bio", "2024-03-01")


ISRCTN_FORM = """ISRCTN12345678
CAR-T cell therapy in systemic sclerosis (CARTSSc)
Phase: Phase I/II
Secondary outcome measures:
1. mRSS change at 6 and 12 months
2. FVC change at 12 months
Overall study start date: 01/02/2025
Completion date: 31/12/2028
Participant inclusion criteria:
1. Aged 18-70 years
2. mRSS ≥ 15
Participant type: Patient
Participant exclusion criteria:
1. FVC < 45% predicted
Recruitment start date: 01/03/2025
"""


def test_isrctn_form_fields_end_the_lists_and_dates_read_day_first() -> None:
    marts = _marts(ISRCTN_FORM)
    trial = marts["trials"].row(0, named=True)
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2025-02-01", "2028-12-31")
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "Aged 18-70 years"),
        ("INCLUSION", "mRSS ≥ 15"),
        ("EXCLUSION", "FVC < 45% predicted"),
    ]
    assert marts["endpoints"]["measure"].to_list() == [
        "mRSS change at 6 and 12 months",
        "FVC change at 12 months",
    ]


ANZCTR_FORM = """Registration number
ACTRN12624000123456
Primary outcome [1]
Number of participants with dose-limiting toxicities
Timepoint [1]
28 days post-infusion
Secondary outcome [1]
Complete renal response
Timepoint [1]
12 months post-infusion
Key inclusion criteria
1. Age >= 18 years
Sex
Both males and females
Key exclusion criteria
1. eGFR < 30 mL/min/1.73m2
Anticipated date of first participant enrolment
1/07/2024
Target sample size
12
"""


def test_anzctr_form_indexed_labels_and_a_day_first_registry() -> None:
    marts = _marts(ANZCTR_FORM)
    trial = marts["trials"].row(0, named=True)
    assert (str(trial["start_date"]), trial["enrollment"], trial["sex"]) == (
        "2024-07-01",
        12,
        "ALL",
    )
    endpoints = marts["endpoints"].select("endpoint_type", "time_frame_days").rows()
    assert endpoints == [("PRIMARY", 28), ("SECONDARY", 360)]
    assert marts["criteria"]["text"].to_list() == ["Age >= 18 years", "eGFR < 30 mL/min/1.73m2"]


# ISRCTN and ANZCTR as their pages print: each label on its own line, the value below.
ISRCTN_PAGE = """ISRCTN87654321
Submission date
12/03/2024
Last edited
15/10/2025
Recruitment status
Recruiting
Who can participate?
Adults aged 18 to 65 with lupus.
What does the study involve?
One infusion of CAR-T cells.
Primary study design
Interventional
Secondary study design
Non randomised study
Participant inclusion criteria
1. Aged 18 to 65 years
2. SLEDAI-2K score ≥ 8
Participant type(s)
Patient
Age group
Adult
Participant exclusion criteria
1. Active infection
Recruitment start date
01/06/2024
Overall study start date
01/05/2024
"""


def test_isrctn_page_questions_form_labels_and_record_dates() -> None:
    marts = _marts(ISRCTN_PAGE)
    trial = marts["trials"].row(0, named=True)
    dates = [str(trial[k]) for k in ("start_date", "last_updated", "registration_date")]
    assert dates == ["2024-05-01", "2025-10-15", "2024-03-12"]
    assert trial["completion_date"] is None
    assert (trial["study_type"], trial["allocation"]) == ("INTERVENTIONAL", "NON_RANDOMIZED")
    # The summary's "Who can participate?" answer restates the formal list: not a criterion.
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "Aged 18 to 65 years"),
        ("INCLUSION", "SLEDAI-2K score ≥ 8"),
        ("EXCLUSION", "Active infection"),
    ]


ANZCTR_PAGE = """Registration number
ACTRN12624000456789
Date submitted
15/01/2024
Date last updated
03/09/2025
Trial acronym
AUS-CAR-SLE
Key inclusion criteria
- Age 18 to 65 years
Can healthy volunteers participate?
No
Allocation to intervention
Non-randomised trial
Masking / blinding
Open (masking not used)
Intervention assignment
Single group
Date of first participant enrolment
Anticipated
01/03/2024
Date of last data collection
Anticipated
30/06/2027
Sample size
Target
15
"""


def test_anzctr_page_design_labels_and_remarks_before_values() -> None:
    trial = _marts(ANZCTR_PAGE)["trials"].row(0, named=True)
    assert (trial["acronym"], trial["healthy_volunteers"]) == ("AUS-CAR-SLE", False)
    design = [trial[k] for k in ("allocation", "masking", "intervention_model")]
    assert design == ["NON_RANDOMIZED", "NONE", "SINGLE_GROUP"]
    assert (trial["enrollment"], trial["enrollment_type"]) == (15, "ESTIMATED")
    dates = [str(trial[k]) for k in ("start_date", "completion_date", "registration_date")]
    assert dates == ["2024-03-01", "2027-06-30", "2024-01-15"]
    assert str(trial["last_updated"]) == "2025-09-03"


# ClinicalTrials.gov's tabular view, copied as text: "Label  ICMJE<TAB>value" rows,
# the current outcome measures beside the original ones, fields grouped under headings.
TABULAR_VIEW = """Tracking Information
First Submitted Date  ICMJE\tJanuary 10, 2024
Actual Study Start Date  ICMJE\tMarch 1, 2024
Current Primary Outcome Measures  ICMJE
 (submitted: January 10, 2024)
Incidence of dose-limiting toxicities [ Time Frame: 28 days ]
Original Primary Outcome Measures  ICMJE
 (submitted: January 10, 2024)
Incidence of adverse events [ Time Frame: 90 days ]
Descriptive Information
Brief Title  ICMJE\tCD19 CAR-T Cells in Refractory Lupus Nephritis
Study Arms  ICMJE\tExperimental: CAR-T
Participants receive CD19 CAR-T cells.
Recruitment Information
Estimated Enrollment  ICMJE\t12
Administrative Information
NCT Number  ICMJE\tNCT06234567
Other Study ID Numbers  ICMJE\tCART-LN-01
Current Study Sponsor  ICMJE\tUniversity Hospital Example
Collaborators  ICMJE\tNot Provided
"""


def test_tabular_view_rows_current_outcomes_and_grouped_fields() -> None:
    marts = _marts(TABULAR_VIEW)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "CD19 CAR-T Cells in Refractory Lupus Nephritis"
    assert (str(trial["start_date"]), str(trial["registration_date"])) == (
        "2024-03-01",
        "2024-01-10",
    )
    assert (trial["enrollment"], trial["lead_sponsor"]) == (12, "University Hospital Example")
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [("PRIMARY", "Incidence of dose-limiting toxicities", 28)]
    arms = marts["arms"].select("label", "arm_type", "description").rows()
    assert arms == [("CAR-T", "EXPERIMENTAL", "Participants receive CD19 CAR-T cells.")]


TRIAL_FINDER = """CAR-T Cell Therapy for Children and Young Adults with Refractory Lupus
Not yet recruiting
Location: Boston, Massachusetts, United States; Toronto, Ontario, Canada
Study timeline
Estimated start: Jan 2027
Actual primary completion: 10 January 2030
Related trials
NCT05859997 — CD19 CAR-T in adult SLE
Trial ID: NCT06567890 · Sponsor: Children's Hospital Example
"""


def test_trial_finder_dates_sites_and_the_own_id_after_related_trials() -> None:
    trial = _marts(TRIAL_FINDER)["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["lead_sponsor"]) == (
        "NCT06567890",
        "Children's Hospital Example",
    )
    dates = (str(trial["start_date"]), str(trial["primary_completion_date"]))
    assert dates == ("2027-01-01", "2030-01-10")
    assert trial["countries"] == ["Canada", "United States"]


def test_ids_of_related_trials_written_as_fields_stay_theirs() -> None:
    page = "Related trials\nTitle: CD19 CAR-T in adult SLE\nNCT Number: NCT05859997\n"
    assert _marts(page)["trials"]["nct_id"].to_list() == [None]


def test_a_list_of_conditions_under_its_heading_ends_at_a_label() -> None:
    page = (
        "ACTRN12624000456789\nHealth condition(s) or problem(s) studied:\n"
        "Systemic lupus erythematosus\nLupus nephritis\nCondition category\n"
        "Inflammatory and Immune System\nIntervention/exposure\nStudy type\nInterventional\n"
        "Conditions\nSystemic sclerosis\nPhase: 1\nA line after the list\n"
    )
    trial = _marts(page)["trials"].row(0, named=True)
    assert trial["conditions"] == [
        "Systemic lupus erythematosus",
        "Lupus nephritis",
        "Systemic sclerosis",
    ]
    assert trial["study_type"] == "INTERVENTIONAL"


@pytest.mark.parametrize(
    ("inclusion", "exclusion"),
    [
        (
            "Patients must meet all of the following criteria to be enrolled:",
            "Patients meeting any of the following criteria will be excluded:",
        ),
        ("Key inclusion criteria include:", "Key exclusion criteria are as follows:"),
    ],
)
def test_criteria_headings_written_as_sentences(inclusion: str, exclusion: str) -> None:
    page = f"NCT06222222\nEligibility\n{inclusion}\n1. Age 18-65 years\n2. SLE\n"
    page += f"{exclusion}\n1. Pregnancy\n"
    criteria = _marts(page)["criteria"].select("criterion_type", "text").rows()
    assert criteria == [
        ("INCLUSION", "Age 18-65 years"),
        ("INCLUSION", "SLE"),
        ("EXCLUSION", "Pregnancy"),
    ]


# ClinicalTrials.gov's current page copied as text: its group headings and contacts.
CTGOV_PAGE_GROUPS = """NCT06111111
Participation Criteria
Eligibility Criteria
Exclusion Criteria:
- Pregnancy
- Active infection
Study Contact
Jane Doe, MD
555-0100
Study Plan
How is the study designed?
Design Details
Primary Purpose : Treatment
What is the study measuring?
Primary Outcome Measures
Incidence of adverse events [ Time Frame: 28 days ]
Collaborators and Investigators
Sponsor
University Hospital Example
Investigators
Principal Investigator: John Roe, MD
More Information
Study Record Dates
Study Registration Dates
First Submitted
2023-11-02
Study Record Updates
Last Update Posted (Estimated)
2025-01-15
Last Verified
2025-01
"""


def test_ctgov_page_groups_contacts_and_record_dates() -> None:
    marts = _marts(CTGOV_PAGE_GROUPS)
    trial = marts["trials"].row(0, named=True)
    assert trial["lead_sponsor"] == "University Hospital Example"
    assert (trial["primary_purpose"], str(trial["registration_date"])) == (
        "TREATMENT",
        "2023-11-02",
    )
    assert str(trial["last_updated"]) == "2025-01-15"
    assert marts["criteria"]["text"].to_list() == ["Pregnancy", "Active infection"]
    assert marts["endpoints"].select("measure", "time_frame_days").rows() == [
        ("Incidence of adverse events", 28)
    ]


DRKS_FORM = """DRKS00034567
Title: Anti-CD19 CAR T cells in refractory SLE (CASTLE)
Inclusion Criteria: - SLE according to EULAR/ACR 2019 - SLEDAI-2K ≥ 8 despite ≥ 2 immunosuppressants
Exclusion Criteria: - active infection - pregnancy
Primary Outcome: Safety (CTCAE v5.0 adverse events) until 12 weeks after infusion
Secondary Outcome: DORIS remission at month 6 and 12; LLDAS at month 6
Planned study start: 2024-04-01
Planned study end: 2027-12-31
"""


def test_drks_form_squashed_lists_frames_in_the_measure_and_planned_dates() -> None:
    marts = _marts(DRKS_FORM)
    trial = marts["trials"].row(0, named=True)
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2024-04-01", "2027-12-31")
    assert marts["criteria"].filter(pl.col("criterion_type") == "EXCLUSION")["text"].to_list() == [
        "active infection",
        "pregnancy",
    ]
    assert marts["criteria_thresholds"].select("concept", "value").rows() == [("sledai_2k", 8.0)]
    endpoints = marts["endpoints"].select("measure", "time_frame_days").rows()
    assert endpoints == [
        ("Safety (CTCAE v5.0 adverse events) until 12 weeks after infusion", 84),
        ("DORIS remission at month 6 and 12", 360),  # two measures, each with its frame
        ("LLDAS at month 6", 180),
    ]


CTRI_FORM = """CTRI Number: CTRI/2024/05/067890 [Registered on: 20/05/2024]
Public Title of Study: CAR-T cell therapy for refractory lupus
Inclusion Criteria:
Age From: 18.00 Year(s)
Age To: 65.00 Year(s)
Gender: Both
Details: 1. Active SLE with SLEDAI-2K >= 6 2. Failure of standard therapy
Exclusion Criteria:
Details: 1. Pregnancy 2. Active infection
Primary Outcome:
Outcome | TimePoints
Incidence of adverse events | 28 days
Secondary Outcome:
Outcome | TimePoints
SRI-4 response | 6 months
Phase of Trial: Phase 1
Recruitment Status of Trial (India): Open to Recruitment
"""


def test_ctri_form_bare_pipe_tables_and_age_fields() -> None:
    marts = _marts(CTRI_FORM)
    trial = marts["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["title"]) == (
        "CTRI/2024/05/067890",
        "CAR-T cell therapy for refractory lupus",
    )
    assert (trial["min_age_years"], trial["max_age_years"], trial["sex"]) == (18.0, 65.0, "ALL")
    assert (trial["phases"], trial["overall_status"]) == (["PHASE1"], "RECRUITING")
    assert marts["criteria"].select("criterion_type", "text").rows() == [
        ("INCLUSION", "Active SLE with SLEDAI-2K >= 6"),
        ("INCLUSION", "Failure of standard therapy"),
        ("EXCLUSION", "Pregnancy"),
        ("EXCLUSION", "Active infection"),
    ]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [
        ("PRIMARY", "Incidence of adverse events", 28),
        ("SECONDARY", "SRI-4 response", 180),
    ]


CTIS_PAGE = """EU CT number: 2024-512345-22-00
Trial status: Authorised, recruiting
Title of the trial: A phase I/II study of anti-CD19 CAR T cells in refractory lupus
Medical condition(s): Systemic lupus erythematosus; Lupus nephritis
Member states concerned: Germany, Italy, Spain
Overall number of participants: 24

Principal exclusion criteria
1. eGFR < 30 ml/min/1.73 m²
2. Active CNS lupus

Dose levels
| Cohort | Dose |
|---|---|
| Adult | 1 × 10^6 CAR+ T cells/kg |
"""


def test_ctis_public_page_lists_and_a_dose_table_after_the_criteria() -> None:
    marts = _marts(CTIS_PAGE)
    trial = marts["trials"].row(0, named=True)
    assert trial["conditions"] == ["Systemic lupus erythematosus", "Lupus nephritis"]
    assert trial["countries"] == ["Germany", "Italy", "Spain"]
    assert trial["enrollment"] == 24
    assert marts["criteria"]["text"].to_list() == ["eGFR < 30 ml/min/1.73 m²", "Active CNS lupus"]
    assert marts["doses"].select("dose_value", "dose_unit").rows() == [(1e6, "CAR+ cells/kg")]


PROTOCOL_SYNOPSIS = """CLINICAL STUDY PROTOCOL SYNOPSIS

Protocol Number: ACM-101-LN02                              Version 3.0, 12 March 2024

Title of Study: A Phase 1/2, Open-Label, Multicenter Study of ACM-101, an Autologous
Anti-CD19 Chimeric Antigen Receptor T-Cell Therapy, in Subjects with Refractory
Lupus Nephritis

Sponsor: Acme Therapeutics, Inc.

Phase of Development: Phase 1/2

Planned Number of Subjects: Approximately 12 subjects

Investigational Product, Dosage and Mode of Administration:
ACM-101 will be administered as a single intravenous infusion at a dose of 1 × 10^8
CAR-T cells following lymphodepleting chemotherapy with fludarabine (30 mg/m2/day)
and cyclophosphamide (500 mg/m2/day) on Days -5 to -3.

Confidential                                                          Page 2 of 78
Acme Therapeutics, Inc.                             Protocol ACM-101-LN02 v3.0

Inclusion Criteria:
1. Male or female subjects 18 to 65 years of age
2. Biopsy-proven active lupus nephritis Class III or IV per ISN/RPS 2003 classifi-
cation within 6 months prior to screening
3. Hemoglobin ≥ 8.0 g/dL, platelets ≥ 50,000/µL and absolute neutrophil count
≥ 1,000/µL

Confidential                                                          Page 3 of 78
Acme Therapeutics, Inc.                             Protocol ACM-101-LN02 v3.0

4. eGFR ≥ 30 mL/min/1.73 m2
Exclusion Criteria:
1. Prior treatment with CAR-T cell therapy
"""


def test_protocol_synopsis_printed_to_pdf() -> None:
    marts = _marts(PROTOCOL_SYNOPSIS)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == (
        "A Phase 1/2, Open-Label, Multicenter Study of ACM-101, an Autologous Anti-CD19 "
        "Chimeric Antigen Receptor T-Cell Therapy, in Subjects with Refractory Lupus Nephritis"
    )
    assert trial["phases"] == ["PHASE1", "PHASE2"]
    assert trial["enrollment"] == 12
    assert trial["lead_sponsor"] == "Acme Therapeutics, Inc."
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]
    doses = marts["doses"].select("dose_value", "dose_unit", "span_start", "span_end").rows()
    assert [(value, unit, PROTOCOL_SYNOPSIS[a:b]) for value, unit, a, b in doses] == [
        (1e8, "cells", "1 × 10^8\nCAR-T cells")  # read across the wrap
    ]
    criteria = marts["criteria"].select("criterion_type", "text").rows()
    assert criteria == [
        ("INCLUSION", "Male or female subjects 18 to 65 years of age"),
        (
            "INCLUSION",
            "Biopsy-proven active lupus nephritis Class III or IV per ISN/RPS 2003 "
            "classification within 6 months prior to screening",
        ),
        (
            "INCLUSION",
            "Hemoglobin ≥ 8.0 g/dL, platelets ≥ 50,000/µL and absolute neutrophil count ≥ 1,000/µL",
        ),
        ("INCLUSION", "eGFR ≥ 30 mL/min/1.73 m2"),
        ("EXCLUSION", "Prior treatment with CAR-T cell therapy"),
    ]
    thresholds = marts["criteria_thresholds"]
    assert thresholds.select("concept", "value", "unit").rows()[2:] == [
        ("hemoglobin", 80.0, "g/L"),
        ("platelets", 50.0, "10^9/L"),
        ("anc", 1.0, "10^9/L"),
        ("egfr", 30.0, "mL/min/1.73m2"),
    ]


PATIENT_PAGE = """A trial of CAR T-cell therapy for people with lupus (ACME-LUPUS)

Status:
Open
Phase:
Phase 1

Who can enter
You may be able to join this trial if all of the following apply. You:
* have lupus (SLE) that is active
* are aged between 18 and 65

You cannot join this trial if any of these apply. You:
* have an infection that needs treatment
* are pregnant or breastfeeding

Trial design
This is a phase 1 trial. The team need 12 people to join.

Last review date: 15/06/2024
"""


def test_patient_facing_page_lead_in_sentences_and_plain_words() -> None:
    marts = _marts(PATIENT_PAGE)
    trial = marts["trials"].row(0, named=True)
    assert trial["overall_status"] == "RECRUITING"
    assert trial["enrollment"] == 12
    assert str(trial["last_updated"]) == "2024-06-15"
    assert (trial["min_age_years"], trial["max_age_years"]) == (18, 65)
    criteria = marts["criteria"].select("criterion_type", "text").rows()
    assert criteria == [
        ("INCLUSION", "have lupus (SLE) that is active"),
        ("INCLUSION", "are aged between 18 and 65"),
        ("EXCLUSION", "have an infection that needs treatment"),
        ("EXCLUSION", "are pregnant or breastfeeding"),
    ]


TABLE_PAGE = """# CD19 CAR-T in systemic sclerosis

**Registry ID:** NCT06234567

## Eligibility

| Criterion | Requirement |
|---|---|
| Age | 18-70 years |
| mRSS | ≥ 15 (SSc cohort) |
| ANC | ≥ 1.0 × 10^9/L |

**Key dates:** Study start 2025-03 (estimated); primary completion 2027-06 (estimated)
"""


def test_eligibility_as_a_table_and_dates_after_their_labels() -> None:
    marts = _marts(TABLE_PAGE)
    criteria = marts["criteria"].select("criterion_type", "text").rows()
    assert criteria == [  # the header row names columns: no criterion
        ("INCLUSION", "Age | 18-70 years"),
        ("INCLUSION", "mRSS | ≥ 15 (SSc cohort)"),
        ("INCLUSION", "ANC | ≥ 1.0 × 10^9/L"),
    ]
    thresholds = marts["criteria_thresholds"].select("concept", "operator", "value").rows()
    assert thresholds == [
        ("age", ">=", 18.0),
        ("age", "<=", 70.0),
        ("mrss", ">=", 15.0),
        ("anc", ">=", 1.0),
    ]
    trial = marts["trials"].row(0, named=True)
    assert str(trial["start_date"]) == "2025-03-01"
    assert str(trial["primary_completion_date"]) == "2027-06-01"


def test_inclusion_and_exclusion_side_by_side_in_one_table() -> None:
    page = (
        "## Eligibility\n\n| Inclusion criteria | Exclusion criteria |\n|---|---|\n"
        "| Age 18-65 years | Pregnancy |\n| SLEDAI-2K ≥ 8 | eGFR < 30 mL/min/1.73 m² |\n"
        "| | Prior CAR-T therapy |\n\nSex: All\n"
    )
    marts = _marts(page)
    criteria = marts["criteria"].select("criterion_type", "criterion_ordinal", "text").rows()
    assert criteria == [
        ("INCLUSION", 1, "Age 18-65 years"),
        ("INCLUSION", 2, "SLEDAI-2K ≥ 8"),
        ("EXCLUSION", 1, "Pregnancy"),
        ("EXCLUSION", 2, "eGFR < 30 mL/min/1.73 m²"),
        ("EXCLUSION", 3, "Prior CAR-T therapy"),
    ]
    spans = marts["criteria"].select("text", "span_start", "span_end").rows()
    assert all(page[start:end] == text for text, start, end in spans)
    assert marts["trials"]["sex"].to_list() == ["ALL"]


@pytest.mark.parametrize(
    ("overall", "expected"),
    [
        ("Completed", "COMPLETED"),
        ("Stopped", "TERMINATED"),
        ("Ongoing", "ACTIVE_NOT_RECRUITING"),  # says nothing of recruitment: the other does
    ],
)
def test_isrctn_overall_study_status_beside_recruitment_status(overall: str, expected: str) -> None:
    page = (
        "ISRCTN12345678\n\nCD19 CAR-T cells for refractory lupus\n\n"
        f"Recruitment status\nNo longer recruiting\nOverall study status\n{overall}\n"
    )
    raw, _ = land_files([("isrctn.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    staged = build_staged(raw)[0]
    assert build_marts(staged)[0]["trials"]["overall_status"].to_list() == [expected]
    conflicts = staged["stg_conflicts"].filter(pl.col("field") == "status")
    rules = conflicts["rule"].to_list()
    assert rules == ([] if overall == "Ongoing" else ["the trial's end outranks its recruitment"])


CLASSIC_CTGOV = """CD19 CAR-T Cells for Refractory Lupus Nephritis
ClinicalTrials.gov Identifier: NCT05938725
Recruitment Status  : Recruiting
Estimated Enrollment  : 15 participants

Locations
China, Zhejiang
The First Affiliated Hospital, Zhejiang University      Recruiting
Hangzhou, Zhejiang, China, 310003
"""


def test_classic_ctgov_record_enrollment_type_in_the_label_and_sites_with_postcodes() -> None:
    trial = _marts(CLASSIC_CTGOV)["trials"].row(0, named=True)
    assert (trial["enrollment"], trial["enrollment_type"]) == (15, "ESTIMATED")
    assert trial["countries"] == ["China"]
    # Each way of telling the country alone: a group heading, or an address with a postcode.
    for dropped in ("China, Zhejiang\n", "Hangzhou, Zhejiang, China, 310003\n"):
        trial = _marts(CLASSIC_CTGOV.replace(dropped, ""))["trials"].row(0, named=True)
        assert trial["countries"] == ["China"]


CHICTR_CHINESE = """注册号：ChiCTR2400084321
注册题目：CD19 CAR-T细胞治疗难治性系统性红斑狼疮的研究
研究所处阶段：I期临床试验
研究疾病：系统性红斑狼疮
申办者：浙江大学医学院附属第一医院
征募研究对象情况：正在进行
纳入标准：
1、年龄18-65岁；
2、SLEDAI-2K评分≥8分；
3、中性粒细胞绝对计数≥1.0×10^9/L；
4、谷丙转氨酶、谷草转氨酶≤3倍正常值上限；
排除标准：
1、活动性感染；
主要结局指标：
指标中文名：剂量限制性毒性
测量时间点：输注后28天
干预措施：
组别：试验组 样本量：12
干预措施：CD19 CAR-T细胞 1×10^6/kg
"""


def test_chictr_page_in_chinese_only() -> None:
    marts = _marts(CHICTR_CHINESE)
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "CD19 CAR-T细胞治疗难治性系统性红斑狼疮的研究"
    assert trial["phases"] == ["PHASE1"]
    assert trial["overall_status"] == "RECRUITING"
    assert trial["conditions"] == ["系统性红斑狼疮"]
    assert trial["lead_sponsor"] == "浙江大学医学院附属第一医院"
    thresholds = marts["criteria_thresholds"].select("concept", "operator", "value", "unit")
    assert thresholds.rows() == [
        ("age", ">=", 18.0, "years"),
        ("age", "<=", 65.0, "years"),
        ("sledai_2k", ">=", 8.0, "points"),
        ("anc", ">=", 1.0, "10^9/L"),
        ("alt", "<=", 3.0, "xULN"),
        ("ast", "<=", 3.0, "xULN"),
    ]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [("PRIMARY", "剂量限制性毒性", 28)]
    assert marts["arms"]["label"].to_list() == ["试验组"]
    assert marts["doses"].select("dose_value", "dose_unit").rows() == [(1e6, "cells/kg")]


@pytest.mark.parametrize(
    "page",
    [
        "Locations\nCharité Berlin (Germany)\nHôpital Pitié-Salpêtrière, Paris (France)\n",
        "Countries: Germany and France\n",
        "Recruiting countries: Germany; France\n",
    ],
)
def test_countries_in_brackets_or_listed_under_a_heading(page: str) -> None:
    assert _marts(page)["trials"]["countries"].to_list() == [["France", "Germany"]]


CTIS_TRIAL_INFORMATION = """EU CT number: 2024-500001-10-00
Title of the trial: An open-label study of anti-CD19 CAR T cells in refractory lupus
Overall trial status: Ongoing, recruiting
Trial start date: 12/03/2024
Estimated end of trial date in EEA: 30/06/2028
Estimated recruitment (EEA): 18
Gender: Female, Male

Principal inclusion criteria
1. SLEDAI-2K score >= 8

Primary end point(s)
1. Incidence of dose-limiting toxicities
2. Incidence of cytokine release syndrome
Timepoint(s) of evaluation of this end point
1. 28 days after infusion
2. Month 3

Secondary end point(s)
1. DORIS remission
2. Change from baseline in SLEDAI-2K
3. Drug-free remission
Timepoint(s) of evaluation of this end point
1. Month 6 and month 12
2. Week 12, 24 and 52

Investigational medicinal product(s)
Dose: 5 × 10^5 CAR+ T cells/kg
"""


def test_eu_ctis_dates_size_sexes_and_listed_time_points() -> None:
    marts = _marts(CTIS_TRIAL_INFORMATION)
    trial = marts["trials"].row(0, named=True)
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2024-03-12", "2028-06-30")
    assert (trial["enrollment"], trial["enrollment_type"], trial["sex"]) == (18, "ESTIMATED", "ALL")
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame").rows()
    assert endpoints == [
        ("PRIMARY", "Incidence of dose-limiting toxicities", "28 days after infusion"),
        ("PRIMARY", "Incidence of cytokine release syndrome", "Month 3"),
        ("SECONDARY", "DORIS remission", "Month 6 and month 12"),
        ("SECONDARY", "Change from baseline in SLEDAI-2K", "Week 12, 24 and 52"),
        ("SECONDARY", "Drug-free remission", None),  # the list gives it no time point
    ]
    assert marts["doses"].select("dose_value", "dose_unit").rows() == [(5e5, "CAR+ cells/kg")]


def test_eu_form_acronym_and_end_points_numbered_inline_with_their_time_points() -> None:
    page = (
        "EudraCT Number: 2021-004567-89\n"
        "A.3.2 Name or abbreviated title of the trial where available: CASTLE\n"
        "E.5.1 Primary end point(s): Incidence of dose-limiting toxicities\n"
        "E.5.1.1 Timepoint(s) of evaluation of this end point: Day 28\n"
        "E.5.2 Secondary end point(s): 1. DORIS remission 2. SLEDAI-2K change from baseline\n"
        "E.5.2.1 Timepoint(s) of evaluation of this end point: 1. Month 6 2. Month 3, 6 and 12\n"
        "E.5.3 Other end point(s): 1. Change in SLEDAI-2K at week 2. Assessed centrally\n"
    )
    marts = _marts(page)
    assert marts["trials"]["acronym"].to_list() == ["CASTLE"]
    endpoints = marts["endpoints"].select("measure", "time_frame").rows()
    assert endpoints[:3] == [
        ("Incidence of dose-limiting toxicities", "Day 28"),
        ("DORIS remission", "Month 6"),
        ("SLEDAI-2K change from baseline", "Month 3, 6 and 12"),
    ]
    # "week 2." counts weeks: no second item.
    assert [m for m, _ in endpoints[3:]] == ["Change in SLEDAI-2K at week 2. Assessed centrally"]


@pytest.mark.parametrize(
    "page",
    [
        "Countries: Germany (3 sites), France (2 sites)\n",
        "Locations\nGermany (3 sites)\nFrance (2 sites)\n",
        "Sites: Erlangen, Germany; Paris, France\n",
    ],
)
def test_countries_with_site_counts_or_sites_on_one_line(page: str) -> None:
    assert _marts(page)["trials"]["countries"].to_list() == [["France", "Germany"]]


def test_cris_labels() -> None:
    page = (
        "CRIS Registration Number: KCT0009876\n"
        "Overall Recruitment Status: Recruiting\n"
        "Target Number of Participant: 12\n"
        "Condition(s)/Problem(s): Lupus nephritis\n"
    )
    trial = _marts(page)["trials"].row(0, named=True)
    assert (trial["overall_status"], trial["enrollment"], trial["conditions"]) == (
        "RECRUITING",
        12,
        ["Lupus nephritis"],
    )


def test_ctri_nested_labels_and_an_inline_investigator_line() -> None:
    page = (
        "CTRI Number: CTRI/2024/03/012345\n"
        "Principal Investigator: Dr A Kumar\n"
        "Primary Sponsor: Name of Primary Sponsor: Indian Institute of Example; "
        "Type of Sponsor: Research institution\n"
        "Countries of Recruitment: India\n"
        "Exclusion Criteria\nDetails: 1. Active infection 2. Pregnancy\n"
        "Blinding/Masking: Open Label\n"
        "Target Sample Size: Total Sample Size: 20; Sample Size from India: 20\n"
    )
    marts = _marts(page)
    trial = marts["trials"].row(0, named=True)
    assert trial["lead_sponsor"] == "Indian Institute of Example"
    assert (trial["countries"], trial["masking"], trial["enrollment"]) == (["India"], "NONE", 20)
    assert marts["criteria"]["text"].to_list() == ["Active infection", "Pregnancy"]


def test_other_ids_after_related_studies_are_the_pages_own() -> None:
    page = "NCT Number: NCT06000456\nRelated studies\nNCT05111111\nOther IDs: DRKS00012345\n"
    assert _marts(page)["trials"]["registry_ids"].to_list() == [["NCT06000456", "DRKS00012345"]]


def test_an_eu_form_fields_answer_is_read_as_the_trials_words() -> None:
    page = (
        "EU CTR 2024-001234-56\nA.3 Full title of the trial: CD19 CAR-T in SLE\n"
        "D.3.8 Dose: 1.0 × 10^8 total CAR-T cells\nF.1.1 Trial has subjects under 18: No\n"
    )
    doses = _marts(page)["doses"]
    assert doses.select("dose_value", "dose_unit").rows() == [(1e8, "cells")]
    start, end = doses.select("span_start", "span_end").row(0)
    assert page[start:end] == "1.0 × 10^8 total CAR-T cells"


def test_the_eu_registers_ticked_design_and_one_timepoint_for_every_end_point() -> None:
    page = (
        "EudraCT Number: 2008-001234-11\nA.3 Full title of the trial: A pilot study\n"
        "E.5.1 Primary end point(s):\n1. BMI\n2. Body Composition\n3. CRP\n"
        "E.5.1.1 Timepoint(s) of evaluation of this end point:\n2 year/end of study\n"
        "E.8.1.1 Randomised: Yes\nE.8.1.2 Open: No\nE.8.1.4 Double blind: Yes\n"
        "E.8.1.5 Parallel group: Yes\n"
        "E.8.6.3 Specify the countries outside of the EEA in which trial sites are planned: "
        "United States\n"
    )
    marts = _marts(page)
    trial = marts["trials"].row(0, named=True)
    assert (trial["allocation"], trial["masking"], trial["intervention_model"]) == (
        "RANDOMIZED",
        "DOUBLE",
        "PARALLEL",
    )
    assert marts["endpoints"]["time_frame_days"].to_list() == [730, 730, 730]
    assert trial["countries"] == ["United States"]


def test_eu_form_ticks_phases_apart_and_both_sexes() -> None:
    page = (
        "EudraCT Number: 2023-000456-21\nA.3 Full title of the trial: CD19 CAR T cells in SLE\n"
        "E.7.1 Human pharmacology (Phase I): Yes\nE.7.1.1 First administration to humans: No\n"
        "E.7.1.2 Bioequivalence study: No\nE.7.1.3 Other: No\n"
        "E.7.2 Therapeutic exploratory (Phase II): Yes\n"
        "E.7.3 Therapeutic confirmatory (Phase III): No\n"
        "F.2 Gender\nF.2.1 Female: Yes\nF.2.2 Male: Yes\n"
    )
    trial = _marts(page)["trials"].row(0, named=True)
    assert (trial["phases"], trial["sex"]) == (["PHASE1", "PHASE2"], "ALL")
