"""The analysts' admin: a version is edited on one page, its parts inline in the order a spec reads."""

from django.contrib import admin

from qualifications.admin import DefinitionInline, PathInline, SubstitutionInline

from . import search
from .models import (
    KSA,
    ClassSeries,
    Competency,
    Department,
    Duty,
    HistoryEntry,
    JobClass,
    Jurisdiction,
    OtherSection,
    SpecialRequirement,
    Version,
)
from .ordering import StackedOrderedInline, TabularOrderedInline


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "commission_name"]
    list_filter = ["kind"]
    search_fields = ["name", "commission_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "jurisdiction"]
    list_filter = ["jurisdiction"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "jurisdiction__name"]


@admin.register(ClassSeries)
class ClassSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "jurisdiction"]
    list_filter = ["jurisdiction"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "jurisdiction__name"]
    prepopulated_fields = {"slug": ["name"]}


class HistoryEntryInline(admin.TabularInline):
    model = HistoryEntry
    extra = 0


class VersionSummaryInline(admin.TabularInline):
    model = Version
    fields = ["number", "status", "title", "adopted_on"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = "versions (open one to edit its text)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(JobClass)
class JobClassAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "jurisdiction", "series", "abolished_on"]
    list_filter = ["jurisdiction", "series", "abolished_on"]
    list_select_related = ["jurisdiction", "series"]
    search_fields = ["title", "code", "jurisdiction__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series"]
    inlines = [VersionSummaryInline, HistoryEntryInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Abolishing a class takes it out of search at once.
        search.index_classes([obj.pk])


class DutyInline(TabularOrderedInline):
    model = Duty


class KSAInline(TabularOrderedInline):
    model = KSA
    verbose_name_plural = "knowledges, skills, abilities and personal characteristics"


class CompetencyInline(TabularOrderedInline):
    model = Competency


class OtherSectionInline(StackedOrderedInline):
    model = OtherSection
    fields = ["position", "placement", "heading", "layout", "text"]


class SpecialRequirementInline(TabularOrderedInline):
    model = SpecialRequirement


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "status", "jurisdiction", "department", "jurisdictional_class", "adopted_on"]
    list_filter = ["status", "job_class__jurisdiction", "jurisdictional_class", "department"]
    list_select_related = ["job_class__jurisdiction", "department"]
    search_fields = ["title", "code", "job_class__title", "distinguishing_features"]
    autocomplete_fields = ["job_class", "department"]
    date_hierarchy = "adopted_on"
    fieldsets = [
        (None, {"fields": ["job_class", "number", "status"]}),
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
    inlines = [
        DutyInline,
        CompetencyInline,
        KSAInline,
        OtherSectionInline,
        PathInline,
        SubstitutionInline,
        DefinitionInline,
        SpecialRequirementInline,
    ]

    @admin.display(ordering="job_class__jurisdiction__name")
    def jurisdiction(self, version):
        return version.job_class.jurisdiction

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The parts are saved after the version: only now is the class's text complete.
        search.index_classes([form.instance.job_class_id])
