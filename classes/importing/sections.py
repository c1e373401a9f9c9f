"""A document's blocks grouped under its headings: the header first, then one section per heading, in order."""

import re
from dataclasses import dataclass, field

from . import header
from .blocks import HEADING, ITEM, TEXT, Block

QUALIFICATION_PARTS = {"qualifications", "open_competitive", "promotional", "qualifications_part"}
# An unknown heading inside the minimum qualifications that goes on with them: "NOTE:", "Education Requirement".
QUALIFICATION_WORDS = re.compile(
    r"^(?:special )?notes?\b|educat|experien|equivalen|substitut|pattern|alternat|either|all levels|all classes",
    re.IGNORECASE,
)


@dataclass
class Section:
    part: str  # "header", a part's name, or "other"
    heading: str
    line: int
    blocks: list[Block] = field(default_factory=list)
    level: bool = False  # it holds text of one level of a series (see series.scoped)

    @property
    def last_line(self):
        return max(self.line, self.blocks[-1].last_line or self.blocks[-1].line) if self.blocks else self.line


def split_sections(blocks, is_level_heading=lambda block: False):
    """The header (blocks before the first heading that opens a part) and a section for each heading after it.

    A level's heading in a series document (`is_level_heading`) stays in the section it is printed in."""
    sections = [Section("header", "", blocks[0].line if blocks else 1)]
    in_qualifications = False
    for index, block in enumerate(blocks):
        current = sections[-1]
        if block.kind != HEADING:
            current.blocks.append(block)
            continue
        part = block.part
        if part == "qualifications_part":
            if in_qualifications:  # "Education:" inside the qualifications: a sub-heading of a path
                current.blocks.append(block)
                continue
            part = "qualifications"  # "Education Requirement:" opening the qualifications: its heading is the path's
            sections.append(Section(part, "", block.line, [block]))
            in_qualifications = True
            continue
        following = blocks[index + 1 : index + 2]
        licence_in_path = block.rest and _more_qualifications(following)
        if in_qualifications and part == "special_requirements" and (licence_in_path or not current.blocks):
            current.blocks.append(block)  # "License or Certification Requirements: Possession of …" within a path
            continue
        if not part and (
            (is_level_heading(block) and current.part != "header")
            or _stays(current, block, following, in_qualifications, index)
        ):
            current.blocks.append(block)
            continue
        section = Section(part or "other", block.heading, block.line)
        if block.rest:
            section.blocks.append(Block(block.line, block.rest, TEXT, last_line=block.last_line))
        sections.append(section)
        in_qualifications = part in QUALIFICATION_PARTS
    return sections


def _more_qualifications(following):
    return bool(following) and following[0].kind == HEADING and following[0].part == "qualifications_part"


def _stays(current, block, following, in_qualifications, index):
    """Whether a heading the parts do not name stays in the section it is printed in."""
    if in_qualifications:
        return bool(QUALIFICATION_WORDS.search(block.heading)) or bool(block.label)
    if current.part != "header" or block.text.endswith(":"):
        return False
    # In the header, a heading-like line is the title, a banner or a bulletin's note ("CAMPUS INTERVIEWS ONLY"),
    # unless text follows it that is no header fact: then it opens a section ("ANNUAL SALARY" over its figures).
    if index == 0 or not following:
        return True
    after = following[0]
    if after.kind == HEADING:
        return True
    return bool(header.facts_in(after.body if after.kind == ITEM else after.text))
