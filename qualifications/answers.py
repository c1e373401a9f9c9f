"""The checker's JSON: the questions a version raises, with every choice a profile may use, and the answer."""

from classes.vocabulary import EducationLevel

from .outcomes import OUTCOMES, overall
from .profile import CREDIT_UNITS, LICENCE_STATUSES


def questions_json(questions):
    """The names a profile may use for this class: what the form asks, as lists the JSON must pick from. An empty
    list or false: the spec raises no such question, and the answer ignores it."""
    return {
        "examination": list(questions.examinations),
        "education_level": list(EducationLevel.values) if questions.education else [],
        "accredited": questions.accredited,
        "college_credits": questions.college_credits,
        "credit_units": list(CREDIT_UNITS) if questions.credits else [],
        "degree_fields": list(questions.degree_fields),
        "credit_hours": list(questions.credit_subjects),
        "jobs": questions.experience,
        "experience_kinds": list(questions.experience_kinds),
        "excluded_kinds": list(questions.excluded_kinds),
        "services": list(questions.services),
        "paid": questions.paid,
        "supervisory": questions.supervisory,
        "status": list(questions.titles),
        "provisional": list(questions.titles),
        "licenses": list(questions.licences),
        "license_status": list(LICENCE_STATUSES) if questions.licences else [],
        "outcomes": list(OUTCOMES),
    }


def answer_json(rules, results, profile):
    """The overall answer for the examination the profile chose, and every path's, the other kind's included."""
    examination = rules.examination(profile.examination)
    return {
        "examination": examination,
        "outcome": overall(results, examination),
        "paths": [path_json(result) for result in results],
    }


def path_json(result):
    rule = result.rule
    return {
        "id": rule.id,
        "label": rule.label or None,
        "kind": rule.kind,
        "text": rule.text,
        "outcome": result.outcome,
        "reasons": result.reasons,
        "conditions": result.conditions,
        "gaps": result.gaps,
        "assumed": result.assumed,
    }
