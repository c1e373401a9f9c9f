"""Across the catalogue: the current classes whose open-competitive paths a profile appears to meet."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q

from classes.models import Version

from .checker import MET, evaluate
from .models import Path
from .rules import Questions, Rules
from .vocabulary import EducationLevel, PathKind, SubstitutionKind

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
)


@dataclass
class Match:
    version: object
    met: list  # the path results met
    assumed: list  # what the best of them takes as confirmed; empty where nothing is assumed

    @property
    def job_class(self):
        return self.version.job_class


def classes_met(profile, *, jurisdiction=None):
    """Matches in title order: narrowed in SQL on the paths' structured facts, then evaluated one by one."""
    matches = []
    for version in candidates(profile, jurisdiction):
        rules = Rules.from_version(version)
        rules = Rules(paths=tuple(p for p in rules.paths if not p.is_promotional), substitutions=rules.substitutions)
        met = [result for result in evaluate(rules, profile, assume_confirmed=True) if result.outcome == MET]
        if met:
            fewest = min(met, key=lambda result: len(result.assumed))
            matches.append(Match(version, met, fewest.assumed))
    return matches


def candidates(profile, jurisdiction):
    """Current versions with an open-competitive path the profile could meet by its level of education and
    its years of work (counted generously: the evaluator then applies every rule)."""
    rank = EducationLevel.rank(profile.education_level)
    levels = ["", *EducationLevel.values[: rank + 1]] if rank is not None else [""]
    most_years = Decimal(math.ceil(sum(job.months for job in profile.jobs) * 100 / 12)) / 100  # rounded up
    within_reach = Q(education_level__in=levels) & (
        Q(experience_years__isnull=True)
        | Q(experience_years__lte=most_years)
        | Q(version__substitutions__kind=SubstitutionKind.EDUCATION_FOR_EXPERIENCE)
    )
    paths = Path.objects.filter(
        within_reach | Q(is_equivalent_combination=True),
        kind=PathKind.OPEN_COMPETITIVE,
        version__status="adopted",
        version__job_class__abolished_on__isnull=True,
    )
    if jurisdiction:
        paths = paths.filter(version__job_class__jurisdiction=jurisdiction)
    return (
        Version.objects.filter(pk__in=paths.values("version"))
        .select_related("job_class__jurisdiction", "department")
        .prefetch_related(Prefetch("paths", Path.objects.prefetch_related("titles")), "substitutions", "definitions")
        .order_by("job_class__title", "job_class__jurisdiction__name", "pk")
    )
