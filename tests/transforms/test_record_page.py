"""A ClinicalTrials.gov API v2 record file is read as its page, with spans into the JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged
from transforms.text.record_page import render_record

RECORD = {
    "protocolSection": {
        "identificationModule": {
            "nctId": "NCT06000123",
            "secondaryIdInfos": [
                {"id": "2021-001234-12", "type": "EUDRACT_NUMBER"},
                {"id": "R01DC011020", "type": "NIH"},
            ],
            "briefTitle": "CD19 CAR-T Cells in Refractory Lupus Nephritis",
            "acronym": "CARLN",
        },
        "statusModule": {
            "overallStatus": "RECRUITING",
            "startDateStruct": {"date": "2024-03", "type": "ACTUAL"},
            "completionDateStruct": {"date": "2027-12-31", "type": "ESTIMATED"},
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Cell Therapies"}},
        "conditionsModule": {"conditions": ["Lupus Nephritis", "Systemic Lupus Erythematosus"]},
        "designModule": {
            "studyType": "INTERVENTIONAL",
            "phases": ["PHASE1", "PHASE2"],
            "designInfo": {"allocation": "NA", "maskingInfo": {"masking": "NONE"}},
            "enrollmentInfo": {"count": 24, "type": "ESTIMATED"},
        },
        "armsInterventionsModule": {
            "armGroups": [
                {
                    "label": "Dose level 1",
                    "type": "EXPERIMENTAL",
                    "description": "A single infusion of 1 x 10^6 CAR-T cells/kg.",
                    "interventionNames": ["Biological: CD19 CAR-T", "Drug: Fludarabine"],
                }
            ]
        },
        "outcomesModule": {
            "primaryOutcomes": [
                {"measure": "Dose-limiting toxicities", "timeFrame": "28 days"},
            ],
            "secondaryOutcomes": [
                {
                    "measure": "Complete renal response",
                    "description": "UPCR \u2264 0.5 g/g",
                    "timeFrame": "Week 24",
                }
            ],
        },
        "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\n\n* Age 18-65 years\n"
            "* SLEDAI-2K \\>= 8\n\nExclusion Criteria:\n\n* eGFR < 30 mL/min/1.73m2",
            "healthyVolunteers": False,
            "sex": "ALL",
            "minimumAge": "18 Years",
            "maximumAge": "65 Years",
        },
        "contactsLocationsModule": {
            "locations": [{"facility": "Charité", "city": "Berlin", "country": "Germany"}]
        },
    }
}


def _marts(raw: str) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
    landed, _ = land_files([("NCT06000123.json", raw.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    staged, _ = build_staged(landed)
    return staged, build_marts(staged)[0]


@pytest.mark.parametrize("indent", [2, None], ids=["pretty", "one line"])
def test_a_record_gives_every_mart(indent: int | None) -> None:
    raw = json.dumps(RECORD, indent=indent)
    _, marts = _marts(raw)
    trial = marts["trials"].row(0, named=True)
    assert trial["source_format"] == "ctgov_json"
    assert (trial["nct_id"], trial["title"], trial["acronym"]) == (
        "NCT06000123",
        "CD19 CAR-T Cells in Refractory Lupus Nephritis",
        "CARLN",
    )
    assert trial["registry_ids"] == ["NCT06000123", "2021-001234-12"]
    assert (trial["overall_status"], trial["phases"], trial["enrollment"]) == (
        "RECRUITING",
        ["PHASE1", "PHASE2"],
        24,
    )
    assert (trial["allocation"], trial["masking"], trial["enrollment_type"]) == (
        "NA",
        "NONE",
        "ESTIMATED",
    )
    assert str(trial["start_date"]) == "2024-03-01" and trial["start_date_precision"] == "month"
    assert (trial["min_age_years"], trial["max_age_years"], trial["sex"]) == (18, 65, "ALL")
    assert trial["healthy_volunteers"] is False
    assert trial["conditions"] == ["Lupus Nephritis", "Systemic Lupus Erythematosus"]
    assert trial["lead_sponsor"] == "Acme Cell Therapies"
    assert trial["countries"] == ["Germany"]
    arms = marts["arms"].select("label", "arm_type", "intervention_names").rows()
    assert arms == [("Dose level 1", "EXPERIMENTAL", ["CD19 CAR-T", "Fludarabine"])]
    assert marts["doses"].select("arm_label", "dose_value", "dose_unit").rows() == [
        ("Dose level 1", 1e6, "cells/kg")
    ]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [
        ("PRIMARY", "Dose-limiting toxicities", 28),
        ("SECONDARY", "Complete renal response", 168),
    ]
    criteria = marts["criteria"].select("criterion_type", "text").rows()
    assert criteria == [
        ("INCLUSION", "Age 18-65 years"),
        ("INCLUSION", "SLEDAI-2K >= 8"),
        ("EXCLUSION", "eGFR < 30 mL/min/1.73m2"),
    ]
    thresholds = marts["criteria_thresholds"].select("concept", "operator", "value").rows()
    assert thresholds == [
        ("age", ">=", 18),
        ("age", "<=", 65),
        ("sledai_2k", ">=", 8),
        ("egfr", "<", 30),
    ]


def test_spans_point_into_the_json_text() -> None:
    raw = json.dumps(RECORD, indent=2, ensure_ascii=True)  # "\u2264", "\\>=" stay escaped
    staged, marts = _marts(raw)
    fields = staged["stg_fields"].filter(pl.col("field").is_in(["title", "lead_sponsor"]))
    for value, start, end in fields.select("value", "span_start", "span_end").rows():
        assert raw[start:end].endswith(value)  # from the key, as a line's span runs from its label
        assert raw[start:end].startswith(("briefTitle", "leadSponsor"))
    criteria = marts["criteria"].select("text", "span_start", "span_end").rows()
    assert [raw[a:b] for _, a, b in criteria] == [
        "Age 18-65 years",
        "SLEDAI-2K \\\\>= 8",  # the JSON escape of the markdown escape, as the file has it
        "eGFR < 30 mL/min/1.73m2",
    ]
    description = marts["endpoints"].filter(pl.col("description").is_not_null()).row(0, named=True)
    assert description["description"] == "UPCR \u2264 0.5 g/g"


@pytest.mark.parametrize(
    "raw",
    [
        '{"nctId": "NCT06000123", "overallStatus": "RECRUITING"}',  # a dumped record: a page
        '{"protocolSection": {"identificationModule": {"nctId": "NCT06000123"}',  # cut off
        "Title: {protocolSection} is a word here\nPhase: 1",
    ],
)
def test_other_text_is_not_a_record_file(raw: str) -> None:
    assert render_record(raw) is None


def test_a_search_answer_with_one_study_is_its_record_and_with_several_is_quarantined() -> None:
    _, marts = _marts(json.dumps({"studies": [RECORD], "nextPageToken": None}))
    assert marts["trials"]["nct_id"].to_list() == ["NCT06000123"]
    landed, _ = land_files(
        [("search.json", json.dumps({"studies": [RECORD, RECORD]}).encode())],
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    staged, quarantine = build_staged(landed)
    assert staged["stg_documents"].height == 0
    assert quarantine["reason"].to_list() == [
        "parse failed: SeveralStudiesError: 2 studies in one registry record file; "
        "land one study per file"
    ]
    lines = "\n".join(json.dumps(RECORD) for _ in range(3))  # JSON Lines
    landed, _ = land_files([("s.jsonl", lines.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    assert build_staged(landed)[1]["reason"].to_list() == [
        "parse failed: SeveralStudiesError: 3 studies in one JSON Lines file; "
        "land one study per file"
    ]


def test_a_records_free_text_is_never_its_structure() -> None:
    record = json.loads(json.dumps(RECORD))
    record["protocolSection"]["descriptionModule"] = {
        "briefSummary": "A study of CD19 CAR-T cells.",
        "detailedDescription": "Eligibility criteria: see 'Eligibility' section.\n\n"
        "Outcome measures: see 'Outcome Measures' section.\n\n- Economic measures: costs.",
    }
    outcomes = record["protocolSection"]["outcomesModule"]
    outcomes["secondaryOutcomes"][0]["description"] = (
        "Serious adverse events are those that:\n\n- Results in death\n- Is life-threatening"
    )
    _, marts = _marts(json.dumps(record, indent=2))
    endpoints = marts["endpoints"].select("measure", "description").rows()
    assert endpoints == [
        ("Dose-limiting toxicities", None),
        (
            "Complete renal response",
            "Serious adverse events are those that: - Results in death - Is life-threatening",
        ),
    ]
    assert marts["criteria"].height == 3  # the eligibility module's, none from the description


def test_a_record_on_one_line_of_a_finders_page_is_read_as_the_page() -> None:
    record = json.dumps(RECORD, ensure_ascii=True)
    raw = f"CAR-T for lupus | TrialFinder\nLoading...\nStudy record (raw)\n{record}\nShare this\n"
    _, marts = _marts(raw)
    _, whole = _marts(record)
    for name in ("trials", "arms", "doses", "endpoints", "criteria"):
        assert (
            marts[name]
            .drop("span_start", "span_end", strict=False)
            .equals(whole[name].drop("span_start", "span_end", strict=False))
        ), name
    start, end = marts["criteria"].select("span_start", "span_end").row(0)
    assert raw[start:end] == "Age 18-65 years"  # spans point into that line of the page


def test_a_broken_record_on_a_pages_line_leaves_the_page_as_text() -> None:
    raw = 'Trial: CAR-T for lupus\n{"protocolSection": {"identificationModule": \nPhase: 1\n'
    staged, marts = _marts(raw)
    assert staged["stg_documents"]["source_format"].to_list() != ["ctgov_json"]
    assert marts["trials"]["phases"].to_list() == [["PHASE1"]]
