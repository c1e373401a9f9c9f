"""An analyst records in the version editor the facts the checker's later rules read: a path's accredited education,
a substitution's units and the experience they replace, a special requirement's licence time."""

from decimal import Decimal

import pytest
from django.urls import reverse

from qualifications.models import Path
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_class):
    _, version = make_class("Budget Analyst", status="draft")
    path = Path.objects.create(version=version, position=1, label="A)", text="A bachelor's degree.")
    version.substitutions.create(
        position=1, path=path, text="12 semester units may be substituted for six months.", kind="other"
    )
    version.special_requirements.create(position=1, kind="drivers_license", text="A driver's license.")
    return version


def test_the_checkers_facts_are_edited_and_saved_with_the_draft(analyst_client, draft):
    address = reverse("admin:classes_version_change", args=[draft.pk])
    data = form_data(analyst_client.get(address).content.decode(), "version_form")
    data.update(
        {
            "paths-0-accredited_education": ["true"],
            "substitutions-0-kind": ["education_for_experience"],
            "substitutions-0-credit_hours": ["12"],
            "substitutions-0-credit_hour_subjects": ["public finance"],
            "substitutions-0-years_for_units": ["0.5"],
            "special_requirements-0-license_needed_by": ["within_period"],
            "special_requirements-0-license_within_months": ["6"],
            "_continue": ["Save and continue editing"],
        }
    )

    response = analyst_client.post(address, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    rule = draft.substitutions.get()
    requirement = draft.special_requirements.get()
    assert draft.paths.get().accredited_education is True
    assert (rule.credit_hours, rule.credit_hour_subject_list, rule.years_for_units) == (
        12,
        ["public finance"],
        Decimal("0.5"),
    )
    assert (requirement.license_needed_by, requirement.license_needed_when) == (
        "within_period",
        "within 6 months of appointment",
    )


def test_a_licence_time_outside_the_vocabulary_is_refused_with_a_message(analyst_client, draft):
    address = reverse("admin:classes_version_change", args=[draft.pk])
    data = form_data(analyst_client.get(address).content.decode(), "version_form")
    data.update({"special_requirements-0-license_needed_by": ["someday"], "_continue": ["Save"]})

    response = analyst_client.post(address, data)

    assert response.status_code == 200
    assert "Select a valid choice. someday is not one of the available choices." in response.content.decode()
    assert draft.special_requirements.get().license_needed_by == ""
