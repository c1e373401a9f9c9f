"""Other names for the work widen a query: the civil-service thesaurus, and O*NET's titles of an occupation find the
classes of that occupation. The query's own words still rank first (titles, then text), and the passage says why a
class was found. The suite runs on SQLite and on PostgreSQL alike."""

import re

import pytest
from django.core.management import call_command

from classes import occupations, search
from classes.models import Duty, JobClass, Occupation
from tests.conftest import publish
from tests.portal.test_occupations import write_onet

pytestmark = pytest.mark.django_db


@pytest.fixture
def add(make_class):
    """A public class of the title, with the one duty."""

    def add(title, duty):
        _, version = make_class(title, status="draft")
        Duty.objects.create(version=version, position=1, text=duty)
        return publish(version)

    return add


@pytest.fixture
def catalogue(add):
    """Four classes: one titled with "caseworker", one mentioning it in its duties, one whose title is its synonym,
    one that says none of these and is classed in the occupation O*NET calls "Benefits Program Technician"."""

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
        "“Benefits Program Technician”." in page
    )
    assert "This page includes information from the O*NET® 30.0 and 29.3 Databases" in page


# O*NET names the occupation "Benefits Program Tech (Benefits Program Technician)", "Eligibility and Occupancy
# Interviewer" and "Welfare Eligibility Interviewer".
NEAR_MISSES = [
    "Benefits Program Technicians",  # a plural
    "technician, benefits program",  # another order
    "eligibility occupancy interviewer",  # without "and"
    "benefits program technican",  # a letter dropped
    "welfare eligibilty interviewer",  # and another
    "welfare eligibility intreviewer",  # two letters swapped
]


@pytest.mark.parametrize("q", NEAR_MISSES)
def test_a_query_near_an_onet_title_finds_the_classes_of_its_occupation(catalogue, q):
    assert titles(q) == ["Income Maintenance Examiner"]


def test_the_passage_names_the_onet_title_a_near_miss_stands_for(client, catalogue):
    page = words(client.get("/classes/", {"q": "welfare eligibilty interviewers"}))
    assert "is also called “Welfare Eligibility Interviewer”." in page


NOT_NEAR = [
    "program technician",  # part of a title
    "benefits program technician aide",  # a title and a word more
    "benefit programme technicain",  # a letter out in two words, and two in one
    "tecnican benefits program",  # two letters out in one word
    "intake clerks caseworker",  # words of several titles
]


@pytest.mark.parametrize("q", NOT_NEAR)
def test_a_query_further_from_every_title_does_not_find_the_occupation(catalogue, q):
    assert "Income Maintenance Examiner" not in titles(q)


def test_a_query_without_other_names_finds_what_it_did(catalogue):
    assert titles("households") == ["Income Maintenance Examiner", "Social Services Worker"]


@pytest.fixture
def assistance(add):
    """A class administering public assistance, one whose text holds those words apart, and one holding "good",
    a word one letter from "food"."""

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


def test_a_new_onet_release_is_what_near_misses_are_read_against(tmp_path, catalogue):
    call_command("load_onet", str(write_onet(tmp_path / "onet")), stdout=None)

    assert titles("benefit eligibility examiners") == ["Income Maintenance Examiner"]
    assert titles("authorization specialist") == []  # a title of the shipped release only
