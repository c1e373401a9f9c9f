"""The synthetic catalogue: the same arguments give the same catalogue, and all of it is valid, public and searchable."""

import json
import sys
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from bench.synthetic import plan, writer
from classes import search, structure
from classes.models import (
    CatalogueEdition,
    ClassSeries,
    Department,
    Duty,
    HistoryEntry,
    JobClass,
    Jurisdiction,
    SearchDocument,
    Version,
)
from qualifications.models import Path, Substitution, TimeInTitle
from tests.conftest import expected_document

pytestmark = pytest.mark.django_db

CLASSES, JURISDICTIONS = 30, 3
# A seed whose small catalogue has every kind of row (competencies, abolished classes, unlinked titles …), so that no
# check below passes for want of rows; the tests assert it. Any seed would do for the others.
SEED = 26
PART_MODELS = [part.model for part in structure.PARTS]
# Kept out of the comparison: keys, which depend on what the database held before, and when rows were written.
NOT_COMPARED = {"id", "created_at", "updated_at"}


def generate(seed=SEED, *extra, classes=CLASSES):
    out = StringIO()
    call_command(
        "generate_catalogue",
        "--classes",
        str(classes),
        "--jurisdictions",
        str(JURISDICTIONS),
        "--seed",
        str(seed),
        *extra,
        stdout=out,
    )
    return out.getvalue()


def dump_of(seed, *extra):
    """The canonical dump of the catalogue these arguments write, then rolled back."""
    with transaction.atomic():
        generate(seed, *extra)
        dump = canonical_dump()
        transaction.set_rollback(True)
    return dump


def rows(model, order_by, **natural_keys):
    """Every row's values, foreign keys given by natural keys (`name=lookup`), in a stable order."""
    fields = [
        field.attname
        for field in model._meta.concrete_fields
        if field.attname not in NOT_COMPARED and not field.is_relation
    ]
    values = model._base_manager.order_by(*order_by).values_list(*fields, *natural_keys.values())
    return [dict(zip([*fields, *natural_keys], row, strict=True)) for row in values]


def canonical_dump():
    version = {"jurisdiction": "version__job_class__jurisdiction__slug", "class": "version__job_class__slug"}
    version_order = [
        "version__job_class__jurisdiction__slug",
        "version__job_class__slug",
        "version__number",
        "position",
    ]
    return {
        "jurisdictions": rows(Jurisdiction, ["slug"]),
        "departments": rows(Department, ["jurisdiction__slug", "name"], jurisdiction="jurisdiction__slug"),
        "series": rows(ClassSeries, ["jurisdiction__slug", "slug"], jurisdiction="jurisdiction__slug"),
        "classes": rows(
            JobClass, ["jurisdiction__slug", "slug"], jurisdiction="jurisdiction__slug", series="series__slug"
        ),
        "history": rows(
            HistoryEntry,
            ["job_class__jurisdiction__slug", "job_class__slug", "date"],
            jurisdiction="job_class__jurisdiction__slug",
            job_class="job_class__slug",
        ),
        "versions": rows(
            Version,
            ["job_class__jurisdiction__slug", "job_class__slug", "number"],
            jurisdiction="job_class__jurisdiction__slug",
            job_class="job_class__slug",
            department="department__name",
        ),
        **{model._meta.label: rows(model, version_order, **version) for model in PART_MODELS},
        "titles": rows(
            TimeInTitle,
            [
                "path__version__job_class__jurisdiction__slug",
                "path__version__job_class__slug",
                "path__version__number",
                "path__position",
                "position",
            ],
            job_class="path__version__job_class__slug",
            path="path__position",
            linked="job_class__slug",
        ),
    }


@pytest.fixture
def catalogue():
    return generate()


def test_the_same_arguments_give_the_same_catalogue():
    first = dump_of(7)

    assert first == dump_of(7)
    assert len(first["classes"]) == CLASSES
    assert len(first["jurisdictions"]) == JURISDICTIONS


def test_the_batch_size_changes_nothing_but_how_rows_are_grouped():
    assert dump_of(7, "--batch-size", "4") == dump_of(7, "--batch-size", "1000")


def test_another_seed_gives_another_catalogue():
    first, second = dump_of(7), dump_of(8)

    assert first != second
    assert {c["title"] for c in first["classes"]} != {c["title"] for c in second["classes"]}
    assert [d["text"] for d in first["classes.Duty"]] != [d["text"] for d in second["classes.Duty"]]


def test_it_reports_what_it_wrote(catalogue):
    assert f"Wrote {CLASSES} classes" in catalogue
    assert "search index" in catalogue


def test_it_starts_a_new_catalogue_edition_so_cached_pages_show_the_new_classes():
    CatalogueEdition.next()
    before = CatalogueEdition.objects.get().number

    generate()

    assert CatalogueEdition.objects.get().number == before + 1


def test_every_jurisdiction_is_marked_synthetic_and_its_slug_unique(catalogue):
    jurisdictions = list(Jurisdiction.objects.all())

    assert len(jurisdictions) == JURISDICTIONS
    assert all(j.slug.startswith("synthetic-") for j in jurisdictions)
    assert all("not a real employer" in j.description for j in jurisdictions)


def test_it_refuses_to_write_beside_earlier_synthetic_data(catalogue):
    with pytest.raises(CommandError, match="fresh database"):
        generate(seed=SEED + 1)

    assert JobClass.objects.count() == CLASSES


def test_a_failure_part_way_writes_nothing_and_stops_the_planning(monkeypatch):
    written = []

    def write_then_fail(groups, *args):
        if written:
            raise RuntimeError("disk full")
        written.append(write_groups(groups, *args))
        return written[-1]

    write_groups = writer.write_groups
    monkeypatch.setattr(writer, "write_groups", write_then_fail)

    with pytest.raises(RuntimeError, match="disk full"):
        generate(SEED, "--batch-size", "5")

    assert written and not JobClass.objects.exists() and not Jurisdiction.objects.exists()
    assert not any(thread.name == "synthetic-catalogue-planner" for thread in threading.enumerate())


def test_without_the_bench_folder_it_says_it_is_a_development_tool(monkeypatch):
    monkeypatch.setitem(sys.modules, "bench.synthetic", None)  # as in an installation without bench/

    with pytest.raises(CommandError, match="development tool"):
        generate()
    assert not Jurisdiction.objects.exists()


def test_a_failure_in_planning_reaches_the_command(monkeypatch):
    def fail(*args):
        raise ValueError("no more titles")

    monkeypatch.setattr(plan, "plan_class", fail)

    with pytest.raises(ValueError, match="no more titles"):
        generate()
    assert not Jurisdiction.objects.exists()


def constraints_and_indexes_of_the_parts():
    """PostgreSQL: the definitions of the constraints and indexes of the parts' tables, by name."""
    tables = [model._meta.db_table for model in writer.PART_MODELS]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ANY(%s::regclass[])"
            " UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [tables, tables],
        )
        return sorted(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite checks each row as it arrives")
def test_into_an_empty_catalogue_the_parts_constraints_are_checked_at_the_end_and_made_again_as_they_were():
    before = constraints_and_indexes_of_the_parts()

    output = generate()

    assert "checked at the end: the catalogue was empty" in output
    assert constraints_and_indexes_of_the_parts() == before
    assert len(before) > 3 * len(writer.PART_MODELS)  # foreign keys, unique positions, indexes of each


def test_beside_classes_already_held_each_part_is_checked_as_it_arrives(make_class):
    held, _ = make_class("Account Clerk")

    output = generate()

    assert "checked at the end" not in output
    assert JobClass.objects.count() == CLASSES + 1
    assert JobClass.objects.filter(pk=held.pk).exists()


@pytest.mark.parametrize("classes_held", [0, 1], ids=["into an empty catalogue", "beside a class"])
def test_a_part_breaking_a_constraint_fails_the_whole_catalogue(make_class, monkeypatch, classes_held):
    if classes_held:
        make_class("Account Clerk")
    before = constraints_and_indexes_of_the_parts() if connection.vendor == "postgresql" else None

    def insert_a_duty_twice(model, columns, rows):
        insert(model, columns, rows + rows[:1] if model is Duty else rows)

    insert = writer.insert
    monkeypatch.setattr(writer, "insert", insert_a_duty_twice)

    with pytest.raises(IntegrityError):
        generate()

    assert JobClass.objects.count() == classes_held and not Duty.objects.exists()
    if before:
        assert constraints_and_indexes_of_the_parts() == before


def test_every_row_passes_the_models_own_validation(catalogue):
    # Every row's fields and clean(); the unique, check and foreign-key constraints full_clean would also ask of
    # each row (a query apiece) are the database's own, checked as the rows went in and, for the foreign keys,
    # below. full_clean whole, queries and all, on a few rows of each table spread over it.
    for model in [Jurisdiction, Department, ClassSeries, JobClass, HistoryEntry, Version, *PART_MODELS, TimeInTitle]:
        rows = list(model._base_manager.order_by("pk"))
        assert rows, model
        relations = [field.name for field in model._meta.concrete_fields if field.is_relation]
        for row in rows:
            row.clean_fields(exclude=relations)
            row.clean()
        for row in rows[:: max(1, len(rows) // 5)]:
            row.full_clean()
    connection.check_constraints()


def test_each_class_has_two_to_four_versions_numbered_from_one_the_newest_adopted(catalogue):
    for job_class in JobClass.objects.prefetch_related("versions"):
        versions = sorted(job_class.versions.all(), key=lambda version: version.number)
        assert 2 <= len(versions) <= 4
        assert [v.number for v in versions] == list(range(1, len(versions) + 1))
        assert [v.status for v in versions] == ["superseded"] * (len(versions) - 1) + ["adopted"]
        dates = [v.adopted_on for v in versions]
        assert dates == sorted(set(dates))
        assert job_class.title == versions[-1].title and job_class.code == versions[-1].code
        if job_class.abolished_on:
            assert job_class.abolished_on > dates[-1]


def test_each_version_has_lists_of_realistic_length(catalogue):
    for version in Version.objects.prefetch_related("duties", "ksas", "paths"):
        assert 10 <= len(version.duties.all()) <= 25
        assert 15 <= len(version.ksas.all()) <= 40
        assert 2 <= len(version.paths.all()) <= 4


def test_qualification_facts_hold_together():
    generate(classes=150)  # enough paths for every kind of fact to turn up
    paths = list(Path.objects.all())

    for path in paths:
        if path.supervisory_years is not None:
            assert path.supervisory_years <= path.experience_years
        if path.is_equivalent_combination:
            assert not path.education_level and path.experience_years is None
            assert path.text.startswith("An equivalent combination")
    assert any(path.is_equivalent_combination for path in paths)
    assert any(path.experience_years % 1 for path in paths if path.experience_years)  # quarter and half years
    assert any(path.credit_hours for path in paths)
    assert {path.education_level for path in paths} >= {"", "high_school", "associate", "bachelor"}
    for substitution in Substitution.objects.exclude(years_per_year=None).select_related("version"):
        least = min(p.experience_years for p in substitution.version.paths.exclude(experience_years=None))
        assert substitution.floor_years is None or substitution.floor_years < least
        assert substitution.cap_years is None or substitution.cap_years <= least - (substitution.floor_years or 0)
    assert Substitution.objects.filter(years_per_year=None).exists()


def test_path_texts_state_their_facts(catalogue):
    for path in Path.objects.exclude(experience_years=None):
        assert "experience" in path.text
        assert ("paid" in path.text) == bool(path.paid_experience)
        assert ("part-time equivalent" in path.text) == (path.part_time_accepted is True)
        assert ("supervisory*" in path.text) == bool(path.supervisory_years)
    degrees = {
        "high_school": "high school",
        "associate": "associate's",
        "bachelor": "bachelor's",
        "master": "master's",
        "doctorate": "doctoral",
    }
    for path in Path.objects.exclude(education_level=""):
        assert degrees[path.education_level] in path.text
        for field in path.education_field_list:
            assert field in path.text


def test_the_first_path_stating_experience_names_its_kinds_and_later_ones_refer_to_them(catalogue):
    for version in Version.objects.prefetch_related("paths"):
        with_experience = [path for path in version.paths.all() if path.experience_years is not None]
        if with_experience:
            first, *later = with_experience
            assert all(kind in first.text for kind in first.experience_kind_list)
            assert all("as defined above" in path.text for path in later)


def test_promotional_titles_link_lower_levels_of_the_same_series(catalogue):
    linked = TimeInTitle.objects.exclude(job_class=None).select_related("job_class", "path__version__job_class")

    assert linked
    for title in linked:
        promoted_to = title.path.version.job_class
        assert title.path.kind == "promotional"
        assert title.job_class.series_id == promoted_to.series_id is not None
        assert title.job_class.series_level < promoted_to.series_level
        assert title.title.lower() == title.job_class.title.lower()  # a header may print the title in capitals
        assert title.title in title.path.text


def test_unlinked_titles_are_not_classes_of_the_jurisdiction(catalogue):
    unlinked = TimeInTitle.objects.filter(job_class=None).select_related("path__version__job_class")

    assert unlinked
    for title in unlinked:
        jurisdiction = title.path.version.job_class.jurisdiction_id
        assert not JobClass.objects.filter(jurisdiction_id=jurisdiction, title__iexact=title.title).exists()


def test_current_classes_are_indexed_and_abolished_ones_are_not(catalogue):
    current = set(JobClass.objects.current().values_list("pk", flat=True))

    assert JobClass.objects.exclude(abolished_on=None).exists()
    assert set(SearchDocument.objects.values_list("job_class_id", flat=True)) == current


def test_each_search_document_is_the_one_search_builds_from_the_stored_text(catalogue):
    # Written from the text in hand, not read back: it must be what search.index_classes would have built.
    columns = ["job_class_id", "version_id", "title", "features", "duties", "qualifications"]
    versions = (
        Version.objects.current()
        .filter(job_class__abolished_on=None)
        .prefetch_related(*(part.name for part in structure.PARTS))
        .order_by("job_class_id")
    )
    expected = [expected_document(version) for version in versions]

    assert list(SearchDocument.objects.values_list(*columns)) == expected
    assert all(qualifications for *_, qualifications in expected)


def test_search_finds_a_generated_class_by_a_word_of_its_title_and_by_its_beginning(catalogue):
    job_class = JobClass.objects.current().order_by("slug").first()
    word = max(job_class.title.split(), key=len).strip("()").lower()

    assert job_class in search.apply(JobClass.objects.current(), word)
    assert job_class in search.apply(JobClass.objects.current(), word[:4])


def test_every_generated_class_page_and_its_checker_answer(catalogue, client):
    for job_class in JobClass.objects.current().select_related("jurisdiction"):
        url = job_class.get_absolute_url()
        assert client.get(url).status_code == 200
        assert client.get(url + "history/").status_code == 200
        assert client.get(url + "compare/?from=1&to=2").status_code == 200
        response = client.post(
            url + "check/",
            json.dumps({"education_level": "bachelor", "jobs": [{"title": "Clerk", "years": 3}]}),
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
