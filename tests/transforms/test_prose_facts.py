"""Facts a page states only in sentences: dates, sponsor, sexes, size type, countries."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_trial

PRESS_RELEASE = (
    "Researchers are launching a first-in-human trial of CD7 CAR-T cells in refractory "
    "dermatomyositis. The phase 1 study, registered as NCT06777888, expects to recruit 15 "
    "participants aged between 18 and 70 at three centres in Germany and Austria, starting in "
    "April 2025.\n\nThe trial is sponsored by Example Cell Therapeutics GmbH and is expected to "
    "complete in December 2027. It is open to both men and women.\n"
)


def _trial(page: str) -> dict[str, object]:
    return page_trial(page, "a.txt")


def test_a_press_release_states_dates_sponsor_sexes_size_and_countries() -> None:
    trial = _trial(PRESS_RELEASE)
    assert (str(trial["start_date"]), trial["start_date_precision"]) == ("2025-04-01", "month")
    assert str(trial["completion_date"]) == "2027-12-01"
    assert trial["lead_sponsor"] == "Example Cell Therapeutics GmbH"
    assert trial["sex"] == "ALL"
    assert (trial["enrollment"], trial["enrollment_type"]) == (15, "ESTIMATED")
    assert trial["countries"] == ["Austria", "Germany"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A total of 12 patients were enrolled in the trial.", "ACTUAL"),
        ("The study will enroll 12 patients.", "ESTIMATED"),
        ("The study enrolled 18 patients.", "ACTUAL"),
    ],
)
def test_the_size_type_follows_the_tense(sentence: str, expected: str) -> None:
    assert _trial(sentence)["enrollment_type"] == expected


@pytest.mark.parametrize(
    "page",
    [
        # A date that is not when the study starts, and a label line (its own reader's).
        "The study includes patients who started biologics in 2019 or later.\n",
        "Patients who started treatment in March 2020 are eligible.\n",
        "Recruitment start: 01/03/2024\n",
        # Both sexes named with no word of taking part; "sponsored by" with no name.
        "Lupus affects men and women alike.\nThe study is sponsored by a local charity.\n",
    ],
)
def test_sentences_that_state_none_of_these_facts(page: str) -> None:
    trial = _trial(page)
    assert trial["start_date"] is None
    assert (trial["sex"], trial["lead_sponsor"]) == (None, None)


def test_a_year_ending_a_sentence_is_the_start() -> None:
    trial = _trial("The trial will start in 2025.\n")
    assert (str(trial["start_date"]), trial["start_date_precision"]) == ("2025-01-01", "year")


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("The trial runs at two sites in Berlin and Munich, Germany.", ["Germany"]),
        ("It recruits at sites in Lyon and Paris, France, and Basel.", ["France"]),
        # The list ends at a clause: its later capitalised words name nothing.
        ("It runs at centres in Germany and Austria that treat Lupus Nephritis.", ["Germany"]),
        ("The trial runs at centres in Europe and North America.", None),
    ],
)
def test_cities_may_precede_the_country_of_the_sites(
    sentence: str, countries: list[str] | None
) -> None:
    assert _trial(sentence + "\n")["countries"] == countries


def test_a_news_items_dates_are_not_the_trials() -> None:
    """A dated byline ("Posted …", "Updated …") is no bare date: the sentences say when."""
    page = (
        "CAR-T therapy for refractory lupus: trial news\n\n"
        "Posted 12 March 2025 | Updated 3 September 2025\n\n"
        "Recruitment began in January 2025 and the study is expected to finish in December "
        "2027.\n"
    )
    trial = _trial(page)
    assert (str(trial["start_date"]), str(trial["completion_date"])) == ("2025-01-01", "2027-12-01")


NEWS = """Biotech Daily - Cell Therapy
Posted 4 February 2025 | Updated 18 June 2025

First patient dosed in Phase 1 trial of allogeneic CAR-T for myositis

BOSTON, Feb. 4, 2025 /PRNewswire/ -- Nova Allo Therapeutics, Inc. today announced that the \
first patient has been dosed in its Phase 1 trial (NCT06654321). The study plans to enroll 24 \
patients at up to 10 sites in the United States and Spain.
"""


def test_a_news_item_under_a_sites_masthead() -> None:
    trial = _trial(NEWS)
    assert trial["title"] == "First patient dosed in Phase 1 trial of allogeneic CAR-T for myositis"
    assert trial["lead_sponsor"] == "Nova Allo Therapeutics, Inc."
    assert trial["countries"] == ["Spain", "United States"]


@pytest.mark.parametrize(
    ("sentence", "sponsor"),
    [
        ("Example Bio (NASDAQ: EXB) today announced the trial.", "Example Bio"),
        ("Dr. Jane Roe today announced the trial.", None),  # a person, not a company
    ],
)
def test_the_company_announcing_its_trial(sentence: str, sponsor: str | None) -> None:
    assert _trial(f"A CAR-T trial in lupus\n\n{sentence}\n")["lead_sponsor"] == sponsor


def test_a_masthead_is_the_title_only_when_nothing_else_is() -> None:
    assert _trial("Biotech Daily - Cell Therapy\n\nIt opened today.\n")["title"] == (
        "Biotech Daily - Cell Therapy"
    )
    titled = "KYSA-8 - A Phase 2 Study of KYV-101 in Lupus\n\nIt opened today.\n"
    assert _trial(titled)["title"] == "KYSA-8 - A Phase 2 Study of KYV-101 in Lupus"


def test_sites_in_countries_named_with_the() -> None:
    page = "A CAR-T trial in lupus\n\nIt runs at sites in Germany and the Netherlands.\n"
    assert _trial(page)["countries"] == ["Germany", "Netherlands"]


def test_cities_and_their_countries_in_a_sentence_give_every_country() -> None:
    page = "A CAR-T trial in lupus\n\nIt runs at sites in Lyon, France and Basel, Switzerland.\n"
    assert _trial(page)["countries"] == ["France", "Switzerland"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# CTIS 2024-514321-18-00 — CD19 CAR-T in Refractory SLE", "CD19 CAR-T in Refractory SLE"),
        ("# NCT06912345: CAR-T for refractory lupus", "CAR-T for refractory lupus"),
        ("# KYV-101 - A Phase 2 Study in Lupus", "KYV-101 - A Phase 2 Study in Lupus"),  # a product
    ],
)
def test_a_registry_id_heading_the_title_is_no_part_of_it(heading: str, title: str) -> None:
    assert _trial(f"{heading}\n\nIt opened today.\n")["title"] == title


@pytest.mark.parametrize(
    ("sentence", "sponsor"),
    [
        (
            "Lumiq Cell Therapeutics, Inc. (NASDAQ: LMIQ), a clinical-stage biotechnology "
            "company developing CAR-T therapies, today announced that its trial opened.",
            "Lumiq Cell Therapeutics, Inc.",
        ),
        (
            "The sponsor, Kyverna Therapeutics, is running the trial at 5 sites.",
            "Kyverna Therapeutics",
        ),
        ("Cabaletta Bio, the sponsor, is running the trial at 5 sites.", "Cabaletta Bio"),
    ],
)
def test_the_sponsor_named_in_a_press_release_or_beside_the_word(
    sentence: str, sponsor: str
) -> None:
    assert _trial(f"CAR-T in lupus\n\nSummary\n{sentence}\n")["lead_sponsor"] == sponsor
