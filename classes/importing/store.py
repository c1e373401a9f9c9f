"""A parsed spec written as a draft version: a new class, or a new draft of the class it already is."""

import operator
from functools import cache, reduce
from pathlib import PurePath

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from classes import structure, workflow
from classes.models import (
    CatalogueEdition,
    ClassSeries,
    Department,
    HistoryEntry,
    JobClass,
    Version,
)
from classes.vocabulary import VersionStatus


class ImportSkipped(Exception):
    """The document was read but not written; the message says why."""


def find_class(jurisdiction, spec):
    """The class this spec is a text of: same code, else same title, in the jurisdiction."""
    classes = JobClass.objects.filter(jurisdiction=jurisdiction)
    if spec.code:
        found = classes.filter(code=spec.code).first()
        if found:
            return found
    return classes.filter(title__iexact=spec.title).first() if spec.title else None


def save_document(document, *, jurisdiction, by=None, adopted=False):
    """Write each spec of `document` as a draft, all in one transaction; returns the versions. Raises ImportSkipped.

    The levels of a series document become classes of one series, in the order printed. With `adopted`, each is
    recorded as the adopted text of record, dated as the document prints (see `record_adopted`)."""
    if not document.title or not all(spec.title for spec in document.specs):
        raise ImportSkipped("no title could be read, so the class cannot be named")
    with transaction.atomic():
        series = None
        if document.series:
            series, _ = ClassSeries.objects.get_or_create(
                jurisdiction=jurisdiction,
                slug=slugify(document.series)[:100] or "series",
                defaults={"name": document.series[:200]},
            )
        versions = [save_draft(spec, jurisdiction=jurisdiction, by=by, series=series) for spec in document.specs]
        if adopted:
            versions = [
                record_adopted(version, spec, source=document.source, by=by)
                for version, spec in zip(versions, document.specs, strict=True)
            ]
        return versions


def record_adopted(version, spec, *, source, by):
    """The draft just written, recorded as the text the commission adopted: its adoption is the latest date the
    document prints (adopted, approved, revised, established), its reference names the file it came from. A
    document printing no date is refused: the portal does not guess when a text was adopted."""
    dates = [entry.date for entry in spec.history]
    if not dates:
        raise ImportSkipped(
            "it prints no adoption or revision date, so it cannot be recorded as adopted text; import it as a draft "
            "and adopt it at a meeting"
        )
    reference = f"Imported from {PurePath(source).name}"[:200]
    try:
        return workflow.record_adopted_text(version, adopted_on=max(dates), reference=reference, by=by)
    except workflow.WorkflowError as refusal:
        raise ImportSkipped(str(refusal)) from refusal


def save_draft(spec, *, jurisdiction, by=None, series=None):
    """Write `spec` as a draft in one transaction; returns the version. Raises ImportSkipped."""
    if not spec.title:
        raise ImportSkipped("no title could be read, so the class cannot be named")
    with transaction.atomic():
        job_class = find_class(jurisdiction, spec)
        new_class = job_class is None
        if job_class:
            job_class = JobClass.objects.select_for_update().get(pk=job_class.pk)
            open_version = job_class.versions.open().first()
            if open_version:
                raise ImportSkipped(
                    f"{job_class} already has version {open_version.number} "
                    f"{open_version.get_status_display().lower()}; finish or return it before importing another draft"
                )
            number = (job_class.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
        else:
            job_class = _new_class(spec, jurisdiction, by, series)
            number = 1
        version = Version(job_class=job_class, number=number, status=VersionStatus.DRAFT, updated_by=by)
        for name, value in _values(Version, spec).items():  # what the document does not print stays empty
            setattr(version, name, value)
        if spec.department_name:
            version.department, _ = Department.objects.get_or_create(
                jurisdiction=jurisdiction, name=spec.department_name
            )
        _save_new(version, by)
        _save_parts(version, spec, by)
        # A class with public text shows its history: a draft's dated events reach it only in the draft's adoption
        # line, once adopted, never before.
        if new_class or not job_class.versions.current().exists():
            _save_history(job_class, spec, new_class=new_class)
    return version


def _values(model, item):
    """The values `item` (a parsed part) holds for the columns of `model` it has, by name: the parsed result names
    its fields as the models do. Relations and positions are set by the caller."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.is_relation or field.primary_key or field.name == "position" or not hasattr(item, field.name):
            continue
        value = getattr(item, field.name)
        if isinstance(value, str) and field.max_length:
            value = value[: field.max_length]
        values[field.name] = value
    return values


def _new_class(spec, jurisdiction, by, series=None):
    base = slugify(spec.title)[:110] or "class"
    slug, n = base, 1
    taken = set(
        JobClass.objects.filter(jurisdiction=jurisdiction, slug__startswith=base).values_list("slug", flat=True)
    )
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    job_class = JobClass(jurisdiction=jurisdiction, title=spec.title[:200], slug=slug, code=spec.code)
    if series is None and spec.series_name:
        series, _ = ClassSeries.objects.get_or_create(
            jurisdiction=jurisdiction, slug=slugify(spec.series_name)[:100], defaults={"name": spec.series_name[:200]}
        )
    if series is not None and spec.series_level and not series.classes.filter(series_level=spec.series_level).exists():
        job_class.series, job_class.series_level = series, spec.series_level
    _save_new(job_class, by)
    return job_class


def _save_parts(version, spec, by):
    """Each list of parts in one insert, and its audit-trail rows in one more."""

    def create(model, items, related):
        """`related(item)`: the row's relations, by field name."""
        rows = [model(**related(item), **_values(model, item), position=i) for i, item in enumerate(items, 1)]
        if not rows:
            return []
        if not connection.features.can_return_rows_from_bulk_insert:  # no keys to copy the rows by
            return bulk_create_with_history(rows, model, default_user=by)
        # Without the adopted-text guard's look-up (a query for each list): `version` is the draft that save_draft,
        # the only caller, has just inserted in the transaction still open around this call, so no other connection
        # can see it yet, let alone adopt it, and nothing in this transaction changes its status.
        rows = model._default_manager.bulk_create_in_new_draft(rows)
        _copy_to_audit_trail(model, rows, by)
        return rows

    created = {}

    def related(part):
        """A row's relations, by field name: its version, and for a rule printed in a path, that path."""
        if part is structure.SUBSTITUTIONS:
            paths = created[structure.PATHS.name]
            return lambda rule: {"version": version, "path": None if rule.path is None else paths[rule.path]}
        return lambda item: {"version": version}

    for part in structure.PARTS:  # paths before the rules printed in them
        created[part.name] = create(part.model, getattr(spec, part.name), related(part))
    paths = created[structure.PATHS.name]
    named = [(path, title) for path, parsed in zip(paths, spec.paths, strict=True) for title in parsed.titles]
    classes = {}
    if named:  # a title that is a class of the jurisdiction links to it
        same_title = reduce(operator.or_, (Q(title__iexact=title.title) for _, title in named))
        for job_class in JobClass.objects.filter(same_title, jurisdiction=version.job_class.jurisdiction):
            classes.setdefault(job_class.title.lower(), job_class)
    path_of = {id(title): path for path, title in named}
    create(
        structure.TIME_IN_TITLE.model,
        [title for _, title in named],
        lambda title: {"path": path_of[id(title)], "job_class": classes.get(title.title.lower())},
    )


def _save_new(row, by):
    """Save the new `row`: every post_save receiver runs but simple_history's, as its audit-trail row is copied."""
    row.save_without_historical_record()
    _copy_to_audit_trail(type(row), [row], by)


def _copy_to_audit_trail(model, rows, by):
    """The "created" audit-trail rows of `rows`, just stored, copied from their table by the database in one statement.

    simple_history's signal handler and its bulk_history_create build a Python object for each audit-trail row, which
    cost more than the inserts themselves.
    """
    history, copy = _audit_trail(model)
    user = by or history.get_default_history_user(rows[0])  # as simple_history would: else the request's user
    when = history._meta.get_field("history_date").get_db_prep_value(timezone.now(), connection)
    keys = ", ".join(["%s"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(f"{copy} ({keys})", [when, user.pk if user else None, *(row.pk for row in rows)])


@cache
def _audit_trail(model):
    """The audit-trail model of `model`, and the statement copying rows of `model` there as created, up to the keys."""
    history = get_history_manager_for_model(model).model
    quote = connection.ops.quote_name
    tracked = ", ".join(quote(field.column) for field in history.tracked_fields)
    table, source, key = quote(history._meta.db_table), quote(model._meta.db_table), quote(model._meta.pk.column)
    return history, (
        f"INSERT INTO {table} ({tracked}, history_date, history_change_reason, history_type, history_user_id) "
        f"SELECT {tracked}, %s, NULL, '+', %s FROM {source} WHERE {key} IN"
    )


def _save_history(job_class, spec, *, new_class):
    """The history entries the class does not hold yet (a re-imported document does not double them)."""
    if not spec.history:
        return
    known = set() if new_class else set(job_class.history.values_list("kind", "date"))
    entries = []
    for entry in spec.history:
        if (entry.kind, entry.date) not in known:
            entries.append(HistoryEntry(job_class=job_class, **_values(HistoryEntry, entry)))
            known.add((entry.kind, entry.date))
    HistoryEntry.objects.bulk_create(entries)
    if entries and not new_class:  # the class's public pages list its history: a bulk insert sends no signal
        CatalogueEdition.next()
