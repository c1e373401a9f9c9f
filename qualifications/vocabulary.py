"""Closed vocabularies of minimum qualifications."""

from django.db import models


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
    """When a path's licence or certificate must be held."""

    APPLICATION = "application", "When applying"
    EXAMINATION = "examination", "By the examination"
    APPOINTMENT = "appointment", "By appointment"
    WITHIN_PERIOD = "within_period", "Within a period after appointment"


class StatusRequired(models.TextChoices):
    """The standing in the employer's service a promotional path asks for."""

    PERMANENT = "permanent", "Permanent status"
    CURRENT_EMPLOYMENT = "current_employment", "Current employment"
