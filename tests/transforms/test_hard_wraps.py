"""Pages hard-wrapped at a width ("Hard wraps at about 80 characters inside one item"):
the same page, wrapped, gives the same facts as unwrapped."""

from __future__ import annotations

import textwrap

import pytest

from tests.transforms.page_build import page_marts
from transforms.text.normalize import normalize_text
from transforms.text.wraps import printed_widths, wrap_width

PAGE = "\n".join(
    [
        "Clinical trial",
        "",
        "An Open-label Study of the Safety and Efficacy of Autologous Anti-CD19 Chimeric "
        "Antigen Receptor T Cells in Adults With Refractory Systemic Sclerosis",
        "",
        "Status",
        "Recruiting",
        "Eligibility criteria",
        "Inclusion Criteria: 1. Age 18-65 years old; 2. Diagnosed with systemic sclerosis "
        "according to the 2013 ACR/EULAR classification criteria;Still active despite "
        "mycophenolate (or other standard treatments); 3. mRSS ≥ 15 points; 4. The functions "
        "of important organs are basically normal: Cardiac function: Left ventricular ejection "
        "fraction (LVEF) ≥ 50%; Renal function: eGFR ≥ 45 mL/min/1.73m2; Lung function: No "
        "serious lung lesions, SpO2 ≥ 92%; 5. Negative pregnancy test for female subjects of "
        "childbearing age. Exclusion Criteria: 1. Received CAR T cell therapy previously; 2. "
        "Central nervous system (CNS) disease: CNS involvement requiring treatment within 60 "
        "days; 3. Uncontrolled infection requiring systemic treatment within 1 week prior to "
        "screening; 4. Previous or concurrent malignancy.",
        "Protocol",
        "{'studyType': 'INTERVENTIONAL', 'phases': ['PHASE1'], 'designInfo': {'allocation': "
        "'NA', 'interventionModel': 'SINGLE_GROUP', 'primaryPurpose': 'TREATMENT', "
        "'maskingInfo': {'masking': 'NONE'}}, 'enrollmentInfo': {'count': 12, 'type': "
        "'ESTIMATED'}}",
    ]
)


def _wrapped(page: str, width: int, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False)
        if len(line) > width
        else line
        for line in page.split("\n")
    )


def _facts(page: str) -> tuple[object, ...]:
    marts = page_marts(page)
    trial = marts["trials"].row(0, named=True)
    kinds = marts["criteria"]["criterion_type"].to_list()
    return (
        trial["title"],
        trial["study_type"],
        trial["intervention_model"],
        trial["enrollment"],
        kinds.count("INCLUSION"),
        kinds.count("EXCLUSION"),
        sorted(marts["criteria_thresholds"]["concept"].to_list()),
    )


@pytest.mark.parametrize(
    ("width", "indent"), [(60, ""), (72, ""), (80, ""), (100, ""), (72, "   ")]
)
def test_a_hard_wrapped_page_reads_as_unwrapped(width: int, indent: str) -> None:
    unwrapped = _facts(PAGE)
    assert unwrapped[4:6] == (5, 4)  # the page as written: five criteria to include, four not
    assert _facts(_wrapped(PAGE, width, indent)) == unwrapped


def test_a_pages_wrap_width_is_the_longest_line_many_lines_reach() -> None:
    assert wrap_width(_wrapped(PAGE, 80)) == 80
    assert wrap_width(PAGE) is None  # long lines: not wrapped
    assert wrap_width("Status\nRecruiting\nPhase\n1\n") is None  # short lines only


def test_whole_items_that_fill_a_wrapped_pages_width_stay_apart() -> None:
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n\n"
        "Exclusion Criteria\nPregnancy or breastfeeding;\n"
        "Prior treatment with any CAR T-cell therapy or other genetically modified T-cell "
        "product;\n"
        "History of malignancy within 5 years, except adequately treated basal cell carcinoma;\n"
        "Active hepatitis B or C;\n"
        "Active central nervous system lupus requiring therapy within the 60 days before ICF;\n"
        "Severe organ dysfunction of heart, liver, lung or coagulation dysfunction at screening;\n"
        "Received CAR-T therapy previously;\n"
    )
    assert page_marts(page)["criteria"].height == 7


def test_a_heading_after_a_long_criterion_on_a_wrapped_page_is_a_heading() -> None:
    page = (
        "Anti-CD19 CAR T Cells for Refractory Systemic Lupus Erythematosus\nStatus: Recruiting\n\n"
        "Summary: This open-label study evaluates the safety and preliminary efficacy of\n"
        "a single infusion of autologous anti-CD19 CAR T cells after lymphodepletion in\n"
        "adults with refractory systemic lupus erythematosus who have failed at least\n"
        "two prior lines of therapy including a biologic agent such as belimumab.\n\n"
        "Exclusion Criteria:\n"
        "- eGFR below 30 mL/min/1.73 m2 or dialysis-dependent renal failure at screening\n"
        "Primary Outcome Measures:\n"
        "1. Incidence of dose-limiting toxicities [Time Frame: 28 days]\n"
    )
    marts = page_marts(page)
    assert marts["criteria"].height == 1
    assert marts["endpoints"].select("endpoint_type", "time_frame_days").rows() == [("PRIMARY", 28)]


@pytest.mark.parametrize(
    "second", ["University Hospital Heidelberg, Department of Neurology", "MG-CART01"]
)
def test_a_line_of_its_own_under_a_title_that_fills_the_width(second: str) -> None:
    paragraph = _wrapped(
        "Purpose: This single-arm, open-label study evaluates the safety of a single infusion "
        "of autologous CD19 CAR-T cells given after lymphodepletion in adults with generalized "
        "myasthenia gravis refractory to standard therapy and at least two immunosuppressive "
        "drugs, including rituximab or eculizumab, in Germany.",
        80,
    )
    title = "Phase 1 Study of Autologous CD19 CAR-T Cells in Refractory Myasthenia Gravis"
    page = f"{title}\n{second}\n\n{paragraph}\n"
    assert page_marts(page)["trials"]["title"].to_list() == [title]


# Items whose words are mostly capitalised, so that every width breaks some line before a
# capital: a wrap the item's first letter cannot tell from a new item. (No comma before a
# capital: "… nephritis," / "Positive …" stays two items, wrapped or not.)
CRITERIA = [
    "Diagnosed with SLE according to the 2019 European League Against Rheumatism (EULAR)/"
    "American College of Rheumatology (ACR) Classification Criteria at Least 24 Weeks Before "
    "Screening;",
    "Refractory SLE at Screening: SELENA-SLEDAI Score ≥ 6 Points With PGA ≥ 1 Point and BILAG-2004 "
    "Organ System Scores of at Least 1 A or 2 B;",
    "Age 18 to 70 Years;",
    "Positive CD19 Expression in Peripheral Blood B Cells Determined by Flow Cytometry Within "
    "the Screening Period;",
    "Adequate Organ Function: Left Ventricular Ejection Fraction (LVEF) ≥ 50% and SpO2 ≥ 92% "
    "on Room Air at Screening.",
]


# The first criteria as a bulleted list: the end of a page whose other parts a test wraps.
BULLETED = "Inclusion Criteria:\n" + "".join(f"- {c}\n" for c in CRITERIA[:4])


def _criteria_page(bullet: str, gap: str) -> str:
    items = gap.join(f"{bullet}{item}\n" for item in CRITERIA)
    return (
        "CD19/BCMA CAR-T Cell Therapy for Refractory Systemic Lupus Erythematosus\n"
        "Status: Recruiting\n\nInclusion Criteria:\n\n" + items + "\nSponsor: Union Hospital\n"
    )


def _criteria(page: str) -> list[str]:
    return page_marts(page)["criteria"]["text"].to_list()


@pytest.mark.parametrize("width", [60, 66, 72, 80])
@pytest.mark.parametrize(("bullet", "gap"), [("• ", ""), ("• ", "\n"), ("", "")])
def test_a_wrap_before_a_capital_goes_on_with_its_item(width: int, bullet: str, gap: str) -> None:
    page = _criteria_page(bullet, gap)
    unwrapped = _criteria(page)
    assert len(unwrapped) == len(CRITERIA)
    assert _criteria(_wrapped(page, width)) == unwrapped


def test_bare_lines_that_fill_a_wrapped_pages_width_stay_items() -> None:
    """Unmarked lines with no end punctuation show no item's end: a long one is no wrap."""
    lines = [
        "Pregnancy or breastfeeding at the time of screening or planned during study",
        "Prior treatment with any CAR T-cell therapy or other genetically modified cells",
        "History of malignancy within 5 years except treated basal cell carcinoma of skin",
        "Active hepatitis B or C infection requiring antiviral treatment at screening visit",
        "Severe organ dysfunction of heart, liver or lung or coagulation dysfunction present",
        "Received any live vaccine within the 4 weeks before the first dose of study drug",
    ]
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n\n"
        "Exclusion Criteria\n" + "\n".join(lines) + "\n"
    )
    assert page_marts(page)["criteria"].height == len(lines)


def test_a_bulleted_item_wrapped_after_one_of_its_semicolons_goes_on() -> None:
    """In an unmarked list "…;" / "Capital" is the next item; under a bullet, the wrap, when
    the next line runs on (one that ends with ";" too is a sub-criterion of its own)."""
    page = (
        _criteria_page("• ", "\n")
        .replace("Points With PGA ≥ 1 Point and BILAG-2004", "Points; PGA ≥ 1 Point; BILAG-2004")
        .replace("1 A or 2 B;", "1 A or 2 B Despite Standard Treatment for at Least 12 Weeks;")
    )
    wrapped = _wrapped(page, 80)
    assert "PGA ≥ 1 Point;\nBILAG-2004" in wrapped  # the width broke the line after a ";"
    assert _criteria(wrapped) == _criteria(page)


def test_a_cohorts_name_or_a_lead_in_after_a_full_line_is_no_wrap() -> None:
    lines = [
        "Anti-CD19 CAR T Cells in Systemic Lupus Erythematosus: an Open-label Phase 1/2",
        "Study in Adults and Adolescents With Refractory Disease at Several Centres",
        "Status: Recruiting",
        "",
        "Inclusion Criteria:",
        "- Adults aged 18 to 65 years with SLE fulfilling the 2019 EULAR/ACR criteria at",
        "screening, with active disease defined as SLEDAI-2K of 8 or more at screening",
        "Cohort B (juvenile SLE)",
        "- Participants aged 12 to 17 years with childhood-onset SLE diagnosed by a site",
        "pediatric rheumatologist and weighing at least 40 kg at the screening visit",
        "Patients must also meet:",
        "- Adequate organ function with eGFR of at least 30 mL/min/1.73 m2 at screening",
        "- Negative pregnancy test for all women of childbearing potential at screening",
    ]
    page = "\n".join(lines) + "\n"
    assert wrap_width(page) == 79  # the lines before both headings fill the width
    criteria = page_marts(page)["criteria"]
    assert criteria["section"].to_list() == [
        None,
        "Cohort B (juvenile SLE)",
        "Patients must also meet",
        "Patients must also meet",
    ]
    assert criteria["text"][1].endswith("at the screening visit")


_OUTCOMES_PAGE = """CD19 CAR-T Cells in Refractory Childhood-onset Systemic Lupus Erythematosus
Status
Recruiting
Summary
This single-arm study gives one infusion of autologous CD19 CAR-T cells to children \
and adolescents with refractory systemic lupus erythematosus after standard \
lymphodepleting chemotherapy with fludarabine and cyclophosphamide, and follows them \
for safety, pharmacokinetics and disease activity for two years after the infusion.
Primary endpoint
{measure}
{below}
3 Months
"""


@pytest.mark.parametrize(
    ("measure", "below", "expected"),
    [
        (  # a title broken at the page's width: its rest is no description
            "Percentage of Participants Achieving an Investigator's",
            "Global Assessment (IGA) Score of 0 or 1 at Week 16",
            (
                "Percentage of Participants Achieving an Investigator's Global Assessment (IGA) "
                "Score of 0 or 1 at Week 16",
                None,
            ),
        ),
        (  # a phrase of its own under a measure as long: its description
            "Proportion of participants achieving DORIS remission",
            "Definition of Remission in SLE",
            (
                "Proportion of participants achieving DORIS remission",
                "Definition of Remission in SLE",
            ),
        ),
        (  # an acronym ends the measure; what follows is no more of its name
            "Incidence of treatment-emergent cytokine release and ICANS",
            "Graded per ASTCT consensus",
            (
                "Incidence of treatment-emergent cytokine release and ICANS",
                "Graded per ASTCT consensus",
            ),
        ),
        (  # a measure as long, then a sentence: its description
            "Incidence of adverse events after the CAR-T cell infusion",
            "Adverse events are graded by CTCAE version 5.0.",
            (
                "Incidence of adverse events after the CAR-T cell infusion",
                "Adverse events are graded by CTCAE version 5.0.",
            ),
        ),
        (  # and a description whose first line the width broke as well
            "Incidence of adverse events after the CAR-T cell infusion",
            "Adverse events are graded by the CTCAE version 5.0 and the\nASTCT consensus.",
            (
                "Incidence of adverse events after the CAR-T cell infusion",
                "Adverse events are graded by the CTCAE version 5.0 and the ASTCT consensus.",
            ),
        ),
    ],
)
def test_a_measure_wrapped_at_the_pages_width(
    measure: str, below: str, expected: tuple[str, str | None]
) -> None:
    page = _wrapped(_OUTCOMES_PAGE.format(measure=measure, below=below), 60)
    assert wrap_width(page) is not None  # the longest line, 59
    endpoints = page_marts(page)["endpoints"]
    assert endpoints.select("measure", "description").rows() == [expected]
    assert endpoints["time_frame_days"].to_list() == [90]


# Lines of their own right after a line that fills the width: each page is written so that
# the line before ends near the width and the next line's first word would not fit on it.
_STAND_ALONE_PAGES = {
    "an unpunctuated item of an unmarked list": (
        """Inclusion Criteria:
Age 18 to 70 years at the time of signing the informed consent form.
Biopsy-proven active class III or IV lupus nephritis (ISN/RPS 2018 revision)
Estimated GFR of at least 30 mL/min/1.73 m2 by CKD-EPI at the screening visit
Failure of at least two prior induction regimens including cyclophosphamide.
Urine protein to creatinine ratio of at least 1.0 g/g at screening visit.
Exclusion Criteria:
Prior CAR-T or other gene-modified cell therapy.
Pregnancy or breastfeeding.
""",
        (5, 2),
    ),
    "a blank line between": (
        """Inclusion Criteria:

Age 18 to 70 years at the time of signing the informed consent form.

Systemic sclerosis fulfilling the 2013 ACR/EULAR classification criteria (SSc)

Diffuse cutaneous subtype with modified Rodnan skin score of at least 15 points

Forced vital capacity of at least 45% of predicted at the screening visit.

Exclusion Criteria:

Prior CAR-T or other gene-modified cell therapy.
Active infection requiring intravenous antibiotics within 2 weeks of screening.
""",
        (4, 2),
    ),
    "a numbered cohort's heading": (
        """Inclusion Criteria:
Cohort 1: Systemic lupus erythematosus
1. Age 18 to 65 years at the time of signing the informed consent form, either sex
2. Diagnosis of SLE per 2019 EULAR/ACR criteria with SLEDAI-2K of at least 8 points
Cohort 2: Diffuse cutaneous systemic sclerosis
1. Age 18 to 65 years at the time of signing the informed consent form, either sex
2. Modified Rodnan skin score of at least 15 and disease duration under 5 years
Exclusion Criteria:
1. Prior CAR-T or other gene-modified cell therapy
2. Active infection requiring intravenous antibiotics within 2 weeks of screening
""",
        (4, 2),
    ),
    "a lead-in without a colon": (
        """Inclusion Criteria:
- Age 18 to 65 years at the time of signing the informed consent form, either sex
- Diagnosis of SLE per 2019 EULAR/ACR criteria with SLEDAI-2K of at least 8 points
- Failure of at least two prior immunosuppressants including MMF or cyclophosph.
- Positive anti-dsDNA antibodies or low complement C3 and/or C4 at screening visit
Participants will be excluded if any of the following apply
- Prior CAR-T or other gene-modified cell therapy within the last 5 years
- Pregnancy or breastfeeding
""",
        (4, 2),
    ),
    "sub-criteria that end as criteria end": (
        """Inclusion Criteria:
1. Age 18 to 70 years at the time of signing the informed consent form;
2. Adequate organ function at screening, defined as:
   Absolute neutrophil count ≥ 1.0 × 10^9/L and platelets ≥ 50 × 10^9/L;
   Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for participants with Gilbert syndrome);
   Serum creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 40 mL/min;
   Left ventricular ejection fraction ≥ 45% by echocardiogram;
3. Diagnosis of SLE according to the 2019 EULAR/ACR classification criteria.
Exclusion Criteria:
1. Active infection requiring intravenous antibiotics within 2 weeks of screening;
""",
        (7, 1),
    ),
}


@pytest.mark.parametrize("name", list(_STAND_ALONE_PAGES))
def test_a_line_of_its_own_after_a_full_line_stays_apart(name: str) -> None:
    body, counts = _STAND_ALONE_PAGES[name]
    page = "NCT07100001\n" + body
    assert wrap_width(page) is not None
    kinds = page_marts(page)["criteria"]["criterion_type"].to_list()
    assert (kinds.count("INCLUSION"), kinds.count("EXCLUSION")) == counts


def test_a_cohorts_name_without_a_colon_after_a_full_line_heads_its_items() -> None:
    page = """NCT07100008
Inclusion Criteria:
- Age 18 to 65 years at the time of signing the informed consent form, either sex
- Diagnosis of SLE per 2019 EULAR/ACR criteria with SLEDAI-2K of at least 8 points
SLE cohort
- Failure of at least two prior immunosuppressants including MMF or cyclophosph.
- Positive anti-dsDNA antibodies or low complement C3 and/or C4 at screening visit
ANCA-associated vasculitis cohort
- GPA or MPA per 2022 ACR/EULAR criteria with BVAS version 3 score of at least 3
"""
    sections = page_marts(page)["criteria"]["section"].to_list()
    assert sections == [None, None, "SLE cohort", "SLE cohort", "ANCA-associated vasculitis cohort"]


def test_a_short_description_under_a_full_width_measure_stays_its_description() -> None:
    page = """NCT07100006
Anti-CD19 CAR-T cells in refractory lupus nephritis: an open-label phase 1 study
Primary Outcome Measures
Incidence of dose-limiting toxicities (DLTs) after anti-CD19 CAR-T cell infusion
DLT assessment window after infusion
Time Frame: 28 days
Secondary Outcome Measures
Persistence of CAR-T cells in peripheral blood by flow cytometry and qPCR assay
CAR transgene copies per microgram genomic DNA
Time Frame: Up to 12 months
Proportion of patients with complete renal response (CRR) per KDIGO definitions
Efficacy
Time Frame: 24 weeks
Incidence of cytokine release syndrome graded per ASTCT 2019 consensus criteria
Time Frame: 28 days
"""
    endpoints = page_marts(page)["endpoints"]
    assert endpoints["measure"].to_list() == [
        "Incidence of dose-limiting toxicities (DLTs) after anti-CD19 CAR-T cell infusion",
        "Persistence of CAR-T cells in peripheral blood by flow cytometry and qPCR assay",
        "Proportion of patients with complete renal response (CRR) per KDIGO definitions",
        "Incidence of cytokine release syndrome graded per ASTCT 2019 consensus criteria",
    ]
    assert endpoints["description"].to_list()[:3] == [
        "DLT assessment window after infusion",
        "CAR transgene copies per microgram genomic DNA",
        "Efficacy",
    ]


# Lines a page's width broke where the next line looks like something else: an inline
# number at a line's end, a lone word that is also a label, the rest of a site's explainer,
# a limit's value that reads like protocol numbering, and lists that are not criteria.
INLINE_NUMBERED = (
    "Eligibility criteria\n"
    "Main inclusion criteria: 1. Total bilirubin ≤ 1.5×ULN. 2. Age 18-65 years old (including "
    "boundary values). 3. AST and ALT <= 3 x ULN. 4. Endogenous creatinine clearance >=40 "
    "ml/min. 5. Inadequate response to standard therapy including glucocorticoids and at "
    "least two immunosuppressants for at least three months. 6. ANA at least 1:160 at "
    "screening. 7. Biopsy-proven active lupus nephritis class III or IV, with or without "
    "class V.\n"
)


def test_an_inline_number_the_width_left_at_a_lines_end_starts_the_next_item() -> None:
    page = "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n" + INLINE_NUMBERED
    wrapped = _wrapped(page, 72)
    assert "x ULN. 4.\nEndogenous" in wrapped  # "4." ended a line, its words on the next
    assert len(_criteria(page)) == 7
    assert _criteria(wrapped) == _criteria(page)


EXCLUSIONS = [
    "DLCO <40% predicted",
    "Any condition that in the opinion of the investigator makes the participant unsuitable "
    "for the study",
    "Active uncontrolled bacterial, viral or fungal infection requiring systemic treatment",
    "eGFR < 30 ml/min/1.73m² or receiving dialysis",
    "History of organ transplantation or hematopoietic stem cell transplantation",
    "Forced vital capacity (FVC) less than 50% predicted value",
    "Severe central nervous system disease, including neuropsychiatric lupus requiring "
    "intervention",
]


@pytest.mark.parametrize(("marker", "indent"), [("• ", "  "), ("(1) ", "")])
def test_a_lone_label_word_the_width_wrapped_onto_goes_on_with_its_item(
    marker: str, indent: str
) -> None:
    """ "… requiring systemic" / "treatment" is no intervention's label, indented or not."""
    items = "".join(f"{marker.replace('1', str(i))}{e}\n" for i, e in enumerate(EXCLUSIONS, 1))
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n\n"
        "Inclusion Criteria\n"
        f"{marker}Participants of childbearing potential agree to use effective contraception "
        "throughout the study\n"
        "Key Exclusion Criteria\n" + items + "Sponsor: Union Hospital\n"
    )
    wrapped = _wrapped(page, 80, indent)
    assert f"requiring systemic\n{indent}treatment\n" in wrapped
    assert _criteria(wrapped) == _criteria(page)
    assert len(_criteria(page)) == len(EXCLUSIONS) + 1


def test_a_sites_explainer_wrapped_under_its_heading_is_no_criterion() -> None:
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n"
        "Eligibility Criteria\n"
        "Check the participation requirements, including inclusion and exclusion rules, age "
        "limits, and whether healthy volunteers are accepted.\n"
        "Key Inclusion Criteria\n" + "".join(f"{i}. {c}\n" for i, c in enumerate(CRITERIA[:6], 1))
    )
    wrapped = _wrapped(page, 72, "   ")
    assert "exclusion\n   rules, age limits" in wrapped
    assert _criteria(wrapped) == _criteria(page)


def test_a_limit_wrapped_before_its_decimal_value_is_no_protocol_number() -> None:
    """ "… (ALT) ≤" / "2.5 x ULN.": the value of the limit, not item "2.5"."""
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n"
        "Key Inclusion Criteria\n"
        "1. Age range from 6 to 17 years old.\n"
        "2. Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤\n"
        "   2.5 x ULN.\n"
        "3. Body weight no less than 30 kg.\n"
    )
    marts = page_marts(page)
    assert marts["criteria"]["text"].to_list()[1].endswith("(ALT) ≤ 2.5 x ULN.")
    assert 2.5 in marts["criteria_thresholds"]["value"].to_list()


def test_other_lists_wrapped_at_the_width_go_on_where_a_line_ends_open() -> None:
    """Sites, conditions and an arm's description: a line that ends on a comma or a word
    that needs more, or a next line in lower case, goes on; a capital after a full line
    is the next entry."""
    page = (
        "Anti-CD19 CAR-T Cells in Refractory Systemic Lupus Erythematosus and Other Diseases\n"
        "Status: Recruiting\n"
        "Conditions: Systemic Lupus Erythematosus, Lupus Nephritis, Systemic Sclerosis, "
        "Idiopathic Inflammatory Myopathy, ANCA-Associated Vasculitis\n"
        "Locations: United States, Germany, France, Spain, Italy, the Netherlands, China, Japan, "
        "Australia\n"
        "Trial arms\n"
        "Dose level 1\n"
        "Biological: Universal CD19 CAR-T Cells\n"
        "Two dose groups (5x10^5 cells/Kg, 2x10^6 cells/Kg) were set up, starting from the low "
        "dose group climbing to explore the safe and effective dose.\n"
        "Dose level 2\n"
        "Biological: Universal CD19 CAR-T Cells\n"
        "Participants receive a single infusion of 1x10^6 cells/Kg after lymphodepletion with "
        "fludarabine and cyclophosphamide.\n" + BULLETED
    )
    wrapped = _wrapped(page, 80, "  ")
    assert "China,\n  Japan" in wrapped
    assert "starting from\n  the low" in wrapped
    unwrapped, hard = page_marts(page), page_marts(wrapped)
    assert hard["trials"]["countries"].to_list() == unwrapped["trials"]["countries"].to_list()
    assert len(unwrapped["trials"]["countries"][0]) == 9
    assert hard["arms"]["label"].to_list() == unwrapped["arms"]["label"].to_list()
    assert hard["trials"]["conditions"].to_list() == unwrapped["trials"]["conditions"].to_list()


SUMMARY = (
    "This study evaluates the safety and preliminary efficacy of autologous anti-CD19 CAR T "
    "cells in adults with refractory lupus nephritis after lymphodepletion with fludarabine and "
    "cyclophosphamide."
)


def test_an_items_words_that_read_like_an_explainer_stay_the_items() -> None:
    """ "8. Participants or their legal guardians" / "understand and voluntarily sign … study"
    / "procedures; 9. …": the wrapped line opens in lower case, so it is no site's note
    ("Understand …" explainers open a sentence), and the next item is not lost with it. (The
    escape, gone once normalised, leaves its line short of the width: the list is not
    joined back line by line before it is read.)"""
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n"
        "Brief Summary\n" + " ".join([SUMMARY] * 3) + "\n"
        "Eligibility criteria\n"
        "Key Inclusion Criteria: 1. Age:18-70 years old; 2. Diagnosed with SLE according to "
        "the 2019 EULAR/ACR classification criteria; 3. Participants of childbearing potential "
        "agree to use effective contraception throughout the study; 4. Aspartate "
        "aminotransferase (AST) and alanine aminotransferase (ALT) no more than 2.5×upper limit "
        "of normal; 5. Baseline oxygen saturation \\>=92%; 6. Have good venous access and no "
        "contraindications to leukapheresis; 7. Disease activity persists despite conventional "
        "treatment or relapses after remission; 8. Participants or their legal guardians "
        "understand and voluntarily sign the informed consent form and are willing to "
        "complete all study procedures; 9. Cardiac function: ejection fraction no less than "
        "50% with no pericardial effusion; 10. Birmingham Vasculitis Activity Score (BVAS) ≥15 "
        "points;\n"
    )
    wrapped = _wrapped(page, 100)
    assert "legal guardians\nunderstand and" in wrapped
    assert len(_criteria(page)) == 10
    assert _criteria(wrapped) == _criteria(page)


def test_a_line_wrapped_with_its_marks_counts_them_back() -> None:
    """A page is wrapped with its escapes and bold marks ("10\\^5", "\\>=40", "**Lead
    Sponsor:**"); normalised, the line falls short of the width that broke it."""
    page = (
        "**Title:** Universal CD19 CAR-T Cells in Refractory Systemic Lupus Erythematosus\n"
        "**Status:** Recruiting\n"
        "**Lead Sponsor:** First Affiliated Hospital of Chengdu Medical University\n"
        "Trial arms\n"
        "Dose level 1\n"
        "Biological: Universal CD19 CAR-T Cells\n"
        "Following lymphodepletion with bendamustine, participants receive Universal CD19 "
        "CAR-T Cells.\n"
        "Two dose groups (5x10\\^5 cells/Kg, 2x10\\^6 cells/Kg) were set up, starting from the "
        "low dose group climbing to explore the safe and effective dose.\n"
        "Dose level 2\n"
        "Biological: Universal CD19 CAR-T Cells\n"
        "Participants receive a single infusion of 1x10\\^6 cells/Kg.\n"
        "Inclusion Criteria: 1. Age 18-65 years old (including boundary values). 2. Endogenous "
        "creatinine clearance \\>=40 ml/min. 3. Inadequate response to standard therapy "
        "including glucocorticoids and at least two immunosuppressants for at least three "
        "months. 4. ANA at least 1:160 at screening. 5. Biopsy-proven active lupus nephritis "
        "class III or IV, with or without class V.\n"
    )
    for width in (66, 72):
        wrapped = _wrapped(page, width)
        assert any(
            len(line) > len(line.replace("\\", "").replace("**", "")) and len(line) > width - 4
            for line in wrapped.split("\n")
        )  # a line the width broke holds marks normalising drops
        unwrapped, hard = page_marts(page), page_marts(wrapped)
        for table, column in (("arms", "label"), ("criteria", "text"), ("trials", "lead_sponsor")):
            assert hard[table][column].to_list() == unwrapped[table][column].to_list(), (
                width,
                table,
            )


def test_printed_widths_count_back_only_the_marks_a_line_lost() -> None:
    raw = "\n".join(
        ["**Lead Sponsor:** First Affiliated Hospital of Chengdu Medical"] * 6
        + ["Endogenous creatinine clearance \\>=40 ml/min and more words to the end"] * 6
    )
    normalized = normalize_text(raw)
    widths = printed_widths(normalized.text, raw, normalized.offsets)
    lines = normalized.text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    assert {widths[start] - len(lines[i]) for i, start in enumerate(starts)} == {4, 1}
    assert printed_widths("short\nlines\n", "short\nlines\n", normalized.offsets) == {}


def test_a_phrase_going_on_after_an_acronym_is_no_new_item() -> None:
    """An unmarked list wrapped between two acronyms: "… active Class III or IV" / "LN, with
    or without …" goes on (a short word, a comma, then lower case opens no item)."""
    lines = [
        "Age 18 to 65 years at the time of signing the informed consent form;",
        "Kidney biopsy within 6 months before screening showing active Class III or IV LN, "
        "with or without a membranous component, and proteinuria of at least 1 g a day;",
        "Positive antinuclear antibodies or anti-dsDNA antibodies at screening;",
        "Inadequate response to standard therapy for at least three months;",
        "Willing and able to comply with the scheduled visits and laboratory tests.",
    ]
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n\n"
        "Inclusion Criteria\n" + "\n".join(lines) + "\n"
    )
    wrapped = _wrapped(page, 80)
    assert "Class III or IV\nLN, with" in wrapped
    assert len(_criteria(page)) == len(lines)
    assert _criteria(wrapped) == _criteria(page)


def test_a_preamble_wrapped_before_a_bracket_goes_on() -> None:
    """Lines above any heading are no prose section: "… with chemotherapy" /
    "(cyclophosphamide and fludarabine) patients …" is still one sentence."""
    page = (
        "CD19 CAR T Cells in Refractory Systemic Lupus Erythematosus: a Phase I/II Study\n"
        "Status: Recruiting\n"
        "Enrollment: 18\n"
        "Following lymphodepletion with chemotherapy (cyclophosphamide and fludarabine) "
        "patients will be treated with CD19 Chimeric Antigen Receptor (CAR) positive T cells "
        "as a single dose.\n" + BULLETED
    )
    wrapped = _wrapped(page, 60)
    assert "chemotherapy\n(cyclophosphamide" in wrapped
    agents = page_marts(page)["trials"]["lymphodepletion_agents"].to_list()
    assert agents == [["cyclophosphamide", "fludarabine"]]
    assert page_marts(wrapped)["trials"]["lymphodepletion_agents"].to_list() == agents


def test_a_measures_bracket_the_width_pushed_down_stays_the_measures() -> None:
    """ "2. Incidence of immune effector cell-associated neurotoxicity syndrome" / "(ICANS)
    [Time Frame: …]": on a page wrapped at a width, one measure with its frame, not two."""
    page = (
        "Anti-CD19 CAR-T in Refractory Lupus Nephritis\nStatus: Recruiting\n"
        "Brief Summary\n" + " ".join([SUMMARY] * 3) + "\n"
        "Primary Outcome Measures\n"
        "1. Change in autoantibody titres [Time Frame: Up to 2 years post infusion]\n"
        "2. Incidence of immune effector cell-associated neurotoxicity syndrome (ICANS) "
        "[Time Frame: Up to 3 years post infusion]\n" + BULLETED
    )
    wrapped = _wrapped(page, 72, "   ")
    assert "syndrome\n   (ICANS)" in wrapped
    columns = ["measure", "time_frame_days"]
    unwrapped = page_marts(page)["endpoints"].select(columns).rows()
    assert len(unwrapped) == 2
    assert page_marts(wrapped)["endpoints"].select(columns).rows() == unwrapped
