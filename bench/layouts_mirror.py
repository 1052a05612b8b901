"""Registry-mirror layouts: bare badge values under explainer boilerplate, and pipe tables.

The ctgov mirror prints enum values without labels ("NOT_YET_RECRUITING",
"SINGLE_GROUP"), explains every heading in a sentence addressed to the reader,
and lists related trials whose NCT ids are not the page's own.
"""

from __future__ import annotations

from bench import sections as sec
from bench import trial_fields as tf
from bench.layouts import _eligibility, _outcomes
from bench.page import Page
from bench.phrasing import date_text

_EXPLAINERS = {
    "Basic Information": "Get a concise snapshot of the trial, including recruitment status, "
    "study phase, enrollment targets, and key timeline milestones.",
    "Brief Summary": "Review the sponsor-provided synopsis that highlights what the study is "
    "about and why it is being conducted.",
    "Related Clinical Trials": "Explore similar clinical trials based on study characteristics "
    "and research focus.",
    "Conditions": "See the medical conditions and disease areas that this research is "
    "targeting or investigating.",
    "Study Design": "Understand how the trial is structured, including allocation methods, "
    "masking strategies, primary purpose, and other design elements.",
    "Study Groups": "Review each arm or cohort in the study, along with the interventions and "
    "objectives associated with them.",
    "Outcome Measures": "Learn about the measures the study team uses to judge safety and "
    "efficacy of the trial.",
    "Eligibility Criteria": "Check the participation requirements, including inclusion and "
    "exclusion rules, age limits, and whether healthy volunteers are accepted.",
    "Sponsors": "Meet the organizations funding or collaborating on the study and learn about "
    "their roles.",
    "Locations": "Explore where the study is taking place and check the recruitment status at "
    "each participating site.",
}
_RELATED = (
    "CD19 CAR-T in the Treatment of Relapsed/Refractory Autoimmune Diseases",
    "Sequential CAR-T Cells Targeting BCMA/CD19 in Refractory Lupus",
    "Anti-CD19-CD3E-CAR-T Cells in Relapsed/Refractory Autoimmune Disease",
)


def _heading(page: Page, name: str) -> None:
    page.say(name, _EXPLAINERS[name])


def ctgov_mirror(page: Page) -> None:
    rng, f = page.rng, page.facts
    page.say(f.title)
    page.state("title", f.title)
    if f.registry == "NCT":
        page.say(f"NCT ID: {f.registry_id}")
        page.state("nct_id", f.registry_id)
        page.state("trial_id", f.registry_id)
    else:
        page.state("nct_id", None)
    updated, gold = date_text(rng, f.dates["updated"], "iso")
    page.say(
        f"Last Updated: {updated}",
        "Study Results",
        "The study team has not published outcome measurements, participant flow, or "
        "safety data for this trial yet. Check back later for updates.",
    )
    _heading(page, "Basic Information")
    page.state("last_updated", gold)
    start, start_gold = date_text(rng, f.dates["start"], "iso")
    end, end_gold = date_text(rng, f.dates["end"], "iso")
    page.say(
        f.status, ", ".join(f.phases), f"{f.enrollment} participants", "INTERVENTIONAL", start, end
    )
    for name, value in (
        ("overall_status", f.status),
        ("phases", list(f.phases)),
        ("enrollment", f.enrollment),
        ("study_type", "INTERVENTIONAL"),
        ("start_date", start_gold),
    ):
        page.state(name, value)
    page.extra["any_end_date"] = end_gold
    _heading(page, "Brief Summary")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    if rng.random() < 0.6:
        _heading(page, "Related Clinical Trials")
        for title in rng.sample(_RELATED, 2):
            page.say(title, f"NCT07{rng.randint(0, 999_999):06d}")
    _heading(page, "Conditions")
    page.say(f.conditions[0])
    _heading(page, "Study Design")
    page.say(f.allocation, f.model, "TREATMENT", "NONE")
    tf.state_design(page)
    _heading(page, "Study Groups")
    sec.arms(page, typed=False, dose_style=1)
    if rng.random() < 0.7:
        _heading(page, "Outcome Measures")
        _outcomes(page, "block")
    _heading(page, "Eligibility Criteria")
    _eligibility(page, "1.")
    page.say(f"{f.min_age} Years", *([f"{f.max_age} Years"] if f.max_age else []), f.sex, "No")
    for name, value in (
        ("min_age_years", f.min_age),
        ("max_age_years", f.max_age),
        ("sex", f.sex),
        ("healthy_volunteers", False),
    ):
        page.state(name, value)
    _heading(page, "Sponsors")
    page.say(f.sponsor, rng.choice(("INDUSTRY", "OTHER")))
    page.state("lead_sponsor", f.sponsor)
    _heading(page, "Locations")
    sec.locations(page)


def pipe_table(page: Page) -> None:
    """Facts in a two-column markdown table, criteria as dash bullets."""
    rng = page.rng
    page.say(f"## {page.facts.title}", "", "| Field | Value |", "|---|---|")
    page.state("title", page.facts.title)
    tf.registry(page)
    tf.status(page)
    tf.phase(page)
    tf.study_type(page)
    tf.enrollment(page)
    tf.dates(page, rng.choice(("iso", "long", "dmy")))
    tf.sex(page)
    tf.ages(page)
    tf.sponsor(page)
    page.say("", "### Summary", "")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    page.say("", "### Study Arms", "")
    sec.arms(page, typed=True, dose_style=rng.randrange(6))
    page.say("", "### Eligibility", "")
    _eligibility(page, "-")
    page.say("")
    _outcomes(page, "block")
    page.say("", "Loading...")
