"""The catalogue's education filter ("Easiest path needs at most") and the checker agree, from one rule: the lowest
education a path lets one in with (qualifications.entry)."""

from fractions import Fraction

import pytest

from classes.filters import EDUCATION_CEILINGS, NO_EDUCATION, ClassFilter
from classes.models import JobClass, Version
from qualifications.checker import MET, evaluate
from qualifications.entry import education_rank, letting_in_with_at_most, lowest_education
from qualifications.models import Path
from qualifications.profile import Job, Profile
from qualifications.rules import Rules
from tests.conftest import publish

pytestmark = pytest.mark.django_db

CEILINGS = [value for value, _ in EDUCATION_CEILINGS]
# Forty years of full-time, paid, supervisory work: only education can stand in the way.
SEASONED = (Job(months=Fraction(480), supervisory=True),)


def filtered(ceiling):
    return {job_class.title for job_class in ClassFilter({"education": ceiling}, queryset=JobClass.objects.all()).qs}


def checker_lets_in(ceiling):
    """The current classes whose open-competitive paths the catalogue's checker finds met by this education."""
    profile = Profile(education_level="" if ceiling == NO_EDUCATION else ceiling, jobs=SEASONED)
    met = set()
    for version in Version.objects.current().for_display():
        rules = Rules.from_version(version)
        rules = Rules(paths=tuple(p for p in rules.paths if not p.is_promotional), substitutions=rules.substitutions)
        if any(result.outcome == MET for result in evaluate(rules, profile, assume_confirmed=True)):
            met.add(version.title)
    return met


@pytest.mark.parametrize("ceiling", CEILINGS)
def test_on_every_seed_the_education_filter_lists_exactly_the_classes_the_checker_lets_in(seeds, ceiling):
    assert filtered(ceiling) == checker_lets_in(ceiling)


def test_no_education_stated_leaves_out_a_class_whose_combination_needs_an_associate_degree(seeds):
    # Its two promotional paths state no education, but they let in employees by their status, not by education.
    assert "CHILD SUPPORT ENFORCEMENT COORDINATOR" not in filtered(NO_EDUCATION)
    assert "CHILD SUPPORT ENFORCEMENT COORDINATOR" in filtered("associate")


def test_on_every_seed_path_the_query_and_the_rule_read_the_same_lowest_education(seeds):
    disagreements = []
    for version in Version.objects.current().for_display():
        rules = Rules.from_version(version)
        for path, rule in zip(version.paths.all(), rules.paths, strict=True):
            lowest = lowest_education(rule, rules.paths)
            for ceiling in ["", *CEILINGS[1:]]:
                by_rule = lowest is not None and education_rank(lowest) <= education_rank(ceiling)
                by_query = Path.objects.filter(letting_in_with_at_most(ceiling), pk=path.pk).exists()
                if by_rule != by_query:
                    disagreements.append((version.title, rule.label, ceiling, by_rule, by_query))
    assert disagreements == []


def test_a_path_whose_requirements_are_not_recorded_is_not_read_as_needing_no_education(make_class):
    _, version = make_class("Account Clerk", status="draft")
    version.paths.create(position=1, text="Qualifications as the commission decides.")
    publish(version)

    assert filtered(NO_EDUCATION) == set() == checker_lets_in(NO_EDUCATION)
    assert filtered("doctorate") == set()


def test_a_combination_lets_one_in_with_the_lowest_education_of_the_paths_it_combines(make_class):
    _, version = make_class("Account Clerk", status="draft")
    version.paths.create(position=1, label="A)", text="a", education_level="bachelor", experience_years=1)
    version.paths.create(position=2, label="B)", text="b", education_level="high_school", experience_years=4)
    combination = version.paths.create(position=3, label="C)", text="c", is_equivalent_combination=True)
    publish(version)
    rules = Rules.from_version(Version.objects.for_display().get(pk=version.pk))

    assert lowest_education(rules.paths[2], rules.paths) == "high_school"
    assert Path.objects.filter(letting_in_with_at_most("high_school"), pk=combination.pk).exists()
    assert not Path.objects.filter(letting_in_with_at_most(""), pk=combination.pk).exists()
    assert filtered("high_school") == {"Account Clerk"} == checker_lets_in("high_school")
