"""The importer: existing class specs (text, Markdown, Word, PDF) read into draft versions.

`read_document` turns a file's bytes into lines, `parse_spec` turns lines into a `ParsedSpec`
(the facts and parts the database would get) and `import_documents` writes each document as a
draft in its own transaction. Every step reports what it found in a `DocumentReport`.
"""

from .batch import ImportedFile, import_documents
from .parse import parse_spec
from .readers import MAX_FILE_BYTES, ReadError, read_document
from .report import DocumentReport

__all__ = [
    "MAX_FILE_BYTES",
    "DocumentReport",
    "ImportedFile",
    "ReadError",
    "import_documents",
    "parse_spec",
    "read_document",
]
