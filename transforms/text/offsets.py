"""Map positions in normalised text back to the raw text they came from.

Normalisation deletes escapes and comments and inserts line breaks, so a
character offset found in normalised text is not an offset in the raw file.
Every extracted value must carry its raw span (lineage), so the normaliser
records breakpoints where the shift between the two texts changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise-linear map from normalised offsets to raw offsets.

    ``norm[i]`` maps to ``raw[i]``; between breakpoints the texts advance in
    step. A position inside replaced text maps to the start of what it replaced.
    """

    norm: tuple[int, ...]
    raw: tuple[int, ...]
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), length)

    def to_raw(self, pos: int) -> int:
        """The raw offset of normalised offset ``pos`` (clamped to the raw text)."""
        norm, raw = self.norm, self.raw
        i = bisect_right(norm, pos) - 1
        if i < 0:
            return 0
        mapped = raw[i] + (pos - norm[i])
        if i + 1 < len(raw) and mapped > raw[i + 1]:
            mapped = raw[i + 1]
        # Clamped to [0, raw_length]; written out because this runs for every span of a page.
        if mapped > self.raw_length:
            mapped = self.raw_length
        return mapped if mapped > 0 else 0

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the normalised half-open span ``[start, end)``."""
        raw_start = self.to_raw(start)
        if end <= start:
            return raw_start, raw_start
        raw_end = min(self.to_raw(end - 1) + 1, self.raw_length)
        return raw_start, raw_end if raw_end > raw_start else raw_start
