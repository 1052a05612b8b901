"""The runner: GX-free results, list columns, sampling, no files left behind."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from expectations import marts, raw, runner
from expectations.runner import SuiteResult, list_pattern, run_suite, to_pandas
from tests.expectations.frames import make, mutate, trials
from transforms import schemas


def test_builder_and_built_suite_give_the_same_result() -> None:
    frame = trials()
    assert run_suite(marts.trials, frame) == run_suite(marts.trials(), frame)


def test_result_is_frozen() -> None:
    result = run_suite(raw.quarantine, make(schemas.QUARANTINE, []))
    assert isinstance(result, SuiteResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.success = False  # type: ignore[misc]


def test_empty_table_passes() -> None:
    result = run_suite(marts.trials, make(schemas.TRIALS, []))
    assert result.success, result.failures


def test_rows_all_skipped_need_no_gx_unless_a_column_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    validate = runner._validate
    monkeypatch.setattr(runner, "_validate", lambda *a: calls.append(a[2].height) or validate(*a))
    frame = _quarantine_rows(3)
    skip = frame.select("source_file")
    assert run_suite(raw.quarantine, frame, skip_files=skip).success and calls == []
    missing = run_suite(raw.quarantine, frame.drop("reason"), skip_files=skip)
    assert missing.failed("expect_column_values_to_not_be_null", "reason") and calls == [0]


def test_gx_summarises_only_a_failing_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    from great_expectations.datasource.fluent.interfaces import Batch

    formats: list[str] = []
    validate = Batch.validate

    def recording(self, expect, *, result_format="SUMMARY", **kwargs):
        formats.append(result_format["result_format"])
        return validate(self, expect, result_format=result_format, **kwargs)

    monkeypatch.setattr(Batch, "validate", recording)
    rows = [{"source_file": f"{i}.txt", "stage": "raw", "reason": "r"} for i in range(3)]
    assert run_suite(raw.quarantine, make(schemas.QUARANTINE, rows)).success
    assert formats == ["BOOLEAN_ONLY"]
    formats.clear()
    rows[2]["reason"] = None
    failed = run_suite(raw.quarantine, make(schemas.QUARANTINE, rows))
    assert formats == ["BOOLEAN_ONLY", "SUMMARY"]
    failure = next(f for f in failed.failures if f.expectation.endswith("not_be_null"))
    assert (failure.column, failure.unexpected_count, failure.sample) == ("reason", 1, ("row 2",))


@pytest.mark.parametrize("rows", [[{"stage": "raw", "reason": "x"}], []])
def test_missing_column_is_a_failure_with_the_reason(rows: list[dict[str, str]]) -> None:
    frame = pl.DataFrame(rows, schema={"stage": pl.String, "reason": pl.String})
    result = run_suite(raw.quarantine, frame)
    failure = next(f for f in result.failures if f.column == "source_file")
    assert failure.expectation == "expect_column_values_to_not_be_null"
    assert failure.unexpected_count is None
    assert "does not exist" in failure.sample[0]


def test_null_failures_sample_row_numbers() -> None:
    rows = [{"source_file": f"{i}.txt", "stage": "raw", "reason": "r"} for i in range(8)]
    for row in rows[1:]:
        row["reason"] = None
    result = run_suite(raw.quarantine, make(schemas.QUARANTINE, rows))
    failure = next(f for f in result.failures if f.expectation.endswith("not_be_null"))
    assert failure.unexpected_count == 7
    assert failure.sample == ("row 1", "row 2", "row 3", "row 4", "row 5")


def test_list_columns_become_json_text() -> None:
    frame = pl.DataFrame({"phases": [["PHASE1", "PHASE2"], [], None]})
    assert to_pandas(frame)["phases"].tolist()[:2] == ['["PHASE1", "PHASE2"]', "[]"]
    assert to_pandas(frame)["phases"].isna().tolist() == [False, False, True]


@pytest.mark.parametrize(
    ("rendered", "ok"),
    [
        ('["PHASE1", "PHASE2"]', True),
        ("[]", True),
        ('["NA"]', True),
        ('["PHASE1", "PHASE 2"]', False),
        ('["PHASE12"]', False),
        ('["PHASE1","PHASE2"]', False),
        ("PHASE1", False),
    ],
)
def test_list_pattern(rendered: str, ok: bool) -> None:
    assert bool(re.match(list_pattern(schemas.PHASES), rendered)) is ok


def test_running_suites_writes_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_suite(marts.trials, trials())
    assert list(tmp_path.iterdir()) == []


def _quarantine_rows(count: int, *, null_reason_every: int = 0) -> pl.DataFrame:
    rows = [
        {
            "source_file": f"{i:03}.txt",
            "stage": "raw",
            "reason": None if null_reason_every and i % null_reason_every == 0 else "r",
        }
        for i in range(count)
    ]
    return make(schemas.QUARANTINE, rows)


def test_batched_validation_counts_failures_of_every_batch() -> None:
    frame = _quarantine_rows(30, null_reason_every=4)  # rows 0, 4, ..., 28: eight nulls
    whole = run_suite(raw.quarantine, frame)
    batched = run_suite(raw.quarantine, frame.lazy(), batch_rows=7)
    assert whole == batched
    failure = next(f for f in batched.failures if f.expectation.endswith("not_be_null"))
    assert failure.unexpected_count == 8
    assert failure.sample == ("row 0", "row 4", "row 8", "row 12", "row 16")


def test_uniqueness_is_judged_across_batches() -> None:
    frame = pl.concat([_quarantine_rows(10), _quarantine_rows(10).head(1)])
    result = run_suite(raw.documents, frame.rename({"stage": "encoding"}), batch_rows=4)
    assert result.failed("expect_column_values_to_be_unique", "source_file")


def test_rows_of_validated_documents_are_skipped_by_row_expectations_only() -> None:
    frame = _quarantine_rows(6, null_reason_every=2)  # nulls in 000, 002, 004
    skip = pl.DataFrame({"source_file": ["000.txt", "002.txt"]})
    result = run_suite(raw.quarantine, frame, skip_files=skip)
    failure = next(f for f in result.failures if f.expectation.endswith("not_be_null"))
    assert failure.unexpected_count == 1
    duplicated = pl.concat([frame, frame.head(1)]).rename({"stage": "encoding"})
    keys = run_suite(raw.documents, duplicated, skip_files=skip)
    assert keys.failed("expect_column_values_to_be_unique", "source_file")


def _sections(files_and_ordinals: list[tuple[str, int]]) -> pl.DataFrame:
    rows = [
        {"source_file": f, "section_ordinal": n, "section": "preamble", "text": "x"}
        | {"norm_start": 0, "span_start": 0, "span_end": 1}
        for f, n in files_and_ordinals
    ]
    return make(schemas.STG_SECTIONS, rows)


def test_a_key_of_source_file_and_more_is_judged_on_unvalidated_documents_only() -> None:
    """Each document's rows hold its key's repeats: a validated document needs no second look."""
    from expectations import staged

    frame = _sections([("a.txt", 0), ("a.txt", 0), ("b.txt", 0), ("b.txt", 1), ("c.txt", 0)])
    skip = pl.DataFrame({"source_file": ["a.txt"]})
    assert run_suite(staged.stg_sections, frame, skip_files=skip).success
    assert not run_suite(staged.stg_sections, frame).success
    repeated = pl.concat([frame, _sections([("b.txt", 1)])])
    result = run_suite(staged.stg_sections, repeated, skip_files=skip)
    failure = next(f for f in result.failures if "unique" in f.expectation)
    assert failure.unexpected_count == 2 and set(failure.sample) == {
        "source_file=b.txt, section_ordinal=1"
    }
    # A key of source_file alone spans documents: every row is judged.
    one_per_file = pl.concat([frame.unique("source_file"), frame.head(1)])
    assert not run_suite(staged.stg_documents, _as_documents(one_per_file), skip_files=skip).success


def _as_documents(sections: pl.DataFrame) -> pl.DataFrame:
    rows = [
        {"source_file": f, "sha256": "0" * 64, "source_format": "plain", "text": "x"}
        | {"raw_length": 1}
        for f in sections["source_file"]
    ]
    return make(schemas.STG_DOCUMENTS, rows)


def test_row_expectations_read_only_the_fresh_part_when_given() -> None:
    """A table's delta holds every row not skipped: the rest is not read row by row."""
    frame = _quarantine_rows(6, null_reason_every=2)  # nulls in 000, 002, 004
    skip = pl.DataFrame({"source_file": ["000.txt", "001.txt", "002.txt", "003.txt"]})
    fresh = frame.filter(pl.col("source_file").is_in(["003.txt", "004.txt", "005.txt"]))
    result = run_suite(raw.quarantine, frame, skip_files=skip, fresh=fresh)
    failure = next(f for f in result.failures if f.expectation.endswith("not_be_null"))
    assert failure.unexpected_count == 1  # 004 only: 000 and 002 are skipped, not in fresh
    clean = run_suite(raw.quarantine, frame, skip_files=skip, fresh=fresh.tail(1))
    assert clean.success


def test_uniqueness_calls_gx_only_for_repeated_keys_or_missing_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = [f"{i}.txt" for i in range(4)]
    frame = pl.DataFrame({"source_file": files, "sha256": ["a", "a", "b", "c"]})
    validated: list[list[str]] = []
    validate = runner._validate

    def recording(name, expectations, batch):
        validated.append([e.expectation_type for e in expectations])
        return validate(name, expectations, batch)

    monkeypatch.setattr(runner, "_validate", recording)
    assert not run_suite(raw.documents, frame).success  # sha256 repeats
    assert ["expect_column_values_to_be_unique"] in validated
    validated.clear()
    distinct = frame.with_columns(sha256=pl.col("source_file"))
    run_suite(raw.documents, distinct)
    assert ["expect_column_values_to_be_unique"] not in validated  # nothing repeats
    missing = run_suite(raw.documents, distinct.drop("sha256"))
    assert missing.failed("expect_column_values_to_be_unique", "sha256")


def _batch_sizes(monkeypatch: pytest.MonkeyPatch, batch_bytes: int) -> list[int]:
    """The rows of each batch GX is given from now on, with batches of ``batch_bytes``."""
    sizes: list[int] = []
    validate = runner._validate

    def counting(name, expectations, batch):
        sizes.append(batch.height)
        return validate(name, expectations, batch)

    monkeypatch.setattr(runner, "BATCH_BYTES", batch_bytes)
    monkeypatch.setattr(runner, "_validate", counting)
    return sizes


def test_wide_rows_are_validated_in_batches_of_bounded_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows of page text make batches of fewer rows, with the same verdict."""
    frame = _quarantine_rows(40, null_reason_every=5)
    long = [None if reason is None else f"{i} " * 500 for i, reason in enumerate(frame["reason"])]
    frame = frame.with_columns(reason=pl.Series(long, dtype=pl.String))
    whole = run_suite(raw.quarantine, frame)
    sizes = _batch_sizes(monkeypatch, batch_bytes=20_000)
    batched = run_suite(raw.quarantine, frame.lazy())
    assert batched == whole
    assert sum(sizes) == 40 and len(sizes) >= 3  # the suite judges each row once


def test_batches_of_fresh_rows_are_sized_from_the_fresh_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Wide rows of validated documents (a base's page text) do not shrink the batches
    of the rows judged, and sizing the batches reads no row of the rest of the table."""
    frame = _quarantine_rows(40, null_reason_every=5)
    reasons = [f"{i} " * 5000 if i < 20 else "short" for i in range(frame.height)]
    frame = frame.with_columns(reason=pl.Series(reasons, dtype=pl.String))
    skip, fresh = frame.head(20).select("source_file"), frame.tail(20)
    sizes = _batch_sizes(monkeypatch, batch_bytes=20_000)
    result = run_suite(raw.quarantine, frame.lazy(), skip_files=skip, fresh=fresh.lazy())
    assert result.success and sizes == [20]


@pytest.mark.parametrize("late", [date(2150, 1, 1), date(9999, 1, 1)])
def test_dates_out_of_bounds_fail_whether_or_not_pandas_holds_them_in_nanoseconds(
    late: date,
) -> None:
    """Dates GX compares vectorised (datetime64[ns]) or one by one (beyond 2261) alike."""
    frame = mutate(trials(), schemas.TRIALS, start_date=late)
    result = run_suite(marts.trials, frame)
    failure = next(f for f in result.failures if f.column == "start_date")
    assert failure.expectation == "expect_column_values_to_be_between"
    assert (failure.unexpected_count, failure.sample) == (1, (f"{late} 00:00:00",))


def test_dates_reach_gx_as_nanoseconds_when_every_one_fits() -> None:
    fits = to_pandas(trials())
    assert str(fits["start_date"].dtype) == "datetime64[ns]"
    late = to_pandas(mutate(trials(), schemas.TRIALS, start_date=date(9999, 1, 1)))
    assert str(late["start_date"].dtype) != "datetime64[ns]"


def test_narrow_integers_reach_gx_as_int64_and_still_fail_their_bounds() -> None:
    """GX compares only int64 (and float64) columns vectorised; the verdict is the same."""
    rows = [
        {"trial_id": "NCT01234567", "source_file": "a.txt", "criterion_ordinal": n}
        | {"criterion_type": "INCLUSION", "text": "Adults", "span_start": 0, "span_end": 6}
        for n in (-1, 1, 2)
    ]
    frame = make(schemas.CRITERIA, rows)
    assert frame.schema["criterion_ordinal"] == pl.Int32
    assert str(to_pandas(frame)["criterion_ordinal"].dtype) == "int64"
    failure = next(
        f for f in run_suite(marts.criteria, frame).failures if f.column == "criterion_ordinal"
    )
    assert (failure.expectation, failure.unexpected_count, failure.sample) == (
        "expect_column_values_to_be_between",
        1,
        ("-1",),
    )
