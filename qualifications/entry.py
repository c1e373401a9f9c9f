"""The lowest education a path lets one in with, the one rule the catalogue's education filter and the checker share.

A path lets one in with the education it states ("" where it states none), once its requirements are recorded; an
equivalent combination lets one in with the lowest education of the paths whose limits it combines; a promotional
path lets in current employees by their status, not by their education, so it is not a way in for this rule. The
rule is written twice, over a version's rules for the checker and as a query for the filter, side by side here;
tests/portal/test_education_rule.py holds the two to each other on every seed.
"""

from django.db.models import Exists, OuterRef, Q

from classes.vocabulary import EducationLevel, PathKind

from .models import Path, TimeInTitle


def education_rank(level):
    """Lower for less: no education stated ranks below high school."""
    return -1 if not level else EducationLevel.rank(level)


def combined_paths(paths):
    """The paths an equivalent combination reads the limits of: the others open to the public that state years of
    experience (the combination trades education against them)."""
    return tuple(
        path
        for path in paths
        if not path.is_promotional and not path.is_equivalent_combination and path.experience_years is not None
    )


def lowest_education(path, paths):
    """The lowest education `path` (a PathRule, among `paths`) lets one in with; None where no one can say: a
    promotional path, a path whose requirements are not recorded, a combination with nothing to combine."""
    if path.is_promotional:
        return None
    if path.is_equivalent_combination:
        levels = [lowest_education(other, paths) for other in combined_paths(paths)]
        return min(levels, key=education_rank) if levels else None
    return path.education_level if path.is_recorded else None


def levels_up_to(ceiling):
    """The education levels at most `ceiling`: "" alone for none stated, else "" and every level to the ceiling."""
    return ["", *EducationLevel.values[: education_rank(ceiling) + 1]]


# The same rule as a query over Path rows.

OPEN = Q(kind=PathKind.OPEN_COMPETITIVE)


def recorded():
    """A Q over paths: those with a requirement read into facts (PathRule.is_recorded)."""
    return (
        ~Q(education_level="")
        | ~Q(education_fields="")
        | Q(credit_hours__gt=0)
        | Q(quarter_units__gt=0)
        | Q(total_credit_hours__gt=0)
        | Q(experience_years__isnull=False)
        | Exists(TimeInTitle.objects.filter(path=OuterRef("pk")))
    )


def letting_in_with_at_most(ceiling):
    """A Q over paths: those whose lowest education (lowest_education) is at most `ceiling` ("" for none stated)."""
    levels = levels_up_to(ceiling)
    own = OPEN & Q(is_equivalent_combination=False) & recorded() & Q(education_level__in=levels)
    combined = Path.objects.filter(
        OPEN,
        version=OuterRef("version"),
        is_equivalent_combination=False,
        experience_years__isnull=False,
        education_level__in=levels,
    )
    return own | (OPEN & Q(is_equivalent_combination=True) & Exists(combined))
