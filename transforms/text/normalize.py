"""Normalise scraped page text while keeping a map back to raw offsets.

Sites differ in escapes, markup and glyphs, not in substance: markdown
escapes (``10\\^9``, ``\\<``), HTML comments and tags, entities, full-width
punctuation, a dozen bullet glyphs, and enum badges glued to the next words
by a lost line break ("RECRUITINGPhase I: ..."). Everything downstream reads
the normalised text; the :class:`OffsetMap` turns its spans into raw spans.
"""

from __future__ import annotations

import bisect
import html
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field

from transforms.text.lexicon import FIELD_BY_TERM, SECTION_BY_TERM, normalize_label
from transforms.text.offsets import OffsetMap
from transforms.text.records import parse_record
from transforms.values.threshold_lexicon import awaits_limit

# One-for-one character replacements: offsets do not move.
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t",
            " ",
        ),
        # Bullets, including the private-use glyphs of a word processor's Symbol font.
        **dict.fromkeys("•‣⁃∙◦▪●■◆►▸▹▶▷➢➤✓✔✗✘○□◇◻▫◾◽❖⦿\uf0b7\uf0a7\uf0d8\uf076\uf0fc", "•"),
        # A text browser's box-drawn table (w3m): its borders and joints as a markdown
        # table's ("│ Status │ Recruiting │", "├────┼────┤" a separator row).
        **dict.fromkeys("│┃║", "|"),
        **dict.fromkeys("─━═", "-"),
        **dict.fromkeys("┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫┏┓┗┛┣┫┳┻╋", "|"),
        # A collapsible section's toggle beside its heading ("▼ Outcome measures"): chrome.
        **dict.fromkeys("▼▾⌄▲▴⌃▽△", " "),
        # Full-width ASCII ("２０２５", "／", "％", "ＣＤ１９"): the characters it stands for.
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
        "\r": "\n",
        "：": ":",
        "；": ";",
        "，": ",",
        "。": ".",
        "（": "(",
        "）": ")",
        "［": "[",
        "］": "]",
        "！": "!",
        "？": "?",
        "＜": "<",
        "＞": ">",
        "＝": "=",
        "\uf0b3": "≥",  # a word processor's Symbol font: its private-use "≥" and "≤"
        "\uf0a3": "≤",
        "＋": "+",
        "～": "~",  # a full-width tilde or a wave dash parts a range: "0.5～1.0×10^6"
        "〜": "~",
        "≧": "≥",
        "≦": "≤",
        "⩾": "≥",
        "⩽": "≤",
        "–": "-",
        "—": "-",
        "‒": "-",  # a figure dash and a horizontal bar part ranges too: "18‒65", "18―65"
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
    }
)
# ``str.translate`` with a dict looks every character up; the characters to
# replace are rare, so substituting only their matches is ~15x faster.
_TRANSLATE_CHARS = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")
_TRANSLATE_STR = {chr(code): value for code, value in _TRANSLATE.items()}

# Registry enum tokens that sites glue to the following words; the statuses first.
_STATUS_TOKENS = (
    "NOT_YET_RECRUITING|ACTIVE_NOT_RECRUITING|ENROLLING_BY_INVITATION|RECRUITING|COMPLETED|"
    "SUSPENDED|TERMINATED|WITHDRAWN|UNKNOWN"
)
_ENUM_TOKENS = (
    f"{_STATUS_TOKENS}|EARLY_PHASE1|PHASE[1-4]|INTERVENTIONAL|OBSERVATIONAL|"
    "EXPANDED_ACCESS|NON_RANDOMIZED|RANDOMIZED|SINGLE_GROUP|PARALLEL|CROSSOVER|TREATMENT"
)
# What a measure glued to a status may start with: "CRS incidence", "28-day …", "mRSS …",
# "MG-ADL …", or an acronym alone on its line ("DLTs").
_ACRONYM_WORDS = (
    r"[A-Z]{2,5}s?(?:\s+[a-z]|[ \t]*(?:\r?\n|$))|\d{1,3}[-\s]*[a-z]|[a-z]{1,2}[A-Z]{2,}"
    r"|[A-Z]{2,5}-[A-Z0-9]"
)
# Text before a lone tab that makes it a cell ("Participant Group/Arm"), not a list
# marker ("1.", "a)", "•") before the item's text.
_CELL_TEXT = re.compile(r"^(?!\(?[0-9a-zA-Z]{1,4}[.)]$)(?=.*[^\W\d_]{2}).{3,}$")
_PHASE_NEXT = re.compile(r"(?:EARLY_)?PHASE[1-4]")
_BLOCK_TAGS = (
    "br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|section|article|dt|dd|dl|html|body|main|nav|"
    "header|footer|aside|thead|tbody|tfoot|caption|figure|figcaption|blockquote|hr|form|!doctype"
)
_OPENS_ITEM = re.compile(r"<li\b", re.IGNORECASE)
# An HTML table's rows and cells, written as a markdown table's: "| Phase | 1 |".
_TABLE_TAG = re.compile(r"<(?P<close>/?)(?P<tag>tr|td|th)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_CELL_WINDOW = 2000  # characters before a tag searched for the cell it is in
_OPENS_SUPERSCRIPT = re.compile(r"<sup\b", re.IGNORECASE)
_POWER_IN_SUPERSCRIPT = re.compile(r"\s*[+\-−]?\d{1,3}\s*</sup>", re.IGNORECASE)
_SIGN_IN_SUPERSCRIPT = re.compile(r"\s*[+\-−]\s*</sup>", re.IGNORECASE)  # "CAR<sup>+</sup>"
# What follows "&" in a character reference: "ge;", "#8805;", "#x2265;".
_ENTITY_NAME = r"(?:[a-zA-Z][a-zA-Z0-9]{1,7}|\#\d{2,6}|\#x[0-9a-fA-F]{2,5});"
_ENTITY_BODY = re.compile(_ENTITY_NAME)
# UTF-8 text decoded as Windows-1252 by a site ("â‰¥" for "≥", "Ã—" for "×"): a lead
# byte's character and the continuation bytes' characters its length asks for.
# Read as Latin-1 instead (Python's ``requests`` with no charset given), the bytes 0x80-0x9F
# are C1 control characters: "â\x89¥" for "≥".
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
) + "".join(map(chr, range(0x80, 0xA0)))
_MOJIBAKE = (
    rf"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    rf"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)
_MOJIBAKE_RUN = re.compile(_MOJIBAKE)
_ESCAPED_OPEN, _ESCAPED_CLOSE = r"(?:\\u003[cC]|&lt;)", r"(?:\\u003[eE]|&gt;)"
_ESCAPED_ITEM = re.compile(r"(?:\\u003c|&lt;)li\b", re.IGNORECASE)
# Elements whose content is no text of the page: code, styles, the document's head.
_HIDDEN_TAGS = "script|style|noscript|template|head"
_INLINE_TAGS = "b|i|u|em|strong|span|a|font|sup|sub|small|code"
_ID_IN_URL = re.compile(r"\d{6}")  # a record's number: a registry id, a site's trial number
_HIDDEN_ELEMENT = re.compile(
    rf"<({_HIDDEN_TAGS})\b[^<>]{{0,500}}>.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL
)

# Characters of no width a page may hold (zero-width spaces and joiners, a BOM, a soft
# hyphen): they are dropped.
# Direction marks and isolates (a right-to-left site's "18\u200e-65") have no width either.
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_ZERO_WIDTH_CHARS += "\u2066\u2067\u2068\u2069"
# Every edit below starts with one of these characters. Checking that first
# (case-sensitively) lets the scanner skip plain text instead of trying each
# alternative at every position; it changes no match.
_FIRST_CHARS = (
    "\r\t<&\\*_#"
    + _ZERO_WIDTH_CHARS
    + "".join(sorted({token[0] for token in _ENUM_TOKENS.split("|")}))
)
_FIRST_CHARS += "".join(map(chr, range(0xC2, 0xF5)))  # mojibake's lead characters
_FIRST_CHARS += "^"  # a superscript's closing mark
_FIRST_CHARS += "[]!"  # markdown's links and images
# A markdown link's target: "(https://…)", its own brackets balanced; or a reference "[3]".
_LINK_TARGET = r"(?:\((?P<url>(?:[^()\s]|\([^()\s]*\))*)\)|\[[^\[\]\n]{1,20}\])"
_EDITS = re.compile(
    rf"""
    (?-i:(?=[{re.escape(_FIRST_CHARS)}]))
    (?:
    (?P<crlf>\r\n)
  | (?P<tab>\t)
  | (?P<comment><!--)
  | <(?P<hidden>{_HIDDEN_TAGS})\b[^<>]{{0,500}}>
  | (?P<block></?(?:{_BLOCK_TAGS})\b[^<>\n]{{0,200}}?/?>)
  | (?P<inline></?(?:{_INLINE_TAGS})\b[^<>\n]{{0,200}}?>)
  # a tag escaped once more, as JSON encoders and HTML-in-text write it: "\u003cbr\u003e",
  # "&lt;br&gt;" (a line break), "&lt;strong&gt;" (no text)
  | (?P<escaped_block>{_ESCAPED_OPEN}/?(?:{_BLOCK_TAGS})\b[^<>\n&\\]{{0,200}}?/?{_ESCAPED_CLOSE})
  | (?P<escaped_inline>{_ESCAPED_OPEN}/?(?:{_INLINE_TAGS})\b[^<>\n&\\]{{0,200}}?{_ESCAPED_CLOSE})
  | (?P<entity>&{_ENTITY_NAME})
  | (?P<bare_entity>&(?:ge|le|gt|lt)(?=[ \t]*\d))  # "&ge 6": its semicolon lost
  | (?P<hard_break>\\(?=[ \t]*\r?(?:\n|\Z)))  # pandoc's hard line break: "Criteria:\"
  | \\(?P<escaped>[\\`*_{{}}\[\]()#+\-.!<>^|~=&:;%$@,?/'"×≥≤±])
  | \\(?P<unicode>u[0-9a-fA-F]{{4}})
  | (?P<newline>\\r\\n|\\[nr])
  | (?P<emphasis>\*\*|__)
  | (?P<italic>(?m:^)\*(?=[^\s*][^*\n]{{0,120}}[^\s*\\]\*(?m:[ \t]*\r?$))
      | (?<=[^\s*\\])\*(?=(?m:[ \t]*\r?$))
      | (?<![\w*\\])\*(?=[A-Za-z][^*\n]{{0,40}}[A-Za-z)](?:\*[ \t]*:|:\*))  # "*Time frame*:"
      | (?<=[A-Za-z)])\*(?=[ \t]*:)
      | (?<=[A-Za-z)]:)\*(?=[ \t]))  # "— *Time Frame:* Month 6", "— *Time frame*: Week 24"
  | (?P<zero>[{_ZERO_WIDTH_CHARS}])
  | (?m:^(?P<hashes>\#{{1,6}}[ \t]+))
  | (?-i:(?<![a-z_])(?P<glued>{_ENUM_TOKENS})(?=[A-Z][a-z]|(?:{_ENUM_TOKENS})))
  # a status glued to a measure that starts with an acronym or a number: "RECRUITINGCRS rate"
  | (?-i:(?<![A-Za-z_-])(?P<glued_status>{_STATUS_TOKENS})(?={_ACRONYM_WORDS}))
  | (?-i:(?P<mojibake>{_MOJIBAKE}))
  | (?P<caret>(?<=\^\d)\^|(?<=\^\d\d)\^)  # pandoc's superscript closes: "10^6^" is 10^6
  # A markdown image is no text of the page; a link is its text ("[Show more](…)" is
  # "Show more"): its brackets and target go, the text between stays as it was.
  | (?P<image>!\[[^\[\]\n]{{0,300}}\]{_LINK_TARGET.replace("?P<url>", "")})
  | (?P<link_open>\[(?=[^\[\]\n]{{1,300}}\]{_LINK_TARGET.replace("?P<url>", "")}))
  | (?P<link_close>\]{_LINK_TARGET})
  # a text browser's numbered link ("Status: [6]Recruiting", lynx): the number is its list's
  | (?P<lynx_ref>(?<![\w\]])\[\d{{1,3}}\](?=[^\W\d_]))
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


# A line's bold words up to where "**" closes them: "**Enrollment", "- __Phase".
_OPENING_BOLD = re.compile(
    r"(?m)^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)(?P<label>[A-Za-z][^*_:\n]{1,40})"
)
# What follows the "**" that opens a bold label: "Phase:**", "Start Date**:".
_BOLD_LABEL = re.compile(r"[A-Z][^*\n:]{0,40}(?::\*\*|\*\*:)")
# A line that is a dumped record: "{'nctId': …}" or '[{"…'; not "[Time Frame: 6 months]".
_RECORD_LINE = re.compile(r"(?m)^[ \t]*(?P<record>[{\[][ \t]*[\"'{\[][^\n]*[}\]])[ \t]*\r?$")


@dataclass(frozen=True)
class Normalized:
    """Normalised text and the map from its offsets to the raw text's.

    ``headings``: where the lines that were markdown headings ("## Study team") start,
    once their "#" marks are gone, and their level (the number of marks): a heading
    the lexicon does not know still ends a list headed at its level or deeper.
    ``verbatim``: spans of free text whose lines are never headings or labels (a
    registry record's summary: its "Outcome measures: see below" is a sentence).
    """

    text: str
    offsets: OffsetMap
    headings: Mapping[int, int] = field(default_factory=dict)
    verbatim: tuple[tuple[int, int], ...] = ()


def _replacement(match: re.Match[str], raw: str) -> tuple[str, int]:
    """The text that replaces ``match`` and where the replaced raw text ends."""
    kind = match.lastgroup
    if kind == "comment":
        close = raw.find("-->", match.end())
        end = len(raw) if close < 0 else close + 3
        line_start = raw.rfind("\n", 0, match.start()) + 1
        line_end = raw.find("\n", end)
        line_end = len(raw) if line_end < 0 else line_end
        if not raw[line_start : match.start()].strip() and not raw[end:line_end].strip():
            # a converter's list separator on a line of its own ("<!-- -->"): the line goes,
            # not leaving a blank line that would part one list into paragraphs
            return "", min(line_end + 1, len(raw))
        return "\n", end
    value = match.group(kind)
    if kind == "hidden":  # up to and with its closing tag (a head ends at the body too)
        ends = rf"</{value}\s*>" + (r"|(?=<body\b)" if value.lower() == "head" else "")
        close = re.compile(ends, re.IGNORECASE).search(raw, match.end())
        return "\n", len(raw) if close is None else close.end()
    if kind == "crlf":
        return "\n", match.end()
    if kind == "tab":
        return (" | " if _separates_cells(raw, match.start()) else " "), match.end()
    if kind == "block":
        if _in_table_row(raw, match.start()):
            return "; ", match.end()
        if (cell := _TABLE_TAG.match(value)) is not None:
            return _table_markup(cell), _SPACE.match(raw, match.end()).end()  # type: ignore[union-attr]
        if _in_html_cell(raw, match.start()):  # "<td>Drug: A<br>Drug: B</td>": one cell
            return "; ", match.end()
        # A list item keeps its bullet: "<li>" is "- ", as the page showed it.
        return ("\n- " if _OPENS_ITEM.match(value) else "\n"), match.end()
    if kind == "entity":
        if value == "&amp;" and (inner := _ENTITY_BODY.match(raw, match.end())) is not None:
            value = "&" + inner.group()  # escaped twice: "&amp;ge;" is "≥"
            return html.unescape(value).translate(_TRANSLATE), inner.end()
        return html.unescape(value).translate(_TRANSLATE), match.end()
    if kind == "escaped_block":  # "\u003cli\u003e" keeps its bullet, as "<li>" does
        return ("\n- " if _ESCAPED_ITEM.match(value) else "\n"), match.end()
    if kind == "bare_entity":
        return html.unescape(value + ";").translate(_TRANSLATE), match.end()
    if kind == "unicode":  # a JSON string's escape printed as text: "\u2265"
        return chr(int(value[1:], 16)).translate(_TRANSLATE), match.end()
    if kind == "newline":  # "Inclusion Criteria:\n\n* Age …" from a JSON string
        return "\n", match.end()
    if kind == "inline" and _OPENS_SUPERSCRIPT.match(value):
        # "10<sup>9</sup>/L" is "10^9/L"; "CAR<sup>+</sup>", "≥ 8<sup>a</sup>" (a footnote's
        # mark) are no powers
        if _POWER_IN_SUPERSCRIPT.match(raw, match.end()):
            return "^", match.end()
        return ("" if _SIGN_IN_SUPERSCRIPT.match(raw, match.end()) else " "), match.end()
    if kind == "escaped":
        return value, match.end()
    if kind == "link_close":  # a target that names a record ("…/study/NCT06712345") stays,
        url = (match.group("url") or "").split("#", 1)[0]  # without its place on the page
        return (f" ({url})" if _ID_IN_URL.search(url) else ""), match.end()
    if kind == "mojibake":  # with the runs right after it: mojibake of mojibake is one run
        end = match.end()
        while (more := _MOJIBAKE_RUN.match(raw, end)) is not None:
            end = more.end()
        return _unmangled(raw[match.start() : end]), end
    if kind == "emphasis" and _starts_bold_label_mid_line(raw, match):
        return "\n", match.end()
    if kind == "emphasis" and _closes_bold_label(raw, match):
        return ":", match.end()  # "**Phase** Phase 1": bold parts the label, no colon
    if kind == "glued_status":
        return value + "\n", match.end()
    if kind == "glued":  # "PHASE1PHASE2" is one value, phases 1 and 2
        both_phases = "PHASE" in value.upper() and _PHASE_NEXT.match(raw, match.end())
        return value + (", " if both_phases else "\n"), match.end()
    return "", match.end()


def _unmangled(run: str) -> str:
    """The character whose UTF-8 bytes ``run`` shows decoded as Windows-1252, if it is one.

    ftfy knows the sloppy variants of the codec (bytes Windows-1252 leaves undefined)
    and leaves a run alone when it is not such a character; imported only when a page
    has a candidate, which English pages rarely do.
    """
    import ftfy

    fixed = ftfy.fix_encoding(run)
    if fixed == run:
        return run
    return "".join(c for c in fixed.translate(_TRANSLATE) if c not in _ZERO_WIDTH_CHARS)


def _table_markup(tag: re.Match[str]) -> str:
    """A row starts a line and ends it with "|"; a cell opens with "| ". The spaces and
    line breaks after the tag go too: they part the tags, not the cells' text."""
    closing, name = tag.group("close") == "/", tag.group("tag").lower()
    if name == "tr":
        return "|\n" if closing else "\n"
    return " " if closing else "| "


def _in_html_cell(raw: str, at: int) -> bool:
    """Whether ``at`` is inside an HTML table cell (an open "<td>" or "<th>" before it)."""
    before = raw[max(0, at - _CELL_WINDOW) : at].lower()
    opened = max(before.rfind("<td"), before.rfind("<th>"), before.rfind("<th "))
    return opened > max(before.rfind("</td"), before.rfind("</th"), before.rfind("<tr"))


def _closes_bold_label(raw: str, match: re.Match[str]) -> bool:
    """Whether "**" closes a known label in bold at its line's start, a value after it
    on the line and no colon between ("**Enrollment** 16 participants")."""
    end = match.end()
    if end >= len(raw) or raw[end] not in " \t":
        return False
    opened = _OPENING_BOLD.search(raw, raw.rfind("\n", 0, match.start()) + 1, match.start())
    if opened is None or opened.end() != match.start():
        return False
    rest = raw[end : end + 3].strip()
    if not rest or rest[0] in ":|" or rest[0].islower():  # "**Sponsor** responsibilities are …"
        return False
    name = normalize_label(opened.group("label"))
    return name in FIELD_BY_TERM or name in SECTION_BY_TERM


def _starts_bold_label_mid_line(raw: str, match: re.Match[str]) -> bool:
    """Whether "**" opens a second bold label on its line ("**Status:** X **Phase:** 1").

    The label starts a line of its own, as it would on a page that printed one
    label per line.
    """
    at = match.start()
    if at == 0 or raw[at - 1] not in " \t" or not _BOLD_LABEL.match(raw, match.end()):
        return False
    line_start = raw.rfind("\n", 0, at) + 1
    return bool(raw[line_start:at].strip())


# A list item as a word processor exports it: its marker, then a tab.
_LIST_ITEM_TAB = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[•\-*·o§])\t")


def _separates_cells(raw: str, at: int) -> bool:
    r"""Whether the tab at ``at`` parts two cells of a row copied from an HTML table.

    A line with two tabs or more between its words ("Lupus	Biological: X	Phase 1")
    is a table row, written as one ("Lupus | Biological: X | Phase 1"), and so is a
    line with one ("Participant Group/Arm	Intervention/Treatment") unless a list
    marker comes before it ("1.	Age"). A tab after a label ("Study Type:	Interventional",
    "Group:	A	Sample size:	12") is a space; indentation is a space.
    """
    line_start = raw.rfind("\n", 0, at) + 1
    line_end = raw.find("\n", at)
    line = raw[line_start : len(raw) if line_end < 0 else line_end]
    content = line.strip()
    first = line_start + line.find(content[:1]) if content else at
    if not first < at < first + len(content):
        return False  # indentation or trailing space
    left = raw[first:at].rstrip()
    if left.endswith((":", "：")) or _LIST_ITEM_TAB.match(content):
        return False  # a label's tab, or a word processor's list item ("2.\tPlatelets\t≥ 50")
    return content.count("\t") >= 2 or _CELL_TEXT.match(left) is not None


def _in_table_row(raw: str, at: int) -> bool:
    """Whether ``at`` is inside a markdown table row ("| a<br>b | c |").

    A line break there would cut the row in two; the cell's lines are kept
    apart by "; " instead, which readers of cells split on.
    """
    line_start = raw.rfind("\n", 0, at) + 1
    return raw[line_start:at].lstrip().startswith("|")


def normalize_text(raw: str) -> Normalized:
    """Normalise ``raw``; the result's offsets map every position back to ``raw``."""
    pieces: list[str] = []
    norm_points, raw_points = [0], [0]
    out_len = raw_pos = 0
    records = _record_spans(raw)
    headings: dict[int, int] = {}
    for match in _EDITS.finditer(raw):
        if match.start() < raw_pos:
            continue  # inside a comment already consumed
        if records and _inside(records, match.start()):
            continue
        pieces.append(raw[raw_pos : match.start()])
        out_len += match.start() - raw_pos
        replacement, raw_end = _replacement(match, raw)
        if match.lastgroup == "hashes":
            headings[out_len] = match.group("hashes").count("#")
        norm_points.append(out_len)
        raw_points.append(match.start())
        pieces.append(replacement)
        out_len += len(replacement)
        raw_pos = raw_end
        norm_points.append(out_len)
        raw_points.append(raw_end)
    pieces.append(raw[raw_pos:])
    text = _translate("".join(pieces))
    for start, end in records:  # verbatim: a record's quotes and escapes are its syntax
        at = bisect.bisect_right(raw_points, start) - 1  # no edit falls inside a record
        shift = norm_points[at] - raw_points[at]
        # verbatim, but on one line (a wrapped record's breaks are spaces: offsets stay)
        text = text[: start + shift] + _ONE_LINE.sub(" ", raw[start:end]) + text[end + shift :]
    offsets = _compact(norm_points, raw_points, len(raw))
    return Normalized(text, offsets, headings | _setext_headings(text))


def _record_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of lines that hold a dumped record (JSON, a Python dict), left unedited.

    Unescaping "\\>" or straightening a curly quote inside one would break its
    syntax (``transforms.text.records`` parses it).
    """
    if "{" not in raw and "[" not in raw:
        return []
    spans = [m.span("record") for m in _RECORD_LINE.finditer(raw)]
    spans = sorted([*spans, *_wrapped_record_spans(raw, spans)])
    if spans and "<" in raw:  # a script's JSON-LD is no text of the page (see ``_HIDDEN_TAGS``)
        hidden = [m.span() for m in _HIDDEN_ELEMENT.finditer(raw)]
        spans = [span for span in spans if not any(a <= span[0] < b for a, b in hidden)]
    return spans


# Where a record starts a line: "{'studyType': …" / "[{" / '{"nctId"'.
_RECORD_OPENS = re.compile(r"(?m)^[ \t]*(?=[{\[][ \t]*[\"'{\[])")
_MAX_WRAPPED_RECORD = 20_000  # characters


def _wrapped_record_spans(raw: str, whole: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Records a hard wrap broke over lines ("{'studyType': …, 'designInfo':" / "{'allocation':
    …}}"): from the bracket that opens one to the bracket that closes it, when what is
    between parses. Their line breaks are read as spaces (see ``normalize_text``)."""
    spans: list[tuple[int, int]] = []
    for opens in _RECORD_OPENS.finditer(raw):
        start = opens.end()
        if _inside(whole, start) or (spans and start < spans[-1][1]):
            continue
        end = _closing_bracket(raw, start)
        if end is None or "\n" not in raw[start:end]:
            continue
        if parse_record(_ONE_LINE.sub(" ", raw[start:end])) is not None:
            spans.append((start, end))
    return spans


_ONE_LINE = re.compile(r"[\r\n]")


def _closing_bracket(raw: str, start: int) -> int | None:
    """Where the bracket at ``start`` closes, quotes respected; None at a blank line or when
    it stays open past ``_MAX_WRAPPED_RECORD``."""
    depth, quote, escaped = 0, "", False
    for i in range(start, min(len(raw), start + _MAX_WRAPPED_RECORD)):
        char = raw[i]
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
        elif char == "\n" and raw.startswith("\n", i + 1):
            return None  # a paragraph ends: no record runs on
    return None


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls in one of ``spans`` (sorted, disjoint)."""
    i = bisect.bisect_right(spans, (at, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


# A word processor's list saved as text: "o" and "§" (its Wingdings bullet) lead the line.
_LETTER_BULLET = re.compile(r"(?m)^([ \t]*)[o§](?=[ \t]+[^\W\d_])")
_MAY_HAVE_LETTER_BULLET = re.compile(r"\n[ \t]*[o§][ \t]")  # no "^|": ten times slower


# A definition list's description (Markdown Extra, pandoc): "Study type" / ": Interventional".
_DEFINITION = re.compile(r"(?m)^([ \t]*):(?=[ \t]+\S)")
_MAY_HAVE_DEFINITION = re.compile(r"\n[ \t]*:[ \t]")
# A setext heading: a line underlined with "=" (level 1) or "-" (level 2).
_SETEXT = re.compile(
    r"(?m)^[ \t]*(?P<title>[^\s|][^\n]{0,119})\n[ \t]*(?P<rule>={3,}|-{3,})[ \t]*$"
)
_MAY_HAVE_SETEXT = re.compile(r"\n[ \t]*(?:===|---)")


# Text copied from a word processor's Symbol font keeps the font's codes read as Latin-1:
# "≥" is the code of "³" and "≤" that of "£" ("Age ³ 18 years", "Creatinine £ 1.5 x ULN").
# A sign stands between spaces, a number after it; a superscript three does not.
_SYMBOL_FONT_SIGN = re.compile(r"(?:(?<=[ \t])|(?m:^))[³£](?=[ \t]+\d)")
_SYMBOL_FONT_SIGNS = {"³": "≥", "£": "≤"}
_SIGN_REACH = 60  # characters before a sign read for what it limits
# A power's base before "³": a number or a length ("10 ³/µL", "cells/mm ³").
_POWER_BASE = re.compile(r"(?:\d|\b(?:[cmµμ]?m|mm))[ \t]*$")
# An abbreviation in brackets after a limit's name is part of it ("Hemoglobin (Hb): £ 9").
_BRACKETED_END = re.compile(r"[ \t]*\([^()\n]{1,30}\)[ \t]*$")


def _symbol_font_sign(match: re.Match[str]) -> str:
    """The sign a Symbol font's "³" or "£" stands for, or itself where it is none: after a
    power's base "³" is a superscript, and "£" is a sign only after what a limit is of
    ("Creatinine £ 1.5"), not before an amount of money ("receive £ 50")."""
    text, at, char = match.string, match.start(), match.group()
    reach = max(0, at - _SIGN_REACH)
    before = text[reach:at].rsplit("\n", 1)[-1]  # on the sign's line
    if _POWER_BASE.search(before):
        return char
    if char == "£" and not awaits_limit(_BRACKETED_END.sub("", before.rstrip(" \t:")).rstrip()):
        return char
    return _SYMBOL_FONT_SIGNS[char]


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATE)``: every replacement is one character for one."""
    text = _TRANSLATE_CHARS.sub(lambda match: _TRANSLATE_STR[match.group()], text)
    if "³" in text or "£" in text:
        text = _SYMBOL_FONT_SIGN.sub(_symbol_font_sign, text)
    if text[:1] in "o§" or _MAY_HAVE_LETTER_BULLET.search(text) is not None:
        text = _LETTER_BULLET.sub(r"\1•", text)
    if _MAY_HAVE_DEFINITION.search(text) is not None:
        text = _DEFINITION.sub(r"\1 ", text)  # the description is the value under its term
    return text


def _setext_headings(text: str) -> dict[int, int]:
    """Where setext headings start and their level ("Eligibility" over "-----------" is 2)."""
    if _MAY_HAVE_SETEXT.search(text) is None:
        return {}
    return {
        m.start("title"): 1 if m.group("rule")[0] == "=" else 2
        for m in _SETEXT.finditer(text)
        if any(c.isalpha() for c in m.group("title"))
    }


def _compact(norm: list[int], raw: list[int], raw_length: int) -> OffsetMap:
    """Drop breakpoints that do not change the shift, keeping the map small."""
    keep_norm, keep_raw = [norm[0]], [raw[0]]
    for n, r in zip(norm[1:], raw[1:], strict=True):
        if r - n == keep_raw[-1] - keep_norm[-1] and n >= keep_norm[-1]:
            continue
        if n == keep_norm[-1]:
            keep_raw[-1] = r
            continue
        keep_norm.append(n)
        keep_raw.append(r)
    return OffsetMap(tuple(keep_norm), tuple(keep_raw), raw_length)
