"""Each jurisdiction has a page: its commission, and its current classes by department and series."""

import pytest

from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


def test_a_jurisdiction_page_names_its_commission_and_lists_classes_by_department(client, seeds):
    text = page_text(client.get("/jurisdictions/cayuga-county/").content.decode())

    assert "Cayuga County Department of Human Resources and Civil Service Commission" in text
    assert "Department of Social Services CHILD SUPPORT ENFORCEMENT COORDINATOR" in text
    assert "1 current class" in text


def test_a_jurisdiction_page_shows_its_series_as_a_ladder(client, seeds):
    text = page_text(client.get("/jurisdictions/career-service-authority/").content.decode())

    assert "Class series Case Management Coordinator Case Management Coordinator I" in text


def test_a_jurisdiction_page_never_lists_drafts(client, make_class):
    make_class("Account Clerk")
    make_class("Budget Analyst", status="draft")

    text = page_text(client.get("/jurisdictions/tompkins-county/").content.decode())

    assert "Account Clerk" in text and "Budget Analyst" not in text


def test_an_unknown_jurisdiction_is_404(client, db):
    assert client.get("/jurisdictions/atlantis/").status_code == 404


def test_the_home_page_links_every_jurisdiction_and_offers_search(client, seeds):
    html = client.get("/").content.decode()

    assert 'href="/jurisdictions/unnamed-employer-a/"' in html
    assert 'role="search"' in html and 'name="q"' in html
