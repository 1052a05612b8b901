"""The facts of one synthetic trial, drawn from a seeded random stream.

Facts are drawn before any text is written, so every layout renders the same kind
of trial and the gold is the subset of facts a layout chose to state.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench import banks
from bench.criteria_bank import Criterion, age_criterion, draw_criteria

STATUSES = (
    "RECRUITING",
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ACTIVE_NOT_RECRUITING",
    "COMPLETED",
    "ENROLLING_BY_INVITATION",
    "TERMINATED",
    "WITHDRAWN",
    "SUSPENDED",
)
PHASES = (("EARLY_PHASE1",), ("PHASE1",), ("PHASE1",), ("PHASE1", "PHASE2"), ("PHASE2",))
_ID_SPACE = 3_000_000  # registry ids are a bijection of the page index within this space
_ID_STRIDE = 7919  # prime, coprime with the space


@dataclass(frozen=True)
class Arm:
    label: str
    arm_type: str
    intervention: str
    doses: tuple[float, ...]


@dataclass(frozen=True)
class Endpoint:
    kind: str  # PRIMARY | SECONDARY
    measure: str
    description: str | None


@dataclass
class TrialFacts:
    """Everything a page may say about its trial; layouts pick what to state."""

    registry: str  # NCT | ChiCTR | none
    registry_id: str | None
    title: str
    acronym: str | None
    status: str
    phases: tuple[str, ...]
    allocation: str
    model: str
    masking: str
    enrollment: int
    enrollment_type: str
    dates: dict[str, dt.date]
    min_age: int
    max_age: int | None
    sex: str
    sponsor: str
    sites: list[tuple[str, str, str, str, str]]
    conditions: list[str]
    antigens: tuple[str, ...]
    product: str
    agents: tuple[str, ...]
    dose_unit: str  # cells/kg | cells
    arms: list[Arm]
    endpoints: list[Endpoint]
    inclusion: list[Criterion]
    exclusion: list[Criterion]
    extra: dict[str, object] = field(default_factory=dict)


def _registry(rng: random.Random, index: int, seed: int) -> tuple[str, str | None]:
    slot = (index * _ID_STRIDE + seed * 104_729) % _ID_SPACE
    roll = rng.random()
    if roll < 0.5:
        return "NCT", f"NCT0{4_000_000 + slot:07d}"
    if roll < 0.75:
        return "ChiCTR", f"ChiCTR{rng.randint(20, 25)}{slot:08d}"
    return "none", None


def _dates(rng: random.Random) -> dict[str, dt.date]:
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2400))
    pcd = start + dt.timedelta(days=rng.randint(300, 1100))
    end = pcd + dt.timedelta(days=rng.choice((0, 0, 90, 180, 365)))
    updated = start + dt.timedelta(days=rng.randint(-120, 400))
    return {"start": start, "pcd": pcd, "end": end, "updated": updated}


def _arms(rng: random.Random, product: str, dose_unit: str) -> list[Arm]:
    count = rng.choice((1, 1, 1, 2, 2, 3))
    levels = rng.choice(((1e5, 3e5, 1e6), (5e5, 1e6, 2e6), (1e6, 2e6, 3e6, 5e6), (2e5, 5e5)))
    if dose_unit == "cells":
        levels = tuple(v * 100 for v in levels)
    n_doses = rng.choice((0, 1, 2, 3, len(levels)))
    doses = sorted(rng.sample(levels, min(n_doses, len(levels))))
    if count == 1:
        return [
            Arm(
                rng.choice(("CAR-T treatment group", "Treatment group", f"{product} infusion")),
                "EXPERIMENTAL",
                product,
                tuple(doses),
            )
        ]
    arms = []
    per = [doses[i::count] for i in range(count)]
    for i in range(count):
        arms.append(Arm(f"Dose level {i + 1}", "EXPERIMENTAL", product, tuple(per[i])))
    return arms


def draw_facts(rng: random.Random, index: int, seed: int) -> TrialFacts:
    registry, registry_id = _registry(rng, index, seed)
    antigens = rng.choice(banks.ANTIGEN_SETS)
    product = rng.choice(banks.PRODUCTS).format(ag="/".join(antigens))
    condition = rng.choice(banks.CONDITIONS)
    qualifier = rng.choice(banks.QUALIFIERS)
    title = " ".join(
        w
        for w in (
            rng.choice(banks.TITLE_OPENERS),
            product,
            "in",
            rng.choice(banks.POPULATIONS),
            qualifier,
            condition,
        )
        if w
    )
    title = title.replace("With Refractory Refractory", "With Refractory")
    children = "Children" in title
    min_age = rng.choice((2, 5, 6)) if children else rng.choice((12, 16, 18, 18, 18))
    max_age = rng.choice((17, 18)) if children else rng.choice((60, 65, 70, 75, None))
    dose_unit = rng.choice(("cells/kg", "cells/kg", "cells/kg", "cells"))
    arms_out = _arms(rng, product, dose_unit)
    n_arms = len(arms_out)
    sites = []
    for city, region, country, english in rng.sample(banks.SITES, rng.randint(1, 3)):
        facility = rng.choice(banks.FACILITY_FORMS).format(c=city)
        sites.append((facility, city, region, country, english))
    endpoints = [
        Endpoint(kind, measure, rng.choice((None, *banks.ENDPOINT_DESCRIPTIONS)))
        for kind, measure in zip(
            ["PRIMARY"] * rng.randint(1, 2) + ["SECONDARY"] * rng.randint(0, 4),
            rng.sample(banks.ENDPOINT_MEASURES, 6),
            strict=False,
        )
    ]
    inclusion = draw_criteria(rng, "INCLUSION", banks.INCLUSION_FILLERS)
    inclusion.insert(rng.randint(0, 1), age_criterion(rng, min_age, max_age))
    return TrialFacts(
        registry=registry,
        registry_id=registry_id,
        title=title,
        acronym=rng.choice(banks.ACRONYMS) + str(rng.randint(1, 99))
        if rng.random() < 0.4
        else None,
        status=rng.choice(STATUSES),
        phases=rng.choice(PHASES),
        allocation="NON_RANDOMIZED" if n_arms > 1 else rng.choice(("NA", "NON_RANDOMIZED")),
        model="SINGLE_GROUP" if n_arms == 1 else rng.choice(("PARALLEL", "SEQUENTIAL")),
        masking="NONE",
        enrollment=rng.randint(6, 120),
        enrollment_type=rng.choice(("ESTIMATED", "ACTUAL")),
        dates=_dates(rng),
        min_age=min_age,
        max_age=max_age,
        sex=rng.choice(("ALL", "ALL", "ALL", "FEMALE", "MALE")),
        sponsor=rng.choice(banks.SPONSOR_FORMS).format(p=rng.choice(banks.SPONSOR_PLACES)),
        sites=sites,
        conditions=[condition],
        antigens=tuple(sorted(antigens)),
        product=product,
        agents=rng.choice(
            (
                (),
                ("cyclophosphamide", "fludarabine"),
                ("cyclophosphamide",),
                ("fludarabine", "cyclophosphamide"),
                ("bendamustine",),
            )
        ),
        dose_unit=dose_unit,
        arms=arms_out,
        endpoints=endpoints,
        inclusion=inclusion,
        exclusion=draw_criteria(rng, "EXCLUSION", banks.EXCLUSION_FILLERS),
    )
