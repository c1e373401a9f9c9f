"""The catalogue's filters: every one reads the class's current adopted version, and all combine with search."""

import re
from html import escape

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Exists, OuterRef
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from classes.vocabulary import EducationLevel, PathKind
from qualifications import entry
from qualifications.models import Path

from .models import ClassSeries, Department, JobClass, Jurisdiction, SpecialRequirement, Version
from .vocabulary import JurisdictionalClass, SpecialRequirementKind

SLUG = re.compile(r"[-a-zA-Z0-9_]+")
LONGEST_ID = 19  # digits of the largest bigint; int() refuses to read thousands of them
NO_EDUCATION = "none"
EDUCATION_CEILINGS = [(NO_EDUCATION, "No education stated"), *EducationLevel.choices]


def current_version_has(model, *conditions, **named):
    """An Exists over rows of `model` belonging to the class's current adopted version."""
    return Exists(model.objects.in_force().filter(*conditions, version__job_class=OuterRef("pk"), **named))


def named_by_adopted_text(**conditions):
    """An Exists over adopted versions: a department or series only a draft names is on no public page, so the
    filters do not offer it (its name is the draft's words)."""
    return Exists(Version.objects.current().filter(**conditions))


def jurisdiction_choices():
    # Plain values: every list and search page writes this select, and model instances cost it measurably
    # (docs/scaling.md).
    return Jurisdiction.objects.order_by("name").values_list("slug", "name")


class JurisdictionChoiceField(django_filters.fields.ChoiceField):
    """Refuses a NUL before checking the choice, as a model choice field does: an unknown choice is echoed back."""

    def to_python(self, value):
        value = super().to_python(value)
        ProhibitNullCharactersValidator()(value)
        return value


class JurisdictionFilter(django_filters.ChoiceFilter):
    field_class = JurisdictionChoiceField


class OnePassSelect(forms.Select):
    """A select written in one pass, straight from its choices: Django's option template, and even its option
    dictionaries, cost a list page most of its time for a statewide jurisdiction's departments (docs/scaling.md)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(choice))}"{" selected" if str(choice) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for choice, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')


class ClassFilter(django_filters.FilterSet):
    jurisdiction = JurisdictionFilter(
        field_name="jurisdiction__slug",
        label="Jurisdiction",
        choices=jurisdiction_choices,
        empty_label="Any jurisdiction",
        widget=OnePassSelect,
    )
    department = django_filters.ModelChoiceFilter(
        label="Department or civil division",
        queryset=Department.objects.filter(named_by_adopted_text(department=OuterRef("pk"))).select_related(
            "jurisdiction"
        ),
        method="filter_department",
        empty_label="Any department",
        widget=OnePassSelect,
    )
    jurisdictional_class = django_filters.ChoiceFilter(
        label="Jurisdictional class",
        choices=JurisdictionalClass.choices,
        method="filter_jurisdictional_class",
        empty_label="Any",
        widget=OnePassSelect,
    )
    series = django_filters.ModelChoiceFilter(
        label="Class series",
        queryset=ClassSeries.objects.filter(named_by_adopted_text(job_class__series=OuterRef("pk"))),
        empty_label="Any series",
        widget=OnePassSelect,
    )
    education = django_filters.ChoiceFilter(
        label="Easiest path needs at most",
        help_text="Paths open to the public; an equivalent combination needs the least education of the paths it "
        "combines.",
        choices=EDUCATION_CEILINGS,
        method="filter_education",
        empty_label="Any education",
        widget=OnePassSelect,
    )
    path = django_filters.ChoiceFilter(
        label="Has a path that is",
        choices=PathKind.choices,
        method="filter_path",
        empty_label="Either kind",
        widget=OnePassSelect,
    )
    requirement = django_filters.ChoiceFilter(
        label="Special requirement",
        choices=SpecialRequirementKind.choices,
        method="filter_requirement",
        empty_label="Any or none",
        widget=OnePassSelect,
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("current", "Current"), ("abolished", "Abolished")],
        method="filter_status",
        empty_label="Current",
        widget=OnePassSelect,
    )

    class Meta:
        model = JobClass
        fields = []
        form = forms.Form

    # A statewide catalogue holds thousands of departments and series: the form offers those of the chosen
    # jurisdiction, and otherwise only one already chosen (an address may name one without a jurisdiction).
    SCOPED_TO_JURISDICTION = ("department", "series")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        jurisdiction = self.data.get("jurisdiction", "")
        for name in self.SCOPED_TO_JURISDICTION:
            field = self.form.fields[name]
            chosen = self.data.get(name, "")
            if SLUG.fullmatch(jurisdiction):
                field.queryset = field.queryset.filter(jurisdiction__slug=jurisdiction)
            elif jurisdiction:
                # No jurisdiction has it, and it must not reach a query: PostgreSQL refuses a text holding a NUL.
                field.queryset = field.queryset.none()
            elif chosen.isascii() and chosen.isdigit() and len(chosen) <= LONGEST_ID:
                field.queryset = field.queryset.filter(pk=chosen)
            else:
                field.queryset = field.queryset.none()
                field.help_text = "Choose a jurisdiction first."

    def filter_queryset(self, queryset):
        # Current classes only, unless the status filter asks for abolished ones.
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(abolished_on__isnull=True)
        return super().filter_queryset(queryset)

    def filter_department(self, queryset, name, value):
        return queryset.filter(Exists(Version.objects.current().filter(job_class=OuterRef("pk"), department=value)))

    def filter_jurisdictional_class(self, queryset, name, value):
        return queryset.filter(
            Exists(Version.objects.current().filter(job_class=OuterRef("pk"), jurisdictional_class=value))
        )

    def filter_education(self, queryset, name, value):
        # The checker's rule for the lowest education a path lets one in with (qualifications.entry).
        ceiling = "" if value == NO_EDUCATION else value
        return queryset.filter(current_version_has(Path, entry.letting_in_with_at_most(ceiling)))

    def filter_path(self, queryset, name, value):
        return queryset.filter(current_version_has(Path, kind=value))

    def filter_requirement(self, queryset, name, value):
        return queryset.filter(current_version_has(SpecialRequirement, kind=value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(abolished_on__isnull=value == "current")
