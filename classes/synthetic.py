"""Invents a catalogue of class specifications, realistic in size and shape, and writes it, to measure the portal at scale.

Every choice is drawn from one `random.Random(seed)` in a fixed order and no date comes from the clock, so the same
arguments give the same catalogue, whatever the batch size. Its jurisdictions' slugs all start with `synthetic-`.
No audit-trail (django-simple-history) rows are written: nobody changed this text, it was invented, and bulk
inserts send no signals. Rows' own `created_at`/`updated_at` stamps still say when they were written.
"""

import bisect
import contextlib
import datetime
import itertools
import queue
import random
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify

from classes import search, structure
from classes.models import (
    KSA,
    CatalogueEdition,
    ClassSeries,
    Competency,
    Department,
    Duty,
    HistoryEntry,
    JobClass,
    Jurisdiction,
    OtherSection,
    SearchDocument,
    SpecialRequirement,
    Version,
)
from classes.vocabulary import (
    FLSAStatus,
    HistoryKind,
    JurisdictionalClass,
    JurisdictionKind,
    KSAKind,
    KSALevel,
    PathKind,
    SectionLayout,
    SectionPlacement,
    SpecialRequirementKind,
    SubstitutionKind,
    VersionStatus,
)
from qualifications.models import Definition, Path, Substitution, TimeInTitle

SLUG_PREFIX = "synthetic-"
FIRST_ADOPTION = datetime.date(1975, 1, 1)
LAST_FIRST_ADOPTION = datetime.date(2014, 12, 31)
LAST_ADOPTION = datetime.date(2025, 6, 30)
CATALOGUE_END = datetime.date(2025, 12, 31)  # abolitions fall on or before it
EARLIEST_HISTORY = datetime.date(1950, 1, 1)

# Words


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


# The plan: plain values, written to the database afterwards


@dataclass
class JurisdictionPlan:
    name: str
    slug: str
    kind: str
    commission_name: str
    description: str
    review_cycle_years: int | None
    departments: list  # names of DEPARTMENTS keys it has
    class_count: int
    places: list  # local place names its texts mention
    style: dict  # headings, title case, label style and other habits of its documents


@dataclass
class TitleInPath:
    title: str
    years: Decimal
    series_level: int | None  # the level of the same series this title is, linked to that class; None: not linked


@dataclass
class PathText:
    kind: str
    connector: str
    label: str
    text: str
    is_equivalent_combination: bool = False
    education_level: str = ""
    education_fields: list = field(default_factory=list)
    credit_hours: int | None = None
    credit_hour_subjects: list = field(default_factory=list)
    experience_years: Decimal | None = None
    experience_kinds: list = field(default_factory=list)
    paid_experience: bool | None = None
    part_time_accepted: bool | None = None
    full_time_hours_per_week: int | None = None
    supervisory_years: Decimal | None = None
    titles: list = field(default_factory=list)  # of TitleInPath


@dataclass
class SpecText:
    """One version of a class: its header facts and prose (Version fields), department, and lists of parts."""

    number: int
    status: str
    header: dict
    department: str | None
    features: list  # sentences of the distinguishing features
    duties: list  # texts; the last one closes the list
    ksas: list  # (text, kind, level)
    competencies: list  # (name, description)
    other_sections: list  # (placement, heading, layout, text)
    special_requirements: list  # (kind, heading, text)
    paths: list  # of PathText
    substitutions: list  # dicts of Substitution fields
    definitions: list  # (marker, term, label, text)


@dataclass
class ClassPlan:
    title: str
    slug: str
    code: str
    series_level: int | None
    abolished_on: datetime.date | None
    history: list  # (kind, date, reference)
    versions: list  # of SpecText, oldest first


@dataclass
class ClassGroup:
    """A class series and its classes, lowest level first; or one class in no series (`series_name` None)."""

    jurisdiction: int  # index into the plan's jurisdictions
    series_name: str | None
    series_slug: str
    classes: list


# Jurisdictions

KIND_WEIGHTS = {"state": 2, "county": 30, "city": 20, "town": 18, "village": 10, "district": 10, "agency": 7, "": 3}
KIND_SIZES = {"state": 40, "county": 8, "city": 5, "town": 1.5, "village": 0.7, "district": 1.5, "agency": 2, "": 2}
NAME_FORMS = {
    "state": ["State of {}", "Commonwealth of {}"],
    "county": ["{} County"],
    "city": ["City of {}"],
    "town": ["Town of {}"],
    "village": ["Village of {}"],
    "district": ["{} Central School District", "{} Fire District", "{} Public Library District"],
    "agency": ["{} Housing Authority", "{} Water Authority", "{} Transit Authority", "{} Port Authority"],
    "": ["{} Career Service Authority", "{} Merit System"],
}
COMMISSION_FORMS = {
    "state": "{place} Department of Civil Service",
    "county": "{name} Civil Service Commission",
    "city": "{name} Municipal Civil Service Commission",
    "town": "{place} Personnel Office",
    "village": "{place} Personnel Office",
    "district": "{name} Personnel Office",
    "agency": "{name} Personnel Board",
    "": "",
}
assert set(KIND_WEIGHTS) == {kind.value for kind in JurisdictionKind} | {""}


def plan_jurisdictions(rng, count, classes, seed):
    taken = set()
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=count)
    sizes = [KIND_SIZES[kind] * rng.lognormvariate(0, 0.6) for kind in kinds]
    counts = allocate(classes, sizes)
    return [
        jurisdiction_plan(rng, kind, class_count, taken, seed) for kind, class_count in zip(kinds, counts, strict=True)
    ]


def allocate(total, weights):
    """Split `total` in proportion to `weights` (largest remainders), each at least 1 while there are enough."""
    floor = 1 if total >= len(weights) else 0
    spare = total - floor * len(weights)
    shares = [spare * weight / sum(weights) for weight in weights]
    counts = [floor + int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda index: (int(shares[index]) - shares[index], index))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def jurisdiction_plan(rng, kind, class_count, taken, seed):
    place = unique_place(rng, taken)
    name = rng.choice(NAME_FORMS[kind]).format(place)
    department_count = min(len(DEPARTMENTS), 3 + class_count // 30 + rng.randint(0, 3))
    return JurisdictionPlan(
        name=name,
        slug=SLUG_PREFIX + slugify(name),
        kind=kind,
        commission_name=COMMISSION_FORMS[kind].format(name=name, place=place),
        description=f"Invented by manage.py generate_catalogue (seed {seed}) to measure the portal; not a real employer.",
        review_cycle_years=rng.choice([None, None, None, 3, 5, 5, 7]),
        departments=sorted(rng.sample(list(DEPARTMENTS), department_count), key=list(DEPARTMENTS).index),
        class_count=class_count,
        places=[unique_place(rng, taken) for _ in range(rng.randint(3, 12))],
        style=document_style(rng),
    )


def document_style(rng):
    """The habits of one jurisdiction's documents, kept by all its specs."""
    return {
        **{name: rng.choice(choices) for name, choices in HEADINGS.items()},
        "upper_case_titles": rng.random() < 0.5,
        "roman_levels": rng.random() < 0.5,
        "codes": rng.choice(["", "", "digits", "letters"]),
        "code_start": rng.randint(1000, 5000),
        "label_style": rng.choice(["A)", "(A)", "1.", ""]),
        "path_end": rng.choice(["; OR", "; or", "."]),
        "levels": rng.random() < 0.7,  # prints "Good knowledge of …" rather than "Knowledge of …"
        "duty_end": rng.choice([";", ";", "."]),
        "duties_note": rng.random() < 0.3,
        "competencies": rng.random() < 0.2,
        "other_sections": rng.random() < 0.25,
        "adoption_line": rng.choice(["", "adopted-revised", "approved"]),
        "reference": rng.choice(["", "CSM", "resolution"]),
        "salary": rng.choice(["", "Grade {}", "SG-{}", "Range {}"]),
        "units": rng.sample(
            ["CSEA", "AFSCME Local 1000", "Teamsters Local 294", "PEF", "Management/Confidential", "UPSEU", "PBA"],
            rng.randint(0, 3),
        ),
        "jurisdictional_class": rng.random() < 0.7,
        "flsa": rng.random() < 0.5,
        "general_statement": rng.random() < 0.4,
        "accreditation": rng.choice(
            [
                "a regionally accredited or New York State registered college or university",
                "an accredited college or university",
                "a regionally accredited college or university",
            ]
        ),
        "credit_hour_unit": rng.choice(["credit hours", "semester credit hours"]),
        "status_phrase": rng.choice(["permanent competitive status", "permanent competitive class status"]),
    }


# Titles of a jurisdiction's classes


@dataclass
class SeriesTitles:
    department: str
    field: str  # the line of work, e.g. "Payroll"
    occupation: str
    base: str  # e.g. "Payroll Clerk"
    titles: list  # one per level, lowest first


def plan_titles(rng, jurisdiction):
    """Split the jurisdiction's classes into series and single classes, each with titles unique in it."""
    taken_slugs, groups, left = set(), [], jurisdiction.class_count
    while left:
        size = min(left, rng.choices([1, 2, 3, 4], weights=[45, 25, 18, 12])[0])
        groups.append(series_titles(rng, jurisdiction, size, taken_slugs))
        left -= size
    return groups, taken_slugs


def series_titles(rng, jurisdiction, levels, taken_slugs):
    for attempt in itertools.count():
        department = rng.choice(jurisdiction.departments)
        fields, occupations, _ = DEPARTMENTS[department]
        line, occupation = rng.choice(split_list(fields)), rng.choice(split_list(occupations))
        specialty = ""
        if attempt > 5:  # the common titles are taken: a specialty, then a unit number, keeps it distinct
            specialty = f" ({rng.choice(SPECIALTIES)})" if attempt < 30 else f" (Unit {attempt})"
        base = f"{line} {occupation}"
        titles = [title + specialty for title in level_titles(rng, base, levels, jurisdiction.style)]
        slugs = {slugify(title) for title in [base + specialty, *titles]}
        if not taken_slugs.intersection(slugs):
            taken_slugs.update(slugs)
            return SeriesTitles(department, line, occupation, base + specialty, titles)


def level_titles(rng, base, levels, style):
    """Titles in title case, as the text of other specs names them; a spec's own header may print capitals."""
    if levels == 1:
        titles = [base]
    elif style["roman_levels"]:
        titles = [f"{base} {numeral}" for numeral in ROMAN[:levels]]
    else:
        ladder = rng.choice(PREFIX_LADDERS[levels])
        titles = [f"{prefix} {base}".strip() for prefix in ladder]
    return titles


# Texts


class Writer:
    """Writes the text of one class's versions from the jurisdiction's habits and the class's line of work."""

    def __init__(self, rng, jurisdiction, series, level, taken_slugs):
        self.rng = rng
        self.taken_slugs = taken_slugs  # of every class title in the jurisdiction
        self.jurisdiction = jurisdiction
        self.style = jurisdiction.style
        self.series = series
        self.level = level  # 1-based level in the series
        self.field = series.field.lower()
        self.study_fields = split_list(DEPARTMENTS[series.department][2])

    # Phrases

    def pick(self, choices):
        """One of the choices, evenly: what rng.choice does, in a fifth of the time (this is the inner loop)."""
        return choices[int(self.rng.random() * len(choices))]

    def word(self):
        return WORDS.draw(self.rng)

    def noun_phrase(self):
        random = self.rng.random
        words = []
        if random() < 0.2:
            words.append(self.pick(ADJECTIVES))
        if random() < 0.12:
            words.append(self.field)
        elif random() < 0.85:
            words.append(self.word())
            if random() < 0.15:
                words.append(self.word())
        words.append(self.pick(HEADS))
        return " ".join(words)

    def verb(self):
        return self.pick(VERBS)

    def qualifier(self):
        rng = self.rng
        choice = rng.random()
        if choice < 0.2:
            return f" for {self.noun_phrase()}"
        if choice < 0.3:
            return f" in accordance with {self.noun_phrase()}"
        if choice < 0.42:
            return f" with {self.pick(PEOPLE)}"
        if choice < 0.5:
            return f" related to {self.noun_phrase()}"
        if choice < 0.55:
            return f" as required by Section {rng.randint(2, 999)} of the {self.word().capitalize()} Law"
        if choice < 0.58:
            return f" at {self.facility()}"
        return ""

    # Parts

    def duty(self):
        rng = self.rng
        verb, form = self.verb(), rng.random()
        if form < 0.45:
            text = f"{verb[1]} {self.noun_phrase()}{self.qualifier()}"
        elif form < 0.7:
            text = f"{verb[1]} and {self.verb()[1]} {self.noun_phrase()}{self.qualifier()}"
        elif form < 0.85:
            text = f"{verb[1]} {self.noun_phrase()} to ensure accuracy and compliance with {self.noun_phrase()}"
        else:
            text = f"{verb[1]} {self.noun_phrase()} and {self.noun_phrase()}, {self.verb()[2]} {self.noun_phrase()} as needed"
        return sentence_case(text) + self.style["duty_end"]

    def duties(self):
        return [self.duty() for _ in range(self.rng.randint(9, 24))] + [self.pick(CLOSING_DUTIES)]

    def ksa(self, kind):
        rng = self.rng
        if kind == KSAKind.KNOWLEDGE:
            level = self.pick(KSA_LEVELS) if self.style["levels"] and rng.random() < 0.8 else ""
            topic = self.pick(["the principles and practices of ", "the methods and techniques of ", "", ""])
            text = f"{level.capitalize()} knowledge of {topic}{self.noun_phrase()}".strip()
        elif kind == KSAKind.SKILL:
            level, text = "", f"Skill in {self.verb()[2]} {self.noun_phrase()}"
        elif kind == KSAKind.ABILITY:
            level = "good" if self.style["levels"] and rng.random() < 0.1 else ""
            if level:
                text = (
                    f"Good {self.pick(ABILITY_ADJECTIVES)} ability as required in {self.verb()[2]} {self.noun_phrase()}"
                )
            else:
                text = f"Ability to {self.verb()[0]} {self.noun_phrase()}{self.qualifier()}"
        else:
            level = ""
            if rng.random() < 0.6:
                text = " and ".join(rng.sample(PERSONAL_CHARACTERISTICS, 2))
            else:
                text = self.pick(PERSONAL_CHARACTERISTICS + LONG_CHARACTERISTICS)
        return (sentence_case(text) + ";", kind, level)

    def ksas(self):
        count = self.rng.randint(15, 40)
        kinds = self.rng.choices(
            [KSAKind.KNOWLEDGE, KSAKind.SKILL, KSAKind.ABILITY, KSAKind.PERSONAL_CHARACTERISTIC],
            weights=[40, 10, 40, 10],
            k=count,
        )
        order = [KSAKind.KNOWLEDGE, KSAKind.SKILL, KSAKind.ABILITY, KSAKind.PERSONAL_CHARACTERISTIC]
        items = [self.ksa(kind) for kind in sorted(kinds, key=order.index)]
        text, kind, level = items[-1]
        items[-1] = (text[:-1] + ".", kind, level)
        return items

    def features(self, department):
        """Sentences of the distinguishing features: the role, the work, the level, supervision received and given."""
        sentences = [self.role_sentence(department), self.work_sentence()]
        levels = len(self.series.titles)
        if levels > 1:
            title = self.series.titles[self.level - 1]
            sentences.append(
                f"This is level {self.level} of the {self.series.base} series; {title} is {self.level_phrase(levels)}."
            )
        supervisor = self.series.titles[self.level] if self.level < levels else "a department head"
        sentences.append(
            f"Work is performed under the {self.pick(['general', 'direct', 'close'])} supervision of "
            f"{article(supervisor)} {supervisor}, with {self.pick(['some', 'considerable', 'little'])} leeway "
            "for independent judgment."
        )
        if self.level > 1:
            sentences.append(f"Supervision is exercised over {self.series.titles[self.level - 2]} staff.")
        if self.rng.random() < 0.1:
            sentences.append(f"Employees may be assigned to {self.facility()}.")
        sentences.append("Does related work as required.")
        return sentences

    def role_sentence(self, department):
        # A series' levels rise in responsibility; a class in no series may stand anywhere.
        rank = self.level if len(self.series.titles) > 1 else self.rng.randint(1, 4)
        role = ["entry-level", "technical", "professional", "supervisory", "administrative"][
            min(4, rank + self.rng.randint(0, 1) - 1)
        ]
        place = f"in the {department}" if department else f"for {self.jurisdiction.name}"
        return f"This is {article(role)} {role} position responsible for {self.verb()[2]} {self.noun_phrase()} {place}."

    def work_sentence(self):
        return f"The work involves {self.verb()[2]} {self.noun_phrase()} and {self.verb()[2]} {self.noun_phrase()}."

    def facility(self):
        return f"the {self.pick(self.jurisdiction.places)} {self.pick(FACILITIES)}"

    def level_phrase(self, levels):
        if self.level == 1:
            return "the entry level"
        return "the highest level" if self.level == levels else "the experienced working level"

    def general_statement(self):
        if not self.style["general_statement"]:
            return ""
        return (
            f"Under {self.pick(['general', 'direct'])} supervision, {self.verb()[1]} {self.noun_phrase()} and "
            f"{self.verb()[1]} {self.noun_phrase()}; performs related work as required."
        )

    def competencies(self):
        if not self.style["competencies"]:
            return []
        names = self.rng.sample(COMPETENCIES, self.rng.randint(6, 15))
        return [
            (
                name,
                f"{self.verb()[1].capitalize()} {self.noun_phrase()} and {self.verb()[1]} {self.noun_phrase()}.",
            )
            for name in names
        ]

    def other_sections(self):
        rng = self.rng
        if not self.style["other_sections"]:
            return []
        sections = [
            (
                SectionPlacement.AFTER_KSAS,
                "Physical Demands",
                SectionLayout.LIST,
                "\n".join(rng.sample(PHYSICAL_DEMANDS, rng.randint(3, 7))),
            ),
            (
                SectionPlacement.AFTER_KSAS,
                "Working Environment",
                SectionLayout.PARAGRAPHS,
                self.pick(
                    ["Subject to many interruptions.", "Work is performed outdoors in all weather.", "Office setting."]
                ),
            ),
        ]
        if self.level > 1 and rng.random() < 0.5:
            sections.insert(
                0,
                (
                    SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
                    "Level of Supervision Exercised",
                    SectionLayout.PARAGRAPHS,
                    f"Supervises {self.series.titles[self.level - 2]} staff and reviews their {self.noun_phrase()}.",
                ),
            )
        return sections

    def special_requirements(self):
        rng = self.rng
        kinds = rng.sample(SpecialRequirementKind.values, self.pick([0, 0, 1, 1, 2]))
        return [
            (kind, self.pick(["SPECIAL REQUIREMENT", "SPECIAL REQUIREMENTS", ""]), self.requirement(kind))
            for kind in kinds
        ]

    def requirement(self, kind):
        texts = {
            SpecialRequirementKind.DRIVERS_LICENSE: lambda: (
                "Possession of a valid driver's license at the time of "
                "appointment and maintenance of the license throughout employment."
            ),
            SpecialRequirementKind.LICENSE: lambda: (
                f"Possession of a current license as a {self.pick(LICENSES)} at the time of appointment."
            ),
            SpecialRequirementKind.CERTIFICATION: lambda: (
                f"Certification as a {self.pick(CERTIFICATIONS)} within "
                f"{counted(self.pick([6, 12, 18]), 'month')} of appointment."
            ),
            SpecialRequirementKind.BACKGROUND_CHECK: lambda: (
                "Candidates must pass a background investigation, including fingerprinting, before appointment."
            ),
            SpecialRequirementKind.MEDICAL: lambda: (
                "Candidates must pass a medical examination and may be required "
                f"to lift {counted(self.pick([25, 50]), 'pound')}."
            ),
            SpecialRequirementKind.RESIDENCY: lambda: (
                f"Candidates must be residents of {self.jurisdiction.name} at the time of appointment."
            ),
            SpecialRequirementKind.OTHER: lambda: (
                f"Employees may be required to work nights, weekends and holidays at {self.facility()}."
            ),
        }
        return texts[kind]()

    # Minimum qualifications

    def qualifications(self, lower_titles):
        """Paths (2 to 4), substitutions and definitions; `lower_titles` are the series' lower levels' titles."""
        rng = self.rng
        promotional = self.promotional_paths(lower_titles)
        regular = rng.randint(max(1, 2 - len(promotional)), max(1, min(3, 4 - len(promotional))))
        paths = self.regular_paths(regular)
        if regular >= 2 and len(paths) + len(promotional) < 4 and rng.random() < 0.35:
            paths.append(self.equivalent_combination())
        self.punctuate(paths)
        substitutions = self.substitutions(paths) if rng.random() < 0.35 else []
        definitions = []
        if any("supervisory*" in path.text for path in paths):
            definitions.append(("*", "Supervisory experience", "", SUPERVISORY_DEFINITION))
        return paths + promotional, substitutions, definitions

    def regular_paths(self, count):
        rng = self.rng
        top = self.pick(
            ["doctorate", "master", "master", "bachelor", "bachelor", "bachelor", "associate", "high_school"]
        )
        levels = EDUCATION_ORDER[EDUCATION_ORDER.index(top) :]
        levels = sorted(rng.sample(levels, min(count, len(levels))), key=EDUCATION_ORDER.index)
        fields = self.study_fields_named()
        kinds = self.experience_kinds()
        years = Decimal(self.pick(EXPERIENCE_YEARS))
        habits = {
            "paid": self.pick([True, None]),
            "part_time": self.pick([True, False, None, None]),
            "hours": self.pick([None, None, None, 35, 40]),
            "supervisory": rng.random() < 0.15 + 0.15 * self.level,
        }
        paths = []
        for index, level in enumerate(levels):
            if index:
                years += Decimal(self.pick(["1", "1", "2", "1.5"]))
            education_only = level in ("master", "doctorate") and rng.random() < 0.3
            named_before = any(path.experience_kinds for path in paths)
            paths.append(
                self.regular_path(level, fields, kinds, None if education_only else years, habits, named_before)
            )
        return paths

    def study_fields_named(self):
        if self.rng.random() < 0.3:
            return []
        fields = self.rng.sample(self.study_fields, self.rng.randint(1, min(4, len(self.study_fields))))
        return [*fields, "a closely related field"] if self.rng.random() < 0.5 else fields

    def experience_kinds(self):
        rng = self.rng
        kinds = [f"{self.verb()[2]} {self.noun_phrase()}" for _ in range(rng.randint(1, 3))]
        return [f"{self.field} work", *kinds] if rng.random() < 0.4 else kinds

    def regular_path(self, level, fields, kinds, years, habits, kinds_named_before):
        rng = self.rng
        path = PathText(kind=PathKind.OPEN_COMPETITIVE, connector="", label="", text="", education_level=level)
        clauses = []
        if level:
            path.education_fields = fields if level != "high_school" else []
            if level in ("associate", "bachelor") and rng.random() < 0.2:
                path.credit_hours = self.pick(CREDIT_HOURS)
                path.credit_hour_subjects = rng.sample(self.study_fields, rng.randint(1, 2))
            clauses.append(self.education_clause(path))
        if years is not None:
            path.experience_years = years
            path.experience_kinds = kinds
            path.paid_experience = habits["paid"]
            path.part_time_accepted = habits["part_time"]
            path.full_time_hours_per_week = habits["hours"]
            if habits["supervisory"]:
                path.supervisory_years = min(years, Decimal(self.pick(["0.5", "1", "1", "2"])))
            clauses.append(self.experience_clause(path, kinds_named_before))
        path.text = sentence_case(" and ".join(clauses))
        if path.full_time_hours_per_week:
            path.text += f". Full-time is defined as {counted(path.full_time_hours_per_week, 'hour')} per week"
        return path

    def education_clause(self, path):
        level = path.education_level
        if level == "high_school":
            return "graduation from high school or possession of a high school equivalency diploma"
        fields = f" in {listed(path.education_fields)}" if path.education_fields else ""
        credit = ""
        if path.credit_hours:
            credit = (
                f" which included or was supplemented by {number_words(path.credit_hours)} ({path.credit_hours}) "
                f"{self.style['credit_hour_unit']} in {listed(path.credit_hour_subjects)}"
            )
        degree = DEGREE_NAMES[level]
        return f"graduation from {self.style['accreditation']} with {article(degree)} {degree} degree{fields}{credit}"

    def experience_clause(self, path, kinds_named_before):
        """The years and kinds of experience; a later path refers to the kinds an earlier one named."""
        full_time = "full-time " if path.part_time_accepted is not None or path.full_time_hours_per_week else ""
        paid = "paid " if path.paid_experience else ""
        part_time = {True: " or its part-time equivalent", False: " (part-time experience is not accepted)"}
        kinds = " as defined above" if kinds_named_before else f" in {listed(path.experience_kinds)}"
        clause = f"{years_phrase(path.experience_years)} of {full_time}{paid}experience{part_time.get(path.part_time_accepted, '')}{kinds}"
        if path.supervisory_years:
            clause += f", {years_phrase(path.supervisory_years)} of which must have been in a supervisory* capacity"
        return clause

    def equivalent_combination(self):
        """Its text names the other paths once their labels are known (`punctuate`)."""
        return PathText(kind=PathKind.OPEN_COMPETITIVE, connector="", label="", text="", is_equivalent_combination=True)

    def punctuate(self, paths):
        """Labels, connectors and closing punctuation as this jurisdiction prints open-competitive paths."""
        style = self.style["label_style"]
        for index, path in enumerate(paths):
            path.label = label_for(style, index)
            # Unlabelled paths are told apart by an "OR:" before each, unless each ends with its own "; OR".
            path.connector = "OR:" if not style and index and self.style["path_end"] == "." else ""
            if path.is_equivalent_combination:
                others = listed([label_for(style, n) for n in range(index)], "and") if style else "the paths"
                path.text = (
                    f"An equivalent combination of training and experience as defined by the limits of {others} above"
                )
            last = index == len(paths) - 1
            path.text += "." if last or self.style["path_end"] == "." else self.style["path_end"]

    def promotional_paths(self, lower_titles):
        rng = self.rng
        if lower_titles and rng.random() < 0.85:
            linked = list(reversed(lower_titles))[: rng.randint(1, len(lower_titles))]
            levels = range(self.level - 1, self.level - 1 - len(linked), -1)
            titles = [
                TitleInPath(title, Decimal(1 + n), level)
                for n, (title, level) in enumerate(zip(linked, levels, strict=True))
            ]
        elif rng.random() < 0.15:
            titles = [TitleInPath(title, Decimal(self.pick([1, 2])), None) for title in self.outside_titles()]
        else:
            return []
        if rng.random() < 0.3:
            titles.append(TitleInPath(self.outside_titles()[0], titles[-1].years + 1, None))
        return [self.promotional_path(titles)]

    def outside_titles(self):
        """One or two titles of other lines of work that are not classes of this jurisdiction, so not linked."""
        return [self.outside_title() for _ in range(self.rng.randint(1, 2))]

    def outside_title(self):
        fields, occupations, _ = DEPARTMENTS[self.series.department]
        for _ in range(20):
            prefix = self.pick(["Senior", "Principal", "Supervising"])
            title = f"{prefix} {self.pick(split_list(fields))} {self.pick(split_list(occupations))}"
            if slugify(title) not in self.taken_slugs:
                return title
        return f"{title} (State)"

    def promotional_path(self, titles):
        status = self.style["status_phrase"]
        if len({title.years for title in titles}) == 1:
            years = years_phrase(titles[0].years)
            text = f"{sentence_case(years)} of {status} as {listed(t.title for t in titles)}"
        else:
            named = [f"{years_phrase(t.years)} as {article(t.title)} {t.title}" for t in titles]
            text = sentence_case(f"{named[0].replace(' as ', f' of {status} as ', 1)}") + (
                f" or {listed(named[1:])}" if len(named) > 1 else ""
            )
        text += " immediately preceding the date of the promotional examination."
        return PathText(kind=PathKind.PROMOTIONAL, connector="", label="", text=text, titles=titles)

    def substitutions(self, paths):
        rng = self.rng
        regular = [path for path in paths if path.experience_years is not None]
        if not regular or regular[0].education_level not in ("associate", "bachelor", "master"):
            return [self.unrated_substitution()]
        top = regular[0]  # the most education with experience: education beyond it stands in for experience
        if rng.random() < 0.25:
            return [self.unrated_substitution()]
        least = min(path.experience_years for path in regular)
        floor = self.pick([None, Decimal("0.5"), Decimal(1)])
        floor = floor if floor is not None and floor < least else None
        room = least - (floor or 0)
        cap = self.pick([None, Decimal(1), Decimal(2)])
        cap = cap if cap is not None and cap <= room else None
        rate = self.pick([Decimal(1), Decimal(1), Decimal("0.5")])
        beyond = top.education_level
        fields = bool(top.education_fields) and rng.random() < 0.7
        degree = DEGREE_NAMES[beyond]
        education = f"education beyond {article(degree)} {degree} degree" + (
            " in the fields noted above" if fields else ""
        )
        if rate == 1:
            text = f"{sentence_case(education)} may be substituted for experience on a year for year basis"
            text += f" up to {years_phrase(cap)}." if cap else "."
        else:
            text = f"Each year (30 credit hours) of {education} may be substituted for six (6) months of experience"
            text += f", up to a maximum of {years_phrase(cap)}." if cap else "."
        if floor:
            text += f" {sentence_case(years_phrase(floor))} of experience is required."
        return [
            {
                "label": self.pick(["Note:", "NOTE:", "SUBSTITUTION:"]),
                "text": text,
                "kind": SubstitutionKind.EDUCATION_FOR_EXPERIENCE,
                "education_beyond": beyond,
                "in_path_fields": fields,
                "years_per_year": rate,
                "cap_years": cap,
                "floor_years": floor,
            }
        ]

    def unrated_substitution(self):
        return {
            "label": "Education/Experience Equivalency:",
            "text": "Additional appropriate education may be substituted for the minimum experience requirement.",
            "kind": SubstitutionKind.EDUCATION_FOR_EXPERIENCE,
            "education_beyond": "",
            "in_path_fields": False,
            "years_per_year": None,
            "cap_years": None,
            "floor_years": None,
        }


def label_for(style, index):
    letter = "ABCDEFGH"[index]
    return {"A)": f"{letter})", "(A)": f"({letter})", "1.": f"{index + 1}.", "": ""}[style]


# A class and its versions


def plan_class(rng, jurisdiction, series, level, code, taken_slugs):
    """A class with 2 to 4 versions: the first written afresh, each later one a revision of the one before."""
    writer = Writer(rng, jurisdiction, series, level, taken_slugs)
    title = series.titles[level - 1]
    if jurisdiction.style["upper_case_titles"]:
        title = title.upper()
    count = rng.randint(2, 4)
    dates = adoption_dates(rng, count)
    department = series.department if rng.random() < 0.6 else None
    header = version_header(rng, writer, title, code)
    versions = [first_text(writer, header, department, series.titles[: level - 1])]
    for _ in range(count - 1):
        versions.append(revised_text(writer, versions[-1], series.titles[: level - 1]))
    for version, adopted_on in zip(versions, dates, strict=True):
        version.header["adopted_on"] = adopted_on
    for version in versions:
        version.header["adoption_reference"] = adoption_reference(jurisdiction.style, version.header["adopted_on"], rng)
        version.header["adoption_line"] = adoption_line(
            jurisdiction.style, [v.header["adopted_on"] for v in versions[: version.number]]
        )
    versions[-1].status = VersionStatus.ADOPTED
    abolished_on = None
    if rng.random() < 0.03:
        abolished_on = dates[-1] + datetime.timedelta(days=rng.randint(30, (CATALOGUE_END - dates[-1]).days))
    return ClassPlan(
        title=title,
        slug=slugify(title),
        code=code,
        series_level=level if len(series.titles) > 1 else None,
        abolished_on=abolished_on,
        history=history_before(rng, dates[0]),
        versions=versions,
    )


def adoption_dates(rng, count):
    """`count` distinct adoption dates, increasing: the first before 2015, the rest spread up to LAST_ADOPTION."""
    first = FIRST_ADOPTION + datetime.timedelta(days=rng.randint(0, (LAST_FIRST_ADOPTION - FIRST_ADOPTION).days))
    later = sorted(rng.sample(range(1, (LAST_ADOPTION - first).days + 1), count - 1))
    return [first, *(first + datetime.timedelta(days=days) for days in later)]


def history_before(rng, first_adoption):
    """Dated events held without text, before the oldest text held; a quarter of classes have some."""
    if rng.random() >= 0.25 or first_adoption <= EARLIEST_HISTORY + datetime.timedelta(days=30):
        return []
    span = (first_adoption - EARLIEST_HISTORY).days - 1
    days = sorted(rng.sample(range(span), rng.randint(1, 3)))
    kinds = [HistoryKind.ESTABLISHED] + [HistoryKind.REVISED] * (len(days) - 1)
    return [
        (kind, EARLIEST_HISTORY + datetime.timedelta(days=day), rng.choice(["", "CSM"]))
        for kind, day in zip(kinds, days, strict=True)
    ]


def adoption_reference(style, adopted_on, rng):
    if style["reference"] == "CSM":
        return "CSM"
    if style["reference"] == "resolution":
        return f"Res. {adopted_on.year}-{rng.randint(1, 120)}"
    return ""


def adoption_line(style, dates):
    """The adoption and revision line this version prints, e.g. "Adopted: 11/19/77\\nRevised: 3/14/90, 8/13/03"."""
    if style["adoption_line"] == "adopted-revised":
        line = f"Adopted: {short_date(dates[0])}"
        return line + (f"\nRevised: {', '.join(short_date(day) for day in dates[1:])}" if len(dates) > 1 else "")
    if style["adoption_line"] == "approved":
        day = dates[-1]
        return f"APPROVED: {day:%B}".upper() + f" {day.day}, {day.year}"
    return ""


def short_date(day):
    return f"{day.month}/{day.day}/{day:%y}"


def version_header(rng, writer, title, code):
    """The Version fields every text of the class shares unless revised: headings, header facts."""
    style = writer.style
    header = {name: style[name] for name in HEADINGS}
    grade = writer.level * 2 + rng.randint(2, 12)
    header.update(
        title=title,
        code=code,
        jurisdictional_class=rng.choice(
            [JurisdictionalClass.COMPETITIVE] * 6
            + [JurisdictionalClass.NON_COMPETITIVE, JurisdictionalClass.LABOR, JurisdictionalClass.EXEMPT]
        )
        if style["jurisdictional_class"]
        else "",
        flsa_status=rng.choice(FLSAStatus.values) if style["flsa"] else "",
        salary_grade=style["salary"].format(grade),
        bargaining_unit=rng.choice(style["units"]) if style["units"] else "",
        duties_note=DUTIES_NOTE if style["duties_note"] else "",
        competencies_heading="COMPETENCIES" if style["competencies"] else "",
        open_competitive_preamble="",
        promotional_preamble="",
    )
    if not style["general_statement"]:
        header["general_statement_heading"] = ""
    return header


def first_text(writer, header, department, lower_titles):
    paths, substitutions, definitions = writer.qualifications(lower_titles)
    return SpecText(
        number=1,
        status=VersionStatus.SUPERSEDED,
        header={**header, "general_statement": writer.general_statement()},
        department=department,
        features=writer.features(department),
        duties=writer.duties(),
        ksas=writer.ksas(),
        competencies=writer.competencies(),
        other_sections=writer.other_sections(),
        special_requirements=writer.special_requirements(),
        paths=paths,
        substitutions=substitutions,
        definitions=definitions,
    )


def revised_text(writer, previous, lower_titles):
    """The next version: a few duties and KSAs reworded, added or dropped; sometimes new qualifications."""
    rng = writer.rng
    text = SpecText(
        number=previous.number + 1,
        status=VersionStatus.SUPERSEDED,
        header=dict(previous.header),
        department=previous.department,
        features=list(previous.features),
        duties=revised_list(rng, previous.duties[:-1], writer.duty, 9, 24) + previous.duties[-1:],
        ksas=revised_ksas(writer, previous.ksas),
        competencies=previous.competencies,
        other_sections=previous.other_sections,
        special_requirements=previous.special_requirements,
        paths=previous.paths,
        substitutions=previous.substitutions,
        definitions=previous.definitions,
    )
    if rng.random() < 0.5:
        text.features[1] = writer.work_sentence()
    if rng.random() < 0.35:
        text.paths, text.substitutions, text.definitions = writer.qualifications(lower_titles)
    if rng.random() < 0.15:
        text.special_requirements = writer.special_requirements()
    if rng.random() < 0.1:
        text.department = writer.series.department if text.department is None else None
        text.features[0] = writer.role_sentence(text.department)
    return text


def revised_list(rng, items, new_item, least, most):
    items = list(items)
    for _ in range(rng.randint(1, 4)):
        change = rng.choice(["reword", "add", "drop"])
        if change == "add" and len(items) < most:
            items.insert(rng.randint(0, len(items)), new_item())
        elif change == "drop" and len(items) > least:
            del items[rng.randrange(len(items))]
        else:
            items[rng.randrange(len(items))] = new_item()
    return items


def revised_ksas(writer, ksas):
    """Reworded, added or dropped items keep their kind's place in the list; the last item closes it."""
    rng = writer.rng
    items = [
        (text if index < len(ksas) - 1 else text[:-1] + ";", kind, level)
        for index, (text, kind, level) in enumerate(ksas)
    ]
    for _ in range(rng.randint(1, 4)):
        change, index = rng.choice(["reword", "add", "drop"]), rng.randrange(len(items))
        if change == "add" and len(items) < 40:
            items.insert(index, writer.ksa(items[index][1]))
        elif change == "drop" and len(items) > 15:
            del items[index]
        else:
            items[index] = writer.ksa(items[index][1])
    text, kind, level = items[-1]
    items[-1] = (text[:-1] + ".", kind, level)
    return items


# The whole catalogue, as a stream of class groups


@dataclass
class Catalogue:
    jurisdictions: list
    groups: object  # an iterator of ClassGroup, in the order they are drawn


def plan_catalogue(classes, jurisdictions, seed):
    """The catalogue's jurisdictions, and its classes drawn lazily group by group, in a fixed order."""
    rng = random.Random(seed)
    planned = plan_jurisdictions(rng, jurisdictions, classes, seed)
    return Catalogue(planned, class_groups(rng, planned))


def class_groups(rng, jurisdictions):
    for index, jurisdiction in enumerate(jurisdictions):
        codes = class_codes(rng, jurisdiction.style)
        all_series, taken_slugs = plan_titles(rng, jurisdiction)
        for series in all_series:
            classes = [
                plan_class(rng, jurisdiction, series, level, next(codes), taken_slugs)
                for level in range(1, len(series.titles) + 1)
            ]
            in_series = len(series.titles) > 1
            yield ClassGroup(
                index, series.base if in_series else None, slugify(series.base) if in_series else "", classes
            )


def class_codes(rng, style):
    """Class codes, unique and increasing in the jurisdiction; empty where it prints none."""
    if not style["codes"]:
        yield from itertools.repeat("")
    number = style["code_start"]
    while True:
        number += rng.randint(1, 9)
        yield (
            str(number)
            if style["codes"] == "digits"
            else f"{chr(65 + number % 26)}{chr(65 + number // 26 % 26)}-{number}"
        )


# Writing


@dataclass
class Counts:
    jurisdictions: int = 0
    classes: int = 0
    versions: int = 0
    rows: dict = field(default_factory=dict)  # model label → rows written
    seconds_writing: float = 0.0  # planning the text and inserting it: all but the indexing and checking
    seconds_indexing: float = 0.0  # building and inserting the search documents
    seconds_checking: float = 0.0  # the parts' constraints and indexes made again, if checked at the end
    checked_at_the_end: bool = False  # see constraints_checked_at_the_end

    def add(self, model, count):
        label = model._meta.label
        self.rows[label] = self.rows.get(label, 0) + count


class SyntheticDataExists(Exception):
    """The database already holds synthetic jurisdictions; their adopted text cannot be deleted to make room."""

    def __init__(self, jurisdictions):
        super().__init__(f"{jurisdictions} synthetic jurisdictions exist")
        self.jurisdictions = jurisdictions


def existing_synthetic_jurisdictions():
    return Jurisdiction.objects.filter(slug__startswith=SLUG_PREFIX).count()


def generate(*, classes, jurisdictions, seed, batch_size=1000, progress=None):
    """Plan and write the catalogue in one transaction: all of it, or (on any error) none of it.

    All or nothing matters here: adopted text cannot be deleted, so a half-written catalogue could not be cleared.
    Each batch's classes are indexed for search as it is written. `progress(counts)` follows each batch.
    """
    catalogue = plan_catalogue(classes, jurisdictions, seed)
    counts = Counts()
    with transaction.atomic():
        if existing := existing_synthetic_jurisdictions():
            raise SyntheticDataExists(existing)
        if connection.vendor == "postgresql":
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED: millions of checks would queue in memory until COMMIT.
            # Every row is written after the row it points to, so checking each at once is just as sound.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                # Not waiting for the commit to reach the disk risks nothing: a crash just after it would lose the
                # whole catalogue, as a crash just before would, and the command could run again.
                cursor.execute("SET LOCAL synchronous_commit = off")
        started = time.monotonic()
        written = Written(now=timezone.now())
        write_jurisdictions(catalogue.jurisdictions, written, counts)
        with constraints_checked_at_the_end(counts):
            for batch in planned_ahead(batched_groups(catalogue.groups, batch_size)):
                current = write_groups(batch, written, counts)
                indexing = time.monotonic()
                write_documents(current, counts)
                counts.seconds_indexing += time.monotonic() - indexing
                counts.seconds_writing = time.monotonic() - started - counts.seconds_indexing
                # With DEBUG on, Django keeps the SQL of recent queries, search documents' whole text included: at
                # 100,000 classes that grew the process by 600 MB. A written batch's queries are of no further use.
                reset_queries()
                if progress:
                    progress(counts)
        search.documents_written()
        # The public catalogue grew, and pages cached for the old edition (the same work elsewhere, a jurisdiction's
        # classes) would not show it. Saves start a new edition by their signals; bulk inserts send none.
        CatalogueEdition.next()
    return counts


# The tables of the parts of versions: nearly all the rows of a catalogue.
PART_MODELS = [Duty, KSA, Competency, OtherSection, SpecialRequirement, Path, Substitution, Definition, TimeInTitle]


@contextlib.contextmanager
def constraints_checked_at_the_end(counts):
    """PostgreSQL, into an empty catalogue: the parts' tables take their rows without foreign keys, unique constraints
    and secondary indexes, which are made again, checking every row at once, when all are in.

    Checking each row as it arrives (a foreign key is a query per row) and adding it to three indexes took half of the
    database's time: measured at 10,000 classes, 37 s of its CPU, 19 s this way. It is as sound: the definitions are
    read from the database and made again as they were, with their names; made again, each checks every row, and a
    violation fails the transaction like any other error. DDL is transactional: an error or a crash part way leaves
    the schema as it was. What a concurrent reader sees: dropping a foreign key locks the tables at both ends (the
    parts', and the versions' and classes' they point to; ACCESS EXCLUSIVE) until the commit, so any page reading the
    catalogue waits, then sees all of it. That wait is why it is done only into a database holding no class: where
    real classes are being read, every page would hang for minutes. Beside them, each row is checked as it arrives.
    """
    if connection.vendor != "postgresql" or JobClass.objects.exists():
        yield
        return
    tables = [model._meta.db_table for model in PART_MODELS]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u') ORDER BY contype, conrelid, conname",
            [tables],
        )
        constraints = cursor.fetchall()  # foreign keys first: dropped before the unique constraints, made after
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
            " WHERE indrelid = ANY(%s::regclass[]) AND NOT indisprimary"
            " AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))"
            " ORDER BY indrelid, indexrelid",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _ in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    counts.checked_at_the_end = True
    yield
    started = time.monotonic()
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in reversed(constraints):
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
    counts.seconds_checking = time.monotonic() - started


def planned_ahead(batches):
    """The batches, each planned by a thread of its own while the database takes the one before.

    Planning is pure Python and writing mostly waits on the database, so the two overlap. Only the planning thread
    draws from the seeded generator, in the same order as ever: the catalogue does not change.
    """
    ready, stop = queue.Queue(maxsize=2), threading.Event()

    def offer(item):
        """Hand an item over unless the writing has stopped (on an error); whether it was handed over."""
        while not stop.is_set():
            with contextlib.suppress(queue.Full):
                ready.put(item, timeout=0.1)
                return True
        return False

    def plan():
        try:
            for batch in batches:
                if not offer(batch):
                    return
            offer(None)
        except BaseException as error:  # handed to the writing thread, which raises it
            offer(error)

    planner = threading.Thread(target=plan, name="synthetic-catalogue-planner", daemon=True)
    planner.start()
    try:
        while (batch := ready.get()) is not None:
            if isinstance(batch, BaseException):
                raise batch
            yield batch
    finally:
        stop.set()
        planner.join()


def batched_groups(groups, batch_size):
    """Whole groups (a series is never split) of about `batch_size` classes."""
    batch, size = [], 0
    for group in groups:
        batch.append(group)
        size += len(group.classes)
        if size >= batch_size:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# Rows go in as tuples, not model instances: measured on PostgreSQL, Django's bulk_create spent about 13 s per 1,000
# classes building and compiling instances, most of the time at 100,000 classes. COPY on PostgreSQL, executemany
# elsewhere; ids of rows that others point to are drawn from the table's own sequence first.


def new_ids(model, count):
    """`count` unused primary keys of the model's table, in increasing order."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: this transaction has written already, so it holds the database's only write lock. Beyond both the
        # largest key and AUTOINCREMENT's high-water mark, no key has been used.
        cursor.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
    return list(range(last + 1, last + 1 + count))


def insert(model, columns, rows):
    """Insert new rows (tuples of the `columns`' values, by attribute name) into the model's table.

    This writes public text without the guarded querysets of classes/immutability.py, which refuse any bulk insert
    into an adopted or superseded version: it is the way fixtures are loaded, and safe for the same reason: nothing
    is being changed. The catalogue is being created, every row is new, and no one else sees it until it commits.
    PostgreSQL's triggers (migration classes/0004) refuse UPDATE and DELETE of adopted rows, not INSERT; the check
    constraints and foreign keys hold as for any insert.
    """
    if not rows:
        return
    # A field the plan does not write (added to a part since) takes its default, as Django would give it.
    unwritten = [
        field
        for field in model._meta.concrete_fields
        if field.attname not in columns and not field.primary_key and (field.has_default() or not field.null)
    ]
    columns = [*columns, *(field.attname for field in unwritten)]
    rows = [(*row, *(field.get_default() for field in unwritten)) for row in rows] if unwritten else rows
    fields = [model._meta.get_field(name) for name in columns]
    rows = prepared(fields, rows)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY goes past Django's cursor wrapper: its errors are made Django's here (IntegrityError …), as for
            # any other query.
            with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})", rows)


def prepared(fields, rows):
    """Dates and decimals as the database takes them from Django (SQLite stores text); other values as they are.

    PostgreSQL's driver takes dates and decimals as they are, and Django passes them on unchanged: converting them
    anyway took a tenth of the command's Python time.
    """
    converted = [
        index
        for index, field in enumerate(fields)
        if field.get_internal_type() in ("DateField", "DateTimeField", "DecimalField")
    ]
    if not converted or connection.vendor == "postgresql":
        return rows
    rows = [list(row) for row in rows]
    for row in rows:
        for index in converted:
            row[index] = fields[index].get_db_prep_save(row[index], connection)
    return rows


@dataclass
class Written:
    """Keys of what is written already, for the rows that point to it."""

    now: datetime.datetime  # the rows' created_at and updated_at: when they were written, as for any row
    jurisdictions: list = field(default_factory=list)  # ids, in the order planned
    departments: dict = field(default_factory=dict)  # (jurisdiction id, name) → id


def write_jurisdictions(plans, written, counts):
    jurisdictions = Jurisdiction.objects.bulk_create(
        Jurisdiction(
            name=plan.name,
            slug=plan.slug,
            kind=plan.kind,
            commission_name=plan.commission_name,
            description=plan.description,
            review_cycle_years=plan.review_cycle_years,
        )
        for plan in plans
    )
    departments = Department.objects.bulk_create(
        Department(jurisdiction=jurisdiction, name=name)
        for jurisdiction, plan in zip(jurisdictions, plans, strict=True)
        for name in plan.departments
    )
    written.jurisdictions = [jurisdiction.pk for jurisdiction in jurisdictions]
    written.departments = {(department.jurisdiction_id, department.name): department.pk for department in departments}
    counts.jurisdictions += len(jurisdictions)
    counts.add(Jurisdiction, len(jurisdictions))
    counts.add(Department, len(departments))


def write_groups(groups, written, counts):
    """Write a batch of class groups with all their text; return the versions search indexes (`write_versions`)."""
    series_ids = iter(new_ids(ClassSeries, sum(1 for group in groups if group.series_name)))
    class_ids = iter(new_ids(JobClass, sum(len(group.classes) for group in groups)))
    series_rows, class_rows, history_rows, written_classes = [], [], [], []
    for group in groups:
        jurisdiction_id = written.jurisdictions[group.jurisdiction]
        series_id = next(series_ids) if group.series_name else None
        if series_id:
            series_rows.append((series_id, jurisdiction_id, group.series_name, group.series_slug, ""))
        levels = {}
        for plan in group.classes:
            class_id = next(class_ids)
            levels[plan.series_level] = class_id
            class_rows.append(
                (
                    class_id,
                    jurisdiction_id,
                    plan.title,
                    plan.slug,
                    plan.code,
                    series_id,
                    plan.series_level,
                    plan.abolished_on,
                )
            )
            history_rows += [(class_id, kind, day, reference, "") for kind, day, reference in plan.history]
            written_classes.append((class_id, jurisdiction_id, plan, levels))
    insert(ClassSeries, ["id", "jurisdiction_id", "name", "slug", "description"], series_rows)
    insert(
        JobClass,
        ["id", "jurisdiction_id", "title", "slug", "code", "series_id", "series_level", "abolished_on"],
        class_rows,
    )
    insert(HistoryEntry, ["job_class_id", "kind", "date", "reference", "by"], history_rows)
    versions, current = write_versions(written_classes, written)
    write_parts(versions, counts)
    counts.classes += len(class_rows)
    counts.versions += len(versions)
    counts.add(ClassSeries, len(series_rows))
    counts.add(JobClass, len(class_rows))
    counts.add(HistoryEntry, len(history_rows))
    counts.add(Version, len(versions))
    return current


VERSION_FIELDS = list(Version._meta.concrete_fields)
VERSION_DEFAULTS = {field.attname: field.get_default() for field in VERSION_FIELDS}


def write_versions(written_classes, written):
    """Insert every version with its final status.

    Return, for every version, (version id, SpecText, series levels → class ids); and for the current version of each
    class not abolished, which search indexes, (class id, {Version field: value}, SpecText).
    """
    texts = [
        (class_id, jurisdiction_id, plan, text, levels)
        for class_id, jurisdiction_id, plan, levels in written_classes
        for text in plan.versions
    ]
    ids = new_ids(Version, len(texts))
    rows, current = [], []
    for version_id, (class_id, jurisdiction_id, plan, text, _) in zip(ids, texts, strict=True):
        values = {
            **VERSION_DEFAULTS,
            **text.header,
            "id": version_id,
            "job_class_id": class_id,
            "number": text.number,
            "status": text.status,
            "department_id": written.departments[(jurisdiction_id, text.department)] if text.department else None,
            "distinguishing_features": " ".join(text.features),
            "created_at": written.now,
            "updated_at": written.now,
        }
        rows.append(tuple(values[field.attname] for field in VERSION_FIELDS))
        if text.status == VersionStatus.ADOPTED and plan.abolished_on is None:
            current.append((class_id, values, text))
    insert(Version, [field.attname for field in VERSION_FIELDS], rows)
    versions = [(version_id, text, levels) for version_id, (*_, text, levels) in zip(ids, texts, strict=True)]
    return versions, current


SUBSTITUTION_FIELDS = [
    "label",
    "text",
    "kind",
    "education_beyond",
    "in_path_fields",
    "years_per_year",
    "cap_years",
    "floor_years",
]
PATH_COLUMNS = [
    "id",
    "version_id",
    "position",
    "kind",
    "connector",
    "label",
    "text",
    "is_equivalent_combination",
    "education_level",
    "education_fields",
    "credit_hours",
    "credit_hour_subjects",
    "experience_years",
    "experience_kinds",
    "paid_experience",
    "part_time_accepted",
    "full_time_hours_per_week",
    "supervisory_years",
]


def write_parts(versions, counts):
    """Every list of every version; the titles of promotional paths link the series' lower levels' classes."""
    duties, ksas, competencies, sections, requirements, substitutions, definitions = ([] for _ in range(7))
    for v, text, _ in versions:
        duties += [(v, n, duty) for n, duty in enumerate(text.duties, 1)]
        ksas += [(v, n, *ksa) for n, ksa in enumerate(text.ksas, 1)]
        competencies += [(v, n, *competency) for n, competency in enumerate(text.competencies, 1)]
        sections += [(v, n, *section) for n, section in enumerate(text.other_sections, 1)]
        requirements += [(v, n, *requirement) for n, requirement in enumerate(text.special_requirements, 1)]
        substitutions += [
            (v, n, *(substitution[name] for name in SUBSTITUTION_FIELDS))
            for n, substitution in enumerate(text.substitutions, 1)
        ]
        definitions += [(v, n, *definition) for n, definition in enumerate(text.definitions, 1)]
    insert(Duty, ["version_id", "position", "text"], duties)
    insert(KSA, ["version_id", "position", "text", "kind", "level"], ksas)
    insert(Competency, ["version_id", "position", "name", "description"], competencies)
    insert(OtherSection, ["version_id", "position", "placement", "heading", "layout", "text"], sections)
    insert(SpecialRequirement, ["version_id", "position", "kind", "heading", "text"], requirements)
    insert(Substitution, ["version_id", "position", *SUBSTITUTION_FIELDS], substitutions)
    insert(Definition, ["version_id", "position", "marker", "term", "label", "text"], definitions)
    titles = write_paths(versions)
    for model, rows in [
        (Duty, duties),
        (KSA, ksas),
        (Competency, competencies),
        (OtherSection, sections),
        (SpecialRequirement, requirements),
        (Substitution, substitutions),
        (Definition, definitions),
        (Path, range(sum(len(text.paths) for _, text, _ in versions))),
        (TimeInTitle, range(titles)),
    ]:
        counts.add(model, len(rows))


SEARCH_DOCUMENT_COLUMNS = ["job_class_id", "version_id", *structure.DOCUMENT_COLUMNS]


def write_documents(current, counts):
    """The search documents of the classes written: what `search.index_classes` would build from the database, built
    from the text in hand. Read back by index_classes, they took 630 s of a 100,000-class catalogue's 19 minutes."""
    rows = []
    for class_id, values, text in current:
        document = search.document_texts(structure.row(values), document_parts(text))
        rows.append((class_id, values["id"], *(document[column] for column in structure.DOCUMENT_COLUMNS)))
    insert(SearchDocument, SEARCH_DOCUMENT_COLUMNS, rows)
    counts.add(SearchDocument, len(rows))


def document_parts(text):
    """The version's parts as `search.document_texts` reads them: rows holding the fields each part prints."""
    row = structure.row
    return {
        "duties": [row({"label": "", "text": duty}) for duty in text.duties],
        "ksas": [row({"label": "", "text": ksa}) for ksa, _, _ in text.ksas],
        "competencies": [row({"name": name, "description": about}) for name, about in text.competencies],
        "paths": [row({"connector": path.connector, "label": path.label, "text": path.text}) for path in text.paths],
        "substitutions": [row(substitution) for substitution in text.substitutions],
        "definitions": [
            row({"marker": marker, "label": label, "text": definition})
            for marker, _, label, definition in text.definitions
        ],
        "special_requirements": [
            row({"heading": heading, "text": requirement}) for _, heading, requirement in text.special_requirements
        ],
        "other_sections": [
            row({"placement": placement, "heading": heading, "text": section})
            for placement, heading, _, section in text.other_sections
        ],
    }


def write_paths(versions):
    """Paths and the titles they name; returns how many titles."""
    texts = [(v, n, path, levels) for v, text, levels in versions for n, path in enumerate(text.paths, 1)]
    ids = new_ids(Path, len(texts))
    paths, titles = [], []
    for path_id, (v, n, path, levels) in zip(ids, texts, strict=True):
        paths.append(path_row(path_id, v, n, path))
        titles += [
            (path_id, position, title.title, title.years, levels[title.series_level] if title.series_level else None)
            for position, title in enumerate(path.titles, 1)
        ]
    insert(Path, PATH_COLUMNS, paths)
    insert(TimeInTitle, ["path_id", "position", "title", "years", "job_class_id"], titles)
    return len(titles)


def path_row(path_id, version_id, position, path):
    return (
        path_id,
        version_id,
        position,
        path.kind,
        path.connector,
        path.label,
        path.text,
        path.is_equivalent_combination,
        path.education_level,
        "\n".join(path.education_fields),
        path.credit_hours,
        "\n".join(path.credit_hour_subjects),
        path.experience_years,
        "\n".join(path.experience_kinds),
        path.paid_experience,
        path.part_time_accepted,
        path.full_time_hours_per_week,
        path.supervisory_years,
    )
