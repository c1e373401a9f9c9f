"""The ordered parts of a version's text: duties, KSAs, competencies, other sections, special requirements."""

from django.db import models
from simple_history.models import HistoricalRecords

from classes.fields import LinesField
from classes.immutability import GuardedPart, PartQuerySet
from classes.vocabulary import (
    KSAKind,
    KSALevel,
    LicenseNeededBy,
    SectionLayout,
    SectionPlacement,
    SpecialRequirementKind,
    in_vocabulary,
)

from .versions import Version


def list_label():
    return models.CharField(
        max_length=20,
        blank=True,
        help_text="The number or letter printed before the item, e.g. “1.” or “a)”; empty where the list has bullets.",
    )


class VersionPart(GuardedPart):
    """An item of one version's list; subclasses name the version foreign key for a readable related name."""

    objects = PartQuerySet.as_manager()
    audit_trail = HistoricalRecords(inherit=True)

    position = models.PositiveIntegerField(help_text="Order within its list, lowest first. Gaps are fine.")

    class Meta:
        abstract = True
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="%(app_label)s_%(class)s_position_unique"),
        ]


class Duty(VersionPart):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="duties")
    label = list_label()
    text = models.TextField(help_text="One duty, word for word, with its closing punctuation (“;” or “.”).")

    class Meta(VersionPart.Meta):
        verbose_name_plural = "duties"

    def __str__(self):
        return self.text[:80]


class KSA(VersionPart):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="ksas")
    label = list_label()
    text = models.TextField(
        help_text="One knowledge, skill, ability or characteristic, word for word, with its punctuation."
    )
    kind = models.CharField(
        max_length=30, choices=KSAKind, blank=True, help_text="What the item is. Empty only if it cannot be told."
    )
    level = models.CharField(
        max_length=20,
        choices=KSALevel,
        blank=True,
        help_text="The degree the text states (“Good knowledge of …” is good). Empty where it states none.",
    )

    class Meta(VersionPart.Meta):
        verbose_name = "knowledge, skill or ability"
        verbose_name_plural = "knowledges, skills and abilities"
        constraints = [
            *VersionPart.Meta.constraints,
            in_vocabulary("kind", KSAKind, blank=True, name="ksa_kind_valid"),
            in_vocabulary("level", KSALevel, blank=True, name="ksa_level_valid"),
        ]

    def __str__(self):
        return self.text[:80]


class Competency(VersionPart):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="competencies")
    name = models.CharField(max_length=200, help_text="e.g. “Integrity/Honesty”.")
    description = models.TextField(help_text="The text after the name, word for word.")

    class Meta(VersionPart.Meta):
        verbose_name_plural = "competencies"

    def __str__(self):
        return self.name


class OtherSection(VersionPart):
    """A part the standard ones do not cover (physical demands, class detail…), kept where the text puts it."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="other_sections")
    placement = models.CharField(
        max_length=40,
        choices=SectionPlacement,
        default=SectionPlacement.END,
        help_text="Which standard part this section follows when the spec is read.",
    )
    heading = models.CharField(max_length=200, help_text="The heading as printed, e.g. “Physical Demands”.")
    layout = models.CharField(
        max_length=20,
        choices=SectionLayout,
        default=SectionLayout.PARAGRAPHS,
        help_text="Paragraphs, or a list with one item per line.",
    )
    text = models.TextField(help_text="Word for word.")

    class Meta(VersionPart.Meta):
        constraints = [
            *VersionPart.Meta.constraints,
            in_vocabulary("placement", SectionPlacement, name="other_section_placement_valid"),
            in_vocabulary("layout", SectionLayout, name="other_section_layout_valid"),
        ]

    def __str__(self):
        return self.heading

    def lines(self):
        return LinesField.items(self.text)


class SpecialRequirement(VersionPart):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="special_requirements")
    kind = models.CharField(max_length=30, choices=SpecialRequirementKind, help_text="What is required.")
    heading = models.CharField(
        max_length=200, default="SPECIAL REQUIREMENT", blank=True, help_text="The heading as printed."
    )
    text = models.TextField(help_text="Word for word.")
    license_needed_by = models.CharField(
        max_length=20,
        default="",
        db_default="",
        choices=LicenseNeededBy,
        blank=True,
        help_text="For a licence or certificate: when it must be held, as the text says (on applying, by the "
        "examination, by appointment, or within a period after it). Empty means not stated; the checker then takes it "
        "as a condition of appointment.",
    )
    license_within_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Months after appointment within which the licence must be obtained. Empty means not stated.",
    )

    class Meta(VersionPart.Meta):
        constraints = [
            *VersionPart.Meta.constraints,
            in_vocabulary("kind", SpecialRequirementKind, name="special_requirement_kind_valid"),
            in_vocabulary(
                "license_needed_by", LicenseNeededBy, blank=True, name="special_requirement_license_needed_by_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def license_needed_when(self):
        return LicenseNeededBy.when(self.license_needed_by, self.license_within_months)
