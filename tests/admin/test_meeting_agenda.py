"""The commission's cycle in the admin: each proposal's agenda and withdrawal steps, the meeting page listing its
agenda and adopting it in one action, and the meeting's agenda packet before and adoption packet after."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from classes import workflow
from classes.models import Meeting, Version
from tests.specs.test_documents import normalised, pdftotext

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"admin:classes_{name}", args=args)


def messages_of(response):
    return " ".join(str(message) for message in response.context["messages"])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def commission(jurisdiction):
    jurisdiction.commission_name = "Tompkins County Civil Service Commission"
    jurisdiction.save()
    return Meeting.objects.create(
        jurisdiction=jurisdiction, date=datetime.date(2026, 12, 1), minutes_reference="Res. 2026-31"
    )


@pytest.fixture
def proposals(make_class, analyst, superuser):
    """A revision of Account Clerk (in force since 2015) and a new class, Typist, both proposed by the analyst to
    no meeting yet."""
    clerk, first = make_class("Account Clerk", status="draft")
    first.duties.create(position=1, text="Files records of accounts;")
    workflow.adopt(workflow.propose(first, by=superuser), by=superuser, adopted_on=datetime.date(2015, 6, 3))
    revision = workflow.start_revision(clerk, by=analyst)
    revision.duties.update(text="Files and reconciles records of accounts;")
    _, typist = make_class("Typist", status="draft")
    typist.duties.create(position=1, text="Types letters;")
    return [workflow.propose(version, by=analyst) for version in (revision, typist)]


def test_an_analyst_puts_a_proposal_on_a_meeting_made_after_it(analyst, proposals, commission):
    client = signed_in(analyst)
    revision = proposals[0]
    page = client.get(url("version_change", revision.pk)).content.decode()
    assert ">Put on a meeting&#x27;s agenda</a>" in page and ">Take off the agenda</a>" not in page

    response = client.post(url("version_agenda", revision.pk), {"meeting": commission.pk}, follow=True)

    assert Version.objects.get(pk=revision.pk).meeting == commission
    assert "is on the agenda of Tompkins County: regular meeting of December 1, 2026" in messages_of(response)
    assert ">Take off the agenda</a>" in response.content.decode()


def test_the_secretary_takes_a_proposal_off_the_agenda(secretary, proposals, commission):
    workflow.put_on_agenda(proposals[0], by=secretary, meeting=commission)

    response = signed_in(secretary).post(url("version_unschedule", proposals[0].pk), follow=True)

    stored = Version.objects.get(pk=proposals[0].pk)
    assert (stored.status, stored.meeting) == ("proposed", None)
    assert "was taken off the agenda; it is still proposed" in messages_of(response)


def test_only_the_analyst_who_proposed_a_version_is_offered_its_withdrawal(analyst, make_user, proposals):
    colleague = signed_in(make_user("colleague", "HR analyst"))
    assert ">Withdraw the proposal</a>" not in colleague.get(url("version_change", proposals[0].pk)).content.decode()

    assert colleague.post(url("version_withdraw", proposals[0].pk)).status_code == 403
    assert Version.objects.get(pk=proposals[0].pk).status == "proposed"

    client = signed_in(analyst)
    assert ">Withdraw the proposal</a>" in client.get(url("version_change", proposals[0].pk)).content.decode()
    response = client.post(url("version_withdraw", proposals[0].pk), follow=True)
    assert Version.objects.get(pk=proposals[0].pk).status == "draft"
    assert "was withdrawn and is a draft again" in messages_of(response)


def test_the_meeting_page_lists_its_agenda_and_adopts_it_in_one_action(secretary, analyst, proposals, commission):
    for proposal in proposals:
        workflow.put_on_agenda(proposal, by=analyst, meeting=commission)
    client = signed_in(secretary)
    page = client.get(url("meeting_change", commission.pk)).content.decode()
    assert "Agenda: versions proposed to this meeting" in page
    assert all(url("version_change", proposal.pk) in page for proposal in proposals)
    assert ">Agenda packet (PDF)</a>" in page

    response = client.post(url("meeting_adopt", commission.pk), follow=True)

    adopted = Version.objects.filter(pk__in=[p.pk for p in proposals])
    assert {(v.status, v.adopted_on, v.adoption_reference) for v in adopted} == {
        ("adopted", commission.date, "Res. 2026-31")
    }
    assert "Adopted (" in messages_of(response)
    assert commission.packet_url() in response.content.decode()


def test_the_agenda_packet_shows_each_proposed_text_after_its_changes_from_the_text_in_force(
    secretary, analyst, proposals, commission, tmp_path
):
    for proposal in proposals:
        workflow.put_on_agenda(proposal, by=analyst, meeting=commission)

    response = signed_in(secretary).get(url("meeting_agenda-packet", commission.pk))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "agenda.pdf"
    path.write_bytes(response.content)
    pages = [normalised(page) for page in pdftotext(path).split("\f")]
    assert "Tompkins County Civil Service Commission" in pages[0]
    assert "Agenda packet" in pages[0]
    assert "Regular meeting of December 1, 2026" in pages[0] and "Res. 2026-31" in pages[0]
    revision = next(page for page in pages if "Account Clerk: version 2, proposed" in page)
    assert "Changes from version 1, in force since June 3, 2015" in revision
    assert "inserted: and reconciles" in revision.replace("INSERTED", "inserted")
    assert "Files and reconciles records of accounts;" in revision
    typist = next(page for page in pages if "Typist: version 1, proposed" in page)
    assert "A new class" in typist and "Types letters;" in typist


def test_the_agenda_packet_is_for_staff_only(client, proposals, commission, analyst):
    workflow.put_on_agenda(proposals[0], by=analyst, meeting=commission)

    response = client.get(url("meeting_agenda-packet", commission.pk))

    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_the_adoption_packet_cover_names_the_commission_the_meeting_and_the_resolution(
    client, secretary, analyst, proposals, commission, tmp_path
):
    for proposal in proposals:
        workflow.put_on_agenda(proposal, by=analyst, meeting=commission)
    workflow.adopt_meeting(commission, by=secretary)

    response = client.get("/packets/tompkins-county/2026-12-01/pdf/")

    assert response.status_code == 200
    path = tmp_path / "packet.pdf"
    path.write_bytes(response.content)
    pages = [normalised(page) for page in pdftotext(path).split("\f")]
    assert "Tompkins County Civil Service Commission" in pages[0] and "Adoption packet" in pages[0]
    assert "Regular meeting of December 1, 2026" in pages[0] and "Res. 2026-31" in pages[0]
    assert "Account Clerk" in pages[0] and "Typist" in pages[0]
    assert any("Adopted: 12/1/2026, Tompkins County Civil Service Commission" in page for page in pages[1:])
