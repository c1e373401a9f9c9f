"""Page debris out, hard line breaks joined: raw lines become logical lines, each with its first line number."""

import re
from dataclasses import dataclass

from .header import read_fact
from .headings import match_heading

DEBRIS = re.compile(
    r"""^(page\s+\d+(\s+of\s+\d+)?        # "Page 1 of 4", "Page 2"
        |-?\s*\d{1,3}\s*-?                 # a bare page number, "- 3 -"
        |\d{1,3}\s*/\s*\d{1,3}             # "2/4"
        |\(?continued\)?|\(?cont'?d\.?\)?  # "CONTINUED", "(cont'd)"
        )$""",
    re.IGNORECASE | re.VERBOSE,
)
RUNNING_HEADER = re.compile(r"^[^a-z]{3,}?[\s\-–—]+\(?(?:cont'?d\.?|CONT'?D\.?|continued|CONTINUED|Continued)\)?\.?$")
MARKDOWN_LEAD = re.compile(r"^\s*(#{1,6}\s+|>\s*)")
BULLET = re.compile(r"^\s*[-•◦▪·–]\s+")
LIST_MARKER = re.compile(
    r"""^(?:(?i:either|or|and)\b:?\s*)?     # a connector may come first
        (?:\((?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})\)  # (A) (1) (ii)
          |[A-Za-z]\)|\d{1,2}[.)]          # A)  1.  1)
          |(?:I|II|III|IV|V|VI)(?:[.)]|\s*$|\s+(?=[A-Z]))  # I.  II  (roman, CalHR "Or II")
          |[A-Z]\.(?=\s)                   # A.
          |(?i:pattern|option|alternative)\s+(?:[IVX]{1,4}|\d{1,2}|[A-H])(?:[.:)]|\s*$|\s+(?=[A-Z]))  # Pattern II
        )""",
    re.VERBOSE,
)
CONNECTOR_ONLY = re.compile(r"^(either|or|and)\s*:?$", re.IGNORECASE)
ENDS_TERMINAL = re.compile(r"""[.;:!?]["'”)]*$""")
SENTENCE_END = re.compile(r"""[.!?]["'”)]*$""")
WRAPPED_PAGE_WIDTH = 110  # characters: wider "lines" are whole paragraphs, not a page's lines
FULL_LINE_MIN = 40  # characters: a shorter line was not broken by the page's width, whatever the document's lines


@dataclass
class Line:
    number: int
    text: str
    blank_before: bool = False
    same_paragraph: bool = False  # the line goes on the paragraph of the line before (a hard-wrapped page)
    heading_level: int = 0  # set as a heading by markup: "## Duties" (Markdown), <h2> (HTML), a wholly bold line
    bullet: bool = False  # printed after a bullet
    last: int = 0  # the last source line joined into it

    def __post_init__(self):
        self.last = self.last or self.number


PLAIN_START = re.compile(r"[^\s#>*_\-•◦▪·–]")


def strip_markup(text):
    """The text of a line without markup, and how the markup set it: (text, heading level, bullet)."""
    if "*" not in text and "__" not in text:  # most lines: plain, or a heading or an item as HTML pages give them
        if PLAIN_START.match(text):
            return " ".join(text.split()), 0, False
        hashes = len(text) - len(text.lstrip("#"))
        if 0 < hashes <= 6 and text[hashes : hashes + 1] == " ":
            return " ".join(text[hashes:].split()), hashes, False
        if text.startswith("- "):
            return " ".join(text[2:].split()), 0, True
    text = text.replace("\u00a0", " ").replace("\\*", "*")
    level = 0
    lead = MARKDOWN_LEAD.match(text)
    if lead and lead.group(1).startswith("#"):
        level = lead.group(1).count("#")
    stripped = text.strip()
    if (
        not level
        and len(stripped) > 4
        and stripped.startswith("**")
        and stripped.endswith("**")
        and "**" not in stripped[2:-2]
    ):
        level = 6  # a wholly bold line is set as a heading, the least of them
    text = text.replace("**", "").replace("__", "")
    text = MARKDOWN_LEAD.sub("", text)
    bullet = bool(BULLET.match(text))
    text = BULLET.sub("", text)
    return " ".join(text.split()), level, bullet


def is_debris(text, title=""):
    if DEBRIS.match(text) or RUNNING_HEADER.match(text):
        return True
    upper = text.upper()
    return bool(title) and upper.startswith(title.upper()) and upper.endswith(("CONTINUED", "CONT'D", "CONTD"))


def clean_lines(raw_lines):
    """Logical lines without debris, and the numbers of the debris lines dropped.

    A line is joined to the one before when that one runs to (nearly) the full width of the page
    and does not end a sentence or item, or when it starts in lower case after an unfinished
    line; headings, list markers and footnotes always start a new line.
    """
    lines, dropped, blank = [], [], False
    for number, raw in enumerate(raw_lines, start=1):
        text, level, bullet = strip_markup(raw)
        if not text:
            blank = True
            continue
        if is_debris(text):
            dropped.append(number)
            continue
        lines.append(Line(number, text, blank, heading_level=level, bullet=bullet))
        blank = False
    widths = sorted(len(line.text) for line in lines)
    page_width = widths[int(len(widths) * 0.9)] if widths else 0
    full = max(page_width * 0.6, FULL_LINE_MIN)
    # A page wrapped at a fixed width (most lines near it, and it is a page's width, not a paragraph's length):
    # there a sentence may end exactly at the edge, and the next sentence still belongs to its paragraph.
    wrapped = page_width <= WRAPPED_PAGE_WIDTH and sum(w >= full for w in widths) >= len(widths) / 2
    # Blank lines between (nearly) all lines are spacing, not the end of a paragraph.
    spaced = sum(line.blank_before for line in lines) >= 0.8 * len(lines)
    logical, previous_width = [], 0
    for line in lines:
        previous = logical[-1] if logical else None
        set_apart = (
            line.heading_level
            or line.bullet
            or (previous and previous.heading_level)
            or (line.blank_before and not spaced)  # a blank line ends a paragraph, where it is not mere spacing
            or " | " in line.text  # a table's row
        )
        if previous and not set_apart and _continues(previous.text, previous_width >= full, line.text):
            if previous.text.endswith("-") and previous.text[-2:-1].isalpha() and line.text[0].islower():
                previous.text = previous.text[:-1] + line.text  # a word hyphenated at the line end
            else:
                previous.text = f"{previous.text} {line.text}"
            previous.last = line.number
        else:
            line.same_paragraph = bool(
                previous
                and wrapped
                and previous_width >= page_width * 0.85
                and (spaced or not line.blank_before)
                and _goes_on_paragraph(previous.text, line.text)
            )
            logical.append(line)
        previous_width = len(line.text)
    return logical, dropped


def _goes_on_paragraph(previous, text):
    """Whether `text` may be the next sentence of the paragraph `previous` ends a line of."""
    if not SENTENCE_END.search(previous) or not text[0].isupper():
        return False
    return not (
        LIST_MARKER.match(text) or CONNECTOR_ONLY.match(text) or text.startswith("*") or match_heading(text)
    ) and not (read_fact(text) or read_fact(previous))


def _continues(previous, previous_full, text):
    """Whether `text` is the rest of the unfinished line before it, broken by the page width."""
    # A long joined paragraph is judged by its end: scanning all of it again for each line made joining quadratic.
    end = previous[-1000:]
    if ENDS_TERMINAL.search(end) or read_fact(text) or read_fact(previous):
        return False
    marker = LIST_MARKER.match(text)
    if marker:  # "… the limits of (a) and" / "(b) above.": a marker wrapped to the start of a line
        rest = text[marker.end() :].lstrip()
        return previous_full and rest[:1].islower()
    if CONNECTOR_ONLY.match(text) or text.startswith("*") or match_heading(text):
        return False
    if text[0].islower():
        return True
    if text.isupper() and not end.isupper():
        return False
    return previous_full and (not end.isupper() or text.isupper())
