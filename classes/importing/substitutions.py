"""Rules beside the paths: substitutions (what stands in for what, at what rate, up to what) and footnote definitions."""

import re
from decimal import Decimal
from functools import lru_cache

from classes.vocabulary import EducationLevel, SubstitutionKind

from . import facts, wording
from .numbers import durations
from .result import Definition, Substitution

DEFINITION_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z /'&-]{2,60}:)\s*(?P<text>.+)$")
DEFINED_TERM = re.compile(
    r"^(?P<term>.{3,80}?)\s+(?:is|are)\s+(?:defined as|considered)|^(?P<term2>.{3,80}?)\s+(?:means|refers to)\b"
)
EDUCATION = r"education|college|degree|graduat|training|course|units|schooling|academic|grade\b|diploma"
CERTIFICATE = r"licen[cs]e|certificat|registration|credential"
# Read around a length of time: "six months of experience for each year", "up to two years", "One year of
# experience is required".
RATE_AFTER = re.compile(
    r"\s+(?:of\s+(?:\w+\s+){0,3}?experience\s+)?(?:for|per)\s+(?:each|every|one)\s+(?:full\s+)?year", re.I
)
CAP_BEFORE = re.compile(
    r"(?:up to|maximum of|not (?:to )?exceed(?:ing)?|no more than|at most)\s+(?:a\s+(?:total\s+of\s+)?)?(?:maximum\s+of\s+)?$",
    re.IGNORECASE,
)
FLOOR_AFTER = re.compile(r"\s+of\s+(?:\w+\s+){0,3}experience\s+(?:is|are|must be)\s+required", re.IGNORECASE)
FLOOR_BEFORE = re.compile(r"(?:at least|minimum of)\s+$", re.IGNORECASE)
OF_EXPERIENCE = re.compile(r"\s+of\s+(?:\w+\s+){0,3}experience", re.IGNORECASE)


KINDS = set(SubstitutionKind.values)


def substitution(label, text, *, path=None):
    """A substitution rule as printed, with what it substitutes for what and its rate, cap and floor."""
    return Substitution(label=label, text=text, path=path, **_rule_facts(text))


@lru_cache(maxsize=2048)
def _rule_facts(text):
    line = wording.flat(text)
    rule = Substitution(kind=SubstitutionKind.OTHER.value)
    where = wording.SUBSTITUTES.search(line)
    before, after = (line[: where.start()], line[where.end() :]) if where else (line, "")
    stands_in = "education" if re.search(EDUCATION, before, re.I) else ""
    stands_in = stands_in or ("certification" if re.search(CERTIFICATE, before, re.I) else "")
    stands_in = stands_in or ("experience" if re.search(r"experience", before, re.I) else "")
    named = re.search(rf"(?P<experience>experience)|(?P<education>{EDUCATION})", after, re.IGNORECASE)
    replaced = named.lastgroup if named else ""
    kind = f"{stands_in}_for_{replaced}"
    if kind in KINDS:
        rule.kind = kind
    beyond = re.search(r"beyond\s+(?:an?\s+|the\s+)?(?P<level>[\w']+)", line, re.IGNORECASE)
    if beyond:
        rule.education_beyond = facts.education_level(beyond["level"] + " degree")
    elif re.search(r"\bgraduate(?:[- ]level)?\s+(?:education|study|coursework|work|degree)", line, re.IGNORECASE):
        rule.education_beyond = EducationLevel.BACHELOR.value
    if re.search(
        r"(?:fields?|areas?)\s+(?:noted|listed|named|described)\s+above|(?:in|of)\s+the\s+fields", line, re.IGNORECASE
    ):
        rule.in_path_fields = True
    if re.search(r"year[- ]for[- ]year|year[- ]by[- ]year", line, re.IGNORECASE):
        rule.years_per_year = Decimal(1)
    for duration in durations(line):
        before = line[max(0, duration.start - 40) : duration.start]
        if rule.years_per_year is None and RATE_AFTER.match(line, duration.end):
            rule.years_per_year = duration.years
        if rule.cap_years is None and CAP_BEFORE.search(before):
            rule.cap_years = duration.years
        floor = FLOOR_AFTER.match(line, duration.end) or (
            FLOOR_BEFORE.search(before) and OF_EXPERIENCE.match(line, duration.end)
        )
        if rule.floor_years is None and floor:
            rule.floor_years = duration.years
    semester, quarter, _, _ = facts.credit_units(line)
    rule.credit_hours, rule.quarter_units = semester, quarter
    if where and rule.kind == SubstitutionKind.EDUCATION_FOR_EXPERIENCE:
        _units_for_experience(rule, line, where.end())
    return {name: value for name, value in vars(rule).items() if name not in {"label", "text", "path", "line"}}


# After the units of a rule: where the school is named, and the rule's verb, which end the subjects they are in.
SUBJECTS_END = re.compile(r"\s+(?:at|from|with|through|may|will|can|shall|must|is|are)\b.*$", re.IGNORECASE)
PART_OF_EDUCATION = re.compile(r"\bof which\b|\bincluding\b", re.IGNORECASE)
UNITS_FOR_EACH_YEAR = re.compile(r"\bfor\s+(?:each|every)\s+(?:full\s+)?year\b", re.IGNORECASE)
UNITS_FOR = re.compile(
    r"\bfor\s+(?:a\s+maximum\s+of\s+|up\s+to\s+|a\s+total\s+of\s+|no\s+more\s+than\s+|not\s+more\s+than\s+)?$",
    re.IGNORECASE,
)


def _units_for_experience(rule, line, verb_end):
    """Units of education standing in for experience (“Completion of 12 semester or 18 quarter units in accounting
    may be substituted for six months of the experience”): the subjects they must be in, and the experience they
    replace, “for each year” being a year for each time the units are completed."""
    semester, quarter, _, subjects = facts.credit_units(line[:verb_end])
    if (semester is None and quarter is None) or PART_OF_EDUCATION.search(line, 0, verb_end):
        return  # no units; or units inside the education that substitutes (“of which 12 units must be in …”)
    rule.credit_hours, rule.quarter_units = semester, quarter
    rule.credit_hour_subjects = SUBJECTS_END.sub("", subjects).strip(" ,")
    if UNITS_FOR_EACH_YEAR.search(line, verb_end):
        rule.years_for_units = Decimal(1)
        return
    for duration in durations(line):
        if duration.start >= verb_end and UNITS_FOR.search(line, max(verb_end, duration.start - 40), duration.start):
            rule.years_for_units = duration.years
            return


def definition(marker, body):
    labelled = DEFINITION_LABEL.match(body)
    if labelled:
        label = labelled["label"]
        return Definition(
            term=label.rstrip(":").strip().capitalize(), text=labelled["text"], marker=marker, label=label
        )
    termed = DEFINED_TERM.match(body)
    term = (termed["term"] or termed["term2"]).strip() if termed else ""
    return Definition(term=term, text=body, marker=marker)
