"""Who adopts specs and what for: jurisdictions, departments, class series, job classes and legacy history."""

import datetime
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce, Greatest, Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from classes.vocabulary import HistoryKind, JurisdictionKind, VersionStatus, in_vocabulary


def add_years(day, years):
    """The same day `years` later (or earlier); 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


POSTINGS_PLACES = {"{code}": "code", "{title}": "title"}


def validate_postings_pattern(pattern):
    """An http(s) address holding {code} or {title}, and no other braces: each is replaced by a class's own value."""
    if not any(place in pattern for place in POSTINGS_PLACES):
        raise ValidationError("Put {code} or {title} where the class's code or title goes in the address.")
    filled = pattern
    for place, sample in POSTINGS_PLACES.items():
        filled = filled.replace(place, sample)
    if "{" in filled or "}" in filled:
        raise ValidationError("Only {code} and {title} can be filled in; remove the other braces.")
    URLValidator(schemes=["http", "https"], message="Enter a full web address starting with https:// or http://.")(
        filled
    )


class Jurisdiction(models.Model):
    name = models.CharField(
        max_length=200,
        help_text="The employer as its documents name it, e.g. “Cayuga County”. "
        "Where a source does not name its employer, say so rather than guess.",
    )
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the portal's addresses.")
    kind = models.CharField(
        max_length=20,
        choices=JurisdictionKind,
        blank=True,
        help_text="Leave empty when the source does not say what kind of employer this is.",
    )
    commission_name = models.CharField(
        max_length=300,
        blank=True,
        help_text="The commission or board that adopts this jurisdiction's specs, as it names itself.",
    )
    description = models.TextField(
        blank=True, help_text="A note for the public about this jurisdiction or about the source of its specs."
    )
    review_cycle_years = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Every how many years each spec must be reviewed, e.g. 3. Empty: no review cycle is set.",
    )
    postings_address_pattern = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_postings_pattern],
        help_text="The address of this jurisdiction's current openings for one class, with {code} or {title} where "
        "the class's code or title goes, e.g. https://jobs.example.gov/search?title={title}. "
        "Empty: class pages offer no openings link.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [in_vocabulary("kind", JurisdictionKind, blank=True, name="jurisdiction_kind_valid")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("jurisdiction", args=[self.slug])

    def openings_url(self, *, code, title):
        """The address of the current openings for a class with this code and title; empty where no pattern is set,
        or where the pattern needs a code the class does not have."""
        pattern = self.postings_address_pattern
        if not pattern or ("{code}" in pattern and not code):
            return ""
        return pattern.replace("{code}", quote(code, safe="")).replace("{title}", quote(title, safe=""))

    def shown_publicly(self):
        return self.classes.with_adopted_text().exists()


class Department(models.Model):
    """The civil division a class works in; versions name it, so old texts keep their own."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="departments", help_text="The employer it belongs to."
    )
    name = models.CharField(max_length=200, help_text="e.g. “Department of Social Services”.")

    class Meta:
        ordering = ["jurisdiction__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "name"], name="department_name_unique_in_jurisdiction"),
        ]

    def __str__(self):
        return f"{self.name} ({self.jurisdiction})"

    def shown_publicly(self):
        return self.versions.public().exists()


class ClassSeries(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="series", help_text="The employer whose series this is."
    )
    name = models.CharField(max_length=200, help_text="The line of work, e.g. “Case Management Coordinator”.")
    slug = models.SlugField(max_length=100, help_text="Used in the series' address; unique in the jurisdiction.")
    description = models.TextField(blank=True, help_text="What the series covers, where the jurisdiction states it.")

    class Meta:
        ordering = ["jurisdiction__name", "name"]
        verbose_name_plural = "class series"
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "slug"], name="series_slug_unique_in_jurisdiction"),
        ]

    def __str__(self):
        return self.name

    def shown_publicly(self):
        return self.classes.with_adopted_text().exists()


class OpenVersionError(Exception):
    """A class already has a text being written or before the commission: it cannot have a second."""

    def __init__(self, version):
        self.version = version
        super().__init__(
            f"{version.job_class} already has version {version.number} {version.get_status_display().lower()}; "
            "finish or return it before starting another."
        )


class JobClassQuerySet(models.QuerySet):
    def with_adopted_text(self):
        """Classes with a text in force, abolished or not: each has public pages."""
        return self.filter(versions__status=VersionStatus.ADOPTED)

    def current(self):
        """The public catalogue: classes not abolished that have an adopted text."""
        return self.with_adopted_text().filter(abolished_on__isnull=True)

    def by_title(self):
        """In title order as a reader expects it, whatever the case a title is printed in ("Case Aide" before
        "CHILD CARE AIDE"); then by jurisdiction, for one title in several."""
        return self.order_by(Lower("title"), "jurisdiction__name", "pk")

    def locked_for_new_version(self, pk):
        """The class, its row locked until the transaction ends, once it is known to have no open version: two
        writers cannot both give it one. Raises OpenVersionError."""
        job_class = self.select_for_update().get(pk=pk)
        open_version = job_class.versions.open().first()
        if open_version:
            raise OpenVersionError(open_version)
        return job_class

    def with_last_review(self):
        """Annotate `last_reviewed`: the later of the current text's adoption and the last review recorded."""
        adopted_on = Max("versions__adopted_on", filter=Q(versions__status=VersionStatus.ADOPTED))
        reviewed_on = Max("reviews__reviewed_on")
        # Greatest() is NULL on SQLite when either side is: each side falls back on the other.
        return self.annotate(
            last_reviewed=Greatest(Coalesce(adopted_on, reviewed_on), Coalesce(reviewed_on, adopted_on))
        )

    def due_for_review(self, today, *, notice_days=90):
        """Current classes whose review cycle ends within `notice_days` or has ended, oldest first.

        A class with no date at all has never been reviewed, and comes first.
        """
        due = Q(pk__in=[])
        for jurisdiction in Jurisdiction.objects.filter(review_cycle_years__isnull=False):
            cutoff = add_years(today, -jurisdiction.review_cycle_years) + datetime.timedelta(days=notice_days)
            due |= Q(jurisdiction=jurisdiction) & (Q(last_reviewed__lte=cutoff) | Q(last_reviewed__isnull=True))
        return self.current().with_last_review().filter(due).order_by(F("last_reviewed").asc(nulls_first=True), "title")


class JobClass(models.Model):
    """A civil-service title's stable identity in its jurisdiction; its wording lives in versions.

    On PostgreSQL the table also holds `title_document`, which only the database declares: the title words of a
    class in the public catalogue, kept by search (see migration 0010).
    """

    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.PROTECT, related_name="classes", help_text="The employer whose class this is."
    )
    title = models.CharField(
        max_length=200,
        help_text="The title as the current text prints it. Retitling happens through a new version.",
    )
    slug = models.SlugField(max_length=120, help_text="Used in the class's address; keep it stable.")
    code = models.CharField(
        max_length=30,
        blank=True,
        help_text="The jurisdiction's class code, where it uses codes. Unique within the jurisdiction.",
    )
    series = models.ForeignKey(
        ClassSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="classes",
        help_text="The series this class is a level of, if any.",
    )
    series_level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Rank within the series, lowest first (I = 1, II = 2 …). Required when a series is set.",
    )
    abolished_on = models.DateField(
        null=True,
        blank=True,
        help_text="Date the commission abolished the class. It leaves the catalogue; its history stays public.",
    )

    objects = JobClassQuerySet.as_manager()
    audit_trail = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = "job class"
        verbose_name_plural = "job classes"
        permissions = [("abolish_jobclass", "Can abolish a class (record the commission's decision)")]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "slug"], name="class_slug_unique_in_jurisdiction"),
            models.UniqueConstraint(
                fields=["jurisdiction", "code"], condition=~Q(code=""), name="class_code_unique_in_jurisdiction"
            ),
            models.UniqueConstraint(
                fields=["series", "series_level"], condition=Q(series__isnull=False), name="one_class_per_series_level"
            ),
            models.CheckConstraint(
                condition=Q(series__isnull=True) | Q(series_level__isnull=False), name="series_member_has_level"
            ),
        ]
        # Lists, search results past their best titles and the catalogue-wide checker read classes in title
        # order a page at a time: with the index, the first page of 100,000 classes is found without sorting them.
        indexes = [
            models.Index(fields=["title", "id"], name="class_title_order"),
            # The list's title order (by_title) read from an index, as the search's title tiers read the one above.
            models.Index(Lower("title"), "id", name="class_title_lower_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("classes:detail", args=[self.jurisdiction.slug, self.slug])

    def shown_publicly(self):
        return self.versions.current().exists()

    def next_version_number(self):
        """The number a new version of this class takes: one above the highest, 1 for the first."""
        return (self.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1


class ClassDueForReview(JobClass):
    """The admin's review queue: the same classes, listed as `JobClass.objects.due_for_review` finds them."""

    class Meta:
        proxy = True
        verbose_name = "class due for review"
        verbose_name_plural = "classes due for review"


class Review(models.Model):
    """A review of a class's current text that found nothing to change; it restarts the review cycle."""

    job_class = models.ForeignKey(JobClass, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(help_text="The day the text was reviewed.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who reviewed it.",
    )
    note = models.TextField(blank=True, help_text="What was checked, and why no change was needed.")

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"Review of {self.job_class} on {self.reviewed_on:%m/%d/%Y}"

    def shown_publicly(self):
        return self.job_class.shown_publicly()


class HistoryEntry(models.Model):
    """A dated event of a class for which no text is held, e.g. its 1977 adoption."""

    job_class = models.ForeignKey(JobClass, on_delete=models.CASCADE, related_name="history")
    kind = models.CharField(max_length=20, choices=HistoryKind, help_text="What happened on this date.")
    date = models.DateField(help_text="The date as the source gives it.")
    reference = models.CharField(
        max_length=200,
        blank=True,
        help_text="Meeting or resolution as printed, e.g. “CSM” (Civil Service Commission meeting). "
        "Empty where the source gives none.",
    )
    by = models.CharField(max_length=200, blank=True, help_text="Who made the change, where the source names them.")

    class Meta:
        ordering = ["date", "pk"]
        verbose_name_plural = "history entries"
        constraints = [in_vocabulary("kind", HistoryKind, name="history_kind_valid")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%m/%d/%Y}"

    def shown_publicly(self):
        return self.job_class.shown_publicly()
