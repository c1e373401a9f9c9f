"""Accreditation, provisional time, units in a substitution and a special requirement's time, on a class's check page,
in its JSON and on its spec page, for a spec written for these tests.

Budget Analyst: A) a bachelor's degree from an accredited college and two years of budget work, of which 12 semester
or 18 quarter units in public finance may replace six months; B) unlabelled, promotional: one year of permanent
status as Budget Clerk. Its special requirement asks for a driver's licence within six months of appointment.
"""

import json
from decimal import Decimal

import pytest

from qualifications.models import Path
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

CLASS_URL = "/classes/tompkins-county/budget-analyst/"
URL = CLASS_URL + "check/"
BUDGETING, FINANCE, CLERK = "budget analysis", "public finance", "Budget Clerk"


@pytest.fixture
def budget(make_class):
    _, version = make_class("Budget Analyst", status="draft")
    analyst = Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="A bachelor's degree from an accredited college and two years of experience in budget analysis.",
        education_level="bachelor",
        accredited_education=True,
        experience_years=Decimal(2),
        experience_kinds=BUDGETING,
    )
    version.substitutions.create(
        position=1,
        path=analyst,
        text="12 semester or 18 quarter units in public finance may be substituted for six months of experience.",
        kind="education_for_experience",
        credit_hours=12,
        quarter_units=18,
        credit_hour_subjects=FINANCE,
        years_for_units=Decimal("0.5"),
    )
    promotion = Path.objects.create(
        version=version,
        position=2,
        kind="promotional",
        text="One year of permanent status as Budget Clerk.",
        status_required="permanent",
    )
    promotion.titles.create(position=1, title=CLERK, years=Decimal(1))
    version.special_requirements.create(
        position=1,
        kind="drivers_license",
        text="A valid driver's license within six months of appointment.",
        license_needed_by="within_period",
        license_within_months=6,
    )
    return publish(version)


def post(client, profile):
    return client.post(URL, json.dumps(profile), content_type="application/json")


def analyst(months=24, **fields):
    return {
        "education_level": "bachelor",
        "jobs": [{"months": months, "kinds": [BUDGETING]}],
        "licenses": [{"name": "Driver's license"}],
        **fields,
    }


def test_the_question_list_names_accreditation_provisional_time_and_the_units_subject(client, budget):
    questions = client.get(URL + "?format=json").json()["questions"]

    assert questions["accredited"] is True
    assert questions["status"] == [CLERK]
    assert questions["provisional"] == [CLERK]
    assert questions["credit_hours"] == [FINANCE]
    assert questions["credit_units"] == ["semester", "quarter"]


def test_the_json_answer_weighs_the_school_said_accredited_or_not_and_cannot_tell_when_unsaid(client, budget):
    outcomes = [post(client, analyst(accredited=said)).json()["paths"][0]["outcome"] for said in (True, False, None)]

    assert outcomes == ["met", "not_met", "cannot_tell"]


def test_quarter_units_in_the_named_subject_replace_six_months(client, budget):
    enough = post(client, analyst(18, accredited=True, credit_units="quarter", credit_hours={FINANCE: 18}))
    short = post(client, analyst(18, accredited=True, credit_units="quarter", credit_hours={FINANCE: 17}))

    assert enough.json()["paths"][0]["outcome"] == "met"
    assert short.json()["paths"][0]["gaps"] == ["6 months more experience."]


def test_provisional_time_does_not_meet_the_promotion_asking_permanent_status(client, budget):
    answer = post(client, {"examination": "promotional", "status": {CLERK: 0}, "provisional": {CLERK: 2}}).json()

    assert answer["outcome"] == "not_met"
    assert "does not count: the path asks for permanent status" in " ".join(answer["paths"][1]["reasons"])


@pytest.mark.parametrize(
    "profile, message",
    [
        ({"accredited": "yes"}, "accredited must be true, false, or null where it is not known."),
        (
            {"provisional": {"Mayor": 1}},
            "provisional: “Mayor” is not a name this spec prints. Choose from: Budget Clerk.",
        ),
        ({"provisional": {CLERK: -1}}, "provisional[Budget Clerk] must be between 0 and 80."),
    ],
)
def test_a_bad_accreditation_or_provisional_time_gets_400_with_a_clear_message(client, budget, profile, message):
    response = post(client, profile)

    assert response.status_code == 400
    assert message in response.json()["errors"]


def test_the_form_asks_accreditation_and_provisional_time_and_answers_with_them(client, budget):
    form = page_text(client.get(URL).content.decode())
    assert "Was your college or university accredited?" in form
    assert f"Years as {CLERK} while provisional, temporary or a trainee" in form

    response = client.post(
        URL,
        {
            "education_level": "bachelor",
            "accredited": "no",
            "status_provisional_0": "2",
            "jobs-TOTAL_FORMS": "1",
            "jobs-INITIAL_FORMS": "0",
            "jobs-0-years": "2",
            "jobs-0-kinds": BUDGETING,
        },
    )
    text = page_text(response.content.decode())

    assert response.status_code == 200
    assert "Needs the education from an accredited college or university; you said yours was not." in text
    assert "Your provisional, temporary or traineeship time (2 years as Budget Clerk) does not count" in text


def test_the_class_page_says_by_when_the_special_requirements_licence_is_needed_and_the_print_does_not(client, budget):
    page = page_text(client.get(CLASS_URL).content.decode())
    printed = page_text(client.get(CLASS_URL + "versions/1/print/").content.decode())

    assert "To be held Within 6 months of appointment" in page
    assert "A valid driver's license within six months of appointment." in printed
    assert "To be held" not in printed
