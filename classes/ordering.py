"""Admin inlines for the ordered parts of a version's text: reordered in one save despite unique positions,
and editable only while the version is a draft."""

from django import forms
from django.contrib import admin
from django.db.models import F

from .vocabulary import VersionStatus

# Far above any real position, so parked rows never meet a real one.
PARKING_OFFSET = 1_000_000_000


class OrderedPartForm(forms.ModelForm):
    def _get_validation_exclusions(self):
        # The formset checks positions across all rows at once; a row-by-row look at the
        # database would refuse every swap, since the other row still holds the old position.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("position")
        return exclusions


class OrderedPartFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        taken = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("position") is None:
                continue
            position = data["position"]
            if position in taken:
                raise forms.ValidationError(f"Two items have position {position}. Give every item its own position.")
            taken[position] = form

    def save(self, commit=True):
        if commit:
            self._park_moving_rows()
        return super().save(commit=commit)

    def _park_moving_rows(self):
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk and ("position" in form.changed_data or self._should_delete_form(form))
        ]
        if moving:
            self.model._default_manager.filter(pk__in=moving).update(position=F("position") + PARKING_OFFSET)


def owning_version(obj):
    """The version whose text `obj` is: the version itself, or the version a part (a path…) belongs to."""
    return obj.owning_version() if hasattr(obj, "owning_version") else obj


def text_is_editable(obj):
    """Only a draft's text is edited; a proposed one is returned to draft first, an adopted one never changes.

    `obj` is the object whose page is shown (a version or a path), None on an add page.
    """
    return obj is None or owning_version(obj).status == VersionStatus.DRAFT


class DraftTextInline:
    """An inline of a version's text: shown read-only, whoever asks, unless its version is a draft."""

    def has_add_permission(self, request, obj):
        return text_is_editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return text_is_editable(obj) and super().has_delete_permission(request, obj)


class StackedOrderedInline(DraftTextInline, admin.StackedInline):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    extra = 0


class TabularOrderedInline(DraftTextInline, admin.TabularInline):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    extra = 0
