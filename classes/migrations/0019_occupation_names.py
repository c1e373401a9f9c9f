"""The names search looks O*NET's occupations up by, so that a query near one of their titles finds its classes.

`classes_occupationname` holds each title (and the parts of one out of and in its brackets) by its key: its words,
small words out, plurals singular, in one order. `classes_occupationnameword` holds each word of those keys under
itself and under its spellings with a letter dropped, from which a misspelt word finds the words one letter from it.
Both are written from the titles by the rule search reads them with (classes/search/names.py), here and whenever
`load_onet` or a restore writes the titles.
"""

import django.db.models.deletion
from django.db import migrations, models

from classes.search.names import named, rows

BATCH = 5000


def write_names(apps, schema_editor):
    model = apps.get_model
    names, words = rows(named(model("classes", "Occupation"), model("classes", "OccupationTitle")))
    name, word = model("classes", "OccupationName"), model("classes", "OccupationNameWord")
    name.objects.bulk_create([name(key=k, occupation_id=code, title=title) for k, code, title in names], batch_size=BATCH)
    word.objects.bulk_create([word(variant=variant, word=w) for variant, w in words], batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0018_special_requirement_licence_timing'),
    ]

    operations = [
        migrations.CreateModel(
            name='OccupationNameWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('variant', models.CharField(db_index=True, max_length=40)),
                ('word', models.CharField(max_length=40)),
            ],
            options={
                'ordering': ['variant', 'word'],
            },
        ),
        migrations.CreateModel(
            name='OccupationName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(db_index=True, max_length=250)),
                ('title', models.CharField(help_text='The name as O*NET spells it: a title, or the part of one out of or in its brackets.', max_length=250)),
                ('occupation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='classes.occupation')),
            ],
            options={
                'ordering': ['key', 'occupation', 'title'],
            },
        ),
        migrations.RunPython(write_names, migrations.RunPython.noop),
    ]
