"""Word-level comparison of two versions of a spec, part by part in reading order.

The public compare page and the admin's draft review both read `compare_versions(old, new)`; it takes
versions of any status, so deciding who may see which version stays with the caller. Each part's text
is compared word by word (difflib over word tokens); line and paragraph breaks are kept as tokens of
their own so a list of duties still reads as a list. Alongside the wording, the structured facts that
sit beside it (a path's years of experience, a substitution's cap…) are listed where they changed.
"""

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.utils.text import capfirst

from classes import structure
from classes.fields import LinesField
from classes.models import Version
from classes.vocabulary import PathKind

EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"

LINE_BREAK, PARAGRAPH_BREAK = "\n", "\n\n"
BREAKS = {LINE_BREAK, PARAGRAPH_BREAK}
NOT_STATED = "not stated"


class Segment(NamedTuple):
    op: str  # EQUAL, INSERTED or DELETED
    text: str


class FactChange(NamedTuple):
    name: str
    old: str
    new: str


@dataclass
class PartDiff:
    heading: str
    segments: list[Segment]
    facts: list[FactChange] = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.facts) or any(segment.op != EQUAL for segment in self.segments)


def compare_versions(old, new):
    """The parts of `old` and `new` in reading order, each with its word-level differences.

    A part neither version has text for is left out, whatever its (unprinted) heading; an unchanged
    part is kept, its `changed` false, so a page can show it collapsed.
    """
    parts = []

    def add(heading, old_text, new_text, facts=()):
        if old_text or new_text:
            parts.append(PartDiff(heading, diff_words(old_text, new_text), list(facts)))

    add("Title and class facts", header_text(old), header_text(new))
    for element in structure.READING_ORDER:
        if isinstance(element, structure.Prose):
            add(*_prose_part(old, new, element))
        elif element is structure.PATHS:
            for kind in PathKind:
                add(*_paths_part(old, new, kind))
        elif isinstance(element, structure.Part):
            add(*_list_part(old, new, element))
        else:
            for paired in _paired_sections(old, new, element):
                add(*paired)
    return parts


# Words.


def tokens(text):
    """Words of `text`, with a line break or paragraph break (a blank line) as a token of its own."""
    found = []
    for paragraph in re.split(r"\n[ \t]*\n\s*", text.replace("\r\n", "\n").strip()):
        if found:
            found.append(PARAGRAPH_BREAK)
        for number, line in enumerate(paragraph.split("\n")):
            if number and found and found[-1] not in BREAKS:
                found.append(LINE_BREAK)
            found.extend(line.split())
    return found


def diff_words(old_text, new_text):
    """The segments that turn `old_text` into `new_text`: equal, deleted and inserted runs of words.

    The words of the equal and deleted segments are the old text's, those of the equal and inserted
    ones the new text's. Spaces and breaks next to a changed run are equal segments, so markup around
    a run holds words only, and a line added or removed reads on a line of its own.
    """
    old_tokens, new_tokens = tokens(old_text or ""), tokens(new_text or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    runs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            runs.extend(_breaks_at_edges_as_equal(DELETED, old_tokens[i1:i2]))
        if tag in ("insert", "replace"):
            runs.extend(_breaks_at_edges_as_equal(INSERTED, new_tokens[j1:j2]))
        if tag == "equal":
            runs.append((EQUAL, new_tokens[j1:j2]))

    segments = []
    previous = None
    for op, words in runs:
        if previous is not None and previous not in BREAKS and words[0] not in BREAKS:
            _append(segments, EQUAL, " ")
        _append(segments, op, _join(words))
        previous = words[-1]
    return segments


def _breaks_at_edges_as_equal(op, words):
    """A changed run with the breaks at its ends split off as equal, so an added or removed line
    reads on a line of its own and the markup holds words only."""
    start, end = 0, len(words)
    while start < end and words[start] in BREAKS:
        start += 1
    while end > start and words[end - 1] in BREAKS:
        end -= 1
    if start:
        yield EQUAL, words[:start]
    if start < end:
        yield op, words[start:end]
    if end < len(words):
        yield EQUAL, words[end:]


def _join(words):
    text = ""
    for word in words:
        if text and word not in BREAKS and text[-1] != "\n":
            text += " "
        text += word
    return text


def _append(segments, op, text):
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


# The text of each part, as compared.


def header_text(version):
    """The header facts, one a line; a fact printed on several lines (the adoption line) reads as one."""
    facts = [
        (name, _shown(Version._meta.get_field(field), getattr(version, field))) for field, name in structure.HEADER
    ]
    return _lines(f"{name}: {' / '.join(LinesField.items(value))}" for name, value in facts if value != NOT_STATED)


def list_text(part, version):
    """A list part as printed: its rows' lines, then the note printed after them."""
    note = getattr(version, part.note).strip() if part.note else ""
    return PARAGRAPH_BREAK.join(text for text in (part.text(part.rows(version)), note) if text)


def _prose_part(old, new, prose):
    old_heading, new_heading = getattr(old, prose.heading), getattr(new, prose.heading)
    heading = new_heading or old_heading or prose.title
    return heading, getattr(old, prose.name), getattr(new, prose.name), _heading_change(old_heading, new_heading)


def _list_part(old, new, part):
    old_heading, new_heading = (getattr(v, part.heading) for v in (old, new)) if part.heading else ("", "")
    old_rows, new_rows = list(part.rows(old)), list(part.rows(new))
    facts = _heading_change(old_heading, new_heading) + _paired_changes(part, old_rows, new_rows)
    return new_heading or old_heading or part.title, list_text(part, old), list_text(part, new), facts


def _paths_part(old, new, kind):
    """The paths of one kind as one part: their heading, preamble and wording, and their changed facts."""
    prefix = "promotional" if kind == PathKind.PROMOTIONAL else "open_competitive"
    paths = structure.PATHS
    old_paths = [p for p in paths.rows(old) if p.kind == kind]
    new_paths = [p for p in paths.rows(new) if p.kind == kind]

    def text(version, rows):
        if not rows:
            return ""
        preamble = getattr(version, f"{prefix}_preamble").strip()
        return PARAGRAPH_BREAK.join(part for part in (preamble, paths.text(rows)) if part)

    old_heading, new_heading = getattr(old, f"{prefix}_heading"), getattr(new, f"{prefix}_heading")
    facts = _paired_changes(paths, old_paths, new_paths, by_label=True)
    if old_paths and new_paths:
        facts = _heading_change(old.qualifications_heading, new.qualifications_heading) + facts
        facts = _heading_change(old_heading, new_heading, "Group heading") + facts
    heading = (new_heading if new_paths else old_heading) or f"{kind.label} qualifications"
    return heading, text(old, old_paths), text(new, new_paths), facts


def row_facts(part, row):
    """A row's structured facts as readable strings, keyed by the name shown when one changes; the rows that
    belong to it (a path's titles) as one fact of their lines."""
    facts = {
        field.verbose_name: _shown(field, getattr(row, field.name))
        for field in map(part.model._meta.get_field, part.facts)
    }
    if part.children:
        facts[part.children.model._meta.verbose_name] = "; ".join(part.children.lines(part.children.rows(row)))
    return facts


def _paired_changes(part, old_rows, new_rows, by_label=False):
    """Facts that differ between the rows of two lists paired in printed order (a missing row states none).

    Rows are named by their printed label where `by_label` (“Path B)”), else by their place (“Substitution 2”).
    """
    noun = capfirst(part.model._meta.verbose_name)
    changes = []
    for index in range(max(len(old_rows), len(new_rows))):
        old_row = old_rows[index] if index < len(old_rows) else None
        new_row = new_rows[index] if index < len(new_rows) else None
        old_facts = row_facts(part, old_row) if old_row else {}
        new_facts = row_facts(part, new_row) if new_row else {}
        label = (by_label and (new_row or old_row).label) or str(index + 1)
        for name in new_facts or old_facts:
            before, after = old_facts.get(name, NOT_STATED), new_facts.get(name, NOT_STATED)
            if before != after:
                changes.append(FactChange(f"{noun} {label} {name}", before, after))
    return changes


def _paired_sections(old, new, placement):
    """Other sections at one placement, paired by heading (the nth of a heading with the nth)."""
    sections = structure.OTHER_SECTIONS
    old_sections = [s for s in sections.rows(old) if s.placement == placement]
    new_sections = [s for s in sections.rows(new) if s.placement == placement]
    unpaired = list(old_sections)
    pairs = []
    for section in new_sections:
        match = next((s for s in unpaired if s.heading == section.heading), None)
        if match:
            unpaired.remove(match)
        pairs.append((match, section))
    pairs.extend((section, None) for section in unpaired)
    for old_section, new_section in pairs:
        facts = []
        if old_section and new_section and old_section.layout != new_section.layout:
            facts.append(FactChange("Layout", old_section.get_layout_display(), new_section.get_layout_display()))
        yield (
            (new_section or old_section).heading,
            old_section.text if old_section else "",
            new_section.text if new_section else "",
            facts,
        )


def _heading_change(old_heading, new_heading, name="Heading"):
    if old_heading == new_heading:
        return []
    return [FactChange(name, old_heading or "(none)", new_heading or "(none)")]


def _shown(field, value):
    """A fact as a reader reads it: a choice by its name, a list joined, a number without trailing zeros."""
    if value is None or value == "":
        return NOT_STATED
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, LinesField):
        return "; ".join(LinesField.items(value))
    if isinstance(field, models.ForeignKey):
        return value.name if hasattr(value, "name") else str(value)
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _lines(items):
    return LINE_BREAK.join(item.strip() for item in items if item and item.strip())
