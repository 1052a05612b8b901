"""Pages hard-wrapped at a width ("Hard wraps at about 80 characters inside one item"):
the same page, wrapped, gives the same facts as unwrapped."""

from __future__ import annotations

import textwrap

import pytest

from tests.transforms.page_build import page_marts
from transforms.text.items import wrap_width

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
