"""Chrome that converters and browsers leave around real ClinicalTrials.gov pages: skip
links, footers' link strips, a mirror's source note, a printed page's header and footer,
a markdown rule after a list, aligned label rows, links split onto their own lines."""

from __future__ import annotations

import pytest

from tests.transforms.page_build import page_marts, page_trial


@pytest.mark.parametrize(
    "skip",
    [
        "[Skip to main page content](#main-content)",
        "[Skip to main page content](https://clinicaltrials.gov/study/NCT02210780#main-content)",
        "Skip to main page content",
    ],
)
def test_a_skip_link_is_no_title(skip: str) -> None:
    page = f"{skip}\n\n# Study of Dupilumab in Adults With Atopic Dermatitis\n\nNCT02210780\n"
    assert page_trial(page)["title"] == "Study of Dupilumab in Adults With Atopic Dermatitis"


def _criteria(page: str) -> list[str]:
    return page_marts(page)["criteria"]["text"].to_list()


def test_a_footer_after_the_criteria_is_no_criterion() -> None:
    page = (
        "NCT03630471\n\nExclusion criteria:\n\n* Unable to communicate clearly\n"
        "* Intoxicated at the point of consent\n\n"
        "Source: ClinicalTrials.gov record NCT03630471. Last synchronised 2021-03-01.\n"
        "Imprint | Privacy | Contact | Newsletter\n"
    )
    assert _criteria(page) == [
        "Unable to communicate clearly",
        "Intoxicated at the point of consent",
    ]


def test_a_rule_after_a_blank_line_ends_the_list() -> None:
    page = (
        "NCT04207047\n\nExclusion Criteria:\n\n1. History of chronic drug abuse.\n\n---\n"
        "Data note: TrialScope is not affiliated with NLM.\n"
    )
    assert _criteria(page) == ["History of chronic drug abuse."]
    underlined = "NCT04207047\n\nExclusion Criteria\n---\n- Pregnancy\n"
    assert _criteria(underlined) == ["Pregnancy"]


def test_a_printed_pages_header_and_footer_inside_a_list() -> None:
    page = (
        "NCT05594173\nExclusion Criteria:\n    • Type 1 Diabetes\n"
        "    • known allergies to medical adhesive\n\n"
        "https://clinicaltrials.gov/study/NCT05594173                                 1/2\n\n"
        "3/27/25, 10:41 AM       Study Details | Chewing and Oral Processing | ClinicalTrials.gov"
        "\n\n    • known allergies to food products used in the experiment\n"
        "Protocol MYO-CART-2024 Version 2.1 Confidential Page 4 of 41\n"
    )
    assert _criteria(page) == [
        "Type 1 Diabetes",
        "known allergies to medical adhesive",
        "known allergies to food products used in the experiment",
    ]


def test_an_explainer_whose_link_stands_on_its_own_line() -> None:
    page = (
        "Participation Criteria\nResearchers look for people who fit a certain description, called"
        "\neligibility criteria\n. Some examples of these criteria are a person's general health"
        " condition or prior treatments.\nFor general information about clinical research, read\n"
        "Learn About Studies\n.\nEligibility Criteria\nInclusion Criteria:\nHealthy adults\n"
    )
    assert _criteria(page) == ["Healthy adults"]


def test_label_rows_aligned_by_spaces() -> None:
    trial = page_trial(
        "ClinicalTrials.gov ID   NCT02210780\nConditions              Atopic Dermatitis\n"
        "Enrollment (Actual)     194\n"
    )
    assert (trial["conditions"], trial["enrollment"]) == (["Atopic Dermatitis"], 194)


def test_an_observational_groups_table_header_is_no_arm() -> None:
    page = (
        "NCT03475563\n#### Groups and Cohorts\n\n"
        "| Participant Group/Cohort | Intervention/Treatment |\n| --- | --- |\n"
        "| **Patients with coronary artery disease** | Procedure: Angioplasty |\n"
    )
    assert page_marts(page)["arms"]["label"].to_list() == ["Patients with coronary artery disease"]


def test_a_us_town_or_state_named_like_a_country() -> None:
    page = (
        "ClinicalTrials.gov Identifier: NCT04267849\n\nLocations\nUnited States\n"
        "Northside Hospital  |  Atlanta, Georgia, 30342\n"
        "Illinois CancerCare-Peru  |  Peru, United States\n"
    )
    assert page_trial(page)["countries"] == ["United States"]
    georgia = "NCT04267850\n\nLocations\nTbilisi State Medical University, Tbilisi, 0186, Georgia\n"
    assert page_trial(georgia)["countries"] == ["Georgia"]


def test_unmarked_items_under_a_lead_in_for_some_participants() -> None:
    page = (
        "Eligibility Criteria\n\nInclusion Criteria:\n\nFor adolescent participants:\n\n"
        "Enrolled as a student in Grades 9-12 (corresponding to 13-20 years of age)\n"
        "Experiencing elevated mental health symptoms on the SDQ Total Difficulties scale\n"
        "Experiencing difficulties for >1 month\n"
    )
    criteria = page_marts(page)["criteria"]
    assert criteria["section"].to_list() == ["For adolescent participants"] * 3
    assert criteria["text"].to_list()[2] == "Experiencing difficulties for >1 month"


def test_two_countries_of_a_site_line() -> None:
    page = "NCT06400107\n\nLocations\nChina, United States\n"
    assert page_trial(page)["countries"] == ["China", "United States"]


def test_a_results_tables_header_names_no_condition() -> None:
    page = "NCT06400108\nConditions          Interventions          Phase\nLupus   CAR-T   1\n"
    assert page_trial(page)["conditions"] is None


def test_a_lower_case_name_under_a_title_is_not_its_end() -> None:
    page = (
        "Official title:\nA Phase 1 Study of Anti-CD19 Chimeric Antigen Receptor T Cells in "
        "Lupus\niCell Gene Therapeutics\n"
    )
    assert page_trial(page)["title"].endswith("Cells in Lupus")


def test_an_interventions_details_under_an_other_typed_line() -> None:
    page = (
        "Arms and Interventions\nExperimental: Certolizumab Pegol 200 mg Q2W\n"
        "Certolizumab Pegol 400 mg sc on Weeks 0, 2 and 4.\nBiological: Certolizumab Pegol\n"
        "Placebo Comparator: Placebo\nMatching placebo injections every 2 weeks.\n"
        "Other: Placebo\nActive Substance: Placebo\n"
    )
    arms = page_marts(page)["arms"]
    assert arms["arm_type"].to_list() == ["EXPERIMENTAL", "PLACEBO_COMPARATOR"]


def test_an_abstracts_results_are_no_endpoints() -> None:
    page = (
        "Primary endpoint: incidence of adverse events within 3 months after infusion.\n"
        "Secondary endpoints: TIS at month 6 and month 12.\n"
        "Results: Twelve patients were enrolled between March 2023 and June 2024. CRS\n"
        "grade 1 occurred in 10/12 (83%); no ICANS.\n"
    )
    assert page_marts(page)["endpoints"].height == 2
