"""A spec's title, found by evidence among the lines of its header, never a salary, a date, a label or a banner.

Each line that could be a title is weighed: the file's name where it carries a title ("ACCOUNTING CLERK 1223
071318.txt"), a class code printed right after it, markup setting it as the page's first heading, being first, and
against it the words of an agency's banner ("… Personnel Board Specification", "County of …") or a bulletin's notes.
"""

import re
from dataclasses import dataclass
from pathlib import PurePath

from . import header
from .headings import SMALL_WORDS

# Lines that name an employer or the document rather than a class: a banner, whatever else it says.
BANNER = re.compile(
    r"""\b(?:(?:county|city|state|town|village|commonwealth)\s+of\b|personnel\s+(?:board|department|commission)
        |civil\s+service\s+(?:commission|board|department)|human\s+resources|specification\b
        |job\s+(?:bulletin|announcement|description)|bulletin\b|announcement\b|equal\s+(?:employment\s+)?opportunity
        |interviews?\s+only|exam\s+open|open\s+to\s+all|salary|series\s+established)""",
    re.IGNORECASE | re.VERBOSE,
)
# Words of an agency's name: a banner when they are what the line is, not when they follow a class's title after a
# comma ("Chief Actuary, Department of Insurance").
AGENCY = re.compile(
    r"\b(?:commission|authority|board|examination|(?:department|division|office|bureau|agency)\s+of)\b", re.IGNORECASE
)
CODE_AFTER_TITLE = re.compile(r"^(?P<title>.*\S)\s*\(\s*(?:class\s+code:?\s*)?(?P<code>[A-Z]{0,3}\d{3,6}[A-Z]?)\s*\)$")
STATUS_AFTER_TITLE = re.compile(r"^(?P<title>.*\S)\s+\(?(?P<status>REVISED|AMENDED|UPDATED|CORRECTED|REISSUED)\)?$")
LETTERS = re.compile(r"[A-Za-z]+")
TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
NOT_A_TITLE = re.compile(r"[$%]|^\(.*\)$|[.;]$|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|^\W|https?://|www\.")


@dataclass
class Title:
    text: str
    line: int
    code: str = ""  # a code printed in parentheses after the title
    dropped: str = ""  # a status word printed after the title ("REVISED"), not part of it


def file_evidence(source):
    """The title words and the class code a file's name carries ("ACCOUNTING CLERK 1223 071318.txt")."""
    tokens = re.findall(r"[A-Za-z]+|\d+", PurePath(source).stem)
    while tokens and tokens[0].isdigit():
        leading = tokens.pop(0)
        if not tokens:  # "0561.html": a code alone
            return [], leading
    words = []
    for token in tokens:
        if token.isdigit():
            break
        words.append(token.lower())
    digits = [token for token in tokens if token.isdigit() and 3 <= len(token) <= 5]
    if len(words) < 2 and not digits:  # "spec.docx", "page.html": a name, not a title
        words = []
    return words, digits[0] if digits and words else ""


def find_title(blocks, source):
    """The most likely title among the header's blocks, or None when every candidate reads as something else."""
    file_words, _ = file_evidence(source)
    best, best_score = None, -1
    candidates = [(index, block) for index, block in enumerate(blocks) if _could_be_title(block)]
    for position, (index, block) in enumerate(candidates):
        title = _read(block)
        words = [w.lower() for w in LETTERS.findall(title.text)]
        score = 2 if position == 0 else 1
        if block.markup_level == 1:
            score += 3
        if file_words and words == file_words:
            score += 5
        elif file_words and words[: len(file_words)] == file_words:
            score += 3
        following = blocks[index + 1 : index + 2]
        if following and any(name == "code" for name, _ in header.facts_in(_text_of(following[0]))):
            score += 2
        if title.code:
            score += 2
        if BANNER.search(title.text):
            score -= 5
        elif AGENCY.search(title.text.split(",")[0]):
            score -= 2
        if len(words) > 14:
            score -= 1
        if score > best_score:
            best, best_score = title, score
    return best


def _text_of(block):
    return block.body if block.kind == "item" else block.text


def _could_be_title(block):
    text = _text_of(block)
    if not text or len(text.split()) > 40 or len(text) > 300 or NOT_A_TITLE.search(text):
        return False
    if not TWO_LETTERS.search(text) or header.facts_in(text):
        return False
    words = [w for w in WORD.findall(text) if w.lower() not in SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    return block.kind == "heading" or block.markup_level > 0 or capitalised >= 0.75 * len(words)


def _read(block):
    text = _text_of(block)
    coded = CODE_AFTER_TITLE.match(text)
    if coded:
        return Title(coded["title"], block.line, code=coded["code"])
    status = STATUS_AFTER_TITLE.match(text)
    if status and status["title"].isupper():
        return Title(status["title"], block.line, dropped=status["status"])
    return Title(text, block.line)
