"""The same work elsewhere: the current classes of other jurisdictions in a version's O*NET occupation (or, a tier
lower, one O*NET names as closely related to it) whose title and work read alike.

Other jurisdictions only: a jurisdiction's own classes of one occupation are its series and promotion lines, which
a class page shows already; this list sets other employers' qualifications beside the class's own.

How alike two classes read is the cosine of the words of their titles, general statements, distinguishing
features and duties, each word counted once and weighted by how rare it is in the catalogue (`CatalogueWord.documents`,
counted when the documents were last rebuilt; a word added since counts as rare). Knowledges, skills and abilities are
left out: every spec asks for "good judgment" and "ability to communicate", and counting them brought different work
as close as the same. The figure is computed in Python from plain values, so both databases give it alike.
"""

import math

from django.db.models import Q

from ..models import CatalogueWord, Duty, JobClass, RelatedOccupation, SearchDocument
from ..vocabulary import RelatednessTier
from . import backends
from .words import STOPWORDS, WORD

# Measured on 2,044 public specs of two employers, a state and a city: of the 1,871 pairs across the two that share
# a suggested occupation, those scoring 0.2 and more are nearly all the same work in other words (tax auditor and
# auditor, structural and bridge engineer, the two vocational nurses at 0.26); from 0.15 to 0.2 the same work (museum
# and art curator) and other work (fish habitat and machinist supervisors) mix; below, pairs are mostly other work
# that shares only an occupation's common words.
THRESHOLD = 0.2
# O*NET's closest related occupations widen the occupation, listed after its own.
RELATED_TIERS = (RelatednessTier.PRIMARY_SHORT,)
SHOWN = 5
# Beyond this many classes of the occupation elsewhere, those weighed are the best ranked by the version's rarest
# words, so that a common occupation costs a page the same as a rare one.
WEIGHED_MOST = 50
TELLING_WORDS = 12
COLUMNS = ("title", "features")  # with the duties, what the work is; qualifications are set side by side, not weighed


def similar(version, limit=SHOWN):
    """The current classes of other jurisdictions doing this version's work, alike above `THRESHOLD`: those of its
    occupation first, then those of a closely related one, each best first. None where it has no occupation."""
    own = work_texts(version) if version.occupation_id else None
    if own is None:
        return []
    tiers = occupation_tiers(version.occupation_id)
    others = (
        JobClass.objects.current()
        .exclude(jurisdiction_id=version.job_class.jurisdiction_id)
        .filter(search_document__version__occupation__in=tiers)
    )
    own_words = work_words(own)
    rarity = Rarity(own_words)
    keys = list(others.order_by("pk").values_list("pk", flat=True)[: WEIGHED_MOST + 1])
    if len(keys) > WEIGHED_MOST:
        telling = sorted(own_words, key=lambda word: (-rarity[word], word))[:TELLING_WORDS]
        backend = backends.for_database(others.db)
        ranked = backend.restrict(others, telling, any_word=True, prefix=False).order_by("-search_rank", "pk")
        keys = list(ranked.values_list("pk", flat=True)[:WEIGHED_MOST])
    documents = list(
        SearchDocument.objects.filter(job_class_id__in=keys).select_related("job_class__jurisdiction", "version")
    )
    duties = _duties([document.version_id for document in documents])
    weighed = [
        (document, work_words([getattr(document, column) for column in COLUMNS] + duties.get(document.version_id, [])))
        for document in documents
    ]
    rarity.learn(set().union(*(words for _, words in weighed)))
    scored = [
        (tiers[document.version.occupation_id], -score, document.job_class.title, document.job_class_id, document)
        for document, words in weighed
        if (score := rarity.cosine(own_words, words)) >= THRESHOLD
    ]
    return [entry[-1].job_class for entry in sorted(scored)[:limit]]


def work_texts(version):
    """The texts of a version that say what its work is, read from its search document and its duties (those a class
    page has fetched already); None where it has no document (it is not the text in force)."""
    document = SearchDocument.objects.filter(version=version).values_list(*COLUMNS).first()
    return None if document is None else [*document, *(duty.text for duty in version.duties.all())]


def _duties(version_ids):
    duties = {}
    for version_id, text in Duty.objects.filter(version_id__in=version_ids).values_list("version_id", "text"):
        duties.setdefault(version_id, []).append(text)
    return duties


def occupation_tiers(code):
    """{occupation code: tier}: the occupation itself 0, those O*NET relates closely to it (either way) 1."""
    related = RelatedOccupation.objects.filter(Q(occupation_id=code) | Q(related_id=code), tier__in=RELATED_TIERS)
    tiers = {other: 1 for pair in related.values_list("occupation_id", "related_id") for other in pair}
    return {**tiers, code: 0}


def work_words(texts):
    """The words of the texts that can tell one kind of work from another: no small words, numbers or codes."""
    return {
        word
        for text in texts
        for word in WORD.findall((text or "").lower())
        if len(word) > 3 and word.isalpha() and word not in STOPWORDS
    }


class Rarity:
    """Each word's weight, log(1 + documents / documents holding it), read from the catalogue's words: a word every
    document holds still counts for a little (log 2), so that two specs of a small catalogue can read alike."""

    def __init__(self, words):
        self.documents = max(SearchDocument.objects.count(), 1)
        self.weights = {}
        self.learn(words)

    def learn(self, words):
        unknown = [word for word in words if word not in self.weights]
        if not unknown:
            return
        held = dict(CatalogueWord.objects.filter(word__in=unknown).values_list("word", "documents"))
        for word in unknown:
            self.weights[word] = math.log(1 + self.documents / min(max(held.get(word, 1), 1), self.documents))

    def __getitem__(self, word):
        return self.weights[word]

    def cosine(self, a, b):
        norm = math.sqrt(sum(self.weights[w] ** 2 for w in a) * sum(self.weights[w] ** 2 for w in b))
        return sum(self.weights[w] ** 2 for w in a & b) / norm if norm else 0.0
