"""A spec's title is found by evidence: never a salary, a date, a label, a banner or a section heading; the file's
name where it carries one; a document with no title is reported and not stored under a wrong one."""

from classes.importing import ImportedFile, import_documents, parse_spec
from classes.models import JobClass


def title(text, source="spec.txt"):
    return parse_spec(text.splitlines(), source=source).title


def test_an_agency_banner_and_a_document_s_name_are_not_the_title():
    assert title("COUNTY OF WESTFALL\nJOB SPECIFICATION\nROAD MAINTENANCE WORKER\n\nDUTIES:\nPatches roads.") == (
        "ROAD MAINTENANCE WORKER"
    )
    assert title("Riverbend Civil Service Commission\nArchivist\n\nDefinition\nKeeps the records.") == "Archivist"


def test_a_salary_a_date_a_label_and_a_section_heading_are_not_the_title():
    text = "$41,000 - $52,000\n07/01/2021\nClass Code: 1187\nMail Clerk\n\nDUTIES\nSorts mail."

    assert title(text) == "Mail Clerk"
    assert title("DUTIES\nSorts mail.\n\nMINIMUM QUALIFICATIONS\nOne year of clerical experience.") == ""


def test_a_title_with_its_agency_after_a_comma_is_a_title():
    assert title("Chief Actuary, Department of Insurance\n\nDefinition\nLeads actuarial work.") == (
        "Chief Actuary, Department of Insurance"
    )


def test_a_code_in_parentheses_after_the_title_is_the_code():
    document = parse_spec("Gardener (6041)\n\nDefinition\nTends the grounds.".splitlines())

    assert (document.title, document.spec.code) == ("Gardener", "6041")


def test_the_file_s_name_settles_which_line_is_the_title():
    text = "EVENING SESSION\nSIGN LANGUAGE INTERPRETER\nOpen Date: 02-02-21\n\nDUTIES\nInterprets meetings."

    assert title(text, "SIGN LANGUAGE INTERPRETER 1451 020221.txt") == "SIGN LANGUAGE INTERPRETER"


def test_a_file_named_for_another_title_is_reported_and_the_printed_title_kept():
    document = parse_spec(["ELECTRICIAN", "", "DUTIES", "Wires buildings."], source="PLUMBER 3443 010120.txt")

    assert document.title == "ELECTRICIAN"
    assert [(d.fact, d.assumed) for d in document.doubts] == [("title", "ELECTRICIAN")]


def test_a_document_without_a_title_is_reported_and_not_stored(jurisdiction):
    data = b"DUTIES\nSorts mail.\n\nMINIMUM QUALIFICATIONS\nOne year of clerical experience.\n"

    report = import_documents([ImportedFile("untitled.txt", len(data), lambda: data)], jurisdiction=jurisdiction)[0]

    assert report.status == "skipped" and "no title" in report.error
    assert any("no title found" in w.message for w in report.warnings)
    assert not JobClass.objects.exists()
