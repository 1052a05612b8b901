"""Segmentation: headings, labels in every layout, lost values, badges, inferred sections."""

from __future__ import annotations

import pytest

from transforms.text.normalize import normalize_text
from transforms.text.segment import segment


def _fields(text: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for f in segment(normalize_text(text).text).fields:
        out.setdefault(f.key, f.value)
    return out


@pytest.mark.parametrize(
    "page",
    [
        "Phase\t2\nStatus\tRecruiting",
        "Phase | 2\nStatus | Recruiting",
        "Phase: 2\nStatus: Recruiting",
        "Phase\n2\nStatus\nRecruiting",
        "| Phase | 2 |\n| Status | Recruiting |",
        "**Phase:** 2\n**Status:** Recruiting",
        "- Phase\n- 2\n- Status\n- Recruiting",
        "---\nphase: 2\nstatus: Recruiting\n---",
        "Study Phase：2\nRecruitment Status：Recruiting",
    ],
)
def test_label_layouts_give_same_fields(page: str) -> None:
    fields = _fields(page)
    assert fields["phase"] == "2"
    assert fields["status"] == "Recruiting"


def test_glued_label_and_value() -> None:
    fields = _fields("Phase1\nEnrollment24 (estimated)")
    assert fields["phase"] == "1"
    assert fields["enrollment"] == "24 (estimated)"


def test_label_glued_to_a_word_value_or_a_date() -> None:
    fields = _fields("StatusRecruiting\nSexAll\nStart date2025-03-01\nPrimary completion2026-12")
    assert fields["status"] == "Recruiting"
    assert fields["sex"] == "All"
    assert fields["start_date"] == "2025-03-01"
    assert fields["primary_completion_date"] == "2026-12"


@pytest.mark.parametrize("line", ["StatusUpdate pending", "SexHormone levels", "eGFR < 30"])
def test_a_glued_word_the_field_cannot_hold_is_free_text(line: str) -> None:
    assert _fields(line) == {}


@pytest.mark.parametrize("sep", ["; ", " | ", "\t", "   "])
def test_labelled_fields_printed_on_one_line(sep: str) -> None:
    text = normalize_text(f"Status: Recruiting{sep}Phase: 1{sep}Allocation: Ratio 1:1").text
    fields = segment(text).fields
    assert [(f.key, f.value) for f in fields] == [
        ("status", "Recruiting"),
        ("phase", "1"),
        ("allocation", "Ratio 1:1"),  # a colon inside a value does not cut it
    ]
    assert [text[f.start : f.end] for f in fields][1] == "Phase: 1"


def test_patient_facing_criteria_headings() -> None:
    page = (
        "You may be able to join if you:\n- are 18 to 70 years old\n"
        "You may not be able to join if you:\n- are pregnant\n"
    )
    sections = [s.key for s in segment(normalize_text(page).text).sections]
    assert sections == ["preamble", "inclusion", "exclusion"]


def test_label_without_value_is_kept_empty() -> None:
    fields = _fields("Enrollment\nSex\nAges\nVolunteers\nAbout\nSome text.")
    assert fields["enrollment"] is None
    assert fields["sex"] is None
    assert fields["healthy_volunteers"] is None


def test_lost_value_does_not_take_the_next_labels_value() -> None:
    fields = _fields("Masking\n50 participants in 1 patient group")
    assert fields["masking"] is None
    assert fields["enrollment"] == "50 participants in 1 patient group"


def test_enum_value_that_spells_a_label_is_a_value() -> None:
    assert _fields("Purpose\nTREATMENT")["primary_purpose"] == "TREATMENT"


def test_embedded_python_dict_record() -> None:
    page = (
        "Protocol\n"
        "{'phases': ['PHASE1', 'PHASE2'], 'designInfo': {'allocation': 'RANDOMIZED'}, 'flag': True}"
    )
    fields = _fields(page)
    assert fields["phase"] == "PHASE1, PHASE2"
    assert fields["allocation"] == "RANDOMIZED"


def test_badges_are_assigned_by_type_and_order() -> None:
    page = (
        "Overview\nCOMPLETED\nPHASE2\n40 participants\n2023-01-05\n2024-06\n"
        "Study Design\nNA\nPARALLEL"
    )
    fields = _fields(page)
    assert fields["status"] == "COMPLETED"
    assert fields["phase"] == "PHASE2"
    assert fields["enrollment"] == "40 participants"
    assert fields["start_date"] == "2023-01-05"
    assert fields["completion_date"] == "2024-06"
    assert fields["allocation"] == "NA"
    assert fields["intervention_model"] == "PARALLEL"


def test_inline_criteria_headings_split_one_paragraph() -> None:
    text = "Eligibility\nInclusion Criteria: 1. Adult; 2. SLE. Exclusion Criteria: 1. Pregnant."
    keys = [s.key for s in segment(normalize_text(text).text).sections]
    assert keys == ["preamble", "eligibility", "inclusion", "exclusion"]


def test_outcome_blocks_without_heading_get_an_inferred_section() -> None:
    text = "Enrollment\n10\nOverall response\nShare of responders.\nTime frame: 6 months"
    sections = segment(normalize_text(text).text).sections
    assert sections[-1].key == "outcomes"
    assert [ln.text for ln in sections[-1].lines] == ["Overall response", "Share of responders."]


def test_label_after_criteria_items_ends_the_list() -> None:
    text = "Exclusion criteria\nPregnant;\nMasking\nNONE"
    sections = segment(normalize_text(text).text).sections
    assert sections[-1].key == "details"
    assert [ln.text for ln in sections[-2].lines] == ["Pregnant;"]


def test_boilerplate_is_dropped() -> None:
    text = "Conditions\nSee the medical conditions this study is targeting.\nLoading...\nLupus"
    section = segment(normalize_text(text).text).sections[-1]
    assert [ln.text for ln in section.lines] == ["Lupus"]


@pytest.mark.parametrize(
    ("page", "items"),
    [
        ("Inclusion Criteria\n• Age: 18-60 years\n• SLE", ["Age: 18-60 years", "SLE"]),
        (
            "Eligibility\nKey Inclusion Criteria: 1. Adult; 2. SLE. Key Exclusion Criteria: 1. HIV",
            ["Adult", "SLE.", "HIV"],
        ),
    ],
)
def test_criteria_lists_keep_their_items(page: str, items: list[str]) -> None:
    from transforms.text.items import split_items

    sections = segment(normalize_text(page).text).sections
    found = [i.text for s in sections for i in split_items(s.lines, criteria=True)]
    assert found == items


def test_upper_case_value_line_is_not_a_glued_label() -> None:
    assert _fields("Phase\nPHASE1, PHASE2")["phase"] == "PHASE1, PHASE2"


def test_placeholder_value_belongs_to_its_label() -> None:
    text = "Arms\nGroup A\nEnrollment\nNot provided"
    fields = _fields(text)
    assert fields["enrollment"] == "Not provided"
    assert [ln.text for ln in segment(normalize_text(text).text).sections[-1].lines] == ["Group A"]


def test_record_structs_map_to_fields() -> None:
    page = (
        "{'enrollmentInfo': {'count': 19, 'type': 'ESTIMATED'}, "
        "'startDateStruct': {'date': '2024-01'}}"
    )
    fields = _fields(page)
    assert (fields["enrollment"], fields["enrollment_type"]) == ("19", "ESTIMATED")
    assert fields["start_date"] == "2024-01"


def test_record_keys_in_any_case_or_separator_style() -> None:
    page = (
        "{'nct_id': 'NCT06111111', 'brief_title': 'BCMA CAR-T in MG', 'Overall Status': "
        "'RECRUITING', 'minimum-age': '18 Years', 'start_date': '2024-06', "
        "'healthy_volunteers': False, 'enrollment_type': 'ACTUAL'}"
    )
    fields = _fields(page)
    assert (fields["nct_id"], fields["title"], fields["status"]) == (
        "NCT06111111",
        "BCMA CAR-T in MG",
        "RECRUITING",
    )
    assert (fields["min_age"], fields["start_date"]) == ("18 Years", "2024-06")
    assert (fields["healthy_volunteers"], fields["enrollment_type"]) == ("No", "ACTUAL")


def test_a_dumped_record_is_read_before_markdown_escapes_are_undone() -> None:
    record = (
        '{"protocolSection": {"identificationModule": {"nctId": "NCT06999998"}, '
        '"statusModule": {"overallStatus": "RECRUITING"}, "eligibilityModule": '
        '{"eligibilityCriteria": "* Age \\\\>= 18 \\u201cyears\\u201d<br>**SLE**", "sex": "ALL"}}}'
    )
    fields = _fields(f"Registry record\n{record}\nStatus: Recruiting")
    assert (fields["nct_id"], fields["status"], fields["sex"]) == (
        "NCT06999998",
        "RECRUITING",
        "ALL",
    )


def test_a_record_line_keeps_its_raw_text_and_offsets() -> None:
    raw = "Title: A &amp; B\n{'nct_id': 'NCT06999997', 'brief_title': 'A ’quoted’ \\\\> title'}\nx"
    normalized = normalize_text(raw)
    line = raw.splitlines()[1]
    start = normalized.text.index("{")
    assert normalized.text[start : start + len(line)] == line
    assert normalized.offsets.to_raw(start) == raw.index("{")


def test_a_date_under_a_label_the_lexicon_lacks_is_not_a_date_badge() -> None:
    fields = _fields("Date data sharing statement provided\n15/01/2024\nStart date\n01/03/2024")
    assert fields["start_date"] == "01/03/2024"
    assert "completion_date" not in fields


def test_a_remark_between_a_label_and_its_value_qualifies_it() -> None:
    segmented = segment(normalize_text("Sample size\nTarget\n15\nStart date\nActual\n2024-03").text)
    found = {f.key: (f.label, f.value) for f in segmented.fields}
    assert found["enrollment"] == ("Sample size (Target)", "15")
    assert found["start_date"] == ("Start date (Actual)", "2024-03")


def _section_lines(text: str) -> list[tuple[str, list[str]]]:
    sections = segment(normalize_text(text).text).sections
    return [(s.key, [line.text for line in s.lines]) for s in sections if s.lines]


def test_a_plain_heading_after_a_marked_list_ends_it() -> None:
    page = (
        "Exclusion Criteria:\n- Pregnancy\n- Active infection requiring\n"
        "  intravenous antibiotics\nStudy Officials\nJane Doe, MD\nExample University Hospital\n"
    )
    assert _section_lines(page) == [
        ("exclusion", ["- Pregnancy", "- Active infection requiring", "intravenous antibiotics"]),
        ("details", ["Jane Doe, MD", "Example University Hospital"]),
    ]


@pytest.mark.parametrize(
    "page",
    [
        "Inclusion Criteria:\nAdult cohort\n- Age 18-65\n- SLE\nJuvenile cohort\n- Age 12-17\n",
        "Inclusion Criteria:\n- Age 18-65\n- SLE\nSigned informed consent\n",  # the last line
    ],
)
def test_an_unmarked_line_with_marked_items_after_it_or_last_stays_in_the_list(page: str) -> None:
    [(key, lines)] = _section_lines(page)
    assert key == "inclusion"
    assert len(lines) == len(page.strip().splitlines()) - 1


def test_numbered_headings_open_their_sections() -> None:
    page = "2. ELIGIBILITY\n2.1 Inclusion criteria\na) Age ≥ 18 years\n2.2 Exclusion criteria\n"
    page += "a) HIV"
    assert _section_lines(page) == [("inclusion", ["a) Age ≥ 18 years"]), ("exclusion", ["a) HIV"])]


def test_numbered_labels_and_numbers_without_a_dot_stay_items() -> None:
    page = "Inclusion Criteria:\n1. Age\n2. SLE\n3 Eligibility\n2024 Update"
    assert _section_lines(page) == [
        ("inclusion", ["1. Age", "2. SLE", "3 Eligibility", "2024 Update"])
    ]
    assert _fields(page) == {}


@pytest.mark.parametrize(
    "twice", ["Lupus NephritisLupus Nephritis", "Lupus Nephritis Lupus Nephritis"]
)
def test_a_value_printed_twice_is_read_once(twice: str) -> None:
    fields = segment(normalize_text(f"Condition\n{twice}\nCondition: {twice}").text).fields
    assert [f.value for f in fields] == ["Lupus Nephritis", "Lupus Nephritis"]
    assert _section_lines(f"Conditions\n{twice}") == [("conditions", ["Lupus Nephritis"])]


@pytest.mark.parametrize("line", ["NoNo", "10 10", "Bora Bora Island"])
def test_short_or_unequal_repeats_are_kept(line: str) -> None:
    assert _section_lines(f"Conditions\n{line}") == [("conditions", [line])]


@pytest.mark.parametrize(
    "line",
    [
        "© 2025 TrialSite. All rights reserved.",
        "Copyright 2024 Example Inc.",
        "All rights reserved",
    ],
)
def test_a_site_footer_is_boilerplate(line: str) -> None:
    assert _section_lines(f"Exclusion Criteria:\n- Pregnancy\n{line}") == [
        ("exclusion", ["- Pregnancy"])
    ]


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("Title of Study: CAR-T cells in lupus", "title", "CAR-T cells in lupus"),
        ("Title of the Trial: CAR-T cells in lupus", "title", "CAR-T cells in lupus"),
        ("Phase of Development: Phase 1/2", "phase", "Phase 1/2"),
        ("Planned Number of Subjects: 12", "enrollment", "12"),
        ("Number of patients (planned and analysed): 24", "enrollment", "24"),
        ("Anticipated sample size: 30", "enrollment", "30"),
        ("Sponsor of the study: Acme Bio", "lead_sponsor", "Acme Bio"),
        ("Type of Trial: Interventional", "study_type", "Interventional"),
    ],
)
def test_labels_in_other_word_orders_and_people_words(line: str, key: str, value: str) -> None:
    assert _fields(line).get(key) == value


def _section_texts(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for section in segment(normalize_text(text).text).sections:
        out.setdefault(section.key, []).extend(line.text for line in section.lines)
    return out


def test_page_numbers_and_running_heads_of_a_printout_are_no_text() -> None:
    head = "Acme Therapeutics, Inc.                 Protocol ACM-001 v3.0"
    page = (
        "Inclusion Criteria:\n1. Age 18-65 years\n\n"
        f"Confidential                          Page 2 of 40\n{head}\n\n"
        "2. SLEDAI-2K ≥ 6\n\n"
        f"Confidential                          Page 3 of 40\n{head}\n\n"
        "3. Signed consent\n"
    )
    assert _section_texts(page)["inclusion"] == [
        "1. Age 18-65 years",
        "2. SLEDAI-2K ≥ 6",
        "3. Signed consent",
    ]
    # Beside one page number only, a line is not known to repeat: it stays.
    once = page.replace(f"Confidential                          Page 3 of 40\n{head}\n\n", "")
    assert _section_texts(once)["inclusion"] == [
        "1. Age 18-65 years",
        head,
        "2. SLEDAI-2K ≥ 6",
        "3. Signed consent",
    ]


def test_a_hard_wrapped_title_goes_on_on_the_next_lines() -> None:
    page = (
        "Title of Study: A Phase 1/2, Open-Label, Multicenter Study of ACM-101, an Autologous\n"
        "Anti-CD19 Chimeric Antigen Receptor T-Cell Therapy, in Subjects with\n"
        "Refractory Lupus Nephritis\n"
        "Short Title: ACM-LN\n"
        "Sponsor: Acme Bio\n"
    )
    assert _fields(page)["title"] == (
        "A Phase 1/2, Open-Label, Multicenter Study of ACM-101, an Autologous Anti-CD19 "
        "Chimeric Antigen Receptor T-Cell Therapy, in Subjects with Refractory Lupus Nephritis"
    )
    # A short title line is whole; a blank line or a label ends a long one.
    assert _fields("Title: CAR-T in lupus\nSingle centre\n")["title"] == "CAR-T in lupus"
    long = "Title: A Phase 1 Study of Anti-CD19 CAR-T Cells in Refractory Systemic Lupus"
    assert _fields(f"{long}\n\nErythematosus\n")["title"] == long.removeprefix("Title: ")
    assert _fields(f"{long}\nShort title: CASTLE\n")["title"] == long.removeprefix("Title: ")


@pytest.mark.parametrize(
    "page",
    [
        "Sponsor\nInstitute\nKyoto University Hospital\nPhase\n1",  # jRCT
        "Primary sponsor type\nHospital\nName\nKyoto University Hospital\nAddress\nKyoto",  # ANZCTR
        "Name of Sponsor\nName of organization\nKyoto University Hospital\n",
    ],
)
def test_a_sponsor_written_as_a_block_of_sub_labels(page: str) -> None:
    assert _fields(page)["lead_sponsor"] == "Kyoto University Hospital"
    assert "acronym" not in _fields(page)  # "Name" names the sponsor here


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Who can't take part", "exclusion"),
        ("Criteria for inclusion", "inclusion"),
        ("Inclusion Criteria - Cohort A (SLE)", "inclusion"),
        ("Exclusion criteria for all cohorts:", "exclusion"),
        ("Inclusion criteria met in 80% of patients", None),  # a sentence, not a heading
    ],
)
def test_criteria_headings_in_other_words_or_narrowed(heading: str, key: str | None) -> None:
    sections = segment(normalize_text(f"{heading}\n- Age 18-70 years\n").text).sections
    assert sections[-1].key == (key or "preamble")


def test_a_short_exclusion_heading_after_a_sentence_starts_its_list() -> None:
    page = "Inclusion: age 18-65 years; SLE. Exclusion: pregnancy; active infection.\n"
    sections = segment(normalize_text(page).text).sections
    assert [(s.key, [ln.text for ln in s.lines]) for s in sections[1:]] == [
        ("inclusion", ["age 18-65 years; SLE."]),
        ("exclusion", ["pregnancy; active infection."]),
    ]


def test_a_row_of_empty_cells_in_an_eligibility_table_is_no_criterion() -> None:
    page = "Inclusion criteria\n| Criterion | Requirement |\n|---|---|\n| Age | 18-70 |\n| | |\n"
    sections = segment(normalize_text(page).text).sections
    assert [ln.text for ln in sections[-1].lines] == ["Age | 18-70"]


def test_a_badge_row_of_a_trial_finder_states_the_sexes() -> None:
    fields = _fields("Recruiting · Phase 1 · 24 participants · Ages 18-65 · All sexes\n")
    assert (fields["status"], fields["phase"], fields["sex"]) == (
        "Recruiting",
        "Phase 1",
        "All sexes",
    )


def test_a_badge_row_under_an_eligibility_heading() -> None:
    page = (
        "Eligibility\n18-65 years · All sexes · No healthy volunteers\nInclusion criteria\n- SLE\n"
    )
    fields = _fields(page)
    assert (fields["ages"], fields["sex"], fields["healthy_volunteers"]) == (
        "18-65 years",
        "All sexes",
        "No healthy volunteers",
    )
