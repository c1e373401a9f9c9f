"""Misspellings are corrected from every word of the public catalogue, not its titles alone.

`classes_catalogueword` holds the words of all the documents' columns with how many documents hold each, and is
written with the documents (classes/search/spelling.py). On PostgreSQL a trigram index finds a misspelt word's
candidates in it, and the title words' materialized view of 0008, which it replaces, goes.
"""

import re
from collections import Counter

from django.db import migrations, models


WORD = re.compile(r"[^\W_]+")
POSTGRESQL = {
    "forward": [
        "CREATE INDEX classes_catalogueword_trgm ON classes_catalogueword USING gin (word gin_trgm_ops)",
        "DROP MATERIALIZED VIEW classes_titleword",
    ],
    "backward": [
        r"""CREATE MATERIALIZED VIEW classes_titleword AS
            SELECT word, count(*) AS documents
            FROM classes_searchdocument, regexp_split_to_table(lower(title), '[^[:alnum:]]+') AS word
            WHERE length(word) > 3 AND word !~ '^[0-9]+$'
            GROUP BY word""",
        "CREATE UNIQUE INDEX classes_titleword_word ON classes_titleword (word)",
        "CREATE INDEX classes_titleword_word_trgm ON classes_titleword USING gin (word gin_trgm_ops)",
        "DROP INDEX classes_catalogueword_trgm",
    ],
}


def run_on_postgresql(direction):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in POSTGRESQL[direction]:
                schema_editor.execute(statement)

    return run


def count_words(apps, schema_editor):
    counts = Counter()
    columns = ("title", "features", "duties", "qualifications")
    for texts in apps.get_model("classes", "SearchDocument").objects.values_list(*columns).iterator():
        counts.update({word for text in texts for word in WORD.findall(text.lower()) if 3 < len(word) <= 40 and not word.isdigit()})
    word = apps.get_model("classes", "CatalogueWord")
    word.objects.bulk_create([word(word=w, documents=n) for w, n in counts.items()], batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0014_occupations'),
    ]

    operations = [
        migrations.CreateModel(
            name='CatalogueWord',
            fields=[
                ('word', models.CharField(max_length=40, primary_key=True, serialize=False)),
                ('documents', models.PositiveIntegerField(help_text="How many classes' documents held it when last counted.")),
            ],
            options={
                'ordering': ['word'],
            },
        ),
        migrations.RunPython(run_on_postgresql("forward"), run_on_postgresql("backward")),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
