"""The catalogue of job classes and the versions of their specifications."""

from .catalogue import (
    ClassDueForReview,
    ClassSeries,
    Department,
    HistoryEntry,
    JobClass,
    Jurisdiction,
    OpenVersionError,
    Review,
)
from .edition import CatalogueEdition
from .imports import ImportBatch, ImportedDocument
from .meetings import Meeting
from .occupations import (
    Occupation,
    OccupationName,
    OccupationNameWord,
    OccupationTask,
    OccupationTitle,
    RelatedOccupation,
)
from .parts import KSA, Competency, Duty, OtherSection, SpecialRequirement
from .search import CatalogueWord, SearchDocument, SearchPhrase
from .versions import Version

__all__ = [
    "KSA",
    "CatalogueEdition",
    "CatalogueWord",
    "ClassDueForReview",
    "ClassSeries",
    "Competency",
    "Department",
    "Duty",
    "HistoryEntry",
    "ImportBatch",
    "ImportedDocument",
    "JobClass",
    "Jurisdiction",
    "Meeting",
    "Occupation",
    "OccupationName",
    "OccupationNameWord",
    "OccupationTask",
    "OccupationTitle",
    "OpenVersionError",
    "OtherSection",
    "RelatedOccupation",
    "Review",
    "SearchDocument",
    "SearchPhrase",
    "SpecialRequirement",
    "Version",
]
