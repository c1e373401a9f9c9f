"""Admin inlines for the ordered parts of a version's text: ordered by dragging (django-admin-sortable2) or from the
keyboard (static/js/part-order.js), reordered in one save despite unique positions, and editable only while the
version is a draft. A position is never typed: a new row goes last, so the form works without JavaScript too."""

from adminsortable2.admin import (
    CustomInlineFormSetMixin,
    SortableInlineAdminMixin,
    SortableStackedInline,
    SortableTabularInline,
)
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.functional import cached_property

from .vocabulary import VersionStatus

# Far above any real position, so parked rows never meet a real one.
PARKING_OFFSET = 1_000_000_000


class OrderedPartForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A table's cells have their column's heading, not a label of their own: each input is named for itself.
        for field in self.fields.values():
            field.widget.attrs.setdefault("aria-label", str(field.label))

    def _post_clean(self):
        # A stored row left as it was is not saved (the formset skips it) and was valid when stored: checking it
        # again would cost a query per constraint and per row, most of a long draft's save.
        if self.instance.pk and not self.has_changed():
            return
        super()._post_clean()

    def _get_validation_exclusions(self):
        # The formset checks positions across all rows at once; a row-by-row look at the
        # database would refuse every swap, since the other row still holds the old position.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("position")
        return exclusions


class StoredRowField(forms.ModelChoiceField):
    """A stored row's hidden id, found among the rows its formset read for its version.

    Django's own id field looks each posted id up with a query of its own, across the whole table: 44 queries in a
    save of the longest seed's draft, a fifth of the save's time (bench/results/save_draft-2026-12-06e.txt). The
    formset has read the version's rows already, to give each form its row; an id among them is the row, any other
    (another version's row, or none) is refused, where Django's field accepted another version's row and the
    formset then skipped it without a word.
    """

    def __init__(self, formset, **kwargs):
        super().__init__(queryset=formset.get_queryset(), **kwargs)
        self.formset = formset

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.formset.stored_rows[self.queryset.model._meta.pk.to_python(value)]
        except (KeyError, ValidationError):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


class OrderedPartFormSet(CustomInlineFormSetMixin, forms.BaseInlineFormSet):
    @cached_property
    def stored_rows(self):
        """The rows of this list's owner, by id: the formset's queryset, read once."""
        return {row.pk: row for row in self.get_queryset()}

    def clean(self):
        super().clean()
        name = self.model._meta.pk.name
        if any(name in form.errors for form in self.initial_forms):
            # The id is a hidden field, whose own error the admin's inline templates do not show.
            raise forms.ValidationError(
                f"A row sent with the {self.model._meta.verbose_name_plural} is not one of those stored here: "
                "nothing was saved. Reload the page to see what is stored."
            )
        taken = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("position") is None:
                continue
            position = data["position"]
            if position in taken:
                raise forms.ValidationError(f"Two items have position {position}. Give every item its own position.")
            taken[position] = form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name = self.model._meta.pk.name
        made = form.fields[name]
        form.fields[name] = StoredRowField(self, initial=made.initial, required=made.required, widget=made.widget)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = "Delete this row"

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


class OrderedInline(DraftTextInline, SortableInlineAdminMixin):
    form = OrderedPartForm
    formset = OrderedPartFormSet
    extra = 0
    classes = ["collapse"]  # each part folds; its heading says how many rows it has
    # One line each, growing as it is typed (admin.css): a 40-item list stays a screen or two long.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 1, "class": "part-line"})}}

    @property
    def media(self):
        return super().media + forms.Media(js=["js/part-order.js"])


class StackedOrderedInline(OrderedInline, admin.StackedInline):
    template = SortableStackedInline.template


class TabularOrderedInline(OrderedInline, admin.TabularInline):
    template = SortableTabularInline.template
