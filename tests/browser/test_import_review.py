"""The importer in a browser: a few files uploaded, the batch read to its end by the page's script while its progress
shows, a document reviewed beside its marked source, its title corrected and saved; both pages pass axe-core's
WCAG 2.1 A and AA rules."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from classes.models import ImportedDocument, Version
from tests.importer.uploading import CUSTODIAN, GROUNDS_KEEPER, LIBRARY_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def no_violations(page):
    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:4]}" for v in violations
    )


def text_file(name, text):
    return {"name": name, "mimeType": "text/plain", "buffer": text.encode()}


@pytest.fixture
def signed_in(page, superuser, jurisdiction):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/admin/login/?next=/admin/import/")
    page.get_by_label("Username").fill("superuser")
    page.get_by_label("Password").fill("superuser-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/import/$"))
    return page


def test_an_analyst_uploads_watches_the_batch_read_and_saves_a_corrected_title(signed_in, jurisdiction):
    page = signed_in
    page.get_by_label("Jurisdiction").select_option(label=str(jurisdiction))
    page.get_by_label("Files").set_input_files(
        [
            text_file("grounds-keeper.txt", GROUNDS_KEEPER),
            text_file("library-page.txt", LIBRARY_PAGE),
            text_file("custodian.txt", CUSTODIAN),
        ]
    )
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_role("status")).to_have_text("3 of 3 read")
    expect(page.get_by_role("button", name=re.compile("Read the next"))).to_have_count(0)
    expect(page.locator("progress")).to_have_attribute("value", "3")
    no_violations(page)

    page.get_by_role("link", name="Review grounds-keeper.txt").click()
    expect(page.locator("#line-6")).to_contain_text("not stored: page debris")
    expect(page.locator("#line-8")).to_contain_text("other section: “PHYSICAL DEMANDS”")
    no_violations(page)
    page.get_by_label("Title").fill("Grounds Worker")
    page.get_by_role("button", name="Save as a draft").click()

    expect(page.locator(".messagelist .success")).to_contain_text(
        "Saved grounds-keeper.txt as version 1 of Grounds Worker"
    )
    version = Version.objects.get()
    assert (version.title, version.job_class.code, version.status) == ("Grounds Worker", "4410", "draft")
    assert ImportedDocument.objects.filter(status="read").count() == 2
