"""What a save of the version editor checks and what it costs: a row is saved only into its own version, and rows
left as they were cost no query each."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classes.models import Duty
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(make_class):
    """Two drafts of two classes, three duties each."""
    made = []
    for title in ("Account Clerk", "Payroll Clerk"):
        _, draft = make_class(title, status="draft")
        for position in (1, 2, 3):
            draft.duties.create(position=position, text=f"{title} duty {position};")
        made.append(draft)
    return made


def change_url(version):
    return reverse("admin:classes_version_change", args=[version.pk])


def opened(client, version):
    data = form_data(client.get(change_url(version)).content.decode(), "version_form")
    data["_continue"] = ["Save and continue editing"]
    return data


def texts(version):
    return list(version.duties.order_by("position").values_list("text", flat=True))


def test_a_row_of_another_version_posted_in_a_drafts_form_is_refused_and_nothing_is_saved(analyst_client, drafts):
    mine, other = drafts
    data = opened(analyst_client, mine)
    data["duties-0-id"] = [str(other.duties.order_by("position").first().pk)]
    data["duties-0-text"] = ["Overwritten;"]
    data["title"] = ["ACCOUNT CLERK I"]

    response = analyst_client.post(change_url(mine), data)

    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "A row sent with the duties is not one of those stored here: nothing was saved." in page
    assert "Duties (3)" in page  # the form comes back with each part's heading still counting its stored rows
    assert texts(mine) == [f"Account Clerk duty {n};" for n in (1, 2, 3)]
    assert texts(other) == [f"Payroll Clerk duty {n};" for n in (1, 2, 3)]
    mine.refresh_from_db()
    assert mine.title != "ACCOUNT CLERK I"


def test_a_row_id_that_names_no_row_is_refused(analyst_client, drafts):
    mine, _ = drafts
    data = opened(analyst_client, mine)
    data["duties-1-id"] = [str(Duty.objects.order_by("pk").last().pk + 100)]

    response = analyst_client.post(change_url(mine), data)

    assert response.status_code == 200
    assert "A row sent with the duties is not one of those stored here" in unescape(response.content.decode())
    assert texts(mine) == [f"Account Clerk duty {n};" for n in (1, 2, 3)]


def test_a_save_changing_one_duty_reads_each_list_once_and_writes_only_that_duty(analyst_client, drafts):
    mine, _ = drafts
    data = opened(analyst_client, mine)
    data["duties-1-text"] = ["Keeps the ledger;"]

    with CaptureQueriesContext(connection) as captured:
        response = analyst_client.post(change_url(mine), data)

    assert response.status_code == 302
    assert texts(mine) == ["Account Clerk duty 1;", "Keeps the ledger;", "Account Clerk duty 3;"]
    assert mine.duties.model.audit_trail.filter(version_id=mine.pk, history_type="~").count() == 1
    # The session and its user, the analyst's permissions of their own and of their groups (4); the admin's
    # transaction, a savepoint in the test's (2); the version, then locked for its stamp (2); the version's choices
    # checked against the database's rules, in a savepoint each (6); the duties, the one list with rows (1); the
    # version's save: its stored row read by the guard of adopted text, written, its audit record (3); the changed
    # duty's save: the guard's look at its version, at its stored row and that row's version, written, its audit
    # record (6); the admin's log entry (1). No query for a row left as it was, nor for a list without rows.
    assert len(captured) == 25, "\n".join(query["sql"] for query in captured)
