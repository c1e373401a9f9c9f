"""The public list and class page show adopted text only, as semantic HTML."""

import re

import pytest

from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_classes_with_an_adopted_version(client, make_class):
    make_class("Account Clerk", status="adopted")
    make_class("Budget Analyst", status="draft")
    make_class("Caseworker", status="proposed")

    text = page_text(client.get("/classes/").content.decode())

    assert "Account Clerk" in text
    assert "Budget Analyst" not in text
    assert "Caseworker" not in text
    assert "1 class Account Clerk" in text


def test_an_abolished_class_leaves_the_list_but_its_page_stays_public(client, make_class):
    job_class, _ = make_class("Keypunch Operator")
    job_class.abolished_on = "2001-05-01"
    job_class.save()

    assert "Keypunch Operator" not in page_text(client.get("/classes/").content.decode())
    page = client.get(job_class.get_absolute_url())
    assert page.status_code == 200
    assert "was abolished on May 1, 2001" in page_text(page.content.decode())


def test_a_class_with_only_a_draft_has_no_public_page(client, make_class):
    job_class, _ = make_class("Budget Analyst", status="draft")

    assert client.get(job_class.get_absolute_url()).status_code == 404


def test_a_proposed_version_is_not_shown_in_place_of_the_adopted_one(client, make_class):
    job_class, _ = make_class("Account Clerk", distinguishing_features="The adopted wording.")
    job_class.versions.create(
        number=2, status="proposed", title="Account Clerk", distinguishing_features="The proposed wording."
    )

    text = page_text(client.get(job_class.get_absolute_url()).content.decode())

    assert "The adopted wording." in text
    assert "The proposed wording." not in text


def test_an_unknown_class_is_404(client, seeds):
    assert client.get("/classes/cayuga-county/no-such-class/").status_code == 404
    assert client.get("/classes/no-such-county/child-support-enforcement-coordinator/").status_code == 404


def test_the_class_page_has_one_h1_holding_the_title_and_a_heading_per_part(client, seeds):
    html = client.get("/classes/cayuga-county/child-support-enforcement-coordinator/").content.decode()

    assert re.findall(r"<h1>(.*?)</h1>", html) == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[:6] == [
        "DISTINGUISHING FEATURES OF THE CLASS",
        "TYPICAL WORK ACTIVITIES: (Illustrative Only)",
        "FULL PERFORMANCE KNOWLEDGES, SKILLS, ABILITIES, PERSONAL CHARACTERISTICS",
        "MINIMUM QUALIFICATIONS",
        "SPECIAL REQUIREMENT",
        "Adoption and revision history",
    ]


def test_duties_and_ksas_are_list_items(client, seeds):
    html = client.get("/classes/cayuga-county/child-support-enforcement-coordinator/").content.decode()

    assert "<li>Represents the local district in court proceedings involving support;</li>" in html
    assert "<li>Tact and courtesy;</li>" in html


def test_the_list_pages_through_many_classes(client, make_class):
    for number in range(30):
        make_class(f"Clerk {number:02d}")

    first = page_text(client.get("/classes/").content.decode())
    second = page_text(client.get("/classes/?page=2").content.decode())

    assert "Clerk 00" in first and "Clerk 24" in first and "Clerk 25" not in first
    assert "Clerk 29" in second and "Page 2 of 2" in second


def test_the_health_check_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
