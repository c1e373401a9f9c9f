"""Across the catalogue: the current classes whose open-competitive paths a profile appears to meet."""

import math
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from django.db.models import Prefetch, Q

from classes.models import Version
from classes.vocabulary import EducationLevel, PathKind, SubstitutionKind

from .checker import MET, MET_ON_CONDITION, evaluate
from .models import Path
from .rules import Questions, Rules

# Candidates read (with all their paths) and evaluated at a time: few at first, as a page of matches often fills
# from the first candidates, then more and more for a profile that few classes accept.
FIRST_CHUNK, LARGEST_CHUNK = 32, 512
# Across thousands of classes an applicant cannot confirm each one's fields of study or kinds of work, so
# the catalogue asks only what every spec shares and takes the rest as confirmed, saying so in each match.
CATALOGUE_QUESTIONS = Questions(
    education=True,
    college_credits=True,
    degree_fields=(),
    credit_subjects=(),
    experience=True,
    experience_kinds=(),
    paid=True,
    supervisory=True,
    titles=(),
    accredited=True,
)


@dataclass
class Match:
    version: object
    met: list  # the path results met, or met on condition
    assumed: list  # what the best of them takes as confirmed; empty where nothing is assumed

    @property
    def on_condition(self):
        """Whether no path is met outright: each met one asks for something still to be obtained."""
        return all(result.outcome == MET_ON_CONDITION for result in self.met)

    @property
    def job_class(self):
        return self.version.job_class


def classes_met(profile, *, jurisdiction=None):
    """Matches in title order, found lazily: candidates narrowed in SQL on the paths' structured facts are read a
    chunk at a time and evaluated, so a page costs what it takes to fill it, not what the whole catalogue holds."""
    for version in candidates(profile, jurisdiction):
        rules = Rules.from_version(version).of_kind(PathKind.OPEN_COMPETITIVE)
        results = evaluate(rules, profile, assume_confirmed=True)
        met = [result for result in results if result.outcome in (MET, MET_ON_CONDITION)]
        if met:
            fewest = min(met, key=lambda result: (result.outcome != MET, len(result.assumed)))
            yield Match(version, met, fewest.assumed)


def page_of_matches(profile, *, jurisdiction=None, number=1, per_page=25):
    """The matches of page `number` (from 1), and whether another page follows."""
    start = (number - 1) * per_page
    found = list(islice(classes_met(profile, jurisdiction=jurisdiction), start, start + per_page + 1))
    return found[:per_page], len(found) > per_page


def candidates(profile, jurisdiction):
    """Current versions with an open-competitive path the profile could meet by its level of education and its
    years of work (counted generously: the evaluator then applies every rule), in title order, a chunk at a time."""
    rank = EducationLevel.rank(profile.education_level)
    levels = ["", *EducationLevel.values[: rank + 1]] if rank is not None else [""]
    months = sum(job.months for job in profile.jobs)
    supervisory_months = sum(job.months for job in profile.jobs if job.supervisory)
    within_reach = (
        Q(education_level__in=levels)
        & (
            Q(experience_years__isnull=True)
            | Q(experience_years__lte=_years_up(months))
            | Q(version__substitutions__kind=SubstitutionKind.EDUCATION_FOR_EXPERIENCE)
        )
        & (Q(supervisory_years__isnull=True) | Q(supervisory_years__lte=_years_up(supervisory_months)))
    )
    paths = Path.objects.in_force().filter(
        within_reach | Q(is_equivalent_combination=True),
        kind=PathKind.OPEN_COMPETITIVE,
        version__job_class__abolished_on__isnull=True,
    )
    if jurisdiction:
        paths = paths.filter(version__job_class__jurisdiction=jurisdiction)
    versions = (
        Version.objects.filter(pk__in=paths.values("version"))
        .select_related("job_class__jurisdiction", "department")
        .prefetch_related(
            Prefetch("paths", Path.objects.prefetch_related("titles")),
            "substitutions",
            "special_requirements",
            "definitions",
        )
        .order_by("job_class__title", "pk")
    )
    after, size = None, FIRST_CHUNK
    while True:  # keyset pagination: each chunk starts after the last (title, key) read
        chunk = list(versions.filter(_after(after))[:size] if after else versions[:size])
        yield from chunk
        if len(chunk) < size:
            return
        after, size = (chunk[-1].job_class.title, chunk[-1].pk), min(2 * size, LARGEST_CHUNK)


def _after(position):
    title, key = position
    return Q(job_class__title__gt=title) | Q(job_class__title=title, pk__gt=key)


def _years_up(months):
    """Months as years to two decimals, rounded up, so that a path asking exactly that many is kept."""
    return Decimal(math.ceil(months * 100 / 12)) / 100
