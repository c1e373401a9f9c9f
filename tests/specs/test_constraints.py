"""The database itself refuses what the domain forbids, whatever code writes to it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from classes.models import Department, Duty, JobClass, Jurisdiction, Version
from qualifications.models import Path

pytestmark = pytest.mark.django_db


def refused(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


def test_a_second_current_adopted_version_of_a_class_is_refused(make_class):
    job_class, _ = make_class("Account Clerk", status="adopted")

    refused(lambda: Version.objects.create(job_class=job_class, number=2, status="adopted", title="Account Clerk"))


def test_an_adopted_version_may_sit_beside_superseded_ones(make_class):
    job_class, _ = make_class("Account Clerk", status="superseded")
    Version.objects.create(job_class=job_class, number=2, status="adopted", title="Account Clerk")
    Version.objects.create(job_class=job_class, number=3, status="draft", title="Account Clerk")

    assert job_class.versions.current().get().number == 2


def test_a_second_open_draft_or_proposal_of_a_class_is_refused(make_class):
    job_class, _ = make_class("Account Clerk", status="draft")

    refused(lambda: Version.objects.create(job_class=job_class, number=2, status="proposed", title="Account Clerk"))


def test_version_numbers_are_unique_within_a_class(make_class):
    job_class, _ = make_class("Account Clerk", status="superseded")

    refused(lambda: Version.objects.create(job_class=job_class, number=1, status="adopted", title="Account Clerk"))


def test_class_codes_are_unique_within_a_jurisdiction_but_may_repeat_elsewhere(jurisdiction):
    JobClass.objects.create(jurisdiction=jurisdiction, title="Account Clerk", slug="account-clerk", code="0101")
    JobClass.objects.create(jurisdiction=jurisdiction, title="Typist", slug="typist")
    JobClass.objects.create(jurisdiction=jurisdiction, title="Stenographer", slug="stenographer")  # both without code
    other = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    JobClass.objects.create(jurisdiction=other, title="Account Clerk", slug="account-clerk", code="0101")

    refused(lambda: JobClass.objects.create(jurisdiction=jurisdiction, title="Clerk", slug="clerk", code="0101"))


def test_class_slugs_are_unique_within_a_jurisdiction(jurisdiction):
    JobClass.objects.create(jurisdiction=jurisdiction, title="Account Clerk", slug="account-clerk")

    refused(lambda: JobClass.objects.create(jurisdiction=jurisdiction, title="Account clerk", slug="account-clerk"))


def test_two_duties_of_a_version_cannot_share_a_position(make_class):
    _, version = make_class(status="draft")
    Duty.objects.create(version=version, position=1, text="Types letters;")

    refused(lambda: Duty.objects.create(version=version, position=1, text="Files records;"))


def test_a_draft_cannot_carry_an_adoption_date(make_class):
    job_class, _ = make_class(status="superseded")

    refused(
        lambda: Version.objects.create(
            job_class=job_class, number=2, title="x", status="draft", adopted_on="2020-01-01"
        )
    )


def test_values_outside_a_vocabulary_are_refused(make_class):
    _, version = make_class(status="draft")

    refused(lambda: Version.objects.filter(pk=version.pk).update(status="published"))
    refused(lambda: Version.objects.filter(pk=version.pk).update(jurisdictional_class="permanent"))
    refused(lambda: Path.objects.create(version=version, position=1, text="x", education_level="phd"))


def test_supervisory_years_cannot_exceed_the_experience_required(make_class):
    _, version = make_class(status="draft")

    refused(lambda: Path.objects.create(version=version, position=1, text="x", experience_years=2, supervisory_years=3))


def test_a_series_member_needs_a_level_and_levels_are_unique_in_a_series(jurisdiction):
    series = jurisdiction.series.create(name="Clerk", slug="clerk")
    JobClass.objects.create(jurisdiction=jurisdiction, title="Clerk I", slug="clerk-i", series=series, series_level=1)

    refused(lambda: JobClass.objects.create(jurisdiction=jurisdiction, title="Clerk X", slug="clerk-x", series=series))
    refused(
        lambda: JobClass.objects.create(
            jurisdiction=jurisdiction, title="Clerk II", slug="clerk-ii", series=series, series_level=1
        )
    )


def test_a_version_cannot_name_another_jurisdictions_department(make_class):
    _, version = make_class()
    elsewhere = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    version.department = Department.objects.create(jurisdiction=elsewhere, name="Department of Social Services")

    with pytest.raises(ValidationError, match="another jurisdiction"):
        version.full_clean()
