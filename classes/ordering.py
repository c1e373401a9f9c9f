"""Admin inline formsets that let analysts reorder items in one save despite unique positions."""

from django import forms
from django.contrib import admin
from django.db.models import F

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


class StackedOrderedInline(admin.StackedInline):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    extra = 0


class TabularOrderedInline(admin.TabularInline):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    extra = 0
