"""Headings recognised by meaning: a table of the variants jurisdictions print, and a test for unknown ones."""

import re

# part: patterns of the heading words (matched case-insensitively at the start of a line).
KNOWN_HEADINGS = {
    "general_statement": [
        r"general statement of (?:class )?duties",
        r"(?:class |general |position )?definition",
        r"(?:class|position|job) (?:summary|concept|purpose)",
        r"nature of (?:the )?work",
        r"summary(?: of duties)?",
        r"purpose",
    ],
    "distinguishing_features": [
        r"distinguishing (?:features|characteristics)(?: of the class)?",
        r"class characteristics",
        r"level distinctions",
    ],
    "duties": [
        r"typical work activities",
        r"examples? of (?:essential )?(?:duties|work)(?: performed)?",
        r"(?:essential|typical|illustrative|principal|major) (?:duties|functions|tasks)(?: and responsibilities)?",
        r"duties and responsibilities",
        r"duties",
    ],
    "ksas": [
        r"(?:full performance )?knowledges?,? (?:skills,? )?(?:(?:and|&) )?abilities(?:,? (?:and )?personal characteristics)?",
        r"(?:full performance )?knowledges?,? skills,? abilities,? (?:and )?personal characteristics",
        r"knowledge,? skills,? (?:and|&) abilities",
        r"(?:required|desirable) knowledges?,? (?:skills,? )?(?:and )?abilities",
        r"(?:knowledge|skills|abilities)",
    ],
    "competencies": [r"competencies(?:,? knowledges? (?:&|and) skills)?", r"core competencies"],
    "qualifications": [
        r"minimum (?:qualifications|requirements)",
        r"(?:entrance |employment )?qualifications",
        r"education and(?:/or)? experience",
        r"training and experience",
    ],
    "open_competitive": [r"open[- ]competitive(?: qualifications)?"],
    "promotional": [
        r"(?:suggested )?promotion(?:al)?(?: (?:exam(?:ination)? )?qualifications| eligibility)?",
    ],
    "qualifications_part": [
        r"education(?: requirements?)?",
        r"experience(?: requirements?)?",
        r"education/experience equivalency",
    ],
    "special_requirements": [
        r"special requirements?",
        r"licenses?,? (?:or|and|and/or) certificat(?:es?|ions?)",
        r"licenses?(?: required)?",
        r"certificat(?:es?|ions?)(?: required)?",
        r"background investigation(?: and additional screenings)?",
        r"special conditions",
    ],
}
# Parts whose headings may open a line with text after a colon; a bare line must be the heading alone.
_COMPILED = [
    (
        part,
        re.compile(
            rf"""^(?P<heading>["'“]?(?:{pattern})(?:\s*:?\s*\((?:illustrative only|[^)]{{0,30}})\))?)"""
            r"\s*(?P<colon>:)?\s*(?P<rest>.*)$",
            re.IGNORECASE,
        ),
    )
    for part, patterns in KNOWN_HEADINGS.items()
    for pattern in patterns
]
# Any known heading's words at the start of a line: most lines are not headings, and one test rules them out.
_ANY_HEADING = re.compile(
    r"""^["'“]?(?:""" + "|".join(pattern for patterns in KNOWN_HEADINGS.values() for pattern in patterns) + ")",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"""[.;!?]["'”)]*$""")
LABELLED = re.compile(
    r"^(?:(?:either|or|and)\b:?\s*)?(?:\(?[A-Za-z0-9]{1,3}[.)](?:\s|$)|(?:I|II|III|IV|V|VI)$)", re.IGNORECASE
)
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"}


def match_heading(text):
    """(part, heading as printed, text after it) for a known heading at the start of `text`, else None."""
    if not _ANY_HEADING.match(text):
        return None
    for part, pattern in _COMPILED:
        found = pattern.match(text)
        if not found:
            continue
        rest = found["rest"].strip()
        if rest and not found["colon"] and not found["heading"].rstrip(")").endswith(")"):
            continue  # "Duties assigned are …" is a sentence, not a heading
        if not rest and not found["colon"] and not _looks_like_heading_words(found["heading"]):
            continue
        return part, found["heading"].strip(), rest
    return None


def _looks_like_heading_words(text):
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'/-]*", text) if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def unknown_heading(text):
    """The heading words of a line that reads as a heading the table does not know, else None.

    A heading is short, does not end a sentence, and is either in capitals or in title case
    (ending with a colon, or of two to five words): "Physical Demands:", "CLASS DETAIL", "Working Conditions".
    """
    if LABELLED.match(text):
        return None
    if len(text) > 90 or SENTENCE_END.search(text) or text.startswith("*") or re.search(r":\s+\S", text):
        return None
    words = text.rstrip(":").split()
    if not words or len(words) > 9 or not any(c.isalpha() for c in text):
        return None
    letters = [c for c in text if c.isalpha()]
    capitals = all(c.isupper() for c in letters) and len(letters) >= 4
    titled = _looks_like_heading_words(text) and (text.endswith(":") or 2 <= len(words) <= 5)
    if capitals or titled:
        return text.rstrip(":").strip()
    return None
