"""A batch of documents, each read, parsed and (unless a dry run) written in its own transaction."""

from dataclasses import dataclass

from django.db import DatabaseError

from .parse import parse_spec
from .readers import ReadError, check_size, document_format, read_document
from .report import DocumentReport, Draft
from .store import ImportSkipped, find_class, save_document


@dataclass
class ImportedFile:
    """A document to import: its name and a way to get its bytes (read only once its size is accepted)."""

    name: str
    size: int
    read: object  # a callable returning the bytes
    refusal: str = ""  # why the file was refused before it arrived whole (an upload over the limit): never read


def import_documents(files, *, jurisdiction=None, dry_run=False, by=None, adopted=False):
    """One report per file; a file that fails is reported and the others go on. With `adopted`, each document is
    recorded as adopted text of record. (The admin's importer reads its batches a few documents a request instead:
    pending.py.)"""
    return [_import_one(file, jurisdiction=jurisdiction, dry_run=dry_run, by=by, adopted=adopted) for file in files]


def _import_one(file, *, jurisdiction, dry_run, by, adopted):
    report = DocumentReport(source=file.name)
    try:
        if file.refusal:
            raise ReadError(f"{file.name}: {file.refusal}")
        document_format(file.name)
        check_size(file.name, file.size)  # refused before a byte is read
        lines = read_document(file.name, file.read())
    except ReadError as error:
        report.status, report.error = "error", str(error)
        return report
    report.document = parse_spec(lines, source=file.name)
    if dry_run:
        report.status = "parsed"
        for spec in report.document.specs:
            existing = find_class(jurisdiction, spec) if jurisdiction else None
            report.drafts.append(Draft(spec.title, str(existing) if existing else "", existing=existing is not None))
        return report
    try:
        versions = save_document(report.document, jurisdiction=jurisdiction, by=by, adopted=adopted)
    except ImportSkipped as error:
        report.status, report.error = "skipped", str(error)
        return report
    except DatabaseError as error:  # the transaction is rolled back: nothing of this document remains
        report.status, report.error = "error", f"{file.name}: not saved, the database refused it ({error})."
        return report
    report.status = "imported"
    report.drafts = [
        Draft(
            version.title,
            str(version.job_class),
            version.number,
            f"/admin/classes/version/{version.pk}/change/",
            existing=version.number > 1,
        )
        for version in versions
    ]
    return report
