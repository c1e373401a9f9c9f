"""Lists inside a part: items in any form, KSA kinds, levels and groups, competencies, special requirement kinds.

A list is printed one item per line (after bullets, numbers or letters, or none), or run together in a paragraph
with semicolons. KSAs may come in groups introduced by "Knowledge of:", "Skill in:" or "Ability to:", each item
of which is a KSA of that kind; the lead-in stays on the first item, word for word.
"""

import re

from classes.vocabulary import KSAKind, KSALevel, SpecialRequirementKind

from .blocks import ITEM
from .result import Item

KSA_WORDS = [
    (KSAKind.KNOWLEDGE, re.compile(r"\bknowledges?\b", re.IGNORECASE)),
    (KSAKind.SKILL, re.compile(r"\bskill(?:s|ed)?\b", re.IGNORECASE)),
    (KSAKind.ABILITY, re.compile(r"\babilit(?:y|ies)\b", re.IGNORECASE)),
]
GROUP_LEAD_IN = re.compile(
    r"^(?P<lead>(?:(?:thorough|good|working|some|general)\s+)?"
    r"(?P<kind>knowledges?|skills?|abilit(?:y|ies))(?:\s+(?:of|in|to|with))?\s*:)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
LEVEL = re.compile(r"^(thorough|good|working|some)\b", re.IGNORECASE)
COMPETENCY = re.compile(r"^(?P<name>[A-Z][^–—:]{1,60}?)\s+[–—]\s+(?P<description>\S.*)$")
DUTIES_NOTE = re.compile(
    r"(?:any one position|the (?:above|following) (?:duties|examples)|not (?:all[- ]inclusive|include all)|illustrative only)",
    re.IGNORECASE,
)
REQUIREMENT_KINDS = [
    (SpecialRequirementKind.DRIVERS_LICENSE, r"driver'?s?'? licen[cs]e|motor vehicle operator|operator'?s licen[cs]e"),
    (SpecialRequirementKind.BACKGROUND_CHECK, r"background (?:investigation|check)|fingerprint"),
    (SpecialRequirementKind.CERTIFICATION, r"certificat"),
    (SpecialRequirementKind.LICENSE, r"licen[cs]e"),
    (SpecialRequirementKind.MEDICAL, r"medical|physical (?:exam|fitness)|drug (?:test|screen)"),
    (SpecialRequirementKind.RESIDENCY, r"residen(?:cy|ce)|reside"),
]
RUN_TOGETHER = re.compile(r"(?<=;)\s+")


def split_items(blocks):
    """(block, label, text) for each item of a list part: a block per item, or a paragraph cut at "; " where a
    list is printed run together."""
    texts = [block for block in blocks if block.text]
    if len(texts) == 1 and texts[0].kind != ITEM and texts[0].text.count("; ") >= 2:
        block = texts[0]
        return [(block, "", piece) for piece in RUN_TOGETHER.split(block.text) if piece]
    found = []
    for block in texts:
        if block.kind == ITEM:
            found.append((block, block.label, block.body or block.text))
        else:
            found.append((block, "", block.text))
    return found


def ksa_items(blocks):
    """The KSAs of a part: each item with its kind and level; the items of a group take the group's kind."""
    found, group_kind, lead_alone, block = [], None, "", None
    for block, label, text in split_items(blocks):
        lead = GROUP_LEAD_IN.match(text)
        if lead:
            group_kind = _kind_of(lead["kind"])
            pieces = [piece for piece in RUN_TOGETHER.split(lead["rest"]) if piece]
            if not pieces:  # the lead-in alone on its line: it is printed before the group's first item
                lead_alone = text
                continue
            found.append(_ksa(f"{lead['lead']} {pieces[0]}", label, block, group_kind))
            found.extend(_ksa(piece, "", block, group_kind) for piece in pieces[1:])
            continue
        if lead_alone:
            text, lead_alone = f"{lead_alone} {text}", ""
        found.append(_ksa(text, label, block, group_kind if block.kind == ITEM else None))
    if lead_alone:
        found.append(_ksa(lead_alone, "", block, group_kind))
    return found


def _kind_of(word):
    word = word.lower()
    if word.startswith("knowledge"):
        return KSAKind.KNOWLEDGE
    return KSAKind.SKILL if word.startswith("skill") else KSAKind.ABILITY


def _ksa(text, label, block, kind):
    level = LEVEL.match(text)
    return Item(
        text=text,
        label=label,
        kind=(kind or _ksa_kind(text)).value,
        level=KSALevel(level.group(1).lower()).value if level else "",
        line=block.line,
    )


def _ksa_kind(text):
    first = None
    for kind, pattern in KSA_WORDS:
        found = pattern.search(text)
        if found and (first is None or found.start() < first[1]):
            first = (kind, found.start())
    return first[0] if first else KSAKind.PERSONAL_CHARACTERISTIC


def competency(text):
    found = COMPETENCY.match(text)
    return (found["name"].strip(), found["description"].strip()) if found else None


def requirement_kind(text):
    for kind, pattern in REQUIREMENT_KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind.value
    return SpecialRequirementKind.OTHER.value
