"""Escaping everywhere: spec text holding markup, quotes, control characters and spreadsheet formulas shows as
text on every page, in the admin and in PDFs, round-trips exactly through the JSON, and is inert in the CSV."""

import csv
import datetime
import io
import json
import re
import subprocess

import pytest
from django.db import models
from django.urls import reverse

from classes import search, workflow
from classes.importing.batch import ImportedFile, import_documents
from classes.models import (
    KSA,
    ClassSeries,
    Competency,
    Department,
    Duty,
    JobClass,
    Jurisdiction,
    OtherSection,
    SpecialRequirement,
    Version,
)
from qualifications.models import Definition, Path, Substitution, TimeInTitle
from tests.conftest import publish
from tests.forms import form_data
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
QUOTES = "\"quotes' & <b>bold</b>"
# Every control character PostgreSQL stores: NUL is refused (see the last tests).
CONTROLS = "".join(map(chr, range(1, 32))) + "\x7f"
TEXT = f"Hostile {SCRIPT} {QUOTES} {CONTROLS} end."
TITLE = f'=HYPERLINK("http://evil.example","x") {SCRIPT} {QUOTES}'
CODE = "+cmd|' /C calc'!A0"
# Facts of the CSV, each starting as a spreadsheet formula does (a tab, a space or a return first).
FORMULAS = {
    "jurisdiction": f"=Hostile {SCRIPT} County",
    "department": f"@Department {QUOTES}",
    "series": f"-Series {SCRIPT}",
    "salary_grade": "\t=1+1",
    "bargaining_unit": " =1+1",
    "adoption_reference": "\r=cmd|' /C calc'!A0",
}
CLASS = "/classes/hostile-county/hostile-class/"


def hostile_fields(model, **given):
    """`given`, and every other free-text field of `model` holding the hostile text (cut to fit short fields)."""
    values = {}
    for model_field in model._meta.concrete_fields:
        free_text = isinstance(model_field, (models.CharField, models.TextField)) and not model_field.choices
        if free_text and not isinstance(model_field, models.SlugField) and model_field.name not in given:
            values[model_field.name] = TEXT[: model_field.max_length] if model_field.max_length else TEXT
    return {**values, **given}


@pytest.fixture
def hostile(db):
    """A class whose adopted version 2 holds the hostile text in every field and part; version 1 is plain."""
    jurisdiction = Jurisdiction.objects.create(
        name=FORMULAS["jurisdiction"], slug="hostile-county", commission_name=QUOTES, description=TEXT
    )
    department = Department.objects.create(jurisdiction=jurisdiction, name=FORMULAS["department"])
    series = ClassSeries.objects.create(jurisdiction=jurisdiction, name=FORMULAS["series"], slug="hostile-series")
    job_class = JobClass.objects.create(
        jurisdiction=jurisdiction, title=TITLE, code=CODE, slug="hostile-class", series=series, series_level=1
    )
    first = Version.objects.create(job_class=job_class, number=1, title=TITLE, code=CODE, status="draft")
    first.duties.create(position=1, text="Files records;")
    publish(first, status="superseded", adopted_on=datetime.date(2001, 1, 10))

    version = Version.objects.create(
        **hostile_fields(
            Version,
            job_class=job_class,
            number=2,
            title=TITLE,
            code=CODE,
            department=department,
            salary_grade=FORMULAS["salary_grade"],
            bargaining_unit=FORMULAS["bargaining_unit"],
            adoption_reference="",
        )
    )
    for model, given in [
        (Duty, {}),
        (KSA, {"kind": "knowledge"}),
        (Competency, {}),
        (SpecialRequirement, {"kind": "other"}),
        (Substitution, {"kind": "other"}),
        (Definition, {}),
        (OtherSection, {"layout": "list"}),
    ]:
        model.objects.create(**hostile_fields(model, version=version, position=1, **given))
    Duty.objects.create(version=version, position=2, text=f"-2+3 {SCRIPT}")
    Path.objects.create(**hostile_fields(Path, version=version, position=1, education_level="bachelor"))
    promotional = Path.objects.create(**hostile_fields(Path, version=version, position=2, kind="promotional"))
    TimeInTitle.objects.create(
        **hostile_fields(TimeInTitle, path=promotional, position=1, years=1, job_class=job_class)
    )
    publish(version, adopted_on=datetime.date(2020, 2, 20), adoption_reference=FORMULAS["adoption_reference"])
    job_class.history.create(kind="revised", date=datetime.date(1990, 3, 14), reference=TEXT[:200], by=QUOTES)
    search.rebuild()
    return version


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def assert_shown_as_text(html):
    """No markup of the spec's reaches the page as markup; it reads as the characters typed."""
    assert "<script>" not in html  # the portal's pages have no script; a cut text holds "<script>aler"
    assert "<b>bold" not in html
    text = page_text(html, "html")
    assert SCRIPT in text
    assert "\"quotes' & <b>bold</b>" in text


PUBLIC_PAGES = [
    "/",
    "/classes/?status=current",
    "/classes/?q=hostile",
    "/classes/?q=hostile+quotes&jurisdiction=hostile-county",
    "/classes/?jurisdiction=hostile-county&department=1",
    CLASS,
    CLASS + "history/",
    CLASS + "compare/?from=1&to=2",
    CLASS + "versions/1/",
    CLASS + "versions/2/",
    CLASS + "versions/2/print/",
    CLASS + "check/",
    "/jurisdictions/hostile-county/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_shows_the_hostile_text_as_text(client, hostile, url):
    url = url.replace("department=1", f"department={hostile.department_id}")
    assert_shown_as_text(html_of(client.get(url)))


def test_the_search_snippet_marks_the_word_and_escapes_the_rest(client, hostile):
    # PostgreSQL's text search reads "<script>…</script>" as a tag and indexes no word inside it: "hostile" is
    # found on both databases.
    html = html_of(client.get("/classes/?q=hostile"))

    passage = re.search(r'<p class="passage">(.*?)</p>', html, re.S).group(1)
    assert passage.startswith("<mark>Hostile</mark> &lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&#x27; &amp; ")
    assert "<script" not in passage


def test_the_qualification_results_show_the_hostile_text_as_text(client, hostile):
    profile = {"jobs-TOTAL_FORMS": "1", "jobs-INITIAL_FORMS": "0", "education_level": "doctorate"}
    assert_shown_as_text(html_of(client.post(CLASS + "check/", profile)))
    html = html_of(client.post("/classes/qualify/", profile))
    assert "<script>alert(1)" not in html
    assert SCRIPT in page_text(html)


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_the_admin_shows_the_hostile_text_as_text(superuser_client, hostile, superuser):
    draft = workflow.start_revision(hostile.job_class, by=superuser)
    record = Version.audit_trail.filter(id=draft.pk).first()
    pages = [
        admin_url(Version, "changelist"),
        admin_url(Version, "changelist") + "?q=alert",
        admin_url(Version, "change", hostile.pk),  # adopted: shown read-only
        admin_url(Version, "change", draft.pk),  # a draft: in form fields
        admin_url(Version, "history", draft.pk),
        admin_url(Version, "simple_history", draft.pk, record.history_id),
        admin_url(Version, "changes", draft.pk),
        admin_url(Version, "compare", draft.pk),
        admin_url(JobClass, "changelist"),
        admin_url(JobClass, "change", hostile.job_class_id),
        admin_url(Department, "changelist"),
        admin_url(Path, "changelist"),
        admin_url(Path, "change", draft.paths.get(position=2).pk),
    ]
    for url in pages:
        html = html_of(superuser_client.get(url))
        assert "<script>" not in html, url  # the admin's own scripts have attributes
        assert "<b>bold" not in html, url
        assert SCRIPT in page_text(html, "html"), url


def pdf_text(response, tmp_path):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "document.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("url", [CLASS + "versions/2/pdf/", "/packets/hostile-county/2020-02-20/pdf/"])
def test_the_pdf_prints_the_hostile_text_literally(client, hostile, tmp_path, url):
    text = pdf_text(client.get(url), tmp_path)

    assert f"Hostile {SCRIPT} {QUOTES}" in text
    assert "-2+3 <script>alert(1)</script>" in text


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def strings(value):
    """Every string in a JSON value."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def test_the_version_json_round_trips_every_string_exactly(client, hostile):
    data = json.loads(body(client.get(CLASS + "versions/2/json/")))

    assert data["title"] == TITLE
    assert data["code"] == CODE
    assert data["jurisdiction"]["name"] == FORMULAS["jurisdiction"]
    assert data["department"] == FORMULAS["department"]
    assert data["series"] == FORMULAS["series"]
    assert data["salary_grade"] == FORMULAS["salary_grade"]
    assert data["bargaining_unit"] == FORMULAS["bargaining_unit"]
    assert data["adoption_reference"] == FORMULAS["adoption_reference"]
    assert data["distinguishing_features"]["text"] == TEXT
    assert [duty["text"] for duty in data["duties"]["items"]] == [TEXT, f"-2+3 {SCRIPT}"]
    assert data["qualifications"]["paths"][1]["time_in_title"][0]["title"] == TEXT
    assert data["history"][0]["by"] == QUOTES
    # Every heading, prose part, list item and free-text fact holds the whole text, unaltered.
    assert strings(data).count(TEXT) > 30


def test_the_catalogue_json_keeps_the_original_text(client, hostile):
    (entry,) = json.loads(body(client.get("/data/classes.json")))["classes"]

    assert (entry["title"], entry["code"], entry["department"]) == (TITLE, CODE, FORMULAS["department"])
    assert (entry["salary_grade"], entry["bargaining_unit"]) == (FORMULAS["salary_grade"], FORMULAS["bargaining_unit"])
    assert entry["version"]["adoption_reference"] == FORMULAS["adoption_reference"]


def runs_as_formula(cell):
    """Whether a spreadsheet would read the cell as a formula (a plain number such as -5 is a value)."""
    if re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", cell):
        return False
    return cell.startswith(("\t", "\r", "\n")) or cell.lstrip()[:1] in set("=+-@＝＋－＠")


def csv_rows(client):
    return list(csv.reader(io.StringIO(body(client.get("/data/classes.csv")), newline="")))


def test_the_csv_neutralises_every_formula_and_keeps_the_text_after_the_apostrophe(client, hostile):
    header, row = csv_rows(client)
    cells = dict(zip(header, row, strict=True))

    assert [cell for cell in row if runs_as_formula(cell)] == []
    assert cells["title"] == "'" + TITLE
    assert cells["code"] == "'" + CODE
    for column, text in FORMULAS.items():
        assert cells[column] == "'" + text, column


def test_the_csv_leaves_plain_numbers_and_other_text_as_they_are(client, hostile):
    job_class = JobClass.objects.create(jurisdiction=hostile.job_class.jurisdiction, title="Clerk", slug="clerk")
    version = Version.objects.create(
        job_class=job_class, number=1, title="Clerk | Typist", code="A-1", salary_grade="-5", bargaining_unit="+1.5"
    )
    publish(version)

    cells = dict(zip(*[row for row in csv_rows(client) if "clerk" in row or row[0] == "jurisdiction"], strict=True))

    assert (cells["title"], cells["code"], cells["salary_grade"], cells["bargaining_unit"]) == (
        "Clerk | Typist",
        "A-1",
        "-5",
        "+1.5",
    )
    assert cells["fewest_experience_years"] == ""


def test_the_admin_refuses_a_nul_character_with_a_message(client, analyst, make_class):
    """PostgreSQL cannot store NUL: the form says so, and nothing is saved, on either database."""
    _, draft = make_class("Account Clerk", status="draft")
    draft.duties.create(position=1, text="Files records;")
    client.force_login(analyst)
    url = admin_url(Version, "change", draft.pk)
    data = form_data(client.get(url).content.decode(), "version_form")
    data["title"] = ["Account\x00Clerk"]
    data["duties-0-text"] = ["Files\x00records;"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.content.decode().count("Null characters are not allowed.") == 2
    draft.refresh_from_db()
    assert draft.title == "Account Clerk"
    assert draft.duties.get().text == "Files records;"


def test_an_imported_text_holding_a_nul_character_is_refused_on_either_database(jurisdiction):
    document = b"TITLE: ACCOUNT CLERK\n\n" + b"Keeps the ledger.\n" * 300 + b"Files\x00records.\n"

    (report,) = import_documents(
        [ImportedFile("clerk.txt", len(document), lambda: document)], jurisdiction=jurisdiction
    )

    assert (report.status, report.error) == ("error", "clerk.txt: this is not a text file (it holds binary data).")
    assert not Version.objects.exists()
