"""Helpers for reading a requirement's wording: its sentences, its substitution rules, a list's items."""

import re
from functools import lru_cache

SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(\[])")
SUBSTITUTES = re.compile(r"substitut|in lieu of|may be accepted (?:in place|instead)|may be credited", re.IGNORECASE)
PARENTHESES = re.compile(r"(?:\([^()]{12,}\)|\[[^\[\]]{12,}\])[.;]?")  # with a stop printed after it
JOINED_ON = re.compile(r"[;,]?\s*\b(?:or|and)\s*[,:]?\s*$", re.IGNORECASE)
LIST_SEPARATOR = re.compile(r";\s*or\s+|;\s+|,\s*(?:or|and)\s+|,\s+|\s+or\s+")


def flat(text):
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def requirement_text(text):
    """A path's wording without the substitution rules printed in it: what the path itself requires."""
    kept = []
    for sentence in SENTENCE.split(PARENTHESES.sub(lambda m: "" if SUBSTITUTES.search(m.group()) else m.group(), text)):
        if not SUBSTITUTES.search(sentence):
            kept.append(sentence)
    return JOINED_ON.sub("", " ".join(kept))  # "…; or": how it joins the next path, not part of what it requires


def mentions(text, hints):
    """Whether the text holds one of the words a pattern needs: most texts hold none, and the pattern is not tried."""
    lowered = text.lower()
    return any(hint in lowered for hint in hints)


def split_list(text):
    parts = LIST_SEPARATOR.split(text)
    return [p.strip(" ,;.") for p in parts if p.strip(" ,;.")]
