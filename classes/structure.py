"""The shape of a spec, described once: a version's own fields, and its lists of parts in reading order.

Everything that walks a version reads it: the admin's inlines and audit trail, a revision's copy, the
comparison of two versions, the open-data export, the search documents, the importer's store and the
catalogue the benchmarks generate. Adding a field to a part is a model change (and its migration); where the field
prints, the part's `line` here says how.

Models are named by label and found through the app registry: the paths belong to `qualifications`, which
builds on this app, never the other way round.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.utils.functional import cached_property

from .vocabulary import SectionPlacement

# The search document's columns, from the heaviest weight to the lightest.
DOCUMENT_COLUMNS = ["title", "features", "duties", "qualifications"]
# Fields of a part that place it rather than say anything.
PLACING_FIELDS = {"id", "position"}


def joined(*names, between=" "):
    """A line made of these fields' values, the empty ones left out."""

    def line(row):
        return between.join(value for name in names if (value := getattr(row, name)))

    return line


@dataclass(frozen=True)
class Part:
    """One list of rows that belong to a version (its duties, its paths …), or to a row of one (a path's titles)."""

    name: str  # the related name: version.duties
    model_label: str
    line: object  # how a row prints as a line: a function of the row (a model instance or `row(values)`)
    prints: tuple[str, ...]  # the fields the line prints; the other fields are facts stated beside the wording
    column: str = "qualifications"  # the search document's column its lines go to
    title: str = ""  # what to call the part where the version prints no heading over it
    heading: str = ""  # the version's field holding the heading printed over the part
    preambles: tuple[str, ...] = ()  # the version's fields holding words printed before the rows
    note: str = ""  # the version's field holding words printed after the rows
    between: str = "\n"  # what separates two rows' lines: a line break, or a blank line between paragraphs
    owner: str = "version"  # the foreign key to what the rows belong to
    children: "Part | None" = None  # rows that belong to each row
    inline: str = ""  # the admin inline editing the rows on their version's page; empty: a table of the fields

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @cached_property
    def fields(self):
        """Every field a row holds besides its owner and place: what an import writes and a revision copies."""
        return [
            field.name
            for field in self.model._meta.concrete_fields
            if field.name not in PLACING_FIELDS and field.name != self.owner
        ]

    @cached_property
    def facts(self):
        """The fields stated beside the wording (a path's years, a KSA's kind), compared and exported as data."""
        return [name for name in self.fields if name not in self.prints]

    def lines(self, rows):
        return [text for row in rows if (text := self.line(row).strip())]

    def text(self, rows):
        return self.between.join(self.lines(rows))

    def rows(self, owner):
        """The rows of `owner` (a version, or a row of the parent part), in order."""
        return getattr(owner, self.name).all()


def row(values):
    """Plain values, read with `values()`, as a row a part's `line` reads."""
    return SimpleNamespace(**values)


TIME_IN_TITLE = Part(
    name="titles",
    model_label="qualifications.TimeInTitle",
    line=lambda title: f"{format(title.years.normalize(), 'f')} years as {title.title}",
    prints=("title", "years"),
    owner="path",
)
DUTIES = Part(
    name="duties",
    model_label="classes.Duty",
    line=joined("label", "text"),
    prints=("label", "text"),
    column="duties",
    title="Duties",
    heading="duties_heading",
    note="duties_note",
)
COMPETENCIES = Part(
    name="competencies",
    model_label="classes.Competency",
    line=joined("name", "description", between=" – "),
    prints=("name", "description"),
    column="duties",
    title="Competencies",
    heading="competencies_heading",
)
KSAS = Part(
    name="ksas",
    model_label="classes.KSA",
    line=joined("label", "text"),
    prints=("label", "text"),
    column="duties",
    title="Knowledges, skills and abilities",
    heading="ksas_heading",
    inline="classes.admin.parts.KSAInline",
)
OTHER_SECTIONS = Part(
    name="other_sections",
    model_label="classes.OtherSection",
    line=joined("heading", "text", between="\n"),
    prints=("heading", "text"),
    inline="classes.admin.parts.OtherSectionInline",
)
PATHS = Part(
    name="paths",
    model_label="qualifications.Path",
    line=joined("connector", "label", "text"),
    prints=("connector", "label", "text"),
    title="Qualifications",
    heading="qualifications_heading",
    preambles=("open_competitive_preamble", "promotional_preamble"),
    children=TIME_IN_TITLE,
    inline="qualifications.admin.PathInline",
)
SUBSTITUTIONS = Part(
    name="substitutions",
    model_label="qualifications.Substitution",
    line=joined("label", "text"),
    prints=("label", "text"),
    title="Substitutions",
    inline="qualifications.admin.SubstitutionInline",
)
DEFINITIONS = Part(
    name="definitions",
    model_label="qualifications.Definition",
    line=lambda d: f"{d.marker}{d.label} {d.text}" if d.label else f"{d.marker} {d.text}",
    prints=("marker", "label", "text"),
    title="Definitions",
)
SPECIAL_REQUIREMENTS = Part(
    name="special_requirements",
    model_label="classes.SpecialRequirement",
    line=joined("heading", "text", between="\n"),
    prints=("heading", "text"),
    title="Special requirements",
    between="\n\n",
)
# Every list of a version's parts, in the order the admin edits them.
PARTS = [DUTIES, COMPETENCIES, KSAS, OTHER_SECTIONS, PATHS, SUBSTITUTIONS, DEFINITIONS, SPECIAL_REQUIREMENTS]


@dataclass(frozen=True)
class Prose:
    """A part of the version's own text: paragraphs under a heading the text prints."""

    name: str
    title: str
    column: str = "features"

    @property
    def heading(self):
        return f"{self.name}_heading"


PROSE = [Prose("general_statement", "General statement"), Prose("distinguishing_features", "Distinguishing features")]

# The version's header facts as printed, with the name each is shown under; the first two are its title line.
HEADER = [
    ("title", "Title"),
    ("code", "Class code"),
    ("jurisdictional_class", "Jurisdictional class"),
    ("department", "Civil division"),
    ("flsa_status", "FLSA status"),
    ("salary_grade", "Salary grade"),
    ("bargaining_unit", "Bargaining unit"),
    ("adoption_line", "Adoption line"),
]
# The whole text in reading order: prose, lists, and where the other sections placed after each part read.
READING_ORDER = [
    *PROSE,
    SectionPlacement.AFTER_DISTINGUISHING_FEATURES,
    DUTIES,
    SectionPlacement.AFTER_DUTIES,
    COMPETENCIES,
    KSAS,
    SectionPlacement.AFTER_KSAS,
    PATHS,
    SUBSTITUTIONS,
    DEFINITIONS,
    SectionPlacement.AFTER_QUALIFICATIONS,
    SPECIAL_REQUIREMENTS,
    SectionPlacement.END,
]


# The version's fields that are not its text: its identity, its life and bookkeeping. Every other field is text
# (header, headings, prose, notes, preambles …): a revision copies it, an import writes what it read of it.
NOT_TEXT = {
    "id",
    "job_class",
    "number",
    "status",
    "adopted_on",
    "adoption_reference",
    "meeting",
    "created_at",
    "updated_at",
    "updated_by",
    "proposed_by",
    "lock_version",
}


def text_fields():
    return [
        field.name for field in apps.get_model("classes.Version")._meta.concrete_fields if field.name not in NOT_TEXT
    ]
