"""Correcting a misspelt query word: of the catalogue's words a database offers as candidates, the one fewest
edits away; and keeping those words (`CatalogueWord`) in step with the documents."""

from django.db import transaction

from ..models import CatalogueWord
from .words import MAX_WORD_LENGTH, WORD

BATCH = 2000


def corrected(words, backend):
    """Each word that is long enough to guess at and matches nothing as typed, replaced by the closest catalogue word.
    The words together match nothing (the caller asked): a word alone is known to match nothing already."""

    def matches_nothing(word):
        return len(words) == 1 or not backend.exists([word])

    return [
        (closest(word, backend.candidates(word)) or word)
        if len(word) > 3 and not word.isdigit() and matches_nothing(word)
        else word
        for word in words
    ]


def closest(word, candidates):
    """The candidate fewest edits away from the word (letters added, dropped, changed or swapped), if any is
    near enough: one edit in a word of up to five letters, two in a longer one; earlier candidates win ties."""
    most = 1 if len(word) <= 5 else 2
    near = [(n, index) for index, candidate in enumerate(candidates) if (n := edits(word, candidate)) <= most]
    return candidates[min(near)[1]] if near else None


def edits(a, b):
    """Optimal string alignment distance: Levenshtein's, where swapping two neighbouring letters is one edit."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


def correctable(word):
    return 3 < len(word) <= MAX_WORD_LENGTH and not word.isdigit()


def document_words(texts):
    return {word for text in texts for word in WORD.findall(text.lower()) if correctable(word)}


def words_written(counts, *, every_class):
    """Bring the catalogue's words up to date with documents just written: `counts`, how many of them hold each word,
    are of every class's document where `every_class`.

    A whole rebuild counts every word afresh. A few documents rewritten add the words they bring: a word a changed
    text dropped stays a candidate until the next rebuild, where the correction it offers finds nothing."""
    if not every_class:
        CatalogueWord.objects.bulk_create(
            [CatalogueWord(word=word, documents=1) for word in counts], ignore_conflicts=True, batch_size=BATCH
        )
        return
    with transaction.atomic():
        CatalogueWord.objects.all().delete()
        CatalogueWord.objects.bulk_create(
            [CatalogueWord(word=word, documents=n) for word, n in counts.items()], batch_size=BATCH
        )
