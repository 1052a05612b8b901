"""text_cache: short texts are parsed once, long ones every time, results unchanged."""

from __future__ import annotations

import pytest

from transforms.values.memo import MAX_CACHED_CHARS, text_cache


def _counting() -> tuple[list[tuple[str, str]], object]:
    calls: list[tuple[str, str]] = []

    @text_cache
    def parse(key: str, text: str) -> str:
        calls.append((key, text))
        return f"{key}:{text.upper()}"

    return calls, parse


@pytest.mark.parametrize(
    ("text", "expected_calls"),
    [
        ("18 years", 1),
        ("x" * MAX_CACHED_CHARS, 1),
        ("x" * (MAX_CACHED_CHARS + 1), 3),  # too long to keep alive: parsed each time
        ("", 1),
    ],
)
def test_parses_each_short_text_once(text: str, expected_calls: int) -> None:
    calls, parse = _counting()
    results = [parse("age", text) for _ in range(3)]  # type: ignore[operator]
    assert results == [f"age:{text.upper()}"] * 3
    assert len(calls) == expected_calls


def test_arguments_are_part_of_the_key() -> None:
    calls, parse = _counting()
    assert parse("min", "18") == "min:18"  # type: ignore[operator]
    assert parse("max", "18") == "max:18"  # type: ignore[operator]
    assert calls == [("min", "18"), ("max", "18")]
