"""The row-level rules of the staged and mart tables, stated once for builders and suites.

The staged and mart suites block publication, and most of their rules judge one
row at a time. Judged only there, one page a parser misread (an age read from
"18 Years to 6" on a page cut off mid-value) held back every trial of the run.
So the builders judge each batch of rows by these same rules and quarantine the
documents that break one, with the rule and the value, while the others go on;
the suites, built from these rules too, then guard the code rather than the
input. A key is judged within each document here; across documents (two pages
of one trial) only the suites see it, after the marts keep one page per trial.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import polars as pl

from transforms import schemas as s

Kind = Literal[
    "not_null", "non_empty", "in_set", "items_in_set", "matches", "between", "ordered", "key"
]

# Registries hold records from long before CAR-T; the bound catches misreads
# (a two-digit year, a cut-off "20"), not old trials, which must still publish.
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
MAX_AGE_YEARS = 120
NCT_ID = r"^NCT\d{8}$"
CONCEPT = r"^[a-z][a-z0-9_]*$"
# Where a staged field value was read (label, protocol, badge, table, ...). The
# vocabulary grows with the segmenter and has no contract constant in ``schemas``,
# so the rule checks the shape of the token rather than a set that would go stale.
ORIGIN = r"^[a-z][a-z_]*$"


@dataclass(frozen=True)
class Rule:
    """One condition every row must meet; a NULL breaks only ``not_null``.

    ``ordered`` reads ``column <= other``; ``between`` reads ``low <= column <=
    high`` (``low < column`` when ``strict_low``), either bound optional; ``key``
    reads ``values`` (column names) as a key no document repeats.
    """

    kind: Kind
    column: str
    other: str | None = None
    values: tuple[str, ...] = ()
    pattern: str | None = None
    low: Any = None
    high: Any = None
    strict_low: bool = False

    def broken(self) -> pl.Expr:
        """True on the rows that break the rule."""
        col = pl.col(self.column)
        if self.kind == "not_null":
            return col.is_null()
        if self.kind == "key":
            return pl.struct(*dict.fromkeys(("source_file", *self.values))).is_duplicated()
        if self.kind == "non_empty":
            test = col.str.len_chars() < 1
        elif self.kind == "in_set":
            test = ~col.is_in(list(self.values))
        elif self.kind == "items_in_set":
            test = col.list.eval(~pl.element().is_in(list(self.values))).list.any()
        elif self.kind == "matches":
            test = ~col.str.contains(str(self.pattern))
        elif self.kind == "ordered":
            test = pl.col(str(self.other)) < col
        else:
            test = pl.lit(False)
            if self.low is not None:
                test = test | (col <= self.low if self.strict_low else col < self.low)
            if self.high is not None:
                test = test | (col > self.high)
        return test.fill_null(False)

    def describe(self, value: Any, other: Any = None) -> str:
        """How ``value`` (and the ``other`` column's value) breaks the rule, for a reason."""
        if self.kind == "not_null":
            return f"{self.column} is missing"
        if self.kind == "key":
            return f"key ({', '.join(self.values)}) repeats, as with {self.column} {value!r}"
        if self.kind == "ordered":
            return f"{self.column} {value} is above {self.other} {other}"
        if self.kind == "between":
            bounds = (
                f"{'above' if self.strict_low else 'at least'} {self.low}"
                if self.low is not None
                else None,
                f"at most {self.high}" if self.high is not None else None,
            )
            return f"{self.column} {value!r} is not {' and '.join(b for b in bounds if b)}"
        if self.kind == "matches":
            return f"{self.column} {value!r} does not match {self.pattern}"
        if self.kind == "non_empty":
            return f"{self.column} is empty"
        return f"{self.column} {value!r} is not one of the contract's values"


def not_null(*columns: str) -> list[Rule]:
    return [Rule("not_null", c) for c in dict.fromkeys(columns)]


def non_empty(*columns: str) -> list[Rule]:
    return [Rule("non_empty", c) for c in columns]


def in_set(column: str, values: Iterable[str]) -> list[Rule]:
    return [Rule("in_set", column, values=tuple(values))]


def items_in_set(column: str, values: Iterable[str]) -> list[Rule]:
    return [Rule("items_in_set", column, values=tuple(values))]


def matches(column: str, pattern: str) -> list[Rule]:
    return [Rule("matches", column, pattern=pattern)]


def between(
    column: str, low: Any = None, high: Any = None, *, strict_low: bool = False
) -> list[Rule]:
    return [Rule("between", column, low=low, high=high, strict_low=strict_low)]


def ordered(low: str, high: str) -> list[Rule]:
    """``low <= high`` where both are set: a missing bound is no contradiction."""
    return [Rule("ordered", low, other=high)]


def plausible_dates(*columns: str) -> list[Rule]:
    return [rule for c in columns for rule in between(c, DATE_MIN, DATE_MAX)]


def spans(*, required: bool) -> list[Rule]:
    """Character spans into the raw text: present when ``required``, non-negative, not inverted."""
    present = not_null("span_start", "span_end") if required else []
    return [*present, *between("span_start", 0), *ordered("span_start", "span_end")]


def key(*columns: str) -> list[Rule]:
    """No document states two rows with this key (across documents, only the suites see)."""
    return [Rule("key", columns[-1], values=columns)]


def _lineage(table: str, *required: str) -> list[Rule]:
    """Key unique in its document, key and lineage columns present: shared by every mart."""
    return [*key(*s.MART_KEYS[table]), *not_null(*s.MART_KEYS[table], "source_file", *required)]


_TRIAL_ENUMS = {
    "overall_status": s.OVERALL_STATUS,
    "study_type": s.STUDY_TYPES,
    "allocation": s.ALLOCATIONS,
    "intervention_model": s.INTERVENTION_MODELS,
    "primary_purpose": s.PRIMARY_PURPOSES,
    "masking": s.MASKINGS,
    "enrollment_type": s.ENROLLMENT_TYPES,
    "sex": s.SEXES,
    **{f"{name}_precision": s.DATE_PRECISIONS for name in s.DATE_FIELDS},
}

MART_RULES: dict[str, list[Rule]] = {
    "trials": [
        *_lineage("trials", "source_format"),
        *non_empty("trial_id"),
        *matches("nct_id", NCT_ID),
        *(rule for column, values in _TRIAL_ENUMS.items() for rule in in_set(column, values)),
        *items_in_set("phases", s.PHASES),
        *between("enrollment", 0),
        *plausible_dates(*s.DATE_FIELDS),
        *ordered("start_date", "primary_completion_date"),
        *ordered("start_date", "completion_date"),
        *between("min_age_years", 0, MAX_AGE_YEARS),
        *between("max_age_years", 0, MAX_AGE_YEARS),
        *ordered("min_age_years", "max_age_years"),
    ],
    "arms": [
        *_lineage("arms"),
        *between("arm_ordinal", 1),
        *in_set("arm_type", s.ARM_TYPES),
        *spans(required=False),
    ],
    "doses": [
        *_lineage("doses", "dose_value", "dose_unit"),
        *between("dose_ordinal", 1),
        *between("dose_value", 0, strict_low=True),
        *ordered("dose_value", "dose_value_max"),
        *in_set("dose_unit", s.DOSE_UNITS),
        *spans(required=True),
    ],
    "endpoints": [
        *_lineage("endpoints", "measure"),
        *between("endpoint_ordinal", 0),
        *in_set("endpoint_type", s.ENDPOINT_TYPES),
        *between("time_frame_days", 0),
        *spans(required=True),
    ],
    "criteria": [
        *_lineage("criteria", "text"),
        *between("criterion_ordinal", 0),
        *in_set("criterion_type", s.CRITERION_TYPES),
        *non_empty("text"),
        *spans(required=True),
    ],
    "criteria_thresholds": [
        *_lineage("criteria_thresholds"),
        *in_set("criterion_type", s.CRITERION_TYPES),
        *matches("concept", CONCEPT),
        *in_set("operator", s.OPERATORS),
        *in_set("unit", s.THRESHOLD_UNITS),
        *spans(required=True),
    ],
}

STAGED_RULES: dict[str, list[Rule]] = {
    "stg_documents": [
        *key("source_file"),
        *not_null("source_file", "sha256", "source_format", "text", "raw_length"),
        *between("raw_length", 0),
    ],
    "stg_sections": [
        *key("source_file", "section_ordinal"),
        *not_null("source_file", "section_ordinal", "section", "text", "norm_start"),
        *non_empty("section"),
        *between("section_ordinal", 0),
        *between("norm_start", 0),
        *spans(required=True),
    ],
    "stg_fields": [
        *key("source_file", "field_ordinal"),
        *not_null("source_file", "field_ordinal", "section", "field", "origin"),
        *matches("origin", ORIGIN),
        *between("norm_start", 0),
        *spans(required=True),
    ],
    "stg_items": [
        *not_null("source_file", "section", "item_ordinal", "depth", "text"),
        *between("item_ordinal", 0),
        *between("depth", 0),
        *between("norm_start", 0),
        *spans(required=True),
    ],
    "stg_conflicts": [
        *not_null("source_file", "field", "chosen_origin", "other_origin", "rule"),
        *matches("chosen_origin", ORIGIN),
        *matches("other_origin", ORIGIN),
        *non_empty("rule"),
    ],
}


def rule_breaks(
    tables: Mapping[str, pl.DataFrame], rules: Mapping[str, Sequence[Rule]]
) -> dict[str, str]:
    """The documents whose rows break a rule, each with the rules it broke (first value each).

    One pass per table finds whether any row breaks any rule (the usual answer
    is no); only then is each rule asked which documents and values.
    """
    reasons: dict[str, list[str]] = {}
    for name, frame in tables.items():
        columns = set(frame.columns)
        table_rules = [r for r in rules.get(name, ()) if _columns_of(r) <= columns]
        if frame.is_empty() or not table_rules:
            continue
        flags = frame.select(pl.any_horizontal([r.broken() for r in table_rules]).any())
        if not flags.item():
            continue
        for rule in table_rules:
            columns = list(dict.fromkeys(("source_file", *_columns_of(rule))))
            bad = frame.filter(rule.broken()).select(columns).unique("source_file", keep="first")
            for row in bad.iter_rows(named=True):
                said = rule.describe(row[rule.column], row.get(rule.other or ""))
                reasons.setdefault(str(row["source_file"]), []).append(f"{name}.{said}")
    return {file: "; ".join(found) for file, found in reasons.items()}


def without_files(
    tables: Mapping[str, pl.DataFrame], files: Iterable[str]
) -> dict[str, pl.DataFrame]:
    """``tables`` less every row of ``files``: a quarantined document leaves no half a trial."""
    drop = pl.Series(list(files), dtype=pl.String).implode()
    return {
        name: frame.filter(~pl.col("source_file").is_in(drop)) for name, frame in tables.items()
    }


def _columns_of(rule: Rule) -> set[str]:
    named = set(rule.values) if rule.kind == "key" else set()
    return {rule.column, *named} | ({rule.other} if rule.other else set())
