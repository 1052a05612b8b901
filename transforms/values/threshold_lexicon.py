"""Concept lexicon for eligibility thresholds: many spellings -> one concept.

Entries are tried in order at each position, so a longer or more specific
spelling is listed before a shorter one that starts the same way ("creatinine
clearance" before "creatinine", "SELENA-SLEDAI" before "SLEDAI"). Short
acronyms are case-sensitive (``(?-i:...)``) so "alt"/"ana" in ordinary words
and "HBsAg" do not match. A spelling may name two concepts ("transaminases").
"""

from __future__ import annotations

import re

_LEXICON: list[tuple[str, tuple[str, ...]]] = [
    (
        r"(?:serum\s+|endogenous\s+)?creatinine\s+clearance(?:\s+rate)?|(?-i:CrCl|CCr|CLcr|Ccr)"
        r"|肌酐清除率",
        ("creatinine_clearance",),
    ),
    (
        r"(?:urin(?:e|ary)\s+|spot\s+(?:urine\s+)?)?protein[\s\-/:]*(?:to[\s\-]*)?creatinine\s+ratio"
        r"|(?-i:UPCR|uPCR)|urin(?:e|ary)\s+(?-i:PCR)"  # "Urine PCR ≥ 50 mg/mmol"
        r"|(?:urin(?:e|ary)\s+|spot\s+(?:urine\s+)?)protein\s*/\s*creatinine"  # no "ratio"
        r"|尿蛋白[/与]?肌酐比值?",
        ("upcr",),
    ),
    (
        r"24[\s\-]*h(?:(?:ou)?rs?)?\s+urin(?:e|ary)\s+(?:total\s+)?protein"
        r"(?:\s+(?:quantification|excretion))?(?:\s*\((?-i:24\s*h[\s\-]*UTP)\))?"
        r"|(?-i:24\s*h[\s\-]*UTP)"  # Chinese registries' "24-hour urine total protein (24h-UTP)"
        r"|24\s*(?:小时|h)尿蛋白(?:定量)?",
        ("urine_protein_24h",),
    ),
    (  # a day's protein or a ratio to creatinine, as its unit says: "Proteinuria ≥ 0.5 g/g"
        r"(?:urin(?:e|ary)\s+)?protein\s+excretion|proteinuria"
        r"|urin(?:e|ary)\s+protein(?!\s*(?:[/:\-]|to\b)\s*creatinine)(?:\s+quantification)?",
        ("urine_protein_24h", "upcr"),
    ),
    (
        r"(?:estimated\s+)?glomerular\s+filtration\s+rate|(?-i:e?GFR|EGFR)|(?:估算的?)?肾小球滤过率"
        # a patient page's words; its unit (mL/min/1.73 m²) is a filtration rate's alone
        r"|(?:kidney|renal)\s+function(?=\s+(?:is\s+)?(?:of\s+|below\s+|above\s+|under\s+|at\s+least\s+"
        r"|[<>≤≥]))",
        ("egfr",),
    ),
    (r"(?:serum\s+)?creatinine|(?-i:S?Cr|sCr)|血清?肌酐|肌酐", ("creatinine",)),
    (r"(?:direct|conjugated)\s+bilirubin|(?-i:DBIL|DBil)|直接胆红素", ("direct_bilirubin",)),
    (
        r"(?:serum\s+)?total\s+bilirubin|(?-i:TBIL|TBil|T-BIL|T-Bil)|(?:serum\s+)?bilirubin"
        r"|总胆红素|胆红素",
        ("total_bilirubin",),
    ),
    (
        r"aspartate\s+(?:amino)?transferase|aspartate\s+transaminase|(?-i:AST|SGOT|ASAT|GOT)"
        r"|谷草转氨酶|天门?冬氨酸氨基转移酶",
        ("ast",),
    ),
    (
        r"alanine\s+(?:amino)?transferase|alanine\s+transaminase|(?-i:ALT|SGPT|ALAT|GPT)"
        r"|谷丙转氨酶|丙氨酸氨基转移酶",
        ("alt",),
    ),
    (r"(?:serum\s+)?(?:transaminases|aminotransferases)", ("ast", "alt")),
    (
        r"left\s+ventricular\s+ejection\s+fraction|(?:cardiac\s+)?ejection\s+fraction|(?-i:LVEF)"
        r"|左心?室射血分数|射血分数",
        ("lvef",),
    ),
    (
        r"(?:blood\s+|peripheral\s+|arterial\s+|baseline\s+)?oxygen\s+saturation"
        r"|(?-i:SpO2|SPO2|SpO₂|SaO2)|O2\s+saturation|pulse\s+oximetry|血氧饱和度"
        r"|(?:blood\s+)?oxygen\s+levels?",  # a finder's plain words
        ("spo2",),
    ),
    (
        r"(?:absolute\s+)?neutrophils?(?:\s+granulocytes?)?(?:\s+count)?|(?-i:ANC|NEUT#?)"
        r"|中性粒细胞(?:绝对)?(?:计数|值)?",
        ("anc",),
    ),
    (
        # Not a subset's count: "CD19+ B lymphocyte count", "T lymphocytes".
        r"(?<![BT]\s)(?<![BT]-)(?:absolute\s+)?lymphocytes?(?:\s+count)?|(?-i:ALC|LYM#?)"
        r"|淋巴细胞(?:绝对)?(?:计数|值)?",
        ("alc",),
    ),
    (
        r"white\s+blood\s+cells?(?:\s+count)?|leukocytes?(?:\s+count)?|(?-i:WBC)|白细胞(?:计数)?",
        ("wbc",),
    ),
    (r"ha?emoglobin|(?-i:Hb|HGB|Hgb|HB)|血红蛋白", ("hemoglobin",)),
    (r"(?:platelets?|thrombocytes?)(?:\s+count)?|(?-i:PLT|Plt)|血小板(?:计数)?", ("platelets",)),
    (
        r"(?-i:CD4)\+?(?:\s*(?:\+\s*)?(?:T[\s\-]*)?(?:cells?|lymphocytes?))?(?:\s+count)?",
        ("cd4_count",),
    ),
    (
        r"(?:anti[\s\-]*)?(?:ds[\s\-]*DNA|double[\s\-]stranded\s+DNA)(?:\s+antibod(?:y|ies))?"
        r"|抗(?:双链|ds)DNA抗体",
        ("anti_dsdna",),
    ),
    (r"anti[\s\-]*nuclear\s+antibod(?:y|ies)|(?-i:ANA)|抗核抗体", ("ana_titer",)),
    (r"SELENA[\s\-]*SLEDAI(?:[\s\-]*2K)?", ("selena_sledai",)),
    (
        r"SLEDAI(?:[\s\-]*(?:2K|2000))?"
        r"|(?:systemic\s+lupus\s+erythematosus|(?-i:SLE))\s+disease\s+activity\s+index"
        r"(?:[\s\-]*(?:2K|2000))?",
        ("sledai_2k",),
    ),
    (
        r"(?-i:BILAG)(?:[\s\-]*20\d\d)?|British\s+Isl\w*\s+Lupus\s+Assessment\s+Group(?:\s+index)?",
        ("bilag",),
    ),
    (r"(?-i:PGA|PhGA)|physician'?s?\s+global\s+assessment", ("pga",)),
    (
        r"(?:Birmingham\s+Vasculitis\s+Activity\s+Score|(?-i:BVAS))"
        r"(?:\s*(?:v\.?\s*3(?:\.0)?|version\s*3(?:\.0)?)|\s*/\s*(?-i:WG)"  # BVAS v.3, BVAS/WG
        r"|[\s\-]+for\s+Wegener'?s)?",
        ("bvas",),
    ),
    (
        r"Eastern\s+[A-Za-z]+\s+[A-Za-z]+\s+Group|(?-i:ECOG)(?:\s*(?:PS|performance\s+status))?",
        ("ecog",),
    ),
    (r"Karnofsky(?:\s+performance\s+(?:status|score))?|(?-i:KPS)", ("karnofsky",)),
    (
        r"life\s+expectancy|(?:expected|estimated|predicted)\s+(?:survival|lifespan|life\s+span)"
        r"(?:\s+(?:period|time))?|survival\s+expectancy|预计生存期|预期(?:生存期|寿命)",
        ("life_expectancy",),
    ),
    (r"body\s+mass\s+index|(?-i:BMI)", ("bmi",)),
    (r"(?:body\s*)?weight|weigh(?:s|ing)?\b|(?-i:BW)|体重", ("body_weight",)),
    (  # "FVC% ≥ 50%": the percent sign glued to the name
        r"(?:forced\s+vital\s+capacity|(?-i:FVC))(?:\s*%\s*(?:of\s+)?predicted|%)?",
        ("fvc",),
    ),
    (
        r"forced\s+expiratory\s+volume\s+in\s+(?:1|one)\s+second|(?-i:FEV1|FEV₁)",
        ("fev1",),
    ),
    (r"(?:corrected\s+QT|(?-i:QTc[FB]?|QT))(?:\s+interval)?", ("qtc",)),
    (
        r"(?:diffusi(?:ng|on)\s+capacity(?:\s+of\s+the\s+lungs?)?(?:\s+for\s+carbon\s+monoxide)?"
        r"|(?-i:DLCO|DLco|DLCo|TLCO|TLco))"  # TLCO: the EU's "transfer factor"
        r"(?:\s+corrected\s+for\s+ha?emoglobin|%)?",
        ("dlco",),
    ),
    (r"international\s+normali[sz]ed\s+ratio|(?-i:INR)", ("inr",)),
    # Disease scores and labs of the other autoimmune indications (MG, MS, SSc, RA).
    (r"(?:serum\s+)?(?:immunoglobulin\s+G|(?-i:IgG))(?:\s+levels?)?", ("igg",)),
    (
        r"(?-i:MG)[\s\-]*(?-i:ADL)(?:\s+total)?(?:\s+score)?"
        r"|myasthenia\s+gravis\s+activities\s+of\s+daily\s+living(?:\s+score)?",
        ("mg_adl",),
    ),
    (r"(?-i:QMG)(?:\s+total)?(?:\s+score)?|quantitative\s+myasthenia\s+gravis\s+score", ("qmg",)),
    (r"(?-i:EDSS)(?:\s+score)?|expanded\s+disability\s+status\s+scale(?:\s+score)?", ("edss",)),
    (
        r"(?-i:CDASI)(?:\s*[-–]?\s*(?:activity|A))?(?:\s+score)?"
        r"|cutaneous\s+dermatomyositis\s+disease\s+area\s+and\s+severity\s+index",
        ("cdasi",),
    ),
    (
        r"(?-i:mRSS|MRSS)(?:\s+score)?|modified\s+Rodnan\s+skin\s+(?:thickness\s+)?score",
        ("mrss",),
    ),
    (r"(?-i:DAS)[\s\-]*28(?:[\s\-]*(?:CRP|ESR))?(?:\s+score)?", ("das28",)),
    (
        r"creatine\s+(?:phospho)?kinase|(?-i:CK|CPK)(?:\s+levels?)?",
        ("creatine_kinase",),
    ),
    (r"(?-i:MMT)[\s\-]*8(?:\s+score)?|manual\s+muscle\s+testing(?:[\s\-]*8)?", ("mmt8",)),
    (r"ages?|aged|adults?(?:\s+aged)?|年龄", ("age",)),  # "Adults 18–65"
]

CONCEPT_PATTERN = re.compile(
    # The lookahead lets the engine skip non-word starts cheaply on very long texts.
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9\u4e00-\u9fff])(?:"
    + "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(_LEXICON))
    # A word may follow glued where a line break was lost: "SLEDAI-2Kscore", "Plateletcount".
    + r")(?:(?![A-Za-z])|(?=(?:score|count|levels?|values?|tit(?:er|re))(?![a-z])))",
    re.IGNORECASE,
)

_TIME = frozenset({"years", "months", "weeks", "days"})
_SCORE = frozenset({"points"})
_CELLS = frozenset({"10^9/L", "cells/uL"})
_CHEMISTRY = frozenset({"xULN", "mg/dL", "umol/L"})

# Units a concept may be measured in; a number in any other unit is not its threshold.
CONCEPT_UNITS: dict[str, frozenset[str]] = {
    "age": _TIME,
    "body_weight": frozenset({"kg"}),
    "sledai_2k": _SCORE,
    "selena_sledai": _SCORE,
    "bilag": _SCORE,
    "pga": _SCORE,
    "bvas": _SCORE,
    "ecog": _SCORE,
    "karnofsky": frozenset({"%", "points"}),
    "life_expectancy": _TIME,
    "lvef": frozenset({"%"}),
    "spo2": frozenset({"%"}),
    "egfr": frozenset({"mL/min/1.73m2", "mL/min"}),
    "creatinine": _CHEMISTRY,
    "creatinine_clearance": frozenset({"mL/min", "mL/min/1.73m2"}),
    "ast": frozenset({"xULN"}),
    "alt": frozenset({"xULN"}),
    "total_bilirubin": _CHEMISTRY,
    "direct_bilirubin": _CHEMISTRY,
    "anc": _CELLS,
    "alc": _CELLS,
    "wbc": _CELLS,
    "platelets": _CELLS,
    "cd4_count": _CELLS,
    "hemoglobin": frozenset({"g/L", "g/dL", "mmol/L"}),
    "ana_titer": frozenset({"dilution"}),
    "anti_dsdna": frozenset({"IU/mL", "xULN"}),
    "upcr": frozenset({"mg/g", "g/g", "mg/mmol"}),
    "urine_protein_24h": frozenset({"g/24h", "mg/24h"}),
    "fvc": frozenset({"% predicted"}),
    "fev1": frozenset({"% predicted"}),
    "bmi": frozenset({"kg/m2"}),
    "qtc": frozenset({"ms"}),
    "dlco": frozenset({"% predicted"}),
    "inr": frozenset({"xULN", "ratio"}),
    "igg": frozenset({"mg/dL", "g/L"}),
    "mg_adl": _SCORE,
    "qmg": _SCORE,
    "edss": _SCORE,
    "mrss": _SCORE,
    "das28": _SCORE,
    "creatine_kinase": frozenset({"U/L", "xULN"}),
    "mmt8": _SCORE,
    "cdasi": _SCORE,
}

# Unit assumed when the text gives none: scores are points, ages years, and so on.
DEFAULT_UNIT: dict[str, str] = {
    "age": "years",
    "body_weight": "kg",
    "sledai_2k": "points",
    "selena_sledai": "points",
    "bilag": "points",
    "pga": "points",
    "bvas": "points",
    "ecog": "points",
    "karnofsky": "%",
    "lvef": "%",
    "spo2": "%",
    "egfr": "mL/min/1.73m2",
    "creatinine_clearance": "mL/min",
    "mg_adl": "points",
    "qmg": "points",
    "edss": "points",
    "mrss": "points",
    "das28": "points",
    "mmt8": "points",
    "cdasi": "points",
    "bmi": "kg/m2",
    "qtc": "ms",
    "inr": "ratio",  # "INR ≤ 1.5": a ratio already
    "ana_titer": "dilution",  # "ANA titer ≥ 80" is 1:80
    "fvc": "% predicted",  # lung function is stated against the predicted value
    "fev1": "% predicted",
    "dlco": "% predicted",
}

# FVC and DLCO are conventionally stated as a percentage of the predicted value; a
# day's urine protein as a bare mass.
UNIT_ALIASES: dict[tuple[str, str], str] = {
    ("fvc", "%"): "% predicted",
    ("dlco", "%"): "% predicted",
    ("fev1", "%"): "% predicted",
    ("urine_protein_24h", "g"): "g/24h",
    ("urine_protein_24h", "mg"): "mg/24h",
    ("anti_dsdna", "U/mL"): "IU/mL",  # assays' units, written with or without the "I"
}

# Units stated on another scale of a contract unit: (contract unit, multiplier, divisor).
# "Hb ≥ 9 g/dL" is hemoglobin ≥ 90 g/L and "ANC ≥ 1500/mm3" is ANC ≥ 1.5 × 10^9/L, so
# one query over a concept compares every trial; the mart keeps the stated pair too.
CONVERSIONS: dict[str, tuple[str, int, int]] = {
    "g/dL": ("g/L", 10, 1),
    "cells/uL": ("10^9/L", 1, 1000),
    "mg/24h": ("g/24h", 1, 1000),
    # A protein to creatinine ratio: 1 mmol of creatinine is 113.12 mg.
    "mg/g": ("g/g", 1, 1000),
    "mg/mmol": ("g/g", 1000, 113120),
}
# Units whose scale depends on what is measured: hemoglobin's molar mass (per haem, 16.11 g
# per mmol; "Hb ≥ 5.0 mmol/L", Dutch and German sites) and IgG in mg/dL.
CONCEPT_CONVERSIONS: dict[tuple[str, str], tuple[str, int, int]] = {
    ("hemoglobin", "mmol/L"): ("g/L", 16114, 1000),
    ("igg", "mg/dL"): ("g/L", 1, 100),
}

# A lost comparison glyph ("=" or "?" where "≥"/"≤" was) is read in the direction
# eligibility usually bounds the concept: lab safety limits from above, the rest from below.
UPPER_BOUNDED = frozenset(
    {"ecog", "ast", "alt", "total_bilirubin", "direct_bilirubin", "creatinine", "inr"}
)


def concepts_of(match: re.Match[str]) -> tuple[str, ...]:
    """The concept(s) named by a ``CONCEPT_PATTERN`` match."""
    return _LEXICON[int(str(match.lastgroup)[1:])][1]


def awaits_limit(text: str) -> bool:
    """Whether a line ends on what a limit is of ("… or creatinine clearance", "… and FVC",
    "… platelet count", "… active SLE aged"): the next line, opening with the limit, is
    the same criterion hard-wrapped."""
    tail = text[-_CONCEPT_TAIL:]
    if _LIMITED_WORD.search(tail):
        return True
    return any(match.end() == len(tail.rstrip()) for match in CONCEPT_PATTERN.finditer(tail))


_CONCEPT_TAIL = 48  # characters: the longest concept's name fits
_LIMITED_WORD = re.compile(
    r"\b(?:aged|age|count|levels?|tit(?:er|re)|scores?|ratio|values?|antibod(?:y|ies)|rate)\s*$",
    re.IGNORECASE,
)
