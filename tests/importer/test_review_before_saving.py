"""An analyst reviews each read document beside its source, corrects its header and saves it, or discards it; a
refused save says why and keeps the corrections; only those who may import reach these pages."""

import html
import re

import pytest
from django.urls import reverse

from classes import workflow
from classes.importing import pending
from classes.models import ClassSeries, ImportedDocument, JobClass, Jurisdiction, Version
from tests.importer.documents import SERIES
from tests.importer.uploading import CUSTODIAN, GROUNDS_KEEPER, read_to_the_end, spec_file, uploaded_batch

pytestmark = pytest.mark.django_db


def read_document(client, jurisdiction, name, text, **options):
    batch = uploaded_batch(client, jurisdiction, spec_file(name, text), **options)
    read_to_the_end(client, batch)
    return batch.documents.get()


def source_row(page, number):
    """The words of line `number` of the source as the review shows it: number, what it was read as, its text."""
    row = re.search(rf'<tr id="line-{number}"[^>]*>(.*?)</tr>', page, re.DOTALL)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())


def save(client, document, **fields):
    data = {"jurisdiction": document.jurisdiction_id, "save": "Save", **fields}
    return client.post(document.get_absolute_url(), data)


def test_the_review_marks_each_source_line_with_what_it_was_read_as(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "grounds-keeper.txt", GROUNDS_KEEPER)

    page = analyst_client.get(document.get_absolute_url()).content.decode()

    assert source_row(page, 1) == "1 title GROUNDS KEEPER"
    assert source_row(page, 2) == "2 header: class code Class Code: 4410"
    assert source_row(page, 6) == "6 not stored: page debris: a page number or a running header Page 1 of 2"
    assert source_row(page, 8) == "8 other section: “PHYSICAL DEMANDS” PHYSICAL DEMANDS"
    assert source_row(page, 9) == "9 other section: “PHYSICAL DEMANDS” Lifts bags of up to fifty pounds."
    assert source_row(page, 11).startswith("11 qualification path MINIMUM QUALIFICATIONS:")


def test_the_review_shows_the_doubts_at_their_lines_and_in_a_list(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "grounds-keeper.txt", GROUNDS_KEEPER)

    page = analyst_client.get(document.get_absolute_url()).content.decode()

    assert "doubt: general statement read as “DUTIES”, its text describes the class in sentences" in source_row(page, 4)
    assert "Facts read with doubt" in page and 'href="#line-4"' in page
    assert "no knowledges, skills and abilities section found" in page


def test_a_corrected_title_and_code_are_what_is_saved(analyst_client, jurisdiction, analyst):
    document = read_document(analyst_client, jurisdiction, "grounds-keeper.txt", GROUNDS_KEEPER)

    response = save(analyst_client, document, title_0="Grounds Worker", code_0="4411")

    assert response.status_code == 302 and response["Location"] == document.batch.get_absolute_url()
    job_class = JobClass.objects.get()
    version = job_class.versions.get()
    assert (job_class.title, job_class.code, job_class.jurisdiction) == ("Grounds Worker", "4411", jurisdiction)
    assert (version.title, version.code, version.status, version.updated_by) == (
        "Grounds Worker",
        "4411",
        "draft",
        analyst,
    )
    assert version.other_sections.get().heading == "PHYSICAL DEMANDS"
    document.refresh_from_db()
    assert document.status == "saved" and list(document.versions.all()) == [version]
    batch_page = analyst_client.get(document.batch.get_absolute_url()).content.decode()
    assert "Saved grounds-keeper.txt as version 1 of Grounds Worker." in batch_page


def test_a_corrected_jurisdiction_is_where_the_draft_goes(analyst_client, jurisdiction):
    other = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    document = read_document(analyst_client, jurisdiction, "custodian.txt", CUSTODIAN)

    save(analyst_client, document, jurisdiction=other.pk, title_0="CUSTODIAN", code_0="6120")

    assert JobClass.objects.get().jurisdiction == other


def test_a_series_document_saves_each_level_with_its_corrected_title(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "park-interpretive.txt", SERIES)
    page = analyst_client.get(document.get_absolute_url()).content.decode()
    assert 'value="Park Interpretive Specialist II"' in page and "Level 3: class code" in page

    save(
        analyst_client,
        document,
        series="Park Naturalist Series",
        title_0="Park Naturalist I",
        code_0="3311",
        title_1="Park Naturalist II",
        code_1="3312",
        title_2="Park Naturalist III",
        code_2="3313",
    )

    series = ClassSeries.objects.get()
    assert series.name == "Park Naturalist Series"
    assert list(series.classes.order_by("series_level").values_list("title", "code")) == [
        ("Park Naturalist I", "3311"),
        ("Park Naturalist II", "3312"),
        ("Park Naturalist III", "3313"),
    ]


def test_a_refused_save_says_why_and_keeps_the_corrections(analyst_client, jurisdiction, make_class, superuser):
    job_class, _ = make_class("Grounds Worker")
    workflow.start_revision(job_class, by=superuser)  # an open draft: another cannot be added
    document = read_document(analyst_client, jurisdiction, "grounds-keeper.txt", GROUNDS_KEEPER)

    response = save(analyst_client, document, title_0="Grounds Worker", code_0="4411")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Not saved: Grounds Worker already has version 2 draft; finish or return it" in page
    assert 'value="Grounds Worker"' in page and 'value="4411"' in page
    document.refresh_from_db()
    assert document.status == "read" and document.header["levels"] == [{"title": "Grounds Worker", "code": "4411"}]
    assert Version.objects.count() == 2  # the class's own two; nothing of the document
    again = analyst_client.get(document.get_absolute_url()).content.decode()
    assert 'value="Grounds Worker"' in again and "Not saved: Grounds Worker already has" in again


def test_an_empty_title_is_refused_with_the_field_named(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "custodian.txt", CUSTODIAN)

    response = save(analyst_client, document, title_0="  ", code_0="6120")

    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not Version.objects.exists()


def test_discarding_drops_the_document_and_saves_nothing(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "custodian.txt", CUSTODIAN)

    response = analyst_client.post(document.get_absolute_url(), {"discard": "Discard"}, follow=True)

    assert "Discarded custodian.txt; nothing of it was saved." in response.content.decode()
    document.refresh_from_db()
    assert document.status == "discarded"
    refused = save(analyst_client, document, title_0="CUSTODIAN")
    assert "Save as" not in refused.content.decode() and not Version.objects.exists()


def importer_pages(document):
    batch = document.batch
    return [
        ("get", reverse("import_specs")),
        ("get", batch.get_absolute_url()),
        ("post", reverse("import_read_next", args=[batch.pk])),
        ("post", reverse("import_add_files", args=[batch.pk])),
        ("get", document.get_absolute_url()),
        ("post", document.get_absolute_url()),
    ]


@pytest.fixture
def read_custodian(analyst_client, jurisdiction):
    document = read_document(analyst_client, jurisdiction, "custodian.txt", CUSTODIAN)
    analyst_client.logout()
    return document


def test_anonymous_visitors_are_sent_to_sign_in_from_every_importer_page(client, read_custodian):
    for method, address in importer_pages(read_custodian):
        response = getattr(client, method)(address)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], address


def test_staff_who_only_read_are_refused_every_importer_page(client, viewer, read_custodian):
    client.force_login(viewer)

    for method, address in importer_pages(read_custodian):
        response = getattr(client, method)(address)
        assert response.status_code == 403, address
    assert ImportedDocument.objects.get().status == "read"


def test_an_analyst_reaches_every_importer_page(client, analyst, read_custodian):
    client.force_login(analyst)

    assert client.get(reverse("import_specs")).status_code == 200
    assert client.get(read_custodian.batch.get_absolute_url()).status_code == 200
    assert client.get(read_custodian.get_absolute_url()).status_code == 200


def test_a_document_whose_title_could_not_be_read_is_saved_once_the_analyst_names_it(analyst_client, jurisdiction):
    untitled = "Keeps the county's parks tidy and safe.\n\nMINIMUM QUALIFICATIONS: None.\n"
    document = read_document(analyst_client, jurisdiction, "untitled.txt", untitled)
    assert document.title == "" and 'name="title_0"' in analyst_client.get(document.get_absolute_url()).text

    response = save(analyst_client, document, title_0="Park Attendant", code_0="")

    assert response.status_code == 302
    assert Version.objects.get().title == "Park Attendant"


def test_a_document_saved_from_another_page_meanwhile_is_not_saved_twice(analyst_client, jurisdiction, analyst):
    document = read_document(analyst_client, jurisdiction, "custodian.txt", CUSTODIAN)
    other_page = ImportedDocument.objects.get(pk=document.pk)  # loaded before the first save
    pending.save(document, by=analyst)

    with pytest.raises(pending.SaveRefused, match="saved or discarded meanwhile"):
        pending.save(other_page, by=analyst, header=pending.Header([pending.Level("Custodian II")]))

    assert Version.objects.count() == 1
    document.refresh_from_db()
    assert document.status == "saved"
