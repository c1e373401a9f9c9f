"""PostgreSQL's answers: generated tsvectors with GIN indexes, a common word's matches listed titles first, and
misspelt words corrected from a trigram index over the catalogue's words."""

import json

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import transaction
from django.db.models import Expression, F, Value
from django.db.models.functions import Concat

# Matches ranked by their whole text, weighted by part; beyond this many, by their titles alone (`TitlesFirst`).
WHOLE_TEXT_RANKED_MOST = 1000
# The class title as an expression no index orders. Ordered by it, PostgreSQL finds a common word's title matches by
# their GIN index and sorts them, in time bound by how many titles hold the word. Ordered by the title itself, it
# walks the title index until a page of titles holds the word, slowly for a word whose titles gather under a few
# letters: the planner takes each word to be spread evenly over the alphabet.
UNINDEXED_TITLE = Concat("title", Value(""))


class PostgreSQL:
    # Asked once, EXISTS makes the planner expect an early hit and read the documents in turn: every one of them for
    # a word found nowhere. Asked twice, the condition looks rare enough for it to take the GIN index instead.
    EXISTS = (
        "SELECT EXISTS (SELECT 1 FROM classes_searchdocument WHERE document @@ to_tsquery('english', %(terms)s)"
        " AND document @@ to_tsquery('english', %(terms)s))"
    )
    WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A: PostgreSQL's defaults, spelt out
    # Catalogue words sharing enough trigrams with the misspelt word, nearest first; the closest by edits wins.
    CANDIDATES = """
        SELECT word FROM classes_catalogueword WHERE word %% %(word)s
        ORDER BY similarity(word, %(word)s) DESC, documents DESC, word LIMIT 20
    """
    # Low enough for a one-letter slip in a short word (two swapped letters in "warden" score 0.27); the edit
    # distance then decides, so a low bar only lets more candidates through.
    SIMILARITY = "SET LOCAL pg_trgm.similarity_threshold = 0.2"
    WRITE_TITLES = """
        UPDATE classes_jobclass AS c SET title_document = (
            SELECT to_tsvector('english'::regconfig, d.title) FROM classes_searchdocument AS d WHERE d.job_class_id = c.id
        ) {which}
    """

    def __init__(self, connection):
        self.connection = connection

    @staticmethod
    def terms(words, any_word=False, prefix=True):
        return (" | " if any_word else " & ").join(f"'{word}'{':*' if prefix else ''}" for word in words)

    def exists(self, words):
        with self.connection.cursor() as cursor:
            cursor.execute(self.EXISTS, {"terms": self.terms(words)})
            return bool(cursor.fetchone()[0])

    def restrict(self, queryset, words, any_word, prefix):
        matches, _, rank_by = self._restrict(queryset, words, any_word, prefix)
        return matches.annotate(search_rank=self._whole_text_rank(rank_by))

    def ranked(self, queryset, words, any_word, prefix):
        matches, match, rank_by = self._restrict(queryset, words, any_word, prefix)
        if self.estimated_rows(matches) <= WHOLE_TEXT_RANKED_MOST:
            return matches.annotate(search_rank=self._whole_text_rank(rank_by)).order_by("-search_rank", "title", "pk")
        # Ranking by the whole text would read every matching document out of line. Ranked by their titles alone,
        # the titles holding a common word all but tie, so the title order is their ranking. The classes' own title
        # words (migration 0010) find them without reading a document, or joining one.
        titled = queryset.alias(title_vector=_Vector("title_document", "pk"))
        in_title = titled.filter(title_vector=match).annotate(search_rank=Value(1.0))
        elsewhere = matches.alias(title_vector=_Vector("title_document", "pk")).exclude(title_vector=match)
        return TitlesFirst(
            in_title.order_by(UNINDEXED_TITLE, "pk"),
            elsewhere.annotate(search_rank=Value(0.0)).order_by("title", "pk"),
        )

    def _restrict(self, queryset, words, any_word, prefix):
        match = SearchQuery(self.terms(words, any_word, prefix), search_type="raw", config="english")
        # Ranked as any word: ts_rank ranks prefixes joined by & erratically (near zero for some matches).
        rank_by = SearchQuery(self.terms(words, any_word=True, prefix=prefix), search_type="raw", config="english")
        document = _Vector("document", "search_document__id")
        return queryset.alias(search_document_vector=document).filter(search_document_vector=match), match, rank_by

    def _whole_text_rank(self, rank_by):
        return SearchRank(F("search_document_vector"), rank_by, weights=self.WEIGHTS)

    def estimated_rows(self, queryset):
        """How many rows the planner expects, from the statistics it keeps of each word's share of the documents:
        counting them would read as many rows as ranking them."""
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with self.connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]

    def candidates(self, word):
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute(self.SIMILARITY)
            cursor.execute(self.CANDIDATES, {"word": word})
            return [row[0] for row in cursor.fetchall()]

    def documents_written(self, job_class_ids):
        """Each class's title words from its document, or NULL if it has none (it is not in the public catalogue)."""
        which = "" if job_class_ids is None else "WHERE c.id = ANY(%(ids)s)"
        with self.connection.cursor() as cursor:
            cursor.execute(self.WRITE_TITLES.format(which=which), {"ids": list(job_class_ids or [])})


class TitlesFirst:
    """The matches of words most of the catalogue holds, too many to rank by their whole text: those whose title
    holds every word, then the rest, each in title order. Counted and sliced as a paginator does, each part asked
    only as far as the page needs it."""

    def __init__(self, in_title, elsewhere):
        self.parts = (in_title, elsewhere)
        self.titles_counted = None  # (how many title matches were counted, up to how many)

    def count_up_to(self, most):
        counted = 0
        for part in self.parts:
            counted += self._count(part, most - counted)
            if counted >= most:
                break
        return counted

    def _count(self, part, most):
        counted = part.order_by().values("pk")[:most].count()
        if part is self.parts[0]:
            self.titles_counted = (counted, most)
        return counted

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        in_title, elsewhere = self.parts
        # Only where the titles end need be known (the paginator's count has often told); the rest is sliced as far
        # as the page reaches, never counted.
        titled = self._titles_up_to(stop)
        found = self._sorted_first(in_title, start, stop) if start < titled else []
        if stop > titled:
            found += elsewhere[max(0, start - titled) : stop - titled]
        return found

    def _titles_up_to(self, stop):
        if self.titles_counted:
            counted, most = self.titles_counted
            if counted < most or counted >= stop:
                return min(counted, stop)
        return self._count(self.parts[0], stop)

    @staticmethod
    def _sorted_first(part, start, stop):
        """part[start:stop], its keys sorted first and its rows read after, so that the rows' related rows
        (jurisdiction, series) are joined to the page's rows alone, not to every match."""
        keys = list(part.values_list("pk", flat=True)[start:stop])
        rows = part.order_by().in_bulk(keys)
        return [rows[key] for key in keys]

    def __iter__(self):
        for part in self.parts:
            yield from part


class _Vector(Expression):
    """A tsvector column that only the database declares, in the row of the model field `key` names: "pk" for the
    class's own, "search_document__id" for its search document's (resolving that joins it)."""

    output_field = SearchVectorField()

    def __init__(self, column, key):
        super().__init__()
        self.column = column
        self.key = F(key)

    def get_source_expressions(self):
        return [self.key]

    def set_source_expressions(self, exprs):
        (self.key,) = exprs

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.key.alias)}.{self.column}", []
