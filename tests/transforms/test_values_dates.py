"""parse_date: the first date in a value, its precision and Estimated/Actual status."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.values.dates import ParsedDate, parse_date, parse_date_period, writes_day_first

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-04", (D(2024, 1, 4), "day", None)),
        ("2027-01", (D(2027, 1, 1), "month", None)),
        ("2027", (D(2027, 1, 1), "year", None)),
        ("January 10, 2025", (D(2025, 1, 10), "day", None)),
        ("Jan 10, 2025", (D(2025, 1, 10), "day", None)),
        ("Jan. 10, 2025", (D(2025, 1, 10), "day", None)),
        ("10 January 2025", (D(2025, 1, 10), "day", None)),
        ("10-Jan-2025", (D(2025, 1, 10), "day", None)),
        ("1st March 2024", (D(2024, 3, 1), "day", None)),
        ("January 2027", (D(2027, 1, 1), "month", None)),
        ("Jan 2027", (D(2027, 1, 1), "month", None)),
        ("Sept 2026", (D(2026, 9, 1), "month", None)),
        ("December, 2026", (D(2026, 12, 1), "month", None)),
        ("2025/02/10", (D(2025, 2, 10), "day", None)),
        ("2025.02.10", (D(2025, 2, 10), "day", None)),
        ("2025/02", (D(2025, 2, 1), "month", None)),
        ("03/2024", (D(2024, 3, 1), "month", None)),
        ("03.2024", (D(2024, 3, 1), "month", None)),
        ("20250301", (D(2025, 3, 1), "day", None)),
        ("Q2 2025 (anticipated)", (D(2025, 4, 1), "month", "ESTIMATED")),
        ("3rd quarter 2025", (D(2025, 7, 1), "month", None)),
        ("third quarter of 2025", (D(2025, 7, 1), "month", None)),
        ("2025 Q4", (D(2025, 10, 1), "month", None)),
        ("12/2025 (Estimated)", (D(2025, 12, 1), "month", "ESTIMATED")),
        ("01.03.2024", (D(2024, 3, 1), "day", None)),
        ("2024年5月27日", (D(2024, 5, 27), "day", None)),
        ("2024年5月", (D(2024, 5, 1), "month", None)),
        ("03/15/2024", (D(2024, 3, 15), "day", None)),
        ("15/03/2024", (D(2024, 3, 15), "day", None)),
        ("2026-12-30 (Estimated)", (D(2026, 12, 30), "day", "ESTIMATED")),
        ("Estimated 2027-01", (D(2027, 1, 1), "month", "ESTIMATED")),
        ("March 2023 (Actual)", (D(2023, 3, 1), "month", "ACTUAL")),
        ("Anticipated: June 1, 2026", (D(2026, 6, 1), "day", "ESTIMATED")),
        ("Start Date: 2025-02-10", (D(2025, 2, 10), "day", None)),
        ("Estimated Completion Date: 2027-01", (D(2027, 1, 1), "month", "ESTIMATED")),
        ("2024-05-27 to 2027-05-27", (D(2024, 5, 27), "day", None)),
        ("First posted Jan 2024, updated 2024-05-17", (D(2024, 1, 1), "month", None)),
        ("2024-02-29", (D(2024, 2, 29), "day", None)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == ParsedDate(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "N/A",
        "Not available",
        "Loading...",
        "2023-02-29",
        "2024-13-01",
        "2024-00",
        "February 30, 2025",
        "19 participants",
        "CD19-CN-A4",
        "NCT06420154",
        "NCT20250301",
        "1.2025",
    ],
)
def test_parse_date_none(text):
    assert parse_date(text) is None


def test_parsed_date_is_frozen():
    parsed = parse_date("2024-01-04")
    with pytest.raises(AttributeError):
        parsed.precision = "month"


def test_long_input_is_linear():
    text = "2024-" * 500_000 + "Jan 3 " * 200_000
    assert parse_date(text) is None or parse_date(text).value.year == 2024


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("从From 2024-03-01 至To 2026-12-31", ((2024, 3, 1, "day"), (2026, 12, 31, "day"))),
        ("March 2024 - June 2027", ((2024, 3, 1, "month"), (2027, 6, 1, "month"))),
        ("From 2024-03-01", ((2024, 3, 1, "day"), None)),
        ("to be decided", (None, None)),
    ],
)
def test_parse_date_period(text, expected):
    start, end = parse_date_period(text)
    as_tuple = [
        None if d is None else (*d.value.timetuple()[:3], d.precision) for d in (start, end)
    ]
    assert tuple(as_tuple) == expected


def test_a_page_that_writes_day_first_reads_its_ambiguous_dates_so() -> None:
    assert writes_day_first(["01/02/2025", "31/12/2028"])
    assert not writes_day_first(["01/02/2025", "12/31/2028"])
    assert parse_date("01/02/2025", day_first=True).value.isoformat() == "2025-02-01"
    assert parse_date("01/02/2025").value.isoformat() == "2025-01-02"
    assert parse_date("12/31/2028", day_first=True).value.isoformat() == "2028-12-31"
