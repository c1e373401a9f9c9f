"""A version prints its own adoption: the legacy history it carries, then when, where and by which resolution it was
adopted; the history block keeps every legacy date and every adoption."""

import datetime

import pytest

from classes import workflow
from classes.models import JobClass, Meeting
from tests.pagetext import page_text
from tests.specs.test_documents import fetch_pdf, normalised, pdftotext

pytestmark = pytest.mark.django_db

CAYUGA = "CHILD SUPPORT ENFORCEMENT COORDINATOR"
LEGACY_LINE = ["Adoption: CSM 11/19/77", "Revised: CSM 3/14/90, 08/13/03, 10/15/03, 12/8/04; 7/13/05"]
OWN_LINE = "Adopted: 12/1/2026, Cayuga County Civil Service Commission, regular meeting, Res. 2026-31"
LEGACY_DATES = ["11/19/1977", "3/14/1990", "8/13/2003", "10/15/2003", "12/8/2004"]


@pytest.fixture
def revision(seeds, analyst):
    """A revision of the Cayuga seed adopted at the commission's meeting of December 1, 2026."""
    job_class = JobClass.objects.get(title=CAYUGA)
    jurisdiction = job_class.jurisdiction
    jurisdiction.name, jurisdiction.commission_name = "Cayuga County", "Cayuga County Civil Service Commission"
    jurisdiction.save()
    meeting = Meeting.objects.create(
        jurisdiction=jurisdiction, date=datetime.date(2026, 12, 1), minutes_reference="Res. 2026-31"
    )
    draft = workflow.start_revision(job_class, by=analyst)
    return workflow.adopt(workflow.propose(draft, by=analyst, meeting=meeting), by=analyst)


def test_a_revision_prints_the_legacy_line_it_carries_then_its_own_adoption(revision):
    assert revision.adoption_line.splitlines() == [*LEGACY_LINE, OWN_LINE]


def test_the_version_it_superseded_keeps_the_line_it_printed(revision):
    superseded = revision.job_class.versions.get(number=1)
    assert superseded.adoption_line.splitlines() == LEGACY_LINE


def test_the_revisions_page_and_print_show_its_own_adoption_under_the_legacy_line(client, revision):
    for address in [revision.get_absolute_url(), revision.get_absolute_url() + "print/"]:
        text = page_text(client.get(address).content.decode())
        assert " ".join([*LEGACY_LINE, OWN_LINE]) in text, address


def test_the_revisions_pdf_shows_its_own_adoption(client, revision, tmp_path):
    text = normalised(pdftotext(fetch_pdf(client, revision.get_absolute_url() + "pdf/", tmp_path)))
    assert normalised(" ".join([*LEGACY_LINE, OWN_LINE])) in text


def test_the_history_keeps_every_legacy_date_and_every_adoption(client, revision):
    text = page_text(client.get(revision.get_absolute_url()).content.decode())
    history = text[text.index("Adoption and revision history") :]
    for day in LEGACY_DATES:
        assert day in history
    assert "Version 1 adopted 7/13/2005" in history
    assert "This text adopted 12/1/2026 (Res. 2026-31)" in history


def test_the_superseded_texts_history_reads_as_it_did_when_it_was_adopted(client, revision):
    superseded = revision.job_class.versions.get(number=1)
    text = page_text(client.get(superseded.get_absolute_url()).content.decode())
    assert "This text adopted 7/13/2005" in text
    assert "12/1/2026" not in text


def test_a_legacy_text_entered_with_its_date_prints_its_source_line_alone(make_class, analyst):
    _, draft = make_class("Typist", status="draft", adoption_line="APPROVED: JULY 23, 2015")
    workflow.propose(draft, by=analyst)
    adopted = workflow.adopt(draft, by=analyst, adopted_on=datetime.date(2015, 7, 23))
    assert adopted.adoption_line == "APPROVED: JULY 23, 2015"


def test_a_first_text_adopted_at_a_meeting_prints_that_adoption(make_class, analyst, jurisdiction):
    meeting = Meeting.objects.create(jurisdiction=jurisdiction, date=datetime.date(2026, 5, 6), kind="special")
    _, draft = make_class("Typist", status="draft")
    adopted = workflow.adopt(workflow.propose(draft, by=analyst, meeting=meeting), by=analyst)
    assert adopted.adoption_line == "Adopted: 5/6/2026, special meeting"
