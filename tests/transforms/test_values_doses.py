"""find_doses: cell doses in the notations scraping leaves behind; drug and lab values
are not doses."""

from __future__ import annotations

import pytest

from transforms.values.doses import DoseMention, find_doses


def _summary(text):
    return [(d.value, d.value_max, d.unit) for d in find_doses(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1×10^5/kg", [(1e5, None, "cells/kg")]),
        ("1x10\\^5 cells/Kg", [(1e5, None, "cells/kg")]),
        ("1×10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        ("1×10^6 CD19 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        ("2 x 10^6 CAR+ T cells/kg", [(2e6, None, "CAR+ cells/kg")]),
        ("2 x 10^8 CAR+ T cells", [(2e8, None, "CAR+ cells")]),
        ("1 × 10^6 CAR-positive T cells per kg", [(1e6, None, "CAR+ cells/kg")]),
        ("1.0 × 10⁶ cells/kg", [(1e6, None, "cells/kg")]),
        # A raised decimal point before a times sign; a middle dot before "10" is the times.
        ("1·0 × 10^6 CAR T cells per kg", [(1e6, None, "cells/kg")]),
        ("2·5×10^7 cells", [(2.5e7, None, "cells")]),
        ("3·10^6 cells/kg", [(3e6, None, "cells/kg")]),
        # Falling values are levels in turn, not a range; no cells is no level.
        (
            "de-escalated from 3 × 10^6 to 1 × 10^6 cells/kg",
            [(3e6, None, "cells/kg"), (1e6, None, "cells/kg")],
        ),
        ("Dose: 0 × 10^6 CAR-T cells/kg", []),
        ("3×10⁵/kg", [(3e5, None, "cells/kg")]),
        ("5e5 cells/kg", [(5e5, None, "cells/kg")]),
        ("5.0 e5/ kg", [(5e5, None, "cells/kg")]),
        ("10e6 cells/kg", [(1e6, None, "cells/kg")]),
        ("2 x 10e6 cells/kg", [(2e6, None, "cells/kg")]),
        ("1.0×10^6个CAR-T细胞/kg", [(1e6, None, "cells/kg")]),  # a measure word, then cells
        ("剂量为1×10^6个/kg", [(1e6, None, "cells/kg")]),
        ("3×10^6 个细胞/公斤", [(3e6, None, "cells/kg")]),
        ("1×10(6) cells/kg", [(1e6, None, "cells/kg")]),  # the superscript in brackets
        ("1 x 10e6 cCAR T cells/kg", [(1e6, None, "cells/kg")]),  # a compound CAR
        ("3 × 106 cCAR T cells/kg", [(3e6, None, "cells/kg")]),
        ("0.5-1 × 10e6 cells/kg", [(5e5, 1e6, "cells/kg")]),
        ("1×105/kg", [(1e5, None, "cells/kg")]),
        ("1 × 107/kg", [(1e7, None, "cells/kg")]),
        ("0.5-1 × 10^6 cells/kg", [(5e5, 1e6, "cells/kg")]),
        ("0.5-1 × 10^6 CAR+ T cells/kg", [(5e5, 1e6, "CAR+ cells/kg")]),
        ("1,0 × 10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),  # a decimal comma
        ("2,5 x 10e6 cells/kg", [(2.5e6, None, "cells/kg")]),
        ("0,5-1,0 × 10^6 cells/kg", [(5e5, 1e6, "cells/kg")]),
        ("1x10^6 CAR-T/kg", [(1e6, None, "cells/kg")]),  # no "cells" word
        # A power of ten alone is one of it.
        ("10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        ("10⁶ cells/kg", [(1e6, None, "cells/kg")]),
        ("from 10^5 to 10^6 cells/kg", [(1e5, 1e6, "cells/kg")]),
        ("platelets ≥ 10^9/L", []),
        # Levels listed before one scale; one number before a comma is no list.
        (
            "0.3, 1.0, and 3.0 × 10^6 cells/kg",
            [(3e5, None, "cells/kg"), (1e6, None, "cells/kg"), (3e6, None, "cells/kg")],
        ),
        ("doses of 1 and 2 x 10^6/kg", [(1e6, None, "cells/kg"), (2e6, None, "cells/kg")]),
        ("Cohort 2, 1.0 × 10^6 cells/kg", [(1e6, None, "cells/kg")]),
        ("1 to 3 × 10^6 cells/kg", [(1e6, 3e6, "cells/kg")]),
        ("1×10^6 - 5×10^6 cells/kg", [(1e6, 5e6, "cells/kg")]),
        ("1.5×10^8 cells", [(1.5e8, None, "cells")]),
        # A level's number before a dash is no range's low end.
        ("Dose 2 — 3 x 10^6 cells/kg", [(3e6, None, "cells/kg")]),
        ("Dose 1 - 1 x 10^6 cells/kg", [(1e6, None, "cells/kg")]),
        ("Group 3 – 2 × 10^6 cells/kg", [(2e6, None, "cells/kg")]),
        ("Cohort 1: 1-2 × 10^6 cells/kg", [(1e6, 2e6, "cells/kg")]),
        # A blood count per volume is no dose.
        ("ALC ≥ 0.5 × 10^9 cells/L", []),
        ("lymphocytes 1 × 10^9 cells per liter", []),
        # A flat ceiling after a per-kg dose; a level "up to" keeps its unit.
        ("1 × 10^6 cells/kg, up to 1 × 10^8 cells", [(1e6, None, "cells/kg")]),
        ("1 × 10^6 cells/kg (? 1 × 10^8 cells in total)", [(1e6, None, "cells/kg")]),
        ("escalating doses up to 3 × 10^6 cells/kg", [(3e6, None, "cells/kg")]),
        # Counts written out, a tolerance between magnitude and unit.
        ("1,000,000 cells/kg", [(1e6, None, "cells/kg")]),
        ("a total of 100,000,000 CAR-T cells", [(1e8, None, "cells")]),
        ("2.0 × 10^6 (±20%) CAR-T cells/kg", [(2e6, None, "cells/kg")]),
        ("One million CAR-T cells per kilogram", [(1e6, None, "cells/kg")]),
        # A day's part of a split dose is no level of its own.
        (
            "1 × 10^6 cells/kg split over 2 days (5 × 10^5 cells/kg per day)",
            [(1e6, None, "cells/kg")],
        ),
        ("5 × 10^5 cells/kg per day for 2 days", [(5e5, None, "cells/kg")]),
        ("patients receive ten million CAR-T cells", [(1e7, None, "cells")]),
        # A day's number before "and" lists no level; a floor to reach is no level.
        (
            "5 × 10^5 cells/kg on day 0 and 5 × 10^5 cells/kg on day 1",
            [(5e5, None, "cells/kg"), (5e5, None, "cells/kg")],
        ),
        ("Apheresis must yield at least 1 × 10^9 T cells", []),
        ("A minimum of 2 × 10^8 CAR-T cells must be manufactured", []),
        ("1×10^8 cells/m2", [(1e8, None, "cells/m2")]),
        ("2 million cells/kg", [(2e6, None, "cells/kg")]),
        ("1 × 10^(6) cells/kg", [(1e6, None, "cells/kg")]),
        (
            "Three dose groups (1×105/kg, 3×105/kg, 5×105/kg) were set up",
            [(1e5, None, "cells/kg"), (3e5, None, "cells/kg"), (5e5, None, "cells/kg")],
        ),
        (
            "Dosage:1×10\\^5 cells/Kg; 3×10\\^5 cells/Kg; 1×10\\^6 cells/Kg",
            [(1e5, None, "cells/kg"), (3e5, None, "cells/kg"), (1e6, None, "cells/kg")],
        ),
        (
            "1×10^6 cells/kg then again 1×10^6 cells/kg",
            [(1e6, None, "cells/kg"), (1e6, None, "cells/kg")],
        ),
        # cells named by the product's kind alone
        ("DL1: 5 × 10^7 CAR-T", [(5e7, None, "cells")]),
        ("DL3: 2 × 10^8 total CAR T", [(2e8, None, "cells")]),
        ("2 × 10^8 CAR+ T", [(2e8, None, "CAR+ cells")]),
        # a bare tolerance
        ("A single dose of 1 × 10^6 ± 20% CAR+ T cells/kg.", [(1e6, None, "CAR+ cells/kg")]),
        # a target dose's range and a dose's shares are no levels of their own
        (
            "Target dose 1 × 10^8 CAR+ T cells (range 0.5-1.5 × 10^8 CAR+ T cells).",
            [(1e8, None, "CAR+ cells")],
        ),
        (
            "The CAR-T dose is 1 x 10^6 cells/kg, given in two fractions: 30% (3 × 10^5 "
            "cells/kg) on day 0 and 70% (7 × 10^5 cells/kg) on day 2.",
            [(1e6, None, "cells/kg")],
        ),
        # a range with no target dose before it is the dose
        ("dose range 1-5 × 10^6 cells/kg", [(1e6, 5e6, "cells/kg")]),
    ],
)
def test_find_doses(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "prednisone≥1mg/kg/d",
        "25 mg/m2",
        "30 mg/m²/day",
        "fludarabine 30 mg/m2/day for 3 days",
        "≥1.0×10^9/L",
        "Absolute neutrophil count ≥1.0×10^9/L",
        "Platelets ≥50×10^9/L",
        "Platelets ≥50×10\\^9/L",
        "more than 1 mg/Kg/d",
        "10 kg",
        "the 2019 EULAR/ACR criteria",
        "1×10^6",
        "HBV DNA >1000 copies/ml",
        "x 10 cells",
        "CD19",
        "",
        None,
        # what manufacturing made, not what a patient gets
        "Manufacturing yielded a median of 5 × 10^8 cells per product.",
        "The final product contained 3.2 × 10^9 total cells.",
    ],
)
def test_not_a_cell_dose(text):
    assert find_doses(text) == []


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        ("Dose: 0.5-1 × 10^6 cells/kg once", "0.5-1 × 10^6 cells/kg"),
        ("Dosage: 3×10^5 cells/Kg; once", "3×10^5 cells/Kg"),
        ("groups (1×105/kg, 3×105/kg)", "1×105/kg"),
    ],
)
def test_mention_text_is_the_span(text, span_text):
    dose = find_doses(text)[0]
    assert text[dose.start : dose.end] == dose.text == span_text


def test_mention_fields():
    assert find_doses("Dose: 0.5-1 × 10^6 cells/kg once") == [
        DoseMention(5e5, 1e6, "cells/kg", 6, 27, "0.5-1 × 10^6 cells/kg")
    ]


def test_long_input_is_linear():
    text = "1 x 10 " * 300_000 + "1×10^6 cells/kg"
    assert _summary(text) == [(1e6, None, "cells/kg")]


@pytest.mark.parametrize(
    "text",
    [
        "1 × 10^6 CAR-T cells/kg (not to exceed 1 × 10^8 CAR-T cells)",
        "1×10^6 cells/kg, maximum dose of 1.5×10^8 cells",
        "1×10^6 cells/kg; total cells no more than 2 billion CAR-T cells",
    ],
)
def test_a_ceiling_on_the_dose_is_no_dose_level(text: str) -> None:
    assert [(d.value, d.unit) for d in find_doses(text)] == [(1e6, "cells/kg")]


def test_two_doses_joined_by_to_are_one_range() -> None:
    [dose] = find_doses("Dose range: 5.0 e5/ kg to 2.0e6/kg")
    assert (dose.value, dose.value_max, dose.unit) == (5e5, 2e6, "cells/kg")
    assert dose.text == "5.0 e5/ kg to 2.0e6/kg"
    assert len(find_doses("1×10^6 cells/kg or 3×10^6 cells/kg")) == 2


def test_a_cap_word_must_be_a_word() -> None:
    assert [d.value for d in find_doses("Product: CARMAX 1×10^6 cells/kg")] == [1e6]


def test_a_dose_span_ends_at_its_last_word() -> None:
    text = "at a dose of 1 × 10^8 CAR-T cells following lymphodepletion"
    (dose,) = find_doses(text)
    assert dose.text == "1 × 10^8 CAR-T cells"
    assert text[dose.start : dose.end] == dose.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.5 x 10 6 cells/kg", [(2.5e6, None, "cells/kg")]),  # a superscript lost to a space
        ("2 × 10⁶ CAR⁺ T cells/kg", [(2e6, None, "CAR+ cells/kg")]),  # a superscript plus
        ("platelets ≥ 75 x 10 9/L", []),  # per litre: a lab value
        ("Group 2 x 10 patients", []),
    ],
)
def test_flattened_and_superscript_forms(text, expected):
    assert [(m.value, m.value_max, m.unit) for m in find_doses(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each level written whole, the unit once: the exponent "6" is no listed level
            "1 × 10^6, 3 × 10^6 and 1 × 10^7 cells/kg",
            [(1e6, None, "cells/kg"), (3e6, None, "cells/kg"), (1e7, None, "cells/kg")],
        ),
        ("between 2 × 10^8 and 5 × 10^8 cells", [(2e8, 5e8, "cells")]),
        ("between 2 × 108 and 5 × 108 total CAR+ T cells", [(2e8, 5e8, "CAR+ cells")]),
        ("2 × 10^8 and 5 × 10^8 cells", [(2e8, None, "cells"), (5e8, None, "cells")]),
        (
            "0.3, 1.0 and 3.0 × 10^6 cells/kg",
            [(3e5, None, "cells/kg"), (1e6, None, "cells/kg"), (3e6, None, "cells/kg")],
        ),
        ("1 × 10^6 cells/kg (not to exceed 1 × 10^8 cells)", [(1e6, None, "cells/kg")]),
    ],
)
def test_levels_listed_with_their_magnitudes(text, expected):
    assert [(m.value, m.value_max, m.unit) for m in find_doses(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a flattened superscript before the antigen that names the cells
        ("1 × 106 CD19 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        ("1 × 108 anti-CD19 CAR-T cells", [(1e8, None, "cells")]),
        # engineered cells of other kinds
        ("1 × 10^9 TCR-T cells", [(1e9, None, "cells")]),
        ("1 x 10^8 CAAR-T cells (MuSK-CAART)", [(1e8, None, "cells")]),
        ("50M CAR T cells", [(5e7, None, "cells")]),
        # the range a target dose may fall in, both ends scaled, is not a level
        (
            "The recommended dose is 2.0×10⁶ CAR-T cells/kg (range: 1.0×10⁶–3.0×10⁶ CAR-T "
            "cells/kg).",
            [(2e6, None, "cells/kg")],
        ),
        # cells to be collected for manufacturing are no dose
        (
            "Leukapheresis will collect approximately 1-2 × 10^9 CD3+ T cells for manufacturing. "
            "Patients then receive 1 × 10^6 CAR-T cells/kg.",
            [(1e6, None, "cells/kg")],
        ),
        # a range in words, and which cells a dose counts in brackets after its unit
        ("between 1 and 2 x 10^6 CAR+ T cells/kg", [(1e6, 2e6, "CAR+ cells/kg")]),
        ("doses of 1 and 2 x 10^6 cells/kg", [(1e6, None, "cells/kg"), (2e6, None, "cells/kg")]),
        ("2 × 10^6 cells/kg (CAR+ T cells)", [(2e6, None, "CAR+ cells/kg")]),
        ("2 × 10^6 cells/kg (CAR-T)", [(2e6, None, "cells/kg")]),
    ],
)
def test_doses_written_in_other_shapes(text: str, expected: list) -> None:
    assert _summary(text) == expected


def test_a_column_header_giving_the_scale_and_per_kg_unit() -> None:
    from transforms.values.doses import find_doses_under, header_dose_unit

    unit = header_dose_unit("Dose (×10^6/kg)")
    assert unit is not None
    assert [(d.value, d.unit) for d in find_doses_under("0.5", unit)] == [(5e5, "cells/kg")]
    assert header_dose_unit("Dose (mg/kg)") is None


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Dose (10^6 CAR-T cells/kg)", "0.5", [(5e5, "cells/kg")]),
        ("Dose (×10⁶ cells/kg)", "3", [(3e6, "cells/kg")]),
        ("Dose (million CAR+ T cells)", "30", [(3e7, "CAR+ cells")]),
    ],
)
def test_a_column_headers_scale_however_written(header: str, cell: str, expected: list) -> None:
    from transforms.values.doses import find_doses_under, header_dose_unit

    unit = header_dose_unit(header)
    assert unit is not None
    assert [(d.value, d.unit) for d in find_doses_under(cell, unit)] == expected


def test_a_dose_tables_header_scale_is_no_dose_of_its_own() -> None:
    from tests.transforms.page_build import page_marts

    doses = page_marts(
        "CD19 CAR-T dose finding\n| Dose level | Dose (10^6 CAR-T cells/kg) | Cohort size |\n"
        "| --- | --- | --- |\n| DL-1 | 0.5 | 3 |\n| DL1 | 1.0 | 3-6 |\n| DL2 | 2.0 | 3-6 |\n"
        "Arms: Experimental: CAR-T\n"
    )["doses"]
    assert doses.select("dose_value", "dose_unit").rows() == [
        (5e5, "cells/kg"),
        (1e6, "cells/kg"),
        (2e6, "cells/kg"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how the product is made or aimed, between the number and its cells
        ("5 × 10^7 allogeneic CAR-T cells", [(5e7, None, "cells")]),
        ("1 × 10^8 fully human CD19 CAR T cells", [(1e8, None, "cells")]),
        ("1 × 10^6 CD19-targeted CAR T cells/kg", [(1e6, None, "cells/kg")]),
        ("1 million CAR-T cells for each kilogram of body weight", [(1e6, None, "cells/kg")]),
        # a product's specification is no dose
        ("Specification: 1.0 × 10^8 CAR-T cells per bag (20 mL)", []),
        # the target before its allowed range, the unit after both
        ("1 × 10^6 (range: 0.5-2 × 10^6) CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        # levels in turn: arrows, "and then", names in brackets or before each
        (
            "0.5 × 10^6 → 1 × 10^6 → 2 × 10^6 CAR-T cells/kg",
            [(5e5, None, "cells/kg"), (1e6, None, "cells/kg"), (2e6, None, "cells/kg")],
        ),
        (
            "escalated from 0.5 × 10^6 to 1 × 10^6 and then 2 × 10^6 CAR-T cells/kg",
            [(5e5, None, "cells/kg"), (1e6, None, "cells/kg"), (2e6, None, "cells/kg")],
        ),
        (
            "50 × 10^6 (DL1), 100 × 10^6 (DL2) and 200 × 10^6 (DL3) CAR T cells",
            [(5e7, None, "cells"), (1e8, None, "cells"), (2e8, None, "cells")],
        ),
        (
            "DL1 1×10^6, DL2 2×10^6, DL3 4×10^6 CAR-T cells/kg",
            [(1e6, None, "cells/kg"), (2e6, None, "cells/kg"), (4e6, None, "cells/kg")],
        ),
        # a range keeps its unit after its high end
        ("0.5 × 10^6 to 1 × 10^6 cells/kg", [(5e5, 1e6, "cells/kg")]),
    ],
)
def test_sponsor_page_dose_wordings(text: str, expected: list) -> None:
    assert [(d.value, d.value_max, d.unit) for d in find_doses(text)] == expected


def test_a_column_headers_scale_after_its_unit() -> None:
    from transforms.values.doses import find_doses_under, header_dose_unit

    unit = header_dose_unit("CAR+ T cells/kg (×10⁶)")
    assert unit is not None
    assert [(d.value, d.unit) for d in find_doses_under("0.25", unit)] == [(2.5e5, "CAR+ cells/kg")]
    assert header_dose_unit("CAR-T cells/kg (n=3)") == "CAR-T cells/kg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a blood count before the dose takes no unit from it
        ("ANC ≥ 1 × 10^9 then 1 × 10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        ("platelets ≥ 50 × 10^9; 1 × 10^6 CAR-T cells/kg", [(1e6, None, "cells/kg")]),
        # cells of a laboratory or an animal study are no dose
        ("2 × 10^6 human T cells were injected into NSG mice", []),
        ("1 × 10^4 CD19-positive target cells", []),
        # levels given per bag without a specification's word stay levels
        (
            "Dose levels: 1 × 10^7, 5 × 10^7 and 1 × 10^8 CAR-T cells per infusion bag.",
            [(1e7, None, "cells"), (5e7, None, "cells"), (1e8, None, "cells")],
        ),
        # a range whose unit comes after a bracket is one range
        ("1 × 10^6 to 2 × 10^6 (median 1.5 × 10^6) CAR-T cells/kg", [(1e6, 2e6, "cells/kg")]),
    ],
)
def test_near_misses_of_the_sponsor_page_wordings(text: str, expected: list) -> None:
    assert [(d.value, d.value_max, d.unit) for d in find_doses(text)] == expected


def test_a_dose_tables_scale_on_a_second_header_row() -> None:
    from tests.transforms.page_build import page_marts

    doses = page_marts(
        "CD19 CAR-T dose finding\n| Dose level | Dose |\n| --- | --- |\n"
        "| | (10^6 CAR-T cells/kg) |\n| DL1 | 0.5 |\n| DL2 | 1 |\nArms: Experimental: CAR-T\n"
    )["doses"]
    assert doses.select("dose_value", "dose_unit").rows() == [(5e5, "cells/kg"), (1e6, "cells/kg")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label that names the unit of the levels after it, as a column's header would
        (
            "Dose levels (CAR+ T cells/kg): 0.3 × 10^6; 1 × 10^6; 3 × 10^6",
            [
                (3e5, None, "CAR+ cells/kg"),
                (1e6, None, "CAR+ cells/kg"),
                (3e6, None, "CAR+ cells/kg"),
            ],
        ),
        (
            "Dose (10^6 CAR-T cells/kg): 0.5 and 1",
            [(5e5, None, "cells/kg"), (1e6, None, "cells/kg")],
        ),
        # but not a count's label, nor values that write their own unit
        ("Lymphocytes (cells/µL): 1 × 10^3", []),
        ("Dose (cells/kg): 2 × 10^8 CAR-T cells", [(2e8, None, "cells")]),
        # levels named in brackets after each, the unit given with the first only
        (
            "1 × 10^6 CAR-T cells/kg (DL1) and 2 × 10^6 (DL2); at DLTs, 5 × 10^5 (DL-1)",
            [(1e6, None, "cells/kg"), (2e6, None, "cells/kg"), (5e5, None, "cells/kg")],
        ),
        # a count after a level's dose, not itself named a level, is none
        ("1 × 10^6 CAR-T cells/kg (DL1); ANC ≥ 1 × 10^9", [(1e6, None, "cells/kg")]),
        ("ANC ≥ 1 × 10^9/L (DL1) and 2 × 10^9 (DL2)", []),
    ],
)
def test_a_unit_given_once_for_levels_named_alike(text: str, expected: list) -> None:
    assert _summary(text) == expected
