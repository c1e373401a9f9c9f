"""A query's synonyms find their classes through `classes_searchphrase`: the thesaurus's phrases each document holds,
written with the documents (classes/search/phrases.py), instead of a full-text match of each phrase at query time.
The documents already written get their phrases here; `update_search_index` writes them again at any time."""

import django.db.models.deletion
from django.db import migrations, models


def find_phrases(apps, schema_editor):
    from classes.search.phrases import held  # reads text only: no model of today's schema
    from classes.structure import DOCUMENT_COLUMNS

    document = apps.get_model("classes", "SearchDocument")
    phrase = apps.get_model("classes", "SearchPhrase")
    found = [
        phrase(job_class_id=job_class_id, phrase=key)
        for job_class_id, *texts in document.objects.values_list("job_class_id", *DOCUMENT_COLUMNS).iterator()
        for key in sorted(held(texts))
    ]
    phrase.objects.bulk_create(found, batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0015_catalogue_words'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchPhrase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phrase', models.CharField(db_index=True, help_text="The phrase's words, each without a plural's s.", max_length=100)),
                ('job_class', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='classes.jobclass')),
            ],
            options={
                'ordering': ['job_class_id', 'phrase'],
                'constraints': [models.UniqueConstraint(fields=('job_class', 'phrase'), name='searchphrase_once_per_class')],
            },
        ),
        migrations.RunPython(find_phrases, migrations.RunPython.noop),
    ]
