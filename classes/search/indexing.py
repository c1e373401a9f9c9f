"""Writing the search documents: each current class's adopted text, read in the order `classes.structure`
describes, into the four columns search weighs."""

from collections import Counter

from django.db import transaction

from .. import structure
from ..models import JobClass, SearchDocument, Version
from . import backends, phrases, spelling

BATCH_SIZE = 500


def index_classes(job_class_ids):
    """(Re)build the documents of these classes from their current adopted versions; drop those with none.

    The text is read as plain values, a query per list of parts: a model instance for every part costs several
    times the Python time, and a catalogue holds millions of parts.
    """
    ids = list(job_class_ids)
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        rows = (
            Version.objects.current()
            .filter(job_class_id__in=batch, job_class__abolished_on__isnull=True)
            .values("pk", "job_class_id", *structure.text_fields())
        )
        versions = {values["pk"]: structure.row(values) for values in rows}
        parts = _part_rows(list(versions))
        documents = [
            SearchDocument(job_class_id=version.job_class_id, version_id=pk, **document_texts(version, parts[pk]))
            for pk, version in versions.items()
        ]
        with transaction.atomic():
            kept = [document.job_class_id for document in documents]
            SearchDocument.objects.filter(job_class_id__in=batch).exclude(job_class_id__in=kept).delete()
            SearchDocument.objects.bulk_create(
                documents,
                update_conflicts=True,
                unique_fields=["job_class"],
                update_fields=["version", *structure.DOCUMENT_COLUMNS],
            )
    documents_written(ids)


def documents_written(job_class_ids=None):
    """Bring what search keeps besides the documents up to date with those of these classes (None: of every class),
    once they are written: the backend's own, and the words and thesaurus phrases of their text, read in one pass."""
    backends.for_database(SearchDocument.objects.db).documents_written(job_class_ids)
    words, held = Counter(), []
    for job_class_id, *texts in _written_texts(job_class_ids):
        words.update(spelling.document_words(texts))
        held += [(job_class_id, phrase) for phrase in sorted(phrases.held(texts))]
    spelling.words_written(words, every_class=job_class_ids is None)
    phrases.phrases_written(held, job_class_ids)


def _written_texts(job_class_ids):
    """(job class id, *its document's columns) of the documents of these classes (None: of every class)."""
    documents = SearchDocument.objects.values_list("job_class_id", *structure.DOCUMENT_COLUMNS)
    if job_class_ids is None:
        yield from documents.iterator(chunk_size=BATCH_SIZE)
        return
    ids = list(job_class_ids)
    for start in range(0, len(ids), BATCH_SIZE):
        yield from documents.filter(job_class_id__in=ids[start : start + BATCH_SIZE])


def rebuild():
    """Rebuild the documents of every class."""
    index_classes(JobClass.objects.order_by("pk").values_list("pk", flat=True))


def _part_rows(version_ids):
    """{version id: {part name: its rows, in order}}, every part's fields read as plain values."""
    parts = {pk: {part.name: [] for part in structure.PARTS} for pk in version_ids}
    for part in structure.PARTS:
        rows = (
            part.model.objects.filter(version_id__in=version_ids)
            .order_by("version_id", "position")
            .values("version_id", *part.fields)
        )
        for values in rows:
            parts[values["version_id"]][part.name].append(structure.row(values))
    return parts


def document_texts(version, parts):
    """The texts of a version's document by column, in reading order: each part's lines as it prints them.

    `version` holds the version's fields (a Version, or `structure.row` of its values), `parts` maps each part's
    name to its rows in order."""
    columns = {column: [] for column in structure.DOCUMENT_COLUMNS}
    columns["title"] += [version.title, version.code]
    sections = structure.OTHER_SECTIONS
    for element in structure.READING_ORDER:
        if isinstance(element, structure.Prose):
            columns[element.column].append(getattr(version, element.name))
        elif isinstance(element, structure.Part):
            columns[element.column] += [getattr(version, name) for name in element.preambles]
            columns[element.column] += element.lines(parts[element.name])
            columns[element.column].append(getattr(version, element.note) if element.note else "")
        else:  # the other sections placed here
            placed = [section for section in parts[sections.name] if section.placement == element]
            columns[sections.column] += sections.lines(placed)
    return {column: _lines(*texts) for column, texts in columns.items()}


def _lines(*texts):
    return "\n".join(text.strip() for text in texts if text and text.strip())
