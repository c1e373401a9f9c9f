"""Run as a child process by readers.py: a .docx's or .pdf's text lines, in a process the parent bounds in time.

Usage: python -I extract.py docx|pdf MAX_PAGES MAX_CHARS MEMORY_BYTES SECONDS < document

It prints one JSON object: {"lines": [...]} or {"refused": "why, for the person who uploaded the file"}. The
parsers (python-docx, pypdf) are third-party code whose time on a crafted file cannot be bounded from inside the
parser; here the parent kills them when time runs out, and a limit on memory stops a decompression bomb. It imports
neither Django nor this package: starting it costs little more than importing the parser.
"""

import io
import json
import logging
import resource
import sys


class Refused(Exception):
    pass


def too_much_text(max_chars):
    return f"it holds more than {max_chars:,} characters of text, far more than a spec; not read."


def docx_lines(data, max_chars):
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        lines, chars = [], 0
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):  # a table: header facts are often laid out in one
                text = []
                for row in block.rows:
                    cells = []
                    for cell in row.cells:
                        if cell.text.strip() and cell.text not in cells:
                            cells.append(cell.text)
                    # A row of one-line cells is read as its cells, as the importer reads a table ("a | b | c").
                    one_line = all("\n" not in cell for cell in cells)
                    text.extend([" | ".join(cells)] if one_line else " ".join(cells).splitlines())
            else:
                text = block.text.splitlines() or [""]
            lines.extend(text)
            chars += sum(len(line) for line in text)
            if chars > max_chars:
                raise Refused(too_much_text(max_chars))
    except (Refused, MemoryError):
        raise
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise Refused(f"the Word document is damaged and cannot be read ({error}).") from error
    return lines


def pdf_lines(data, max_pages, max_chars):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Refused("the PDF is encrypted (password-protected); export an unprotected copy.")
        if len(reader.pages) > max_pages:
            raise Refused(f"{len(reader.pages)} pages is over the limit of {max_pages}; not read.")
        lines, chars = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            chars += len(text)
            if chars > max_chars:
                raise Refused(too_much_text(max_chars))
            lines.extend(text.splitlines())
            lines.append("")
    except (Refused, MemoryError):
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file; any of them means "cannot be read"
        raise Refused(f"the PDF is damaged and cannot be read ({error}).") from error
    return lines


def main(kind, max_pages, max_chars, memory_bytes, seconds):
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))  # a bomb in a PDF's streams stops here
    # A second bound besides the parent's timeout: should the parent die first, the child still stops.
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # stopped past its CPU time, it leaves no core file behind
    logging.disable(logging.CRITICAL)  # pypdf logs a warning per oddity; a crafted file has millions
    answer = sys.stdout
    sys.stdout = sys.stderr  # only the answer goes to the parent's pipe
    data = sys.stdin.buffer.read()
    try:
        lines = docx_lines(data, max_chars) if kind == "docx" else pdf_lines(data, max_pages, max_chars)
        result = {"lines": lines}
    except Refused as refusal:
        result = {"refused": str(refusal)}
    except MemoryError:
        result = {"refused": "reading it needs more memory than a spec could; not read."}
    json.dump(result, answer)


if __name__ == "__main__":
    main(sys.argv[1], *(int(argument) for argument in sys.argv[2:6]))
