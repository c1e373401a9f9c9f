"""The facts a qualification path's wording states: education, credit units, years, kinds of work, licences, service.

Each reader takes the path's text, flattened to one line, and returns what it states; what it does not state stays
empty. A rule printed as a substitution ("… may be substituted …") is read apart (see substitutions.py), and its
words are not read as the path's own requirement.
"""

import re
from decimal import Decimal

from classes.vocabulary import EducationLevel

from .numbers import DURATION, NUMBER, to_years

SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")
SUBSTITUTES = re.compile(r"substitut|in lieu of|may be accepted (?:in place|instead)|may be credited", re.IGNORECASE)
PARENTHESES = re.compile(r"\([^()]{12,}\)")

# Education, lowest first where several are named: "a bachelor's or master's degree" requires the bachelor's.
LEVELS = [
    (EducationLevel.DOCTORATE, r"doctor(?:ate|al)\b|ph\.?\s?d\b|\bd\.?\s?v\.?\s?m\b|juris doctor"),
    (EducationLevel.MASTER, r"master'?s|\bm\.?\s?s\.?\s+degree|graduate degree|\bmba\b"),
    (
        EducationLevel.BACHELOR,
        r"bachelor'?s|baccalaureate|four[- ]year (?:college|university|degree)"
        r"|graduat(?:ion|ed?)\s+from\s+(?:an?\s+)?(?:accredited\s+|recognized\s+|regionally accredited\s+)?"
        r"(?:four[- ]year\s+)?(?:college|university)"
        r"|(?:graduation|completion)\s+(?:from|of)\s+(?:a\s+|an\s+)?(?:four[- ]year\s+)?college(?!\s+(?:course|level|work|units?|semester))"
        r"|equivalent to (?:graduation|completion) (?:from|of) (?:a )?(?:four[- ]year )?college"
        r"|college degree|university degree|degree from an? (?:accredited )?(?:four[- ]year )?(?:college|university)"
        r"|abet[- ]accredited",
    ),
    (
        EducationLevel.ASSOCIATE,
        r"associate'?s?\s+(?:of\s+\w+\s+)?degree|associate of (?:arts|science)|two[- ]year (?:college )?degree|\bA\.?A\.? degree",
    ),
    (
        EducationLevel.HIGH_SCHOOL,
        r"high school|equivalency diploma|\bG\.?E\.?D\b|twelfth grade|12th grade|secondary school diploma",
    ),
]
LEVEL_PATTERN = re.compile("|".join(f"(?P<{level.value}>{pattern})" for level, pattern in LEVELS), re.IGNORECASE)
BEYOND = re.compile(r"\b(?:beyond|in addition to|above|higher than|more than)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)

EXPERIENCE_WORDS = r"(?:experience|work|service|employment)"
YEARS_OF_EXPERIENCE = re.compile(
    DURATION + r"(?P<between>(?:\s+[\w'/,-]+){0,10}?)\s+" + EXPERIENCE_WORDS + r"\b", re.IGNORECASE
)
YEARS_AS = re.compile(
    DURATION + r"\s+(?:of\s+(?:[\w-]+\s+){0,4}?)?(?:as|in the class of)\s+(?:an?\s+)?[A-Z]", re.IGNORECASE
)
NO_EXPERIENCE = re.compile(r"\bno (?:prior |previous )?experience (?:is )?(?:required|necessary)", re.IGNORECASE)
AT_LEAST = re.compile(r"(?:at least|more than|over|a minimum of)\s+$", re.IGNORECASE)
SUPERVISORY = [
    re.compile(
        DURATION + r"\s+of\s+which\s+(?:must|shall)\s+have\s+(?:been|included)\s+(?:[\w-]+\s+){0,6}?supervis", re.I
    ),
    re.compile(r"including\s+(?:at\s+least\s+)?" + DURATION + r"\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?supervis", re.I),
    re.compile(r"(?:at\s+least\s+)?" + DURATION + r"\s+of\s+(?:[\w-]+\s+){0,3}?supervisory", re.I),
    re.compile(r"(?:at\s+least\s+)?" + DURATION + r"\s+of\s+which\s+(?:[\w-]+\s+){0,8}?supervis", re.I),
]
HALF_SUPERVISORY = re.compile(r"(?:at least )?(?:one-)?half of which\s+(?:[\w-]+\s+){0,6}?supervis", re.IGNORECASE)

# "experience [or its part-time equivalent] directly involving …": what the experience is of, up to the next clause.
INVOLVING = re.compile(
    r"experience(?:\s+or\s+its\s+part[- ]time\s+equivalent)?,?\s+"
    r"(?P<phrase>(?:(?:directly|primarily|principally|mainly)\s+)?"
    r"(?:involving|involved in|related to|relating to|dealing with|concerned with)\s+.+?)"
    r"(?=,\s+" + NUMBER + r"\s|;|\.\s|\.$|$)",
    re.IGNORECASE,
)
# Words before "experience" that say how much or how it was done, not what it was of.
GENERIC_EXPERIENCE = {
    "of", "a", "an", "the", "full-time", "part-time", "full", "time", "paid", "unpaid", "satisfactory", "qualifying",
    "progressively", "responsible", "relevant", "related", "recent", "professional", "paraprofessional",
    "permanent", "continuous", "calendar", "work", "working",
}  # fmt: skip

CREDITS = re.compile(
    r"(?P<hours>\d+)\s+(?P<system>semester|quarter)?\s*(?:credit\s+)?(?:hours|units)"
    r"(?:\s+or\s+(?P<other>\d+)\s+(?P<other_system>semester|quarter)\s+(?:credit\s+)?(?:hours|units))?",
    re.IGNORECASE,
)

LICENSE = re.compile(
    r"(?:(?:possession|possess|hold|holding)\s+(?:of\s+)?)?(?P<what>(?:(?:an?|the|current|valid|active|appropriate)\s+)*"
    r"(?:[\w'().,/-]+\s+){0,8}?(?:licen[cs]e|licensure|certificat(?:e|ion)|registration|credential)\b"
    r"(?:\s+(?:as|in|to practice|from|issued by)\s+(?:an?\s+|the\s+)?[\w'().,-]+(?:\s+[A-Z(][\w'().,-]*){0,6})?)",
    re.IGNORECASE,
)
LICENSE_WORDS = re.compile(
    r"licen[cs]e|licensure|certificat(?:e|ion)\b|registration as|credential|admission to practice law", re.I
)
NOT_A_LICENSE = re.compile(
    r"of completion|course|program|apprentice|training|diploma|\bG\.?E\.?D\b|high school|equivalency|degree|transcript",
    re.IGNORECASE,
)
NEEDED_BY = [
    (
        "within_period",
        re.compile(
            r"\bwithin\s+"
            + DURATION
            + r"\s+(?:of|after|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:appointment|hire|employment)",
            re.I,
        ),
    ),
    (
        "appointment",
        re.compile(
            r"\b(?:at the time of|prior to|before|upon|by the time of|at)\s+(?:the\s+)?(?:date\s+of\s+)?(?:appointment|hire|hiring)",
            re.I,
        ),
    ),
    ("application", re.compile(r"\b(?:at the time of|prior to|before|when)\s+(?:filing|application|applying)", re.I)),
    (
        "examination",
        re.compile(r"\b(?:at the time of|prior to|before)\s+(?:the\s+)?(?:written\s+)?(?:examination|exam|test)", re.I),
    ),
]
SERVICE = re.compile(
    r"\b(?:with|for|in|by|within)\s+(?P<service>the\s+(?:City|County|State|Town|Village|Commonwealth)\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"
    r"|(?:the\s+)?(?:[A-Z][a-z]+\s+)?[Ss]tate\s+(?:civil\s+)?service)",
)
OWN_SERVICE_HINT = re.compile(
    r"\bcurrent(?:ly)?\s+employ|\bpermanent\s+(?:competitive\s+|civil service\s+)?status|\bpermanent appointment", re.I
)
EXCLUDED = re.compile(
    r"\b(?:does|do|will|shall|may|is|are)\s+not\s+(?:qualify|count|be (?:accepted|considered|credited|counted)|qualifying)",
    re.IGNORECASE,
)
COMPLETE_YEARS = re.compile(
    r"\b(?:complete|full) years? (?:only|of (?:service|experience) only)|\bonly (?:complete|full) years", re.I
)
HOURS_PER_WEEK = re.compile(r"(?P<hours>\d{2})\s*(?:or more\s+)?hours?\s+(?:per|a|each)\s+week", re.IGNORECASE)
PART_TIME = re.compile(
    r"part[- ]time (?:equivalent|experience (?:will|may|shall) be (?:prorated|credited|accepted))|pro[- ]?rat(?:a|ed)",
    re.I,
)


def flat(text):
    return " ".join(text.split())


def requirement_text(text):
    """A path's wording without the substitution rules printed in it: what the path itself requires."""
    kept = []
    for sentence in SENTENCE.split(PARENTHESES.sub(lambda m: "" if SUBSTITUTES.search(m.group()) else m.group(), text)):
        if not SUBSTITUTES.search(sentence):
            kept.append(sentence)
    return " ".join(kept)


def education_level(text):
    """The lowest education level the text requires (a level named after "beyond" is no requirement)."""
    found = []
    for match in LEVEL_PATTERN.finditer(text):
        if BEYOND.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        found.append(next(name for name, value in match.groupdict().items() if value))
    if not found:
        return ""
    return min(found, key=EducationLevel.rank)


def split_list(text):
    parts = re.split(r";\s*or\s+|;\s+|,\s*(?:or|and)\s+|,\s+|\s+or\s+", text)
    return [p.strip(" ,;.") for p in parts if p.strip(" ,;.")]


def experience_years(text):
    """(years, doubt): the total years of experience the text requires, and why it is doubtful, if it is."""
    if NO_EXPERIENCE.search(text):
        return Decimal(0), ""
    for match in YEARS_OF_EXPERIENCE.finditer(text):
        if " which " in match["between"] or SUBSTITUTES.search(match["between"]):
            continue
        before = text[max(0, match.start() - 20) : match.start()]
        if re.search(r"\b(?:including|includ\w*|of which)\s+(?:at least\s+)?$", before, re.IGNORECASE):
            continue  # the supervisory or specialised part of a total printed before it
        doubt = "read as that figure: the text asks for at least it" if AT_LEAST.search(before) else ""
        return to_years(match), doubt
    found = YEARS_AS.search(text)
    if found and not re.search(r"\bstatus\b", text, re.IGNORECASE):  # years of status in a title are time in title
        return to_years(found), ""
    return None, ""


def experience_kinds(text, years_match_text, earlier):
    found = re.search(
        r"experience\s+(?:in|as(?!\s+defined)|performing|doing)\s+(?P<kinds>.+?)(?=;\s*OR\b|\.\s|\.$|;$|,\s+\w+\s+\(?\d|$)",
        years_match_text,
    )
    if found:
        return "\n".join(split_list(found["kinds"]))
    experience = YEARS_OF_EXPERIENCE.search(text)
    involving = INVOLVING.match(text, experience.end() - len("experience")) if experience else None
    if involving and experience.group(0).lower().endswith("experience"):
        doing = [word for word in experience["between"].split() if word.lower() not in GENERIC_EXPERIENCE]
        return " ".join([*doing, involving["phrase"]])
    if re.search(r"as defined (?:in \S+ )?above", text) and earlier:
        return next((path.experience_kinds for path in reversed(earlier) if path.experience_kinds), "")
    return ""


def supervisory_years(text, total):
    for pattern in SUPERVISORY:
        found = pattern.search(text)
        if found:
            years = to_years(found)
            if total is None or years <= total:
                return years
    if total and HALF_SUPERVISORY.search(text):
        return total / 2
    return None


def credit_units(text):
    """(semester units, quarter units, total units, subjects) the text requires; the total where it states one beside
    units in named subjects ("60 semester units, including 12 in accounting")."""
    matches = list(CREDITS.finditer(text))
    if not matches:
        return None, None, None, ""
    total = None
    required = matches[0]
    if len(matches) > 1 and TOTAL_THEN_PART.match(text, matches[0].end()):
        total, required = _units(matches[0], text)[0], matches[1]
    units, subjects = _units(required, text)
    return (
        units.get("semester"),
        units.get("quarter"),
        total and (total.get("semester") or total.get("quarter")),
        subjects,
    )


TOTAL_THEN_PART = re.compile(r",?\s+(?:including|of which|with at least|with a minimum of)\b", re.IGNORECASE)
SUBJECTS = re.compile(
    r"\s+(?:of\s+(?:college\s+)?(?:course\s*work\s+|courses?\s+)?)?in\s+(?P<subjects>.+?)"
    r"(?=\s+and\s+(?:\w+\s+)?\(?(?:\d|one|two|three|four|five|six)\b|;|\.\s|\.$|,\s+(?:and|or)\s+\w+\s+(?:years?|months?)|$)",
    re.IGNORECASE,
)


def _units(match, text):
    units = {(match["system"] or "semester").lower(): int(match["hours"])}
    if match["other"]:
        units[match["other_system"].lower()] = int(match["other"])
    named = SUBJECTS.match(text, match.end())
    return units, named["subjects"].strip(" ,") if named else ""


def licenses(text):
    """The licences, registrations and certificates the text requires, and when they are needed."""
    found = []
    for sentence in SENTENCE.split(text):
        if not LICENSE_WORDS.search(sentence) or SUBSTITUTES.search(sentence):
            continue
        for match in LICENSE.finditer(sentence):
            what = match["what"].strip(" ,;.")
            if len(what.split()) >= 2 and what not in found and not NOT_A_LICENSE.search(what):
                found.append(what)
        if re.search(r"admission to practice law", sentence, re.I) and not found:
            found.append(re.search(r"admission to practice law[^.;,]*", sentence, re.I).group(0))
    needed_by, within = "", None
    for name, pattern in NEEDED_BY:
        match = pattern.search(text) if found else None
        if match:
            needed_by = name
            if name == "within_period":
                within = int(to_years(match) * 12)
            break
    return found, needed_by, within


def service(text):
    """Whose service the experience must be in, where the path's requirement names it ("with the City of …")."""
    for sentence in SENTENCE.split(text):
        found = SERVICE.search(sentence)
        if found and re.search(r"experience|employ|status|service|work", sentence, re.I):
            if re.match(r"\(?experience in .{0,40}applied toward", sentence, re.I):
                continue
            return found["service"]
    return ""


def excluded_experience(text):
    """The kinds of work a sentence says do not count: "Retail cashiering does not qualify as … experience"."""
    found = []
    for match in EXCLUDED.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in ".;(:") + 1
        what = text[start : match.start()].strip(" ,")
        end = text.find(".", match.end())
        sentence = text[start : end if end != -1 else len(text)]
        if what and len(what) <= 160 and re.search(r"experience|work", sentence, re.IGNORECASE):
            found.append(what)
    return found
