"""Spec files uploaded to the admin's importer: kept as they arrive, read a few at a time, then reviewed and saved.

A batch of hundreds is never read in one request (a worker is stopped at 30 seconds): the upload stores each file as
a pending `ImportedDocument`, and the batch page reads the next few per request (classes/importing/pending.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from classes.vocabulary import AfterReading, ImportStatus, in_vocabulary

from .catalogue import Jurisdiction
from .versions import Version


@dataclass
class Progress:
    """How far a batch has been read: every document not pending any more counts as read, errors included."""

    total: int = 0
    pending: int = 0
    review: int = 0
    saved: int = 0
    discarded: int = 0
    errors: int = 0

    @property
    def read(self):
        return self.total - self.pending

    @property
    def finished(self):
        return self.pending == 0

    def __str__(self):
        errors = f", {self.errors} error{'' if self.errors == 1 else 's'}" if self.errors else ""
        return f"{self.read} of {self.total} read{errors}"


class ImportBatch(models.Model):
    """Files uploaded together (in one upload or several) for one jurisdiction, and what to do with each once read."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="import_batches", help_text="Whose specs these are."
    )
    after_reading = models.CharField(
        max_length=20,
        choices=AfterReading,
        default=AfterReading.REVIEW,
        help_text="What becomes of each document once it is read.",
    )
    adopted = models.BooleanField(
        default=False, help_text="Each document saved is recorded as the adopted text of record, dated as it prints."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "import batches"
        constraints = [in_vocabulary("after_reading", AfterReading, name="import_batch_after_reading_valid")]

    def __str__(self):
        return f"Import into {self.jurisdiction} of {timezone.localtime(self.created_at):%B %-d, %Y %H:%M}"

    def get_absolute_url(self):
        return reverse("import_batch", args=[self.pk])

    @property
    def dry_run(self):
        return self.after_reading == AfterReading.DRY_RUN

    def progress(self):
        counts = dict(self.documents.values_list("status").annotate(n=Count("pk")).order_by())
        return Progress(
            total=sum(counts.values()),
            pending=counts.get(ImportStatus.PENDING, 0),
            review=counts.get(ImportStatus.READ, 0),
            saved=counts.get(ImportStatus.SAVED, 0),
            discarded=counts.get(ImportStatus.DISCARDED, 0),
            errors=counts.get(ImportStatus.ERROR, 0),
        )


class ImportedDocumentQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ImportStatus.PENDING)

    def waiting_for_review(self):
        return self.filter(status=ImportStatus.READ)


class ImportedDocument(models.Model):
    """One uploaded file: its bytes until read, then its text as read and the analyst's corrections of its header."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="documents")
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Whose spec this is; the batch's unless the analyst corrects it.",
    )
    file_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    content = models.BinaryField(default=b"", editable=False, help_text="The file as uploaded; emptied once read.")
    text = models.TextField(blank=True, editable=False, help_text="The document's lines as read, line 1 first.")
    status = models.CharField(max_length=20, choices=ImportStatus, default=ImportStatus.PENDING)
    message = models.TextField(blank=True, help_text="Why it could not be read, or why saving it was refused.")
    title = models.CharField(max_length=200, blank=True, help_text="The title read (a series document's: the series).")
    header = models.JSONField(
        default=dict,
        blank=True,
        help_text="The header as it will be saved: the series name and each level's title and code, as read or as "
        "the analyst corrected them.",
    )
    doubts = models.PositiveIntegerField(default=0, help_text="How many facts were read with doubt.")
    warnings = models.PositiveIntegerField(default=0)
    versions = models.ManyToManyField(Version, blank=True, related_name="+", help_text="The drafts saved from it.")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImportedDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["batch", "pk"]
        constraints = [in_vocabulary("status", ImportStatus, name="imported_document_status_valid")]
        indexes = [models.Index(fields=["batch", "status"], name="imported_document_batch_status")]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("import_review", args=[self.pk])

    def lines(self):
        return self.text.split("\n") if self.text else []

    @property
    def may_be_saved(self):
        return self.status == ImportStatus.READ and not self.batch.dry_run
