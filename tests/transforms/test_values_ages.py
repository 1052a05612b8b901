"""Age limits in years from age fields and eligibility wording."""

from __future__ import annotations

import pytest

from transforms.values.ages import find_ages_in_prose, parse_age_range, parse_age_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 Years", 18.0),
        ("18", 18.0),
        ("65 Years (Adult, Older Adult)", 65.0),
        ("6 Months", 0.5),
        ("18 months", 1.5),
        ("2 Weeks", round(2 / 52, 4)),
        ("30 days", round(30 / 365, 4)),
        ("18岁", 18.0),
        ("Minimum Age: 18", 18.0),
        ("18 Years and older", 18.0),
        ("  70 ", 70.0),
        ("N/A", None),
        ("n/a", None),
        ("No limit", None),
        ("None", None),
        ("", None),
        (None, None),
        ("Adult", None),
        ("999", None),
    ],
)
def test_parse_age_years(text, expected):
    assert parse_age_years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5-18 years old", (5.0, 18.0)),
        ("Age:5-18 years old(including threshold)", (5.0, 18.0)),
        ("Age 6-18 years old (including critical value);", (6.0, 18.0)),
        ("18 Years to N/A", (18.0, None)),
        ("18 Years to 65 Years", (18.0, 65.0)),
        ("6 Years – 65 Years", (6.0, 65.0)),
        ("6 Months to 17 Years", (0.5, 17.0)),
        ("≥ 5 years", (5.0, None)),
        (">=18 years", (18.0, None)),
        # A short value says with a word which side it bounds.
        ("over 18", (18.0, None)),
        ("18 and above", (18.0, None)),
        ("Under 18", (None, 18.0)),
        ("18 years minimum", (18.0, None)),
        ("aged between 18 and 70", (18.0, 70.0)),
        ("Age range from 18 to 70 years old, regardless of gender", (18.0, 70.0)),
        ("from 18 to 70 years", (18.0, 70.0)),
        ("18 to 65", (18.0, 65.0)),
        ("18 ~ 75 years", (18.0, 75.0)),
        ("18-75岁", (18.0, 75.0)),
        ("Aged 18-65 years old;", (18.0, 65.0)),
        ("18 years and older", (18.0, None)),
        ("18 years of age or older", (18.0, None)),
        ("at least 12 years old", (12.0, None)),
        ("up to 75 years", (None, 75.0)),
        ("65 years or younger", (None, 65.0)),
        ("≤ 17 years", (None, 17.0)),
        ("N/A to 17 Years", (None, 17.0)),
        ("18 Years ? 65 Years", (18.0, 65.0)),  # the dash lost to a "?"
        ("Minimum Age: 18 Maximum Age: 70", (18.0, 70.0)),
        ("Minimum age: 12 Years, Maximum age: N/A", (12.0, None)),
        ("Minimum 12 years, maximum 70 years", (12.0, 70.0)),
        ("Minimum: 16 years; Maximum: no limit", (16.0, None)),
        ("Adult, Older Adult", (18.0, None)),
        ("16 Years and up (Adult, Older Adult)", (16.0, None)),  # the number, not its groups
        ("18 and older", (18.0, None)),
        ("65 or younger", (None, 65.0)),
        ("Child", (None, 17.0)),
        ("Child, Adult", (None, 64.0)),
        ("Adult", (18.0, 64.0)),
        ("Older Adult", (65.0, None)),
        ("Child, Adult, Older Adult", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        ("N/A", (None, None)),
        ("Ages", (None, None)),
        ("regardless of gender", (None, None)),
        ("received 3-6 cycles of cyclophosphamide before screening", (None, None)),
    ],
)
def test_parse_age_range(text, expected):
    assert parse_age_range(text) == expected


def test_long_input_is_linear():
    text = "1 " * 1_000_000
    assert parse_age_range(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40 adults aged between 18 and 75 with generalized MG.", (18.0, 75.0)),
        ("Adults aged 18 years and older", (18.0, None)),
        ("children aged 6 to 17", (6.0, 17.0)),
        ("Participants (ages 12-40) will be treated", (12.0, 40.0)),
        ("a mean age of 45 years", (None, None)),
        ("the age at diagnosis was 30 years", (None, None)),
        ("aged adults received 2-4 doses", (None, None)),
        ("12 were enrolled (median age 45 years, range 28-59)", (None, None)),
        ("Participants must be 18 to 75 years old.", (18.0, 75.0)),
    ],
)
def test_find_ages_in_prose(text, expected):
    assert find_ages_in_prose(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adults 18-65 years; juveniles 12-17 years", (12.0, 65.0)),  # one range per cohort
        ("SLE 18-65 years; jSLE 12 years to N/A", (12.0, None)),
        ("12 to <18 years", (12.0, 18.0)),
        ("12 to ≤ 17 years", (12.0, 17.0)),
    ],
)
def test_an_ages_value_with_ranges_per_cohort_or_a_bound_sign(text, expected):
    assert parse_age_range(text) == expected


def test_prose_reads_only_the_first_range_after_its_cue():
    assert find_ages_in_prose("adults aged 18 to 70 with 3-6 cycles") == (18.0, 70.0)
