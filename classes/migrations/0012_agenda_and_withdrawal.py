"""The commission's cycle: who proposed each version (only they may withdraw it), and the permission to put a proposal
on a meeting's agenda or take it off, which analysts and the commission's secretary both hold.

A version proposed before this migration was last saved by its proposal, so its last saver is taken as its proposer.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.db.models import F

SCHEDULERS = ["HR analyst", "Commission secretary"]


def grant_scheduling(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are made after the last migration; this one's must exist before the roles are given it.
    app_config = apps.get_app_config("classes")
    models_module, app_config.models_module = getattr(app_config, "models_module", None), True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    schedule = Permission.objects.using(using).get(content_type__app_label="classes", codename="schedule_version")
    for group in apps.get_model("auth", "Group").objects.using(using).filter(name__in=SCHEDULERS):
        group.permissions.add(schedule)


def take_proposers_from_last_savers(apps, schema_editor):
    Version = apps.get_model("classes", "Version")
    Version.objects.using(schema_editor.connection.alias).filter(status="proposed").update(
        proposed_by=F("updated_by")
    )


def revoke_scheduling(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="classes", codename="schedule_version"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0011_list_item_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="version",
            options={
                "get_latest_by": "number",
                "ordering": ["job_class__title", "-number"],
                "permissions": [
                    ("propose_version", "Can send a draft to the commission"),
                    ("adopt_version", "Can adopt a proposed version or return it to draft"),
                    ("start_revision", "Can start a new draft from the adopted version"),
                    ("schedule_version", "Can put a proposed version on a meeting's agenda or take it off"),
                ],
            },
        ),
        migrations.AddField(
            model_name="historicalversion",
            name="proposed_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="Who sent this version to the commission; only they may withdraw the proposal.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="version",
            name="proposed_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="Who sent this version to the commission; only they may withdraw the proposal.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(grant_scheduling, revoke_scheduling),
        migrations.RunPython(take_proposers_from_last_savers, migrations.RunPython.noop),
    ]
