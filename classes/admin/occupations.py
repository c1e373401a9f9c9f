"""O*NET's occupations in the admin: read, never edited (`load_onet` brings a release), and chosen for a version."""

from django import forms
from django.contrib import admin

from classes import occupations
from classes.models import Occupation, OccupationTitle

from .steps import StepForm

ATTRIBUTION = (
    "Occupations and their titles include information from the O*NET® 30.0 and 29.3 Databases by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license."
)


class OccupationTitleInline(admin.TabularInline):
    model = OccupationTitle
    fields = ["title", "kind"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title", "titles__title"]
    fields = ["code", "title", "description"]
    readonly_fields = fields
    inlines = [OccupationTitleInline]

    # O*NET's reference data: every member of staff may read it; it changes only through `load_onet`.
    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def occupation_choices(suggested):
    shown = [(s.occupation.code, f"{s.occupation} (score {s.score})") for s in suggested]
    return [
        ("Suggested from the title and duties", shown),
        ("Every occupation", [(o.code, str(o)) for o in Occupation.objects.only("code", "title")]),
    ]


class OccupationForm(StepForm):
    occupation = forms.ChoiceField(
        help_text="The O*NET occupation this class's work belongs to. The suggestions come first, best first; "
        "every occupation follows."
    )

    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        self.suggested = occupations.suggestions(obj)
        self.fields["occupation"].choices = occupation_choices(self.suggested)
        current = obj.occupation_id or (self.suggested[0].occupation.code if self.suggested else None)
        self.fields["occupation"].initial = current

    def arguments(self):
        return {"occupation": Occupation.objects.get(code=self.cleaned_data["occupation"])}


def explanation(version):
    if version.occupation_id and version.occupation_confirmed:
        now = f"An analyst chose {version.occupation}."
    elif version.occupation_id:
        now = f"Suggested now: {version.occupation} (score {version.occupation_score}), not yet confirmed."
    else:
        now = "No occupation is recorded yet."
    return f"{now} The occupation is shown on the class's public page and in its open data. {ATTRIBUTION}"
