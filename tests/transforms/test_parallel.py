"""The streaming map: results in input order, inputs consumed only a few ahead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from transforms.parallel import ordered_map


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order(workers: int) -> None:
    assert list(ordered_map(_square, range(20), workers)) == [x * x for x in range(20)]


@pytest.mark.parametrize(("workers", "in_flight"), [(1, 0), (2, 3)])
def test_inputs_are_read_at_most_in_flight_ahead(workers: int, in_flight: int) -> None:
    consumed: list[int] = []

    def inputs() -> Iterator[int]:
        for x in range(50):
            consumed.append(x)
            yield x

    results = ordered_map(_square, inputs(), workers, in_flight)
    assert next(results) == 0
    assert len(consumed) <= max(1, in_flight)
    assert list(results) == [x * x for x in range(1, 50)]
