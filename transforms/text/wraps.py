"""Hard wraps: the width a page was wrapped at, and whether a line's end was one.

"Hard wraps at about 80 characters inside one item": a converter or a mail client
broke lines at a fixed width, wherever a word would not fit. Lists, outcome
measures, facts and the segmenter all ask the same questions of such a page: was
it wrapped, and at what width (``wrap_width``); did the width break this line
(``wraps_at``); does the next line read as more of it (``goes_on_after_wrap``,
``ends_open``); and how do the two lines join (``join_wrapped``). A line is measured as
the page printed it, marks that normalising drops included (``printed_widths``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from transforms.text.offsets import OffsetMap

_OPEN_END_SIGNS = frozenset(",(≥≤<>=⩾⩽/×")
# A comparison in words that waits for its value on the next line: "… count of at least",
# "… no more than", "Haemoglobin below" (not "18 years or below", which is whole).
AWAITS_VALUE = re.compile(
    r"(?:\bat\s+least|\bthan|(?<!\bor\s)(?<!\band\s)\b(?:below|under|exceeding))$", re.IGNORECASE
)
_OPEN_END_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as one string
        "and or of with without the a an to in for by than at from per as including between plus"
    ).split()
)


def wraps_at(line: str, nxt: str, width: int, printed: int | None = None) -> bool:
    """Whether a page wrapped at ``width`` broke ``line`` before ``nxt``: it ends near the
    width, ``nxt``'s first word would not have fitted, and no sentence ends there.

    ``printed``: the line's length as the page printed it, when normalising shortened it
    (``printed_widths``: "score \\> 6", "**Sponsor:** …" were wrapped with their marks).
    """
    word = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    length = len(line) if printed is None else printed
    return (
        length >= width // 2  # the next word may be long: "treatments(cyclophosphamide,"
        and length + 1 + len(word) > width
        and (not line.endswith((".", "?", "!")) or _ITEM_NUMBER_AT_END.search(line) is not None)
    )


# "…; 4." or "… x ULN. 4.": the next item's number, its words on the next line
_ITEM_NUMBER_AT_END = re.compile(r"(?:[;:]\s*|[.)]\s+)\d{1,2}[.)]$")


_MIN_WRAP_WIDTH, _MAX_WRAP_WIDTH = 40, 120
_NEAR_WIDTH = 12  # characters: lines this close to the longest fill it
_UNWRAPPED_LINES = 2


@lru_cache(maxsize=4)
def wrap_width(text: str) -> int | None:
    """The width a page was hard-wrapped at ("Hard wraps at about 80 characters"), or None:
    no line is longer, and many lines come within a word of it."""
    lengths = [n for line in text.split("\n") if (n := len(line.rstrip()))]
    fitting = [n for n in lengths if n <= _MAX_WRAP_WIDTH]
    if len(lengths) - len(fitting) > _UNWRAPPED_LINES:
        return None  # a record dumped on one line may stay long; more long lines: no wrap
    longest = max(fitting, default=0)
    if longest < _MIN_WRAP_WIDTH:
        return None
    near = sum(1 for n in fitting if n >= longest - _NEAR_WIDTH)
    return longest if near >= max(5, len(lengths) // 8) else None


def printed_widths(text: str, raw: str, offsets: OffsetMap) -> dict[int, int]:
    """Each line's length as printed, where normalising shortened it, by its start in ``text``.

    A page is wrapped with its markup: an escape ("\\>=40", "10\\^9"), bold ("**Lead
    Sponsor:**"), a heading's "#". Once they are gone the line falls short of the width
    the wrap broke it at. Only a few characters are counted back (a line the normaliser
    split or joined is no line of the page's), and only on a page wrapped at a width.
    """
    if wrap_width(text) is None:
        return {}
    widths: dict[int, int] = {}
    start = 0
    for line in text.split("\n"):
        if shown := len(line.rstrip()):
            raw_end = offsets.to_raw(start + shown - 1) + 1
            raw_start = raw.rfind("\n", 0, raw_end) + 1
            printed = len(raw[raw_start:raw_end].strip("\r"))
            if shown < printed <= shown + _MAX_MARKS:
                widths[start] = printed
        start += len(line) + 1
    return widths


_MAX_MARKS = 10  # characters of markup a line may lose to normalising


def physical_line(text: str, end: int) -> str:
    """The whole line of ``text`` that ends at ``end``, its indent included."""
    return text[text.rfind("\n", 0, end) + 1 : end]


def broken_at(
    text: str, end: int, nxt: str, width: int, printed: Mapping[int, int] | None = None
) -> bool:
    """Whether the page's width broke the line of ``text`` that ends at ``end`` before
    ``nxt`` (``wraps_at``), the line measured as printed (``printed_widths``)."""
    return wraps_at(physical_line(text, end), nxt, width, _printed_length(text, end, printed))


def _printed_length(text: str, end: int, printed: Mapping[int, int] | None) -> int | None:
    """The printed length of the line of ``text`` that ends at ``end`` (``printed_widths``),
    or None: not known, or ``end`` is not where its line ends."""
    if not printed:
        return None
    start = text.rfind("\n", 0, end) + 1
    stop = text.find("\n", end)
    rest = text[end:] if stop < 0 else text[end:stop]
    return None if start not in printed or rest.strip() else printed[start]


def goes_on_after_wrap(line: str, rest: str) -> bool:
    """Whether ``rest``, on the line after one a page's width broke, reads as more of
    ``line`` rather than a line of its own: it opens in lower case, the line ends open (on
    "and", a hyphen, an open bracket), a phrase goes on after its first word ("… Class III
    or IV" / "LN, with or without …"), a name goes on ("… Systemic Lupus" /
    "Erythematosus"), or a title goes on in title case ("Percentage of Participants
    Achieving an Investigator's Global" / "Assessment (IGA) Score of 0 or 1 at Week 16";
    not "… without glucocorticoids" / "Definition of Remission in SLE")."""
    words = rest.split()
    if not words or not line.strip():
        return False
    if rest[:1].islower() or ends_open(line) or line.count("(") > line.count(")"):
        return True
    if _PHRASE_GOES_ON.match(rest):
        return True  # "… active Class III or IV" / "LN, with or without …": no item opens so
    last, first = line.split()[-1].removesuffix("'s"), words[0].lstrip("(\"'[")
    if last[:1].isupper() and last[1:].isalpha() and last[1:].islower() and first[:1].isupper():
        return True  # a capitalised word, not an acronym ending a phrase ("… and ICANS")
    return _title_case(rest) and _title_case(line)


# A short word, a comma and a lower-case word: the middle of a phrase, not an item's start.
_PHRASE_GOES_ON = re.compile(r"[^\s,]{1,12},\s+[a-z]")


def _title_case(text: str) -> bool:
    """Whether every word of ``text`` but the small ones opens with a capital."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


_SMALL_WORDS = frozenset(
    ("a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "per", "the", "to")
)


def ends_open(text: str) -> bool:
    """Whether ``text`` ends on a sign or word that needs more ("… with fludarabine and")."""
    if not text:
        return False
    if text[-1] in _OPEN_END_SIGNS:
        return True
    if text[-1] == "-":  # "classifi-": a word hyphenated at the wrap
        return text[-3:-1].isalpha()
    return text[text.rfind(" ") + 1 :].lower() in _OPEN_END_WORDS or bool(AWAITS_VALUE.search(text))


_HYPHENATED = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}-$")
_LOWER_WORD = re.compile(r"[a-z]{2,}(?![\w-])")


def join_wrapped(line: str, wrap: str) -> str:
    """A line and its hard-wrapped continuation; a word hyphenated at the wrap is made whole.

    "creati-" / "nine clearance" is "creatinine clearance"; "anti-" / "dsDNA" is
    "anti-dsDNA" (a compound's hyphen: the continuation is not a lower-case word).
    """
    if line.endswith("-") and line[-2:-1].strip():
        if _HYPHENATED.search(line) and _LOWER_WORD.match(wrap):
            return line[:-1] + wrap
        return line + wrap
    return f"{line} {wrap}"
