"""A version's minimum qualifications as plain values the checker reads, and the questions they raise."""

from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from classes.vocabulary import PathKind, SubstitutionKind


def norm(text):
    """A printed name compared with what an applicant picked from the same list: case and spacing aside."""
    return " ".join(str(text).lower().split())


def fraction(value):
    return None if value is None else Fraction(str(value))


def unique(names):
    """Names in order of first appearance, each once (by `norm`)."""
    seen, kept = set(), []
    for name in names:
        if norm(name) not in seen:
            seen.add(norm(name))
            kept.append(name)
    return kept


class TitleRule(NamedTuple):
    """Years of permanent status in a named title that a promotional path accepts."""

    title: str
    years: Fraction | None


@dataclass(frozen=True)
class PathRule:
    """One path's structured facts; None or empty means the text does not state it."""

    label: str
    kind: str = PathKind.OPEN_COMPETITIVE
    text: str = ""
    is_equivalent_combination: bool = False
    education_level: str = ""
    education_fields: tuple = ()
    credit_hours: int | None = None
    credit_hour_subjects: str = ""
    experience_years: Fraction | None = None
    experience_kinds: tuple = ()
    paid_experience: bool | None = None
    part_time_accepted: bool | None = None
    full_time_hours_per_week: int | None = None
    supervisory_years: Fraction | None = None
    titles: tuple = ()  # TitleRules: status in any one of them qualifies

    @classmethod
    def from_path(cls, path):
        return cls(
            label=path.label or f"Path {path.position}",
            kind=path.kind,
            text=path.text,
            is_equivalent_combination=path.is_equivalent_combination,
            education_level=path.education_level,
            education_fields=tuple(path.education_field_list),
            credit_hours=path.credit_hours,
            credit_hour_subjects="; ".join(path.credit_hour_subject_list),
            experience_years=fraction(path.experience_years),
            experience_kinds=tuple(path.experience_kind_list),
            paid_experience=path.paid_experience,
            part_time_accepted=path.part_time_accepted,
            full_time_hours_per_week=path.full_time_hours_per_week,
            supervisory_years=fraction(path.supervisory_years),
            titles=tuple(TitleRule(title.title, fraction(title.years)) for title in path.titles.all()),
        )

    @property
    def is_recorded(self):
        """Whether any requirement of the path has been read into facts (else only its text says it)."""
        return bool(
            self.education_level
            or self.education_fields
            or self.credit_hours
            or self.experience_years is not None
            or self.titles
        )

    @property
    def is_promotional(self):
        return self.kind == PathKind.PROMOTIONAL

    @property
    def kind_label(self):
        return PathKind(self.kind).label


@dataclass(frozen=True)
class SubstitutionRule:
    kind: str
    text: str
    education_beyond: str = ""
    in_path_fields: bool = False
    years_per_year: Fraction | None = None
    cap_years: Fraction | None = None
    floor_years: Fraction | None = None

    @classmethod
    def from_substitution(cls, substitution):
        return cls(
            kind=substitution.kind,
            text=substitution.text,
            education_beyond=substitution.education_beyond,
            in_path_fields=substitution.in_path_fields,
            years_per_year=fraction(substitution.years_per_year),
            cap_years=fraction(substitution.cap_years),
            floor_years=fraction(substitution.floor_years),
        )

    @property
    def is_education_for_experience(self):
        return self.kind == SubstitutionKind.EDUCATION_FOR_EXPERIENCE


@dataclass(frozen=True)
class Rules:
    """All a version's paths and substitutions; definitions travel along for the form's help text."""

    paths: tuple
    substitutions: tuple = ()
    definitions: tuple = field(default=(), compare=False)  # (term, text) pairs

    @classmethod
    def from_version(cls, version):
        """Built from a version whose paths (with titles), substitutions and definitions are prefetched."""
        return cls(
            paths=tuple(PathRule.from_path(path) for path in version.paths.all()),
            substitutions=tuple(SubstitutionRule.from_substitution(s) for s in version.substitutions.all()),
            definitions=tuple((d.term, d.text) for d in version.definitions.all()),
        )

    def all_education_fields(self):
        return unique(name for path in self.paths for name in path.education_fields)

    def questions(self):
        return Questions.for_rules(self)


@dataclass(frozen=True)
class Questions:
    """What the checker needs to ask for these rules, and nothing else."""

    education: bool
    college_credits: bool
    degree_fields: tuple
    credit_subjects: tuple
    experience: bool
    experience_kinds: tuple
    paid: bool
    supervisory: bool
    titles: tuple

    @classmethod
    def for_rules(cls, rules):
        paths = rules.paths
        education_substitution = any(s.is_education_for_experience for s in rules.substitutions)
        combination = any(p.is_equivalent_combination for p in paths)
        experience = any(p.experience_years is not None for p in paths)
        return cls(
            education=combination or education_substitution or any(p.education_level for p in paths),
            college_credits=combination or education_substitution,
            degree_fields=tuple(rules.all_education_fields()),
            credit_subjects=tuple(unique(p.credit_hour_subjects for p in paths if p.credit_hours)),
            experience=experience,
            experience_kinds=tuple(unique(kind for p in paths for kind in p.experience_kinds)),
            paid=any(p.paid_experience for p in paths),
            supervisory=any(p.supervisory_years for p in paths),
            titles=tuple(unique(title for p in paths if p.is_promotional for title, _ in p.titles)),
        )

    @property
    def anything(self):
        return bool(self.education or self.experience or self.credit_subjects or self.titles)
