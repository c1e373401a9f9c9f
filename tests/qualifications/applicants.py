"""Builders for the checker's own test specs and applicants: rules as plain values, profiles as the JSON gives them."""

import datetime
from fractions import Fraction

from qualifications.checker import evaluate, overall
from qualifications.profile import read_profile
from qualifications.rules import LicenceRule, PathRule, Rules, SubstitutionRule

TODAY = datetime.date(2026, 12, 6)
ACCOUNTING = "accounting"  # the kind of work most of these specs ask for
VOLUNTEER = "volunteer bookkeeping"  # a kind of work they say does not count


def path(label="A)", position=1, **facts):
    for name in ("experience_years", "supervisory_years"):
        if facts.get(name) is not None:
            facts[name] = Fraction(str(facts[name]))
    return PathRule(label=label, id=position, position=position, **facts)


def substitution(kind="education_for_experience", **facts):
    for name in ("years_per_year", "cap_years", "floor_years", "years_for_units"):
        if facts.get(name) is not None:
            facts[name] = Fraction(str(facts[name]))
    return SubstitutionRule(kind=kind, text=facts.pop("text", f"A rule of {kind}."), **facts)


def licence(*names, needed_by="", within_months=None):
    return LicenceRule(names, needed_by, within_months)


def rules(*paths, substitutions=(), licences=()):
    return Rules(paths=paths, substitutions=tuple(substitutions), licences=tuple(licences))


def job(*kinds, years=0, months=0, **fields):
    return {"years": years, "months": months, "kinds": list(kinds), **fields}


def applicant(level="high_school", *jobs, **fields):
    return {"education_level": level, "jobs": list(jobs), **fields}


def holding(*names, status="current", expires_on=None):
    return [{"name": name, "status": status, "expires_on": expires_on} for name in names]


def results(spec, data, *, assume=False):
    """Every path's result for the applicant `data` describes, read against the spec's own lists."""
    return evaluate(spec, read_profile(data, spec.questions()), assume_confirmed=assume, today=TODAY)


def result(spec, data, position=1, **options):
    return results(spec, data, **options)[position - 1]


def answer(spec, data, examination=None):
    return overall(results(spec, data), examination)


def said(result):
    return " ".join(result.reasons)
