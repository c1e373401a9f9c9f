"""Rendered public pages are kept, answered with validators, and retired exactly when what they show changes."""

import datetime
import pickle

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classes import caching, search, workflow
from classes.models import CatalogueEdition, Department, Version
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

DRAFT_WORDS = "Reconciles the petty cash of the moon base"


@pytest.fixture
def clerk(make_class, jurisdiction):
    """Account Clerk, version 1 adopted, in the Finance department."""
    finance = Department.objects.create(jurisdiction=jurisdiction, name="Finance")
    job_class, first = make_class("Account Clerk", status="draft", department=finance)
    first.duties.create(position=1, text="Keeps the weekly ledger;")
    publish(first, adopted_on=datetime.date(2003, 8, 13))
    return job_class


def class_url(job_class, tail=""):
    return f"/classes/{job_class.jurisdiction.slug}/{job_class.slug}/{tail}"


def adopt_revision(job_class, duty):
    draft = workflow.start_revision(job_class, by=None)
    draft.duties.all().delete()
    draft.duties.create(position=1, text=duty)
    workflow.propose(draft, by=None)
    return workflow.adopt(draft, by=None, adopted_on=datetime.date(2024, 1, 1))


def queries_for(client, address, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, headers=headers)
    return response, len(queries)


def kept_values(*aliases):
    """Everything the page caches named hold (all of them if none is), as bytes (LocMemCache keeps values pickled)."""
    kept = [caches[alias] for alias in aliases] or caches.all()
    return [pickle.loads(value) for cache in kept for value in cache._cache.values()]


@pytest.mark.parametrize("tail", ["", "versions/1/", "versions/1/print/", "versions/1/pdf/"])
def test_a_page_asked_again_is_not_rendered_again(client, clerk, tail):
    first, first_queries = queries_for(client, class_url(clerk, tail))
    again, again_queries = queries_for(client, class_url(clerk, tail))

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert first_queries > 5 and again_queries == 1  # only reading the edition (tests read it at every request)
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("address", ["/", "/classes/", "/classes/?jurisdiction=tompkins-county&requirement=license"])
def test_the_home_page_and_lists_by_filters_are_kept_per_address(client, clerk, address):
    first, first_queries = queries_for(client, address)
    again, again_queries = queries_for(client, address)

    assert first.status_code == again.status_code == 200
    assert again.content == first.content and first_queries > 1 and again_queries == 1
    other, _ = queries_for(client, "/classes/?jurisdiction=tompkins-county&status=abolished")
    assert "Account Clerk" not in page_text(other.content.decode())  # another address, another list


def test_a_search_asked_again_is_not_rendered_again(client, clerk):
    search.index_classes([clerk.pk])
    first, first_queries = queries_for(client, "/classes/?q=ledger")
    again, again_queries = queries_for(client, "/classes/?q=ledger")

    assert "Account Clerk" in page_text(again.content.decode())
    assert again.content == first.content and first_queries > 1 and again_queries == 1
    assert kept_values("searches") == [again.content] and again.content not in kept_values("default")


def test_searches_asked_once_push_out_other_searches_never_a_kept_list(client, clerk, settings):
    settings.CACHES = {**settings.CACHES, "searches": {**settings.CACHES["searches"], "OPTIONS": {"MAX_ENTRIES": 3}}}
    search.index_classes([clerk.pk])
    client.get("/classes/")
    client.get("/classes/?q=ledger")

    for word in ["clerk", "account", "weekly", "keeps", "finance", "ledgers"]:
        client.get("/classes/", {"q": word})

    assert queries_for(client, "/classes/")[1] == 1
    assert queries_for(client, "/classes/?q=ledger")[1] > 1


@pytest.mark.parametrize("address", ["/classes/", "/classes/?q=clerk"])
def test_a_new_adoption_changes_a_kept_list_or_search(client, clerk, make_class, address):
    search.index_classes([clerk.pk])
    assert "Payroll Clerk" not in page_text(client.get(address).content.decode())

    _, payroll = make_class("Payroll Clerk", status="draft")
    workflow.propose(payroll, by=None)
    workflow.adopt(payroll, by=None, adopted_on=datetime.date(2024, 1, 1))

    assert "Payroll Clerk" in page_text(client.get(address).content.decode())


def test_validators_answer_an_unchanged_page_with_304(client, clerk):
    first = client.get(class_url(clerk))
    assert first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]

    response, queries = queries_for(client, class_url(clerk), if_none_match=first["ETag"])
    assert response.status_code == 304 and response.content == b""
    assert queries == 1


def test_a_permanent_version_address_may_be_kept_a_day_by_a_shared_cache(client, clerk):
    for tail in ("versions/1/", "versions/1/print/", "versions/1/pdf/"):
        assert "max-age=86400" in client.get(class_url(clerk, tail))["Cache-Control"]


def test_a_new_adoption_changes_the_class_page_at_once(client, clerk):
    before = client.get(class_url(clerk))
    assert "Keeps the weekly ledger;" in page_text(before.content.decode())

    adopt_revision(clerk, "Keeps the ledger in the accounting system.")

    after = client.get(class_url(clerk))
    assert "Keeps the ledger in the accounting system." in page_text(after.content.decode())
    assert "Keeps the weekly ledger;" not in page_text(after.content.decode())
    assert after["ETag"] != before["ETag"]
    assert client.get(class_url(clerk), headers={"if-none-match": before["ETag"]}).status_code == 200


def test_a_permanent_version_keeps_its_text_and_says_it_was_superseded(client, clerk):
    before = page_text(client.get(class_url(clerk, "versions/1/")).content.decode())
    pdf_before = client.get(class_url(clerk, "versions/1/pdf/")).content

    adopt_revision(clerk, "Keeps the ledger in the accounting system.")

    after = page_text(client.get(class_url(clerk, "versions/1/")).content.decode())
    assert "Keeps the weekly ledger;" in after and "accounting system" not in after
    assert "a superseded text kept as a public record" in after
    spec_before, spec_after = (text[text.index("Account Clerk") :] for text in (before, after))
    assert spec_after.split("Keeps the weekly ledger;")[1] == spec_before.split("Keeps the weekly ledger;")[1]
    pdf_after = client.get(class_url(clerk, "versions/1/pdf/")).content
    assert pdf_after != pdf_before  # its print now says "Superseded", as the print page does
    assert client.get(class_url(clerk, "versions/1/pdf/")).content == pdf_after


def test_a_department_renamed_in_the_admin_changes_the_pages_that_show_it(client, admin_client, clerk):
    assert "Finance" in page_text(client.get(class_url(clerk)).content.decode())

    department = Department.objects.get(name="Finance")
    change = reverse("admin:classes_department_change", args=[department.pk])
    renamed = {"name": "Department of Finance and Budget", "jurisdiction": department.jurisdiction_id}
    assert admin_client.post(change, renamed).status_code == 302

    assert "Department of Finance and Budget" in page_text(client.get(class_url(clerk)).content.decode())


def test_renaming_a_department_only_drafts_name_starts_no_edition(admin_client, clerk):
    department = Department.objects.create(jurisdiction=clerk.jurisdiction, name="Planning")
    draft = workflow.start_revision(clerk, by=None)
    Version.objects.filter(pk=draft.pk).update(department=department)
    edition = CatalogueEdition.objects.get().number

    change = reverse("admin:classes_department_change", args=[department.pk])
    assert (
        admin_client.post(change, {"name": "Planning Board", "jurisdiction": clerk.jurisdiction_id}).status_code == 302
    )

    assert CatalogueEdition.objects.get().number == edition


def test_a_draft_never_enters_any_cache(client, clerk, settings):
    edition = CatalogueEdition.objects.get().number
    draft = workflow.start_revision(clerk, by=None)
    draft.duties.create(position=2, text=DRAFT_WORDS)
    assert CatalogueEdition.objects.get().number == edition  # writing a draft is no change the public sees

    pages = ["", "versions/1/", "versions/1/print/", "versions/1/pdf/", "versions/2/", "versions/2/print/"]
    answers = {tail: client.get(class_url(clerk, tail)).status_code for tail in [*pages, "versions/2/pdf/"]}
    search.index_classes([clerk.pk])
    for q in ["petty cash", "moon base", "ledger"]:
        assert client.get("/classes/", {"q": q}).status_code == 200

    assert answers["versions/2/"] == answers["versions/2/print/"] == answers["versions/2/pdf/"] == 404
    assert not any(DRAFT_WORDS.encode() in value for value in kept_values())
    kept_files = sorted(path.name for path in settings.RENDERED_ROOT.iterdir())
    assert kept_files == [f"version-{clerk.versions.get(number=1).pk}-adopted"]


def test_a_worker_trusts_the_edition_it_read_for_a_few_seconds(client, clerk, settings, monkeypatch):
    settings.CATALOGUE_EDITION_TTL = 2
    clock = [1000.0]
    monkeypatch.setattr(caching.time, "monotonic", lambda: clock[0])
    client.get(class_url(clerk))

    response, queries = queries_for(client, class_url(clerk))
    assert response.status_code == 200 and queries == 0  # a kept page, and an edition read less than two seconds ago

    adopt_revision(clerk, "Keeps the ledger in the accounting system.")
    assert "accounting system" not in page_text(client.get(class_url(clerk)).content.decode())
    clock[0] += 2
    assert "accounting system" in page_text(client.get(class_url(clerk)).content.decode())
