"""Eligibility criteria with numeric conditions, each written in several ways.

A template states its thresholds exactly once, so the gold rows of a criterion are
known: ``(concept, operator, value, unit)`` in the contract's vocabulary. Operators
are drawn from the glyphs and words sites use, escaped as markdown scrapes do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Threshold = tuple[str, str, float, str]  # concept, operator, value, unit

_OPERATORS = {
    ">=": ("≥", "≥ ", ">= ", "\\>=", "at least ", "no less than "),
    "<=": ("≤", "≤ ", "<= ", "\\<=", "no more than "),
    ">": ("\\>", "> ", ">", "more than "),
    "<": ("\\<", "< ", "<", "less than "),
}
_X_ULN = (" × ULN", "×ULN", " x ULN", " × upper limit of normal (ULN)", "×upper limit of normal")
_PER_L = ("×10^9/L", " × 10^9/L", "×10\\^9/L", " x 10\\^9/L", "×10^9/L")
_EGFR_UNIT = (" mL/min/1.73 m2", " ml/min/1.73m²", "ML/min/1.73m2", " mL/min/1.73m^2")

# concept(s), operators allowed, values, unit written (a choice), unit in gold, phrasings
_INCLUSION: tuple[
    tuple[tuple[str, ...], str, tuple[float, ...], tuple[str, ...], str, tuple[str, ...]], ...
] = (
    (
        ("sledai_2k",),
        ">=",
        (6, 8, 10),
        (" points", "", " points"),
        "points",
        (
            "SLEDAI-2K score {op}{v}{u}",
            "SLEDAI-2K {op}{v}{u} at screening",
            "Systemic Lupus Erythematosus Disease Activity Index 2000 (SLEDAI-2K) score {op}{v}{u}",
        ),
    ),
    (
        ("selena_sledai",),
        ">",
        (4, 6),
        (" points", ""),
        "points",
        (
            "SELENA-SLEDAI score {op}{v}{u}",
            "Moderate to severe activity with SELENA-SLEDAI {op}{v}{u}",
        ),
    ),
    (
        ("bvas",),
        ">=",
        (15, 3),
        (" points",),
        "points",
        ("Birmingham Vasculitis Activity Score (BVAS) {op}{v}{u}", "BVAS version 3 {op}{v}{u}"),
    ),
    (
        ("ecog",),
        "<=",
        (1, 2),
        (" points", ""),
        "points",
        ("ECOG performance status {op}{v}{u}", "ECOG score {op}{v}{u}"),
    ),
    (
        ("life_expectancy",),
        ">=",
        (12, 24),
        (" weeks",),
        "weeks",
        ("Expected survival period {op}{v}{u}", "Life expectancy {op}{v}{u}"),
    ),
    (
        ("lvef",),
        ">=",
        (45, 50, 55),
        ("%",),
        "%",
        (
            "Left ventricular ejection fraction (LVEF) {op}{v}{u}",
            "LVEF {op}{v}{u} by echocardiography",
            "Cardiac function: ejection fraction {op}{v}{u} with no pericardial effusion",
        ),
    ),
    (
        ("egfr",),
        ">=",
        (30, 45, 60),
        _EGFR_UNIT,
        "mL/min/1.73m2",
        (
            "eGFR {op}{v}{u}",
            "Estimated glomerular filtration rate (eGFR) {op}{v}{u}",
            "Renal function: eGFR {op}{v}{u}",
        ),
    ),
    (
        ("creatinine_clearance",),
        ">=",
        (40, 60),
        (" mL/min", " ml/min"),
        "mL/min",
        ("Creatinine clearance {op}{v}{u}", "Endogenous creatinine clearance {op}{v}{u}"),
    ),
    (
        ("ast", "alt"),
        "<=",
        (2, 2.5, 3),
        _X_ULN,
        "xULN",
        (
            "AST and ALT {op}{v}{u}",
            "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) {op}{v}{u}",
        ),
    ),
    (
        ("total_bilirubin",),
        "<=",
        (1.5, 2),
        _X_ULN,
        "xULN",
        ("Total bilirubin {op}{v}{u}", "Serum total bilirubin {op}{v}{u}"),
    ),
    (
        ("anc",),
        ">=",
        (1.0, 1.5),
        _PER_L,
        "10^9/L",
        ("Absolute neutrophil count (ANC) {op}{v}{u}", "Neutrophils {op}{v}{u}"),
    ),
    (
        ("platelets",),
        ">=",
        (50, 75, 100),
        _PER_L,
        "10^9/L",
        ("Platelets {op}{v}{u}", "Platelet count {op}{v}{u} without transfusion support"),
    ),
    (
        ("hemoglobin",),
        ">=",
        (60, 80, 90),
        (" g/L", "g/L"),
        "g/L",
        ("Hemoglobin {op}{v}{u}", "Haemoglobin {op}{v}{u} without red blood cell transfusion"),
    ),
    (
        ("spo2",),
        ">=",
        (92, 94, 95),
        ("%",),
        "%",
        ("SpO2 {op}{v}{u} on room air", "Baseline oxygen saturation {op}{v}{u}"),
    ),
    (
        ("ana_titer",),
        ">=",
        (80, 160),
        ("",),
        "dilution",
        ("Antinuclear antibody (ANA) titer {op}1:{v}", "ANA {op}1:{v} at screening"),
    ),
    (("body_weight",), ">=", (30, 40), (" kg",), "kg", ("Body weight {op}{v}{u}",)),
)
_EXCLUSION = (
    (
        ("egfr",),
        "<",
        (15, 30),
        _EGFR_UNIT,
        "mL/min/1.73m2",
        (
            "eGFR {op}{v}{u} or receiving dialysis",
            "Estimated glomerular filtration rate {op}{v}{u}",
        ),
    ),
    (("lvef",), "<", (45, 50), ("%",), "%", ("LVEF {op}{v}{u}", "Ejection fraction {op}{v}{u}")),
    (("alt",), ">", (3, 5), _X_ULN, "xULN", ("ALT {op}{v}{u}",)),
    (("platelets",), "<", (30, 50), _PER_L, "10^9/L", ("Platelets {op}{v}{u}",)),
    (
        ("fvc",),
        "<",
        (45, 50),
        ("% predicted value", "% predicted"),
        "% predicted",
        ("FVC {op}{v}{u}", "Forced vital capacity (FVC) {op}{v}{u}"),
    ),
    (
        ("dlco",),
        "<",
        (40,),
        ("% predicted value", "% predicted"),
        "% predicted",
        ("DLCO {op}{v}{u}",),
    ),
    (("total_bilirubin",), ">", (2, 3), _X_ULN, "xULN", ("Total bilirubin {op}{v}{u}",)),
)


@dataclass(frozen=True)
class Criterion:
    """One criterion as written and the thresholds it states."""

    text: str
    thresholds: tuple[Threshold, ...]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and value >= 2 else str(value)


def _render(rng: random.Random, entry: tuple) -> Criterion:
    concepts, op, values, units, gold_unit, phrasings = entry
    value = rng.choice(values)
    text = rng.choice(phrasings).format(
        op=rng.choice(_OPERATORS[op]), v=_number(value), u=rng.choice(units)
    )
    return Criterion(text, tuple((c, op, float(value), gold_unit) for c in concepts))


def age_criterion(rng: random.Random, low: int, high: int | None) -> Criterion:
    """The age criterion, consistent with the page's age fields."""
    if high is None:
        form = rng.choice(
            ("Aged {op}{lo} years", "Age {lo} years or older", "Age {op}{lo} years old")
        )
        text = form.format(op=rng.choice(_OPERATORS[">="]), lo=low)
        return Criterion(text, (("age", ">=", float(low), "years"),))
    form = rng.choice(
        (
            "Age {lo}-{hi} years old (including boundary values)",
            "Aged {lo} to {hi} years, regardless of gender",
            "Age range from {lo} to {hi} years old",
            "{lo} to {hi} years of age at the time of signing informed consent",
            "Age:{lo}-{hi} years old",
        )
    )
    text = form.format(lo=low, hi=high)
    return Criterion(
        text, (("age", ">=", float(low), "years"), ("age", "<=", float(high), "years"))
    )


def draw_criteria(rng: random.Random, kind: str, fillers: tuple[str, ...]) -> list[Criterion]:
    """A shuffled mix of threshold criteria and fillers; each concept appears at most once."""
    bank = _INCLUSION if kind == "INCLUSION" else _EXCLUSION
    count = rng.randint(2, 7) if kind == "INCLUSION" else rng.randint(0, 3)
    picked = rng.sample(bank, min(count, len(bank)))
    seen: set[str] = set()
    out = []
    for entry in picked:
        if seen.isdisjoint(entry[0]):
            seen.update(entry[0])
            out.append(_render(rng, entry))
    out += [Criterion(t, ()) for t in rng.sample(fillers, rng.randint(2, min(8, len(fillers))))]
    rng.shuffle(out)
    return out
