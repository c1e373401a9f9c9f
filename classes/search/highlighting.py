"""The passage shown under each search result: about thirty words of its best paragraph, the query's words
marked, the rest escaped."""

import difflib
import functools
import re
from html import escape

from django.utils.safestring import mark_safe

from ..models import JobClass, SearchDocument, SearchPhrase, Version
from ..vocabulary import VersionStatus
from . import backends, names
from .words import WORD, searchable

PASSAGE_WORDS = 30
SUFFIXES = ("ations", "ation", "ments", "ment", "ions", "ion", "ings", "ing", "ies", "ers", "er", "es", "ed", "s")


def passages(q, job_classes):
    """{job class id: safe HTML of its best passage (about 30 words) with the query words marked}."""
    return _passages(q, _documents(job_classes) if searchable(q) else {})


def _documents(job_classes):
    """{job class id: the texts of its document}, for those of the classes in the public catalogue."""
    documents = SearchDocument.objects.filter(
        job_class_id__in=[job_class.pk for job_class in job_classes],
        version__status=VersionStatus.ADOPTED,
        job_class__abolished_on__isnull=True,
    )
    return {document.job_class_id: _texts(document) for document in documents}


def _passages(q, texts):
    words = searchable(q)
    if not words or not texts:
        return {}
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


def reasons(reading, job_classes):
    """{job class id: safe HTML of its passage}, saying why each class was found: the query's words marked; for a
    class only a synonym found, that synonym's passage; for one only its occupation found, that occupation."""
    texts = _documents(job_classes) if job_classes else {}
    shown = _passages(reading.text, texts)
    if not (reading.synonyms or reading.occupations) or not job_classes:
        return shown
    backend = backends.for_database(SearchDocument.objects.db)
    keys = [job_class.pk for job_class in job_classes]
    found = backend.restrict(JobClass.objects.filter(pk__in=keys), reading.words, any_word=False, prefix=True)
    direct = set(found.values_list("pk", flat=True))
    rest = [job_class for job_class in job_classes if job_class.pk not in direct]
    held = set()
    if reading.synonyms and rest:
        phrased = SearchPhrase.objects.filter(job_class_id__in=[job_class.pk for job_class in rest])
        held = set(phrased.values_list("job_class_id", "phrase"))
    why = {}
    for words in reading.synonyms:
        synonym, key = " ".join(words), names.phrase_key(words)
        holding = {pk: units for pk, units in texts.items() if pk not in why and (pk, key) in held}
        for pk, passage in _passages(synonym, holding).items():
            why[pk] = mark_safe(f"Also called “{escape(synonym)}”: {passage}")
    if reading.occupations:
        keys = [job_class.pk for job_class in rest if job_class.pk not in why]
        called = dict(reading.occupations)
        current = Version.objects.current().filter(job_class_id__in=keys, occupation__in=called)
        for pk, code, title in current.values_list("job_class_id", "occupation", "occupation__title"):
            why[pk] = mark_safe(f"Its occupation, {escape(title)} (O*NET), is also called “{escape(called[code])}”.")
    return {**shown, **why}
