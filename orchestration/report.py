"""Plain-text rendering for the CLI: the run summary and query result tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from transforms.schemas import MART_TABLES, STAGED_TABLES

if TYPE_CHECKING:
    from orchestration.run import RunOutcome
    from orchestration.settings import Settings

MAX_CELL = 60


def _counts(outcome: RunOutcome, layer: str, tables: Sequence[str]) -> str:
    counts = [f"{t} {outcome.row_counts.get(f'{layer}/{t}', '-')}" for t in tables]
    return ", ".join(counts)


def _check_lines(outcome: RunOutcome) -> list[str]:
    failed = [c for c in outcome.checks if not c.passed]
    not_run = outcome.checks_planned - len(outcome.checks)
    lines = [
        f"checks: {len(outcome.checks) - len(failed)} passed, {len(failed)} failed"
        + (f", {not_run} not run (upstream failed)" if not_run else "")
    ]
    for check in failed:
        label = "FAILED (blocking)" if check.blocking else "WARNING"
        lines.append(f"  {label} {check.name}")
        lines.extend(f"      {line}" for line in check.failures.splitlines())
    return lines


def _quarantine_lines(outcome: RunOutcome) -> list[str]:
    rows = outcome.quarantine.sort("stage", "source_file").iter_rows(named=True)
    lines = [f"documents quarantined: {outcome.quarantine.height}"]
    lines.extend(f"  [{r['stage']}] {r['source_file']}: {r['reason']}" for r in rows)
    return lines


def _timing_line(outcome: RunOutcome) -> str:
    """Seconds per layer step, and all checks together (where a slow run spends its time)."""
    steps = outcome.step_seconds
    checks = sum(seconds for step, seconds in steps.items() if step not in _LAYER_STEPS)
    parts = [f"{name} {steps[step]:.1f}s" for step, name in _LAYER_STEPS.items() if step in steps]
    return "time: " + ", ".join([*parts, f"checks {checks:.1f}s"])


_LAYER_STEPS = {
    "raw_layer": "raw",
    "staged_layer": "staged",
    "marts_layer": "marts",
    "warehouse__published": "publish",
}


def render_run(outcome: RunOutcome, settings: Settings) -> str:
    """The human summary of one ``trialhouse run``."""
    verdict = "succeeded" if outcome.success else "FAILED"
    lines = [
        f"run {outcome.run_id} {verdict}",
        f"documents landed: {outcome.row_counts.get('raw/documents', 0)}",
        f"staged rows: {_counts(outcome, 'staged', list(STAGED_TABLES))}",
        f"mart rows: {_counts(outcome, 'marts', list(MART_TABLES))}",
        *_check_lines(outcome),
        _timing_line(outcome),
        *_quarantine_lines(outcome),
        *(f"step error: {error}" for error in outcome.step_errors),
    ]
    if outcome.published_db is not None:
        lines.append(f"database: {outcome.published_db} (published)")
    else:
        previous = settings.published_db
        kept = f"; the previous one is unchanged at {previous}" if previous.exists() else ""
        lines.append(f"database: NOT published{kept}")
        lines.append(f"this run's unpublished tables: {outcome.version_dir}")
    return "\n".join(lines)


def _cell(value: object) -> str:
    text = "NULL" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Column headers, a rule and left-aligned rows, then the row count."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines.extend(
        " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
