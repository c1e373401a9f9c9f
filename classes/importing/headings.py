"""Headings: whether a line is set as one, and what part of a spec it opens, read from its words.

A heading is recognised by how it is set (markup, capitals, a short line alone, a trailing colon) and classified by
the words it is made of, in any order, combined ("REQUIREMENT/MINIMUM QUALIFICATION", "Knowledge and Abilities")
or misspelt by a letter or two ("MINUMUM", "QUALIFICAITON"): each part names the words its headings use and the
words of which at least one set must be there. A heading of other words opens an "other" section.
"""

import re
from functools import lru_cache

LETTERS = re.compile(r"[a-z]+")
PARENTHESIS = re.compile(r"\((?:illustrative only|[^)]{0,30})\)", re.IGNORECASE)
HEADING_WORD = re.compile(r"[A-Za-z][A-Za-z'/-]*")
TEXT_AFTER_COLON = re.compile(r":\s+\S")
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "its", "all"}
NEUTRAL = {"class", "position", "job"}  # "Class Definition", "Position Summary": allowed in any part's headings


class Meaning:
    """A part's headings: every word they may use, and the sets of which one must be present."""

    def __init__(self, part, allowed, *needs):
        self.part = part
        self.allowed = set(allowed.split()) | {word for need in needs for word in need.split()}
        self.needs = [set(need.split()) for need in needs]

    def fits(self, words):
        strangers = [word for word in words if word not in self.allowed and word not in NEUTRAL]
        # One word too misspelt to read is let pass between two of the part's own: "REQUIREMENT/MIMINUMUM
        # QUALIFICATION". A short or known stranger is a heading of other words: "ON AN OPEN COMPETITIVE BASIS".
        if strangers and not (
            len(strangers) == 1 and len(strangers[0]) >= 7 and strangers[0] not in VOCABULARY and len(words) - 1 >= 2
        ):
            return False
        present = set(words)
        return any(need <= present for need in self.needs)


# In order: the first part whose words fit a heading names it.
MEANINGS = [
    Meaning("open_competitive", "qualification requirement minimum candidate examination", "open competitive"),
    Meaning(
        "promotional",
        "suggested qualification requirement eligibility examination exam minimum line candidate",
        "promotion",
        "promotional",
    ),
    Meaning(
        "qualifications_part",
        "requirement requirements education experience training equivalency substitution pattern",
        "education",
        "experience",
        "training",
    ),
    Meaning(
        "qualifications",
        "minimum qualification requirement entrance employment education experience training",
        "minimum qualification",
        "minimum requirement",
        "qualification",
        "requirement",
    ),
    Meaning(
        "general_statement",
        "general statement duty definition summary concept purpose nature work scope overview description series",
        "general statement",
        "definition",
        "summary",
        "concept",
        "purpose",
        "nature work",
        "scope",
        "overview",
    ),
    Meaning(
        "distinguishing_features",
        "distinguishing feature characteristic level distinction",
        "distinguishing",
        "class characteristic",
        "level distinction",
    ),
    Meaning(
        "duties",
        "typical work activity example essential illustrative principal major duty function task responsibility "
        "performed representative only",
        "duty",
        "task",
        "function",
        "responsibility",
        "work activity",
        "example work",
    ),
    Meaning("competencies", "core competency knowledge skill", "competency"),
    Meaning(
        "ksas",
        "knowledge skill ability full performance personal characteristic required",
        "knowledge",
        "skill",
        "ability",
    ),
    Meaning(
        "special_requirements",
        "special requirement license licensure certificate certification registration credential driver background "
        "investigation additional screening condition drug testing citizenship citizen felony disqualification "
        "medical age physical personal required employment",
        "special requirement",
        "license",
        "licensure",
        "certificate",
        "certification",
        "background",
        "special condition",
        "drug",
        "citizenship",
        "citizen",
        "felony",
        "credential",
        "registration",
        "medical requirement",
        "minimum age",
        "age requirement",
    ),
]
# Headings a table would name apart: "Definition of Levels" introduces each level's own description.
LEVELS_HEADING = re.compile(r"^(?:definitions?|descriptions?) of (?:the )?(?:levels|classes)$", re.IGNORECASE)
VOCABULARY = sorted({word for meaning in MEANINGS for word in meaning.allowed} | NEUTRAL)


def words_of(text):
    """A heading's words, lower case and singular, small words left out."""
    found = []
    for word in LETTERS.findall(text.lower().replace("'", "")):
        if word in SMALL_WORDS:
            continue
        found.append(_singular(word))
    return found


def _singular(word):
    if word in {"series", "species"}:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def _spelt(word):
    """The vocabulary word `word` is a slip of (a letter or two off, or two letters swapped), else `word`."""
    if word in VOCABULARY or len(word) < 5:
        return word
    limit = 1 if len(word) <= 6 else 2
    for known in VOCABULARY:
        if abs(len(known) - len(word)) <= limit and known[0] == word[0] and _distance(word, known) <= limit:
            return known
    return word


def _distance(a, b):
    """Edit distance, a swap of two neighbouring letters counting as one edit."""
    before, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if before is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, before[j - 2] + 1)
            current.append(value)
        before, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=4096)
def meaning(text):
    """The part a heading's words name ("qualifications", "duties" …), "levels" for a list of the series' levels,
    or "" for a heading of other words."""
    if LEVELS_HEADING.match(text.strip(" :*")):
        return "levels"
    words = [_spelt(word) for word in words_of(PARENTHESIS.sub(" ", text))]
    if not words:
        return ""
    for candidate in MEANINGS:
        if candidate.fits(words):
            return candidate.part
    return ""


LEAD_IN = re.compile(r"\b(?:of|to|in|for|as|with|on)$", re.IGNORECASE)  # "Knowledge of:", "Ability to:"
PARENTHESIS_ONLY = re.compile(r"^\((?:illustrative only|[^)]{0,30})\)$", re.IGNORECASE)
SENTENCE_END = re.compile(r"""[.;!?]["'”)]*$""")
LABELLED = re.compile(
    r"^(?:(?:either|or|and)\b:?\s*)?(?:\(?[A-Za-z0-9]{1,3}[.)](?:\s|$)|(?:I|II|III|IV|V|VI)$)", re.IGNORECASE
)


def match_heading(text):
    """(part, heading as printed, text after it) for a heading whose words name a part, at the start of `text`;
    else None. "DISTINGUISHING FEATURES OF THE CLASS: This is …" is a heading and the start of its part's text."""
    if not text[:1].isupper() and text[:1] not in "\"'“":  # a heading starts with a capital
        return None
    key, colon, rest = text.partition(":")
    rest = rest.strip()
    if colon and rest and len(key) <= 80 and not LEAD_IN.search(key.strip()):
        if PARENTHESIS_ONLY.match(rest):  # "TYPICAL WORK ACTIVITIES: (Illustrative Only)": all heading
            key, rest = text, ""
        part = meaning(key) if len(key.split()) <= 10 else ""
        return (part, key.strip(), rest) if part else None
    heading = text.rstrip(":").strip()
    if len(heading.split()) > 12 or SENTENCE_END.search(heading) or LEAD_IN.search(heading):
        return None
    if not _looks_like_heading_words(heading):
        return None
    part = meaning(heading)
    return (part, heading, "") if part else None


def _looks_like_heading_words(text):
    words = [w for w in HEADING_WORD.findall(text) if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def unknown_heading(text):
    """The heading words of a line that reads as a heading the parts do not name, else None.

    A heading is short, does not end a sentence, and is either in capitals or in title case
    (ending with a colon, or of two to five words): "Physical Demands:", "CLASS DETAIL", "Working Conditions".
    """
    if LABELLED.match(text):
        return None
    if len(text) > 90 or SENTENCE_END.search(text) or text.startswith("*") or TEXT_AFTER_COLON.search(text):
        return None
    words = text.rstrip(":").split()
    if not words or len(words) > 9 or not any(c.isalpha() for c in text) or LEAD_IN.search(text.rstrip(": ")):
        return None
    letters = [c for c in text if c.isalpha()]
    capitals = all(c.isupper() for c in letters) and len(letters) >= 4
    titled = _looks_like_heading_words(text) and (text.endswith(":") or 2 <= len(words) <= 5)
    if capitals or titled:
        return text.rstrip(":").strip()
    return None
