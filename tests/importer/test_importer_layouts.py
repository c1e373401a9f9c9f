"""Layouts unlike the seeds, written here: CalHR, NEOGOV, promotional-only, a series spec, and a malformed one."""

from decimal import Decimal

from classes.importing import parse_spec
from tests.pagetext import sentences

CALHR = """\
STAFF SERVICES MANAGER I

Schematic Code: AJ40
Class Code: 4800

MINIMUM QUALIFICATIONS

Either I

One year of experience in the California state service performing the duties of a Staff Services Analyst, Range C.

Or II

Experience: Three years of increasingly responsible analytical experience in a staff services program.

Education: Equivalent to graduation from college with a bachelor's degree in public administration, business administration or a related field.

(Additional qualifying experience may be substituted for the required education on a year-for-year basis.)

KNOWLEDGE AND ABILITIES

Knowledge of: Principles, practices and trends of public and business administration; methods of analysis.

Ability to: Reason logically and creatively; analyze administrative policies; prepare effective reports.

SPECIAL PERSONAL CHARACTERISTICS

Willingness to work with people of diverse backgrounds.
"""

NEOGOV = """\
CITY OF RIVERBEND
PLANNING TECHNICIAN II
Class Code: 4521	FLSA: Non-Exempt
Salary Range: $52,104 - $68,520 Annually
Bargaining Unit: General Employees Association

Definition
Under general supervision, performs technical planning work in the review of development applications; provides information to the public on zoning and land use regulations.

Distinguishing Characteristics
This is the journey level in the Planning Technician series. It is distinguished from Planning Technician I by the independence with which work is performed.

Examples of Duties
1. Reviews building permit applications for compliance with the zoning code.
2. Answers questions from the public at the planning counter and by telephone.
3. Prepares maps, exhibits and staff reports.

Minimum Qualifications
Education: Associate's degree in planning, geography or a closely related field.
Experience: Two years of experience in planning or zoning work.

License or Certificate
Possession of a valid California Class C driver's license is required at the time of appointment.

Working Conditions
Work is performed in an office environment with occasional field visits.
"""

PROMO = """\
PRINCIPAL ACCOUNT CLERK
Jurisdictional Class: Competitive
Civil Division: County Treasurer
Adopted: 3/2/1999

DISTINGUISHING FEATURES OF THE CLASS: This is supervisory clerical work in a large accounting unit. Does related work as required.

TYPICAL WORK ACTIVITIES:
Supervises account clerks;
Reviews vouchers and claims for accuracy.

FULL PERFORMANCE KNOWLEDGE, SKILLS, ABILITIES AND PERSONAL CHARACTERISTICS:
Thorough knowledge of bookkeeping practices;
Ability to supervise others;
Dependability.

PROMOTIONAL QUALIFICATIONS:
Two (2) years of permanent competitive status as a Senior Account Clerk or Senior Account Clerk Typist.
"""

SERIES = """\
ACCOUNTANT I, II, III
Salary Grade: 14/16/18

CLASS CONCEPT
The Accountant series performs professional accounting work.

LEVEL DISTINCTIONS
Accountant I: Entry level; learns the accounting system under close supervision.
Accountant II: Journey level; maintains ledgers independently.
Accountant III: Advanced level; leads other accountants and reconciles complex accounts.

ESSENTIAL DUTIES
Prepares journal entries and reconciles accounts;
Reviews financial statements for accuracy;
Leads the work of others (Accountant III only).

MINIMUM QUALIFICATIONS
A) Accountant I: Bachelor's degree in accounting.
B) Accountant II: Bachelor's degree in accounting and two (2) years of professional accounting experience.
C) Accountant III: Bachelor's degree in accounting and four (4) years of professional accounting experience, one (1) year of which must have been in a supervisory capacity.

Working Environment:
Office setting.
"""

MALFORMED = """\
LABORER
Performs manual labor on road crews.
Must be able to lift fifty pounds.
Page 2 of 2
Notes From The Chief:
Crews start at six in the morning.
"""


def parse(text):
    document = parse_spec(text.splitlines(), source="test.txt")
    return document.spec, document


def parts(report):
    return [(p.part, p.heading) for p in report.parts if p.part != "header"]


def kept_everything(text, spec, report):
    """Every sentence of the source is stored; the importer's own check found nothing lost."""
    assert [w.message for w in report.warnings if "not stored" in w.message] == []
    return sentences(text)


def test_a_calhr_spec_reads_either_i_or_ii_and_knowledge_and_abilities():
    spec, report = parse(CALHR)

    kept_everything(CALHR, spec, report)
    assert parts(report) == [
        ("qualifications", "MINIMUM QUALIFICATIONS"),
        ("ksas", "KNOWLEDGE AND ABILITIES"),
        ("other", "SPECIAL PERSONAL CHARACTERISTICS"),
    ]
    assert (spec.title, spec.code) == ("STAFF SERVICES MANAGER I", "4800")
    assert [(p.connector, p.label) for p in spec.paths] == [("Either", "I"), ("Or", "II")]
    second = spec.paths[1]
    assert (second.education_level, second.experience_years) == ("bachelor", Decimal(3))
    assert "Education: Equivalent to graduation" in second.text
    assert spec.substitutions[0].kind == "experience_for_education"
    # Each item of a group introduced by "Knowledge of:" or "Ability to:" is a KSA of that kind; the first keeps
    # the lead-in, so the group reads as printed.
    assert [(k.kind, k.text) for k in spec.ksas] == [
        ("knowledge", "Knowledge of: Principles, practices and trends of public and business administration;"),
        ("knowledge", "methods of analysis."),
        ("ability", "Ability to: Reason logically and creatively;"),
        ("ability", "analyze administrative policies;"),
        ("ability", "prepare effective reports."),
    ]
    assert "schematic code: AJ40" in report.facts["header_facts_not_stored"]


def test_a_neogov_spec_reads_its_headings_and_header_facts():
    spec, report = parse(NEOGOV)

    kept_everything(NEOGOV, spec, report)
    assert parts(report) == [
        ("general_statement", "Definition"),
        ("distinguishing_features", "Distinguishing Characteristics"),
        ("duties", "Examples of Duties"),
        ("qualifications", "Minimum Qualifications"),
        ("special_requirements", "License or Certificate"),
        ("other", "Working Conditions"),
    ]
    assert (spec.title, spec.code, spec.flsa_status) == ("PLANNING TECHNICIAN II", "4521", "non_exempt")
    assert spec.salary_grade == "$52,104 - $68,520 Annually"
    assert spec.bargaining_unit == "General Employees Association"
    assert spec.duties[0].text == "Reviews building permit applications for compliance with the zoning code."
    path = spec.paths[0]
    assert (path.education_level, path.experience_years) == ("associate", Decimal(2))
    assert spec.special_requirements[0].kind == "drivers_license"
    assert (spec.series_name, spec.series_level) == ("PLANNING TECHNICIAN", 2)


def test_a_promotional_only_spec_has_promotional_paths_and_their_titles():
    spec, report = parse(PROMO)

    kept_everything(PROMO, spec, report)
    assert [p.kind for p in spec.paths] == ["promotional"]
    assert spec.promotional_heading == "PROMOTIONAL QUALIFICATIONS"
    assert [(t.title, t.years) for t in spec.paths[0].titles] == [
        ("Senior Account Clerk", Decimal(2)),
        ("Senior Account Clerk Typist", Decimal(2)),
    ]
    assert (spec.jurisdictional_class, spec.department_name) == ("competitive", "County Treasurer")
    assert [(h.kind, h.date.isoformat()) for h in spec.history] == [("adopted", "1999-03-02")]
    assert [(k.kind, k.level) for k in spec.ksas] == [
        ("knowledge", "thorough"),
        ("ability", ""),
        ("personal_characteristic", ""),
    ]


def test_a_series_spec_is_read_as_one_spec_per_level_each_with_the_shared_text():
    document = parse_spec(SERIES.splitlines(), source="test.txt")

    kept_everything(SERIES, document.spec, document)
    assert (document.title, document.series) == ("ACCOUNTANT", "ACCOUNTANT")
    levels = document.specs
    assert [(spec.title, spec.series_name, spec.series_level) for spec in levels] == [
        ("ACCOUNTANT I", "ACCOUNTANT", 1),
        ("ACCOUNTANT II", "ACCOUNTANT", 2),
        ("ACCOUNTANT III", "ACCOUNTANT", 3),
    ]
    # Each level keeps the shared text: the concept, the duties, the other sections and the header's facts.
    for spec in levels:
        assert spec.general_statement == "The Accountant series performs professional accounting work."
        assert len(spec.duties) == 3 and spec.salary_grade == "14/16/18"
        assert [s.heading for s in spec.other_sections] == ["Working Environment"]
    # What a line names as one level's belongs to that level alone.
    assert [spec.distinguishing_features.split(":")[0] for spec in levels] == [
        "Accountant I",
        "Accountant II",
        "Accountant III",
    ]
    assert [
        [(p.label, p.education_level, p.experience_years, p.supervisory_years) for p in spec.paths] for spec in levels
    ] == [
        [("A)", "bachelor", None, None)],
        [("B)", "bachelor", Decimal(2), None)],
        [("C)", "bachelor", Decimal(4), Decimal(1))],
    ]


def test_a_malformed_spec_keeps_its_text_and_warns_with_line_numbers():
    spec, report = parse(MALFORMED)

    kept_everything(MALFORMED, spec, report)
    assert spec.title == "LABORER"
    assert [s.heading for s in spec.other_sections] == ["Text before the first heading", "Notes From The Chief"]
    messages = [(w.line, w.message) for w in report.warnings]
    assert (None, "no minimum qualifications section found (read 6 lines)") in messages
    assert any(line == 2 and "before the first heading" in message for line, message in messages)
    assert report.facts["debris_lines_removed"] == 1


def test_unknown_headings_become_other_sections_in_order():
    text = (
        "CLERK\n\nDISTINGUISHING FEATURES OF THE CLASS: Files papers.\n\nHAZARDS:\nPaper cuts.\n\n"
        "TYPICAL WORK ACTIVITIES:\nFiles;\n\nTools Used:\nStapler;\nHole punch.\n\n"
        "MINIMUM QUALIFICATIONS: One year of clerical experience.\n\nCLASS HISTORY\nNew in 2020.\n"
    )
    spec, report = parse(text)

    kept_everything(text, spec, report)
    assert [(s.heading, s.placement, s.layout) for s in spec.other_sections] == [
        ("HAZARDS", "after_distinguishing_features", "paragraphs"),
        ("Tools Used", "after_duties", "list"),
        ("CLASS HISTORY", "end", "paragraphs"),  # nothing standard follows it: it closes the spec
    ]


def test_a_structured_fact_that_cannot_be_read_stays_empty():
    spec, report = parse("CLERK\nFLSA: Sometimes\n\nMINIMUM QUALIFICATIONS:\nSome relevant experience.\n")

    assert spec.flsa_status == ""
    assert any(w.line == 2 and "flsa status" in w.message for w in report.warnings)
    path = spec.paths[0]
    assert path.experience_years is None and not path.education_level


def test_a_double_spaced_page_wrapped_at_its_width_keeps_a_paragraph_whole():
    # Every line is followed by a blank line, and one sentence ends exactly at the page edge: the blank lines are
    # spacing, and the next sentence still belongs to the paragraph. A short last line ends it.
    lines = [
        "PLANNING AIDE",
        "DISTINGUISHING FEATURES OF THE CLASS: This position assists the",
        "planning staff within the Town of Ulysses Department of Planning with",
        "maps and records of the town's land use, zoning and building permits.",
        "Supervision is received from the Town Planner, who reviews the work",
        "on completion.",
        "Does related work as required.",
        "TYPICAL WORK ACTIVITIES:",
        "Keeps the town's maps of zoning districts and land use up to date;",
        "Files building permits and answers questions about their status.",
        "MINIMUM QUALIFICATIONS: Graduation from high school or possession",
        "of a high school equivalency diploma.",
    ]
    text = "\n\n".join(lines) + "\n"
    spec, report = parse(text)

    kept_everything(text, spec, report)
    assert spec.distinguishing_features == (
        "This position assists the planning staff within the Town of Ulysses Department of Planning with maps and records "
        "of the town's land use, zoning and building permits. "
        "Supervision is received from the Town Planner, who reviews the work on completion.\n\n"
        "Does related work as required."
    )
    assert spec.department_name == "Department of Planning"
    assert report.facts["department_read_from"] == "distinguishing_features"


def test_a_department_is_read_from_the_text_only_where_the_position_sits_in_it():
    text = (
        "CLERK\n\nDISTINGUISHING FEATURES OF THE CLASS: The work follows rules of the State Department of Labor.\n\n"
        "MINIMUM QUALIFICATIONS: Graduation from high school.\n"
    )
    spec, _ = parse(text)

    assert spec.department_name == ""  # the sentence names a department, not where the position is


def test_experience_involving_a_subject_is_one_kind_and_as_defined_above_repeats_it():
    text = """\
INVESTIGATOR

MINIMUM QUALIFICATIONS:

A) Three years of full-time paid auditing experience or its part-time equivalent primarily involving public benefit programs, one year of which must have been supervisory; OR
B) Five years of full-time paid experience as defined above.
"""
    spec, report = parse(text)

    kept_everything(text, spec, report)
    kinds = [p.experience_kinds for p in spec.paths]
    assert kinds == ["auditing primarily involving public benefit programs"] * 2


def test_the_parts_of_a_path_under_their_own_headings_are_paragraphs():
    text = (
        "CLERK\n\nMINIMUM QUALIFICATIONS\n\nEducation:\n\nGraduation from high school.\n\n"
        "Experience:\n\nOne year of office experience.\n"
    )
    spec, report = parse(text)

    kept_everything(text, spec, report)

    assert [p.text for p in spec.paths] == [
        "Education:\nGraduation from high school.\n\nExperience:\nOne year of office experience."
    ]
