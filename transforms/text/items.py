"""Split list-shaped text into items: markers, inline numbering, wraps, sub-headings.

Eligibility lists arrive as bullets of any glyph, "1." / "(1)" / "a)" / "iv." /
"4.1.2" / circled numerals, double markers ("• 1."), numbers stripped to
". ", every item numbered "1.", all items inline in one paragraph
("1. … 2. … 3. …"), hard wraps inside one item, and per-cohort sub-headings.
Items keep their offsets into the normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import NamedTuple

from transforms.text.lexicon import GROUP_NOUNS
from transforms.text.lines import Line, on_next_line
from transforms.text.wraps import (
    AWAITS_VALUE,
    broken_at,
    ends_open,
    goes_on_after_wrap,
    join_wrapped,
    physical_line,
    wrap_width,
)
from transforms.values.memo import text_cache
from transforms.values.threshold_lexicon import awaits_limit

# What follows a decimal number that is a value, not a protocol's section number: a
# power of ten, a unit, a range ("1.5 × 10^6 cells/kg", "0.5 - 2 mg/kg", "2.5 %").
_VALUE_GOES_ON = (
    r"[×*^%/]|[xX]\s*10|[-–~]\s*\d|(?:mg|µg|ug|mcg|g|kg|mL|ml|L|IU|U|cells?|mmol|µmol|µL)\b"
)
_MARKER = re.compile(
    r"""^(?:
        [•*+\-]\s*                                  # bullets (canonicalised by the normaliser)
      | \(?\d{1,2}(?:\.\d{1,2}){0,3}[.):](?!\d)\s*    # 1.  1)  (1)  4.1.2
      | \d{1,2}、\s*                                # 1、 (also before a digit: "3、24小时")
      | \(\d{1,2}\)\s*
      | \d{1,2}(?:\.\d{1,2}){1,3}\s+(?!\s*(?:"""  # protocol numbering without a final stop
    + _VALUE_GOES_ON
    + r"""))
      | \(?[ivxIVX]{1,5}[.)]\s+                     # i)  (iv)  IV.
      | \(?[a-zA-Z][.)]\s+                          # a.  B)  (c)
      | [\u2460-\u2473\u2776-\u277f]\s*             # circled numerals
      | \.\s+                                       # number lost, full stop kept
    )+""",
    re.VERBOSE,
)
# Inline numbering candidates: a number after a boundary, then "." ")" or "、".
# "1.", "(2)", "3)", "4、", and "[5]" as some sites number.
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s;.:,]))(?:\(?|\[)(\d{1,2})(?:[.)、]|\])(?!\d)\s*(?=\S)")
# A list written inline after a bullet: "- Age 18-65 years - SLEDAI-2K ≥ 8" (the next
# item starts at the same glyph, spaced, before a letter).
_LEAD_BULLET = re.compile(r"^([•\-*])\s+\S")
# A cohort's lead-in before the bullets of a list squashed onto one line: "For adolescent
# participants: * Enrolled as a student … * Experiencing …".
_BULLET_AFTER_LEAD_IN = re.compile(r"^[^•*:\n]{2,80}:\s+([•*])\s+\S")
_COHORT_LEAD_IN = re.compile(
    r"(?<=\S)\s+(?=(?:For|In|All|Cohorts?|Groups?|Arms?|Parts?|Adults?|Adolescents?|Children"
    r"|Pediatric|Paediatric|Juvenile)\b[^.:;•*]{0,50}:\s+[•*]\s)"
)
_TERMINAL = (".", ";", "。", "!", "?")
# A line that can only be the rest of the one before: it starts with a comparison, a
# closing bracket or a unit ("≥ 1,000/µL" after "absolute neutrophil count"), or the line
# before ends on a word or sign that needs more ("… with fludarabine and").
_REST_OF_LINE = frozenset("≥≤<>=⩾⩽)]},/%×")
# A wrapped value read as protocol numbering: "1.5 × 10^9/L" is not item "1.5".
_DECIMAL_MARKER = re.compile(r"\d+[.,]\d+")
# How an unfinished line cannot end: a sentence's or a list's end.
FINISHED = (*_TERMINAL, ":")
_SEPARATORS = (";", "；")
_SEMICOLON = re.compile(r"[;；]\s*")
_MAX_SUBHEADING_WORDS = 14
# Words that name a group of participants in a numbered sub-heading ("B. SLE cohort",
# "Part A", "Phase I only", "Juvenile patients").
_COHORT_WORD = re.compile(
    rf"\b(?:{GROUP_NOUNS}|only|juvenile|paediatric|pediatric|adults?|adolescents?"
    r"|children|all\s+(?:participants|patients|subjects))\b",
    re.IGNORECASE,
)
_VALUE_SIGN = re.compile(r"[\d≥≤<>=%]")
_GROUP_NUMBER = re.compile(rf"^(?:{GROUP_NOUNS})\s+\d{{1,2}}\b", re.IGNORECASE)


def names_a_cohort(text: str) -> bool:
    """Whether a short line names a group of participants ("Cohort A (SLE):", "Adults")."""
    return len(text.split()) <= _MAX_COHORT_WORDS and _COHORT_WORD.search(text) is not None


_STATES_A_VALUE = re.compile(r"[≥≤<>=]\s*\d")  # a comparison with its number
_CIRCLED = re.compile("[\u2460-\u2473]")  # ① … ⑳
_DOTTED = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")  # a protocol's section number: "4.1.1"
_MAX_COHORT_WORDS = 8
_MAX_LEAD_IN_WORDS = 30  # "You may be able to join this trial if all of the following apply. You:"


class Item(NamedTuple):  # one per list item of every page: a tuple is cheapest to make
    subsection: str | None
    depth: int
    marker: str | None
    text: str
    start: int
    end: int


class _Piece(NamedTuple):
    start: int
    end: int
    text: str  # without marker
    marker: str | None
    indent: int


def split_items(
    lines: list[Line],
    *,
    criteria: bool,
    text: str = "",
    prose: bool = False,
    outcomes: bool = False,
    printed: Mapping[int, int] | None = None,
) -> list[Item]:
    """Items of a section's free lines; criteria lists also get inline splits and sub-headings.

    ``text`` (the normalised page the lines are in) shows where blank lines are:
    in a list whose items are set apart by blank lines, a line with none before it
    continues the item above (a hard wrap). In ``prose`` (a summary, a description
    of the interventions), a paragraph hard-wrapped at a page's width is one item. In
    ``outcomes``, a measure's line wrapped before a lower-case word goes on with it.
    ``printed``: lines' printed lengths where normalising shortened them (``printed_widths``).
    """
    if criteria and text and numbered_inline(lines) and (width := wrap_width(text)) is not None:
        # then cut: "…; 2. Diagnosed" / "with SLE …; 3. …"
        lines = _unwrapped(lines, text, width, printed)
    # A criteria list squashed onto one line may also be bulleted inline ("- A - B").
    squashed = criteria and len(lines) == 1
    pieces = [p for line in lines for p in _pieces(line, inline=criteria, squashed=squashed)]
    if prose and text and len(pieces) > 1:
        pieces = _join_paragraphs(pieces, text)
    if outcomes and len(pieces) > 1:
        pieces = _join_measure_wraps(pieces, text, printed)
    elif not criteria and not prose and text and len(pieces) > 1:
        pieces = _join_list_wraps(pieces, text, printed)
    if not criteria:
        return [
            _item(None, 0, p.marker, p.text, p.start, p.end)
            if p.text.endswith(_SEPARATORS)
            else Item(None, 0, p.marker, p.text, p.start, p.end)
            for p in pieces
            if p.text
        ]
    after_blank = _after_blank(pieces, text)
    blank_before = _blank_separated(pieces, after_blank)
    wraps = _page_wraps(pieces, text, printed)
    return _group(_join_wraps(pieces, blank_before, after_blank, wraps))


def _unwrapped(
    lines: list[Line], text: str, width: int, printed: Mapping[int, int] | None = None
) -> list[Line]:
    """The lines a page's width broke, joined back into the lines they were: a line that
    ends near the width, whose next line's first word would not have fitted on it, and
    that ends no sentence (unless on an inline item's number: "…; SpO2≥92%; 5." / "Met …").
    The joined line is the text between, its line breaks read as spaces (offsets stay)."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.text == text[prev.start : prev.end].replace("\n", " ")
            and line.text == text[line.start : line.end]
            and not _MARKER.match(line.text)
            and not prev.text.endswith("-")  # "classifi-" / "cation": joined whole, below
            and broken_at(text, prev.end, line.text, width, printed)
        ):
            joined = text[prev.start : line.end].replace("\n", " ")
            out[-1] = prev._replace(end=line.end, text=joined)
            continue
        out.append(line)
    return out


def numbered_inline(lines: list[Line]) -> bool:
    """Whether a list numbers its items inline ("1. A; 2. B"): a hard wrap then breaks
    items anywhere, and only the numbers tell them apart (elsewhere a line that fills the
    width may be a whole item: "… basal cell carcinoma;" / "Active hepatitis B or C;")."""
    return any(_NEXT_INLINE_NUMBER.search(line.text) for line in lines)


_NEXT_INLINE_NUMBER = re.compile(r"[;:.]\s*\d{1,2}[.)](?:\s+[A-Z(]|\s*$)")


def _item(
    subsection: str | None, depth: int, marker: str | None, text: str, start: int, end: int
) -> Item:
    """An item without the separator that ended it ("Aged 18-65 years;"): not its words."""
    if trimmed := text.rstrip("".join(_SEPARATORS) + " "):
        end -= len(text) - len(trimmed)
        text = trimmed
    return Item(subsection, depth, marker, text, start, end)


def _pieces(line: Line, *, inline: bool, squashed: bool) -> list[_Piece]:
    return [
        _Piece(line.start + start, line.start + end, text, marker, line.indent)
        for start, end, text, marker in _split_line(line.text, inline, squashed)
    ]


@text_cache
def _split_line(
    text: str, inline: bool, squashed: bool
) -> tuple[tuple[int, int, str, str | None], ...]:
    """``(start, end, text, marker)`` of the pieces of one line, offsets within the line.

    Cached: eligibility lists repeat the same items from page to page.
    """
    cuts = _inline_cuts(text, squashed) if inline else []
    bounds = [0, *cuts, len(text)]
    out = []
    for lo, hi in pairwise(bounds):
        chunk = text[lo:hi].rstrip()
        marker_match = _MARKER.match(chunk)
        marker = marker_match.group().strip() if marker_match else None
        body_at = marker_match.end() if marker_match else 0
        body = chunk[body_at:].strip()
        if body or marker:
            out.append((lo + body_at, lo + len(chunk), body, marker))
    return tuple(out)


# A number right after a comparison is its value, never an item's marker.
_WORD_WINDOW = 24  # characters before a number in which a comparison word may end
_AFTER_COMPARISON = re.compile(r"(?:[<>=≤≥⩽⩾]|\b(?:than|least|most))\s*$", re.IGNORECASE)


def _inline_cuts(text: str, squashed: bool) -> list[int]:
    """Offsets where an inline list continues ("…; 2. …; 3. …", or "- A - B" when squashed)."""
    if squashed and (
        (bullet := _LEAD_BULLET.match(text)) is not None
        or (bullet := _BULLET_AFTER_LEAD_IN.match(text)) is not None
    ):
        glyph = re.escape(bullet.group(1))
        cuts = [m.start() + 1 for m in re.finditer(rf"\s{glyph}\s+(?=[A-Za-z(])", text)]
        # "… symptoms For parent participants: * A primary caregiver": the next cohort's
        # lead-in, glued to the item before it
        cuts += [m.end() for m in _COHORT_LEAD_IN.finditer(text) if m.end() > 0]
        return sorted(set(cuts))
    matches = list(_INLINE_NUMBER.finditer(text))
    # "SELENA-SLEDAI score > 4. 4. BVAS …": of a number written twice in a row, the
    # first ends the item before (its value) and the second is the marker.
    candidates = [
        (int(m.group(1)), m.start())
        for m, nxt in zip(matches, [*matches[1:], None], strict=False)  # None after the last
        if (nxt is None or nxt.start() != m.end() or nxt.group(1) != m.group(1))
        # "status <= 1. 2. Aged …"; a short window: a search of the whole text before each
        # number would make a long line's reading quadratic.
        and not _AFTER_COMPARISON.search(text, max(0, m.start() - _WORD_WINDOW), m.start())
    ]
    cuts: list[int] = []
    last: int | None = None
    for number, pos in candidates:
        if last is None:
            if pos == 0 or number == 1:
                last = number
                if pos:
                    cuts.append(pos)
            continue
        restart = number == 1 and text[:pos].rstrip().endswith(":")
        # "1. … 1. …" is a list numbered all "1." (an ordered-list artefact); another
        # repeated number is a value ("score more than 4. 5. eGFR …").
        if number == last + 1 or number == last == 1 or restart:
            cuts.append(pos)
            last = number
    if not cuts and "②" in text:
        return _circled_cuts(text)
    if not cuts and (letters := _letter_cuts(text)):
        return letters
    if not cuts and squashed and text.count(";") >= 2:
        # A whole list on one line, its items parted only by ";": "age 18-65; SLE; …".
        return [m.end() for m in _SEMICOLON.finditer(text) if m.end() < len(text)]
    return cuts


# An inline list lettered "a. … b. …" or "(a) … (b) …", after a boundary, before a capital.
_INLINE_LETTER = re.compile(r"(?:^|(?<=[;:.]\s)|(?<=[;:]))\(?([a-z])[.)]\s+(?=[A-Z0-9])")


def _letter_cuts(text: str) -> list[int]:
    """Offsets of "b.", "c.", … after "a.", in order (two letters at least)."""
    cuts: list[int] = []
    expected = "a"
    for match in _INLINE_LETTER.finditer(text):
        if match.group(1) != expected:
            continue
        if expected != "a" or match.start() > 0:
            cuts.append(match.start())
        expected = chr(ord(expected) + 1)
    return cuts if expected > "b" else []


def _circled_cuts(text: str) -> list[int]:
    """Offsets of "①", "②", … in order: "Exclusion: ① Active HBV ② HIV ③ Live vaccine"."""
    cuts: list[int] = []
    expected = "①"
    for match in _CIRCLED.finditer(text):
        if match.group() != expected:
            continue
        if match.start():
            cuts.append(match.start())
        expected = chr(ord(expected) + 1)
    return cuts if expected > "②" else []


def _page_wraps(
    pieces: list[_Piece], text: str, printed: Mapping[int, int] | None = None
) -> list[bool] | None:
    """Whether the page's hard wrap (``wrap_width``) broke the line before each piece:
    that line ends near the width and the piece's first word would not have fitted.

    Only in a list whose items show where they end: by a marker, or, unmarked, by the
    punctuation many lines end with ("…;" / "…."), and there only before a line that
    reads as more of the one above (``goes_on_after_wrap``). In an unmarked list of bare
    lines ("Active hepatitis B or C infection requiring treatment at screening" /
    "Pregnancy") a long item may end near the width too.
    """
    width = wrap_width(text) if text and len(pieces) > 1 else None
    if width is None:
        return None
    marked = any(p.marker for p in pieces)
    if not marked:
        ended = sum(1 for p in pieces if p.text.endswith(FINISHED))
        if ended * 3 < len(pieces):  # an item wrapped twice has one line of three ended
            return None
    wraps = [False]
    for a, b in pairwise(pieces):
        line = physical_line(text, a.end)
        wraps.append(
            text.count("\n", a.end, b.start) < 2  # a blank line between: no wrap
            and broken_at(text, a.end, b.text, width, printed)
            # unmarked, the next line must read as more of this one: a long item may end
            # near the width by chance
            and (marked or goes_on_after_wrap(line, b.text))
        )
    return wraps


def _blank_separated(pieces: list[_Piece], blank: list[bool]) -> list[bool] | None:
    """For an unmarked list set apart by blank lines, ``blank`` (``_after_blank``) itself."""
    if len(pieces) < 3 or any(p.marker for p in pieces):
        return None
    # not when only a lead-in stands apart: "For adolescent participants:" / "" / "A" / "B"
    apart = [i for i, b in enumerate(blank) if b and not pieces[i - 1].text.endswith(":")]
    return blank if apart else None


def _after_blank(pieces: list[_Piece], text: str) -> list[bool]:
    """Whether a blank line stands before each piece (none known without the page)."""
    if not text:
        return [False] * len(pieces)
    return [False] + [text.count("\n", a.end, b.start) >= 2 for a, b in pairwise(pieces)]


def _join_wraps(
    pieces: list[_Piece],
    blank_before: list[bool] | None = None,
    after_blank: list[bool] | None = None,
    page_wraps: list[bool] | None = None,
) -> list[_Piece]:
    """Join a hard-wrapped continuation (no marker, previous not finished) to its item.

    A continuation starts lower-case or indented in a marked list, or follows a line
    the page's width broke (``page_wraps``); in a list set apart by blank lines
    (``blank_before``), it is a line with no blank line before; in any list, a line
    that cannot start an item (``_REST_OF_LINE``, ``_open_end``).
    A wrap never crosses a blank line to a line of the list's own indent in a marked
    list (``after_blank``): "* Intoxicated at consent" / "" / "Source: … record NCT…".
    """
    marked = any(p.marker for p in pieces)
    out: list[_Piece] = []
    for i, piece in enumerate(pieces):
        prev = out[-1] if out else None
        if (
            marked
            and after_blank
            and after_blank[i]
            and prev is not None
            and piece.marker is None
            and piece.indent <= prev.indent
            and not piece.text[:1].islower()
        ):
            out.append(piece)
            continue
        if (
            prev is not None
            and piece.marker is not None
            and _DECIMAL_MARKER.fullmatch(piece.marker)
            and (AWAITS_VALUE.search(prev.text) or prev.text[-1:] in _COMPARISON_SIGNS)
        ):  # "… count of at least" / "1.5 × 10^9/L", "… (ALT) ≤" / "2.5 x ULN": a value, not
            # protocol item "1.5"
            joined = join_wrapped(prev.text, f"{piece.marker} {piece.text}")
            out[-1] = _Piece(prev.start, piece.end, joined, prev.marker, prev.indent)
            continue
        page_wrap = page_wraps is not None and page_wraps[i]
        if (
            prev is not None
            and piece.marker is None
            and prev.text
            and (
                not prev.text.endswith(FINISHED)
                or _goes_on_after_semicolon(piece, prev, marked, page_wrap)
                or _note_under_item(piece, prev, marked)
            )
            and _continues(
                piece,
                prev,
                marked,
                unspaced=blank_before is not None and not blank_before[i],
                page_wrap=page_wrap,
            )
        ):
            out[-1] = _Piece(
                prev.start, piece.end, join_wrapped(prev.text, piece.text), prev.marker, prev.indent
            )
            continue
        out.append(piece)
    return out


def _join_measure_wraps(
    pieces: list[_Piece], text: str = "", printed: Mapping[int, int] | None = None
) -> list[_Piece]:
    """A numbered or bulleted measure's long line wrapped before a lower-case word: "1.
    Incidence of … including cytokine" / "   release syndrome and …". A description below a
    measure opens with a capital, a frame with "[" or a label; on a page hard-wrapped at a
    width, a bracket the width pushed onto the next line is the measure's own ("… syndrome"
    / "(ICANS) [Time Frame: Up to 3 years]")."""
    width = wrap_width(text) if text else None

    def goes_on(prev: _Piece, piece: _Piece) -> bool:
        return (
            piece.marker is None
            and (
                piece.text[:1].islower()
                or (
                    piece.text[:1] in "(["
                    and width is not None
                    and on_next_line(text, prev.end, piece.start)
                    and broken_at(text, prev.end, piece.text, width, printed)
                )
            )
            and len(prev.text) >= _WRAPPED_ITEM
            and not prev.text.endswith(FINISHED)
            and prev.marker is not None  # a description's lines go on as the endpoints read them
        )

    return _join_where(pieces, goes_on)


def _join_list_wraps(
    pieces: list[_Piece], text: str, printed: Mapping[int, int] | None = None
) -> list[_Piece]:
    """Lines of another list (arms, conditions, sites, a preamble) that a page's width
    broke mid-way: the next line opens in lower case, with a sign or a bracket, or the
    line ends open ("… were set up, starting from" / "the low dose group …"; "Locations:
    United States, Germany, …, China," / "Japan, Australia"). A capital after a full line
    may be the next entry ("… Beijing, China" / "Ruijin Hospital, …"), so no more counts."""
    if (width := wrap_width(text)) is None:
        return pieces

    def goes_on(prev: _Piece, piece: _Piece) -> bool:
        return (
            piece.marker is None
            and bool(prev.text)
            and on_next_line(text, prev.end, piece.start)
            and (
                piece.text[:1].islower()
                or piece.text[:1] in _REST_OF_LINE  # "… 3" / "× 10^6 CAR+ T cells/kg"
                or piece.text[:1] == "("  # "… with chemotherapy" / "(cyclophosphamide and …"
                or ends_open(prev.text)
            )
            and not _LABELLED.match(piece.text)  # "type: EXPERIMENTAL", a value of its own
            and broken_at(text, prev.end, piece.text, width, printed)
        )

    return _join_where(pieces, goes_on)


def _join_where(pieces: list[_Piece], goes_on: Callable[[_Piece, _Piece], bool]) -> list[_Piece]:
    """``pieces`` with each one that ``goes_on`` the piece before it joined to that piece."""
    out: list[_Piece] = []
    for piece in pieces:
        if out and goes_on(out[-1], piece):
            prev = out[-1]
            joined = join_wrapped(prev.text, piece.text)
            out[-1] = _Piece(prev.start, piece.end, joined, prev.marker, prev.indent)
        else:
            out.append(piece)
    return out


def _goes_on_after_semicolon(piece: _Piece, prev: _Piece, marked: bool, page_wrap: bool) -> bool:
    """An item of sub-criteria parted by semicolons, hard-wrapped after one: the next line,
    unmarked, is more of it when lower-case and indented under the item ("ALT ≤ 3 × ULN;" /
    "   serum creatinine ≤ 1.5 mg/dL") or when the page's width broke the line and the next
    one runs on ("… PGA ≥ 1 points;" / "BILAG-2004 organ system scores of at least …").
    """
    if not marked or not prev.text.endswith(_SEPARATORS):
        return False
    if page_wrap:  # not a line of its own that ends as a sub-criterion ends ("… mg/dL;")
        return not piece.text.endswith(FINISHED)
    return piece.text[:1].islower() and piece.indent > prev.indent


def _note_under_item(piece: _Piece, prev: _Piece, marked: bool) -> bool:
    """A sentence set in under a marked item that ended, with no marker of its own: a note
    on that item ("1. Age ≥ 18 years;" / "   Patients with thymoma must have had thymectomy
    …."). In a marked list every item carries its marker; a lead-in's lines ("… defined
    as:") are its sub-items, a line that ends no sentence may name a cohort, and one that
    states a limit ("ANC ≥ 1.5 × 10^9/L.") may be a sub-item that lost its marker."""
    return (
        marked
        and prev.marker is not None
        and prev.text.endswith(_TERMINAL)
        and piece.indent > prev.indent
        and piece.text.endswith(".")
        and _STATES_A_VALUE.search(piece.text) is None
    )


def _continues(
    piece: _Piece, prev: _Piece, marked: bool, *, unspaced: bool, page_wrap: bool = False
) -> bool:
    """Whether an unmarked ``piece`` goes on with the unfinished item ``prev``.

    In a marked list, a line after one the page's width broke (``_page_wraps``) is the
    rest of its item whatever its first letter ("… the 2019 European League Against" /
    "Rheumatism …"), unless it stands alone (``_stands_alone``: "Cohort B (juvenile SLE)",
    "Patients must also meet:", "Note: …"); in an unmarked list ``_page_wraps`` asks
    more of it.
    """
    if _COHORT_NAME.match(prev.text):
        return False  # "Part A" / "Age 18-65 years": a cohort's name ends at its letter
    # A comma is weak: "Meeting the diagnosis of refractory LN," / "Positive expression of
    # CD19 …" are two criteria; a word that needs more ("… belimumab or") is not, nor a
    # bracket left open ("… (e.g., MMF," / "CYC, azathioprine) …").
    comma_then_capital = (
        prev.text.endswith(",")
        and piece.text[:1].isupper()
        and prev.text.count("(") <= prev.text.count(")")
    )
    page_wrap = page_wrap and not comma_then_capital and not _stands_alone(piece.text)
    if marked:
        if piece.text[:1].islower() or piece.indent > prev.indent or page_wrap:
            return True
    elif page_wrap:
        return True
    elif (
        unspaced
        and (len(prev.text) >= _WRAP_WIDTH or ends_open(prev.text))
        and _LABELLED_ITEM.match(piece.text) is None  # "Status: stable prednisone dose …"
    ):
        return True  # a paragraph's hard-wrapped line (not "SLEDAI-2K ≥ 8" / "Positive ANA …")
    if not piece.text:
        return False
    if piece.text[0] in _REST_OF_LINE:
        # "≥10% body surface area (BSA) of AD involvement" under an item that states its own
        # value ("IGA score ≥3 at screening"): a criterion opening with its limit; under a
        # name with no value ("Estimated GFR" / "≥ 30 mL/min"), the name's limit
        return not (
            piece.text[0] in _COMPARISON_SIGNS
            and not marked
            and not ends_open(prev.text)
            and not awaits_limit(prev.text)
            and (
                _names_its_concept(piece.text)
                or (
                    _STATES_A_VALUE.search(prev.text) is not None
                    and len(piece.text.split()) >= _MIN_OPENING_LIMIT_WORDS
                )
            )
        )
    if comma_then_capital:
        return False
    # In a marked list, a long unfinished item and an unmarked line that finishes a
    # sentence: one item wrapped before a capital or a number ("… according to the 2019" /
    # "EULAR/ACR classification criteria … screening.").
    if marked and len(prev.text) >= _WRAPPED_ITEM and piece.text.endswith("."):
        return True
    return ends_open(prev.text)


def _stands_alone(text: str) -> bool:
    """A line of its own under a list even right after a full line: a heading over items
    (``_names_a_part``), a note ("Note: …") or the registry's closing remark ("Other
    protocol-defined inclusion criteria may apply")."""
    return _names_a_part(text) or _OWN_LINE.search(text) is not None


_OWN_LINE = re.compile(r"^(?:Note|N\.?B\.?)\s*:|\bmay\s+apply\b", re.IGNORECASE)


def _names_a_part(text: str) -> bool:
    """A heading over items rather than the rest of a line: a cohort's name ("Cohort B
    (juvenile SLE)", "Cohort 2: Diffuse cutaneous SSc", "Adolescent cohort", "Phase I
    only"), or a lead-in that opens with a capital ("Patients must also meet:",
    "Participants will be excluded if any of the following apply")."""
    if _COHORT_NAME.match(text) or _NUMBERED_PART.match(text):
        return True
    if not text[:1].isupper() or _STATES_A_VALUE.search(text) is not None:
        return False
    words = len(text.split())
    if text.endswith(":") or _FOLLOWING.search(text):
        return words <= _MAX_LEAD_IN_WORDS
    return (
        words <= _MAX_PART_WORDS
        and not text.endswith(_TERMINAL)
        and _PART_WORD.search(text) is not None
    )


# "Cohort 2: …", "Part A - dose escalation", "Phase 1b (…)": a numbered part opens the line.
_NUMBERED_PART = re.compile(
    rf"^(?i:{GROUP_NOUNS}|phase|stage)\s+(?:[A-Z]|\d{{1,2}}[a-z]?|[IVX]{{1,4}}[ab]?)\s*[:.)–-]"
)
_FOLLOWING = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.;]{0,60}$", re.IGNORECASE)
_PART_WORD = re.compile(
    rf"{_COHORT_WORD.pattern}|\b(?:phase|stage|escalation|expansion)\b", re.IGNORECASE
)
_MAX_PART_WORDS = 6


_WRAPPED_ITEM = 40  # characters: an item this long may have been wrapped
_LABELLED_ITEM = re.compile(r"^[A-Z][\w /-]{1,30}:\s")  # "Prior therapy: failure of …"
_COMPARISON_SIGNS = frozenset("≥≤<>=⩾⩽")
# A limit and its unit at a line's start: "≥10%", "> 1 g/day", "≥ 30 mL/min/1.73", "≥18 years".
_LIMIT_HEAD = re.compile(
    r"^[≥≤<>=⩾⩽]\s*\d[\d.,]*\s*(?:%|(?:[×x]\s*10\^?\d+\s*)?(?:[a-zµμ]+(?:/[\w.]+)*)?)",
    re.IGNORECASE,
)
# Words after a limit that say when, how or of what unit, not what is measured.
_NOT_A_CONCEPT = frozenset(
    [
        "at",
        "in",
        "on",
        "for",
        "during",
        "within",
        "after",
        "before",
        "by",
        "per",
        "from",
        "to",
        "and",
        "or",
        "the",
        "a",
        "an",
        "of",
        "without",
        "despite",
        "unless",
        "except",
        "if",
        "when",
        "prior",
        "measured",
        "as",
        "than",
        "uln",
        "lln",
        "iu",
        "units",
        "points",
        "cells",
        "copies",
        "times",
        "fold",
    ]
)


def _names_its_concept(text: str) -> bool:
    """Whether a line opening with a limit names what it limits after it ("≥10% body
    surface area", "> 1 g/day proteinuria", "≥18 years of age"), so stands as a criterion;
    "≥ 30 mL/min/1.73 m² at screening" limits the line above it."""
    head = _LIMIT_HEAD.match(text)
    if head is None:
        return False
    rest = text[head.end() :].strip()
    if rest.lower().startswith(("of age", "old")):
        return True
    for word in rest.split()[:2]:
        bare = word.strip("(),;:.").lower()
        if bare in _NOT_A_CONCEPT:
            return False
        if bare.isalpha() and len(bare) > 2:
            return True
    return False


_MIN_OPENING_LIMIT_WORDS = 4  # "≥10% body surface area of AD": a criterion, not a limit


_WRAP_WIDTH = 50  # a line this long that ends mid-sentence was wrapped
_LABELLED = re.compile(r"^[^\W\d_][^:]{0,40}:\s")


def _join_paragraphs(pieces: list[_Piece], text: str) -> list[_Piece]:
    """Unmarked lines of one paragraph, hard-wrapped at the page's width, as one piece.

    A line continues the one before when no blank line parts them, the one before
    is long and ends mid-sentence, and it is not a "Label: value" line of its own.
    """
    out: list[_Piece] = []
    width = 0  # length of the last line joined into ``out[-1]``
    for piece in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.marker is None
            and piece.marker is None
            and width >= _WRAP_WIDTH
            and prev.text
            and not prev.text.endswith(FINISHED)
            and on_next_line(text, prev.end, piece.start)
            and not _LABELLED.match(piece.text)
            and not piece.text.startswith("|")  # a table's next row, not a wrap
            and not (" | " in piece.text and " | " in prev.text)  # rows without outer pipes
        ):
            out[-1] = _Piece(
                prev.start, piece.end, join_wrapped(prev.text, piece.text), None, prev.indent
            )
        else:
            out.append(piece)
        width = piece.end - piece.start
    return out


def _group(pieces: list[_Piece]) -> list[Item]:
    """Assign sub-headings (cohort names) and nesting depth.

    A list restarting at 1/a/i after an item ending in ":" is nested under it;
    the nesting ends when an item continues the parent's numbering (6. ... 7.).
    """
    marked = any(p.marker for p in pieces)
    items: list[Item] = []
    subsection: str | None = None
    parents: list[int | None] = []  # marker numbers of the open parent items
    for i, piece in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (marked and (_is_subheading(piece, nxt) or _is_marked_subheading(piece, nxt))) or (
            _is_cohort_line(piece, nxt)
        ):
            subsection, parents = piece.text.rstrip(":"), []
            continue
        if not piece.text:
            continue
        number = _marker_number(piece.marker)
        if items and items[-1].text.endswith(":") and _restarts(piece.marker):
            parents.append(_marker_number(items[-1].marker))
        elif number is not None and number - 1 in parents:
            del parents[parents.index(number - 1) :]
        make = _item if piece.text.endswith(_SEPARATORS) else Item
        items.append(
            make(subsection, len(parents), piece.marker, piece.text, piece.start, piece.end)
        )
    return items


def _is_subheading(piece: _Piece, nxt: _Piece | None) -> bool:
    """An unmarked line before a marked item: a cohort's name, or a lead-in ending in ":"."""
    if piece.marker is not None or nxt is None or nxt.marker is None:
        return False
    words = len(piece.text.split())
    if piece.text.endswith(":"):
        return words <= _MAX_LEAD_IN_WORDS
    return (
        words <= _MAX_SUBHEADING_WORDS
        and not piece.text.endswith(_TERMINAL)
        and _STATES_A_VALUE.search(piece.text) is None  # "BVAS v3 ≥ 3": an item lost its number
    )


# A line that is a cohort's name: "Cohort A (SLE)", "All cohorts", "Part 2:".
_COHORT_NAME = re.compile(
    r"^(?i:all\s+(?:cohorts|groups|parts|participants|patients))\s*:?$"
    r"|^(?i:cohort|group|part)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})(?:\s*\([^()]{1,40}\))?\s*:?$"
    r"|^[^.;]{0,40}\b(?i:cohorts?)(?i:\s+only)?\s*:$"
    # "Additional inclusion criteria for the SLE cohort:"
    r"|^[^.;]{0,40}\b(?i:criteria)\b[^.;]{0,30}\b(?i:cohorts?)\s*:$"
    r"|^(?i:for)\s+[^.;:]{2,50}:$"  # "For adolescent participants:" over its items
)


def _is_cohort_line(piece: _Piece, nxt: _Piece | None) -> bool:
    """An unmarked line naming a cohort over that cohort's criteria, marked or not ("Cohort
    A (SLE)" / "SLEDAI-2K ≥ 8"): short, no value it compares, not a sentence."""
    text = piece.text
    return (
        piece.marker is None
        and nxt is not None
        and len(text.split()) <= _MAX_COHORT_WORDS
        and _COHORT_NAME.match(text) is not None
        and _STATES_A_VALUE.search(text) is None
    )


def _is_marked_subheading(piece: _Piece, nxt: _Piece | None) -> bool:
    """A numbered cohort heading over its own items: "A. SLE cohort" / "   i) SLEDAI-2K ≥ 8".

    Protocols number their cohorts like criteria; a short line naming a group of
    participants, with no value and no sentence's end, whose next item is
    indented under it or numbered in another style, heads those items.
    """
    if piece.marker is None or nxt is None or nxt.marker is None:
        return False
    # Under it: indented, or numbered in another style ("4.1.1 Adult cohort" / "A. Age …").
    if nxt.indent <= piece.indent and not (
        _DOTTED.fullmatch(piece.marker) and not _DOTTED.fullmatch(nxt.marker)
    ):
        return False
    text = piece.text
    return (
        len(text.split()) <= _MAX_COHORT_WORDS
        and not text.endswith(_TERMINAL)  # "2. SLE cohort:" too: its name, then its items
        and _COHORT_WORD.search(text) is not None
        # its own number, first, is no value: "Cohort 1 (SLE):" (not "Prior participation in
        # Part 1 of this study")
        and _VALUE_SIGN.search(_GROUP_NUMBER.sub("", text.rstrip(":"), count=1)) is None
    )


def _restarts(marker: str | None) -> bool:
    return marker is not None and re.match(r"^\(?(?:1|a|i|A)\b", marker) is not None


def _marker_number(marker: str | None) -> int | None:
    match = re.search(r"\d+", marker or "")
    return int(match.group()) if match else None
