"""Moving a commission's adopted specs in: each document recorded as the adopted text of record, dated as it prints;
a jurisdiction created from the command line; and the admin's same choice, refused to an analyst."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from classes.models import CatalogueEdition, JobClass, Jurisdiction, Version
from tests.conftest import SEED_DOCUMENTS
from tests.importer.uploading import read_to_the_end, uploaded_batch

CHILD_SUPPORT = SEED_DOCUMENTS / "002_child_support_enforcement_coordinator.txt"

UNDATED = b"""PARKS MAINTENANCE WORKER

DISTINGUISHING FEATURES OF THE CLASS
This is routine outdoor work keeping the town's parks in good order.

TYPICAL WORK ACTIVITIES
Mows lawns and trims hedges;
Empties litter baskets;

MINIMUM QUALIFICATIONS
One year of experience in grounds maintenance.
"""


@pytest.fixture
def county(db):
    return Jurisdiction.objects.create(name="Record County", slug="record-county")


def run(*args):
    out = StringIO()
    call_command("import_specs", *args, stdout=out)
    return out.getvalue()


def test_an_adopted_import_is_the_public_text_dated_as_it_prints(client, county):
    edition = CatalogueEdition.objects.get().number

    run(str(CHILD_SUPPORT), "--jurisdiction", "record-county", "--adopted")

    version = Version.objects.get()
    assert version.status == "adopted"
    assert version.adopted_on == datetime.date(2005, 7, 13)  # the latest date the document prints
    assert version.adoption_reference == f"Imported from {CHILD_SUPPORT.name}"
    assert "11/19/77" in version.adoption_line and "7/13/05" in version.adoption_line  # the line as printed
    assert CatalogueEdition.objects.get().number > edition
    page = client.get(version.job_class.get_absolute_url())
    assert page.status_code == 200 and "CHILD SUPPORT ENFORCEMENT COORDINATOR" in page.content.decode()
    assert client.get("/classes/", {"q": "enforcement"}).content.decode().count(version.job_class.get_absolute_url())


def test_a_newer_adopted_import_supersedes_the_text_in_force(county):
    run(str(CHILD_SUPPORT), "--jurisdiction", "record-county", "--adopted")
    run(str(CHILD_SUPPORT), "--jurisdiction", "record-county", "--adopted")

    assert list(Version.objects.order_by("number").values_list("number", "status")) == [
        (1, "superseded"),
        (2, "adopted"),
    ]


def test_a_document_printing_no_date_is_not_recorded_as_adopted(county, tmp_path):
    undated = tmp_path / "parks-maintenance-worker.txt"
    undated.write_bytes(UNDATED)

    printed = run(str(undated), "--jurisdiction", "record-county", "--adopted")

    assert "skipped" in printed and "no adoption or revision date" in printed
    assert not JobClass.objects.exists() and not Version.objects.exists()  # the whole document rolled back


def test_the_command_creates_the_jurisdiction_it_imports_into(db):
    printed = run(str(CHILD_SUPPORT), "--create-jurisdiction", "  Tioga   County ")

    jurisdiction = Jurisdiction.objects.get()
    assert (jurisdiction.name, jurisdiction.slug) == ("Tioga County", "tioga-county")
    assert "Tioga County" in printed
    assert Version.objects.get().job_class.jurisdiction == jurisdiction


def test_the_command_refuses_to_create_a_jurisdiction_that_exists(county):
    with pytest.raises(CommandError, match="record-county"):
        run(str(CHILD_SUPPORT), "--create-jurisdiction", "Record County")

    assert Jurisdiction.objects.count() == 1 and not Version.objects.exists()


def files():
    return SimpleUploadedFile(CHILD_SUPPORT.name, CHILD_SUPPORT.read_bytes())


def upload(client, county, **fields):
    data = {"jurisdiction": county.pk, "after_reading": "save", "files": [files()], **fields}
    return client.post(reverse("import_specs"), data)


def test_an_analyst_may_not_record_adopted_text_in_the_admin(client, analyst, county):
    client.force_login(analyst)

    response = upload(client, county, adopted="on")

    assert response.status_code == 200
    assert "permission to adopt versions" in response.content.decode()
    assert not Version.objects.exists()


def test_a_commission_secretary_records_adopted_text_in_the_admin(client, make_user, county):
    secretary = make_user("recorder", "Commission secretary")
    importing = Permission.objects.filter(codename__in=["add_version", "add_importeddocument"])
    secretary.user_permissions.add(*importing)  # importing at all
    client.force_login(secretary)

    read_to_the_end(client, uploaded_batch(client, county, files(), after_reading="save", adopted="on"))

    version = Version.objects.get()
    assert (version.status, version.adopted_on) == ("adopted", datetime.date(2005, 7, 13))
