"""A page written out from a structured file, with every character's place in that file.

Registry records (JSON, XML) and spreadsheet exports (CSV, TSV) are read as
the page they describe: an adapter writes label lines, headings and lists, and the
page goes through the same normaliser, segmenter and readers as any scraped
page. The offsets map the written page back to the file, so lineage points
at the characters a value was read from; words of the page's own (labels,
line breaks) map to the key or cell they stand for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from transforms.text.normalize import Normalized, normalize_text
from transforms.text.offsets import OffsetMap


class SeveralStudiesError(ValueError):
    """A file holding several studies (a registry export): one document is one study."""

    def __init__(self, count: int, kind: str) -> None:
        super().__init__(f"{count} studies in one {kind}; land one study per file")


_LINE_BREAK = re.compile(r"[ \t]*[\r\n]\s*")


@dataclass(frozen=True)
class MappedText:
    """Text as decoded from a file (quotes undone, entities replaced), in pieces that keep
    their places in it."""

    pieces: tuple[tuple[str, int], ...]  # (text, raw offset)

    @cached_property
    def text(self) -> str:  # asked for again and again as a cell is written part by part
        return "".join(text for text, _ in self.pieces)

    @property
    def start(self) -> int:
        return self.pieces[0][1] if self.pieces else 0

    def raw_at(self, i: int) -> int:
        """The file offset of decoded character ``i`` (the end of the text for its length)."""
        at = 0
        for text, raw_at in self.pieces:
            if i <= at + len(text):
                return raw_at + i - at
            at += len(text)
        return self.start

    def write(
        self, page: RenderedPage, lo: int = 0, hi: int | None = None, *, one_line: bool = False
    ) -> None:
        """The decoded characters ``[lo, hi)`` onto ``page``, each mapped to the file.

        ``one_line``: each line break, with the spaces around it, written as one space
        (a value that must stay on its line).
        """
        hi = len(self.text) if hi is None else hi
        at = 0
        for text, raw_at in self.pieces:
            a, b = max(lo, at), min(hi, at + len(text))
            if a < b:
                written, base = text[a - at : b - at], raw_at + a - at
                pos = 0
                for brk in _LINE_BREAK.finditer(written) if one_line else ():
                    page.piece(written[pos : brk.start()] + " ", base + pos)
                    pos = brk.end()
                page.piece(written[pos:], base + pos)
            at += len(text)


class RenderedPage:
    """Written text with a breakpoint where each piece starts (written -> raw)."""

    def __init__(self, raw: str) -> None:
        self.source = raw
        self.parts: list[str] = []
        self.norm: list[int] = []
        self.raw: list[int] = []
        self.length = 0
        self.cursor = 0  # raw offsets only move forward: the map must be monotonic
        self.verbatim: list[tuple[int, int]] = []  # written spans of free text (``Normalized``)

    def piece(self, text: str, raw_at: int) -> None:
        """``text``, its characters mapped one for one from ``raw_at`` on."""
        if not text:
            return
        self.cursor = max(self.cursor, raw_at)
        self.norm.append(self.length)
        self.raw.append(self.cursor)
        self.parts.append(text)
        self.length += len(text)

    def words(self, text: str, raw_at: int) -> None:
        """Text of the page's own (labels, line breaks), mapped to ``raw_at``."""
        self.piece(text, raw_at)

    def heading(self, text: str, key_at: int) -> None:
        self.words(f"\n{text}\n", key_at)

    def verbatim_from(self, start: int) -> None:
        """What was written since ``start`` (a ``length``) is free text: no heading, no label."""
        if self.length > start:
            self.verbatim.append((start, self.length))

    def normalized(self) -> Normalized:
        """The written page normalised, its offsets composed back to the file's."""
        written = "".join(self.parts)
        to_raw = OffsetMap(tuple(self.norm), tuple(self.raw), len(self.source))
        normalized = normalize_text(written)
        offsets = _compose(normalized.offsets, to_raw)
        verbatim = tuple(
            (_before(normalized.offsets, a), _before(normalized.offsets, b))
            for a, b in self.verbatim
        )
        return Normalized(normalized.text, offsets, normalized.headings, verbatim)


def _compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """``inner`` after ``outer``: normalised -> written -> raw, as one map."""
    points = set(outer.norm)
    for mid in inner.norm:
        points.add(_before(outer, mid))
    norm = sorted(points)
    return OffsetMap(
        tuple(norm), tuple(inner.to_raw(outer.to_raw(n)) for n in norm), inner.raw_length
    )


def _before(outer: OffsetMap, mid: int) -> int:
    """The first normalised offset that ``outer`` maps to ``mid`` or beyond."""
    i = max(bisect_right(outer.raw, mid) - 1, 0)
    n = outer.norm[i] + (mid - outer.raw[i])
    return min(n, outer.norm[i + 1]) if i + 1 < len(outer.norm) else n
