"""Every admin page in the admin's look: the import page reached from the index and reporting in plain words, a
refusal that names the permission it needs with a way back, and version lists whose links each say where they go."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classes import workflow
from tests.importer.uploading import read_to_the_end, uploaded_batch
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

# Written for this test: a short spec in the shape the importer reads.
SPEC = b"""TOWN RECORDS ASSISTANT

DISTINGUISHING FEATURES OF THE CLASS: Keeps the town's records in order and answers questions about them.

TYPICAL WORK ACTIVITIES:
1. Files deeds and permits;
2. Answers questions at the counter;

MINIMUM QUALIFICATIONS: Graduation from high school and two years of clerical experience.
"""


def test_the_admin_index_links_to_the_import_page_for_those_who_may_import(client, analyst, viewer):
    client.force_login(analyst)
    assert reverse("import_specs") in client.get(reverse("admin:index")).content.decode()

    client.force_login(viewer)
    assert reverse("import_specs") not in client.get(reverse("admin:index")).content.decode()


def test_the_import_page_wears_the_admins_header_and_user_links(analyst_client):
    page = analyst_client.get(reverse("import_specs")).content.decode()

    assert "civilspec administration" in page
    assert reverse("admin:logout") in page
    assert 'class="submit-row"' in page


def test_the_import_report_says_its_facts_in_plain_words(analyst_client, jurisdiction):
    upload = SimpleUploadedFile("town-records-assistant.txt", SPEC)
    batch = uploaded_batch(analyst_client, jurisdiction, upload, after_reading="dry_run")
    read_to_the_end(analyst_client, batch)

    response = analyst_client.get(batch.documents.get().get_absolute_url())

    text = page_text(response.content.decode(), root_tag="body")
    assert "This batch is a dry run: nothing of it can be saved." in text
    assert "Items of each part" in text
    assert "Duties: 2" in text
    report = text[text.index("What was read") :]
    assert "{" not in report and "'" not in report.replace("town's", "")
    assert "_" not in report


def test_a_refused_step_names_the_permission_it_needs_and_links_back(client, viewer, make_class, superuser):
    job_class, _ = make_class("Typist")
    proposal = workflow.propose(workflow.start_revision(job_class, by=superuser), by=superuser)
    client.force_login(viewer)
    came_from = reverse("admin:classes_version_change", args=[proposal.pk])

    response = client.post(reverse("admin:classes_version_adopt", args=[proposal.pk]), HTTP_REFERER=came_from)

    assert response.status_code == 403
    text = page_text(response.content.decode(), root_tag="body")
    assert "This needs the permission “Can adopt a proposed version or return it to draft”" in text
    assert "civilspec administration" in text
    assert f'href="{came_from}"' in response.content.decode()


def test_a_refused_admin_page_names_the_permission_from_its_address(client, viewer):
    client.force_login(viewer)

    response = client.get(reverse("admin:classes_meeting_add"))

    assert response.status_code == 403
    assert "“Can add meeting” (classes.add_meeting)" in page_text(response.content.decode(), root_tag="body")
    assert f'href="{reverse("admin:index")}"' in response.content.decode()


def test_a_withdrawal_refused_to_another_analyst_says_whose_it_is(client, make_user, make_class, superuser):
    job_class, _ = make_class("Typist")
    proposal = workflow.propose(workflow.start_revision(job_class, by=superuser), by=superuser)
    client.force_login(make_user("colleague", "HR analyst"))

    response = client.post(reverse("admin:classes_version_withdraw", args=[proposal.pk]))

    assert response.status_code == 403
    assert "Only the analyst who proposed a version may withdraw it" in response.content.decode()


def test_a_classs_versions_link_to_their_page_and_their_public_page_in_words_of_their_own(
    analyst_client, make_class, superuser
):
    job_class, first = make_class("Typist", status="draft")
    workflow.adopt(workflow.propose(first, by=superuser), by=superuser, adopted_on=datetime.date(2020, 1, 2))
    workflow.start_revision(job_class, by=superuser)

    page = analyst_client.get(reverse("admin:classes_jobclass_change", args=[job_class.pk])).content.decode()

    assert page.count("View on site") == 1  # the class's own, among the page's tools
    assert f'<a href="{first.get_absolute_url()}">Version 1 on the public site</a>' in page
    assert "none (not public)" in page
