"""Which of the thesaurus's phrases each document of the public catalogue holds, found when the documents are written.

A query's synonyms then find their classes by an indexed lookup (`SearchPhrase`). Matched in the documents at query
time, a phrase of common words ("public assistance") reads every document holding both words to find the few where
they stand together: over a second at 100,000 classes (docs/scaling.md).
"""

from django.db import transaction

from ..models import SearchPhrase
from .names import THESAURUS, phrase_key, singular
from .words import WORD

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


def phrases_written(held, job_class_ids=None):
    """Keep `held`, (job class id, phrase key) of the documents of these classes (None: of every class), in place of
    what was kept for them."""
    with transaction.atomic():
        if job_class_ids is None:
            SearchPhrase.objects.all().delete()
        else:
            ids = list(job_class_ids)
            for start in range(0, len(ids), BATCH):
                SearchPhrase.objects.filter(job_class_id__in=ids[start : start + BATCH]).delete()
        SearchPhrase.objects.bulk_create(
            [SearchPhrase(job_class_id=job_class_id, phrase=phrase) for job_class_id, phrase in held], batch_size=BATCH
        )
