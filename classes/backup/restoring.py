"""Restoring a backup: checked first, loaded in one transaction, then what derives from it rebuilt."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction

from classes import caching
from classes.models import CatalogueEdition, SearchDocument
from classes.models.edition import THE_EDITION
from classes.publishing import catalogue_changed
from classes.search import names

from .reading import BackupFile
from .tables import (
    CONVERTED_FIELDS,
    MADE_BY_MIGRATIONS,
    SCHEMA_APPS,
    BackupError,
    applied_migrations,
    columns,
    kept_models,
    rebuilt_models,
)


@dataclass
class Restored:
    manifest: dict
    search_documents: int
    edition: int


def check(path):
    """The manifest of a backup that this database could restore: whole, and made at the same migrations."""
    backup = BackupFile(path)
    _check_schema(backup.manifest)
    backup.verify()
    return backup.manifest


def restore(path, *, replace=False):
    """Load a backup into this database in one transaction, all or nothing, and rebuild what derives from it.

    A database holding data is refused unless `replace` is given; then everything a backup holds is replaced.
    """
    backup = BackupFile(path)
    _check_schema(backup.manifest)
    if not replace:
        _refuse_data_held()
    backup.verify()  # before changing anything: a damaged file is refused without touching the database
    try:
        with transaction.atomic():
            if not replace:
                _refuse_data_held()
            previous_edition = CatalogueEdition.objects.values_list("number", flat=True).first() or 0
            _empty()
            _load(backup)
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), kept_models()):
                    cursor.execute(statement)
            _check_counts(backup.manifest)
            names.write()
            edition = _new_edition(previous_edition)
            documents = SearchDocument.objects.count()
    except DatabaseError as error:
        raise BackupError(f"The restore failed and changed nothing: {error}") from error
    _forget_rendered_documents()
    return Restored(backup.manifest, documents, edition)


def _check_schema(manifest):
    ours, theirs = applied_migrations(), manifest["migrations"]
    if not any(ours.values()):
        raise BackupError("This database has not been migrated: run manage.py migrate first, then restore.")
    lacking = [f"{app}.{name}" for app in SCHEMA_APPS for name in theirs.get(app, []) if name not in ours[app]]
    extra = [f"{app}.{name}" for app in SCHEMA_APPS for name in ours[app] if name not in theirs.get(app, [])]
    problems = []
    if lacking:
        problems.append(
            f"this database lacks {_listed(lacking)}, which the backup has (it was made by a later civilspec: "
            "restore it with that release)"
        )
    if extra:
        steps = [f"manage.py migrate {app} {theirs[app][-1] if theirs.get(app) else 'zero'}" for app in _apps(extra)]
        problems.append(
            f"this database has {_listed(extra)}, which the backup lacks (it is older: restore it into a new database "
            f"migrated only as far as the backup's, with {' and '.join(steps)}, then migrate)"
        )
    if problems:
        raise BackupError(
            f"The backup was made at other migrations than this database's: {'; '.join(problems)}. Nothing was restored."
        )
    ours = {model._meta.label: columns(model) for model in kept_models()}
    theirs = {label: table["columns"] for label, table in manifest["tables"].items()}
    if ours != theirs:
        differ = sorted(label for label in ours.keys() | theirs.keys() if ours.get(label) != theirs.get(label))
        raise BackupError(f"The backup's tables differ from this database's ({_listed(differ)}). Nothing was restored.")


def _apps(migrations):
    return sorted({name.split(".")[0] for name in migrations})


def _listed(names, shown=5):
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _refuse_data_held():
    held = []
    # The catalogue's own rows first, then the staff's; audit records and link tables last.
    for model in sorted(kept_models(), key=lambda m: (_bookkeeping(m), m._meta.app_label == "auth")):
        if model._meta.label not in MADE_BY_MIGRATIONS and model._base_manager.exists():
            count = model._base_manager.count()
            held.append(f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}")
    if held:
        raise BackupError(
            f"This database already holds data ({_listed(held)}). Restore into an empty database (created, then "
            "migrated), or add --replace to replace everything a backup holds with the backup's. Nothing was restored."
        )


def _bookkeeping(model):
    return bool(model._meta.auto_created) or model.__name__.startswith("Historical")


def _empty():
    """Empty every table a backup fills, and the rebuilt tables referring to them, inside the restore's transaction.

    On PostgreSQL this is TRUNCATE, which the adopted-text triggers (row triggers on UPDATE and DELETE) let
    pass: a restore is the one way adopted text leaves the database, and it puts the same text back.
    """
    emptied = [model for model in [*kept_models(), *rebuilt_models()] if model._base_manager.exists()]
    # Each table emptied takes along those whose foreign keys point to it, as TRUNCATE requires; emptying only
    # these (after migrate: the groups and the edition), not every table, saves a second on PostgreSQL.
    for model in emptied:
        emptied += [other for other in _referring_to(model) if other not in emptied]
    tables = [model._meta.db_table for model in emptied]
    if connection.vendor == "postgresql":
        connection.check_constraints()  # TRUNCATE refuses a table with foreign-key checks still pending
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables):
            cursor.execute(statement)


def _referring_to(model):
    return [
        other
        for other in [*kept_models(), *rebuilt_models()]
        if any(
            field.related_model is model and field.db_constraint
            for field in other._meta.concrete_fields
            if field.many_to_one or field.one_to_one
        )
    ]


def _load(backup):
    models_by_label = {model._meta.label: model for model in kept_models()}
    names = _IdsByName()
    for label, rows in backup.tables():
        model = models_by_label[label]
        converters = [
            (index, _converter(field, names))
            for index, field in enumerate(model._meta.concrete_fields)
            if isinstance(field, CONVERTED_FIELDS) or (field.is_relation and field.related_model in names.lookups)
        ]
        for row in rows:
            for index, convert in converters:
                if row[index] is not None:
                    row[index] = convert(row[index])
        _insert(model, rows)


def _insert(model, rows):
    """INSERT the rows as they are: no signals (no audit-trail rows, no editions), no adopted-text guard and no
    `auto_now` stamps, for these are the rows the backup holds, put back as they were. COPY on PostgreSQL."""
    fields = model._meta.concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})", rows)


def _converter(field, names):
    if field.is_relation:
        return names.lookups[field.related_model]
    database = connections[DEFAULT_DB_ALIAS]  # not the proxy `connection`: this runs for every date of every row
    return lambda value: field.get_db_prep_save(field.to_python(value), database)


class _IdsByName:
    """This database's content types and permissions by natural key; one a backup names that is missing here
    (a model since removed, kept by the database it came from) is made, so no row loses what it refers to."""

    def __init__(self):
        self.content_types = {
            (app, model): pk for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")
        }
        self.permissions = {
            (app, model, codename): pk
            for pk, app, model, codename in Permission.objects.values_list(
                "pk", "content_type__app_label", "content_type__model", "codename"
            )
        }
        self.lookups = {ContentType: self.content_type, Permission: self.permission}

    def content_type(self, key):
        app, model = key
        if (app, model) not in self.content_types:
            self.content_types[app, model] = ContentType.objects.create(app_label=app, model=model).pk
        return self.content_types[app, model]

    def permission(self, key):
        app, model, codename, name = key
        if (app, model, codename) not in self.permissions:
            content_type = self.content_type([app, model])
            made = Permission.objects.create(content_type_id=content_type, codename=codename, name=name)
            self.permissions[app, model, codename] = made.pk
        return self.permissions[app, model, codename]


def _check_counts(manifest):
    for model in kept_models():
        label, held = model._meta.label, model._base_manager.count()
        if held != manifest["tables"][label]["rows"]:
            raise BackupError(
                f"After loading, {label} holds {held} rows where the backup has {manifest['tables'][label]['rows']}. "
                "Nothing was restored."
            )


def _new_edition(previous):
    """The restored catalogue published as a change: its edition one past any this database or the backup's has
    used, so no page kept before is served, and every search document rebuilt."""
    restored = CatalogueEdition.objects.values_list("number", flat=True).first() or 0
    CatalogueEdition.objects.update_or_create(pk=THE_EDITION, defaults={"number": max(previous, restored)})
    catalogue_changed(reindex_all=True)
    caching.forget_edition()
    return CatalogueEdition.objects.get(pk=THE_EDITION).number


def _forget_rendered_documents():
    """PDFs are kept on disk by version id and status; ids may have named other texts before the restore. (Exports
    are kept per edition, which the restore advances: they go too, rather than wait for the next export.)"""
    rendered = Path(settings.RENDERED_ROOT)
    # An export being written (a dotted temporary name) is left to its writer.
    for document in [*rendered.glob("version-*"), *rendered.glob("exports/[!.]*")]:
        document.unlink(missing_ok=True)
