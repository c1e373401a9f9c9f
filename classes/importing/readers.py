"""A document's bytes as lines of text, one reader per format, refusing files too large or too odd to read safely."""

import codecs
import json
import math
import subprocess
import sys
from pathlib import Path, PurePath

from .docx_package import Unsafe, check_package
from .html_text import html_lines

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_PDF_PAGES = 200
# A spec many times over (the seeds hold 5,000 to 10,000 characters in 44 to 249 lines, the longest line 1,223
# characters): the parser's time grows with the text, so a document far past this is refused, not parsed.
MAX_TEXT_CHARS = 300_000
MAX_LINES = 5_000
MAX_LINE_CHARS = 20_000
# A .docx or .pdf is read by a third-party parser in a child process, stopped past this time or this memory:
# a crafted file can keep a parser busy for hours, and the portal's workers are killed at 30 seconds.
MAX_READ_SECONDS = 15
MAX_READ_MEMORY_BYTES = 1024 * 1024 * 1024
EXTRACT = Path(__file__).with_name("extract.py")
FORMATS = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


class ReadError(Exception):
    """The file cannot be read as a spec; the message says why, for the person who uploaded it."""


def document_format(name):
    suffix = PurePath(name).suffix.lower()
    if suffix not in FORMATS:
        raise ReadError(f"{name}: unsupported file type “{suffix or 'none'}”; use .txt, .md, .html, .docx or .pdf.")
    return FORMATS[suffix]


def check_size(name, size):
    if size > MAX_FILE_BYTES:
        raise ReadError(f"{name}: {size:,} bytes is over the limit of {MAX_FILE_BYTES:,} bytes; not read.")


def read_document(name, data, *, seconds=None):
    """The text lines of a document, in reading order. Raises ReadError for anything unreadable.

    `seconds` shortens the time a .docx or .pdf may take to read (an upload's time left), never lengthens it.
    """
    kind = document_format(name)
    check_size(name, len(data))
    if kind == "docx":
        lines = read_docx(name, data, seconds)
    elif kind == "pdf":
        lines = read_pdf(name, data, seconds)
    elif kind == "html":
        lines = read_html(name, data)
    else:
        lines = read_text(name, data)
    check_text(name, lines)
    return lines


def read_text(name, data):
    return _text(name, data).splitlines()


def read_html(name, data):
    """A saved web page's content as lines. Read here, not in a child process: html_text's reading is linear in the
    page's length whatever its markup, and the page is within MAX_FILE_BYTES."""
    lines = html_lines(_text(name, data))
    if not any(line.strip() for line in lines):
        raise ReadError(f"{name}: the page holds no text to read.")
    return lines


def _text(name, data):
    text = _decoded(name, data)
    if "\x00" in text:
        raise ReadError(f"{name}: this is not a text file (it holds binary data).")
    return text


def _decoded(name, data):
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # Notepad's "Unicode"
    for encoding in ["utf-16"] if utf16 else ["utf-8-sig", "cp1252"]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{name}: the text is neither UTF-8, UTF-16 nor Windows-1252.")


def check_text(name, lines):
    """Refuses text far beyond any spec's size, before the parser spends its time on it."""
    if len(lines) > MAX_LINES:
        raise ReadError(f"{name}: {len(lines):,} lines is over the limit of {MAX_LINES:,}; not read.")
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ReadError(
                f"{name}: line {number} is {len(line):,} characters long, over the limit of {MAX_LINE_CHARS:,}; "
                "not read."
            )
    if sum(len(line) for line in lines) > MAX_TEXT_CHARS:
        raise ReadError(f"{name}: it holds more than {MAX_TEXT_CHARS:,} characters of text, far more than a spec.")


def read_docx(name, data, seconds=None):
    try:
        check_package(data)
    except Unsafe as refusal:
        raise ReadError(f"{name}: {refusal}") from None
    return _extract(name, "docx", data, seconds)


def read_pdf(name, data, seconds=None):
    lines = _extract(name, "pdf", data, seconds)
    if not any(line.strip() for line in lines):
        raise ReadError(f"{name}: the PDF holds no text (a scanned image needs OCR first).")
    return lines


def _extract(name, kind, data, seconds=None):
    """The lines extract.py reads from a .docx or .pdf, in a child process stopped once `seconds` run out."""
    upload_time_left = seconds is not None and seconds < MAX_READ_SECONDS
    seconds = min(seconds, MAX_READ_SECONDS) if upload_time_left else MAX_READ_SECONDS
    # -I: the child sees neither the environment's PYTHON* variables nor this folder (whose numbers.py would
    # shadow the standard library's).
    command = [sys.executable, "-I", str(EXTRACT), kind]
    command += [str(n) for n in (MAX_PDF_PAGES, MAX_TEXT_CHARS, MAX_READ_MEMORY_BYTES, math.ceil(seconds))]
    document = "Word document" if kind == "docx" else "PDF"
    try:
        done = subprocess.run(
            command, input=data, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=max(seconds, 0)
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed the child
        if upload_time_left:
            raise ReadError(
                f"{name}: not read, the upload's time ran out while reading it; import it again on its own."
            ) from None
        raise ReadError(
            f"{name}: reading it took longer than {seconds:g} seconds, far longer than a spec needs; not read."
        ) from None
    except OSError as error:
        raise ReadError(f"{name}: the {document} could not be read (its reader did not start: {error}).") from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        raise ReadError(
            f"{name}: the {document} could not be read (its reader stopped with status {done.returncode})."
        ) from None
    if "refused" in answer:
        raise ReadError(f"{name}: {answer['refused']}")
    return answer["lines"]
