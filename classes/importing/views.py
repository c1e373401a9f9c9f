"""The staff page that uploads spec files, imports them as drafts and shows what was read."""

import time

from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from classes.importing import MAX_FILE_BYTES, import_documents
from classes.models import Jurisdiction

from . import uploads


class ImportForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(queryset=Jurisdiction.objects.all(), help_text="Whose specs these are.")
    dry_run = forms.BooleanField(required=False, label="Dry run", help_text="Read and report only; write nothing.")
    adopted = forms.BooleanField(
        required=False,
        label="Adopted text of record",
        help_text="Record each document as the text the commission adopted, dated as it prints (for specs adopted "
        "before the portal). Only staff who may adopt versions may do this.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_adopted(self):
        adopted = self.cleaned_data["adopted"]
        if adopted and not self.user.has_perm("classes.adopt_version"):
            raise forms.ValidationError(
                "Recording adopted text needs the permission to adopt versions (a commission secretary's); "
                "import the files as drafts instead."
            )
        return adopted


@csrf_exempt  # checked in _import: the CSRF check reads the body, which must first get the upload's limits
@staff_member_required
def import_specs(request):
    if not request.user.has_perm("classes.add_version"):
        raise PermissionDenied
    if request.method != "POST":
        return _page(request, ImportForm(user=request.user))
    deadline = time.monotonic() + uploads.UPLOAD_SECONDS  # receiving the files counts too
    try:
        files = uploads.receive(request)
    except uploads.UploadRefused as refusal:
        return _page(request, ImportForm(user=request.user), refusal=str(refusal), status=refusal.status)
    return _import(request, files, deadline)


@csrf_protect
def _import(request, files, deadline):
    form = ImportForm(request.POST, user=request.user)
    reports = None
    if not files:
        form.add_error(None, "Choose at least one file to import.")
    if form.is_valid() and files:
        reports = import_documents(
            files,
            jurisdiction=form.cleaned_data["jurisdiction"],
            dry_run=form.cleaned_data["dry_run"],
            adopted=form.cleaned_data["adopted"],
            by=request.user,
            deadline=deadline,
        )
    return _page(request, form, reports=reports)


def _page(request, form, *, reports=None, refusal="", status=200):
    context = {
        **admin.site.each_context(request),  # the admin's header, user links and side bar
        "form": form,
        "reports": reports,
        "refusal": refusal,
        "max_megabytes": MAX_FILE_BYTES // uploads.MEGABYTE,
        "max_files": uploads.MAX_UPLOAD_FILES,
        "max_upload_megabytes": uploads.MAX_UPLOAD_BYTES // uploads.MEGABYTE,
        "title": "Import specs",
    }
    return render(request, "admin/import/upload.html", context, status=status)
