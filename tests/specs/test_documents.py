"""Print page, PDF and meeting packet: each seed whole in its PDF, tagged and titled, public texts only."""

import re
import subprocess
import zlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes import pdf, workflow
from classes.models import Version
from tests.pagetext import sentences
from tests.specs.test_seed_fidelity import PAGES, SEEDS

pytestmark = pytest.mark.django_db

# The body of a letter page (612 by 792 pt) between the running header and the footer, which sit
# in the 0.9 in (64.8 pt) margins of print.css. Cropping them off leaves the text as a reader
# follows it across pages; the header and footer are marked as artifacts in the tagged PDF anyway.
BODY_CROP = ["-layout", "-x", "0", "-y", "58", "-W", "612", "-H", "676"]


def pdftotext(path, *options):
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(path):
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def normalised(text):
    """Whitespace collapsed. A line that ends in a hyphen ("self-" / "sufficiency") was broken at the
    hyphen the text has, so the break is dropped and the hyphen kept; -layout keeps that hyphen
    (pdftotext's default mode would drop it). A hyphen the renderer added would still show."""
    return " ".join(re.sub(r"-\n\s*", "-", text).split())


def fetch_pdf(client, url, tmp_path):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "document.pdf"
    path.write_bytes(response.content)
    return path


def catalog_entries(content):
    """Catalog keys of a PDF whose objects are compressed in object streams: inflate every stream."""
    found = set()
    for start in re.finditer(rb"stream\r?\n", content):
        try:
            data = zlib.decompressobj().decompress(content[start.end() :])
        except zlib.error:
            continue
        found.update(re.findall(rb"/Lang \([^)]*\)|/DisplayDocTitle true|/Marked true", data))
    return found


def seed_pdf_url(seed):
    return PAGES[seed] + "versions/1/pdf/"


def seed_version(seed):
    slug = PAGES[seed].rstrip("/").rsplit("/", 1)[1]
    return Version.objects.get(job_class__slug=slug, number=1)


@pytest.mark.parametrize("seed", PAGES)
def test_the_pdf_of_each_seed_holds_every_sentence_of_the_seed(client, seeds, tmp_path, seed):
    body = normalised(pdftotext(fetch_pdf(client, seed_pdf_url(seed), tmp_path), *BODY_CROP))

    found = sentences((SEEDS / seed).read_text())
    assert len(found) > 20
    assert [sentence for sentence in found if sentence not in body] == []


def test_the_sentence_check_itself_notices_a_sentence_missing_from_the_pdf(client, seeds, tmp_path):
    seed = "002_child_support_enforcement_coordinator.txt"
    draft = workflow.start_revision(seed_version(seed).job_class, by=None)
    draft.duties.get(position=8).delete()
    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf.version_pdf(Version.objects.for_display().get(pk=draft.pk)))

    body = normalised(pdftotext(path, *BODY_CROP))

    missing = [sentence for sentence in sentences((SEEDS / seed).read_text()) if sentence not in body]
    assert missing == ["Represents the local district in court proceedings involving support;"]


@pytest.mark.parametrize("seed", PAGES)
def test_the_pdf_of_each_seed_is_tagged_letter_sized_and_titled_in_english(client, seeds, tmp_path, seed):
    path = fetch_pdf(client, seed_pdf_url(seed), tmp_path)

    info = pdfinfo(path)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)$", info, re.MULTILINE)
    title = re.search(r"^Title:\s+(.*)$", info, re.MULTILINE).group(1)
    assert seed_version(seed).title in title
    assert {b"/Lang (en)", b"/DisplayDocTitle true", b"/Marked true"} <= catalog_entries(path.read_bytes())


@pytest.mark.parametrize("seed", PAGES)
def test_every_page_of_the_pdf_has_the_footer_page_n_of_m_and_the_adoption_date(client, seeds, tmp_path, seed):
    path = fetch_pdf(client, seed_pdf_url(seed), tmp_path)
    version = seed_version(seed)

    pages = pdftotext(path).split("\f")[:-1]
    count = int(re.search(r"^Pages:\s+(\d+)$", pdfinfo(path), re.MULTILINE).group(1))
    assert len(pages) == count
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in page
        if version.adopted_on:
            assert f"Adopted {version.adopted_on:%B} {version.adopted_on.day}, {version.adopted_on.year}" in page


def test_the_cayuga_pdf_footer_reads_its_adoption_date(client, seeds, tmp_path):
    path = fetch_pdf(client, seed_pdf_url("002_child_support_enforcement_coordinator.txt"), tmp_path)

    assert "Adopted July 13, 2005" in pdftotext(path).split("\f")[0]


def test_the_pdf_is_offered_as_a_download_named_after_the_class(client, seeds):
    response = client.get(seed_pdf_url("002_child_support_enforcement_coordinator.txt"))

    assert response["Content-Disposition"] == (
        'attachment; filename="cayuga-county-child-support-enforcement-coordinator-version-1.pdf"'
    )


def test_the_print_page_is_one_document_with_one_h1_and_no_site_navigation(client, seeds):
    html = client.get(PAGES["002_child_support_enforcement_coordinator.txt"] + "versions/1/print/").content.decode()

    assert re.findall(r"<h1>(.*?)</h1>", html) == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]
    assert '<html lang="en">' in html
    assert "<title>CHILD SUPPORT ENFORCEMENT COORDINATOR · Cayuga County</title>" in html
    assert html.count("<main") == 1
    assert re.findall(r"<nav[^>]*>", html) == ['<nav class="print-controls" aria-label="Print view">']  # its own only
    assert "site-header" not in html and "skip-link" not in html
    assert "Adoption: CSM 11/19/77" in html
    assert "css/print.css" in html


def test_the_print_page_costs_the_same_queries_for_every_seed(client, seeds):
    # the version found, with the catalogue's edition; then, rendering it: the version with its class,
    # jurisdiction, series and department; its duties, KSAs, competencies, other sections, special
    # requirements, substitutions, definitions, paths and their titles; the class's history entries and its
    # public versions: 13 for each seed, however long its text (linked titles would add two). Asked again: the
    # first only.
    counts, again = set(), set()
    for page in PAGES.values():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page + "versions/1/print/").status_code == 200
        counts.add(len(queries))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page + "versions/1/print/").status_code == 200
        again.add(len(queries))

    assert counts == {13}
    assert again == {1}


def test_the_class_page_links_to_its_print_page_and_pdf(client, seeds):
    html = client.get(PAGES["002_child_support_enforcement_coordinator.txt"]).content.decode()

    assert '<nav class="spec-links" aria-label="This specification">' in html
    assert 'href="/classes/cayuga-county/child-support-enforcement-coordinator/versions/1/print/">Print<' in html
    assert 'href="/classes/cayuga-county/child-support-enforcement-coordinator/versions/1/pdf/">Download PDF<' in html


def test_the_class_page_links_the_print_stylesheet_for_paper_only(client, seeds):
    html = client.get(PAGES["002_child_support_enforcement_coordinator.txt"]).content.decode()

    assert re.search(r'<link rel="stylesheet" href="[^"]*css/print\.css" media="print">', html)


@pytest.mark.parametrize("status", ["draft", "proposed"])
@pytest.mark.parametrize("document", ["print", "pdf"])
def test_a_draft_or_proposed_version_has_no_print_page_or_pdf(client, make_class, status, document):
    job_class, _ = make_class("Account Clerk", status=status)

    assert client.get(f"{job_class.get_absolute_url()}versions/1/{document}/").status_code == 404


def test_a_proposed_revision_of_an_adopted_class_has_no_pdf_while_the_adopted_text_has_one(client, make_class):
    job_class, _ = make_class("Account Clerk", distinguishing_features="The adopted wording.")
    job_class.versions.create(number=2, status="proposed", title="Account Clerk")

    assert client.get(f"{job_class.get_absolute_url()}versions/1/pdf/").status_code == 200
    assert client.get(f"{job_class.get_absolute_url()}versions/2/pdf/").status_code == 404
    assert client.get(f"{job_class.get_absolute_url()}versions/2/print/").status_code == 404


def test_a_superseded_version_prints_and_says_it_is_superseded(client, make_class):
    job_class, _ = make_class("Account Clerk", status="superseded", adopted_on="1999-01-06")
    job_class.versions.create(number=2, status="adopted", title="Account Clerk", adopted_on="2010-03-03")

    html = client.get(f"{job_class.get_absolute_url()}versions/1/print/").content.decode()

    assert "Superseded: a later version of this specification has been adopted." in html


def test_an_unknown_version_or_class_has_no_pdf(client, seeds):
    assert client.get(PAGES["002_child_support_enforcement_coordinator.txt"] + "versions/9/pdf/").status_code == 404
    assert client.get("/classes/cayuga-county/no-such-class/versions/1/print/").status_code == 404


def test_the_packet_of_2005_07_13_holds_a_contents_page_and_the_cayuga_seed(client, seeds, tmp_path):
    path = fetch_pdf(client, "/packets/cayuga-county/2005-07-13/pdf/", tmp_path)

    pages = pdftotext(path).split("\f")
    assert "Contents" in pages[0]
    assert re.search(r"CHILD SUPPORT ENFORCEMENT COORDINATOR[ .]+2\b", normalised(pages[0]))
    assert "Cayuga County Department of Human Resources and Civil Service Commission" in pages[1]
    body = normalised(pdftotext(path, *BODY_CROP))
    seed = (SEEDS / "002_child_support_enforcement_coordinator.txt").read_text()
    assert [sentence for sentence in sentences(seed) if sentence not in body] == []
    assert re.search(r"^Tagged:\s+yes$", pdfinfo(path), re.MULTILINE)


def test_the_packet_lists_only_public_versions_adopted_that_day_each_from_a_new_page(client, make_class, tmp_path):
    make_class("Account Clerk", adopted_on="2011-05-04")
    make_class("Budget Analyst", status="superseded", adopted_on="2011-05-04")
    make_class("Caseworker", adopted_on="2011-05-05")
    make_class("Dispatcher", status="draft")

    path = fetch_pdf(client, "/packets/tompkins-county/2011-05-04/pdf/", tmp_path)

    pages = pdftotext(path).split("\f")
    contents = normalised(pages[0])
    assert re.search(r"Account Clerk[ .]+2\b", contents)
    assert re.search(r"Budget Analyst \(since superseded\)[ .]+3\b", contents)
    assert "Caseworker" not in contents and "Dispatcher" not in contents
    assert "Account Clerk" in pages[1] and "Budget Analyst" in pages[2]


def test_a_date_with_nothing_adopted_has_no_packet(client, seeds):
    assert client.get("/packets/2005-07-14/pdf/").status_code == 404
    assert client.get("/packets/cayuga-county/2005-07-14/pdf/").status_code == 404


def test_a_days_old_packet_address_sends_a_one_jurisdiction_day_to_its_packet(client, seeds):
    response = client.get("/packets/2005-07-13/pdf/")
    assert (response.status_code, response["Location"]) == (301, "/packets/cayuga-county/2005-07-13/pdf/")


@pytest.mark.parametrize("date", ["2005-13-01", "2005-02-30", "20050713", "2005-W28-3", "july-13", "0000-01-01"])
def test_a_malformed_packet_date_is_a_bad_request_with_a_message(client, date):
    response = client.get(f"/packets/{date}/pdf/")

    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.content.decode()


def test_a_pdf_whose_stylesheet_cannot_be_read_fails_instead_of_printing_unstyled():
    html = '<html lang="en"><title>T</title><link rel="stylesheet" href="/static/css/no-such.css"><p>Text.</p></html>'

    with pytest.raises(RuntimeError):
        pdf.html_to_pdf(html)


def test_rendering_a_pdf_reads_nothing_but_the_portals_static_files():
    html = '<html lang="en"><title>T</title><link rel="stylesheet" href="https://example.com/x.css"><p>Text.</p></html>'

    with pytest.raises(RuntimeError):
        pdf.html_to_pdf(html)
