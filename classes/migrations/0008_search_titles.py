"""PostgreSQL keeps two more things for search at statewide scale (SQLite needs neither).

- `title_document`: a tsvector of the title alone, with a GIN index. A common word matches most of the
  catalogue, and ranking that many rows by their whole text reads every matching document out of line
  (seconds at 100,000 classes); ranking them by their titles reads a few bytes in each row instead.
- `classes_titleword`: the distinct words of current titles, with a trigram index, from which a misspelt
  word is corrected. A materialized view, refreshed whenever documents are rebuilt: a few thousand words
  are searched by similarity far faster than a hundred thousand titles.
"""

from django.db import migrations

POSTGRESQL = {
    "forward": [
        """ALTER TABLE classes_searchdocument ADD COLUMN title_document tsvector
            GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title)) STORED""",
        "CREATE INDEX classes_searchdocument_title_document ON classes_searchdocument USING gin (title_document)",
        r"""CREATE MATERIALIZED VIEW classes_titleword AS
            SELECT word, count(*) AS documents
            FROM classes_searchdocument, regexp_split_to_table(lower(title), '[^[:alnum:]]+') AS word
            WHERE length(word) > 3 AND word !~ '^[0-9]+$'
            GROUP BY word""",
        "CREATE UNIQUE INDEX classes_titleword_word ON classes_titleword (word)",
        "CREATE INDEX classes_titleword_word_trgm ON classes_titleword USING gin (word gin_trgm_ops)",
        "DROP INDEX classes_searchdocument_title_trgm",  # misspellings read classes_titleword now
    ],
    "backward": [
        "CREATE INDEX classes_searchdocument_title_trgm ON classes_searchdocument USING gin (title gin_trgm_ops)",
        "DROP MATERIALIZED VIEW classes_titleword",
        "DROP INDEX classes_searchdocument_title_document",
        "ALTER TABLE classes_searchdocument DROP COLUMN title_document",
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
        ("classes", "0007_catalogue_edition"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql("forward"), run_on_postgresql("backward")),
    ]
