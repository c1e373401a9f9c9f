"""A document's blocks: its logical lines (debris out, wrapped lines joined), each read as what it is set as.

A block is a heading (set by markup, capitals, a short line alone or a trailing colon; `part` says what its words
name, "" for words the parts do not use), a list item (after a bullet, a number, a letter or a roman numeral,
perhaps with "OR"/"and" before it), or text (a paragraph, a "Label: value" line, a table row).
"""

import re
from dataclasses import dataclass

from .cleaning import LIST_MARKER, clean_lines
from .headings import match_heading, meaning, unknown_heading

HEADING, ITEM, TEXT = "heading", "item", "text"
ITEM_START = re.compile(
    r"""^(?P<connector>(?:either|or|and)\b:?\s*)?
        (?P<label>\((?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})\)|[A-Za-z]\)|\d{1,2}[.)]
          |(?:I|II|III|IV|V|VI|VII|VIII)(?:[.)]|(?=\s*$)|(?=\s+[A-Z]))|[A-Z]\.(?=\s)
          |(?:pattern|option|alternative)\s+(?:[IVX]{1,4}|\d{1,2}|[A-H])(?:[.:)]|(?=\s*$)|(?=\s+[A-Z])))
        \s*(?P<body>.*)$""",
    re.VERBOSE | re.IGNORECASE,
)
DATED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d\b")


@dataclass
class Block:
    line: int  # the source line it starts on
    text: str  # as printed, markup aside
    kind: str = TEXT
    part: str = ""  # a heading's meaning
    heading: str = ""  # a heading's words as printed, without its colon
    rest: str = ""  # text printed after a heading on its line
    label: str = ""  # an item's label as printed ("1.", "(a)", "II"); "" after a bullet
    connector: str = ""  # a word printed before an item's label ("OR:", "Either")
    body: str = ""  # an item's text after its label
    blank_before: bool = False
    same_paragraph: bool = False
    markup_level: int = 0  # 1 for a Markdown "#" or an HTML <h1>; 0 where no markup sets it
    last_line: int = 0  # the source line it ends on

    @property
    def is_heading(self):
        return self.kind == HEADING


def read_blocks(raw_lines):
    """The blocks of a document's lines, and the numbers of the lines dropped as page debris."""
    lines, dropped = clean_lines(raw_lines)
    return [_block(line) for line in lines], dropped


def _block(line):
    block = Block(
        line.number,
        line.text,
        blank_before=line.blank_before,
        same_paragraph=line.same_paragraph,
        markup_level=line.heading_level,
        last_line=line.last,
    )
    text = line.text
    if " | " in text:  # a table's row: its cells, never a heading
        return block
    known = match_heading(text)
    if known:
        block.kind, (block.part, block.heading, block.rest) = HEADING, known
        return block
    item = ITEM_START.match(text) if LIST_MARKER.match(text) else None
    if item and not _roman_word(item):
        block.kind, block.label, block.body = ITEM, item["label"], item["body"]
        block.connector = (item["connector"] or "").strip()
        return block
    if line.bullet:
        block.kind, block.body = ITEM, text
        return block
    if line.heading_level or (unknown_heading(text) and not DATED.search(text)):
        block.kind, block.heading, block.part = (
            HEADING,
            text.rstrip(":").strip(),
            meaning(text) if line.heading_level else "",
        )
    return block


def _roman_word(item):
    """Whether a "label" is a word's first letter: "I am …" is no item, "I." is."""
    label = item["label"]
    return label.isalpha() and len(label) == 1 and item["body"][:1].islower() and not item["connector"]
