"""Which writing system text is in: bilingual registries print Chinese, Japanese or
Korean beside English, and the readers take the English half."""

from __future__ import annotations

import re

# Kana, CJK ideographs and Hangul: the characters of a CJK label or value, as a class body.
CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
CJK = re.compile(f"[{CJK_CHARS}]")
LATIN = re.compile(r"[A-Za-z]")


def mostly_cjk(text: str, at_least: int = 1) -> bool:
    """At least ``at_least`` CJK characters, and no fewer than Latin letters."""
    if CJK.search(text) is None:  # most text, told without counting its letters
        return False
    return len(CJK.findall(text)) >= max(at_least, len(LATIN.findall(text)))


def latin_only(text: str) -> bool:
    """Latin letters and no CJK character: the English half of a pair."""
    return LATIN.search(text) is not None and CJK.search(text) is None


_BILINGUAL_SLASH = re.compile(r"\s*[/／]\s*")
_CJK_THEN_LATIN = re.compile(rf"^[{CJK_CHARS}（）、，]+\s+([A-Za-z][\x20-\x7e]*)$")


def english_half(text: str) -> str | None:
    """The Latin-script half of "<CJK> / <English>" (either order), else None:
    registries in Japan, China and Korea print values so ("介入研究 / Interventional")."""
    halves = _BILINGUAL_SLASH.split(text)
    if len(halves) != 2:
        # "男女均可 Both", "正在进行 Recruiting": the English after the Chinese and a space
        spaced = _CJK_THEN_LATIN.match(text)
        return spaced.group(1).strip() if spaced is not None else None
    scripts = [CJK.search(half) is not None for half in halves]
    if scripts.count(True) != 1:
        return None
    english = halves[scripts.index(False)].strip()
    return english if english.isascii() and LATIN.search(english) else None
