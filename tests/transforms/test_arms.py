"""Arms as sites lay them out in tables: by header, by position, cells with line breaks."""

from __future__ import annotations

import polars as pl

from tests.transforms.page_build import page_marts
from transforms.text.tables import cell_lines, column_lexicon, column_roles, table_cells


def _marts(page: str) -> dict[str, pl.DataFrame]:
    return page_marts(page, "a.txt")


def _arms(page: str) -> list[tuple[object, ...]]:
    frame = _marts(page)["arms"]
    return [
        (r["label"], r["arm_type"], r["description"], r["intervention_names"])
        for r in frame.iter_rows(named=True)
    ]


def test_table_rows_with_a_header_are_arms_read_by_column() -> None:
    page = (
        "NCT06000002\n## Arms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n|---|---|\n"
        "| Experimental: Cohort A<br>Adults with myositis | Biological: CD19 CAR-T<br>"
        "Drug: Fludarabine |\n"
        "| Experimental: Cohort B | Biological: CD19 CAR-T |\n"
    )
    assert _arms(page) == [
        ("Cohort A", "EXPERIMENTAL", "Adults with myositis", ["CD19 CAR-T", "Fludarabine"]),
        ("Cohort B", "EXPERIMENTAL", None, ["CD19 CAR-T"]),
    ]


def test_headerless_rows_are_read_by_position_and_doses_keep_their_arm() -> None:
    page = (
        "NCT06000003\n## Arms\n"
        "| Experimental: Dose level 1 | CD19 CAR-T 1 × 10^6 cells/kg |\n"
        "| Experimental: Dose level 2 | CD19 CAR-T 3 × 10^6 cells/kg |\n"
    )
    assert [a[:2] for a in _arms(page)] == [
        ("Dose level 1", "EXPERIMENTAL"),
        ("Dose level 2", "EXPERIMENTAL"),
    ]
    doses = _marts(page)["doses"]
    assert doses.select("arm_label", "dose_value").rows() == [
        ("Dose level 1", 1e6),
        ("Dose level 2", 3e6),
    ]


def test_an_arm_type_column_types_an_untyped_arm() -> None:
    page = (
        "NCT06000004\nStudy Groups\n| Arm Type | Arm | Description |\n|---|---|---|\n"
        "| Active Comparator | Standard therapy | Mycophenolate as usual. |\n"
    )
    assert _arms(page) == [
        ("Standard therapy", "ACTIVE_COMPARATOR", "Mycophenolate as usual.", None)
    ]


def test_cells_and_headers() -> None:
    assert table_cells("| a |  | c |") == ["a", "", "c"]
    assert table_cells("a-b, c") is None
    assert cell_lines("Cohort A; adults with SLE; ") == ["Cohort A", "adults with SLE"]
    roles = column_lexicon({"arm": ("participant group / arm",), "intervention": ("treatment",)})
    assert column_roles(["Participant Group/Arm", "", "Treatment"], roles) == [
        "arm",
        None,
        "intervention",
    ]
    assert column_roles(["Participant Group/Arm", "Cohort A"], roles) is None


def test_labelled_groups_are_arms_with_the_interventions_stated_after_them() -> None:
    page = (
        "Registration number: ChiCTR2500011111\nInterventions\n"
        "Group: Dose escalation cohort\n"
        "Intervention: CD19 CAR-T cells 0.5-1 × 10^6/kg after lymphodepleting chemotherapy "
        "with fludarabine and cyclophosphamide\n"
        "Group: Expansion cohort\nIntervention: CD19 CAR-T cells 1 × 10^6/kg\n"
    )
    marts = _marts(page)
    assert [(a[0], len(a[3] or [])) for a in _arms(page)] == [
        ("Dose escalation cohort", 1),
        ("Expansion cohort", 1),
    ]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("Dose escalation cohort", 5e5),
        ("Expansion cohort", 1e6),
    ]
    assert marts["trials"]["lymphodepletion_agents"].to_list() == [
        ["cyclophosphamide", "fludarabine"]
    ]


def test_named_arm_lines_open_arms_when_the_page_types_none() -> None:
    page = (
        "NCT06555555\nArms\nArm 1: Low dose\nPatients receive 1 × 10^6 CAR-T cells/kg.\n"
        "Arm 2: High dose\nPatients receive 3 × 10^6 CAR-T cells/kg.\n"
        "Cohort C (SSc): CD19 CAR-T 2 × 10^6 cells/kg\n"
    )
    assert [(a[0], a[3]) for a in _arms(page)] == [
        ("Arm 1: Low dose", None),
        ("Arm 2: High dose", None),
        ("Cohort C (SSc)", ["CD19 CAR-T"]),  # the name; its dose goes to the description
    ]
    assert _marts(page)["doses"].select("arm_label", "dose_value").rows() == [
        ("Arm 1: Low dose", 1e6),
        ("Cohort C (SSc)", 2e6),
        ("Arm 2: High dose", 3e6),
    ]


def test_named_lines_under_a_typed_arm_describe_it() -> None:
    page = (
        "NCT06555558\nArms\nExperimental: Dose escalation\n"
        "Cohort 1: 1 × 10^6 cells/kg\nCohort 2: 3 × 10^6 cells/kg\n"
    )
    assert [a[0] for a in _arms(page)] == ["Dose escalation"]


def test_arm_group_fields_and_interventions_in_the_arms_section_only() -> None:
    page = (
        "NCT06555557\nArms and Interventions\nArm Group Label: CAR-T treatment\n"
        "Arm Group Type: Experimental\nDescription: Single infusion of CAR-T cells\n"
        "Drug: Fludarabine\nArm Group Label: Standard of care\n"
        "Arm Group Type: Active Comparator\n"
        "Interventions\nDrug: Mycophenolate mofetil\n"
    )
    assert _arms(page) == [
        ("CAR-T treatment", "EXPERIMENTAL", "Single infusion of CAR-T cells", ["Fludarabine"]),
        ("Standard of care", "ACTIVE_COMPARATOR", None, None),
    ]


def test_a_group_printed_twice_is_one_arm_and_keeps_its_own_span() -> None:
    page = (
        "Registration number: ChiCTR2500011111\nInterventions\n"
        "Group: Low dose\nGroup: Low dose\nIntervention: CAR-T 1 × 10^6/kg\n"
        "Group: High dose\nIntervention: CAR-T 3 × 10^6/kg\n"
    )
    marts = _marts(page)
    assert [a[0] for a in _arms(page)] == ["Low dose", "High dose"]
    arms = marts["arms"].select("label", "span_start", "span_end").rows()
    assert arms[0][2] <= arms[1][1]  # the first arm ends before the second starts
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("Low dose", 1e6),
        ("High dose", 3e6),
    ]


def test_cells_of_a_row_printed_without_outer_pipes() -> None:
    assert table_cells("Outcome | TimePoints") == ["Outcome", "TimePoints"]
    assert table_cells("A|B") is None  # unspaced: not a row


def test_a_typed_page_opens_arms_only_at_typed_lines() -> None:
    page = (
        "NCT06999980\nArms and Interventions\nParticipant Group/Arm\nIntervention/Treatment\n"
        "Experimental: CAR-T\nPatients receive CD19 CAR-T cells IV on day 0.\n"
        "Biological: CD19 CAR-T cells\nGiven IV\nOther Names:\nKYV-101\n"
        "Drug: Cyclophosphamide\nActive Comparator: Standard therapy\n"
        "Patients continue mycophenolate.\nDrug: Mycophenolate mofetil\n"
    )
    assert [(a[0], a[1], a[3]) for a in _arms(page)] == [
        ("CAR-T", "EXPERIMENTAL", ["CD19 CAR-T cells", "Cyclophosphamide"]),
        ("Standard therapy", "ACTIVE_COMPARATOR", ["Mycophenolate mofetil"]),
    ]


def test_a_lone_header_word_is_an_arm_title() -> None:
    page = "NCT06999981\nArms\nTreatment group\nCD70 CAR-T cells\nDosage: 5×10^5 cells/kg\n"
    assert [(a[0], a[3]) for a in _arms(page)] == [("Treatment group", ["CD70 CAR-T cells"])]


def test_a_line_after_a_table_is_not_part_of_its_last_row() -> None:
    page = (
        "NCT06000002\n## Arms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n|---|---|\n"
        "| Experimental: Cohort A | Biological: CD19 CAR-T |\n"
        "Lymphodepletion: fludarabine and cyclophosphamide for 3 days.\n"
    )
    assert _arms(page) == [("Cohort A", "EXPERIMENTAL", None, ["CD19 CAR-T"])]


def test_named_groups_in_an_interventions_section_are_arms() -> None:
    page = (
        "ChiCTR2400099999\nInterventions:\n"
        "Low-dose group: 3×10^5 cells/kg, single infusion\n"
        "High-dose group: 1×10^6 cells/kg, single infusion\n"
        "Total cells not to exceed 1.5 billion CAR-T cells\n"
    )
    marts = _marts(page)
    assert marts["arms"]["label"].to_list() == ["Low-dose group", "High-dose group"]
    doses = marts["doses"].sort("dose_value").select("arm_label", "dose_value").rows()
    assert doses[:2] == [("Low-dose group", 3e5), ("High-dose group", 1e6)]


def test_a_tab_separated_arms_table_copied_from_the_registry() -> None:
    page = (
        "NCT06555666\nConditions\nMyositis\nIntervention / Treatment\nBiological: CABA-201\n"
        "Arms and Interventions\nParticipant Group/Arm\tIntervention/Treatment\n"
        "Experimental: CABA-201 1.0 x 10^6 cells/kg\tBiological: CABA-201\n"
        "Study Record Dates\n"
    )
    marts = _marts(page)
    assert _arms(page) == [("CABA-201 1.0 x 10^6 cells/kg", "EXPERIMENTAL", None, ["CABA-201"])]
    assert marts["trials"]["conditions"][0].to_list() == ["Myositis"]


def test_a_front_matter_list_of_arms_keyed_by_label_and_type() -> None:
    page = (
        "---\nnct_id: NCT06333333\ntitle: A CAR-T study\narms:\n"
        "  - label: Dose level 1\n    type: EXPERIMENTAL\n    description: 1 × 10^6 cells/kg\n"
        "  - name: Dose level 2\n    type: EXPERIMENTAL\n---\n"
    )
    assert [row[:2] for row in _arms(page)] == [
        ("Dose level 1", "EXPERIMENTAL"),
        ("Dose level 2", "EXPERIMENTAL"),
    ]


def test_a_header_row_of_two_terms_is_no_arm() -> None:
    page = (
        "NCT05999888\nArms and Interventions\nArm \tIntervention/treatment \n"
        "Experimental: KYV-101\nA single infusion of CAR-T cells.\n\tBiological: KYV-101\n"
    )
    assert [row[:2] for row in _arms(page)] == [("KYV-101", "EXPERIMENTAL")]


def test_dose_groups_under_an_intervention_groups_heading() -> None:
    page = (
        "Intervention groups\n"
        "1. Low-dose group: 5 × 10^5 CAR-T cells/kg\n"
        "2. High-dose group: 2 × 10^6 CAR-T cells/kg\n"
        "Number of arms: 2\n"
    )
    assert _arms(page) == [  # a dose is what the group gets, not an intervention's name
        ("Low-dose group", None, "5 × 10^5 CAR-T cells/kg", None),
        ("High-dose group", None, "2 × 10^6 CAR-T cells/kg", None),
    ]


def test_a_dose_table_whose_header_names_the_unit_and_an_arm_described_after_a_dash() -> None:
    page = (
        "## Dose levels\n\n| Dose level | Dose (CAR-T cells/kg) | Patients |\n|---|---|---|\n"
        "| DL1 | 5 × 10^5 | 3 |\n| DL2 | 1 × 10^6 | 3-6 |\n\n## Arms\n"
        "- Experimental: Dose escalation — Participants receive CAR-T at one of two dose levels.\n"
        "- Experimental: CAR-T - Dose level 1\n"
    )
    marts = _marts(page)
    doses = marts["doses"].select("dose_value", "dose_unit", "source_text").rows()
    assert doses == [(5e5, "cells/kg", "5 × 10^5"), (1e6, "cells/kg", "1 × 10^6")]
    spans = marts["doses"].select("source_text", "span_start", "span_end").rows()
    assert all(page[start:end] == text for text, start, end in spans)
    assert _arms(page) == [
        (
            "Dose escalation",
            "EXPERIMENTAL",
            "Participants receive CAR-T at one of two dose levels.",
            None,
        ),
        ("CAR-T - Dose level 1", "EXPERIMENTAL", None, None),  # a name with a dash in it
    ]


def test_a_table_rows_arm_name_and_its_description_after_a_dash() -> None:
    page = (
        "NCT06000009\n## Arms and Interventions\n"
        "| Participant Group/Arm | Intervention/Treatment |\n|---|---|\n"
        "| Experimental: Dose level 1 - Patients receive 1 × 10^6 CAR-T cells/kg | "
        "Biological: CD19 CAR-T |\n"
        "| Experimental: CAR-T - Dose level 2 | Biological: CD19 CAR-T |\n"
    )
    assert _arms(page) == [
        (
            "Dose level 1",
            "EXPERIMENTAL",
            "Patients receive 1 × 10^6 CAR-T cells/kg",
            ["CD19 CAR-T"],
        ),
        ("CAR-T - Dose level 2", "EXPERIMENTAL", None, ["CD19 CAR-T"]),
    ]


COHORTS_TYPED_AFTER = """## Study Arms

**Cohort 1 (DL1) — Experimental**
Low dose: 0.5 × 10^6 CAR-T cells/kg, single IV infusion on Day 0 following Flu/Cy.

**Observation cohort — No Intervention**
Patients receiving standard of care only.

**Sentinel (Experimental)**
The first participant is dosed alone.
"""


def test_an_arms_type_written_after_its_name() -> None:
    marts = _marts(COHORTS_TYPED_AFTER)
    assert marts["arms"].select("label", "arm_type").rows() == [
        ("Cohort 1 (DL1)", "EXPERIMENTAL"),
        ("Observation cohort", "NO_INTERVENTION"),
        ("Sentinel", "EXPERIMENTAL"),
    ]
    trial = marts["trials"].row(0, named=True)
    assert trial["lymphodepletion_agents"] == ["cyclophosphamide", "fludarabine"]


ARM_TABLE_UNDER_INTERVENTIONS = """## Interventions

| Arm | Description |
|---|---|
| Dose 1 | Single infusion of CD19 CAR-T cells, 5 × 10^5 CAR+ T cells/kg, after fludarabine |
| Dose 2 | Single infusion of CD19 CAR-T cells, 1 × 10^6 CAR+ T cells/kg |
| Dose 3 | Single infusion of CD19 CAR-T cells, 2 × 10^6 CAR+ T cells/kg |
"""


def test_an_arm_table_under_an_interventions_heading() -> None:
    marts = _marts(ARM_TABLE_UNDER_INTERVENTIONS)
    assert marts["arms"]["label"].to_list() == ["Dose 1", "Dose 2", "Dose 3"]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("Dose 1", 5e5),
        ("Dose 2", 1e6),
        ("Dose 3", 2e6),
    ]


def test_a_table_of_interventions_is_no_arm_table() -> None:
    page = (
        "## Interventions\n\n| Intervention | Dose |\n|---|---|\n"
        "| CD19 CAR-T | 1 × 10^6 cells/kg |\n"
    )
    assert _marts(page)["arms"].height == 0


def test_what_an_arm_gets_is_its_description_not_an_intervention_name() -> None:
    page = (
        "Arms\nExperimental: Dose 1\nSingle infusion of 1-2 × 10^6 CAR-T cells/kg\n"
        "Experimental: Dose 2\nSingle infusion of 3 × 10^6 CAR-T cells/kg\n"
    )
    assert _arms(page) == [
        ("Dose 1", "EXPERIMENTAL", "Single infusion of 1-2 × 10^6 CAR-T cells/kg", None),
        ("Dose 2", "EXPERIMENTAL", "Single infusion of 3 × 10^6 CAR-T cells/kg", None),
    ]


def test_dose_lines_under_an_arms_heading_are_arms() -> None:
    page = (
        "Arms:\nDose 1: AAV-CART 1 × 10^8 CAR-T cells (flat dose)\n"
        "Dose 2: AAV-CART 2 × 10^8 CAR-T cells (flat dose)\n"
    )
    assert _marts(page)["doses"].select("arm_label", "dose_value").rows() == [
        ("Dose 1", 1e8),
        ("Dose 2", 2e8),
    ]
    assert [(a[0], a[2], a[3]) for a in _arms(page)] == [
        ("Dose 1", "AAV-CART 1 × 10^8 CAR-T cells (flat dose)", ["AAV-CART"]),
        ("Dose 2", "AAV-CART 2 × 10^8 CAR-T cells (flat dose)", ["AAV-CART"]),
    ]


def test_dose_levels_under_an_interventions_heading_are_one_arms_doses() -> None:
    page = "Interventions\nDose level 1: 1 × 10^5 cells/kg\nDose level 2: 3 × 10^5 cells/kg\n"
    marts = _marts(page)
    assert marts["arms"].height == 0
    assert marts["doses"]["dose_value"].to_list() == [1e5, 3e5]


def test_a_table_cell_running_an_arms_name_into_its_description() -> None:
    page = (
        "Arms and Interventions\n| Participant Group/Arm | Intervention/Treatment |\n|---|---|\n"
        "| Experimental: Dose Level 1 (DL1) Participants receive 0.5 × 10^6 CAR-T cells/kg "
        "after lymphodepletion | Biological: ABC-19 |\n"
    )
    assert _arms(page) == [
        (
            "Dose Level 1 (DL1)",
            "EXPERIMENTAL",
            "Participants receive 0.5 × 10^6 CAR-T cells/kg after lymphodepletion",
            ["ABC-19"],
        )
    ]


def test_an_arms_intervention_named_twice_is_listed_once() -> None:
    page = (
        "Arms and Interventions\nArm A: Allo-CAR 50-150 × 10^6 cells/m² single infusion\n"
        "  Biological: Allo-CAR\n"
    )
    assert _arms(page)[0][3] == ["Allo-CAR"]


def test_a_text_views_description_and_biological_intervention_on_one_line() -> None:
    page = (
        "A trial\nNCT06420154\n\nArms and Interventions\nArm \tIntervention/treatment\n"
        "Experimental: Treatment group\n"
        "The subjects received infusions of anti-CD19 CAR-T cells. \tBiological: CD19 CAR-T\n"
        "Dosage: 1×10^5 cells/kg; 1×10^6 cells/kg\n"
        "Active Comparator: Standard therapy\n"
        "Patients continue standard therapy. \tDrug: Mycophenolate mofetil\n"
    )
    marts = _marts(page)
    assert marts["arms"].select("label", "description", "intervention_names").rows() == [
        (
            "Treatment group",
            "The subjects received infusions of anti-CD19 CAR-T cells. "
            "Dosage: 1×10^5 cells/kg; 1×10^6 cells/kg",
            ["CD19 CAR-T"],
        ),
        ("Standard therapy", "Patients continue standard therapy.", ["Mycophenolate mofetil"]),
    ]
    assert set(marts["doses"]["arm_label"].to_list()) == {"Treatment group"}


def test_a_page_printing_every_value_twice_a_line_each() -> None:
    page = (
        "Histologic evaluation\nHistologic evaluation\n\nNCT ID\nNCT04207047\nNCT04207047\n"
        "Arms and Interventions\nArm\nExperimental: Group A\nExperimental: Group A\n"
        "Description\nGenius exposure 1-3 hours before tissue resection\n"
        "Genius exposure 1-3 hours before tissue resection\nIntervention\nDevice: Genius\n"
        "Device: Genius\nArm\nExperimental: Group D\nExperimental: Group D\nDescription\n"
        "Genius and PicoPlus exposure before resection\n"
        "Genius and PicoPlus exposure before resection\nIntervention\n"
        "Device: Genius; Device: PicoPlus\nDevice: Genius; Device: PicoPlus\n"
    )
    assert _marts(page)["arms"].select("label", "description", "intervention_names").rows() == [
        ("Group A", "Genius exposure 1-3 hours before tissue resection", ["Genius"]),
        ("Group D", "Genius and PicoPlus exposure before resection", ["Genius", "PicoPlus"]),
    ]


def test_other_interventions_of_a_text_view_arm_and_an_arm_typed_other() -> None:
    page = (
        "A trial\nNCT04267848\n\nArms and Interventions\nArm \tIntervention/treatment\n"
        "Experimental: CAR-T arm\nPatients receive CAR-T cells. \tBiological: CD19 CAR-T\n"
        "Given IV\nOther: Questionnaire Administration\nAncillary studies\n"
        "Other: Healthy controls\nVolunteers give blood once. \tOther: Blood draw\n"
    )
    arms = _marts(page)["arms"]
    assert arms.select("label", "arm_type", "intervention_names").rows() == [
        ("CAR-T arm", "EXPERIMENTAL", ["CD19 CAR-T", "Questionnaire Administration"]),
        ("Healthy controls", "OTHER", ["Blood draw"]),
    ]


def test_arms_listed_twice_a_table_then_blocks_are_each_one_arm() -> None:
    page = (
        "Arms and Interventions\n| Participant Group/Arm | Intervention/Treatment |\n"
        "| --- | --- |\n"
        "| Experimental: Low dose | Biological: CD19 CAR-T |\n"
        "| Experimental: High dose | Biological: CD19 CAR-T |\n\n"
        "Experimental: Low dose\nBiological: CD19 CAR-T\n"
        "Experimental: High dose\nBiological: CD19 CAR-T\n"
    )
    assert [(a[0], a[1], a[3]) for a in _arms(page)] == [
        ("Low dose", "EXPERIMENTAL", ["CD19 CAR-T"]),
        ("High dose", "EXPERIMENTAL", ["CD19 CAR-T"]),
    ]


def test_other_set_under_an_arm_is_its_intervention() -> None:
    page = (
        "Arms and Interventions\n1. Experimental: CAR-T arm\n   • Biological: SLE-19 CAR-T cells\n"
        "2. Placebo Comparator: Placebo infusion\n   • Other: Saline\n"
    )
    assert [(a[0], a[1], a[3]) for a in _arms(page)] == [
        ("CAR-T arm", "EXPERIMENTAL", ["SLE-19 CAR-T cells"]),
        ("Placebo infusion", "PLACEBO_COMPARATOR", ["Saline"]),
    ]


def test_a_cohort_table_with_a_disease_column() -> None:
    page = (
        "Arms:\n| Cohort | Disease | Dose |\n| --- | --- | --- |\n"
        "| Cohort A | SLE | 1 × 10^6 CAR-T cells/kg |\n"
        "| Cohort B | SSc | 2 × 10^6 CAR-T cells/kg |\n"
    )
    marts = _marts(page)
    assert marts["arms"]["label"].to_list() == ["Cohort A", "Cohort B"]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("Cohort A", 1e6),
        ("Cohort B", 2e6),
    ]


def test_an_arm_type_alone_on_its_line_before_or_after_the_label() -> None:
    before = (
        "Study Groups\nEXPERIMENTAL\nLow dose\nBCMA CAR-T cells\n"
        "Participants receive 1×10^6 CAR-T cells/kg.\n"
        "EXPERIMENTAL\nHigh dose\nBCMA CAR-T cells\nParticipants receive 3×10^6 CAR-T cells/kg.\n"
    )
    after = before.replace("EXPERIMENTAL\nLow dose", "Low dose\nEXPERIMENTAL").replace(
        "EXPERIMENTAL\nHigh dose", "High dose\nEXPERIMENTAL"
    )
    for page in (before, after):
        assert [(a[0], a[1]) for a in _arms(page)] == [
            ("Low dose", "EXPERIMENTAL"),
            ("High dose", "EXPERIMENTAL"),
        ]


def test_groups_of_an_observational_study_and_arms_named_then_grouped() -> None:
    labelled = (
        "Study Type: Observational\nStudy Groups\nGroup/Cohort: Treated patients\n"
        "Patients who received CD19 CAR-T.\nGroup/Cohort: Healthy controls\nAge-matched donors.\n"
    )
    headed = labelled.replace("Study Groups", "Groups and Cohorts").replace("Group/Cohort: ", "")
    for page in (labelled, headed):
        assert [a[0] for a in _arms(page)] == ["Treated patients", "Healthy controls"]
    grouped = (
        "Treatment groups\n\nComplete caries removal: Control group\n"
        "Incomplete caries removal: Test group\n"
    )
    assert [(a[0], a[2]) for a in _arms(grouped)] == [
        ("Complete caries removal", "Control group"),
        ("Incomplete caries removal", "Test group"),
    ]


def test_dose_levels_listed_under_an_arm_stay_the_arms() -> None:
    page = (
        "Arms:\nExperimental: CD19 CAR-T\nDose levels:\nDL1: 1 × 10^6 cells/kg\n"
        "Biological: CD19 CAR-T\n"
    )
    marts = _marts(page)
    assert marts["arms"].select("label", "intervention_names").rows() == [
        ("CD19 CAR-T", ["CD19 CAR-T"])
    ]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [("CD19 CAR-T", 1e6)]


def test_labelled_arms_with_no_heading_keep_their_descriptions_and_doses() -> None:
    page = (
        "Title: X\nArm Group Label: Cohort 1\nDescription: Participants receive 2 × 10^5 "
        "CAR-T cells/kg.\nIntervention: Biological: CD19 CAR-T\nArm Group Label: Cohort 2\n"
        "Description: Participants receive 6 × 10^5 CAR-T cells/kg.\n"
        "Intervention: Biological: CD19 CAR-T\n"
    )
    marts = _marts(page)
    assert marts["arms"].select("label", "intervention_names").rows() == [
        ("Cohort 1", ["CD19 CAR-T"]),
        ("Cohort 2", ["CD19 CAR-T"]),
    ]
    assert marts["doses"].select("arm_label", "dose_value").rows() == [
        ("Cohort 1", 2e5),
        ("Cohort 2", 6e5),
    ]


def test_a_single_arm_study_with_no_arm_listed_has_one_arm() -> None:
    page = (
        "Title: X\nStudy Type: Interventional\nBrief Summary:\nThis is a single-arm, open-label "
        "study. Participants will receive a single infusion of 1 × 10^8 CAR-NK cells.\n"
    )
    assert _arms(page) == [(None, None, None, None)]
    assert _arms("Title: X\nIntervention Model: Single Group Assignment\n") == [
        (None, None, None, None)
    ]
    assert _arms("Title: X\nBrief Summary:\nA study of CAR-T in lupus.\n") == []


def test_untyped_arms_as_sibling_bullets() -> None:
    page = "Arms\n- Certolizumab Pegol 200 mg Q2W\n- Placebo\n"
    assert [a[0] for a in _arms(page)] == ["Certolizumab Pegol 200 mg Q2W", "Placebo"]


def test_a_numbered_arm_line_then_its_name_and_type_as_fields_is_one_arm() -> None:
    page = (
        "Treatment groups\nArm 1\nName: Low dose group\nType: Experimental\n"
        "Arm 2\nName: High dose group\nType: Experimental\nEnrollment: 12\n"
    )
    assert [a[:2] for a in _arms(page)] == [
        ("Arm 1: Low dose group", "EXPERIMENTAL"),
        ("Arm 2: High dose group", "EXPERIMENTAL"),
    ]
    # A described arm's name field after it opens another arm, as it did.
    described = "Arms\nArm 1\nParticipants receive CAR-T.\nName: Observation\n"
    assert [a[0] for a in _arms(described)] == ["Arm 1", "Observation"]


def test_a_named_line_typed_before_its_colon_or_its_dash() -> None:
    page = (
        "Arms and interventions\n"
        "Dermatomyositis cohort (Experimental): CD19-CAR T cells 1 × 10^6 CAR+ cells/kg\n"
        "Anti-synthetase syndrome cohort (Experimental): CD19-CAR T cells 1 × 10^6 cells/kg\n"
    )
    assert [a[:2] for a in _arms(page)] == [
        ("Dermatomyositis cohort", "EXPERIMENTAL"),
        ("Anti-synthetase syndrome cohort", "EXPERIMENTAL"),
    ]
    dashed = (
        "Treatment groups\nArm 1: Low dose group (Experimental) — 5 × 10^5 cells/kg\n"
        "Arm 2: Observation (No Intervention) — standard care\n"
    )
    assert [a[:3] for a in _arms(dashed)] == [
        ("Arm 1: Low dose group", "EXPERIMENTAL", "5 × 10^5 cells/kg"),
        ("Arm 2: Observation", "NO_INTERVENTION", "standard care"),
    ]
