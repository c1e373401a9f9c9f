"""The catalogue in the admin: jurisdictions, departments, series, job classes, reviews and the review queue.

A class's title and code come from the text it adopts, so they are read-only once it has one; a
class is abolished, revised and reviewed through the buttons on its page (classes.workflow).
"""

from django.contrib import admin, messages
from django.db.models import F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import urlencode

from classes import workflow
from classes.models import (
    ClassDueForReview,
    ClassSeries,
    Department,
    HistoryEntry,
    JobClass,
    Jurisdiction,
    Review,
    Version,
)
from classes.models.catalogue import add_years

from .audit import AuditTrailAdmin
from .lifecycle import CLASS_STEPS
from .public_rows import PublicRowAdmin
from .steps import Steps, object_or_404, run_step


@admin.register(Jurisdiction)
class JurisdictionAdmin(PublicRowAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "commission_name", "review_cycle_years"]
    list_filter = ["kind"]
    search_fields = ["name", "commission_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Department)
class DepartmentAdmin(PublicRowAdmin, admin.ModelAdmin):
    list_display = ["name", "jurisdiction"]
    list_filter = ["jurisdiction"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "jurisdiction__name"]


@admin.register(ClassSeries)
class ClassSeriesAdmin(PublicRowAdmin, admin.ModelAdmin):
    list_display = ["name", "jurisdiction"]
    list_filter = ["jurisdiction"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "jurisdiction__name"]
    prepopulated_fields = {"slug": ["name"]}


class HistoryEntryInline(admin.TabularInline):
    model = HistoryEntry
    extra = 0


class ReadOnly:
    """For admin pages and inlines that only list: nothing is added, changed or deleted through them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def public_page(version):
    """A version's public address, for "View on site" links; a draft has none (its address answers 404)."""
    return version.get_absolute_url() if version.is_public else None


class VersionListInline(ReadOnly, admin.TabularInline):
    """A read-only list of versions, each opening on its own page, where its text is read or edited.

    A row's public page is a column of its own: the inline's "View on site" link would follow the change link's
    "View" with no word between them."""

    model = Version
    show_change_link = True
    view_on_site = False
    extra = 0

    @admin.display(description="public page")
    def public_page_link(self, version):
        address = public_page(version)
        if not address:
            return "none (not public)"
        return format_html('<a href="{}">Version {} on the public site</a>', address, version.number)


class VersionSummaryInline(VersionListInline):
    fields = ["number", "status", "title", "adopted_on", "public_page_link"]
    readonly_fields = fields
    verbose_name_plural = "versions (open one to read or edit its text)"


def first_draft_url(job_class):
    """The page adding a new class's first draft, with the class, its title and its code filled in."""
    query = urlencode({"job_class": job_class.pk, "title": job_class.title, "code": job_class.code})
    return f"{reverse('admin:classes_version_add')}?{query}"


@admin.register(JobClass)
class JobClassAdmin(PublicRowAdmin, Steps, AuditTrailAdmin):
    change_form_template = "admin/classes/lifecycle_change_form.html"
    list_display = ["title", "code", "jurisdiction", "series", "abolished_on"]
    list_filter = ["jurisdiction", "series", "abolished_on"]
    list_select_related = ["jurisdiction", "series"]
    search_fields = ["title", "code", "jurisdiction__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series"]
    fields = ["jurisdiction", "title", "code", "slug", "series", "series_level", "abolished_on"]
    inlines = [VersionSummaryInline, HistoryEntryInline]
    history_list_display = ["title", "code", "abolished_on"]
    steps = CLASS_STEPS

    def get_readonly_fields(self, request, obj=None):
        # Abolition is a step of its own; title and code follow the adopted text (a revision changes them).
        if obj and obj.versions.public().exists():
            return ["jurisdiction", "title", "code", "abolished_on"]
        return ["abolished_on"]

    def get_prepopulated_fields(self, request, obj=None):
        # The address of an existing class stays as it is.
        return self.prepopulated_fields if obj is None else {}

    def response_add(self, request, obj, post_url_continue=None):
        """A new class goes straight on to its first draft, carrying its title and code."""
        plain_save = not ({"_continue", "_addanother", "_popup"} & set(request.POST))
        if plain_save and request.user.has_perm("classes.add_version"):
            messages.success(request, f"The class {obj} was added. Now write its first draft.")
            return redirect(first_draft_url(obj))
        return super().response_add(request, obj, post_url_continue)

    def step_links(self, request, job_class):
        links = []
        open_version = job_class.versions.open().first()
        if open_version:
            label = f"Open version {open_version.number} ({open_version.get_status_display().lower()})"
            links.append((label, reverse("admin:classes_version_change", args=[open_version.pk])))
        if not job_class.versions.exists() and request.user.has_perm("classes.add_version"):
            links.append(("Write its first draft", first_draft_url(job_class)))
        return links + super().step_links(request, job_class)

    def step_object(self, request, object_id):
        return object_or_404(JobClass.objects.select_related("jurisdiction"), object_id)


@admin.register(Review)
class ReviewAdmin(ReadOnly, admin.ModelAdmin):
    """Reviews are recorded from a class's page or the review queue, and then kept as they are."""

    list_display = ["job_class", "reviewed_on", "reviewed_by", "note"]
    list_filter = ["job_class__jurisdiction", "reviewed_on"]
    list_select_related = ["job_class", "reviewed_by"]
    search_fields = ["job_class__title", "note"]
    date_hierarchy = "reviewed_on"


@admin.register(ClassDueForReview)
class ClassDueForReviewAdmin(ReadOnly, admin.ModelAdmin):
    """Current classes whose review cycle has ended or ends within 90 days, the longest unreviewed first."""

    list_display = ["class_title", "jurisdiction", "last_reviewed", "review_due", "record_review"]
    list_display_links = None
    list_filter = ["jurisdiction"]
    search_fields = ["title", "code"]
    actions = ["record_reviews"]

    def get_queryset(self, request):
        return ClassDueForReview.objects.due_for_review(timezone.localdate()).select_related("jurisdiction")

    def get_ordering(self, request):
        return [F("last_reviewed").asc(nulls_first=True), "title"]

    def has_record_review_permission(self, request):
        return request.user.has_perm("classes.add_review")

    def changelist_view(self, request, extra_context=None):
        title = "Classes due for review, the longest unreviewed first"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    @admin.display(description="class")
    def class_title(self, job_class):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:classes_jobclass_change", args=[job_class.pk]), job_class
        )

    @admin.display(description="last adopted or reviewed", ordering="last_reviewed")
    def last_reviewed(self, job_class):
        return date_format(job_class.last_reviewed, "F j, Y") if job_class.last_reviewed else "never"

    @admin.display(description="review due")
    def review_due(self, job_class):
        if job_class.last_reviewed is None:
            return "overdue (never reviewed)"
        due = add_years(job_class.last_reviewed, job_class.jurisdiction.review_cycle_years)
        state = "overdue since" if due < timezone.localdate() else "due"
        return f"{state} {date_format(due, 'F j, Y')}"

    @admin.display(description="")
    def record_review(self, job_class):
        url = reverse("admin:classes_jobclass_review", args=[job_class.pk])
        here = reverse("admin:classes_classdueforreview_changelist")
        return format_html('<a href="{}?next={}">Record a review</a>', url, here)

    @admin.action(description="Record a review with no change, dated today", permissions=["record_review"])
    def record_reviews(self, request, queryset):
        recorded = 0
        for job_class in queryset:
            done, _ = run_step(request, workflow.record_review, job_class, by=request.user)
            recorded += done
        if recorded:
            messages.success(request, f"Recorded a review of {recorded} class{'es' if recorded != 1 else ''}.")
