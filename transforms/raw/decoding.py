"""Turn a scraped page's bytes into text, or say why it cannot be text.

Pages come from many sites with no reliable charset header, so the order of
attempts matters: declarations we can trust (byte-order marks) first, then the
encoding almost every site uses (UTF-8), then the one family we know we see
without any declaration (GB18030/GBK/GB2312 from Chinese registries), and only
then a statistical guess. Binary downloads (images, PDFs saved as ``.txt``)
are refused early so they never reach the parser as mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer
from charset_normalizer.constant import IANA_SUPPORTED

# Longest signatures first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "GZIP"),
    (b"RIFF", "RIFF"),
)

# Control bytes that never occur in text; tab, newline, form feed and CR do.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13} | {127}))
_MAX_CONTROL_SHARE = 0.02
_MIN_CJK_SHARE = 0.6  # of non-ASCII characters, for a GB18030 decode to count
_MIN_GB2312_SHARE = 0.8  # of those CJK characters, the common (GB2312) repertoire

_OWN_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030")
KNOWN_ENCODINGS = frozenset(_OWN_ENCODINGS) | {codecs.lookup(n).name for n in IANA_SUPPORTED}


class UndecodableError(ValueError):
    """A file that cannot be landed as text; ``reason`` goes to the quarantine table."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode one page and name the Python codec used, or raise ``UndecodableError``.

    The text is returned exactly as decoded (no normalisation), because staged
    spans are character offsets into it.
    """
    if not data:
        raise UndecodableError("empty file")
    _refuse_binary_magic(data)
    decoded = _decode_with_bom(data) or _decode_utf16_without_bom(data)
    if decoded is None:
        _refuse_control_bytes(data)
        decoded = (
            _decode_utf8(data)
            or _decode_gb18030(data)
            or _decode_mostly_utf8(data)
            or _decode_guess(data)
        )
    text, encoding = decoded
    if not text:
        raise UndecodableError("empty file")
    if not text.strip():
        raise UndecodableError("whitespace only")
    return text, encoding


def _refuse_binary_magic(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UndecodableError(f"binary content ({kind})")


def _refuse_control_bytes(data: bytes) -> None:
    control = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if control / len(data) > _MAX_CONTROL_SHARE:
        raise UndecodableError(f"binary content ({control} control bytes of {len(data)})")


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise UndecodableError(f"invalid {encoding} after byte-order mark: {err}") from err
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 of mostly-Latin text has a NUL in every other byte; detect that pattern."""
    pairs = len(data) // 2
    if pairs < 2 or len(data) % 2 or 0 not in data:  # the last test is one memchr
        return None
    even_nul = data[0::2].count(0) / pairs
    odd_nul = data[1::2].count(0) / pairs
    if odd_nul >= 0.3 and even_nul <= 0.05:
        encoding = "utf-16-le"
    elif even_nul >= 0.3 and odd_nul <= 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.end == len(data):
            # a page cut off inside its last character (a scraper's byte limit): the rest
            # is UTF-8, and the half character is no text
            return _decode_utf8(data[: err.start])
        return None


def _decode_mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a stray byte or two: a footer's "\xa9" in a page of "≥" and "×".

    A guess would read the whole page in another charset and garble every UTF-8
    character; a legacy page (cp1252, Latin-1) has no valid multi-byte sequence,
    or far more invalid ones than valid. Each invalid byte becomes U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for ch in text if ord(ch) > _ASCII_END and ch != "\ufffd")
    if valid == 0 or invalid > max(_STRAY_BYTES, valid // _VALID_PER_STRAY):
        return None
    return text, "utf-8"


_ASCII_END = 127
_STRAY_BYTES = 2  # a page's invalid sequences a UTF-8 reading accepts, at least
_VALID_PER_STRAY = 10  # or one per this many valid non-ASCII characters


def _decode_gb18030(data: bytes) -> tuple[str, str] | None:
    """GB18030 accepts many non-Chinese byte strings, so keep it only if it reads as Chinese.

    Mis-decoded Latin-1 or Shift_JIS turns into rare ideographs outside the
    common GB2312 repertoire (their second byte is ASCII), which real Chinese
    pages almost never use.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    cjk = [ch for ch in non_ascii if _is_cjk(ch)]
    if not non_ascii or len(cjk) / len(non_ascii) < _MIN_CJK_SHARE:
        return None
    if sum(1 for ch in cjk if _in_gb2312(ch)) / len(cjk) < _MIN_GB2312_SHARE:
        return None
    return text, "gb18030"


def _decode_guess(data: bytes) -> tuple[str, str]:
    """A statistical guess; on a page of English with a few legacy bytes, Windows-1252.

    On a short page a handful of bytes is too little to tell charsets apart: a
    Latin-1 "µ" and "²" came back as HP Roman-8. Registry pages are English, and
    the charset their legacy bytes most often come in is cp1252.
    """
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if non_ascii <= max(_FEW_LEGACY_BYTES, len(data) // _ASCII_PER_LEGACY_BYTE):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""  # bytes cp1252 leaves undefined (0x81, 0x8d, …): another charset
        # only characters an English page writes: a Polish "Ł" read so is "£"
        if text and all(ch in _WESTERN for ch in text if ord(ch) > _ASCII_END):
            return text, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError("unknown encoding (no charset fits)")
    return str(best), codecs.lookup(best.encoding).name


_HIGH_BYTES = bytes(range(128, 256))
_WESTERN = frozenset(
    "µ²³°±×÷·–—‘’“”•…€©®™§¶¼½¾\u00a0ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
)
_FEW_LEGACY_BYTES = 8
_ASCII_PER_LEGACY_BYTE = 50


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FFFF
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or (0xFF00 <= code <= 0xFFEF and unicodedata.category(ch) != "Cn")  # full-width forms
    )


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
