"""What reading a document gives: the parsed spec of each level it describes, and the record of how it was read.

Field names are the models' own (a path's `education_level` is `Path.education_level`), so that the store writes
them by name. `line` is the source line a piece starts on (1 for the first line of the file as read), for the report.
A fact the text does not state stays empty: "", None, or an empty list.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Item:
    """A duty or a knowledge, skill or ability, word for word, with the label printed before it (“1.”, “a)”)."""

    label: str = ""
    text: str = ""
    kind: str = ""  # a KSA's kind
    level: str = ""  # a KSA's level
    line: int = 0


@dataclass
class Competency:
    name: str
    description: str
    line: int = 0


@dataclass
class OtherSection:
    heading: str
    text: str
    placement: str
    layout: str
    line: int = 0


@dataclass
class SpecialRequirement:
    heading: str
    text: str
    kind: str
    line: int = 0
    license_needed_by: str = ""
    license_within_months: int | None = None


@dataclass
class TimeInTitle:
    """Years of status in a title a promotional path names."""

    title: str
    years: Decimal
    at_that_level: bool = False  # “… or in a class at that level”


@dataclass
class Path:
    """One alternative way to qualify: its wording and the facts it states (see qualifications.models.Path)."""

    connector: str = ""
    label: str = ""
    text: str = ""
    kind: str = "open_competitive"
    line: int = 0
    is_equivalent_combination: bool = False
    education_level: str = ""
    accredited_education: bool | None = None
    education_fields: str = ""
    credit_hours: int | None = None
    quarter_units: int | None = None
    total_credit_hours: int | None = None
    credit_hour_subjects: str = ""
    experience_years: Decimal | None = None
    experience_kinds: str = ""
    excluded_experience: str = ""
    paid_experience: bool | None = None
    part_time_accepted: bool | None = None
    full_time_hours_per_week: int | None = None
    supervisory_years: Decimal | None = None
    complete_years_only: bool | None = None
    licenses: str = ""
    license_needed_by: str = ""
    license_within_months: int | None = None
    service: str = ""
    status_required: str = ""
    titles: list[TimeInTitle] = field(default_factory=list)


@dataclass
class Substitution:
    label: str = ""
    text: str = ""
    kind: str = "other"
    line: int = 0
    path: int | None = None  # the index in the spec's paths of the one path the rule belongs to; None: all of them
    education_beyond: str = ""
    in_path_fields: bool = False
    years_per_year: Decimal | None = None
    cap_years: Decimal | None = None
    floor_years: Decimal | None = None
    credit_hours: int | None = None
    quarter_units: int | None = None
    credit_hour_subjects: str = ""
    years_for_units: Decimal | None = None


@dataclass
class Definition:
    marker: str = "*"
    label: str = ""
    text: str = ""
    term: str = ""
    line: int = 0


@dataclass
class HistoryEvent:
    kind: str
    date: datetime.date
    reference: str = ""
    by: str = ""


@dataclass
class Spec:
    """One class's text as read: what its draft version would hold, its fields in the order a spec prints them."""

    title: str = ""
    code: str = ""
    jurisdictional_class: str = ""
    department_name: str = ""
    flsa_status: str = ""
    salary_grade: str = ""
    bargaining_unit: str = ""
    adoption_line: str = ""
    general_statement_heading: str = ""
    general_statement: str = ""
    distinguishing_features_heading: str = ""
    distinguishing_features: str = ""
    duties_heading: str = ""
    duties: list[Item] = field(default_factory=list)
    duties_note: str = ""
    ksas_heading: str = ""
    ksas: list[Item] = field(default_factory=list)
    competencies_heading: str = ""
    competencies: list[Competency] = field(default_factory=list)
    qualifications_heading: str = ""
    promotional_heading: str = ""
    promotional_preamble: str = ""
    open_competitive_heading: str = ""
    open_competitive_preamble: str = ""
    paths: list[Path] = field(default_factory=list)
    substitutions: list[Substitution] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    special_requirements: list[SpecialRequirement] = field(default_factory=list)
    other_sections: list[OtherSection] = field(default_factory=list)
    history: list[HistoryEvent] = field(default_factory=list)
    series_name: str = ""  # the series the class is a level of, where the text says so
    series_level: int | None = None


@dataclass
class Part:
    """A part of the document found under a heading: which source lines it covers and what it became."""

    part: str  # general_statement, duties, …, qualifications, open_competitive, promotional, other, levels
    heading: str
    line: int
    last_line: int = 0
    level: str = ""  # the series level the part belongs to, where the document describes several


@dataclass
class Doubt:
    """A fact read with doubt: what was read, what was assumed, and why. The fact is stored; the analyst checks it."""

    line: int | None
    fact: str
    assumed: str
    why: str


@dataclass
class Warning:
    line: int | None
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ParsedDocument:
    """A document read: its title (a series page's: the series), one spec per level, and how each line was read."""

    source: str
    title: str = ""
    series: str = ""  # the series a document of several levels describes
    specs: list[Spec] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the source as read, line 1 first
    parts: list[Part] = field(default_factory=list)
    unstored: dict[int, str] = field(default_factory=dict)  # line: why its text is in no draft (page debris…)
    facts: dict = field(default_factory=dict)
    doubts: list[Doubt] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def warn(self, line, message):
        self.warnings.append(Warning(line, message))

    def doubt(self, line, fact, assumed, why):
        self.doubts.append(Doubt(line, fact, assumed, why))

    @property
    def spec(self):
        """The one spec of a document describing one class (the first level of a series)."""
        return self.specs[0]
