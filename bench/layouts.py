"""Layout renderers: the same kind of trial written as different sites write it.

Each renderer fills a ``Page``; its field style, heading spellings, bullets, escapes,
boilerplate and missing sections are drawn per page. ``LAYOUTS`` names them all.
"""

from __future__ import annotations

from collections.abc import Callable

from bench import sections as sec
from bench import trial_fields as tf
from bench.page import Page
from bench.phrasing import DATE_STYLES, PHASE_TEXT, pick
from bench.sections import EXCLUSION_HEADINGS, INCLUSION_HEADINGS, MARKERS


def _eligibility(page: Page, marker: str, **opts: bool) -> None:
    rng, f = page.rng, page.facts
    sec.criteria_list(
        page, "INCLUSION", f.inclusion, rng.choice(INCLUSION_HEADINGS), marker=marker, **opts
    )
    page.boilerplate(0.1)
    sec.criteria_list(
        page, "EXCLUSION", f.exclusion, rng.choice(EXCLUSION_HEADINGS), marker=marker, **opts
    )


def _outcomes(page: Page, form: str) -> None:
    rng = page.rng
    sec.endpoints(
        page, form, (rng.choice(sec.PRIMARY_HEADINGS), rng.choice(sec.SECONDARY_HEADINGS))
    )


def label_block(page: Page) -> None:
    """Label on one line, value on the next (a trial-finder site)."""
    rng = page.rng
    page.say("Clinical trial", "", page.facts.title, "")
    page.state("title", page.facts.title)
    tf.acronym(page)
    page.say("Description")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    tf.registry(page)
    page.say("Trial arms")
    sec.arms(page, typed=False, dose_style=rng.randrange(6))
    tf.dates(page, rng.choice(DATE_STYLES), keys=("start", "pcd", "end"))
    tf.status(page)
    tf.phase(page)
    tf.enrollment(page)
    _outcomes(page, "block")
    page.say("Eligibility criteria")
    _eligibility(page, rng.choice(MARKERS), inline=rng.random() < 0.4)
    if rng.random() < 0.5:
        _protocol_record(page)
    page.say("Updated at", page.facts.dates["updated"].isoformat())
    page.state("last_updated", page.facts.dates["updated"].isoformat())
    page.say("", "1 organization", "", "1 product")


def _protocol_record(page: Page) -> None:
    """A registry record dumped as a Python dict on one line (single quotes, like a repr)."""
    f = page.facts
    record = {
        "studyType": "INTERVENTIONAL",
        "phases": list(f.phases),
        "designInfo": {
            "allocation": f.allocation,
            "interventionModel": f.model,
            "primaryPurpose": "TREATMENT",
            "maskingInfo": {"masking": "NONE"},
        },
        "enrollmentInfo": {"count": f.enrollment, "type": f.enrollment_type},
    }
    page.say("Protocol", repr(record))
    for name, value in (
        ("study_type", "INTERVENTIONAL"),
        ("phases", list(f.phases)),
        ("allocation", f.allocation),
        ("intervention_model", f.model),
        ("primary_purpose", "TREATMENT"),
        ("masking", "NONE"),
        ("enrollment", f.enrollment),
        ("enrollment_type", f.enrollment_type),
    ):
        page.state(name, value)


def label_colon(page: Page) -> None:
    """ "Label: value" lines, bullets with blank lines between criteria."""
    rng = page.rng
    page.say(page.facts.title, "")
    page.state("title", page.facts.title)
    tf.registry(page)
    tf.status(page)
    tf.study_type(page)
    tf.phase(page)
    page.say(rng.choice(("SUMMARY", "Summary", "Brief Summary")), "")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    page.say("", rng.choice(("Eligibility", "Participation Requirements")))
    tf.sex(page)
    tf.ages(page)
    tf.healthy_volunteers(page)
    page.boilerplate(0.5)
    _eligibility(page, rng.choice(("•", "•", "-", "*")), gap=rng.random() < 0.6)
    page.say("Locations")
    sec.locations(page)
    page.say("Time Frame")
    tf.dates(page, rng.choice(DATE_STYLES))
    page.say("Participants")
    tf.enrollment(page)
    page.say("Treatments")
    sec.arms(page, typed=True, dose_style=rng.randrange(6))
    _outcomes(page, "block")
    page.say("Sponsors")
    tf.sponsor(page)
    page.say("", "This content was sourced from clinicaltrials.gov")


def markdown_bold(page: Page) -> None:
    """Bold markdown labels, headings with #, outcomes with [Time Frame: ...]."""
    rng = page.rng
    page.say(f"# {page.facts.title}", "")
    page.state("title", page.facts.title)
    tf.registry(page)
    tf.status(page)
    tf.phase(page)
    tf.study_type(page)
    tf.enrollment(page)
    tf.dates(page, rng.choice(DATE_STYLES))
    tf.sponsor(page)
    page.say("", "## Brief Summary", "")
    sec.summary(page, rng.randint(1, 4))
    page.mark_padding()
    page.say("", "## Arms and Interventions", "", "| Arm | Intervention |", "|-----|-----|")
    sec.arms(page, typed=True, dose_style=rng.randrange(6))
    page.say("", "## Outcome Measures", "")
    sec.endpoints(
        page, "bracket", ("### Primary Outcome Measures", "### Secondary Outcome Measures")
    )
    page.say("", "## Eligibility Criteria", "")
    tf.ages(page)
    tf.sex(page)
    tf.healthy_volunteers(page)
    page.say("")
    _eligibility(page, rng.choice(("-", "*", "1.", "(1)")))
    page.say("", "## Locations")
    sec.locations(page)
    page.say("", "<!-- page footer -->", "Loading...", "Powered by AI")


def front_matter(page: Page) -> None:
    """YAML front matter with ids and enums, then a label-on-next-line body."""
    rng, f = page.rng, page.facts
    page.say("---")
    if f.registry_id:
        page.say(f"registry_id: {f.registry_id}")
        page.state("trial_id", f.registry_id)
    page.state("nct_id", f.registry_id if f.registry == "NCT" else None)
    page.say(f"status: {pick(rng, tf.STATUS_TEXT, f.status)}")
    page.say(f"phase: {pick(rng, PHASE_TEXT, f.phases)}", "---")
    page.state("overall_status", f.status)
    page.state("phases", list(f.phases))
    page.say(f.title, "")
    page.state("title", f.title)
    tf.study_type(page)
    tf.enrollment(page)
    tf.sex(page)
    tf.ages(page)
    tf.dates(page, rng.choice(DATE_STYLES))
    page.say("Brief summary")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    page.say("", "Arms")
    sec.arms(page, typed=rng.random() < 0.5, dose_style=rng.randrange(6))
    page.say("")
    _eligibility(page, rng.choice(MARKERS))
    page.say("")
    _outcomes(page, "block")


def bilingual(page: Page) -> None:
    """Chinese then English label lines, as on Chinese registry mirrors."""
    rng = page.rng
    page.say(page.facts.title, "")
    page.state("title", page.facts.title)
    tf.registry(page)
    tf.status(page)
    tf.phase(page)
    tf.study_type(page)
    tf.enrollment(page)
    tf.sex(page)
    tf.ages(page)
    tf.dates(page, rng.choice(("iso", "month", "slash")))
    page.say("研究目的", "Brief summary")
    sec.summary(page, rng.randint(1, 3))
    page.mark_padding()
    page.say("干预措施", "Arms")
    sec.arms(page, typed=False, dose_style=rng.randrange(6))
    marker = rng.choice(("1.", "(1)", "1)"))
    for kind, cn, headings in (
        ("INCLUSION", "纳入标准", INCLUSION_HEADINGS),
        ("EXCLUSION", "排除标准", EXCLUSION_HEADINGS),
    ):
        items = page.facts.inclusion if kind == "INCLUSION" else page.facts.exclusion
        sec.criteria_list(page, kind, items, f"{cn}\n{rng.choice(headings)}", marker=marker)
    _outcomes(page, "block")


LAYOUTS: dict[str, Callable[[Page], None]] = {
    "label_block": label_block,
    "label_colon": label_colon,
    "markdown_bold": markdown_bold,
    "front_matter": front_matter,
    "bilingual": bilingual,
}
FIELD_STYLE = {
    "label_block": "block",
    "label_colon": "colon",
    "markdown_bold": "bold",
    "front_matter": "block",
    "bilingual": "bilingual",
    "ctgov_mirror": "block",
    "pipe_table": "table",
}
