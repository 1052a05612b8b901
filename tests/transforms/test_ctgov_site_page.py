"""A ClinicalTrials.gov study page copied as text: a label per line, its value on the next."""

from __future__ import annotations

from datetime import date

import polars as pl

from tests.transforms.page_build import page_marts
from transforms.values.doses import find_doses

PAGE = """ClinicalTrials.gov
Study Overview
Official Title
An Open-Label Study of an Anti-CD19 CAR T-cell Therapy in Subjects With Refractory Lupus Nephritis
Other Study ID Numbers
KYSA-1
Study Start (Actual)
2023-06-15
Primary Completion (Estimated)
2026-06
Enrollment (Estimated)
12
Phase
Phase 1
Phase 2
Contacts and Locations
This section provides the contact details for those conducting the study.
Study Locations
United States, Georgia
Emory University
Atlanta, Georgia, United States, 30322
Participation Criteria
Researchers look for people who fit a certain description, called eligibility criteria.
Eligibility Criteria
Key Inclusion Criteria:

Age 18 to 65 years.
Key Exclusion Criteria:

Prior CAR T therapy.
"""


def _marts(page: str) -> dict[str, pl.DataFrame]:
    return page_marts(page, "page.txt")


def test_the_fields_after_a_list_of_other_identifiers_are_the_trials() -> None:
    trial = _marts(PAGE)["trials"].row(0, named=True)
    assert trial["start_date"] == date(2023, 6, 15)
    assert trial["primary_completion_date"] == date(2026, 6, 1)
    assert (trial["enrollment"], trial["enrollment_type"]) == (12, "ESTIMATED")


def test_phases_listed_one_per_line_under_their_label() -> None:
    assert _marts(PAGE)["trials"]["phases"].to_list() == [["PHASE1", "PHASE2"]]


def test_a_state_named_like_a_country_under_its_country() -> None:
    assert _marts(PAGE)["trials"]["countries"].to_list() == [["United States"]]


def test_the_sites_explainers_are_no_criteria() -> None:
    criteria = _marts(PAGE)["criteria"].select("criterion_type", "text").rows()
    assert criteria == [("INCLUSION", "Age 18 to 65 years."), ("EXCLUSION", "Prior CAR T therapy.")]


def test_a_dose_names_its_product_between_number_and_cells() -> None:
    doses = find_doses("a single dose of 1 x 10^8 KYV-101 CAR T cells after lymphodepletion")
    assert [(d.value, d.unit, d.text) for d in doses] == [
        (1e8, "cells", "1 x 10^8 KYV-101 CAR T cells")
    ]


def test_an_outcome_tables_column_names_a_line_each() -> None:
    page = (
        "Primary Outcome Measures\nOutcome Measure\nMeasure Description\nTime Frame\n"
        "Incidence of treatment-emergent adverse events\n"
        "Adverse events graded per CTCAE v5.0.\n28 days post infusion\n"
        "Secondary Outcome Measures\nCAR-T cell expansion\nMeasured by qPCR.\nup to 2 years\n"
    )
    rows = _marts(page)["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert rows == [
        ("PRIMARY", "Incidence of treatment-emergent adverse events", 28),
        ("SECONDARY", "CAR-T cell expansion", 730),
    ]
