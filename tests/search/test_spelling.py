"""Misspellings of any word of the catalogue, titles and text alike, are corrected, and the page says so with a
link to the words as typed; on SQLite and PostgreSQL alike (the suite runs on each)."""

import re

import pytest

from classes import search
from classes.models import Duty, JobClass
from tests.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerks(make_class):
    """Two classes whose only mention of reconciling ledgers is in their duties, not their titles."""
    for title, duty in (
        ("Account Clerk", "Reconciles ledgers with the bank statements each month."),
        ("Stores Clerk", "Counts the stock held in the warehouse."),
    ):
        _, version = make_class(title, status="draft")
        Duty.objects.create(version=version, position=1, text=duty)
        publish(version)
    search.rebuild()


def titles(q):
    return [job_class.title for job_class in search.apply(JobClass.objects.current(), q)]


def words(page):
    return " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())


def test_a_misspelt_word_of_the_duties_finds_its_class(clerks):
    assert titles("ledgrs") == ["Account Clerk"]
    assert titles("warehoose") == ["Stores Clerk"]


def test_the_page_says_which_words_it_searched_for_and_offers_the_words_as_typed(client, clerks):
    page = client.get("/classes/", {"q": "reconciles ledgrs"})

    assert "Showing results for reconciles ledgers ; search instead for reconciles ledgrs ." in words(page)
    assert "Account Clerk" in words(page)
    link = re.search(r'search instead for <a href="\?([^"]+)"', page.content.decode()).group(1)
    assert "as_typed=1" in link


def test_the_words_as_typed_are_searched_when_asked_and_nothing_is_corrected(client, clerks):
    page = client.get("/classes/", {"q": "ledgrs", "as_typed": "1"})

    assert "Showing results for" not in words(page)
    assert "0 classes matching “ledgrs”" in words(page)


def test_a_correctly_spelt_query_says_nothing_of_spelling(client, clerks):
    assert "Showing results for" not in words(client.get("/classes/", {"q": "ledgers"}))


def test_a_passage_marks_the_corrected_word(client, clerks):
    page = client.get("/classes/", {"q": "ledgrs"}).content.decode()
    assert re.search(r"<mark>ledgers</mark>", page)


def test_a_word_the_adopted_text_brings_is_corrected_at_once(make_class, clerks):
    job_class, version = make_class("Fleet Clerk", status="draft")
    Duty.objects.create(version=version, position=1, text="Schedules vehicle maintenance.")
    publish(version)
    search.index_classes([job_class.pk])
    assert titles("maintenence") == ["Fleet Clerk"]
