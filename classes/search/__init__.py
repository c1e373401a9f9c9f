"""Full-text search over the adopted text of current classes, answered alike by PostgreSQL and SQLite.

- `indexing`: each class's search document, written from its current adopted version.
- `query`: the classes matching a query's words, best first.
- `similarity`: the classes of other jurisdictions doing a version's work.
- `words`: how a query or a title splits into the words search looks for.
- `names`: other names for the work (a thesaurus, O*NET's titles) that widen a query.
- `spelling`: a word that matches nothing, replaced by the nearest word of the catalogue.
- `backends`: the database's own answers, `postgresql` (tsvectors, pg_trgm) or `sqlite` (FTS5).
- `highlighting`: the passage shown under each result, the query's words marked.
"""

from .highlighting import passages, reasons
from .indexing import document_texts, documents_written, index_classes, rebuild
from .query import Reading, apply, understand
from .similarity import similar

__all__ = [
    "Reading",
    "apply",
    "document_texts",
    "documents_written",
    "index_classes",
    "passages",
    "reasons",
    "rebuild",
    "similar",
    "understand",
]
