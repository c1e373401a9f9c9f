"""A parsed spec written as a draft version: a new class, or a new draft of the class it already is."""

import operator
from functools import cache, reduce

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from classes.models import (
    KSA,
    CatalogueEdition,
    ClassSeries,
    Competency,
    Department,
    Duty,
    HistoryEntry,
    JobClass,
    OtherSection,
    SpecialRequirement,
    Version,
)
from classes.vocabulary import VersionStatus
from qualifications.models import Definition, Path, Substitution, TimeInTitle

VERSION_FIELDS = [
    "title", "code", "jurisdictional_class", "flsa_status", "salary_grade", "bargaining_unit", "adoption_line",
    "general_statement_heading", "general_statement", "distinguishing_features_heading", "distinguishing_features",
    "duties_heading", "duties_note", "ksas_heading", "competencies_heading", "qualifications_heading",
    "open_competitive_heading", "open_competitive_preamble", "promotional_heading", "promotional_preamble",
]  # fmt: skip
PATH_FIELDS = [
    "kind", "connector", "label", "text", "is_equivalent_combination", "education_level", "education_fields",
    "credit_hours", "credit_hour_subjects", "experience_years", "experience_kinds", "paid_experience",
    "part_time_accepted", "supervisory_years",
]  # fmt: skip


class ImportSkipped(Exception):
    """The document was read but not written; the message says why."""


def find_class(jurisdiction, spec):
    """The class this spec is a text of: same code, else same title, in the jurisdiction."""
    classes = JobClass.objects.filter(jurisdiction=jurisdiction)
    if spec.get("code"):
        found = classes.filter(code=spec["code"]).first()
        if found:
            return found
    return classes.filter(title__iexact=spec["title"]).first() if spec["title"] else None


def save_draft(spec, *, jurisdiction, by=None):
    """Write `spec` as a draft in one transaction; returns the version. Raises ImportSkipped."""
    if not spec["title"]:
        raise ImportSkipped("no title could be read, so the class cannot be named")
    with transaction.atomic():
        job_class = find_class(jurisdiction, spec)
        new_class = job_class is None
        if job_class:
            job_class = JobClass.objects.select_for_update().get(pk=job_class.pk)
            open_version = job_class.versions.open().first()
            if open_version:
                raise ImportSkipped(
                    f"{job_class} already has version {open_version.number} "
                    f"{open_version.get_status_display().lower()}; finish or return it before importing another draft"
                )
            number = (job_class.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
        else:
            job_class = _new_class(spec, jurisdiction, by)
            number = 1
        version = Version(job_class=job_class, number=number, status=VersionStatus.DRAFT, updated_by=by)
        for field in VERSION_FIELDS:  # a heading the document does not print stays empty: nothing is invented
            setattr(version, field, spec.get(field, ""))
        if spec.get("department_name"):
            version.department, _ = Department.objects.get_or_create(
                jurisdiction=jurisdiction, name=spec["department_name"]
            )
        _save_new(version, by)
        _save_parts(version, spec, by)
        # A class with public text shows its history: a draft's dated events reach it only in the draft's adoption
        # line, once adopted, never before.
        if new_class or not job_class.versions.current().exists():
            _save_history(job_class, spec, new_class=new_class)
    return version


def _new_class(spec, jurisdiction, by):
    base = slugify(spec["title"])[:110] or "class"
    slug, n = base, 1
    taken = set(
        JobClass.objects.filter(jurisdiction=jurisdiction, slug__startswith=base).values_list("slug", flat=True)
    )
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    job_class = JobClass(jurisdiction=jurisdiction, title=spec["title"][:200], slug=slug, code=spec.get("code", ""))
    if spec.get("series_name"):
        series, _ = ClassSeries.objects.get_or_create(
            jurisdiction=jurisdiction, slug=slugify(spec["series_name"])[:100], defaults={"name": spec["series_name"]}
        )
        if not series.classes.filter(series_level=spec["series_level"]).exists():
            job_class.series, job_class.series_level = series, spec["series_level"]
    _save_new(job_class, by)
    return job_class


def _save_parts(version, spec, by):
    """Each list of parts in one insert, and its audit-trail rows in one more."""

    def create(model, rows):
        rows = list(rows)
        if not rows:
            return []
        if not connection.features.can_return_rows_from_bulk_insert:  # no keys to copy the rows by
            return bulk_create_with_history(rows, model, default_user=by)
        # Without the adopted-text guard's look-up (a query for each list): `version` is the draft that save_draft,
        # the only caller, has just inserted in the transaction still open around this call, so no other connection
        # can see it yet, let alone adopt it, and nothing in this transaction changes its status.
        rows = model._default_manager.bulk_create_in_new_draft(rows)
        _copy_to_audit_trail(model, rows, by)
        return rows

    create(Duty, (Duty(version=version, position=i, text=d["text"]) for i, d in enumerate(spec["duties"], 1)))
    create(
        KSA,
        (
            KSA(version=version, position=i, text=k["text"], kind=k["kind"], level=k["level"])
            for i, k in enumerate(spec["ksas"], 1)
        ),
    )
    create(
        Competency,
        (
            Competency(version=version, position=i, name=c["name"][:200], description=c["description"])
            for i, c in enumerate(spec["competencies"], 1)
        ),
    )
    create(
        OtherSection,
        (
            OtherSection(version=version, position=i, **{k: s[k] for k in ("heading", "placement", "layout", "text")})
            for i, s in enumerate(spec["other_sections"], 1)
        ),
    )
    create(
        SpecialRequirement,
        (
            SpecialRequirement(version=version, position=i, kind=r["kind"], heading=r["heading"][:200], text=r["text"])
            for i, r in enumerate(spec["special_requirements"], 1)
        ),
    )
    create(
        Substitution,
        (
            Substitution(version=version, position=i, **{k: v for k, v in s.items() if k != "line"})
            for i, s in enumerate(spec["substitutions"], 1)
        ),
    )
    create(
        Definition,
        (
            Definition(version=version, position=i, **{k: v for k, v in d.items() if k != "line"})
            for i, d in enumerate(spec["definitions"], 1)
        ),
    )
    paths = create(
        Path,
        (
            Path(version=version, position=i, **{k: entry[k] for k in PATH_FIELDS if k in entry})
            for i, entry in enumerate(spec["paths"], 1)
        ),
    )
    named = [
        (path, title) for path, entry in zip(paths, spec["paths"], strict=True) for title in entry.get("titles", [])
    ]
    classes = {}
    if named:  # a title that is a class of the jurisdiction links to it
        same_title = reduce(operator.or_, (Q(title__iexact=title["title"]) for _, title in named))
        for job_class in JobClass.objects.filter(same_title, jurisdiction=version.job_class.jurisdiction):
            classes.setdefault(job_class.title.lower(), job_class)
    create(
        TimeInTitle,
        (
            TimeInTitle(
                path=path,
                position=position,
                title=title["title"][:200],
                years=title["years"],
                job_class=classes.get(title["title"].lower()),
            )
            for position, (path, title) in enumerate(named, 1)
        ),
    )


def _save_new(row, by):
    """Save the new `row`: every post_save receiver runs but simple_history's, as its audit-trail row is copied."""
    row.save_without_historical_record()
    _copy_to_audit_trail(type(row), [row], by)


def _copy_to_audit_trail(model, rows, by):
    """The "created" audit-trail rows of `rows`, just stored, copied from their table by the database in one statement.

    simple_history's signal handler and its bulk_history_create build a Python object for each audit-trail row, which
    cost more than the inserts themselves.
    """
    history, copy = _audit_trail(model)
    user = by or history.get_default_history_user(rows[0])  # as simple_history would: else the request's user
    when = history._meta.get_field("history_date").get_db_prep_value(timezone.now(), connection)
    keys = ", ".join(["%s"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(f"{copy} ({keys})", [when, user.pk if user else None, *(row.pk for row in rows)])


@cache
def _audit_trail(model):
    """The audit-trail model of `model`, and the statement copying rows of `model` there as created, up to the keys."""
    history = get_history_manager_for_model(model).model
    quote = connection.ops.quote_name
    tracked = ", ".join(quote(field.column) for field in history.tracked_fields)
    table, source, key = quote(history._meta.db_table), quote(model._meta.db_table), quote(model._meta.pk.column)
    return history, (
        f"INSERT INTO {table} ({tracked}, history_date, history_change_reason, history_type, history_user_id) "
        f"SELECT {tracked}, %s, NULL, '+', %s FROM {source} WHERE {key} IN"
    )


def _save_history(job_class, spec, *, new_class):
    """The history entries the class does not hold yet (a re-imported document does not double them)."""
    if not spec["history"]:
        return
    known = set() if new_class else set(job_class.history.values_list("kind", "date"))
    entries = []
    for entry in spec["history"]:
        if (entry["kind"], entry["date"]) not in known:
            entries.append(HistoryEntry(job_class=job_class, **entry))
            known.add((entry["kind"], entry["date"]))
    HistoryEntry.objects.bulk_create(entries)
    if entries and not new_class:  # the class's public pages list its history: a bulk insert sends no signal
        CatalogueEdition.next()
