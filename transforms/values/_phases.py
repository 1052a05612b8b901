"""Trial phase text -> contract phase codes (re-exported by ``values.enums``).

Phases come as "Phase I/II", "Phase 1/Phase 2", "PHASE1, PHASE2", "Early Phase 1",
"Phase 0", Chinese "I/II期", or glued into a badge row ("RECRUITINGPHASE2INTERVENTIONAL").
A numeral list after one "Phase" word is walked piece by piece (no nested
quantifiers) so a long list cannot make the regex backtrack.
"""

from __future__ import annotations

import re

_ORDER = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4}
# A numeral: a digit 1-4 (not part of a longer number), a Roman numeral that is
# not the start of a word ("Phase in"), or a CJK Roman numeral; "Ib"/"2a" allowed.
_NUMERAL = r"(?:([1-4])(?!\d)|(IV|III|II|I|[ⅠⅡⅢⅣ])(?=[ab]?(?![A-Za-z])))[ab]?"
_PHASE_WORD = r"(?:phase|(?<![A-Za-z])(?-i:Ph|PH)(?![a-z])\.?)[\s_:\-]*"  # "Ph 1", "Ph1"
_EARLY = re.compile(
    r"early[\s_\-]*phase[\s_\-]*(?:1|I)(?![0-9A-Za-z])|phase[\s_\-]*0(?!\d)", re.IGNORECASE
)
_PHASE = re.compile(_PHASE_WORD + _NUMERAL, re.IGNORECASE)
_MORE = re.compile(
    r"\s*(?:/|-|–|,|&|\+|and\b|or\b|to\b)\s*(?:" + _PHASE_WORD + ")?" + _NUMERAL, re.IGNORECASE
)
_API = re.compile(r"(EARLY_)?PHASE([1-4])")
_CJK = re.compile(_NUMERAL + r"(?:\s*[/／、\-~]\s*" + _NUMERAL + r")?\s*期")
_CJK_EARLY = re.compile(r"(?<![0-9])0\s*期")
_BARE = re.compile(_NUMERAL + r"(?:\s*(?:/|-|–|,|&|and)\s*" + _NUMERAL + r")?", re.IGNORECASE)
_TICKED = re.compile(r"\((phase\s*(?:I{1,3}|IV|[1-4]))\)\s*:\s*(yes|no)\b", re.IGNORECASE)
_NA = {"NA", "N_A", "NOT_APPLICABLE", "PHASE_NA", "PHASE_N_A", "NOT_APPLICABLE_PHASE"}
# A phase in words: "phase one", "Phase Two".
_IN_WORDS = re.compile(r"(phase[\s\-]+)(one|two|three|four)\b", re.IGNORECASE)
_WORD_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4"}


def _phase_of(digit: str | None, roman: str | None) -> str | None:
    """ "2" or "II" -> PHASE2."""
    if digit:
        return f"PHASE{digit}"
    if roman:
        return f"PHASE{_ROMAN[roman.upper() if roman.isascii() else roman]}"
    return None


def _collect_numerals(match: re.Match[str], found: set[str]) -> None:
    """Add every numeral captured by ``match`` (groups come in digit/roman pairs)."""
    groups = match.groups()
    for i in range(0, len(groups) - 1, 2):
        phase = _phase_of(groups[i], groups[i + 1])
        if phase:
            found.add(phase)


def _scan_phase_lists(text: str, found: set[str]) -> None:
    """Read "Phase N" and the numerals chained after it ("Phase I/II", "Phase 1, 2").

    The next search starts after the chain, so the scan stays linear.
    """
    pos = 0
    while (match := _PHASE.search(text, pos)) is not None:
        _collect_numerals(match, found)
        pos = match.end()
        while (more := _MORE.match(text, pos)) is not None:
            _collect_numerals(more, found)
            pos = more.end()


def _take_api_tokens(text: str, found: set[str]) -> str:
    """Read registry API tokens ("EARLY_PHASE1", "PHASE2") even when glued to a digit
    of the next badge ("EARLY_PHASE19 participants"), then blank them out."""
    for match in _API.finditer(text):
        found.add("EARLY_PHASE1" if match.group(1) else f"PHASE{match.group(2)}")
    return _API.sub(lambda m: " " * len(m.group()), text)


def _ordered(found: set[str]) -> list[str] | None:
    return [code for code in _ORDER if code in found] or None


def find_phases_in(text: str | None) -> list[str] | None:
    """Every phase named in ``text`` (glued badge rows included), in contract order."""
    if not text:
        return None
    found: set[str] = set()
    text = _take_api_tokens(text, found)
    if "hase" in text or "HASE" in text:
        text = _IN_WORDS.sub(lambda m: m.group(1) + _WORD_DIGITS[m.group(2).lower()], text)
    if _EARLY.search(text):
        found.add("EARLY_PHASE1")
        text = _EARLY.sub(lambda m: " " * len(m.group()), text)
    _scan_phase_lists(text, found)
    for match in _CJK.finditer(text):
        _collect_numerals(match, found)
    if _CJK_EARLY.search(text):
        found.add("EARLY_PHASE1")
    return _ordered(found)


# A line that is a phase and nothing else: "Phase 2", "Early Phase 1", "Phase 1/Phase 2".
_PHASE_ONLY = re.compile(
    rf"(?:early\s+)?{_PHASE_WORD}{_NUMERAL}(?:\s*[/&,\-]\s*(?:{_PHASE_WORD})?{_NUMERAL})?",
    re.IGNORECASE,
)


def is_phase_only(text: str) -> bool:
    """Whether ``text`` names a phase and says nothing more ("Phase 2", not "Phase 2
    expansion" nor "Phase I: Dose-limiting toxicity")."""
    return _PHASE_ONLY.fullmatch(text.strip()) is not None


def normalize_phases(text: str | None) -> list[str] | None:
    """Phase field value -> codes; "N/A"/"Not Applicable" -> ["NA"]; bare "1/2" accepted."""
    if not text or not text.strip():
        return None
    key = re.sub(r"[^0-9A-Z]+", "_", text.upper()).strip("_")
    if key in _NA:
        return ["NA"]
    if ": " in text and len(ticked := _TICKED.findall(text)) > 1:
        # the EU register's form in one line (WHO ICTRP): "Human pharmacology (Phase I): yes
        # Therapeutic exploratory (Phase II): yes Therapeutic confirmatory (Phase III): no"
        return find_phases_in(
            " ".join(phase for phase, answer in ticked if answer.lower() == "yes")
        )
    found = find_phases_in(text)
    if found:
        return found
    bare = _BARE.fullmatch(text.strip())
    if bare:
        collected: set[str] = set()
        _collect_numerals(bare, collected)
        return _ordered(collected)
    return None
