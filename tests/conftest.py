"""Shared fixtures: the seed catalogue, users in each role, and builders for small classes."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction

from classes import caching, search, structure
from classes.models import JobClass, Jurisdiction, Version

ROOT = Path(__file__).resolve().parent.parent  # the project's folder
SEED_DOCUMENTS = ROOT / "tests" / "seeds"  # the five seed specs as printed
FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))


@pytest.fixture(autouse=True)
def nothing_kept_between_tests(settings):
    """Rendered pages are kept by row keys and edition numbers, which a rolled-back test gives out again."""
    forget_kept_pages()
    shutil.rmtree(settings.RENDERED_ROOT, ignore_errors=True)


def forget_kept_pages():
    """Every page kept in memory, and the edition read: the next request renders its page afresh."""
    for kept in caches.all():
        kept.clear()
    caching.forget_edition()


def load_seeds():
    """The five seed specs, as `make seed` loads them, with their search documents."""
    call_command("loaddata", *FIXTURES, verbosity=0)
    search.rebuild()


# The seeds, loaded once per session


class HeldSeeds:
    """The seeds loaded once, in a transaction held open beneath the tests that ask for them.

    Each of those tests runs in a savepoint of it (pytest-django's `db`) and is rolled back to the seeds as loaded,
    whatever it changed. The transaction is rolled back before the first test that does not ask for the seeds, which
    finds the empty catalogue it expects; the tests asking for them run first (see pytest_collection_modifyitems).
    """

    def __init__(self, blocker):
        self.blocker = blocker
        self.transaction = None

    @property
    def held(self):
        return self.transaction is not None

    def hold(self):
        with self.blocker.unblock():
            held = transaction.atomic()
            held.__enter__()
            try:
                load_seeds()
                # The seeds' foreign keys are checked now rather than at a commit that never comes: a test that
                # flushes the tables (the backup's) would otherwise find their checks pending, which TRUNCATE refuses.
                connection.check_constraints()
            except BaseException as error:
                held.__exit__(type(error), error, error.__traceback__)
                raise
            self.transaction = held

    def release(self):
        if self.held:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.transaction.__exit__(None, None, None)
            self.transaction = None


HELD_SEEDS = pytest.StashKey[HeldSeeds]()


def transactional(item):
    """Whether the test commits what it writes (a live server reads it): no transaction can be held beneath it."""
    marker = item.get_closest_marker("django_db")
    asked = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return bool(asked) or not {"transactional_db", "live_server"}.isdisjoint(item.fixturenames)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests asking for the seeds first, so that they share one load; otherwise in the order given."""
    for item in items:
        if "seeds" in getattr(item, "fixturenames", ()) and transactional(item):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test loads the seeds itself, with load_seeds()")
    items.sort(key=lambda item: "seeds" not in getattr(item, "fixturenames", ()))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    held = item.config.stash.get(HELD_SEEDS, None)
    if held and held.held and "seeds" not in getattr(item, "fixturenames", ()):
        held.release()


@pytest.fixture(scope="session")
def held_seeds(request, django_db_setup, django_db_blocker):
    held = HeldSeeds(django_db_blocker)
    held.hold()
    request.config.stash[HELD_SEEDS] = held
    yield held
    held.release()


@pytest.fixture
def seeds(held_seeds, db):
    """The five seed specs, searchable, as loaded: what an earlier test changed was rolled back."""
    if not held_seeds.held:  # released for a test without them that ran before this one: loaded for this test alone
        load_seeds()


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
def make_user(db):
    """A user holding one of the roles made by migration classes/0005_roles, found by its group's name.

    `role=None` makes a staff member with no role; `role="superuser"` a superuser.
    """

    def make(username, role=None, **fields):
        superuser = role == "superuser"
        user = User.objects.create_user(
            username, password=f"{username}-password", is_staff=True, is_superuser=superuser, **fields
        )
        if role and not superuser:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def analyst(make_user):
    """An HR analyst: staff, not superuser, with the role's permissions only."""
    return make_user("analyst", "HR analyst", first_name="Alex", last_name="Analyst")


@pytest.fixture
def secretary(make_user):
    return make_user("secretary", "Commission secretary", first_name="Sam", last_name="Secretary")


@pytest.fixture
def viewer(make_user):
    return make_user("viewer", "Viewer", first_name="Vic", last_name="Viewer")


@pytest.fixture
def superuser(make_user):
    return make_user("superuser", "superuser")


@pytest.fixture
def analyst_client(client, analyst):
    """The test client, signed in as an HR analyst."""
    client.force_login(analyst)
    return client


def expected_document(version):
    """The search document of a version, built from its model instances: what indexing must write from plain values."""
    parts = {part.name: list(part.rows(version)) for part in structure.PARTS}
    return (version.job_class_id, version.pk, *search.document_texts(version, parts).values())


def publish(version, status="adopted", **fields):
    """Give a version built as a draft a public status, as adoption does once its parts are complete.

    Adopted text cannot be added to afterwards, so tests build a version's parts while it is a draft.
    """
    Version.objects.filter(pk=version.pk).update(status=status, **fields)
    version.refresh_from_db()
    return version
