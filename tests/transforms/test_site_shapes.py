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
        # antigens joined by "and anti-" or a hyphen's "- and" are one run of targets
        (
            "Anti-CD19 and Anti-BCMA CAR-T Cells in Refractory Myasthenia Gravis",
            "Once.",
            ["BCMA", "CD19"],
        ),
        (
            "Study of CD19- and BCMA-Targeted CAR T Cells in Refractory Lupus Nephritis",
            "Once.",
            ["BCMA", "CD19"],
        ),
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


@pytest.mark.parametrize(
    ("items", "count"),
    [
        # a note and an item's sub-lines, labelled, between the numbered items
        (
            "1. Age 18-65 years.\n2. Biopsy-proven lupus nephritis class III or IV.\n"
            "Note: Class V with III or IV is allowed.\n3. UPCR >= 1.0 g/g.\n"
            "4. Signed informed consent.\n",
            5,
        ),
        (
            "1. Age 18-65 years.\n2. Adequate organ function:\n"
            "   Renal function: eGFR >= 30 mL/min/1.73m2\n   Liver function: ALT <= 3 x ULN\n"
            "3. UPCR >= 1.0 g/g.\n4. Signed informed consent.\n",
            6,
        ),
        # a form's next field after the list ends it (ISRCTN)
        (
            "1. Age 18-65 years.\n2. Signed informed consent.\n"
            "Target number of participants: 20\nTotal final enrolment: 18\n",
            2,
        ),
    ],
)
def test_a_labelled_line_ends_a_criteria_list_only_when_no_item_follows(
    items: str, count: int
) -> None:
    marts = page_marts("NCT07100003\nTitle: CD19 CAR-T in lupus\n\nInclusion Criteria:\n" + items)
    criteria = marts["criteria"]
    assert criteria.height == count
    assert criteria["text"].to_list()[-1] == "Signed informed consent."
    concepts = set(marts["criteria_thresholds"]["concept"].to_list())
    assert ("upcr" in concepts) is ("UPCR" in items)


def test_an_intervention_blocks_arm_group_label_names_an_arm_not_a_new_one() -> None:
    page = (
        "NCT07000003\nBrief Title: CD19 CAR-T in lupus\n"
        "Arm Group Label: CAR-T arm\nArm Group Type: Experimental\n\n"
        "Arm Group Label: Placebo arm\nArm Group Type: Placebo Comparator\n\n"
        "Intervention Type: Biological\nIntervention Name: CD19 CAR-T\n"
        "Arm Group Label: CAR-T arm\n\n"
        "Intervention Type: Other\nIntervention Name: Placebo\nArm Group Label: Placebo arm\n"
    )
    arms = page_marts(page)["arms"]
    assert arms.select("label", "arm_type", "intervention_names").rows() == [
        ("CAR-T arm", "EXPERIMENTAL", ["CD19 CAR-T"]),
        ("Placebo arm", "PLACEBO_COMPARATOR", ["Placebo"]),
    ]


def test_a_dose_level_table_under_an_arm_is_no_arms() -> None:
    page = (
        "CD19 CAR-T in SLE\nNCT06719104\n\nArms and Interventions\n"
        "Experimental: CAR-T\nBiological: CAR-T cells\n"
        "| Dose level | Patients | Dose |\n| --- | --- | --- |\n"
        "| DL1 | 3 | 1 × 10^6 cells/kg |\n| DL2 | 3-6 | 3 × 10^6 cells/kg |\n"
    )
    marts = page_marts(page)
    assert marts["arms"]["label"].to_list() == ["CAR-T"]
    assert marts["doses"]["dose_value"].to_list() == [1e6, 3e6]


@pytest.mark.parametrize(
    "heading",
    ["Explore similar studies", "See similar trials", "Trials like this", "Recommended for you"],
)
def test_a_finders_list_of_other_trials_under_a_links_words(heading: str) -> None:
    page = (
        "CD19 CAR-T in refractory pemphigus vulgaris\nRegistration: ChiCTR2400085555\n"
        f"Status: Not yet recruiting\nPhase: Phase 1\n\n{heading}\nNCT ID: NCT05858684\n"
        "CD19 CAR T-cell therapy in lupus\nStatus: Completed\nPhase: Phase 2\n"
    )
    trial = page_trial(page)
    assert (trial["trial_id"], trial["nct_id"]) == ("ChiCTR2400085555", None)
    assert (trial["overall_status"], trial["phases"]) == ("NOT_YET_RECRUITING", ["PHASE1"])


@pytest.mark.parametrize(
    ("sentence", "nct_id"),
    [
        ("Participants who completed the RESET-SLE study (NCT06121297) may enroll.", None),
        ("An extension of the phase 1 trial NCT06121297 for responders.", None),
        ("Patients enrolled in this study (NCT06121297) receive one infusion.", "NCT06121297"),
    ],
)
def test_an_id_after_words_citing_another_trial(sentence: str, nct_id: str | None) -> None:
    page = f"Extension study of rese-cel in lupus\nStatus: Recruiting\nSummary\n{sentence}\n"
    assert page_trial(page)["nct_id"] == nct_id


def test_a_sites_status_is_not_the_trials() -> None:
    page = (
        "CD19 CAR-T in refractory SLE (multicentre, US)\nStatus: Active, not recruiting\n\n"
        "Locations\nStanford University, Palo Alto, California, United States\n"
        "Status: Completed\n"
    )
    assert page_trial(page)["overall_status"] == "ACTIVE_NOT_RECRUITING"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (
            "A Study of KYV-101 in Participants With Refractory SLE, SSc, or Myositis\n"
            "Sponsored by Kyverna Therapeutics Inc\n",
            "A Study of KYV-101 in Participants With Refractory SLE, SSc, or Myositis",
        ),
        (
            "Back to search results\nCD19 CAR-T in refractory lupus nephritis\n",
            "CD19 CAR-T in refractory lupus nephritis",
        ),
        (
            "← Back to results\nSign in to save this trial\nCD19 CAR-T in refractory lupus\n",
            "CD19 CAR-T in refractory lupus",
        ),
        # an address keeps its comma rule
        ("Boston Children's Hospital, Boston, Massachusetts\n", None),
    ],
)
def test_the_title_among_a_finders_top_lines(top: str, title: str | None) -> None:
    assert page_trial(top + "Status: Recruiting\n")["title"] == title


def test_a_sites_menu_over_the_page_is_no_section() -> None:
    page = (
        "ClinicalTrials.gov\nFind Studies\nResources\n"
        "Effect of GET73 on Central Glutamate in Alcohol Use Disorder\n"
        "Recruitment Status : Completed\nPhase : Phase 2\nActual Enrollment : 24 participants\n"
    )
    trial = page_trial(page)
    assert trial["title"] == "Effect of GET73 on Central Glutamate in Alcohol Use Disorder"
    assert (trial["overall_status"], trial["phases"]) == ("COMPLETED", ["PHASE2"])
    assert (trial["enrollment"], trial["enrollment_type"]) == (24, "ACTUAL")


@pytest.mark.parametrize("dot", ["·", "⋅"])  # "∙" is a bullet (normalised to "•")
def test_a_middle_dot_is_a_times_sign(dot: str) -> None:
    page = (
        "CD19 CAR-T in SSc\nNCT06719107\n\nDose levels\n"
        f"Cohort 1 (n=3): 1{dot}10^6 CAR+ T cells/kg\nCohort 2 (n=3): 3{dot}10^6 CAR+ T cells/kg\n"
    )
    doses = page_marts(page)["doses"]
    assert doses.select("dose_value", "dose_unit").rows() == [
        (1e6, "CAR+ cells/kg"),
        (3e6, "CAR+ cells/kg"),
    ]


@pytest.mark.parametrize(
    ("eligibility", "inclusion", "exclusion"),
    [
        # an outline's letters and Roman numerals before the headings
        (
            "Eligibility\nA. Inclusion Criteria:\n- Age 18-65 years\n- Active SLE\n"
            "B. Exclusion Criteria:\n- Pregnancy\n- HIV\n",
            2,
            2,
        ),
        (
            "I. Inclusion criteria\n1. Age 18-65 years\n2. Active SLE\n"
            "II. Exclusion criteria\n1. Pregnancy\n2. HIV\n",
            2,
            2,
        ),
        # an item hard-wrapped before a capital or a number
        (
            "Inclusion Criteria:\n1. Diagnosis of systemic lupus erythematosus according to the "
            "2019\nEULAR/ACR classification criteria at least 6 months before screening.\n"
            "2. Age 18 to 65 years.\nExclusion Criteria:\n1. Pregnant or breastfeeding; women of "
            "childbearing potential unwilling to use\n2 forms of contraception.\n"
            "2. Any prior CAR-T or gene therapy product.\n",
            2,
            2,
        ),
        # an item hard-wrapped before the words of a heading, in lower case
        (
            "Inclusion Criteria:\n- Age 18 to 65 years\n- Willing to comply with all study "
            "procedures and not meeting any\n  exclusion criteria\n- Signed informed consent\n"
            "Exclusion Criteria:\n- Pregnancy\n",
            3,
            1,
        ),
    ],
)
def test_criteria_headings_and_wraps(eligibility: str, inclusion: int, exclusion: int) -> None:
    criteria = page_marts("NCT07100004\nTitle: CD19 CAR-T in lupus\n\n" + eligibility)["criteria"]
    counts = criteria["criterion_type"].value_counts()
    assert dict(counts.iter_rows()) == {
        k: v for k, v in {"INCLUSION": inclusion, "EXCLUSION": exclusion}.items() if v
    }
    assert not any(text.rstrip(".") in {"A", "B", "I", "II"} for text in criteria["text"])


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Current status: Recruiting", "RECRUITING"),
        ("Status: Recruitment completed, follow-up ongoing", "ACTIVE_NOT_RECRUITING"),
        ("Trial status: Authorised, recruitment pending", "NOT_YET_RECRUITING"),
        ("Recruitment status: 尚未开始 / Not recruiting yet", "NOT_YET_RECRUITING"),
    ],
)
def test_status_labels_and_wordings(line: str, status: str) -> None:
    page = f"CD19 CAR-T in refractory NMOSD (Hangzhou)\n{line}\n"
    assert page_trial(page)["overall_status"] == status


@pytest.mark.parametrize(
    ("lines", "countries"),
    [
        ("Countries: Germany · United States · Italy\n", ["Germany", "Italy", "United States"]),
        ("Locations\nAtlanta, Georgia\nNewark, New Jersey\n", ["United States"]),
        ("Locations\nTbilisi, Georgia\n", ["Georgia"]),
    ],
)
def test_countries_of_a_list_or_of_us_sites(lines: str, countries: list[str]) -> None:
    page = f"CD19 CAR-T in refractory lupus\nStatus: Recruiting\n{lines}"
    assert page_trial(page)["countries"] == countries


@pytest.mark.parametrize(
    ("headings", "inclusion", "exclusion"),
    [
        (("Eligibility Criteria - Inclusion", "Eligibility Criteria - Exclusion"), 2, 2),
        (("Who should take part", "Who should not take part"), 2, 2),
        (("Who can join this trial?", "Who can't join this trial?"), 2, 2),
        (("Inclusions", "Participants must not:"), 2, 2),
    ],
)
def test_criteria_headings_finders_write(
    headings: tuple[str, str], inclusion: int, exclusion: int
) -> None:
    page = (
        f"CD19 CAR-T in lupus\nNCT07100005\n\nEligibility\n{headings[0]}\n"
        "Eligibility criteria are shown as provided by the sponsor and may have been shortened.\n"
        f"- Aged 18 to 65\n- Active SLE\n{headings[1]}\n- Pregnant\n- HIV positive\n"
        "Talk with your doctor and family members or friends about deciding to join a study.\n"
    )
    counts = dict(page_marts(page)["criteria"]["criterion_type"].value_counts().iter_rows())
    assert counts == {"INCLUSION": inclusion, "EXCLUSION": exclusion}


@pytest.mark.parametrize(
    ("outcomes", "types"),
    [
        (
            "End points\n- Incidence of CRS (Time frame: Day 28)\n"
            "- CAR-T persistence (Time frame: up to 2 years)\n",
            [None, None],
        ),
        (
            "Study Details\n\nEndpoints — Primary\n1. Incidence of CRS [Time Frame: Day 28]\n"
            "Endpoints — Secondary\n1. CAR-T persistence [Time Frame: up to 2 years]\n",
            ["PRIMARY", "SECONDARY"],
        ),
        (
            "Outcome Measures\nOutcome measures are the measurements researchers use to see "
            "whether the treatment works and is safe.\nPrimary Outcome Measures\n"
            "1. Incidence of CRS [Time Frame: Day 28]\nKey Secondary Outcome Measures\n"
            "1. SRI-4 response [Time Frame: Week 52]\nTertiary/Exploratory\n"
            "1. CAR-T persistence [Time Frame: up to 2 years]\n",
            ["PRIMARY", "SECONDARY", "OTHER"],
        ),
    ],
)
def test_outcome_headings_finders_write(outcomes: str, types: list[str | None]) -> None:
    endpoints = page_marts("CD19 CAR-T in lupus\nNCT07100006\n\n" + outcomes)["endpoints"]
    assert endpoints["endpoint_type"].to_list() == types
    assert not any("researchers use" in measure for measure in endpoints["measure"])


def test_an_outcome_tables_cell_of_paragraphs_copied_with_tabs() -> None:
    page = (
        "Certolizumab Pegol in axSpA\nPrimary Outcome Measures\n"
        "Outcome Measure\tMeasure Description\tTime Frame\n"
        "Percentage of Subjects With ASDAS-MI Response at Week 52\tThis variable was "
        "considered as primary in all countries except Canada.\n\n"
        "* Results in death\n"
        "ASDAS-MI was achieved when there was a reduction of at least 2.0 in the ASDAS.\tWeek 52\n"
        "Plasma Concentration at Week 12\tPlasma concentration in micrograms per millilitre."
        "\tWeek 12\nAdverse events\t\tUp to 2 years\n"
    )
    endpoints = page_marts(page)["endpoints"]
    assert endpoints.select("measure", "time_frame_days").rows() == [
        ("Percentage of Subjects With ASDAS-MI Response at Week 52", 364),
        ("Plasma Concentration at Week 12", 84),
        ("Adverse events", 730),
    ]
    assert "Results in death" in endpoints["description"][0]


def test_a_short_row_with_no_time_frame_after_it_stays_whole() -> None:
    page = (
        "A study\nOutcome Measures\nOutcome Measure\tMeasure Description\tTime Frame\n"
        "Measure A\tDescription a\t\nMeasure B\tDescription b\tWeek 4\n"
    )
    endpoints = page_marts(page)["endpoints"]
    assert endpoints["measure"].to_list() == ["Measure A", "Measure B"]


def test_an_arm_tables_cells_of_paragraphs_copied_with_tabs() -> None:
    page = (
        "ALCHEMIST Chemo-IO (ACCIO)\nArms and Interventions\n"
        "Participant Group/Arm\tIntervention/Treatment\n"
        "Active Comparator: Arm A (platinum doublet, observation)\n"
        "INITIAL THERAPY: Patients receive 1 of 4 platinum doublet regimens.\n\n"
        "(CLOSED AS OF UPDATE #7)\tProcedure: Biospecimen Collection\n"
        "Undergo blood sample collection\nDrug: Cisplatin\nGiven IV\n"
        "Other: Observation Activity\nUndergo observation\n"
        "Experimental: Arm C (platinum doublet, combination pembrolizumab)\n"
        "Patients receive pembrolizumab IV with the platinum doublet.\tBiological: Pembrolizumab\n"
        "Given IV\n"
    )
    arms = page_marts(page)["arms"]
    assert arms.select("label", "arm_type").rows() == [
        ("Arm A (platinum doublet, observation)", "ACTIVE_COMPARATOR"),
        ("Arm C (platinum doublet, combination pembrolizumab)", "EXPERIMENTAL"),
    ]
    assert "Biospecimen Collection" in arms["intervention_names"][0]


def test_a_one_word_sponsor_heads_its_list() -> None:
    page = (
        "PRIDE problem-solving study\nSponsors and Collaborators\nSangath\n"
        "Harvard Medical School (HMS and HSDM)\nLondon School of Hygiene and Tropical Medicine\n"
    )
    assert page_trial(page)["lead_sponsor"] == "Sangath"


@pytest.mark.parametrize(
    ("ages", "low", "high"),
    [
        # an open limit beside a cohort's range: the union of both
        (
            "Age: 16 years and above (adolescents aged 16-17 only with parental consent)\n",
            16.0,
            None,
        ),
        (
            "Age: 18 Years and older (Adult, Older Adult); adolescent cohort 12-17 years\n",
            12.0,
            None,
        ),
        # a range a line per part under its label
        ("Age\n18 Years\nto\n65 Years\n", 18.0, 65.0),
    ],
)
def test_ages_as_sites_lay_them_out(ages: str, low: float, high: float | None) -> None:
    trial = page_trial("CD19 CAR-T in refractory lupus nephritis\n" + ages)
    assert (trial["min_age_years"], trial["max_age_years"]) == (low, high)


def test_a_date_printed_twice_without_a_space() -> None:
    trial = page_trial("CD19 CAR-T in refractory lupus\nStudy start: 2024-03-152024-03-15\n")
    assert (str(trial["start_date"]), trial["start_date_precision"]) == ("2024-03-15", "day")


@pytest.mark.parametrize(
    ("arms", "rows"),
    [
        # a typed arm's line, then its sibling written the same way
        (
            "Experimental arm: CD19 CAR-T\nControl arm: standard of care\n",
            [("CD19 CAR-T", "EXPERIMENTAL"), ("Control arm: standard of care", None)],
        ),
        # the type in brackets after the arm's number
        (
            "Arm 1 (Experimental): CD19 CAR-T cells\nArm 2 (Placebo Comparator): Placebo\n",
            [("Arm 1", "EXPERIMENTAL"), ("Arm 2", "PLACEBO_COMPARATOR")],
        ),
    ],
)
def test_typed_arm_lines_and_their_siblings(arms: str, rows: list[tuple[str, str | None]]) -> None:
    marts = page_marts("NCT07200007\nTitle: CD19 CAR-T in SLE\nArms\n" + arms)
    assert marts["arms"].select("label", "arm_type").rows() == rows


@pytest.mark.parametrize(
    ("first", "second", "days"),
    [
        ("Day +100", "Day +365", [100, 365]),
        ("Two (2) years", "Five (5) years", [730, 1825]),
        ("Up to Month24", "Week52", [720, 364]),
        ("Time point(s): Month 6", "Time point(s): Up to 2 years", [180, 730]),
    ],
)
def test_bare_frames_end_their_measure(first: str, second: str, days: list[int]) -> None:
    page = (
        "CD19 CAR-T in lupus\nNCT07100007\n\nSecondary Outcome Measures\nOverall survival\n"
        f"Time from infusion to death.\n{first}\nDuration of B-cell aplasia\n"
        f"Flow cytometry of blood.\n{second}\n"
    )
    endpoints = page_marts(page)["endpoints"]
    assert endpoints.select("measure", "time_frame_days").rows() == [
        ("Overall survival", days[0]),
        ("Duration of B-cell aplasia", days[1]),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # ChiCTR's four columns, the code column empty
        "Interventions:\nGroup | Sample size | Intervention | Intervention code\n"
        "low dose group | 6 | CD19 CAR-T 1x10^6/kg |\n"
        "high dose group | 6 | CD19 CAR-T 3x10^6/kg |\n",
        # its bilingual header
        "Interventions:\n组别 Group | 样本量 Sample size | 干预措施 Intervention\n"
        "low dose group | 6 | CD19 CAR-T 1x10^6/kg\nhigh dose group | 6 | CD19 CAR-T 3x10^6/kg\n",
        # its field blocks, each label and value in both languages
        "组别：\n试验组\nGroup：\nlow dose group\n样本量：\n20\nSample size：\n20\n"
        "组别：\n对照组\nGroup：\nhigh dose group\n样本量：\n20\nSample size：\n20\n",
    ],
)
def test_chictr_groups(table: str) -> None:
    page = "Registration number: ChiCTR2400081234\nPublic title: CD19 CAR-T for ITP\n" + table
    assert page_marts(page)["arms"]["label"].to_list() == ["low dose group", "high dose group"]


@pytest.mark.parametrize("line", ["Number of Arms: 2", "Arms: 2", "Number of groups: 2"])
def test_a_stated_number_of_arms_is_a_count(line: str) -> None:
    arms = page_marts(f"NCT07100001\nTitle: CD19 CAR-T in lupus\n{line}\n")["arms"]
    assert arms.select("arm_ordinal", "label").rows() == [(1, None), (2, None)]


def test_a_digests_header_row_of_bare_values() -> None:
    page = (
        "ALCHEMIST Chemo-IO (ACCIO): pembrolizumab added to adjuvant chemotherapy\n"
        "NCT04267848 | Phase 3 | Recruiting | n=1210 | ECOG-ACRIN Cancer Research Group\n"
    )
    trial = page_trial(page)
    assert (trial["phases"], trial["overall_status"], trial["enrollment"]) == (
        ["PHASE3"],
        "RECRUITING",
        1210,
    )


def test_a_single_unnumbered_outcome_over_its_description() -> None:
    page = (
        "Histologic Evaluation of Tissue Following System Exposure\n"
        "Primary Outcome Measures  :\nPrimary Outcome [ Time Frame: 14 days ]\n"
        "    Demonstrate that re-epithelialization occurs within two weeks post treatment.\n\n"
        "Secondary Outcome Measures  :\nSecondary Outcome [ Time Frame: 2 hours ]\n"
        "    Demonstrate vacuolization in the skin immediately post treatment.\n"
    )
    endpoints = page_marts(page)["endpoints"]
    assert endpoints.select("endpoint_type", "measure", "time_frame_days").rows() == [
        ("PRIMARY", "Primary Outcome", 14),
        ("SECONDARY", "Secondary Outcome", 1),
    ]
    assert endpoints["description"][0].startswith("Demonstrate")


def test_a_count_printed_twice_is_read_once() -> None:
    assert page_trial("CD19 CAR-T in SSc\nEnrollment: 24 24\n")["enrollment"] == 24


def test_a_finders_plain_headings_end_the_criteria() -> None:
    page = (
        "CAR-T cell therapy for lupus\n\nWho can't join\n"
        "You cannot join if you have had a CAR-T treatment before.\n"
        "You cannot join if you are pregnant.\n\nWhat happens\n"
        "You will get a single infusion of 1 × 10^6 CAR-T cells per kilogram.\n\n"
        "How many people will take part\nIt will enrol about 24 people.\n\nNCT05938801\n"
    )
    marts = page_marts(page)
    assert marts["criteria"].height == 2
    assert marts["doses"]["dose_value"].to_list() == [1e6]
    assert marts["trials"]["enrollment"].to_list() == [24]


def test_two_countries_listed_are_both() -> None:
    assert page_trial("CAR-T cell therapy for lupus\n\nSites: Germany, Italy\n")["countries"] == [
        "Germany",
        "Italy",
    ]


def test_a_press_release_builds_on_another_trials_results() -> None:
    page = (
        "Kyverna Announces First Patient Dosed in KYSA-6 Trial\n\nBuilding on results from the "
        "KYSA-1 trial (NCT05938790) in lupus nephritis, Kyverna today announced that the first "
        "patient has been dosed in its Phase 1/2 KYSA-6 trial (NCT06193891).\n"
    )
    assert page_trial(page)["nct_id"] == "NCT06193891"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("This study has finished.", "COMPLETED"),
        ("This study is open and looking for people to take part.", "RECRUITING"),
        ("This study will open soon.", "NOT_YET_RECRUITING"),
        ("The trial stopped early.", "TERMINATED"),
        ("The study is no longer recruiting.", "ACTIVE_NOT_RECRUITING"),
        ("Our earlier study has finished.", None),
    ],
)
def test_a_finders_status_sentences(sentence: str, status: str | None) -> None:
    page = f"CAR-T for lupus\n\nAbout this study\n{sentence}\n"
    assert page_trial(page)["overall_status"] == status


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Opening soon", "NOT_YET_RECRUITING"),
        ("Closed - in follow-up", "ACTIVE_NOT_RECRUITING"),
        ("Results available", "COMPLETED"),
    ],
)
def test_a_finders_status_labels(label: str, status: str) -> None:
    assert page_trial(f"CAR-T for lupus\nStatus: {label}\n")["overall_status"] == status


@pytest.mark.parametrize(
    "eligibility",
    [
        "Inclusion Criteria:\n- Age 18-65 years\n- Able to give consentExclusion Criteria:\n"
        "- Prior CAR-T\n- eGFR < 30 mL/min/1.73m2\n",
        "Eligibility criteria\nInclusion Criteria: 1. Age 18-65 years; 2. LVEF ≥ 50%. "
        "ExclusionCriteria: 1. Prior CAR-T; 2. eGFR < 30 mL/min/1.73m2.\n",
    ],
)
def test_an_exclusion_heading_glued_to_the_item_before(eligibility: str) -> None:
    marts = page_marts("CD19 CAR-T in lupus\nNCT07100008\n\n" + eligibility)
    types = marts["criteria"]["criterion_type"].to_list()
    assert (types.count("INCLUSION"), types.count("EXCLUSION")) == (2, 2)
    egfr = marts["criteria_thresholds"].filter(concept="egfr")
    assert egfr["criterion_type"].to_list() == ["EXCLUSION"]


def test_a_section_printed_twice_counts_once() -> None:
    block = (
        "Primary Outcome Measures\n1. Incidence of dose-limiting toxicities [Time Frame: Day 28]\n"
        "Eligibility\nInclusion Criteria:\n- Age 18-60 years\n- SLEDAI-2K ≥ 6\n\n"
    )
    marts = page_marts("CD19 CAR-T in lupus\nNCT07100009\n\n" + block + block)
    assert (marts["endpoints"].height, marts["criteria"].height) == (1, 2)
    assert marts["criteria_thresholds"].height == 3


@pytest.mark.parametrize(
    ("raw", "dose", "threshold"),
    [
        # UTF-8 read as Latin-1 (C1 controls where Windows-1252 has letters)
        ("SLEDAI-2K ≥ 8\nCAR-T dose 2 × 10⁶ cells/kg".encode().decode("latin-1"), 2e6, 8.0),
        # HTML superscripts: a power, a "+"
        (
            "SLEDAI-2K &ge; 8\nCAR-T dose 1 &times; 10<sup>6</sup> CAR<sup>+</sup> T cells/kg",
            1e6,
            8.0,
        ),
        # "?" for a lost "×"
        ("SLEDAI-2K ≥ 8\nCAR-T dose 2 ? 10^6 cells/kg", 2e6, 8.0),
    ],
)
def test_damaged_characters(raw: str, dose: float, threshold: float) -> None:
    body = raw.replace("\n", "\n\nIntervention\n", 1)
    marts = page_marts(f"CD19 CAR-T in lupus\nNCT07100010\n\nInclusion Criteria:\n- {body}\n")
    assert marts["doses"]["dose_value"].to_list() == [dose]
    assert marts["criteria_thresholds"]["value"].to_list() == [threshold]


def test_a_title_with_one_slash() -> None:
    page = "Clinical trial\n\nAnti-CD19 CAR-T Cells in Refractory SLE / Lupus Nephritis\n\nStatus\n"
    assert page_trial(page)["title"] == "Anti-CD19 CAR-T Cells in Refractory SLE / Lupus Nephritis"


def test_chictr_outcome_blocks_typed_adverse_events() -> None:
    page = (
        "Registration number:\nChiCTR2400089301\nOutcomes:\nOutcome:\n"
        "Incidence of cytokine release syndrome\nType:\nAdverse events\n"
        "Measure time point of outcome:\n28 days after infusion\nOutcome:\nDORIS remission rate\n"
        "Type:\nPrimary indicator\nMeasure time point of outcome:\n12 months after infusion\n"
    )
    endpoints = page_marts(page)["endpoints"]
    assert endpoints.select("endpoint_type", "time_frame_days").rows() == [
        ("OTHER", 28),
        ("PRIMARY", 360),
    ]


def test_chictr_total_sample_size_after_groups() -> None:
    page = (
        "注册号：\nRegistration number:\nChiCTR2400089101\n干预措施：\nInterventions:\n"
        "组别：\nGroup:\n低剂量组\nLow dose group\n样本量：\nSample size:\n3\n"
        "干预措施：\nIntervention:\nCD19 CAR-T细胞 1×10^6/kg\n"
        "组别：\nGroup:\n高剂量组\nHigh dose group\n样本量：\nSample size:\n6\n"
        "干预措施：\nIntervention:\nCD19 CAR-T细胞 3×10^6/kg\n样本总量 Total sample size : 9\n"
    )
    assert page_trial(page)["enrollment"] == 9


@pytest.mark.parametrize(
    ("text", "doses"),
    [
        ("dose: 1×10^6/kg，2×10^6/kg，3×10^6/kg", [(1e6, None), (2e6, None), (3e6, None)]),
        ("at a dose of (1-3)×10^6 cells/kg.", [(1e6, 3e6)]),
        ("CAR-T细胞回输剂量为1-3×10^6/kg", [(1e6, 3e6)]),
        ("（0.5～1.0）×10^6个/kg", [(5e5, 1e6)]),
    ],
)
def test_chinese_sponsors_doses(text: str, doses: list[tuple[float, float | None]]) -> None:
    page = (
        "NCT06980004\nTitle: CD19 CAR-T in lupus\nArms and Interventions\n"
        f"Experimental: CD19 CAR-T\n{text}\n"
    )
    assert page_marts(page)["doses"].select("dose_value", "dose_value_max").rows() == doses


@pytest.mark.parametrize(
    ("summary", "field", "value"),
    [
        ("评估靶向BCMA的CAR-T细胞治疗难治性重症肌无力的安全性。", "target_antigens", ["BCMA"]),
        (
            "清淋化疗：氟达拉滨30mg/m2/d，环磷酰胺300mg/m2/d，连续3天。",
            "lymphodepletion_agents",
            ["cyclophosphamide", "fludarabine"],
        ),
    ],
)
def test_chinese_text_facts(summary: str, field: str, value: list[str]) -> None:
    assert page_trial(f"NCT06950101\n研究目的：\n{summary}\n")[field] == value


@pytest.mark.parametrize(
    "criteria",
    [
        "入选标准：\n1. 年龄14岁至70岁；\n2. ECOG评分≤2分；\n排除标准：\n1. 妊娠期妇女；\n",
        "一、纳入标准\n1. 年龄14岁至70岁；\n2. ECOG评分≤2分；\n二、排除标准\n1. 妊娠期妇女；\n",
        "【入选标准】\n1. 年龄14岁至70岁；\n2. ECOG评分≤2分；\n【排除标准】\n1. 妊娠期妇女；\n",
    ],
)
def test_chinese_criteria_headings_and_ages(criteria: str) -> None:
    marts = page_marts("NCT06600008\n" + criteria)
    types = marts["criteria"]["criterion_type"].to_list()
    assert (types.count("INCLUSION"), types.count("EXCLUSION")) == (2, 1)
    trial = marts["trials"].row(0, named=True)
    assert (trial["min_age_years"], trial["max_age_years"]) == (14.0, 70.0)


def test_chictr_values_in_both_languages_on_one_line() -> None:
    page = (
        "注册号：\nRegistration number:\nChiCTR2400082301\n性别：\nGender:\n男女均可 Both\n"
        "征募研究对象情况：\nRecruiting status:\n尚未开始 Not yet recruiting\n"
        "研究类型：\nStudy type:\n干预性研究 Interventional study\n"
    )
    trial = page_trial(page)
    assert (trial["sex"], trial["overall_status"], trial["study_type"]) == (
        "ALL",
        "NOT_YET_RECRUITING",
        "INTERVENTIONAL",
    )
    assert trial["title"] is None


def test_chictr_english_title_under_a_mixed_chinese_one() -> None:
    page = (
        "注册号：\nRegistration number:\nChiCTR2400089013\n注册题目：\nPublic title:\n"
        "BCMA-CD19 CAR-T治疗难治性IgG4相关疾病\n"
        "BCMA-CD19 CAR-T for refractory IgG4-related disease\n"
    )
    assert page_trial(page)["title"] == "BCMA-CD19 CAR-T for refractory IgG4-related disease"


@pytest.mark.parametrize(
    "after",
    [
        "采集人体标本：\nCollecting sample(s) from participants:\n标本中文名：\nSample Name:\n"
        "外周血\nPeripheral blood\n",
        "年龄范围：\nParticipant age:\n最小 18 岁\nMin age 18 years\n"
        "最大 65 岁\nMax age 65 years\n",
    ],
)
def test_chictr_blocks_after_its_outcomes(after: str) -> None:
    page = (
        "注册号：\nRegistration number:\nChiCTR2400081311\n测量指标：\nOutcomes:\n指标中文名：\n"
        "Outcome:\n不良事件发生率\nIncidence of adverse events\n指标类型：\nType:\n主要指标\n"
        "Primary indicator\n测量时间点：\nMeasure time point of outcome:\n回输后28天\n"
        "28 days after infusion\n" + after
    )
    marts = page_marts(page)
    assert marts["endpoints"]["measure"].to_list() == ["Incidence of adverse events"]
    if "age" in after:
        trial = marts["trials"].row(0, named=True)
        assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 65.0)


@pytest.mark.parametrize(
    ("sentence", "agents"),
    [
        (
            "You will get chemotherapy (fludarabine and cyclophosphamide) for 3 days to prepare "
            "your body. Then you get the CAR-T cells.",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "The cells are given after three days of fludarabine and cyclophosphamide.",
            ["cyclophosphamide", "fludarabine"],
        ),
        (
            "Fludarabine 30 mg/m2 and cyclophosphamide 300 mg/m2 daily for 3 days.",
            ["cyclophosphamide", "fludarabine"],
        ),
        ("Patients failed cyclophosphamide 500 mg/m2 monthly.", None),
    ],
)
def test_lymphodepletion_in_plain_words(sentence: str, agents: list[str] | None) -> None:
    page = f"CD19 CAR-T for lupus\n\nWhat happens\n{sentence}\n"
    assert page_trial(page)["lymphodepletion_agents"] == agents


@pytest.mark.parametrize(
    ("sentence", "sponsor"),
    [
        ("It is run by Kyverna Therapeutics.", "Kyverna Therapeutics"),
        (
            "The trial is funded by the National Institutes of Health.",
            "National Institutes of Health",
        ),
        ("This issue is sponsored by Medidata Solutions.", None),
    ],
)
def test_a_finders_sponsor_sentences(sentence: str, sponsor: str | None) -> None:
    page = f"CD19 CAR-T for lupus\n\nAbout this study\n{sentence}\n"
    assert page_trial(page)["lead_sponsor"] == sponsor


@pytest.mark.parametrize(
    "outcomes",
    [
        "Primary outcome: Incidence of DLT\nTime frame: 28 days post infusionSecondary outcome: "
        "Complete renal response\nTime frame: 52 weeks\n",
        "Primary Outcome Measures:\n1. Incidence of DLT [Time Frame: Day 28]Secondary Outcome "
        "Measures:\n1. Complete renal response [Time Frame: Week 52]\n",
    ],
)
def test_an_outcome_heading_glued_to_the_frame_before(outcomes: str) -> None:
    endpoints = page_marts("CD19 CAR-T in lupus\nNCT07100011\n\n" + outcomes)["endpoints"]
    assert endpoints.select("endpoint_type", "measure").rows() == [
        ("PRIMARY", "Incidence of DLT"),
        ("SECONDARY", "Complete renal response"),
    ]


def test_chictr_groups_table_with_no_heading_and_no_outer_pipes() -> None:
    page = (
        "ChiCTR2400077777\n"
        "组别 Group | 样本量 Sample size | 干预措施 Intervention | 干预措施代码 Intervention code\n"
        "试验组 Experimental group | 10 | CD19 CAR-T | \n"
        "对照组 Control group | 10 | 标准治疗 Standard therapy | \n"
    )
    assert page_marts(page)["arms"].height == 2


def test_a_size_after_the_treatment_is_the_trials() -> None:
    page = (
        "Clinical trial\n\nSome CAR-T trial in lupus\n\nStatus\nRecruiting\nTreatment\n"
        "anti-CD19-CAR-T cells\nSingle infusion after lymphodepletion.\nSize\n18\n"
    )
    assert page_trial(page)["enrollment"] == 18


def test_a_dumped_records_site_status_is_not_the_trials() -> None:
    page = (
        "Raw data view\n\n{'protocolSection': {'statusModule': {'overallStatus': "
        "'RECRUITING'}, 'contactsLocationsModule': {'locations': [{'facility': 'Uni Hospital', "
        "'status': 'SUSPENDED', 'country': 'Germany'}]}}}\n"
    )
    assert page_trial(page)["overall_status"] == "RECRUITING"


def test_a_chinese_age_range_in_its_field() -> None:
    trial = page_trial("ChiCTR2400077778\nAge range: 18岁到65岁\n")
    assert (trial["min_age_years"], trial["max_age_years"]) == (18.0, 65.0)


def test_a_news_items_dateline_is_no_start_date() -> None:
    page = (
        "Kyverna doses first patient in Phase 2 lupus trial\nOctober 2, 2025\n"
        "Kyverna dosed the first patient in a trial (NCT05858631) of KYV-101 in lupus nephritis.\n"
    )
    assert page_trial(page)["start_date"] is None


def test_the_end_of_enrollment_is_not_the_studys() -> None:
    page = (
        "CAR-T for lupus\n\nA Phase 1 study (NCT05859614) of CD19 CAR-T cells in lupus.\n\n"
        "Enrollment in the trial is expected to be completed by mid-2025.\n"
    )
    assert page_trial(page)["completion_date"] is None


def test_isrctn_current_and_previous_versions() -> None:
    page = (
        "ISRCTN27364520\nCD19 CAR T cells in refractory myasthenia gravis\n"
        "Primary outcome measure\nCurrent primary outcome measure as of 05/06/2024:\n"
        "Incidence of CRS and ICANS at 28 days after infusion\nPrevious primary outcome measure:\n"
        "Incidence of adverse events at 28 days after infusion\nParticipant inclusion criteria\n"
        "Current inclusion criteria as of 05/06/2024:\n1. Aged 18 years and over\n"
        "2. MG-ADL >= 6\nPrevious inclusion criteria:\n1. Aged 18 to 65 years\n"
    )
    marts = page_marts(page)
    assert marts["endpoints"]["measure"].to_list() == [
        "Incidence of CRS and ICANS at 28 days after infusion"
    ]
    assert marts["criteria"]["text"].to_list() == ["Aged 18 years and over", "MG-ADL >= 6"]
    assert marts["trials"]["max_age_years"].to_list() == [None]


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        (
            "Sponsor information\nOrganisation\nUniversity College London\n",
            "lead_sponsor",
            "University College London",
        ),
        ("Trial status: Ended (prematurely)\n", "overall_status", "TERMINATED"),
        (
            "Recruitment Status: Recruiting complete, follow-up continuing\n",
            "overall_status",
            "ACTIVE_NOT_RECRUITING",
        ),
        ("Trial status: Authorised, not recruiting\n", "overall_status", "NOT_YET_RECRUITING"),
        ("Number of participants enrolled: 18\n", "enrollment", 18),
        ("Target Sample Size: 12\nFinal Sample Size: 10\n", "enrollment", 10),
        (
            "Countries/Member states concerned: Spain, Germany, Italy\n",
            "countries",
            ["Germany", "Italy", "Spain"],
        ),
        (
            "Study centres: Erlangen (Germany), Bologna (Italy), Paris (France)\n",
            "countries",
            ["France", "Germany", "Italy"],
        ),
        (
            "Promoter / Sponsor: Fondazione Centro San Raffaele\n",
            "lead_sponsor",
            "Fondazione Centro San Raffaele",
        ),
        ("First patient in: March 2023\n", "start_date", "2023-03-01"),
        ("Start date (anticipated): 15-03-2024\n", "start_date", "2024-03-15"),
        (
            "Products: Obecabtagene autoleucel; Fludarabine; Cyclophosphamide\n",
            "lymphodepletion_agents",
            ["cyclophosphamide", "fludarabine"],
        ),
    ],
)
def test_european_registers_fields(lines: str, field: str, value: object) -> None:
    trial = page_trial("CD19 CAR T cells for NMOSD\nDRKS00031406\n" + lines)
    got = trial[field]
    assert (str(got) if field.endswith("_date") else got) == value


def test_eu_forms_part_heading_is_no_endpoint() -> None:
    page = (
        "A.2 EudraCT number: 2022-003218-13\n"
        "E.5.1 Primary end point(s): Incidence of dose-limiting toxicities\n"
        "E.5.1.1 Timepoint(s) of evaluation of this end point: Day 28\n"
        "E.6 Scope of the trial\nE.6.1 Diagnosis: No\n"
    )
    assert page_marts(page)["endpoints"].height == 1


def test_a_table_of_labels_and_values_with_criteria_and_outcomes() -> None:
    page = (
        "| Trial ID | NCT06000004 |\n| Title | CD19 CAR T cells for refractory myositis |\n"
        "| Exclusion criteria | Active infection |\n| Sex | Female |\n"
        "| Primary outcome | Incidence of adverse events |\n"
    )
    marts = page_marts(page)
    assert marts["criteria"]["text"].to_list() == ["Active infection"]
    assert marts["endpoints"]["measure"].to_list() == ["Incidence of adverse events"]
    assert marts["trials"]["sex"].to_list() == ["FEMALE"]


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a title hard-wrapped at the page's width
        (
            "The Safety and Efficacy of Anti-CD19 CAR-T Cells in Patients With\n"
            "Relapsed/Refractory Autoimmune Diseases\nNCT ID: NCT06420154\n",
            "The Safety and Efficacy of Anti-CD19 CAR-T Cells in Patients With "
            "Relapsed/Refractory Autoimmune Diseases",
        ),
        # a wrapped sentence is no title
        (
            "Following lymphodepletion with chemotherapy (cyclophosphamide and\n"
            "fludarabine) patients will be treated with CD19 Chimeric Antigen\n"
            "Receptor (CAR) positive T cells as a single dose.\n",
            None,
        ),
        # a title over an explainer sentence stays whole and alone
        (
            "The Safety and Efficacy of Anti-CD19 CAR-T Cells in Patients With Refractory Lupus\n"
            "This section shows information provided by the study sponsor.\n",
            "The Safety and Efficacy of Anti-CD19 CAR-T Cells in Patients With Refractory Lupus",
        ),
    ],
)
def test_wrapped_titles(top: str, title: str | None) -> None:
    assert page_trial(top + "Status: Recruiting\n")["title"] == title


@pytest.mark.parametrize(
    ("lines", "days", "start"),
    [
        # "Time frame" over a frame: the measure's
        ("Phase I: Dose-limiting toxicity (DLT)\nTime frame\n28 days post infusion\n", [28], None),
        # over the study's dates: their heading
        (
            "Time Frame\nStart Date: 2025-02-10\nEstimated Completion Date: 2027-01\n",
            [],
            "2025-02-10",
        ),
    ],
)
def test_a_time_frame_label_alone_on_its_line(
    lines: str, days: list[int], start: str | None
) -> None:
    marts = page_marts("RECRUITING\n" + lines)
    assert marts["endpoints"]["time_frame_days"].to_list() == days
    got = marts["trials"]["start_date"].to_list()[0]
    assert (str(got) if got else None) == start


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("Study Phase - Phase 1\n", "phases", ["PHASE1"]),
        ("Target number of participants - 20\n", "enrollment", 20),
        ("Status – Recruiting\n", "overall_status", "RECRUITING"),
        ("First Enrolled: 2025-02-10\n", "start_date", "2025-02-10"),
        ("Record updated: 2024-05-17\n", "last_updated", "2024-05-17"),
        ("Key facts\nRECRUITING\nPHASE1\n", "overall_status", "RECRUITING"),
        (
            "Sponsors\nMeet the organizations funding or collaborating on the study and learn\n"
            "about their roles.\nShanghai First Song Therapeutics Co., Ltd\n",
            "lead_sponsor",
            "Shanghai First Song Therapeutics Co., Ltd",
        ),
    ],
)
def test_labels_and_headings_other_sites_use(lines: str, field: str, value: object) -> None:
    got = page_trial("CD19 CAR-T in lupus\nNCT07100012\n" + lines)[field]
    assert (str(got) if field.endswith(("_date", "_updated")) else got) == value


def test_an_advertisement_under_the_eligibility_heading() -> None:
    page = (
        "CD19 CAR-T in lupus\nNCT07100013\nParticipation Requirements\nAdvertisement\n"
        "Sex: All\nMinimum Age: 18\n\n• Able to give informed consent;\n\n"
        "• Age range from 18 to 70 years old;\n"
    )
    marts = page_marts(page)
    assert marts["criteria"]["criterion_type"].to_list() == ["INCLUSION", "INCLUSION"]
    assert marts["trials"]["sex"].to_list() == ["ALL"]


def test_a_field_after_a_list_still_ends_it() -> None:
    page = (
        "CD19 CAR-T in lupus\nNCT07100014\nExclusion Criteria:\nPregnancy\nActive infection\n"
        "Sex: All\n"
    )
    marts = page_marts(page)
    assert marts["criteria"].height == 2
    assert marts["trials"]["sex"].to_list() == ["ALL"]


def test_a_dumped_record_with_markdowns_escapes() -> None:
    page = (
        "CD19 CAR-T in lupus\nProtocol\n{'studyType': 'INTERVENTIONAL', 'phases': \\['PHASE1'\\], "
        "'designInfo': {'allocation': 'NON\\_RANDOMIZED', 'interventionModel': 'SINGLE\\_GROUP'}}\n"
    )
    trial = page_trial(page)
    assert (trial["study_type"], trial["allocation"], trial["intervention_model"]) == (
        "INTERVENTIONAL",
        "NON_RANDOMIZED",
        "SINGLE_GROUP",
    )


def test_an_inline_list_lettered() -> None:
    page = (
        "CD19 CAR-T in lupus\nNCT07100016\nEligibility criteria\nInclusion Criteria: a. Age 5-18 "
        "years old; b. SLEDAI 2K score ≥ 8 points; c. Negative pregnancy test. Exclusion "
        "Criteria: a. Received CAR T cell therapy previously; b. Previous stem cell transplant.\n"
    )
    types = page_marts(page)["criteria"]["criterion_type"].to_list()
    assert (types.count("INCLUSION"), types.count("EXCLUSION")) == (3, 2)


def test_an_advertisements_empty_slot() -> None:
    page = "CD19 CAR-T in lupus\nNCT07100017\nTrial arms\nAdvertisement\nTreatment group\n"
    assert page_marts(page)["arms"]["label"].to_list() == ["Treatment group"]


@pytest.mark.parametrize(
    "inclusion",
    [
        "(a) Age:5-18 years old; (b) SLEDAI 2K score ≥ 8 points; (c) Negative pregnancy test.",
        "[1] Age:5-18 years old; [2] SLEDAI 2K score ≥ 8 points; [3] Negative pregnancy test.",
    ],
)
def test_inline_lists_bracketed_or_lettered_with_a_label_first(inclusion: str) -> None:
    page = (
        f"CD19 CAR-T in lupus\nNCT07100018\nEligibility criteria\nInclusion Criteria: {inclusion}\n"
    )
    marts = page_marts(page)
    assert marts["criteria"].height == 3
    assert marts["criteria_thresholds"].filter(concept="sledai_2k").height == 1


def test_a_dumped_record_with_non_breaking_spaces() -> None:
    page = (
        "CD19 CAR-T in lupus\nProtocol\n"
        "{'studyType':\u00a0'INTERVENTIONAL',\u00a0'phases':\u00a0['PHASE1']}\n"
    )
    assert page_trial(page)["study_type"] == "INTERVENTIONAL"


def test_labels_underlined_with_dashes() -> None:
    page = "CD19 CAR-T in lupus\nName\n----\nSTEAM\nUpdated at\n----------\n2024-01-25\n"
    trial = page_trial(page)
    assert (trial["acronym"], str(trial["last_updated"]), trial["start_date"]) == (
        "STEAM",
        "2024-01-25",
        None,
    )
