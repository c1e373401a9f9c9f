"""PostgreSQL keeps the title words of each class in the public catalogue in the class's own row (SQLite needs nothing).

A common word's matches are listed titles first, in title order (see `classes.search`). Found through the documents'
`title_document`, that tier read 7,000-9,000 rows of the wide documents table and joined each to its class: 25-55 ms
at 100,000 classes. `classes_jobclass.title_document` holds the same tsvector in a table a tenth as wide, whose rows
are the classes listed. It is written with the documents (`search.documents_written`) and is NULL for a class that
has none, so that a match is a class of the public catalogue without a join to its versions. The documents'
`title_document` then serves nothing and goes.
"""

from django.db import migrations

POSTGRESQL = {
    "forward": [
        "ALTER TABLE classes_jobclass ADD COLUMN title_document tsvector",
        """UPDATE classes_jobclass AS c SET title_document = to_tsvector('english'::regconfig, d.title)
            FROM classes_searchdocument AS d WHERE d.job_class_id = c.id""",
        "CREATE INDEX classes_jobclass_title_document ON classes_jobclass USING gin (title_document)",
        "DROP INDEX classes_searchdocument_title_document",
        "ALTER TABLE classes_searchdocument DROP COLUMN title_document",
    ],
    "backward": [
        """ALTER TABLE classes_searchdocument ADD COLUMN title_document tsvector
            GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title)) STORED""",
        "CREATE INDEX classes_searchdocument_title_document ON classes_searchdocument USING gin (title_document)",
        "DROP INDEX classes_jobclass_title_document",
        "ALTER TABLE classes_jobclass DROP COLUMN title_document",
    ],
}


def run_on_postgresql(direction):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in POSTGRESQL[direction]:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0009_class_title_order"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql("forward"), run_on_postgresql("backward")),
    ]
