"""Closed vocabularies of what a spec states (its statuses, kinds, levels and places), and the database check that
keeps a column inside one."""

from django.db import models
from django.db.models import Q


def in_vocabulary(field, choices, *, name, blank=False):
    """A CheckConstraint holding `field` to the values of a TextChoices (or empty, if `blank`)."""
    values = [choice.value for choice in choices]
    if blank:
        values.append("")
    return models.CheckConstraint(condition=Q(**{f"{field}__in": values}), name=name)


class JurisdictionKind(models.TextChoices):
    STATE = "state", "State"
    COUNTY = "county", "County"
    CITY = "city", "City"
    TOWN = "town", "Town"
    VILLAGE = "village", "Village"
    DISTRICT = "district", "School or special district"
    AGENCY = "agency", "Agency or authority"


class HistoryKind(models.TextChoices):
    ESTABLISHED = "established", "Established"
    ADOPTED = "adopted", "Adopted"
    APPROVED = "approved", "Approved"
    REVISED = "revised", "Revised"
    ABOLISHED = "abolished", "Abolished"


class MeetingKind(models.TextChoices):
    REGULAR = "regular", "Regular"
    SPECIAL = "special", "Special"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PROPOSED = "proposed", "Proposed"
    ADOPTED = "adopted", "Adopted"
    SUPERSEDED = "superseded", "Superseded"


# A text the public may read: the one in force and those it superseded. Never edited again.
PUBLIC_STATUSES = [VersionStatus.ADOPTED, VersionStatus.SUPERSEDED]
# A text still being written or before the commission: at most one per class.
OPEN_STATUSES = [VersionStatus.DRAFT, VersionStatus.PROPOSED]


class JurisdictionalClass(models.TextChoices):
    """New York's civil-service jurisdictional classification, used by many other places too."""

    COMPETITIVE = "competitive", "Competitive"
    NON_COMPETITIVE = "non_competitive", "Non-competitive"
    EXEMPT = "exempt", "Exempt"
    LABOR = "labor", "Labor"
    UNCLASSIFIED = "unclassified", "Unclassified"


class FLSAStatus(models.TextChoices):
    EXEMPT = "exempt", "Exempt"
    NON_EXEMPT = "non_exempt", "Non-exempt"


class KSAKind(models.TextChoices):
    KNOWLEDGE = "knowledge", "Knowledge"
    SKILL = "skill", "Skill"
    ABILITY = "ability", "Ability"
    PERSONAL_CHARACTERISTIC = "personal_characteristic", "Personal characteristic"


class KSALevel(models.TextChoices):
    """The degree words New York-style specs put before a knowledge or ability, strongest first."""

    THOROUGH = "thorough", "Thorough"
    GOOD = "good", "Good"
    WORKING = "working", "Working"
    SOME = "some", "Some"


class SectionPlacement(models.TextChoices):
    """Where an other section reads: after which standard part of the spec."""

    AFTER_DISTINGUISHING_FEATURES = "after_distinguishing_features", "After the distinguishing features"
    AFTER_DUTIES = "after_duties", "After the duties"
    AFTER_KSAS = "after_ksas", "After the knowledges, skills and abilities"
    AFTER_QUALIFICATIONS = "after_qualifications", "After the minimum qualifications"
    END = "end", "At the end"


class SectionLayout(models.TextChoices):
    PARAGRAPHS = "paragraphs", "Paragraphs (blank line between)"
    LIST = "list", "List (one item per line)"


class SpecialRequirementKind(models.TextChoices):
    DRIVERS_LICENSE = "drivers_license", "Driver's license"
    LICENSE = "license", "Other license"
    CERTIFICATION = "certification", "Certification"
    BACKGROUND_CHECK = "background_check", "Background investigation"
    MEDICAL = "medical", "Medical or physical screening"
    RESIDENCY = "residency", "Residency"
    OTHER = "other", "Other"


# Special requirements that are a licence or certificate: an applicant can say they hold one, and it has a time by
# which it must be held.
LICENCE_REQUIREMENTS = frozenset(
    {SpecialRequirementKind.DRIVERS_LICENSE, SpecialRequirementKind.LICENSE, SpecialRequirementKind.CERTIFICATION}
)


class PathKind(models.TextChoices):
    OPEN_COMPETITIVE = "open_competitive", "Open-competitive"
    PROMOTIONAL = "promotional", "Promotional"


class EducationLevel(models.TextChoices):
    """Levels in ascending order: a higher level meets a lower requirement."""

    HIGH_SCHOOL = "high_school", "High school diploma or equivalency"
    ASSOCIATE = "associate", "Associate's degree"
    BACHELOR = "bachelor", "Bachelor's degree"
    MASTER = "master", "Master's degree"
    DOCTORATE = "doctorate", "Doctorate"

    @classmethod
    def rank(cls, value):
        """Position of a level in the ascending order (0 for high school); None for no level."""
        return cls.values.index(value) if value else None


class SubstitutionKind(models.TextChoices):
    EDUCATION_FOR_EXPERIENCE = "education_for_experience", "Education for experience"
    EXPERIENCE_FOR_EDUCATION = "experience_for_education", "Experience for education"
    EXPERIENCE_FOR_EXPERIENCE = "experience_for_experience", "Experience of one kind for another"
    CERTIFICATION_FOR_EDUCATION = "certification_for_education", "A licence or certificate for education"
    CERTIFICATION_FOR_EXPERIENCE = "certification_for_experience", "A licence or certificate for experience"
    OTHER = "other", "Other"


class LicenseNeededBy(models.TextChoices):
    """When a path's or a special requirement's licence or certificate must be held."""

    APPLICATION = "application", "When applying"
    EXAMINATION = "examination", "By the examination"
    APPOINTMENT = "appointment", "By appointment"
    WITHIN_PERIOD = "within_period", "Within a period after appointment"

    @classmethod
    def when(cls, needed_by, within_months=None):
        """By when, in words an applicant reads: "by appointment", "within 6 months of appointment"; empty where
        not stated."""
        if needed_by == cls.WITHIN_PERIOD and within_months:
            return f"within {within_months} months of appointment"
        return {
            cls.APPLICATION: "when you apply",
            cls.EXAMINATION: "by the examination",
            cls.APPOINTMENT: "by appointment",
            cls.WITHIN_PERIOD: "within a period after appointment",
        }.get(needed_by, "")


class StatusRequired(models.TextChoices):
    """The standing in the employer's service a promotional path asks for."""

    PERMANENT = "permanent", "Permanent status"
    CURRENT_EMPLOYMENT = "current_employment", "Current employment"


class OccupationTitleKind(models.TextChoices):
    """Where a name of an O*NET occupation comes from: O*NET's alternate titles (and their short forms), or the
    titles workers reported in O*NET's surveys."""

    ALTERNATE = "alternate", "Alternate title"
    SHORT = "short", "Short title"
    REPORTED = "reported", "Reported title"


class RelatednessTier(models.TextChoices):
    PRIMARY_SHORT = "primary_short", "Primary (closest)"
    PRIMARY_LONG = "primary_long", "Primary"
    SUPPLEMENTAL = "supplemental", "Supplemental"


class ImportStatus(models.TextChoices):
    """Where a document uploaded to the admin's importer stands."""

    PENDING = "pending", "Not read yet"
    READ = "read", "Read, waiting for review"
    SAVED = "saved", "Saved"
    DISCARDED = "discarded", "Discarded"
    ERROR = "error", "Could not be read"


class AfterReading(models.TextChoices):
    """What an import batch does with each document once it is read."""

    REVIEW = "review", "Keep each document for review; an analyst saves it once checked"
    SAVE = "save", "Save each document as a draft at once"
    DRY_RUN = "dry_run", "Dry run: read and report only; nothing can be saved"
