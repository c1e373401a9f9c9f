"""Licences, registrations, certificates and credentials a requirement names, and when they must be held."""

import re
from functools import lru_cache

from .numbers import durations
from .wording import SENTENCE, SUBSTITUTES, mentions

# A licence is found from its noun; what names it is read before it (up to eight words, from an article or
# "possession of") and after it ("… as a Professional Engineer", "… issued by the State Board").
LICENSE_NOUN = re.compile(r"\b(?:licen[cs]e|licensure|certificat(?:e|ion)|registration|credential)\b", re.IGNORECASE)
LICENSE_BEFORE = re.compile(
    r"(?:(?:possession|possess|hold|holding)\s+(?:of\s+)?)?(?P<what>(?:(?:an?|the|current|valid|active|appropriate)\s+)*"
    r"(?:[\w'.,/-][\w'().,/-]*\s+){0,8}?)$",
    re.IGNORECASE,
)
LICENSE_AFTER = re.compile(  # the name's words are capitalised: no IGNORECASE
    r"\s+(?:[Aa]s|[Ii]n|[Tt]o practice|[Ff]rom|[Ii]ssued by)\s+(?:an?\s+|the\s+)?[\w'().,-]+(?:\s+[A-Z(][\w'().,-]*){0,6}"
)
LICENSE_WORDS = re.compile(
    r"licen[cs]e|licensure|certificat(?:e|ion)\b|registration as|credential|admission to practice law", re.I
)
# "(Applicants who do not possess the license will be admitted …)": when it is needed, not another licence.
ABOUT_APPLICANTS = re.compile(r"^[(\[]?\s*(?:applicants?|candidates?|persons?|those)\b", re.IGNORECASE)
NOT_A_LICENSE = re.compile(
    r"completion|course|program|apprentice|training|diploma|\bG\.?E\.?D\b|high school|equivalency|degree|transcript",
    re.IGNORECASE,
)
WITHIN_PERIOD = re.compile(r"\bwithin\s+$", re.IGNORECASE)
AFTER_APPOINTMENT = re.compile(
    r"\s+(?:of|after|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:appointment|hire|employment)", re.I
)
NEEDED_BY = [
    (
        "appointment",
        re.compile(
            r"\b(?:at the time of|prior to|before|upon|by the time of|at)\s+(?:the\s+)?(?:date\s+of\s+)?"
            r"(?:appointment|hire|hiring)",
            re.I,
        ),
    ),
    ("application", re.compile(r"\b(?:at the time of|prior to|before|when)\s+(?:filing|application|applying)", re.I)),
    (
        "examination",
        re.compile(r"\b(?:at the time of|prior to|before)\s+(?:the\s+)?(?:written\s+)?(?:examination|exam|test)", re.I),
    ),
]


@lru_cache(maxsize=4096)
def licenses(text):
    """The licences, registrations and certificates the text requires, and when they are needed."""
    if not mentions(text, ("licen", "certific", "registration", "credential", "admission to practice")):
        return (), "", None
    found = []
    for sentence in SENTENCE.split(text):
        if not LICENSE_WORDS.search(sentence) or SUBSTITUTES.search(sentence) or ABOUT_APPLICANTS.match(sentence):
            continue
        start_of_sentence = 0  # where the words naming the next licence may begin: after the last one
        for noun in LICENSE_NOUN.finditer(sentence):
            if noun.start() < start_of_sentence:
                continue
            if found and start_of_sentence and len(sentence[start_of_sentence : noun.start()].split()) <= 1:
                start = sentence.rfind(found[-1], 0, start_of_sentence)  # "certificate of registration": one licence
                found.pop()
            else:
                start = LICENSE_BEFORE.search(sentence, max(start_of_sentence, noun.start() - 120), noun.start()).start(
                    "what"
                )
            after = LICENSE_AFTER.match(sentence, noun.end())
            end = after.end() if after else noun.end()
            start_of_sentence = end
            what = re.sub(r"^(?:and|or)\s+", "", sentence[start:end].strip(" ,;."))
            named = sentence[start : end + 20]  # "Certificate Program": a course, not a licence
            if len(what.split()) >= 2 and what not in found and not NOT_A_LICENSE.search(named):
                found.append(what)
        if re.search(r"admission to practice law", sentence, re.I) and not found:
            found.append(re.search(r"admission to practice law[^.;,]*", sentence, re.I).group(0))
    found = tuple(found)
    if not found:
        return found, "", None
    return (found, *needed_by(text))


@lru_cache(maxsize=4096)
def needed_by(text):
    """(when, months): when the licence the text requires must be held, a LicenseNeededBy value or empty, and the
    months after appointment where it says “within six months of appointment”."""
    for duration in durations(text):
        if WITHIN_PERIOD.search(text, max(0, duration.start - 10), duration.start) and AFTER_APPOINTMENT.match(
            text, duration.end
        ):
            return "within_period", int(duration.years * 12)
    for name, pattern in NEEDED_BY:
        if pattern.search(text):
            return name, None
    return "", None
