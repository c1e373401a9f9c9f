"""Rules beside the paths: substitutions (what stands in for what, at what rate, up to what) and footnote definitions."""

import re
from decimal import Decimal

from classes.vocabulary import EducationLevel, SubstitutionKind

from . import facts
from .numbers import DURATION, to_years
from .result import Definition, Substitution

DEFINITION_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z /'&-]{2,60}:)\s*(?P<text>.+)$")
DEFINED_TERM = re.compile(
    r"^(?P<term>.{3,80}?)\s+(?:is|are)\s+(?:defined as|considered)|^(?P<term2>.{3,80}?)\s+(?:means|refers to)\b"
)
EDUCATION = r"education|college|degree|graduate|training|course|units|schooling|academic"
CERTIFICATE = r"licen[cs]e|certificat|registration|credential"
RATE = re.compile(
    DURATION + r"\s+(?:of\s+(?:\w+\s+){0,3}?experience\s+)?(?:for|per)\s+(?:each|every|one)\s+(?:full\s+)?year", re.I
)
CAP = re.compile(
    r"(?:up to|maximum of|not (?:to )?exceed(?:ing)?|no more than|at most)\s+(?:a\s+(?:total\s+of\s+)?)?"
    r"(?:maximum\s+of\s+)?" + DURATION,
    re.IGNORECASE,
)
FLOOR = [
    re.compile(DURATION + r"\s+of\s+(?:\w+\s+){0,3}experience\s+(?:is|are|must be)\s+required", re.IGNORECASE),
    re.compile(r"(?:at least|minimum of)\s+" + DURATION + r"\s+of\s+(?:\w+\s+){0,3}experience", re.IGNORECASE),
]


def substitution(label, text, *, path=None):
    """A substitution rule as printed, with what it substitutes for what and its rate, cap and floor."""
    line = facts.flat(text)
    rule = Substitution(text=text, kind=SubstitutionKind.OTHER.value, label=label, path=path)
    where = facts.SUBSTITUTES.search(line)
    before, after = (line[: where.start()], line[where.end() :]) if where else (line, "")
    stands_in = "education" if re.search(EDUCATION, before, re.I) else ""
    stands_in = stands_in or ("certification" if re.search(CERTIFICATE, before, re.I) else "")
    stands_in = stands_in or ("experience" if re.search(r"experience", before, re.I) else "")
    named = re.search(rf"(?P<experience>experience)|(?P<education>{EDUCATION})", after, re.IGNORECASE)
    replaced = named.lastgroup if named else ""
    kind = f"{stands_in}_for_{replaced}"
    if kind in SubstitutionKind.values:
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
    elif rate := RATE.search(line):
        rule.years_per_year = to_years(rate)
    cap = CAP.search(line)
    if cap:
        rule.cap_years = to_years(cap)
    for pattern in FLOOR:
        floor = pattern.search(line)
        if floor:
            rule.floor_years = to_years(floor)
            break
    semester, quarter, _, _ = facts.credit_units(line)
    rule.credit_hours, rule.quarter_units = semester, quarter
    return rule


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
