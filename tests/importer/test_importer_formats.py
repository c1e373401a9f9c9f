"""Word and PDF documents made here from a known text import to the same result as the text; bad files are refused."""

import io
import zipfile
from html import escape

import docx
import pytest
import weasyprint

from classes.importing import MAX_FILE_BYTES, ImportedFile, ReadError, import_documents, parse_spec, read_document
from classes.models import JobClass, Jurisdiction
from tests.conftest import SEED_DOCUMENTS
from tests.importer.test_importer_layouts import NEOGOV

SEED = SEED_DOCUMENTS / "002_child_support_enforcement_coordinator.txt"


def source_lines():
    """The seed without its Markdown emphasis: a Word or PDF file carries none."""
    return [line.replace("**", "").lstrip("- ") for line in SEED.read_text().splitlines()]


def as_docx(lines):
    document = docx.Document()
    for line in lines:
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(lines):
    body = "".join(f"<p>{escape(line)}</p>" for line in lines if line.strip())
    return weasyprint.HTML(string=f"<html><body style='font-size:10pt'>{body}</body></html>").write_pdf()


def structure(spec):
    keys = ["title", "jurisdictional_class", "department_name", "distinguishing_features", "duties_heading"]
    paths = [(p.kind, p.label, p.text, p.experience_years) for p in spec.paths]
    return (
        {key: getattr(spec, key) for key in keys},
        [d.text for d in spec.duties],
        [(k.text, k.kind, k.level) for k in spec.ksas],
        paths,
        [d.text for d in spec.definitions],
        [(r.heading, r.text) for r in spec.special_requirements],
    )


def parsed(name, data):
    return parse_spec(read_document(name, data), source=name).spec


def test_a_word_document_reads_like_its_text():
    lines = source_lines()

    assert structure(parsed("spec.docx", as_docx(lines))) == structure(parse_spec(lines).spec)


def test_a_pdf_reads_like_its_text():
    lines = source_lines()

    assert structure(parsed("spec.pdf", as_pdf(lines))) == structure(parse_spec(lines).spec)


def test_a_word_table_of_header_facts_is_read():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Class Code: 4521", "FLSA: Exempt"
    table.cell(1, 0).text, table.cell(1, 1).text = "Bargaining Unit: Managers", ""
    for line in NEOGOV.splitlines()[1:2] + NEOGOV.splitlines()[6:]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)

    spec = parsed("spec.docx", buffer.getvalue())

    assert (spec.code, spec.flsa_status, spec.bargaining_unit) == ("4521", "exempt", "Managers")
    assert spec.title == "PLANNING TECHNICIAN II"


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf"])
def test_random_bytes_get_a_clear_error(name):
    with pytest.raises(ReadError, match=r"damaged|not a Word document"):
        read_document(name, bytes(range(256)) * 40)


def test_a_word_document_that_expands_too_far_is_refused_before_reading():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))

    with pytest.raises(ReadError, match="expands past"):
        read_document("bomb.docx", buffer.getvalue())


def test_an_unknown_file_type_is_refused():
    with pytest.raises(ReadError, match="unsupported file type"):
        read_document("spec.rtf", b"{\\rtf1}")


def test_an_oversized_file_is_refused_without_being_read(db):
    jurisdiction = Jurisdiction.objects.create(name="Big County", slug="big")

    def never():
        raise AssertionError("an oversized file must not be read")

    report = import_documents(
        [ImportedFile(name="huge.txt", size=MAX_FILE_BYTES + 1, read=never)], jurisdiction=jurisdiction
    )[0]

    assert report.status == "error" and "over the limit" in report.error
    assert not JobClass.objects.exists()


def test_a_batch_with_a_corrupt_file_imports_the_others(db):
    jurisdiction = Jurisdiction.objects.create(name="Batch County", slug="batch")
    good_text = SEED.read_bytes()
    good_docx = as_docx(NEOGOV.splitlines())
    files = [
        ImportedFile(name="corrupt.docx", size=4000, read=lambda: bytes(range(200)) * 20),
        ImportedFile(name="seed.txt", size=len(good_text), read=lambda: good_text),
        ImportedFile(name="corrupt.pdf", size=4000, read=lambda: b"%PDF-1.7 garbage" * 200),
        ImportedFile(name="neogov.docx", size=len(good_docx), read=lambda: good_docx),
    ]

    reports = import_documents(files, jurisdiction=jurisdiction)

    assert [r.status for r in reports] == ["error", "imported", "error", "imported"]
    assert "corrupt.docx" in reports[0].error
    assert sorted(JobClass.objects.values_list("title", flat=True)) == [
        "CHILD SUPPORT ENFORCEMENT COORDINATOR",
        "PLANNING TECHNICIAN II",
    ]
