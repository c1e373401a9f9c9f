"""Reading rendered pages and seed documents as text, the way a reader sees them, for fidelity tests."""

import re
from html.parser import HTMLParser

INLINE_TAGS = {
    "a",
    "abbr",
    "b",
    "code",
    "em",
    "i",
    "mark",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "del",
    "ins",
}

HIDDEN_TAGS = {"script", "style", "template"}

DEBRIS_LINE = re.compile(
    r"""^(page\s+\d+\s+of\s+\d+      # page numbers
        |.*[-\s]cont'?d\.?           # running headers: "TITLE-cont'd"
        |.*\bcontinued               # "CONTINUED", "TITLE CONTINUED"
        )$""",
    re.IGNORECASE | re.VERBOSE,
)
LIST_MARKER = re.compile(r"^\(?[A-Za-z0-9]{1,3}[.)]$")


class _TextOf(HTMLParser):
    def __init__(self, root_tag):
        super().__init__()
        self.root_tag = root_tag
        self.depth = 0
        self.parts = []
        self.hidden = 0  # inside a script or style: data for the browser, never shown (a class page's JSON-LD)

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in HIDDEN_TAGS
        if tag == self.root_tag or self.depth:
            self.depth += tag != "br" and tag not in {"img", "input", "meta", "link", "hr", "wbr"}
            if tag not in INLINE_TAGS:
                self.parts.append(" ")

    def handle_endtag(self, tag):
        self.hidden -= tag in HIDDEN_TAGS and self.hidden > 0
        if self.depth:
            self.depth -= 1
            if tag not in INLINE_TAGS:
                self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)


def page_text(html, root_tag="main"):
    """The visible text inside `root_tag`, whitespace collapsed, block elements kept apart."""
    parser = _TextOf(root_tag)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def clean_source(raw):
    """A seed document without Markdown markers and page debris, as a list of paragraphs (blocks)."""
    text = raw.replace("\\*", "*").replace("**", "")
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(#+|-)\s+", "", line).strip()
        if DEBRIS_LINE.match(line):
            continue
        lines.append(line)
    blocks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return [" ".join(block.split()) for block in blocks]


def sentences(raw):
    """Every sentence and list item of a seed (a fragment ending in "." or ";"), debris removed.

    Fragments are cut after ".", ";" and ":" so that an inline heading ("DUTIES: Plans …") does
    not glue onto the text after it; headings and header facts without closing punctuation are
    left to the structured assertions.
    """
    found = []
    for block in clean_source(raw):
        for fragment in re.split(r"(?<=[.;:])\s+", block):
            fragment = fragment.strip()
            if fragment.endswith((".", ";", '."')) and not LIST_MARKER.match(fragment):
                found.append(fragment)
    return found
