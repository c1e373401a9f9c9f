"""A version is edited on one page, its parts inline in the order a spec reads; only a draft is editable.

The page's buttons take the version through its life (propose, return to draft, adopt), compare it
with the text in force, and list every change made to it. Two analysts saving one draft cannot
overwrite each other: a form opened before someone else's save is refused (see VersionForm).
"""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from classes import structure
from classes.diff import compare_versions
from classes.models import JobClass, Version
from classes.ordering import text_is_editable
from classes.vocabulary import VersionStatus

from .audit import AuditTrailAdmin, text_changes
from .catalogue import public_page
from .lifecycle import VERSION_STEPS
from .parts import InlinesReadThePostedForm, part_inline
from .steps import Steps, object_or_404


def user_name(user):
    return (user.get_full_name() or user.get_username()) if user else "Someone"


def stale_form_message(updated_by, updated_at):
    saved = timezone.localtime(updated_at)
    when = date_format(saved, "H:i")
    if saved.date() != timezone.localdate():
        when += f" on {date_format(saved, 'F j, Y')}"
    return (
        f"{user_name(updated_by)} saved this version at {when} after you opened it; "
        "your changes were not saved. Reload to see them."
    )


class VersionForm(forms.ModelForm):
    """The version's fields, and the stamp of the save the form was opened after.

    On save, inside the admin's transaction, the stored row is locked and its stamp compared with the
    form's: a form opened before someone else's save is refused, whoever saved in between named.
    """

    seen_lock_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_lock_version"].initial = self.instance.lock_version
        self.locked_lock_version = None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._refuse_a_stale_form()
        else:
            self._refuse_a_second_text(cleaned.get("job_class"))
        if cleaned.get("code"):
            self._refuse_another_class_code(cleaned.get("job_class") or self.instance_job_class(), cleaned["code"])
        return cleaned

    def instance_job_class(self):
        return self.instance.job_class if self.instance.job_class_id else None

    def _refuse_a_stale_form(self):
        stored = (
            Version.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values("lock_version", "updated_by", "updated_at")[0]
        )
        self.locked_lock_version = stored["lock_version"]
        if self.cleaned_data.get("seen_lock_version") != stored["lock_version"]:
            updated_by = get_user_model().objects.filter(pk=stored["updated_by"]).first()
            raise forms.ValidationError(stale_form_message(updated_by, stored["updated_at"]), code="stale")

    def _refuse_a_second_text(self, job_class):
        if job_class is None:
            return
        # Locked so that two analysts adding a first draft at once cannot both succeed.
        job_class = JobClass.objects.select_for_update().get(pk=job_class.pk)
        if job_class.versions.exists():
            self.add_error(
                "job_class",
                f"{job_class} already has a text. A new version of it starts from its adopted version: "
                "use “Start a new draft” on the class's page.",
            )

    def _refuse_another_class_code(self, job_class, code):
        if job_class is None:
            return
        other = JobClass.objects.filter(jurisdiction=job_class.jurisdiction_id, code=code).exclude(pk=job_class.pk)
        if other.exists():
            self.add_error("code", f"{other.first()} already has the code {code} in {job_class.jurisdiction}.")


@admin.register(Version)
class VersionAdmin(SortableAdminBase, Steps, InlinesReadThePostedForm, AuditTrailAdmin):
    form = VersionForm
    change_form_template = "admin/classes/lifecycle_change_form.html"
    list_display = ["title", "number", "status", "jurisdiction", "department", "jurisdictional_class", "adopted_on"]
    list_filter = ["status", "job_class__jurisdiction", "jurisdictional_class", "department"]
    list_select_related = ["job_class__jurisdiction", "department"]
    search_fields = ["title", "code", "job_class__title", "distinguishing_features"]
    autocomplete_fields = ["job_class", "department"]
    date_hierarchy = "adopted_on"
    history_list_display = ["status", "title"]
    # Set by the workflow, never typed: a version's number, status, meeting and adoption.
    readonly_fields = [
        "number",
        "status",
        "meeting",
        "adopted_on",
        "adoption_reference",
        "last_saved",
        "occupation_shown",
    ]
    fieldsets = [
        (None, {"fields": ["job_class", ("number", "status"), "meeting", "last_saved", "seen_lock_version"]}),
        (
            "Header, as printed",
            {
                "fields": [
                    "title",
                    "code",
                    "jurisdictional_class",
                    "department",
                    "flsa_status",
                    "salary_grade",
                    "bargaining_unit",
                ]
            },
        ),
        ("Adoption", {"fields": ["adopted_on", "adoption_reference", "adoption_line"]}),
        ("Occupation (O*NET)", {"fields": ["occupation_shown"]}),
        (
            "Distinguishing features",
            {
                "fields": [
                    "general_statement_heading",
                    "general_statement",
                    "distinguishing_features_heading",
                    "distinguishing_features",
                ]
            },
        ),
        (
            "Headings of the lists, as printed",
            {"fields": ["duties_heading", "duties_note", "competencies_heading", "ksas_heading"]},
        ),
        (
            "Minimum qualifications: headings and preambles",
            {
                "fields": [
                    "qualifications_heading",
                    "open_competitive_heading",
                    "open_competitive_preamble",
                    "promotional_heading",
                    "promotional_preamble",
                ]
            },
        ),
    ]
    inlines = [part_inline(part) for part in structure.PARTS]
    steps = VERSION_STEPS
    views = {"compare": "compare_view", "changes": "changes_view"}

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        """Each part's heading says how many rows the version has, so a folded part still tells.

        Counted from the rows each formset has read to make its forms, and only for a page that is shown: a save that
        goes through counts nothing.
        """
        if obj is not None and obj.pk is not None:
            for formset, inline in zip(formsets, inline_instances, strict=True):
                inline.verbose_name_plural = f"{inline.verbose_name_plural} ({len(formset.get_queryset())})"
        return super().get_inline_formsets(request, formsets, inline_instances, obj)

    @admin.display(ordering="job_class__jurisdiction__name")
    def jurisdiction(self, version):
        return version.job_class.jurisdiction

    @admin.display(description="Occupation")
    def occupation_shown(self, version):
        if not version.occupation_id:
            return "None yet: use “Confirm or change the occupation”."
        how = (
            "confirmed by an analyst"
            if version.occupation_confirmed
            else f"suggested, score {version.occupation_score}"
        )
        return f"{version.occupation} ({how})"

    @admin.display(description="Last saved")
    def last_saved(self, version):
        if not version.pk:
            return "-"
        return (
            f"{date_format(timezone.localtime(version.updated_at), 'F j, Y, H:i')} by {user_name(version.updated_by)}"
        )

    # Only a draft is edited or deleted, whoever asks: a proposed text is returned to draft first, and an
    # adopted one is a public record.

    def has_change_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # A version stays with its class; a new class's first draft chooses it.
        return [*self.readonly_fields, "job_class"] if obj else self.readonly_fields

    def get_fieldsets(self, request, obj=None):
        if obj is None or self.has_change_permission(request, obj):
            return self.fieldsets
        first, *rest = self.fieldsets
        fields = [name for name in first[1]["fields"] if name != "seen_lock_version"]
        return [(first[0], {"fields": fields}), *rest]

    def save_model(self, request, obj, form, change):
        if change:
            obj.lock_version = form.locked_lock_version + 1
        else:
            obj.number, obj.status, obj.lock_version = obj.job_class.next_version_number(), VersionStatus.DRAFT, 0
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    view_on_site = staticmethod(public_page)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["status_note"] = status_note(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def step_links(self, request, version):
        current = version.job_class.versions.current().first()
        links = []
        if not version.is_public and current:
            links.append(("Compare with the adopted text", self.step_url("compare", version)))
        links.append(("Changes to this version's text", self.step_url("changes", version)))
        links += super().step_links(request, version)
        if (
            version == current
            and request.user.has_perm("classes.start_revision")
            and not version.job_class.versions.open().exists()
        ):
            revise = reverse("admin:classes_jobclass_revise", args=[version.job_class_id])
            links.append(("Start a new draft from this version", revise))
        return links

    def step_object(self, request, object_id):
        version = object_or_404(Version.objects.select_related("job_class__jurisdiction", "meeting"), object_id)
        if not self.has_view_permission(request, version):
            raise PermissionDenied("classes.view_version")
        return version

    def compare_view(self, request, object_id):
        version = self.step_object(request, object_id)
        new = Version.objects.for_display().get(pk=version.pk)
        old = (
            Version.objects.for_display()
            .filter(job_class=version.job_class_id)
            .current()
            .exclude(pk=version.pk)
            .first()
        )
        parts = compare_versions(old, new) if old else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{new.title}: version {new.number} compared with the adopted text",
            "object": new,
            "object_url": self.change_url(new),
            "old": old,
            "new": new,
            "parts": parts,
            "changed_count": sum(part.changed for part in parts),
        }
        return render(request, "admin/classes/version/compare.html", context)

    def changes_view(self, request, object_id):
        version = self.step_object(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Changes to the text of {version}",
            "object": version,
            "object_url": self.change_url(version),
            "changes": text_changes(version),
        }
        return render(request, "admin/classes/version/changes.html", context)


def status_note(version):
    if version.status == VersionStatus.PROPOSED:
        meeting = f" ({version.meeting})" if version.meeting_id else ""
        return f"Proposed to the commission{meeting}: its text is read-only. Return it to draft to edit it."
    if version.is_public:
        adopted = f" on {date_format(version.adopted_on, 'F j, Y')}" if version.adopted_on else ""
        return (
            f"{version.get_status_display()} text, adopted{adopted}: a public record that can never change. "
            "Corrections are made in a new draft."
        )
    return ""
