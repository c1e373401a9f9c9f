"""The commission's cycle in the workflow: a proposal goes on a meeting's agenda or off it at any time before
adoption, and the analyst who proposed it may withdraw it."""

import datetime

import pytest

from classes import workflow
from classes.models import Jurisdiction, Meeting, Version
from classes.workflow import WorkflowError

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(make_class, analyst):
    """Account Clerk, proposed by the analyst to no meeting yet."""
    _, draft = make_class("Account Clerk", status="draft")
    draft.duties.create(position=1, text="Keeps the ledger;")
    return workflow.propose(draft, by=analyst)


@pytest.fixture
def meeting(jurisdiction):
    return Meeting.objects.create(
        jurisdiction=jurisdiction, date=datetime.date(2026, 12, 1), minutes_reference="Res. 9"
    )


def refusal(step, *args, **kwargs):
    with pytest.raises(WorkflowError) as raised:
        step(*args, **kwargs)
    return str(raised.value)


def test_a_proposal_made_before_the_meeting_existed_is_put_on_its_agenda_later(proposal, analyst, meeting):
    scheduled = workflow.put_on_agenda(proposal, by=analyst, meeting=meeting)

    assert (scheduled.status, scheduled.meeting) == ("proposed", meeting)
    assert list(meeting.agenda()) == [scheduled]


def test_a_proposal_moves_to_another_meeting_and_comes_off_the_agenda_still_proposed(proposal, secretary, meeting):
    later = Meeting.objects.create(jurisdiction=meeting.jurisdiction, date=datetime.date(2027, 1, 5))
    workflow.put_on_agenda(proposal, by=secretary, meeting=meeting)

    moved = workflow.put_on_agenda(proposal, by=secretary, meeting=later)
    assert (list(meeting.agenda()), list(later.agenda())) == ([], [moved])

    taken_off = workflow.take_off_agenda(proposal, by=secretary)
    assert (taken_off.status, taken_off.meeting) == ("proposed", None)


def test_the_agenda_of_another_jurisdictions_meeting_is_refused(proposal, analyst):
    elsewhere = Jurisdiction.objects.create(name="Elsewhere", slug="elsewhere")
    theirs = Meeting.objects.create(jurisdiction=elsewhere, date=datetime.date(2026, 12, 1))

    assert "is not a meeting of Tompkins County" in refusal(
        workflow.put_on_agenda, proposal, by=analyst, meeting=theirs
    )
    assert Version.objects.get(pk=proposal.pk).meeting is None


def test_an_adopted_version_is_neither_put_on_an_agenda_nor_taken_off_it(proposal, secretary, meeting):
    workflow.adopt(proposal, by=secretary, meeting=meeting)

    assert refusal(workflow.take_off_agenda, proposal, by=secretary).startswith("Only a proposed version can")
    assert refusal(workflow.put_on_agenda, proposal, by=secretary, meeting=meeting).startswith(
        "Only a proposed version can"
    )


def test_taking_off_the_agenda_a_proposal_on_none_says_so(proposal, secretary):
    assert refusal(workflow.take_off_agenda, proposal, by=secretary) == (
        "Version 1 of Account Clerk is on no meeting's agenda."
    )


def test_the_analyst_who_proposed_a_version_withdraws_it_and_it_leaves_the_agenda(proposal, analyst, meeting):
    workflow.put_on_agenda(proposal, by=analyst, meeting=meeting)

    withdrawn = workflow.withdraw(proposal, by=analyst)

    assert (withdrawn.status, withdrawn.meeting, withdrawn.proposed_by) == ("draft", None, None)
    assert list(withdrawn.duties.values_list("text", flat=True)) == ["Keeps the ledger;"]
    assert workflow.propose(withdrawn, by=analyst).status == "proposed"


def test_another_analyst_cannot_withdraw_the_proposal(proposal, make_user):
    colleague = make_user("colleague", "HR analyst", first_name="Cory")

    assert refusal(workflow.withdraw, proposal, by=colleague) == (
        "Only the analyst who proposed version 1 of Account Clerk, Alex Analyst, can withdraw it; "
        "the commission can return it to draft."
    )
    assert Version.objects.get(pk=proposal.pk).status == "proposed"


def test_a_proposal_returned_to_draft_has_no_proposer_until_proposed_again(proposal, analyst, secretary):
    returned = workflow.return_to_draft(proposal, by=secretary)
    assert returned.proposed_by is None

    again = workflow.propose(returned, by=secretary)
    assert again.proposed_by == secretary and not again.can_be_withdrawn_by(analyst)
