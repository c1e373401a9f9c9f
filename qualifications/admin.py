"""Admin for minimum qualifications: paths inline on their version, titles of promotional paths on the path."""

from django.contrib import admin

from classes.ordering import StackedOrderedInline, TabularOrderedInline

from .models import Definition, Path, Substitution, TimeInTitle


class PathInline(StackedOrderedInline):
    model = Path
    show_change_link = True
    fieldsets = [
        (None, {"fields": [("position", "kind"), ("connector", "label"), "text", "is_equivalent_combination"]}),
        ("Education", {"fields": [("education_level", "credit_hours"), ("education_fields", "credit_hour_subjects")]}),
        (
            "Experience",
            {
                "fields": [
                    ("experience_years", "supervisory_years"),
                    "experience_kinds",
                    ("paid_experience", "part_time_accepted", "full_time_hours_per_week"),
                ]
            },
        ),
    ]


class SubstitutionInline(StackedOrderedInline):
    model = Substitution
    fields = [
        ("position", "label"),
        "text",
        ("kind", "education_beyond", "in_path_fields"),
        ("years_per_year", "cap_years", "floor_years"),
    ]


class DefinitionInline(TabularOrderedInline):
    model = Definition


class TimeInTitleInline(TabularOrderedInline):
    model = TimeInTitle
    autocomplete_fields = ["job_class"]


@admin.register(Path)
class PathAdmin(admin.ModelAdmin):
    """Reached from a version's page to name the titles a promotional path accepts."""

    list_display = ["__str__", "version", "education_level", "experience_years"]
    list_filter = ["kind", "education_level", "version__status"]
    list_select_related = ["version"]
    search_fields = ["text", "version__title"]
    raw_id_fields = ["version"]
    fieldsets = PathInline.fieldsets
    inlines = [TimeInTitleInline]

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": ["version"]}), *self.fieldsets]
