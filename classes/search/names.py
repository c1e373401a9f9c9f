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


def key(words):
    """A phrase as compared and kept: its words, each without a plural's s ("food stamp" stands for "food stamps")."""
    return " ".join(singular(word) for word in words)


def singular(word):
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def synonyms(q):
    """The thesaurus's other phrases for each of its phrases that q holds, as lists of words."""
    text = f" {key(phrase(q).split())} "
    found = []
    for group in THESAURUS:
        held = [f" {key(name.split())} " in text for name in group]
        if any(held):
            found += [name.split() for name, named in zip(group, held, strict=True) if not named]
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
