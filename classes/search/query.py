"""Answering a query: the classes of the public catalogue matching its words, best first; and the classes of other
jurisdictions most like a version."""

from collections import Counter
from dataclasses import dataclass

from django.db import router

from ..models import JobClass, SearchDocument
from . import backends, spelling
from .words import STOPWORDS, WORD, searchable


@dataclass(frozen=True)
class Reading:
    """What search made of a query: the words it looks for, and those typed where it corrected their spelling."""

    words: list[str]
    typed: list[str]

    @property
    def corrected(self):
        return self.words != self.typed

    @property
    def text(self):
        return " ".join(self.words)


def understand(q, *, as_typed=False):
    """The Reading of q: its words as typed where `as_typed` (the reader refused a correction), else corrected."""
    backend = backends.for_database(router.db_for_read(SearchDocument))
    typed = searchable(q)
    return Reading(typed if as_typed else read(q, backend), typed)


def apply(queryset, q, *, by_relevance=True):
    """Restrict a JobClass queryset to the matches of q (a query, or its `Reading`), annotated with `search_rank`:
    classes of the public catalogue only, whatever the queryset holds. By relevance, best first: ordered by it, or,
    for words most of the catalogue holds, a `postgresql.TitlesFirst` over such querysets; otherwise a queryset to
    order as the caller wishes."""
    backend = backends.for_database(queryset.db)
    words = q.words if isinstance(q, Reading) else read(q, backend)
    if not words:
        return queryset
    if not by_relevance:
        return backend.restrict(queryset, words, any_word=False, prefix=True)
    return backend.ranked(queryset, words, any_word=False, prefix=True)


def read(q, backend):
    """The words search looks for when asked q: its searchable words as typed if some document holds them all, else
    each word found nowhere spelt as the nearest word of the catalogue. A query's words are rewritten here and nowhere else,
    before either database sees them."""
    words = searchable(q)
    if not words or backend.exists(words):
        return words
    return spelling.corrected(words, backend)


def similar(version, limit=5):
    """The current classes of other jurisdictions closest to this version's title and duties, best first."""
    title_words = [word for word in searchable(version.title) if len(word) > 2]
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
    backend = backends.for_database(others.db)
    return list(backend.ranked(others.select_related("jurisdiction"), words, any_word=True, prefix=False)[:limit])
