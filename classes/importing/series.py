"""Series documents: a spec printing several levels of one line of work, read as one spec per level.

The levels are found where the document lists them: a table of its classes (a row naming a code column and a class
column, then a row per class), the headings under "Definition of Levels", or a title printing them ("ACCOUNTANT I,
II, III"). Text under a level's heading, or printed after its title and a colon ("Accountant II: …"), belongs to
that level alone; the rest (the scope, shared duties, "All Levels" requirements) belongs to every level.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .blocks import HEADING

CODE_COLUMN = re.compile(r"^(?:class\s*)?(?:code|no\.?|number)$", re.IGNORECASE)
CLASS_COLUMN = re.compile(r"^(?:class(?:ification)?(?:\s+title)?|title|class\s+name|job\s+title)$", re.IGNORECASE)
LEVELS_IN_TITLE = re.compile(
    r"^(?P<name>.+?)\s+(?P<levels>(?:I{1,3}|IV|V|VI)(?:\s*(?:,|/|&|and|-|–)\s*(?:I{1,3}|IV|V|VI))+)$"
)
SERIES_NAME = re.compile(r"^(?P<name>.+?\bSeries)\b", re.IGNORECASE)
ALL_LEVELS = re.compile(r"^all (?:levels|classes|classifications)\b", re.IGNORECASE)


@dataclass
class Level:
    title: str
    code: str = ""
    line: int = 0


def levels_in(blocks, title=""):
    """The levels a document prints, in order; [] for a document of one class."""
    for find in (_table, _definitions):
        found = find(blocks)
        if len(found) >= 2:
            return found
    printed = LEVELS_IN_TITLE.match(title)
    if printed:
        names = re.split(r"\s*(?:,|/|&|and|-|–)\s*", printed["levels"])
        return [Level(f"{printed['name']} {name}") for name in names]
    return []


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
        return levels
    return []


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
    if not key:
        return set()
    keys = _keys(tuple(level.title for level in levels))
    exact = {i for i, level in enumerate(keys) if level == key}
    if exact:
        return exact
    return {i for i, level in enumerate(keys) if level.startswith(key + " (")}


@lru_cache(maxsize=64)
def _keys(titles):
    return [_key(title) for title in titles]


def _key(text):
    return " ".join(re.sub(r"[:.]+$", "", text).casefold().split())


def prefixed_level(text, levels):
    """The level a line begins by naming, "Accountant II: Journey level …", else None."""
    head, colon, _ = text.partition(":")
    if not colon or len(head) > 120:
        return None
    named = named_levels(head, levels)
    return min(named) if len(named) == 1 else None


def is_level_heading(block, levels):
    return block.kind == HEADING and not block.part and bool(named_levels(block.heading, levels))


def block_scopes(sections, levels):
    """For each section, the levels each of its blocks belongs to: None for every level, () for a level's heading
    (the level's title, not text). Headings printed in a row share the text after them."""
    found = []
    for section in sections:
        scopes, scope, after_heading = [], None, False
        for block in section.blocks:
            if block.kind == HEADING and ALL_LEVELS.match(block.heading):
                scope, after_heading = None, False
                scopes.append(None)
                continue
            if is_level_heading(block, levels):
                named = named_levels(block.heading, levels)
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
        pairs = [(block, scope) for block, scope in zip(section.blocks, section_scopes, strict=True) if scope != ()]
        blocks = [block for block, scope in pairs if scope is None or index in scope]
        own = any(scope is not None and index in scope for _, scope in pairs)
        if blocks or section.part != "levels":
            kept.append(replace(section, blocks=blocks, level=own))
    return kept
