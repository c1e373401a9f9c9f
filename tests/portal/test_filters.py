"""Filters on the class list read the current adopted version, combine, stay in the URL, and refuse bad values clearly."""

import re

import pytest

from classes.models import Department, Jurisdiction
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get("/classes/", params)
    assert response.status_code == 200, page_text(response.content.decode())
    return page_text(response.content.decode())


@pytest.fixture
def catalogue(make_class, jurisdiction):
    """Three current classes of one county, and a draft that must never show."""
    social = Department.objects.create(jurisdiction=jurisdiction, name="Department of Social Services")
    clerk, clerk_text = make_class("Account Clerk", status="draft", jurisdictional_class="competitive")
    clerk_text.paths.create(position=1, text="High school and two years.", education_level="high_school")
    clerk_text.special_requirements.create(position=1, kind="drivers_license", text="A license.")
    publish(clerk_text, adopted_on="2019-03-01")
    analyst, analyst_text = make_class(
        "Welfare Analyst", status="draft", jurisdictional_class="competitive", department=social
    )
    analyst_text.paths.create(position=1, text="A bachelor's degree.", education_level="bachelor")
    analyst_text.paths.create(position=2, kind="promotional", text="One year as Account Clerk.")
    publish(analyst_text, adopted_on="2021-06-01")
    laborer, laborer_text = make_class("Laborer", status="draft", jurisdictional_class="labor")
    laborer_text.paths.create(position=1, text="An equivalent combination.", is_equivalent_combination=True)
    publish(laborer_text, adopted_on="2010-01-01")
    budget, _ = make_class("Budget Analyst", status="draft", department=social, jurisdictional_class="competitive")
    return clerk, analyst, laborer, budget


def titles_in(text, catalogue):
    return sorted(job_class.title for job_class in catalogue if job_class.title in text)


def test_the_department_filter_reads_the_current_version(client, catalogue):
    department = Department.objects.get()

    assert titles_in(listed(client, department=department.pk), catalogue) == ["Welfare Analyst"]


def test_the_jurisdictional_class_filter(client, catalogue):
    assert titles_in(listed(client, jurisdictional_class="competitive"), catalogue) == [
        "Account Clerk",
        "Welfare Analyst",
    ]
    assert titles_in(listed(client, jurisdictional_class="labor"), catalogue) == ["Laborer"]


def test_the_education_filter_keeps_classes_whose_easiest_path_needs_no_more(client, catalogue):
    assert titles_in(listed(client, education="high_school"), catalogue) == ["Account Clerk"]
    assert titles_in(listed(client, education="bachelor"), catalogue) == ["Account Clerk", "Welfare Analyst"]
    # the analyst's promotional path states no education, but it lets in employees by status, not by education
    assert titles_in(listed(client, education="none"), catalogue) == []


def test_path_kind_and_special_requirement_filters(client, catalogue):
    assert titles_in(listed(client, path="promotional"), catalogue) == ["Welfare Analyst"]
    assert titles_in(listed(client, requirement="drivers_license"), catalogue) == ["Account Clerk"]


def test_filters_combine_and_name_the_count(client, catalogue):
    text = listed(client, jurisdictional_class="competitive", path="open_competitive", education="bachelor")

    assert titles_in(text, catalogue) == ["Account Clerk", "Welfare Analyst"]
    assert "2 classes" in text


def test_the_jurisdiction_filter_takes_the_slug(client, catalogue):
    other = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    assert titles_in(listed(client, jurisdiction="tompkins-county"), catalogue) == [
        "Account Clerk",
        "Laborer",
        "Welfare Analyst",
    ]
    assert titles_in(listed(client, jurisdiction=other.slug), catalogue) == []


def test_abolished_classes_show_only_when_asked_for(client, catalogue):
    laborer = catalogue[2]
    laborer.abolished_on = "2020-01-01"
    laborer.save()

    assert "Laborer" not in listed(client)
    assert titles_in(listed(client, status="abolished"), catalogue) == ["Laborer"]


def test_sorting_by_latest_adoption(client, catalogue):
    text = listed(client, sort="adopted")

    assert text.index("Welfare Analyst") < text.index("Account Clerk") < text.index("Laborer")


def test_pages_keep_the_filters_in_their_links(client, make_class):
    for number in range(30):
        make_class(f"Clerk {number:02d}", jurisdictional_class="competitive")

    html = client.get("/classes/", {"jurisdictional_class": "competitive"}).content.decode()

    assert "?jurisdictional_class=competitive&amp;page=2" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"jurisdiction": "atlantis"}, "Select a valid choice"),
        ({"department": "999999"}, "Select a valid choice"),
        ({"department": "social"}, "Select a valid choice"),
        ({"education": "phd"}, "Select a valid choice"),
        ({"status": "deleted"}, "Select a valid choice"),
        ({"sort": "salary"}, "Sort by one of: relevance, title, adopted."),
    ],
)
def test_an_invalid_filter_value_gets_a_clear_message_and_a_400(client, catalogue, params, message):
    response = client.get("/classes/", params)

    assert response.status_code == 400
    assert message in page_text(response.content.decode())


@pytest.mark.parametrize("page", ["0", "-3", "99999999999999999999", "abc", "2.5", ""])
def test_any_page_number_answers_with_a_page(client, catalogue, page):
    assert client.get("/classes/", {"page": page}).status_code == 200


def test_the_list_runs_a_fixed_number_of_queries_whatever_the_results(
    client, make_class, django_assert_max_num_queries
):
    for number in range(40):
        _, version = make_class(f"Clerk {number:02d}", status="draft")
        version.paths.create(position=1, text="x", education_level="high_school")
        publish(version)

    # the filter form's jurisdictions, departments and series; the count; the page of classes;
    # their current versions with department
    with django_assert_max_num_queries(6):
        client.get("/classes/", {"education": "bachelor", "jurisdictional_class": "competitive"})
    with django_assert_max_num_queries(6):
        client.get("/classes/", {"sort": "adopted"})


@pytest.mark.parametrize(
    "query",
    ['"enforcement', "child & support", "100%", "😀 coordinator", "a:b", "-", "*", "(", "x" * 5000, "\x00", "'; drop"],
)
def test_any_query_answers_with_a_page_never_an_error(client, seeds, query):
    response = client.get("/classes/", {"q": query, "jurisdictional_class": "competitive", "page": "9999"})

    assert response.status_code == 200


def test_search_combines_with_filters(client, seeds):
    text = listed(client, q="coordinator", jurisdictional_class="competitive")

    assert "matching “coordinator”" in text
    assert "CHILD SUPPORT ENFORCEMENT COORDINATOR" in text
    assert "CUSTOMER SUPPORT COORDINATOR" not in text


def test_the_form_offers_only_the_chosen_jurisdictions_departments(client, catalogue, jurisdiction):
    elsewhere = Jurisdiction.objects.create(name="Broome County", slug="broome-county")
    Department.objects.create(jurisdiction=elsewhere, name="Department of Public Works")

    def offered(params):
        html = client.get("/classes/", params).content.decode()
        return re.findall(r'<option value="\d+"[^>]*>([^<]*Department[^<]*)</option>', html), page_text(html)

    departments, text = offered({})
    assert departments == [] and "Choose a jurisdiction first." in text
    departments, text = offered({"jurisdiction": jurisdiction.slug})
    assert [name for name in departments if "Public Works" in name] == []
    assert [name for name in departments if "Social Services" in name] != []


def test_a_department_chosen_without_a_jurisdiction_still_filters_and_shows(client, catalogue):
    department = Department.objects.get(name="Department of Social Services")
    response = client.get("/classes/", {"department": department.pk})
    assert response.status_code == 200
    assert f'<option value="{department.pk}" selected>' in response.content.decode()
