"""The names people use for the work, which widen a query: a thesaurus of civil-service words, and O*NET's titles
of each occupation (a query that is one finds the classes of that occupation)."""

import re
from functools import lru_cache

from ..models import OccupationTitle
from .words import WORD

# Each group names one thing in the words different employers and the public use; a query holding one phrase of a
# group also finds the others. Phrases are lower-case words.
THESAURUS = [
    ("public assistance", "food assistance", "temporary assistance", "welfare", "snap", "food stamps"),
    ("caseworker", "case worker", "social services worker", "social welfare examiner"),
    ("eligibility worker", "eligibility examiner", "welfare examiner", "benefits examiner"),
    ("child support", "support enforcement", "support collection"),
    ("help desk", "user support", "customer support", "technical support"),
    ("case manager", "case management", "care coordinator"),
    ("clerk", "clerical", "office assistant"),
    ("human resources", "personnel"),
    ("payroll", "pay records"),
    ("code enforcement", "building inspection", "code inspector"),
]


def phrase(text):
    return " ".join(WORD.findall((text or "").lower()))


def synonyms(q):
    """The thesaurus's other phrases for each of its phrases that q holds, as lists of words."""
    text = f" {phrase(q)} "
    found = []
    for group in THESAURUS:
        if any(f" {name} " in text for name in group):
            found += [name.split() for name in group if f" {name} " not in text]
    return found


@lru_cache(maxsize=1)
def _occupations_by_title(release):
    by_title = {}
    for code, title in OccupationTitle.objects.values_list("occupation_id", "title").iterator(chunk_size=5000):
        for name in [title, re.sub(r"\([^)]*\)", " ", title), *re.findall(r"\(([^)]*)\)", title)]:
            if key := phrase(name):
                by_title.setdefault(key, set()).add(code)
    return by_title


def occupations(q):
    """The codes of the O*NET occupations one of whose titles q is."""
    release = OccupationTitle.objects.count()
    return sorted(_occupations_by_title(release).get(phrase(q), ()))
