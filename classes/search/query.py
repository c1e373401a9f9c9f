"""Answering a query: the classes of the public catalogue matching its words, best first."""

from dataclasses import dataclass

from django.db import router
from django.db.models import Exists, OuterRef, Q, Value

from ..models import SearchDocument, SearchPhrase, Version
from . import backends, names, spelling
from .postgresql import UNINDEXED_TITLE
from .words import searchable


@dataclass(frozen=True)
class Reading:
    """What search made of a query: the words it looks for, and those typed where it corrected their spelling."""

    words: list[str]
    typed: list[str]
    synonyms: tuple = ()  # the thesaurus's other phrases for the query's, each a list of words
    occupations: tuple = ()  # (code, name) of each O*NET occupation the query is, or nearly is, a name of

    @property
    def corrected(self):
        return self.words != self.typed

    @property
    def occupation_codes(self):
        return [code for code, _ in self.occupations]

    @property
    def text(self):
        return " ".join(self.words)


def understand(q, *, as_typed=False):
    """The Reading of q: its words as typed where `as_typed` (the reader refused a correction), else corrected."""
    return _understood(q, backends.for_database(router.db_for_read(SearchDocument)), as_typed)


def _understood(q, backend, as_typed=False):
    typed = searchable(q)
    synonyms = names.synonyms(q)
    # A phrase of the thesaurus is read as typed: its other names find its classes, and "correcting" a word of it that
    # no document holds ("food stamps" read as "good stamps") would lose them. O*NET's names are looked up near
    # misses and all, so they are read from the corrected words.
    words = typed if as_typed or synonyms else read(q, backend)
    text = " ".join(words)
    if words != typed:
        synonyms = names.synonyms(text)
    return Reading(words, typed, tuple(synonyms), tuple(names.occupations(text)))


def apply(queryset, q, *, by_relevance=True):
    """Restrict a JobClass queryset to the matches of q (a query, or its `Reading`), annotated with `search_rank`:
    classes of the public catalogue only, whatever the queryset holds. By relevance, best first: ordered by it, or,
    for words most of the catalogue holds, a `postgresql.TitlesFirst` over such querysets; otherwise a queryset to
    order as the caller wishes."""
    backend = backends.for_database(queryset.db)
    reading = q if isinstance(q, Reading) else _understood(q, backend)
    words = reading.words
    if not words:
        return queryset
    found = backend.restrict(queryset, words, any_word=False, prefix=True)
    widened = _widened(reading)
    if widened is None:
        return found if not by_relevance else backend.ranked(queryset, words, any_word=False, prefix=True)
    if not by_relevance:
        return queryset.filter(Q(pk__in=found.values("pk")) | widened).annotate(search_rank=Value(0.0))
    # Sorted once found: in title order, PostgreSQL would walk the title index in search of the few other names find.
    others = queryset.filter(widened).annotate(search_rank=Value(0.0)).order_by(UNINDEXED_TITLE, "pk")
    if not backend.exists(words):  # an everyday name no spec prints ("snap"): only its other names find classes
        return others
    # The query's own words first, ranked as ever (titles, then the text); then the classes only its other names find.
    ranked = backend.ranked(queryset, words, any_word=False, prefix=True)
    # NOT EXISTS, not NOT IN: the planner takes NOT IN to keep half the rows, and reads every class to find them.
    return Concatenated(ranked, others.exclude(Exists(found.filter(pk=OuterRef("pk")))))


def _widened(reading):
    """The condition on a class that the query's synonyms or occupations find it, or None where it has neither."""
    if not (reading.synonyms or reading.occupations):
        return None
    condition = Q(pk__in=[])
    if reading.synonyms:
        holding = SearchPhrase.objects.filter(phrase__in=[names.phrase_key(words) for words in reading.synonyms])
        condition |= Q(pk__in=holding.values("job_class_id"))
    if reading.occupations:
        classed = Version.objects.current().filter(occupation__in=reading.occupation_codes).values("job_class_id")
        condition |= Q(pk__in=classed)
    return condition


class Concatenated:
    """Ranked matches followed by others, each part asked only as far as a page needs it; counted and sliced as
    `CappedPaginator` does. A part is a queryset or a backend's own (PostgreSQL's `TitlesFirst`)."""

    def __init__(self, *parts):
        self.parts = parts

    def count_up_to(self, most):
        counted = 0
        for part in self.parts:
            if hasattr(part, "count_up_to"):
                counted += part.count_up_to(most - counted)
            else:
                counted += part.order_by().values("pk")[: most - counted].count()
            if counted >= most:
                break
        return counted

    def count(self):
        """Every match: what a plain `Paginator` asks (`CappedPaginator` stops at its cap)."""
        return sum(
            part.count() if hasattr(part, "count") else Concatenated(part).count_up_to(10**9) for part in self.parts
        )

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        found, offset = [], 0
        for part in self.parts:
            size = Concatenated(part).count_up_to(stop - offset) if stop > offset else 0
            if start < offset + size:
                found += list(part[max(0, start - offset) : stop - offset])
            offset += size
            if offset >= stop:
                break
        return found

    def __iter__(self):
        for part in self.parts:
            yield from part


def read(q, backend):
    """The words search looks for when asked q: its searchable words as typed if some document holds them all, else
    each word found nowhere spelt as the nearest word of the catalogue. A query's words are rewritten here and nowhere else,
    before either database sees them."""
    words = searchable(q)
    if not words or backend.exists(words):
        return words
    return spelling.corrected(words, backend)
