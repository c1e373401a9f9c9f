"""Full-text search over the adopted text of current classes, answered alike by PostgreSQL and SQLite."""

import difflib
import functools
import json
import re
from collections import Counter
from html import escape

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections, transaction
from django.db.models import Expression, F, FloatField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from . import structure
from .models import JobClass, SearchDocument, Version
from .vocabulary import VersionStatus

MAX_WORDS = 10
MAX_WORD_LENGTH = 40
PASSAGE_WORDS = 30
BATCH_SIZE = 500
WORD = re.compile(r"[^\W_]+")  # letters and digits: the only part of user input that reaches a query
# Words too common to search for (PostgreSQL's English configuration drops them too).
STOPWORDS = frozenset(
    "a an and any are as at be by for from in into is it its of on or such that the their this to which who with".split()  # noqa: SIM905
)
# Matches ranked by their whole text, weighted by part; beyond this many, by their titles alone (see _PostgreSQL).
WHOLE_TEXT_RANKED_MOST = 1000
# The class title as an expression no index orders, for the same order. Ordered by it, PostgreSQL finds a common
# word's title matches by their GIN index and sorts them, in time bound by how many titles hold the word. Ordered by
# the title itself, it walks the title index until a page of titles holds the word: 1 ms for "service", but 80 ms for
# "principal", whose titles gather under P (the planner takes each word to be spread evenly over the alphabet).
UNINDEXED_TITLE = Concat("title", Value(""))
SUFFIXES = ("ations", "ation", "ments", "ment", "ions", "ion", "ings", "ing", "ies", "ers", "er", "es", "ed", "s")


# Building the documents


def index_classes(job_class_ids):
    """(Re)build the documents of these classes from their current adopted versions; drop those with none.

    The text is read as plain values, a query per list of parts: a model instance of every part took six times the
    Python time.
    """
    ids = list(job_class_ids)
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        rows = (
            Version.objects.current()
            .filter(job_class_id__in=batch, job_class__abolished_on__isnull=True)
            .values("pk", "job_class_id", *structure.text_fields())
        )
        versions = {values["pk"]: structure.row(values) for values in rows}
        parts = _part_rows(list(versions))
        documents = [
            SearchDocument(job_class_id=version.job_class_id, version_id=pk, **document_texts(version, parts[pk]))
            for pk, version in versions.items()
        ]
        with transaction.atomic():
            kept = [document.job_class_id for document in documents]
            SearchDocument.objects.filter(job_class_id__in=batch).exclude(job_class_id__in=kept).delete()
            SearchDocument.objects.bulk_create(
                documents,
                update_conflicts=True,
                unique_fields=["job_class"],
                update_fields=["version", *structure.DOCUMENT_COLUMNS],
            )
    documents_written(ids)


def documents_written(job_class_ids=None):
    """Bring what search keeps besides the documents up to date with those of these classes (None: of every class),
    once they are written."""
    _backend(SearchDocument.objects.db).documents_written(job_class_ids)


def rebuild():
    """Rebuild the documents of every class."""
    index_classes(JobClass.objects.order_by("pk").values_list("pk", flat=True))


def _part_rows(version_ids):
    """{version id: {part name: its rows, in order}}, every part's fields read as plain values."""
    parts = {pk: {part.name: [] for part in structure.PARTS} for pk in version_ids}
    for part in structure.PARTS:
        rows = (
            part.model.objects.filter(version_id__in=version_ids)
            .order_by("version_id", "position")
            .values("version_id", *part.fields)
        )
        for values in rows:
            parts[values["version_id"]][part.name].append(structure.row(values))
    return parts


def document_texts(version, parts):
    """The texts of a version's document by column, in reading order: each part's lines as it prints them.

    `version` holds the version's fields (a Version, or `structure.row` of its values), `parts` maps each part's
    name to its rows in order."""
    columns = {column: [] for column in structure.DOCUMENT_COLUMNS}
    columns["title"] += [version.title, version.code]
    sections = structure.OTHER_SECTIONS
    for element in structure.READING_ORDER:
        if isinstance(element, structure.Prose):
            columns[element.column].append(getattr(version, element.name))
        elif isinstance(element, structure.Part):
            columns[element.column] += [getattr(version, name) for name in element.preambles]
            columns[element.column] += element.lines(parts[element.name])
            columns[element.column].append(getattr(version, element.note) if element.note else "")
        else:  # the other sections placed here
            placed = [section for section in parts[sections.name] if section.placement == element]
            columns[sections.column] += sections.lines(placed)
    return {column: _lines(*texts) for column, texts in columns.items()}


def _lines(*texts):
    return "\n".join(text.strip() for text in texts if text and text.strip())


# Querying


def apply(queryset, q, *, by_relevance=True):
    """Restrict a JobClass queryset to the matches of q, annotated with `search_rank`: classes of the public catalogue
    only, whatever the queryset holds. By relevance, best first: ordered by it, or, for words most of the catalogue
    holds, a `TitlesFirst` over such querysets; otherwise a queryset to order as the caller wishes."""
    words = _words(q)
    if not words:
        return queryset
    backend = _backend(queryset.db)
    if not backend.exists(words):
        words = backend.corrected(words)
    if not by_relevance:
        return backend.restrict(queryset, words, any_word=False, prefix=True)
    return backend.ranked(queryset, words, any_word=False, prefix=True)


def correction(q, using="default"):
    """The words search reads q as where it corrects a misspelt one (as apply() does), else "": the page says so."""
    words = _words(q)
    backend = _backend(using)
    if not words or backend.exists(words):
        return ""
    corrected = backend.corrected(words)
    return " ".join(corrected) if corrected != words else ""


def similar(version, limit=5):
    """The current classes of other jurisdictions closest to this version's title and duties, best first."""
    title_words = [word for word in _words(version.title) if len(word) > 2]
    duty_words = Counter(
        word
        for duty in version.duties.all()
        for word in WORD.findall(duty.text.lower())
        if len(word) > 4 and word not in STOPWORDS and word not in title_words
    )
    words = title_words + [word for word, _ in duty_words.most_common(8)]
    if not words:
        return []
    others = JobClass.objects.current().exclude(jurisdiction_id=version.job_class.jurisdiction_id)
    backend = _backend(others.db)
    return list(backend.ranked(others.select_related("jurisdiction"), words, any_word=True, prefix=False)[:limit])


class TitlesFirst:
    """The matches of words most of the catalogue holds, too many to rank by their whole text: those whose title
    holds every word, then the rest, each in title order. Counted and sliced as a paginator does, each part asked
    only as far as the page needs it."""

    def __init__(self, in_title, elsewhere):
        self.parts = (in_title, elsewhere)

    def count_up_to(self, most):
        counted = 0
        for part in self.parts:
            counted += part.order_by().values("pk")[: most - counted].count()
            if counted >= most:
                break
        return counted

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        in_title, elsewhere = self.parts
        # Only where the titles end need be known; the rest is sliced as far as the page reaches, never counted.
        titled = in_title.order_by().values("pk")[:stop].count()
        found = self._sorted_first(in_title, start, stop) if start < titled else []
        if stop > titled:
            found += elsewhere[max(0, start - titled) : stop - titled]
        return found

    @staticmethod
    def _sorted_first(part, start, stop):
        """part[start:stop], its keys sorted first and its rows read after: joined before the sort, the rows' related
        rows (jurisdiction, series) were joined to every match, not to the page's alone."""
        keys = list(part.values_list("pk", flat=True)[start:stop])
        rows = part.order_by().in_bulk(keys)
        return [rows[key] for key in keys]

    def __iter__(self):
        for part in self.parts:
            yield from part


def _words(text):
    """The distinct words of a query worth searching for, lower-cased."""
    words = dict.fromkeys(word[:MAX_WORD_LENGTH] for word in WORD.findall((text or "").lower()))
    return [word for word in words if word not in STOPWORDS][:MAX_WORDS]


def _backend(alias):
    connection = connections[alias]
    return {"postgresql": _PostgreSQL, "sqlite": _SQLite}[connection.vendor](connection)


class _Backend:
    """One database's answers. restrict(): a queryset narrowed to the documents matching the words, annotated
    with `search_rank`; exists(): whether any document matches them all; closest(): the title word nearest one;
    documents_written(): what it keeps besides the documents, brought up to date with them."""

    EXISTS = ""

    def __init__(self, connection):
        self.connection = connection

    def ranked(self, queryset, words, any_word, prefix):
        return self.restrict(queryset, words, any_word, prefix).order_by("-search_rank", "title")

    def exists(self, words):
        with self.connection.cursor() as cursor:
            cursor.execute(self.EXISTS, {"terms": self.terms(words)})
            return bool(cursor.fetchone()[0])

    def corrected(self, words):
        """Each word that is long enough to guess at and matches nothing as typed, replaced by the closest title word.
        The words together match nothing (the caller asked): a word alone is known to match nothing already."""

        def matches_nothing(word):
            return len(words) == 1 or not self.exists([word])

        return [
            (self.closest(word) or word) if len(word) > 3 and not word.isdigit() and matches_nothing(word) else word
            for word in words
        ]


class _Vector(Expression):
    """PostgreSQL: a tsvector column that only the database declares, in the row of the model field `key` names:
    "pk" for the class's own, "search_document__id" for its search document's (resolving that joins it)."""

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


class _PostgreSQL(_Backend):
    """Generated tsvectors with GIN indexes; a trigram index over the title words corrects misspelt words."""

    # Asked once, EXISTS makes the planner expect an early hit and read the documents in turn: every one of them for
    # a word found nowhere. Asked twice, the condition looks rare enough for it to take the GIN index instead.
    EXISTS = (
        "SELECT EXISTS (SELECT 1 FROM classes_searchdocument WHERE document @@ to_tsquery('english', %(terms)s)"
        " AND document @@ to_tsquery('english', %(terms)s))"
    )
    WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A: PostgreSQL's defaults, spelt out
    # Title words sharing enough trigrams with the misspelt word, nearest first; the closest by edits wins.
    CANDIDATES = """
        SELECT word FROM classes_titleword WHERE word %% %(word)s
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

    @staticmethod
    def terms(words, any_word=False, prefix=True):
        return (" | " if any_word else " & ").join(f"'{word}'{':*' if prefix else ''}" for word in words)

    def restrict(self, queryset, words, any_word, prefix):
        matches, _, rank_by = self._restrict(queryset, words, any_word, prefix)
        return matches.annotate(search_rank=self._whole_text_rank(rank_by))

    def ranked(self, queryset, words, any_word, prefix):
        matches, match, rank_by = self._restrict(queryset, words, any_word, prefix)
        if self.estimated_rows(matches) <= WHOLE_TEXT_RANKED_MOST:
            return matches.annotate(search_rank=self._whole_text_rank(rank_by)).order_by("-search_rank", "title")
        # Ranking by the whole text would read every matching document out of line: seconds for a common word.
        # Ranked by their titles alone, the titles holding a common word all but tie (all 6,947 holding "service"
        # at 100,000 classes rank alike), so the title order is their ranking. The classes' own title words find
        # them without reading a document, or joining one (migration 0010).
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

    def closest(self, word):
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute(self.SIMILARITY)
            cursor.execute(self.CANDIDATES, {"word": word})
            candidates = [row[0] for row in cursor.fetchall()]
        return _fewest_edits(word, candidates)

    def documents_written(self, job_class_ids):
        """Each class's title words from its document, or NULL if it has none (it is not in the public catalogue);
        then the title words misspellings are corrected from."""
        which = "" if job_class_ids is None else "WHERE c.id = ANY(%(ids)s)"
        with self.connection.cursor() as cursor:
            cursor.execute(self.WRITE_TITLES.format(which=which), {"ids": list(job_class_ids or [])})
            cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY classes_titleword")


class _Rank(Expression):
    """SQLite: a class's rank by a correlated subquery; `{pk}` in its SQL stands for the class's key."""

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


class _SQLite(_Backend):
    """An FTS5 table kept in step by triggers; difflib over the title words corrects misspelt words."""

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

    @staticmethod
    def terms(words, any_word=False, prefix=True):
        return (" OR " if any_word else " AND ").join(f'"{word}"{"*" if prefix else ""}' for word in words)

    @cached_property
    def vocabulary(self):
        return {word for title in SearchDocument.objects.values_list("title", flat=True) for word in _words(title)}

    def closest(self, word):
        return _fewest_edits(word, difflib.get_close_matches(word, self.vocabulary, n=20, cutoff=0.6))

    def documents_written(self, job_class_ids):
        """Nothing to keep: the title tier is PostgreSQL's alone, and `vocabulary` reads the titles afresh for each
        search."""


def _fewest_edits(word, candidates):
    """The candidate fewest edits away from the word (letters added, dropped, changed or swapped), if any is
    near enough: one edit in a word of up to five letters, two in a longer one; earlier candidates win ties."""
    most = 1 if len(word) <= 5 else 2
    near = [(edits, index) for index, candidate in enumerate(candidates) if (edits := _edits(word, candidate)) <= most]
    return candidates[min(near)[1]] if near else None


def _edits(a, b):
    """Optimal string alignment distance: Levenshtein's, where swapping two neighbouring letters is one edit."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


# Highlighting


def passages(q, job_classes):
    """{job class id: safe HTML of its best passage (about 30 words) with the query words marked}."""
    words = _words(q)
    ids = [job_class.pk for job_class in job_classes]
    if not words or not ids:
        return {}
    documents = SearchDocument.objects.filter(
        job_class_id__in=ids, version__status=VersionStatus.ADOPTED, job_class__abolished_on__isnull=True
    )
    texts = {document.job_class_id: _texts(document) for document in documents}
    beginnings = _beginnings(words, "\n".join(unit for units in texts.values() for unit in units))
    matches = _matcher(beginnings)
    finder = _finder([start for starts in beginnings.values() for start in starts])
    passages = {}
    for job_class_id, units in texts.items():
        best = _best_unit(units[1:] or units, finder, matches, len(words))
        passages[job_class_id] = _window(re.split(r"([^\W_]+)", best), matches)  # words at odd indexes
    return passages


def _best_unit(units, finder, matches, words):
    """The first of the units that holds the most query words. A common word is in nearly every unit, so the
    first holding all `words` ends the reading."""
    best, most = units[0], -1
    for unit in units:
        held = len({matches(found) for found in finder.findall(unit)} - {None})
        if held > most:
            best, most = unit, held
            if held == words:
                break
    return best


def _texts(document):
    """The title, then the document's paragraphs and list items in order of weight."""
    body = (document.features, document.duties, document.qualifications)
    return [document.title, *(line.strip() for text in body for line in text.splitlines() if line.strip())]


def _beginnings(words, text):
    """How the text words each query word matches begin: as typed or stemmed, else (misspelt) its closest words."""
    beginnings = {word: (word, _stem(word)) for word in words}
    misspelt = [word for word, starts in beginnings.items() if not _finder(starts).search(text)]
    if misspelt:
        vocabulary = {text_word.lower() for text_word in WORD.findall(text)}
        for word in misspelt:
            beginnings[word] = tuple(difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.8))
    return beginnings


def _finder(beginnings):
    """A pattern finding, case aside, the beginnings of words; one that finds nothing when there are none."""
    alternatives = "|".join(re.escape(start) for start in sorted(beginnings, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives or '(?!)'})", re.IGNORECASE)


def _matcher(beginnings):
    """A function naming the query word a text word matches, or None."""

    @functools.cache
    def matches(text_word):
        lowered = text_word.lower()
        return next((word for word, starts in beginnings.items() if starts and lowered.startswith(starts)), None)

    return matches


def _stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _window(tokens, matches):
    words = tokens[1::2]
    if not words:
        return mark_safe(escape("".join(tokens)))
    hits = [index for index, word in enumerate(words) if matches(word)]
    starts = {max(0, min(hit - 5, len(words) - PASSAGE_WORDS)) for hit in hits} or {0}
    start = min(starts, key=lambda s: (-len({matches(w) for w in words[s : s + PASSAGE_WORDS]} - {None}), s))
    end = min(len(words), start + PASSAGE_WORDS)
    html = []
    for index in range(start, end):
        word = escape(words[index])
        html.append(f"<mark>{word}</mark>" if matches(words[index]) else word)
        if index < end - 1:
            html.append(escape(tokens[2 * index + 2]))
    lead = "… " if start > 0 else escape(tokens[0].lstrip())
    tail = " …" if end < len(words) else escape(tokens[-1].rstrip())
    return mark_safe(lead + "".join(html) + tail)
