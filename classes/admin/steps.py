"""Lifecycle steps in the admin: a page with a short form per step, each calling `classes.workflow`.

A step the workflow refuses becomes an error message on the object's page, never an error page:
the step runs in its own savepoint, so nothing of it is kept.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone

from classes.immutability import AdoptedTextError
from classes.models import Meeting
from classes.workflow import WorkflowError


def run_step(request, step, *args, **kwargs):
    """Run a workflow step; returns (done, result). A refusal is reported to the user, and nothing is kept."""
    try:
        with transaction.atomic():
            return True, step(*args, **kwargs)
    except (WorkflowError, AdoptedTextError) as refusal:
        messages.error(request, str(refusal))
    except IntegrityError as refusal:
        messages.error(request, f"The database refused this step, so nothing was changed: {refusal}")
    return False, None


def posted(request):
    """The data to bind a step's form to: none on GET (an empty POST still binds, so a bare button works)."""
    return request.POST if request.method == "POST" else None


def object_or_404(queryset, object_id):
    """The object a step's address names; an address naming none, or not a number, answers 404."""
    try:
        found = queryset.filter(pk=object_id).first()
    except (ValueError, ValidationError):
        found = None
    if found is None:
        raise Http404(f"No {queryset.model._meta.verbose_name} {object_id}.")
    return found


def require_perm(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class StepUrls:
    """Adds `<pk>/<slug>/` admin URLs, named `admin:<app>_<model>_<slug>`, for the views in `step_views`."""

    step_views = {}  # slug: name of the view method

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        steps = [
            path(
                f"<path:object_id>/{slug}/",
                self.admin_site.admin_view(getattr(self, view)),
                name="{}_{}_{}".format(*info, slug),
            )
            for slug, view in self.step_views.items()
        ]
        return steps + super().get_urls()

    def step_url(self, slug, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{slug}", args=[obj.pk])

    def change_url(self, obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def step_page(request, model_admin, obj, *, title, form, submit, explanation="", items=(), back_url=None):
    """The page of one step: what it does, what it touches, its form, and a way back."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "object": obj,
        "object_url": model_admin.change_url(obj),
        "back_url": back_url or model_admin.change_url(obj),
        "next_url": back_url,
        "title": title,
        "explanation": explanation,
        "items": items,
        "form": form,
        "submit_label": submit,
        "media": form.media,
    }
    return render(request, "admin/classes/step.html", context)


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConfirmForm(forms.Form):
    """A step with nothing to choose: the button confirms it."""


class ProposeForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="No meeting yet",
        help_text="The commission meeting that will consider it, if one is set. Only this class's jurisdiction's meetings are offered.",
    )

    def __init__(self, *args, jurisdiction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(jurisdiction=jurisdiction)


class AdoptForm(ProposeForm):
    adopted_on = forms.DateField(
        required=False,
        widget=date_input(),
        label="Adopted on",
        help_text="Leave empty to take the meeting's date.",
    )
    reference = forms.CharField(
        required=False,
        max_length=200,
        label="Minutes or resolution reference",
        help_text="Printed as the adoption reference, e.g. “Res. 2026-14”. Leave empty to take the meeting's minutes reference.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].empty_label = "No meeting: give the date below"
        self.fields["meeting"].help_text = "The meeting that adopted it; its date and minutes reference are recorded."

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meeting") and not cleaned.get("adopted_on") and not self.errors:
            raise forms.ValidationError("Choose the meeting that adopted it, or give the date of adoption.")
        return cleaned

    def workflow_arguments(self):
        data = self.cleaned_data
        reference = data["reference"].strip()
        # An empty reference means "the meeting's own" where there is a meeting.
        if not reference and data["meeting"]:
            reference = None
        return {"meeting": data["meeting"], "adopted_on": data["adopted_on"], "reference": reference}


class AbolishForm(forms.Form):
    abolished_on = forms.DateField(
        widget=date_input(), label="Abolished on", help_text="The date of the commission's decision."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["abolished_on"].initial = timezone.localdate()


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(widget=date_input(), label="Reviewed on")
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was checked, and why no change was needed.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()

    def clean_reviewed_on(self):
        day = self.cleaned_data["reviewed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("A review is recorded once it has happened: the date is in the future.")
        return day
