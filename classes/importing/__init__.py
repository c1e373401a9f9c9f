"""The importer: existing class specs (text, Markdown, HTML, Word, PDF) read into draft versions.

`read_document` turns a file's bytes into lines, `parse_spec` turns lines into a `ParsedDocument` (one `Spec` per
class the document describes, and how each line was read), and `import_documents` writes each document's drafts in
its own transaction, reporting on each in a `DocumentReport`. The admin's importer keeps an upload's files as pending
documents read a few per request and saved once reviewed (`pending.py`), each source line marked with what it was
read as (`marking.py`). docs/importing.md describes how a document is read.
"""

from .batch import ImportedFile, import_documents
from .parse import parse_spec
from .readers import MAX_FILE_BYTES, ReadError, read_document
from .report import DocumentReport
from .result import ParsedDocument, Spec

__all__ = [
    "MAX_FILE_BYTES",
    "DocumentReport",
    "ImportedFile",
    "ParsedDocument",
    "ReadError",
    "Spec",
    "import_documents",
    "parse_spec",
    "read_document",
]
