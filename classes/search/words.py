"""The words search reads from a query or a title: letters and digits only, lower-cased, common words left out."""

import re

MAX_WORDS = 10
MAX_WORD_LENGTH = 40
WORD = re.compile(r"[^\W_]+")  # letters and digits: the only part of user input that reaches a query
# Words too common to search for (PostgreSQL's English configuration drops them too).
STOPWORDS = frozenset(
    "a an and any are as at be by for from in into is it its of on or such that the their this to which who with".split()  # noqa: SIM905
)


def searchable(text):
    """The distinct words of a text worth searching for, lower-cased, in the order they come."""
    words = dict.fromkeys(word[:MAX_WORD_LENGTH] for word in WORD.findall((text or "").lower()))
    return [word for word in words if word not in STOPWORDS][:MAX_WORDS]


def stem(word):
    """A word with a plural or -ing ending taken off, so that "technicians" and "technician" compare alike."""
    for ending, replacement in (("ies", "y"), ("ing", ""), ("ers", "er"), ("ors", "or"), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and not word.endswith("ss"):
            return word[: -len(ending)] + replacement
    return word
