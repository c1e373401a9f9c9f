"""A class page opens with what identifies the class (title, code, jurisdictional class, salary grade, bargaining
unit, adoption line, its jurisdiction), then its links; a jurisdiction that sets a postings address gets a link to
the class's current openings. The history and print views lead back."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from lxml import html

from classes.models import Jurisdiction
from tests.conftest import publish

pytestmark = pytest.mark.django_db

POSTINGS = "https://jobs.tompkins.example/search?title={title}"


@pytest.fixture
def clerk(make_class):
    job_class, version = make_class(
        "Account Clerk",
        status="draft",
        code="12345",
        jurisdictional_class="competitive",
        salary_grade="Grade 8",
        bargaining_unit="CSEA White Collar",
        adoption_line="Adopted: 3/10/2009",
    )
    version.paths.create(position=1, label="(A)", text="Graduation from high school.")
    publish(version, adopted_on=date(2009, 3, 10))
    return job_class


def tree_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content)


def words(element):
    return " ".join(element.text_content().split())


def openings_links(client, url):
    return [link.get("href") for link in tree_of(client, url).xpath("//a[starts-with(text(), 'Current openings')]")]


def test_the_head_reads_title_facts_adoption_line_and_jurisdiction_then_the_links(client, clerk):
    header = tree_of(client, clerk.get_absolute_url()).xpath("//article[@class='spec']/header")[0]

    reading = [
        ": ".join(words(part) for part in element) if element.tag == "div" else words(element)
        for element in header.xpath("./h1 | ./dl/div | ./p | ./nav//li")
    ]
    assert reading[reading.index("Account Clerk") :] == [
        "Account Clerk",
        "Class code: 12345",
        "Jurisdictional class: Competitive",
        "Salary grade: Grade 8",
        "Bargaining unit: CSEA White Collar",
        "Adopted: 3/10/2009",
        "History and earlier versions",
        "Print",
        "Download PDF",
        "JSON",
        "Check your qualifications for this class",
    ]
    assert header.xpath(".//a[text()='Tompkins County']/@href") == ["/jurisdictions/tompkins-county/"]


def test_a_fact_the_spec_does_not_state_is_left_out_of_the_head(client, make_class):
    job_class, _ = make_class("Typist")

    header = tree_of(client, job_class.get_absolute_url()).xpath("//article[@class='spec']/header")[0]

    assert [words(fact) for fact in header.xpath("./dl/div")] == []


def test_the_openings_link_appears_once_the_admin_sets_a_postings_address_on_the_jurisdiction(client, superuser, clerk):
    assert openings_links(client, clerk.get_absolute_url()) == []

    client.force_login(superuser)
    jurisdiction = clerk.jurisdiction
    response = client.post(
        f"/admin/classes/jurisdiction/{jurisdiction.pk}/change/",
        {
            "name": jurisdiction.name,
            "slug": jurisdiction.slug,
            "kind": jurisdiction.kind,
            "postings_address_pattern": POSTINGS,
        },
    )
    assert response.status_code == 302
    client.logout()

    assert openings_links(client, clerk.get_absolute_url()) == [
        "https://jobs.tompkins.example/search?title=Account%20Clerk"
    ]


def test_an_openings_address_by_code_is_not_offered_for_a_class_without_a_code(client, clerk, make_class):
    Jurisdiction.objects.filter(pk=clerk.jurisdiction_id).update(
        postings_address_pattern="https://jobs.tompkins.example/classes/{code}/openings"
    )
    typist, _ = make_class("Typist")

    assert openings_links(client, clerk.get_absolute_url()) == ["https://jobs.tompkins.example/classes/12345/openings"]
    assert openings_links(client, typist.get_absolute_url()) == []


def test_an_abolished_class_offers_neither_openings_nor_a_check(client, clerk):
    Jurisdiction.objects.filter(pk=clerk.jurisdiction_id).update(postings_address_pattern=POSTINGS)
    clerk.abolished_on = date(2024, 1, 1)
    clerk.save()

    page = tree_of(client, clerk.get_absolute_url())

    assert page.xpath("//a[starts-with(text(), 'Current openings') or starts-with(text(), 'Check your')]") == []


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("https://jobs.tompkins.example/search", "Put {code} or {title}"),
        ("https://jobs.tompkins.example/{grade}/{title}", "Only {code} and {title}"),
        ("jobs.tompkins.example/?q={title}", "full web address"),
        ("javascript:alert(1)//{title}", "full web address"),
    ],
)
def test_a_postings_address_the_link_could_not_be_made_from_is_refused_with_a_reason(jurisdiction, pattern, message):
    jurisdiction.postings_address_pattern = pattern

    with pytest.raises(ValidationError) as refused:
        jurisdiction.full_clean()

    assert message in " ".join(refused.value.message_dict["postings_address_pattern"])


def test_the_history_page_leads_back_to_its_class_and_the_print_view_back_to_its_version(client, clerk):
    history = tree_of(client, clerk.get_absolute_url() + "history/")
    printed = tree_of(client, clerk.get_absolute_url() + "versions/1/print/")

    assert clerk.get_absolute_url() in history.xpath("//main//a[starts-with(text(), 'Back to')]/@href")
    assert printed.xpath("//nav[@class='print-controls']/a/@href") == [clerk.get_absolute_url() + "versions/1/"]
    assert printed.xpath("//button[@class='print-button']/text()") == ["Print this page"]
