"""The heading and label lexicon: many spellings, one canonical name.

Sites call the same thing "Eligibility Criteria", "Who can participate" or
"Participation Requirements"; "Trial start", "Study Start" or "Start Date".
Sections hold multi-line bodies (lists, prose); fields are label/value pairs.
Adding a spelling here is how a new site's vocabulary is taught.
"""

from __future__ import annotations

import re

from transforms.text.page_furniture import is_page_footer

SECTION_TERMS: dict[str, tuple[str, ...]] = {
    "summary": (
        "brief summary",
        "summary",
        "description",
        "about",
        "about this study",
        "about the study",
        "study description",
        "overview",
        "study summary",
        "study overview",
        "purpose of the study",
        "plain language summary",
        "what is this study about",
        "study purpose",
        "background",
    ),
    "detailed_description": (
        "detailed description",
        "study details",
        "full description",
        "what will happen during the study",
        "what happens during the study",
        "what will happen in the study",
        # a patient finder's plain headings, often with no question mark
        "what happens",
        "what will happen",
        "what happens in the study",
        "what happens in this study",
        "what happens in this trial",
        "what happens in the trial",
        "what does the study involve",
        "what is involved",
        "how many people will take part",
        "how many people are needed",
        "how long does it last",  # over the trial's duration, in prose: its dates
        "how long does the trial last",
        "how long does the study last",
        "how long will it last",
    ),
    "status": (
        "status and phase",
        "basic information",
        "study status",
        "trial status overview",
        "key facts",  # a finder's block of bare values: status, phase, size, dates
        "at a glance",
        "study at a glance",
        "trial at a glance",
    ),
    "design": (
        "study design",
        "design",
        "design details",
        "trial design",
        "study design details",
        "how is the study designed",
    ),
    "arms": (
        "trial arms",
        "arms",
        "study arms",
        "study groups",
        "arms and interventions",
        "groups",
        "treatment groups",
        "treatments",
        "treatment arms",
        "arm groups",
        "cohorts",
        "participant groups",
        "study groups and cohorts",
        "groups and cohorts",
        "groups/cohorts",
        "arms/groups",
        "study groups/cohorts",
        "intervention groups",
        "intervention arms",
        "dose groups",
        "experimental groups",
        "study cohorts",
    ),
    "interventions": (
        "interventions",
        "interventions, observational groups",  # DRKS
        "干预措施",
        "intervention details",
        "study interventions",
        "intervention / treatment",
        "intervention/treatment",
        "interventions / treatments",
        "intervention / comparator agent",  # CTRI
        "intervention/comparator agent",
        # Dose-escalation pages head their dose table or list so; never a criterion.
        "dose levels",
        "dose cohorts",
        "dose escalation cohorts",
        "dosing schedule",
        # Protocol synopses (ICH E3) head the product and its dosing so.
        "investigational product",
        "investigational products",
        "investigational medicinal product",
        "investigational medicinal products",
        "investigational medicinal product details",
        "investigational product, dosage and mode of administration",
        "investigational product, dose and mode of administration",
        "test product, dose and mode of administration",
        "test product, dose and mode of administration, batch number",
        "study drug",
        "study treatment",
        "treatment details",  # a finder's heading over the product and its dose
        # hospitals' and patient pages' headings over what is given and how much
        "treatment plan",
        "treatment schedule",
        "treatment regimen",
        "about the treatment",
        "dosing",
        "dose and administration",
        "dosage and administration",
        "products",  # EU CTIS: each product's name, form, route and dose
        "product information",
    ),
    "outcomes": (
        "outcome measures",
        "outcomes",
        "endpoints",
        "study endpoints",
        "outcome measure",
        "study outcomes",
        "what the study measures",
        "what is the study measuring",
        "what will be measured",
        "what is being measured",
        "what is measured",
        "what the study is looking at",
        "what is the study looking at",
        "what we measure",
        "what we are measuring",
        "what they are measuring",
        "observation indicators",  # a Chinese registry's English
        "outcome indicators",
        "what they measure",
        "what they will measure",
        "what they'll measure",  # trial finders' headings
        "what we will measure",
        "what we'll measure",
        "what researchers measure",
        "what researchers will measure",
        "what will the study look at",
        "what will the study measure",
        "what will researchers measure",
        "end points",
        "key endpoints",
        "key end points",
        "study measures",
        "objectives and endpoints",
        "endpoints and objectives",
        "trial endpoints",
        "efficacy endpoints",
        "safety endpoints",
        "测量指标",  # ChiCTR
    ),
    "primary_outcomes": (
        "current primary outcome measures",
        "primary endpoint",
        "primary endpoints",
        "primary outcome",
        "primary outcomes",
        "primary outcome measures",
        "primary outcome measure",
        "primary end point",
        "primary end points",
        "primary efficacy endpoint",
        "main outcome",
        "main outcomes",
        "main outcome measure",
        "main outcome measures",
        "primary efficacy endpoints",
        "co-primary endpoints",
        "endpoints — primary",
        "endpoints - primary",
        "endpoints – primary",
        "main outcome measures",
        "main measures",  # patient-facing pages: "Main measures" / "Other measures"
        "primary measures",
        "主要结局指标",
    ),
    "secondary_outcomes": (
        "current secondary outcome measures",
        "secondary endpoint",
        "secondary endpoints",
        "secondary outcome",
        "secondary outcomes",
        "secondary outcome measures",
        "secondary outcome measure",
        "secondary end points",
        "secondary end point",
        "secondary efficacy endpoints",
        "key secondary endpoint",
        "key secondary endpoints",
        "key secondary outcome measures",
        "endpoints — secondary",
        "endpoints - secondary",
        "endpoints – secondary",
        "key secondary outcomes",
        "other measures",
        "secondary measures",
        "次要结局指标",
    ),
    "other_outcomes": (
        "current other pre-specified outcome measures",
        "other outcome measures",
        "other pre-specified outcome measures",
        "exploratory endpoints",
        "exploratory endpoint",
        "exploratory outcome measures",
        "exploratory outcomes",
        "other outcomes",
        "other outcome",
        "other pre-specified outcomes",
        "tertiary endpoints",
        "tertiary outcome measures",
        "additional outcome measures",
        "other endpoints",
        "other end points",
        "other end point",
        "tertiary/exploratory",
        "tertiary / exploratory",
        "tertiary/exploratory endpoints",
        "exploratory objectives and endpoints",
    ),
    "eligibility": (
        "eligibility",
        "requirements",  # a finder's "Participation Requirements", shortened
        "participation requirements and restrictions",
        "eligibility criteria",
        "participation requirements",
        "who can participate",
        "who can join",
        "who can enter",
        "who can take part in this trial",
        "criteria",
        "participant eligibility",
        "key eligibility criteria",
        "eligibility requirements",
        "entry criteria",
        "selection criteria",
        "who is eligible",
        "participation criteria",
        "eligibility information",
        "inclusion and exclusion criteria",
        "key inclusion and exclusion criteria",
        "criteria for participation",
        "criteria for eligibility",
        "key eligibility",
        "key eligibility requirements",
        "main eligibility criteria",
        "eligibility criteria checklist",  # a finder's checklist of "Must have" / "Must not"
        "eligibility details",
        "main selection criteria",
    ),
    "inclusion": (
        "inclusion criteria",
        "key inclusion criteria",
        "inclusion",
        "main inclusion criteria",
        "principal inclusion criteria",
        "participant inclusion criteria",
        "diagnosis and main criteria for inclusion",  # ICH E3 synopsis
        "who can take part",
        "participants are eligible if they",
        "participants may be included if they",
        "participants can join this study if they",
        "people can join this study if they",
        "participants must meet all of the following criteria",
        "participants must meet the following criteria to be enrolled",
        "you may qualify if",
        "you can join if",
        "you may qualify if you",
        "you can join if you",
        "you can take part if",
        "you can take part if you",
        "you may be able to join if",
        "you may be able to join if you",
        "you may be able to take part if",
        "you may be able to take part if you",
        "inclusion requirements",
        "criteria for inclusion",
        "main criteria for inclusion",
        "who can join this trial",
        "who can join this study",
        "inclusions",
        "key inclusions",
        "you can join this study if",
        "you can join this study if you",
        "who should take part",
        "eligibility criteria - inclusion",
        "eligibility - inclusion",
        "eligibility — inclusion",
        "eligibility – inclusion",
        "include criteria",  # jRCT's English
        "must have",  # a finder's checklist
        "inclusioncriteria",  # CTRI: label and word glued
        "participants must",  # a hospital's lead-ins over its two lists
        "patients must",
        "eligible patients",
        "eligible participants",
        "criteria of inclusion",  # machine-translated labels
        "纳入标准",
        "入选标准",
        "入组标准",
    ),
    "exclusion": (
        "exclusion criteria",
        "key exclusion criteria",
        "exclusion",
        "main exclusion criteria",
        "principal exclusion criteria",
        "participant exclusion criteria",
        "who cannot take part",
        "who can not take part",
        "who is not eligible",
        "who is ineligible",
        "who cannot join",
        "who can not join",
        "who can't join",
        "participants are not eligible if they",
        "participants will be excluded if they",
        "participants may be excluded if they",
        "participants cannot join if they",
        "you may not qualify if",
        "you cannot join if",
        "you can't join if",
        "you may not qualify if you",
        "you cannot join if you",
        "who cannot join",
        "who can't join",
        "you cannot take part if",
        "you cannot take part if you",
        "you may not be able to join if",
        "you may not be able to join if you",
        "you may not be able to take part if you",
        "exclusion requirements",
        "criteria for exclusion",
        "who should not take part",
        "must not have",
        "who should not participate",
        "who may not take part",
        "reasons you may not be able to join",
        "participants must not",
        "patients must not",
        "ineligibility criteria",
        "who can't join this trial",
        "who cannot join this trial",
        "you should not take part if",
        "eligibility criteria - exclusion",
        "eligibility - exclusion",
        "eligibility — exclusion",
        "eligibility – exclusion",
        "exclude criteria",
        "who can't take part",
        "who cannot participate",
        "who can't participate",
        "who can not participate",
        "who may not participate",
        "who can not take part",
        "exclusioncriteria",
        "non-inclusion criteria",  # a French protocol's "critères de non-inclusion"
        "non inclusion criteria",
        "participants cannot",
        "participants can't",
        "patients cannot",
        "ineligible patients",
        "ineligible participants",
        "criteria of exclusion",
        "exclusionary criteria",
        "non-eligibility criteria",
        "non eligibility criteria",
        "subjects meeting any of the following criteria will be excluded",
        "participants meeting any of the following criteria will be excluded",
        "patients meeting any of the following criteria will be excluded",
        "participants are not eligible if they have",
        "you should not join this study if",
        "you should not join if",
        "you will not be able to join if you",
        "you will not be able to join if",
        "reasons you may not be able to take part",
        "排除标准",
    ),
    "locations": (
        "locations",
        "recruitment in australia",  # ANZCTR's two headings over its sites
        "recruitment outside australia",
        "where",
        "where is the study taking place",
        "where is this study taking place",
        "other locations",
        "research sites",
        "study locations",
        "sites",
        "trial sites",
        "study sites",
        "recruitment locations",
        "contacts and locations",
        "trial contacts and locations",
        "contacts/locations",
        "trial locations",
        "where is the study",
        "where is it",  # a finder's plain headings
        "where is it happening",
        "where is the trial",
        "where is this trial",
        "study centers",
        "study centres",
        "study center",
        "study centre",
        "centres",
    ),
    "countries": (
        "countries",
        "location countries",
        "countries of recruitment",
        "recruiting countries",
        "recruitment countries",
        "participating countries",
        "trial countries",
        "study countries",
        "countries of recruitment and research settings",  # ChiCTR, over "Country"
        "countries concerned",  # EU CTIS: the member states concerned
        "member states concerned",
        "country of recruitment",
        "研究实施地点",
    ),
    "sponsors": (
        "addresses",  # DRKS: the sponsor's and the contacts' addresses
        "sponsors",
        "sponsors and collaborators",
        "collaborators",
        "funding",
        "sponsor information",
        "collaborators and investigators",
    ),
    "contacts": (
        "contact information",
        "central contacts",
        "facility contacts",
        "central trial contact",
        "contacts",
        "principal investigators",
        "investigators",
        "study contacts",
        "contact",
        "study contact",
        "study contact backup",
        "trial contacts",
        "principal investigator",
        "study director",
        "study chair",
        "contact person",
        "contact persons",
    ),
    "related": (
        "related clinical trials",
        "related trials",
        "more related trials",
        "similar trials",
        "similar studies",
        "related studies",
        "related",
        "other trials",
        "clinical trials",
        "you may also be interested in",
        "similar clinical trials",
    ),
    "identifiers": (
        "other identifiers",
        "identifiers",
        "secondary ids",
        "other ids",  # ClinicalTrials.gov's export
        "secondary ids if any",  # CTRI
        "other study id numbers",
        "study identifiers",
        "secondary identifiers",
    ),
    "conditions": (
        "conditions",
        "indications",
        "diseases",
        "diseases or conditions being studied",  # PACTR's "Disease(s) or condition(s) …"
        "conditions studied",
        "health conditions",
        "disease areas",
        # Alone on its line, over a list (ANZCTR, WHO); "Label: value" is the field below.
        "health conditions or problems studied",
        "health condition or problem studied",  # DRKS
        "health condition / problems studied",  # CTRI
        "health condition/problems studied",
    ),
    "therapeutic_areas": ("related therapeutic areas", "therapeutic areas", "keywords"),
    "dates": (
        "time frame",
        "dates",
        "study dates",
        "key dates",
        "timeline",
        "study timeline",
    ),
    # ClinicalTrials.gov's tabular view groups its fields under these.
    "details": (
        "intervention/exposure",  # ANZCTR's group of intervention and design fields
        "collecting samples from participants",  # ChiCTR's specimens, after its outcomes
        "采集人体标本",
        # ClinicalTrials.gov's page groups (their fields are this record's own).
        "study plan",
        "more information",
        "study record dates",
        "study registration dates",
        "study record updates",
        "tracking information",
        "descriptive information",
        "recruitment information",
        "administrative information",
    ),
    # An earlier version of the record printed beside the current one: not this record.
    "superseded": (
        "original primary outcome measures",
        "original secondary outcome measures",
        "original other pre-specified outcome measures",
        "original other outcome measures",
        "change history",
        "previous primary outcome measure",
        "previous primary outcome measures",
        "previous secondary outcome measure",
        "previous secondary outcome measures",
        "previous inclusion criteria",
        "previous exclusion criteria",
        "previous participant inclusion criteria",
        "previous participant exclusion criteria",
    ),
    # An observational study's cohort in words (ClinicalTrials.gov): who is studied, not
    # a criterion; its "Sampling Method" is a design detail.
    "participants": (
        "participants",
        "participant information",
        "study population",
        "sampling method",
    ),
    # Posted results: this trial's, but what it found, not what it planned (a result's
    # "Title:" and "Time Frame:" are no title of the trial, no outcome it measures).
    "results": (
        "study results",
        "results",
        "results overview",
        "outcome measure results",  # not "Trial results" / "Results summary": a finder's block
        "reported results",  # over "No results posted yet", its outcome list below
        "results information",
        "results data",
        "posted results",
        "results posted",
        "outcome measure data",
        "participant flow",
        "baseline characteristics",
        "adverse events",
        "serious adverse events",
        "other adverse events",
        "all-cause mortality",
        "limitations and caveats",
    ),
    "protocol": ("protocol", "protocol record", "registry record", "raw record"),
    "navigation": (
        "resources",
        "legal",
        "research sites menu",
        "share",
        "references",
        "publications",
        "useful links",
        "study documents",
        "drug and device information, study documents",
        "resource links provided by the national library of medicine",
        "plan for individual participant data",
        "ipd sharing statement",
        "individual participant data sharing statement",
    ),
}

FIELD_TERMS: dict[str, tuple[str, ...]] = {
    "nct_id": (
        "nct id",
        "nct number",
        "nct",
        "clinicaltrials.gov id",
        "clinicaltrials.gov identifier",
        "nctid",
    ),
    "registry_id": (
        "registration number",
        "registry number",
        "registration no",
        "trial registration",
        "chictr id",
        "eudract number",
        "ctri number",
        "ctis number",
        "eu ct number",
        "trial id",
        "registry id",
        "registry ids",
        "registration numbers",
        "trial registrations",
        "注册号",
    ),
    "title": (
        "title",
        "official title",
        "protocol title",  # Health Canada's database
        "brief title",
        "study title",
        "scientific title",
        "public title",
        "public title of study",
        "scientific title of study",
        "trial title",
        "full title",
        "full title of the trial",
        "title of the trial",
        "study name",  # a finder's; one word is the acronym ("Trial name: RESET-SLE")
        "trial name",
        "注册题目",
        "研究题目",
        "试验题目",
        "正式科学名",
        "研究课题的正式科学名称",
        "公众题目",
    ),
    "acronym": (
        "acronym",
        "study acronym",
        "short name",
        "name",
        "trial acronym",
        "abbreviated title",
        "name or abbreviated title of the trial where available",  # the EU register's A.3.2
    ),
    "status": (
        "status",
        "overall status",
        "overall study status",  # ISRCTN: "Ongoing", "Completed", "Stopped"
        "overall trial status",
        "overall recruitment status",  # CRIS
        "recruitment status",
        "study status",
        "trial status",
        "recruiting status",
        "current status",
        "current recruitment status",
        "recruitment state",  # machine-translated labels
        "state of recruitment",
        "current trial status",
        "current study status",
        "status of recruitment",
        "recruitment status of trial",
        "end of trial status",  # the EU register's "P. End of Trial Status"
        "p. end of trial status",
        "研究状态",
        "招募状态",
        "征募研究对象情况",
        "征募状态",
        "招募情况",
    ),
    "phase": (
        "phase",
        "study phase",
        "phases",
        "trial phase",
        "clinical phase",
        "phase of trial",
        "phase of development",
        "development phase",
        "研究分期",
        "研究所处阶段",
        "研究阶段",
        "试验分期",
    ),
    "study_type": ("study type", "type of study", "trial type", "研究类型", "primary study design"),
    # ISRCTN's secondary design is its allocation ("Non randomised study").
    "allocation": (
        "allocation",
        "allocation to intervention",
        "secondary study design",
        "randomised",  # the EU register's question, "Randomised: yes" (not "RANDOMIZED", a code)
        "randomisation",  # a mirror's: "Randomisation: Randomised"
        "randomization",
    ),
    "intervention_model": (
        "intervention model",
        "design model",
        "interventional model",
        "interventional study model",  # ClinicalTrials.gov's Researcher View
        "study model",
        "model",
        "intervention assignment",
        "assignment",  # DRKS
    ),
    "primary_purpose": ("primary purpose", "purpose", "trial purpose"),
    "masking": (
        "masking",
        "blinding",
        "masking/blinding",
        "masking / blinding",
        "blinding/masking",
        "blinding / masking",
    ),
    "enrollment": (
        "enrollment",
        "number of participants enrolled",
        "anticipated target sample size",  # PACTR: "… (number of participants)"
        "actual target sample size",
        "final sample size",
        "final number of participants",
        "size",
        "target enrollment",
        "target number of participants",
        "target number of participant",  # CRIS
        "number of participants",
        "number of participants in the trial",
        "number of participants in the study",
        "sample size",
        "target sample size",
        "total sample size",
        "target size",  # WHO ICTRP
        "estimated enrollment",
        "actual enrollment",
        "enrolment",
        "planned enrollment",
        "overall number of participants",
        "total number of participants",
        "participants needed",
        "number of people taking part",
        "planned number of participants",
        "in the whole clinical trial",  # the EU register's F.4.2.2
        "number of subjects",
        "estimated recruitment",  # EU CTIS: "Estimated recruitment (EEA)"
        "planned recruitment",
        "target recruitment",
        "recruitment target",
        "actual sample size",  # DRKS in English, beside "Planned Sample Size"
        "total final enrolment",  # ISRCTN, once recruitment ended
        "accrual goal",  # cancer centres' word for the target
        "target accrual",
        "total enrollment",
        "total enrolment",
        "study size",
        "enrollment target",
        "enrolment target",
        "participants enrolled",
        "final enrolment",
        "样本量",
        "样本总量",
        "总样本量",
    ),
    "start_date": (
        "start date",
        "overall study start date",
        "first enrolled",
        "first enrolment",
        "first enrollment",
        "first patient in",
        "first participant in",
        "planned study start",
        "planned start date",
        "overall trial start date",
        "trial start",
        "study start",
        "study start date",
        "actual study start date",
        "estimated study start date",
        "date of first enrollment",
        "date enrollement",  # WHO ICTRP's spelling
        "date enrollment",
        "date of first enrolment",
        "date of first participant enrolment",
        "anticipated date of first participant enrolment",
        "actual date of first participant enrolment",
        "start",
        "trial start date",
        "start of trial",
        "date of trial start",
        "started",  # a finder's "Key dates": "Started: 5 August 2014" / "Ended: …"
        "study started",
        "actual start date of recruitment",  # the EU register's results
        "start date of recruitment",
        "anticipated trial start date",  # PACTR
        "actual trial start date",
        "commencement date",
        "study commencement date",
        "trial commencement date",
        "date study started",
        "overall trial start",
    ),
    "primary_completion_date": (
        "primary completion date",
        "estimated pcd",
        "pcd",
        "primary completion",
        "actual pcd",
        "estimated primary completion date",
        "actual primary completion date",
        "end of primary data collection",  # a mirror's
    ),
    # A whole period on one line: "From 2024-03-01 To 2026-12-31" (ChiCTR).
    # When recruitment runs (ChiCTR's "Recruiting time: From … To …"): the study's dates
    # where the page states no study period.
    "recruiting_period": ("recruiting time", "recruitment time"),
    "study_period": (
        "study execute time",
        "study execution time",
        "study period",
        "trial period",
        "date of study",
        "dates of study",
        "study dates",
        "trial dates",
        "研究实施时间",
    ),
    "completion_date": (
        "completion",
        "completion date",
        "anticipated date of last follow up",  # PACTR
        "actual date of last follow up",
        "trial end",
        "end",  # an aggregator's "Start: … · End: 27 May 2027 (estimated)"
        "date of the global end of the trial",
        "p. date of the global end of the trial",
        "planned study completion date",
        "planned completion date",
        "expected end of study",
        "expected end of the study",
        "study completion",
        "study completion date",
        "estimated completion date",
        "overall study end date",
        "planned study end",
        "planned end date",
        "overall trial end date",
        "actual completion date",
        "end date",
        "study end",
        "ended",
        "study ended",
        "expected end",
        "estimated study completion date",
        "actual study completion date",
        "date of last data collection",
        "study closing",  # DRKS: "Study Closing (LPLV)"
        "date of study completion",  # CTRI: "Date of Study Completion (India)"
        # EU CTIS: "Estimated end of trial date in EEA", "Estimated global end of trial date".
        "end of trial date",
        "end of trial date in eea",
        "global end of trial date",
        "estimated end of trial",
        "end of trial",
        "end of study",
        "study end date",
    ),
    "last_updated": (
        "last updated",
        "record updated",
        "record last updated",
        "last updated on",
        "last modified on",  # jRCT
        "updated at",
        "last update posted",
        "last update",
        "updated",
        "last update submitted",
        "record last updated",
        "last changed",
        "last modified",
        "last edited",
        "date last updated",
        "date of last update",
        "last update posted date",
        "last review date",
        "last reviewed",
        "last refreshed on",  # WHO ICTRP
        "date of last refreshed on",  # ChiCTR
        "最近更新日期",
        "date of last review",
    ),
    # When the record was registered: a date of the record, never the trial's start or end.
    "registration_date": (
        "date registered",
        "registration date",
        "date of registration",
        "date submitted",
        "submission date",
        "first posted",
        "study first posted",
        "first submitted",
        "study first submitted",
        "first submitted date",
        "first posted date",
        "date of first registration",
        "date registration",  # WHO ICTRP
        "date on which this record was first entered in the eudract database",
    ),
    "sex": (
        "sex",
        "gender",
        "sexes",
        "genders",
        "inclusion gender",  # WHO ICTRP
        "sexes eligible",
        "sex/gender",
        "genders eligible",
        "sexes eligible for study",
        "genders eligible for study",
        "eligible sex",
        "eligible sexes",
        "eligible gender",
        "eligible genders",
        "性别",
    ),
    # The EU register's objectives (E.2), which it prints among its end points: no measure.
    "objective": ("main objective", "secondary objective", "secondary objectives"),
    # The EU register's counts for its age groups (F.1): no criterion, no age limit.
    "age_group_subjects": ("number of subjects for this age range",),
    # Whether eligibility rests on gender identity (ClinicalTrials.gov): no criterion.
    "gender_based": (
        "gender based",
        "sex based",
        "gender eligibility description",
        "sex eligibility description",
    ),
    # Who registered the record ("Sponsor-Investigator"): not the sponsor, not a contact.
    "responsible_party": (
        "responsible party",
        "information provided by",
        "current responsible party",
    ),
    "min_age": (
        "minimum age",
        "min age",
        "min. age",
        "lower age limit",
        "age from",
        "age minimum",
        "inclusion agemin",  # WHO ICTRP
    ),
    "max_age": (
        "maximum age",
        "max age",
        "max. age",
        "upper age limit",
        "age to",
        "age maximum",
        "inclusion agemax",
    ),
    "ages": (
        "ages",
        "age",
        "age range",
        "ages eligible",
        "ages eligible for study",
        "participant age",
        "eligible ages",
        "eligible age",
        "age limit",
        "age limits",
        "age group",
        "年龄",
        "年龄范围",
    ),
    # Whether the enrollment is planned or reached, when a page states it apart ("enrollment_type:
    # Actual" in front matter); "Enrollment: 24 (Actual)" says it inside the value.
    "enrollment_type": ("enrollment type", "enrolment type", "type of enrollment"),
    "healthy_volunteers": (
        "healthy volunteers",
        "volunteers",
        "accepts healthy volunteers",
        "healthy volunteers accepted",
        "accepting healthy volunteers",
        "can healthy volunteers participate",
        "healthy volunteers allowed",
        "healthy volunteers eligible",
        "healthy volunteers welcome",
        "accepts healthy participants",
        "healthy participants",
    ),
    "lead_sponsor": (
        "lead sponsor",
        "sponsor",
        "sponsor/co-sponsor",  # EU CTIS
        "promoter / sponsor",
        "promoter",
        "sponsor / promoter",
        "leads",
        "lead",
        "sponsored by",
        "primary sponsor",
        "study sponsor",
        "current study sponsor",
        "name of sponsor",
        "name of primary sponsor",  # CTRI
        "name of sponsor/company",  # an ICH protocol synopsis's
        "trial sponsor",
        "funder/sponsor",
        "sponsor name",
        "sponsor organisation",
        "sponsor organization",
        "sponsor organisation name",  # the EU register's results
        "sponsor organization name",
        "who runs it",  # a finder's plain label, on the sponsor's line or over it
        "lead organization",  # NCI's PDQ
        "lead organisation",
        "who is running it",
        "who runs the trial",
        "who runs the study",
        "who is running the trial",
        "who is running the study",
        "申办者",
        "申办单位",
        "试验主办单位",
        "主办单位",
    ),
    "condition": (
        "condition",
        "disease",
        "indication",
        "medical condition",
        "medical conditions",
        "medical conditions being investigated",
        "health conditions or problems studied",
        "conditions/problems",  # CRIS: "Condition(s)/Problem(s)"
        "condition/problem",
        "target disease",
        "研究疾病",
        "疾病",
        "适应症",
    ),
    "intervention": (
        "intervention",
        "treatment",
        "drug",
        "intervention name",
        "product",
        "product name",
        "investigational medicinal product name",  # the EU register's results: an arm's
        "auxiliary medicinal product name",  # products under its title and type, and
        "dosage and administration details",  # how much of each
        "description of interventions / exposure",
    ),
    "intervention_type": ("intervention type",),
    "arms": (
        "arm",
        "arm group",
        "arm label",
        "arm name",
        "arm title",
        "group",
        "group name",
        "arm group label",
        "group/cohort",  # ClinicalTrials.gov's observational studies
        "group / cohort",
        "组别",
    ),
    "arm_type": ("arm type", "arm group type", "group type"),
    "time_frame": (
        "time frame",
        "timeframe",
        "time point",
        "assessment time frame",
        "timepoint",
        "timepoints",
        "time points",  # "Time point(s): Month 6"
        "timepoints of evaluation of this end point",
    ),
    "endpoint_type": ("outcome type", "endpoint type", "measure type"),
    "country": (
        "country",
        "location country",
        "member states concerned",
        "countries/member states concerned",
        "countries / member states concerned",
        "member states / countries concerned",
        "member state concerned",
        "countries of recruitment",
        "listed location countries",
        # The EU register's E.8.6.3 (sites outside the EEA)
        "specify the countries outside of the eea in which trial sites are planned",
    ),
    "location": ("location",),
    # Form labels that state no fact the marts hold; known, so they end a list before them.
    "form_detail": (
        # the EU register's product block under an arm: its code, form and route
        "investigational medicinal product code",
        "auxiliary medicinal product code",
        "other name",  # (ClinicalTrials.gov's "Other Names:" are its interventions' own lines)
        "pharmaceutical forms",
        "pharmaceutical form",
        "routes of administration",
        "route of administration",
        "sample name",  # ChiCTR's specimen block
        "标本中文名",
        "tissue",
        "sample type",
        "participant type",
        "participant types",
        "age group",
        "condition category",
        "condition code",
        "health type",  # CTRI: "Health Type: Patients; Condition: …"
        "sponsor type",
        "primary sponsor type",
        "funder type",
        "type of registration",
        "ethics application status",
        "prospective registration",
        "recruitment start date",
        "recruitment end date",
        "date of last participant enrolment",
        "accrual to date",
        "intervention code",
        "removed location countries",
        "verification date",
        "last verified",
        "record verification date",
        "征募观察对象时间",
        "number of arms",
        "number of groups",
        "number of cohorts",
        "number of sites",
        "number of centres",
        "number of centers",
        # CTRI
        "type of sponsor",
        "method of generating random sequence",
        "method of concealment",
        "sample size from india",
        "estimated duration of trial",
    ),
}


# A form-section code: "E.5.1" in "E.5.1 Primary end point(s)" (EU CTR), "A.3" in "A.3 Full title".
FORM_CODE = r"[A-Z]\.\d{1,2}(?:\.\d{1,2})*\.?"
_SECTION_CODE = re.compile(rf"^{FORM_CODE}\s+(?=\S)")
# A document's own section number: "2. Eligibility", "2.1 Inclusion criteria" (a dot is
# needed: "18 years" is no heading).
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:(?:\.\d{1,2})*\.|(?:\.\d{1,2})+)\s+(?=[^\W\d_])")


_ABBREVIATED = {"est": "estimated", "exp": "expected"}  # a label's first word, cut short
_INDEX = re.compile(r"\s*\[\d{1,3}\]\s*$")
# A heading written as the start of a sentence: "Inclusion criteria include", "… are as follows".
_LEAD_IN_ENDS = ("include", "includes", "are", "follows")
_LEAD_IN = re.compile(r"\s+(?:include|includes|are|(?:are|is)\s+as\s+follows|as\s+follows)$")
# A remark in brackets after a label: "Study Start (Actual)", "Enrollment (Estimated)".
_REMARK = re.compile(r"\s*\(([^()]*)\)\s*")


# The nouns that name a trial's groups of participants: "Cohort 1", "Part A", "Arm 2".
GROUP_NOUNS = r"cohorts?|groups?|arms?|parts?"


def label_remark(label: str) -> str | None:
    """The bracketed remark of a label ("Estimated" in "Enrollment (Estimated)"), if any."""
    match = _REMARK.search(label)
    return match.group(1) if match else None


_CHINESE_FRAME = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|【)\s*|[】：]\s*$")


def normalize_label(text: str) -> str:
    """The lookup key of a label as written: case, markup, spacing, codes and remarks removed.

    "Primary outcome(s)" and "Intervention(s)" are the plurals the lexicon lists;
    "Study Start (Actual)" is "study start".
    """
    text = text.replace("_", " ").replace("*", "").replace("&", " and ")
    if "[" in text:  # a numbered repeat: "Primary outcome [1]", "Timepoint [1]"
        text = _INDEX.sub("", text)
    text = text.strip().rstrip("?!…").strip().strip(":").strip()  # "Who can join?"
    if text[:1] == "[" and text[-1:] == "]":  # "[Inclusion]" (a Korean hospital's headings)
        text = text[1:-1]
    if not text.isascii():  # "【入选标准】", "一、纳入标准", "入选标准：" (Chinese protocols)
        text = _CHINESE_FRAME.sub("", text)
    if text.endswith("..."):  # "You can join if..."
        text = text.rstrip(".").strip()
    if "(" in text:  # tests before the regexes: this runs for most lines of every page
        text = _REMARK.sub(" ", text.replace("(s)", "s").replace("(S)", "s"))
    if text[1:2] == ".":
        text = _SECTION_CODE.sub("", text)
    # ClinicalTrials.gov's tabular view marks the ICMJE's required fields: "Brief Title  ICMJE".
    key = " ".join(text.split()).casefold().removesuffix(" icmje")
    if key[3:5] == ". " and key[:3] in _ABBREVIATED:  # "Est. primary completion"
        key = _ABBREVIATED[key[:3]] + key[4:]
    if key.endswith(_LEAD_IN_ENDS):  # "Key inclusion criteria include:", "… are as follows"
        key = _LEAD_IN.sub("", key)
    return key


def _invert(terms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalize_label(term): key for key, spellings in terms.items() for term in spellings}


# Dates labelled with how sure they are: "Estimated start", "Actual completion".
_DATE_CERTAINTY = ("estimated", "actual", "anticipated", "expected")
_QUALIFIED_DATES = {
    "start_date": (
        "start",
        "start date",
        "study start",
        "study start date",
        "recruitment start date",  # EU CTIS: "Estimated recruitment start date in EEA"
        "recruitment start date in eea",
    ),
    "primary_completion_date": ("primary completion", "primary completion date"),
    "completion_date": (
        "completion",
        "completion date",
        "study completion",
        "study end",  # a finder's "Estimated study end: Jun 2029"
        "end date",
        "end of trial date",
        "end of trial date in eea",
        "global end of trial date",
        "date of last data collection",  # ANZCTR: "Anticipated date of last data collection"
    ),
}
# Who takes part goes by three names ("Number of subjects / patients / participants").
_PEOPLE = re.compile(r"\b(?:participant|subject|patient)(s?)\b")
# "Study title" is also written "Title of study", "Title of the trial" (protocol synopses);
# not "End of study", which is a time frame as often as a label.
_OWNED = re.compile(
    r"^(?:study|trial) (title|phase|type|design|sponsor|acronym|summary|description|overview"
    r"|purpose|arms|groups|interventions|endpoints|outcomes|locations|sites|centers|period)$"
)
# How sure a planned size is: "Planned number of subjects", "Anticipated sample size".
_SIZE_QUALIFIERS = ("planned", "estimated", "anticipated", "expected", "target", "intended")
_SIZE = re.compile(r"^(?:number of|sample size|enrol)")


def _spellings(term: str) -> list[str]:
    """Other ways sites write ``term``: each people word and "<x> of (the) study/trial"."""
    found = []
    if " " in term:  # "Patients" alone is no heading
        found += [_PEOPLE.sub(rf"{word}\1", term) for word in ("participant", "subject", "patient")]
    if (owned := _OWNED.match(term)) is not None:
        noun = owned.group(1)
        found += [f"{noun} of {the}{whole}" for the in ("", "the ") for whole in ("study", "trial")]
    return found


def _with_spellings(terms: dict[str, str], taken: dict[str, str]) -> dict[str, str]:
    """``terms`` plus their other spellings that no term of ``taken`` or ``terms`` claims."""
    out = dict(terms)
    for term, key in terms.items():
        others = _spellings(term)
        if _SIZE.match(term):
            others += [f"{q} {t}" for t in [term, *others] for q in _SIZE_QUALIFIERS]
        for other in others:
            if other not in taken and other not in terms:
                out.setdefault(other, key)
    return out


_SECTIONS = _invert(SECTION_TERMS)
_FIELDS = _invert(FIELD_TERMS) | {
    f"{certainty} {term}": key
    for key, terms in _QUALIFIED_DATES.items()
    for term in terms
    for certainty in _DATE_CERTAINTY
}
SECTION_BY_TERM = _with_spellings(_SECTIONS, _FIELDS)
FIELD_BY_TERM = _with_spellings(_FIELDS, SECTION_BY_TERM)
# Sections whose name, as a key-value table's label ("| Conditions | SLE; SSc |"), is
# the label of a field: the row is that field, not a column header.
FIELD_OF_SECTION = {"conditions": "condition", "countries": "country"}
OUTCOME_SECTIONS = frozenset(
    {"outcomes", "primary_outcomes", "secondary_outcomes", "other_outcomes"}
)
CRITERIA_SECTIONS = frozenset({"eligibility", "inclusion", "exclusion"})
# ClinicalTrials.gov's intervention types, printed before each name ("Biological: X");
# "Other" also types an arm ("Other: Healthy controls").
INTERVENTION_TYPES = (
    "drug|biological|genetic|procedure|device|radiation|behavioral|combination product|"
    "dietary supplement|diagnostic test|other"
)
# A name after its intervention type: "Biological: CD19 CAR-T cells".
TYPED_INTERVENTION = re.compile(rf"^(?:{INTERVENTION_TYPES})\s*:\s*(?P<name>.+)$", re.IGNORECASE)
# Sections written as paragraphs, not lists: a hard-wrapped line continues its sentence.
PROSE_SECTIONS = frozenset({"summary", "detailed_description", "interventions"})
# Sections whose words describe other trials or other places, never this trial's design.
FOREIGN_SECTIONS = frozenset(
    {"related", "navigation", "contacts", "identifiers", "superseded", "results"}
)
# Headings a posted-results section repeats for its own parts ("Outcome Measures" over
# each result): inside it, they stay its lines.
WITHIN_RESULTS = OUTCOME_SECTIONS | {"results"}
# Results headings that are also what a trial measures: "Adverse events" as a line of
# an outcome list is a measure (a page's plain "Adverse Events" heading after its
# outcomes is the posted results').
MEASURED_RESULTS = frozenset(
    {"adverse events", "serious adverse events", "other adverse events", "all-cause mortality"}
)

# Headings over other trials, which sites word in many ways ("Other trials by this
# sponsor", "Similar studies near you", "Estudios relacionados", "You might also like"):
# a kind of words, not a list of phrases. Plural "trials"/"studies" only: "Other study
# details" is this trial's.
_TRIALS_WORD = (
    r"(?:trials|studies|research studies|listings|studien|essais|[ée]tudes|estudios|ensayos"
    r"|estudos|ensaios|onderzoeken)"
)
_OTHERS_WORD = (
    r"(?:other|more|similar|related|recommended|suggested|featured|nearby|popular|comparable"
    r"|verwandte|ähnliche|weitere|andere|autres|similaires|connexes|associés|relacionados"
    r"|relacionadas|similares|otros|outros|vergelijkbare|gerelateerde)"
)
_RELATED_HEADING = re.compile(
    # after a link's verb: "Explore similar studies", "See related trials"
    r"^(?:(?:explore|see|view|browse|find|discover|show|check out)\s+(?:all\s+)?)?"
    rf"(?:{_OTHERS_WORD}\s+(?:[^\W\d]+\s+){{0,2}}{_TRIALS_WORD}"
    rf"|{_TRIALS_WORD}\s+(?:[^\W\d]+\s+)?{_OTHERS_WORD}|{_TRIALS_WORD} like this"
    r"|you (?:may|might) also (?:like|be interested)|people (?:also|who) (?:viewed|searched)"
    r"|recommended for you|see also$"
    # an aggregator's rails: "Patients also viewed", "Trials you may qualify for",
    # "Studies in the same category", "More like this" (not "Trials near you" nor "Lupus
    # trials recruiting now": a search box or a banner over the page's own trial)
    r"|(?:patients|participants|others|users|visitors) (?:also|who) (?:viewed|searched|saw)"
    r"|recently viewed|also recruiting|more like this|next (?:trial|study)$"
    rf"|{_TRIALS_WORD}\s+(?:you (?:may|might|could) (?:also )?(?:qualify|be eligible)"
    r"|in the same))\b"
)


# A plain-language summary's own question headings (ISRCTN: "What does taking part
# involve?", "Where is the study run from?"): the answer is prose about the study.
_QUESTION_HEADING = re.compile(
    r"^(?:what|where|when|who|how|why)\s+(?:is|are|was|were|does|do|did|will|can|should|happens"
    r"|happened|the)\b[^?]{0,100}\?$",
    re.IGNORECASE,
)


def is_question_heading(text: str) -> bool:
    """Whether a whole line is a summary's question heading (short, one question); not one
    that asks who may take part ("Who is eligible?"): the lexicon reads those."""
    return (
        len(text.split()) <= _MAX_QUESTION_WORDS
        and _QUESTION_HEADING.match(text) is not None
        and _WHO_MAY_JOIN.search(text) is None
    )


_MAX_QUESTION_WORDS = 16
_WHO_MAY_JOIN = re.compile(r"eligib|\bjoin|take\s+part|participat|qualif|cannot|can't", re.I)


def is_related_heading(key: str) -> bool:
    """Whether a heading's ``normalize_label`` key heads other trials than the page's own."""
    return _RELATED_HEADING.match(key) is not None


# Longest terms first so "primary completion date" wins over "primary ...".
_LABEL_ALTERNATION = "|".join(
    re.escape(t) for t in sorted({**SECTION_BY_TERM, **FIELD_BY_TERM}, key=len, reverse=True)
)
# "Label: value" / "Label - value" / "Label：value" on one line (after bullets and markup).
LABEL_COLON = re.compile(
    rf"^(?P<label>{_LABEL_ALTERNATION})\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE
)
# A label glued to a numeric value: "Phase1", "Enrollment24 (estimated)".
LABEL_GLUED = re.compile(rf"^(?P<label>{_LABEL_ALTERNATION})(?P<value>\d.*)$", re.IGNORECASE)

_BOILERPLATE_PATTERNS = (
    r"loading\.*",
    r"showing \d+(?:\s*[-–]\s*\d+)? of \d+(?: (?:results?|trials?|studies))?",  # a search's count
    r"(?:=|_|~|-|\*\s?){3,}",  # a rule, or a setext heading's underline
    r"\+(?:[-=:]{2,}\+)+",  # a grid table's border: "+------+------+" (pandoc, MySQL)
    # a text browser's buttons: "[Share] [Print] [Back to results]"
    r"(?:\[(?:share|print|e-?mail|save|back[^\[\]]{0,24}|top|close|menu|search|next|previous"
    r"|home|help|sign in|log ?in)\]\s*){2,}",
    r"see this in plain english\??",
    r"powered by ai\b.*",
    r"view:?",
    r"see location\.*",
    r"show (?:more|less)",
    r"read more",
    r"back to top",
    r"print",
    r"share",
    r"copy link",
    r"this (?:platform|site|website|page|content|information|mirror|service|database)"
    r" (?:is|was) .*",
    r"data sourced from .*",
    # an aggregator's source note and widgets: "Data from ClinicalTrials.gov, retrieved …",
    # "Check if you qualify →", "Rate this trial listing: ★★★★★ 5.0 · 3 reviews"
    r"(?:data|record|information) (?:from|via|courtesy of) clinicaltrials\.gov\b(?!.*nct\d).*",
    r"source: clinicaltrials\.gov\.?",
    r"(?:check|see) if you (?:qualify|are eligible|may be eligible)\W{0,4}",
    r"rate this (?:trial|study|listing|page)\b.*",
    r".{0,40}[★☆]{3,}.{0,60}",
    # a hospital's notes under its criteria: "Eligibility last updated 2/14/25. Questions …",
    # "Study statuses change often. Please contact the study team …"
    r"eligibility last updated .{0,200}",
    r"study status(?:es)? (?:change|may change) often\b.*",
    r"always consult .*",
    r"disclaimer.*",
    r"the study team has not published .*",
    r"check back later.*",
    r"additional clinical trials that .*",
    # Navigation chrome scraped with the page.
    r"skip (?:to (?:the )?)?(?:main )?(?:page )?(?:content|navigation|search|menu)(?: \(\S+\))?",
    # a mirror's note on where its copy came from: "Data source: ClinicalTrials.gov. …"
    # (not one that names the record: "Source: ClinicalTrials.gov NCT06550045" may be where
    # the page states its own id)
    r"(?:data )?source: (?:clinicaltrials\.gov|who ictrp|ictrp|the (?:who|eu)\b|eu ctr|ctis|isrctn"
    r"|anzctr|chictr|drks|euctr)\b(?!.*\bnct\d{8}).*",
    r"(?:toggle|main) (?:navigation|menu)",
    r"(?:home|menu|search|sign in|sign up|log ?in|log ?out|register|help|faq|contact us|about us)",
    r"(?:search|find) (?:trials|studies|clinical trials)(?: near you)?(?:\.\.\.|…)?",
    r"(?:how (?:clinical )?trials work|saved trials(?: \(\d+\))?|my trials|for researchers)",
    r"(?:accept|reject|manage) (?:all )?cookies|we use cookies.*",
    r"cookies? (?:on|policy|notice|settings|preferences|consent)\b.*",  # "Cookies on this site: …"
    r"(?:was|is) this (?:page|information|article) (?:helpful|useful)\??.{0,40}",
    r"cookie (?:settings|preferences|policy)",
    r".{0,200}\bcookies\b.{0,200}",  # a consent banner, in any wording or language
    # A government site's banner; an AI summary's note; a site's name and its tagline.
    r"an official website of the united states government.*",
    r"(?:here'?s how you know|official websites use \.gov|secure \.gov websites use https).*",
    r".{0,80}\b(?:generated|written|summari[sz]ed|created) (?:by|with|using) "
    r"(?:an? )?(?:ai|artificial intelligence)\b.*",
    r".{0,80}\bpowered by ai\b.*",
    r"[^:]{1,40} [-|] (?:find|search) (?:an? )?(?:clinical |research )*(?:trials?|studies)\.?",
    r"(?:privacy policy|terms of (?:use|service)|accessibility)",
    r"you are here:?.*",
    r"(?:[←<]\s*)?back to (?:the )?(?:search )?(?:results|search|list|trials|studies)",
    r"(?:sign|log) in to (?:save|follow|bookmark).{0,60}",
    # "Share this trial: Facebook | X | Email"
    r"(?:print|email|share|save) this (?:page|study|trial)(?:\s*(?::|on|via)\s*.{0,80})?",
    # Its buttons a line each, and a sponsor's footer: "Stay connected: Facebook | X".
    r"(?:(?:facebook|twitter|x|linkedin|instagram|youtube|whatsapp|bluesky|e-?mail)\b[\s,|·]*){1,9}",
    r"(?:stay connected|follow us|connect with us)\b.{0,80}",
    # a page's action links in a row, its tags lost: "Share  Print  Report an error"
    r"(?:(?:share|print|e-?mail|save|cite|feedback|report an? (?:error|problem|issue))\b"
    r"[\s|·,]*){2,}",
    r"report an? (?:error|problem|issue)",
    r"learn more(?: about (?:us|our) .{0,60})?",
    r"download (?:as )?(?:pdf|xml|csv|json)",
    r"go to (?:the )?(?:sections?|top)",
    r"go to\s*[▼▾↓]?",  # the classic ClinicalTrials.gov page's link beside each heading
    r"(?:tabular|record|full text) view",
    r"no results posted",
    # A site's footer ("(c) 2025 Site", not a list's item "(c) SLEDAI-2K ≥ 8").
    r"(?:©|\(c\)\s+(?:\d{4}|copyright)\b|copyright\b).{0,200}",
    r".{0,200}\ball rights reserved\.?",
    r"how to read a study record",
    # ClinicalTrials.gov's explainers under its headings.
    r"researchers look for people who fit a certain description.*",
    # … and its pieces, where a scraper put the link in it on a line of its own
    r"\.?\s*some examples of these criteria are .{0,200}",
    r"for general information about clinical research, read.{0,40}",
    # a browser's print of the page: its header (date, time, title) and footer (address,
    # page count), and a protocol's running footer ("Confidential Page 4 of 41")
    r"\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[ap]m)?\s.{0,200}",
    r"https?://\S+\s+\d{1,3}/\d{1,3}",
    # (not a criterion the footer was glued to: "Fitzpatrick Skin Type I to VI. Protocol …")
    # (nor a sentence naming a page: "… as defined on page 14 of 41 of the protocol")
    r"(?-i:(?:[A-Z0-9(][\w.,:/()-]*\s+){0,12})page \d{1,4} (?:of|/) \d{1,4}"
    r"(?-i:(?:\s+[A-Z0-9(][\w.,:/()-]*){0,6})",
    r"this section provides .{0,200}",
    # ISRCTN's note over the version of a field in force: "Current inclusion criteria as of
    # 05/06/2024:" (the previous version follows under "Previous …")
    r"current .{3,60} as of \d{1,2}/\d{1,2}/\d{2,4}:?",
    r"for (?:general|more) information about .{0,80}, (?:read|see|visit) .{0,80}",
    # Finders' notes under their criteria and outcome headings, addressed to the reader.
    r"(?:the )?eligibility criteria (?:are|is) (?:shown|listed|provided|displayed|given) .{0,160}",
    r"not all (?:eligibility )?criteria (?:are|may be) (?:listed|shown).{0,160}",
    r"talk (?:with|to) your (?:doctor|physician|care team|health ?care provider).{0,160}",
    r"specific guidelines that determine who can or cannot (?:participate|take part|join).{0,80}",
    r"find (?:a|the|your) (?:site|location|clinic|center|centre)s? near(?:est)? (?:you|me).{0,40}",
    r"enter (?:your )?(?:zip|post(?:al)?) ?code.{0,60}",
    r"translate this page",
    r"advertisement|sponsored content|paid content",  # an ad's slot, scraped empty
    r"(?:am i eligible\?\s*)?take (?:the|our|a) .{0,24}\bquiz\b.{0,40}",
    r"(?:primary |secondary )?outcome measures? (?:are|is) (?:the )?(?:measurements?|things?|ways?)"
    r" .{0,160}",
    r"\(submitted: [^()]{4,30}\)",  # the tabular view's version date under a label
    r"same as current",
    r"(?:are the trial subjects|trial has subjects) under 18\??:?\s*(?:yes|no)?",  # EU F.1.1
    r"information (?:provided )?(?:from|by) the national library of medicine",
    # Its note under "Key" criteria: not every criterion is listed.
    r"the information listed above is not intended to contain all considerations.*",
    # Explainer sentences addressed to the reader under each heading.
    r"(?:see|review|learn about|explore|check|get|understand|meet|identify|reach out|find|"
    r"dive into|browse|discover|read) \b.{0,160}\b(?:trial|study|research|studies|participat\w*|"
    r"contact\w*|sites?|details?|criteria|conditions?|tested|narrative|background|snapshot|"
    r"synopsis|organizations?|regulators|identifiers|investigators?|researchers|facilit\w+)\b.*",
    # Its note under the outcomes: "Track the metrics used to evaluate the effectiveness …"
    r"(?:track|see|review|explore) the (?:metrics|measures|outcomes|end\s?points) "
    r"(?:used|that|researchers) .{0,160}",
)
BOILERPLATE = re.compile("^(?:" + "|".join(_BOILERPLATE_PATTERNS) + ")$", re.IGNORECASE)


# Chrome joined on one line: "Powered by AI · Disclaimer: …", "Home › Lupus › Study details".
_CHROME_JOINER = re.compile(r"\s+[·|>›»]\s+|[ \t]{3,}")  # or a menu's items spaced apart
# A site menu's items, chrome only beside others: "Find trials near you   Conditions".
_MENU_ITEM = re.compile(
    r"^(?:conditions|studies|trials|resources|news|about|blog|careers|contact|pipeline|"
    r"investors|media|newsroom|partners|publications|events|(?:our )?team|leadership|terms"
    r"|privacy|sitemap|site map|feedback|accessibility|legal|imprint|impressum|newsletter"
    r"|disclaimer|faq|help|press|jobs)$",
    re.I,
)
_CRUMB = re.compile(r"^[^\d:;,.]{1,40}$")


_MAX_HEADING_CHARS = 60


_KEPT_LINK_TARGET = re.compile(r"\s*\((?:https?://|www\.)[^()\s]*\)$")  # see normalize


def is_boilerplate(line: str) -> bool:
    """Site chrome and explainer sentences that carry no fact about the trial."""
    stripped = _KEPT_LINK_TARGET.sub("", line.strip())  # "Skip to main content (https://…/NCT…)"
    if not stripped or len(stripped) >= 400:
        return False
    if BOILERPLATE.match(stripped) or is_page_footer(stripped):
        # "Explore similar studies" reads as an explainer, but heads other trials' ids
        return len(stripped) > _MAX_HEADING_CHARS or not is_related_heading(
            normalize_label(stripped)
        )
    if not _CHROME_JOINER.search(stripped):
        return False
    parts = _CHROME_JOINER.split(stripped)
    if all(BOILERPLATE.match(part) or _MENU_ITEM.match(part) for part in parts):
        return True
    # A breadcrumb trail: starts at "Home" (perhaps after the site's name), short crumbs.
    crumbs = [part for part in parts if not BOILERPLATE.match(part)]
    starts_home = any(part.lower() == "home" for part in parts[:2])
    return starts_home and len(parts) >= 3 and all(_CRUMB.match(c) for c in crumbs)
