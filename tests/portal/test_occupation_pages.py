"""A class's occupation where the public reads it: named on the class page with O*NET's attribution, carried by
the JSON and the CSV, and given to search engines as schema.org `Occupation` JSON-LD on every class page."""

import csv
import io
import json
import re

import pytest

from classes import occupations
from classes.models import Occupation, Version

EMPLOYMENT = "/classes/unnamed-employer-a/employment-case-manager/"
ATTRIBUTION = "This page includes information from the O*NET® 30.0 and 29.3 Databases"


@pytest.fixture
def classed(seeds):
    """The seeds, each suggested its occupation; Employment Case Manager's then confirmed by an analyst."""
    for version in Version.objects.current():
        occupations.suggest(version)
    employment = Version.objects.current().get(title="EMPLOYMENT CASE MANAGER")
    occupations.confirm(employment, occupation=Occupation.objects.get(code="21-1093.00"))


def words(page):
    """The page's text without its markup."""
    return re.sub(r"<[^>]+>", "", page.content.decode())


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.content.decode(), re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_class_page_names_its_occupation_with_onets_attribution(client, classed):
    page = words(client.get(EMPLOYMENT))
    assert "Social and Human Service Assistants (O*NET-SOC 21-1093.00)." in page
    assert ATTRIBUTION in page


def test_a_suggested_occupation_says_it_is_a_suggestion(client, classed):
    page = client.get("/classes/unnamed-employer-b/customer-support-coordinator/").content.decode()
    assert "(O*NET-SOC 15-1232.00), suggested from the title and duties." in page


def test_a_class_with_no_occupation_shows_neither_occupation_nor_attribution(client, seeds):
    page = client.get(EMPLOYMENT)
    assert 'id="occupation-heading"' not in page.content.decode()
    assert ATTRIBUTION not in words(page)


def test_every_class_page_has_json_ld_of_its_occupation(client, classed):
    data = json_ld(client.get(EMPLOYMENT))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Occupation"
    assert data["name"] == "EMPLOYMENT CASE MANAGER"
    assert data["url"] == "http://testserver" + EMPLOYMENT
    assert data["occupationalCategory"]["codeValue"] == "21-1093.00"
    assert data["occupationalCategory"]["name"] == "Social and Human Service Assistants"
    assert data["occupationalCategory"]["inCodeSet"]["name"] == "O*NET-SOC 2019"
    version = Version.objects.current().get(title="EMPLOYMENT CASE MANAGER")
    assert data["responsibilities"][0].endswith(version.duties.first().text)
    assert len(data["responsibilities"]) == version.duties.count()
    assert len(data["skills"]) >= 1
    assert data["educationRequirements"] or data["experienceRequirements"]


def test_json_ld_states_each_paths_education_and_months_of_experience(client, classed):
    data = json_ld(client.get("/classes/unnamed-employer-b/customer-support-coordinator/"))
    version = Version.objects.current().get(title="CUSTOMER SUPPORT COORDINATOR")
    paths = [p for p in version.paths.all() if p.kind == "open_competitive"]
    expected = [int(p.experience_years * 12) for p in paths if p.experience_years]
    assert [item["monthsOfExperience"] for item in data["experienceRequirements"]] == expected
    assert {item["credentialCategory"] for item in data["educationRequirements"]} == {
        p.get_education_level_display() for p in paths if p.education_level
    }


def test_json_ld_cannot_end_its_script_element(client, make_class):
    make_class("Clerk </script><script>alert(1)</script>")
    page = client.get("/classes/tompkins-county/clerk-</script><script>alert(1)</script>/")
    if page.status_code == 200:
        assert "<script>alert(1)" not in page.content.decode()
        assert json_ld(page)["name"] == "Clerk </script><script>alert(1)</script>"


def test_a_class_page_without_an_occupation_still_has_json_ld(client, seeds):
    data = json_ld(client.get(EMPLOYMENT))
    assert data["@type"] == "Occupation"
    assert "occupationalCategory" not in data


def test_the_version_json_carries_the_occupation_and_who_chose_it(client, classed):
    version = Version.objects.current().get(title="EMPLOYMENT CASE MANAGER")
    data = client.get(EMPLOYMENT + f"versions/{version.number}/json/").json()
    assert data["occupation"] == {
        "code": "21-1093.00",
        "title": "Social and Human Service Assistants",
        "confirmed": True,
        "score": None,
        "onet_url": "https://www.onetonline.org/link/summary/21-1093.00",
    }
    streamed = b"".join(client.get("/data/classes.json").streaming_content)
    catalogue = {entry["title"]: entry for entry in json.loads(streamed)["classes"]}
    suggested = catalogue["CUSTOMER SUPPORT COORDINATOR"]["occupation"]
    assert (suggested["code"], suggested["confirmed"]) == ("15-1232.00", False)
    assert 0 < float(suggested["score"]) <= 1


def test_the_csv_carries_each_class_occupation(client, classed):
    response = client.get("/data/classes.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_title = {row["title"]: row for row in rows}
    assert by_title["EMPLOYMENT CASE MANAGER"]["occupation_code"] == "21-1093.00"
    assert by_title["EMPLOYMENT CASE MANAGER"]["occupation"] == "Social and Human Service Assistants"
    assert by_title["CUSTOMER SUPPORT COORDINATOR"]["occupation_code"] == "15-1232.00"


def test_confirming_an_occupation_shows_on_the_kept_class_page_at_once(client, classed):
    client.get(EMPLOYMENT)  # kept for this edition
    version = Version.objects.current().get(title="EMPLOYMENT CASE MANAGER")
    occupations.confirm(version, occupation=Occupation.objects.get(code="21-1015.00"))
    assert "(O*NET-SOC 21-1015.00)" in client.get(EMPLOYMENT).content.decode()
