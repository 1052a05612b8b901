"""Cross-table relations: plain anti-joins that report like suites."""

from __future__ import annotations

import polars as pl
import pytest

from expectations import relations
from tests.expectations.frames import make
from transforms import schemas


def _raw(*names: str) -> pl.DataFrame:
    return make(schemas.RAW_DOCUMENTS, [{"source_file": n, "text": "x"} for n in names])


def _stg(**lengths: int) -> pl.DataFrame:
    rows = [{"source_file": f"{n}.txt", "raw_length": length} for n, length in lengths.items()]
    return make(schemas.STG_DOCUMENTS, rows)


def _with_spans(schema: dict, *rows: tuple[str, int]) -> pl.DataFrame:
    return make(schema, [{"source_file": f, "span_start": 0, "span_end": e} for f, e in rows])


def _quarantine(*names: str) -> pl.DataFrame:
    return make(schemas.QUARANTINE, [{"source_file": n, "stage": "staged"} for n in names])


def test_landed_documents_are_staged_or_quarantined() -> None:
    result = relations.landed_documents_are_staged(
        _raw("a.txt", "b.txt", "c.txt"), _stg(a=5, b=5), _quarantine("c.txt")
    )
    assert (result.success, result.failures, result.evaluated) == (True, (), 1)


def test_landed_document_missing_from_staged_is_reported() -> None:
    result = relations.landed_documents_are_staged(
        _raw("a.txt", "b.txt", "c.txt"), _stg(a=5), _quarantine("c.txt")
    )
    (failure,) = result.failures
    assert not result.success
    assert (failure.expectation, failure.column) == (
        "expect_landed_documents_to_be_staged",
        "source_file",
    )
    assert (failure.unexpected_count, failure.sample) == (1, ("b.txt",))


@pytest.mark.parametrize(
    ("section_files", "bare"),
    [(["a.txt", "b.txt", "b.txt"], ()), (["a.txt"], ("b.txt",)), ([], ("a.txt", "b.txt"))],
)
def test_documents_have_sections(section_files: list[str], bare: tuple[str, ...]) -> None:
    sections = make(schemas.STG_SECTIONS, [{"source_file": f} for f in section_files])
    result = relations.documents_have_sections(_stg(a=5, b=5), sections)
    assert result.success is (not bare)
    assert tuple(s for f in result.failures for s in f.sample) == bare
    assert all(f.expectation == "expect_documents_to_have_sections" for f in result.failures)


def test_spans_inside_their_documents_pass() -> None:
    tables = {
        "stg_sections": _with_spans(schemas.STG_SECTIONS, ("a.txt", 10), ("b.txt", 20)),
        "doses": _with_spans(schemas.DOSES, ("b.txt", 20)),
    }
    result = relations.spans_within_documents(_stg(a=10, b=20), tables)
    assert (result.success, result.evaluated) == (True, 4)


def test_span_past_the_end_and_orphan_rows_are_reported() -> None:
    tables = {
        "stg_items": _with_spans(schemas.STG_ITEMS, ("a.txt", 11), ("a.txt", 3)),
        "criteria": _with_spans(schemas.CRITERIA, ("zzz.txt", 1)),
    }
    result = relations.spans_within_documents(_stg(a=10), tables)
    reported = {(f.expectation, f.column): f for f in result.failures}
    assert set(reported) == {
        ("expect_span_end_within_raw_length", "stg_items.span_end"),
        ("expect_source_file_in_stg_documents", "criteria.source_file"),
    }
    past_end = reported["expect_span_end_within_raw_length", "stg_items.span_end"]
    assert past_end.sample == ("a.txt: span_end 11 > 10",)


def test_child_marts_reference_existing_trials() -> None:
    trials = make(schemas.TRIALS, [{"trial_id": "T1"}, {"trial_id": "T2"}])
    children = {
        "arms": make(schemas.ARMS, [{"trial_id": "T1"}, {"trial_id": "T2"}]),
        "doses": make(schemas.DOSES, [{"trial_id": "T2"}]),
    }
    assert relations.trials_exist(trials, children).success


def test_child_mart_with_unknown_trial_is_reported() -> None:
    trials = make(schemas.TRIALS, [{"trial_id": "T1"}])
    children = {
        "arms": make(schemas.ARMS, [{"trial_id": "T1"}]),
        "doses": make(schemas.DOSES, [{"trial_id": "T9"}, {"trial_id": "T9"}]),
    }
    (failure,) = relations.trials_exist(trials, children).failures
    assert (failure.expectation, failure.column) == ("expect_trial_id_in_trials", "doses.trial_id")
    assert (failure.unexpected_count, failure.sample) == (2, ("T9",))
