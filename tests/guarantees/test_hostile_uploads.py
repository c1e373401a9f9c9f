"""Hostile files, each built here, are refused with the file's name and the reason; the rest of the batch imports."""

import io
import re
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from classes.importing import ImportedFile, import_documents, pending, readers, uploads
from classes.importing.extract import Refused, docx_lines
from classes.models import JobClass, Version
from tests.importer.test_importer_formats import SEED, as_docx, as_pdf, source_lines
from tests.importer.test_importer_layouts import NEOGOV
from tests.importer.uploading import read_step, read_to_the_end

SECRET = "SECRET-FROM-THE-SERVER-7f3a"
# A file that keeps a parser busy for minutes is stopped at any limit: the tests lower production's
# (readers.MAX_READ_SECONDS) so as not to wait for it.
READ_SECONDS = 0.5


def word_document():
    return as_docx(NEOGOV.splitlines())


def rewritten(docx, changes=(), added=()):
    """The package with parts replaced (by name: new bytes, or None to drop) and parts added."""
    changes = dict(changes)
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part in source.infolist():
            content = changes.get(part.filename, source.read(part.filename))
            if content is not None:
                package.writestr(part.filename, content)
        for name, content in added:
            package.writestr(name, content)
    return buffer.getvalue()


def with_doctype(docx, doctype, reference):
    """The package whose main part declares `doctype` and names `reference` inside the title's text."""
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    xml = re.sub(r"(<\?xml[^>]*\?>)", lambda m: m.group(1) + doctype, xml, count=1)
    xml = xml.replace("PLANNING TECHNICIAN II", f"PLANNING TECHNICIAN II {reference}", 1)
    return rewritten(docx, {"word/document.xml": xml.encode()})


def declared_size(package, name, size):
    """The zip with `name`'s uncompressed size changed in its central directory and local header (a lie)."""
    data = bytearray(package)
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1 and data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, size)
    local = struct.unpack_from("<I", data, central + 42)[0]
    struct.pack_into("<I", data, local + 22, size)
    return bytes(data)


def pdf_of_blank_pages(count):
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def slow_pdf(pages=5, operations=200_000):
    """A PDF of a few kilobytes whose pages each show an empty string 200,000 times: minutes of pypdf's time."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 72 700 Td " + b"() Tj " * operations + b"ET")
    content = writer._add_object(content.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = content
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def batch(jurisdiction, *named_documents):
    """Imports the documents with the seed text after them; returns the reports, the seed's last."""
    seed = SEED.read_bytes()
    documents = [*named_documents, ("seed.txt", seed)]
    files = [ImportedFile(name, len(data), lambda data=data: data) for name, data in documents]
    return import_documents(files, jurisdiction=jurisdiction)


def assert_refused_and_the_seed_imported(reports, name, reason):
    *refused, seed = reports
    assert [(r.status, r.error.split(": ", 1)[0]) for r in refused] == [("error", name)]
    assert re.search(reason, refused[0].error), refused[0].error
    assert seed.status == "imported", seed.error
    assert list(JobClass.objects.values_list("title", flat=True)) == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


# Word documents: a zip of XML parts


@pytest.mark.parametrize(
    ("bomb", "reason"),
    [
        # 10 MB of zeros, a 10 kB part: the ratio of a zip bomb, though within the size limit
        ({"word/media/padding.bin": bytes(10 * 1024 * 1024)}, r"part word/media/padding.bin expands [\d,]+ times over"),
        # 50 MB declared, past the limit on the whole
        ({"word/media/padding.bin": bytes(50 * 1024 * 1024)}, r"expands past 41,943,040 bytes"),
    ],
    ids=["ratio", "size"],
)
def test_a_zip_bomb_word_document_is_refused(jurisdiction, bomb, reason):
    reports = batch(jurisdiction, ("bomb.docx", rewritten(word_document(), added=bomb.items())))

    assert_refused_and_the_seed_imported(reports, "bomb.docx", reason)


def test_a_word_document_whose_zip_declares_false_sizes_is_refused_by_the_bytes_counted(jurisdiction):
    honest = rewritten(word_document(), added=[("word/media/padding.bin", b"spec " * 200_000)])
    lying = declared_size(honest, "word/media/padding.bin", 1000)

    reports = batch(jurisdiction, ("lying.docx", lying))

    assert_refused_and_the_seed_imported(
        reports, "lying.docx", r"part word/media/padding.bin declares 1,000 bytes but holds 1,000,000"
    )


def test_a_word_document_reading_a_server_file_through_an_external_entity_is_refused(jurisdiction, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    xxe = with_doctype(
        word_document(), f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "{secret.as_uri()}">]>', "&secret;"
    )

    reports = batch(jurisdiction, ("xxe.docx", xxe))

    assert_refused_and_the_seed_imported(
        reports, "xxe.docx", "part word/document.xml holds a document type declaration"
    )
    assert SECRET not in str([r.as_dict() for r in reports])
    # Behind that refusal, python-docx's own parser leaves the entity unread.
    assert SECRET not in "\n".join(docx_lines(xxe, max_chars=readers.MAX_TEXT_CHARS))


def test_a_billion_laughs_word_document_is_refused_before_any_entity_is_expanded(jurisdiction):
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    laughs = with_doctype(word_document(), f"<!DOCTYPE w:document [{entities}]>", "&lol9;")

    reports = batch(jurisdiction, ("laughs.docx", laughs))

    assert_refused_and_the_seed_imported(reports, "laughs.docx", "holds a document type declaration")
    # Behind that refusal, python-docx's parser does not expand the entities either: it reads nothing or refuses.
    try:
        text = "\n".join(docx_lines(laughs, max_chars=readers.MAX_TEXT_CHARS))
    except Refused:
        text = ""
    assert "lollollol" not in text


def test_a_utf16_dtd_is_found_as_well(jurisdiction):
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'.encode("utf-16")
    package = rewritten(word_document(), {"word/settings.xml": xml})

    reports = batch(jurisdiction, ("wide.docx", package))

    assert_refused_and_the_seed_imported(reports, "wide.docx", "part word/settings.xml holds a document type")


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b"This is plain text, saved with the wrong name." * 20, r"not a Word document \(.docx files are zip"),
        (rewritten(word_document(), {"word/document.xml": None}), r"not a Word document \(it has no main part"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
            "password-protected Word document or an old .doc file",
        ),
        (
            rewritten(word_document(), added=[("word/../../etc/cron.d/job", b"* * * * * root true")]),
            "a part named word/../../etc/cron.d/job, outside the package",
        ),
    ],
    ids=["not-a-zip", "no-main-part", "encrypted", "escaping-name"],
)
def test_a_docx_that_is_not_a_word_package_is_refused_with_the_reason(jurisdiction, document, reason):
    reports = batch(jurisdiction, ("odd.docx", document))

    assert_refused_and_the_seed_imported(reports, "odd.docx", reason)


def test_a_word_online_document_and_an_svg_logo_with_a_doctype_still_import(jurisdiction):
    """Word Online names the main part document2.xml; an SVG image is never parsed, so its DTD is harmless."""
    source = zipfile.ZipFile(io.BytesIO(word_document()))
    renamed = {
        "word/document.xml": None,
        "word/_rels/document.xml.rels": None,
        "_rels/.rels": source.read("_rels/.rels").replace(b"word/document.xml", b"word/document2.xml"),
        "[Content_Types].xml": source.read("[Content_Types].xml")
        .replace(b"/word/document.xml", b"/word/document2.xml")
        .replace(b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>'),
    }
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    added = [
        ("word/document2.xml", source.read("word/document.xml")),
        ("word/_rels/document2.xml.rels", source.read("word/_rels/document.xml.rels")),
        ("word/media/logo.svg", svg),
    ]

    (report,) = import_documents(
        [ImportedFile("online.docx", 0, lambda: rewritten(word_document(), renamed, added))], jurisdiction=jurisdiction
    )

    assert (report.status, report.job_class) == ("imported", "PLANNING TECHNICIAN II"), report.error


def test_an_archive_nested_in_a_word_document_is_never_expanded(jurisdiction):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("zeros.bin", bytes(30 * 1024 * 1024))
    package = rewritten(word_document(), added=[("word/embeddings/bomb.zip", inner.getvalue())])

    (report,) = import_documents(
        [ImportedFile("nested.docx", len(package), lambda: package)], jurisdiction=jurisdiction
    )

    assert report.status == "imported", report.error


def test_word_parts_named_twice_are_refused(jurisdiction):
    package = rewritten(word_document())
    buffer = io.BytesIO(package)
    with zipfile.ZipFile(buffer, "a") as twice, pytest.warns(UserWarning, match="Duplicate name"):
        twice.writestr("word/document.xml", b"<w:document/>")

    reports = batch(jurisdiction, ("twice.docx", buffer.getvalue()))

    assert_refused_and_the_seed_imported(reports, "twice.docx", "two parts named word/document.xml")


def test_a_word_document_that_keeps_the_parser_busy_is_stopped_at_the_time_limit(jurisdiction, monkeypatch):
    monkeypatch.setattr(readers, "MAX_READ_SECONDS", READ_SECONDS)
    # 1,000 rows of one cell spanning 1,000 columns: 84 kB of XML that takes python-docx minutes to lay out
    row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>'
    table = f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * 1000}</w:tblGrid>{row * 1000}</w:tbl>"
    docx = word_document()
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode().replace("<w:body>", f"<w:body>{table}")

    reports = batch(jurisdiction, ("slow.docx", rewritten(docx, {"word/document.xml": xml.encode()})))

    assert_refused_and_the_seed_imported(reports, "slow.docx", f"reading it took longer than {READ_SECONDS:g} seconds")


# PDFs


def test_an_encrypted_pdf_is_refused(jurisdiction):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_of_blank_pages(1))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    reports = batch(jurisdiction, ("locked.pdf", buffer.getvalue()))

    assert_refused_and_the_seed_imported(reports, "locked.pdf", r"the PDF is encrypted \(password-protected\)")


def test_a_pdf_of_too_many_pages_is_refused(jurisdiction):
    reports = batch(jurisdiction, ("long.pdf", pdf_of_blank_pages(readers.MAX_PDF_PAGES + 1)))

    assert_refused_and_the_seed_imported(reports, "long.pdf", "201 pages is over the limit of 200")


def test_a_pdf_that_keeps_the_parser_busy_is_stopped_at_the_time_limit(jurisdiction, monkeypatch):
    monkeypatch.setattr(readers, "MAX_READ_SECONDS", READ_SECONDS)

    reports = batch(jurisdiction, ("slow.pdf", slow_pdf()))

    assert_refused_and_the_seed_imported(reports, "slow.pdf", f"reading it took longer than {READ_SECONDS:g} seconds")


def test_a_pdf_still_reads_in_its_child_process(jurisdiction):
    pdf = as_pdf(source_lines())

    reports = batch(jurisdiction, ("spec.pdf", pdf))

    assert [r.status for r in reports] == ["imported", "skipped"]  # the seed is the same class, with a draft open


# Text files


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b"TITLE: ACCOUNT CLERK\n" + b"\x81\x8d\x8f\x90\x9d" * 10, "neither UTF-8, UTF-16 nor Windows-1252"),
        (b"TITLE: ACCOUNT CLERK\n" + b"Keeps the ledger.\n" * 400 + b"\x00", r"not a text file \(it holds binary"),
        (b"TITLE: ACCOUNT CLERK\n" + b"word " * 1_000_000, "line 2 is 5,000,000 characters long, over the limit"),
        (b"Keeps the ledger;\n" * 10_000, "10,000 lines is over the limit of 5,000"),
        ((b"Keeps the ledger and files the records of the office; " * 300 + b"\n") * 30, "more than 300,000 char"),
    ],
    ids=["encoding", "nul", "enormous-line", "many-lines", "much-text"],
)
def test_a_text_file_that_is_no_spec_is_refused(jurisdiction, text, reason):
    reports = batch(jurisdiction, ("odd.txt", text))

    assert_refused_and_the_seed_imported(reports, "odd.txt", reason)


def test_a_utf16_text_file_from_notepad_imports(jurisdiction):
    text = SEED.read_text().encode("utf-16")

    (report,) = import_documents([ImportedFile("unicode.txt", len(text), lambda: text)], jurisdiction=jurisdiction)

    assert (report.status, report.job_class) == ("imported", "CHILD SUPPORT ENFORCEMENT COORDINATOR"), report.error


# The upload page


def upload(client, jurisdiction, *files, **extra):
    data = {"jurisdiction": jurisdiction.pk, "after_reading": "save", "files": list(files)}
    return client.post("/admin/import/", data, **extra)


def seed_upload():
    return SimpleUploadedFile(SEED.name, SEED.read_bytes())


def test_an_upload_declaring_more_bytes_than_allowed_is_refused_before_its_body_is_read(analyst_client, jurisdiction):
    # The body holds a few kilobytes: had the page read as many as declared, the test client would have failed.
    response = upload(analyst_client, jurisdiction, seed_upload(), CONTENT_LENGTH=str(uploads.MAX_DRAINED_BYTES + 1))

    assert response.status_code == 413
    assert response.wsgi_request.read(2) == b"--"  # the body's first boundary, still unread
    assert "This upload is 200.0 MB; one upload may send at most 30 MB. Nothing was imported" in response.text
    assert not Version.objects.exists()


def test_an_upload_over_the_limit_is_read_to_its_end_and_dropped(analyst_client, jurisdiction, monkeypatch):
    """Read, so that a browser still sending receives the page; dropped, so that nothing of it is imported."""
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 64 * 1024)

    response = upload(analyst_client, jurisdiction, seed_upload(), SimpleUploadedFile("big.txt", b"x" * 70 * 1024))

    assert response.status_code == 413 and "Nothing was imported" in response.text
    assert response.wsgi_request.read() == b""  # nothing left unread
    assert not Version.objects.exists()


def test_a_file_over_the_limit_is_refused_while_it_streams_and_the_others_import(analyst_client, jurisdiction):
    huge = SimpleUploadedFile("huge.txt", b"x" * (readers.MAX_FILE_BYTES + 1))

    response = upload(analyst_client, jurisdiction, huge, seed_upload(), follow=True)
    read_to_the_end(analyst_client, response.context["batch"])

    assert response.status_code == 200
    assert "huge.txt: over the limit of 5,242,880 bytes; not read." in response.text
    assert list(Version.objects.values_list("title", flat=True)) == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


def test_an_upload_of_too_many_files_is_refused(analyst_client, jurisdiction):
    files = [SimpleUploadedFile(f"spec-{n}.txt", SEED.read_bytes()) for n in range(uploads.MAX_UPLOAD_FILES + 1)]

    response = upload(analyst_client, jurisdiction, *files)

    assert response.status_code == 413
    assert "One upload may send at most 20 files; this one sent more. Nothing was imported" in response.text
    assert not Version.objects.exists()


def test_a_reading_request_past_its_time_leaves_the_rest_for_the_next(analyst_client, jurisdiction, monkeypatch):
    monkeypatch.setattr(pending, "BEGIN_WITHIN_SECONDS", 0)
    batch = upload(analyst_client, jurisdiction, seed_upload(), follow=True).context["batch"]

    answer = read_step(analyst_client, batch)

    assert (answer["advanced"], answer["progress"], answer["finished"]) == (0, "0 of 1 read", False)
    assert batch.documents.get().status == "pending" and not Version.objects.exists()


def test_the_limits_hold_with_csrf_checks_on_and_a_forged_upload_is_refused(analyst, jurisdiction):
    """The CSRF check reads the body: the page sets its limits first, then checks the token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get("/admin/import/").text)[1]

    forged = upload(client, jurisdiction, seed_upload())
    huge = SimpleUploadedFile("huge.txt", b"x" * (readers.MAX_FILE_BYTES + 1))
    genuine = client.post(
        "/admin/import/",
        {
            "jurisdiction": jurisdiction.pk,
            "after_reading": "save",
            "files": [huge, seed_upload()],
            "csrfmiddlewaretoken": token,
        },
    )

    assert forged.status_code == 403
    assert genuine.status_code == 302
    batch = client.get(genuine["Location"])
    assert "huge.txt: over the limit of 5,242,880 bytes" in batch.text
    assert batch.context["progress"].total == 2


# The command


def test_the_command_reports_each_hostile_file_and_imports_the_rest(jurisdiction, tmp_path):
    (tmp_path / "bomb.docx").write_bytes(
        rewritten(word_document(), added=[("word/media/padding.bin", bytes(50 * 1024 * 1024))])
    )
    (tmp_path / "long.pdf").write_bytes(pdf_of_blank_pages(readers.MAX_PDF_PAGES + 1))
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    out = io.StringIO()

    call_command("import_specs", str(tmp_path), "--jurisdiction", jurisdiction.slug, stdout=out)

    printed = out.getvalue()
    assert f"{tmp_path / 'bomb.docx'}: error: {tmp_path / 'bomb.docx'}: the Word document expands past" in printed
    assert "long.pdf: 201 pages is over the limit of 200; not read." in printed
    assert "seed.txt: imported as version 1 of CHILD SUPPORT ENFORCEMENT COORDINATOR" in printed
