"""Lists read as adopted: numbered duties and lettered KSAs and paths show the labels the text prints, on the class
page, its print view and its PDF; a bulleted list stays bulleted."""

import re
from datetime import date

import pytest
from lxml import html

from tests.conftest import publish
from tests.specs.test_documents import BODY_CROP, fetch_pdf, normalised, pdftotext

pytestmark = pytest.mark.django_db

DUTIES = ["Posts receipts to the general ledger;", "Reconciles vendor statements;", "Answers questions from vendors."]
KSAS = ["Good knowledge of bookkeeping;", "Ability to use a spreadsheet."]


@pytest.fixture
def numbered(make_class):
    """A class whose duties are numbered 1 to 3, its KSAs lettered a) and b), its two paths (A) and (B)."""
    job_class, version = make_class("Account Clerk", status="draft")
    for position, text in enumerate(DUTIES, start=1):
        version.duties.create(position=position, label=f"{position}.", text=text)
    for position, (letter, text) in enumerate(zip("ab", KSAS, strict=True), start=1):
        version.ksas.create(position=position, label=f"{letter})", text=text)
    version.paths.create(position=1, label="(A)", text="Graduation from high school and one year of bookkeeping.")
    version.paths.create(position=2, label="(B)", text="Two years of bookkeeping.")
    publish(version, adopted_on=date(2020, 5, 12))
    return job_class


def lists(client, url):
    """Each ordered or bulleted list of the spec: its tag and its items' text as read."""
    tree = html.fromstring(client.get(url).content)
    return [
        (element.tag, [" ".join(item.text_content().split()) for item in element.findall("li")])
        for element in tree.xpath("//article[@class='spec']//*[self::ol or self::ul]")
    ]


@pytest.mark.parametrize("address", ["", "versions/1/print/"])
def test_numbered_duties_and_lettered_ksas_and_paths_show_their_printed_labels(client, numbered, address):
    found = lists(client, numbered.get_absolute_url() + address)

    assert ("ol", [f"{number}. {text}" for number, text in enumerate(DUTIES, start=1)]) in found
    assert ("ol", ["a) Good knowledge of bookkeeping;", "b) Ability to use a spreadsheet."]) in found
    assert (
        "ol",
        ["(A) Graduation from high school and one year of bookkeeping.", "(B) Two years of bookkeeping."],
    ) in found


def test_a_list_adopted_with_bullets_stays_a_bulleted_list(client, make_class):
    job_class, version = make_class("Account Clerk", status="draft")
    version.duties.create(position=1, text=DUTIES[0])
    version.duties.create(position=2, text=DUTIES[1])
    publish(version)

    assert ("ul", DUTIES[:2]) in lists(client, job_class.get_absolute_url())


def test_the_pdf_prints_the_numbers_and_letters_before_each_item_in_order(client, numbered, tmp_path):
    body = normalised(
        pdftotext(fetch_pdf(client, numbered.get_absolute_url() + "versions/1/pdf/", tmp_path), *BODY_CROP)
    )

    expected = [
        "1. Posts receipts",
        "2. Reconciles vendor",
        "3. Answers questions",
        "a) Good knowledge",
        "b) Ability to use",
        "(A) Graduation from high school",
        "(B) Two years",
    ]
    positions = [body.find(text) for text in expected]
    assert -1 not in positions, [text for text in expected if text not in body]
    assert positions == sorted(positions)
    assert not re.search(r"[•◦] (Posts|Good knowledge)", body)  # no bullet beside a printed label
