"""The life of a spec: revisions, proposal, adoption, abolition and review, each one transaction.

Every change of status goes through here, so the rules (one open text per class, adoption
supersedes the text in force, an adopted text is never edited) hold whoever asks.
"""

from django.db import transaction
from django.utils import timezone

from . import occupations, structure
from .models import JobClass, OpenVersionError, Review, Version
from .publishing import catalogue_changed
from .vocabulary import VersionStatus


class WorkflowError(Exception):
    """A step the lifecycle does not allow; the message says why, in the analyst's words."""


def start_revision(job_class, *, by):
    """A new draft copied whole from the adopted version: every part and every structured fact."""
    with transaction.atomic():
        try:
            job_class = JobClass.objects.locked_for_new_version(job_class.pk)
        except OpenVersionError as error:
            raise WorkflowError(str(error)) from error
        source = job_class.versions.current().first()
        if source is None:
            raise WorkflowError(f"{job_class} has no adopted version to start a revision from.")
        return copy_version(source, number=job_class.next_version_number(), by=by)


def copy_version(source, *, number, by):
    """A draft of `source`'s class holding its whole text: every field of the version that is text, every part."""
    text = {name: getattr(source, name) for name in ["job_class", *structure.text_fields()]}
    draft = Version(**text, number=number, status=VersionStatus.DRAFT, updated_by=by)
    draft.save()
    copies = {}
    for part in structure.PARTS:
        _copy_rows(part, source, draft, copies)
    return draft


def _copy_rows(part, source, owner, copies):
    """Copy `part`'s rows of `source` to `owner`, and their children; `copies` maps each copied row (model, key) to
    its copy, so that a row naming another part's row (a substitution the path it is printed in) names the copy."""
    for row in part.rows(source):
        children = list(part.children.rows(row)) if part.children else []
        original = (type(row), row.pk)
        row.pk = row.id = None
        setattr(row, part.owner, owner)
        for field in row._meta.concrete_fields:
            named = (field.related_model, getattr(row, field.attname)) if field.is_relation else None
            if named in copies:
                setattr(row, field.name, copies[named])
        row.save()
        copies[original] = row
        for child in children:
            child.pk = child.id = None
            setattr(child, part.children.owner, row)
            child.save()


def propose(version, *, by, meeting=None):
    """Send a draft to the commission, optionally to a given meeting of its jurisdiction."""
    with transaction.atomic():
        stored = _locked(version, VersionStatus.DRAFT, "be proposed")
        _check_meeting(meeting, stored.job_class)
        _save(stored, status=VersionStatus.PROPOSED, meeting=meeting, proposed_by=by, updated_by=by)
    return _refreshed(version)


def return_to_draft(version, *, by):
    with transaction.atomic():
        stored = _locked(version, VersionStatus.PROPOSED, "be returned to draft")
        _save(stored, status=VersionStatus.DRAFT, proposed_by=None, updated_by=by)
    return _refreshed(version)


def withdraw(version, *, by):
    """The analyst who proposed a version takes it back: a draft again, on no meeting's agenda."""
    with transaction.atomic():
        stored = _locked(version, VersionStatus.PROPOSED, "be withdrawn")
        if not stored.can_be_withdrawn_by(by):
            proposer = stored.proposed_by.get_full_name() or stored.proposed_by.username if stored.proposed_by else ""
            raise WorkflowError(
                f"Only the analyst who proposed version {stored.number} of {stored.title}"
                + (f", {proposer}," if proposer else "")
                + " can withdraw it; the commission can return it to draft."
            )
        _save(stored, status=VersionStatus.DRAFT, meeting=None, proposed_by=None, updated_by=by)
    return _refreshed(version)


def put_on_agenda(version, *, by, meeting):
    """Put a proposal on a meeting's agenda, or move it to another meeting's, at any time before adoption."""
    with transaction.atomic():
        stored = _locked(version, VersionStatus.PROPOSED, "be put on a meeting's agenda")
        _check_meeting(meeting, stored.job_class)
        _save(stored, meeting=meeting, updated_by=by)
    return _refreshed(version)


def take_off_agenda(version, *, by):
    """Take a proposal off its meeting's agenda; it stays proposed, to no meeting yet."""
    with transaction.atomic():
        stored = _locked(version, VersionStatus.PROPOSED, "be taken off a meeting's agenda")
        if stored.meeting_id is None:
            raise WorkflowError(f"Version {stored.number} of {stored.title} is on no meeting's agenda.")
        _save(stored, meeting=None, updated_by=by)
    return _refreshed(version)


def adopt(version, *, by, meeting=None, adopted_on=None, reference=None):
    """Adopt a proposed version and, in the same transaction, supersede the one in force.

    The date and reference come from the meeting unless given; the class takes the new title and code.
    """
    with transaction.atomic():
        _adopt(version, by=by, meeting=meeting, adopted_on=adopted_on, reference=reference)
        catalogue_changed([version.job_class_id])
    return _refreshed(version)


def _adopt(version, *, by, meeting=None, adopted_on=None, reference=None):
    """Adopt one version, inside the caller's transaction."""
    job_class = JobClass.objects.select_for_update().get(pk=version.job_class_id)
    stored = _locked(version, VersionStatus.PROPOSED, "be adopted")
    meeting = meeting or stored.meeting
    _check_meeting(meeting, job_class)
    adopted_on = adopted_on or (meeting.date if meeting else None)
    if adopted_on is None:
        raise WorkflowError("Adoption needs a date: choose the meeting, or give the date of adoption.")
    if reference is None:
        reference = meeting.minutes_reference if meeting else ""
    superseded = _supersede(job_class, stored)
    stored.adopted_on, stored.adoption_reference, stored.meeting = adopted_on, reference, meeting
    _save(
        stored,
        status=VersionStatus.ADOPTED,
        adopted_on=adopted_on,
        adoption_reference=reference,
        meeting=meeting,
        adoption_line=stored.adoption_line_once_adopted(supersedes=bool(superseded)),
        updated_by=by,
    )
    _named_after(job_class, stored)


def _named_after(job_class, stored):
    """The class takes the title and code of its text in force."""
    job_class.title, job_class.code = stored.title, stored.code
    job_class.save(update_fields=["title", "code"])


def _supersede(job_class, stored):
    """Make way for `stored` as the text in force of `job_class` (locked): its code free, its occupation suggested,
    the text in force superseded. Returns the superseded versions."""
    if stored.code:
        holder = job_class.jurisdiction.classes.filter(code=stored.code).exclude(pk=job_class.pk).first()
        if holder:
            raise WorkflowError(f"Class code {stored.code} already belongs to {holder}; choose another code.")
    occupations.suggest(stored)  # the text in force has an occupation, until an analyst confirms another
    superseded = list(job_class.versions.current())
    for current in superseded:
        current.status = VersionStatus.SUPERSEDED
        current.save(update_fields=["status", "updated_at"])
    return superseded


def record_adopted_text(version, *, adopted_on, reference, by):
    """A draft taken as the adopted text of record: a spec the commission adopted before the portal, imported with
    the dates it prints. It keeps the adoption line it prints (nothing is added: the portal did not adopt it), takes
    the latest date printed as its adoption, and supersedes the text in force, all in one transaction."""
    with transaction.atomic():
        job_class = JobClass.objects.select_for_update().get(pk=version.job_class_id)
        stored = _locked(version, VersionStatus.DRAFT, "be recorded as adopted")
        _supersede(job_class, stored)
        _save(stored, status=VersionStatus.ADOPTED, adopted_on=adopted_on, adoption_reference=reference, updated_by=by)
        _named_after(job_class, stored)
        catalogue_changed([job_class.pk])
    return _refreshed(version)


def adopt_meeting(meeting, *, by):
    """Adopt every version proposed to the meeting, all or none."""
    with transaction.atomic():
        proposed = list(meeting.versions.filter(status=VersionStatus.PROPOSED).order_by("pk"))
        for version in proposed:
            _adopt(version, by=by, meeting=meeting)
        if proposed:
            catalogue_changed([version.job_class_id for version in proposed])
    return [_refreshed(version) for version in proposed]


def abolish(job_class, *, on, by):
    """Take a class out of the catalogue; its adopted texts stay public as its history."""
    with transaction.atomic():
        stored = JobClass.objects.select_for_update().get(pk=job_class.pk)
        if stored.abolished_on:
            raise WorkflowError(f"{stored} was already abolished on {stored.abolished_on:%B %-d, %Y}.")
        stored.abolished_on = on
        stored.save(update_fields=["abolished_on"])
        catalogue_changed([stored.pk])
    job_class.abolished_on = on
    return job_class


def record_review(job_class, *, by, on=None, note=""):
    """A review that changes no text: it restarts the class's review cycle without a new version."""
    if job_class.abolished_on:
        raise WorkflowError(f"{job_class} was abolished; an abolished class is not reviewed.")
    if not job_class.versions.current().exists():
        raise WorkflowError(f"{job_class} has no adopted text to review.")
    with transaction.atomic():
        review = Review.objects.create(
            job_class=job_class, reviewed_on=on or timezone.localdate(), reviewed_by=by, note=note
        )
        catalogue_changed()
    return review


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
