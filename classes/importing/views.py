"""The staff page that uploads spec files, imports them as drafts and shows what was read."""

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from classes.importing import MAX_FILE_BYTES, ImportedFile, import_documents
from classes.models import Jurisdiction


class ImportForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(queryset=Jurisdiction.objects.all(), help_text="Whose specs these are.")
    dry_run = forms.BooleanField(required=False, label="Dry run", help_text="Read and report only; write nothing.")


@staff_member_required
def import_specs(request):
    if not request.user.has_perm("classes.add_version"):
        raise PermissionDenied
    form = ImportForm(request.POST or None)
    reports = None
    uploads = request.FILES.getlist("files")
    if request.method == "POST" and not uploads:
        form.add_error(None, "Choose at least one file to import.")
    if request.method == "POST" and form.is_valid() and uploads:
        files = [ImportedFile(name=upload.name, size=upload.size, read=upload.read) for upload in uploads]
        reports = import_documents(
            files, jurisdiction=form.cleaned_data["jurisdiction"], dry_run=form.cleaned_data["dry_run"], by=request.user
        )
    context = {
        "form": form,
        "reports": reports,
        "max_megabytes": MAX_FILE_BYTES // (1024 * 1024),
        "title": "Import specs",
    }
    return render(request, "admin/import/upload.html", context)
