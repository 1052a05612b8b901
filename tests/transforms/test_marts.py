"""Mart builders on small pages written inline: identity, dedup, NULLs, context rules."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.marts.pipeline import build_chunk, build_marts, parse_and_build
from transforms.raw.documents import land_files
from transforms.staged.pipeline import build_staged, parse_documents


def _marts(pages: dict[str, str]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    raw, _ = land_files(
        [(k, v.encode()) for k, v in pages.items()], datetime(2026, 1, 1, tzinfo=UTC)
    )
    staged, _ = build_staged(raw)
    return build_marts(staged)


def _trial(page: str) -> dict[str, object]:
    """The one trials row of a one-page corpus."""
    return _marts({"a.txt": page})[0]["trials"].row(0, named=True)


def test_related_trial_ids_are_not_the_trials_own() -> None:
    page = "A study of CD19 CAR-T\nStatus: Recruiting\nRelated trials\nOther study\nNCT01111111"
    trials = _marts({"a.txt": page})[0]["trials"]
    assert trials["nct_id"].to_list() == [None]
    assert trials["trial_id"][0].startswith("TH-")


@pytest.mark.parametrize(
    "heading",
    [
        "Other trials by this sponsor",
        "More trials from this sponsor",
        "Other trials you may be interested in",
        "Similar studies near you",
        "Recommended trials",
        "People also viewed",
        "You might also like",
        "Studies with similar interventions",
        "Verwandte Studien",
        "Autres essais du même promoteur",
        "Estudios relacionados",
        "**Other trials by this sponsor**",
    ],
)
def test_a_block_of_other_trials_under_any_wording_is_not_the_trials(heading: str) -> None:
    page = (
        "CD19 CAR-T in myasthenia gravis\nTrial ID: DRKS00031877\n\n"
        "Exclusion Criteria:\n- Active infection\n\n"
        f"{heading}\n- NCT06419166 | Descartes-08 | Phase 2 | 100 participants\n"
        "Enrollment: 100\nStart date: 2021-05-01\nLocation: Germany\n"
    )
    marts = _marts({"a.txt": page})[0]
    trial = marts["trials"].row(0, named=True)
    assert (trial["trial_id"], trial["nct_id"]) == ("DRKS00031877", None)
    assert (trial["enrollment"], trial["start_date"], trial["countries"]) == (None, None, None)
    assert marts["criteria"]["text"].to_list() == ["Active infection"]


@pytest.mark.parametrize("heading", ["Other study details", "Study type", "More information"])
def test_a_heading_about_the_trial_itself_is_not_other_trials(heading: str) -> None:
    page = f"CD19 CAR-T in lupus\n\n{heading}\nNCT06419166\n"
    assert _trial(page)["nct_id"] == "NCT06419166"


@pytest.mark.parametrize(
    "cited",
    [
        "Participants treated in the parent study (NCT06347718) are followed for 15 years.",
        "Patients who rolled over from NCT06347718 receive a second infusion.",
        "Eligible: completed the previous trial ChiCTR2400081234.",
        "ClinicalTrials.gov NCT06347718 (related study)",
    ],
)
def test_an_id_cited_as_another_trials_in_prose_is_not_the_trials_own(cited: str) -> None:
    trial = _trial(f"Long-term follow-up of CD19 CAR-T\nStatus: Recruiting\n\nDescription\n{cited}")
    assert trial["nct_id"] is None
    assert trial["trial_id"].startswith("TH-")


@pytest.mark.parametrize(
    "sentence",
    [
        "Its Phase 1 trial (NCT06347718) is enrolling.",
        "Primary study (NCT06347718) outcomes are safety and remission.",
    ],
)
def test_the_trials_own_id_in_prose_is_still_read(sentence: str) -> None:
    page = f"CD19 CAR-T in lupus\n\nDescription\n{sentence}"
    assert _trial(page)["nct_id"] == "NCT06347718"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ChiCTR2400081234", "ChiCTR2400081234"),
        ("chictr-ior-17012345", "chictr-ior-17012345"),
        ("DRKS00031234", "DRKS00031234"),
        ("ISRCTN12345678", "ISRCTN12345678"),
        ("ACTRN12623000123456", "ACTRN12623000123456"),
        ("jRCT2031230123", "jRCT2031230123"),
        ("CTRI/2023/05/012345", "CTRI/2023/05/012345"),
        ("KCT0008123", "KCT0008123"),
        ("IRCT20230101012345N1", "IRCT20230101012345N1"),
        ("UMIN000051234", "UMIN000051234"),
        ("PACTR202301123456789", "PACTR202301123456789"),
        ("RBR-7xq3k8", "RBR-7xq3k8"),
        ("TCTR20230101001", "TCTR20230101001"),
        ("SLCTR/2023/012", "SLCTR/2023/012"),
        ("JapicCTI-235123", "JapicCTI-235123"),
        ("EUCTR2021-001234-12-DE", "EUCTR2021-001234-12-DE"),
        ("NL8123", "NL8123"),
        ("NTR7421", "NTR7421"),
        ("EudraCT number: 2021-001234-12", "2021-001234-12"),
        ("CTIS 2023-501234-12-00", "2023-501234-12-00"),
        ("2023-501234-12-00", "2023-501234-12-00"),
    ],
)
@pytest.mark.parametrize("line", ["Registry ID: {}", "The study was registered as {} in 2023."])
def test_other_registries_ids_are_the_trials_own(line: str, written: str, expected: str) -> None:
    page = f"A study of CD19 CAR-T in lupus\nStatus: Recruiting\n{line.format(written)}\n"
    trials = _marts({"a.txt": page})[0]["trials"]
    assert trials["trial_id"].to_list() == [expected]
    assert trials["registry_ids"].to_list() == [[expected]]


def test_secondary_ids_are_the_trials_own_registrations() -> None:
    page = (
        "ChiCTR2400081234\nA study of CD19 CAR-T in lupus\nOther Identifiers\n"
        "EudraCT number: 2023-501234-12\nSponsor code: CART-01\n"
        "Related trials\nNCT01111111\n"
    )
    trials = _marts({"a.txt": page})[0]["trials"]
    assert trials["trial_id"].to_list() == ["ChiCTR2400081234"]
    assert trials["registry_ids"].to_list() == [["ChiCTR2400081234", "2023-501234-12"]]
    assert trials["nct_id"].to_list() == [None]


def test_front_matter_quotes_and_ages_stated_in_the_summary() -> None:
    page = (
        '---\ntitle: "Anti-BCMA CAR-T in Myasthenia Gravis"\nstatus: withdrawn\n---\n'
        "Summary\nIt planned to enroll 40 adults aged between 18 and 75 with generalized MG.\n"
        "Registry IDs: DRKS00034567; EU CT number 2024-512345-23-00\n"
    )
    trial = _trial(page)
    assert trial["title"] == "Anti-BCMA CAR-T in Myasthenia Gravis"
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 75.0)
    assert trial["registry_ids"] == ["DRKS00034567", "2024-512345-23-00"]


def test_labels_with_a_remark_in_brackets() -> None:
    page = (
        "NCT06222222\nStudy Start (Actual): 2024-01-15\n"
        "Primary Completion (Estimated): 2026-06\nEnrollment (Estimated): 24\n"
    )
    trial = _trial(page)
    assert (str(trial["start_date"]), str(trial["primary_completion_date"])) == (
        "2024-01-15",
        "2026-06-01",
    )
    assert trial["enrollment"] == 24


def test_responsible_party_is_not_a_contacts_section() -> None:
    page = (
        "NCT06777777\nResponsible Party: Sponsor-Investigator\nSponsor\n"
        "Peking University People's Hospital\nCollaborators\nBeijing GoBroad Hospital\n"
        "Enrollment (Estimated)\n15\nSexes Eligible for Study\nAll\n"
    )
    trial = _trial(page)
    assert trial["lead_sponsor"] == "Peking University People's Hospital"
    assert (trial["enrollment"], trial["enrollment_type"]) == (15, "ESTIMATED")
    assert trial["sex"] == "ALL"


def test_dates_and_numbers_are_not_registry_ids() -> None:
    page = "Status: Recruiting\nStart date: 2023-05-01\nEnrollment: 2023-512\nDRKS trial pending\n"
    assert _marts({"a.txt": page})[0]["trials"]["registry_ids"].to_list() == [None]


def test_surrogate_id_is_stable_across_content_changes() -> None:
    first = _marts({"a.txt": "Status: Recruiting"})[0]["trials"]["trial_id"][0]
    second = _marts({"a.txt": "Status: Completed"})[0]["trials"]["trial_id"][0]
    assert first == second


def test_newer_version_of_a_trial_wins_and_older_is_quarantined() -> None:
    old = "NCT ID: NCT02222222\nLast Updated: 2023-01-01\nStatus: Recruiting"
    new = "NCT ID: NCT02222222\nLast Updated: 2024-06-01\nStatus: Completed"
    tables, quarantine = _marts({"z_old.txt": old, "a_new.txt": new})
    assert tables["trials"]["overall_status"].to_list() == ["COMPLETED"]
    assert quarantine["source_file"].to_list() == ["z_old.txt"]
    assert "superseded" in quarantine["reason"][0]


def test_empty_headings_are_null_not_values() -> None:
    page = "Enrollment\nSex\nAges\nVolunteers\nAbout\nA study."
    trial = _trial(page)
    assert trial["enrollment"] is None
    assert trial["sex"] is None
    assert trial["healthy_volunteers"] is None
    assert trial["min_age_years"] is None


def test_dose_stated_twice_is_one_row_in_ascending_order() -> None:
    page = (
        "Arms\nHigh dose\nReceives 3×10^6 cells/kg.\nInterventions\nCAR-T\n"
        "Doses of 1×10^6 cells/kg or 3×10^6 cells/kg."
    )
    doses = _marts({"a.txt": page})[0]["doses"]
    assert doses.select("dose_ordinal", "dose_value").rows() == [(1, 1e6), (2, 3e6)]
    assert doses.filter(pl.col("dose_value") == 3e6)["arm_label"][0] == "High dose"


def test_antigens_and_agents_need_their_context() -> None:
    page = (
        "Summary\nAnti-CD19 CAR-T after lymphodepletion with fludarabine.\n"
        "Exclusion criteria\n1. Prior anti-CD20 or cyclophosphamide therapy."
    )
    trial = _trial(page)
    assert trial["target_antigens"] == ["CD19"]
    assert trial["lymphodepletion_agents"] == ["fludarabine"]


def test_cells_said_to_lack_an_antigen_are_not_its_target() -> None:
    page = "Summary\nCD7-negative, CD19-directed CAR-T cells (made from CD5 neg T cells)."
    assert _trial(page)["target_antigens"] == ["CD19"]


def test_a_preparative_regimen_is_lymphodepletion() -> None:
    page = "Summary\nA preparative regimen of fludarabine and cyclophosphamide, then CAR-T."
    assert _trial(page)["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


@pytest.mark.parametrize(
    ("sentence", "agents"),
    [
        ("Lymphodepleting chemotherapy (Flu/Cy), then CAR-T.", ["cyclophosphamide", "fludarabine"]),
        (
            "Conditioning regimen: CTX 500 mg/m2 + FLU 25 mg/m2.",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Lymphodepletion with cyclophosphamide + Flu, then CAR-T.",
            ["cyclophosphamide", "fludarabine"],
        ),
        ("Flu vaccination is recommended before lymphodepletion.", None),  # influenza
        # Named by when they are given, not as lymphodepletion.
        (
            "Fludarabine and cyclophosphamide on days -5 to -3, followed by CAR-T cell infusion.",
            ["cyclophosphamide", "fludarabine"],
        ),
        ("Cyclophosphamide is given before the CAR-T cells.", ["cyclophosphamide"]),
        (
            "Fludarabine 25 mg/m2 and cyclophosphamide 250 mg/m2 daily for 3 days followed by "
            "1 × 10^6 CAR-T cells/kg.",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Patients receive fludarabine and cyclophosphamide, then a single infusion of KYV-101.",
            ["cyclophosphamide", "fludarabine"],
        ),
        ("Patients failed cyclophosphamide and mycophenolate.", None),  # a prior therapy
    ],
)
def test_lymphodepletion_agents_by_short_name_or_by_when_given(
    sentence: str, agents: list[str] | None
) -> None:
    assert _trial(f"Summary\n{sentence}")["lymphodepletion_agents"] == agents


def test_a_placeholder_under_sponsors_is_no_sponsor() -> None:
    assert _trial("NCT06000003\nCollaborators\nNot Provided\n")["lead_sponsor"] is None


def test_ages_fall_back_to_inclusion_thresholds() -> None:
    page = "Inclusion Criteria\n1. Age 5-18 years;\n2. SLEDAI-2K ≥ 8."
    tables, _ = _marts({"a.txt": page})
    trial = tables["trials"].row(0, named=True)
    assert (trial["min_age_years"], trial["max_age_years"]) == (5, 18)
    assert set(tables["criteria_thresholds"].select("concept", "operator").rows()) == {
        ("age", ">="),
        ("age", "<="),
        ("sledai_2k", ">="),
    }


def test_a_lost_glyph_in_an_exclusion_is_read_as_the_excluded_side() -> None:
    page = (
        "Inclusion Criteria\n1. Age ? 18 years\n2. LVEF ?45%\n"
        "Exclusion Criteria\n1. LVEF ?45% by echocardiography\n2. Total bilirubin ? 2 × ULN\n"
        "3. Age ? 18 years and = 70 years\n4. ALT ≥ 3 × ULN\n"
    )
    rows = _marts({"a.txt": page})[0]["criteria_thresholds"]
    assert rows.select("criterion_type", "concept", "operator", "value").rows() == [
        ("INCLUSION", "age", ">=", 18),
        ("INCLUSION", "lvef", ">=", 45),
        ("EXCLUSION", "lvef", "<=", 45),
        ("EXCLUSION", "total_bilirubin", ">=", 2),
        ("EXCLUSION", "age", ">=", 18),  # a range keeps its sides
        ("EXCLUSION", "age", "<=", 70),
        ("EXCLUSION", "alt", ">=", 3),  # a written glyph is kept
    ]


def test_ages_in_months_fall_back_as_years() -> None:
    page = "Inclusion Criteria\n1. Aged 6 months to 17 years;\n2. SLEDAI-2K ≥ 8."
    trial = _marts({"a.txt": page})[0]["trials"].row(0, named=True)
    assert (trial["min_age_years"], trial["max_age_years"]) == (0.5, 17)


def test_threshold_spans_point_at_raw_text() -> None:
    page = "Inclusion Criteria\n1. eGFR \\>= 30 mL/min/1.73m2"
    thresholds = _marts({"a.txt": page})[0]["criteria_thresholds"]
    start, end = thresholds.select("span_start", "span_end").row(0)
    assert page[start:end] == "eGFR \\>= 30 mL/min/1.73m2"


def test_group_count_gives_unlabelled_arms() -> None:
    arms = _marts({"a.txt": "Masking\n40 participants in 2 patient groups"})[0]["arms"]
    assert arms.height == 2
    assert arms["label"].to_list() == [None, None]


def test_a_failing_document_is_quarantined_and_others_go_on(monkeypatch) -> None:
    from transforms.marts import pipeline

    real = pipeline.document_rows

    def flaky(view):
        if view.source_file == "bad.txt":
            raise ValueError("boom")
        return real(view)

    monkeypatch.setattr(pipeline, "document_rows", flaky)
    tables, quarantine = _marts({"bad.txt": "Status: Recruiting", "good.txt": "Status: Completed"})
    assert tables["trials"]["source_file"].to_list() == ["good.txt"]
    assert quarantine.select("source_file", "stage").rows() == [("bad.txt", "marts")]


def test_removed_source_is_carried_forward_once() -> None:
    from transforms.marts.history import carry_forward_removed

    before, _ = _marts(
        {"a.txt": "NCT ID: NCT03333333\nStatus: Recruiting", "b.txt": "Status: Completed"}
    )
    now, _ = _marts({"b.txt": "Status: Completed"})
    merged = carry_forward_removed(now, before, present_files={"b.txt"})
    rows = merged["trials"].select("trial_id", "in_source").rows()
    assert ("NCT03333333", False) in rows
    assert merged["trials"].height == 2
    again = carry_forward_removed(now, merged, present_files={"b.txt"})
    assert again["trials"].height == 2
    quarantined = carry_forward_removed(now, before, present_files={"a.txt", "b.txt"})
    assert quarantined["trials"].height == 1  # present but unparsable is quarantine, not removed


def test_title_skips_breadcrumbs_and_stops_at_prose() -> None:
    page = (
        "Home > Trials > Lupus\nCD19 CAR-T Cells for Refractory Lupus Nephritis\nStatus: Recruiting"
    )
    assert _marts({"a.txt": page})[0]["trials"]["title"][0] == (
        "CD19 CAR-T Cells for Refractory Lupus Nephritis"
    )
    prose = "This study tests CAR-T cells.\nBeijing, Beijing Municipality, China"
    assert _marts({"b.txt": prose})[0]["trials"]["title"][0] is None


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to main content",
        "TrialFinder  |  Home > Lupus > Study details",
        "Home › Trials › CAR-T",
        "Sign in",
        "Accept all cookies",
        "Powered by AI · Disclaimer: information may be out of date",
    ],
)
def test_navigation_chrome_is_not_the_title(chrome: str) -> None:
    page = f"{chrome}\nCD19 CAR-T Cells for Refractory Lupus Nephritis\nStatus: Recruiting"
    assert _trial(page)["title"] == "CD19 CAR-T Cells for Refractory Lupus Nephritis"


@pytest.mark.parametrize("lost", ["- Sponsor\n- \n", "Sponsor: N/A\n", "Sponsor\nNot available\n"])
def test_a_placeholder_is_no_value(lost: str) -> None:
    page = f"CD19 CAR-T Cells for Refractory Lupus Nephritis\n{lost}Phase: N/A\n"
    trial = _trial(page)
    assert trial["lead_sponsor"] is None
    assert trial["phases"] == ["NA"]  # a typed field that reads the placeholder keeps it


def test_a_placeholder_does_not_hide_a_later_value() -> None:
    page = "A study of CD19 CAR-T in lupus\nSponsor: Not provided\nLead Sponsor: Acme Bio Inc.\n"
    assert _trial(page)["lead_sponsor"] == "Acme Bio Inc."


def test_outcome_block_with_labelled_parts() -> None:
    page = (
        "Primary Outcome Measures\nMeasure: Incidence of CRS\n"
        "Description: Cytokine release syndrome graded by ASTCT.\nTime Frame: 28 days"
    )
    endpoints = _marts({"a.txt": page})[0]["endpoints"]
    row = endpoints.row(0, named=True)
    assert (row["measure"], row["description"], row["time_frame_days"]) == (
        "Incidence of CRS",
        "Cytokine release syndrome graded by ASTCT.",
        28,
    )


def test_marts_built_in_the_parsing_pass_equal_marts_built_from_staged_tables() -> None:
    """``parse_and_build`` builds views from the rows it just parsed, not from frames."""
    root = Path(__file__).resolve().parents[2]
    pages = sorted([*(root / "raw").iterdir(), *(root / "tests/fixtures/pages").iterdir()])
    raw, _ = land_files([(p.name, p.read_bytes()) for p in pages], datetime(2026, 1, 1, tzinfo=UTC))
    documents = raw.select("source_file", "sha256", "text")
    staged, _, marts, failures = parse_and_build(documents)
    reference_staged, _ = parse_documents(documents)
    reference_marts, reference_failures = build_chunk(reference_staged)
    assert marts["trials"].height == len(pages)
    assert failures == reference_failures
    for name, frame in reference_staged.items():
        assert staged[name].equals(frame), name
    for name, frame in reference_marts.items():
        assert marts[name].equals(frame), name


@pytest.mark.parametrize(
    "groups",
    [
        "Group: Low dose\nSample size: 12\nIntervention: CAR-T 1e6\n"
        "Group: High dose\nSample size: 12\nIntervention: CAR-T 3e6\n",
        "Group: Low dose; Sample size: 12; Intervention: CAR-T 1e6\n"
        "Group: High dose; Sample size: 12; Intervention: CAR-T 3e6\n",
        "Group:\tLow dose\tSample size:\t12\nIntervention:\tCAR-T 1e6\n"
        "Group:\tHigh dose\tSample size:\t12\nIntervention:\tCAR-T 3e6\n",
    ],
    ids=["a line each", "one line", "tab-separated"],
)
def test_a_groups_sample_size_is_not_the_trials_enrollment(groups: str) -> None:
    page = f"A study of CD19 CAR-T in lupus nephritis\nInterventions\n{groups}"
    marts = _marts({"a.txt": page})[0]
    assert marts["trials"]["enrollment"][0] is None
    assert marts["arms"].select("label", "intervention_names").rows() == [
        ("Low dose", ["CAR-T 1e6"]),
        ("High dose", ["CAR-T 3e6"]),
    ]
    with_total = _trial(f"A study of CD19 CAR-T\nTarget sample size: 24\nInterventions\n{groups}")
    assert with_total["enrollment"] == 24


def test_study_dates_as_one_period() -> None:
    trial = _trial("A study of CD19 CAR-T\nDate of study: From 2023-10-01 To 2026-12-31\n")
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2023-10-01", "2026-12-31")


@pytest.mark.parametrize(
    "table",
    [
        "Condition or disease \tIntervention/treatment \tPhase \n"
        "Systemic Lupus Erythematosus\tBiological: KYV-101\tPhase 1\n"
        "Lupus Nephritis\tDrug: Fludarabine\tPhase 2\n",
        "| Conditions | Interventions | Phase |\n|---|---|---|\n"
        "| Systemic Lupus Erythematosus | Biological: KYV-101 | Phase 1 |\n"
        "| Lupus Nephritis | Drug: Fludarabine | Phase 2 |\n",
    ],
)
def test_a_table_of_trial_fields(table: str) -> None:
    page = f"A Study of CD19 CAR-T in Lupus\nNCT05999888\nGo to sections\n{table}Masking: None\n"
    staged, _ = build_staged(
        land_files([("a.txt", page.encode())], datetime(2026, 1, 1, tzinfo=UTC))[0]
    )
    trial = build_marts(staged)[0]["trials"].row(0, named=True)
    assert trial["conditions"] == ["Systemic Lupus Erythematosus", "Lupus Nephritis"]
    assert trial["phases"] == ["PHASE1", "PHASE2"]  # one column down the rows: phase 1/2
    fields = staged["stg_fields"].filter(pl.col("field") == "intervention")
    assert fields["value"].to_list() == ["Biological: KYV-101", "Drug: Fludarabine"]
    spans = fields.select("span_start", "span_end").rows()
    assert [page[a:b] for a, b in spans] == fields["value"].to_list()


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Yes – this study is currently recruiting.", "RECRUITING"),
        ("The trial is not yet recruiting participants.", "NOT_YET_RECRUITING"),
        ("The study was withdrawn before enrolling.", "WITHDRAWN"),
        ("The Phase 1 study is now enrolling patients.", "RECRUITING"),
        ("The trial (MYO-CART) is open to new participants.", "RECRUITING"),
        ("Patients whose prior rituximab treatment was terminated may join.", None),
        ("An earlier trial of the product enrolled 36, and that trial was completed.", None),
    ],
)
def test_status_told_in_a_sentence(sentence: str, status: str | None) -> None:
    page = f"A trial of engineered immune cells for hard-to-treat lupus\n\n{sentence}\n"
    assert _trial(page)["overall_status"] == status


def test_labelled_values_in_a_footer_row() -> None:
    trial = _trial(
        "A study of CD19 CAR-T in lupus\nStudy ID: NCT06333444 | Sponsor: Institut Curie\n"
    )
    assert (trial["nct_id"], trial["lead_sponsor"]) == ("NCT06333444", "Institut Curie")


def test_an_unknown_markdown_heading_ends_the_list_it_follows() -> None:
    page = (
        "# A study of CD19 CAR-T in lupus - NCT06000555\n## Eligibility\n"
        "### Adult cohort\n- Age 18-65 years\n- SLEDAI-2K ≥ 6\n"
        "### Exclusion criteria\n- Prior CAR-T\n## Study team\n"
        "Principal investigator: Dr. A. Smith\nCharité Berlin\n"
        "## Primary outcome\n- Incidence of AEs [Time Frame: 28 days]\n"
        "## Site information\nBerlin, Germany\n"
    )
    marts = _marts({"a.txt": page})[0]
    criteria = marts["criteria"].select("criterion_type", "section", "text").rows()
    assert criteria == [
        ("INCLUSION", "Adult cohort", "Age 18-65 years"),  # a deeper heading is a sub-heading
        ("INCLUSION", "Adult cohort", "SLEDAI-2K ≥ 6"),
        ("EXCLUSION", None, "Prior CAR-T"),
    ]
    assert marts["endpoints"]["measure"].to_list() == ["Incidence of AEs"]


def test_a_list_under_a_plain_sub_heading_ends_at_the_next_heading_of_its_level() -> None:
    page = (
        "# A study of CD19 CAR-T in lupus - NCT06000556\n\n## Eligibility criteria\n"
        "Inclusion criteria:\n- Age 18-65 years\n\n"
        "## Study team\nCognitive sequelae are common after lupus flares.\n\n"
        "## Primary outcome\n- Incidence of AEs [Time Frame: 28 days]\n"
    )
    marts = _marts({"a.txt": page})[0]
    assert marts["criteria"]["text"].to_list() == ["Age 18-65 years"]
    assert marts["endpoints"]["measure"].to_list() == ["Incidence of AEs"]


def test_tab_separated_rows_with_no_heading_above_the_tables() -> None:
    page = (
        "Official Title\tA study of CD19 CAR-T cells in lupus nephritis\n"
        "Arms\tInterventions\n"
        "Experimental: CAR-T\tBiological: CD19 CAR-T cells (2 × 10^6 cells/kg)\n"
        "Outcome Measures\n"
        "Primary\tDose-limiting toxicity\tDay 28\n"
        "Secondary\tComplete renal response\tWeek 24 and week 52\n"
    )
    marts = _marts({"a.txt": page})[0]
    arms = marts["arms"].select("label", "arm_type", "intervention_names").rows()
    assert arms == [("CAR-T", "EXPERIMENTAL", ["CD19 CAR-T cells (2 × 10^6 cells/kg)"])]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [("CAR-T", 2e6)]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame_days").rows()
    assert endpoints == [
        ("PRIMARY", "Dose-limiting toxicity", 28),
        ("SECONDARY", "Complete renal response", 364),
    ]


def test_setext_headings_and_definition_lists() -> None:
    page = (
        "A study of CD19 CAR-T in lupus\n==============================\n\n"
        "Study design\n------------\n\nStudy type\n: Interventional\n\n"
        "Enrollment\n: 30 (estimated)\n\nSexes: All\n\n"
        "Exclusion criteria\n------------------\n\n* Prior CAR-T\n\n"
        "Study team\n----------\n\nDr. A. Smith, Charité Berlin\n\n"
        "Outcomes\n--------\n\nPrimary\n: Adverse events — Time frame: up to 12 months\n"
    )
    marts = _marts({"a.txt": page})[0]
    trial = marts["trials"].row(0, named=True)
    assert trial["title"] == "A study of CD19 CAR-T in lupus"
    assert (trial["study_type"], trial["enrollment"], trial["sex"]) == ("INTERVENTIONAL", 30, "ALL")
    # An unknown heading at the list's own level ends it.
    assert marts["criteria"]["text"].to_list() == ["Prior CAR-T"]
    endpoints = marts["endpoints"].select("endpoint_type", "measure", "time_frame").rows()
    assert endpoints == [("PRIMARY", "Adverse events", "up to 12 months")]


@pytest.mark.parametrize(
    ("title", "acronym"),
    [
        ("Anti-CD19 CAR-T Cells in Refractory Lupus (CASTLE)", "CASTLE"),
        ("CAR-T in Lupus Nephritis (CAR-LN-2)", "CAR-LN-2"),
        ("A Study of KYV-101 in Lupus (KYV-101)", None),  # a product's code
        ("Dual-target CAR-T Cells (BCMA)", None),  # an antigen
        ("CAR-T Cells in Lupus (SLE)", None),  # a short abbreviation
    ],
)
def test_an_acronym_ending_the_title(title: str, acronym: str | None) -> None:
    assert _trial(f"Title: {title}\n")["acronym"] == acronym


@pytest.mark.parametrize(
    ("criteria", "sex"),
    [
        ("Inclusion criteria\n- Male or female, aged 18-65 years\n", "ALL"),
        ("Inclusion criteria\n- Aged 18 to 60 years, regardless of gender.\n", "ALL"),
        ("Exclusion criteria\n- Male and female subjects unwilling to use contraception\n", None),
        ("Inclusion criteria\n- Women of childbearing potential must use contraception\n", None),
    ],
)
def test_sex_from_an_inclusion_criterion_when_no_field_states_it(
    criteria: str, sex: str | None
) -> None:
    assert _trial(criteria)["sex"] == sex


FINDER_PAGE = """# Anti-CD19 CAR-T in lupus nephritis

**Trial ID:** NCT06599999 · **Sponsor:** Example Bio · **Shared by:** a patient group

## At a glance
- **Status:** Enrolling now
- **Participants needed:** 30
- **Trial dates:** May 2025 – June 2029

## What will be measured?
| What | When |
|---|---|
| Side effects | Day 28 |
| Kidney response | Week 52 |
"""


def test_a_patient_facing_finder_page() -> None:
    marts, _ = _marts({"finder.md": FINDER_PAGE})
    trial = marts["trials"].row(0, named=True)
    assert trial["lead_sponsor"] == "Example Bio"  # not "Example Bio ·"
    assert trial["overall_status"] == "RECRUITING"
    assert trial["enrollment"] == 30
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2025-05-01", "2029-06-01")
    endpoints = marts["endpoints"]
    assert endpoints["measure"].to_list() == ["Side effects", "Kidney response"]
    assert endpoints["time_frame"].to_list() == ["Day 28", "Week 52"]


HTML_PAGE = """<html><body><h1>CD19 CAR-T in myositis</h1>
<table>
<tr><th>Study ID</th><td>NCT06444555</td></tr>
<tr><th>Recruitment status</th><td>Recruiting</td></tr>
</table>
<h2>Outcome measures</h2>
<table>
<tr><th>Type</th><th>Measure</th><th>Time frame</th></tr>
<tr><td>Primary</td><td>Dose-limiting toxicities</td><td>28 days</td></tr>
</table></body></html>"""


def test_an_html_pages_tables_are_read_as_tables() -> None:
    marts, _ = _marts({"page.html": HTML_PAGE})
    trial = marts["trials"].row(0, named=True)
    assert (trial["nct_id"], trial["overall_status"]) == ("NCT06444555", "RECRUITING")
    assert trial["source_format"] == "html_table"
    endpoint = marts["endpoints"].row(0, named=True)
    assert (endpoint["endpoint_type"], endpoint["measure"], endpoint["time_frame"]) == (
        "PRIMARY",
        "Dose-limiting toxicities",
        "28 days",
    )


def test_a_typed_label_and_its_value_parted_by_one_space() -> None:
    page = (
        "CD7 CAR-T in dermatomyositis\nStatus RecruitingRecruiting\nGender All\n"
        "Start date Jan 2025Jan 2025\nCOMPLETEDPHASE1INTERVENTIONAL\n"
    )
    trial = _trial(page)
    # The labelled status outranks the badge row's.
    assert (trial["overall_status"], trial["sex"]) == ("RECRUITING", "ALL")
    assert str(trial["start_date"]) == "2025-01-01"
    prose = "CD7 CAR-T in dermatomyositis\nStatus of the disease is assessed monthly\n"
    assert _trial(prose)["overall_status"] is None


def test_cohort_sub_headings_in_italics_head_their_criteria() -> None:
    page = (
        "## Eligibility\n**Inclusion Criteria**\n*Cohort A (adults)*\n1. Age ≥ 18 years\n"
        "*Cohort B (children)*\n1. Age 12 to 17 years\n"
        "**Exclusion Criteria**\n1. Active CNS lupus\n"
    )
    criteria = _marts({"a.md": page})[0]["criteria"]
    assert criteria.select("criterion_type", "section", "text").rows() == [
        ("INCLUSION", "Cohort A (adults)", "Age ≥ 18 years"),
        ("INCLUSION", "Cohort B (children)", "Age 12 to 17 years"),
        ("EXCLUSION", None, "Active CNS lupus"),
    ]


def test_a_document_whose_staged_rows_break_a_row_rule_is_quarantined_the_others_staged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A parser fault on one page (here a section span made negative) costs that page only:
    the staged suites are blocking, so its rows would have held back the whole run."""
    import transforms.staged.pipeline as staged_pipeline

    real = staged_pipeline.parse_document

    def faulty(source_file: str, sha256: str, text: str) -> staged_pipeline.ParsedDocument:
        parsed = real(source_file, sha256, text)
        if source_file == "bad.txt":
            parsed.sections[0]["span_start"] = -1
        return parsed

    monkeypatch.setattr(staged_pipeline, "parse_document", faulty)
    raw, _ = land_files(
        [
            (name, b"Title: CD19 CAR-T in lupus\nStatus: Recruiting\n")
            for name in ("a.txt", "bad.txt")
        ],
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    frames, quarantine = parse_documents(raw.select("source_file", "sha256", "text"))
    assert frames["stg_documents"]["source_file"].to_list() == ["a.txt"]
    assert set(frames["stg_sections"]["source_file"]) == {"a.txt"}
    assert quarantine.select("source_file", "stage").rows() == [("bad.txt", "staged")]
    assert "stg_sections.span_start -1 is not at least 0" in quarantine["reason"][0]
