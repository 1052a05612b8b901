"""Thresholds in one criterion: concepts, shared operators, ranges, lost glyphs, negatives."""

from __future__ import annotations

import pytest

from transforms.values.thresholds import find_thresholds

CASES = [
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
NEGATIVES = [
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


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_thresholds(text: str, expected: set[tuple[str, str, float, str]]) -> None:
    got = {(t.concept, t.operator, t.value, t.unit) for t in find_thresholds(text)}
    assert got == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_threshold(text: str) -> None:
    assert find_thresholds(text) == []


def test_span_covers_the_condition() -> None:
    text = "Renal function: eGFR ≥ 30 mL/min/1.73m2 (Schwartz)"
    (found,) = find_thresholds(text)
    assert text[found.start : found.end] == found.text == "eGFR ≥ 30 mL/min/1.73m2"
