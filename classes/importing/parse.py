"""A document's lines read into one spec per class it describes: `parse_spec(lines, source=…)` → ParsedDocument.

Blocks first (blocks.py), grouped under their headings (sections.py); the header gives the title and the header
facts; each section is read as the part its heading names; a series document is read once per level (series.py).
"""

import dataclasses
import re

from classes import structure
from classes.vocabulary import LICENCE_REQUIREMENTS, SectionLayout, SectionPlacement

from . import header, series
from .blocks import ITEM, read_blocks
from .checking import check_nothing_lost
from .items import DUTIES_NOTE, competency, ksa_items, requirement_kind, split_items
from .licences import needed_by
from .paths import QualificationsReader
from .result import Competency, HistoryEvent, Item, OtherSection, ParsedDocument, Part, Spec, SpecialRequirement
from .sections import QUALIFICATION_PARTS, split_sections
from .title import file_evidence, find_title
from .wording import flat

PROSE_PARTS = {"general_statement", "distinguishing_features"}
# Where an other section reads, by the last standard part printed before it.
PLACEMENT_AFTER = {
    None: SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "general_statement": SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "distinguishing_features": SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    "duties": SectionPlacement.AFTER_DUTIES,
    "ksas": SectionPlacement.AFTER_KSAS,
    "competencies": SectionPlacement.AFTER_KSAS,
    "qualifications": SectionPlacement.AFTER_QUALIFICATIONS,
    "special_requirements": SectionPlacement.END,
}
CAPITALISED = r"[A-Z][\w&'-]*"
DEPARTMENT_IN_TEXT = re.compile(
    rf"\b(?:with)?in\s+the\s+(?:(?:{CAPITALISED}|of)\s+){{0,5}}?"
    rf"(?P<name>(?:Department|Division|Bureau|Office)\s+of\s+{CAPITALISED}(?:\s+(?:(?:and|&|of|for)\s+)?{CAPITALISED})*)"
)
POSITION_WORDS = re.compile(r"\b(?:position|class|employee|incumbent|work)\b", re.IGNORECASE)
SERIES_TITLE = re.compile(r"^(?P<name>.+?)\s+(?P<level>I{1,3}|IV|V)$")
SERIES_LEVELS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
DATE_FACTS = {"adopted": "adopted", "approved": "approved", "established": "established", "revised": "revised"}
LIMITS = {"code": 30, "salary_grade": 50, "bargaining_unit": 200, "title": 200}
CLASS_DESCRIPTION = re.compile(r"^(?:an?|the|under|this)\b", re.IGNORECASE)


def parse_spec(raw_lines, *, source=""):
    """The document's specs (one per level it describes) and how each of its lines was read."""
    document = ParsedDocument(source=source, lines=list(raw_lines))
    blocks, dropped = read_blocks(raw_lines)
    document.unstored.update(dict.fromkeys(dropped, "page debris: a page number or a running header"))
    if dropped:
        document.facts["debris_lines_removed"] = len(dropped)
    if not blocks:
        document.warn(None, "the document holds no text")
        document.specs = [Spec()]
        return document
    levels = series.levels_in(blocks)
    sections = split_sections(blocks, lambda block: series.is_level_heading(block, levels, shared=True))
    sections = series.table_apart(sections, levels)
    shared, read_as_facts = Spec(), set()
    if sections[0].part == "header":
        read_as_facts = _read_header(sections.pop(0), shared, document)
    levels = levels or series.levels_in_title(shared.title)
    if levels:
        document.series = series.series_name(shared.title, blocks)
        document.title = document.series
        scopes = series.block_scopes(sections, levels)
        memo = {}
        document.specs = [_level(shared, sections, scopes, levels, i, document, memo) for i in range(len(levels))]
        document.facts["levels"] = [level.title for level in levels]
    else:
        document.title = shared.title
        _read_sections(sections, shared, document, record=True)
        one_class_series(shared)
        document.specs = [shared]
    for spec in document.specs:
        if not spec.department_name:
            _department_from_text(spec, document)
    _title_checks(document)
    check_nothing_lost(blocks, document, skipped=read_as_facts)
    # A series' levels read their shared text each: what they report of it, once.
    document.doubts = list({(d.line, d.fact, d.assumed, d.why): d for d in document.doubts}.values())
    document.warnings = list({(w.line, w.message): w for w in document.warnings}.values())
    spec = document.spec
    stored = [name for name in [*header.STORED, "department_name", "series_name"] if name != "title"]
    document.facts.update({"title": document.title} if document.title else {})
    document.facts.update({name: getattr(spec, name) for name in stored if getattr(spec, name)})
    counts = {part.name: len(getattr(spec, part.name)) for part in structure.PARTS if getattr(spec, part.name)}
    if counts:
        document.facts["counts"] = counts
    if spec.history:
        document.facts["history"] = [f"{h.kind} {h.date:%m/%d/%Y} {h.reference}".strip() for h in spec.history]
    return document


def _level(shared, sections, scopes, levels, index, document, memo):
    level = levels[index]
    spec = _copy(shared)
    spec.title, spec.code = level.title, level.code
    spec.series_name, spec.series_level = document.series, index + 1
    _read_sections(
        series.scoped(sections, scopes, index), spec, document, record=index == 0, level=level.title, memo=memo
    )
    return spec


# --- The header -----------------------------------------------------------------------------------------------------


def _copy(spec):
    """A copy of a spec read so far (its header, for each level), its lists and their items its own."""
    lists = {
        field.name: [dataclasses.replace(item) for item in getattr(spec, field.name)]
        for field in dataclasses.fields(spec)
        if isinstance(getattr(spec, field.name), list)
    }
    return dataclasses.replace(spec, **lists)


def _read_header(section, spec, document):
    """Reads the title and header facts into `spec`; returns the numbers of the lines read as them."""
    candidates, adoption_lines = [], []
    for block in section.blocks:
        text = block.body if block.kind == ITEM else block.text
        found = header.facts_in(text)
        if not found and header.SALARY_RANGE.match(text) and not spec.salary_grade:
            found = [("salary_grade", text)]  # "$48,000 to $66,000" alone on its line
        if not found:
            candidates.append(block)
            continue
        for name, value in found:
            _store_fact(spec, document, name, value, line=block.line)
            if name in DATE_FACTS or name == "title_changed":
                adoption_lines.append(text)
    if adoption_lines:
        spec.adoption_line = "\n".join(dict.fromkeys(adoption_lines))
    if not spec.title:
        title = find_title(section.blocks, document.source)
        if title:
            candidates = [block for block in candidates if block.line != title.line]
            spec.title = title.text
            document.facts["title_line"] = title.line
            if title.code and not spec.code:
                spec.code = title.code
            if title.dropped:
                document.doubt(title.line, "title", spec.title, f"“{title.dropped}” printed after it read as a note")
    prose = [block for block in candidates if block.text.rstrip().endswith((".", ";"))]
    for block in candidates:
        if block not in prose:
            document.unstored[block.line] = "a header line that is neither the title nor a fact the portal keeps"
    if candidates and len(prose) < len(candidates):
        document.facts["header_lines_not_stored"] = [block.text for block in candidates if block not in prose]
    if prose:
        document.warn(
            prose[0].line, "text before the first heading kept as a section titled “Text before the first heading”"
        )
        spec.other_sections.append(
            OtherSection(
                "Text before the first heading",
                "\n\n".join(block.text for block in prose),
                SectionPlacement.AFTER_DISTINGUISHING_FEATURES.value,
                SectionLayout.PARAGRAPHS.value,
                prose[0].line,
            )
        )
    document.parts.append(Part("header", "", section.line, section.last_line))
    return {block.line for block in section.blocks if block not in prose}


def _store_fact(spec, document, name, value, *, line):
    if name in header.REPORTED_ONLY:
        document.facts.setdefault("header_facts_not_stored", []).append(f"{name.replace('_', ' ')}: {value}")
        return
    if name in DATE_FACTS or name == "established_by":
        if name == "established_by":
            for entry in spec.history:
                if entry.kind == "established":
                    entry.by = value
            return
        dates = header.parse_dates(value)
        if not dates:
            document.warn(line, f"no date could be read from “{value}”")
        spec.history.extend(HistoryEvent(DATE_FACTS[name], day, reference) for day, reference in dates)
        return
    stored = header.normalise(name, value)
    if name == "department":
        name = "department_name"
    label = name.replace("_", " ")
    if not stored:
        document.warn(line, f"{label} “{value}” is not one the portal knows; left empty")
        return
    limit = LIMITS.get(name, 200)
    if len(stored) > limit:
        document.warn(line, f"{label} is longer than {limit} characters; left empty")
        return
    if getattr(spec, name) and getattr(spec, name) != stored:
        document.warn(line, f"{label} printed twice; the first, “{getattr(spec, name)}”, is kept")
        return
    setattr(spec, name, stored)


def _title_checks(document):
    spec = document.spec
    if not document.title:
        document.warn(None, "no title found: the class cannot be named; add a title line, or import it by hand")
        return
    for found in {document.title, *(spec.title for spec in document.specs)}:
        if len(found) > LIMITS["title"]:
            document.warn(
                None, f"the title “{found[:60]}…” is longer than {LIMITS['title']} characters; it is cut there"
            )
    file_words, file_code = file_evidence(document.source)
    if file_code and spec.code and file_code != spec.code and len(document.specs) == 1:
        document.doubt(
            None, "code", spec.code, f"the file's name carries {file_code}; the code printed in the text is kept"
        )
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", document.title)]
    if file_words and words and not set(file_words) & set(words):
        document.doubt(None, "title", document.title, "the file's name carries other words; the printed title is kept")


# --- The parts --------------------------------------------------------------------------------------------------------


def _read_sections(sections, spec, document, *, record, level="", memo=None):
    """Reads the sections into `spec`. `memo`: what a series' shared sections read as, kept for its other levels."""
    memo = {} if memo is None else memo
    quals = QualificationsReader(document)
    last_standard, seen_qualifications, trailing = None, False, []
    for section in sections:
        part = section.part
        if record or section.level:
            document.parts.append(Part(part, section.heading, section.line, section.last_line, level))
        if part in QUALIFICATION_PARTS:
            seen_qualifications = True
            if part == "qualifications":
                spec.qualifications_heading = spec.qualifications_heading or section.heading
            else:
                quals.heading(part, section.heading, section.line)
            notes = len(quals.notes)
            for block in section.blocks:
                quals.block(block)
            spec.other_sections.extend(quals.notes[notes:])
            last_standard, trailing = "qualifications", []
            continue
        if not section.blocks and record:
            document.warn(section.line, f"heading “{section.heading}” has no text under it")
        prose = "distinguishing_features" if part == "levels" else part
        if prose in PROSE_PARTS and getattr(spec, prose) and section.heading != getattr(spec, f"{prose}_heading"):
            # A second part of the same kind under its own heading ("Scope", then "Definition of Series"):
            # kept whole, heading and all, where it is printed.
            _other(spec, section, last_standard, document, memo)
        elif prose in PROSE_PARTS:
            _prose(spec, prose, section, document)
        elif part == "duties":
            _duties(spec, section, document)
        elif part == "ksas":
            spec.ksas_heading = spec.ksas_heading or section.heading
            spec.ksas.extend(_once(memo, section, ksa_items))
        elif part == "competencies":
            _competencies(spec, section)
        elif part == "special_requirements":
            text = _paragraphs(section.blocks)
            kind = requirement_kind(section.heading + " " + text)
            requirement = SpecialRequirement(section.heading, text, kind, section.line)
            if kind in LICENCE_REQUIREMENTS:
                requirement.license_needed_by, requirement.license_within_months = needed_by(flat(text))
            spec.special_requirements.append(requirement)
        else:
            _other(spec, section, last_standard, document, memo)
            trailing.append(spec.other_sections[-1])
            continue
        last_standard, trailing = ("distinguishing_features" if part == "levels" else part), []
    if last_standard in {"qualifications", "special_requirements"}:
        # Other sections after the qualifications with no standard part after them close the spec (a CLASS DETAIL
        # or CLASS HISTORY block), after any special requirement.
        for section in trailing:
            section.placement = SectionPlacement.END.value
    read = quals.finish()
    spec.paths, spec.substitutions, spec.definitions = read.paths, read.substitutions, read.definitions
    spec.open_competitive_heading = read.headings.get("open_competitive", "")
    spec.promotional_heading = read.headings.get("promotional", "")
    spec.open_competitive_preamble = read.preambles.get("open_competitive", "")
    spec.promotional_preamble = read.preambles.get("promotional", "")
    if record:
        _warn_missing(spec, document, seen_qualifications)


def _warn_missing(spec, document, seen_qualifications):
    if not seen_qualifications:
        document.warn(None, f"no minimum qualifications section found (read {len(document.lines)} lines)")
    elif not spec.paths:
        document.warn(None, "the minimum qualifications section holds no qualification path")
    found = {part.part for part in document.parts}
    for part, what in [("duties", "duties"), ("ksas", "knowledges, skills and abilities")]:
        if not getattr(spec, part) and part not in found:
            document.warn(None, f"no {what} section found")


def _paragraphs(blocks):
    """The blocks as paragraphs (a blank line between), joining the lines of a paragraph wrapped by the page."""
    text = ""
    for block in blocks:
        text += (" " if block.same_paragraph else "\n\n") + block.text if text else block.text
    return text


def _prose(spec, part, section, document):
    text = _paragraphs(section.blocks)
    if getattr(spec, part):
        document.warn(section.line, f"a second “{section.heading}” part; its text is added to the first")
        setattr(spec, part, getattr(spec, part) + "\n\n" + text)
        return
    setattr(spec, part, text)
    setattr(spec, f"{part}_heading", section.heading)


def _duties(spec, section, document):
    blocks = section.blocks
    prose = blocks and not any(b.kind == ITEM for b in blocks) and CLASS_DESCRIPTION.match(blocks[0].text)
    if prose and not spec.general_statement and len(blocks) <= 3:
        # "DUTIES: An Accounting Clerk performs …": a description of the class, not a list of its duties.
        _prose(spec, "general_statement", section, document)
        document.doubt(
            section.line, "general_statement", section.heading, "its text describes the class in sentences, not a list"
        )
        return
    spec.duties_heading = spec.duties_heading or section.heading
    items = split_items(blocks)
    notes = []
    while len(items) > 1 and DUTIES_NOTE.search(items[-1][2]):
        notes.insert(0, items.pop()[2])
    spec.duties.extend(Item(text=text, label=label, line=block.line) for block, label, text in items)
    if notes:
        spec.duties_note = "\n\n".join(filter(None, [spec.duties_note, *notes]))


def _competencies(spec, section):
    spec.competencies_heading = spec.competencies_heading or section.heading
    for block in section.blocks:
        found = competency(block.text)
        if found:
            spec.competencies.append(Competency(found[0], found[1], block.line))
        else:  # "Knowledge of interviewing techniques …" printed among the competencies
            spec.ksas.extend(ksa_items([block]))


def _other(spec, section, last_standard, document, memo):
    read, facts = _once(memo, section, _other_section)
    for line, name, value in facts:  # a class-detail block states facts too: "FLSA CODE: Non-Exempt", a class code
        _store_fact(spec, document, name, value, line=line)
    spec.other_sections.append(dataclasses.replace(read, placement=PLACEMENT_AFTER[last_standard].value))


def _other_section(blocks, section):
    facts = [
        (block.line, name, value)
        for block in blocks
        for name, value in header.facts_in(block.text)
        if name != "title" and name not in header.REPORTED_ONLY
    ]
    is_list = len(blocks) > 1 and all(len(block.text) <= 150 for block in blocks)
    read = OtherSection(
        section.heading[:200],
        "\n".join(block.text for block in blocks) if is_list else _paragraphs(blocks),
        "",
        (SectionLayout.LIST if is_list else SectionLayout.PARAGRAPHS).value,
        section.line,
    )
    return read, facts


def _once(memo, section, read):
    """`read(section's blocks[, section])`, once for a section every level of a series shares."""
    key = (id(section), read)
    if key not in memo:
        memo[key] = (section, read(section.blocks) if read is ksa_items else read(section.blocks, section))
    return memo[key][1]


def _department_from_text(spec, document):
    """The department a spec without a "Department:" line names as where the position sits: "This position …
    within the Broome County Department of Social Services." The first such sentence of the statement parts."""
    for part in ("general_statement", "distinguishing_features"):
        for sentence in re.split(r"(?<=[.!?])\s+", getattr(spec, part)):
            found = DEPARTMENT_IN_TEXT.search(sentence)
            if found and POSITION_WORDS.search(sentence[: found.start()]):
                spec.department_name = found["name"]
                document.facts["department_read_from"] = part
                return


def one_class_series(spec):
    """A title ending in a level ("Case Management Coordinator I") makes the class a level of its series."""
    found = SERIES_TITLE.match(spec.title)
    if found:
        spec.series_name = found["name"].strip()
        spec.series_level = SERIES_LEVELS[found["level"]]
