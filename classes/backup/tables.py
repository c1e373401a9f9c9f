"""What a backup holds and how its file is laid out; the tables, migrations and counts both sides compare.

The file is gzip'd JSON lines. The first line is the manifest: the format, when and from which database it
was made, the migrations applied there, and each table's columns and row count. Each table follows as a
line naming it and one line (a JSON array, in the manifest's column order) per row. The last line holds
the SHA-256 of every line before it. Derived data is left out and rebuilt: the search documents, and the
pages and PDFs kept per catalogue edition. Content types and permissions, which `migrate` numbers in its
own order on each database, are named by app, model and codename.
"""

from django.apps import apps
from django.db import connection, models
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "civilspec-backup"
FORMAT_VERSION = 1
# Whose tables a backup holds, in the order written: staff accounts, the catalogue, the admin's log.
APPS = ["auth", "classes", "qualifications", "admin"]
# The schema a restore must match: these apps' tables, and the content types natural keys name.
SCHEMA_APPS = [*APPS, "contenttypes"]
# Rebuilt, not kept: search documents, the words spelling corrects from and the thesaurus's phrases come from the
# adopted text, the names search looks occupations up by from O*NET's titles; `migrate` makes the permissions.
REBUILT = (
    "classes.SearchDocument",
    "classes.SearchPhrase",
    "classes.CatalogueWord",
    "classes.OccupationName",
    "classes.OccupationNameWord",
)
NOT_KEPT = {*REBUILT, "auth.Permission"}
# Rows a freshly migrated database holds already (the roles of classes/0005, the edition of 0007, O*NET's titles of
# 0014); a restore replaces them.
MADE_BY_MIGRATIONS = {
    "auth.Group",
    "auth.Group_permissions",
    "classes.CatalogueEdition",
    "classes.Occupation",
    "classes.OccupationTitle",
    "classes.RelatedOccupation",
}
# Values whose JSON form is not what the database takes: read back and prepared by the field. Others (text,
# numbers, booleans) go to the database as JSON gives them.
CONVERTED_FIELDS = (
    models.DateField,
    models.TimeField,
    models.DecimalField,
    models.UUIDField,
    models.JSONField,
    models.BinaryField,
)
MANIFEST_LIMIT = 1 << 20  # bytes: a manifest is a few kilobytes; no other file's first line is read whole
BATCH = 1000  # rows read, written and inserted at a time: memory stays flat whatever the catalogue's size
SUMMARY = [
    ("classes.Jurisdiction", "jurisdictions"),
    ("classes.JobClass", "job classes"),
    ("classes.Version", "versions"),
    ("auth.User", "users"),
    ("auth.Group", "groups"),
]


class BackupError(Exception):
    """A backup that cannot be written, or a file that cannot be restored here; the message says why."""


def kept_models():
    """The models whose rows a backup holds, in the order it writes them."""
    return [
        model
        for label in APPS
        if label in apps.app_configs
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed and model._meta.label not in NOT_KEPT
    ]


def rebuilt_models():
    """The models of derived rows, emptied by a restore and rebuilt from the adopted text it restores."""
    return [apps.get_model(label) for label in REBUILT]


def columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def applied_migrations():
    applied = MigrationRecorder(connection).applied_migrations()
    return {app: sorted(name for label, name in applied if label == app) for app in SCHEMA_APPS}


def summary(manifest):
    """A line for people: the main counts of a backup."""
    rows = {label: table["rows"] for label, table in manifest["tables"].items()}
    audit = sum(count for label, count in rows.items() if ".Historical" in label)
    counts = [f"{rows.get(label, 0)} {name}" for label, name in SUMMARY]
    return ", ".join([*counts, f"{audit} audit-trail records"]) + f"; {sum(rows.values())} rows in all"
