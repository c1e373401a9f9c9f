"""A saved web page's text as lines, its headings and list items marked as Markdown marks them.

Only the page's content is read: where the page marks it (<main>, <article>, role="main") that alone, else its body;
navigation, headers, footers, forms, scripts and styles are page chrome and skipped. Headings become "## Text",
list items "- Text" (an ordered list's items "1. Text", as a browser numbers them), table rows their cells joined by
" | ", and each block is followed by a blank line. The page's <title> stands first where the page has no <h1>.

The tokenizer is this module's own, in one pass over the text with `str.find`: its time grows with the page's length
whatever the markup (no backtracking, no tree to nest), so a crafted page costs no more than a long one, and the
size limits readers.py puts on every format bound it.
"""

import html
import re

BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
CHROME = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "svg", "iframe",
          "button", "select", "textarea", "object", "head"}  # fmt: skip
RAW_TEXT = {"script", "style", "textarea", "title"}  # their content is text up to their end tag, never markup
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})")
ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def tokens(page):
    """("text", text) and ("start" | "end", tag, attributes) in document order; comments and declarations skipped."""
    position, length = 0, len(page)
    while position < length:
        opening = page.find("<", position)
        if opening == -1:
            yield "text", page[position:]
            return
        if opening > position:
            yield "text", page[position:opening]
        if page.startswith("<!--", opening):
            end = page.find("-->", opening + 4)
            position = length if end == -1 else end + 3
            continue
        tag = TAG.match(page, opening)
        if not tag:  # "<!DOCTYPE …>", "<?xml …?>", or a lone "<" in the text
            if page.startswith(("<!", "<?"), opening):
                end = page.find(">", opening)
                position = length if end == -1 else end + 1
            else:
                yield "text", "<"
                position = opening + 1
            continue
        end = page.find(">", tag.end())
        if end == -1:
            return
        closing, name = tag.group(1), tag.group(2).lower()
        yield ("end" if closing else "start"), name, page[tag.end() : end]
        position = end + 1
        if not closing and name in RAW_TEXT:
            close = RAW_TEXT_END[name].search(page, position)
            yield "text", page[position : close.start() if close else length]
            yield "end", name, ""
            position = close.end() if close else length


RAW_TEXT_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in RAW_TEXT}
CONTAINERS = {"div", "section", "main", "article"}  # followed to their end tag, to know where the main content ends


def _attributes(text):
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in ATTRIBUTE.finditer(text[:2000])}


def _is_main(name, attributes):
    if name in {"main", "article"}:
        return True
    if "main" not in attributes and "content" not in attributes:
        return False
    found = _attributes(attributes)
    return found.get("role") == "main" or found.get("id", "").lower() in {"main", "content", "main-content"}


class _Page:
    """The blocks of text read so far, each with whether it lies inside the page's main content."""

    def __init__(self):
        self.blocks, self.current = [], []
        self.prefix = ""
        self.chrome = 0
        self.containers = []  # (name, is main) of each open div, section, main and article
        self.lists = []  # for each open list: [ordered, items so far, numbering type]
        self.cells = None  # the cells of the table row being read
        self.title, self.has_h1, self.in_title = "", False, False
        self.any_main = False

    @property
    def in_main(self):
        return any(is_main for _, is_main in self.containers)

    def flush(self):
        text = " ".join("".join(self.current).split())
        self.current = []
        if self.cells is not None:
            if text:
                self.cells.append(text)
            return
        if text:
            self.blocks.append((self.in_main, self.prefix + text))
        self.prefix = ""

    def start(self, name, attributes):
        if name == "title":
            self.in_title = True
            return
        if name in CHROME:
            self.chrome += 1
        if name in CONTAINERS and len(self.containers) < 10_000:
            main = _is_main(name, attributes)
            self.containers.append((name, main))
            self.any_main = self.any_main or main
        if name in BLOCKS or name == "br":
            self.flush()
        if name in {"ul", "ol"}:
            found = _attributes(attributes)
            start = int(found["start"]) - 1 if found.get("start", "").isdigit() else 0
            self.lists.append([name == "ol", start, found.get("type", "1")])
        elif name == "li":
            self.prefix = self._marker()
        elif name == "tr":
            self.cells = []
        elif len(name) == 2 and name[0] == "h" and name[1] in "123456":
            self.prefix = "#" * int(name[1]) + " "
            self.has_h1 = self.has_h1 or (name == "h1" and not self.chrome)

    def end(self, name):
        if name == "title":
            self.in_title = False
            return
        if name in BLOCKS:
            self.flush()
        if name in CHROME:
            self.chrome = max(self.chrome - 1, 0)
        if name in CONTAINERS:
            for index in range(len(self.containers) - 1, -1, -1):  # an end tag closes what it matches, and within
                if self.containers[index][0] == name:
                    del self.containers[index:]
                    break
        if name in {"ul", "ol"} and self.lists:
            self.lists.pop()
        elif name == "tr" and self.cells is not None:
            cells, self.cells = self.cells, None
            if cells:
                self.blocks.append((self.in_main, " | ".join(cells)))

    def text(self, data):
        if self.in_title:
            self.title += data
        elif not self.chrome:
            self.current.append(data)

    def _marker(self):
        if not self.lists or not self.lists[-1][0]:
            return "- "
        _, count, kind = self.lists[-1]
        self.lists[-1][1] = count + 1
        if kind in {"a", "A"}:
            letter = chr(ord("a") + count % 26)
            return f"{letter.upper() if kind == 'A' else letter}. "
        if kind in {"i", "I"} and count < len(ROMAN):
            return f"{ROMAN[count].upper() if kind == 'I' else ROMAN[count]}. "
        return f"{count + 1}. "


def html_lines(page):
    """The lines of a saved web page's content (see the module's docstring)."""
    reader = _Page()
    for token in tokens(page):
        if token[0] == "text":
            reader.text(html.unescape(token[1]))
        elif token[0] == "start":
            reader.start(token[1], token[2])
        else:
            reader.end(token[1])
    reader.flush()
    kept = [text for inside, text in reader.blocks if inside or not reader.any_main]
    title = " ".join(reader.title.split())
    if title and not reader.has_h1:
        kept.insert(0, f"# {title}")
    lines = []
    for text in kept:
        lines.extend([text, ""])
    return lines
