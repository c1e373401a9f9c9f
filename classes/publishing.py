"""The one way the public catalogue changes.

Every change the public can see (an adoption, an abolition, a review, an imported text of record, a restore, an
admin's edit of a row a public page shows) calls `catalogue_changed` once, inside its own transaction: a new
edition retires every page kept for the old one, and the search documents of the classes named are rebuilt. If
the change rolls back, so does this. A draft is never public: saving one calls nothing.
"""

from . import search
from .models import CatalogueEdition


def catalogue_changed(reindex=(), *, reindex_all=False):
    """Start a new edition, and rebuild the search documents of the classes (keys) in `reindex`, or of all."""
    CatalogueEdition.next()
    if reindex_all:
        search.rebuild()
    elif reindex:
        search.index_classes(reindex)
