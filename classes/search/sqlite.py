"""SQLite's answers: an FTS5 table kept in step with the documents by triggers (migration 0002), ranked the way
PostgreSQL ranks, and misspelt words matched against the catalogue's words by difflib."""

import difflib

from django.db.models import Expression, F, FloatField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from ..models import CatalogueWord


class SQLite:
    FTS = "classes_searchdocument_fts"  # FTS5 takes no alias in MATCH or bm25()
    MATCHING = f"FROM {FTS} JOIN classes_searchdocument AS d ON d.id = {FTS}.rowid WHERE {FTS} MATCH %s"
    EXISTS = f"SELECT EXISTS (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %(terms)s)"
    # Like ts_rank, each word scores the weight of the heaviest column it is in, and more hits break ties. (bm25
    # alone would not do: its IDF vanishes for a word in half the documents, and many body hits outscore a title.)
    WORD_SCORE = (
        f"SELECT d.job_class_id AS id, CASE WHEN bm25({FTS}, 1, 0, 0, 0) < 0 THEN 1.0"
        f" WHEN bm25({FTS}, 0, 1, 0, 0) < 0 THEN 0.4 WHEN bm25({FTS}, 0, 0, 1, 0) < 0 THEN 0.2 ELSE 0.1 END AS score"
        f" {MATCHING}"
    )
    TIE_SCORE = f"SELECT d.job_class_id AS id, 0.05 * bm25({FTS}) / (bm25({FTS}) - 1) AS score {MATCHING}"

    def __init__(self, connection):
        self.connection = connection

    @staticmethod
    def terms(words, any_word=False, prefix=True):
        return (" OR " if any_word else " AND ").join(f'"{word}"{"*" if prefix else ""}' for word in words)

    def exists(self, words):
        with self.connection.cursor() as cursor:
            cursor.execute(self.EXISTS, {"terms": self.terms(words)})
            return bool(cursor.fetchone()[0])

    def restrict(self, queryset, words, any_word, prefix):
        # Each search runs once, materialized: asked row by row, FTS5 would run it again for every row.
        scores = [self.WORD_SCORE] * len(words) + [self.TIE_SCORE]
        searches = [self.terms([word], prefix=prefix) for word in words] + [self.terms(words, True, prefix)]
        tables = ", ".join(f"s{index} AS MATERIALIZED ({sql})" for index, sql in enumerate(scores))
        total = " + ".join(
            f"coalesce((SELECT score FROM s{index} WHERE id = {{pk}}), 0)" for index in range(len(scores))
        )
        return queryset.filter(
            pk__in=RawSQL(f"SELECT d.job_class_id {self.MATCHING}", [self.terms(words, any_word, prefix)])
        ).annotate(search_rank=_Rank(f"(WITH {tables} SELECT {total})", searches))

    def ranked(self, queryset, words, any_word, prefix):
        return self.restrict(queryset, words, any_word, prefix).order_by("-search_rank", "title", "pk")

    def candidates(self, word):
        # Two edits at most change a word's length by two: only words of about its length can be near it.
        near = (
            CatalogueWord.objects.alias(length=Length("word"))
            .filter(length__range=(len(word) - 2, len(word) + 2))
            .order_by("-documents", "word")
        )
        return difflib.get_close_matches(word, near.values_list("word", flat=True), n=20, cutoff=0.6)

    def documents_written(self, job_class_ids):
        """Nothing to keep: the title tier is PostgreSQL's alone."""


class _Rank(Expression):
    """A class's rank by a correlated subquery; `{pk}` in its SQL stands for the class's key."""

    output_field = FloatField()

    def __init__(self, template, params):
        super().__init__()
        self.template, self.params, self.pk = template, params, F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, _ = compiler.compile(self.pk)  # a column: no parameters
        return self.template.format(pk=pk_sql), self.params
