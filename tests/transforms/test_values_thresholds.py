"""find_thresholds: concept, operator, value and unit of each condition in a criterion."""

from __future__ import annotations

import pytest

from transforms import schemas
from transforms.values.thresholds import Threshold, find_thresholds


def _rows(text):
    return [(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Age 5-18 years old", [("age", ">=", 5, "years"), ("age", "<=", 18, "years")]),
        (
            "Age:5-18 years old(including threshold);",
            [("age", ">=", 5, "years"), ("age", "<=", 18, "years")],
        ),
        ("Aged 18-65 years old;", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        ("年龄18-65岁;", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        ("MG-ADL total score = 6", [("mg_adl", ">=", 6, "points")]),
        ("ANC ≥ 1.0 × 10³/µL", [("anc", ">=", 1.0, "10^9/L")]),  # the same number per litre
        ("Platelets ≥ 100 K/µL", [("platelets", ">=", 100, "10^9/L")]),
        ("Platelets ≥ 100 × 10^3/µL", [("platelets", ">=", 100, "10^9/L")]),
        ("Platelets ≥ 100 x10^3/mm3", [("platelets", ">=", 100, "10^9/L")]),
        ("anti-dsDNA antibodies positive (≥ 30 IU/mL)", [("anti_dsdna", ">=", 30, "IU/mL")]),
        ("IgG levels < 400 mg/dL", [("igg", "<", 4.0, "g/L")]),
        ("QMG score ≥ 11", [("qmg", ">=", 11, "points")]),
        (
            "EDSS score between 2.0 and 6.5",
            [("edss", ">=", 2, "points"), ("edss", "<=", 6.5, "points")],
        ),
        ("mRSS ≥ 15", [("mrss", ">=", 15, "points")]),
        ("DAS28-CRP > 5.1", [("das28", ">", 5.1, "points")]),
        ("年龄18至70周岁", [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]),
        ("年龄≥14岁", [("age", ">=", 14, "years")]),
        ("18岁以上", [("age", ">=", 18, "years")]),
        ("年满18周岁", [("age", ">=", 18, "years")]),  # has reached 18 full years
        ("Age 18+ years", [("age", ">=", 18, "years")]),
        (
            "Aged 6 months to 17 years",
            [("age", ">=", 6, "months"), ("age", "<=", 17, "years")],
        ),
        ("Aged ≥18 y", [("age", ">=", 18, "years")]),
        ("Bodyweight ≥ 40 kg", [("body_weight", ">=", 40, "kg")]),
        ("Weighing at least 40 kg", [("body_weight", ">=", 40, "kg")]),
        ("CD4 count ≥ 200 cells/mm3", [("cd4_count", ">=", 0.2, "10^9/L")]),
        ("CD4+ T cell count > 350/µL", [("cd4_count", ">", 0.35, "10^9/L")]),
        ("ECOG performance status of 0, 1 or 2", [("ecog", "<=", 2, "points")]),
        ("ECOG 0, 1, or 2", [("ecog", "<=", 2, "points")]),
        ("BVAS/WG ≥ 3", [("bvas", ">=", 3, "points")]),
        ("SLEDAI-2K ≥ 6 and ≥ 1 BILAG A", [("sledai_2k", ">=", 6, "points")]),
        ("SLEDAI-2K ≥ 6 within 4 weeks", [("sledai_2k", ">=", 6, "points")]),
        (
            "MG-ADL ≥ 6 and ≥ 50% of the score from non-ocular items",
            [("mg_adl", ">=", 6, "points")],
        ),
        ("Aged 18-65 inclusive", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        ("ECOG 0-1 inclusive", [("ecog", "<=", 1, "points")]),
        (
            "Patients ≥ 18 and ≤ 75 years old",
            [("age", ">=", 18, "years"), ("age", "<=", 75, "years")],
        ),
        ("ALT ≤ 2.5 × institutional upper limit of normal", [("alt", "<=", 2.5, "xULN")]),
        ("AST within 2 x ULN", [("ast", "<=", 2, "xULN")]),
        ("bilirubin ≤ 1.5-times ULN", [("total_bilirubin", "<=", 1.5, "xULN")]),
        ("Platelets ≥ 100.000/µL", [("platelets", ">=", 100, "10^9/L")]),  # a thousands dot
        ("WBC ≥ 3 × 10^3 cells/µL", [("wbc", ">=", 3, "10^9/L")]),
        ("ANC ≥ 1.0 × 10^9 cells/L", [("anc", ">=", 1, "10^9/L")]),
        ("Platelets ≥ 50,000 per mm3", [("platelets", ">=", 50, "10^9/L")]),
        ("ANC ≥ 1000/microliter", [("anc", ">=", 1, "10^9/L")]),
        ("Hemoglobin >= 8 gm/dl", [("hemoglobin", ">=", 80, "g/L")]),
        ("FVC ≥ 50", [("fvc", ">=", 50, "% predicted")]),
        ("ANA ≥ 1/160", [("ana_titer", ">=", 160, "dilution")]),
        ("BVAS v.3 ≥ 3", [("bvas", ">=", 3, "points")]),
        (
            "Age ≥ 18 years at the time of informed consent",
            [("age", ">=", 18, "years")],
        ),
        (
            "QTcF > 450 ms (males) or > 470 ms (females)",
            [("qtc", ">", 450, "ms"), ("qtc", ">", 470, "ms")],
        ),
        (
            "Age 12-17 years (juvenile) or 18-70 years (adult)",  # each cohort's range
            [
                ("age", ">=", 12, "years"),
                ("age", "<=", 17, "years"),
                ("age", ">=", 18, "years"),
                ("age", "<=", 70, "years"),
            ],
        ),
        (
            "Age 18-65 years; 3-6 months since diagnosis",  # not an age
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        ("weigh less than 40 kg", [("body_weight", "<", 40, "kg")]),
        ("CDASI activity score ≥ 14", [("cdasi", ">=", 14, "points")]),
        ("LVEF ≥ 50 percent", [("lvef", ">=", 50, "%")]),
        ("ANA 1:80 or higher", [("ana_titer", ">=", 80, "dilution")]),
        ("ANA titer ≥ 80", [("ana_titer", ">=", 80, "dilution")]),
        ("Urine protein ≥ 0.5 g/24 hours", [("urine_protein_24h", ">=", 0.5, "g/24h")]),
        ("eGFR ≥ 30 mL/min/1.73 m-2", [("egfr", ">=", 30, "mL/min/1.73m2")]),  # damaged "m²"
        ("eGFR ≥ 30 mL/min/1.73 square meters", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("eGFR ≥ 30 mL/min/1.73m", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("ANA positive (titer ?1:80)", [("ana_titer", ">=", 80, "dilution")]),  # a lost "≥"
        ("18岁以上70岁以下", [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]),
        ("年龄65岁及以下", [("age", "<=", 65, "years")]),
        (
            "Age range from 18 to 70 years old, regardless of gender;",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        ("aged ≥ 18 years", [("age", ">=", 18, "years")]),
        ("Age ≥ 18 and ≤ 70 years", [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]),
        ("Aged between 18 and 70 years", [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]),
        ("Patients 18 years of age or older", [("age", ">=", 18, "years")]),
        ("Men or women ≥ 18 years old", [("age", ">=", 18, "years")]),
        ("SLEDAI 2K score≥8 points", [("sledai_2k", ">=", 8, "points")]),
        ("SLEDAI-2000 score ≥8 points;", [("sledai_2k", ">=", 8, "points")]),
        ("SLEDAI-2K ≥ 6", [("sledai_2k", ">=", 6, "points")]),
        ("SELENA-SLEDAI score > 6 points", [("selena_sledai", ">", 6, "points")]),
        ("SELENA-SLEDAI score \\> 6 points", [("selena_sledai", ">", 6, "points")]),
        (
            "In the moderate to severe active stage, SELENA-SLEDAI score \\>6;",
            [("selena_sledai", ">", 6, "points")],
        ),
        ("PGA ≥ 1 points", [("pga", ">=", 1, "points")]),
        ("BILAG-2004 organ system scores of at least 1 A or 2 B", []),
        (
            "Birmingham Vasculitis Activity Score (BVAS) ≥15 points (total score 63 points)",
            [("bvas", ">=", 15, "points")],
        ),
        (
            "Expected survival period is at least 12 weeks;",
            [("life_expectancy", ">=", 12, "weeks")],
        ),
        ("Life expectancy > 3 months", [("life_expectancy", ">", 3, "months")]),
        (
            "Hemoglobin ≥60 g/L (without red blood cell transfusion within 14 days);",
            [("hemoglobin", ">=", 60, "g/L")],
        ),
        ("Hb ≥ 9 g/dL", [("hemoglobin", ">=", 90, "g/L")]),  # converted to contract units
        ("Absolute neutrophil count ≥1.0×10\\^9/L;", [("anc", ">=", 1.0, "10^9/L")]),
        ("ANC ≥ 1.5 × 10⁹/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("ANC ≥ 1500/mm3", [("anc", ">=", 1.5, "10^9/L")]),
        ("Platelets ≥ 50,000/µL", [("platelets", ">=", 50, "10^9/L")]),
        ("ALC ≥ 500 cells/μL", [("alc", ">=", 0.5, "10^9/L")]),
        ("Hemoglobin ≥ 8.5 g/dL", [("hemoglobin", ">=", 85, "g/L")]),
        # A decimal comma after a comparison; a comma between listed values is none.
        ("ANC ≥ 1,5 × 10^9/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("Bilirubin ≤ 1,5 x ULN", [("total_bilirubin", "<=", 1.5, "xULN")]),
        # A raised decimal point, as journals print it; before a power of ten it is a times.
        ("ANC ≥ 1·5 × 10^9/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("Haemoglobin ≥ 9·0 g/dL", [("hemoglobin", ">=", 90, "g/L")]),
        ("Platelets ≥ 3·10^9/L", [("platelets", ">=", 3, "10^9/L")]),
        ("ECOG 0,1 or 2", []),
        ("UPCR ≥ 0.5 g/g", [("upcr", ">=", 0.5, "g/g")]),
        ("UPCR 1.0 g/gCr or more", [("upcr", ">=", 1.0, "g/g")]),
        ("24-hour urine protein ≥ 0.5 g", [("urine_protein_24h", ">=", 0.5, "g/24h")]),
        ("24-h urine protein > 500 mg/day", [("urine_protein_24h", ">", 0.5, "g/24h")]),
        ("Prednisone ≤ 10 mg/day", []),
        # An upper end written with its own bound: below 18, not up to it.
        ("Patients aged 6 to <18 years", [("age", ">=", 6, "years"), ("age", "<", 18, "years")]),
        ("Age 18 to < 65 years old", [("age", ">=", 18, "years"), ("age", "<", 65, "years")]),
        ("Platelets ≥50×10\\^9/L;", [("platelets", ">=", 50, "10^9/L")]),
        ("Platelet count ≥ 75 G/L", [("platelets", ">=", 75, "10^9/L")]),
        ("Absolute lymphocytes (ALC) ≥ 0.5×10\\^9/L;", [("alc", ">=", 0.5, "10^9/L")]),
        (
            "Serum total bilirubin ≤1.5×upper limit of normal (ULN);",
            [("total_bilirubin", "<=", 1.5, "xULN")],
        ),
        (
            "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤2.5×ULN;",
            [("ast", "<=", 2.5, "xULN"), ("alt", "<=", 2.5, "xULN")],
        ),
        (
            "Asparagus cochinchinensis transase (AST) and Alanine Aminotransferase (ALT)≤3.0 ULN",
            [("ast", "<=", 3.0, "xULN"), ("alt", "<=", 3.0, "xULN")],
        ),
        ("AST/ALT ≤ 2.5 × ULN", [("ast", "<=", 2.5, "xULN"), ("alt", "<=", 2.5, "xULN")]),
        (
            "ALT and AST ≤ 3 times the upper limit of normal",
            [("alt", "<=", 3, "xULN"), ("ast", "<=", 3, "xULN")],
        ),
        ("Transaminases ≤ 2 x ULN", [("ast", "<=", 2, "xULN"), ("alt", "<=", 2, "xULN")]),
        (
            "Creatinine \\<1.5×ULN and endogenous creatinine clearance ≥60 mL/min.",
            [("creatinine", "<", 1.5, "xULN"), ("creatinine_clearance", ">=", 60, "mL/min")],
        ),
        ("creatinine clearance \\<40ml/min;", [("creatinine_clearance", "<", 40, "mL/min")]),
        ("Serum creatinine ≤ 1.5 mg/dL", [("creatinine", "<=", 1.5, "mg/dL")]),
        ("The cardiac ejection fraction is ≥45%, echocardiography", [("lvef", ">=", 45, "%")]),
        (
            "Left ventricular ejection fraction (LVEF) ≥55% with no obvious abnormality",
            [("lvef", ">=", 55, "%")],
        ),
        (
            "Baseline oxygen saturation \\>92% under non-oxygenation conditions;",
            [("spo2", ">", 92, "%")],
        ),
        ("Lung function: No serious lung lesions, SpO2≥92%;", [("spo2", ">=", 92, "%")]),
        ("FVC \\<45% predicted value;", [("fvc", "<", 45, "% predicted")]),
        ("DLCO \\<40% predicted value;", [("dlco", "<", 40, "% predicted")]),
        ("FVC ≥ 50% of predicted", [("fvc", ">=", 50, "% predicted")]),
        ("DLCO < 40%", [("dlco", "<", 40, "% predicted")]),
        (
            "Estimated glomerular filtration rate (eGFR) \\<15 mL/min/1.73 m2;",
            [("egfr", "<", 15, "mL/min/1.73m2")],
        ),
        ("Renal function: eGFR≥30ML/min/1.73m2;", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("eGFR ≥30 ml/(min.1.73m2) (Schwartz formula)", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("eGFR ≥ 60 mL/min/1.73m²", [("egfr", ">=", 60, "mL/min/1.73m2")]),
        ("Anti-nuclear antibody (ANA) ≥1:80;", [("ana_titer", ">=", 80, "dilution")]),
        ("ANA titer ≥ 1:160", [("ana_titer", ">=", 160, "dilution")]),
        ("anti-dsDNA antibody > 30 IU/mL", [("anti_dsdna", ">", 30, "IU/mL")]),
        ("Anti-dsDNA > 2 × ULN", [("anti_dsdna", ">", 2, "xULN")]),
        ("UPCR ≥ 500 mg/g", [("upcr", ">=", 0.5, "g/g")]),
        ("UPCR > 100 mg/mmol", [("upcr", ">", 0.884016973, "g/g")]),  # 113.12 mg/mmol creatinine
        ("urine protein:creatinine ratio ≥ 0.5 mg/mg", [("upcr", ">=", 0.5, "g/g")]),
        ("Protein-to-creatinine ratio > 1.0 g/g", [("upcr", ">", 1.0, "g/g")]),
        (
            "between 18 and 65 years of age",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        ("no older than 75 years", [("age", "<=", 75, "years")]),
        ("18 ≤ age ≤ 65", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        # A word glued where a line broke; thousands parted by a space; "G/l".
        ("SLEDAI-2Kscore ≥ 8", [("sledai_2k", ">=", 8, "points")]),
        ("Plateletcount≥50×10^9/L", [("platelets", ">=", 50, "10^9/L")]),
        ("platelets ≥ 100 000/µL", [("platelets", ">=", 100, "10^9/L")]),
        ("ANC ≥ 1.5 G/l", [("anc", ">=", 1.5, "10^9/L")]),
        ("18 < Age < 70 years", [("age", ">", 18, "years"), ("age", "<", 70, "years")]),
        ("younger than 18 years", [("age", "<", 18, "years")]),
        ("disease duration between 1 and 10 years", []),
        ("24-hour urine protein ≥ 0.5 g/24h", [("urine_protein_24h", ">=", 0.5, "g/24h")]),
        (
            "Eastern Cancer Cooperation Group (ECOG) physical status score 0 to 2.",
            [("ecog", "<=", 2, "points")],
        ),
        ("ECOG score ≤ 2 points;", [("ecog", "<=", 2, "points")]),
        ("ECOG performance status 0-1", [("ecog", "<=", 1, "points")]),
        ("ECOG 0 or 1", [("ecog", "<=", 1, "points")]),
        ("Karnofsky performance status ≥ 70%", [("karnofsky", ">=", 70, "%")]),
        ("body weight ≥ 10 kg", [("body_weight", ">=", 10, "kg")]),
        ("Body weight at least 40 kg", [("body_weight", ">=", 40, "kg")]),
        ("Hemoglobin no less than 80 g/L", [("hemoglobin", ">=", 80, "g/L")]),
        ("Platelets not less than 100×10^9/L", [("platelets", ">=", 100, "10^9/L")]),
        ("Total bilirubin no more than 2 × ULN", [("total_bilirubin", "<=", 2, "xULN")]),
        ("total bilirubin less than 1.5 ULN", [("total_bilirubin", "<", 1.5, "xULN")]),
        ("LVEF greater than 50%", [("lvef", ">", 50, "%")]),
        ("SLEDAI-2K score =8", [("sledai_2k", ">=", 8, "points")]),
        ("SLEDAI-2K score ?8", [("sledai_2k", ">=", 8, "points")]),
        ("ALT ?2.5 ULN", [("alt", "<=", 2.5, "xULN")]),
        (
            "Age ? 18 years and = 70 years",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        ("Age ≥ 18 years and = 70 years", [("age", ">=", 18, "years"), ("age", "<=", 70, "years")]),
        ("Adults 18 years or older with myositis", [("age", ">=", 18, "years")]),
        ("Adults 18–65", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        (
            "CK > 1000 U/L or MMT-8 < 136",
            [("creatine_kinase", ">", 1000, "U/L"), ("mmt8", "<", 136, "points")],
        ),
        ("Creatine kinase ≥ 4 × ULN", [("creatine_kinase", ">=", 4, "xULN")]),
        (
            "Platelets ≥ 50 and ≤ 400 × 10^9/L",
            [("platelets", ">=", 50, "10^9/L"), ("platelets", "<=", 400, "10^9/L")],
        ),
        ("INR ≤ 1.5 × ULN", [("inr", "<=", 1.5, "xULN")]),
        ("WBC ≥ 3.0×10^9/L", [("wbc", ">=", 3.0, "10^9/L")]),
        (
            "Creatinine clearance of 60 mL/min or more",
            [("creatinine_clearance", ">=", 60, "mL/min")],
        ),
        (
            "SELENA-SLEDAI score \\> 6 points; PGA ≥ 1 points; BILAG-2004 scores of at least 1 A",
            [("selena_sledai", ">", 6, "points"), ("pga", ">=", 1, "points")],
        ),
    ],
)
def test_find_thresholds(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "prednisone≥1mg/kg/d or other equivalent amount",
        "Still in moderate to severe disease activity despite ≥3M of high dose glucocorticoids",
        "CNS neurolupus requires intervention within 60 days",
        "or ≥Grade 2 GVHD within 2 weeks prior to screening",
        "Definition of skin progression: mRSS increase \\>10%;",
        "hepatitis B DNA \\>1000 copies/ml",
        "(mean pulmonary artery pressure on echocardiography \\>40 mmHg)",
        "(total score 63 points)",
        "FVC decreases by 10%, or FVC decreases by 5% and DLCO decreases by 15%",
        "the use of glucocorticoids (more than 1 mg/Kg/d) and cyclophosphamide",
        "Negative pregnancy test for female Subjects of childbearing age, agree to take",
        "women who are at least 2 years postmenopausal",
        "Diagnosed with SLE at least 24 weeks prior to screening",
        "low molecular weight heparin 40 mg",
        "Hemoglobin within normal range",
        "disease duration of 2 years and above",
        "Adults with SLE for ≥ 6 months",
        "CK-MB within normal limits",
        "Assent for participants younger than 18 years",  # whom a rule is for
        "CD19+ B lymphocyte count > 10 cells/µL",  # a subset's count, not the ALC
        "Adults, at least 6 months after the last rituximab dose",  # a wait, not an age
        "Parental consent if the patient is younger than 18 years",
        # Ages that say whom a rule is for: a split at one age, pregnancy, a table's row.
        "Lansky (age < 16 years) or Karnofsky (age ≥ 16 years) performance status",
        "Females of childbearing potential aged ≥ 12 years must have a negative pregnancy test",
        "Women of childbearing potential (aged 15-50 years) not willing to use contraception",
        "Age 1 to < 2 years: 0.6 mg/dL",
        "",
        None,
    ],
)
def test_find_thresholds_none(text):
    assert find_thresholds(text) == []


def test_spans_and_text_point_into_input():
    text = "4. Liver function: AST/ALT ≤ 2.5 × ULN; Age 5-18 years"
    found = find_thresholds(text)
    assert [t.concept for t in found] == ["ast", "alt", "age", "age"]
    for t in found:
        assert text[t.start : t.end] == t.text
    assert found[0].text == "AST/ALT ≤ 2.5 × ULN"
    assert found[1].text == "ALT ≤ 2.5 × ULN"
    start = text.index("Age")
    assert found[2] == Threshold(
        "age", ">=", 5.0, "years", start, len(text), "Age 5-18 years", 5.0, "years"
    )


def test_converted_values_keep_what_was_written():
    found = find_thresholds("Hemoglobin ≥ 9.5 g/dL and platelets ≥ 75,000/mm3")
    assert [(t.value, t.unit, t.stated_value, t.stated_unit) for t in found] == [
        (95.0, "g/L", 9.5, "g/dL"),
        (75.0, "10^9/L", 75000.0, "cells/uL"),
    ]


def test_values_are_contract_enums():
    text = (
        "Age 18-65 years; ECOG 0-2; LVEF ≥ 50%; eGFR ≥ 30 mL/min/1.73 m2; AST ≤ 3 ULN; "
        "Hb ≥ 80 g/L; ANA ≥ 1:80; FVC ≥ 50% predicted; life expectancy ≥ 3 months"
    )
    found = find_thresholds(text)
    assert len(found) == 10
    assert {t.operator for t in found} <= set(schemas.OPERATORS)
    assert {t.unit for t in found} <= set(schemas.THRESHOLD_UNITS)


def test_long_input_is_linear():
    text = "AST and " * 100_000 + "age ≥ 18 years " * 50_000 + "(" * 100_000
    found = find_thresholds(text)
    assert found[-1].concept == "age"


# Cases written by the pipeline's lead against the same API (compared as sets).
LEAD_CASES = [
    (
        "Age:5-18 years old(including threshold);",
        {("age", ">=", 5, "years"), ("age", "<=", 18, "years")},
    ),
    ("Aged 18-65 years old;", {("age", ">=", 18, "years"), ("age", "<=", 65, "years")}),
    ("Age range from 18 to 70 years old", {("age", ">=", 18, "years"), ("age", "<=", 70, "years")}),
    ("aged 18 years or older", {("age", ">=", 18, "years")}),
    ("SLEDAI 2K score≥8 points;", {("sledai_2k", ">=", 8, "points")}),
    ("SLEDAI-2000 score >= 8", {("sledai_2k", ">=", 8, "points")}),
    ("SELENA-SLEDAI score > 6 points", {("selena_sledai", ">", 6, "points")}),
    ("PGA ≥ 1 points", {("pga", ">=", 1, "points")}),
    ("BVAS ≥15 points (total score 63 points)", {("bvas", ">=", 15, "points")}),
    ("ECOG score ≤ 2 points", {("ecog", "<=", 2, "points")}),
    ("Eastern Cooperative Oncology Group (ECOG) status 0-1.", {("ecog", "<=", 1, "points")}),
    ("Expected survival period is at least 12 weeks", {("life_expectancy", ">=", 12, "weeks")}),
    ("Left ventricular ejection fraction (LVEF) ≥55%", {("lvef", ">=", 55, "%")}),
    ("eGFR≥30ML/min/1.73m2", {("egfr", ">=", 30, "mL/min/1.73m2")}),
    ("eGFR ≥30 ml/(min.1.73m2)", {("egfr", ">=", 30, "mL/min/1.73m2")}),
    ("eGFR ? 30 mL/min/1.73 m²", {("egfr", ">=", 30, "mL/min/1.73m2")}),
    ("AST and ALT ≤3.0 ULN", {("ast", "<=", 3, "xULN"), ("alt", "<=", 3, "xULN")}),
    (
        "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤2.5×ULN",
        {("ast", "<=", 2.5, "xULN"), ("alt", "<=", 2.5, "xULN")},
    ),
    ("Total Bilirubin (TBIL) in serum ≤2.0×ULN", {("total_bilirubin", "<=", 2, "xULN")}),
    (
        "bilirubin no more than 1.5 times the upper limit of normal",
        {("total_bilirubin", "<=", 1.5, "xULN")},
    ),
    (
        "Creatinine <1.5×ULN and creatinine clearance ≥60 mL/min",
        {("creatinine", "<", 1.5, "xULN"), ("creatinine_clearance", ">=", 60, "mL/min")},
    ),
    ("Absolute neutrophil count ≥1.0×10^9/L", {("anc", ">=", 1.0, "10^9/L")}),
    ("Platelets ≥50×10^9/L", {("platelets", ">=", 50, "10^9/L")}),
    ("Hemoglobin ≥60 g/L (no transfusion within 14 days)", {("hemoglobin", ">=", 60, "g/L")}),
    ("Anti-nuclear antibody (ANA) ≥1:80", {("ana_titer", ">=", 80, "dilution")}),
    ("FVC <45% predicted value", {("fvc", "<", 45, "% predicted")}),
    ("oxygen saturation >92% on room air", {("spo2", ">", 92, "%")}),
    ("body weight ≥ 10 kg", {("body_weight", ">=", 10, "kg")}),
]
LEAD_NEGATIVES = [
    "prednisone≥1mg/kg/d or equivalent",
    "despite ≥3M of high dose glucocorticoids",
    "≥Grade 2 GVHD within 2 weeks",
    "mRSS increase >10%",
    "hepatitis B DNA >1000 copies/ml",
    "mean pulmonary artery pressure >40 mmHg",
    "FVC decreases by 10%",
    "BILAG-2004 scores of at least 1 A or 2 B",
    "",
]


@pytest.mark.parametrize(("text", "expected"), LEAD_CASES)
def test_find_thresholds_as_sets(text, expected):
    assert {(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)} == expected


@pytest.mark.parametrize("text", LEAD_NEGATIVES)
def test_not_a_threshold(text):
    assert find_thresholds(text) == []


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        ("Renal function: eGFR ≥ 30 mL/min/1.73m2 (Schwartz)", "eGFR ≥ 30 mL/min/1.73m2"),
        ("eGFR ≥30 ml/(min.1.73m2) (Schwartz formula)", "eGFR ≥30 ml/(min.1.73m2)"),
        ("SLEDAI 2K score≥8 points; 4. The", "SLEDAI 2K score≥8 points"),
        ("ECOG score ≤ 2 points;", "ECOG score ≤ 2 points"),
    ],
)
def test_span_covers_the_condition(text, span_text):
    (found,) = find_thresholds(text)
    assert text[found.start : found.end] == found.text == span_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("body mass index ≤ 35 kg/m2", [("bmi", "<=", 35, "kg/m2")]),
        ("BMI < 40", [("bmi", "<", 40, "kg/m2")]),
        ("FEV1 ≥ 50%", [("fev1", ">=", 50, "% predicted")]),
        ("QTcF ≤ 470 ms", [("qtc", "<=", 470, "ms")]),
        ("QTc interval > 480 msec", [("qtc", ">", 480, "ms")]),
        ("INR ≤ 1.5", [("inr", "<=", 1.5, "ratio")]),
        ("INR ≤ 1.5 × ULN", [("inr", "<=", 1.5, "xULN")]),
    ],
)
def test_more_safety_concepts(text: str, expected: list[tuple[str, str, float, str]]) -> None:
    assert _found(text) == expected


def _found(text: str) -> list[tuple[str, str, float, str | None]]:
    return [(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A score out of its scale's top, and counts per nanolitre (German labs).
        ("Manual muscle testing (MMT-8) score ≤ 136/150", [("mmt8", "<=", 136, "points")]),
        ("SLEDAI-2K ≥ 6/105", [("sledai_2k", ">=", 6, "points")]),
        ("Platelets ≥ 75/nL", [("platelets", ">=", 75, "10^9/L")]),
        ("Leukocytes ≥ 3 Gpt/l", [("wbc", ">=", 3, "10^9/L")]),
        ("年龄≥18周岁", [("age", ">=", 18, "years")]),  # full years of age, not weeks
        (
            "谷丙转氨酶和谷草转氨酶≤2.5倍ULN",
            [("alt", "<=", 2.5, "xULN"), ("ast", "<=", 2.5, "xULN")],
        ),
        # The slash still parts a unit's terms.
        ("eGFR ≥ 30 mL/min/1.73m2", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        # Protocols and machine-translated pages.
        ("SLEDAI-2K total score ≥ 8", [("sledai_2k", ">=", 8, "points")]),
        ("BMI ≥ 40 kg/m2.", [("bmi", ">=", 40, "kg/m2")]),  # the item's full stop
        ("ALT > 2.5 times of upper normal limit", [("alt", ">", 2.5, "xULN")]),
        ("ALT ≤ 2.5-fold ULN", [("alt", "<=", 2.5, "xULN")]),
        ("ALT ≤ 3 times higher than the upper limit of normal", [("alt", "<=", 3, "xULN")]),
        ("ANC ≥ 1.5 × 10E9/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("platelets ≥ 100 × 10*9/L", [("platelets", ">=", 100, "10^9/L")]),
        ("eGFR ≥ 30 mL/min/1,73m2", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("eGFR ≥ 30 mL/min/1.73 m 2", [("egfr", ">=", 30, "mL/min/1.73m2")]),
        ("MMT-8 score ≤ 136 out of 150", [("mmt8", "<=", 136, "points")]),
        ("Age < 18 or > 75 years", [("age", "<", 18, "years"), ("age", ">", 75, "years")]),
        (
            "Aged 18 years or older and 70 years or younger",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        ("Age 18 years or older and able to consent", [("age", ">=", 18, "years")]),
        (
            "Weight less than 50 kg or over 120 kg",
            [("body_weight", "<", 50, "kg"), ("body_weight", ">", 120, "kg")],
        ),
    ],
)
def test_wordings_of_protocols_translations_and_labs(
    text: str, expected: list[tuple[str, str, float, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A second comparison about something else is no second bound.
        ("Age ≥ 18 years and ≥ 6 months from diagnosis", [("age", ">=", 18, "years")]),
        ("LVEF < 50% or > 10% decline from baseline", [("lvef", "<", 50, "%")]),
        # Bounds before "age", glyphs lost or "years old" written.
        ("18 ? age ? 65 years", [("age", ">=", 18, "years"), ("age", "<=", 65, "years")]),
        (
            "Age: 18 years old ≤ age ≤ 70 years old",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        # People, then their age in years with no "old".
        ("Participants ≥ 18 years at the time of consent", [("age", ">=", 18, "years")]),
        # Comparisons missing their "than" or "to".
        ("LVEF greater or equal to 50%", [("lvef", ">=", 50, "%")]),
        ("Hemoglobin equal or greater than 8.0 g/dL", [("hemoglobin", ">=", 80, "g/L")]),
        ("ALT less or equal to 3 x ULN", [("alt", "<=", 3, "xULN")]),
        # Concepts by other names or with a formula between.
        ("dsDNA antibodies ≥ 30 IU/mL", [("anti_dsdna", ">=", 30, "IU/mL")]),
        ("Pulse oximetry > 92% on room air", [("spo2", ">", 92, "%")]),
        (
            "eGFR calculated by the CKD-EPI formula ≥ 45 mL/min/1.73 m2",
            [("egfr", ">=", 45, "mL/min/1.73m2")],
        ),
        ("WBC ≥ 3 x 10*3/uL", [("wbc", ">=", 3, "10^9/L")]),
        (
            "aged 20 years or older and under 70 years",
            [("age", ">=", 20, "years"), ("age", "<", 70, "years")],
        ),
        # "of age" is the unit's words: read as the concept it hid the lower bound
        (
            "≥ 18 years of age and ≤ 70 years of age at the time of consent",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        (
            "Participants ≥ 18 years of age and < 65 years of age",
            [("age", ">=", 18, "years"), ("age", "<", 65, "years")],
        ),
        # ">/=" and "</=": US protocols' ASCII for the signs
        (
            "Age >/= 18 years and </= 70 years",
            [("age", ">=", 18, "years"), ("age", "<=", 70, "years")],
        ),
        ("SLEDAI-2K >/= 8", [("sledai_2k", ">=", 8, "points")]),
        ("AST </= 3 x ULN", [("ast", "<=", 3, "xULN")]),
        ("(c) SLEDAI-2K ≥ 8;", [("sledai_2k", ">=", 8, "points")]),
        # the NCI template's "/mcL"; counts per litre written otherwise
        ("Absolute neutrophil count ≥1,500/mcL", [("anc", ">=", 1.5, "10^9/L")]),
        ("Platelets ≥100,000/mcL", [("platelets", ">=", 100, "10^9/L")]),
        ("ANC ≥ 1.5 x 10(9)/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("Platelets ≥ 100 Giga/L", [("platelets", ">=", 100, "10^9/L")]),
        ("Neutrophils ≥ 1.5·10^9/L", [("anc", ">=", 1.5, "10^9/L")]),
        ("Platelets ≥ 100 x 10^9 per liter", [("platelets", ">=", 100, "10^9/L")]),
        # both ends with their unit, as ClinicalTrials.gov writes an age range
        (
            "Male or female, 18 Years to 65 Years",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        (
            "Patients 18 years of age to 65 years of age",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        (
            "18 years to 65 years of age, inclusive",
            [("age", ">=", 18, "years"), ("age", "<=", 65, "years")],
        ),
        # a span of time in the same words is no age
        ("Diagnosis of SLE for 1 year to 5 years", []),
    ],
)
def test_thresholds_written_otherwise(
    text: str, expected: list[tuple[str, str, float, str]]
) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages after the people they bound, with no "old" or "of age"
        ("Patients between 18 and 70 years, inclusive", [("age", ">=", 18.0), ("age", "<=", 70.0)]),
        ("Male or female patients, 18 to 65 years", [("age", ">=", 18.0), ("age", "<=", 65.0)]),
        ("≥18 years at the time of consent", [("age", ">=", 18.0)]),
        ("Male or female over the age of 18 years", [("age", ">", 18.0)]),
        # whom a rule is for, or a span of time: no age
        ("Women under the age of 50 must use contraception", []),
        ("Patients 12-17 years must provide assent", []),
        ("patients 2-5 years after diagnosis", []),
        # other spellings of known concepts
        ("SLE Disease Activity Index 2000 score of ≥ 8", [("sledai_2k", ">=", 8.0)]),
        ("24-hour urine total protein (24h-UTP) ≥ 0.5 g", [("urine_protein_24h", ">=", 0.5)]),
        ("Urine protein quantification ≥ 0.5 g/24h", [("urine_protein_24h", ">=", 0.5)]),
        ("Spot urine protein/creatinine ≥ 0.5 g/g", [("upcr", ">=", 0.5)]),
        ("TLCO ≥ 40% predicted", [("dlco", ">=", 40.0)]),
        ("DLCO corrected for hemoglobin ≥ 40%", [("dlco", ">=", 40.0)]),
        ("Diffusion capacity ≥ 40% of predicted", [("dlco", ">=", 40.0)]),
        ("FVC% predicted ≥ 45%", [("fvc", ">=", 45.0)]),
        ("Thrombocytes ≥ 100 x 10^9/L", [("platelets", ">=", 100.0)]),
        ("Neutrophil granulocytes ≥ 1.5/nl", [("anc", ">=", 1.5)]),
        ("mRSS ≥ 15 units", [("mrss", ">=", 15.0)]),
        # glyphs and fractions
        ("ANA titer≥1∶80", [("ana_titer", ">=", 80.0)]),
        ("LVEF ≥ 0.50", [("lvef", ">=", 50.0)]),
    ],
)
def test_thresholds_in_other_spellings(text: str, expected: list) -> None:
    assert [(t.concept, t.operator, t.value) for t in find_thresholds(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # proteinuria is a day's protein or a ratio to creatinine, as its unit says
        ("Proteinuria ≥ 0.5 g/g", [("upcr", ">=", 0.5, "g/g")]),
        ("Proteinuria ≥ 0.5 g/24h", [("urine_protein_24h", ">=", 0.5, "g/24h")]),
        ("Proteinuria > 50 mg/mmol", [("upcr", ">", 0.442008, "g/g")]),
        # units whose scale depends on the concept
        ("Hemoglobin ≥ 5.0 mmol/L", [("hemoglobin", ">=", 80.57, "g/L")]),
        ("IgG ≥ 500 mg/dL", [("igg", ">=", 5.0, "g/L")]),
        ("Creatinine ≤ 1.5 mg/dL", [("creatinine", "<=", 1.5, "mg/dL")]),
        ("anti-dsDNA ≥ 30 U/mL", [("anti_dsdna", ">=", 30.0, "IU/mL")]),
        # a concept with no molar unit keeps no threshold in one
        ("Potassium ≥ 3.5 mmol/L", []),
    ],
)
def test_units_that_name_the_concept_or_its_scale(text: str, expected: list) -> None:
    assert [
        (t.concept, t.operator, round(t.value, 6), t.unit) for t in find_thresholds(text)
    ] == expected
