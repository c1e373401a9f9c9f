"""The staff pages of the importer: an upload starts a batch, the batch page reads it a few documents per request,
and each read document is reviewed beside its source, then saved as drafts or discarded."""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from classes.importing import MAX_FILE_BYTES
from classes.models import ImportBatch, ImportedDocument

from . import pending, uploads
from .forms import ImportForm, ReviewForm
from .marking import marked_lines
from .report import DocumentReport

# Who may import: add drafts, and the documents waiting to become them.
IMPORTER = ["classes.add_version", "classes.add_importeddocument"]
RECENT_BATCHES = 10


def importer(view):
    @staff_member_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        for permission in IMPORTER:
            if not request.user.has_perm(permission):
                raise PermissionDenied(permission)
        return view(request, *args, **kwargs)

    return checked


@csrf_exempt  # checked in _start: the CSRF check reads the body, which must first get the upload's limits
@importer
def import_specs(request):
    if request.method != "POST":
        return _upload_page(request, ImportForm(user=request.user))
    try:
        files = uploads.receive(request)
    except uploads.UploadRefused as refusal:
        return _upload_page(request, ImportForm(user=request.user), refusal=str(refusal), status=refusal.status)
    return _start(request, files)


@csrf_protect
def _start(request, files):
    form = ImportForm(request.POST, user=request.user)
    if not files:
        form.add_error(None, "Choose at least one file to import.")
    if not form.is_valid():
        return _upload_page(request, form)
    batch = ImportBatch.objects.create(**form.cleaned_data, created_by=request.user)
    pending.store_uploads(batch, files)
    return redirect(batch)


@csrf_exempt  # checked in _add, as for an upload that starts a batch
@importer
@require_POST
def add_files(request, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("jurisdiction"), pk=pk)
    try:
        files = uploads.receive(request)
    except uploads.UploadRefused as refusal:
        return _batch_page(request, batch, refusal=str(refusal), status=refusal.status)
    return _add(request, batch, files)


@csrf_protect
def _add(request, batch, files):
    if batch.adopted and not request.user.has_perm("classes.adopt_version"):
        raise PermissionDenied("classes.adopt_version")
    if not files:
        return _batch_page(request, batch, refusal="Choose at least one file to add.", status=400)
    pending.store_uploads(batch, files)
    return redirect(batch)


@importer
def batch_page(request, pk):
    return _batch_page(request, get_object_or_404(ImportBatch.objects.select_related("jurisdiction"), pk=pk))


@importer
@require_POST
def read_next(request, pk):
    """Reads the next few documents; the page's script asks for JSON, a page without it is sent back to the batch."""
    batch = get_object_or_404(ImportBatch.objects.select_related("jurisdiction", "created_by"), pk=pk)
    advanced = pending.read_next(batch)
    if "application/json" not in request.headers.get("Accept", ""):
        return redirect(batch)
    progress = batch.progress()
    documents = render_to_string("admin/import/documents.html", {"documents": _documents(batch)}, request)
    return JsonResponse(
        {
            "progress": str(progress),
            "read": progress.read,
            "total": progress.total,
            "advanced": advanced,
            "finished": progress.finished,
            "documents": documents,
        }
    )


@importer
def review(request, pk):
    document = get_object_or_404(ImportedDocument.objects.select_related("batch__jurisdiction", "jurisdiction"), pk=pk)
    if request.method == "POST" and "discard" in request.POST:
        if pending.discard(document):
            messages.success(request, f"Discarded {document}; nothing of it was saved.")
        return redirect(document.batch)
    form = ReviewForm(request.POST or None, document=document)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        if document.batch.adopted and not request.user.has_perm("classes.adopt_version"):
            raise PermissionDenied("classes.adopt_version")
        try:
            versions = pending.save(
                document, by=request.user, header=form.header(), jurisdiction=form.cleaned_data["jurisdiction"]
            )
        except pending.SaveRefused as refused:
            refusal = str(refused)
        else:
            saved = ", ".join(f"version {version.number} of {version.job_class}" for version in versions)
            messages.success(request, f"Saved {document} as {saved}.")
            return redirect(document.batch)
    return _review_page(request, document, form, refusal)


def _review_page(request, document, form, refusal):
    read = pending.parsed(document) if document.text else None
    context = {
        **_admin_context(request, f"Review {document}"),
        "document": document,
        "batch": document.batch,
        "form": form if document.may_be_saved else None,
        "refusal": refusal or (document.message if document.may_be_saved else ""),
        "lines": marked_lines(read) if read else [],
        "report": DocumentReport(source=document.file_name, document=read) if read else None,
        "versions": document.versions.select_related("job_class"),
    }
    return render(request, "admin/import/review.html", context)


def _batch_page(request, batch, *, refusal="", status=200):
    context = {
        **_admin_context(request, str(batch)),
        **_limits(),
        "batch": batch,
        "progress": batch.progress(),
        "documents": _documents(batch),
        "read_next": pending.READ_NEXT,
        "refusal": refusal,
    }
    return render(request, "admin/import/batch.html", context, status=status)


def _documents(batch):
    return batch.documents.defer("content", "text").prefetch_related("versions__job_class")


def _upload_page(request, form, *, refusal="", status=200):
    context = {
        **_admin_context(request, "Import specs"),
        **_limits(),
        "form": form,
        "refusal": refusal,
        "batches": ImportBatch.objects.select_related("jurisdiction", "created_by")[:RECENT_BATCHES],
    }
    return render(request, "admin/import/upload.html", context, status=status)


def _admin_context(request, title):
    return {**admin.site.each_context(request), "title": title}  # the admin's header, user links and side bar


def _limits():
    return {
        "max_megabytes": MAX_FILE_BYTES // uploads.MEGABYTE,
        "max_files": uploads.MAX_UPLOAD_FILES,
        "max_upload_megabytes": uploads.MAX_UPLOAD_BYTES // uploads.MEGABYTE,
    }
