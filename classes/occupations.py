"""Suggesting a class's O*NET occupation from its title and duties, and an analyst's choice of one.

Each occupation is read as two texts: its names (O*NET's title, alternate, short and reported titles) and its
work (description and task statements, where `load_onet` has loaded them, else its names again). A class's title
is compared with each name, its duties and distinguishing features with the work; words weigh by how rare they
are among occupations, so "coordinator" counts for less than "eligibility". The score is the weighted sum, 0 to 1.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.db import transaction

from .models import Occupation, OccupationTask, OccupationTitle, Version
from .publishing import catalogue_changed
from .search.words import stem

WORD = re.compile(r"[a-z]+")
# Words that say a class's level or nothing of its work: a Case Management Coordinator II does a coordinator's work.
IGNORED = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "lead",
        "senior",
        "sr",
        "junior",
        "jr",
        "trainee",
        "assistant",
        "principal",
        "chief",
        "level",
        "grade",
    ]
)
TITLE_WEIGHT = 0.6  # the rest is the work's
SHOWN = 5  # suggestions an analyst is offered


def words(text):
    """The words of a text that say what the work is, each reduced to a common stem (plural and -ing endings off)."""
    return [stem(word) for word in WORD.findall(text.lower()) if word not in IGNORED]


@dataclass(frozen=True)
class Suggestion:
    occupation: Occupation
    score: Decimal


class Index:
    """The occupations of the stored O*NET release, as word weights; built once per process and release."""

    def __init__(self):
        self.occupations = {occupation.code: occupation for occupation in Occupation.objects.all()}
        names = defaultdict(set)
        for code, title in Occupation.objects.values_list("code", "title"):
            names[code].add(title)
        for code, title in OccupationTitle.objects.values_list("occupation_id", "title"):
            names[code].add(title)
            names[code].update(part.strip() for part in re.findall(r"\(([^)]*)\)", title))
        work = defaultdict(list)
        for code, description in Occupation.objects.exclude(description="").values_list("code", "description"):
            work[code].append(description)
        for code, task in OccupationTask.objects.values_list("occupation_id", "text"):
            work[code].append(task)
        self.names = {code: [set(words(name)) - {""} for name in titles] for code, titles in names.items()}
        self.work = {code: Counter(words(" ".join(work.get(code) or titles))) for code, titles in names.items()}
        count = len(self.occupations) or 1
        document_frequency = Counter(word for texts in self.work.values() for word in texts)
        name_frequency = Counter(word for code in self.names for word in set().union(*self.names[code]))
        self.name_weight = defaultdict(
            lambda: math.log(count), {w: math.log(count / n) + 1 for w, n in name_frequency.items()}
        )
        self.work_weight = defaultdict(
            lambda: math.log(count), {w: math.log(count / n) + 1 for w, n in document_frequency.items()}
        )
        self.work_vectors = {code: self._vector(counts) for code, counts in self.work.items()}

    def _vector(self, counts):
        vector = {word: (1 + math.log(n)) * self.work_weight[word] for word, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1
        return {word: value / norm for word, value in vector.items()}

    def title_score(self, title_words, code):
        """How much of the class's title and of the occupation's closest name the two share, rare words weighing more."""
        if not title_words:
            return 0.0
        weight = self.name_weight
        best = 0.0
        for name in self.names.get(code, ()):
            shared = sum(weight[word] for word in title_words & name)
            if shared:
                total = sum(weight[word] for word in title_words) + sum(weight[word] for word in name)
                best = max(best, 2 * shared / total)
        return best

    def ranked(self, title, work):
        title_words = set(words(title))
        vector = self._vector(Counter(words(work))) if work.strip() else {}
        scores = []
        for code in self.occupations:
            by_work = sum(value * self.work_vectors[code].get(word, 0.0) for word, value in vector.items())
            scores.append((TITLE_WEIGHT * self.title_score(title_words, code) + (1 - TITLE_WEIGHT) * by_work, code))
        scores.sort(key=lambda pair: (-pair[0], pair[1]))
        return [Suggestion(self.occupations[code], Decimal(f"{score:.3f}")) for score, code in scores if score > 0]


@lru_cache(maxsize=1)
def _index(release):
    return Index()


def index():
    """The index of the stored release; a `load_onet` since it was built makes a new one."""
    release = (Occupation.objects.count(), OccupationTitle.objects.count(), OccupationTask.objects.count())
    return _index(release)


def version_work(version):
    """The words of a version that say what its work is: its prose and its duties, as printed."""
    duties = [f"{duty.label} {duty.text}" for duty in version.duties.all()]
    return "\n".join([version.general_statement, version.distinguishing_features, *duties])


def suggestions(version, count=SHOWN):
    """The occupations that best fit a version's title and duties, best first, each with its score."""
    return index().ranked(version.title, version_work(version))[:count]


def suggest(version):
    """Give a version the best-fitting occupation with its score, unless an analyst has chosen one already."""
    return suggest_each([version])[0]


def suggest_each(versions):
    """`suggest` for each version, as one change of the public catalogue (a text in force names its occupation)."""
    with transaction.atomic():
        suggested = []
        for version in versions:
            if not version.occupation_confirmed:
                best = next(iter(suggestions(version, 1)), None)
                _record(version, occupation=best and best.occupation, score=best and best.score, confirmed=False)
            suggested.append(version)
        shown = [
            version.job_class_id for version in suggested if version.is_public and not version.occupation_confirmed
        ]
        if shown:
            catalogue_changed(shown)
    return suggested


def confirm(version, *, occupation, by=None):
    """An analyst's choice of the version's occupation, the suggested one or another; it is kept from then on."""
    with transaction.atomic():
        _record(version, occupation=occupation, score=None, confirmed=True)
        if version.is_public:  # its class page and search document name the occupation
            catalogue_changed([version.job_class_id])
    return version


def _record(version, *, occupation, score, confirmed):
    # A queryset update, so that the text in force takes it too: its occupation is no part of its adopted wording.
    Version.objects.filter(pk=version.pk).update(
        occupation=occupation, occupation_score=score, occupation_confirmed=confirmed
    )
    version.occupation, version.occupation_score, version.occupation_confirmed = occupation, score, confirmed
