"""Minimum qualifications of a version: labelled paths with their structured facts, substitutions, definitions."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from classes.fields import LinesField
from classes.immutability import GuardedPart, PathPartQuerySet
from classes.models import JobClass, Version
from classes.models.parts import VersionPart
from classes.vocabulary import (
    EducationLevel,
    LicenseNeededBy,
    PathKind,
    StatusRequired,
    SubstitutionKind,
    in_vocabulary,
)

YEARS = {"max_digits": 4, "decimal_places": 2, "null": True, "blank": True}


class Path(VersionPart):
    """One alternative way to qualify, as printed, with the facts the text states beside it.

    Every structured field stays empty where the text does not state it: an empty fact is
    "not stated", never "none required".
    """

    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, related_name="paths", help_text="The version whose qualifications these are."
    )
    kind = models.CharField(
        max_length=20,
        choices=PathKind,
        default=PathKind.OPEN_COMPETITIVE,
        help_text="Open-competitive (anyone may apply) or promotional (current employees in named titles).",
    )
    connector = models.CharField(
        max_length=20, blank=True, help_text="A word printed before the label, e.g. “OR:” or “AND:”."
    )
    label = models.CharField(max_length=20, blank=True, help_text="The label as printed, e.g. “A)”, “(A)”, “1.”.")
    text = models.TextField(help_text="The path word for word, including a trailing “; OR” if printed.")
    is_equivalent_combination = models.BooleanField(
        "equivalent combination",
        default=False,
        help_text="The path is “an equivalent combination of training and experience” within the limits of the others.",
    )

    education_level = models.CharField(
        max_length=20,
        choices=EducationLevel,
        blank=True,
        help_text="Lowest education the path requires. Empty if it states none.",
    )
    education_fields = LinesField(
        "fields of study",
        blank=True,
        help_text="Fields of study the degree must be in, one per line, as printed. Empty if any field.",
    )
    accredited_education = models.BooleanField(
        "from an accredited school",
        null=True,
        blank=True,
        help_text="Yes where the education must come from an accredited (or, where the text says so, registered) "
        "college or university. Empty where the text does not say.",
    )
    credit_hours = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Credit hours required in the subjects below."
    )
    credit_hour_subjects = LinesField(blank=True, help_text="Subjects the credit hours must be in, one per line.")
    quarter_units = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Quarter units the path accepts for the credit hours (“12 semester or 18 quarter units”), or "
        "requires where it states quarter units alone. Empty means not stated.",
    )
    total_credit_hours = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The total the path requires where it states one beside the hours in named subjects (“60 units, "
        "including 12 in accounting”: 60 here, 12 above). Empty means not stated.",
    )

    experience_years = models.DecimalField("years of experience", **YEARS, help_text="Years of experience required.")
    experience_kinds = LinesField(
        "kinds of experience",
        blank=True,
        help_text="Kinds of work that count as the experience, one per line, as printed.",
    )
    excluded_experience = LinesField(
        "work that does not count",
        blank=True,
        default="",
        db_default="",
        help_text="Kinds of work the text says do not count toward the experience, one per line, as printed. "
        "Empty means not stated, not that every kind counts.",
    )
    paid_experience = models.BooleanField(
        null=True, blank=True, help_text="Yes where the text requires paid experience; empty where it does not say."
    )
    part_time_accepted = models.BooleanField(
        "part-time accepted",
        null=True,
        blank=True,
        help_text="Yes where the text accepts “its part-time equivalent”; No where it requires full-time only; "
        "empty where it does not say.",
    )
    full_time_hours_per_week = models.PositiveSmallIntegerField(
        "full-time hours a week",
        null=True,
        blank=True,
        help_text="Hours a week the text counts as full-time, where it states a rule. Empty means not stated.",
    )
    supervisory_years = models.DecimalField(
        **YEARS, help_text="Years of the experience that must have been supervisory."
    )
    complete_years_only = models.BooleanField(
        null=True,
        blank=True,
        help_text="Yes where the text counts complete years of experience only. Empty means not stated.",
    )
    licenses = LinesField(
        "licences and certificates",
        blank=True,
        default="",
        db_default="",
        help_text="Licences, registrations or certificates the path requires, one per line, as printed. "
        "Empty means not stated, not that none is required.",
    )
    license_needed_by = models.CharField(
        max_length=20,
        default="",
        db_default="",
        choices=LicenseNeededBy,
        blank=True,
        help_text="When the licence must be held: on applying, by the examination, by appointment, or within a "
        "period after it. Empty means not stated.",
    )
    license_within_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Months after appointment within which the licence must be obtained. Empty means not stated.",
    )
    service = models.CharField(
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text="Whose service the experience must be in, as printed (“the City of Los Angeles”, “California "
        "state service”). Empty means not stated, not that any employer's counts.",
    )
    status_required = models.CharField(
        max_length=20,
        default="",
        db_default="",
        choices=StatusRequired,
        blank=True,
        help_text="The standing in that service a promotional path asks for: permanent status, or current "
        "employment. Empty means not stated.",
    )
    titles_combined = models.BooleanField(
        "time in titles combined",
        null=True,
        blank=True,
        help_text="Yes where a promotional path counts time in its titles together (“in any one or a combination "
        "of these titles”); No where it asks the time in one title. Empty means not stated.",
    )

    class Meta(VersionPart.Meta):
        constraints = [
            *VersionPart.Meta.constraints,
            in_vocabulary("kind", PathKind, name="path_kind_valid"),
            in_vocabulary("education_level", EducationLevel, blank=True, name="path_education_level_valid"),
            in_vocabulary("license_needed_by", LicenseNeededBy, blank=True, name="path_license_needed_by_valid"),
            in_vocabulary("status_required", StatusRequired, blank=True, name="path_status_required_valid"),
            models.CheckConstraint(
                condition=Q(supervisory_years__isnull=True)
                | Q(experience_years__isnull=True)
                | Q(supervisory_years__lte=models.F("experience_years")),
                name="supervisory_years_within_experience",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} path {self.label or self.position}"

    @property
    def education_field_list(self):
        return LinesField.items(self.education_fields)

    @property
    def experience_kind_list(self):
        return LinesField.items(self.experience_kinds)

    @property
    def credit_hour_subject_list(self):
        return LinesField.items(self.credit_hour_subjects)

    @property
    def excluded_experience_list(self):
        return LinesField.items(self.excluded_experience)

    @property
    def license_list(self):
        return LinesField.items(self.licenses)


class TimeInTitle(GuardedPart):
    """Years of permanent status in a named title that a promotional path accepts."""

    objects = PathPartQuerySet.as_manager()
    audit_trail = HistoricalRecords()

    path = models.ForeignKey(Path, on_delete=models.CASCADE, related_name="titles")
    position = models.PositiveIntegerField(help_text="Order within the path, lowest first.")
    title = models.CharField(max_length=200, help_text="The title as the path names it.")
    years = models.DecimalField(max_digits=4, decimal_places=2, help_text="Years of status in this title required.")
    at_that_level = models.BooleanField(
        default=False,
        db_default=False,
        help_text="Yes where the path accepts a class at this title's level as well (“… or in a class at that level”).",
    )
    # PROTECT: a title of an adopted path keeps its link; the class it names cannot vanish under it.
    job_class = models.ForeignKey(
        JobClass,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="promotes_to",
        help_text="The class of the catalogue this title is, where it is in the catalogue.",
    )

    class Meta:
        ordering = ["position"]
        verbose_name = "time in title"
        verbose_name_plural = "time in titles"
        constraints = [
            models.UniqueConstraint(fields=["path", "position"], name="time_in_title_position_unique"),
        ]

    def __str__(self):
        return f"{self.years} years as {self.title}"

    def owning_version(self):
        return self.path.version


class Substitution(VersionPart):
    """A rule letting one qualification stand in for another, e.g. education for experience."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="substitutions")
    path = models.ForeignKey(
        Path,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="substitutions",
        help_text="The path the rule is printed in, which it alone applies to. Empty: it applies to every path.",
    )
    label = models.CharField(
        max_length=100, blank=True, help_text="Words printed before the rule, e.g. “Note:” or “NOTE:”."
    )
    text = models.TextField(help_text="The rule word for word.")
    kind = models.CharField(max_length=30, choices=SubstitutionKind, help_text="What substitutes for what.")
    education_beyond = models.CharField(
        max_length=20,
        choices=EducationLevel,
        blank=True,
        help_text="Only education beyond this level counts (“education beyond an Associate's degree”).",
    )
    in_path_fields = models.BooleanField(
        "in the paths' fields",
        default=False,
        help_text="The education must be in the fields the paths list (“in the fields noted above”).",
    )
    years_per_year = models.DecimalField(
        **YEARS, help_text="Years of experience one year of education replaces (1 for “year for year”)."
    )
    cap_years = models.DecimalField(
        "cap in years", **YEARS, help_text="Most years that may be substituted (“up to two years”)."
    )
    floor_years = models.DecimalField(
        "floor in years",
        **YEARS,
        help_text="Experience that must remain however much is substituted (“One year of experience is required”).",
    )
    credit_hours = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Semester units of education the rule names (“6 semester or 9 quarter units … for six months”). "
        "Empty means not stated.",
    )
    quarter_units = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Quarter units of education the rule names. Empty means not stated."
    )
    credit_hour_subjects = LinesField(
        blank=True,
        default="",
        db_default="",
        help_text="Subjects the rule's units must be in, one per line (“16 semester units in library science”). "
        "Empty: college credit of any subject.",
    )
    years_for_units = models.DecimalField(
        "years for the units",
        **YEARS,
        help_text="Years of experience the units the rule names replace (“6 semester units … for six months”: 0.5; "
        "“for each year”: 1). Empty means not stated.",
    )

    class Meta(VersionPart.Meta):
        constraints = [
            *VersionPart.Meta.constraints,
            in_vocabulary("kind", SubstitutionKind, name="substitution_kind_valid"),
            in_vocabulary("education_beyond", EducationLevel, blank=True, name="substitution_education_beyond_valid"),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def credit_hour_subject_list(self):
        return LinesField.items(self.credit_hour_subjects)


class Definition(VersionPart):
    """A footnote defining a term used by the paths, e.g. “* Supervisory experience is defined as …”."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="definitions")
    marker = models.CharField(max_length=5, blank=True, default="*", help_text="The footnote mark, e.g. “*”.")
    term = models.CharField(max_length=200, help_text="The term defined, e.g. “Supervisory experience”.")
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text="A lead-in printed before the text, e.g. “SOCIAL CASEWORK:”. Empty where the text names the term itself.",
    )
    text = models.TextField(help_text="The definition word for word.")

    def __str__(self):
        return self.term
