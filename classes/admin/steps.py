"""Lifecycle steps in the admin: a page with a short form per step, each calling `classes.workflow`.

A step the workflow refuses becomes an error message on the object's page, never an error page:
the step runs in its own savepoint, so nothing of it is kept.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

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
        raise PermissionDenied(permission)  # the 403 page names it


@dataclass(frozen=True)
class Step:
    """One step of a spec's life as the admin offers it: a link on the object's page, a page saying what it does
    with a short form, then the workflow's action, and a message saying what was done."""

    slug: str  # in its address: admin:<app>_<model>_<slug>
    link: str  # the link's words on the object's page
    permission: str
    action: Callable  # the workflow's step: action(obj, by=user, **form.arguments())
    title: Callable  # of the object: the page's title
    explanation: Callable  # of the object: what the step does and touches
    submit: str
    done: Callable  # of the object and the action's result: the message once done
    form: type = None  # a StepForm; None: the button alone confirms it
    offered: Callable = lambda obj: True  # whether the object's page offers it now
    offered_to: Callable = lambda obj, user: True  # whether the object is this user's to take it on; else 403
    not_yours: str = ""  # the 403 page's reason when it is not
    items: Callable = lambda obj: []  # of the object: what the step touches, listed on its page
    goes_to: Callable = lambda obj, result: obj  # where the admin goes once it is done


class StepForm(forms.Form):
    """A step's form, bound to the object the step is taken on; `arguments()` are what the workflow takes."""

    def __init__(self, data=None, *, obj):
        super().__init__(data)
        self.obj = obj

    def arguments(self):
        return self.cleaned_data


class Steps:
    """Adds each step's page (`steps`) and each other view (`views`: slug → method name) at `<pk>/<slug>/`, named
    `admin:<app>_<model>_<slug>`, and the links to the steps the user may take on the object's page."""

    steps = []
    views = {}

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        views = [(step.slug, partial(self.step_view, step=step)) for step in self.steps]
        views += [(slug, getattr(self, view)) for slug, view in self.views.items()]
        urls = [
            path(f"<path:object_id>/{slug}/", self.admin_site.admin_view(view), name="{}_{}_{}".format(*info, slug))
            for slug, view in views
        ]
        return urls + super().get_urls()

    def step_url(self, slug, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{slug}", args=[obj.pk])

    def change_url(self, obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Only a page that is shown lists the steps: a save that goes through reads nothing for them.
        if obj is not None and obj.pk is not None:
            context["step_links"] = self.step_links(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def step_links(self, request, obj):
        return [
            (step.link, self.step_url(step.slug, obj))
            for step in self.steps
            if request.user.has_perm(step.permission) and step.offered(obj) and step.offered_to(obj, request.user)
        ]

    def step_object(self, request, object_id):
        """The object a step's address names, as the step reads it."""
        return object_or_404(self.get_queryset(request), object_id)

    def step_view(self, request, object_id, *, step):
        obj = self.step_object(request, object_id)
        require_perm(request, step.permission)
        if not step.offered_to(obj, request.user):
            raise PermissionDenied(step.not_yours)
        form = (step.form or StepForm)(posted(request), obj=obj)
        back = safe_next(request, self.change_url(obj))
        if request.method == "POST" and form.is_valid():
            done, result = run_step(request, step.action, obj, by=request.user, **form.arguments())
            if not done:
                return redirect(back)
            messages.success(request, step.done(obj, result))
            goes_to = step.goes_to(obj, result)
            return redirect(self.change_url(goes_to) if goes_to is not obj else back)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "object_url": self.change_url(obj),
            "back_url": back,
            "next_url": back if back != self.change_url(obj) else None,
            "title": step.title(obj),
            "explanation": step.explanation(obj),
            "items": step.items(obj),
            "form": form,
            "submit_label": step.submit,
            "media": form.media,
        }
        return render(request, "admin/classes/step.html", context)


def safe_next(request, default):
    """Where to go after a step: the page the user came from, if it is on this site."""
    wanted = request.POST.get("next") or request.GET.get("next")
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=request.is_secure()):
        return wanted
    return default


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProposeForm(StepForm):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="No meeting yet",
        help_text="The commission meeting that will consider it, if one is set. Only this class's jurisdiction's meetings are offered.",
    )

    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        self.fields["meeting"].queryset = Meeting.objects.filter(jurisdiction=obj.job_class.jurisdiction_id)
        self.fields["meeting"].initial = obj.meeting_id


class AgendaForm(ProposeForm):
    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        meeting = self.fields["meeting"]
        meeting.required, meeting.empty_label = True, None
        meeting.help_text = (
            "The commission meeting whose agenda it goes on. Only this class's jurisdiction's meetings are offered."
        )
        meeting.queryset = meeting.queryset.exclude(pk=obj.meeting_id)


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

    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        self.fields["meeting"].empty_label = "No meeting: give the date below"
        self.fields["meeting"].help_text = "The meeting that adopted it; its date and minutes reference are recorded."

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meeting") and not cleaned.get("adopted_on") and not self.errors:
            raise forms.ValidationError("Choose the meeting that adopted it, or give the date of adoption.")
        return cleaned

    def arguments(self):
        data = self.cleaned_data
        reference = data["reference"].strip()
        # An empty reference means "the meeting's own" where there is a meeting.
        if not reference and data["meeting"]:
            reference = None
        return {"meeting": data["meeting"], "adopted_on": data["adopted_on"], "reference": reference}


class AbolishForm(StepForm):
    abolished_on = forms.DateField(
        widget=date_input(), label="Abolished on", help_text="The date of the commission's decision."
    )

    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        self.fields["abolished_on"].initial = timezone.localdate()

    def arguments(self):
        return {"on": self.cleaned_data["abolished_on"]}


class ReviewForm(StepForm):
    reviewed_on = forms.DateField(widget=date_input(), label="Reviewed on")
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was checked, and why no change was needed.",
    )

    def __init__(self, data=None, *, obj):
        super().__init__(data, obj=obj)
        self.fields["reviewed_on"].initial = timezone.localdate()

    def arguments(self):
        return {"on": self.cleaned_data["reviewed_on"], "note": self.cleaned_data["note"]}

    def clean_reviewed_on(self):
        day = self.cleaned_data["reviewed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("A review is recorded once it has happened: the date is in the future.")
        return day
