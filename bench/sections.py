"""Sections shared by the layouts: eligibility lists, outcomes, arms, locations, summary.

Each writer takes its stylistic choices as arguments (marker, heading spelling,
inline or listed) so layouts differ in form while gold stays exact.
"""

from __future__ import annotations

import textwrap

from bench import banks
from bench.criteria_bank import Criterion
from bench.page import Page
from bench.phrasing import dose_text, time_frame

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ARM_DESCRIPTIONS = (
    "Participants in this cohort receive a single intravenous infusion of {product}.",
    "Subjects receive {product} and are observed in hospital after the infusion.",
    "The cohort opens after the safety review of the previous cohort.",
)
MARKERS = ("•", "-", "*", "1.", "(1)", "a)", "1)")
INCLUSION_HEADINGS = (
    "Inclusion Criteria",
    "Inclusion criteria",
    "Key Inclusion Criteria",
    "Main inclusion criteria",
)
EXCLUSION_HEADINGS = (
    "Exclusion Criteria",
    "Exclusion criteria",
    "Key Exclusion Criteria",
    "Main exclusion criteria",
)
PRIMARY_HEADINGS = (
    "Primary Outcome Measures",
    "Primary endpoint",
    "Primary Outcomes",
    "Primary Endpoints",
)
SECONDARY_HEADINGS = ("Secondary Outcome Measures", "Secondary endpoints", "Secondary Outcomes")


def _marker(style: str, i: int) -> str:
    if style in ("•", "-", "*"):
        return style + " "
    if style == "a)":
        return _LETTERS[i % 26] + ") "
    return {"1.": f"{i + 1}. ", "(1)": f"({i + 1}) ", "1)": f"{i + 1}) "}[style]


def criteria_list(
    page: Page,
    kind: str,
    items: list[Criterion],
    heading: str,
    *,
    marker: str,
    inline: bool = False,
    gap: bool = False,
    wrap: bool = False,
) -> None:
    """One criteria list under its heading; gold counts and thresholds follow the items."""
    end = page.rng.choice((";", ".", ""))
    if inline:
        body = " ".join(f"{i + 1}. {c.text}{end or ';'}" for i, c in enumerate(items))
        page.say(f"{heading}: {body}")
    else:
        page.say(heading)
        for i, c in enumerate(items):
            text = _marker(marker, i) + c.text + end
            page.say(*(textwrap.wrap(text, 80) if wrap and len(text) > 90 else (text,)))
            if gap:
                page.say("")
    page.counts[f"{kind.lower()}_count"] = [len(items), len(items)]
    for c in items:
        for concept, op, value, unit in c.thresholds:
            page.thresholds.append(
                {
                    "kind": kind,
                    "concept": concept,
                    "operator": op,
                    "value": int(value) if value.is_integer() else value,
                    "unit": unit,
                }
            )


def endpoints(page: Page, form: str, headings: tuple[str, str]) -> None:
    """Outcome measures grouped under primary/secondary headings."""
    rng = page.rng
    current = None
    for n, ep in enumerate(page.facts.endpoints):
        if ep.kind != current:
            current = ep.kind
            page.say(headings[0] if ep.kind == "PRIMARY" else headings[1])
        # A block without its "Time frame" line would run into the next measure, so only the
        # one-line bracket form may leave the time frame out.
        missing = form == "bracket" and rng.random() < 0.1
        frame, days = (None, None) if missing else time_frame(rng)
        if form == "bracket":
            tail = f" [Time Frame: {frame}]" if frame else ""
            page.say(f"{n + 1}. {ep.measure}{tail}")
        else:
            page.say(ep.measure)
            if ep.description:
                page.say(ep.description)
            if frame:
                page.say(f"{rng.choice(('Time frame', 'Time Frame', 'Timeframe'))}: {frame}")
        page.endpoints.append({"type": ep.kind, "measure": ep.measure, "time_frame_days": days})


def dose_sentence(page: Page, doses: tuple[float, ...], style: int) -> str:
    """A sentence stating ``doses``; the doses enter gold."""
    texts = []
    for value in doses:
        text, unit = dose_text(page.rng, value, page.facts.dose_unit, style)
        page.doses[(value, unit)] = None
        texts.append(text)
    if len(texts) == 1:
        return f"Participants receive a single infusion of {texts[0]}."
    if page.rng.random() < 0.5:
        return f"Dosage: {'; '.join(texts)}"
    words = {2: "Two", 3: "Three", 4: "Four"}[len(texts)]
    return (
        f"{words} dose groups ({', '.join(texts)}) were set up, starting from the low dose "
        "group climbing to explore the safe and effective dose."
    )


def lymphodepletion(page: Page) -> str | None:
    agents = page.facts.agents
    if not agents:
        return None
    page.state("lymphodepletion_agents", sorted(agents))
    return (
        f"Following lymphodepletion with {' and '.join(agents)}, participants receive "
        f"{page.facts.product}."
    )


def arms(page: Page, typed: bool, dose_style: int, repeat_doses: bool = False) -> None:
    """Arm blocks: label (typed "Experimental: ..." or bare), intervention, description."""
    page.arms_count = len(page.facts.arms)
    for i, arm in enumerate(page.facts.arms):
        page.say(f"Experimental: {arm.label}" if typed else arm.label)
        page.arms.append(
            {"label": arm.label, "arm_type": arm.arm_type} if typed else {"label": arm.label}
        )
        page.say(f"Biological: {arm.intervention}")
        if i == 0 and (ld := lymphodepletion(page)):
            page.say(ld)
        if arm.doses:
            page.say(dose_sentence(page, arm.doses, dose_style))
        elif i > 0 or not page.facts.agents:
            # Every arm has a description; bare label lines in a row would read as one arm.
            page.say(page.rng.choice(_ARM_DESCRIPTIONS).format(product=arm.intervention))


def locations(page: Page) -> None:
    for facility, city, region, country, _ in page.facts.sites:
        page.say(facility, f"{city}, {region}, {country}")
    page.state("countries", sorted({s[4] for s in page.facts.sites}))


def summary(page: Page, sentences: int) -> None:
    rng, f = page.rng, page.facts
    first = banks.SUMMARY_SENTENCES[0].format(product=f.product, condition=f.conditions[0])
    rest = rng.sample(banks.SUMMARY_SENTENCES[1:], sentences)
    page.say(" ".join((first, *rest)))


def pad_sentences(page: Page, need: int) -> list[str]:
    """Fact-free description sentences totalling about ``need`` characters, each template
    once before any repeats."""
    bank, f = banks.DETAIL_TEMPLATES, page.facts
    order = page.rng.sample(range(len(bank)), len(bank))
    out: list[str] = []
    while need > 0:
        template = bank[order[len(out) % len(bank)]]
        out.append(template.format(product=f.product, condition=f.conditions[0]))
        need -= len(out[-1]) + 1
    return out
