"""Backup and restore: a restored database shows every adopted text byte for byte as before, with its history,
audit trail and staff; a file that cannot be restored here is refused and the database left as it was."""

import datetime
import gzip
import importlib
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from classes import workflow
from classes.backup import kept_models
from classes.models import CatalogueEdition, ImportBatch, JobClass, Jurisdiction, Meeting, Version
from tests.conftest import forget_kept_pages
from tests.specs.test_documents import pdftotext

pytestmark = pytest.mark.django_db

SEARCHES = ["coordinator", "enforc", "suport", "social casework"]


@pytest.fixture(autouse=True)
def content_types_forgotten():
    """Content types are kept in memory by id; those a test made and its rollback removed must not outlive it."""
    yield
    ContentType.objects.clear_cache()


@contextmanager
def signed_in(user):
    """Steps taken as `user`: the audit trail records who, as the admin's request middleware has it do."""
    request = RequestFactory().get("/")
    request.user = user
    HistoricalRecords.context.request = request
    try:
        yield
    finally:
        del HistoricalRecords.context.request


@pytest.fixture
def catalogue(seeds, analyst, secretary, superuser):
    """The seeds; Cayuga's class revised, adopted at a meeting and its first text superseded; a review; an open
    draft of another class; an entry in the admin's log; an upload waiting to be read. Each step by a named user."""
    cayuga = JobClass.objects.get(slug="child-support-enforcement-coordinator")
    meeting = Meeting.objects.create(
        jurisdiction=cayuga.jurisdiction, date=datetime.date(2026, 3, 4), minutes_reference="CSM 3/4/26"
    )
    with signed_in(analyst):
        draft = workflow.start_revision(cayuga, by=analyst)
        draft.salary_grade = "14"
        draft.save()
        draft.duties.create(position=99, text="Testifies at support hearings;")
        workflow.propose(draft, by=analyst, meeting=meeting)
        workflow.start_revision(JobClass.objects.get(slug="customer-support-coordinator"), by=analyst)
    with signed_in(secretary):
        workflow.adopt(draft, by=secretary)
        workflow.record_review(
            JobClass.objects.get(slug="employment-case-manager"), by=secretary, on=datetime.date(2026, 5, 1)
        )
    LogEntry.objects.create(
        user=secretary,
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(meeting.pk),
        object_repr=str(meeting),
        action_flag=CHANGE,
        change_message="Adopted every version proposed to this meeting.",
    )
    waiting = ImportBatch.objects.create(jurisdiction=cayuga.jurisdiction, created_by=analyst)
    waiting.documents.create(  # an upload not read yet: its bytes, whatever they are, come back as they were
        jurisdiction=cayuga.jurisdiction, file_name="scanned.pdf", content=b"%PDF-1.7\x00\xff\xfe", size=11
    )
    return draft


def public_addresses():
    addresses = ["/", "/data/classes.csv", "/data/classes.json", *(f"/classes/?q={q}" for q in SEARCHES)]
    addresses += [f"/jurisdictions/{slug}/" for slug in Jurisdiction.objects.values_list("slug", flat=True)]
    for job_class in JobClass.objects.select_related("jurisdiction"):
        addresses += [job_class.get_absolute_url(), job_class.get_absolute_url() + "history/"]
    for version in Version.objects.public().select_related("job_class__jurisdiction"):
        addresses += [version.get_absolute_url() + page for page in ("", "print/", "json/")]
    return addresses


def rendered(client, addresses):
    """What each address answers, rendered afresh rather than kept from an earlier request."""
    forget_kept_pages()
    pages = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        pages[address] = response.getvalue()
    return pages


def found_by(client, q):
    forget_kept_pages()  # a search is a kept page too: its context is there only when rendered
    return [job_class.slug for job_class in client.get("/classes/", {"q": q}).context["page"].object_list]


def pdf_text(client, version, tmp_path):
    path = tmp_path / "version.pdf"
    path.write_bytes(client.get(version.get_absolute_url() + "pdf/").content)
    return pdftotext(path)


def audit_trail():
    """Every simple-history record of every model: what changed, who changed it, and when."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in kept_models()
        if model.__name__.startswith("Historical")
    }


def staff():
    """Each user's account as it signs in, and the roles it holds."""
    users = User.objects.order_by("username").prefetch_related("groups")
    return [
        (user.username, user.password, user.is_staff, user.is_superuser, sorted(g.name for g in user.groups.all()))
        for user in users
    ]


def roles():
    return {
        group.name: sorted(group.permissions.values_list("content_type__app_label", "content_type__model", "codename"))
        for group in Group.objects.all()
    }


def every_row():
    """Each table a backup holds, row by row; content types and permissions by name, since `migrate` numbers
    them in its own order on each database."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list(*by_name(model)))
        for model in kept_models()
    }


def by_name(model):
    for field in model._meta.concrete_fields:
        if field.related_model is ContentType:
            yield from (f"{field.name}__app_label", f"{field.name}__model")
        elif field.related_model is Permission:
            yield from (f"{field.name}__content_type__app_label", f"{field.name}__content_type__model")
            yield f"{field.name}__codename"
        else:
            yield field.attname


def empty_database():
    """The database as `createdb` then `migrate` leave it: every table emptied, then what migrating makes put back
    (content types and permissions, the roles of classes/0005, the catalogue edition of 0007)."""
    if connection.vendor == "postgresql":
        connection.check_constraints()  # TRUNCATE refuses tables whose foreign-key checks are still pending
    call_command("flush", interactive=False, verbosity=0)
    importlib.import_module("classes.migrations.0005_roles").create_roles(apps, SimpleNamespace(connection=connection))
    CatalogueEdition.objects.get_or_create(pk=1)


def backup(path):
    call_command("backup", str(path), stdout=StringIO())
    return path


def restore(path, *options):
    out = StringIO()
    call_command("restore", str(path), *options, stdout=out)
    return out.getvalue()


def refusal(path, *options):
    with pytest.raises(CommandError) as raised:
        restore(path, *options)
    return str(raised.value)


# The round trip


def test_a_restored_database_renders_every_adopted_version_byte_for_byte_and_keeps_its_history_staff_and_search(
    client, catalogue, tmp_path
):
    addresses = public_addresses()
    assert len(addresses) > 30
    pages = rendered(client, addresses)
    assert b"Testifies at support hearings;" in pages[catalogue.get_absolute_url()]
    pdf = pdf_text(client, catalogue, tmp_path)
    found = {q: found_by(client, q) for q in SEARCHES}
    assert all(found.values())
    rows, trail, users, groups = every_row(), audit_trail(), staff(), roles()
    edition = CatalogueEdition.objects.get().number
    assert Version.audit_trail.filter(history_user__username="secretary", status="adopted").exists()
    path = backup(tmp_path / "civilspec.jsonl.gz")

    empty_database()
    # A database migrated apart numbers its content types its own way: the meeting's is made again, renumbered.
    old_meeting_type = ContentType.objects.get_for_model(Meeting).pk
    ContentType.objects.filter(pk=old_meeting_type).delete()
    ContentType.objects.clear_cache()
    assert JobClass.objects.count() == User.objects.count() == 0
    assert found_by(client, "coordinator") == []

    report = restore(path)

    assert "5 jurisdictions, 5 job classes, 7 versions, 3 users, 3 groups, 85 audit-trail records" in report
    assert [address for address in addresses if rendered(client, [address])[address] != pages[address]] == []
    assert pdf_text(client, catalogue, tmp_path) == pdf
    assert {q: found_by(client, q) for q in SEARCHES} == found
    assert staff() == users
    assert roles() == groups
    assert audit_trail() == trail
    restored = every_row()
    del restored["classes.CatalogueEdition"], rows["classes.CatalogueEdition"]
    assert restored == rows
    assert CatalogueEdition.objects.get().number > edition  # an edition no page was kept under
    assert ContentType.objects.get_for_model(Meeting).pk != old_meeting_type
    assert LogEntry.objects.get().get_edited_object().minutes_reference == "CSM 3/4/26"
    assert User.objects.get(username="secretary").check_password("secretary-password")


def test_a_restore_starts_a_catalogue_edition_no_page_was_kept_under(client, make_class, analyst, tmp_path):
    job_class, _ = make_class("Account Clerk", code="0101")
    path = backup(tmp_path / "civilspec.jsonl.gz")
    draft = workflow.start_revision(job_class, by=analyst)
    draft.title = "Senior Account Clerk"
    draft.save()
    workflow.propose(draft, by=analyst)
    workflow.adopt(draft, by=analyst, adopted_on=datetime.date(2026, 1, 5), reference="Res. 2026-1")
    assert b"Senior Account Clerk" in client.get(job_class.get_absolute_url()).content  # kept for this edition
    before = CatalogueEdition.objects.get().number

    restore(path, "--replace")

    assert CatalogueEdition.objects.get().number > before
    page = client.get(job_class.get_absolute_url()).content
    assert b"Senior Account Clerk" not in page and b"Account Clerk" in page
    assert dict(job_class.versions.values_list("number", "status")) == {1: "adopted"}


def test_a_restore_removes_the_pdfs_rendered_before_it(client, make_class, tmp_path):
    _, version = make_class("Account Clerk")
    client.get(version.get_absolute_url() + "pdf/")
    assert list(Path(settings.RENDERED_ROOT).glob("version-*"))

    restore(backup(tmp_path / "civilspec.jsonl.gz"), "--replace")

    assert list(Path(settings.RENDERED_ROOT).glob("version-*")) == []


def test_check_reads_the_whole_file_and_changes_nothing(make_class, tmp_path):
    make_class("Account Clerk")
    path = backup(tmp_path / "civilspec.jsonl.gz")
    rows = every_row()

    assert "is whole and can be restored here" in restore(path, "--check")
    assert every_row() == rows


# Refusals: each says why, and the database is left as it was


@pytest.fixture
def backed_up(make_class, analyst, tmp_path):
    make_class("Account Clerk")
    return backup(tmp_path / "civilspec.jsonl.gz")


def test_a_database_that_holds_data_is_refused(backed_up):
    rows = every_row()

    message = refusal(backed_up)

    assert message.startswith("This database already holds data (1 jurisdiction, 1 job class, 1 version, 1 user")
    assert "add --replace" in message
    assert every_row() == rows


def recompressed(change):
    """Damage done inside the gzip: the lines as `change` alters them, compressed again."""
    return lambda data: gzip.compress(b"".join(change(gzip.decompress(data).splitlines(keepends=True))))


def flipped(data, at):
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


DAMAGE = {
    "cut short": (
        lambda data: data[: len(data) // 2],
        "is damaged or truncated: Compressed file ended before the end-of-stream marker was reached",
    ),
    "a corrupt byte": (lambda data: flipped(data, len(data) // 2), "is damaged or truncated"),
    "a row changed": (
        recompressed(lambda lines: [line.replace(b"Account Clerk", b"Account Clerc") for line in lines]),
        "is damaged or truncated: its checksum does not match its contents",
    ),
    "its checksum line lost": (
        recompressed(lambda lines: lines[:-1]),
        "is damaged or truncated: it ends before its checksum line",
    ),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_refused_even_with_replace(backed_up, tmp_path, damage):
    damaged, message = DAMAGE[damage]
    path = tmp_path / "damaged.jsonl.gz"
    path.write_bytes(damaged(backed_up.read_bytes()))
    rows = every_row()

    refused = refusal(path, "--replace")

    assert message in refused
    assert refused.endswith("Nothing was restored.")
    assert every_row() == rows


def test_a_file_that_is_not_a_backup_is_refused(backed_up, tmp_path):
    rows = every_row()
    other = tmp_path / "other.json.gz"
    other.write_bytes(gzip.compress(b'{"model": "classes.jobclass"}\n'))

    assert refusal(tmp_path / "missing.jsonl.gz") == f"{tmp_path / 'missing.jsonl.gz'}: no such file."
    assert refusal(settings.BASE_DIR / "pyproject.toml", "--replace").endswith(
        "is not a civilspec backup (it is not a gzip file)."
    )
    assert refusal(other, "--replace").endswith(
        "is not a civilspec backup (its first line is not a civilspec backup's manifest)."
    )
    assert every_row() == rows


def test_a_backup_older_than_the_databases_migrations_is_refused(backed_up):
    MigrationRecorder(connection).record_applied("classes", "9999_later")
    rows = every_row()

    message = refusal(backed_up, "--replace")

    assert message.startswith("The backup was made at other migrations than this database's: this database has ")
    assert "classes.9999_later, which the backup lacks (it is older" in message
    assert "with manage.py migrate classes 0" in message
    assert every_row() == rows


def test_a_backup_newer_than_the_databases_migrations_is_refused(make_class, tmp_path):
    make_class("Account Clerk")
    MigrationRecorder(connection).record_applied("classes", "9999_later")
    path = backup(tmp_path / "civilspec.jsonl.gz")
    MigrationRecorder(connection).migration_qs.filter(app="classes", name="9999_later").delete()

    assert "this database lacks classes.9999_later, which the backup has (it was made by a later civilspec" in refusal(
        path, "--replace"
    )


def test_a_backup_into_a_missing_folder_is_refused(make_class, tmp_path):
    make_class("Account Clerk")

    with pytest.raises(CommandError, match="missing is not a folder"):
        backup(tmp_path / "missing" / "civilspec.jsonl.gz")


def test_a_backup_that_fails_midway_leaves_the_earlier_file_as_it_was(make_class, tmp_path, monkeypatch):
    make_class("Account Clerk")
    path = backup(tmp_path / "civilspec.jsonl.gz")
    earlier = path.read_bytes()
    make_class("Senior Account Clerk")
    monkeypatch.setattr("classes.backup.writing._names_by_id", lambda: 1 / 0)  # after the manifest is written

    with pytest.raises(ZeroDivisionError):
        backup(path)

    assert path.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["civilspec.jsonl.gz"]  # no partial file left beside it
    monkeypatch.undo()
    backup(path)
    assert b"Senior Account Clerk" in gzip.decompress(path.read_bytes())
