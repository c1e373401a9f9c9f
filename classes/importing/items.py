"""Lists inside a part: items split, KSA kind and level, competencies, special requirement kinds."""

import re

from classes.vocabulary import KSAKind, KSALevel, SpecialRequirementKind

ITEM_MARKER = re.compile(r"^(?:\(?[A-Za-z0-9]{1,3}[.)]\s+)")
KSA_WORDS = [
    (KSAKind.KNOWLEDGE, re.compile(r"\bknowledges?\b", re.IGNORECASE)),
    (KSAKind.SKILL, re.compile(r"\bskill(?:s|ed)?\b", re.IGNORECASE)),
    (KSAKind.ABILITY, re.compile(r"\babilit(?:y|ies)\b", re.IGNORECASE)),
]
LEVEL = re.compile(r"^(thorough|good|working|some)\b", re.IGNORECASE)
COMPETENCY = re.compile(r"^(?P<name>[A-Z][^–—:]{1,60}?)\s+[–—]\s+(?P<description>\S.*)$")
DUTIES_NOTE = re.compile(
    r"(?:any one position|the (?:above|following) (?:duties|examples)|not (?:all[- ]inclusive|include all)|illustrative only)",
    re.IGNORECASE,
)
REQUIREMENT_KINDS = [
    (SpecialRequirementKind.DRIVERS_LICENSE, r"driver'?s'? licen[cs]e|motor vehicle operator|operator'?s licen[cs]e"),
    (SpecialRequirementKind.BACKGROUND_CHECK, r"background (?:investigation|check)|fingerprint"),
    (SpecialRequirementKind.CERTIFICATION, r"certificat"),
    (SpecialRequirementKind.LICENSE, r"licen[cs]e"),
    (SpecialRequirementKind.MEDICAL, r"medical|physical (?:exam|fitness)|drug (?:test|screen)"),
    (SpecialRequirementKind.RESIDENCY, r"residen(?:cy|ce)|reside"),
]


def split_items(lines):
    """Items of a list part: one per line, or cut at "; " where a whole list is printed as one paragraph."""
    texts = [line.text for line in lines]
    if len(texts) == 1 and texts[0].count("; ") >= 2:
        pieces = re.split(r"(?<=;)\s+", texts[0])
        return [(lines[0], piece) for piece in pieces if piece]
    return [(line, ITEM_MARKER.sub("", line.text)) for line in lines]


def ksa_kind_and_level(text):
    first = None
    for kind, pattern in KSA_WORDS:
        found = pattern.search(text)
        if found and (first is None or found.start() < first[1]):
            first = (kind, found.start())
    kind = first[0] if first else KSAKind.PERSONAL_CHARACTERISTIC
    level = LEVEL.match(text)
    return kind.value, KSALevel(level.group(1).lower()).value if level else ""


def competency(text):
    found = COMPETENCY.match(text)
    return (found["name"].strip(), found["description"].strip()) if found else None


def requirement_kind(text):
    for kind, pattern in REQUIREMENT_KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind.value
    return SpecialRequirementKind.OTHER.value
