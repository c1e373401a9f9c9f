"""The stored search document, and the full-text index each database keeps of it.

PostgreSQL: a generated tsvector (weights A-D from the four columns) with a GIN index, and a trigram
index on titles for misspellings. SQLite: an FTS5 table over the same columns, kept in step by triggers.
The model does not declare either, so that one model serves both databases; `classes.search` reads them.
A later migration that makes SQLite rebuild this table (most AlterFields do) drops the triggers with it,
and must create them again.
"""

import django.db.models.deletion
from django.db import migrations, models

POSTGRESQL = {
    "forward": [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        """ALTER TABLE classes_searchdocument ADD COLUMN document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, title), 'A')
            || setweight(to_tsvector('english'::regconfig, features), 'B')
            || setweight(to_tsvector('english'::regconfig, duties), 'C')
            || setweight(to_tsvector('english'::regconfig, qualifications), 'D')
        ) STORED""",
        "CREATE INDEX classes_searchdocument_document ON classes_searchdocument USING gin (document)",
        "CREATE INDEX classes_searchdocument_title_trgm ON classes_searchdocument USING gin (title gin_trgm_ops)",
    ],
    "backward": [
        "DROP INDEX classes_searchdocument_title_trgm",
        "DROP INDEX classes_searchdocument_document",
        "ALTER TABLE classes_searchdocument DROP COLUMN document",
    ],
}

SQLITE = {
    "forward": [
        """CREATE VIRTUAL TABLE classes_searchdocument_fts USING fts5(
            title, features, duties, qualifications,
            content='classes_searchdocument', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER classes_searchdocument_fts_insert AFTER INSERT ON classes_searchdocument BEGIN
            INSERT INTO classes_searchdocument_fts (rowid, title, features, duties, qualifications)
            VALUES (new.id, new.title, new.features, new.duties, new.qualifications);
        END""",
        """CREATE TRIGGER classes_searchdocument_fts_delete AFTER DELETE ON classes_searchdocument BEGIN
            INSERT INTO classes_searchdocument_fts (classes_searchdocument_fts, rowid, title, features, duties, qualifications)
            VALUES ('delete', old.id, old.title, old.features, old.duties, old.qualifications);
        END""",
        """CREATE TRIGGER classes_searchdocument_fts_update AFTER UPDATE ON classes_searchdocument BEGIN
            INSERT INTO classes_searchdocument_fts (classes_searchdocument_fts, rowid, title, features, duties, qualifications)
            VALUES ('delete', old.id, old.title, old.features, old.duties, old.qualifications);
            INSERT INTO classes_searchdocument_fts (rowid, title, features, duties, qualifications)
            VALUES (new.id, new.title, new.features, new.duties, new.qualifications);
        END""",
    ],
    "backward": [
        "DROP TRIGGER classes_searchdocument_fts_update",
        "DROP TRIGGER classes_searchdocument_fts_delete",
        "DROP TRIGGER classes_searchdocument_fts_insert",
        "DROP TABLE classes_searchdocument_fts",
    ],
}


def run_for_vendor(direction):
    def run(apps, schema_editor):
        statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor)
        if statements is None:
            raise NotImplementedError(f"Search supports PostgreSQL and SQLite, not {schema_editor.connection.vendor}")
        for statement in statements[direction]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('classes', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.TextField(help_text='Weight A: title and class code.')),
                ('features', models.TextField(blank=True, help_text='Weight B: general statement and distinguishing features.')),
                ('duties', models.TextField(blank=True, help_text='Weight C: duties, knowledges, skills, abilities, competencies.')),
                ('qualifications', models.TextField(blank=True, help_text='Weight D: qualification paths, substitutions, definitions, special requirements, other sections.')),
                ('job_class', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='search_document', to='classes.jobclass')),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='classes.version')),
            ],
            options={
                'ordering': ['job_class_id'],
            },
        ),
        migrations.RunPython(run_for_vendor("forward"), run_for_vendor("backward")),
    ]
