"""Across the catalogue: the same honesty, and classes met on condition listed with their condition."""

from decimal import Decimal

import pytest

from qualifications.models import Path
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def licensed_classes(make_class):
    """Two classes asking a bachelor's degree and a licence: one by appointment, one when applying."""
    for title, needed_by in (("Payroll Examiner", "appointment"), ("Pharmacist", "application")):
        _, version = make_class(title, status="draft")
        Path.objects.create(
            version=version,
            position=1,
            label="A)",
            text="A bachelor's degree and a licence.",
            education_level="bachelor",
            licenses=f"{title} licence",
            license_needed_by=needed_by,
        )
        publish(version)


def find(client, **fields):
    body = {"jobs-TOTAL_FORMS": "0", "jobs-INITIAL_FORMS": "0", **fields}
    return page_text(client.post("/classes/qualify/", body).content.decode())


def test_a_class_met_on_condition_is_listed_with_its_condition(client, licensed_classes):
    text = find(client, education_level="bachelor")

    assert "Payroll Examiner" in text
    assert "on condition: A current Payroll Examiner licence by appointment." in text


def test_a_licence_needed_when_applying_is_taken_as_given_and_said_so(client, licensed_classes):
    text = find(client, education_level="bachelor")

    assert "Pharmacist" in text
    assert "If you hold Pharmacist licence." in text


def test_a_class_whose_other_requirements_are_not_met_is_not_listed_on_condition(client, licensed_classes):
    text = find(client, education_level="associate")

    assert "Payroll Examiner" not in text
    assert "No classes you appear to meet" in text


def test_work_a_spec_excludes_is_named_as_taken_as_given(client, make_class):
    _, version = make_class("Bookkeeper", status="draft")
    Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="One year of experience in bookkeeping.",
        experience_years=Decimal(1),
        experience_kinds="bookkeeping",
        excluded_experience="volunteer bookkeeping",
    )
    publish(version)

    text = find(client, **{"jobs-TOTAL_FORMS": "1", "jobs-0-years": "1"})

    assert "Bookkeeper" in text
    assert "none of your work is volunteer bookkeeping" in text


@pytest.fixture
def accredited_class(make_class):
    _, version = make_class("Budget Analyst", status="draft")
    Path.objects.create(
        version=version,
        position=1,
        label="A)",
        text="A bachelor's degree from an accredited college.",
        education_level="bachelor",
        accredited_education=True,
    )
    publish(version)


def test_a_school_not_said_to_be_accredited_is_taken_as_given_and_said_so(client, accredited_class):
    text = find(client, education_level="bachelor")

    assert "Budget Analyst" in text
    assert "your college or university is accredited" in text


def test_a_school_said_not_to_be_accredited_keeps_a_class_asking_for_one_off_the_list(client, accredited_class):
    assert "Budget Analyst" in find(client, education_level="bachelor", accredited="yes")
    assert "Budget Analyst" not in find(client, education_level="bachelor", accredited="no")
