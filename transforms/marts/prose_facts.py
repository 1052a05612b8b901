"""Trial facts a page states only in its sentences: when, who sponsors, who may join, where.

News items, press releases and patient-facing summaries carry facts no label
states: "starting in April 2025", "expected to complete in December 2027",
"sponsored by Example Cell Therapeutics GmbH", "open to both men and women",
"at three centres in Germany and Austria", "will enrol 15 patients". These
readers are fallbacks (a labelled value always wins), and each needs the
words that say which fact a sentence states: a date in a sentence is not a
start date unless the sentence says the study starts then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.marts.context import DocView, iter_sentences
from transforms.values.dates import ParsedDate, date_opening

_DATE_REACH = 24  # characters between the words and the date ("starting in early April 2025")
_ABOUT_STUDY = re.compile(
    r"\b(?:study|trial|recruitment|enrol?ment|research)\b|^\s*(?:It|This)\s", re.IGNORECASE
)
# The study is what starts: "The trial will start in", "It started in", "…, starting in";
# not "patients who started treatment in".
_STARTS = re.compile(
    r"(?:(?<![\w])(?=[stireSTIRE])(?:study|trial|it|this|recruitment|enrol?ment)\b"
    r"(?:\s+(?!who\b|which\b|that\b|whose\b)[\w\-]+){0,5}?\s+"
    r"(?:start(?:s|ed)?|begin|begins|began|commence[sd]?|launche[sd]"
    r"|open(?:s|ed)?\s+(?:for|to)\s+(?:recruitment|enrol?ment))\b)"
    r"|,\s*(?:starting|beginning|commencing)\b",
    re.IGNORECASE,
)
_ENDS = re.compile(
    r"(?<![\w])(?=[eapsdwrcEAPSDWRC])"  # cheap skip of words that cannot start one
    r"(?:(?:expected|anticipated|planned|scheduled|due|set)\s+to\s+(?:be\s+)?"
    r"(?:complete[ds]?|end|ended|finish(?:ed)?|conclude[ds]?|run\s+(?:until|through))"
    r"|(?:will\s+)?(?:run|continue)\s+(?:until|through)"
    r"|(?:completion|end)\s+(?:is\s+)?(?:expected|anticipated|planned|scheduled)(?:\s+for)?)\b",
    re.IGNORECASE,
)
_RECRUITMENT_ENDS = re.compile(r"\b(?:enrol?l?ment|recruitment|accrual|enrolling)\b", re.I)
_CLAUSE_START = re.compile(r".*(?:\band\b|[,;])", re.IGNORECASE | re.DOTALL)


def _ends_recruitment(sentence: str, end: int) -> bool:
    """Whether the clause that ends at ``end`` is about enrollment ("Enrollment is expected to
    be completed …"), not "Recruitment began in … and the study is expected to finish …"."""
    clause = _CLAUSE_START.match(sentence, 0, end)
    return _RECRUITMENT_ENDS.search(sentence, clause.end() if clause else 0, end) is not None


# "sponsored by X", a finder's "It is run by X" / "funded by X"; not a newsletter's or a
# webinar's own sponsor ("This issue is sponsored by …").
_SPONSORED_BY = re.compile(
    r"(?<!issue is )(?<!newsletter is )(?<!webinar is )(?<!episode is )(?<!content is )"
    r"\b(?:sponsored|run|funded)\s+by\s+(?P<name>(?:the\s+)?[A-Z][\w&'’.\-]*"
    r"(?:,?\s+(?:[A-Z][\w&'’.\-]*|of|for|and|&|de|der|du|la|the)){0,10})"
)
# A press release's company: "Nova Allo Therapeutics, Inc. (NASDAQ: NOVA) today announced".
_ANNOUNCES = re.compile(
    r"(?P<name>[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,5}"
    r"(?:,?\s+(?:Inc|Ltd|Corp|Co|LLC|plc|GmbH|AG|SA|S\.A|N\.V|B\.V)\.?)?)"
    r"(?:\s*\([A-Za-z ]+:\s*[A-Z.]+\))?"
    r"(?:,\s+(?:an?|the)\s+[^,;.]{3,160},)?"  # ", a clinical-stage biotechnology company …,"
    r",?\s+(?:today\s+)?announced\b"
)
# The sponsor named beside the word: "the sponsor, Kyverna Therapeutics," / "X, the sponsor,".
_NAMED_SPONSOR = re.compile(
    r"\b(?i:the\s+(?:study'?s?\s+|trial'?s?\s+)?sponsor),\s+(?P<after>[A-Z][\w&'’.\-]*"
    r"(?:\s+[A-Z][\w&'’.\-]*){0,6})"
    r"|(?P<before>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,6}),\s+(?:the|its)\s+"
    r"(?:study\s+|trial\s+)?sponsor\b"
)
_COMPANY_WORD = re.compile(
    r"\b(?:Inc|Ltd|Corp|LLC|plc|GmbH|AG|SA|Therapeutics|Bio|Biosciences|Biotech|Biologics"
    r"|Pharma|Pharmaceuticals|Medicines|Oncology|Immunotherapeutics|Sciences|Holdings)\b"
)
_TRAILING_WORDS = re.compile(r"(?:,?\s+(?:of|for|and|&|de|der|du|la|the))+$")
_ABBREVIATED = ("Inc.", "Ltd.", "Co.", "Corp.", "S.A.", "B.V.", "Ltd")
# Words admitting both sexes, in an inclusion criterion ("Male or female, aged 18-65") or a
# sentence about who may take part ("It is open to both men and women").
BOTH_SEXES = re.compile(
    r"\b(?:males?\s+(?:or|and)\s+females?|females?\s+(?:or|and)\s+males?|men\s+(?:or|and)\s+women"
    r"|women\s+(?:or|and)\s+men|both\s+(?:sexes|genders)|regardless\s+of\s+(?:sex|gender))\b"
    r"|男女不限|男女均可|性别不限",
    re.IGNORECASE,
)
_TAKE_PART = re.compile(
    r"\b(?:open\s+to|eligible|take\s+part|participate|join|enrol\w*|recruit\w*|include[sd]?)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will|plans?\s+to|planned|expects?\s+to|expected|aims?\s+to|intends?\s+to|anticipated"
    r"|target(?:s|ed)?|seeks?\s+to|is\s+designed\s+to)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"|(?:study|trial|we)\s+(?:has\s+|have\s+)?)"
    r"(?:enrolled|recruited|included|treated|randomi[sz]ed|dosed|infused)\b",
    re.IGNORECASE,
)
_SITES_IN = re.compile(
    r"\b(?:centres|centers|sites|hospitals|clinics|institutions|locations)\s+(?:\w+\s+){0,2}?"
    r"(?:in|across)\s+(?:the\s+)?(?P<places>[A-Z][^.;:()]{0,100})"
)
_DATE_KEYS = ("start", "begin", "began", "commenc", "launch", "open", "until", "through")
_DATE_KEYS += ("complet", "end", "finish", "conclu")
_SITE_KEYS = ("centres", "centers", "sites", "hospitals", "clinics", "institutions", "locations")
_SEX_KEYS = ("male", "women", "men and", "men or", "both sexes", "both genders", "regardless")
_SEX_KEYS += ("男女", "性别")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PLACES_APART = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _sentences(view: DocView, keys: tuple[str, ...], *words: re.Pattern[str]) -> Iterator[str]:
    """The prose sentences of a page that hold one of ``words``.

    A paragraph holding none of ``keys`` (lower-case words every match contains) is
    skipped whole: a substring test is far cheaper than these patterns' searches, and
    than splitting every paragraph into sentences.
    """
    for text, lowered in view.prose:
        if not any(key in lowered for key in keys):
            continue
        for _, sentence in iter_sentences(text):
            if any(w.search(sentence) for w in words):
                yield sentence


def prose_dates(view: DocView, *, day_first: bool = False) -> dict[str, ParsedDate]:
    """Start and completion dates a sentence about the study states (not a "Label: date" line)."""
    found: dict[str, ParsedDate] = {}
    for sentence in _sentences(view, _DATE_KEYS, _STARTS, _ENDS):
        if ":" in sentence or (about := _ABOUT_STUDY.search(sentence)) is None:
            continue
        for name, words in (("start_date", _STARTS), ("completion_date", _ENDS)):
            match = words.search(sentence, about.start())
            if name in found or match is None:
                continue
            if name == "completion_date" and _ends_recruitment(sentence, match.start()):
                continue  # "Enrollment … is expected to be completed by mid-2025": not the study

            after = sentence[match.end() : match.end() + _DATE_REACH + 20]
            date = date_opening(after, _DATE_REACH, day_first=day_first)
            if date is not None:
                found[name] = date
    return found


def sponsor_in_sentence(sentence: str) -> str | None:
    """Who a sentence says runs the trial: "It is run by X", "X is running this trial"."""
    found = [m for m in (_SPONSORED_BY.search(sentence), _RUNS_IT.search(sentence)) if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())  # the first said: the runner, then the funder
    name = _TRAILING_WORDS.sub("", match.group("name")).strip(" ,")
    if name.endswith(".") and not name.endswith(_ABBREVIATED):
        name = name[:-1]
    return name.removeprefix("the ") or None


# A finder's answer to "Who runs it?": "University College London is running this trial."
_RUNS_IT = re.compile(
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|for|and|&|de)){0,8})\s+"
    r"(?:is|are)\s+(?:running|leading|sponsoring)\b"
)


def prose_sponsor(view: DocView) -> str | None:
    """The name after "sponsored by", to its last capitalised word; else the company whose
    press release announces the trial ("Nova Allo Therapeutics, Inc. today announced")."""
    for sentence in _sentences(view, ("sponsored by", "run by", "funded by"), _SPONSORED_BY):
        if (name := sponsor_in_sentence(sentence)) is not None:
            return name
    for text, lowered in view.prose:
        if "sponsor," in lowered and (named := _NAMED_SPONSOR.search(text)) is not None:
            return (named.group("after") or named.group("before")).strip(" ,")
    for text, lowered in view.prose:  # whole paragraphs: "Inc." ends no sentence here
        if "announced" in lowered:
            for match in _ANNOUNCES.finditer(text):
                if _COMPANY_WORD.search(name := match.group("name")):
                    return name
    return None


def prose_sex(view: DocView) -> str | None:
    """ALL when a sentence says both sexes may take part ("open to both men and women")."""
    for sentence in _sentences(view, _SEX_KEYS, BOTH_SEXES):
        if _TAKE_PART.search(sentence):
            return "ALL"
    return None


def enrollment_type_of(sentence: str) -> str | None:
    """ESTIMATED for a planned size ("will enrol 15"), ACTUAL for a past one ("were enrolled")."""
    if _PLANNED.search(sentence):
        return "ESTIMATED"
    return "ACTUAL" if _DONE.search(sentence) else None


def prose_countries(view: DocView, names: dict[str, str]) -> list[str]:
    """Countries named as where the sites are ("at three centres in Germany and Austria")."""
    found: list[str] = []
    for sentence in _sentences(view, _SITE_KEYS, _SITES_IN):
        for match in _SITES_IN.finditer(sentence):
            for place in _PLACES_APART.split(match.group("places")):
                place = _THE.sub("", place.strip())  # "in Germany and the Netherlands"
                country = names.get(place.casefold())
                if country is None and _is_place_name(place):
                    continue  # a city before its country: "in Berlin and Munich, Germany"
                if country is None:
                    break  # the list of places ends at the first that is no name
                if country not in found:
                    found.append(country)
    return found


def _is_place_name(text: str) -> bool:
    """A capitalised name of one to three words ("Munich", "San Diego"), not a clause."""
    words = text.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)
