"""Shapes met on registry mirrors and trial finders: what each must give.

Each case is cut down from a longer page written the way a site shows a trial; the
test states the facts a reader takes from it.
"""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial

HEAD = "NCT07100001\nTitle: {title}\n\nBrief Summary\n"


@pytest.mark.parametrize(
    ("title", "summary", "antigens"),
    [
        # a past treatment, a marker counted in blood, cells' own markers: not targets
        (
            "BCMA CAR-T in myasthenia gravis",
            "Patients who failed anti-CD20 therapy (rituximab) receive BCMA CAR-T cells.",
            ["BCMA"],
        ),
        (
            "BCMA-directed mRNA CAR-T in myasthenia gravis",
            "B-cell aplasia will be monitored by counting CD19+ B cells in blood.",
            ["BCMA"],
        ),
        (
            "Allogeneic CD19 CAR-T and CAR-NK in SLE",
            "Donor T cells are CD45RA-depleted and CD52 knocked out; NK cells are CD56+CD3-. "
            "Exploratory: CD38hi plasmablasts.",
            ["CD19"],
        ),
        ("CD19CAR-T in refractory lupus", "A single infusion.", ["CD19"]),
        # a run of targets shares its words
        ("A study in lupus", "T cells targeting CD19 and BCMA are given once.", ["BCMA", "CD19"]),
        ("CD19/BCMA dual-targeted CAR-T in SLE", "One infusion.", ["BCMA", "CD19"]),
        ("Anti-CD19 and CD20 tandem chimeric antigen receptor T cells", "Once.", ["CD19", "CD20"]),
        # with no mention written as a target, every antigen named is kept
        ("Cell therapy in lupus", "The product is a CD19 product given once.", ["CD19"]),
    ],
)
def test_target_antigens_are_what_the_car_targets(
    title: str, summary: str, antigens: list[str]
) -> None:
    trial = page_trial(HEAD.format(title=title) + summary + "\n")
    assert trial["target_antigens"] == antigens


@pytest.mark.parametrize(
    ("body", "agents"),
    [
        # ClinicalTrials.gov lists the chemotherapy of a CAR-T trial as interventions
        (
            "Interventions\nDrug: Cyclophosphamide\nGiven IV\nDrug: Fludarabine\nGiven IV\n"
            "Biological: CD19 CAR T Cells\nGiven IV\n",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Brief Summary\nPatients receive FC lymphodepletion followed by CD19 CAR-T cells.\n",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Brief Summary\nParticipants will receive fludarabine and cyclophosphamide, "
            "followed by KYV-101.\n",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Brief Summary\nCells are infused after a 3-day course of fludarabine plus "
            "cyclophosphamide.\n",
            ["cyclophosphamide", "fludarabine"],
        ),
        # not a CAR-T trial: cyclophosphamide is the treatment itself
        ("Interventions\nDrug: Cyclophosphamide\nGiven IV\nDrug: Rituximab\nGiven IV\n", None),
    ],
)
def test_lymphodepletion_written_as_sites_write_it(body: str, agents: list[str] | None) -> None:
    trial = page_trial("NCT07100002\nTitle: A trial in lupus nephritis\n\n" + body)
    assert trial["lymphodepletion_agents"] == agents


def test_explainers_and_links_of_clinicaltrials_gov_are_no_criteria() -> None:
    page = (
        "Chewing and Oral Processing of Solid Food\nParticipation Criteria\n"
        "For general information about clinical research, read Learn About Studies.\n"
        "Eligibility Criteria\nGo to\nInclusion Criteria:\n\n* Healthy adults under age 60\n\n"
        "Exclusion Criteria:\n\n* Type 1 Diabetes\n* Current use of dentures\n"
    )
    criteria = page_marts(page)["criteria"]
    assert criteria.select("criterion_type", "text").rows() == [
        ("INCLUSION", "Healthy adults under age 60"),
        ("EXCLUSION", "Type 1 Diabetes"),
        ("EXCLUSION", "Current use of dentures"),
    ]
