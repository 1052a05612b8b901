"""A page being written and the gold it accumulates: a fact enters gold only when written.

Layouts call ``field`` (one label/value in the page's field style), ``say`` for free
lines, and ``state`` to record a fact the text now states.
"""

from __future__ import annotations

import random

from bench import banks
from bench.facts import TrialFacts

# Chinese label spellings the lexicon knows, for the bilingual layout.
CHINESE_LABELS = {
    "registry": "注册号",
    "status": "研究状态",
    "phase": "研究分期",
    "study_type": "研究类型",
    "enrollment": "样本量",
    "sex": "性别",
    "ages": "年龄",
}
FIELD_STYLES = ("block", "colon", "bold", "table", "bilingual")


class Page:
    """Lines of one page plus the gold facts they state."""

    def __init__(self, facts: TrialFacts, rng: random.Random, style: str) -> None:
        self.facts, self.rng, self.style = facts, rng, style
        self.lines: list[str] = []
        self.trial: dict[str, object] = {}
        self.extra: dict[str, object] = {}
        self.arms: list[dict[str, str]] = []
        self.arms_count: int | None = None
        self.doses: dict[tuple[float, str], None] = {}
        self.endpoints: list[dict[str, object]] = []
        self.counts = {"inclusion_count": [0, 0], "exclusion_count": [0, 0]}
        self.thresholds: list[dict[str, object]] = []
        self.pad_at: int | None = None

    def say(self, *lines: str) -> None:
        self.lines.extend(lines)

    def state(self, name: str, value: object) -> None:
        self.trial[name] = value

    def field(self, key: str, labels: tuple[str, ...], value: str) -> None:
        """One label/value pair in the page's field style."""
        label = self.rng.choice(labels)
        style = self.style
        if style == "colon":
            self.lines.append(f"{label}: {value}")
        elif style == "bold":
            self.lines.append(f"**{label}:** {value}")
        elif style == "table":
            self.lines.append(f"| {label} | {value} |")
        elif style == "bilingual" and key in CHINESE_LABELS:
            self.lines.extend((CHINESE_LABELS[key], label, value))
        else:
            self.lines.extend((label, value))

    def boilerplate(self, chance: float) -> None:
        if self.rng.random() < chance:
            self.lines.append(self.rng.choice(banks.BOILERPLATE))

    def mark_padding(self) -> None:
        """Where filler description sentences go if the page is below the size floor."""
        self.pad_at = len(self.lines)

    def gold(self, source_file: str) -> dict[str, object]:
        return {
            "source_file": source_file,
            "trial": self.trial,
            **self.extra,
            **({} if self.arms_count is None else {"arms_count": self.arms_count}),
            "arms": self.arms,
            "doses": [
                {"value": _plain(v), "unit": u} for v, u in sorted(self.doses, key=lambda d: d[0])
            ],
            "endpoints": self.endpoints,
            "criteria": self.counts,
            "thresholds": self.thresholds,
        }


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
