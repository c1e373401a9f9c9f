"""Who may do what in the admin: every role against every action, allowed and refused alike.

Users get their roles from the groups migration classes/0005_roles made, looked up by name. An
allowed action answers 200 or 302 and does what it says; a refused one answers 403 to staff and
sends anonymous visitors to the login page, and changes nothing.
"""

import datetime
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse

from classes import workflow
from classes.importing import ImportedFile, pending
from classes.models import ImportBatch, ImportedDocument, JobClass, Meeting, Review, Version
from tests.forms import form_data

pytestmark = pytest.mark.django_db

# Written for this test: a spec file as the importer reads it.
FILE_CLERK = b"FILE CLERK\n\nTYPICAL WORK ACTIVITIES:\nFiles records by number;\n\nMINIMUM QUALIFICATIONS: None.\n"

ROLES = ["anonymous", "viewer", "analyst", "secretary", "superuser"]
STAFF = {"viewer", "analyst", "secretary", "superuser"}
WRITERS = {"analyst", "superuser"}
COMMISSION = {"secretary", "superuser"}
MEETING_DAY = datetime.date(2026, 4, 1)


def url(name, *args):
    return reverse(f"admin:classes_{name}", args=args)


@pytest.fixture
def world(make_class, superuser):
    """A class with a draft revision, one with a version proposed to a meeting, one with adopted text only,
    and a new class with no text yet."""
    clerk, adopted = make_class("Account Clerk")
    draft = workflow.start_revision(clerk, by=superuser)
    typist, _ = make_class("Typist")
    meeting = Meeting.objects.create(jurisdiction=typist.jurisdiction, date=MEETING_DAY, minutes_reference="Res. 4")
    proposed = workflow.propose(workflow.start_revision(typist, by=superuser), by=superuser, meeting=meeting)
    later = Meeting.objects.create(jurisdiction=typist.jurisdiction, date=MEETING_DAY + datetime.timedelta(days=28))
    driver, _ = make_class("Motor Vehicle Operator")
    fresh = JobClass.objects.create(jurisdiction=typist.jurisdiction, title="Records Clerk", slug="records-clerk")
    batch = ImportBatch.objects.create(jurisdiction=typist.jurisdiction, created_by=superuser)
    (imported,) = pending.store_uploads(batch, [ImportedFile("file-clerk.txt", len(FILE_CLERK), lambda: FILE_CLERK)])
    pending.read_one(imported)
    return SimpleNamespace(
        imported=imported,
        adopted=adopted,
        draft=draft,
        proposed=proposed,
        meeting=meeting,
        later=later,
        driver=driver,
        fresh=fresh,
        superuser=superuser,
    )


def form_of(world, address, form_id, **changes):
    """The form at `address` as a superuser's browser would post it, with `changes`: refused users cannot load it."""
    browser = Client()
    browser.force_login(world.superuser)
    data = form_data(browser.get(address).content.decode(), form_id)
    data.update({name: [value] for name, value in changes.items()})
    return data


def status(version):
    return Version.objects.get(pk=version.pk).status


# Each action: what the user does, and how to tell it was done (None: a page to read, nothing to do).
ACTIONS = {
    "open the admin index": (lambda client, w: client.get(reverse("admin:index")), None, STAFF),
    "view a version": (lambda client, w: client.get(url("version_change", w.adopted.pk)), None, STAFF),
    "edit a draft": (
        lambda client, w: client.post(
            url("version_change", w.draft.pk),
            form_of(w, url("version_change", w.draft.pk), "version_form", title="ACCOUNT CLERK II"),
        ),
        lambda w: Version.objects.get(pk=w.draft.pk).title == "ACCOUNT CLERK II",
        WRITERS,
    ),
    "edit an adopted version": (
        lambda client, w: client.post(
            url("version_change", w.adopted.pk),
            {**form_of(w, url("version_change", w.draft.pk), "version_form"), "title": ["ACCOUNT CLERK II"]},
        ),
        lambda w: Version.objects.get(pk=w.adopted.pk).title == "ACCOUNT CLERK II",
        set(),
    ),
    "add a version": (
        lambda client, w: client.post(
            url("version_add"),
            form_of(w, f"{url('version_add')}?job_class={w.fresh.pk}&title=RECORDS+CLERK", "version_form"),
        ),
        lambda w: w.fresh.versions.exists(),
        WRITERS,
    ),
    "start a revision": (
        lambda client, w: client.post(url("jobclass_revise", w.driver.pk)),
        lambda w: w.driver.versions.filter(status="draft").exists(),
        WRITERS,
    ),
    "propose": (
        lambda client, w: client.post(url("version_propose", w.draft.pk), {"meeting": [""]}),
        lambda w: status(w.draft) == "proposed",
        WRITERS,
    ),
    "return to draft": (
        lambda client, w: client.post(url("version_return", w.proposed.pk)),
        lambda w: status(w.proposed) == "draft",
        COMMISSION,
    ),
    "adopt": (
        lambda client, w: client.post(url("version_adopt", w.proposed.pk), {"adopted_on": "2026-04-02"}),
        lambda w: status(w.proposed) == "adopted",
        COMMISSION,
    ),
    "record a meeting": (
        lambda client, w: client.post(
            url("meeting_add"),
            form_of(
                w, url("meeting_add"), "meeting_form", jurisdiction=str(w.driver.jurisdiction_id), date="2026-06-03"
            ),
        ),
        lambda w: Meeting.objects.filter(date=datetime.date(2026, 6, 3)).exists(),
        COMMISSION,
    ),
    "put a proposal on a meeting's agenda": (
        lambda client, w: client.post(url("version_agenda", w.proposed.pk), {"meeting": w.later.pk}),
        lambda w: Version.objects.get(pk=w.proposed.pk).meeting == w.later,
        WRITERS | COMMISSION,
    ),
    "take a proposal off the agenda": (
        lambda client, w: client.post(url("version_unschedule", w.proposed.pk)),
        lambda w: Version.objects.get(pk=w.proposed.pk).meeting is None,
        WRITERS | COMMISSION,
    ),
    # The superuser proposed it: an analyst may withdraw only a proposal of their own.
    "withdraw a proposal": (
        lambda client, w: client.post(url("version_withdraw", w.proposed.pk)),
        lambda w: status(w.proposed) == "draft",
        {"superuser"},
    ),
    "read a meeting's agenda packet": (
        lambda client, w: client.get(url("meeting_agenda-packet", w.meeting.pk)),
        None,
        STAFF,
    ),
    "adopt a meeting's versions": (
        lambda client, w: client.post(url("meeting_adopt", w.meeting.pk)),
        lambda w: status(w.proposed) == "adopted",
        COMMISSION,
    ),
    "abolish": (
        lambda client, w: client.post(url("jobclass_abolish", w.driver.pk), {"abolished_on": "2026-04-01"}),
        lambda w: JobClass.objects.get(pk=w.driver.pk).abolished_on is not None,
        COMMISSION,
    ),
    "record a review": (
        lambda client, w: client.post(url("jobclass_review", w.driver.pk), {"reviewed_on": "2026-01-05", "note": ""}),
        lambda w: Review.objects.filter(job_class=w.driver).exists(),
        {"analyst", "secretary", "superuser"},
    ),
    "upload spec files to import": (
        lambda client, w: client.post(
            reverse("import_specs"),
            {
                "jurisdiction": w.fresh.jurisdiction_id,
                "after_reading": "review",
                "files": [SimpleUploadedFile("clerk.txt", FILE_CLERK)],
            },
        ),
        lambda w: ImportedDocument.objects.filter(file_name="clerk.txt").exists(),
        WRITERS,
    ),
    "save an imported document": (
        lambda client, w: client.post(
            w.imported.get_absolute_url(),
            {"jurisdiction": w.fresh.jurisdiction_id, "title_0": "File Clerk", "code_0": "", "save": "Save"},
        ),
        lambda w: ImportedDocument.objects.get(pk=w.imported.pk).status == "saved",
        WRITERS,
    ),
    "view the audit trail": (lambda client, w: client.get(url("version_history", w.draft.pk)), None, STAFF),
    "view the changes to a version's parts": (
        lambda client, w: client.get(url("version_changes", w.draft.pk)),
        None,
        STAFF,
    ),
    "view the compare view": (lambda client, w: client.get(url("version_compare", w.draft.pk)), None, STAFF),
}


@pytest.fixture
def user_of(viewer, analyst, secretary, superuser):
    return {"anonymous": None, "viewer": viewer, "analyst": analyst, "secretary": secretary, "superuser": superuser}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_role_may_do_exactly_what_its_permissions_allow(client, world, user_of, action, role):
    act, done, allowed = ACTIONS[action]
    if user_of[role]:
        client.force_login(user_of[role])

    response = act(client, world)

    if role in allowed:
        assert response.status_code in (200, 302), response
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse("admin:login"))
        assert done is None or done(world), f"{role} could not {action}"
    else:
        if role == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
        else:
            assert response.status_code == 403
        assert done is None or not done(world), f"{role} could {action}"


def test_the_roles_hold_exactly_the_permissions_the_migration_gives_them():
    def held(name):
        group = Group.objects.get(name=name)
        return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}

    viewer, analyst, secretary = held("Viewer"), held("HR analyst"), held("Commission secretary")

    assert viewer and all(label.split(".")[1].startswith("view_") for label in viewer)
    assert {"classes.view_version", "classes.view_historicalversion", "qualifications.view_path"} <= viewer
    assert analyst - viewer == {
        *(f"classes.{action}_{model}" for action in ("add", "change", "delete")
          for model in ("duty", "ksa", "competency", "othersection", "specialrequirement")),
        *(f"qualifications.{action}_{model}" for action in ("add", "change", "delete")
          for model in ("path", "substitution", "definition", "timeintitle")),
        "classes.add_version", "classes.change_version", "classes.propose_version", "classes.start_revision",
        "classes.add_jobclass", "classes.change_jobclass", "classes.add_review", "classes.schedule_version",
        *(f"classes.{action}_{model}" for action in ("add", "change", "delete", "view")
          for model in ("importbatch", "importeddocument")),
    }  # fmt: skip
    assert secretary - viewer == {
        "classes.adopt_version",
        "classes.add_meeting",
        "classes.change_meeting",
        "classes.abolish_jobclass",
        "classes.add_review",
        "classes.schedule_version",
    }
    assert not any(label.endswith("_version") and "delete" in label for label in analyst | secretary)


def test_the_roles_migration_can_run_again_and_leaves_the_same_permissions():
    state = MigrationLoader(connection).project_state(("classes", "0005_roles"))
    create_roles = import_module("classes.migrations.0005_roles").create_roles
    # Run once first: it grants by the permissions that exist when it runs, and later migrations add models.
    create_roles(state.apps, SimpleNamespace(connection=connection))
    before = {group.name: set(group.permissions.all()) for group in Group.objects.all()}
    Group.objects.get(name="Viewer").permissions.clear()

    create_roles(state.apps, SimpleNamespace(connection=connection))

    assert {group.name: set(group.permissions.all()) for group in Group.objects.all()} == before


def test_a_viewer_reads_every_admin_list_and_can_add_nothing(client, viewer, world):
    client.force_login(viewer)
    for model in admin.site._registry:
        if model._meta.app_label in {"classes", "qualifications"}:
            opts = model._meta
            assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
            assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("viewer", []),
        ("analyst", ["Propose to the commission"]),
        ("secretary", []),
    ],
)
def test_a_draft_offers_each_role_only_the_steps_it_may_take(client, world, user_of, role, links):
    client.force_login(user_of[role])

    page = client.get(url("version_change", world.draft.pk)).content.decode()

    steps = ["Propose to the commission", "Adopt", "Return to draft"]
    assert [step for step in steps if f">{step}</a>" in page] == links
    assert "Compare with the adopted text" in page


@pytest.mark.parametrize(
    ("role", "links"),
    [("viewer", []), ("analyst", []), ("secretary", ["Adopt", "Return to draft"])],
)
def test_a_proposed_version_offers_adoption_to_the_commission_only(client, world, user_of, role, links):
    client.force_login(user_of[role])

    page = client.get(url("version_change", world.proposed.pk)).content.decode()

    steps = ["Propose to the commission", "Adopt", "Return to draft"]
    assert [step for step in steps if f">{step}</a>" in page] == links


@pytest.mark.parametrize("step", ["version_propose", "version_compare", "jobclass_revise", "meeting_adopt"])
@pytest.mark.parametrize("object_id", ["999999", "not-a-number"])
def test_a_step_for_an_object_that_does_not_exist_answers_404(client, superuser, step, object_id):
    client.force_login(superuser)

    assert client.get(url(step, object_id)).status_code == 404
