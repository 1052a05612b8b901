"""Word banks the synthetic pages are composed from.

Every entry is fact-free for the field it is not about: filler sentences name no
status, phase, enrollment, age, dose, antigen, drug or country, so the gold of a page
is exactly the facts the generator chose to write.
"""

from __future__ import annotations

ANTIGEN_SETS: tuple[tuple[str, ...], ...] = (
    ("CD19",),
    ("CD19",),
    ("CD19",),
    ("BCMA",),
    ("BCMA", "CD19"),
    ("CD20",),
    ("CD7",),
    ("CD19", "CD20"),
    ("CD19", "CD22"),
    ("CD70",),
)
CONDITIONS = (
    "Systemic Lupus Erythematosus",
    "Refractory Systemic Lupus Erythematosus",
    "Lupus Nephritis",
    "Systemic Sclerosis",
    "ANCA-Associated Vasculitis",
    "Myasthenia Gravis",
    "Idiopathic Inflammatory Myopathy",
    "Neuromyelitis Optica Spectrum Disorder",
    "Sjogren's Syndrome",
    "Immune Thrombocytopenia",
    "Antiphospholipid Syndrome",
    "Autoimmune Hemolytic Anemia",
)
TITLE_OPENERS = (
    "A Clinical Study on the Safety and Efficacy of",
    "Safety and Efficacy of",
    "An Exploratory Study of",
    "A Single-arm, Open-label Study of",
    "Clinical Study of the Safety and Efficacy of",
    "Evaluation of",
    "A Multicenter Study to Assess",
    "Investigator-initiated Trial of",
)
PRODUCTS = (
    "{ag} CAR-T Cells",
    "Anti-{ag} CAR-T Cell Injection",
    "{ag} Chimeric Antigen Receptor T Cells",
    "Autologous {ag}-directed CAR T-cell Therapy",
    "Universal {ag} CAR-T Cells",
    "{ag}-targeted CAR-T Cell Therapy",
)
POPULATIONS = (
    "Patients With",
    "Adults With",
    "Participants With",
    "Children With",
    "Subjects With",
)
QUALIFIERS = ("Refractory", "Relapsed/Refractory", "Active", "Severe", "Treatment-resistant", "")
ACRONYMS = ("STEAM", "BRIDGE", "CARLOS", "RESET", "CASTLE", "LUMEN", "ORBIT", "PRISM", "TALON")

SPONSOR_PLACES = (
    "Zhejiang",
    "Wuhan",
    "Shanghai",
    "Nanjing",
    "Erlangen",
    "Heidelberg",
    "Boston",
    "Houston",
    "Milan",
    "Lyon",
    "Guangzhou",
    "Chengdu",
)
SPONSOR_FORMS = (
    "{p} University Hospital",
    "First Affiliated Hospital of {p} Medical University",
    "{p} Cell Therapeutics Co., Ltd",
    "{p} Biotech Inc.",
    "{p} Institute of Hematology",
    "{p} Children's Hospital",
)
# (city, region, country as written, country in the contract's English name)
SITES = (
    ("Wenzhou", "Zhejiang", "China", "China"),
    ("Wuhan", "Hubei", "China", "China"),
    ("Beijing", "Beijing Municipality", "China", "China"),
    ("Shanghai", "Shanghai Municipality", "China", "China"),
    ("Erlangen", "Bavaria", "Germany", "Germany"),
    ("Boston", "Massachusetts", "United States", "United States"),
    ("Houston", "Texas", "United States", "United States"),
    ("Milan", "Lombardy", "Italy", "Italy"),
    ("Lyon", "Auvergne-Rhone-Alpes", "France", "France"),
    ("Madrid", "Madrid", "Spain", "Spain"),
)
FACILITY_FORMS = ("{c} General Hospital", "{c} University Medical Center", "Union Hospital {c}")

ENDPOINT_MEASURES = (
    "Incidence of dose-limiting toxicities (DLT)",
    "Incidence and severity of treatment-emergent adverse events",
    "Incidence of cytokine release syndrome (CRS)",
    "Incidence of immune effector cell-associated neurotoxicity syndrome (ICANS)",
    "SLE Responder Index-4 (SRI-4) response rate",
    "Complete renal response rate",
    "Change from baseline in disease activity score",
    "Proportion of participants in drug-free remission",
    "Peak expansion (Cmax) of CAR-T cells in peripheral blood",
    "Duration of B-cell aplasia",
    "Change in proteinuria from baseline",
    "Lupus Low Disease Activity State (LLDAS) attainment",
    "Change in modified Rodnan skin score",
    "Overall response rate (ORR)",
    "Persistence of CAR-T cells measured by qPCR",
    "Change in autoantibody titres",
    "Time to relapse",
    "Health-related quality of life measured by SF-36",
)
ENDPOINT_DESCRIPTIONS = (
    "Assessed according to the CTCAE criteria by the investigator.",
    "Measured by flow cytometry and quantitative polymerase chain reaction.",
    "The proportion of participants meeting the response definition.",
    "Graded by the ASTCT consensus grading system.",
    "Evaluated by the independent review committee.",
    "Defined as the time from infusion to the first documented relapse.",
)

INCLUSION_FILLERS = (
    "Diagnosed with SLE according to the 2019 EULAR/ACR classification criteria",
    "Participants or their legal guardians understand and voluntarily sign the informed "
    "consent form and are willing to complete all study procedures",
    "Inadequate response to standard therapy including glucocorticoids and at least two "
    "immunosuppressants for at least three months",
    "Have good venous access and no contraindications to leukapheresis",
    "Participants of childbearing potential agree to use effective contraception throughout "
    "the study",
    "Biopsy-proven active lupus nephritis class III or IV, with or without class V",
    "Positive for antinuclear antibodies or anti-double-stranded DNA at screening",
    "Willing and able to comply with the scheduled visits, treatment plan and laboratory tests",
    "Disease activity persists despite conventional treatment or relapses after remission",
    "Meets the 2013 ACR/EULAR classification criteria for systemic sclerosis",
    "Negative serum pregnancy test for women of childbearing potential",
)
EXCLUSION_FILLERS = (
    "Received CAR-T cell therapy or any other genetically modified cell therapy previously",
    "Active uncontrolled bacterial, viral or fungal infection requiring systemic treatment",
    "History of malignancy within the past five years, except treated basal cell carcinoma",
    "Positive for hepatitis B surface antigen with detectable HBV DNA, or positive for HCV RNA",
    "Human immunodeficiency virus (HIV) infection or active syphilis",
    "Severe central nervous system disease, including neuropsychiatric lupus requiring "
    "intervention",
    "Pregnant or breastfeeding women",
    "Received a live vaccine within four weeks before screening",
    "History of organ transplantation or hematopoietic stem cell transplantation",
    "Participation in another interventional clinical study within three months",
    "Any condition that in the opinion of the investigator makes the participant unsuitable "
    "for the study",
    "Known allergy to any component of the study product",
    "Unstable angina, myocardial infarction or clinically significant arrhythmia in the "
    "past six months",
)
SUMMARY_SENTENCES = (
    "This study evaluates the safety and preliminary efficacy of {product} in {condition}.",
    "The persistence and phenotype of the infused cells in vivo will be evaluated after treatment.",
    "Treatment-related inflammatory factors will be monitored during hospitalisation.",
    "The trial explores whether a single infusion can induce durable drug-free remission.",
    "Participants are followed closely for cytokine release syndrome and neurotoxicity.",
    "Exploratory analyses describe B-cell reconstitution and changes in autoantibodies.",
    "The study aims to reduce the long-term burden of immunosuppressive therapy.",
    "Safety data are reviewed by an independent data monitoring committee.",
    "Biomarker samples are collected to understand the mechanism of immune reset.",
    "Quality of life and patient-reported outcomes are collected at each visit.",
    "Investigators will characterise the kinetics of cell expansion and contraction.",
    "The protocol allows retreatment only after review by the safety committee.",
)
# Detailed-description sentences; slots are filled per page so long pages do not repeat.
DETAIL_TEMPLATES = (
    "{condition} remains difficult to control in a subset of patients despite standard care.",
    "B cells and plasmablasts drive the production of pathogenic autoantibodies in {condition}.",
    "Depleting autoreactive B-cell clones with {product} may reset the immune system.",
    "Case series of CAR-T therapy in autoimmune disease have reported sustained remissions.",
    "Cell manufacturing starts after leukapheresis and takes about two weeks.",
    "Bridging therapy is permitted at the discretion of the investigator.",
    "Participants stay in hospital for close observation after the infusion of {product}.",
    "Cytokine release syndrome is graded and managed according to institutional guidelines.",
    "Tocilizumab and corticosteroids are available on site for the management of toxicities.",
    "Follow-up visits assess disease activity, laboratory parameters and immune recovery.",
    "Serum immunoglobulins are monitored and replaced when clinically indicated.",
    "Background immunosuppressants are tapered according to a predefined schedule.",
    "Vaccination responses are assessed after B-cell reconstitution.",
    "The expansion of {product} in blood is measured by flow cytometry.",
    "Long-term follow-up for delayed adverse events continues under a separate protocol.",
    "An independent committee adjudicates responses in {condition}.",
    "Tissue biopsies are optional and require separate consent.",
    "Patient-reported fatigue and pain are recorded with validated questionnaires.",
    "The sponsor provides the cell product free of charge to participants.",
    "Data are recorded in an electronic case report form and monitored on site.",
)
BOILERPLATE = (
    "Loading...",
    "Powered by AI",
    "See this in plain English?",
    "Show more",
    "Back to top",
    "Data sourced from clinicaltrials.gov",
    "This content was sourced from clinicaltrials.gov",
    "Always consult a qualified healthcare professional.",
)
