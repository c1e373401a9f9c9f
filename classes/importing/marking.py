"""The source's lines, each marked with what it was read as: the part it went into (title, class code, a header fact,
duties, a qualification path…), an other section kept under its own heading, or nothing stored, with why; and the
doubts and warnings the reading reported on it. What an analyst reads beside the parsed result before saving."""

import re
from dataclasses import dataclass, field

from . import header

PARTS = {
    "header": "header",
    "general_statement": "general statement",
    "distinguishing_features": "distinguishing features",
    "duties": "duties",
    "ksas": "knowledges, skills and abilities",
    "competencies": "competencies",
    "qualifications": "minimum qualifications",
    "open_competitive": "open-competitive qualifications",
    "promotional": "promotional qualifications",
    "special_requirements": "special requirement",
    "levels": "series levels",
    "other": "other section",
}
# The pieces of the qualifications with lines of their own, marked from the line each starts on.
QUALIFICATION_ITEMS = [
    ("paths", "qualification path"),
    ("substitutions", "substitution"),
    ("definitions", "definition"),
]
HEADING_CHARACTERS = 60


@dataclass
class MarkedLine:
    number: int
    text: str
    kind: str = ""  # the part's name (a CSS class): header, duties, other, unstored…
    said: str = ""  # what the line was read as, in words
    starts: bool = False  # the first line read as `said`
    notes: list[str] = field(default_factory=list)  # doubts and warnings about this line


def marked_lines(document):
    """Every line of `document` (a ParsedDocument), line 1 first, marked with what it was read as."""
    lines = [MarkedLine(number, text) for number, text in enumerate(document.lines, 1)]

    def mark(first, last, kind, said):
        for line in lines[max(first, 1) - 1 : last]:
            line.kind, line.said = kind, said

    for part in document.parts:
        said = PARTS.get(part.part, part.part.replace("_", " "))
        if part.part == "other":
            said = f"{said}: “{_short(part.heading)}”"
        elif part.level:
            said = f"{said} ({part.level})"
        mark(part.line, part.last_line, part.part, said)
        if part.part == "header":
            _mark_header(lines[part.line - 1 : part.last_line], document)
        elif part.part in {"qualifications", "open_competitive", "promotional"}:
            _mark_qualifications(lines, part, document)
    for number, why in document.unstored.items():
        if 0 < number <= len(lines):
            lines[number - 1].kind, lines[number - 1].said = "unstored", f"not stored: {why}"
    for doubt in document.doubts:
        if doubt.line and 0 < doubt.line <= len(lines):
            lines[doubt.line - 1].notes.append(
                f"doubt: {doubt.fact.replace('_', ' ')} read as “{doubt.assumed}”, {doubt.why}"
            )
    for warning in document.warnings:
        if warning.line and 0 < warning.line <= len(lines):
            lines[warning.line - 1].notes.append(f"warning: {warning.message}")
    previous = None
    for line in lines:
        line.starts = bool(line.said) and line.said != previous
        previous = line.said if line.text.strip() else previous  # a blank line does not end a run
    return lines


def _mark_header(lines, document):
    title_line = document.facts.get("title_line")
    codes = {spec.code for spec in document.specs if spec.code}
    for line in lines:
        facts = [name for name, _ in header.facts_in(line.text.strip())] if line.text.strip() else []
        if line.number == title_line:
            has_code = any(re.search(rf"\b{re.escape(code)}\b", line.text) for code in codes)
            line.kind, line.said = "title", "title and class code" if has_code else "title"
        elif facts:
            line.kind, line.said = "fact", "header: " + ", ".join(_fact_name(name) for name in facts)


def _fact_name(name):
    return {"code": "class code", "department": "department"}.get(name, name.replace("_", " "))


def _mark_qualifications(lines, part, document):
    """From the line each path, substitution or definition starts on to the next one's, inside the part's lines."""
    starts = {}
    for spec in document.specs:
        for items, said in QUALIFICATION_ITEMS:
            for item in getattr(spec, items):
                if part.line <= item.line <= part.last_line:
                    label = getattr(item, "label", "")
                    starts.setdefault(item.line, f"{said} {label}".strip())
    ordered = sorted(starts)
    for index, first in enumerate(ordered):
        last = ordered[index + 1] - 1 if index + 1 < len(ordered) else part.last_line
        for line in lines[first - 1 : last]:
            line.kind, line.said = "qualification", starts[first]


def _short(text):
    return text if len(text) <= HEADING_CHARACTERS else text[: HEADING_CHARACTERS - 1] + "…"
