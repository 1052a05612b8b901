"""A ClinicalTrials.gov ``<clinical_study>`` XML record is read as its page, with spans into it."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.marts.pipeline import build_marts
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged
from transforms.text.xml_record_page import render_xml_record

RECORD = """<?xml version="1.0" encoding="UTF-8"?>
<clinical_study rank="1">
  <required_header>
    <download_date>ClinicalTrials.gov processed this data on March 01, 2024</download_date>
  </required_header>
  <id_info>
    <org_study_id>CART-SLE-2023</org_study_id>
    <nct_id>NCT05888888</nct_id>
  </id_info>
  <brief_title>CD19 CAR-T Cells for Refractory Systemic Lupus Erythematosus</brief_title>
  <sponsors>
    <lead_sponsor>
      <agency>Universitätsklinikum Erlangen</agency>
    </lead_sponsor>
  </sponsors>
  <overall_status>Recruiting</overall_status>
  <start_date type="Actual">June 1, 2023</start_date>
  <phase>Phase 1/Phase 2</phase>
  <study_type>Interventional</study_type>
  <study_design_info>
    <allocation>N/A</allocation>
    <masking>None (Open Label)</masking>
  </study_design_info>
  <primary_outcome>
    <measure>Incidence of adverse events</measure>
    <time_frame>Up to 90 days after infusion</time_frame>
  </primary_outcome>
  <secondary_outcome>
    <measure>SRI-4 response</measure>
    <time_frame>Week 24</time_frame>
  </secondary_outcome>
  <enrollment type="Anticipated">12</enrollment>
  <condition>Systemic Lupus Erythematosus</condition>
  <arm_group>
    <arm_group_label>CAR-T</arm_group_label>
    <arm_group_type>Experimental</arm_group_type>
    <description>A single infusion of 1 x 10^6 CAR-T cells/kg</description>
  </arm_group>
  <intervention>
    <intervention_type>Biological</intervention_type>
    <intervention_name>CD19 CAR-T cells</intervention_name>
    <arm_group_label>CAR-T</arm_group_label>
  </intervention>
  <eligibility>
    <criteria>
      <textblock>
        Inclusion Criteria:

          -  SLEDAI-2K &gt;= 8

        Exclusion Criteria:

          -  eGFR &lt; 30 mL/min/1.73m2
      </textblock>
    </criteria>
    <gender>All</gender>
    <minimum_age>18 Years</minimum_age>
  </eligibility>
  <location>
    <facility>
      <name>Uniklinikum Erlangen</name>
      <address><city>Erlangen</city><country>Germany</country></address>
    </facility>
  </location>
</clinical_study>
"""


def _build(raw: str) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame]]:
    landed, _ = land_files([("NCT05888888.xml", raw.encode())], datetime(2026, 1, 1, tzinfo=UTC))
    staged, _ = build_staged(landed)
    return staged, build_marts(staged)[0]


def test_an_xml_record_gives_every_mart() -> None:
    _, marts = _build(RECORD)
    trial = marts["trials"].row(0, named=True)
    assert (trial["source_format"], trial["nct_id"]) == ("ctgov_xml", "NCT05888888")
    assert trial["title"] == "CD19 CAR-T Cells for Refractory Systemic Lupus Erythematosus"
    assert trial["lead_sponsor"] == "Universitätsklinikum Erlangen"
    assert (trial["overall_status"], trial["phases"]) == ("RECRUITING", ["PHASE1", "PHASE2"])
    assert (trial["allocation"], trial["masking"]) == ("NA", "NONE")
    assert (trial["enrollment"], trial["enrollment_type"]) == (12, "ESTIMATED")
    assert (str(trial["start_date"]), trial["start_date_precision"]) == ("2023-06-01", "day")
    assert (trial["sex"], trial["min_age_years"]) == ("ALL", 18)
    assert trial["conditions"] == ["Systemic Lupus Erythematosus"]
    assert trial["countries"] == ["Germany"]
    arms = marts["arms"].select("label", "arm_type", "intervention_names").rows()
    assert arms == [("CAR-T", "EXPERIMENTAL", ["CD19 CAR-T cells"])]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [("CAR-T", 1e6)]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [
        ("PRIMARY", "Incidence of adverse events", 90),
        ("SECONDARY", "SRI-4 response", 168),
    ]
    thresholds = marts["criteria_thresholds"].select("concept", "operator", "value").rows()
    assert thresholds == [("sledai_2k", ">=", 8), ("egfr", "<", 30)]


def test_spans_point_into_the_xml_entities_included() -> None:
    staged, marts = _build(RECORD)
    criteria = marts["criteria"].select("span_start", "span_end").rows()
    assert [RECORD[a:b] for a, b in criteria] == ["SLEDAI-2K &gt;= 8", "eGFR &lt; 30 mL/min/1.73m2"]
    sponsor = staged["stg_fields"].filter(pl.col("field") == "lead_sponsor").row(0, named=True)
    assert RECORD[sponsor["span_start"] : sponsor["span_end"]].endswith(
        "Universitätsklinikum Erlangen"
    )


@pytest.mark.parametrize(
    "raw",
    [
        RECORD[: len(RECORD) // 2],  # cut off: not well formed
        '<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>',
        "Title: <clinical_study> is a tag name\nPhase: 1",
    ],
)
def test_other_text_is_not_an_xml_record(raw: str) -> None:
    assert render_xml_record(raw) is None
