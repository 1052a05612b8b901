"""Eligibility measurement concepts: spellings, the units each accepts, defaults.

Order matters: the longer, more specific concept is tried first
("creatinine clearance" before "creatinine", "SELENA-SLEDAI" before
"SLEDAI"). A unit outside a concept's set means the number was something
else (a dose, a duration), so no threshold is read.
"""

from __future__ import annotations

import re

_SCORE = frozenset({"points"})
_CONCEPTS: list[tuple[str, str, frozenset[str]]] = [
    ("selena_sledai", r"SELENA[\s-]*SLEDAI(?:[\s-]*(?:2K|2000))?", _SCORE),
    ("sledai_2k", r"SLEDAI(?:[\s-]*(?:2K|2000))?", _SCORE),
    ("bilag", r"BILAG(?:[\s-]*20\d\d)?", _SCORE),
    ("bvas", r"BVAS|Birmingham Vasculitis Activity Score", _SCORE),
    ("pga", r"PGA|physician'?s? global assessment", _SCORE),
    ("ecog", r"ECOG(?:\s+performance\s+status)?|Eastern Cooperative Oncology Group", _SCORE),
    (
        "karnofsky",
        r"Karnofsky(?:\s+performance\s+(?:status|score))?|KPS",
        frozenset({"%", "points"}),
    ),
    (
        "life_expectancy",
        r"life expectancy|expected survival(?: period| time)?|estimated survival",
        frozenset({"weeks", "months", "years"}),
    ),
    (
        "lvef",
        r"left ventricular ejection fraction|LVEF|(?:cardiac )?ejection fraction",
        frozenset({"%"}),
    ),
    (
        "creatinine_clearance",
        r"creatinine clearance|CrCl|CCr",
        frozenset({"mL/min", "mL/min/1.73m2"}),
    ),
    (
        "egfr",
        r"eGFR|estimated glomerular filtration rate|glomerular filtration rate|GFR",
        frozenset({"mL/min/1.73m2", "mL/min"}),
    ),
    ("creatinine", r"(?:serum )?creatinine|\bCr\b|SCr", frozenset({"xULN", "mg/dL", "umol/L"})),
    (
        "total_bilirubin",
        r"(?:serum )?total bilirubin|TBIL|T-?BIL|bilirubin",
        frozenset({"xULN", "mg/dL", "umol/L"}),
    ),
    ("ast", r"aspartate (?:amino)?transferase|\bAST\b|SGOT", frozenset({"xULN"})),
    ("alt", r"alanine (?:amino)?transferase|\bALT\b|SGPT", frozenset({"xULN"})),
    ("spo2", r"SpO2|SaO2|(?:blood |baseline |peripheral )?oxygen saturation", frozenset({"%"})),
    ("anc", r"absolute neutrophil count|ANC|neutrophils?(?: count)?", frozenset({"10^9/L"})),
    ("alc", r"absolute lymphocyte(?:s| count)?|ALC|lymphocyte count", frozenset({"10^9/L"})),
    ("platelets", r"platelets?(?: count)?|PLT", frozenset({"10^9/L"})),
    ("hemoglobin", r"ha?emoglobin|Hb|HGB", frozenset({"g/L", "g/dL"})),
    (
        "ana_titer",
        r"anti-?nuclear antibod(?:y|ies)|ANA(?:\s+titer|\s+titre)?",
        frozenset({"dilution"}),
    ),
    ("anti_dsdna", r"anti-?ds-?DNA(?: antibod(?:y|ies))?", frozenset({"IU/mL"})),
    (
        "upcr",
        r"UPCR|urine protein[\s-]*(?:to[\s-]*)?creatinine ratio",
        frozenset({"mg/g", "g/g", "mg/mmol"}),
    ),
    ("fvc", r"FVC|forced vital capacity", frozenset({"% predicted", "%"})),
    (
        "dlco",
        r"DLCO|diffusing capacity(?: of the lungs? for carbon monoxide)?",
        frozenset({"% predicted", "%"}),
    ),
    ("body_weight", r"body weight|weight", frozenset({"kg"})),
    ("age", r"ages?d?|years of age", frozenset({"years", "months"})),
]

CONCEPT_PATTERN = re.compile(
    "|".join(rf"(?P<{name}>(?<![\w-])(?:{pattern})(?![\w]))" for name, pattern, _ in _CONCEPTS),
    re.IGNORECASE,
)
CONCEPT_UNITS = {name: units for name, _, units in _CONCEPTS}
DEFAULT_UNIT = {
    "selena_sledai": "points",
    "sledai_2k": "points",
    "bilag": "points",
    "bvas": "points",
    "pga": "points",
    "ecog": "points",
    "karnofsky": "%",
    "age": "years",
    "ana_titer": "dilution",
    "lvef": "%",
    "spo2": "%",
}
# Which way a comparison whose glyph was lost ("eGFR ? 30") most likely pointed.
LOST_GLYPH_DIRECTION = {
    "ast": "<=",
    "alt": "<=",
    "total_bilirubin": "<=",
    "creatinine": "<=",
    "ecog": "<=",
    "upcr": "<=",
}


def concept_of(match: re.Match[str]) -> str:
    return match.lastgroup or ""
