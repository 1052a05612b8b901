"""A spreadsheet export of one study (CSV, TSV) is read as its page, with spans into the file."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged
from transforms.text.delimited_page import render_delimited

COLUMNS = {
    "NCT Number": "NCT06000456",
    "Study Title": "CD19 CAR-T Cells in Refractory Lupus Nephritis",
    "Study URL": "https://clinicaltrials.gov/study/NCT06000456",
    "Study Status": "RECRUITING",
    "Conditions": "Lupus Nephritis|Systemic Lupus Erythematosus",
    "Interventions": "BIOLOGICAL: CD19 CAR-T cells|DRUG: Fludarabine",
    "Primary Outcome Measures": (
        "Incidence of dose-limiting toxicities, DLTs as defined in the protocol, 28 days"
        "|Incidence of adverse events, , Up to 24 months"
    ),
    "Secondary Outcome Measures": 'Complete renal response, Per "KDIGO" criteria, Week 24',
    "Sponsor": "Acme Cell Therapies",
    "Sex": "ALL",
    "Age": "18 Years to 65 Years   (Adult, Older Adult)",
    "Phases": "PHASE1|PHASE2",
    "Enrollment": "24",
    "Study Type": "INTERVENTIONAL",
    "Study Design": "Allocation: NA|Intervention Model: SINGLE_GROUP|Masking: NONE",
    "Start Date": "2024-03-15",
    "Locations": "Charité, Berlin, 10117, Germany|Hôpital Necker, Paris, 75015, France",
    "Study Documents": "",
}


def _export(rows: list[dict[str, str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _build(raw: str) -> tuple[dict[str, pl.DataFrame], pl.DataFrame, dict[str, pl.DataFrame]]:
    landed, _ = land_files([("export.csv", raw.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    staged, quarantine = build_staged(landed)
    return staged, quarantine, build_marts(staged)[0]


@pytest.mark.parametrize("delimiter", [",", "\t"], ids=["csv", "tsv"])
def test_an_export_of_one_study_gives_every_mart(delimiter: str) -> None:
    _, _, marts = _build(_export([COLUMNS], delimiter))
    trial = marts["trials"].row(0, named=True)
    assert trial["source_format"] == "delimited_export"
    assert (trial["nct_id"], trial["title"]) == (
        "NCT06000456",
        "CD19 CAR-T Cells in Refractory Lupus Nephritis",
    )
    assert (trial["overall_status"], trial["phases"], trial["enrollment"]) == (
        "RECRUITING",
        ["PHASE1", "PHASE2"],
        24,
    )
    assert (trial["allocation"], trial["intervention_model"], trial["masking"]) == (
        "NA",
        "SINGLE_GROUP",
        "NONE",
    )
    assert (trial["min_age_years"], trial["max_age_years"], trial["sex"]) == (18, 65, "ALL")
    assert trial["conditions"] == ["Lupus Nephritis", "Systemic Lupus Erythematosus"]
    assert trial["lead_sponsor"] == "Acme Cell Therapies"
    assert trial["countries"] == ["France", "Germany"]
    assert str(trial["start_date"]) == "2024-03-15"
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "description", "time_frame")
    assert endpoints.rows() == [
        (
            "PRIMARY",
            "Incidence of dose-limiting toxicities",
            "DLTs as defined in the protocol",
            "28 days",
        ),
        ("PRIMARY", "Incidence of adverse events", None, "Up to 24 months"),
        ("SECONDARY", "Complete renal response", 'Per "KDIGO" criteria', "Week 24"),
    ]


def test_spans_point_into_the_cells_doubled_quotes_included() -> None:
    raw = _export([COLUMNS])
    staged, _, marts = _build(raw)
    title = staged["stg_fields"].filter(pl.col("field") == "title").row(0, named=True)
    assert raw[title["span_start"] : title["span_end"]].endswith(title["value"])
    endpoints = marts["endpoints"].select("measure", "span_start", "span_end").rows()
    for measure, start, end in endpoints:
        assert raw[start:end].startswith(measure)
    # "Per ""KDIGO"" criteria" in the file: the description's span covers it as written.
    block = marts["endpoints"].row(2, named=True)
    assert 'Per ""KDIGO"" criteria, Week 24' in raw[block["span_start"] : block["span_end"]]


def test_an_export_of_several_studies_is_quarantined_with_the_reason() -> None:
    staged, quarantine, _ = _build(_export([COLUMNS, COLUMNS]))
    assert staged["stg_documents"].height == 0
    assert quarantine["reason"].to_list() == [
        "parse failed: SeveralStudiesError: 2 studies in one spreadsheet export; "
        "land one study per file"
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "Title: A study of CAR-T, in lupus, nephritis, and myositis\nPhase: 1\n",
        "a,b,c,d\n1,2,3,4\n",  # a table, not a study: its columns name nothing the lexicon knows
        'Phase,Status,Sex,Enrollment\n"1,Recruiting,ALL,24\n',  # an unclosed quote
    ],
)
def test_other_text_is_not_an_export(raw: str) -> None:
    assert render_delimited(raw) is None


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        # The frame has commas of its own; the description has brackets and a line break.
        (
            "Overall survival (OS), Kaplan-Meier estimate (stratified, two-sided)\n\nper arm, "
            "From randomization to death from any cause, assessed up to 5 years",
            (
                "Overall survival (OS)",
                "Kaplan-Meier estimate (stratified, two-sided) per arm",
                "From randomization to death from any cause, assessed up to 5 years",
            ),
        ),
        # A description with numbers after commas is no frame; the last part is.
        (
            "Tanner stage, 1 being least development, 5 being most, 2 years",
            ("Tanner stage", "1 being least development, 5 being most", "2 years"),
        ),
        (
            "Chewing cycles, , Baseline (single timepoint only)",
            ("Chewing cycles", None, "Baseline (single timepoint only)"),
        ),
        (
            "Changes in GISS (Erythema, Papulation), , Week 16",
            ("Changes in GISS (Erythema, Papulation)", None, "Week 16"),
        ),
    ],
)
def test_an_outcome_cell_is_measure_description_and_frame(
    outcome: str, expected: tuple[str, str | None, str]
) -> None:
    _, _, marts = _build(_export([{**COLUMNS, "Primary Outcome Measures": outcome}]))
    first = marts["endpoints"].select("measure", "description", "time_frame").row(0)
    assert first == expected


def test_a_who_ictrp_export_row() -> None:
    row = {
        "TrialID": "ChiCTR2400081234",
        "Last Refreshed on": "1 April 2024",
        "Public title": "CD19 CAR-T for refractory SLE",
        "Primary sponsor": "Zhejiang University School of Medicine",
        "Date enrollement": "2024-03-15",
        "Target size": "Experimental group:12;",
        "Recruitment Status": "Recruiting",
        "Inclusion agemin": "18",
        "Inclusion agemax": "65",
        "Inclusion gender": "Both",
        "Inclusion Criteria": "1. Age 18-65 years;<br>2. SLEDAI-2K >= 8;",
        "Primary outcome": "Dose-limiting toxicity;",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    _, _, marts = _build(out.getvalue())
    trial = marts["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["overall_status"], trial["enrollment"]) == (
        "ChiCTR2400081234",
        "RECRUITING",
        12,
    )
    assert (str(trial["start_date"]), trial["sex"], trial["max_age_years"]) == (
        "2024-03-15",
        "ALL",
        65,
    )
    assert marts["criteria"]["text"].to_list() == ["Age 18-65 years", "SLEDAI-2K >= 8"]
