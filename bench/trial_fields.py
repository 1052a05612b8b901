"""Writers for the trial-level facts, in the page's field style, each recording its gold.

Label spellings are ones the heading/label lexicon knows, so a miss measures the
value parsers and the segmenter, not an unknown vocabulary.
"""

from __future__ import annotations

from bench.page import Page
from bench.phrasing import (
    ALLOCATION_TEXT,
    MODEL_TEXT,
    PHASE_TEXT,
    SEX_TEXT,
    STATUS_TEXT,
    date_text,
    pick,
)

_DATE_LABELS = {
    "start": ("start_date", ("Start Date", "Study Start", "Trial start", "Study Start Date")),
    "pcd": ("primary_completion_date", ("Primary Completion Date", "Primary Completion")),
    "end": ("completion_date", ("Completion Date", "Study Completion", "Trial end", "End date")),
    "updated": ("last_updated", ("Last Updated", "Last Update Posted", "Updated at")),
}
_PLACEHOLDERS = ("N/A", "Not available", "Not provided")


def registry(page: Page) -> None:
    f = page.facts
    if f.registry == "NCT":
        page.field("registry", ("NCT ID", "NCT Number", "ClinicalTrials.gov ID"), f.registry_id)
        page.state("nct_id", f.registry_id)
        page.state("trial_id", f.registry_id)
        return
    page.state("nct_id", None)
    if f.registry == "ChiCTR":
        page.field("registry", ("Registration number", "Registry ID", "Trial ID"), f.registry_id)
        page.state("trial_id", f.registry_id)


def status(page: Page) -> None:
    page.field(
        "status",
        ("Status", "Overall Status", "Recruitment Status", "Study Status"),
        pick(page.rng, STATUS_TEXT, page.facts.status),
    )
    page.state("overall_status", page.facts.status)


def phase(page: Page) -> None:
    page.field(
        "phase",
        ("Phase", "Study Phase", "Trial Phase"),
        pick(page.rng, PHASE_TEXT, page.facts.phases),
    )
    page.state("phases", list(page.facts.phases))


def study_type(page: Page) -> None:
    page.field(
        "study_type",
        ("Study Type", "Type of study"),
        page.rng.choice(("Interventional", "INTERVENTIONAL")),
    )
    page.state("study_type", "INTERVENTIONAL")


def enrollment(page: Page) -> None:
    f, rng = page.facts, page.rng
    roll = rng.random()
    labels = ("Enrollment", "Target enrollment", "Sample size", "Number of participants")
    if roll < 0.06:
        page.field("enrollment", labels, rng.choice(_PLACEHOLDERS))
        page.state("enrollment", None)
        return
    page.state("enrollment", f.enrollment)
    if roll < 0.5:
        word = f.enrollment_type.capitalize()
        page.field("enrollment", labels, f"{f.enrollment} ({word})")
        page.state("enrollment_type", f.enrollment_type)
    else:
        page.field(
            "enrollment", labels, rng.choice((str(f.enrollment), f"{f.enrollment} participants"))
        )


def dates(page: Page, style: str, chance: float = 0.85, keys: tuple[str, ...] = ()) -> None:
    for key, (name, labels) in _DATE_LABELS.items():
        if (keys and key not in keys) or page.rng.random() > chance:
            continue
        text, gold = date_text(page.rng, page.facts.dates[key], style)
        if key != "updated" and page.rng.random() < 0.3:
            text += page.rng.choice((" (Estimated)", " (Actual)"))
        page.field(key, labels, text)
        page.state(name, gold)


def ages(page: Page) -> None:
    f, rng = page.facts, page.rng
    high = f.max_age
    if rng.random() < 0.5:
        low_text = rng.choice((f"{f.min_age} Years", str(f.min_age)))
        high_text = "N/A" if high is None else rng.choice((f"{high} Years", str(high)))
        page.field("min_age", ("Minimum Age", "Min Age"), low_text)
        page.field("max_age", ("Maximum Age", "Max Age"), high_text)
    elif high is None:
        page.field(
            "ages",
            ("Ages", "Age"),
            rng.choice((f"{f.min_age} Years and older", f"{f.min_age} Years to N/A")),
        )
    else:
        page.field(
            "ages",
            ("Ages", "Age range", "Ages Eligible for Study"),
            rng.choice((f"{f.min_age} Years to {high} Years", f"{f.min_age}-{high} years")),
        )
    page.state("min_age_years", f.min_age)
    page.state("max_age_years", high)


def sex(page: Page) -> None:
    page.field("sex", ("Sex", "Gender", "Sexes Eligible"), pick(page.rng, SEX_TEXT, page.facts.sex))
    page.state("sex", page.facts.sex)


def healthy_volunteers(page: Page) -> None:
    page.field(
        "healthy_volunteers",
        ("Healthy Volunteers", "Accepts Healthy Volunteers"),
        page.rng.choice(("No", "No", "f")),
    )
    page.state("healthy_volunteers", False)


def sponsor(page: Page) -> None:
    page.field("sponsor", ("Sponsor", "Lead Sponsor", "Sponsored by"), page.facts.sponsor)
    page.state("lead_sponsor", page.facts.sponsor)


def acronym(page: Page) -> None:
    if page.facts.acronym:
        page.field("acronym", ("Acronym", "Short name"), page.facts.acronym)
        page.state("acronym", page.facts.acronym)


def design(page: Page) -> None:
    f, rng = page.facts, page.rng
    page.field("allocation", ("Allocation",), pick(rng, ALLOCATION_TEXT, f.allocation))
    page.field(
        "intervention_model",
        ("Intervention Model", "Interventional model"),
        pick(rng, MODEL_TEXT, f.model),
    )
    page.field(
        "primary_purpose", ("Primary Purpose", "Purpose"), rng.choice(("Treatment", "TREATMENT"))
    )
    page.field(
        "masking", ("Masking", "Blinding"), rng.choice(("None (Open Label)", "NONE", "Open label"))
    )
    state_design(page)


def state_design(page: Page) -> None:
    """Record the design values every layout writes (generated trials are open-label treatment)."""
    f = page.facts
    for name, value in (
        ("allocation", f.allocation),
        ("intervention_model", f.model),
        ("primary_purpose", "TREATMENT"),
        ("masking", "NONE"),
    ):
        page.state(name, value)
