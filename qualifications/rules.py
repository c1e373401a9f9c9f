"""A version's minimum qualifications as plain values the checker reads, and the questions they raise."""

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from classes.vocabulary import (
    LICENCE_REQUIREMENTS,
    EducationLevel,
    LicenseNeededBy,
    PathKind,
    SpecialRequirementKind,
    SubstitutionKind,
)

QUARTER_TO_SEMESTER = Fraction(2, 3)  # a quarter unit is two-thirds of a semester hour


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


# Words by which a path's text names what its facts should hold: the kind of work, the field of study. Where the
# text has them and the facts are empty, the importer did not read them, and the checker says it cannot tell.
NAMED_IN_TEXT = {
    "kinds": re.compile(r"\bexperience\s+(in|as|with|performing|involving|doing)\b(?!\s+any\b)", re.IGNORECASE),
    "fields": re.compile(r"\b(degree|major|diploma)\s+(in|with a major in)\b(?!\s+any\b)", re.IGNORECASE),
}


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class TitleRule(NamedTuple):
    """Years of permanent status in a named title that a promotional path accepts."""

    title: str
    years: Fraction | None


class LicenceRule(NamedTuple):
    """Licences or certificates a path or a special requirement asks for, and when they must be held."""

    names: tuple  # as printed
    needed_by: str = ""  # a LicenseNeededBy value; empty: not recorded
    within_months: int | None = None
    source: str = ""  # the special requirement's words, where it is one; empty for the path's own

    @property
    def after_appointment(self):
        """Whether an applicant may still obtain it after applying: a condition of appointment, not of admission."""
        return self.needed_by in (LicenseNeededBy.APPOINTMENT, LicenseNeededBy.WITHIN_PERIOD)

    @property
    def when(self):
        return LicenseNeededBy.when(self.needed_by, self.within_months)

    @classmethod
    def from_special_requirement(cls, requirement):
        """A special requirement stands beside the minimum qualifications: needed when its text says, and where it
        says nothing, a condition of appointment, which an applicant may still meet after applying."""
        name = requirement.get_kind_display() if requirement.kind == SpecialRequirementKind.DRIVERS_LICENSE else ""
        return cls(
            names=(name or requirement.text.strip()[:200],),
            needed_by=requirement.license_needed_by or LicenseNeededBy.APPOINTMENT,
            within_months=requirement.license_within_months,
            source=requirement.text.strip(),
        )


@dataclass(frozen=True)
class JobsRule:
    """Which of an applicant's jobs count as a path's experience, and how."""

    kinds: tuple = ()  # kinds of work that count; empty: any
    excluded: tuple = ()  # kinds of work the text says never count
    paid: bool | None = None  # True: unpaid work does not count
    part_time: bool | None = None  # False: part-time work does not count
    full_week: int = 40  # hours a week that count as full time
    service: str = ""  # whose service the work must be in, as printed; empty: any employer's


@dataclass(frozen=True)
class PathRule:
    """One path's structured facts; None or empty means the text does not state it.

    `id` is the path's key, which an adopted version keeps; `label` is the label as printed, empty where the text
    prints none."""

    label: str = ""
    id: int | None = None
    position: int = 0
    kind: str = PathKind.OPEN_COMPETITIVE
    text: str = ""
    is_equivalent_combination: bool = False
    education_level: str = ""
    accredited_education: bool | None = None
    education_fields: tuple = ()
    credit_hours: int | None = None
    credit_hour_subjects: str = ""
    quarter_units: int | None = None
    total_credit_hours: int | None = None
    experience_years: Fraction | None = None
    experience_kinds: tuple = ()
    excluded_experience: tuple = ()
    paid_experience: bool | None = None
    part_time_accepted: bool | None = None
    full_time_hours_per_week: int | None = None
    supervisory_years: Fraction | None = None
    complete_years_only: bool | None = None
    service: str = ""
    titles: tuple = ()  # TitleRules: status in any one of them qualifies, or in all together where combined
    titles_combined: bool | None = None
    status_required: str = ""  # a StatusRequired value: what time in the titles counts; empty: not recorded
    licences: LicenceRule | None = None

    @classmethod
    def from_path(cls, path):
        licences = path.license_list
        return cls(
            label=path.label,
            id=path.pk,
            position=path.position,
            kind=path.kind,
            text=path.text,
            is_equivalent_combination=path.is_equivalent_combination,
            education_level=path.education_level,
            accredited_education=path.accredited_education,
            education_fields=tuple(path.education_field_list),
            credit_hours=path.credit_hours,
            credit_hour_subjects="; ".join(path.credit_hour_subject_list),
            quarter_units=path.quarter_units,
            total_credit_hours=path.total_credit_hours,
            experience_years=fraction(path.experience_years),
            experience_kinds=tuple(path.experience_kind_list),
            excluded_experience=tuple(path.excluded_experience_list),
            paid_experience=path.paid_experience,
            part_time_accepted=path.part_time_accepted,
            full_time_hours_per_week=path.full_time_hours_per_week,
            supervisory_years=fraction(path.supervisory_years),
            complete_years_only=path.complete_years_only,
            service=path.service,
            titles=tuple(TitleRule(title.title, fraction(title.years)) for title in path.titles.all()),
            titles_combined=path.titles_combined,
            status_required=path.status_required,
            licences=LicenceRule(tuple(licences), path.license_needed_by, path.license_within_months)
            if licences
            else None,
        )

    def names_unrecorded(self, what):
        """Whether the text names `what` ("kinds" of work, "fields" of study) and the facts hold none."""
        recorded = self.experience_kinds if what == "kinds" else self.education_fields
        return not recorded and bool(NAMED_IN_TEXT[what].search(self.text))

    @property
    def name(self):
        """What the checker calls the path: its printed label, or where it prints none, its place in the text."""
        return self.label or f"The {ordinal(self.position)} path (no printed label)"

    @property
    def in_sentence(self):
        """The path as a sentence names it: "path 2", "path (A)", or "the 3rd path" where it prints no label."""
        return f"path {self.label.rstrip('.:')}" if self.label else f"the {ordinal(self.position)} path"

    @property
    def credit_hours_needed(self):
        """Semester credit hours in the subjects the path asks, where it states them in quarter units only."""
        if self.credit_hours:
            return Fraction(self.credit_hours)
        return self.quarter_units * QUARTER_TO_SEMESTER if self.quarter_units else None

    @property
    def asks_college(self):
        """Whether the path asks for college education: a degree, or credit hours."""
        level = self.education_level
        college = bool(level) and EducationLevel.rank(level) > EducationLevel.rank(EducationLevel.HIGH_SCHOOL)
        return college or bool(self.credit_hours_needed or self.total_credit_hours)

    def jobs_rule(self, full_week):
        return JobsRule(
            self.experience_kinds,
            self.excluded_experience,
            self.paid_experience,
            self.part_time_accepted,
            self.full_time_hours_per_week or full_week,
            self.service,
        )

    @property
    def is_recorded(self):
        """Whether any requirement of the path has been read into facts (else only its text says it). A licence alone
        is not enough: a path asks one beside other requirements far more often than on its own."""
        return bool(
            self.education_level
            or self.education_fields
            or self.credit_hours_needed
            or self.total_credit_hours
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
    path_id: int | None = None  # the path it is printed in, which it alone applies to; None: every path
    # Units of education the rule names, the subjects they are in (empty: any) and the experience they replace.
    credit_hours: int | None = None
    quarter_units: int | None = None
    credit_hour_subjects: str = ""
    years_for_units: Fraction | None = None

    @classmethod
    def from_substitution(cls, substitution):
        return cls(
            path_id=substitution.path_id,
            kind=substitution.kind,
            text=substitution.text,
            education_beyond=substitution.education_beyond,
            in_path_fields=substitution.in_path_fields,
            years_per_year=fraction(substitution.years_per_year),
            cap_years=fraction(substitution.cap_years),
            floor_years=fraction(substitution.floor_years),
            credit_hours=substitution.credit_hours,
            quarter_units=substitution.quarter_units,
            credit_hour_subjects="; ".join(substitution.credit_hour_subject_list),
            years_for_units=fraction(substitution.years_for_units),
        )

    @property
    def is_education_for_experience(self):
        return self.kind == SubstitutionKind.EDUCATION_FOR_EXPERIENCE

    @property
    def units_needed(self):
        """Semester hours the rule's units stand for: its semester units, else its quarter units at two-thirds."""
        if self.credit_hours:
            return Fraction(self.credit_hours)
        return self.quarter_units * QUARTER_TO_SEMESTER if self.quarter_units else None

    @property
    def is_by_units(self):
        """Whether the rule counts education in units, each time they are completed replacing stated experience."""
        return self.is_education_for_experience and bool(self.units_needed) and bool(self.years_for_units)

    @property
    def is_applied(self):
        """Whether the checker applies the rule itself: education for experience at a stated rate, by the year or
        by units. Any other rule the commission applies, and the checker says it cannot tell where the rule could
        close a gap."""
        return self.is_education_for_experience and (self.years_per_year is not None or self.is_by_units)

    def applies_to(self, path):
        return self.path_id is None or self.path_id == path.id


@dataclass(frozen=True)
class Rules:
    """All a version's paths and substitutions; definitions travel along for the form's help text."""

    paths: tuple
    substitutions: tuple = ()
    licences: tuple = ()  # LicenceRules of the special requirements, which every path shares
    definitions: tuple = field(default=(), compare=False)  # (term, text) pairs

    @classmethod
    def from_version(cls, version):
        """Built from a version whose paths (with titles), substitutions, special requirements and definitions are
        prefetched."""
        return cls(
            paths=tuple(PathRule.from_path(path) for path in version.paths.all()),
            substitutions=tuple(SubstitutionRule.from_substitution(s) for s in version.substitutions.all()),
            licences=tuple(
                LicenceRule.from_special_requirement(requirement)
                for requirement in version.special_requirements.all()
                if requirement.kind in LICENCE_REQUIREMENTS
            ),
            definitions=tuple((d.term, d.text) for d in version.definitions.all()),
        )

    def of_kind(self, kind):
        """The same rules with only the paths of one kind (open-competitive or promotional)."""
        return Rules(
            tuple(p for p in self.paths if p.kind == kind), self.substitutions, self.licences, self.definitions
        )

    def substitutions_for(self, path):
        return [substitution for substitution in self.substitutions if substitution.applies_to(path)]

    def licences_for(self, path):
        return [*([path.licences] if path.licences else []), *self.licences]

    @property
    def kinds(self):
        """The examinations the paths belong to, open-competitive first."""
        return tuple(kind for kind in PathKind.values if any(p.kind == kind for p in self.paths))

    def examination(self, chosen):
        """The examination an answer is for: the one chosen, else the first the paths belong to."""
        return chosen or next(iter(self.kinds), PathKind.OPEN_COMPETITIVE)

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
    excluded_kinds: tuple = ()
    accredited: bool = False  # whether the applicant's school was accredited decides a path
    services: tuple = ()  # whose service a path's experience must be in: each job says whether it was
    licences: tuple = ()
    examinations: tuple = ()  # the kinds of examination the paths belong to: the applicant chooses among them

    @classmethod
    def for_rules(cls, rules):
        paths = rules.paths
        education_substitution = any(s.is_education_for_experience for s in rules.substitutions)
        combination = any(p.is_equivalent_combination for p in paths)
        experience = any(p.experience_years is not None for p in paths)
        return cls(
            education=combination or education_substitution or any(p.education_level for p in paths),
            college_credits=combination or education_substitution or any(p.total_credit_hours for p in paths),
            degree_fields=tuple(rules.all_education_fields()),
            credit_subjects=tuple(
                unique(
                    [
                        *(p.credit_hour_subjects for p in paths if p.credit_hours_needed),
                        *(
                            s.credit_hour_subjects
                            for s in rules.substitutions
                            if s.is_by_units and s.credit_hour_subjects
                        ),
                    ]
                )
            ),
            accredited=any(p.accredited_education for p in paths),
            experience=experience,
            experience_kinds=tuple(unique(kind for p in paths for kind in p.experience_kinds)),
            paid=any(p.paid_experience for p in paths),
            supervisory=any(p.supervisory_years for p in paths),
            titles=tuple(unique(title for p in paths if p.is_promotional for title, _ in p.titles)),
            excluded_kinds=tuple(unique(kind for p in paths if p.experience_years for kind in p.excluded_experience)),
            services=tuple(unique(p.service for p in paths if p.experience_years is not None and p.service)),
            licences=tuple(unique(name for p in paths for licence in rules.licences_for(p) for name in licence.names)),
            examinations=rules.kinds,
        )

    @property
    def anything(self):
        return bool(self.education or self.experience or self.credit_subjects or self.titles or self.licences)

    @property
    def credits(self):
        """Whether the applicant gives credit hours, so may say they are quarter units."""
        return bool(self.college_credits or self.credit_subjects)
