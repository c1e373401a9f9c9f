"""The list page: a corrected misspelling is announced, titles sort whatever their case, filters are named plainly."""

import pytest
from lxml import html

from classes import search

pytestmark = pytest.mark.django_db


def titles(client, address):
    tree = html.fromstring(client.get(address).content)
    return [link.text_content().strip() for link in tree.xpath("//ol[@class='class-list']/li/a")]


def test_a_corrected_misspelling_is_announced_with_what_was_searched_instead(client, seeds):
    response = client.get("/classes/?q=suport")
    page = html.fromstring(response.content)

    assert [" ".join(p.text_content().split()) for p in page.xpath("//p[@role='status']")] == [
        "Showing results for support; search instead for suport."
    ]
    assert "CUSTOMER SUPPORT COORDINATOR" in titles(client, "/classes/?q=suport")
    assert "matching “support”" in page.xpath("//h2[@id='results-heading']")[0].text_content()


def test_a_search_found_as_typed_announces_no_correction(client, seeds):
    page = html.fromstring(client.get("/classes/?q=support").content)

    assert page.xpath("//p[@role='status']") == []


def test_titles_sort_alphabetically_whatever_their_case(client, make_class):
    for title in ["customer clerk", "CHILD CARE AIDE", "Case Aide", "Account Clerk"]:
        make_class(title)
    search.rebuild()

    expected = ["Account Clerk", "Case Aide", "CHILD CARE AIDE", "customer clerk"]
    assert titles(client, "/classes/") == expected
    assert titles(client, "/classes/?q=aide&sort=title") == ["Case Aide", "CHILD CARE AIDE"]


def test_the_jurisdiction_filter_is_labelled_in_plain_words(client, seeds):
    page = html.fromstring(client.get("/classes/").content)

    assert page.xpath("//label[@for='id_jurisdiction']/text()") == ["Jurisdiction"]
