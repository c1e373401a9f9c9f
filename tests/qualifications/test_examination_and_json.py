"""The examination chosen, the JSON answer and the question list, on a spec written for these tests.

Payroll Examiner: A) a bachelor's degree and one year of payroll work, volunteer payroll work not counting, and a
licence needed by appointment; B) unlabelled, promotional: one year as Payroll Clerk. Its special requirement asks
for a driver's licence.
"""

import json
from decimal import Decimal

import pytest

from qualifications.models import Path
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

URL = "/classes/tompkins-county/payroll-examiner/check/"
PAYROLL, VOLUNTEER, CERTIFICATE = "payroll administration", "volunteer payroll work", "Certified Payroll Professional"


@pytest.fixture
def payroll(make_class):
    _, version = make_class("Payroll Examiner", status="draft")
    Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="A bachelor's degree and one year of experience in payroll administration.",
        education_level="bachelor",
        experience_years=Decimal(1),
        experience_kinds=PAYROLL,
        excluded_experience=VOLUNTEER,
        licenses=CERTIFICATE,
        license_needed_by="appointment",
    )
    promotion = Path.objects.create(
        version=version, position=2, kind="promotional", text="One year of permanent status as Payroll Clerk."
    )
    promotion.titles.create(position=1, title="Payroll Clerk", years=Decimal(1))
    version.special_requirements.create(position=1, kind="drivers_license", text="A valid driver's license.")
    return publish(version)


def post(client, profile):
    return client.post(URL, json.dumps(profile), content_type="application/json")


GRADUATE = {
    "education_level": "bachelor",
    "jobs": [{"years": 1, "kinds": [PAYROLL]}],
    "licenses": [{"name": CERTIFICATE, "status": "current"}, {"name": "Driver's license", "status": "current"}],
}
CLERK = {"education_level": "high_school", "status": {"Payroll Clerk": 1}, "licenses": GRADUATE["licenses"]}


def test_the_answer_is_for_open_competitive_unless_the_applicant_chooses(client, payroll):
    answer = post(client, CLERK).json()

    assert answer["examination"] == "open_competitive"
    assert answer["outcome"] == "not_met"
    assert [path["outcome"] for path in answer["paths"]] == ["not_met", "met"]  # the other kind's path still shown


def test_the_answer_for_the_promotional_examination_reads_its_paths_only(client, payroll):
    answer = post(client, {**CLERK, "examination": "promotional"}).json()

    assert answer["examination"] == "promotional"
    assert answer["outcome"] == "met"
    assert post(client, {**GRADUATE, "examination": "promotional"}).json()["outcome"] == "not_met"


def test_each_path_has_a_stable_id_its_printed_label_or_none_and_its_kind(client, payroll):
    paths = post(client, GRADUATE).json()["paths"]
    exported = client.get("/classes/tompkins-county/payroll-examiner/versions/1/json/").json()

    assert [(path["label"], path["kind"]) for path in paths] == [("A)", "open_competitive"), (None, "promotional")]
    assert [path["id"] for path in paths] == [path["id"] for path in exported["qualifications"]["paths"]]
    assert set(paths[0]) >= {"id", "label", "kind", "outcome", "reasons", "conditions", "gaps"}


def test_a_licence_not_yet_held_answers_met_on_condition_with_what_is_needed_by_when(client, payroll):
    answer = post(client, {**GRADUATE, "licenses": []}).json()

    assert answer["outcome"] == "met_on_condition"
    assert answer["paths"][0]["conditions"] == [
        f"A current {CERTIFICATE} by appointment.",
        "A current Driver's license by appointment.",
    ]


def test_volunteer_work_the_spec_excludes_does_not_count(client, payroll):
    volunteer = {**GRADUATE, "jobs": [{"years": 1, "kinds": [PAYROLL, VOLUNTEER]}]}

    assert post(client, volunteer).json()["outcome"] == "not_met"


def test_the_question_list_names_every_choice(client, payroll):
    questions = client.get(URL + "?format=json").json()["questions"]

    assert questions["examination"] == ["open_competitive", "promotional"]
    assert questions["education_level"] == ["high_school", "associate", "bachelor", "master", "doctorate"]
    assert questions["experience_kinds"] == [PAYROLL]
    assert questions["excluded_kinds"] == [VOLUNTEER]
    assert questions["licenses"] == [CERTIFICATE, "Driver's license"]
    assert questions["license_status"] == ["current", "expired"]
    assert questions["status"] == ["Payroll Clerk"]
    assert questions["outcomes"] == ["met", "met_on_condition", "not_met", "cannot_tell"]


@pytest.mark.parametrize(
    "profile, message",
    [
        ({"examination": "lateral"}, "examination must be one of: open_competitive, promotional"),
        ({"licenses": [{"name": "Pilot's licence"}]}, "“Pilot's licence” is not a name this spec prints"),
        ({"licenses": [{"name": CERTIFICATE, "expires_on": "30/06/2027"}]}, "must be a date written YYYY-MM-DD"),
        ({"licenses": [{"name": CERTIFICATE, "status": "pending"}]}, "status must be one of: current, expired"),
        ({"credit_units": "trimester"}, "credit_units must be one of: semester, quarter"),
    ],
)
def test_a_bad_choice_gets_400_with_a_clear_message(client, payroll, profile, message):
    response = post(client, profile)

    assert response.status_code == 400
    assert any(message in error for error in response.json()["errors"]), response.json()


def test_the_form_asks_the_examination_and_the_licences_and_answers_for_the_one_chosen(client, payroll):
    form = page_text(client.get(URL).content.decode())
    assert "The examination you are applying to" in form
    assert CERTIFICATE in form

    response = client.post(
        URL,
        {
            "examination": "promotional",
            "education_level": "high_school",
            "status_0": "1",
            "licence_1": "current",
            "jobs-TOTAL_FORMS": "0",
            "jobs-INITIAL_FORMS": "0",
        },
    )
    text = page_text(response.content.decode())

    assert response.status_code == 200
    assert "You appear to meet at least one promotional path" in text
    assert "The 2nd path (no printed label)" in text
    assert f"A current {CERTIFICATE} by appointment." in text  # the open-competitive path's condition, still shown
