"""Admin for minimum qualifications: paths inline on their version, titles of promotional paths on the path."""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin

from classes.ordering import StackedOrderedInline, TabularOrderedInline, text_is_editable
from classes.vocabulary import VersionStatus

from .models import Path, Substitution, TimeInTitle


class PathInline(StackedOrderedInline):
    model = Path
    show_change_link = True
    fieldsets = [
        (None, {"fields": [("position", "kind"), ("connector", "label"), "text", "is_equivalent_combination"]}),
        (
            "Education",
            {
                "fields": [
                    ("education_level", "accredited_education"),
                    ("credit_hours", "quarter_units", "total_credit_hours"),
                    ("education_fields", "credit_hour_subjects"),
                ]
            },
        ),
        (
            "Experience",
            {
                "fields": [
                    ("experience_years", "supervisory_years", "complete_years_only"),
                    ("experience_kinds", "excluded_experience"),
                    ("paid_experience", "part_time_accepted", "full_time_hours_per_week"),
                    ("service", "status_required", "titles_combined"),
                ]
            },
        ),
        ("Licences and certificates", {"fields": ["licenses", ("license_needed_by", "license_within_months")]}),
    ]


class SubstitutionInline(StackedOrderedInline):
    model = Substitution
    fields = [
        ("position", "label", "path"),
        "text",
        ("kind", "education_beyond", "in_path_fields"),
        ("years_per_year", "cap_years", "floor_years"),
        ("credit_hours", "quarter_units", "years_for_units"),
        "credit_hour_subjects",
    ]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if "path" in formset.form.base_fields:  # a rule belongs to a path of its own version
            formset.form.base_fields["path"].queryset = obj.paths.all() if obj else Path.objects.none()
        return formset


class TimeInTitleInline(TabularOrderedInline):
    model = TimeInTitle
    autocomplete_fields = ["job_class"]


class PathForm(forms.ModelForm):
    def clean_version(self):
        version = self.cleaned_data["version"]
        if version.status != VersionStatus.DRAFT:
            raise forms.ValidationError(
                f"Version {version.number} of {version.job_class} is {version.get_status_display().lower()}; "
                "paths are added to drafts only."
            )
        return version


@admin.register(Path)
class PathAdmin(SortableAdminBase, admin.ModelAdmin):
    """Reached from a version's page to name the titles a promotional path accepts.

    Like the version's own page, it is read-only unless the version is a draft, superusers included.
    """

    form = PathForm

    list_display = ["__str__", "version", "education_level", "experience_years"]
    list_filter = ["kind", "education_level", "version__status"]
    list_select_related = ["version"]
    search_fields = ["text", "version__title"]
    raw_id_fields = ["version"]
    fieldsets = PathInline.fieldsets
    inlines = [TimeInTitleInline]

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": ["version"]}), *self.fieldsets]

    def get_readonly_fields(self, request, obj=None):
        # A path stays with the version it was written for.
        return ["version"] if obj else []

    def has_change_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_delete_permission(request, obj)
