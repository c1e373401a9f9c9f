"""Shared fixtures: the seed catalogue, users in each role, and builders for small classes."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command

from classes import search
from classes.models import JobClass, Jurisdiction, Version

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.json"))


@pytest.fixture
def seeds(db):
    call_command("loaddata", *FIXTURES, verbosity=0)
    search.rebuild()


@pytest.fixture
def jurisdiction(db):
    return Jurisdiction.objects.create(name="Tompkins County", slug="tompkins-county", kind="county")


@pytest.fixture
def make_class(jurisdiction):
    """A class with one version in the given status; title and slug from `title`."""

    def make(title="Account Clerk", status="adopted", **version_fields):
        slug = title.lower().replace(" ", "-")
        job_class = JobClass.objects.create(jurisdiction=jurisdiction, title=title, slug=slug)
        version = Version.objects.create(job_class=job_class, number=1, status=status, title=title, **version_fields)
        return job_class, version

    return make


@pytest.fixture
def analyst(db):
    """Staff, not superuser, holding every permission on the catalogue's models."""
    user = User.objects.create_user("analyst", password="analyst-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["classes", "qualifications"]))
    return user
