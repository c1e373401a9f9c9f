"""A document's bytes as lines of text, one reader per format, refusing files too large to read safely."""

import io
import zipfile
from pathlib import PurePath

MAX_FILE_BYTES = 5 * 1024 * 1024
# A .docx is a zip: refuse one that would expand past this, or that holds an unreasonable number of parts.
MAX_DOCX_EXPANDED_BYTES = 40 * 1024 * 1024
MAX_DOCX_MEMBERS = 2000
MAX_PDF_PAGES = 200
FORMATS = {".txt": "text", ".md": "text", ".markdown": "text", ".docx": "docx", ".pdf": "pdf"}


class ReadError(Exception):
    """The file cannot be read as a spec; the message says why, for the person who uploaded it."""


def document_format(name):
    suffix = PurePath(name).suffix.lower()
    if suffix not in FORMATS:
        raise ReadError(f"{name}: unsupported file type “{suffix or 'none'}”; use .txt, .md, .docx or .pdf.")
    return FORMATS[suffix]


def check_size(name, size):
    if size > MAX_FILE_BYTES:
        raise ReadError(f"{name}: {size:,} bytes is over the limit of {MAX_FILE_BYTES:,} bytes; not read.")


def read_document(name, data):
    """The text lines of a document, in reading order. Raises ReadError for anything unreadable."""
    kind = document_format(name)
    check_size(name, len(data))
    if kind == "docx":
        return read_docx(name, data)
    if kind == "pdf":
        return read_pdf(name, data)
    return read_text(name, data)


def read_text(name, data):
    if b"\x00" in data[:4096]:
        raise ReadError(f"{name}: this is not a text file (it holds binary data).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{name}: the text is neither UTF-8 nor Windows-1252.")


def read_docx(name, data):
    from docx import Document  # imported here: only .docx imports pay for it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ReadError(f"{name}: not a Word document (.docx files are zip archives; this one is not).") from error
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_EXPANDED_BYTES:
        raise ReadError(f"{name}: the Word document expands past {MAX_DOCX_EXPANDED_BYTES:,} bytes; not read.")
    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise ReadError(f"{name}: the Word document is damaged and cannot be read ({error}).") from error
    lines = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: header facts are often laid out in one
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if cell.text.strip() and cell.text not in cells:
                        cells.append(cell.text)
                lines.extend(" ".join(cells).splitlines())
        else:
            lines.extend(block.text.splitlines() or [""])
    return lines


def read_pdf(name, data):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReadError(f"{name}: the PDF is encrypted; export an unprotected copy.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReadError(f"{name}: {len(reader.pages)} pages is over the limit of {MAX_PDF_PAGES}; not read.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise ReadError(f"{name}: the PDF is damaged and cannot be read ({error}).") from error
    lines = []
    for text in pages:
        lines.extend(text.splitlines())
        lines.append("")
    if not any(line.strip() for line in lines):
        raise ReadError(f"{name}: the PDF holds no text (a scanned image needs OCR first).")
    return lines
