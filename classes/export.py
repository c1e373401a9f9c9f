"""Versions as plain data for the open-data files: dicts for JSON, flat rows for CSV.

Years are decimal strings without trailing zeros ("2", "1.5"), the same in JSON and CSV, so no
value goes through a float; a fact the text does not state is null in JSON and an empty cell in CSV.
"""

import re
from decimal import Decimal

from django.urls import reverse

from classes.vocabulary import EducationLevel, PathKind

from . import structure
from .fields import LinesField
from .models import JobClass, SpecialRequirement, Version
from .models.versions import linked_classes

CSV_COLUMNS = [
    "jurisdiction",
    "jurisdiction_slug",
    "class_slug",
    "code",
    "title",
    "series",
    "series_level",
    "department",
    "jurisdictional_class",
    "flsa_status",
    "salary_grade",
    "bargaining_unit",
    "occupation_code",
    "occupation",
    "version",
    "adopted_on",
    "adoption_reference",
    "lowest_education_level",
    "fewest_experience_years",
    "has_equivalent_combination",
    "has_promotional_path",
    "special_requirements",
    "url",
    "json_url",
]

# A path's wording, left out of the catalogue-wide file, which gives each class's facts.
WORDING = {"connector", "text"}
# A spreadsheet reads a cell starting with one of these as a formula, also after spaces it may trim on import, and
# in their full-width forms, which some spreadsheets take for the ASCII ones. A cell starting with a tab, carriage
# return or line feed is neutralised whatever follows, as spreadsheets treat those as formula starters too.
FORMULA_STARTERS = frozenset("=+-@＝＋－＠")
LEADING_CONTROLS = ("\t", "\r", "\n")
# A number such as "-5" or "+1.5" is a value, not a formula: it is left as it is.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def current_versions():
    """The adopted version of every class in the catalogue, with what the exports read, in fixed queries."""
    return (
        Version.objects.current()
        .filter(job_class__in=JobClass.objects.current())
        .select_related("job_class__jurisdiction", "job_class__series", "department", "occupation")
        .prefetch_related(linked_classes(), "special_requirements")
        .order_by("job_class__jurisdiction__name", "job_class__title", "job_class__pk")
    )


def years(value):
    return format(value.normalize(), "f") if isinstance(value, Decimal) else value


def absolute(request, url):
    return request.build_absolute_uri(url) if request else url


def version_urls(request, version):
    args = [version.job_class.jurisdiction.slug, version.job_class.slug, version.number]
    return {
        "url": absolute(request, version.get_absolute_url()),
        "json_url": absolute(request, reverse("classes:version_json", args=args)),
    }


def value(field, stored):
    """A field's value as the JSON gives it: a list kept one per line as a list, years as decimal strings, an
    unstated choice as null, a related row as its id."""
    if field.is_relation:
        return stored
    if isinstance(field, LinesField):
        return LinesField.items(stored)
    if isinstance(stored, Decimal):
        return years(stored)
    if field.choices and stored == "":
        return None
    return stored


def row_data(part, row, request=None):
    """A row of a part: its id, every field it holds, and for a path the titles it names, linked where they have a
    page. A field relating the row to another (a substitution's path) holds that row's id, which an adopted version
    keeps as long as it is kept."""
    fields = [row._meta.get_field(name) for name in part.fields]
    data = {"id": row.pk, **{field.name: value(field, getattr(row, field.attname)) for field in fields}}
    if part is structure.PATHS:
        data["time_in_title"] = [
            {
                "title": entry.title,
                "years": years(entry.years),
                "class_url": absolute(request, entry.job_class.get_absolute_url()) if entry.job_class else None,
            }
            for entry in row.titles.all()
        ]
    return data


def part_items(part, version, request=None):
    return [row_data(part, row, request) for row in part.rows(version)]


def class_facts(version, request=None):
    """The identity and header facts of a version's class, shared by both JSON shapes."""
    job_class = version.job_class
    return {
        "jurisdiction": {"name": job_class.jurisdiction.name, "slug": job_class.jurisdiction.slug},
        "slug": job_class.slug,
        "code": version.code,
        "title": version.title,
        "series": job_class.series.name if job_class.series else None,
        "series_level": job_class.series_level,
        "department": version.department.name if version.department else None,
        "jurisdictional_class": version.jurisdictional_class or None,
        "flsa_status": version.flsa_status or None,
        "salary_grade": version.salary_grade,
        "bargaining_unit": version.bargaining_unit,
        "occupation": occupation_data(version),
        "class_url": absolute(request, job_class.get_absolute_url()),
    }


def occupation_data(version):
    """The class's O*NET occupation, and whether an analyst confirmed it or it is the portal's suggestion."""
    if not version.occupation_id:
        return None
    occupation = version.occupation
    return {
        "code": occupation.code,
        "title": occupation.title,
        "confirmed": version.occupation_confirmed,
        "score": version.occupation_score,
        "onet_url": occupation.onet_url,
    }


def catalogue_entry(version, request=None):
    """One object of /data/classes.json: a current class, its adopted version and its qualification facts."""
    return {
        **class_facts(version, request),
        "version": {
            "number": version.number,
            "adopted_on": version.adopted_on,
            "adoption_reference": version.adoption_reference,
            **version_urls(request, version),
        },
        "paths": [
            {name: fact for name, fact in row_data(structure.PATHS, path, request).items() if name not in WORDING}
            for path in version.paths.all()
        ],
        "special_requirements": [requirement.kind for requirement in version.special_requirements.all()],
    }


def version_data(version, request=None):
    """A version's whole text and facts, for /classes/<j>/<c>/versions/<n>/json/."""
    return {
        **class_facts(version, request),
        "number": version.number,
        "status": version.status,
        "adopted_on": version.adopted_on,
        "adoption_reference": version.adoption_reference,
        "adoption_line": version.adoption_line,
        **version_urls(request, version),
        "general_statement": {"heading": version.general_statement_heading, "text": version.general_statement},
        "distinguishing_features": {
            "heading": version.distinguishing_features_heading,
            "text": version.distinguishing_features,
        },
        "duties": {
            "heading": version.duties_heading,
            "items": part_items(structure.DUTIES, version),
            "note": version.duties_note,
        },
        "competencies": {"heading": version.competencies_heading, "items": part_items(structure.COMPETENCIES, version)},
        "ksas": {"heading": version.ksas_heading, "items": part_items(structure.KSAS, version)},
        "qualifications": {
            "heading": version.qualifications_heading,
            "open_competitive_heading": version.open_competitive_heading,
            "open_competitive_preamble": version.open_competitive_preamble,
            "promotional_heading": version.promotional_heading,
            "promotional_preamble": version.promotional_preamble,
            "paths": part_items(structure.PATHS, version, request),
            "substitutions": part_items(structure.SUBSTITUTIONS, version),
            "definitions": part_items(structure.DEFINITIONS, version),
        },
        "special_requirements": part_items(structure.SPECIAL_REQUIREMENTS, version),
        "other_sections": part_items(structure.OTHER_SECTIONS, version),
        "history": [
            {"kind": entry.kind, "date": entry.date, "reference": entry.reference, "by": entry.by}
            for entry in version.job_class.history.all()
        ],
    }


# What a CSV row reads of a version and its class, as plain values: model instances with their prefetched paths made
# a statewide catalogue's export too slow for a request (docs/scaling.md).
CSV_VERSION_FIELDS = [
    "pk",
    "job_class__jurisdiction__name",
    "job_class__jurisdiction__slug",
    "job_class__slug",
    "code",
    "title",
    "job_class__series__name",
    "job_class__series_level",
    "department__name",
    "jurisdictional_class",
    "flsa_status",
    "salary_grade",
    "bargaining_unit",
    "occupation_id",
    "occupation__title",
    "number",
    "adopted_on",
    "adoption_reference",
]
CSV_CHUNK = 2000  # versions whose paths and requirements are read at a time


def csv_rows(request=None):
    """The rows of /data/classes.csv after its header, in CSV_COLUMNS order, one per current class; qualification
    facts summarised over the paths. Read a chunk at a time: the whole catalogue is never in memory."""
    versions = current_versions().prefetch_related(None).values_list(*CSV_VERSION_FIELDS)
    addresses = _version_addresses(request)
    chunk = []
    for values in versions.iterator(chunk_size=CSV_CHUNK):
        chunk.append(values)
        if len(chunk) == CSV_CHUNK:
            yield from _csv_chunk(chunk, addresses)
            chunk = []
    yield from _csv_chunk(chunk, addresses)


# Stand-ins reversed once into each address of a version, then replaced by each version's own slugs and number:
# reversing every address of a statewide catalogue one by one cost more than building the rest of the export.
ADDRESS_MARKS = ("jurisdiction-mark", "class-mark", 987654321)


def _version_addresses(request):
    # Each stand-in becomes a format field once, in the reversed address only: replacing them in each version's
    # address in turn would also replace a stand-in's letters inside a slug put in before it.
    templates = []
    for name in ("classes:version", "classes:version_json"):
        template = absolute(request, reverse(name, args=ADDRESS_MARKS)).replace("{", "{{").replace("}", "}}")
        for field, mark in enumerate(ADDRESS_MARKS):
            template = template.replace(str(mark), f"{{{field}}}")
        templates.append(template)

    def of(jurisdiction_slug, class_slug, number):
        return [template.format(jurisdiction_slug, class_slug, number) for template in templates]

    return of


def _csv_chunk(chunk, addresses):
    ids = [values[0] for values in chunk]
    paths = {pk: [] for pk in ids}
    for version_id, *facts in structure.PATHS.model.objects.filter(version_id__in=ids).values_list(
        "version_id", "kind", "education_level", "experience_years", "is_equivalent_combination"
    ):
        paths[version_id].append(facts)
    requirements = {pk: {} for pk in ids}
    for version_id, kind in SpecialRequirement.objects.filter(version_id__in=ids).values_list("version_id", "kind"):
        requirements[version_id][kind] = None
    for pk, jurisdiction, jurisdiction_slug, class_slug, *fields, number, adopted_on, reference in chunk:
        open_paths = [facts for facts in paths[pk] if facts[0] == PathKind.OPEN_COMPETITIVE]
        levels = [level for _, level, _, _ in open_paths if level]
        experience = [needed for _, _, needed, _ in open_paths if needed is not None]
        row = [
            jurisdiction,
            jurisdiction_slug,
            class_slug,
            *fields,  # code to occupation; a missing series, department or occupation reads None, an empty cell
            number,
            adopted_on.isoformat() if adopted_on else "",
            reference,
            min(levels, key=EducationLevel.rank) if levels else "",
            years(min(experience)) if experience else "",
            yes_no(any(combination for *_, combination in open_paths)),
            yes_no(any(facts[0] == PathKind.PROMOTIONAL for facts in paths[pk])),
            "; ".join(requirements[pk]),
            *addresses(jurisdiction_slug, class_slug, number),
        ]
        yield [neutralise_formula(cell) for cell in row]


def yes_no(value):
    return "yes" if value else "no"


def neutralise_formula(cell):
    """A text cell a spreadsheet would run as a formula, made inert with a leading apostrophe; the JSON keeps the
    text as it is. "|" is not a starter: a pipe only matters inside a formula, which a starter opens."""
    if cell is None:
        return ""
    if not isinstance(cell, str) or PLAIN_NUMBER.fullmatch(cell):
        return cell
    if cell.startswith(LEADING_CONTROLS) or cell.lstrip()[:1] in FORMULA_STARTERS:
        return "'" + cell
    return cell
