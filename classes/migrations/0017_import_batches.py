"""The admin's import batches: uploaded files kept as pending documents, read a few per request, reviewed and saved.
HR analysts are given every permission on them (importing is where most of their drafts begin)."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

IMPORTERS = ["HR analyst"]
MODELS = ["importbatch", "importeddocument"]
ACTIONS = ["add", "change", "delete", "view"]


def grant_importing(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are made after the last migration; these must exist before the role is given them.
    app_config = apps.get_app_config("classes")
    models_module, app_config.models_module = getattr(app_config, "models_module", None), True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = models_module
    importing = (
        apps.get_model("auth", "Permission")
        .objects.using(using)
        .filter(
            content_type__app_label="classes",
            codename__in=[f"{action}_{model}" for action in ACTIONS for model in MODELS],
        )
    )
    for group in apps.get_model("auth", "Group").objects.using(using).filter(name__in=IMPORTERS):
        group.permissions.add(*importing)


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0016_search_phrases"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "after_reading",
                    models.CharField(
                        choices=[
                            ("review", "Keep each document for review; an analyst saves it once checked"),
                            ("save", "Save each document as a draft at once"),
                            ("dry_run", "Dry run: read and report only; nothing can be saved"),
                        ],
                        default="review",
                        help_text="What becomes of each document once it is read.",
                        max_length=20,
                    ),
                ),
                (
                    "adopted",
                    models.BooleanField(
                        default=False,
                        help_text="Each document saved is recorded as the adopted text of record, dated as it prints.",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "jurisdiction",
                    models.ForeignKey(
                        help_text="Whose specs these are.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="import_batches",
                        to="classes.jurisdiction",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "import batches",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="ImportedDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file_name", models.CharField(max_length=255)),
                ("size", models.PositiveIntegerField(default=0)),
                ("content", models.BinaryField(default=b"", help_text="The file as uploaded; emptied once read.")),
                (
                    "text",
                    models.TextField(
                        blank=True, editable=False, help_text="The document's lines as read, line 1 first."
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Not read yet"),
                            ("read", "Read, waiting for review"),
                            ("saved", "Saved"),
                            ("discarded", "Discarded"),
                            ("error", "Could not be read"),
                        ],
                        default="pending",
                        max_length=20,
                    ),
                ),
                (
                    "message",
                    models.TextField(blank=True, help_text="Why it could not be read, or why saving it was refused."),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True, help_text="The title read (a series document's: the series).", max_length=200
                    ),
                ),
                (
                    "header",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="The header as it will be saved: the series name and each level's title and code, as read or as the analyst corrected them.",
                    ),
                ),
                ("doubts", models.PositiveIntegerField(default=0, help_text="How many facts were read with doubt.")),
                ("warnings", models.PositiveIntegerField(default=0)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "batch",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="documents", to="classes.importbatch"
                    ),
                ),
                (
                    "jurisdiction",
                    models.ForeignKey(
                        help_text="Whose spec this is; the batch's unless the analyst corrects it.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="classes.jurisdiction",
                    ),
                ),
                (
                    "saved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "versions",
                    models.ManyToManyField(
                        blank=True, help_text="The drafts saved from it.", related_name="+", to="classes.version"
                    ),
                ),
            ],
            options={
                "ordering": ["batch", "pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="importbatch",
            constraint=models.CheckConstraint(
                condition=models.Q(("after_reading__in", ["review", "save", "dry_run"])),
                name="import_batch_after_reading_valid",
            ),
        ),
        migrations.AddIndex(
            model_name="importeddocument",
            index=models.Index(fields=["batch", "status"], name="imported_document_batch_status"),
        ),
        migrations.AddConstraint(
            model_name="importeddocument",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["pending", "read", "saved", "discarded", "error"])),
                name="imported_document_status_valid",
            ),
        ),
        migrations.RunPython(grant_importing, migrations.RunPython.noop),
    ]
