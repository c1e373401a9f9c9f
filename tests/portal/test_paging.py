"""The class list counts its matches only up to a cap, and says so past it."""

import pytest

from classes import paging
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerks(make_class):
    for title in ("Account Clerk", "Audit Clerk", "File Clerk", "Payroll Clerk"):
        make_class(title)


def heading(client, address):
    return page_text(client.get(address).content.decode()).split(" Page ")[0]


def test_past_the_cap_the_count_reads_more_than(client, clerks, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 2)
    monkeypatch.setattr("classes.views.catalogue.CLASSES_PER_PAGE", 1)

    text = heading(client, "/classes/")
    assert "More than 2 classes" in text
    assert "Page 1 of 3" in page_text(client.get("/classes/").content.decode())  # the pages stop at the cap


def test_under_the_cap_the_count_is_exact(client, clerks, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 4)
    assert "4 classes" in heading(client, "/classes/")
