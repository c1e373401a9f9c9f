"""The life of a spec: revisions, proposal, adoption, abolition and review, each one transaction.

Every change of status goes through here, so the rules (one open text per class, adoption
supersedes the text in force, an adopted text is never edited) hold whoever asks.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import search
from .models import JobClass, Review, Version
from .models.versions import PART_LISTS
from .vocabulary import VersionStatus

# What a new draft does not inherit from its source: identity, status, adoption and bookkeeping.
NOT_COPIED = {
    "id",
    "number",
    "status",
    "adopted_on",
    "adoption_reference",
    "meeting",
    "created_at",
    "updated_at",
    "updated_by",
    "lock_version",
}


class WorkflowError(Exception):
    """A step the lifecycle does not allow; the message says why, in the analyst's words."""


def start_revision(job_class, *, by):
    """A new draft copied whole from the adopted version: every part and every structured fact."""
    with transaction.atomic():
        job_class = JobClass.objects.select_for_update().get(pk=job_class.pk)
        open_version = job_class.versions.open().first()
        if open_version:
            raise WorkflowError(
                f"{job_class} already has version {open_version.number} {open_version.get_status_display().lower()}; "
                "finish or return it before starting another."
            )
        source = job_class.versions.current().first()
        if source is None:
            raise WorkflowError(f"{job_class} has no adopted version to start a revision from.")
        number = job_class.versions.aggregate(highest=Max("number"))["highest"] + 1
        return copy_version(source, number=number, by=by)


def copy_version(source, *, number, by):
    fields = {
        field.attname: getattr(source, field.attname)
        for field in Version._meta.concrete_fields
        if field.attname.removesuffix("_id") not in NOT_COPIED and field.attname not in NOT_COPIED
    }
    draft = Version(**fields, number=number, status=VersionStatus.DRAFT, updated_by=by)
    draft.save()
    copied_paths = {}  # a source path's id: its copy, for the rules printed in it (Substitution.path)
    for path in source.paths.all():
        titles = list(path.titles.all())
        source_id = path.pk
        path.pk = path.id = None
        path.version = draft
        path.save()
        copied_paths[source_id] = path
        for title in titles:
            title.pk = title.id = None
            title.path = path
            title.save()
    for related_name in PART_LISTS:
        for part in getattr(source, related_name).all():
            part.pk = part.id = None
            part.version = draft
            if getattr(part, "path_id", None):
                part.path = copied_paths[part.path_id]
            part.save()
    return draft


def propose(version, *, by, meeting=None):
    """Send a draft to the commission, optionally to a given meeting of its jurisdiction."""
    with transaction.atomic():
        stored = _locked(version, VersionStatus.DRAFT, "be proposed")
        _check_meeting(meeting, stored.job_class)
        _save(stored, status=VersionStatus.PROPOSED, meeting=meeting, updated_by=by)
    return _refreshed(version)


def return_to_draft(version, *, by):
    with transaction.atomic():
        stored = _locked(version, VersionStatus.PROPOSED, "be returned to draft")
        _save(stored, status=VersionStatus.DRAFT, updated_by=by)
    return _refreshed(version)


def adopt(version, *, by, meeting=None, adopted_on=None, reference=None):
    """Adopt a proposed version and, in the same transaction, supersede the one in force.

    The date and reference come from the meeting unless given; the class takes the new title and code.
    """
    with transaction.atomic():
        job_class = JobClass.objects.select_for_update().get(pk=version.job_class_id)
        stored = _locked(version, VersionStatus.PROPOSED, "be adopted")
        meeting = meeting or stored.meeting
        _check_meeting(meeting, job_class)
        adopted_on = adopted_on or (meeting.date if meeting else None)
        if adopted_on is None:
            raise WorkflowError("Adoption needs a date: choose the meeting, or give the date of adoption.")
        if reference is None:
            reference = meeting.minutes_reference if meeting else ""
        if stored.code:
            holder = job_class.jurisdiction.classes.filter(code=stored.code).exclude(pk=job_class.pk).first()
            if holder:
                raise WorkflowError(f"Class code {stored.code} already belongs to {holder}; choose another code.")
        for current in job_class.versions.current():
            current.status = VersionStatus.SUPERSEDED
            current.save(update_fields=["status", "updated_at"])
        _save(
            stored,
            status=VersionStatus.ADOPTED,
            adopted_on=adopted_on,
            adoption_reference=reference,
            meeting=meeting,
            updated_by=by,
        )
        job_class.title, job_class.code = stored.title, stored.code
        job_class.save(update_fields=["title", "code"])
        search.index_classes([job_class.pk])
    return _refreshed(version)


def adopt_meeting(meeting, *, by):
    """Adopt every version proposed to the meeting, all or none."""
    with transaction.atomic():
        proposed = list(meeting.versions.filter(status=VersionStatus.PROPOSED).order_by("pk"))
        return [adopt(version, by=by, meeting=meeting) for version in proposed]


def abolish(job_class, *, on, by):
    """Take a class out of the catalogue; its adopted texts stay public as its history."""
    with transaction.atomic():
        stored = JobClass.objects.select_for_update().get(pk=job_class.pk)
        if stored.abolished_on:
            raise WorkflowError(f"{stored} was already abolished on {stored.abolished_on:%B %-d, %Y}.")
        stored.abolished_on = on
        stored.save(update_fields=["abolished_on"])
        search.index_classes([stored.pk])
    job_class.abolished_on = on
    return job_class


def record_review(job_class, *, by, on=None, note=""):
    """A review that changes no text: it restarts the class's review cycle without a new version."""
    if job_class.abolished_on:
        raise WorkflowError(f"{job_class} was abolished; an abolished class is not reviewed.")
    if not job_class.versions.current().exists():
        raise WorkflowError(f"{job_class} has no adopted text to review.")
    return Review.objects.create(job_class=job_class, reviewed_on=on or timezone.localdate(), reviewed_by=by, note=note)


def _locked(version, status, action):
    """The version as stored, locked until the transaction ends, if it is in `status`; the caller's copy may be stale."""
    stored = Version.objects.select_for_update().get(pk=version.pk)
    if stored.status != status:
        raise WorkflowError(
            f"Only a {status.label.lower()} version can {action}; version {stored.number} of {stored.title} is "
            f"{stored.get_status_display().lower()}."
        )
    return stored


def _save(version, **changes):
    """Write only what the step changes, so that no other field is overwritten with what a stale copy holds."""
    for name, value in changes.items():
        setattr(version, name, value)
    version.save(update_fields=[*changes, "updated_at"])


def _refreshed(version):
    """The caller's copy, brought up to date with the step just taken."""
    version.refresh_from_db()
    return version


def _check_meeting(meeting, job_class):
    if meeting and meeting.jurisdiction_id != job_class.jurisdiction_id:
        raise WorkflowError(f"{meeting} is not a meeting of {job_class.jurisdiction}.")
