"""Writes the planned catalogue to the database in one transaction, with its search documents.

Rows go in as tuples of plain values, not model instances: COPY on PostgreSQL, executemany elsewhere (bench/README.md
says what each choice saves). Ids of rows that others point to are drawn from the table's own sequence first. What a
version's parts hold is `classes.structure.PARTS`: every field of a part that the plan leaves out takes the field's
default, so a field added to a part needs nothing here.

No audit-trail (django-simple-history) rows are written: nobody changed this text, it was invented, and bulk inserts
send no signals. Rows' own `created_at`/`updated_at` stamps still say when they were written.
"""

import contextlib
import datetime
import operator
import queue
import threading
import time
from dataclasses import dataclass, field

from django.db import connection, reset_queries, transaction
from django.utils import timezone

from classes import publishing, search, structure
from classes.models import ClassSeries, Department, HistoryEntry, JobClass, Jurisdiction, SearchDocument, Version
from classes.vocabulary import VersionStatus

from .plan import SLUG_PREFIX, plan_catalogue


@dataclass
class Counts:
    jurisdictions: int = 0
    classes: int = 0
    versions: int = 0
    rows: dict = field(default_factory=dict)  # model label → rows written
    seconds_writing: float = 0.0  # planning the text and inserting it: all but the indexing and checking
    seconds_indexing: float = 0.0  # building and inserting the search documents
    seconds_checking: float = 0.0  # the parts' constraints and indexes made again, if checked at the end
    checked_at_the_end: bool = False  # see constraints_checked_at_the_end

    def add(self, model, count):
        label = model._meta.label
        self.rows[label] = self.rows.get(label, 0) + count


class SyntheticDataExists(Exception):
    """The database already holds synthetic jurisdictions; their adopted text cannot be deleted to make room."""

    def __init__(self, jurisdictions):
        super().__init__(f"{jurisdictions} synthetic jurisdictions exist")
        self.jurisdictions = jurisdictions


def existing_synthetic_jurisdictions():
    return Jurisdiction.objects.filter(slug__startswith=SLUG_PREFIX).count()


def generate(*, classes, jurisdictions, seed, batch_size=1000, progress=None):
    """Plan and write the catalogue in one transaction: all of it, or (on any error) none of it.

    All or nothing matters here: adopted text cannot be deleted, so a half-written catalogue could not be cleared.
    Each batch's classes are indexed for search as it is written. `progress(counts)` follows each batch.
    """
    catalogue = plan_catalogue(classes, jurisdictions, seed)
    counts = Counts()
    with transaction.atomic():
        if existing := existing_synthetic_jurisdictions():
            raise SyntheticDataExists(existing)
        if connection.vendor == "postgresql":
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED: millions of checks would queue in memory until COMMIT.
            # Every row is written after the row it points to, so checking each at once is just as sound.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                # Not waiting for the commit to reach the disk risks nothing: a crash just after it would lose the
                # whole catalogue, as a crash just before would, and the command could run again.
                cursor.execute("SET LOCAL synchronous_commit = off")
        started = time.monotonic()
        written = Written(now=timezone.now())
        write_jurisdictions(catalogue.jurisdictions, written, counts)
        with constraints_checked_at_the_end(counts):
            for batch in planned_ahead(batched_groups(catalogue.groups, batch_size)):
                current = write_groups(batch, written, counts)
                indexing = time.monotonic()
                write_documents(current, counts)
                counts.seconds_indexing += time.monotonic() - indexing
                counts.seconds_writing = time.monotonic() - started - counts.seconds_indexing
                # With DEBUG on, Django keeps the SQL of recent queries, search documents' whole text included, and
                # the process would grow with the catalogue. A written batch's queries are of no further use.
                reset_queries()
                if progress:
                    progress(counts)
        search.documents_written()
        # The public catalogue grew: a new edition, so that pages kept for the old one show it. Its search documents
        # are written above, from the text in hand, so no class is indexed again.
        publishing.catalogue_changed()
    return counts


# The tables of the parts of versions and of their rows: nearly all the rows of a catalogue.
PART_MODELS = [
    model for part in structure.PARTS for model in [part.model, *([part.children.model] if part.children else [])]
]


@contextlib.contextmanager
def constraints_checked_at_the_end(counts):
    """PostgreSQL, into an empty catalogue: the parts' tables take their rows without foreign keys, unique constraints
    and secondary indexes, which are made again, checking every row at once, when all are in.

    Checking each row as it arrives (a foreign key is a query per row) and adding it to three indexes is about half of
    the database's work; checking all rows at once costs far less. It is as sound: the definitions are
    read from the database and made again as they were, with their names; made again, each checks every row, and a
    violation fails the transaction like any other error. DDL is transactional: an error or a crash part way leaves
    the schema as it was. What a concurrent reader sees: dropping a foreign key locks the tables at both ends (the
    parts', and the versions' and classes' they point to; ACCESS EXCLUSIVE) until the commit, so any page reading the
    catalogue waits, then sees all of it. That wait is why it is done only into a database holding no class: where
    real classes are being read, every page would hang for minutes. Beside them, each row is checked as it arrives.
    """
    if connection.vendor != "postgresql" or JobClass.objects.exists():
        yield
        return
    tables = [model._meta.db_table for model in PART_MODELS]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u') ORDER BY contype, conrelid, conname",
            [tables],
        )
        constraints = cursor.fetchall()  # foreign keys first: dropped before the unique constraints, made after
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
            " WHERE indrelid = ANY(%s::regclass[]) AND NOT indisprimary"
            " AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))"
            " ORDER BY indrelid, indexrelid",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _ in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    counts.checked_at_the_end = True
    yield
    started = time.monotonic()
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in reversed(constraints):
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
    counts.seconds_checking = time.monotonic() - started


def planned_ahead(batches):
    """The batches, each planned by a thread of its own while the database takes the one before.

    Planning is pure Python and writing mostly waits on the database, so the two overlap. Only the planning thread
    draws from the seeded generator, in the same order as ever: the catalogue does not change.
    """
    ready, stop = queue.Queue(maxsize=2), threading.Event()

    def offer(item):
        """Hand an item over unless the writing has stopped (on an error); whether it was handed over."""
        while not stop.is_set():
            with contextlib.suppress(queue.Full):
                ready.put(item, timeout=0.1)
                return True
        return False

    def plan():
        try:
            for batch in batches:
                if not offer(batch):
                    return
            offer(None)
        except BaseException as error:  # handed to the writing thread, which raises it
            offer(error)

    planner = threading.Thread(target=plan, name="synthetic-catalogue-planner", daemon=True)
    planner.start()
    try:
        while (batch := ready.get()) is not None:
            if isinstance(batch, BaseException):
                raise batch
            yield batch
    finally:
        stop.set()
        planner.join()


def batched_groups(groups, batch_size):
    """Whole groups (a series is never split) of about `batch_size` classes."""
    batch, size = [], 0
    for group in groups:
        batch.append(group)
        size += len(group.classes)
        if size >= batch_size:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def new_ids(model, count):
    """`count` unused primary keys of the model's table, in increasing order."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: this transaction has written already, so it holds the database's only write lock. Beyond both the
        # largest key and AUTOINCREMENT's high-water mark, no key has been used.
        cursor.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
    return list(range(last + 1, last + 1 + count))


def insert(model, columns, rows):
    """Insert new rows (tuples of the `columns`' values, by attribute name) into the model's table.

    This writes public text without the guarded querysets of classes/immutability.py, which refuse any bulk insert
    into an adopted or superseded version: it is the way fixtures are loaded, and safe for the same reason: nothing
    is being changed. The catalogue is being created, every row is new, and no one else sees it until it commits.
    PostgreSQL's triggers (migration classes/0004) refuse UPDATE and DELETE of adopted rows, not INSERT; the check
    constraints and foreign keys hold as for any insert.
    """
    if not rows:
        return
    # A field the caller does not write (one added to the model since) takes its default, as Django would give it.
    unwritten = [
        field
        for field in model._meta.concrete_fields
        if field.attname not in columns and not field.primary_key and (field.has_default() or not field.null)
    ]
    columns = [*columns, *(field.attname for field in unwritten)]
    rows = [(*row, *(field.get_default() for field in unwritten)) for row in rows] if unwritten else rows
    fields = [model._meta.get_field(name) for name in columns]
    rows = prepared(fields, rows)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY goes past Django's cursor wrapper: its errors are made Django's here (IntegrityError …), as for
            # any other query.
            with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})", rows)


def prepared(fields, rows):
    """Dates and decimals as the database takes them from Django (SQLite stores text); other values as they are.

    PostgreSQL's driver takes dates and decimals as they are, and Django passes them on unchanged, so they are left
    alone there: converting millions of values is no small share of the command's time.
    """
    converted = [
        index
        for index, field in enumerate(fields)
        if field.get_internal_type() in ("DateField", "DateTimeField", "DecimalField")
    ]
    if not converted or connection.vendor == "postgresql":
        return rows
    rows = [list(row) for row in rows]
    for row in rows:
        for index in converted:
            row[index] = fields[index].get_db_prep_save(row[index], connection)
    return rows


@dataclass
class Written:
    """Keys of what is written already, for the rows that point to it."""

    now: datetime.datetime  # the rows' created_at and updated_at: when they were written, as for any row
    jurisdictions: list = field(default_factory=list)  # ids, in the order planned
    departments: dict = field(default_factory=dict)  # (jurisdiction id, name) → id


def write_jurisdictions(plans, written, counts):
    jurisdictions = Jurisdiction.objects.bulk_create(
        Jurisdiction(
            name=plan.name,
            slug=plan.slug,
            kind=plan.kind,
            commission_name=plan.commission_name,
            description=plan.description,
            review_cycle_years=plan.review_cycle_years,
        )
        for plan in plans
    )
    departments = Department.objects.bulk_create(
        Department(jurisdiction=jurisdiction, name=name)
        for jurisdiction, plan in zip(jurisdictions, plans, strict=True)
        for name in plan.departments
    )
    written.jurisdictions = [jurisdiction.pk for jurisdiction in jurisdictions]
    written.departments = {(department.jurisdiction_id, department.name): department.pk for department in departments}
    counts.jurisdictions += len(jurisdictions)
    counts.add(Jurisdiction, len(jurisdictions))
    counts.add(Department, len(departments))


def write_groups(groups, written, counts):
    """Write a batch of class groups with all their text; return the versions search indexes (`write_versions`)."""
    series_ids = iter(new_ids(ClassSeries, sum(1 for group in groups if group.series_name)))
    class_ids = iter(new_ids(JobClass, sum(len(group.classes) for group in groups)))
    series_rows, class_rows, history_rows, written_classes = [], [], [], []
    for group in groups:
        jurisdiction_id = written.jurisdictions[group.jurisdiction]
        series_id = next(series_ids) if group.series_name else None
        if series_id:
            series_rows.append((series_id, jurisdiction_id, group.series_name, group.series_slug, ""))
        levels = {}
        for plan in group.classes:
            class_id = next(class_ids)
            levels[plan.series_level] = class_id
            class_rows.append(
                (
                    class_id,
                    jurisdiction_id,
                    plan.title,
                    plan.slug,
                    plan.code,
                    series_id,
                    plan.series_level,
                    plan.abolished_on,
                )
            )
            history_rows += [(class_id, kind, day, reference, "") for kind, day, reference in plan.history]
            written_classes.append((class_id, jurisdiction_id, plan, levels))
    insert(ClassSeries, ["id", "jurisdiction_id", "name", "slug", "description"], series_rows)
    insert(
        JobClass,
        ["id", "jurisdiction_id", "title", "slug", "code", "series_id", "series_level", "abolished_on"],
        class_rows,
    )
    insert(HistoryEntry, ["job_class_id", "kind", "date", "reference", "by"], history_rows)
    versions, current = write_versions(written_classes, written)
    write_parts(versions, counts)
    counts.classes += len(class_rows)
    counts.versions += len(versions)
    counts.add(ClassSeries, len(series_rows))
    counts.add(JobClass, len(class_rows))
    counts.add(HistoryEntry, len(history_rows))
    counts.add(Version, len(versions))
    return current


VERSION_FIELDS = list(Version._meta.concrete_fields)
VERSION_DEFAULTS = {field.attname: field.get_default() for field in VERSION_FIELDS}


def write_versions(written_classes, written):
    """Insert every version with its final status.

    Return, for every version, (version id, SpecText, series levels → class ids); and for the current version of each
    class not abolished, which search indexes, (class id, {Version field: value}, SpecText).
    """
    texts = [
        (class_id, jurisdiction_id, plan, text, levels)
        for class_id, jurisdiction_id, plan, levels in written_classes
        for text in plan.versions
    ]
    ids = new_ids(Version, len(texts))
    rows, current = [], []
    for version_id, (class_id, jurisdiction_id, plan, text, _) in zip(ids, texts, strict=True):
        values = {
            **VERSION_DEFAULTS,
            **text.header,
            "id": version_id,
            "job_class_id": class_id,
            "number": text.number,
            "status": text.status,
            "department_id": written.departments[(jurisdiction_id, text.department)] if text.department else None,
            "distinguishing_features": " ".join(text.features),
            "created_at": written.now,
            "updated_at": written.now,
        }
        rows.append(tuple(values[field.attname] for field in VERSION_FIELDS))
        if text.status == VersionStatus.ADOPTED and plan.abolished_on is None:
            current.append((class_id, values, text))
    insert(Version, [field.attname for field in VERSION_FIELDS], rows)
    versions = [(version_id, text, levels) for version_id, (*_, text, levels) in zip(ids, texts, strict=True)]
    return versions, current


def write_parts(versions, counts):
    """Every list of every version, part by part; `versions` holds (version id, SpecText, series levels → class ids)."""
    for part in structure.PARTS:
        write_part(part, [(version_id, text.rows(part), levels) for version_id, text, levels in versions], counts)


def write_part(part, owners, counts):
    """The rows of one part: for each owner in turn, (its id, its rows in order, series levels → class ids).

    The rows' own rows follow (a path's titles, under the children part's name), pointing to the keys drawn for their
    owners; a title names a class of the catalogue by its level in the same series."""
    defaults = field_defaults(part)
    columns = [part.model._meta.get_field(part.owner).attname, "position", *defaults]
    values = values_getter(defaults)
    rows = [
        (owner, position, *values({**defaults, **row}))
        for owner, owned, _ in owners
        for position, row in enumerate(owned, 1)
    ]
    if not part.children:
        insert(part.model, columns, rows)
        counts.add(part.model, len(rows))
        return
    ids = new_ids(part.model, len(rows))  # the children's rows point to these
    insert(part.model, ["id", *columns], [(pk, *row) for pk, row in zip(ids, rows, strict=True)])
    counts.add(part.model, len(rows))
    keys = iter(ids)
    children = [
        (next(keys), [linked(child, levels) for child in row[part.children.name]], levels)
        for _, owned, levels in owners
        for row in owned
    ]
    write_part(part.children, children, counts)


def linked(title, levels):
    """A promotional title's row, pointing to the class it is where that is a lower level of the same series."""
    return {**title, "job_class_id": levels[title["series_level"]] if title["series_level"] else None}


def field_defaults(part):
    """Every field a row of the part holds, by column name (`attname`), with its default: what a row leaves out."""
    if part.name not in _defaults:
        fields = part.model._meta.concrete_fields
        _defaults[part.name] = {field.attname: field.get_default() for field in fields if field.name in part.fields}
    return _defaults[part.name]


_defaults = {}


def values_getter(defaults):
    """A function of a row holding every field in `defaults` that gives their values, in that order, as a tuple."""
    getter = operator.itemgetter(*defaults)
    return getter if len(defaults) > 1 else lambda row: (getter(row),)


SEARCH_DOCUMENT_COLUMNS = ["job_class_id", "version_id", *structure.DOCUMENT_COLUMNS]


def write_documents(current, counts):
    """The search documents of the classes written: what `search.index_classes` would build from the database, built
    from the text in hand instead of read back."""
    rows = []
    for class_id, values, text in current:
        document = search.document_texts(structure.row(values), document_parts(text))
        rows.append((class_id, values["id"], *(document[column] for column in structure.DOCUMENT_COLUMNS)))
    insert(SearchDocument, SEARCH_DOCUMENT_COLUMNS, rows)
    counts.add(SearchDocument, len(rows))


def document_parts(text):
    """The version's parts as `search.document_texts` reads them: rows holding every field, defaults included."""
    parts = {}
    for part in structure.PARTS:
        defaults = field_defaults(part)
        parts[part.name] = [structure.row({**defaults, **row}) for row in text.rows(part)]
    return parts
