"""Two analysts editing one draft: a form opened before someone else's save is refused, naming who saved.

Nothing of the refused form is written, the form comes back with the analyst's own input, and the
audit trail names each analyst whose save went through.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from classes import workflow
from classes.models import Version
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_class, superuser):
    job_class, _ = make_class("Account Clerk")
    draft = workflow.start_revision(job_class, by=superuser)
    draft.duties.create(position=1, text="Files records;")
    return Version.objects.get(pk=draft.pk)


@pytest.fixture
def alex(analyst):
    client = Client()
    client.force_login(analyst)
    return client


@pytest.fixture
def blair(make_user):
    client = Client()
    client.force_login(make_user("blair", "HR analyst", first_name="Blair", last_name="Bureau"))
    return client


def change_url(version):
    return reverse("admin:classes_version_change", args=[version.pk])


def opened(client, version):
    return form_data(client.get(change_url(version)).content.decode(), "version_form")


def test_the_second_save_of_a_stale_form_is_refused_naming_who_saved_and_when(alex, blair, draft):
    alex_form, blair_form = opened(alex, draft), opened(blair, draft)
    alex_form["title"] = ["ACCOUNT CLERK I"]
    assert alex.post(change_url(draft), alex_form).status_code == 302
    saved = Version.objects.get(pk=draft.pk)
    blair_form["title"] = ["SENIOR ACCOUNT CLERK"]
    blair_form["duties-0-text"] = ["Files and indexes records;"]

    response = blair.post(change_url(draft), blair_form)

    assert response.status_code == 200
    page = response.content.decode()
    at = date_format(timezone.localtime(saved.updated_at), "H:i")
    assert (
        f"Alex Analyst saved this version at {at} after you opened it; your changes were not saved. Reload to see them."
    ) in page
    stored = Version.objects.get(pk=draft.pk)
    assert (stored.title, stored.updated_by.username, stored.lock_version) == ("ACCOUNT CLERK I", "analyst", 1)
    assert list(stored.duties.values_list("text", flat=True)) == ["Files records;"]
    # The refused form keeps what Blair typed, to copy from after reloading.
    assert 'value="SENIOR ACCOUNT CLERK"' in page
    assert "Files and indexes records;" in page


def test_after_reloading_the_second_analyst_saves_and_the_audit_trail_names_both(alex, blair, draft):
    alex_form, stale_form = opened(alex, draft), opened(blair, draft)
    alex_form["title"] = ["ACCOUNT CLERK I"]
    alex.post(change_url(draft), alex_form)
    assert blair.post(change_url(draft), stale_form).status_code == 200

    blair_form = opened(blair, draft)
    blair_form["duties-0-text"] = ["Files and indexes records;"]
    assert blair.post(change_url(draft), blair_form).status_code == 302

    stored = Version.objects.get(pk=draft.pk)
    assert (stored.title, stored.updated_by.username, stored.lock_version) == ("ACCOUNT CLERK I", "blair", 2)
    assert list(stored.duties.values_list("text", flat=True)) == ["Files and indexes records;"]
    editors = {record.history_user.username for record in Version.audit_trail.filter(id=draft.pk, history_type="~")}
    assert editors == {"analyst", "blair"}
    duty_edit = stored.duties.get().audit_trail.first()
    assert (duty_edit.history_type, duty_edit.history_user.username) == ("~", "blair")
    changes = alex.get(reverse("admin:classes_version_changes", args=[draft.pk])).content.decode()
    assert "Alex Analyst" in changes and "Blair Bureau" in changes
    assert "Files records; → Files and indexes records;" in changes


def test_each_save_bumps_the_stamp_and_names_its_author_on_the_page(alex, draft):
    for expected in (1, 2):
        assert alex.post(change_url(draft), opened(alex, draft)).status_code == 302
        assert Version.objects.get(pk=draft.pk).lock_version == expected

    assert "by Alex Analyst" in alex.get(change_url(draft)).content.decode()


def test_a_form_without_its_stamp_is_refused(alex, draft):
    form = opened(alex, draft)
    del form["seen_lock_version"]
    form["title"] = ["ANYTHING"]

    response = alex.post(change_url(draft), form)

    assert response.status_code == 200
    assert Version.objects.get(pk=draft.pk).title == "Account Clerk"


def test_a_draft_proposed_after_the_form_was_opened_is_not_written(alex, draft, superuser):
    form = opened(alex, draft)
    workflow.propose(draft, by=superuser)
    form["title"] = ["ANYTHING"]

    assert alex.post(change_url(draft), form).status_code == 403
    assert Version.objects.get(pk=draft.pk).title == "Account Clerk"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks: it writes one at a time")
def test_the_stamp_is_compared_on_a_row_locked_until_the_save_commits(alex, draft):
    with CaptureQueriesContext(connection) as queries:
        alex.post(change_url(draft), opened(alex, draft))

    locking = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"] and "classes_version" in query["sql"]]
    assert locking, "the stored version was not locked before the save"
