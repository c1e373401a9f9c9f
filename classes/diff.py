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

from classes.vocabulary import PathKind, SectionPlacement

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

    def add_prose(field_name, fallback):
        heading_old, heading_new = getattr(old, f"{field_name}_heading"), getattr(new, f"{field_name}_heading")
        add(
            heading_new or heading_old or fallback,
            getattr(old, field_name),
            getattr(new, field_name),
            _heading_change(heading_old, heading_new),
        )

    def add_sections(placement):
        for heading, old_text, new_text, facts in _paired_sections(old, new, placement):
            add(heading, old_text, new_text, facts)

    add("Title and class facts", header_text(old), header_text(new))
    add_prose("general_statement", "General statement")
    add_prose("distinguishing_features", "Distinguishing features")
    add_sections(SectionPlacement.AFTER_DISTINGUISHING_FEATURES)
    add(
        new.duties_heading or old.duties_heading or "Duties",
        duties_text(old),
        duties_text(new),
        _heading_change(old.duties_heading, new.duties_heading),
    )
    add_sections(SectionPlacement.AFTER_DUTIES)
    add(
        new.competencies_heading or old.competencies_heading or "Competencies",
        _lines(f"{c.name} – {c.description}" for c in old.competencies.all()),
        _lines(f"{c.name} – {c.description}" for c in new.competencies.all()),
        _heading_change(old.competencies_heading, new.competencies_heading),
    )
    add(
        new.ksas_heading or old.ksas_heading or "Knowledges, skills and abilities",
        _lines(ksa.text for ksa in old.ksas.all()),
        _lines(ksa.text for ksa in new.ksas.all()),
        _heading_change(old.ksas_heading, new.ksas_heading),
    )
    add_sections(SectionPlacement.AFTER_KSAS)
    for kind in PathKind:
        heading, old_text, new_text, facts = _paths_part(old, new, kind)
        add(heading, old_text, new_text, facts)
    add(
        "Substitutions",
        _lines(_labelled(s.label, s.text) for s in old.substitutions.all()),
        _lines(_labelled(s.label, s.text) for s in new.substitutions.all()),
        _substitution_changes(old, new),
    )
    add("Definitions", definitions_text(old), definitions_text(new))
    add_sections(SectionPlacement.AFTER_QUALIFICATIONS)
    add(
        "Special requirements",
        special_requirements_text(old),
        special_requirements_text(new),
        _paired_changes(
            "Special requirement",
            list(old.special_requirements.all()),
            list(new.special_requirements.all()),
            lambda r: {"kind": r.get_kind_display()},
        ),
    )
    add_sections(SectionPlacement.END)
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
    facts = [
        ("Title", version.title),
        ("Class code", version.code),
        ("Jurisdictional class", version.get_jurisdictional_class_display()),
        ("Civil division", version.department.name if version.department else ""),
        ("FLSA status", version.get_flsa_status_display()),
        ("Salary grade", version.salary_grade),
        ("Bargaining unit", version.bargaining_unit),
        ("Adoption line", " / ".join(_lines_of(version.adoption_line))),
    ]
    return _lines(f"{name}: {value}" for name, value in facts if value)


def duties_text(version):
    text = _lines(duty.text for duty in version.duties.all())
    return PARAGRAPH_BREAK.join(part for part in (text, version.duties_note.strip()) if part)


def definitions_text(version):
    return _lines(
        f"{d.marker}{d.label} {d.text}" if d.label else f"{d.marker} {d.text}" for d in version.definitions.all()
    )


def special_requirements_text(version):
    return PARAGRAPH_BREAK.join(
        _lines([r.heading, r.text]) if r.heading else r.text for r in version.special_requirements.all()
    )


def path_text(path):
    return " ".join(part for part in (path.connector, path.label, path.text) if part)


def _paths_part(old, new, kind):
    """The paths of one kind as one part: their heading, preamble and wording, and their changed facts."""
    prefix = "promotional" if kind == PathKind.PROMOTIONAL else "open_competitive"
    old_paths = [p for p in old.paths.all() if p.kind == kind]
    new_paths = [p for p in new.paths.all() if p.kind == kind]

    def text(version, paths):
        if not paths:
            return ""
        preamble = getattr(version, f"{prefix}_preamble").strip()
        return PARAGRAPH_BREAK.join(part for part in (preamble, _lines(path_text(p) for p in paths)) if part)

    old_heading, new_heading = getattr(old, f"{prefix}_heading"), getattr(new, f"{prefix}_heading")
    facts = _paired_changes("Path", old_paths, new_paths, path_facts, by_label=True)
    if old_paths and new_paths:
        facts = _heading_change(old.qualifications_heading, new.qualifications_heading) + facts
        facts = _heading_change(old_heading, new_heading, "Group heading") + facts
    heading = (new_heading if new_paths else old_heading) or f"{kind.label} qualifications"
    return heading, text(old, old_paths), text(new, new_paths), facts


def path_facts(path):
    """A path's structured facts as readable strings, keyed by the name shown when one changes."""
    return {
        "education level": path.get_education_level_display(),
        "fields of study": "; ".join(path.education_field_list),
        "credit hours": path.credit_hours,
        "credit hour subjects": "; ".join(path.credit_hour_subject_list),
        "years of experience": path.experience_years,
        "kinds of experience": "; ".join(path.experience_kind_list),
        "paid experience": path.paid_experience,
        "part-time accepted": path.part_time_accepted,
        "full-time hours a week": path.full_time_hours_per_week,
        "supervisory years": path.supervisory_years,
        "equivalent combination": path.is_equivalent_combination or None,
        "time in title": "; ".join(f"{_fact(t.years)} years as {t.title}" for t in path.titles.all()),
    }


def _substitution_changes(old, new):
    return _paired_changes(
        "Substitution",
        list(old.substitutions.all()),
        list(new.substitutions.all()),
        lambda s: {
            "kind": s.get_kind_display(),
            "education beyond": s.get_education_beyond_display(),
            "in the paths' fields": s.in_path_fields or None,
            "years per year": s.years_per_year,
            "cap in years": s.cap_years,
            "floor in years": s.floor_years,
        },
    )


def _paired_changes(noun, old_items, new_items, facts_of, by_label=False):
    """Facts that differ between the items of two lists paired in printed order (a missing item states none).

    Items are named by their printed label where `by_label` (“Path B)”), else by their place (“Substitution 2”).
    """
    changes = []
    for index in range(max(len(old_items), len(new_items))):
        old_item = old_items[index] if index < len(old_items) else None
        new_item = new_items[index] if index < len(new_items) else None
        old_facts = facts_of(old_item) if old_item else {}
        new_facts = facts_of(new_item) if new_item else {}
        label = (by_label and (new_item or old_item).label) or str(index + 1)
        for name in new_facts or old_facts:
            before, after = _fact(old_facts.get(name)), _fact(new_facts.get(name))
            if before != after:
                changes.append(FactChange(f"{noun} {label} {name}", before, after))
    return changes


def _paired_sections(old, new, placement):
    """Other sections at one placement, paired by heading (the nth of a heading with the nth)."""
    old_sections = [s for s in old.other_sections.all() if s.placement == placement]
    new_sections = [s for s in new.other_sections.all() if s.placement == placement]
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


def _fact(value):
    if value is None or value == "":
        return NOT_STATED
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _labelled(label, text):
    return f"{label} {text}" if label else text


def _lines(items):
    return LINE_BREAK.join(item.strip() for item in items if item and item.strip())


def _lines_of(text):
    return [line.strip() for line in text.splitlines() if line.strip()]
