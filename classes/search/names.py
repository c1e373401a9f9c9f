"""The names people use for the work, which widen a query: a thesaurus of civil-service words, and O*NET's titles
of each occupation (a query that is one, or nearly one, finds the classes of that occupation)."""

import re
from itertools import islice, product

from django.db import transaction

from ..models import Occupation, OccupationName, OccupationNameWord, OccupationTitle
from .spelling import edits
from .words import MAX_WORD_LENGTH, WORD, stem

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
# A title word of at least this many letters may be misspelt by one letter (added, dropped, changed, or two
# swapped) and still name its occupation. Shorter words are too near each other: "aide" is one letter from "side".
MISSPELT_LETTERS = 5
# The small words a name may be said with or without ("Director of Finance", "Finance Director"). Not every word
# search leaves out: "IT Coordinator" and "IS Coordinator" are not a "Coordinator".
SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())  # noqa: SIM905
# Spellings looked up for one query: its misspelt words' nearest title words, combined.
SPELLINGS_TRIED = 16
BATCH = 5000


def phrase(text):
    return " ".join(WORD.findall((text or "").lower()))


def phrase_key(words):
    """A phrase of the thesaurus as compared and kept: its words, each without a plural's s ("food stamp" stands for "food stamps")."""
    return " ".join(singular(word) for word in words)


def singular(word):
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def synonyms(q):
    """The thesaurus's other phrases for each of its phrases that q holds, as lists of words."""
    text = f" {phrase_key(phrase(q).split())} "
    found = []
    for group in THESAURUS:
        held = [f" {phrase_key(name.split())} " in text for name in group]
        if any(held):
            found += [name.split() for name, named in zip(group, held, strict=True) if not named]
    return found


def name_words(text):
    """The words by which a name is known, whatever its wording: small words out, plurals singular."""
    return {stem(word[:MAX_WORD_LENGTH]) for word in WORD.findall((text or "").lower()) if word not in SMALL_WORDS}


def key(words):
    """A name's words in one order, so that "Director of Finance" and "finance directors" are one key."""
    return " ".join(sorted(words))


def occupations(q):
    """(code, name) of each O*NET occupation one of whose titles q is, or is but for a small word, the order of its
    words, a plural, or a letter of a word; by code, each with the name it is near as O*NET spells it.

    A query is answered by looking its keys up in `OccupationName`: one query where it is a title, two or three
    where it is not (its long words looked up in `OccupationNameWord`, then their nearest spellings)."""
    words = sorted(name_words(q))
    if not words:
        return []
    if found := _named([key(words)]):
        return found
    long_words = [word for word in words if len(word) >= MISSPELT_LETTERS]
    if not long_words:
        return []
    variants = {word: {word, *_deletions(word)} for word in long_words}
    near = {}
    for variant, word in OccupationNameWord.objects.filter(variant__in=set().union(*variants.values())).values_list(
        "variant", "word"
    ):
        near.setdefault(variant, set()).add(word)
    choices = []
    for word in words:
        if word not in variants or word in near.get(word, ()):
            choices.append([word])  # a short word as typed, or a word of O*NET's titles
            continue
        found = set().union(*(near.get(variant, ()) for variant in variants[word]))
        if not (nearest := sorted(candidate for candidate in found if edits(word, candidate) <= 1)):
            return []
        choices.append(nearest)
    if all(len(choice) == 1 and choice[0] == word for choice, word in zip(choices, words, strict=True)):
        return []  # every word is spelt as O*NET spells it: the key looked up first is the only one
    return _named([key(set(spelling)) for spelling in islice(product(*choices), SPELLINGS_TRIED)])


def _named(keys):
    """(code, name) of the occupations named by the first of the keys that names any."""
    found = {}
    for name_key, code, title in OccupationName.objects.filter(key__in=keys).values_list("key", "occupation", "title"):
        found.setdefault(name_key, {}).setdefault(code, title)
    first = next((name_key for name_key in keys if name_key in found), None)
    return sorted(found[first].items()) if first else []


def _deletions(word):
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def named(occupation_model, title_model):
    """(code, title) of each occupation's own title and each of its alternate, short and reported titles."""
    return [
        *occupation_model.objects.values_list("code", "title"),
        *title_model.objects.values_list("occupation", "title"),
    ]


def rows(titles):
    """The `OccupationName` and `OccupationNameWord` rows of O*NET's titles, (code, title) pairs, as plain values:
    (key, code, name) and (variant, word)."""
    names = {}
    for code, title in sorted(titles, key=lambda pair: (pair[1], pair[0])):
        # "CEO (Chief Executive Officer)" is known by the whole, by "CEO" and by "Chief Executive Officer".
        for name in [title, re.sub(r"\([^)]*\)", " ", title), *re.findall(r"\(([^)]*)\)", title)]:
            if words := name_words(name):
                names.setdefault((key(words), code), " ".join(name.split()))
    vocabulary = {word for name_key, _ in names for word in name_key.split()}
    # A word of four letters is a letter short of a misspelt five-letter one.
    variants = {
        (variant, word)
        for word in vocabulary
        for variant in ({word, *_deletions(word)} if len(word) >= MISSPELT_LETTERS - 1 else {word})
    }
    return [(name_key, code, title) for (name_key, code), title in names.items()], sorted(variants)


def write():
    """Write the occupations' names and their words afresh from O*NET's titles (after `load_onet`, or a restore)."""
    names, words = rows(named(Occupation, OccupationTitle))
    with transaction.atomic():
        OccupationName.objects.all().delete()
        OccupationNameWord.objects.all().delete()
        OccupationName.objects.bulk_create(
            [OccupationName(key=k, occupation_id=code, title=title) for k, code, title in names], batch_size=BATCH
        )
        OccupationNameWord.objects.bulk_create(
            [OccupationNameWord(variant=variant, word=word) for variant, word in words], batch_size=BATCH
        )
