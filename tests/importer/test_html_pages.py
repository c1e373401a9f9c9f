"""A saved web page of a spec is read for its content, the page's chrome ignored, within the limits every format has."""

import pytest

from classes.importing import MAX_FILE_BYTES, ImportedFile, ReadError, import_documents, parse_spec, read_document
from classes.importing.readers import MAX_TEXT_CHARS
from classes.models import Version
from tests.importer.documents import HTML_PAGE


def read(page, name="page.html"):
    return parse_spec(read_document(name, page.encode()), source=name)


def test_a_page_is_read_for_its_content_with_headings_lists_and_header_facts():
    document = read(HTML_PAGE)
    spec = document.spec

    assert (spec.title, spec.code, spec.flsa_status) == ("Library Technician", "4410", "non_exempt")
    assert [(p.part, p.heading) for p in document.parts if p.part != "header"] == [
        ("general_statement", "Definition"),
        ("duties", "Examples of Duties"),
        ("qualifications", "Minimum Qualifications"),
        ("ksas", "Knowledge, Skills and Abilities"),
    ]
    # An ordered list's items keep the numbers a browser prints before them.
    assert [(d.label, d.text) for d in spec.duties] == [
        ("1.", "Catalogs new books and media."),
        ("2.", "Processes interlibrary loan requests."),
    ]
    assert spec.general_statement.endswith("interlibrary loans & related services.")  # entities read as text
    assert (spec.paths[0].education_level, spec.paths[0].experience_years) == ("associate", 1)
    assert [k.kind for k in spec.ksas] == ["knowledge", "skill"]


def test_navigation_footer_scripts_and_styles_are_not_read():
    lines = read_document("page.html", HTML_PAGE.encode())

    text = "\n".join(lines)
    assert "All jobs" not in text and "Privacy policy" not in text
    assert "Apply today" not in text and "color: red" not in text


def test_a_page_without_a_main_heading_takes_its_title_from_the_page_title():
    page = "<html><head><title>Grounds Keeper</title></head><body><h2>Definition</h2><p>Keeps the grounds.</p></body></html>"

    assert read(page).title == "Grounds Keeper"


def test_only_the_marked_main_content_is_read_where_a_page_marks_it():
    page = (
        "<body><div class='sidebar'><h2>Related jobs</h2><p>Other openings.</p></div>"
        "<div role='main'><h1>Grounds Keeper</h1><h2>Definition</h2><p>Keeps the grounds.</p></div></body>"
    )

    document = read(page)

    assert document.title == "Grounds Keeper"
    assert "Related jobs" not in "\n".join(document.lines)


def test_a_table_row_is_read_as_its_cells():
    page = "<h1>Clerk</h1><table><tr><th>Class Code</th><th>Class</th></tr><tr><td>1010</td><td>Clerk</td></tr></table>"

    assert "1010 | Clerk" in read_document("page.htm", page.encode())


def test_markup_written_as_text_stays_text():
    page = "<h1>Clerk</h1><h2>Definition</h2><p>Types the words &lt;h2&gt;Duties&lt;/h2&gt; when asked.</p>"

    document = read(page)

    assert [p.part for p in document.parts if p.part != "header"] == ["general_statement"]
    assert document.spec.general_statement == "Types the words <h2>Duties</h2> when asked."


def test_a_page_that_is_one_unclosed_comment_has_no_text_and_says_so():
    with pytest.raises(ReadError, match="holds no text"):
        read_document("page.html", b"<!-- " + b"<h1>Clerk</h1>" * 1000)


def test_a_page_nested_ten_thousands_deep_is_read_without_harm():
    page = "<div>" * 30_000 + "<h1>Clerk</h1><h2>Definition</h2><p>Files records.</p>" + "</div>" * 30_000

    assert read(page).spec.general_statement == "Files records."


def test_a_page_of_binary_data_is_refused():
    with pytest.raises(ReadError, match="binary data"):
        read_document("page.html", b"<html>\x00\x01\x02</html>")


def test_a_page_of_more_text_than_any_spec_is_refused():
    page = ("<p>" + "word " * 1000 + "</p>") * (MAX_TEXT_CHARS // 4000)

    with pytest.raises(ReadError, match="more than"):
        read_document("page.html", page.encode())


def test_a_page_over_the_size_limit_is_refused_before_it_is_read(db):
    def never():
        raise AssertionError("an oversized page must not be read")

    report = import_documents([ImportedFile(name="huge.html", size=MAX_FILE_BYTES + 1, read=never)])[0]

    assert report.status == "error" and "over the limit" in report.error


def test_a_page_imports_as_a_draft(jurisdiction):
    data = HTML_PAGE.encode()

    report = import_documents([ImportedFile("library.html", len(data), lambda: data)], jurisdiction=jurisdiction)[0]

    assert report.status == "imported", report.error
    version = Version.objects.get(job_class__jurisdiction=jurisdiction)
    assert (version.title, version.code, version.status) == ("Library Technician", "4410", "draft")
    first = version.duties.first()
    assert (first.label, first.text) == ("1.", "Catalogs new books and media.")
