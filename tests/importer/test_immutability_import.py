"""Imports skip the adopted-text guard's look-ups for their new draft, never touch adopted text, and audit every row."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from classes.admin.audit import text_changes
from classes.immutability import AdoptedTextError
from classes.importing import ImportedFile, import_documents
from classes.models import KSA, Competency, Duty, JobClass, Jurisdiction, OtherSection, SpecialRequirement, Version
from qualifications.models import Definition, Path, Substitution, TimeInTitle
from tests.conftest import SEED_DOCUMENTS

SEEDS = sorted(SEED_DOCUMENTS.glob("*.txt"))
PARTS = [Duty, KSA, Competency, OtherSection, SpecialRequirement, Path, Substitution, Definition]
AUDITED = [JobClass, Version, *PARTS, TimeInTitle]


@pytest.fixture
def county(db):
    return Jurisdiction.objects.create(name="Audit County", slug="audit-county")


@pytest.fixture
def uploader(db):
    return User.objects.create_user("uploader", is_staff=True)


def import_seeds(county, by=None, seeds=SEEDS):
    files = [ImportedFile(name=seed.name, size=seed.stat().st_size, read=seed.read_bytes) for seed in seeds]
    reports = import_documents(files, jurisdiction=county, by=by)
    assert {report.status for report in reports} == {"imported"}, [report.error for report in reports]


def tracked_rows(model, queryset):
    """The rows as the audit trail tracks them, key first, in key order."""
    fields = ["id", *(field.attname for field in model.audit_trail.model.tracked_fields if field.attname != "id")]
    return list(queryset.order_by("id").values_list(*fields))


def parts_of(model, version):
    return model.objects.filter(**{"path__version" if model is TimeInTitle else "version": version})


def test_every_row_an_import_writes_has_one_created_record_by_the_importer_with_its_values(county, uploader):
    import_seeds(county, by=uploader)

    for model in AUDITED:
        stored = tracked_rows(model, model.objects.all())
        assert stored, f"the seeds give no {model.__name__}"
        assert tracked_rows(model, model.audit_trail.all()) == stored, model.__name__
        records = model.audit_trail.values_list("history_type", "history_user")
        assert set(records) == {("+", uploader.pk)}, model.__name__
    recorded = Duty.audit_trail.values_list("history_date", flat=True)
    assert all(abs(timezone.now() - when) < datetime.timedelta(minutes=5) for when in recorded)


def test_the_admin_audit_trail_lists_the_imported_draft_and_each_of_its_parts_as_created(county):
    import_seeds(county, seeds=SEEDS[:1])

    version = Version.objects.get()
    changes = text_changes(version)
    parts = sum(model.objects.filter(version=version).count() for model in PARTS)
    parts += TimeInTitle.objects.filter(path__version=version).count()
    assert len(changes) == 1 + parts
    assert {change.kind for change in changes} == {"Created"}
    duty = version.duties.first()
    assert any(field.new == duty.text for change in changes for field in change.fields)


def test_an_import_writes_its_new_draft_without_looking_for_adopted_text(county):
    with CaptureQueriesContext(connection) as queries:
        import_seeds(county)

    assert not [query["sql"] for query in queries if "IN ('adopted', 'superseded')" in query["sql"]]


def test_the_guarded_bulk_insert_still_refuses_adopted_text_where_the_new_draft_insert_is_the_insert_alone(
    make_class, django_assert_num_queries
):
    _, draft = make_class("Account Clerk", status="draft")
    _, adopted = make_class("Senior Account Clerk", status="adopted")

    with django_assert_num_queries(1):
        Duty.objects.bulk_create_in_new_draft([Duty(version=draft, position=1, text="Keeps the ledger;")])
    with pytest.raises(AdoptedTextError):
        Duty.objects.bulk_create([Duty(version=adopted, position=1, text="Keeps the ledger;")])


def test_reimporting_beside_adopted_text_leaves_that_text_and_its_audit_trail_as_they_were(county):
    import_seeds(county, seeds=SEEDS[:1])
    Version.objects.update(status="adopted", adopted_on=datetime.date(2005, 7, 13))
    adopted = Version.objects.get()
    stored = {model: tracked_rows(model, parts_of(model, adopted)) for model in [*PARTS, TimeInTitle]}
    recorded = {model: model.audit_trail.count() for model in AUDITED}

    import_seeds(county, seeds=SEEDS[:1])

    draft = Version.objects.get(number=2, status="draft")
    assert JobClass.audit_trail.count() == recorded[JobClass]
    assert Version.audit_trail.filter(id=draft.pk, history_type="+").count() == 1
    for model, rows in stored.items():
        assert tracked_rows(model, parts_of(model, adopted)) == rows, model.__name__
        new = tracked_rows(model, parts_of(model, draft))
        assert model.audit_trail.count() == recorded[model] + len(new), model.__name__
        assert tracked_rows(model, model.audit_trail.filter(id__in=[row[0] for row in new])) == new, model.__name__
