"""The vocabulary of the synthetic catalogue: lines of work, words ranked by how often they are drawn, headings, and the
phrases specs print numbers and lists with.

Every list here is part of what a seed means: reordering one, or adding a word, changes the catalogue a seed gives.
"""

import bisect
import itertools
import random

from classes.vocabulary import KSALevel


def words(text):
    """The words of a block of text: vocabularies below are written as prose blocks, one word after another."""
    return text.split()


def split_list(text):
    """The items of a list written with semicolons between them."""
    return [item.strip() for item in text.split(";") if item.strip()]


# Lines of work by department: the fields a title names, the occupations it pairs them with, and the fields of
# study its qualifications ask for. A title is a field and an occupation ("Payroll" "Clerk").
DEPARTMENTS = {
    "Department of Finance": (
        "Account; Payroll; Tax; Budget; Revenue; Treasury; Collections; Accounts Payable; Audit; Fiscal; Grants",
        "Clerk; Analyst; Examiner; Auditor; Accountant; Technician; Specialist; Assistant; Officer; Cashier",
        "accounting; finance; business administration; public administration; economics",
    ),
    "Department of Social Services": (
        "Child Support; Child Protective; Medicaid; Eligibility; Social Welfare; Temporary Assistance; "
        "Adult Protective; Foster Care; Day Care; Home Energy; Family Services",
        "Caseworker; Worker; Examiner; Investigator; Coordinator; Specialist; Aide; Case Manager; Counselor",
        "social work; human services; psychology; sociology; behavioral sciences; criminal justice",
    ),
    "Department of Public Works": (
        "Highway; Bridge; Building Maintenance; Fleet; Traffic; Sign; Road; Grounds; Drainage; Construction",
        "Maintenance Worker; Mechanic; Equipment Operator; Engineer; Engineering Technician; Inspector; "
        "Superintendent; Foreman; Laborer; Electrician; Carpenter; Painter",
        "civil engineering; construction technology; engineering technology; surveying; architecture",
    ),
    "Department of Environmental Services": (
        "Water; Wastewater; Water Quality; Sewer; Stormwater; Solid Waste; Recycling; Environmental; Air Quality; "
        "Hazardous Materials; Pollution Control",
        "Plant Operator; Chemist; Technician; Inspector; Engineer; Specialist; Analyst; Laboratory Technician; "
        "Sanitarian; Mechanic",
        "environmental science; chemistry; biology; environmental engineering; geology; hydrology",
    ),
    "Department of Health": (
        "Public Health; Communicable Disease; Environmental Health; Immunization; Maternal and Child Health; "
        "Health Education; Epidemiology; Nutrition",
        "Nurse; Sanitarian; Educator; Epidemiologist; Nutritionist; Aide; Technician; Investigator; Coordinator",
        "nursing; public health; nutrition; biology; health education; epidemiology",
    ),
    "Department of Mental Health": (
        "Mental Health; Addiction Services; Developmental Disabilities; Crisis Services; Psychiatric; "
        "Community Services",
        "Therapist; Counselor; Social Worker; Case Manager; Aide; Psychologist; Nurse; Coordinator; Clinician",
        "psychology; social work; counseling; rehabilitation counseling; nursing",
    ),
    "Sheriff's Office": (
        "Police; Sheriff; Corrections; Court Security; Criminal Intelligence; Evidence; Crime Analysis; "
        "Civil Process; Traffic Safety; Jail",
        "Officer; Deputy; Sergeant; Lieutenant; Investigator; Analyst; Technician; Dispatcher; Clerk; Captain",
        "criminal justice; police science; forensic science; sociology; public administration",
    ),
    "Office of Emergency Services": (
        "Fire; Emergency Management; Emergency Medical Services; Fire Prevention; Hazard Mitigation; "
        "Emergency Communications; Public Safety",
        "Firefighter; Inspector; Coordinator; Dispatcher; Officer; Specialist; Technician; Chief; Planner",
        "fire science; emergency management; emergency medical services; public safety administration",
    ),
    "Probation Department": (
        "Probation; Juvenile Justice; Alternatives to Incarceration; Pretrial Services; Youth Detention",
        "Officer; Assistant; Aide; Investigator; Coordinator; Counselor; Supervisor",
        "criminal justice; social work; psychology; sociology; corrections administration",
    ),
    "Department of Information Technology": (
        "Information Technology; Network; Database; Systems; Geographic Information Systems; Help Desk; Web; "
        "Cybersecurity; Telecommunications; Computer Operations",
        "Analyst; Programmer; Administrator; Technician; Specialist; Engineer; Operator; Coordinator; Architect",
        "computer science; information technology; management information systems; data processing; mathematics",
    ),
    "Department of Personnel": (
        "Personnel; Civil Service; Human Resources; Labor Relations; Benefits; Training; Employee Relations; "
        "Examination; Classification",
        "Clerk; Analyst; Technician; Specialist; Administrator; Assistant; Coordinator; Examiner; Officer",
        "human resources management; public administration; business administration; industrial relations",
    ),
    "Department of Planning and Development": (
        "Planning; Zoning; Economic Development; Community Development; Housing; Code Enforcement; "
        "Historic Preservation; Transportation Planning",
        "Planner; Inspector; Officer; Specialist; Coordinator; Aide; Technician; Analyst; Director",
        "urban planning; regional planning; geography; architecture; landscape architecture; economics",
    ),
    "Department of Parks and Recreation": (
        "Parks; Recreation; Golf Course; Aquatics; Forestry; Nature Center; Marina; Trail; Athletics",
        "Worker; Leader; Attendant; Aide; Ranger; Naturalist; Groundskeeper; Lifeguard; Coordinator; Specialist",
        "recreation; parks management; forestry; environmental education; physical education",
    ),
    "Public Library": (
        "Library; Museum; Archives; Records Management; Historical; Reference; Circulation",
        "Clerk; Assistant; Librarian; Curator; Archivist; Aide; Technician; Page",
        "library science; history; museum studies; archival studies; English",
    ),
    "Office of the County Clerk": (
        "Election; Voter Registration; Motor Vehicle; Real Property; Records; Legislative; Recording",
        "Clerk; Specialist; Coordinator; Assistant; Deputy; Technician; Examiner; Inspector",
        "business administration; public administration; political science",
    ),
    "Department of Law": (
        "Legal; Court; Public Defender; District Attorney; Victim Services; Family Court; Litigation",
        "Attorney; Assistant; Investigator; Secretary; Clerk; Advocate; Aide; Paralegal",
        "law; paralegal studies; criminal justice; political science",
    ),
    "Office for the Aging": (
        "Aging Services; Veterans Service; Youth Services; Senior Nutrition; Home Care; Caregiver Support",
        "Aide; Coordinator; Counselor; Specialist; Officer; Worker; Case Manager; Driver",
        "gerontology; social work; human services; nutrition; recreation",
    ),
    "Department of Transportation": (
        "Airport; Transit; Bus; Parking; Rail; Paratransit; Motor Equipment",
        "Operator; Mechanic; Attendant; Driver; Dispatcher; Inspector; Manager; Enforcement Officer; Planner",
        "transportation planning; business administration; aviation management; logistics",
    ),
    "Real Property Tax Services": (
        "Real Property Tax; Assessment; Appraisal; Tax Map; Exemption",
        "Appraiser; Assessor; Clerk; Technician; Aide; Examiner; Specialist",
        "real estate; appraisal; business administration; geography",
    ),
    "Department of Weights and Measures": (
        "Weights and Measures; Consumer Affairs; Licensing; Petroleum Quality; Scale",
        "Inspector; Investigator; Specialist; Clerk; Technician",
        "physical science; chemistry; consumer studies",
    ),
    "Department of Central Services": (
        "Purchasing; Central Services; Stores; Printing; Mail; Facilities; Custodial; Energy",
        "Clerk; Buyer; Agent; Storekeeper; Operator; Courier; Custodian; Manager; Assistant; Mechanic",
        "business administration; purchasing management; supply chain management; facilities management",
    ),
    "County Nursing Home": (
        "Nursing Home; Hospital; Dietary; Housekeeping; Laundry; Patient Accounts; Medical Records; Radiology; "
        "Respiratory Care; Physical Therapy",
        "Aide; Nurse; Technician; Therapist; Attendant; Clerk; Cook; Worker; Assistant",
        "nursing; health care administration; dietetics; respiratory therapy; health information management",
    ),
    "Department of Agriculture": (
        "Animal Control; Dog Control; Agriculture; Soil and Water Conservation; Cooperative Extension; "
        "Farmland Protection; Pest Management",
        "Officer; Technician; Inspector; Educator; Specialist; Aide; Attendant",
        "agriculture; animal science; soil science; agronomy; veterinary technology",
    ),
    "Office of the County Executive": (
        "Administrative; Office; Executive; Secretarial; Communications; Public Information; Insurance; "
        "Risk Management; Safety; Policy",
        "Assistant; Secretary; Clerk; Aide; Officer; Coordinator; Specialist; Analyst; Director; Typist; Stenographer",
        "public administration; business administration; communications; journalism; English",
    ),
}

# Words a duty or KSA puts before its head noun. Ranked: the earlier a word, the more often it is drawn (Zipf).
COMMON_WORDS = words("""
program service case client public staff work office financial budget payroll account tax state federal local
county community safety health equipment vehicle property building maintenance repair construction policy
procedure regulation compliance application permit license inspection investigation complaint hearing court legal
correspondence schedule meeting project design survey computer network software database telephone clerical
payment claim benefit eligibility assistance housing employment training education recreation park library
highway road bridge traffic transit water sewer wastewater drainage waste recycling environmental pollution energy
utility fire police emergency rescue dispatch communication radio patrol security custody detention probation
juvenile youth family child adult aging veteran disability medical nursing patient clinic laboratory pharmacy
mental treatment counseling rehabilitation nutrition sanitation zoning code planning development economic election
voter archive museum collection exhibit animal shelter agriculture forestry wildlife land assessment appraisal
deed mortgage parcel boundary collection enforcement warrant evidence audit accounting bookkeeping ledger journal
reconciliation cashier deposit receipt disbursement treasury investment debt bond insurance risk liability
personnel recruitment examination classification salary wage pension retirement leave attendance grievance
arbitration negotiation labor discipline performance orientation personal confidential statistical technical
administrative operational fiscal capital contract vendor purchase inventory supply storeroom warehouse delivery
fleet fuel tire engine hydraulic electrical plumbing heating ventilation roofing masonry carpentry painting
custodial grounds snow paving asphalt concrete culvert guardrail signage lighting signal meter hydrant valve pump
reservoir filtration chlorination sludge effluent sample specimen chemical toxic hazardous spill asbestos lead
radon mold pest rodent mosquito vaccine immunization outbreak tuberculosis epidemiology surveillance screening
prenatal infant lactation dietary meal menu kitchen laundry linen housekeeping wound medication dosage therapy
psychiatric crisis suicide substance alcohol addiction detoxification methadone relapse diversion sentencing
pretrial bail parole restitution victim witness subpoena affidavit testimony transcript docket calendar
litigation settlement judgment appeal statute ordinance resolution legislation minutes agenda notice publication
website internet email server backup firewall password encryption malware upgrade installation configuration
troubleshooting helpdesk workstation printer scanner copier telecommunication voicemail cable fiber wireless
mapping geographic parcel aerial imagery coordinate elevation topographic hydrographic cadastral subdivision
easement variance rezoning
""")

UNCOMMON_WORDS = words("""
abatement abstract accession accreditation accrual acquisition actuarial adjudication advocacy affirmative
alignment allocation amortization annexation annuity apportionment apprenticeship aquifer arraignment
arrearage assay attestation auction authentication autopsy backflow ballot bankruptcy barricade benchmark
bereavement bidding biohazard blueprint bookmobile brine brush budgetary bulletin bylaw calibration campground
canvass capacity caption cartography casework catalog caulking certification chain chassis checkpoint
chiropractic circulation citation civic claimant clearance codification cohort collateral commissary
commissioning commodity compaction compost concession condemnation conservation consignment consolidation
containment contingency conveyance coroner corrosion courier credential cremation crosswalk curbside curriculum
custodianship dam debris decedent decontamination deduction defendant deferral delinquency demolition
denomination dependency depreciation deputation dialysis digitization disbursal discovery dispensary
disposition docketing dosimetry dredging dumpster easel eligibility embankment encumbrance endowment
entitlement erosion escrow estuary eviction excavation exemption expungement extradition fabrication
facsimile farmland fencing fiduciary fingerprint fireworks floodplain fluoride forfeiture foreclosure
formulary fraud freight fumigation garnishment geodetic gradient graffiti granary groundwater guardianship
habitat hangar harbor hemlock herbicide homestead hospice hydrology impoundment incarceration incineration
indemnity indictment infrastructure injunction inoculation inquest insolvency interment intake interpreter
intervention irrigation janitorial jurisprudence kennel kiosk landfill lease levy licensure lien lifeguard
limnology litter lodging lubrication machinery manifest marina marshal mediation memorandum microfilm
midwifery millage misdemeanor mitigation moratorium mortuary municipal narcotics naturalization notary
occupancy offender ombudsman orthotic outreach overtime pantry paralegal paratransit parolee patronage
pedestrian penalty pension percolation periodical pesticide petition phlebotomy placard plaintiff playground
plowing podiatry polling portfolio postage precinct premium preservation procurement prosecution prosthetic
provenance quarantine quarry questionnaire radiography readmission realty reappraisal receivership
recidivism reclamation referendum refuse registrar reimbursement relocation remediation rendition repossession
requisition rescission restoration retention revaluation rezoning ridership riparian salvage sandbagging
scholarship scoreboard sedimentation seizure septic sequestration sewage shoreline sidewalk siltation
solicitation spillway stenography stipend subrogation subsidy summons surety surplus syringe tabulation
tariff taxidermy telemetry tenancy tenure testamentary thermography tipping tollbooth topsoil tourism
towing toxicology transcription transfusion tribunal trusteeship turbidity ultrasound underpass unemployment
upholstery urinalysis usufruct vaccination vagrancy valuation vandalism vector vending ventilator veterinary
viaduct visitation vocational voucher wainscot warranty watershed weatherization welding wetland wharf
wheelchair wildfire withholding workforce xeriscape yardwaste zoonosis
""")

# Technical terms coined from roots: most are rare, which gives the vocabulary its long tail and shared prefixes
# ("hydro" begins dozens of them).
TECHNICAL_ROOTS = words("""
hydro geo bio electro thermo photo micro radio chemo aero agro cyto hemo immuno neuro cardio pneumo litho petro
seismo cryo pyro hygro dendro limno toxico patho osteo dermo gastro psycho socio demo ortho pharmaco
""")
TECHNICAL_ENDINGS = words("logy metry graphy scopy therapy chemistry dynamics mechanics kinetics genics nomics metrics")

ADJECTIVES = words("""
routine complex specialized technical administrative departmental confidential detailed written oral
statistical financial legal medical clinical operational preventive corrective emergency scheduled special
assigned related pertinent applicable standard current annual monthly weekly daily periodic preliminary final
official public private municipal regional interdepartmental internal external
""")

HEADS = words("""
records reports files applications permits claims cases accounts invoices vouchers payments contracts budgets
schedules inspections investigations complaints inquiries requests documents forms statements logs inventories
orders proposals plans specifications drawings maps surveys samples tests analyses audits reviews evaluations
assessments programs projects policies procedures regulations standards guidelines manuals systems databases
networks equipment vehicles facilities buildings grounds supplies materials funds grants benefits services
activities operations meetings hearings correspondence data statistics minutes notices certificates licenses
warrants petitions referrals appointments interviews procedures budgets estimates rosters calendars ledgers
""")

# (base form, third person, -ing form) of the verbs duties and KSAs are written with.
VERBS = [
    tuple(triple.split("/"))
    for triple in words("""
review/reviews/reviewing prepare/prepares/preparing maintain/maintains/maintaining coordinate/coordinates/coordinating
supervise/supervises/supervising inspect/inspects/inspecting investigate/investigates/investigating
compile/compiles/compiling process/processes/processing analyze/analyzes/analyzing evaluate/evaluates/evaluating
monitor/monitors/monitoring develop/develops/developing implement/implements/implementing conduct/conducts/conducting
record/records/recording verify/verifies/verifying issue/issues/issuing schedule/schedules/scheduling
assign/assigns/assigning plan/plans/planning train/trains/training operate/operates/operating repair/repairs/repairing
install/installs/installing collect/collects/collecting calculate/calculates/calculating audit/audits/auditing
examine/examines/examining draft/drafts/drafting approve/approves/approving reconcile/reconciles/reconciling
track/tracks/tracking update/updates/updating file/files/filing distribute/distributes/distributing
order/orders/ordering purchase/purchases/purchasing test/tests/testing measure/measures/measuring
design/designs/designing estimate/estimates/estimating negotiate/negotiates/negotiating interpret/interprets/interpreting
explain/explains/explaining enforce/enforces/enforcing administer/administers/administering oversee/oversees/overseeing
direct/directs/directing organize/organizes/organizing establish/establishes/establishing determine/determines/determining
check/checks/checking clean/cleans/cleaning deliver/delivers/delivering receive/receives/receiving post/posts/posting
code/codes/coding edit/edits/editing research/researches/researching summarize/summarizes/summarizing
transmit/transmits/transmitting dispatch/dispatches/dispatching patrol/patrols/patrolling serve/serves/serving
assess/assesses/assessing document/documents/documenting calibrate/calibrates/calibrating
""")
]

PEOPLE = split_list("""
the public; clients; staff; other agencies; vendors; contractors; department heads; elected officials;
community groups; property owners; attorneys; the courts; state and federal agencies; employees; residents
""")

PERSONAL_CHARACTERISTICS = split_list("""
tact; courtesy; good judgment; initiative; resourcefulness; dependability; integrity; thoroughness; accuracy;
patience; emotional stability; alertness; neat appearance; honesty
""")
# Printed alone, not paired with another characteristic.
LONG_CHARACTERISTICS = split_list("""
physical condition commensurate with the demands of the position; willingness to work irregular hours;
sensitivity to the needs of others; ability to remain calm in emergencies
""")
ABILITY_ADJECTIVES = words("administrative supervisory analytical mechanical clerical organizational technical")

COMPETENCIES = split_list("""
Integrity/Honesty; Arithmetic/Mathematical Reasoning; Listening; Reading; Writing; Conscientiousness;
Interpersonal Skills; Oral Communication; Problem Solving; Teamwork; Diversity; Customer Service; Flexibility;
Conflict Management; Stress Tolerance; Attention to Detail; Memory; Information Management; Decision Making;
Planning and Organizing; Leadership; Technical Competence; Safety Awareness; Self-Management; Accountability
""")

FACILITIES = split_list("""
Water Pollution Control Plant; Reservoir; Landfill; Memorial Hospital; Public Safety Building; Transfer Station;
Correctional Facility; Nursing Facility; Regional Airport; Health Center; Highway Garage; Community College
""")

PHYSICAL_DEMANDS = split_list("""
Sitting: remaining in the normal seated position.; Standing: remaining on one's feet for long periods.;
Lifting: raising objects of up to fifty pounds.; Climbing: ascending ladders, stairs and scaffolding.;
Handling: seizing, holding, grasping, or otherwise working with hands.; Talking: expressing ideas by spoken words.;
Hearing: perceiving the nature of sounds by the ear.; Near acuity: seeing clearly at twenty inches or less.;
Driving: operating a motor vehicle on public roads.; Stooping: bending the body downward and forward.
""")

LICENSES = split_list("""
Registered Professional Nurse; Licensed Practical Nurse; Professional Engineer; Certified Public Accountant;
Licensed Clinical Social Worker; Licensed Master Social Worker; Master Electrician; Licensed Psychologist;
Registered Dietitian; Licensed Land Surveyor; Registered Architect; Attorney and Counselor at Law
""")

CERTIFICATIONS = split_list("""
Grade 2A Water Treatment Plant Operator; Grade 3 Wastewater Treatment Plant Operator; Code Enforcement Official;
Emergency Medical Technician; Police Officer (Basic Course); Peace Officer; Certified Nursing Assistant;
Pesticide Applicator; Commercial Driver (Class B); Fire Inspector; Public Health Sanitarian; Certified Fraud Examiner
""")

# Headings as jurisdictions print them; each jurisdiction keeps one of each.
HEADINGS = {
    "general_statement_heading": ["GENERAL STATEMENT OF CLASS DUTIES", "DEFINITION", "NATURE OF WORK", ""],
    "distinguishing_features_heading": [
        "DISTINGUISHING FEATURES OF THE CLASS",
        "DISTINGUISHING CHARACTERISTICS",
        "Distinguishing Features",
    ],
    "duties_heading": [
        "TYPICAL WORK ACTIVITIES",
        "TYPICAL WORK ACTIVITIES: (Illustrative Only)",
        "EXAMPLES OF DUTIES",
        "ESSENTIAL DUTIES",
    ],
    "ksas_heading": [
        "FULL PERFORMANCE KNOWLEDGE, SKILLS, ABILITIES AND PERSONAL CHARACTERISTICS",
        "KNOWLEDGE, SKILLS AND ABILITIES",
        "REQUIRED KNOWLEDGES, SKILLS AND ABILITIES",
    ],
    "qualifications_heading": ["MINIMUM QUALIFICATIONS", "MINIMUM QUALIFICATIONS FOR APPOINTMENT", "QUALIFICATIONS"],
    "open_competitive_heading": ["", "OPEN-COMPETITIVE", "OPEN COMPETITIVE"],
    "promotional_heading": ["PROMOTION", "PROMOTIONAL", "SUGGESTED PROMOTIONAL QUALIFICATIONS"],
}
KSA_LEVELS = KSALevel.values
DUTIES_NOTE = (
    "Any one position may not include all of the duties listed, nor do the listed examples include all duties "
    "which may be found in positions of this class."
)
CLOSING_DUTIES = ["Performs related duties as required.", "Does related work as required.", "Performs related work."]
SUPERVISORY_DEFINITION = (
    "Supervisory experience is defined as work which required responsibility for the direction and control of "
    "subordinate employees. This involves the assignment of work, approval of work, training, and discipline of "
    "employees. The supervisory aspects must be an integral part of the job, not incidental or occasional."
)
EDUCATION_ORDER = ["doctorate", "master", "bachelor", "associate", "high_school", ""]  # highest first
DEGREE_NAMES = {"associate": "associate's", "bachelor": "bachelor's", "master": "master's", "doctorate": "doctoral"}
EXPERIENCE_YEARS = ["0.5", "1", "1", "1.5", "2", "2", "2.25", "2.5", "3", "3", "3.75", "4", "5", "6"]
CREDIT_HOURS = [6, 9, 12, 15, 18, 24, 30]
ROMAN = ["I", "II", "III", "IV"]
PREFIX_LADDERS = {
    2: [["", "Senior"], ["Assistant", ""]],
    3: [["", "Senior", "Principal"], ["Assistant", "", "Senior"], ["", "Senior", "Supervising"]],
    4: [
        ["Trainee", "", "Senior", "Principal"],
        ["", "Senior", "Principal", "Chief"],
        ["", "Senior", "Supervising", "Chief"],
    ],
}
SPECIALTIES = split_list(
    "Spanish Speaking; Civil; Mechanical; Electrical; Seasonal; Part-Time; Night; Field; Technical; Legal"
)

SMALL_NUMBERS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
TENS = words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")


def number_words(n):
    """0 to 99 in words, e.g. 24 → "twenty-four"."""
    if n < 20:
        return SMALL_NUMBERS[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{SMALL_NUMBERS[ones]}" if ones else "")


def counted(n, unit):
    """ "two (2) years", "one (1) year"."""
    return f"{number_words(n)} ({n}) {unit}{'' if n == 1 else 's'}"


def years_phrase(years):
    """Years as specs print them: "two (2) years", "eighteen (18) months", "two (2) years and three (3) months"."""
    months = int(years * 12)
    whole, rest = divmod(months, 12)
    if whole == 0 or (rest == 6 and whole == 1):
        return counted(months, "month")
    if rest == 0:
        return counted(whole, "year")
    return f"{counted(whole, 'year')} and {counted(rest, 'month')}"


def listed(items, conjunction="or"):
    """ "a, b or c"."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def article(word):
    return "an" if word[:1].lower() in "aeiou" else "a"


def sentence_case(text):
    return text[:1].upper() + text[1:]


class Zipf:
    """Draws words with a frequency falling as a power of their rank: a few words everywhere, most words rarely."""

    def __init__(self, words, exponent=1.15):
        self.words = list(words)
        self.cumulative = list(itertools.accumulate(1 / rank**exponent for rank in range(1, len(self.words) + 1)))
        self.total = self.cumulative[-1]

    def draw(self, rng):
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.total)]


def technical_terms(rare=1500):
    """Single-root terms ("hydrology"), then `rare` two-root ones ("geohydrology") in a fixed shuffled order."""
    single = [root + ending for ending in TECHNICAL_ENDINGS for root in TECHNICAL_ROOTS]
    double = [
        first + second + ending
        for first in TECHNICAL_ROOTS
        for second in TECHNICAL_ROOTS
        for ending in TECHNICAL_ENDINGS
        if first != second
    ]
    random.Random(0).shuffle(double)  # the same order for every seed: which words are rare is part of the vocabulary
    return single + double[:rare]


WORDS = Zipf(list(dict.fromkeys(COMMON_WORDS + UNCOMMON_WORDS + technical_terms())))


# Place names, from syllables: every synthetic employer and facility has a name of its own.

ONSETS = words("b br c ch cl d dr f g gr h k l m n p pl r s sh st t tr v w")
VOWELS = words("a e i o u a e i o ai ea ou")
CODAS = ["", "", "", "n", "r", "l", "s", "th", "m", "nd"]
ENDINGS = ["", "", "", "ville", "burg", "ton", "field", "port", "dale", "ford", "wood", "mont", "haven", "bury"]


def place_name(rng):
    name = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(2))
    return (name + rng.choice(ENDINGS)).capitalize()


def unique_place(rng, taken):
    while (name := place_name(rng)) in taken or len(name) < 4:
        pass
    taken.add(name)
    return name
