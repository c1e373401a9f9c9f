"""Dry runs write nothing, re-imports add drafts to the class they are, and the command and upload page report."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from classes.models import JobClass, Jurisdiction, Version
from tests.conftest import SEED_DOCUMENTS
from tests.importer.uploading import read_to_the_end, uploaded_batch

SEEDS = SEED_DOCUMENTS
SEED = SEEDS / "002_child_support_enforcement_coordinator.txt"


@pytest.fixture
def county(db):
    return Jurisdiction.objects.create(name="Batch County", slug="batch-county")


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_specs", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_writes_nothing_and_prints_the_structured_result_as_json(county):
    printed = json.loads(run(str(SEEDS), "--jurisdiction", "batch-county", "--dry-run", "--format", "json"))

    assert not JobClass.objects.exists() and not Version.objects.exists()
    assert len(printed) == 5 and {r["status"] for r in printed} == {"parsed"}
    child_support = next(r for r in printed if r["source"].endswith(SEED.name))
    (spec,) = child_support["specs"]
    assert spec["paths"][0]["label"] == "(A)"
    assert spec["paths"][0]["supervisory_years"] == "1"
    assert child_support["facts"]["jurisdictional_class"] == "competitive"


def test_the_command_imports_a_folder_as_drafts_and_reports_each_file(county):
    printed = run(str(SEEDS), "--jurisdiction", "batch-county")

    assert printed.count("imported as version 1") == 5
    assert "line 52: qualifications “MINIMUM QUALIFICATIONS”" in printed
    assert set(Version.objects.values_list("status", flat=True)) == {"draft"}


def test_the_command_needs_a_jurisdiction_to_write():
    with pytest.raises(CommandError, match="--jurisdiction"):
        run(str(SEED))


def test_reimporting_adds_a_new_draft_to_the_existing_class(county):
    run(str(SEED), "--jurisdiction", "batch-county")
    Version.objects.update(status="adopted", adopted_on=datetime.date(2005, 7, 13))

    printed = run(str(SEED), "--jurisdiction", "batch-county")

    assert "imported as version 2 of CHILD SUPPORT ENFORCEMENT COORDINATOR" in printed
    job_class = JobClass.objects.get()
    assert list(job_class.versions.order_by("number").values_list("number", "status")) == [
        (1, "adopted"),
        (2, "draft"),
    ]
    assert job_class.history.filter(kind="adopted").count() == 1  # history entries are not doubled


def test_reimporting_while_a_draft_is_open_is_skipped_with_a_reason(county):
    run(str(SEED), "--jurisdiction", "batch-county")

    printed = run(str(SEED), "--jurisdiction", "batch-county")

    assert "skipped: CHILD SUPPORT ENFORCEMENT COORDINATOR already has version 1 draft" in printed
    assert Version.objects.count() == 1


@pytest.fixture
def uploader(db):
    user = User.objects.create_user("uploader", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_version", "add_importeddocument"]))
    return user


def test_the_upload_page_imports_files_as_drafts_and_shows_the_report(client, county, uploader):
    client.force_login(uploader)
    files = [
        SimpleUploadedFile(SEED.name, SEED.read_bytes()),
        SimpleUploadedFile("broken.pdf", b"not a pdf at all" * 10),
    ]

    batch = uploaded_batch(client, county, *files, after_reading="save")
    read_to_the_end(client, batch)

    page = client.get(batch.get_absolute_url()).content.decode()
    version = Version.objects.get()
    assert (version.status, version.updated_by) == ("draft", uploader)
    assert f"version 1 of {version.job_class}" in page
    assert "broken.pdf: the PDF is damaged" in page


def test_the_upload_page_dry_run_writes_nothing(client, county, uploader):
    client.force_login(uploader)

    batch = uploaded_batch(client, county, SimpleUploadedFile(SEED.name, SEED.read_bytes()), after_reading="dry_run")
    read_to_the_end(client, batch)

    assert batch.documents.get().status == "read"
    assert not Version.objects.exists()


def test_the_upload_page_refuses_staff_without_the_add_version_permission(client, county):
    client.force_login(User.objects.create_user("reader", password="pw", is_staff=True))

    assert client.get("/admin/import/").status_code == 403


def test_the_upload_page_sends_anonymous_visitors_to_the_login(client, db):
    response = client.get("/admin/import/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
