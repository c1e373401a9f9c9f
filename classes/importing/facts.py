"""The facts a qualification path's wording states: education, credit units, years and kinds of work, and (from
licences.py and promotion.py) licences, service and standing.

Each reader takes the path's text, flattened to one line, and returns what it states; what it does not state stays
empty. The readers are pure functions of the text, kept in a cache: a series repeats the same wording for its levels. A rule printed as a substitution ("… may be substituted …") is read apart (see substitutions.py), and its
words are not read as the path's own requirement.
"""

import itertools
import re
from decimal import Decimal
from functools import lru_cache

from classes.vocabulary import EducationLevel

from .licences import licenses
from .numbers import NUMBER, durations
from .promotion import promotion_facts
from .wording import SUBSTITUTES, mentions, split_list

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
        r"|\babet\b|accreditation board for engineering",
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

# Read after a length of time ("Two years …"): what makes it years of experience, or of supervision within them.
OF_EXPERIENCE = re.compile(
    r"[)\],]*(?P<between>(?:\s+[\w'/,()-]+){0,16}?)\s+(?:experience|work|service|employment)\b", re.I
)
# Words between a length of time and "experience" that make it the length of something else.
NOT_OF_EXPERIENCE = re.compile(
    r"\bwhich\b|\byears?\b|\bmonths?\b|college|course|semester|quarter|units?\b|degree|school", re.I
)
AS_TITLE = re.compile(r"\s+(?:of\s+(?:[\w-]+\s+){0,4}?)?(?:as|in the class of)\s+(?:an?\s+)?[A-Z]", re.IGNORECASE)
EXPERIENCE_LABEL = re.compile(r"\bExperience:\s*(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)  # "Experience: Two years of …"
FULL_TIME_OR = re.compile(r"\s+of\s+full[- ]time\s+or\s+", re.IGNORECASE)
PART_OF_A_TOTAL = re.compile(r"\b(?:including|includ\w*|of which)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
NO_EXPERIENCE = re.compile(r"\bno (?:prior |previous )?experience (?:is )?(?:required|necessary)", re.IGNORECASE)
AT_LEAST = re.compile(r"(?:at least|more than|over|a minimum of)\s+$", re.IGNORECASE)
SUPERVISORY_AFTER = [
    re.compile(r"\s+of\s+which\s+(?:must|shall)\s+have\s+(?:been|included)\s+(?:[\w-]+\s+){0,6}?supervis", re.I),
    re.compile(r"\s+of\s+(?:[\w-]+\s+){0,3}?supervisory", re.I),
    re.compile(r"\s+of\s+which\s+(?:[\w-]+\s+){0,8}?supervis", re.I),
]
SUPERVISORY_INCLUDED = re.compile(r"\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?supervis", re.I)  # after "including"
INCLUDING = re.compile(r"including\s+(?:at\s+least\s+)?$", re.I)
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

UNITS = r"(?:credit\s+)?(?:hours|units)"
CREDITS = re.compile(
    rf"(?P<hours>\d+)\s+(?P<system>semester|quarter)?\s*(?:{UNITS}\s+)?"
    rf"(?:or\s+(?P<other>\d+)\s+(?P<other_system>semester|quarter)\s+{UNITS}|(?<=\s){UNITS}|(?<=\d\s){UNITS})",
    re.IGNORECASE,
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


@lru_cache(maxsize=4096)
def education_level(text):
    """The lowest education level the text requires (a level named after "beyond" is no requirement)."""
    if not mentions(text, EDUCATION_HINTS):
        return ""
    found = []
    for match in _levels_named(text):
        if BEYOND.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        found.append(next(name for name, value in match.groupdict().items() if value))
    if not found:
        return ""
    return min(found, key=EducationLevel.rank)


# The first words of LEVELS' phrases: the level patterns are tried where these start a word, not at every letter.
# Searched in lower case with no flags, so that the search skips to the letters the words begin with.
LEVEL_WORDS = re.compile(
    r"(?:doctor|ph|d\.?\s?v|juris|master|m\.?\s?s|graduat|mba|bachelor|baccalaureate|four|completion|equivalent"
    r"|college|university|degree|abet|accreditation|associate|two|a\.?a|high|g\.?e\.?d|twelfth|12th|secondary)"
)


def _levels_named(text):
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    position = 0
    for start in LEVEL_WORDS.finditer(lowered):
        if start.start() < position or (start.start() and lowered[start.start() - 1].isalnum()):
            continue
        match = LEVEL_PATTERN.match(text, start.start())
        if match:
            position = match.end()
            yield match


EDUCATION_HINTS = (
    "degree", "graduat", "college", "school", "bachelor", "baccalaureate", "master", "doctor", "ph.", "phd", "ph d",
    "d.v", "dvm", "juris", "mba", "associate", "a.a", "universit", "ged", "g.e.d", "grade", "diploma", "abet",
    "accreditation", "secondary", "four-year", "four year",
)  # fmt: skip


@lru_cache(maxsize=4096)
def experience_years(text):
    """(years, doubt): the total years of experience the text requires, and why it is doubtful, if it is."""
    if NO_EXPERIENCE.search(text):
        return Decimal(0), ""
    found = durations(text)
    for duration, following in itertools.pairwise([*found, None]):
        end = duration.end
        if following and FULL_TIME_OR.fullmatch(text, duration.end, following.start):
            end = following.end  # "one year of full-time or two years of part-time … experience": the full-time figure
        of = OF_EXPERIENCE.match(text, end)
        if not of or NOT_OF_EXPERIENCE.search(of["between"]) or SUBSTITUTES.search(of["between"]):
            continue
        before = text[max(0, duration.start - 20) : duration.start]
        if PART_OF_A_TOTAL.search(before):
            continue  # the supervisory or specialised part of a total printed before it
        return duration.years, "read as that figure: the text asks for at least it" if AT_LEAST.search(before) else ""
    for duration in found:
        if EXPERIENCE_LABEL.search(text, max(0, duration.start - 60), duration.start) and text.startswith(
            " of", duration.end
        ):
            return duration.years, ""
    if not re.search(r"\bstatus\b", text, re.IGNORECASE):  # years of status in a title are time in title
        for duration in found:
            if AS_TITLE.match(text, duration.end):
                return duration.years, ""
    return None, ""


EXPERIENCE_IN = re.compile(
    r"experience\s+(?:in|as(?!\s+defined)|performing|doing)\s+(?P<kinds>.+?)(?=;\s*OR\b|\.\s|\.$|;$|,\s+\w+\s+\(?\d|$)"
)


def experience_kinds(text):
    """The kinds of work the experience is of: "… experience in A, B or C" (one per line), or "… auditing experience
    primarily involving X" (one)."""
    found = EXPERIENCE_IN.search(text)
    if found:
        return "\n".join(split_list(found["kinds"]))
    for duration in durations(text):
        experience = OF_EXPERIENCE.match(text, duration.end)
        if experience:
            involving = INVOLVING.match(text, experience.end() - len("experience"))
            if involving and experience.group(0).lower().endswith("experience"):
                doing = [word for word in experience["between"].split() if word.lower() not in GENERIC_EXPERIENCE]
                return " ".join([*doing, involving["phrase"]])
            break
    return ""


@lru_cache(maxsize=4096)
def supervisory_years(text, total):
    for duration in durations(text):
        before = text[max(0, duration.start - 30) : duration.start]
        supervisory = any(pattern.match(text, duration.end) for pattern in SUPERVISORY_AFTER) or (
            INCLUDING.search(before) and SUPERVISORY_INCLUDED.match(text, duration.end)
        )
        if supervisory and (total is None or duration.years <= total):
            return duration.years
    if total and HALF_SUPERVISORY.search(text):
        return total / 2
    return None


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=4096)
def excluded_experience(text):
    """The kinds of work a sentence says do not count: "Retail cashiering does not qualify as … experience"."""
    if " not " not in text:
        return ()
    found = []
    for match in EXCLUDED.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in ".;(:") + 1
        what = text[start : match.start()].strip(" ,")
        end = text.find(".", match.end())
        sentence = text[start : end if end != -1 else len(text)]
        if what and len(what) <= 160 and re.search(r"experience|work", sentence, re.IGNORECASE):
            found.append(what)
    return tuple(found)


EQUIVALENT_COMBINATION = re.compile(r"equivalent combination|any combination of (?:education|training)", re.IGNORECASE)
FIELDS = re.compile(
    r"(?:degree|major(?:\s+work)?|majoring|specialization|concentration)\s+in\s+(?P<fields>.+?)"
    r"(?=,?\s+and\s+(?:\w+\s+){0,2}\(?\d|,?\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\s+which\b|;|\.\s|\.$|$)",
    re.IGNORECASE,
)
# "from a regionally accredited college", "an accredited four-year college or university", "ABET-accredited program".
ACCREDITED = re.compile(
    r"\baccredited\s+(?:[\w'./-]+\s+){0,10}?(?:colleges?|universit(?:y|ies)|schools?|institutions?|programs?)\b"
    r"|\b(?:colleges?|universit(?:y|ies)|schools?|institutions?|programs?)\s+(?:[\w'./-]+\s+){0,4}?accredited\b",
    re.IGNORECASE,
)
PAID = re.compile(r"\bpaid\b", re.IGNORECASE)
FULL_TIME = re.compile(r"full[- ]time", re.IGNORECASE)
AS_DEFINED_ABOVE = re.compile(r"as defined (?:in \S+|above)")


@lru_cache(maxsize=4096)
def path_facts(requirement, preamble, notes, promotional):
    """(facts, doubt): the facts a path's requirement states, by field name, with those of the preamble every
    alternative shares and the notes printed among the qualifications; `promotional`: the path is printed under a
    promotional heading. `doubt`: why its years are doubtful, if they are."""
    if EQUIVALENT_COMBINATION.search(requirement):
        return {"is_equivalent_combination": True}, ""
    own_level = education_level(requirement)
    found = {"education_level": own_level or education_level(preamble)}
    # The school the education must come from is named where the education is: the path's own words, or the
    # preamble's where the path states no education of its own.
    if ACCREDITED.search(requirement) or (not own_level and found["education_level"] and ACCREDITED.search(preamble)):
        found["accredited_education"] = True
    fields = (
        FIELDS.search(requirement) if mentions(requirement, ("degree", "major", "specializ", "graduation")) else None
    )
    if fields:
        found["education_fields"] = "\n".join(split_list(fields["fields"]))
    semester, quarter, total, subjects = credit_units(requirement)
    found.update(credit_hours=semester, quarter_units=quarter, total_credit_hours=total, credit_hour_subjects=subjects)
    timed = mentions(requirement, ("year", "month", "no experience", "no prior experience", "no previous experience"))
    years, doubt = experience_years(requirement) if timed else (None, "")
    found["experience_years"] = years
    if years:
        found["experience_kinds"] = experience_kinds(requirement)
        if "upervis" in requirement:
            found["supervisory_years"] = supervisory_years(requirement, years)
    if PAID.search(requirement):
        found["paid_experience"] = True
    if PART_TIME.search(requirement):
        found["part_time_accepted"] = True
    hours = HOURS_PER_WEEK.search(requirement)
    if hours and FULL_TIME.search(requirement):
        found["full_time_hours_per_week"] = int(hours["hours"])
    if COMPLETE_YEARS.search(requirement + " " + notes):
        found["complete_years_only"] = True
    own, needed_by, within = licenses(requirement)
    shared, shared_needed_by, shared_within = licenses(preamble)
    found["licenses"] = "\n".join([*shared, *[item for item in own if item not in shared]])
    found["license_needed_by"] = needed_by or shared_needed_by
    found["license_within_months"] = within or shared_within
    found["excluded_experience"] = "\n".join(excluded_experience(requirement + " " + notes))
    found.update(promotion_facts(requirement, promotional))
    return found, doubt
