"""Properties of the parsers over arbitrary text: no exceptions, determinism, honest spans.

Real pages come from sites we have never seen; whatever their text, parsing
must not raise, must give the same rows twice, and every span must lie
inside the raw text and contain the number it claims to have read.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.staged.documents import parse_document
from transforms.text.normalize import normalize_text
from transforms.values.doses import find_doses
from transforms.values.durations import parse_time_frame_days
from transforms.values.thresholds import find_thresholds

# Text biased towards the characters that matter to the parsers.
_ALPHABET = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz",
        *"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        *" \n\t.:;,()-/<>=≥≤×^\\*#|•",
        "Inclusion Criteria:",
        "Phase",
        "Status",
        "Time frame:",
        "eGFR",
        "ULN",
        "10^9/L",
        "<!--",
        "-->",
        "{'phases': ['PHASE1']}",
        "RECRUITING",
        "cells/kg",
        "years",
        "\\>",
        "1.",
        "NCT01234567",
    ]
)
TEXT = st.lists(_ALPHABET, max_size=120).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_parse_document_never_raises_and_is_deterministic(text: str) -> None:
    first = parse_document("page.txt", "0" * 64, text)
    second = parse_document("page.txt", "0" * 64, text)
    assert first == second
    for row in [*first.sections, *first.fields, *first.items]:
        assert 0 <= row["span_start"] <= row["span_end"] <= len(text)


@FAST
@given(TEXT)
def test_normalised_offsets_stay_inside_raw(text: str) -> None:
    normalized = normalize_text(text)
    for pos in range(0, len(normalized.text) + 1, 3):
        assert 0 <= normalized.offsets.to_raw(pos) <= len(text)


@FAST
@given(TEXT)
def test_threshold_spans_hold_their_numbers(text: str) -> None:
    for found in find_thresholds(text):
        assert text[found.start : found.end] == found.text
        digits = set(re.findall(r"\d+", found.text))
        assert digits, found
        assert found.operator in {">=", ">", "<=", "<", "="}


@FAST
@given(TEXT)
def test_doses_and_time_frames_never_raise(text: str) -> None:
    for dose in find_doses(text):
        assert text[dose.start : dose.end] == dose.text
        assert dose.value > 0
    days = parse_time_frame_days(text)
    assert days is None or days >= 0


_PREFIXES = ["ChiCTR", "ChiCTR-IOR-", "DRKS", "ISRCTN", "ACTRN", "jRCT", "jRCTs", "CTRI/", "KCT"]
_PREFIXES += ["IRCT", "EudraCT", "EudraCT number: ", "CTIS ", "CTIS no.#", "", "ſ", "K", "İ"]
_REGISTRY_PREFIX = st.sampled_from(_PREFIXES).flatmap(
    lambda prefix: st.sampled_from([prefix, prefix.swapcase(), prefix.lower()])
)


def _digits(low: int, high: int | None = None) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=low, max_size=high or low)


_REGISTRY_NUMBER = st.one_of(
    st.sampled_from([7, 8, 9, 10, 14]).flatmap(_digits),
    st.tuples(
        _digits(4), st.just("-5"), _digits(5), st.just("-"), _digits(2), st.just("-"), _digits(2)
    ),
    st.tuples(_digits(4), st.just("-"), _digits(6), st.just("-"), _digits(2)),
    st.tuples(_digits(4), st.just("/"), _digits(2, 3), st.just("/"), _digits(6)),
    st.tuples(_digits(8, 10), st.just("N"), _digits(1, 2)),
).map(lambda part: part if isinstance(part, str) else "".join(part))
_REGISTRY_TEXT = st.tuples(
    st.text(" .\n(", max_size=3), _REGISTRY_PREFIX, _REGISTRY_NUMBER, st.text(" .\n)", max_size=3)
).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_REGISTRY_TEXT)
def test_the_registry_prefilter_never_hides_an_id(text: str) -> None:
    """The cheap test before the registry scan says "maybe" wherever the scan finds an id."""
    from transforms.marts.identity import _OTHER_REGISTRIES, _may_name_a_registry

    if _OTHER_REGISTRIES.search(text):
        assert _may_name_a_registry(text)
