"""Trial facts read from descriptive text: antigens, lymphodepletion, countries, title.

These are stated in prose or lists rather than under a label, so each is a
lexicon plus a context rule: antigens only from the trial's own descriptive
sections (never eligibility, which names prior therapies such as anti-CD20,
nor related trials), lymphodepleting drugs only in a sentence about
lymphodepletion or conditioning, countries from country lines and
"City, Region, Country" addresses.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from transforms.marts.context import DocView, Row, iter_sentences
from transforms.marts.prose_facts import prose_countries, sponsor_in_sentence
from transforms.text.badges import is_placeholder
from transforms.text.lexicon import FIELD_BY_TERM, SECTION_BY_TERM, is_boilerplate, normalize_label
from transforms.text.scripts import english_half
from transforms.text.wraps import join_wrapped, wrap_width, wraps_at

# "CD" not preceded by a letter or digit; written with the literal first (the lookbehind
# re-checks the character before it) so the scanner can jump from "CD" to "CD".
# Not "CD7-negative" (cells without it, as a product's name may say: no target of it).
# A letter after the number is the antigen's ("CD3E"), unless a word goes on: "CD45RA" is
# CD45's isoform, "CD19CAR-T" a glued "CD19 CAR-T".
_CD_ANTIGEN = re.compile(
    r"CD(?<![A-Za-z0-9]CD)\s?-?(\d{1,3}(?:[A-Z](?![A-Za-z]))?)(?![0-9])"
    r"(?![\s\-]*(?:negative|neg)\b)"
)
# Cluster-of-differentiation numbers that name T-cell or signalling parts of a CAR, not targets.
_NOT_TARGETS = frozenset({"3", "3E", "4", "8", "28", "137", "45", "34", "27", "2", "134"})
_NAMED_ANTIGENS = {
    "BCMA": r"BCMA|B[- ]cell maturation antigen",
    "GPRC5D": r"GPRC5D",
    "SLAMF7": r"SLAMF7|CS1",
    "HER2": r"HER2",
    "GD2": r"GD2",
    "MSLN": r"mesothelin|MSLN",
    "CLL1": r"CLL-?1",
    "BAFF-R": r"BAFF-?R",
    "FCRL5": r"FCRL5",
    "NKG2D": r"NKG2D",
}
# Every spelling starts with a plain letter; checking it first lets the scanner skip
# the rest of the text instead of trying each spelling at every position.
_NAMED_FIRST = {spelling[0] for v in _NAMED_ANTIGENS.values() for spelling in v.split("|")}
if not all(c.isalnum() for c in _NAMED_FIRST):
    raise ValueError("each antigen spelling must start with a letter or digit")
_NAMED = re.compile(
    f"(?=[{''.join(sorted(_NAMED_FIRST))}])(?:"
    + "|".join(
        # not inside a Latin word, but glued to Chinese ("靶向BCMA的CAR-T")
        f"(?P<{re.sub(r'[^A-Z0-9]', '_', k)}>(?<![A-Za-z0-9])(?:{v})(?![A-Za-z0-9]))"
        for k, v in _NAMED_ANTIGENS.items()
    )
    + ")"
)
_NAMED_BY_GROUP = {re.sub(r"[^A-Z0-9]", "_", k): k for k in _NAMED_ANTIGENS}
_LD_CONTEXT = re.compile(
    r"(?=[lcpfbdam])(?:"  # every phrase starts with one of these: skip other positions cheaply
    r"lymphodeplet|lympho-deplet|conditioning|pre-?treatment chemotherapy|preconditioning|"
    r"lymphocyte depletion|preparative (?:regimen|chemotherapy)|"
    # a patient finder's words: "chemotherapy (…) for 3 days to prepare your body"
    r"prepare (?:your|the|their) (?:body|immune system)|make (?:space|room) for|"
    # "3 days of chemotherapy (fludarabine and cyclophosphamide)" in a cell therapy's trial
    r"chemo(?:therapy)?\s*\(\s*(?:fludarabine|cyclophosphamide|bendamustine)|"
    # fludarabine dosed per m² is a lymphodepletion's (no autoimmune disease is treated so)
    r"fludarabine\s*(?:\(\s*flu\s*\)\s*)?\(?\s*\d+(?:\.\d+)?\s*mg\s*/\s*m|"  # "(Flu) 25 mg/m2"
    # Chemotherapy given on the days before the cells, named as such: "fludarabine and
    # cyclophosphamide on days -5 to -3, followed by CAR-T cell infusion".
    # "… followed by CD19 CAR-T cells", "… before the KYV-101 infusion"
    # "… daily for 3 days followed by 1 × 10^6 CAR-T cells/kg"
    # "… followed by KYV-101" (a product's code)
    r"(?:followed by|before|prior to) (?:an? |the )?(?:single )?(?:[\w+^×.,/-]+ ){0,6}?"
    r"(?:CAR|(?:cell )?infusion|(?-i:[A-Z][A-Za-z]{1,7}-?\d{2,4}\b))|"
    # "… single infusion after fludarabine and cyclophosphamide", "… (flat dose) after Flu/Cy",
    # "… after a 3-day course of fludarabine plus cyclophosphamide"
    r"(?:after|following) (?:an? \d+-day (?:course|cycle|regimen) of |(?:\d+|two|three|four"
    r"|five) days of )?"
    r"(?:lymphodeplet\w+ )?(?:chemotherapy with )?"
    r"(?i:fludarabine|cyclophosphamide|bendamustine|flu\s*/\s*cy)|"
    r"days? -\d)",
    re.IGNORECASE,
)
# "…, then a single infusion of KYV-101": apart, as "t" starts too many words to try it
# at each one.
_LD_THEN = re.compile(
    r"\bthen (?:an? |the )?(?:single )?(?:[\w+^×.,/-]+ ){0,6}?(?:CAR|(?:cell )?infusion)",
    re.IGNORECASE,
)


def _about_lymphodepletion(text: str) -> bool:
    return (
        _LD_CONTEXT.search(text) is not None
        or ("then" in text and _LD_THEN.search(text) is not None)
        or (not text.isascii() and _LD_CHINESE_CONTEXT.search(text) is not None)
    )


_LD_AGENTS = (
    "cyclophosphamide",
    "fludarabine",
    "bendamustine",
    "cytarabine",
    "etoposide",
    "melphalan",
    "alemtuzumab",
    "busulfan",
    "carboplatin",
    "thiotepa",
    "pentostatin",
    "mesna",
)
# Short names written in a lymphodepletion sentence: "Flu/Cy", "Flu-Cy", "CTX", "Fludara".
_LD_SHORT = {
    "flu": "fludarabine",
    "fludara": "fludarabine",
    "cy": "cyclophosphamide",
    "ctx": "cyclophosphamide",
    "cytoxan": "cyclophosphamide",
    "benda": "bendamustine",
}
# Capitalised ("Flu") or in capitals ("FLU", "CTX"), never lower case ("flu" is a word).
_LD_SHORT_FORMS = {form for name in _LD_SHORT for form in (name.capitalize(), name.upper())}
_LD_SHORT_NAMES = "|".join(sorted(_LD_SHORT_FORMS, key=lambda form: (-len(form), form)))
_LD_AGENT = re.compile(
    r"\b(" + "|".join(_LD_AGENTS) + "|"
    # a short name is a drug's beside another or a dose: "Flu/Cy", "CTX 500 mg/m2"
    rf"(?-i:{_LD_SHORT_NAMES})(?=\s*(?:[/+\-–(]|\d|and\s))"
    rf"|(?:(?<=[/+\-–])|(?<=[/+\-–]\s))(?-i:{_LD_SHORT_NAMES}))\b",
    re.IGNORECASE,
)
# Fields whose value may name what is given: "Intervention: CAR-T after fludarabine".
_TREATMENT_FIELDS = frozenset({"intervention", "arms"})
_TITLE_MIN_WORDS = 4
_TITLE_SEARCH_LINES = 4
# Countries whose name is also a US state's: after "United States" on a line, the state.
_ALSO_US_STATES = frozenset({"Georgia"})
_US_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
# US towns named like a country, as ClinicalTrials.gov lists their sites: "Peru, United States".
_ALSO_US_TOWNS = frozenset({"Peru", "Lebanon", "Mexico", "Norway", "Poland", "Denmark", "Jordan"})
# A site line ending with a state names no country: "Newark, New Jersey" is in the US.
_US_STATES = frozenset(
    {
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "west virginia",
        "wisconsin",
        "wyoming",
        "district of columbia",
    }
)
_LIST_PARTS = re.compile(r"[,;/·•|]|\s+and\s+")
# Sites in one location field: "Boston, Massachusetts, United States; Toronto, Canada".
_SITES_APART = re.compile(r"[;|\n]")
_DIGIT = re.compile(r"\d")  # in an address part: a postcode or a street number
_BRACKETED = re.compile(r"\(([^()]{2,40})\)\s*$")
_IN_BRACKETS = re.compile(r"\(([^()\d]{2,40})\)")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_REMARK = re.compile(r"\s*\((?:\d[^()]*|[^()]*\bsites?\b[^()]*)\)")  # "(3 sites)", "(n = 12)"
# A country's ISO code before its name, as DRKS lists them ("DE Germany").
_ISO_CODE = re.compile(r"^\s*[A-Z]{2}\s+(?=[A-Z][a-z])")
# A disease's classification code before its name: "ICD10: M32.1 - Systemic lupus …" (DRKS),
# "(1) ICD-10 Condition: M321||Systemic lupus …" (CTRI).
_DISEASE_CODE = re.compile(
    r"^(?:\(\d{1,2}\)\s*)?(?:ICD[- ]?1[01](?:-GM)?(?:\s+(?i:condition))?\s*[:：]?\s*)?"
    r"[A-Z]\d{2,3}(?:\.\d{1,2})?\s*(?:\|\||[-–—:]\s+)(?=\w)"
)
# A MedDRA term's code after the condition: "Lupus nephritis (MedDRA 10025140)".
_MEDDRA_CODE = re.compile(r"\s*\((?:MedDRA|LLT|PT)\b[^()]*\)$", re.IGNORECASE)
_AROUND_NAME = re.compile(r"^[\W\d_]+|[\W\d_]+$")
# A registry's or finder's name over its pages: "Clinical Trials Information System (CTIS) -
# Public portal", "EU Clinical Trials Register", "ANZ Clinical Trials Registry".
_MASTHEAD = re.compile(
    r"\b(?:clinical )?(?:trials?|studies) (?:registry|register|information system|portal|"
    r"database|finder|search)\b",
    re.IGNORECASE,
)
# "Home › Trials › Lupus", "Trials / Lupus / Study" (one " / " is a title's: "SLE / Lupus
# Nephritis").
_BREADCRUMB = re.compile(r"\s[>›»|]\s|\s/\s.*\s/\s|^(?:home|menu|search)\b", re.IGNORECASE)
# A registry id heading the title: "CTIS 2024-514321-18-00 - CD19 CAR-T in SLE",
# "NCT06912345: …" (a product code, "KYV-101 - …", is part of the title).
_ID_PREFIX = re.compile(
    r"^(?:[A-Za-z]{2,8}[\s:#]*)?(?:NCT\d{8}|\d{4}-\d{6}-\d{2}(?:-\d{2})?|[A-Za-z]{2,8}[-/]?\d[\w/-]{5,})"
    r"\s*[-–—:|]\s+(?=\S)"
)
# A news site's masthead names itself and a section, parted by a dash, and no trial;
# a title parted by a dash names the trial ("KYSA-8 — A Phase 2 Study of KYV-101").
_SITE_SECTION = re.compile(r"\s[—–-]\s")
# Words that name one trial (not "Clinical Trials at …", "Studies by Topic, …": a site's).
_A_TRIAL = re.compile(
    r"\b(?:study|trial|phase|patients|participants|subjects|CAR[- ]?T|versus|vs)\b", re.I
)
_BYLINE = re.compile(
    r"^(?:sponsored|funded|posted|updated|published|written|reviewed|run|led) by\b", re.I
)
_TRIAL_WORDS = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|phase|patients|participants|CAR[- ]?T|versus|vs)\b", re.IGNORECASE
)


def is_antigen(symbol: str) -> bool:
    """Whether ``symbol`` names a target antigen ("BCMA", "CD19")."""
    return symbol in _NAMED_ANTIGENS or _CD_ANTIGEN.fullmatch(symbol) is not None


def target_antigens(view: DocView, title: str | None) -> list[str] | None:
    texts = [title or "", *(str(r["text"]) for r in view.descriptive_items())]
    texts += [
        str(r["value"])
        for r in view.fields
        if r["field"] in {*_TREATMENT_FIELDS, "title"} and r["value"]
    ]
    text = "\n".join(texts)
    if "x" in text or "X" in text:  # "CD19xBCMA", "BCMAxCD19": a bispecific's two targets
        text = _BISPECIFIC_X.sub("×", text)
    mentions = [
        (m.start(), m.end(), f"CD{m.group(1).upper()}")
        for m in _CD_ANTIGEN.finditer(text)
        if m.group(1).upper() not in _NOT_TARGETS
    ]
    mentions += [
        (m.start(), m.end(), _NAMED_BY_GROUP[m.lastgroup or ""]) for m in _NAMED.finditer(text)
    ]
    if not mentions:
        return None
    targeted = _targeted(text, sorted(mentions))
    return sorted(targeted or {name for _, _, name in mentions})


# An "x" glued between two antigens: "CD19xBCMA", "BCMAxCD19", "CD19XCD20".
_BISPECIFIC_X = re.compile(
    r"(?:(?<=\d)|(?<=[A-Z]{2}))[xX](?=CD\d|(?:"
    + "|".join(map(re.escape, _NAMED_ANTIGENS))
    + r")\b)"
)


# Words around a run of antigens that make them what a CAR targets: "CD19 CAR-T",
# "anti-CD19/BCMA chimeric antigen receptor", "T cells targeting CD19 and BCMA". Other
# mentions are about the disease or its past treatment: "failed anti-CD20 therapy",
# "CD19+ B cells", "CD38hi plasmablasts".
# "CD19/BCMA", "CD19, CD20", "CD19 and anti-BCMA", "CD19- and BCMA-targeted"
_ANTIGEN_JOIN = re.compile(
    r"-?\s*(?:(?:[/,+×x&、和及]|and/or|and|or)\s*)?(?:anti-?\s*)?", re.IGNORECASE
)
_TARGET_AFTER = re.compile(
    r"^[\s-]*(?:\(?[\w-]{0,12}\)?\s*)?(?:CAR|CAAR|chimeric"
    r"|(?:dual[- ])?(?:directed|target(?:ed|ing)?|specific|redirected)"
    r"|T[- ]?cells?\b|cell therapy|bi-?specific|tandem|bicistronic)",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"(?:\btarget(?:s|ing|ed)?|\bdirected (?:against|at|to)|\bspecific (?:for|to)"
    r"|\brecogni[sz]\w*|\bCAR[- ]?T?\b[^.;]{0,30}|chimeric antigen receptor[^.;]{0,30}|靶向)"
    r"\s*(?:the\s+)?(?:anti-?)?\s*$",
    re.IGNORECASE,
)


def _targeted(text: str, mentions: list[tuple[int, int, str]]) -> set[str]:
    """The antigens of runs ("CD19/BCMA", "CD19 and CD20") written as a CAR's targets."""
    found: set[str] = set()
    run: list[tuple[int, int, str]] = []
    for mention in [*mentions, (len(text) + 2, len(text) + 2, "")]:
        if run and _ANTIGEN_JOIN.fullmatch(text, run[-1][1], mention[0]) is not None:
            run.append(mention)
            continue
        if run:
            start, end = run[0][0], run[-1][1]
            if _TARGET_AFTER.match(text[end : end + 60]) or _TARGET_BEFORE.search(
                text, max(0, start - 50), start
            ):
                found |= {name for _, _, name in run}
        run = [mention]
    return found


# A CAR-T trial lists its chemotherapy as interventions: "Drug: Cyclophosphamide".
# … or its products: "Products: Obecabtagene autoleucel; Fludarabine; …" (CTIS), "D.3.1
# Product name: Fludarabine" (the EU register's form).
_LISTED_DRUG = re.compile(
    r"\b(?:drug|products?|product\s+name)\s*:\s*(?:[^;\n]{1,60};\s*){0,6}"
    r"(?=(?:cyclophosphamide|fludarabine|bendamustine)\b)",
    re.I,
)
_CELL_THERAPY = re.compile(r"\bCAR\b|CAR[- ]?T|chimeric antigen receptor|\bCAAR", re.I)
# The page says the cells come with no chemotherapy: a listed drug is another arm's.
_NO_LYMPHODEPLETION = re.compile(
    r"\b(?:without|no|not receive|omit\w*)\s+(?:any\s+)?(?:lymphodeplet|conditioning)", re.I
)


def _not_given_span(sentence: str) -> tuple[int, int]:
    """Where a sentence says there is no lymphodepletion, to the clause that turns it ("3+3
    escalation without lymphodepletion, then with cyclophosphamide"); (0, 0) if nowhere."""
    if (no := _NO_LYMPHODEPLETION.search(sentence)) is None:
        return 0, 0
    turn = _TURN.search(sentence, no.end())
    return no.start(), turn.start() if turn is not None else len(sentence)


_TURN = re.compile(r",?\s+(?:then|followed\s+by|but|after\s+which)\b|;", re.IGNORECASE)
# A drug named as not given: "cyclophosphamide alone (no fludarabine)".
_NOT_GIVEN = re.compile(
    r"\b(?:no|(?<!with or )without|not|except)\s+(?:\w+\s+(?:or|nor)\s+)?$", re.IGNORECASE
)
# Both drugs in two letters: "FC lymphodepletion", "FluCy" ("(FC)" after flow cytometry is not).
_LD_PAIR = re.compile(
    r"\b(?:FluCy|CyFlu)\b|\b(?:FC|F\s*/\s*C)\b(?=[\s-]*(?:lymphodeplet|conditioning|regimen"
    r"|chemotherapy|preconditioning|based))"
    # named after the word: "Lymphodepleting chemotherapy (FC)", "Lymphodepletion with FC"
    r"|(?i:lymphodeplet\w*|conditioning)(?:\s+chemotherapy)?\s*(?:\(\s*|with\s+|:\s*)FC\b"
    # not flow cytometry or a fold change: "(FC) assessed", "FC monitoring", "FC = …", "FC is not"
    r"(?!\s*\)?\s*(?:=|assess|measur|monitor|analys|is\s+not|was\s+not|not\b))"
)


# Chinese pages name the drugs in Chinese: "FC方案（氟达拉滨30mg/m2+环磷酰胺300mg/m2）".
_LD_CHINESE = {
    "氟达拉滨": "fludarabine",
    "环磷酰胺": "cyclophosphamide",
    "苯达莫司汀": "bendamustine",
}
_LD_CHINESE_NAME = re.compile("|".join(_LD_CHINESE))
_LD_CHINESE_CONTEXT = re.compile(r"清淋|预处理|淋巴细胞清除|淋巴清除|FC方案")


def _names_one_drug(text: str) -> bool:
    """A line that is a lymphodepleting drug's name and nothing else: "Fludarabine"."""
    match = _LD_AGENT.match(text.strip())
    return match is not None and match.end() == len(text.strip())


def lymphodepletion_agents(view: DocView) -> list[str] | None:
    found: list[str] = []
    texts = [
        # an interventions section's line lists what is given: "Obecabtagene autoleucel;
        # Fludarabine; Cyclophosphamide" under "Products:" (read as such a list), and so
        # does a drug's name on a line of its own among the arms ("Fludarabine" / "25 mg/m2")
        f"Products: {row['text']}"
        if row["section"] == "interventions"
        or (row["section"] == "arms" and _names_one_drug(str(row["text"])))
        else str(row["text"])
        for row in view.descriptive_items()
    ]
    texts += [
        # with its label, as in "Drug: Cyclophosphamide" (an intervention's type)
        f"{r['label']}: {r['value']}"
        if r["field"] == "intervention" and r["label"]
        else str(r["value"])
        for r in view.fields
        if r["field"] in _TREATMENT_FIELDS and r["value"]
    ]
    listed = (
        any(_LISTED_DRUG.search(text) for text in texts)
        and any(_CELL_THERAPY.search(text) for text in [*texts, *view.values("title")])
        and not any(_NO_LYMPHODEPLETION.search(text) for text in texts)
    )
    for text in texts:
        listed_here = listed and _LISTED_DRUG.search(text) is not None
        if not _about_lymphodepletion(text) and not listed_here:
            continue  # no sentence of it can be about lymphodepletion
        # a list of products is one "sentence", whatever parts its semicolons make
        sentences = (
            [text] if listed_here and ". " not in text else [s for _, s in iter_sentences(text)]
        )
        for sentence in sentences:
            if not _about_lymphodepletion(sentence) and not (
                listed and _LISTED_DRUG.search(sentence)
            ):
                continue
            unsaid = _not_given_span(sentence)  # "No lymphodepletion (no fludarabine …)"
            agents = [
                match.group(1).lower()
                for match in _LD_AGENT.finditer(sentence)
                if not unsaid[0] <= match.start() < unsaid[1]
                and not _NOT_GIVEN.search(sentence, max(0, match.start() - 32), match.start())
            ]
            if _LD_PAIR.search(sentence):
                agents += ["fludarabine", "cyclophosphamide"]
            agents += [_LD_CHINESE[m.group()] for m in _LD_CHINESE_NAME.finditer(sentence)]
            for agent in agents:
                agent = _LD_SHORT.get(agent, agent)
                if agent not in found:
                    found.append(agent)
    return sorted(found) or None


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        for name in {country.name, display, getattr(country, "official_name", country.name)}:
            names[name.casefold()] = display
            names[name.casefold().replace(",", "")] = display  # see _commas_out_of_names
    names.update(
        {
            "usa": "United States",
            "us": "United States",
            "uk": "United Kingdom",
            "england": "United Kingdom",
            "korea": "South Korea",
            "people's republic of china": "China",
            "pr china": "China",
            "p.r. china": "China",
            "p. r. china": "China",
            "prc": "China",
            "mainland china": "China",
            "中国": "China",
            "republic of korea": "South Korea",
            "turkey": "Türkiye",
            "russia": "Russian Federation",
            "the netherlands": "Netherlands",
            "great britain": "United Kingdom",
            "scotland": "United Kingdom",
            "wales": "United Kingdom",
            "northern ireland": "United Kingdom",
        }
    )
    return names


# A sites heading that names their country: "Recruitment in Australia", "Sites in Germany".
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?([^\W\d][^:()]{1,40})$")


@cache
def _names_with_commas() -> re.Pattern[str]:
    """ISO names written inverted with a comma ("Korea, Republic of"), as registries print
    them: the comma would part a list of places there."""
    inverted = sorted((n for n in _country_names() if ", " in n), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, inverted)), re.IGNORECASE)


def _commas_out_of_names(text: str) -> str:
    """``text`` with the commas inside inverted country names gone (a key of the names)."""
    if ", " not in text:
        return text
    folded = text.casefold()
    if not any(word in folded for word in _INVERTED_WORDS):
        return text  # most places: no inverted name's second half in them
    return _names_with_commas().sub(lambda m: m.group().replace(",", ""), text)


# A word after the comma of every inverted ISO name ("Korea, Republic of"), case-folded.
_INVERTED_WORDS = ("republic", "province", "state", "sint", "ascension", "british", "u.s.")


def countries(view: DocView) -> list[str] | None:
    """Countries a country field lists ("Germany, Italy, Spain"), ending an address, or
    named as where the sites are ("sites in Germany and Austria"); else the sponsor's."""
    names = _country_names()
    found: list[str] = []
    listed = [*view.values("country"), *(str(r["text"]) for r in view.items_in("countries"))]
    # a "Country" row under a sponsor's name that lists several is where the trial runs
    listed += [v for v in view.values("sponsor_country") if _LIST_PARTS.search(v)]
    for value in listed:  # "Germany, France and Italy", "Germany (3 sites)"
        for part in _LIST_PARTS.split(_commas_out_of_names(value)):
            country = names.get(_place(part)) or names.get(_place(_ISO_CODE.sub("", part)))
            if country and country not in found:
                found.append(country)
    sites = [
        piece
        for r in view.items_in("countries", "locations")
        for piece in _SITES_APART.split(_commas_out_of_names(str(r["text"])))
    ]
    sites += [
        p
        for value in view.values("location")
        for p in _SITES_APART.split(_commas_out_of_names(value))
    ]
    for section in view.sections:  # "Recruitment in Australia" over a list of sites
        heading = str(section["heading"] or "")
        if section["section"] == "locations" and (named := _IN_PLACE.search(heading)):
            country = names.get(_place(named.group(1)))
            found += [country] if country and country not in found else []
    prose = [  # "Sites: Erlangen, Germany; Paris, France"
        piece
        for r in view.descriptive_items()
        if "," in str(r["text"])
        for piece in _SITES_APART.split(_commas_out_of_names(str(r["text"])))
    ]
    # "Atlanta, Georgia" among "Newark, New Jersey" and "Boston, Massachusetts": the state
    us_sites = any(
        _place(site.rsplit(",", 1)[-1]) in _US_STATES - {"georgia"} for site in sites if "," in site
    )
    for text, is_site in [*((t, True) for t in sites), *((t, False) for t in prose)]:
        named = [names.get(_place(part)) for part in _LIST_PARTS.split(text)] if is_site else []
        # A line of countries: "United States, Germany, Spain", "Germany, Italy"; not "United
        # States, Georgia", ClinicalTrials.gov's heading over a state's sites.
        if (
            len(named) >= 2
            and all(named)
            and not ("United States" in named and _ALSO_US_STATES.intersection(named))
            # "Peru, United States": a US town named like a country (Peru IL, Lebanon NH)
            and not (named[-1] == "United States" and set(named[:-1]) <= _ALSO_US_TOWNS)
        ):
            found += [c for c in dict.fromkeys(named) if c is not None and c not in found]
            continue
        in_brackets = [
            names.get(m.group(1).strip().casefold()) for m in _IN_BRACKETS.finditer(text)
        ]
        if len(in_brackets) >= 2 and all(in_brackets):  # "Erlangen (Germany), Paris (France)"
            found += [c for c in dict.fromkeys(in_brackets) if c is not None and c not in found]
            continue
        if (
            is_site
            and (heading := _COUNTRY_SITES.match(text)) is not None
            and (country := names.get(_place(heading.group(1))))
            and country not in _ALSO_US_STATES  # "Georgia Sites": a state's
        ):  # "United States Locations" over its sites (as "Other Locations" over the rest)
            found += [country] if country not in found else []
            continue
        if is_site and ":" in text and (country := names.get(_place(text.split(":", 1)[0]))):
            found += [country] if country not in found else []  # "Germany: Erlangen; Berlin"
            continue
        if is_site and "(" in text and (country := names.get(_place(_BRACKETS.sub("", text)))):
            found += [country] if country not in found else []  # "Germany (Erlangen, Munich)"
            continue
        parts = [p.strip(" .") for p in text.split(",")]
        if len(parts) > 5 or len(text) > 160:
            continue
        zipped, zipped_at = False, ""
        while len(parts) > 1 and _DIGIT.search(parts[-1]):
            if _US_ZIP.fullmatch(parts[-1]) is not None:
                zipped, zipped_at = True, parts[-1]
            parts.pop()  # "Hangzhou, Zhejiang, China, 310003"
        last = _place(parts[-1])
        country = names.get(last)
        if (
            zipped
            and last in _US_STATES
            and (last != "georgia" or zipped_at.startswith("3"))  # Georgia's are 3xxxx
        ):
            country = "United States"  # "Atlanta, Georgia, 30342": a state and its ZIP code
        if country in _ALSO_US_STATES and (
            "United States" in (names.get(_place(p)) for p in parts) or us_sites
        ):
            country = "United States"  # "United States, Georgia": a state's sites
        if country is None and is_site and len(parts) > 1 and last in _US_STATES:
            country = "United States"  # "Newark, New Jersey": a US site with no country
        if country is None and is_site and (bracketed := _BRACKETED.search(parts[-1])):
            country = names.get(bracketed.group(1).strip().casefold())  # "Paris (France)"
        if country is None and is_site and len(parts) == 2:
            country = names.get(parts[0].casefold())  # "China, Zhejiang": a group of sites
        if country and country not in found:
            found.append(country)
    # "at three centres in Germany and Austria"; also beside an address-like sentence's last
    # part ("sites in Lyon, France and Basel, Switzerland" names two countries, not one).
    found += [c for c in prose_countries(view, names) if c not in found]
    if not found:  # a sponsor block's country (ChiCTR, ANZCTR) when the page names no site's
        found = [c for v in view.values("sponsor_country") if (c := names.get(_place(v)))]
    return sorted(found) or None


_COUNTRY_SITES = re.compile(r"^(.{2,40}?)\s+(?:locations|sites|centres|centers)$", re.IGNORECASE)


def _place(part: str) -> str:
    """A country name's lookup key: remarks ("(3 sites)") and flags or bullets around it gone."""
    part = _REMARK.sub("", part) if "(" in part else part
    return _AROUND_NAME.sub("", part).casefold()


def inferred_title(view: DocView) -> str | None:
    """A page's leading line that reads as a title (not a sentence, a label or site chrome).

    Only the top of the page is searched, and only until the first sentence:
    after that comes prose, whose short lines are addresses or captions.
    """
    preamble = [r for r in view.items if r["section"] == "preamble"][: _TITLE_SEARCH_LINES + 4]
    masthead = None  # "Biotech Daily — Cell Therapy": a site's name and section, if nothing else
    lines = [str(row["text"]).strip() for row in preamble]
    width = wrap_width(view.text)  # a page hard-wrapped at a width: a line cut where it ends
    for i, text in enumerate(lines[:_TITLE_SEARCH_LINES]):
        j = i + 1
        while (
            j < len(lines)
            and _next_line(view.text, preamble[j - 1], preamble[j])
            and _wraps_into(lines[j - 1], lines[j], text, j > i + 1, width)
        ):
            # "… in Patients With" / "Relapsed/Refractory Autoimmune Diseases": one title,
            # hard-wrapped (or one sentence, which the full stop then shows)
            text, j = join_wrapped(text, lines[j]), j + 1
        if text.endswith((".", "?", "!")):
            break
        if (
            len(text.split()) >= _TITLE_MIN_WORDS
            and len(text) <= 300
            and not text.endswith(":")
            and not _BREADCRUMB.search(text)
            and not is_boilerplate(text)
            and not _MASTHEAD.search(text)
            # a comma near the end: an address or a byline, unless the line names a trial
            and ("," not in text[-30:] or _A_TRIAL.search(text) is not None)
            and not _BYLINE.match(text)
        ):
            if _SITE_SECTION.search(text) and not _TRIAL_WORDS.search(text):
                masthead = masthead or text
                continue
            return _ID_PREFIX.sub("", text)
    return masthead


# Words a hard-wrapped line may stop on, the rest of its phrase on the next line.
_GOES_ON = re.compile(
    r"\b(?:with|of|and|in|for|the|a|an|to|on|by|after|versus|vs\.?|or|at|from|among)$", re.I
)
_WRAP_WIDTH = 50  # a line this long may have been wrapped


# A line under a title that is one of its own: an acronym, a byline, a site, a badge row.
_OWN_LINE = re.compile(
    r"^(?:(?-i:[A-Z0-9][A-Z0-9-]*)$|.*\s[|·•]\s"
    r"|(?:University|Hospital|Department|Institute|Sponsored|Published|Posted|Updated|Last"
    r"|Phase\s+\d|NCT\d)\b)",
    re.IGNORECASE,
)


def _wraps_into(line: str, nxt: str, joined: str, wrapping: bool, width: int | None) -> bool:
    """Whether ``nxt`` goes on with ``line``, a long line the page's width cut (``joined``:
    the lines read so far, ``line`` the last of them; ``wrapping``: more than one; ``width``:
    the page's wrap width, if it has one: ``nxt``'s first word would not have fitted)."""
    return (
        len(line) >= _WRAP_WIDTH
        and line[-1:] not in ".:;!?"
        and not _LABEL_START.match(nxt)
        and not is_boilerplate(nxt)
        and (
            nxt[:1].islower()
            or (width is not None and wraps_at(line, nxt, width) and not _OWN_LINE.match(nxt))
            or _GOES_ON.search(line) is not None
            or joined.count("(") > joined.count(")")
            # a wrapped paragraph's sentence ends there (not a title's explainer under it)
            or (wrapping and len(line) >= _FULL_LINE and nxt.endswith("."))
        )
    )


_FULL_LINE = 60


def _next_line(text: str, row: Row, nxt: Row) -> bool:
    """Whether ``nxt`` starts on the line right after ``row`` (no blank line between)."""
    end = int(row["norm_start"]) + len(str(row["text"]))  # type: ignore[arg-type]
    start = int(nxt["norm_start"])  # type: ignore[arg-type]
    # and at that line's start: "Phase 1 | Interventional" is a row of badges, not a wrap
    return (
        text.count("\n", end, start) == 1
        and not text[text.rfind("\n", 0, start) + 1 : start].strip()
    )


_LABEL_START = re.compile(r"^[^:：]{1,40}[:：]|^NCT\d", re.IGNORECASE)


_COUNTED = re.compile(r"^[^\W\d][^:]{0,30}:\s*\d+$")


def lead_sponsor(view: DocView) -> str | None:
    labelled = view.value("lead_sponsor")
    if labelled and _SAYS_WHO.search(labelled):  # "Who runs it?" / "It is run by X."
        labelled = sponsor_in_sentence(labelled)
    if labelled and not _COUNTED.match(labelled):  # a card's next line: "Trials: 12"
        return _without_address(_SPONSOR_LABEL_PREFIX.sub("", labelled))  # "Organization Name: X"
    listed = view.items_in("sponsors")
    collaborators = {  # "Collaborators" / "Foo Bio": not who leads the trial
        s["section_ordinal"]
        for s in (view.sections if listed else ())
        if s["section"] == "sponsors" and str(s["heading"] or "").lower().startswith("collaborat")
    }
    for row in listed:
        if row["section_ordinal"] in collaborators:
            continue
        text = _SPONSOR_LABEL_PREFIX.sub("", str(row["text"]).strip())  # "Organisation: X" (ISRCTN)
        if text[:1].islower():
            continue  # the wrapped end of an explainer: "… and learn" / "about their roles."
        if _names_an_organisation(text) and not is_boilerplate(text) and not is_placeholder(text):
            return _without_address(text)
    return None


# A sentence about the sponsor, not its name: "It is run by X.", "X is running this trial."
_SAYS_WHO = re.compile(r"\b(?:is|are|was|were|will)\s+\w+ing\b|\b(?:run|funded|sponsored)\s+by\b")
_SENTENCE_WORDS = 8  # a sponsor's name is shorter; "Co., Ltd." ends in a full stop too


def _names_an_organisation(text: str) -> bool:
    """Two words or more, or one name ("Sangath", "Novartis"): capitalised, no label."""
    words = text.split()
    if len(words) >= _SENTENCE_WORDS and text.endswith("."):
        return False  # "The trial is run by the Department of Neurology at …": a sentence
    if len(words) >= 2:
        return True
    return (
        len(words) == 1
        and text[:1].isupper()
        and text.isalpha()
        and text.casefold() not in _SPONSOR_BLOCK_WORDS  # ISRCTN's "Organisation" / "UCL"
        and normalize_label(text) not in FIELD_BY_TERM
        and normalize_label(text) not in SECTION_BY_TERM
    )


_SPONSOR_BLOCK_WORDS = frozenset(
    {"organisation", "organization", "institution", "institute", "name", "sponsor", "funder"}
    | {"affiliation", "address", "website", "type", "country", "details", "funding"}
)
# The part of a sponsor block that names it: "Organisation: Cambridge University Hospitals".
_SPONSOR_LABEL_PREFIX = re.compile(
    r"^(?:(?:organi[sz]ation|institut(?:e|ion)|company|sponsor)(?:\s+name)?|name)\s*[:：]\s*",
    re.IGNORECASE,
)


_NEXT_PART = re.compile(r"\s*;\s*[A-Z][A-Za-z ()/-]{1,40}:(?:\s.*)?$")


def _without_address(sponsor: str) -> str:
    """The sponsor's name without the address some registries print after it.

    "Universitätsklinikum Erlangen, Krankenhausstraße 12, 91054 Erlangen, Germany": the
    address starts at the first part after the name with a number (street, postcode).
    """
    sponsor = _NEXT_PART.sub("", sponsor)  # CTRI: "X; Address: …; Type of Sponsor: …"
    parts = sponsor.split(", ")
    cut = next((i for i, part in enumerate(parts[1:], 1) if _DIGIT.search(part)), None)
    return sponsor if cut is None else ", ".join(parts[:cut])


def _condition_part(part: str) -> str | None:
    """A part of a conditions value without its label: "Condition: Lupus nephritis" is the
    condition, "Health Type: Patients" (another label of the lexicon's) none."""
    labelled = _LABELLED_PART.match(part)
    if labelled is None:
        return part
    field = FIELD_BY_TERM.get(normalize_label(labelled["label"]))
    if field is None:
        return part  # "Lupus nephritis: class III or IV"
    return labelled["value"] if field == "condition" else None


_LABELLED_PART = re.compile(r"^(?P<label>[A-Za-z][\w /()-]{1,40}?)\s*:\s*(?P<value>\S.*)$")


def conditions(view: DocView) -> list[str] | None:
    """The conditions a field or a conditions section lists.

    Where a listed condition carries its disease code, only the coded ones are
    conditions: the other cells of such a table are its header and the kind
    of participant ("Health Type | Condition" / "Patients | (1) ICD-10 …").
    """
    texts = [*view.values("condition"), *(str(r["text"]) for r in view.items_in("conditions"))]
    parts = [part.strip(" .") for text in texts for part in re.split(r"[;\n]|\s\|\s", text)]
    # A list too long to be one name is a list parted by commas (a name may hold one:
    # "Lupus Erythematosus, Systemic", so a short value keeps its commas).
    parts = [p for part in parts for p in (part.split(", ") if len(part) >= 200 else [part])]
    if any(_DISEASE_CODE.match(part) for part in parts):
        parts = [part for part in parts if _DISEASE_CODE.match(part)]
    found: list[str] = []
    for labelled in parts:
        if (part := _condition_part(labelled)) is None:
            continue
        part = _MEDDRA_CODE.sub("", _DISEASE_CODE.sub("", part))
        part = english_half(part) or part  # "全身性エリテマトーデス / Systemic lupus …"
        if (
            part
            and not is_boilerplate(part)
            and not is_placeholder(part)  # "Conditions: N/A"
            and part not in found
            and len(part) < 200
        ):
            found.append(part)
    return found or None
