"""Column schemas of every table the pipeline writes, one place for all layers.

Builders conform their output to these (``conform``), suites read their column
lists and enum sets from here, and the DuckDB loader creates tables from the
Parquet files that carry them. The mart columns are a superset of
``../shared/CONTRACT.md``: columns may be added, never renamed or dropped.
"""

from __future__ import annotations

from typing import TypeVar

import polars as pl

Str = pl.String
Int = pl.Int64
Float = pl.Float64
StrList = pl.List(pl.String)

# -- raw ----------------------------------------------------------------------

RAW_DOCUMENTS = {
    "source_file": Str,  # path relative to the raw folder, POSIX separators
    "size_bytes": Int,
    "sha256": Str,
    "encoding": Str,  # utf-8, utf-8-sig, utf-16, gb18030, ... (Python codec names)
    "content": pl.Binary,
    "text": Str,
    "landed_at": pl.Datetime("us", "UTC"),
    # the file's mtime when it was landed: with size_bytes, how a later run
    # knows the file is unchanged without reading it (NULL if not known)
    "modified_ns": Int,
}

QUARANTINE = {
    "source_file": Str,
    "stage": Str,  # raw | staged | marts
    "reason": Str,
    "sha256": Str,
}

# -- staged -------------------------------------------------------------------
# Spans (span_start, span_end) are character offsets into the raw decoded
# text; norm_start is the offset of the row's text in the normalised text, so
# a sub-span found inside ``text`` maps back through the document offset map.

STG_DOCUMENTS = {
    "source_file": Str,
    "sha256": Str,
    "source_format": Str,
    "text": Str,  # normalised text
    "raw_length": Int,
    "offsets_norm": pl.List(Int),  # offset map: breakpoints in normalised text
    "offsets_raw": pl.List(Int),  # ... and the raw offsets they map to
}

STG_SECTIONS = {
    "source_file": Str,
    "section_ordinal": Int,
    "section": Str,  # canonical name from the heading lexicon, "preamble" before any heading
    "heading": Str,  # as written, NULL for the preamble
    "text": Str,  # normalised body
    "norm_start": Int,
    "span_start": Int,
    "span_end": Int,
}

STG_FIELDS = {
    "source_file": Str,
    "field_ordinal": Int,
    "section": Str,
    "field": Str,  # canonical key
    "label": Str,  # as written
    "value": Str,  # NULL when the label had no value
    "origin": Str,  # protocol | label | label_block | table | badge
    "is_chosen": pl.Boolean,  # the value the marts use for this field (see stg_conflicts)
    "norm_start": Int,
    "span_start": Int,
    "span_end": Int,
}

STG_ITEMS = {
    "source_file": Str,
    "section": Str,
    "section_ordinal": Int,
    "subsection": Str,
    "item_ordinal": Int,
    "depth": Int,
    "marker": Str,
    "text": Str,
    "norm_start": Int,
    "span_start": Int,
    "span_end": Int,
}

STG_CONFLICTS = {
    "source_file": Str,
    "field": Str,
    "chosen_value": Str,
    "chosen_origin": Str,
    "other_value": Str,
    "other_origin": Str,
    "rule": Str,
}

# -- marts --------------------------------------------------------------------

DATE_FIELDS = (
    "start_date",
    "primary_completion_date",
    "completion_date",
    "last_updated",
    "registration_date",
)

TRIALS = {
    "trial_id": Str,
    "nct_id": Str,
    "source_file": Str,
    "source_format": Str,
    "title": Str,
    "acronym": Str,
    "overall_status": Str,
    "phases": StrList,
    "study_type": Str,
    "allocation": Str,
    "intervention_model": Str,
    "primary_purpose": Str,
    "masking": Str,
    "enrollment": pl.Int32,
    "enrollment_type": Str,
    **{name: pl.Date for name in DATE_FIELDS},
    **{f"{name}_precision": Str for name in DATE_FIELDS},
    "min_age_years": Float,
    "max_age_years": Float,
    "sex": Str,
    "healthy_volunteers": pl.Boolean,
    "lead_sponsor": Str,
    "conditions": StrList,
    "target_antigens": StrList,
    "lymphodepletion_agents": StrList,
    "countries": StrList,
    "registry_ids": StrList,  # every registry id the page names as its own
    "in_source": pl.Boolean,  # false: the page left the raw folder; rows are the last published
}

ARMS = {
    "trial_id": Str,
    "source_file": Str,
    "arm_ordinal": pl.Int32,
    "label": Str,
    "arm_type": Str,
    "description": Str,
    "intervention_names": StrList,
    "span_start": Int,
    "span_end": Int,
}

DOSES = {
    "trial_id": Str,
    "source_file": Str,
    "arm_label": Str,
    "dose_ordinal": pl.Int32,
    "dose_value": Float,
    "dose_value_max": Float,  # upper end of a stated range, else NULL
    "dose_unit": Str,
    "source_text": Str,
    "span_start": Int,
    "span_end": Int,
}

ENDPOINTS = {
    "trial_id": Str,
    "source_file": Str,
    "endpoint_ordinal": pl.Int32,
    "endpoint_type": Str,
    "measure": Str,
    "description": Str,
    "time_frame": Str,
    "time_frame_days": pl.Int32,
    "span_start": Int,
    "span_end": Int,
}

CRITERIA = {
    "trial_id": Str,
    "source_file": Str,
    "criterion_ordinal": pl.Int32,
    "criterion_type": Str,
    "section": Str,
    "text": Str,
    "span_start": Int,
    "span_end": Int,
}

CRITERIA_THRESHOLDS = {
    "trial_id": Str,
    "source_file": Str,
    "criterion_ordinal": pl.Int32,
    "criterion_type": Str,
    "concept": Str,
    "operator": Str,
    "value": Float,
    "unit": Str,
    "value_as_written": Float,
    "unit_as_written": Str,
    "source_text": Str,
    "span_start": Int,
    "span_end": Int,
}

STAGED_TABLES = {
    "stg_documents": STG_DOCUMENTS,
    "stg_sections": STG_SECTIONS,
    "stg_fields": STG_FIELDS,
    "stg_items": STG_ITEMS,
    "stg_conflicts": STG_CONFLICTS,
}

MART_TABLES = {
    "trials": TRIALS,
    "arms": ARMS,
    "doses": DOSES,
    "endpoints": ENDPOINTS,
    "criteria": CRITERIA,
    "criteria_thresholds": CRITERIA_THRESHOLDS,
}

# Mart rows of every document before one document per trial is chosen (unpublished;
# a later run reuses the rows of unchanged documents), and which documents they cover.
MART_CANDIDATES = {**MART_TABLES, "documents": {"source_file": Str, "sha256": Str}}

# Primary keys per mart (suites test uniqueness; DuckDB loader may declare them).
MART_KEYS = {
    "trials": ("trial_id",),
    "arms": ("trial_id", "arm_ordinal"),
    "doses": ("trial_id", "dose_ordinal"),
    "endpoints": ("trial_id", "endpoint_ordinal"),
    "criteria": ("trial_id", "criterion_type", "criterion_ordinal"),
    "criteria_thresholds": (
        "trial_id",
        "criterion_type",
        "criterion_ordinal",
        "concept",
        "operator",
        "value",
    ),
}

# -- enum sets (contract) -----------------------------------------------------

OVERALL_STATUS = (
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ACTIVE_NOT_RECRUITING",
    "COMPLETED",
    "ENROLLING_BY_INVITATION",
    "SUSPENDED",
    "TERMINATED",
    "WITHDRAWN",
    "UNKNOWN",
)
PHASES = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA")
STUDY_TYPES = ("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS")
ALLOCATIONS = ("RANDOMIZED", "NON_RANDOMIZED", "NA")
INTERVENTION_MODELS = ("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL")
PRIMARY_PURPOSES = (
    "TREATMENT",
    "PREVENTION",
    "DIAGNOSTIC",
    "SUPPORTIVE_CARE",
    "SCREENING",
    "HEALTH_SERVICES_RESEARCH",
    "BASIC_SCIENCE",
    "DEVICE_FEASIBILITY",
    "ECT",
    "OTHER",
)
MASKINGS = ("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE")
ENROLLMENT_TYPES = ("ESTIMATED", "ACTUAL")
SEXES = ("ALL", "FEMALE", "MALE")
DATE_PRECISIONS = ("day", "month", "year")
ARM_TYPES = (
    "EXPERIMENTAL",
    "ACTIVE_COMPARATOR",
    "PLACEBO_COMPARATOR",
    "SHAM_COMPARATOR",
    "NO_INTERVENTION",
    "OTHER",
)
ENDPOINT_TYPES = ("PRIMARY", "SECONDARY", "OTHER")
CRITERION_TYPES = ("INCLUSION", "EXCLUSION")
OPERATORS = (">=", ">", "<=", "<", "=")
THRESHOLD_UNITS = (
    "years",
    "months",
    "weeks",
    "days",
    "kg",
    "points",
    "%",
    "% predicted",
    "mL/min/1.73m2",
    "mL/min",
    "xULN",
    "10^9/L",
    "g/L",
    "g/dL",
    "mg/dL",
    "umol/L",
    "IU/mL",
    "mg/g",
    "g/g",
    "g/24h",
    "mg/24h",
    "dilution",
    "cells/uL",
    "U/L",
    "kg/m2",
    "ms",
    "ratio",
    "mg/mmol",
)
DOSE_UNITS = ("cells/kg", "cells", "CAR+ cells/kg", "CAR+ cells", "cells/m2", "CAR+ cells/m2")


Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def conform(frame: Frame, schema: dict[str, pl.DataType]) -> Frame:
    """Select and cast ``frame`` (eager or lazy) to ``schema``; missing columns become NULL.

    Builders call this last so every table has the same columns and dtypes on
    every run, even when it has no rows (an empty frame still carries types).
    """
    present = set(frame.collect_schema().names())
    exprs = [
        (pl.col(name) if name in present else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in schema.items()
    ]
    return frame.select(exprs)


def frame_of(rows: list[dict], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Rows (dicts) as a frame with exactly ``schema``; no rows gives a typed empty frame.

    Built column by column: polars reads a list per column much faster than a
    list of dicts, and every batch of parsed pages passes through here.
    A key outside ``schema`` is ignored, a missing one is NULL.
    """
    if not rows:
        return empty(schema)
    return conform(pl.DataFrame({name: [row.get(name) for row in rows] for name in schema}), schema)


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with ``schema``'s columns and types."""
    return pl.DataFrame(schema=schema)
