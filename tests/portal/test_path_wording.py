"""Paths named as a reader would say them: "1 year's experience", an unlabelled path by its requirement alone, and the
catalogue check saying which paths one appears to meet in a sentence."""

import pytest
from lxml import html

from classes import search
from classes.models import JobClass, Jurisdiction, Version
from tests.conftest import publish
from tests.qualifications.test_checker_pages import form_post

pytestmark = pytest.mark.django_db

USER_SUPPORT = "15-1232.00"  # O*NET's Computer User Support Specialists


def similar_rows(client, job_class):
    tree = html.fromstring(client.get(job_class.get_absolute_url()).content)
    return [" ".join(row.text_content().split()) for row in tree.xpath("//table[@class='similar']/tbody/tr")]


def test_the_same_work_elsewhere_reads_one_year_and_an_unlabelled_path_without_a_stray_word(client, make_class):
    here, here_text = make_class("Help Desk Coordinator", status="draft", occupation_id=USER_SUPPORT)
    here_text.paths.create(position=1, text="x", education_level="high_school", experience_years=1)
    publish(here_text)
    elsewhere = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    twin = JobClass.objects.create(jurisdiction=elsewhere, title="Help Desk Coordinator", slug="hdc")
    twin_text = Version.objects.create(job_class=twin, number=1, title=twin.title, occupation_id=USER_SUPPORT)
    twin_text.paths.create(position=1, label="(A)", text="y", experience_years=2)
    twin_text.paths.create(position=2, label="(B)", text="z", education_level="bachelor")
    publish(twin_text)
    search.rebuild()

    assert similar_rows(client, here) == [
        "Help Desk Coordinator (this class) Tompkins County High school diploma or equivalency; 1 year's experience",
        "Help Desk Coordinator Seneca County (A) No education stated; 2 years' experience (B) Bachelor's degree",
    ]


def test_the_catalogue_check_names_the_paths_met_in_a_sentence(client, make_class):
    _, version = make_class("Account Clerk", status="draft")
    version.paths.create(position=1, label="1.", text="a", education_level="high_school", experience_years=1)
    version.paths.create(position=2, label="2.", text="b", education_level="high_school")
    version.paths.create(position=3, text="c", experience_years=1)
    publish(version)

    response = client.post("/classes/qualify/", form_post(education_level="high_school", **{"jobs-0-years": "2"}))
    passages = html.fromstring(response.content).xpath("//li[@class='class-row']/p[@class='passage']")

    assert " ".join(passages[0].text_content().split()).startswith(
        "You appear to meet path 1, path 2 and the 3rd path."
    )
