"""The checker's pages and JSON: only the questions a spec needs, results per path, and nothing kept."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classes.models import JobClass, Version
from qualifications.models import Path
from tests.pagetext import page_text as html_text

CUSTOMER_SUPPORT = "/classes/unnamed-employer-b/customer-support-coordinator/"
CAYUGA = "/classes/cayuga-county/child-support-enforcement-coordinator/"
CASE_MANAGEMENT = "/classes/career-service-authority/case-management-coordinator-i/"


def page_text(response):
    return html_text(response.content.decode())


def form_post(**fields):
    """A form body with the job entries' management form; fields named as the form names them."""
    jobs = 1 + max((int(name.split("-")[1]) for name in fields if name.startswith("jobs-")), default=0)
    return {"jobs-TOTAL_FORMS": str(jobs), "jobs-INITIAL_FORMS": "0", **fields}


def post_json(client, url, profile):
    return client.post(url + "check/", json.dumps(profile), content_type="application/json")


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]


@pytest.mark.django_db
class TestTheForm:
    def test_the_class_page_links_to_its_checker(self, client, seeds):
        assert 'href="/classes/unnamed-employer-b/customer-support-coordinator/check/"' in (
            client.get(CUSTOMER_SUPPORT).content.decode()
        )

    def test_it_asks_only_what_the_paths_need(self, client, seeds):
        customer_support = page_text(client.get(CUSTOMER_SUPPORT + "check/"))
        assert "Credit hours you have in computer science or programming" in customer_support
        assert "supervised" not in customer_support  # no path of this spec asks supervisory experience
        assert "permanent competitive status" not in customer_support

        cayuga = page_text(client.get(CAYUGA + "check/"))
        assert "In this work I supervised other employees" in cayuga
        assert "Years of permanent competitive status as Senior Support Investigator" in cayuga
        assert "Supervisory experience is defined as work which required" in cayuga  # the spec's own definition
        assert "Credit hours you have in" not in cayuga

    def test_a_submitted_profile_shows_every_path_with_its_outcome_and_reasons(self, client, seeds):
        response = client.post(
            CUSTOMER_SUPPORT + "check/",
            form_post(
                education_level="high_school",
                **{"jobs-0-years": "5", "jobs-0-kinds": ["computer programming"]},
            ),
        )
        text = page_text(response)
        assert response.status_code == 200
        assert "You appear to meet at least one open-competitive path" in text
        assert "Needs 5 years of experience in computer programming" in text
        assert "Needs: Bachelor's degree. You have: High school diploma or equivalency." in text
        assert "What would close the gap" in text
        assert text.count("Not met yet") == 2  # A) and B); C) and D) are met

    def test_part_time_work_is_counted_at_its_share_of_a_40_hour_week(self, client, seeds):
        response = client.post(
            CUSTOMER_SUPPORT + "check/",
            form_post(
                education_level="high_school",
                **{"jobs-0-years": "10", "jobs-0-hours_per_week": "20", "jobs-0-kinds": ["computer programming"]},
            ),
        )
        assert "you have 5 years (full-time equivalent)" in page_text(response)

    def test_add_another_job_keeps_what_was_typed_and_checks_nothing(self, client, seeds):
        response = client.post(
            CUSTOMER_SUPPORT + "check/", form_post(add_job="1", **{"jobs-0-title": "Help desk", "jobs-0-years": "2"})
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert 'value="Help desk"' in body
        assert 'name="jobs-1-years"' in body
        assert "You appear to meet" not in body and "Not met yet" not in body

    def test_a_bad_answer_is_named_and_the_form_comes_back_filled(self, client, seeds):
        response = client.post(
            CUSTOMER_SUPPORT + "check/", form_post(education_level="wizard", **{"jobs-0-years": "-3"})
        )
        text = page_text(response)
        assert response.status_code == 400
        assert "Some answers need another look" in text
        assert "Highest education you have completed" in text and "Job 1, years" in text

    def test_a_draft_only_class_has_no_checker(self, client, make_class):
        job_class, version = make_class("Draft Clerk", status="draft")
        Path.objects.create(version=version, position=1, text="Five years.", experience_years=5)
        assert client.get(f"/classes/{job_class.jurisdiction.slug}/{job_class.slug}/check/").status_code == 404

    def test_the_checker_reads_the_adopted_version_not_an_open_draft(self, client, seeds):
        current = Version.objects.get(job_class__slug="customer-support-coordinator", status="adopted")
        draft = Version.objects.create(job_class=current.job_class, number=2, status="draft", title="Draft title")
        Path.objects.create(version=draft, position=1, label="Z)", text="Ten years of anything.", experience_years=10)
        text = page_text(client.post(CUSTOMER_SUPPORT + "check/", form_post(education_level="bachelor")))
        assert "Z)" not in text and "Ten years of anything" not in text
        assert "D)" in text


@pytest.mark.django_db
class TestPrivacy:
    def test_results_are_never_stored_by_any_cache(self, client, seeds):
        for response in (
            client.get(CUSTOMER_SUPPORT + "check/"),
            client.post(CUSTOMER_SUPPORT + "check/", form_post(education_level="bachelor")),
            post_json(client, CUSTOMER_SUPPORT, {"education_level": "bachelor"}),
            client.post("/classes/qualify/", form_post(education_level="bachelor")),
        ):
            cache_control = response["Cache-Control"]
            assert "no-store" in cache_control and "private" in cache_control

    def test_checking_writes_nothing_to_the_database(self, client, seeds):
        with CaptureQueriesContext(connection) as queries:
            client.post(CAYUGA + "check/", form_post(education_level="bachelor", **{"jobs-0-years": "2"}))
            post_json(client, CAYUGA, {"education_level": "bachelor", "jobs": [{"years": 2}]})
            client.post("/classes/qualify/", form_post(education_level="bachelor", **{"jobs-0-years": "2"}))
        assert writes(queries.captured_queries) == []

    def test_no_session_or_csrf_cookie_is_set(self, client, seeds):
        response = client.post(CAYUGA + "check/", form_post(education_level="bachelor"))
        assert response.cookies == {}


@pytest.mark.django_db
class TestJSON:
    def test_a_profile_posted_as_json_gets_the_result_per_path(self, client, seeds):
        response = post_json(
            client,
            CAYUGA,
            {
                "education_level": "bachelor",
                "accredited": True,
                "jobs": [
                    {
                        "years": 2,
                        "paid": True,
                        "supervisory": True,
                        "kinds": [
                            "investigating directly involving financial, criminal, insurance, or private civil matters"
                        ],
                    }
                ],
                "status": {"Senior Social Welfare Examiner": 1.5},
                "licenses": [{"name": "Driver's license", "status": "current"}],
            },
        )
        result = response.json()
        assert response.status_code == 200
        assert result["examination"] == "open_competitive"
        assert result["outcome"] == "met"
        assert result["notice"].startswith("A screening aid only")
        outcomes = [(path["label"], path["kind"], path["outcome"]) for path in result["paths"]]
        assert outcomes == [
            ("(A)", "open_competitive", "met"),
            ("(B)", "open_competitive", "not_met"),
            ("(C)", "open_competitive", "met"),
            (None, "promotional", "not_met"),  # printed without a label: none is made up
            (None, "promotional", "not_met"),
        ]
        assert len({path["id"] for path in result["paths"]}) == 5
        path_5 = result["paths"][4]
        assert path_5["kind"] == "promotional"
        assert "You have 1 year 6 months as Senior Social Welfare Examiner." in path_5["reasons"][0]
        assert path_5["gaps"] == [
            "6 months more as Senior Social Welfare Examiner or 2 years more as Senior Social Services Investigator."
        ]

    def test_the_questions_are_published_as_json(self, client, seeds):
        questions = client.get(CAYUGA + "check/?format=json").json()["questions"]
        assert questions["supervisory"] is True
        assert questions["status"][0] == "Senior Support Investigator"
        assert questions["degree_fields"] == []

    @pytest.mark.parametrize(
        "body, message",
        [
            ("{not json", "The body is not valid JSON."),
            ("[1, 2]", "The profile must be a JSON object."),
            ('{"shoe_size": 9}', "“shoe_size” is not part of a profile"),
            ('{"education_level": "phd"}', "education_level must be one of"),
            ('{"jobs": [{"years": "1e999999"}]}', "jobs[1].years must be a number such as 2 or 2.5"),
            ('{"jobs": [{"kinds": ["astrology"]}]}', "“astrology” is not a name this spec prints"),
            ('{"status": {"Emperor": 3}}', "“Emperor” is not a name this spec prints"),
        ],
    )
    def test_a_bad_profile_gets_400_with_a_clear_message(self, client, seeds, body, message):
        response = client.post(CAYUGA + "check/", body, content_type="application/json")
        assert response.status_code == 400
        assert any(message in error for error in response.json()["errors"]), response.json()


@pytest.mark.django_db
class TestAcrossTheCatalogue:
    def test_it_lists_the_classes_whose_open_competitive_paths_the_profile_meets(self, client, seeds):
        response = client.post("/classes/qualify/", form_post(education_level="high_school", **{"jobs-0-years": "5"}))
        text = page_text(response)
        assert response.status_code == 200
        assert "Classes you appear to meet: results 1 to 4" in text
        for title in (
            "CUSTOMER SUPPORT COORDINATOR",
            "WELFARE MANAGEMENT SYSTEMS COORDINATOR",
            "Case Management Coordinator I",
            "EMPLOYMENT CASE MANAGER",
        ):
            assert title in text
        assert "CHILD SUPPORT ENFORCEMENT COORDINATOR" not in text  # every path needs a degree
        assert "If your experience is of the kind named" in text  # assumed, and said

    def test_too_little_experience_lists_only_what_it_meets(self, client, seeds):
        text = page_text(
            client.post("/classes/qualify/", form_post(education_level="high_school", **{"jobs-0-years": "2"}))
        )
        assert "Classes you appear to meet: result 1" in text
        assert "Case Management Coordinator I" in text

    def test_one_jurisdiction_only(self, client, seeds):
        text = page_text(
            client.post(
                "/classes/qualify/",
                form_post(education_level="high_school", jurisdiction="broome-county", **{"jobs-0-years": "5"}),
            )
        )
        assert "Classes you appear to meet: result 1" in text and "WELFARE MANAGEMENT SYSTEMS COORDINATOR" in text

    def test_an_unknown_jurisdiction_is_refused_with_a_message(self, client, seeds):
        response = client.post("/classes/qualify/", form_post(jurisdiction="atlantis"))
        assert response.status_code == 400
        assert "There is no such jurisdiction" in page_text(response)

    def test_abolished_classes_are_left_out(self, client, seeds):
        JobClass.objects.filter(slug="case-management-coordinator-i").update(abolished_on="2020-01-01")
        text = page_text(
            client.post("/classes/qualify/", form_post(education_level="high_school", **{"jobs-0-years": "2"}))
        )
        assert "No classes you appear to meet" in text


@pytest.mark.django_db
def test_matches_come_a_page_at_a_time_in_title_order(client, seeds, monkeypatch):
    monkeypatch.setattr("qualifications.views.RESULTS_PER_PAGE", 3)
    monkeypatch.setattr("qualifications.catalogue.FIRST_CHUNK", 1)  # candidates read in chunks of 1, 2, 4 ...
    profile = form_post(education_level="high_school", **{"jobs-0-years": "5"})

    first = page_text(client.post("/classes/qualify/", profile))
    second = page_text(client.post("/classes/qualify/", {**profile, "page": "2"}))

    assert "Classes you appear to meet: results 1 to 3, more on the next page" in first and "Next page" in first
    assert "Classes you appear to meet: result 4" in second and "Previous page" in second
    titles = ["Case Management Coordinator I", "CUSTOMER SUPPORT COORDINATOR", "EMPLOYMENT CASE MANAGER"]
    assert [title in first for title in titles] == [True, True, True]
    assert "WELFARE MANAGEMENT SYSTEMS COORDINATOR" in second


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "x", "9" * 5000, "٣"])
def test_a_page_number_that_is_not_one_reads_as_the_first(client, seeds, page):
    response = client.post("/classes/qualify/", form_post(education_level="high_school", page=page))
    assert response.status_code == 200
