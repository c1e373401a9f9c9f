"""Spec documents written for these tests, one per layout the importer must read (none is a real spec's text)."""

LA_BULLETIN = """\
PARKING ENFORCEMENT SUPERVISOR
Class Code:\t2217
Open Date:  03-02-20
(Exam open to current city employees only)

ANNUAL SALARY

$61,200 to $89,400

DUTIES

A Parking Enforcement Supervisor directs a squad of parking officers, reviews their citations and plans patrol routes for the district.

REQUIREMENTS/MINUMUM QUALIFICATIONS

1. A valid California driver's license; and
2. Two years of full-time paid experience as a Parking Enforcement Officer II with the City of Riverside; or
3. Three years of full-time paid experience enforcing parking or traffic rules for a public agency, one year of which must have been supervisory.

NOTES:

1. Completion of 12 semester or 18 quarter units in public administration may be substituted for six months of the experience in requirement 3.
2. Experience as a volunteer does not qualify as paid enforcement experience.

HOW TO APPLY

Apply online before the closing date shown above.
"""

CALHR_LIKE = """\
Senior Water Quality Analyst

State Human Resources Board Specification

- Schematic Code: QW12
- Class Code: 7104
- Established: 05/14/1991
- Revised: 02/02/2012

Definition

Under direction, the Senior Water Quality Analyst plans water sampling programs, reviews laboratory results and advises regional boards.

Typical Tasks

Plans sampling programs for rivers and reservoirs; reviews laboratory findings for accuracy; prepares reports for regional boards; trains junior analysts.

Minimum Qualifications

Either I

One year of experience in the Oregon state service performing the duties of a Water Quality Analyst.

Or II

Experience: Three years of professional experience in water chemistry or environmental monitoring. (A master's degree in chemistry may be substituted for one year of the required experience.) and

Education: Equivalent to graduation from college with major work in chemistry, biology or environmental science.

Knowledge and Abilities

Knowledge of: Sampling methods; laboratory quality control; state water quality standards.

Ability to: Interpret laboratory data; write clear reports; lead the work of others.
"""

NEW_YORK_STANDARD = """\
HIGHWAY MAINTENANCE SUPERVISOR
Jurisdictional Class: Competitive
Civil Division: Department of Public Works
Adopted: 04/12/2001
Revised: 09/09/2015

DISTINGUISHING FEATURES OF THE CLASS: This position supervises the crews that keep county roads open and safe. Does related work as required.

TYPICAL WORK ACTIVITIES: (Illustrative Only)
Assigns crews to road repair, snow removal and drainage work;
Inspects completed work for quality and safety;
Keeps records of materials, equipment hours and labor.

FULL PERFORMANCE KNOWLEDGES, SKILLS, ABILITIES AND PERSONAL CHARACTERISTICS:
Thorough knowledge of highway maintenance methods;
Good knowledge of the safe operation of heavy equipment;
Ability to plan and direct the work of others;
Physical condition commensurate with the demands of the position.

MINIMUM QUALIFICATIONS: EITHER:
(A) Graduation from high school or possession of a high school equivalency diploma and four (4) years of full-time paid experience in highway construction or maintenance, one (1) year of which must have been in a supervisory capacity*; OR
(B) Six (6) years of full-time paid experience as defined in (A), one (1) year of which must have been supervisory*.

*Supervisory capacity is defined as directing the work of a crew of at least three workers.

SPECIAL REQUIREMENT: Possession of a valid Class B Commercial Driver License at the time of appointment and throughout employment.
"""

PDF_EXTRACTED = """\
COUNTY OF ELMWOOD
ASSESSMENT CLERK
Page 1 of 2
DISTINGUISHING FEATURES OF THE CLASS: An employee in this class keeps the prop-
erty assessment rolls current and answers questions from property owners about
their assessments. The work is done under the direct supervision of the Assessor.
TYPICAL WORK ACTIVITIES:
Enters deed transfers and parcel splits into the assessment system;
Answers telephone and counter questions about assessed values;
ASSESSMENT CLERK - cont'd
Page 2 of 2
Prepares exemption applications for review by the Assessor.
MINIMUM QUALIFICATIONS: Graduation from high school or possession of an equivalency
diploma and one year of clerical experience.
"""

PARTIAL_DRAFT = """\
RECREATION AIDE

TYPICAL WORK ACTIVITIES:
Leads games and crafts for children at summer programs;
Sets up and cleans activity rooms.
"""

PROMOTIONAL_ONLY = """\
SENIOR ACCOUNT CLERK
Jurisdictional Class: Competitive

DISTINGUISHING FEATURES OF THE CLASS: This is responsible clerical accounting work in a busy finance office.

PROMOTIONAL QUALIFICATIONS: One (1) year of permanent competitive status as an Account Clerk or Account Clerk Typist or in a title at that level.
"""

HTML_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><title>Library Technician | Example City Jobs</title>
<style>h2 { color: red }</style><script>var banner = "<h2>Apply today</h2>";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/jobs">All jobs</a></nav></header>
<main>
<h1>Library Technician</h1>
<ul><li><strong>Class Code:</strong> 4410</li><li><strong>FLSA:</strong> Non-Exempt</li></ul>
<h2>Definition</h2>
<p>Performs technical library work in cataloging, circulation and interlibrary loans &amp; related services.</p>
<h2>Examples of Duties</h2>
<ol><li>Catalogs new books and media.</li><li>Processes interlibrary loan requests.</li></ol>
<h2>Minimum Qualifications</h2>
<p>Education: An associate's degree in library technology.</p>
<p>Experience: One year of library experience.</p>
<h2>Knowledge, Skills and Abilities</h2>
<ul><li>Knowledge of cataloging rules.</li><li>Skill in using library systems.</li></ul>
</main>
<footer>Example City &middot; Privacy policy</footer>
</body></html>
"""

SERIES = """\
Park Interpretive Specialist Series

State Human Resources Board Specification

Series established June 3, 2004

Scope

This series describes three classes that plan and present interpretive programs at state parks.

Classes of the Park Interpretive Specialist Series

Code | Class Title
3311 | Park Interpretive Specialist I
3312 | Park Interpretive Specialist II
3313 | Park Interpretive Specialist III

Definition of Levels

Park Interpretive Specialist I

This is the entry level. Incumbents present programs written by others.

Park Interpretive Specialist II

This is the journey level. Incumbents write and present programs.

Park Interpretive Specialist III

This is the lead level. Incumbents lead other specialists.

Minimum Qualifications

All Levels:

Education: Equivalent to graduation from college with major work in natural history, biology or education.

Park Interpretive Specialist I

No experience is required.

Park Interpretive Specialist II

One year of experience performing the duties of a Park Interpretive Specialist I.

Park Interpretive Specialist III

Either I

One year of experience performing the duties of a Park Interpretive Specialist II.

Or II

Three years of experience presenting interpretive programs.

Knowledge and Abilities

Knowledge of: Natural and cultural history; public speaking methods.

Ability to: Speak before groups; write program outlines.
"""

MARKDOWN = """\
# Deputy Clerk of the Board

**Class code:** 0142
**FLSA:** Exempt

## Purpose
Supports the Board of Supervisors by preparing agendas and minutes.

## Essential Functions
- Prepares and distributes meeting agendas.
- Records and transcribes minutes.
- Maintains the official records of the Board.

## Minimum Qualifications
Graduation from high school and three years of responsible clerical experience.

## Licenses and Certificates
Certification as a Municipal Clerk within eighteen months of appointment.
"""

BANNER_FIRST = """\
WALK-IN TESTING ONLY
BUS OPERATOR
Class Code: 3583
$48,000 to $66,000

DUTIES

A Bus Operator drives a transit bus on scheduled routes and assists riders.

REQUIREMENT/MINIMUM QUALIFICATION

Six months of full-time paid experience driving a vehicle that carries sixteen or more passengers.
"""

NEOGOV = """\
TOWN OF HARTWELL
UTILITY BILLING SPECIALIST
Class Code: 2260\tFLSA: Non-Exempt
Salary Range: $24.10 - $31.75 Hourly
Bargaining Unit: Hartwell Municipal Employees

Definition
Under general supervision, prepares and corrects utility bills, answers account questions and posts payments.

Distinguishing Characteristics
This single-position class is distinguished from Accounting Technician by its focus on customer utility accounts.

Examples of Duties
1. Reviews meter reads and corrects billing exceptions.
2. Sets up new accounts and closes accounts on request.
3. Posts payments and balances daily receipts.

Minimum Qualifications
Education: Graduation from high school or a GED.
Experience: Two years of customer account or billing experience.

License or Certificate
Possession of a valid driver's license at the time of appointment.

Supplemental Information
Work is performed at a public counter with frequent interruptions.
"""
