"""Checks on a draft before it is proposed: warnings an analyst reads and may ignore, never refusals.

Each check says where (the part and the row's number or label) and what, in the analyst's words.
"""

import re

from . import structure
from .vocabulary import PathKind

LONG_SENTENCE_WORDS = 40
HARD_READING_GRADE = 14
# Gendered or outdated words, with the words commissions now print instead.
OUTDATED = {
    r"\bhis/her\b|\bhis or her\b": "their",
    r"\bhe/she\b|\bhe or she\b|\bs/he\b": "they",
    r"\bhim/her\b|\bhim or her\b": "them",
    r"\bworkman\b|\bworkmen\b": "worker",
    r"\bforeman\b|\bforemen\b": "supervisor",
    r"\bmanpower\b": "staffing",
    r"\bchairman\b": "chair",
}
# "as described in A)", "the limits of A and B", "in 1. above": the paths a text points to, by label.
PATH_REFERENCE = re.compile(
    r"\b(?:in|of|under)\s+(?:paths?\s+)?\(?([A-Z]|[1-9])[).]?(?:\s+(?:and|or)\s+\(?([A-Z]|[1-9])\)?)?(?=[\s,;.)]|$)"
)
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


def draft_warnings(version):
    """Every warning about `version`'s text, in reading order."""
    return [
        *_empty_rows(version),
        *_outdated_words(version),
        *_paths_without_facts(version),
        *_references_to_missing_paths(version),
        *_unreferenced_definitions(version),
        *_long_sentences(version),
        *_reading_grade(version),
    ]


def _texts(version):
    """(where, text) of every row that prints text, and of the prose parts."""
    for prose in ("general_statement", "distinguishing_features"):
        if getattr(version, prose):
            yield prose.replace("_", " ").capitalize(), getattr(version, prose)
    for part in structure.PARTS:
        for number, row in enumerate(part.rows(version), start=1):
            if hasattr(row, "text"):
                name = str(part.model._meta.verbose_name).capitalize()
                yield f"{name} {getattr(row, 'label', '') or number}", row.text


def _empty_rows(version):
    for where, text in _texts(version):
        if not text.strip():
            yield f"{where} is empty: write its text or delete the row."


def _outdated_words(version):
    for where, text in _texts(version):
        for pattern, instead in OUTDATED.items():
            for found in re.finditer(pattern, text, re.IGNORECASE):
                yield f"{where} says “{found.group(0)}”: consider “{instead}”."


def _paths_without_facts(version):
    for path in version.paths.all():
        if path.kind == PathKind.PROMOTIONAL:
            stated = path.titles.exists()
        else:
            stated = path.is_equivalent_combination or any(
                value not in (None, "") for value in (path.education_level, path.experience_years, path.credit_hours)
            )
        if not stated:
            yield (
                f"Path {path.label or path.position} has no structured facts (education, experience or titles): "
                "the qualifications checker cannot test applicants against it."
            )


def _labels(version):
    return {re.sub(r"\W", "", path.label).upper() for path in version.paths.all() if path.label}


def _references_to_missing_paths(version):
    labels = _labels(version)
    if not labels:
        return
    for where, text in _texts(version):
        for found in PATH_REFERENCE.finditer(text):
            for label in filter(None, found.groups()):
                if label.upper() not in labels:
                    yield f"{where} refers to path {label}, which this text does not have."


def _unreferenced_definitions(version):
    texts = " ".join(text for where, text in _texts(version) if not where.startswith("Definition"))
    for definition in version.definitions.all():
        said = definition.term and re.search(re.escape(definition.term), texts, re.IGNORECASE)
        marked = definition.marker and definition.marker in texts
        if not (said or marked):
            yield f"The definition of “{definition.term}” is not referred to by any part of the text."


def _long_sentences(version):
    for where, text in _texts(version):
        for sentence in SENTENCE_END.split(text):
            words = len(sentence.split())
            if words > LONG_SENTENCE_WORDS:
                yield f"{where} has a sentence of {words} words, beginning “{' '.join(sentence.split()[:6])} …”."


def reading_grade(text):
    """The Flesch-Kincaid grade of `text`: the school grade a reader needs, from words per sentence and syllables."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if s.strip()]
    words = re.findall(r"[A-Za-z]+", text)
    if not sentences or not words:
        return None
    syllables = sum(max(1, len(re.findall(r"[aeiouy]+", word.lower().removesuffix("e")))) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


def _reading_grade(version):
    grade = reading_grade(version.distinguishing_features)
    if grade is not None and grade > HARD_READING_GRADE:
        yield (
            f"The distinguishing features read at grade {grade:.0f} (Flesch-Kincaid): shorter sentences and words "
            "would reach more applicants."
        )
