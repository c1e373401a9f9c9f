"""The backend answering searches for a database. Each answers alike:

- `restrict(queryset, words, any_word, prefix)`: the queryset narrowed to the classes whose documents match the
  words, annotated with `search_rank`; `ranked(...)` the same, best first (on PostgreSQL, past its whole-text
  limit, a `TitlesFirst` over two such querysets);
- `exists(words)`: whether any document matches them all;
- `candidates(word)`: title words a misspelt word may stand for, nearest first (`spelling` chooses among them);
- `documents_written(job_class_ids)`: what it keeps besides the documents, brought up to date with them.
"""

from django.db import connections

from .postgresql import PostgreSQL
from .sqlite import SQLite


def for_database(alias):
    connection = connections[alias]
    return {"postgresql": PostgreSQL, "sqlite": SQLite}[connection.vendor](connection)
