"""An adopted text is a public record: no route changes or deletes it, while drafts stay free to edit."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError, Subquery
from psycopg.errors import RestrictViolation

from classes import workflow
from classes.immutability import AdoptedTextError
from classes.models import KSA, Competency, Duty, OtherSection, SpecialRequirement, Version
from qualifications.models import Definition, Path, Substitution, TimeInTitle

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers refusing raw SQL exist on PostgreSQL only"
)

# Every kind of part, with a field a careless edit would change.
PARTS = [
    (Duty, "text"),
    (KSA, "level"),
    (Competency, "description"),
    (OtherSection, "heading"),
    (SpecialRequirement, "text"),
    (Path, "experience_years"),
    (Substitution, "cap_years"),
    (Definition, "text"),
    (TimeInTitle, "years"),
]
PART_MODELS = [model for model, _ in PARTS]
EDITS = {
    "text": "Edited after adoption;",
    "level": "some",
    "description": "Edited after adoption.",
    "heading": "Edited heading",
    "experience_years": 9,
    "cap_years": 9,
    "years": 9,
}


def write_every_part(version, promotes_to=None):
    """One part of each kind, in the draft `version`."""
    version.duties.create(position=1, text="Keeps the ledger;")
    version.ksas.create(position=1, text="Good knowledge of bookkeeping;", kind="knowledge", level="good")
    version.competencies.create(position=1, name="Integrity", description="Is honest.")
    version.other_sections.create(position=1, heading="Physical Demands", layout="list", text="Sitting\nLifting")
    version.special_requirements.create(position=1, kind="license", text="A driver's license.")
    path = version.paths.create(position=1, kind="promotional", label="A)", text="One year as Clerk.")
    path.titles.create(position=1, title="Clerk", years=1, job_class=promotes_to)
    version.substitutions.create(position=1, kind="education_for_experience", text="Year for year.", cap_years=2)
    version.definitions.create(position=1, term="Clerical work", text="Clerical work is filing.")


def part_of(version, model):
    if model is TimeInTitle:
        return TimeInTitle.objects.get(path__version=version)
    return model.objects.get(version=version)


def parts_in(model, version):
    """The queryset of `model` rows belonging to `version`."""
    lookup = "path__version" if model is TimeInTitle else "version"
    return model.objects.filter(**{lookup: version})


def stored_values(version):
    """Everything stored for a version and its parts, to show that a refused change left no trace."""
    rows = [Version.objects.filter(pk=version.pk).values().get()]
    for model in PART_MODELS:
        rows.append(list(parts_in(model, version).order_by("pk").values()))
    return rows


@pytest.fixture
def adopted(make_class, analyst):
    """Account Clerk, written as a draft with a part of every kind, proposed and adopted."""
    _, draft = make_class("Account Clerk", status="draft", distinguishing_features="Does clerical work.")
    write_every_part(draft)
    workflow.propose(draft, by=analyst)
    return workflow.adopt(draft, by=analyst, adopted_on=datetime.date(2026, 3, 4), reference="Res. 2026-3")


@pytest.fixture
def draft(adopted, analyst):
    """A new draft of the same class: a copy of every part of the adopted version."""
    return workflow.start_revision(adopted.job_class, by=analyst)


def refused(action):
    with pytest.raises(AdoptedTextError, match="adopted text is a public record"), transaction.atomic():
        action()


# The version row


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Senior Account Clerk"),
        ("distinguishing_features", "Does any work."),
        ("adopted_on", datetime.date(2020, 1, 1)),
        ("adoption_reference", "Res. 1999-1"),
        ("status", "draft"),
        ("status", "proposed"),
    ],
)
def test_saving_an_adopted_version_with_any_change_is_refused(adopted, field, value):
    before = stored_values(adopted)
    setattr(adopted, field, value)

    refused(adopted.save)
    assert stored_values(adopted) == before


def test_an_adopted_version_cannot_be_deleted(adopted):
    before = stored_values(adopted)

    refused(adopted.delete)
    refused(Version.objects.filter(pk=adopted.pk).delete)
    assert stored_values(adopted) == before


def test_a_stale_copy_that_still_says_draft_cannot_overwrite_the_adopted_row(adopted):
    stale = Version.objects.get(pk=adopted.pk)
    stale.status = "draft"
    stale.adopted_on = None
    stale.title = "Changed"

    refused(stale.save)
    assert Version.objects.get(pk=adopted.pk).title == "Account Clerk"


def test_a_queryset_cannot_update_an_adopted_version_even_among_drafts(adopted, draft):
    before = stored_values(adopted)

    refused(lambda: Version.objects.filter(pk=adopted.pk).update(title="Changed"))
    refused(lambda: Version.objects.filter(job_class=adopted.job_class).update(salary_grade="12"))
    refused(lambda: Version.objects.filter(pk=adopted.pk).update(status="draft", adopted_on=None))
    refused(lambda: Version.objects.filter(job_class=adopted.job_class).delete())
    assert stored_values(adopted) == before
    assert Version.objects.get(pk=draft.pk).salary_grade == ""


# Superseding is the one change allowed


def test_superseding_an_adopted_version_is_allowed_by_save_and_changes_only_its_status(adopted):
    before = Version.objects.filter(pk=adopted.pk).values().get()
    adopted.status = "superseded"
    adopted.save()

    after = Version.objects.filter(pk=adopted.pk).values().get()
    assert after.pop("status") == "superseded"
    after.pop("updated_at")
    assert before.pop("status") == "adopted"
    before.pop("updated_at")
    assert after == before


def test_superseding_an_adopted_version_is_allowed_by_a_queryset(adopted):
    Version.objects.filter(pk=adopted.pk).update(status="superseded")

    assert Version.objects.get(pk=adopted.pk).status == "superseded"


def test_superseding_may_not_carry_any_other_change(adopted):
    adopted.status, adopted.title = "superseded", "Changed"

    refused(adopted.save)
    refused(lambda: Version.objects.filter(pk=adopted.pk).update(status="superseded", title="Changed"))
    assert Version.objects.filter(pk=adopted.pk).values_list("status", "title").get() == ("adopted", "Account Clerk")


def test_a_superseded_version_cannot_go_back_to_adopted(adopted):
    Version.objects.filter(pk=adopted.pk).update(status="superseded")
    superseded = Version.objects.get(pk=adopted.pk)
    superseded.status = "adopted"

    refused(superseded.save)
    refused(lambda: Version.objects.filter(pk=adopted.pk).update(status="adopted"))
    assert Version.objects.get(pk=adopted.pk).status == "superseded"


def test_a_superseded_version_and_its_parts_are_as_fixed_as_an_adopted_one(adopted):
    Version.objects.filter(pk=adopted.pk).update(status="superseded")
    superseded = Version.objects.get(pk=adopted.pk)
    before = stored_values(superseded)
    superseded.title = "Changed"

    refused(superseded.save)
    refused(superseded.delete)
    for model in PART_MODELS:
        refused(part_of(superseded, model).delete)
        refused(lambda model=model: parts_in(model, superseded).update(position=50))
    assert stored_values(superseded) == before


# Parts, through the model


@pytest.mark.parametrize("model, field", PARTS, ids=[model.__name__ for model in PART_MODELS])
def test_saving_a_changed_part_of_an_adopted_version_is_refused(adopted, model, field):
    before = stored_values(adopted)
    part = part_of(adopted, model)
    setattr(part, field, EDITS[field])

    refused(part.save)
    assert stored_values(adopted) == before


@pytest.mark.parametrize("model", PART_MODELS, ids=[model.__name__ for model in PART_MODELS])
def test_deleting_a_part_of_an_adopted_version_is_refused(adopted, model):
    before = stored_values(adopted)

    refused(part_of(adopted, model).delete)
    assert stored_values(adopted) == before


def test_adding_a_part_to_an_adopted_version_is_refused(adopted):
    path = adopted.paths.get()
    before = stored_values(adopted)

    refused(lambda: adopted.duties.create(position=2, text="Added after adoption;"))
    refused(lambda: Path.objects.create(version=adopted, position=2, text="Added after adoption."))
    refused(lambda: path.titles.create(position=2, title="Typist", years=1))
    refused(lambda: Duty.objects.bulk_create([Duty(version=adopted, position=3, text="Added in bulk;")]))
    refused(lambda: TimeInTitle.objects.bulk_create([TimeInTitle(path=path, position=3, title="Typist", years=1)]))
    assert stored_values(adopted) == before


@pytest.mark.parametrize("model", PART_MODELS, ids=[model.__name__ for model in PART_MODELS])
def test_a_part_cannot_be_moved_from_a_draft_into_an_adopted_version(adopted, draft, model):
    before = stored_values(adopted)
    part = part_of(draft, model)
    if model is TimeInTitle:
        part.path = adopted.paths.get()
    else:
        part.version = adopted
        part.position = 99

    refused(part.save)
    assert stored_values(adopted) == before


@pytest.mark.parametrize("model", PART_MODELS, ids=[model.__name__ for model in PART_MODELS])
def test_a_part_cannot_be_moved_out_of_an_adopted_version_into_a_draft(adopted, draft, model):
    before = stored_values(adopted)
    part = part_of(adopted, model)
    if model is TimeInTitle:
        part.path = draft.paths.get()
        part.position = 99
    else:
        part.version = draft
        part.position = 99

    refused(part.save)
    assert stored_values(adopted) == before


# Parts, through querysets


@pytest.mark.parametrize("model", PART_MODELS, ids=[model.__name__ for model in PART_MODELS])
def test_a_queryset_cannot_update_or_delete_parts_of_an_adopted_version(adopted, draft, model):
    before = stored_values(adopted)

    refused(lambda: parts_in(model, adopted).update(position=50))
    refused(lambda: parts_in(model, adopted).delete())
    refused(lambda: model.objects.all().update(position=60))  # a queryset reaching drafts and adopted text alike
    refused(lambda: model.objects.all().delete())
    assert stored_values(adopted) == before
    assert part_of(draft, model).position == 1


def test_a_queryset_cannot_move_a_drafts_parts_into_an_adopted_version(adopted, draft):
    before = stored_values(adopted)

    refused(lambda: Duty.objects.filter(version=draft).update(version=adopted, position=99))
    refused(lambda: Path.objects.filter(version=draft).update(version_id=adopted.pk, position=99))
    refused(lambda: TimeInTitle.objects.filter(path__version=draft).update(path=adopted.paths.get(), position=99))
    assert stored_values(adopted) == before
    assert Duty.objects.filter(version=draft).count() == 1


def test_a_queryset_cannot_move_a_drafts_parts_into_an_adopted_version_named_by_an_expression(adopted, draft):
    before = stored_values(adopted)
    adopted_pk = Subquery(Version.objects.filter(pk=adopted.pk).values("pk"))

    # The queryset undoes the move on SQLite; on PostgreSQL the trigger refuses it first.
    with pytest.raises((AdoptedTextError, IntegrityError)), transaction.atomic():
        Duty.objects.filter(version=draft).update(version=adopted_pk, position=99)
    assert stored_values(adopted) == before
    assert Duty.objects.filter(version=draft).count() == 1


def test_bulk_updates_of_parts_of_an_adopted_version_are_refused(adopted):
    before = stored_values(adopted)
    duty, title = part_of(adopted, Duty), part_of(adopted, TimeInTitle)
    duty.text, title.years = "Edited in bulk;", 9

    refused(lambda: Duty.objects.bulk_update([duty], ["text"]))
    refused(lambda: TimeInTitle.objects.bulk_update([title], ["years"]))
    assert stored_values(adopted) == before


def test_a_queryset_cannot_move_parts_out_of_an_adopted_version(adopted, draft):
    before = stored_values(adopted)

    refused(lambda: Duty.objects.filter(version=adopted).update(version=draft, position=99))
    refused(lambda: TimeInTitle.objects.filter(path__version=adopted).update(path=draft.paths.get(), position=99))
    assert stored_values(adopted) == before


# Drafts stay free to edit


def test_a_drafts_version_row_and_every_part_stay_editable_by_model_and_queryset(adopted, draft):
    before = stored_values(adopted)
    draft.title = "Senior Account Clerk"
    draft.save()
    Version.objects.filter(pk=draft.pk).update(salary_grade="12")
    for model, field in PARTS:
        part = part_of(draft, model)
        setattr(part, field, EDITS[field])
        part.save()
        parts_in(model, draft).update(position=7)
    draft.duties.create(position=8, text="Added to the draft;")
    Duty.objects.bulk_create([Duty(version=draft, position=9, text="Added in bulk;")])

    assert Version.objects.filter(pk=draft.pk).values_list("title", "salary_grade").get() == (
        "Senior Account Clerk",
        "12",
    )
    assert list(draft.duties.values_list("text", flat=True)) == [
        "Edited after adoption;",
        "Added to the draft;",
        "Added in bulk;",
    ]
    assert part_of(draft, KSA).level == "some"
    assert part_of(draft, TimeInTitle).years == 9
    for model in PART_MODELS:
        parts_in(model, draft).delete()
        assert not parts_in(model, draft).exists()
    draft.delete()
    assert not Version.objects.filter(pk=draft.pk).exists()
    assert stored_values(adopted) == before


def test_deleting_the_class_of_an_adopted_version_is_refused(adopted):
    with pytest.raises(ProtectedError), transaction.atomic():
        adopted.job_class.delete()

    assert Version.objects.filter(pk=adopted.pk, job_class=adopted.job_class).exists()
    assert Duty.objects.filter(version=adopted).exists()


# Raw SQL, on PostgreSQL


def refused_by_the_database(sql, params):
    """The trigger raises SQLSTATE 23001, restrict_violation, which Django passes on as an IntegrityError."""
    with pytest.raises(IntegrityError) as raised, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
    assert isinstance(raised.value.__cause__, RestrictViolation)


@postgresql_only
def test_raw_sql_cannot_update_or_delete_an_adopted_version(adopted):
    before = stored_values(adopted)

    refused_by_the_database("UPDATE classes_version SET title = 'Changed' WHERE id = %s", [adopted.pk])
    refused_by_the_database(
        "UPDATE classes_version SET status = 'draft', adopted_on = NULL WHERE id = %s", [adopted.pk]
    )
    refused_by_the_database(
        "UPDATE classes_version SET status = 'superseded', adoption_reference = 'x' WHERE id = %s", [adopted.pk]
    )
    refused_by_the_database("DELETE FROM classes_version WHERE id = %s", [adopted.pk])
    assert stored_values(adopted) == before


@postgresql_only
@pytest.mark.parametrize("model", PART_MODELS, ids=[model.__name__ for model in PART_MODELS])
def test_raw_sql_cannot_update_or_delete_a_part_of_an_adopted_version(adopted, model):
    before = stored_values(adopted)
    table, pk = model._meta.db_table, part_of(adopted, model).pk

    refused_by_the_database(f"UPDATE {table} SET position = position + 100 WHERE id = %s", [pk])
    refused_by_the_database(f"DELETE FROM {table} WHERE id = %s", [pk])
    assert stored_values(adopted) == before


@postgresql_only
def test_raw_sql_cannot_move_parts_into_or_out_of_an_adopted_version(adopted, draft):
    before = stored_values(adopted)
    draft_path, adopted_path = draft.paths.get(), adopted.paths.get()

    refused_by_the_database(
        "UPDATE classes_duty SET version_id = %s, position = 99 WHERE version_id = %s", [adopted.pk, draft.pk]
    )
    refused_by_the_database(
        "UPDATE classes_duty SET version_id = %s, position = 99 WHERE version_id = %s", [draft.pk, adopted.pk]
    )
    refused_by_the_database(
        "UPDATE qualifications_timeintitle SET path_id = %s, position = 99 WHERE path_id = %s",
        [adopted_path.pk, draft_path.pk],
    )
    assert stored_values(adopted) == before


@postgresql_only
def test_raw_sql_may_supersede_an_adopted_version_but_never_readopt_it(adopted):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE classes_version SET status = 'superseded', updated_at = now() WHERE id = %s", [adopted.pk]
        )

    assert Version.objects.get(pk=adopted.pk).status == "superseded"
    refused_by_the_database("UPDATE classes_version SET status = 'adopted' WHERE id = %s", [adopted.pk])


@postgresql_only
def test_raw_sql_edits_a_draft_and_its_parts_freely(adopted, draft):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE classes_version SET title = 'Senior Account Clerk' WHERE id = %s", [draft.pk])
        for model in PART_MODELS:
            table, pk = model._meta.db_table, part_of(draft, model).pk
            cursor.execute(f"UPDATE {table} SET position = 5 WHERE id = %s", [pk])
        cursor.execute("DELETE FROM classes_duty WHERE version_id = %s", [draft.pk])

    assert Version.objects.get(pk=draft.pk).title == "Senior Account Clerk"
    assert part_of(draft, KSA).position == 5
    assert not draft.duties.exists()
