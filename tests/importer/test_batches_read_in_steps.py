"""A batch of files is stored by its upload and read a few documents per request, with its progress counted; a file
that fails stops nothing else; a batch may grow by several uploads; dry runs and saving at once still work."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classes.importing import pending
from classes.models import ImportedDocument, JobClass, Version
from tests.importer.test_importer_formats import as_docx, as_pdf
from tests.importer.uploading import (
    CUSTODIAN,
    GROUNDS_KEEPER,
    LIBRARY_PAGE,
    read_step,
    read_to_the_end,
    spec_file,
    upload,
    uploaded_batch,
)

pytestmark = pytest.mark.django_db


def five_files():
    return [
        spec_file("grounds-keeper.txt", GROUNDS_KEEPER),
        SimpleUploadedFile("broken.pdf", b"not a pdf at all" * 10),
        spec_file("library-page.txt", LIBRARY_PAGE),
        spec_file("custodian.txt", CUSTODIAN),
        spec_file("custodian-again.md", CUSTODIAN),
    ]


def test_an_upload_stores_its_files_and_reads_none_of_them(analyst_client, jurisdiction):
    batch = uploaded_batch(analyst_client, jurisdiction, *five_files())

    page = analyst_client.get(batch.get_absolute_url()).content.decode()
    assert "0 of 5 read" in page and "Read the next 10" in page
    assert set(batch.documents.values_list("status", flat=True)) == {"pending"}
    assert not Version.objects.exists()


def test_a_batch_is_read_in_several_requests_and_one_bad_file_stops_nothing(analyst_client, jurisdiction, monkeypatch):
    monkeypatch.setattr(pending, "READ_NEXT", 2)
    batch = uploaded_batch(analyst_client, jurisdiction, *five_files())

    answers = read_to_the_end(analyst_client, batch)

    assert [answer["progress"] for answer in answers] == [
        "2 of 5 read, 1 error",
        "4 of 5 read, 1 error",
        "5 of 5 read, 1 error",
    ]
    assert answers[-1]["finished"] and answers[-1]["read"] == answers[-1]["total"] == 5
    statuses = dict(batch.documents.values_list("file_name", "status"))
    assert statuses == {
        "grounds-keeper.txt": "read",
        "broken.pdf": "error",
        "library-page.txt": "read",
        "custodian.txt": "read",
        "custodian-again.md": "read",
    }
    broken = batch.documents.get(file_name="broken.pdf")
    assert "broken.pdf: the PDF is damaged" in broken.message
    assert "Review library-page.txt" in answers[-1]["documents"]
    assert not Version.objects.exists()  # each waits for its review


def test_without_javascript_the_button_reads_the_next_documents_and_shows_the_batch(analyst_client, jurisdiction):
    batch = uploaded_batch(analyst_client, jurisdiction, spec_file("custodian.txt", CUSTODIAN))

    response = analyst_client.post(reverse("import_read_next", args=[batch.pk]), follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == batch.get_absolute_url()
    assert "1 of 1 read" in page and "Read the next" not in page
    assert "CUSTODIAN" in page


def test_more_files_can_be_added_to_a_batch_by_another_upload(analyst_client, jurisdiction):
    batch = uploaded_batch(analyst_client, jurisdiction, spec_file("custodian.txt", CUSTODIAN))
    read_to_the_end(analyst_client, batch)

    response = analyst_client.post(
        reverse("import_add_files", args=[batch.pk]), {"files": [spec_file("library-page.txt", LIBRARY_PAGE)]}
    )

    assert response.status_code == 302
    assert read_step(analyst_client, batch)["progress"] == "2 of 2 read"


def test_a_file_over_the_size_limit_is_kept_as_an_error_and_the_others_are_stored(analyst_client, jurisdiction):
    huge = SimpleUploadedFile("huge.txt", b"x" * (5 * 1024 * 1024 + 1))

    batch = uploaded_batch(analyst_client, jurisdiction, huge, spec_file("custodian.txt", CUSTODIAN))

    assert dict(batch.documents.values_list("file_name", "status")) == {"huge.txt": "error", "custodian.txt": "pending"}
    page = analyst_client.get(batch.get_absolute_url()).content.decode()
    assert "huge.txt: over the limit of 5,242,880 bytes; not read." in page
    assert "1 of 2 read, 1 error" in page


def test_an_upload_without_files_or_jurisdiction_says_what_is_missing_and_stores_nothing(analyst_client, jurisdiction):
    response = analyst_client.post(reverse("import_specs"), {"after_reading": "review"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one file to import." in page and "This field is required." in page
    assert not ImportedDocument.objects.exists()


def test_a_batch_saving_at_once_writes_each_draft_as_it_is_read_and_keeps_a_refused_one_for_review(
    analyst_client, jurisdiction, analyst
):
    untitled = spec_file("untitled.txt", "\n\n")
    batch = uploaded_batch(
        analyst_client, jurisdiction, spec_file("custodian.txt", CUSTODIAN), untitled, after_reading="save"
    )

    read_to_the_end(analyst_client, batch)

    custodian = batch.documents.get(file_name="custodian.txt")
    assert custodian.status == "saved"
    (version,) = custodian.versions.all()
    assert (version.title, version.status, version.updated_by) == ("CUSTODIAN", "draft", analyst)
    untitled = batch.documents.get(file_name="untitled.txt")  # refused, and kept for review with the reason
    assert (untitled.status, untitled.message) == (
        "read",
        "Not saved: no title could be read, so the class cannot be named.",
    )


def test_a_dry_run_reads_and_reports_but_nothing_of_it_can_be_saved(analyst_client, jurisdiction):
    batch = uploaded_batch(analyst_client, jurisdiction, spec_file("custodian.txt", CUSTODIAN), after_reading="dry_run")
    read_to_the_end(analyst_client, batch)
    document = batch.documents.get()

    page = analyst_client.get(document.get_absolute_url()).content.decode()
    refused = analyst_client.post(
        document.get_absolute_url(), {"jurisdiction": jurisdiction.pk, "title_0": "CUSTODIAN", "save": "Save"}
    )

    assert "This batch is a dry run: nothing of it can be saved." in page and 'name="title_0"' not in page
    assert refused.status_code == 200 and "dry run" in refused.content.decode()
    assert not JobClass.objects.exists() and not Version.objects.exists()


def test_the_upload_page_lists_recent_batches(analyst_client, jurisdiction):
    batch = uploaded_batch(analyst_client, jurisdiction, spec_file("custodian.txt", CUSTODIAN))

    page = analyst_client.get(reverse("import_specs")).content.decode()

    assert batch.get_absolute_url() in page and "Recent batches" in page


def test_an_upload_refused_whole_stores_nothing(analyst_client, jurisdiction):
    files = [spec_file(f"spec-{n}.txt", CUSTODIAN) for n in range(21)]

    response = upload(analyst_client, jurisdiction, *files)

    assert response.status_code == 413 and "Nothing was imported" in response.content.decode()
    assert not ImportedDocument.objects.exists()


def test_word_and_pdf_files_of_a_batch_are_read_in_their_steps(analyst_client, jurisdiction):
    lines = LIBRARY_PAGE.splitlines()
    batch = uploaded_batch(
        analyst_client,
        jurisdiction,
        SimpleUploadedFile("library-page.docx", as_docx(lines)),
        SimpleUploadedFile("library-page.pdf", as_pdf(lines)),
    )

    read_to_the_end(analyst_client, batch)

    assert list(batch.documents.values_list("status", "title")) == [("read", "LIBRARY PAGE"), ("read", "LIBRARY PAGE")]
    assert all(not document.content for document in batch.documents.all())  # the bytes are dropped once read


def test_a_file_the_importer_fails_on_is_an_error_and_the_batch_reads_on(analyst_client, jurisdiction, monkeypatch):
    real_parse = pending.parse_spec

    def failing(lines, *, source):
        if source == "library-page.txt":
            raise ValueError("a reader's fault")
        return real_parse(lines, source=source)

    monkeypatch.setattr(pending, "parse_spec", failing)
    batch = uploaded_batch(
        analyst_client, jurisdiction, spec_file("library-page.txt", LIBRARY_PAGE), spec_file("custodian.txt", CUSTODIAN)
    )

    assert read_to_the_end(analyst_client, batch)[-1]["progress"] == "2 of 2 read, 1 error"
    failed = batch.documents.get(file_name="library-page.txt")
    assert (failed.status, failed.message) == (
        "error",
        "library-page.txt: the importer failed on this file (the error is logged); import it by hand.",
    )
    assert batch.documents.get(file_name="custodian.txt").status == "read"
