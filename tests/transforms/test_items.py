"""List splitting: markers, inline numbering, wraps, sub-headings and nesting."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts
from transforms.text.items import split_items
from transforms.text.lines import classify_line, iter_physical_lines


def _items(text: str) -> list[str]:
    lines = [classify_line(*parts) for parts in iter_physical_lines(text)]
    return [i.text for i in split_items(lines, criteria=True)]


@pytest.mark.parametrize(
    "text",
    [
        "1. Adult\n2. SLE\n3. Consent",
        "• Adult\n• SLE\n• Consent",
        "- Adult\n* SLE\n+ Consent",
        "(1) Adult\n(2) SLE\n(3) Consent",
        "1) Adult\n2) SLE\n3) Consent",
        "a. Adult\nb. SLE\nc. Consent",
        "i) Adult\nii) SLE\niii) Consent",
        "① Adult\n② SLE\n③ Consent",
        "1. Adult\n1. SLE\n1. Consent",
        ". Adult\n. SLE\n. Consent",
        "• 1. Adult\n• 2. SLE\n• 3. Consent",
        "1. Adult; 2. SLE; 3. Consent",
        "1.Adult; 2.SLE; 3.Consent",
        "Adult\n\nSLE\n\nConsent",
        "4.1.1 Adult\n4.1.2 SLE\n4.1.3 Consent",
        "1、Adult\n2、SLE\n3、Consent",
    ],
)
def test_marker_styles(text: str) -> None:
    assert _items(text) == ["Adult", "SLE", "Consent"]


def test_decimals_are_not_item_numbers() -> None:
    assert _items("1. ALT ≤ 2.5 × ULN; 2. Bilirubin ≤ 1.5 ULN") == [
        "ALT ≤ 2.5 × ULN",
        "Bilirubin ≤ 1.5 ULN",
    ]


@pytest.mark.parametrize(
    "value",
    ["1.5 × 10^6 CAR-T cells/kg", "0.5 - 2 × 10^6 cells/kg", "2.5 mg/kg", "3.2 x 10^9/L"],
)
def test_a_value_on_its_own_line_is_not_a_protocol_numbered_item(value: str) -> None:
    lines = [classify_line(*parts) for parts in iter_physical_lines(f"Target dose\n{value}")]
    assert [(i.marker, i.text) for i in split_items(lines, criteria=False)] == [
        (None, "Target dose"),
        (None, value),
    ]


def test_hard_wrapped_item_is_joined() -> None:
    assert _items("1. Adults with active lupus\n   nephritis confirmed by biopsy\n2. Consent") == [
        "Adults with active lupus nephritis confirmed by biopsy",
        "Consent",
    ]


def test_a_value_before_the_next_number_stays_in_its_item() -> None:
    text = (
        "1. ECOG score no more than 2. 2. Aged 12 to 60 years. "
        "3. SELENA-SLEDAI score > 4. 4. BVAS ≥ 3 points. 5. PGA score more than 5. 6. Consent"
    )
    assert _items(text) == [
        "ECOG score no more than 2.",
        "Aged 12 to 60 years.",
        "SELENA-SLEDAI score > 4.",
        "BVAS ≥ 3 points.",
        "PGA score more than 5.",
        "Consent",
    ]


def test_a_word_hyphenated_at_a_wrap_is_made_whole() -> None:
    assert _items(
        "1. Adequate organ function and creati-\n   nine clearance ≥ 30\n2. Anti-\n   dsDNA"
    ) == [
        "Adequate organ function and creatinine clearance ≥ 30",
        "Anti-dsDNA",  # a compound keeps its hyphen
    ]


def test_subheadings_become_sections_of_their_items() -> None:
    lines = [
        classify_line(*p)
        for p in iter_physical_lines("Lupus cohort\n1. SLE\n2. Active\nMyositis cohort\n1. IIM")
    ]
    items = split_items(lines, criteria=True)
    assert [(i.subsection, i.text) for i in items] == [
        ("Lupus cohort", "SLE"),
        ("Lupus cohort", "Active"),
        ("Myositis cohort", "IIM"),
    ]


def test_sub_list_after_colon_is_nested() -> None:
    lines = [classify_line(*p) for p in iter_physical_lines("6. Labs:\n1. ANC ok\n2. Hb ok")]
    assert [i.depth for i in split_items(lines, criteria=True)] == [0, 1, 1]


def test_nesting_ends_when_the_parent_numbering_continues() -> None:
    text = "5. Labs:\n1. ANC ok\n2. Hb ok\n6. Consent\n7. Contraception"
    lines = [classify_line(*p) for p in iter_physical_lines(text)]
    assert [i.depth for i in split_items(lines, criteria=True)] == [0, 1, 1, 0, 0]


def test_an_ideographic_comma_marker_before_a_number() -> None:
    assert _items("1、年龄18-65岁;\n2、24小时尿蛋白≥0.5g;") == [
        "年龄18-65岁",
        "24小时尿蛋白≥0.5g",
    ]


def test_a_squashed_bulleted_list_splits_at_each_bullet() -> None:
    assert _items("- Age 18-65 years - SLEDAI-2K ≥ 8 - Signed consent") == [
        "Age 18-65 years",
        "SLEDAI-2K ≥ 8",
        "Signed consent",
    ]


def test_a_dash_inside_one_item_of_a_list_is_not_a_bullet() -> None:
    text = "- History of malignancy - Exception: basal cell carcinoma\n- Pregnancy"
    assert _items(text) == ["History of malignancy - Exception: basal cell carcinoma", "Pregnancy"]


def test_in_a_list_set_apart_by_blank_lines_a_line_without_one_is_a_wrap() -> None:
    text = (
        "Age 18 to 65 years at the time of consent, with a diagnosis\n"
        "systemic lupus erythematosus\n\nPositive ANA titre ≥ 1:80\n\nSigned consent\n"
    )
    lines = [classify_line(*parts) for parts in iter_physical_lines(text)]
    assert [i.text for i in split_items(lines, criteria=True, text=text)] == [
        "Age 18 to 65 years at the time of consent, with a diagnosis systemic lupus erythematosus",
        "Positive ANA titre ≥ 1:80",
        "Signed consent",
    ]
    # Without blank lines anywhere, each line stays an item.
    single = text.replace("\n\n", "\n")
    lines = [classify_line(*parts) for parts in iter_physical_lines(single)]
    assert len(split_items(lines, criteria=True, text=single)) == 4


@pytest.mark.parametrize("marker", ["", "- ", "1. "])
def test_a_line_that_cannot_start_an_item_continues_the_one_before(marker: str) -> None:
    text = (
        f"{marker}Hemoglobin ≥ 8.0 g/dL, platelets ≥ 50,000/µL and absolute neutrophil count\n"
        "≥ 1,000/µL\n"
        f"{marker}Patients previously treated with rituximab, belimumab or\n"
        "Anifrolumab within 6 months\n"
        f"{marker}Signed consent\n"
    )
    assert _items(text) == [
        "Hemoglobin ≥ 8.0 g/dL, platelets ≥ 50,000/µL and absolute neutrophil count ≥ 1,000/µL",
        "Patients previously treated with rituximab, belimumab or Anifrolumab within 6 months",
        "Signed consent",
    ]


def test_the_separator_after_an_item_is_not_part_of_it() -> None:
    text = "1. Aged 18-65 years; 2. SLEDAI-2K ≥ 8；\n3. Consent ;"
    lines = [classify_line(*parts) for parts in iter_physical_lines(text)]
    items = split_items(lines, criteria=True)
    assert [i.text for i in items] == ["Aged 18-65 years", "SLEDAI-2K ≥ 8", "Consent"]
    assert [text[i.start : i.end] for i in items] == [i.text for i in items]


def test_a_number_after_a_comparison_is_its_value_not_a_marker() -> None:
    text = "1. ECOG performance status <= 1. 2. Aged no less than 18 years. 3. ANA >= 1:80."
    assert _items(text) == [
        "ECOG performance status <= 1.",
        "Aged no less than 18 years.",
        "ANA >= 1:80.",
    ]


def test_a_paragraph_wrapped_at_the_page_width_is_one_item_in_prose() -> None:
    text = (
        "ACM-101 will be administered as a single intravenous infusion at a dose of 1 × 10^8\n"
        "CAR-T cells following lymphodepleting chemotherapy with fludarabine (30 mg/m2/day)\n"
        "and cyclophosphamide on Days -5 to -3.\n"
        "Drug: Tocilizumab as needed for cytokine release syndrome management.\n"
        "Short line\n"
        "Another line\n"
    )
    lines = [classify_line(*parts) for parts in iter_physical_lines(text)]
    items = [i.text for i in split_items(lines, criteria=False, text=text, prose=True)]
    assert items == [
        "ACM-101 will be administered as a single intravenous infusion at a dose of 1 × 10^8 "
        "CAR-T cells following lymphodepleting chemotherapy with fludarabine (30 mg/m2/day) "
        "and cyclophosphamide on Days -5 to -3.",
        "Drug: Tocilizumab as needed for cytokine release syndrome management.",
        "Short line",
        "Another line",
    ]
    # Outside prose sections each line stays an item.
    assert len(split_items(lines, criteria=False, text=text)) == 6


def test_a_list_on_one_line_parted_only_by_semicolons() -> None:
    assert _items("age 18-65 years; SLE per 2019 EULAR/ACR; SLEDAI-2K ≥ 6.") == [
        "age 18-65 years",
        "SLE per 2019 EULAR/ACR",
        "SLEDAI-2K ≥ 6.",
    ]
    # One semicolon parts two clauses of one criterion, not a list.
    assert _items("Adequate organ function; ANC ≥ 1.5 × 10^9/L") == [
        "Adequate organ function; ANC ≥ 1.5 × 10^9/L"
    ]


def test_a_comma_ending_a_line_before_a_capital_is_no_wrap() -> None:
    text = (
        "Meeting the diagnosis of refractory lupus nephritis,\n"
        "Positive expression of CD19 in peripheral blood B cells\n"
        "Treated with rituximab,\nbelimumab or anifrolumab\n"
    )
    assert _items(text) == [
        "Meeting the diagnosis of refractory lupus nephritis,",
        "Positive expression of CD19 in peripheral blood B cells",
        "Treated with rituximab, belimumab or anifrolumab",
    ]


def _sections(text: str) -> list[tuple[str | None, str]]:
    lines = [classify_line(*parts) for parts in iter_physical_lines(text)]
    return [(i.subsection, i.text) for i in split_items(lines, criteria=True)]


PROTOCOL_COHORTS = """A. All cohorts
   i) Age 18-65 years
   ii) Adequate organ function: ALT ≤ 3 × ULN;
      serum creatinine ≤ 1.5 mg/dL
B. SLE cohort
   (iv) SLEDAI-2K ≥ 8
"""


def test_a_numbered_cohort_over_its_indented_items_heads_them() -> None:
    assert _sections(PROTOCOL_COHORTS) == [
        ("All cohorts", "Age 18-65 years"),
        ("All cohorts", "Adequate organ function: ALT ≤ 3 × ULN; serum creatinine ≤ 1.5 mg/dL"),
        ("SLE cohort", "SLEDAI-2K ≥ 8"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1. Adequate organ function\n   a) ALT ≤ 3 × ULN\n2. Consent",  # no group named
        "A. SLE cohort\nB. AAV cohort\nC. Consent",  # nothing indented under it
        "1. Patients in the SLE cohort aged ≥ 18\n   a) ALT ≤ 3 × ULN",  # a value: a criterion
    ],
)
def test_a_numbered_item_is_no_cohort_heading_without_a_group_and_items_under_it(
    text: str,
) -> None:
    assert all(section is None for section, _ in _sections(text))


def test_after_a_semicolon_only_an_indented_lower_case_line_goes_on() -> None:
    text = "1. ALT ≤ 3 × ULN;\nSerum creatinine ≤ 1.5 mg/dL\n2. Consent"
    assert _sections(text)[0] == (None, "ALT ≤ 3 × ULN")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "1. Absolute neutrophil count of at least\n1.5 × 10^9/L\n2. Consent",
            "Absolute neutrophil count of at least 1.5 × 10^9/L",
        ),
        ("- Serum IgG of at least\n4 g/L\n- Consent", "Serum IgG of at least 4 g/L"),
        ("- Haemoglobin below\n8.0 g/dL\n- Consent", "Haemoglobin below 8.0 g/dL"),
        ("1. Aged 18 years or below\n2. Consent", "Aged 18 years or below"),  # whole already
    ],
)
def test_a_comparison_in_words_waits_for_its_value_on_the_next_line(text: str, first: str) -> None:
    assert _items(text) == [first, "Consent"]


def test_a_protocol_numbered_cohort_over_a_lettered_list_heads_it() -> None:
    text = "4.1.1 Adult cohort\nA. Age ≥ 18\nB. SLE\n4.1.2 Juvenile cohort\nA. Age 12 to 17"
    assert _sections(text) == [
        ("Adult cohort", "Age ≥ 18"),
        ("Adult cohort", "SLE"),
        ("Juvenile cohort", "Age 12 to 17"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "① Adult ② SLE ③ Consent",
        "Inclusion: ① Adult; ② SLE; ③ Consent",
    ],
)
def test_circled_numerals_on_one_line(text: str) -> None:
    assert _items(text)[-3:] == ["Adult", "SLE", "Consent"]


def test_a_circled_numeral_out_of_order_is_no_list() -> None:
    assert _items("Grade ② toxicity is allowed") == ["Grade ② toxicity is allowed"]


def test_a_sentence_set_in_under_a_finished_item_is_a_note_on_it() -> None:
    text = (
        "1. Age ≥ 18 years;\n"
        "   Patients with thymoma must have had thymectomy more than 12 months earlier.\n"
        "2. MG-ADL ≥ 6;"
    )
    assert _items(text) == [
        "Age ≥ 18 years; Patients with thymoma must have had thymectomy more than 12 months "
        "earlier.",
        "MG-ADL ≥ 6",
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1. Age ≥ 18 years.\n   - SLEDAI-2K ≥ 6.\n2. Consent.", 3),  # a sub-bullet
        ("1. Age ≥ 18 years.\n   a) SLEDAI-2K ≥ 6.\n   b) Positive ANA.\n2. Consent.", 4),
        ("1. Adequate organ function:\n   ANC ≥ 1.5 × 10^9/L.\n   Platelets ≥ 100.\n", 3),
        ("1. Age ≥ 18 years.\nSigned informed consent.\n2. Positive ANA.", 3),  # not set in
        ("1. Adequate organ function.\n   ANC ≥ 1.5 × 10^9/L.\n2. Consent.", 3),  # a limit
        ("- Age ≥ 18 years.\n  Cohort A (SLE)\n  - SLEDAI-2K ≥ 6.", 2),  # a cohort's name
    ],
)
def test_an_indented_line_that_is_an_item_or_heading_still_stands_apart(
    text: str, count: int
) -> None:
    assert len(_items(text)) == count


def test_a_note_under_an_item_is_no_criterion_of_its_own_on_a_page() -> None:
    page = (
        "NCT06500024\nInclusion Criteria:\n1. Age ≥ 18 years;\n"
        "   Patients with thymoma must have had thymectomy more than 12 months earlier.\n"
        "2. MG-ADL ≥ 6;\n\nExclusion Criteria:\n1. IgG < 6 g/L;\n"
    )
    types = page_marts(page)["criteria"]["criterion_type"].to_list()
    assert types == ["INCLUSION", "INCLUSION", "EXCLUSION"]
