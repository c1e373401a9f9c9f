"""Open data: the catalogue as CSV and JSON, one entry per current class, and each public version as JSON."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.conf import settings

from classes import caching, workflow
from classes.models import JobClass
from qualifications.models import Path
from tests.conftest import publish

pytestmark = pytest.mark.django_db


def body(response):
    """The whole of a streamed export: it is written as it is read."""
    return b"".join(response.streaming_content)


def csv_rows(client):
    response = client.get("/data/classes.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(body(response).decode())))


def with_paths(version):
    Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="Bachelor's degree in accounting and two years of bookkeeping experience; OR",
        education_level="bachelor",
        education_fields="accounting",
        experience_years=Decimal("2"),
        experience_kinds="bookkeeping",
        excluded_experience="volunteer bookkeeping",
        part_time_accepted=True,
    )
    Path.objects.create(
        version=version,
        position=2,
        label="B)",
        text="High school diploma and four and one half years of bookkeeping experience.",
        education_level="high_school",
        experience_years=Decimal("4.50"),
    )
    path = Path.objects.create(
        version=version, position=3, kind="promotional", text="One year as Account Clerk.", label="1."
    )
    path.titles.create(position=1, title="Account Clerk", years=Decimal("1.00"))
    version.special_requirements.create(position=1, kind="drivers_license", text="A driver's license.")


def test_the_csv_has_one_row_per_current_class_only(client, make_class):
    make_class("Account Clerk")
    make_class("Budget Analyst", status="draft")
    abolished, _ = make_class("Keypunch Operator")
    abolished.abolished_on = datetime.date(2001, 5, 1)
    abolished.save()
    revised, first = make_class("Caseworker")
    first.status = "superseded"
    first.save()
    revised.versions.create(number=2, status="adopted", title="Caseworker")
    revised.versions.create(number=3, status="draft", title="Caseworker (draft)")

    rows = csv_rows(client)

    assert [(row["title"], row["version"]) for row in rows] == [("Account Clerk", "1"), ("Caseworker", "2")]


def test_the_csv_addresses_hold_slugs_that_contain_the_address_stand_ins(client, make_class):
    job_class, _ = make_class("Class Mark Reader")
    job_class.slug = "class-mark-987654321"
    job_class.save()

    (row,) = csv_rows(client)

    assert row["url"] == "http://testserver/classes/tompkins-county/class-mark-987654321/versions/1/"
    assert row["json_url"] == "http://testserver/classes/tompkins-county/class-mark-987654321/versions/1/json/"


def test_the_csv_is_a_download_with_a_filename_and_the_documented_columns(client, make_class):
    make_class("Account Clerk")

    response = client.get("/data/classes.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="civilspec-classes.csv"'
    assert body(response).decode().splitlines()[0].startswith("jurisdiction,jurisdiction_slug,class_slug,code,title,")


def test_the_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(client, jurisdiction):
    title = '=HYPERLINK("http://evil.example","Click")'
    job_class = JobClass.objects.create(jurisdiction=jurisdiction, title=title, slug="hyperlink")
    job_class.versions.create(number=1, status="adopted", title=title, salary_grade="+1+1", bargaining_unit="@SUM(A1)")

    row = csv_rows(client)[0]

    assert row["title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["salary_grade"] == "'+1+1"
    assert row["bargaining_unit"] == "'@SUM(A1)"


def test_the_csv_summarises_each_class_qualification_facts(client, make_class):
    _, version = make_class("Account Clerk", status="draft")
    with_paths(version)
    publish(version, adopted_on=datetime.date(2015, 7, 23))

    row = csv_rows(client)[0]

    assert row["lowest_education_level"] == "high_school"
    assert row["fewest_experience_years"] == "2"
    assert row["has_equivalent_combination"] == "no"
    assert row["has_promotional_path"] == "yes"
    assert row["special_requirements"] == "drivers_license"
    assert row["adopted_on"] == "2015-07-23"
    assert row["url"] == "http://testserver/classes/tompkins-county/account-clerk/versions/1/"
    assert row["json_url"] == "http://testserver/classes/tompkins-county/account-clerk/versions/1/json/"


def test_the_json_catalogue_has_one_object_per_current_class_with_its_paths_facts(client, make_class):
    _, version = make_class("Account Clerk", status="draft")
    with_paths(version)
    publish(version, adopted_on=datetime.date(2015, 7, 23), adoption_reference="CSM")
    make_class("Budget Analyst", status="draft")

    response = client.get("/data/classes.json")
    data = json.loads(body(response))

    assert response["Content-Type"] == "application/json"
    assert data["count"] == 1
    entry = data["classes"][0]
    assert entry["title"] == "Account Clerk"
    assert entry["jurisdiction"] == {"name": "Tompkins County", "slug": "tompkins-county"}
    assert entry["version"] == {
        "number": 1,
        "adopted_on": "2015-07-23",
        "adoption_reference": "CSM",
        "url": "http://testserver/classes/tompkins-county/account-clerk/versions/1/",
        "json_url": "http://testserver/classes/tompkins-county/account-clerk/versions/1/json/",
    }
    first_path = Path.objects.get(version=version, position=1)
    assert entry["paths"][0] == {
        "id": first_path.pk,
        "kind": "open_competitive",
        "label": "A)",
        "is_equivalent_combination": False,
        "education_level": "bachelor",
        "accredited_education": None,
        "education_fields": ["accounting"],
        "credit_hours": None,
        "credit_hour_subjects": [],
        "quarter_units": None,
        "total_credit_hours": None,
        "experience_years": "2",
        "experience_kinds": ["bookkeeping"],
        "excluded_experience": ["volunteer bookkeeping"],
        "paid_experience": None,
        "part_time_accepted": True,
        "full_time_hours_per_week": None,
        "supervisory_years": None,
        "complete_years_only": None,
        "licenses": [],
        "license_needed_by": None,
        "license_within_months": None,
        "service": "",
        "status_required": None,
        "titles_combined": None,
        "time_in_title": [],
    }
    assert entry["paths"][1]["experience_years"] == "4.5"
    assert entry["paths"][2]["time_in_title"] == [{"title": "Account Clerk", "years": "1", "class_url": None}]
    assert entry["special_requirements"] == ["drivers_license"]


def test_a_version_json_holds_every_part_and_each_paths_facts(client, make_class):
    job_class, version = make_class(
        "Account Clerk", status="draft", distinguishing_features="Does clerical work.", duties_note="Illustrative only."
    )
    version.duties.create(position=1, text="Keeps the ledger;")
    version.ksas.create(position=1, text="Good knowledge of bookkeeping;", kind="knowledge", level="good")
    version.competencies.create(position=1, name="Integrity", description="Is honest.")
    version.other_sections.create(position=1, heading="Physical Demands", text="Sits at a desk.")
    version.definitions.create(position=1, term="Bookkeeping", text="* Bookkeeping is defined as ...")
    job_class.history.create(kind="adopted", date=datetime.date(1977, 11, 19), reference="CSM")
    with_paths(version)
    version.substitutions.create(
        position=1,
        text="College may replace experience year for year.",
        kind="education_for_experience",
        cap_years=2,
        path=version.paths.get(position=2),
    )
    publish(version)

    data = client.get("/classes/tompkins-county/account-clerk/versions/1/json/").json()

    assert data["number"] == 1 and data["status"] == "adopted"
    assert data["distinguishing_features"]["text"] == "Does clerical work."
    assert data["duties"] == {
        "heading": "TYPICAL WORK ACTIVITIES",
        "items": [{"id": version.duties.get().pk, "label": "", "text": "Keeps the ledger;"}],
        "note": "Illustrative only.",
    }
    assert [{name: value for name, value in item.items() if name != "id"} for item in data["ksas"]["items"]] == [
        {"label": "", "text": "Good knowledge of bookkeeping;", "kind": "knowledge", "level": "good"}
    ]
    assert data["competencies"]["items"][0]["description"] == "Is honest."
    assert data["other_sections"][0]["heading"] == "Physical Demands"
    qualifications = data["qualifications"]
    assert [p["label"] for p in qualifications["paths"]] == ["A)", "B)", "1."]
    assert qualifications["paths"][0]["text"].startswith("Bachelor's degree in accounting")
    assert qualifications["paths"][0]["education_level"] == "bachelor"
    substitution = qualifications["substitutions"][0]
    assert substitution["cap_years"] == "2"
    # The rule names the path it is printed in by that path's id, which the path's own entry carries.
    assert substitution["path"] == qualifications["paths"][1]["id"]
    assert qualifications["paths"][0]["excluded_experience"] == ["volunteer bookkeeping"]
    assert qualifications["definitions"][0]["term"] == "Bookkeeping"
    assert data["special_requirements"] == [
        {
            "id": version.special_requirements.get().pk,
            "kind": "drivers_license",
            "heading": "SPECIAL REQUIREMENT",
            "text": "A driver's license.",
            "license_needed_by": None,
            "license_within_months": None,
        }
    ]
    assert data["history"] == [{"kind": "adopted", "date": "1977-11-19", "reference": "CSM", "by": ""}]


def test_a_superseded_version_json_is_public_but_a_draft_version_json_is_404(client, make_class):
    job_class, first = make_class("Account Clerk")
    first.status = "superseded"
    first.save()
    job_class.versions.create(number=2, status="adopted", title="Account Clerk")
    job_class.versions.create(number=3, status="draft", title="Account Clerk")
    base = "/classes/tompkins-county/account-clerk/versions"

    assert client.get(f"{base}/1/json/").json()["status"] == "superseded"
    draft, missing = client.get(f"{base}/3/json/"), client.get(f"{base}/4/json/")
    assert draft.status_code == missing.status_code == 404
    assert draft.content == missing.content


def test_every_seed_exports_to_csv_and_json(client, seeds):
    rows = csv_rows(client)
    catalogue = json.loads(body(client.get("/data/classes.json")))

    assert len(rows) == catalogue["count"] == 5
    for entry in catalogue["classes"]:
        version = client.get(entry["version"]["json_url"])
        assert version.status_code == 200
        assert version.json()["qualifications"]["paths"]


@pytest.mark.parametrize("address", ["/data/classes.csv", "/data/classes.json"])
def test_the_catalogue_exports_cost_the_same_few_queries_however_many_classes(
    client, make_class, django_assert_num_queries, address
):
    for number in range(15):
        _, version = make_class(f"Clerk {number:02d}", status="draft")
        with_paths(version)
        publish(version)

    # The catalogue's edition; the current versions with class, jurisdiction, series and department; their paths;
    # (the JSON only) the paths' times in title; the special requirements. (The titles' classes are unlinked here.)
    with django_assert_num_queries(6 if address.endswith(".json") else 4):  # the JSON counts first
        body(client.get(address))


@pytest.mark.parametrize("address", ["/data/classes.csv", "/data/classes.json"])
def test_an_export_asked_again_is_read_from_the_kept_file_until_the_catalogue_changes(
    client, make_class, django_assert_num_queries, address
):
    _, clerk = make_class("Account Clerk", status="draft")
    publish(clerk)
    first = body(client.get(address))

    with django_assert_num_queries(1):  # the catalogue's edition
        again = body(client.get(address))
    assert again == first and b"Account Clerk" in again

    _, payroll = make_class("Payroll Clerk", status="draft")
    workflow.propose(payroll, by=None)
    workflow.adopt(payroll, by=None, adopted_on=datetime.date(2024, 1, 1))  # a new edition of the catalogue
    assert b"Payroll Clerk" in body(client.get(address))
    assert len(list((settings.RENDERED_ROOT / "exports").iterdir())) == 1  # the older edition's export is gone


def test_an_export_cut_short_is_not_kept(rf):
    request = rf.get("/data/classes.csv")
    rows = ["title\n", "Account Clerk\n", "Payroll Clerk\n"]
    stream = caching.export(request, "classes.csv", lambda: iter(rows))
    next(stream)  # the header row only, and the reader goes away: the server closes the stream
    stream.close()
    assert list((settings.RENDERED_ROOT / "exports").iterdir()) == []

    assert "".join(caching.export(request, "classes.csv", lambda: iter(rows))) == "".join(rows)
    kept = caching.export(request, "classes.csv", lambda: iter(["never read\n"]))
    assert b"".join(kept).decode() == "".join(rows)
    kept.close()


def test_each_host_is_given_its_own_addresses(client, make_class, settings):
    settings.ALLOWED_HOSTS = ["testserver", "specs.example.gov"]
    _, clerk = make_class("Account Clerk", status="draft")
    publish(clerk)

    here = body(client.get("/data/classes.csv")).decode()
    there = body(client.get("/data/classes.csv", headers={"host": "specs.example.gov"})).decode()

    assert "http://testserver/classes/" in here and "specs.example.gov" not in here
    assert "http://specs.example.gov/classes/" in there and "testserver" not in there
    assert body(client.get("/data/classes.csv")).decode() == here  # each host's export is kept beside the other
    assert len(list((settings.RENDERED_ROOT / "exports").iterdir())) == 2
