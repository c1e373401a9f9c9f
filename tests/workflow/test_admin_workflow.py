"""The lifecycle through the admin's buttons: revision, proposal, return, adoption, meetings, abolition,
reviews and the review queue, the comparison before proposing, and the audit trail of a version's text.

A step the workflow refuses comes back as a message on the object's page, never as an error page.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from classes import workflow
from classes.models import JobClass, Jurisdiction, Meeting, Review, SearchDocument, Version
from classes.models.catalogue import add_years
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"admin:classes_{name}", args=args)


@pytest.fixture
def secretary_client(secretary):
    client = Client()  # apart from analyst_client, so a test can hold both
    client.force_login(secretary)
    return client


@pytest.fixture
def clerk(make_class):
    """A class in force with two duties."""
    job_class, adopted = make_class("Account Clerk", status="draft", code="AC-1")
    adopted.duties.create(position=1, text="Files records of accounts;")
    adopted.duties.create(position=2, text="Types letters and forms;")
    Version.objects.filter(pk=adopted.pk).update(status="adopted", adopted_on=datetime.date(2015, 6, 3))
    return job_class


@pytest.fixture
def draft(clerk, superuser):
    return workflow.start_revision(clerk, by=superuser)


@pytest.fixture
def proposed(draft, superuser):
    return workflow.propose(draft, by=superuser)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_starting_a_new_draft_copies_the_adopted_text_and_opens_the_draft(analyst_client, clerk):
    page = analyst_client.get(url("jobclass_change", clerk.pk)).content.decode()
    assert "Start a new draft from the adopted version" in page

    response = analyst_client.post(url("jobclass_revise", clerk.pk), follow=True)

    draft = clerk.versions.get(status="draft")
    assert response.redirect_chain[-1][0] == url("version_change", draft.pk)
    assert draft.number == 2 and draft.updated_by.username == "analyst"
    assert list(draft.duties.values_list("text", flat=True)) == [
        "Files records of accounts;",
        "Types letters and forms;",
    ]
    assert "is a new draft, a copy of the adopted text" in " ".join(messages_of(response))


def test_a_second_draft_is_refused_with_a_message_not_an_error_page(analyst_client, draft, clerk):
    response = analyst_client.post(url("jobclass_revise", clerk.pk), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url("jobclass_change", clerk.pk)
    assert any("already has version 2" in message for message in messages_of(response))
    assert clerk.versions.count() == 2


def test_proposing_sends_the_draft_to_a_meeting_of_its_jurisdiction(analyst_client, draft, clerk):
    meeting = Meeting.objects.create(jurisdiction=clerk.jurisdiction, date=datetime.date(2026, 5, 6))
    other = Jurisdiction.objects.create(name="Elsewhere", slug="elsewhere")
    elsewhere = Meeting.objects.create(jurisdiction=other, date=datetime.date(2026, 5, 6))
    page = analyst_client.get(url("version_propose", draft.pk)).content.decode()
    assert str(meeting) in page and str(elsewhere) not in page

    refused = analyst_client.post(url("version_propose", draft.pk), {"meeting": elsewhere.pk})
    assert refused.status_code == 200 and Version.objects.get(pk=draft.pk).status == "draft"

    response = analyst_client.post(url("version_propose", draft.pk), {"meeting": meeting.pk}, follow=True)

    stored = Version.objects.get(pk=draft.pk)
    assert (stored.status, stored.meeting) == ("proposed", meeting)
    assert "was proposed to the commission" in " ".join(messages_of(response))
    assert "its text is read-only" in response.content.decode()


def test_proposing_twice_gives_the_workflows_message(analyst_client, proposed):
    response = analyst_client.post(url("version_propose", proposed.pk), {"meeting": ""}, follow=True)

    assert response.status_code == 200
    assert any("Only a draft version can" in message for message in messages_of(response))


def test_the_secretary_returns_a_proposal_to_draft(secretary_client, proposed):
    response = secretary_client.post(url("version_return", proposed.pk), follow=True)

    assert Version.objects.get(pk=proposed.pk).status == "draft"
    assert "is a draft again" in " ".join(messages_of(response))


def test_adopting_with_a_date_and_reference_supersedes_the_text_in_force_and_retitles_the_class(
    secretary_client, proposed, clerk
):
    Version.objects.filter(pk=proposed.pk).update(title="ACCOUNT CLERK I", code="AC-2")

    response = secretary_client.post(
        url("version_adopt", proposed.pk), {"adopted_on": "2026-05-06", "reference": "Res. 2026-14"}, follow=True
    )

    adopted = Version.objects.get(pk=proposed.pk)
    assert (adopted.status, adopted.adopted_on, adopted.adoption_reference) == (
        "adopted",
        datetime.date(2026, 5, 6),
        "Res. 2026-14",
    )
    assert clerk.versions.get(number=1).status == "superseded"
    clerk.refresh_from_db()
    assert (clerk.title, clerk.code) == ("ACCOUNT CLERK I", "AC-2")
    assert "is now the text in force" in " ".join(messages_of(response))
    assert "a public record that can never change" in response.content.decode()


def test_adopting_at_a_meeting_takes_its_date_and_minutes_reference(secretary_client, proposed, clerk):
    meeting = Meeting.objects.create(
        jurisdiction=clerk.jurisdiction, date=datetime.date(2026, 7, 8), minutes_reference="CSM"
    )

    secretary_client.post(url("version_adopt", proposed.pk), {"meeting": meeting.pk, "adopted_on": "", "reference": ""})

    adopted = Version.objects.get(pk=proposed.pk)
    assert (adopted.adopted_on, adopted.adoption_reference, adopted.meeting) == (
        datetime.date(2026, 7, 8),
        "CSM",
        meeting,
    )


def test_adopting_without_a_meeting_or_a_date_asks_for_one_and_changes_nothing(secretary_client, proposed):
    response = secretary_client.post(url("version_adopt", proposed.pk), {"meeting": "", "adopted_on": ""})

    assert response.status_code == 200
    assert "Choose the meeting that adopted it, or give the date of adoption." in response.content.decode()
    assert Version.objects.get(pk=proposed.pk).status == "proposed"


@pytest.fixture
def meeting_with_two_proposals(make_class, superuser, clerk, proposed):
    meeting = Meeting.objects.create(
        jurisdiction=clerk.jurisdiction, date=datetime.date(2026, 9, 2), minutes_reference="Res. 2026-30"
    )
    typist, _ = make_class("Typist")
    second = workflow.start_revision(typist, by=superuser)
    Version.objects.filter(pk__in=[proposed.pk, second.pk]).update(meeting=meeting, status="proposed")
    return meeting, [proposed, second]


def test_a_meeting_lists_its_proposals_and_adopts_them_all_with_one_button(
    secretary_client, meeting_with_two_proposals
):
    meeting, versions = meeting_with_two_proposals
    page = secretary_client.get(url("meeting_change", meeting.pk)).content.decode()
    assert "Adopt every version proposed to this meeting" in page
    for version in versions:
        assert url("version_change", version.pk) in page

    response = secretary_client.post(url("meeting_adopt", meeting.pk), follow=True)

    assert [Version.objects.get(pk=v.pk).status for v in versions] == ["adopted", "adopted"]
    assert all(Version.objects.get(pk=v.pk).adopted_on == meeting.date for v in versions)
    assert any(message.startswith("Adopted (") for message in messages_of(response))
    assert meeting.packet_url() in response.content.decode()
    assert meeting.packet_url() == "/packets/tompkins-county/2026-09-02/pdf/"


def test_the_meeting_list_action_adopts_every_proposal_of_the_chosen_meetings(
    secretary_client, meeting_with_two_proposals
):
    meeting, versions = meeting_with_two_proposals

    secretary_client.post(url("meeting_changelist"), {"action": "adopt_proposed", "_selected_action": [meeting.pk]})

    assert [Version.objects.get(pk=v.pk).status for v in versions] == ["adopted", "adopted"]


def test_the_meeting_list_action_warns_of_a_meeting_with_nothing_proposed(secretary_client, clerk):
    meeting = Meeting.objects.create(jurisdiction=clerk.jurisdiction, date=datetime.date(2026, 10, 7))

    response = secretary_client.post(
        url("meeting_changelist"), {"action": "adopt_proposed", "_selected_action": [meeting.pk]}, follow=True
    )

    assert messages_of(response) == [f"No version is proposed to this meeting ({meeting}); nothing was adopted."]


def test_a_meeting_adopts_all_of_its_proposals_or_none(secretary_client, meeting_with_two_proposals, make_class):
    meeting, versions = meeting_with_two_proposals
    holder, _ = make_class("Bookkeeper")
    JobClass.objects.filter(pk=holder.pk).update(code="TY-9")
    Version.objects.filter(pk=versions[1].pk).update(code="TY-9")  # taken by another class: this one is refused

    response = secretary_client.post(url("meeting_adopt", meeting.pk), follow=True)

    assert response.status_code == 200
    assert [Version.objects.get(pk=v.pk).status for v in versions] == ["proposed", "proposed"]
    assert messages_of(response) and not any(message.startswith("Adopted") for message in messages_of(response))


def test_the_secretary_abolishes_a_class_and_it_leaves_search(secretary_client, clerk):
    from classes import search

    search.index_classes([clerk.pk])
    assert SearchDocument.objects.filter(job_class=clerk).exists()

    response = secretary_client.post(url("jobclass_abolish", clerk.pk), {"abolished_on": "2026-01-01"}, follow=True)

    clerk.refresh_from_db()
    assert clerk.abolished_on == datetime.date(2026, 1, 1)
    assert not SearchDocument.objects.filter(job_class=clerk).exists()
    assert "its adopted texts stay public" in " ".join(messages_of(response))
    again = secretary_client.post(url("jobclass_abolish", clerk.pk), {"abolished_on": "2026-02-01"}, follow=True)
    assert any("already abolished" in message for message in messages_of(again))


def test_a_review_with_no_change_is_recorded_from_the_class_page(analyst_client, analyst, clerk):
    page = analyst_client.get(url("jobclass_change", clerk.pk)).content.decode()
    assert "Record a review with no change" in page

    analyst_client.post(url("jobclass_review", clerk.pk), {"reviewed_on": "2026-02-03", "note": "Still accurate."})

    review = Review.objects.get(job_class=clerk)
    assert (review.reviewed_on, review.reviewed_by, review.note) == (
        datetime.date(2026, 2, 3),
        analyst,
        "Still accurate.",
    )
    assert clerk.versions.count() == 1


def test_a_review_in_the_future_is_refused(analyst_client, clerk):
    response = analyst_client.post(url("jobclass_review", clerk.pk), {"reviewed_on": "2999-01-01"})

    assert response.status_code == 200
    assert not Review.objects.exists()


@pytest.fixture
def review_queue(jurisdiction, make_class):
    """Classes adopted long ago, recently, and on no stated date, under a three-year review cycle."""
    jurisdiction.review_cycle_years = 3
    jurisdiction.save()
    make_class("Recent Clerk", adopted_on=datetime.date.today() - datetime.timedelta(days=30))
    make_class("Old Clerk", adopted_on=datetime.date(2012, 1, 10))
    make_class("Older Clerk", adopted_on=datetime.date(2009, 5, 5))
    make_class("Undated Clerk")
    soon = make_class("Soon Clerk", adopted_on=add_years(datetime.date.today(), -3) + datetime.timedelta(days=30))
    return soon


def queue_titles(client, **query):
    response = client.get(url("classdueforreview_changelist"), query)
    return [row.title for row in response.context["cl"].result_list]


def test_the_review_queue_lists_classes_due_and_overdue_oldest_first(analyst_client, review_queue):
    assert queue_titles(analyst_client) == ["Undated Clerk", "Older Clerk", "Old Clerk", "Soon Clerk"]
    page = analyst_client.get(url("classdueforreview_changelist")).content.decode()
    assert "overdue (never reviewed)" in page and "overdue since January 10, 2015" in page


def test_a_review_recorded_from_the_queue_takes_the_class_off_it(analyst_client, review_queue):
    old = JobClass.objects.get(title="Old Clerk")
    queue = url("classdueforreview_changelist")
    assert f"{url('jobclass_review', old.pk)}?next={queue}" in analyst_client.get(queue).content.decode()

    response = analyst_client.post(
        url("jobclass_review", old.pk), {"reviewed_on": datetime.date.today().isoformat(), "next": queue}
    )

    assert response["Location"] == queue
    assert "Old Clerk" not in queue_titles(analyst_client)


def test_the_queue_action_records_a_review_of_each_chosen_class(secretary_client, secretary, review_queue):
    chosen = JobClass.objects.filter(title__in=["Older Clerk", "Undated Clerk"])

    secretary_client.post(
        url("classdueforreview_changelist"),
        {"action": "record_reviews", "_selected_action": [job_class.pk for job_class in chosen]},
    )

    assert set(Review.objects.values_list("job_class__title", "reviewed_by")) == {
        ("Older Clerk", secretary.pk),
        ("Undated Clerk", secretary.pk),
    }
    assert queue_titles(secretary_client) == ["Old Clerk", "Soon Clerk"]


def test_the_comparison_before_proposing_marks_inserted_and_deleted_words(analyst_client, draft):
    duty = draft.duties.get(position=2)
    duty.text = "Types memoranda and forms;"
    duty.save()
    page = analyst_client.get(url("version_change", draft.pk)).content.decode()
    assert url("version_compare", draft.pk) in page

    response = analyst_client.get(url("version_compare", draft.pk))

    compared = response.content.decode()
    assert response.status_code == 200
    assert '<del><span class="diff-label">deleted: </span>letters</del>' in compared
    assert '<ins><span class="diff-label">inserted: </span>memoranda</ins>' in compared
    assert "How changes are marked" in compared
    assert "1 of 2 parts changed." in compared


def test_the_comparison_says_so_when_a_class_has_no_adopted_text(analyst_client, make_class):
    _, first_draft = make_class("Records Clerk", status="draft")

    response = analyst_client.get(url("version_compare", first_draft.pk))

    assert response.status_code == 200
    assert "has no adopted text to compare with" in response.content.decode()


def test_the_changes_to_a_versions_text_name_each_field_who_and_when_newest_first(analyst_client, analyst, draft):
    form = form_data(analyst_client.get(url("version_change", draft.pk)).content.decode(), "version_form")
    form["duties-0-text"] = ["Files and audits records of accounts;"]
    form["title"] = ["ACCOUNT CLERK I"]
    analyst_client.post(url("version_change", draft.pk), form)

    response = analyst_client.get(url("version_changes", draft.pk))

    changes = response.context["changes"]
    assert changes[0].when >= changes[-1].when
    edited = {change.what: change for change in changes if change.kind == "Changed"}
    duty = edited["Duty 1: Files and audits records of accounts;"]
    assert duty.who == analyst
    assert [(f.name, f.old, f.new) for f in duty.fields] == [
        ("Text", "Files records of accounts;", "Files and audits records of accounts;")
    ]
    version_fields = [(f.name, f.old, f.new) for f in edited["Version 2: title, headings and prose"].fields]
    assert ("Title", "Account Clerk", "ACCOUNT CLERK I") in version_fields
    assert "Alex Analyst" in response.content.decode()


def test_the_audit_trail_is_kept_after_adoption_and_cannot_restore_a_past_state(
    superuser, analyst_client, secretary_client, draft
):
    form = form_data(analyst_client.get(url("version_change", draft.pk)).content.decode(), "version_form")
    form["title"] = ["ACCOUNT CLERK I"]
    analyst_client.post(url("version_change", draft.pk), form)
    workflow.propose(draft, by=superuser)
    workflow.adopt(draft, by=superuser, adopted_on=datetime.date(2026, 5, 6))

    history = secretary_client.get(url("version_history", draft.pk))
    changes = secretary_client.get(url("version_changes", draft.pk)).content.decode()

    assert history.status_code == 200 and "Alex Analyst" in changes
    record = Version.audit_trail.filter(id=draft.pk).last()
    assert secretary_client.get(url("version_simple_history", draft.pk, record.history_id)).status_code == 200
    refused = secretary_client.post(url("version_simple_history", draft.pk, record.history_id), {"title": "OLD"})
    assert refused.status_code == 403
    assert Version.objects.get(pk=draft.pk).title == "ACCOUNT CLERK I"
