"""Which trial a document is about: its own registry id, or a stable surrogate.

A page names other trials too ("Related Clinical Trials" lists NCT ids), so
ids are read only from the trial's own fields and descriptive sections.
Without any registry id the surrogate is derived from the file's path, so
it is stable across runs and across edits of the same file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from operator import itemgetter

from transforms.marts.context import DocView
from transforms.text.lexicon import FOREIGN_SECTIONS

# Sections whose ids are not this trial's: related trials, navigation, contacts.
_NOT_OWN = FOREIGN_SECTIONS - {"identifiers"}
# Glued to the words around it as a page's text lost its tags ("DiseasesNCT06420154Copy
# link"): then in capitals after a small letter, so "instinct 12345678" and "EXTINCT12345678"
# are no ids.
NCT = re.compile(r"(?:\b[Nn][Cc][Tt]\s?|(?<=[a-z])NCT)(\d{8})(?!\d)")
_OTHER_REGISTRIES = re.compile(
    # The lookahead (every id below starts with one of these) lets the scanner skip
    # plain text instead of trying each registry's pattern at every position.
    r"""\b(?=[ACDEIJKLNPRSTU\d])(?:
        ChiCTR-?(?:[A-Z]{2,4}-)?\d{8,10}
      | DRKS\d{8}
      | ISRCTN\d{8}
      | ACTRN\d{14}p?  # ANZCTR marks a prospective registration: "ACTRN12625000417392p"
      | jRCT[a-z]?\d{9,10}
      | CTRI/\d{4}/\d{2,3}/\d{6}
      | KCT\d{7}
      | IRCT\d{8,}N\d+
      | UMIN\d{9}
      | PACTR\d{15,16}
      | RBR-[0-9a-z]{6,8}
      | TCTR\d{11}
      | SLCTR/\d{4}/\d{3}
      | LBCTR\d{10}
      | ITMCTR\d{10,12}
      | JapicCTI-\d{6}
      | EUCTR\d{4}-\d{6}-\d{2}(?:-[A-Z]{2})?
      | NTR\d{4}
      | NL-OMON\d{4,6}
      | NL\d{4,5}
      | (?:EudraCT|CTIS)(?:\s*(?:number|no\.?|id))?[\s:#]*\d{4}-(?:5\d{5}-\d{2}-\d{2}|\d{6}-\d{2})
      | \d{4}-5\d{5}-\d{2}-\d{2}
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)

# Every id of _OTHER_REGISTRIES starts with one of these words (case-folded) or, for a
# bare CTIS number, holds "-5" and five digits. Most pages name no other registry, and
# looking for these words costs a third of the registry scan (0.3 ms of a 5 ms page).
_REGISTRY_WORDS = ("chictr", "drks", "isrctn", "actrn", "jrct", "ctri/", "kct", "irct")
_REGISTRY_WORDS += ("eudract", "ctis")
# Ids of smaller registries, looked for as written (upper case): PACTR, TCTR, SLCTR, LBCTR,
# ITMCTR and EUCTR share "CTR" (lower-case "ctr" is in "electrocardiogram").
_REGISTRY_PREFIXES = ("CTR", "UMIN0", "RBR-", "JapicCTI")
# The Netherlands' ids are too short to look for as words ("ntr" is in "control").
_DUTCH_ID = re.compile(r"\b(?:NTR|NL)-?(?:OMON)?\d{4}")
_CTIS_NUMBER = re.compile(r"-5\d{5}-")
_EU_PREFIX = re.compile(r"^(?:EudraCT|CTIS)(?:\s*(?:number|no\.?|id))?[\s:#]*", re.IGNORECASE)


def registry_ids(view: DocView) -> list[str]:
    """Every registry id the page states as its own, NCT first, without repeats.

    The NCT id is a labelled one if any, else the first in the page's own sections.
    """
    own = _own_text(view)
    found: list[str] = []
    labelled = view.value("nct_id")
    nct = NCT.search(labelled or "") or next(_uncited(NCT.finditer(own), own), None)
    if nct:
        found.append(f"NCT{nct.group(1)}")
    for text in [*view.values("registry_id"), own]:
        if not _may_name_a_registry(text):
            continue
        for match in _uncited(_OTHER_REGISTRIES.finditer(text), text):
            value = _own_form(match.group())
            if value not in found:
                found.append(value)
    return found


# Words that cite another trial just before its id: "participants of the parent study
# (NCT…)", "rolled over from NCT…". A page's own id in prose has no such words ("its
# Phase 1 trial (NCT…) is enrolling").
_CITES = re.compile(
    r"(?:(?:parent|previous|prior|preceding|earlier|originating|feeder|index|lead-in|"
    r"main)\s+(?:study|studies|trials?|protocols?)|"
    r"(?:rolled?[\s-]?over|transferred|continuing)\s+from|"
    # "participants who completed the RESET-SLE study (NCT…)", "building on results from the
    # KYSA-1 trial (NCT…)" (not "enrolled in": a news
    # page's "first patient enrolled in the KYSA-8 trial (NCT…)" is about its own)
    r"(?:completed|finished|participated\s+in|took\s+part\s+in|extension\s+of)"
    r"\s+(?!this\b|the\s+(?:present|current)\b)(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:study|trial|protocol)s?)"
    r"[^\n.;:]{0,24}$"
    # "A sister study in lupus is registered under NCT…": a trial named as another one
    # (not "this related trial (NCT…)", nor "unlike a similar trial, this study NCT…")
    r"|(?<!this\s)(?<!our\s)(?:sister|sibling|companion|separate|another|similar|related)"
    r"\s+(?:study|studies|trials?)[^\n.;:,]{0,40}$",
    re.IGNORECASE,
)
# Words right after an id that make it another trial's.
_CITED_AFTER = re.compile(
    r"\s*\(\s*(?:a\s+|the\s+)?(?:related|parent|previous|prior|similar|companion|feeder)"
    r"(?:\s+(?:study|studies|trials?|protocols?))?\s*\)",
    re.IGNORECASE,
)
_CITE_WINDOW = 60  # characters before an id where its citing words may be
_RESULTS_OF = re.compile(
    r"(?:results|data|findings)\s+(?:from|of|in)\s+(?!this\b)(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:study|trial|protocol)s?[^\n.;:]{0,24}$",
    re.IGNORECASE,
)


def _uncited(matches: Iterator[re.Match[str]], text: str) -> Iterator[re.Match[str]]:
    """The ids of ``matches`` not cited as another trial's by the words before them."""
    ids: set[str] | None = None  # the page's ids, read only if a weak cue is met
    for match in matches:
        before = text[max(0, match.start() - _CITE_WINDOW) : match.start()]
        cue = "tud" in before or "rial" in before or "rotocol" in before or "from" in before
        if cue and _CITES.search(before):  # the cheap test first: most ids have no cue
            continue
        if cue and _RESULTS_OF.search(before):
            # "building on results from the KYSA-1 trial (NCT…)" cites another trial only on
            # a page with another id: a press release's "topline data from the KYSA-8 trial
            # (NCT…)" is about its own
            ids = {m.group(1) for m in NCT.finditer(text)} if ids is None else ids
            if len(ids) > 1:
                continue
        if _CITED_AFTER.match(text, match.end()):  # "NCT06123456 (related study)"
            continue
        yield match


def _own_form(written: str) -> str:
    """The id as its registry lists it: no "EudraCT number" prefix, no ANZCTR "p" mark."""
    value = _EU_PREFIX.sub("", written)
    return value[:-1] if value[-1:] == "p" and value[:5].upper() == "ACTRN" else value


def _may_name_a_registry(text: str) -> bool:
    """False only when ``_OTHER_REGISTRIES`` cannot match: no word an id starts with."""
    folded = text.casefold()
    return (
        any(word in folded for word in _REGISTRY_WORDS)
        or any(prefix in text for prefix in _REGISTRY_PREFIXES)
        or bool(_CTIS_NUMBER.search(text))
        or (("NL" in text or "NTR" in text) and bool(_DUTCH_ID.search(text)))
    )


def trial_id(view: DocView, ids: list[str] | None = None) -> str:
    """The first own registry id (``ids`` when already computed), else a surrogate."""
    ids = registry_ids(view) if ids is None else ids
    if ids:
        return ids[0]
    digest = hashlib.sha256(view.source_file.encode("utf-8")).hexdigest()[:16]
    return f"TH-{digest.upper()}"


def _own_text(view: DocView) -> str:
    """Field values and items outside other trials' sections, one per line, in page order.

    A page's "Other identifiers" / "Secondary IDs" are its own registrations
    elsewhere (the same trial's EudraCT or ChiCTR number): its ids, not another's.
    """
    texts = [  # with its label: "EudraCT number: 2021-001234-12" names its registry
        (int(r["norm_start"]), f"{r['label'] or ''}: {r['value']}")  # type: ignore[arg-type]
        for r in view.fields
        if r["value"] and r["section"] not in _NOT_OWN
    ]
    texts += [
        (int(r["norm_start"]), str(r["text"]))  # type: ignore[arg-type]
        for r in view.items
        if r["section"] not in _NOT_OWN
    ]
    return "\n".join(text for _, text in sorted(texts, key=itemgetter(0)))
