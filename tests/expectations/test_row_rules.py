"""The row rules judged by the builders and the suites built from them agree, row for row.

If they drifted (a NULL, a strict bound, a date), a page the builders let through
could still fail a blocking suite and hold back the whole run's publication.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from expectations.builders import from_rules, new_suite
from expectations.runner import run_suite
from transforms import row_rules as r

CASES: list[tuple[list[r.Rule], pl.DataType, Any, Any]] = [
    # rules, column dtype, a value that passes, a value that breaks
    (r.not_null("x"), pl.Int64, 1, None),
    (r.non_empty("x"), pl.String, "a", ""),
    (r.in_set("x", ("A", "B")), pl.String, "B", "C"),
    (r.items_in_set("x", ("A", "B")), pl.List(pl.String), ["A", "B"], ["A", "Z"]),
    (r.matches("x", r.NCT_ID), pl.String, "NCT01234567", "NCT0123"),
    (r.between("x", 0), pl.Int64, 0, -1),
    (r.between("x", 0, strict_low=True), pl.Float64, 0.5, 0.0),
    (r.between("x", 0, r.MAX_AGE_YEARS), pl.Float64, 120.0, 150.0),
    (r.plausible_dates("x"), pl.Date, date(2024, 1, 1), date(1899, 12, 1)),
]


def _frame(dtype: pl.DataType, values: list[Any]) -> pl.DataFrame:
    """Column ``x`` holding ``values``, the i-th row from document ``i.txt``."""
    files = [f"{i}.txt" for i in range(len(values))]
    return pl.DataFrame({"source_file": files, "x": pl.Series(values, dtype=dtype)})


@pytest.mark.parametrize(("rules", "dtype", "good", "bad"), CASES)
def test_builders_and_suites_judge_a_row_alike(
    rules: list[r.Rule], dtype: pl.DataType, good: Any, bad: Any
) -> None:
    nulls_pass = rules[0].kind != "not_null"
    passing = [good, None] if nulls_pass else [good]
    suite = new_suite("t.x", from_rules(rules))

    clean = _frame(dtype, passing)
    assert r.rule_breaks({"t": clean}, {"t": rules}) == {}
    assert run_suite(suite, clean).success

    dirty = _frame(dtype, [*passing, bad])
    broken = r.rule_breaks({"t": dirty}, {"t": rules})
    assert list(broken) == [f"{len(passing)}.txt"]
    assert broken[f"{len(passing)}.txt"].startswith("t.x ")
    assert not run_suite(suite, dirty).success


def test_an_ordered_pair_judges_only_rows_with_both_values() -> None:
    rules = r.ordered("low", "high")
    frame = pl.DataFrame(
        {
            "source_file": ["a", "b", "c", "d"],
            "low": [18.0, None, 18.0, 18.0],
            "high": [65.0, 6.0, None, 6.0],
        }
    )
    suite = new_suite("t.pair", from_rules(rules))
    assert r.rule_breaks({"t": frame.head(3)}, {"t": rules}) == {}
    assert run_suite(suite, frame.head(3)).success
    assert r.rule_breaks({"t": frame}, {"t": rules}) == {"d": "t.low 18.0 is above high 6.0"}
    assert not run_suite(suite, frame).success


def test_a_document_breaking_rules_in_two_tables_is_named_once_with_both() -> None:
    rules = {"a": r.between("n", 0), "b": r.in_set("k", ("X",))}
    tables = {
        "a": pl.DataFrame({"source_file": ["p", "q"], "n": [-1, 3]}),
        "b": pl.DataFrame({"source_file": ["p", "p", "q"], "k": ["Y", "Z", "X"]}),
    }
    broken = r.rule_breaks(tables, rules)
    assert broken == {"p": "a.n -1 is not at least 0; b.k 'Y' is not one of the contract's values"}
    kept = r.without_files(tables, broken)
    assert kept["a"]["source_file"].to_list() == ["q"]
    assert kept["b"]["source_file"].to_list() == ["q"]


def test_a_key_repeated_within_a_document_breaks_but_across_documents_is_left_to_the_suites() -> (
    None
):
    """Two documents stating one trial are settled later (the one updated last wins)."""
    rules = {"arms": r.key("trial_id", "arm_ordinal")}
    frame = pl.DataFrame(
        {"source_file": ["p", "q", "r", "r"], "trial_id": ["T", "T", "U", "U"], "arm_ordinal": 1}
    )
    assert r.rule_breaks({"arms": frame}, rules) == {
        "r": "arms.key (trial_id, arm_ordinal) repeats, as with arm_ordinal 1"
    }
    suite = new_suite("arms", from_rules(rules["arms"]))
    assert not run_suite(suite, frame.head(2)).success


def test_a_rule_on_a_column_the_table_lacks_is_not_judged() -> None:
    frame = pl.DataFrame({"source_file": ["p"], "n": [-1]})
    assert r.rule_breaks({"a": frame}, {"a": r.between("missing", 0)}) == {}
