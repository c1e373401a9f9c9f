"""Documents in the layouts jurisdictions print, each read into the parts and facts it states, nothing lost."""

import datetime
import re
from decimal import Decimal

from classes.importing import parse_spec, read_document
from tests.importer import documents

LIST_MARKER = re.compile(r"^(?:[-*#]+\s*|(?:either|or|and)?:?\s*\(?[A-Za-z0-9]{1,3}[.)]\s+)", re.IGNORECASE)


def read(text, name="spec.txt"):
    return parse_spec(read_document(name, text.encode()), source=name)


def parts(document):
    return [(part.part, part.heading) for part in document.parts if part.part != "header"]


def paths(spec):
    return [(p.label, p.kind, p.education_level, p.experience_years) for p in spec.paths]


def nothing_lost(document):
    assert [w.message for w in document.warnings if "not stored" in w.message] == []


def test_a_los_angeles_style_bulletin_reads_its_requirements_under_a_misspelt_combined_heading():
    document = read(documents.LA_BULLETIN, "PARKING ENFORCEMENT SUPERVISOR 2217 030220.txt")
    spec = document.spec

    nothing_lost(document)
    assert (document.title, spec.code) == ("PARKING ENFORCEMENT SUPERVISOR", "2217")
    assert parts(document) == [
        ("other", "ANNUAL SALARY"),
        ("duties", "DUTIES"),
        ("qualifications", "REQUIREMENTS/MINUMUM QUALIFICATIONS"),
        ("other", "HOW TO APPLY"),
    ]
    # Item 1 ends "; and" before items joined by "or": every alternative requires it.
    assert spec.open_competitive_preamble == "1. A valid California driver's license; and"
    assert paths(spec) == [("2.", "promotional", "", Decimal(2)), ("3.", "open_competitive", "", Decimal(3))]
    second, third = spec.paths
    assert second.service == "the City of Riverside"
    assert third.supervisory_years == Decimal(1)
    assert {second.licenses, third.licenses} == {"A valid California driver's license"}
    assert third.excluded_experience == "Experience as a volunteer"
    # The notes: the substitution apart, tied to the path it names; the rest kept as a notes section.
    (rule,) = spec.substitutions
    assert (rule.label, rule.kind, rule.credit_hours, rule.quarter_units, rule.path) == (
        "1.",
        "education_for_experience",
        12,
        18,
        1,
    )
    assert [(s.heading, s.placement) for s in spec.other_sections] == [
        ("ANNUAL SALARY", "after_distinguishing_features"),
        ("NOTES", "after_qualifications"),
        ("HOW TO APPLY", "end"),
    ]
    assert document.facts["header_facts_not_stored"] == ["open date: 03-02-20"]


def test_a_state_spec_reads_either_i_or_ii_with_its_education_and_experience_pairs():
    document = read(documents.CALHR_LIKE)
    spec = document.spec

    nothing_lost(document)
    assert (spec.title, spec.code) == ("Senior Water Quality Analyst", "7104")
    assert [(h.kind, h.date) for h in spec.history] == [
        ("established", datetime.date(1991, 5, 14)),
        ("revised", datetime.date(2012, 2, 2)),
    ]
    assert [(p.connector, p.label, p.kind) for p in spec.paths] == [
        ("Either", "I", "promotional"),
        ("Or", "II", "open_competitive"),
    ]
    first, second = spec.paths
    assert (first.experience_years, first.service) == (Decimal(1), "the Oregon state service")
    assert (second.education_level, second.experience_years) == ("bachelor", Decimal(3))
    assert second.education_fields.splitlines() == ["chemistry", "biology", "environmental science"]
    (rule,) = spec.substitutions
    assert (rule.kind, rule.path) == ("education_for_experience", 1)  # printed inside path II
    assert len(spec.duties) == 4  # one paragraph of tasks run together with semicolons
    assert [k.kind for k in spec.ksas] == ["knowledge"] * 3 + ["ability"] * 3
    assert "State Human Resources Board Specification" in document.facts["header_lines_not_stored"]


def test_a_neogov_style_spec_reads_its_header_facts_numbered_duties_and_education_experience_pair():
    document = read(documents.NEOGOV)
    spec = document.spec

    nothing_lost(document)
    assert (spec.title, spec.code, spec.flsa_status) == ("UTILITY BILLING SPECIALIST", "2260", "non_exempt")
    assert (spec.salary_grade, spec.bargaining_unit) == ("$24.10 - $31.75 Hourly", "Hartwell Municipal Employees")
    assert parts(document) == [
        ("general_statement", "Definition"),
        ("distinguishing_features", "Distinguishing Characteristics"),
        ("duties", "Examples of Duties"),
        ("qualifications", "Minimum Qualifications"),
        ("special_requirements", "License or Certificate"),
        ("other", "Supplemental Information"),
    ]
    assert [d.label for d in spec.duties] == ["1.", "2.", "3."]
    (path,) = spec.paths
    assert (path.education_level, path.experience_years) == ("high_school", Decimal(2))
    assert (
        path.text
        == "Education: Graduation from high school or a GED.\nExperience: Two years of customer account or billing experience."
    )
    assert spec.special_requirements[0].kind == "drivers_license"
    assert "TOWN OF HARTWELL" in document.facts["header_lines_not_stored"]


def test_a_new_york_style_spec_reads_its_header_facts_paths_footnote_and_special_requirement():
    document = read(documents.NEW_YORK_STANDARD)
    spec = document.spec

    nothing_lost(document)
    assert (spec.jurisdictional_class, spec.department_name) == ("competitive", "Department of Public Works")
    assert spec.adoption_line == "Adopted: 04/12/2001\nRevised: 09/09/2015"
    assert spec.duties_heading == "TYPICAL WORK ACTIVITIES: (Illustrative Only)"
    assert [(k.kind, k.level) for k in spec.ksas] == [
        ("knowledge", "thorough"),
        ("knowledge", "good"),
        ("ability", ""),
        ("personal_characteristic", ""),
    ]
    assert spec.open_competitive_preamble == "EITHER:"
    assert [(p.label, p.education_level, p.experience_years, p.supervisory_years) for p in spec.paths] == [
        ("(A)", "high_school", Decimal(4), Decimal(1)),
        ("(B)", "", Decimal(6), Decimal(1)),
    ]
    # "as defined in (A)": path B's experience is of the kind path A names.
    assert spec.paths[1].experience_kinds == spec.paths[0].experience_kinds != ""
    assert spec.definitions[0].term == "Supervisory capacity"
    assert spec.special_requirements[0].kind == "drivers_license"


def test_pdf_extracted_text_loses_its_page_debris_and_rejoins_broken_lines_and_words():
    document = read(documents.PDF_EXTRACTED)
    spec = document.spec

    nothing_lost(document)
    assert spec.title == "ASSESSMENT CLERK"
    assert spec.distinguishing_features.startswith(
        "An employee in this class keeps the property assessment rolls current and answers questions"
    )
    assert [d.text for d in spec.duties][-1] == "Prepares exemption applications for review by the Assessor."
    assert len(spec.duties) == 3
    assert (spec.paths[0].education_level, spec.paths[0].experience_years) == ("high_school", Decimal(1))
    assert sorted(line for line, why in document.unstored.items() if why.startswith("page debris")) == [3, 10, 11]


def test_a_partial_draft_reads_what_it_has_and_says_what_it_lacks():
    document = read(documents.PARTIAL_DRAFT)

    assert (document.title, len(document.spec.duties)) == ("RECREATION AIDE", 2)
    messages = [w.message for w in document.warnings]
    assert "no minimum qualifications section found (read 5 lines)" in messages
    assert "no knowledges, skills and abilities section found" in messages


def test_a_promotional_only_spec_names_its_titles_their_years_and_the_status_required():
    document = read(documents.PROMOTIONAL_ONLY)
    (path,) = document.spec.paths

    nothing_lost(document)
    assert (path.kind, path.status_required) == ("promotional", "permanent")
    assert [(t.title, t.years, t.at_that_level) for t in path.titles] == [
        ("Account Clerk", Decimal(1), True),
        ("Account Clerk Typist", Decimal(1), True),
    ]


def test_a_markdown_spec_reads_its_headings_bullets_and_a_certificate_due_after_appointment():
    document = read(documents.MARKDOWN, "spec.md")
    spec = document.spec

    nothing_lost(document)
    assert (spec.title, spec.code, spec.flsa_status) == ("Deputy Clerk of the Board", "0142", "exempt")
    assert parts(document) == [
        ("general_statement", "Purpose"),
        ("duties", "Essential Functions"),
        ("qualifications", "Minimum Qualifications"),
        ("special_requirements", "Licenses and Certificates"),
    ]
    assert (spec.duties[0].label, spec.duties[0].text) == ("", "Prepares and distributes meeting agendas.")
    assert spec.special_requirements[0].kind == "certification"


def test_a_title_is_found_below_a_bulletin_note_and_the_salary_is_read_as_the_salary():
    document = read(documents.BANNER_FIRST, "BUS OPERATOR 3583 010120.txt")
    spec = document.spec

    assert (spec.title, spec.code, spec.salary_grade) == ("BUS OPERATOR", "3583", "$48,000 to $66,000")
    assert document.unstored == {1: "a header line that is neither the title nor a fact the portal keeps"}
    assert spec.paths[0].experience_years == Decimal("0.5")  # "Six months"


def test_every_sentence_of_each_layout_is_in_what_would_be_stored():
    for name in ["LA_BULLETIN", "CALHR_LIKE", "NEOGOV", "NEW_YORK_STANDARD", "PROMOTIONAL_ONLY", "MARKDOWN", "SERIES"]:
        text = getattr(documents, name)
        document = read(text)
        stored = " ".join(
            " ".join(value for spec in document.specs for value in _strings(spec) if isinstance(value, str)).split()
        )
        missing = [sentence for sentence in _sentences(text) if sentence not in stored]
        assert missing == [], name


def _sentences(text):
    """Each sentence or list item of a document written here: its lines are whole sentences and items."""
    for line in text.splitlines():
        for fragment in re.split(r"(?<=[.;:])\s+", LIST_MARKER.sub("", line.replace("**", "").strip())):
            if fragment.endswith((".", ";")) and len(fragment.split()) >= 3:
                yield fragment


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))
