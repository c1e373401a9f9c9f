"""A version is one text of a class's spec; everything the spec says belongs to one version."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from classes import structure
from classes.immutability import AdoptedTextError
from classes.vocabulary import (
    OPEN_STATUSES,
    PUBLIC_STATUSES,
    FLSAStatus,
    JurisdictionalClass,
    PathKind,
    SectionPlacement,
    VersionStatus,
    in_vocabulary,
)

from .catalogue import Department, JobClass
from .meetings import Meeting

# What may still change on an adopted row: it may be superseded, and the timestamp follows.
SUPERSEDING_FIELDS = {"status", "updated_at"}
# The occupation is the portal's reading of the text, not the adopted wording: an analyst confirms or changes it
# on the text in force too.
OCCUPATION_FIELDS = {"occupation", "occupation_score", "occupation_confirmed"}


def linked_classes():
    """The classes the titles of a version's paths link to, where they have a page: a title naming a class with
    no adopted text reads `job_class` None, since such a class's title and address are its draft's words."""
    return Prefetch(
        "paths__titles__job_class",
        queryset=JobClass.objects.with_adopted_text().select_related("jurisdiction"),
    )


class VersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        public = self.filter(status__in=PUBLIC_STATUSES)
        superseding = set(kwargs) <= SUPERSEDING_FIELDS and kwargs.get("status") == VersionStatus.SUPERSEDED
        classifying = set(kwargs) <= OCCUPATION_FIELDS | {"occupation_id", "updated_at"}
        if classifying:
            return super().update(**kwargs)
        if public.exists() and not (superseding and not public.exclude(status=VersionStatus.ADOPTED).exists()):
            raise AdoptedTextError()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status__in=PUBLIC_STATUSES).exists():
            raise AdoptedTextError()
        return super().delete()

    def current(self):
        """The adopted text in force: at most one per class."""
        return self.filter(status=VersionStatus.ADOPTED)

    def public(self):
        """Every text the public may read: the one in force and those it superseded."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def open(self):
        """Texts still being written or before the commission."""
        return self.filter(status__in=OPEN_STATUSES)

    def for_display(self):
        """Everything a rendered spec reads, in a fixed number of queries whatever its length."""
        return self.select_related(
            "job_class__jurisdiction", "job_class__series", "department", "occupation"
        ).prefetch_related(
            *(part.name for part in structure.PARTS),
            linked_classes(),
            "job_class__history",
            Prefetch(
                "job_class__versions",
                queryset=Version.objects.public().order_by("number"),
                to_attr="public_versions",
            ),
        )

    def of_class(self, jurisdiction_slug, class_slug):
        return self.filter(job_class__jurisdiction__slug=jurisdiction_slug, job_class__slug=class_slug)


def heading_field(default, help_text=""):
    return models.CharField(
        max_length=200,
        blank=True,
        default=default,
        help_text=help_text or "The heading as this text prints it; empty hides the heading.",
    )


class Version(models.Model):
    job_class = models.ForeignKey(
        JobClass, on_delete=models.PROTECT, related_name="versions", help_text="The class this text is a version of."
    )
    number = models.PositiveIntegerField(help_text="1 for the oldest text held, counting up; part of its address.")
    status = models.CharField(
        max_length=20,
        choices=VersionStatus,
        default=VersionStatus.DRAFT,
        help_text="Draft while analysts edit it, proposed once sent to the commission, adopted when in force, "
        "superseded once a later text is adopted. Only adopted and superseded texts are public.",
    )

    # Header facts, as this text prints them.
    title = models.CharField(max_length=200, help_text="The civil-service title exactly as this text prints it.")
    code = models.CharField(max_length=30, blank=True, help_text="Class code printed on this text, if any.")
    jurisdictional_class = models.CharField(
        max_length=20,
        choices=JurisdictionalClass,
        blank=True,
        help_text="Competitive, non-competitive, exempt, labor or unclassified. Empty if the text does not say.",
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        help_text="Civil division or department this text names. Empty if it names none.",
    )
    flsa_status = models.CharField(
        max_length=20, choices=FLSAStatus, blank=True, help_text="FLSA status, where the text states it."
    )
    salary_grade = models.CharField(max_length=50, blank=True, help_text="Salary grade or range, as printed.")
    bargaining_unit = models.CharField(max_length=200, blank=True, help_text="Bargaining unit, as printed.")

    # Adoption of this text.
    adopted_on = models.DateField(
        null=True,
        blank=True,
        help_text="Date the commission adopted this text. Empty for drafts, and where the source gives no date.",
    )
    adoption_reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="Meeting, resolution or minutes reference of the adoption, e.g. “CSM” or “Res. 2015-42”.",
    )
    adoption_line = models.TextField(
        blank=True,
        help_text="The adoption and revision line exactly as the text prints it, e.g. "
        "“Adoption: CSM 11/19/77 / Revised: CSM 3/14/90, 08/13/03”. One printed line per line.",
    )

    # Prose parts, in reading order. Each keeps the heading this text prints.
    general_statement_heading = heading_field("GENERAL STATEMENT OF CLASS DUTIES")
    general_statement = models.TextField(
        blank=True,
        help_text="A general statement or definition of the class, where the text has one apart from "
        "its distinguishing features. Paragraphs separated by a blank line.",
    )
    distinguishing_features_heading = heading_field("DISTINGUISHING FEATURES OF THE CLASS")
    distinguishing_features = models.TextField(
        blank=True, help_text="Word for word. Paragraphs separated by a blank line."
    )
    duties_heading = heading_field("TYPICAL WORK ACTIVITIES")
    duties_note = models.TextField(
        blank=True, help_text="Text printed after the list of duties, e.g. “Any one position may not include all …”."
    )
    ksas_heading = heading_field("FULL PERFORMANCE KNOWLEDGE, SKILLS, ABILITIES AND PERSONAL CHARACTERISTICS")
    competencies_heading = heading_field("COMPETENCIES")
    qualifications_heading = heading_field("MINIMUM QUALIFICATIONS")
    open_competitive_heading = heading_field(
        "", "Heading over the open-competitive paths, e.g. “OPEN-COMPETITIVE”; empty if the text has none."
    )
    open_competitive_preamble = models.TextField(
        blank=True,
        help_text="Words printed before the open-competitive paths that apply to all of them, e.g. “EITHER:” or "
        "“Graduation from high school or possession of an equivalency diploma”.",
    )
    promotional_heading = heading_field(
        "PROMOTION", "Heading over the promotional paths, e.g. “PROMOTION” or “SUGGESTED PROMOTIONAL QUALIFICATIONS”."
    )
    promotional_preamble = models.TextField(
        blank=True, help_text="Words printed before the promotional paths that apply to all of them."
    )

    # What the class's work is called outside the civil service (see classes/occupations.py).
    occupation = models.ForeignKey(
        "classes.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        help_text="The O*NET occupation this text's work belongs to: suggested from its title and duties until an "
        "analyst confirms or changes it.",
    )
    occupation_score = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        editable=False,
        help_text="How closely the suggested occupation matched the title and duties, from 0 to 1; empty where an "
        "analyst chose the occupation.",
    )
    occupation_confirmed = models.BooleanField(
        default=False, editable=False, help_text="Whether an analyst confirmed or chose the occupation."
    )

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        help_text="The commission meeting this version is proposed to, or was adopted at.",
    )

    # PROTECT, as for updated_by: the row outlives its proposal once adopted.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="Who sent this version to the commission; only they may withdraw the proposal.",
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # PROTECT: an adopted row cannot change, so a user who saved one is deactivated, never deleted.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="Who saved this version last.",
    )
    # Bumped by every save through the admin, so a form loaded before someone else's save is refused.
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    objects = VersionQuerySet.as_manager()
    audit_trail = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        ordering = ["job_class__title", "-number"]
        get_latest_by = "number"
        permissions = [
            ("propose_version", "Can send a draft to the commission"),
            ("adopt_version", "Can adopt a proposed version or return it to draft"),
            ("start_revision", "Can start a new draft from the adopted version"),
            ("schedule_version", "Can put a proposed version on a meeting's agenda or take it off"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["job_class", "number"], name="version_number_unique_in_class"),
            models.UniqueConstraint(
                fields=["job_class"], condition=Q(status="adopted"), name="one_current_adopted_version_per_class"
            ),
            models.UniqueConstraint(
                fields=["job_class"], condition=Q(status__in=OPEN_STATUSES), name="one_open_version_per_class"
            ),
            models.CheckConstraint(
                condition=Q(adopted_on__isnull=True) | Q(status__in=PUBLIC_STATUSES),
                name="only_adopted_versions_have_adoption_date",
            ),
            in_vocabulary("status", VersionStatus, name="version_status_valid"),
            in_vocabulary(
                "jurisdictional_class", JurisdictionalClass, blank=True, name="version_jurisdictional_class_valid"
            ),
            in_vocabulary("flsa_status", FLSAStatus, blank=True, name="version_flsa_status_valid"),
        ]

    def __str__(self):
        return f"{self.title} (version {self.number}, {self.get_status_display().lower()})"

    def save(self, *args, **kwargs):
        stored = Version._base_manager.filter(pk=self.pk).first() if self.pk else None
        if stored and stored.is_public and not self._only_supersedes(stored):
            raise AdoptedTextError()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The version's permanent address; it shows exactly this text for as long as the portal runs."""
        return reverse("classes:version", args=[self.job_class.jurisdiction.slug, self.job_class.slug, self.number])

    def openings_url(self):
        """Where the jurisdiction posts current openings for this class, found by this text's code or title."""
        return self.job_class.jurisdiction.openings_url(code=self.code, title=self.title)

    def delete(self, *args, **kwargs):
        if self.is_public_in_database():
            raise AdoptedTextError()
        return super().delete(*args, **kwargs)

    def clean(self):
        if (
            self.department_id
            and self.job_class_id
            and self.department.jurisdiction_id != self.job_class.jurisdiction_id
        ):
            raise ValidationError({"department": "This department belongs to another jurisdiction."})
        if self.adopted_on and self.status not in PUBLIC_STATUSES:
            raise ValidationError({"adopted_on": "Only an adopted or superseded version has an adoption date."})

    def can_be_withdrawn_by(self, user):
        """A proposal is withdrawn by the analyst who made it; the commission returns others to draft."""
        return (
            self.status == VersionStatus.PROPOSED and self.proposed_by_id is not None and self.proposed_by_id == user.pk
        )

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    def is_public_in_database(self):
        """Whether the stored row is adopted or superseded, whatever this instance says."""
        return self.pk is not None and Version._base_manager.filter(pk=self.pk, status__in=PUBLIC_STATUSES).exists()

    def _only_supersedes(self, stored):
        changed = {
            field.attname
            for field in self._meta.concrete_fields
            if getattr(self, field.attname) != getattr(stored, field.attname)
        }
        status_ok = self.status == stored.status or (
            stored.status == VersionStatus.ADOPTED and self.status == VersionStatus.SUPERSEDED
        )
        occupation = {self._meta.get_field(name).attname for name in OCCUPATION_FIELDS}
        return changed <= SUPERSEDING_FIELDS | occupation and status_ok

    def own_adoption(self):
        """This text's adoption as its adoption line prints it: date, then the commission and meeting, then the
        resolution, each where known."""
        if not self.adopted_on:
            return ""
        commission = self.job_class.jurisdiction.commission_name
        meeting = f"{self.meeting.get_kind_display().lower()} meeting" if self.meeting_id else ""
        said = [f"{self.adopted_on.month}/{self.adopted_on.day}/{self.adopted_on.year}", commission, meeting]
        return "Adopted: " + ", ".join(part for part in [*said, self.adoption_reference] if part)

    def adoption_line_once_adopted(self, *, supersedes):
        """The line this text prints once adopted: the legacy history it carries, then its own adoption.

        A class's first text entered with a bare date is a legacy text: the line its source printed already says
        when it was adopted, so nothing is added to it. A revision, or any text adopted at a meeting, adds its own.
        """
        if not (supersedes or self.meeting_id):
            return self.adoption_line
        return "\n".join(line for line in [self.adoption_line.strip(), self.own_adoption()] if line)

    def adoption_history(self):
        """Every dated event of the class up to this text, oldest first: the legacy dates of texts not held, then
        the adoption of each public text up to this one, named as such. A text not adopted says so last. A later
        adoption is left out, so that a text's permanent page keeps reading as it did when it was adopted."""
        lines = [
            f"{entry.get_kind_display()} {short_date(entry.date)}{parenthesised(entry.reference)}"
            + (f" by {entry.by}" if entry.by else "")
            for entry in self.job_class.history.all()
        ]
        public = getattr(self.job_class, "public_versions", None)
        if public is None:
            public = self.job_class.versions.public().order_by("number")
        for version in (version for version in public if version.number <= self.number):
            text = "This text" if version.pk == self.pk else f"Version {version.number}"
            if version.adopted_on:
                lines.append(
                    f"{text} adopted {short_date(version.adopted_on)}{parenthesised(version.adoption_reference)}"
                )
            elif version.pk == self.pk:
                lines.append("The source gives no adoption date for this text")
        if not self.is_public:
            lines.append("This text has not been adopted")
        return lines

    @cached_property
    def sections_by_placement(self):
        """Other sections keyed by the standard part they follow, for templates to read in order."""
        grouped = {placement.value: [] for placement in SectionPlacement}
        for section in self.other_sections.all():
            grouped[section.placement].append(section)
        return grouped

    def path_groups(self):
        """Paths grouped by kind in the order printed; notes (substitutions, definitions) follow the
        open-competitive group, or the last group where there is none."""
        groups = []
        for path in self.paths.all():
            if not groups or groups[-1].kind != path.kind:
                groups.append(PathGroup(self, path.kind))
            groups[-1].paths.append(path)
        if not groups and (self.substitutions.all() or self.definitions.all()):
            groups.append(PathGroup(self, kind=None))
        if groups:
            notes_group = next((g for g in groups if g.kind == PathKind.OPEN_COMPETITIVE), groups[-1])
            notes_group.has_notes = True
        return groups


def short_date(day):
    return f"{day.month}/{day.day}/{day.year}"


def parenthesised(reference):
    return f" ({reference})" if reference else ""


class PathGroup:
    """The paths of one kind as printed together, with the heading and preamble the text gives them."""

    def __init__(self, version, kind):
        self.kind = kind
        self.paths = []
        self.has_notes = False
        prefix = "promotional" if kind == PathKind.PROMOTIONAL else "open_competitive"
        self.heading = getattr(version, f"{prefix}_heading") if kind else ""
        self.preamble = getattr(version, f"{prefix}_preamble") if kind else ""
