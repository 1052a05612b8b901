"""Short constructors for the expectations our suites repeat, GX imported lazily.

Suite modules (raw, staged, marts) build suites only through these helpers,
so importing them stays instant and the wording of each rule (e.g. how an
ordered pair treats NULLs) is decided once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from expectations.gx_import import great_expectations
from expectations.runner import list_pattern

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

    from transforms.row_rules import Rule


def new_suite(name: str, *groups: Iterable[Any]) -> ExpectationSuite:
    """A fresh suite ``name`` holding every expectation of ``groups``, in order.

    Expectations go in through the constructor: ``add_expectation`` looks the
    suite up in the active context's store and fails when no context exists.
    """
    return great_expectations().ExpectationSuite(
        name=name, expectations=[e for group in groups for e in group]
    )


def _gxe() -> Any:
    return great_expectations().expectations


def not_null(*columns: str) -> list[Any]:
    return [_gxe().ExpectColumnValuesToNotBeNull(column=c) for c in columns]


def unique(*columns: str) -> list[Any]:
    """Single-column or compound uniqueness (a table's key)."""
    gxe = _gxe()
    if len(columns) == 1:
        return [gxe.ExpectColumnValuesToBeUnique(column=columns[0])]
    return [gxe.ExpectCompoundColumnsToBeUnique(column_list=list(columns))]


def in_set(column: str, values: Iterable[str]) -> list[Any]:
    return [_gxe().ExpectColumnValuesToBeInSet(column=column, value_set=list(values))]


def list_items_in_set(column: str, values: tuple[str, ...]) -> list[Any]:
    """Every item of a list column in ``values`` (the runner renders lists as JSON text)."""
    return [_gxe().ExpectColumnValuesToMatchRegex(column=column, regex=list_pattern(values))]


def matches(column: str, regex: str) -> list[Any]:
    return [_gxe().ExpectColumnValuesToMatchRegex(column=column, regex=regex)]


def non_empty_text(*columns: str) -> list[Any]:
    return [_gxe().ExpectColumnValueLengthsToBeBetween(column=c, min_value=1) for c in columns]


def between(
    column: str, low: Any = None, high: Any = None, *, strict_low: bool = False
) -> list[Any]:
    """``low <= value <= high`` (``low < value`` when ``strict_low``); NULLs are not judged."""
    return [
        _gxe().ExpectColumnValuesToBeBetween(
            column=column, min_value=low, max_value=high, strict_min=strict_low
        )
    ]


def ordered(low: str, high: str) -> list[Any]:
    """``low <= high`` on rows where both are set (a missing bound is not a contradiction)."""
    return [
        _gxe().ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=high, column_B=low, or_equal=True, ignore_row_if="either_value_is_missing"
        )
    ]


def from_rules(rules: Iterable[Rule]) -> list[Any]:
    """The expectation of each row rule the builders already judged (``transforms.row_rules``).

    A key the builders judge within each document is judged across the table here.
    """
    made: list[Any] = []
    for rule in rules:
        if rule.kind == "key":  # across the whole table: ``unique``
            made += unique(*rule.values)
        elif rule.kind == "not_null":
            made += not_null(rule.column)
        elif rule.kind == "non_empty":
            made += non_empty_text(rule.column)
        elif rule.kind == "in_set":
            made += in_set(rule.column, rule.values)
        elif rule.kind == "items_in_set":
            made += list_items_in_set(rule.column, rule.values)
        elif rule.kind == "matches":
            made += matches(rule.column, str(rule.pattern))
        elif rule.kind == "ordered":
            made += ordered(rule.column, str(rule.other))
        else:
            made += between(
                rule.column, _bound(rule.low), _bound(rule.high), strict_low=rule.strict_low
            )
    return made


def _bound(value: Any) -> Any:
    """A date bound as GX compares it with the rendered column (a datetime)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value
