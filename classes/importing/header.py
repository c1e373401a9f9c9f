"""Header facts printed as "Key: value": title, code, jurisdictional class, division, dates, FLSA, grade, unit."""

import datetime
import re

FACT_KEYS = [
    ("title", r"(?:civil service |class |job |position )?title"),
    ("code", r"(?:class|job|position) (?:code|number|no\.?)|code"),
    ("jurisdictional_class", r"jurisdictional class(?:ification)?|classification|civil service status"),
    ("department", r"civil division|department|dept\.?|division|agency"),
    ("flsa_status", r"flsa(?: status| code| designation)?"),
    ("salary_grade", r"salary (?:grade|range)|pay (?:grade|range)|grade|salary"),
    ("bargaining_unit", r"bargaining unit|union|representation unit|unit"),
    ("adopted", r"adopt(?:ion|ed)(?: date)?"),
    ("approved", r"approved(?: date)?"),
    ("established", r"established(?: date)?"),
    ("established_by", r"established by"),
    ("revised", r"revis(?:ed|ion)s?(?: dates?)?"),
    # Facts a header prints that no field holds: read so that their lines are known for header facts (never taken
    # for a title), and reported.
    ("schematic_code", r"schem(?:atic)? code"),
    ("open_date", r"open(?:ing)? date|exam(?:ination)? open date"),
    ("title_changed", r"title changed"),
]
REPORTED_ONLY = {"schematic_code", "open_date", "title_changed"}
SALARY_RANGE = re.compile(r"^\$\s?[\d,]+(?:\.\d\d)?\s*(?:to|-|–|—)\s*\$\s?[\d,]+(?:\.\d\d)?(?:\s+\w+)?$")
# The facts a version holds as printed (or in its vocabulary).
STORED = ["title", "code", "jurisdictional_class", "flsa_status", "salary_grade", "bargaining_unit"]
FACT = re.compile(
    r"^(?P<key>" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in FACT_KEYS) + r")\s*[:#]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
NEXT_KEY = re.compile(r"\s+(?=(?:" + "|".join(pattern for _, pattern in FACT_KEYS) + r")\s*[:#])", re.IGNORECASE)
JURISDICTIONAL = {
    "competitive": "competitive",
    "non-competitive": "non_competitive",
    "noncompetitive": "non_competitive",
    "non competitive": "non_competitive",
    "exempt": "exempt",
    "labor": "labor",
    "unclassified": "unclassified",
}
MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
WORDED_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
REFERENCE = re.compile(r"([A-Z][A-Za-z.]{1,15})")


# "Series established July 23, 2002", "Revised 06/13/1973": a date fact printed without a colon.
DATED_FACT = re.compile(
    r"^(?:(?:series|class|specification)\s+)?(?P<key>established|adopted|approved|revised)\s+(?:on\s+)?"
    r"(?P<value>(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}).*)$",
    re.IGNORECASE,
)


def facts_in(text):
    """The (name, value) facts a line prints, in order: none for a line of other text."""
    if ":" not in text and "#" not in text:  # most lines: only a date fact needs no colon
        fact = DATED_FACT.match(text)
        return [(fact["key"].lower(), fact["value"].strip())] if fact else []
    return [fact for fact in map(read_fact, split_pairs(text)) if fact]


def split_pairs(text):
    """A header line may hold several "Key: value" pairs: "Class Code: 4521  FLSA: Non-Exempt"."""
    if " | " in text:  # a table's row: each cell on its own
        return [pair for cell in text.split(" | ") for pair in split_pairs(cell)]
    if text.count(":") + text.count("#") < 2:
        return [text.strip()] if text.strip() else []
    pairs, start = [], 0
    for found in NEXT_KEY.finditer(text):
        if ":" in text[start : found.start()]:
            pairs.append(text[start : found.start()].strip())
            start = found.end()
    pairs.append(text[start:].strip())
    return [pair for pair in pairs if pair]


def read_fact(text):
    """(fact name, value as printed) for a "Key: value" line, else None."""
    found = FACT.match(text)
    if not found:
        dated = DATED_FACT.match(text)
        return (dated["key"].lower(), dated["value"].strip()) if dated else None
    name = next(name for name, _ in FACT_KEYS if found[name])
    return name, found["value"].strip()


def parse_dates(text):
    """Every date in `text` with the reference printed before it ("CSM 11/19/77"), in order."""
    matches = sorted(
        [*NUMERIC_DATE.finditer(text), *WORDED_DATE.finditer(text), *ISO_DATE.finditer(text)], key=lambda m: m.start()
    )
    found, previous_end = [], 0
    for match in matches:
        day = _to_date(match)
        if day:
            before = text[previous_end : match.start()].strip(" ,;:")
            reference = REFERENCE.fullmatch(before)
            found.append((day, reference.group(1) if reference else ""))
        previous_end = match.end()
    return found


def _to_date(match):
    try:
        if match.re is NUMERIC_DATE:
            month, day, year = (int(g) for g in match.groups())
            if year < 100:
                year += 1900 if year >= 30 else 2000
            return datetime.date(year, month, day)
        if match.re is WORDED_DATE:
            month = MONTHS.get(match.group(1)[:3].lower())
            return datetime.date(int(match.group(3)), month, int(match.group(2))) if month else None
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def normalise(name, value):
    """The stored value of a fact, or "" where the printed value is outside the vocabulary."""
    lowered = value.lower().strip(" .")
    if name == "jurisdictional_class":
        return JURISDICTIONAL.get(lowered, "")
    if name == "flsa_status":
        lowered = lowered.replace(" ", "-")
        if lowered.startswith(("non-exempt", "nonexempt", "non-ex")):
            return "non_exempt"
        return "exempt" if lowered.startswith("exempt") else ""
    return value
