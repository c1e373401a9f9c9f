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
    r"""^(?:(?:either|or|and)\b:?\s*)?     # a connector may come first
        (?:\((?:[A-Za-z]|\d{1,2}|[ivxIVX]{1,4})\)  # (A) (1) (ii)
          |[A-Za-z]\)|\d{1,2}[.)]          # A)  1.  1)
          |(?:I|II|III|IV|V|VI)(?:[.)]|\s*$|\s+(?=[A-Z]))  # I.  II  (roman, CalHR "Or II")
          |[A-Z]\.(?=\s)                   # A.
        )""",
    re.VERBOSE,
)
CONNECTOR_ONLY = re.compile(r"^(either|or|and)\s*:?$", re.IGNORECASE)
ENDS_TERMINAL = re.compile(r"""[.;:!?]["'”)]*$""")


@dataclass
class Line:
    number: int
    text: str
    blank_before: bool = False


def strip_markup(text):
    text = text.replace("\u00a0", " ").replace("\\*", "*").replace("**", "").replace("__", "")
    text = MARKDOWN_LEAD.sub("", text)
    text = BULLET.sub("", text)
    return " ".join(text.split())


def is_debris(text, title=""):
    if DEBRIS.match(text) or RUNNING_HEADER.match(text):
        return True
    upper = text.upper()
    return bool(title) and upper.startswith(title.upper()) and upper.endswith(("CONTINUED", "CONT'D", "CONTD"))


def clean_lines(raw_lines):
    """Logical lines without debris, and how many debris lines were dropped.

    A line is joined to the one before when that one runs to (nearly) the full width of the page
    and does not end a sentence or item, or when it starts in lower case after an unfinished
    line; headings, list markers and footnotes always start a new line.
    """
    lines, dropped, blank = [], 0, False
    for number, raw in enumerate(raw_lines, start=1):
        text = strip_markup(raw)
        if not text:
            blank = True
            continue
        if is_debris(text):
            dropped += 1
            continue
        lines.append(Line(number, text, blank))
        blank = False
    widths = sorted(len(line.text) for line in lines)
    full = widths[int(len(widths) * 0.9)] * 0.6 if widths else 0
    logical, previous_width = [], 0
    for line in lines:
        previous = logical[-1] if logical else None
        if previous and _continues(previous.text, previous_width >= full, line.text):
            if previous.text.endswith("-") and previous.text[-2:-1].isalpha() and line.text[0].islower():
                previous.text = previous.text[:-1] + line.text  # a word hyphenated at the line end
            else:
                previous.text = f"{previous.text} {line.text}"
        else:
            logical.append(line)
        previous_width = len(line.text)
    return logical, dropped


def _continues(previous, previous_full, text):
    """Whether `text` is the rest of the unfinished line before it, broken by the page width."""
    if ENDS_TERMINAL.search(previous) or read_fact(text) or read_fact(previous):
        return False
    marker = LIST_MARKER.match(text)
    if marker:  # "… the limits of (a) and" / "(b) above.": a marker wrapped to the start of a line
        rest = text[marker.end() :].lstrip()
        return previous_full and rest[:1].islower()
    if CONNECTOR_ONLY.match(text) or text.startswith("*") or match_heading(text):
        return False
    if text[0].islower():
        return True
    if text.isupper() and not previous.isupper():
        return False
    return previous_full and (not previous.isupper() or text.isupper())
