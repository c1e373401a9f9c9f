"""The three roles as groups with exact permissions, plus what they need: the permission to abolish a
class and the admin's review queue (a proxy of JobClass, whose permissions the roles hold).

Running it again leaves each group with exactly these permissions; reversing it removes the groups
(users keep their accounts, without those roles). No role may edit an adopted version: the admin
refuses that whatever the permissions (classes/admin/versions.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ["classes", "qualifications"]
PARTS = [
    "classes.duty",
    "classes.ksa",
    "classes.competency",
    "classes.othersection",
    "classes.specialrequirement",
    "qualifications.path",
    "qualifications.substitution",
    "qualifications.definition",
    "qualifications.timeintitle",
]
ANALYST = [
    *(f"{app}.{action}_{model}" for app, model in (p.split(".") for p in PARTS) for action in ("add", "change", "delete")),
    "classes.add_version",
    "classes.change_version",
    "classes.propose_version",
    "classes.start_revision",
    "classes.add_jobclass",
    "classes.change_jobclass",
    "classes.add_review",
]
SECRETARY = [
    "classes.adopt_version",
    "classes.add_meeting",
    "classes.change_meeting",
    "classes.abolish_jobclass",
    "classes.add_review",
]
# Every role reads everything of both apps (the audit trail's historical models included); these are its extras.
ROLES = {"HR analyst": ANALYST, "Commission secretary": SECRETARY, "Viewer": []}


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are made after the last migration; on a fresh database they do not exist yet.
    for app_config in apps.get_app_configs():
        # create_permissions skips an app without a models module, which migration states' apps lack.
        models_module, app_config.models_module = getattr(app_config, "models_module", None), True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission").objects.using(using)
    viewing = list(Permission.filter(content_type__app_label__in=APPS, codename__startswith="view_"))
    for name, extras in ROLES.items():
        wanted = [tuple(label.split(".")) for label in extras]
        found = [Permission.get(content_type__app_label=app, codename=codename) for app, codename in wanted]
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set([*viewing, *found])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0004_adopted_text_triggers"),
        ("qualifications", "0002_audit_trail"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClassDueForReview",
            fields=[],
            options={
                "verbose_name": "class due for review",
                "verbose_name_plural": "classes due for review",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("classes.jobclass",),
        ),
        migrations.AlterModelOptions(
            name="jobclass",
            options={
                "ordering": ["title"],
                "permissions": [("abolish_jobclass", "Can abolish a class (record the commission's decision)")],
                "verbose_name": "job class",
                "verbose_name_plural": "job classes",
            },
        ),
        migrations.RunPython(create_roles, remove_roles),
    ]
