"""Series documents: a spec printing several levels of one line of work, read as one spec per level.

The levels are found where the document lists them: a table of its classes (a row naming a code column and a class
column, then a row per class), the headings under "Definition of Levels", or a title printing them ("ACCOUNTANT I,
II, III"). Text under a level's heading, or printed after its title and a colon ("Accountant II: …"), belongs to
that level alone; the rest (the scope, shared duties, "All Levels" requirements) belongs to every level.
"""

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from .blocks import HEADING
from .sections import Section

CODE_COLUMN = re.compile(r"^(?:class\s*)?(?:code|no\.?|number)$", re.IGNORECASE)
CLASS_COLUMN = re.compile(r"^(?:class(?:ification)?(?:\s+title)?|title|class\s+name|job\s+title)$", re.IGNORECASE)
LEVELS_IN_TITLE = re.compile(
    r"^(?P<name>.+?)\s+(?P<levels>(?:I{1,3}|IV|V|VI)(?:\s*(?:,|/|&|and|-|–)\s*(?:I{1,3}|IV|V|VI))+)$"
)
SERIES_NAME = re.compile(r"^(?P<name>.+?\bSeries)\b", re.IGNORECASE)
ALL_LEVELS = re.compile(r"^(?:all|both) (?:levels|classes|classifications)\b", re.IGNORECASE)


@dataclass
class Level:
    title: str
    code: str = ""
    line: int = 0
    table: list = field(default_factory=list)  # the lines of the levels' table's caption and column names


class Levels(list):
    """The levels of a series document, in order, with their titles as headings are compared with them."""

    @cached_property
    def keys(self):
        return [_key(level.title) for level in self]

    @cached_property
    def first_words(self):
        return {key.split(" ", 1)[0] for key in self.keys}


def levels_in(blocks):
    """The levels a document lists, in a table of its classes or under "Definition of Levels"; none for a document
    of one class."""
    for find in (_table, _definitions):
        found = find(blocks)
        if len(found) >= 2:
            return Levels(found)
    return Levels()


def levels_in_title(title):
    """The levels a title prints: "ACCOUNTANT I, II, III"."""
    printed = LEVELS_IN_TITLE.match(title)
    if not printed:
        return Levels()
    names = re.split(r"\s*(?:,|/|&|and|-|–)\s*", printed["levels"])
    return Levels(Level(f"{printed['name']} {name}") for name in names)


def _cells(block):
    return [cell.strip() for cell in block.text.split(" | ")] if " | " in block.text else []


def _table(blocks):
    for index, block in enumerate(blocks):
        cells = _cells(block)
        codes = [i for i, cell in enumerate(cells) if CODE_COLUMN.match(cell)]
        names = [i for i, cell in enumerate(cells) if CLASS_COLUMN.match(cell)]
        if not (codes and names):
            continue
        levels = []
        for row in blocks[index + 1 :]:
            values = _cells(row)
            if len(values) != len(cells):
                break
            levels.append(Level(values[names[0]], values[codes[-1]], row.line))
        header_lines = [block.line]
        caption = blocks[index - 1] if index else None
        if (
            caption is not None
            and not _cells(caption)
            and len(caption.text.split()) <= 16
            and caption.text[-1:] not in ".;"
        ):
            header_lines.insert(0, caption.line)
        for level in levels:
            level.table = header_lines
        return levels
    return []


def table_apart(sections, levels):
    """The table listing the levels, taken out of the section it is printed in and kept as a section of its own,
    headed by its caption where it has one: a list of classes, not a part's prose."""
    table_lines = {level.line for level in levels} | set(levels[0].table if levels and levels[0].table else [])
    if not table_lines or not levels[0].table:
        return sections
    found = []
    for section in sections:
        inside = [block for block in section.blocks if block.line in table_lines]
        if not inside:
            found.append(section)
            continue
        before = [block for block in section.blocks if block.line < inside[0].line and block not in inside]
        after = [block for block in section.blocks if block.line > inside[-1].line and block not in inside]
        has_caption = len(levels[0].table) == 2
        heading = inside[0].text if has_caption else "Classes of the series"
        table = Section("other", heading, inside[0].line, inside[1:] if has_caption else inside)
        if section.part == "header":
            found.append(Section(section.part, section.heading, section.line, before + after))
            found.append(table)
            continue
        found.extend(
            [Section(section.part, section.heading, section.line, before), table]
            + ([Section(section.part, section.heading, after[0].line, after)] if after else [])
        )
    return found


def _definitions(blocks):
    """The headings under a "Definition of Levels" heading, up to the next heading that names a part."""
    levels, inside = [], False
    for block in blocks:
        if block.kind != HEADING:
            continue
        if block.part == "levels":
            inside = True
        elif inside and block.part:
            break
        elif inside and not ALL_LEVELS.match(block.heading):
            levels.append(Level(block.heading, "", block.line))
    return levels


def series_name(title, blocks):
    """The series a document describes, as printed: its title where that names a series, else a caption that does."""
    if re.search(r"\bseries\b", title, re.IGNORECASE):
        return title
    printed = LEVELS_IN_TITLE.match(title)
    if printed:
        return printed["name"]
    for block in blocks:  # a table's caption: "Staff Services Manager Series Specification - Class Titles and Codes"
        found = SERIES_NAME.match(block.text)
        if found and len(block.text.split()) <= 16 and not block.text.endswith((".", ";")):
            return found["name"]
    return title


def named_levels(text, levels):
    """The indexes of the levels a heading names: exactly, or as the common part of several ("Manager II" for
    "Manager II (Supervisory)" and "Manager II (Managerial)")."""
    key = _key(text)
    if not key or key.split(" ", 1)[0] not in levels.first_words:
        return set()
    exact = {i for i, level in enumerate(levels.keys) if level == key}
    if exact:
        return exact
    return {i for i, level in enumerate(levels.keys) if level.startswith((key + " (", key + ","))}


def _key(text):
    return " ".join(re.sub(r"[:.]+$", "", text).casefold().split())


def prefixed_level(text, levels):
    """The level a line begins by naming, "Accountant II: Journey level …", else None."""
    head, colon, _ = text.partition(":")
    if not colon or len(head) > 120:
        return None
    named = named_levels(head, levels)
    return min(named) if len(named) == 1 else None


def is_level_heading(block, levels, *, shared=False):
    """Whether `block` heads one level's text, a line of its title alone (with `shared`, or every level's text:
    "All Levels")."""
    if block.kind == "item" or block.part or not levels or len(block.text) > 200:
        return False
    words = block.heading or block.text
    return bool(named_levels(words, levels)) or (shared and bool(ALL_LEVELS.match(words)))


def block_scopes(sections, levels):
    """For each section, the levels each of its blocks belongs to: None for every level, () for a level's heading
    (the level's title, not text). Headings printed in a row share the text after them."""
    found = []
    for section in sections:
        scopes, scope, after_heading = [], None, False
        for block in section.blocks:
            if block.kind != "item" and ALL_LEVELS.match(block.heading or block.text):
                scope, after_heading = None, False
                scopes.append(None)
                continue
            if is_level_heading(block, levels):
                named = named_levels(block.heading or block.text, levels)
                scope = scope | named if after_heading and scope else named
                after_heading = True
                scopes.append(())
                continue
            after_heading = False
            prefixed = prefixed_level(block.body if block.kind == "item" else block.text, levels)
            scopes.append({prefixed} if prefixed is not None else scope)
        found.append(scopes)
    return found


def scoped(sections, scopes, index):
    """The sections as level `index` reads them: shared blocks, and the blocks of its own."""
    kept = []
    for section, section_scopes in zip(sections, scopes, strict=True):
        if all(scope is None for scope in section_scopes):
            kept.append(section)  # every level's: the same section, so what it reads as is read once
            continue
        pairs = [(block, scope) for block, scope in zip(section.blocks, section_scopes, strict=True) if scope != ()]
        blocks = [block for block, scope in pairs if scope is None or index in scope]
        own = any(scope is not None and index in scope for _, scope in pairs)
        if blocks or section.part != "levels":
            kept.append(replace(section, blocks=blocks, level=own))
    return kept
