"""The audit trail in the admin: who changed what and when, read from django-simple-history's records.

The records are never edited or deleted, so they outlive adoption: an adopted version's page still
lists every change made to it while it was a draft.
"""

from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.core.exceptions import PermissionDenied
from django.utils.text import Truncator, capfirst
from simple_history.admin import SimpleHistoryAdmin

from classes import structure
from classes.models import Version

# Who owns a part is the page itself; its other fields are what changed.
OWNER_FIELDS = {"id", "version", "path"}
KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}


class AuditTrailAdmin(SimpleHistoryAdmin):
    """simple_history's history pages, read-only: a past state can be read, never restored.

    Restoring would write around the workflow, the stale-form check and the guard of adopted text.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied("The audit trail is read only: an earlier state can be read, never restored.")
        return super().history_form_view(request, object_id, version_id, extra_context)


@dataclass
class FieldChange:
    name: str
    old: str | None  # None: the part was created with `new`
    new: str


@dataclass
class TextChange:
    when: datetime
    who: object  # the user, or None where no one was signed in (fixtures, scripts)
    what: str
    kind: str
    fields: list[FieldChange] = field(default_factory=list)


def text_changes(version):
    """Every recorded change to `version` and its parts, newest first, with the fields each one changed.

    A query for the version's records, one for each part's, one for the rows of each part's rows (the titles of
    every path the version ever had), and one for each change of a link (a meeting, a department).
    """
    records = list(Version.audit_trail.filter(id=version.pk).select_related("history_user"))
    for part in structure.PARTS:
        rows = list(part.model.audit_trail.filter(version_id=version.pk).select_related("history_user"))
        records += rows
        if part.children:
            owners = {f"{part.children.owner}_id__in": {row.id for row in rows}}
            records += part.children.model.audit_trail.filter(**owners).select_related("history_user")

    changes = []
    records.sort(key=lambda record: (record.instance_type._meta.label, record.id, record.history_date))
    for _, history in groupby(records, key=lambda record: (record.instance_type, record.id)):
        previous = None
        for record in history:
            changes.append(
                TextChange(record.history_date, record.history_user, describe(record), KINDS[record.history_type])
            )
            changes[-1].fields = changed_fields(record, previous)
            previous = record
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes


def describe(record):
    model = record.instance_type
    if model is Version:
        return f"Version {record.number}: title, headings and prose"
    name = capfirst(model._meta.verbose_name)
    return f"{name} {record.position}: {Truncator(str(record.instance)).chars(70)}"


def changed_fields(record, previous):
    """What `record` changed since `previous`; for a newly created part, what it was created with."""
    model = record.instance_type
    if previous is not None:
        delta = record.diff_against(previous, foreign_keys_are_objs=True)  # a query only where a link changed
        return [shown(model, change.field, change.old, change.new) for change in delta.changes]
    if record.history_type != "+" or model is Version:
        return []
    return [
        FieldChange(label(model, tracked.name), None, value_text(tracked, getattr(record, tracked.attname)))
        for tracked in record.tracked_fields
        if tracked.editable and tracked.name not in OWNER_FIELDS and getattr(record, tracked.attname) not in (None, "")
    ]


def shown(model, name, old, new):
    model_field = model._meta.get_field(name)
    return FieldChange(label(model, name), value_text(model_field, old), value_text(model_field, new))


def label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


def value_text(model_field, value):
    if value is None or value == "":
        return "(empty)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
