"""The normaliser: escapes, markup, glyphs and glued badges, with raw offsets kept."""

from __future__ import annotations

import pytest

from transforms.text.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("SELENA-SLEDAI score \\> 6", "SELENA-SLEDAI score > 6"),
        ("1×10\\^9/L", "1×10^9/L"),
        ("5\\. Have a history", "5. Have a history"),
        ("Platelets < 50 \\× 10\\^9/L", "Platelets < 50 × 10^9/L"),
        ("Lupus\tBiological: X\tPhase 1", "Lupus | Biological: X | Phase 1"),
        ("RECRUITINGPHASE1PHASE2INTERVENTIONAL", "RECRUITING\nPHASE1, PHASE2\nINTERVENTIONAL"),
        ("Study Type:\tInterventional", "Study Type: Interventional"),
        ("Participant Group/Arm\tIntervention", "Participant Group/Arm | Intervention"),
        ("1.\tAge 18-65 years", "1. Age 18-65 years"),
        ("2.\tPlatelets\t≥ 50", "2. Platelets ≥ 50"),  # a word processor's list, not a row
        ("\t\t• nested item", "  • nested item"),
        ("ANC \\≥ 1.0, 50\\% of cases", "ANC ≥ 1.0, 50% of cases"),
        ("a<!-- hidden -->b", "a\nb"),
        ("line one<br>line two", "line one\nline two"),
        ("line one<br/>line two", "line one\nline two"),
        ("| Experimental: A<br>Low dose | Drug: X |", "| Experimental: A; Low dose | Drug: X |"),
        ("eGFR &gt; 30 mL/min/1.73m&sup2;", "eGFR > 30 mL/min/1.73m²"),
        ("**Status:** Recruiting **Phase:** 1", "Status: Recruiting \nPhase: 1"),
        ("a **bold** word **and** more", "a bold word and more"),
        ("Title\n  | a<br/>b |\nc<br>d", "Title\n  | a; b |\nc\nd"),
        ("**Phase:** 1", "Phase: 1"),
        # A known label in bold with no colon: the bold parts it from its value.
        ("**Phase** Phase 1 / Phase 2", "Phase: Phase 1 / Phase 2"),
        ("- __Sponsor__ Cabaletta Bio", "- Sponsor: Cabaletta Bio"),
        ("**Important** note and The **Phase** is 1", "Important note and The Phase is 1"),
        ("**Enrollment**\n16", "Enrollment\n16"),
        ("## Eligibility", "Eligibility"),
        ("eGFR &gt;= 30", "eGFR >= 30"),
        # UTF-8 shown as Windows-1252 by the site; real accents stay as they are.
        ("Aged â‰¥ 18 and â‰¤ 75 years", "Aged ≥ 18 and ≤ 75 years"),
        ("1 Ã— 10^6 cells/kg, 1.73 mÂ²", "1 × 10^6 cells/kg, 1.73 m²"),
        ("HÃ´pital EuropÃ©en â€” CRS", "Hôpital Européen - CRS"),
        ("ï»¿Title", "Title"),
        ("2×10^6^ cells/kg, 50 × 10^9^/L", "2×10^6 cells/kg, 50 × 10^9/L"),
        ("X — *Time frame*: Week 24", "X - Time frame: Week 24"),  # an italic label mid-line
        ("a *b* c, 3 * 4: x", "a *b* c, 3 * 4: x"),
        ("0.5～1.0×10^6 and 18〜65", "0.5~1.0×10^6 and 18~65"),
        (
            "Start：２０２５-０３-０１, 1×10^6 cells／kg, ＣＤ１９",
            "Start:2025-03-01, 1×10^6 cells/kg, CD19",
        ),
        ("LVEF \uf0b3 45%, ALT \uf0a3 3 ULN, CAR＋T", "LVEF ≥ 45%, ALT ≤ 3 ULN, CAR+T"),
        ("Hôpital Européen, Straße, Âge, façade", "Hôpital Européen, Straße, Âge, façade"),
        ("‣ item", "• item"),
        ("∙ item", "• item"),
        ("○ item\n□ item\n\uf0b7 item", "• item\n• item\n• item"),
        # A word processor's list as text: "o" and "§" lead the line; words keep theirs.
        (
            "• Organ function:\n  o ANC ≥ 1.5\n§ Pregnancy",
            "• Organ function:\n  • ANC ≥ 1.5\n• Pregnancy",
        ),
        ("go to\no 2 doses\n§ 312.6 applies", "go to\no 2 doses\n§ 312.6 applies"),
        ("Age\u00a0≧\u00a018", "Age ≥ 18"),
        ("标准：年龄", "标准:年龄"),
        ("RECRUITINGPhase I: DLT", "RECRUITING\nPhase I: DLT"),
        ("RECRUITINGPHASE2INTERVENTIONAL", "RECRUITING\nPHASE2\nINTERVENTIONAL"),
        ("Recruiting patients", "Recruiting patients"),
        ("a\r\nb", "a\nb"),
        ("zero\u200bwidth", "zerowidth"),
        ("AST < ULN and ALT > 2", "AST < ULN and ALT > 2"),
        # Escaped twice, or a JSON string's escapes printed as text.
        ("Age &amp;ge; 18, Tom &amp; Jerry", "Age ≥ 18, Tom & Jerry"),
        ("Age \\u2265 18", "Age ≥ 18"),
        ("Inclusion Criteria:\\n\\n* Age 18\\r\\n* SLE", "Inclusion Criteria:\n\n* Age 18\n* SLE"),
        ("1 x 10<sup>6</sup> cells/kg", "1 x 10^6 cells/kg"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "needle", "raw_needle"),
    [
        ("x \\> 6 and 10\\^5/kg", "10^5/kg", "10\\^5/kg"),
        ("<!-- c -->Age 18", "Age 18", "Age 18"),
        ("**Phase:** Phase 2", "Phase 2", "Phase 2"),
        ("RECRUITINGPhase I: DLT", "Phase I: DLT", "Phase I: DLT"),
        ("a &gt; b then tail", "tail", "tail"),
        ("HÃ´pital â‰¥ 18 years", "18 years", "18 years"),
    ],
)
def test_offsets_map_back_to_raw(raw: str, needle: str, raw_needle: str) -> None:
    normalized = normalize_text(raw)
    start = normalized.text.index(needle)
    raw_start, raw_end = normalized.offsets.span_to_raw(start, start + len(needle))
    assert raw[raw_start:raw_end] == raw_needle


def test_unclosed_comment_swallows_rest_without_error() -> None:
    assert normalize_text("keep <!-- never closed").text == "keep \n"


def test_long_line_is_linear() -> None:
    raw = "\\" * 200_000 + "<" * 200_000
    assert len(normalize_text(raw).text) > 0


def test_a_whole_html_document_keeps_only_its_text() -> None:
    raw = "".join(
        [
            "<!DOCTYPE html>\n<html><head><title>Trial | Site</title>\n",
            "<style>.a { color: red; }</style></head><body>",
            "<nav><a href='/'>Home</a></nav><main><h1>CAR-T in SLE</h1>",
            "<script>var phase = 'Phase 3';</script><p>Phase: 1</p></main>",
            "<footer>© 2025 Site</footer></body></html>",
        ]
    )
    normalized = normalize_text(raw)
    lines = [line for line in normalized.text.splitlines() if line.strip()]
    assert lines == ["Home", "CAR-T in SLE", "Phase: 1", "© 2025 Site"]
    at = normalized.text.index("Phase: 1")
    assert raw[normalized.offsets.to_raw(at) :].startswith("Phase: 1")


def test_an_unclosed_script_hides_the_rest() -> None:
    assert normalize_text("Phase: 1\n<script>var x = 1;\nPhase: 3").text.split() == ["Phase:", "1"]


def test_an_html_list_item_keeps_a_bullet() -> None:
    text = normalize_text("<ul><li>Age ≥ 18</li><li class='x'>SLE</li></ul>").text
    assert [line for line in text.splitlines() if line] == ["- Age ≥ 18", "- SLE"]
    assert "; " in normalize_text("| <ul><li>A</li><li>B</li></ul> | c |").text  # in a row


def test_an_unclosed_head_ends_at_the_body() -> None:
    text = normalize_text("<html><head><title>T</title><body><p>Phase: 1</p>").text
    assert text.split() == ["Phase:", "1"]


def test_an_html_table_is_written_as_a_markdown_table() -> None:
    raw = (
        "<table>\n<tr>\n  <th>Type</th>\n  <th>Measure</th>\n</tr>\n"
        "<tr><td>Primary</td><td>DLT<br>within 28 days</td></tr>\n</table>"
    )
    normalized = normalize_text(raw)
    rows = [line for line in normalized.text.splitlines() if line.strip()]
    assert rows == ["| Type | Measure |", "| Primary | DLT; within 28 days |"]
    at = normalized.text.index("DLT")
    assert raw[normalized.offsets.to_raw(at) :].startswith("DLT")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("*Cohort A (adult SLE)*\n1. Age", "Cohort A (adult SLE)\n1. Age"),  # an italic line
        ("* Age ≥ 18\n* SLE", "* Age ≥ 18\n* SLE"),  # bullets stay
        ("a * b * c", "a * b * c"),
    ],
)
def test_a_line_in_italics_loses_its_stars_and_a_bullet_keeps_its(raw: str, expected: str) -> None:
    normalized = normalize_text(raw)
    assert normalized.text == expected
    if expected[0] != raw[0]:
        assert raw[normalized.offsets.to_raw(0)] == expected[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Age ³ 18 years", "Age ≥ 18 years"),
        ("- ANC ³ 1.5 x 10^9/L", "- ANC ≥ 1.5 x 10^9/L"),
        ("³ 18 years of age", "≥ 18 years of age"),
        ("Creatinine £ 1.5 x ULN", "Creatinine ≤ 1.5 x ULN"),
        ("Hemoglobin (Hb): £ 9 g/dL", "Hemoglobin (Hb): ≤ 9 g/dL"),
        # a superscript three and money stay
        ("Platelets ≥ 100 x 10³/µL", "Platelets ≥ 100 x 10³/µL"),
        ("CD4 ≥ 200 cells/mm³", "CD4 ≥ 200 cells/mm³"),
        ("CD4 ≥ 200 cells/mm ³ 2", "CD4 ≥ 200 cells/mm ³ 2"),
        ("Volume 10 ³ 5", "Volume 10 ³ 5"),
        ("A £500 stipend per visit", "A £500 stipend per visit"),
        ("Participants will receive £ 50 per visit", "Participants will receive £ 50 per visit"),
        ("Compensation: £ 50", "Compensation: £ 50"),
    ],
)
def test_a_symbol_fonts_signs_read_as_latin_1_only_where_a_sign_stands(
    raw: str, expected: str
) -> None:
    normalized = normalize_text(raw)
    assert normalized.text == expected
    assert normalized.offsets.to_raw(len(expected)) == len(raw)
