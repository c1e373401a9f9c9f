"""Which of the thesaurus's phrases each document of the public catalogue holds, found when the documents are written.

A query's synonyms then find their classes by an indexed lookup (`SearchPhrase`). Matched in the documents at query
time, a phrase of common words ("public assistance") reads every document holding both words to find the few where
they stand together: over a second at 100,000 classes (docs/scaling.md).
"""

from django.db import transaction

from ..models import SearchDocument, SearchPhrase
from .names import THESAURUS, phrase_key, singular
from .words import WORD

COLUMNS = ("title", "features", "duties", "qualifications")
BATCH = 2000
KEYS = {phrase_key(name.split()) for group in THESAURUS for name in group}


def held(texts):
    """The keys of the thesaurus's phrases the texts hold, each phrase's words side by side."""
    words = [singular(word) for text in texts for word in WORD.findall(text.lower())]
    present = set(words)
    candidates = [phrase for phrase in KEYS if all(word in present for word in phrase.split())]
    if not candidates:
        return set()
    running = f" {' '.join(words)} "
    return {phrase for phrase in candidates if f" {phrase} " in running}


def phrases_written(job_class_ids=None):
    """Bring the phrases of these classes' documents (None: of every class) up to date with the documents."""
    if job_class_ids is None:
        with transaction.atomic():
            SearchPhrase.objects.all().delete()
            _write(SearchDocument.objects.all())
        return
    ids = list(job_class_ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with transaction.atomic():
            SearchPhrase.objects.filter(job_class_id__in=batch).delete()
            _write(SearchDocument.objects.filter(job_class_id__in=batch))


def _write(documents):
    found = [
        SearchPhrase(job_class_id=job_class_id, phrase=phrase)
        for job_class_id, *texts in documents.values_list("job_class_id", *COLUMNS).iterator(chunk_size=BATCH)
        for phrase in sorted(held(texts))
    ]
    SearchPhrase.objects.bulk_create(found, batch_size=BATCH)
