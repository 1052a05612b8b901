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


@pytest.mark.parametrize("chunks", [1, 50])
def test_waiting_work_runs_once_after_the_workers_have_theirs(chunks: int) -> None:
    consumed: list[int] = []
    seen_at_call: list[int] = []

    def inputs() -> Iterator[int]:
        for x in range(chunks):
            consumed.append(x)
            yield x

    results = ordered_map(
        _square, inputs(), 2, in_flight=3, while_waiting=lambda: seen_at_call.append(len(consumed))
    )
    assert list(results) == [x * x for x in range(chunks)]
    assert seen_at_call == [min(chunks, 3)]  # once, with every chunk it may hold submitted


def test_no_waiting_work_without_workers() -> None:
    called: list[bool] = []
    results = ordered_map(_square, range(5), 1, while_waiting=lambda: called.append(True))
    assert list(results) == [x * x for x in range(5)]
    assert called == []


def test_one_worker_process_frees_this_one_for_the_waiting_work() -> None:
    called: list[bool] = []
    results = ordered_map(
        _square, range(5), 1, while_waiting=lambda: called.append(True), in_process=False
    )
    assert list(results) == [x * x for x in range(5)]
    assert called == [True]
