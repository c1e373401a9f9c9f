"""Other names for the work widen a query: the civil-service thesaurus, and O*NET's titles of an occupation find the
classes of that occupation. The query's own words still rank first (titles, then text), and the passage says why a
class was found. The suite runs on SQLite and on PostgreSQL alike."""

import re

import pytest

from classes import occupations, search
from classes.models import Duty, JobClass, Occupation
from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_class):
    """Four classes: one titled with "caseworker", one mentioning it in its duties, one whose title is its synonym,
    one that says none of these and is classed in the occupation O*NET calls "Benefits Program Technician"."""

    def add(title, duty):
        _, version = make_class(title, status="draft")
        Duty.objects.create(version=version, position=1, text=duty)
        return publish(version)

    add("Caseworker", "Visits families receiving aid.")
    add("Senior Account Clerk", "Trains each new caseworker in keeping accounts.")
    add("Social Services Worker", "Counsels households applying for aid.")
    examiner = add("Income Maintenance Examiner", "Decides applications for household benefits.")
    occupations.confirm(examiner, occupation=Occupation.objects.get(code="43-4061.00"))
    search.rebuild()


def titles(q):
    return [job_class.title for job_class in search.apply(JobClass.objects.all(), q)]


def words(page):
    return " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())


def test_a_synonym_widens_the_query_after_the_title_and_text_matches(catalogue):
    assert titles("caseworker") == ["Caseworker", "Senior Account Clerk", "Social Services Worker"]


def test_the_synonyms_passage_says_why_the_class_was_found(client, catalogue):
    page = words(client.get("/classes/", {"q": "caseworker"}))
    assert "Social Services Worker Tompkins County Also called “social services worker”: Counsels households" in page


def test_an_onet_title_finds_the_classes_of_its_occupation(catalogue):
    assert titles("benefits program technician") == ["Income Maintenance Examiner"]
    assert titles("Benefits Program Tech") == ["Income Maintenance Examiner"]


def test_the_occupation_passage_says_why_with_onets_attribution(client, catalogue):
    page = words(client.get("/classes/", {"q": "benefits program technician"}))
    assert (
        "Its occupation, Eligibility Interviewers, Government Programs (O*NET), is also called "
        "“benefits program technician”." in page
    )
    assert "This page includes information from the O*NET® 30.0 and 29.3 Databases" in page


def test_a_query_without_other_names_finds_what_it_did(catalogue):
    assert titles("households") == ["Income Maintenance Examiner", "Social Services Worker"]


@pytest.fixture
def assistance(make_class):
    """A class administering public assistance, one whose text holds those words apart, and one holding "good",
    a word one letter from "food"."""

    def add(title, duty):
        _, version = make_class(title, status="draft")
        Duty.objects.create(version=version, position=1, text=duty)
        return publish(version)

    add("Eligibility Technician", "Determines eligibility for public assistance programs.")
    add("Park Ranger", "Patrols public trails and gives assistance to visitors.")
    add("Records Clerk", "Keeps files in good order.")
    search.rebuild()


def test_a_name_of_the_thesaurus_is_read_as_typed_not_corrected(client, assistance):
    page = words(client.get("/classes/", {"q": "food stamps"}))
    assert "Showing results for" not in page
    assert titles("food stamps") == ["Eligibility Technician"]


def test_a_synonym_matches_its_words_side_by_side_and_its_plural(assistance):
    assert titles("food stamp") == [
        "Eligibility Technician"
    ]  # "food stamps" in the thesaurus; the ranger's words are apart


def test_a_class_leaving_the_public_catalogue_is_found_by_its_synonyms_no_more(assistance):
    technician = JobClass.objects.get(title="Eligibility Technician")
    JobClass.objects.filter(pk=technician.pk).update(abolished_on="2026-01-05")
    search.index_classes([technician.pk])
    assert titles("food stamps") == []
