"""O*NET's occupations, their titles and related occupations, and each version's occupation.

The titles and codes are loaded from the data the project ships (classes/data/onet.json.gz); descriptions and
tasks come later from `manage.py load_onet`. On PostgreSQL the guard of adopted versions lets the occupation
fields change, as the models do: the occupation is the portal's reading of a text, not its adopted wording.
"""

import gzip
import json
from pathlib import Path

import django.db.models.deletion
from django.db import migrations, models


SHIPPED = Path(__file__).resolve().parent.parent / "data" / "onet.json.gz"
BATCH = 2000


def load_shipped_titles(apps, schema_editor):
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as file:
        data = json.load(file)
    model = apps.get_model
    model("classes", "Occupation").objects.bulk_create(
        [model("classes", "Occupation")(code=code, title=title) for code, title in data["occupations"]], batch_size=BATCH
    )
    title = model("classes", "OccupationTitle")
    title.objects.bulk_create(
        [title(occupation_id=code, title=text, kind=kind) for code, text, kind in data["titles"]], batch_size=BATCH
    )
    related = model("classes", "RelatedOccupation")
    related.objects.bulk_create(
        [related(occupation_id=c, related_id=r, tier=t, rank=n) for c, r, t, n in data["related"]], batch_size=BATCH
    )


def guard(ignored):
    return f"""
CREATE OR REPLACE FUNCTION civilspec_guard_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('adopted', 'superseded') THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'version %% is %% and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
        END IF;
        IF (to_jsonb(NEW) {ignored}) IS DISTINCT FROM (to_jsonb(OLD) {ignored})
           OR NOT (NEW.status = OLD.status OR (OLD.status = 'adopted' AND NEW.status = 'superseded')) THEN
            RAISE EXCEPTION 'version %% is %% and cannot be changed', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
"""


BEFORE = "- 'status' - 'updated_at'"
AFTER = f"{BEFORE} - 'occupation_id' - 'occupation_score' - 'occupation_confirmed'"


def let_occupation_change(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(guard(AFTER))


def guard_occupation_again(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(guard(BEFORE))


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0013_jurisdiction_postings_and_title_order'),
    ]

    operations = [
        migrations.CreateModel(
            name='Occupation',
            fields=[
                ('code', models.CharField(help_text='O*NET-SOC code, e.g. 43-4061.00.', max_length=10, primary_key=True, serialize=False)),
                ('title', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True, help_text="O*NET's description; empty until `load_onet` has run.")),
            ],
            options={
                'ordering': ['code'],
            },
        ),
        migrations.AddField(
            model_name='historicalversion',
            name='occupation_confirmed',
            field=models.BooleanField(default=False, editable=False, help_text='Whether an analyst confirmed or chose the occupation.'),
        ),
        migrations.AddField(
            model_name='historicalversion',
            name='occupation_score',
            field=models.DecimalField(blank=True, decimal_places=3, editable=False, help_text='How closely the suggested occupation matched the title and duties, from 0 to 1; empty where an analyst chose the occupation.', max_digits=4, null=True),
        ),
        migrations.AddField(
            model_name='version',
            name='occupation_confirmed',
            field=models.BooleanField(default=False, editable=False, help_text='Whether an analyst confirmed or chose the occupation.'),
        ),
        migrations.AddField(
            model_name='version',
            name='occupation_score',
            field=models.DecimalField(blank=True, decimal_places=3, editable=False, help_text='How closely the suggested occupation matched the title and duties, from 0 to 1; empty where an analyst chose the occupation.', max_digits=4, null=True),
        ),
        migrations.AddField(
            model_name='historicalversion',
            name='occupation',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="The O*NET occupation this text's work belongs to: suggested from its title and duties until an analyst confirms or changes it.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='classes.occupation'),
        ),
        migrations.AddField(
            model_name='version',
            name='occupation',
            field=models.ForeignKey(blank=True, help_text="The O*NET occupation this text's work belongs to: suggested from its title and duties until an analyst confirms or changes it.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='classes.occupation'),
        ),
        migrations.CreateModel(
            name='OccupationTask',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveIntegerField()),
                ('text', models.TextField()),
                ('occupation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='classes.occupation')),
            ],
            options={
                'ordering': ['occupation', 'position'],
            },
        ),
        migrations.CreateModel(
            name='RelatedOccupation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tier', models.CharField(choices=[('primary_short', 'Primary (closest)'), ('primary_long', 'Primary'), ('supplemental', 'Supplemental')], max_length=20)),
                ('rank', models.PositiveSmallIntegerField(help_text="O*NET's order within the occupation's related ones.")),
                ('occupation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='classes.occupation')),
                ('related', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='classes.occupation')),
            ],
            options={
                'ordering': ['occupation', 'rank'],
            },
        ),
        migrations.AddField(
            model_name='occupation',
            name='related',
            field=models.ManyToManyField(blank=True, through='classes.RelatedOccupation', to='classes.occupation'),
        ),
        migrations.CreateModel(
            name='OccupationTitle',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=250)),
                ('kind', models.CharField(choices=[('alternate', 'Alternate title'), ('short', 'Short title'), ('reported', 'Reported title')], max_length=20)),
                ('occupation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='titles', to='classes.occupation')),
            ],
            options={
                'ordering': ['occupation', 'kind', 'title'],
                'constraints': [models.UniqueConstraint(fields=('occupation', 'kind', 'title'), name='occupation_title_unique'), models.CheckConstraint(condition=models.Q(('kind__in', ['alternate', 'short', 'reported'])), name='occupation_title_kind_valid')],
            },
        ),
        migrations.AddConstraint(
            model_name='relatedoccupation',
            constraint=models.UniqueConstraint(fields=('occupation', 'related'), name='related_occupation_unique'),
        ),
        migrations.AddConstraint(
            model_name='relatedoccupation',
            constraint=models.CheckConstraint(condition=models.Q(('tier__in', ['primary_short', 'primary_long', 'supplemental'])), name='related_occupation_tier_valid'),
        ),
        migrations.RunPython(load_shipped_titles, migrations.RunPython.noop),
        migrations.RunPython(let_occupation_change, guard_occupation_again),
    ]
