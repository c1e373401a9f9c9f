"""Documents uploaded to the admin: stored as they arrive, read a few per request, then saved or discarded.

An upload only stores its files (`store_uploads`), so that a batch of hundreds is never one long request; the batch
page then asks `read_next` for a few documents at a time, each read (and, where the batch says so, saved) in its own
transaction. A read document keeps its text as read, so that its review re-reads it exactly, with the analyst's
corrections of its header (`Header`) applied before it is saved.
"""

import contextlib
import logging
import time
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from classes.models import ImportedDocument
from classes.vocabulary import AfterReading, ImportStatus

from .parse import one_class_series, parse_spec
from .readers import MAX_READ_SECONDS, ReadError, check_size, document_format, read_document
from .store import ImportSkipped, save_document

logger = logging.getLogger(__name__)

# At most this many documents a request, and none begun once this many seconds of the request have gone: each read
# is bounded by readers.MAX_READ_SECONDS, so a request ends well inside the 30 seconds a worker is given.
READ_NEXT = 10
BEGIN_WITHIN_SECONDS = 30 - MAX_READ_SECONDS - 5


class SaveRefused(Exception):
    """The document was not saved; the message says why. The analyst's corrections are kept."""


@dataclass
class Level:
    title: str
    code: str = ""


@dataclass
class Header:
    """What an analyst may correct before saving: the series a document of several levels describes, and the title
    and code of each class (level) it describes, in the order printed."""

    levels: list[Level] = field(default_factory=list)
    series: str = ""

    @classmethod
    def read_from(cls, document):
        return cls([Level(spec.title, spec.code) for spec in document.specs], document.series)

    @classmethod
    def stored(cls, data):
        return cls([Level(**level) for level in data.get("levels", [])], data.get("series", ""))

    def as_data(self):
        return {"series": self.series, "levels": [{"title": level.title, "code": level.code} for level in self.levels]}

    def apply(self, document):
        """`document` (as parsed) with this header: its specs' titles and codes, its title and series."""
        for spec, level in zip(document.specs, self.levels, strict=False):
            spec.title, spec.code = level.title, level.code
        if document.series:
            document.series = document.title = self.series or document.series
            for spec in document.specs:
                spec.series_name = document.series
        elif document.specs:
            spec = document.spec
            document.title = spec.title
            spec.series_name, spec.series_level = "", None  # read again from the title as corrected
            one_class_series(spec)
        return document


def store_uploads(batch, files):
    """Each uploaded file as a pending document of `batch`; one refused on the way is stored as an error, with why."""
    documents = []
    for file in files:
        document = ImportedDocument(batch=batch, jurisdiction=batch.jurisdiction, file_name=file.name[:255])
        try:
            if file.refusal:
                raise ReadError(f"{file.name}: {file.refusal}")
            document_format(file.name)
            check_size(file.name, file.size)
            document.content, document.size = file.read(), file.size
        except ReadError as refusal:
            document.status, document.message = ImportStatus.ERROR, str(refusal)
        documents.append(document)
    return ImportedDocument.objects.bulk_create(documents)


def read_next(batch, *, count=None):
    """Reads up to `count` pending documents of `batch`, each in its own transaction; returns how many were read.

    Two requests reading the same batch at once (two open pages) take different documents on PostgreSQL."""
    count = READ_NEXT if count is None else count
    began = time.monotonic()
    done = 0
    while done < count and time.monotonic() - began < BEGIN_WITHIN_SECONDS:
        with transaction.atomic():
            document = batch.documents.pending().select_for_update(skip_locked=True).order_by("pk").first()
            if document is None:
                break
            document.batch = batch
            read_one(document)
        done += 1
    return done


def read_one(document):
    """Reads a pending document: its text, what it says, and (where its batch saves at once) its drafts."""
    name = document.file_name
    try:
        document.text = "\n".join(read_document(name, bytes(document.content)))
        parsed = parse_spec(document.lines(), source=name)  # as its review will read it again
    except ReadError as error:
        return _failed(document, str(error))
    except Exception:  # a fault of the reader's, not the analyst's: left pending, it would stop the batch for good
        logger.exception("Reading %s (imported document %s) failed", name, document.pk)
        return _failed(document, f"{name}: the importer failed on this file (the error is logged); import it by hand.")
    document.content, document.status, document.message = b"", ImportStatus.READ, ""
    document.title = parsed.title[:200]
    document.doubts, document.warnings = len(parsed.doubts), len(parsed.warnings)
    document.header = Header.read_from(parsed).as_data()
    document.save()
    if document.batch.after_reading == AfterReading.SAVE:
        with contextlib.suppress(SaveRefused):  # kept for review, with the reason
            save(document, by=document.batch.created_by)


def _failed(document, why):
    document.status, document.message, document.content, document.text = ImportStatus.ERROR, why, b"", ""
    document.save()


def parsed(document):
    """A read document as its review shows it and as saving writes it: read again from its text, header corrected."""
    found = parse_spec(document.lines(), source=document.file_name)
    return Header.stored(document.header).apply(found) if document.header else found


def save(document, *, by, header=None, jurisdiction=None):
    """Writes the document's drafts, with `header` and `jurisdiction` where given (kept even when saving is refused);
    returns the versions. Raises SaveRefused with the reason, having written nothing of the document's drafts."""
    if header is not None:
        document.header = header.as_data()
    if jurisdiction is not None:
        document.jurisdiction = jurisdiction
    if document.batch.dry_run:
        raise SaveRefused("This batch is a dry run: nothing of it can be saved. Upload the file again to import it.")
    if document.status != ImportStatus.READ:
        raise SaveRefused(f"This document is {document.get_status_display().lower()}; only a read one can be saved.")
    try:
        with transaction.atomic():
            # The same document saved from two pages at once: the second finds it saved already.
            waiting = ImportedDocument.objects.select_for_update().filter(pk=document.pk, status=ImportStatus.READ)
            if waiting.first() is None:
                raise SaveRefused("Not saved: it was saved or discarded meanwhile, on another page.")
            versions = save_document(
                parsed(document), jurisdiction=document.jurisdiction, by=by, adopted=document.batch.adopted
            )
            document.status, document.message, document.saved_by = ImportStatus.SAVED, "", by
            document.save()
            document.versions.set(versions)
    except (ImportSkipped, DatabaseError) as error:  # rolled back: nothing of its drafts remains
        refused = str(error) if isinstance(error, ImportSkipped) else f"the database refused it ({error})"
        document.status, document.saved_by, document.message = ImportStatus.READ, None, f"Not saved: {refused}."
        document.save()
        raise SaveRefused(document.message) from error
    return versions


def discard(document):
    """Drops a document not yet saved: it is never read again nor saved; its text is kept for the batch's record."""
    if document.status in {ImportStatus.SAVED, ImportStatus.DISCARDED}:
        return False
    document.status, document.content = ImportStatus.DISCARDED, b""
    document.save()
    return True
