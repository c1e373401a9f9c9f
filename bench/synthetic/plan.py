"""What the synthetic catalogue will hold: its jurisdictions, their classes grouped by series, and each class's versions.

Every choice is drawn from one `random.Random(seed)` in a fixed order and no date comes from the clock, so the same
arguments give the same plan, whatever the batch size. The plan is plain values; `writer` puts them in the database.
"""

import datetime
import itertools
import random
from dataclasses import dataclass

from django.utils.text import slugify

from classes.vocabulary import FLSAStatus, HistoryKind, JurisdictionalClass, JurisdictionKind, VersionStatus

from .texts import Author, SpecText, punctuated
from .words import DEPARTMENTS, DUTIES_NOTE, HEADINGS, PREFIX_LADDERS, ROMAN, SPECIALTIES, split_list, unique_place

SLUG_PREFIX = "synthetic-"
FIRST_ADOPTION = datetime.date(1975, 1, 1)
LAST_FIRST_ADOPTION = datetime.date(2014, 12, 31)
LAST_ADOPTION = datetime.date(2025, 6, 30)
CATALOGUE_END = datetime.date(2025, 12, 31)  # abolitions fall on or before it
EARLIEST_HISTORY = datetime.date(1950, 1, 1)


@dataclass
class JurisdictionPlan:
    name: str
    slug: str
    kind: str
    commission_name: str
    description: str
    review_cycle_years: int | None
    departments: list  # names of DEPARTMENTS keys it has
    class_count: int
    places: list  # local place names its texts mention
    style: dict  # headings, title case, label style and other habits of its documents


@dataclass
class ClassPlan:
    title: str
    slug: str
    code: str
    series_level: int | None
    abolished_on: datetime.date | None
    history: list  # (kind, date, reference)
    versions: list  # of SpecText, oldest first


@dataclass
class ClassGroup:
    """A class series and its classes, lowest level first; or one class in no series (`series_name` None)."""

    jurisdiction: int  # index into the plan's jurisdictions
    series_name: str | None
    series_slug: str
    classes: list


# Jurisdictions

KIND_WEIGHTS = {"state": 2, "county": 30, "city": 20, "town": 18, "village": 10, "district": 10, "agency": 7, "": 3}
KIND_SIZES = {"state": 40, "county": 8, "city": 5, "town": 1.5, "village": 0.7, "district": 1.5, "agency": 2, "": 2}
NAME_FORMS = {
    "state": ["State of {}", "Commonwealth of {}"],
    "county": ["{} County"],
    "city": ["City of {}"],
    "town": ["Town of {}"],
    "village": ["Village of {}"],
    "district": ["{} Central School District", "{} Fire District", "{} Public Library District"],
    "agency": ["{} Housing Authority", "{} Water Authority", "{} Transit Authority", "{} Port Authority"],
    "": ["{} Career Service Authority", "{} Merit System"],
}
COMMISSION_FORMS = {
    "state": "{place} Department of Civil Service",
    "county": "{name} Civil Service Commission",
    "city": "{name} Municipal Civil Service Commission",
    "town": "{place} Personnel Office",
    "village": "{place} Personnel Office",
    "district": "{name} Personnel Office",
    "agency": "{name} Personnel Board",
    "": "",
}
assert set(KIND_WEIGHTS) == {kind.value for kind in JurisdictionKind} | {""}


def plan_jurisdictions(rng, count, classes, seed):
    taken = set()
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=count)
    sizes = [KIND_SIZES[kind] * rng.lognormvariate(0, 0.6) for kind in kinds]
    counts = allocate(classes, sizes)
    return [
        jurisdiction_plan(rng, kind, class_count, taken, seed) for kind, class_count in zip(kinds, counts, strict=True)
    ]


def allocate(total, weights):
    """Split `total` in proportion to `weights` (largest remainders), each at least 1 while there are enough."""
    floor = 1 if total >= len(weights) else 0
    spare = total - floor * len(weights)
    shares = [spare * weight / sum(weights) for weight in weights]
    counts = [floor + int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda index: (int(shares[index]) - shares[index], index))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def jurisdiction_plan(rng, kind, class_count, taken, seed):
    place = unique_place(rng, taken)
    name = rng.choice(NAME_FORMS[kind]).format(place)
    department_count = min(len(DEPARTMENTS), 3 + class_count // 30 + rng.randint(0, 3))
    return JurisdictionPlan(
        name=name,
        slug=SLUG_PREFIX + slugify(name),
        kind=kind,
        commission_name=COMMISSION_FORMS[kind].format(name=name, place=place),
        description=f"Invented by manage.py generate_catalogue (seed {seed}) to measure the portal; not a real employer.",
        review_cycle_years=rng.choice([None, None, None, 3, 5, 5, 7]),
        departments=sorted(rng.sample(list(DEPARTMENTS), department_count), key=list(DEPARTMENTS).index),
        class_count=class_count,
        places=[unique_place(rng, taken) for _ in range(rng.randint(3, 12))],
        style=document_style(rng),
    )


def document_style(rng):
    """The habits of one jurisdiction's documents, kept by all its specs."""
    return {
        **{name: rng.choice(choices) for name, choices in HEADINGS.items()},
        "upper_case_titles": rng.random() < 0.5,
        "roman_levels": rng.random() < 0.5,
        "codes": rng.choice(["", "", "digits", "letters"]),
        "code_start": rng.randint(1000, 5000),
        "label_style": rng.choice(["A)", "(A)", "1.", ""]),
        "path_end": rng.choice(["; OR", "; or", "."]),
        "levels": rng.random() < 0.7,  # prints "Good knowledge of …" rather than "Knowledge of …"
        "duty_end": rng.choice([";", ";", "."]),
        "duties_note": rng.random() < 0.3,
        "competencies": rng.random() < 0.2,
        "other_sections": rng.random() < 0.25,
        "adoption_line": rng.choice(["", "adopted-revised", "approved"]),
        "reference": rng.choice(["", "CSM", "resolution"]),
        "salary": rng.choice(["", "Grade {}", "SG-{}", "Range {}"]),
        "units": rng.sample(
            ["CSEA", "AFSCME Local 1000", "Teamsters Local 294", "PEF", "Management/Confidential", "UPSEU", "PBA"],
            rng.randint(0, 3),
        ),
        "jurisdictional_class": rng.random() < 0.7,
        "flsa": rng.random() < 0.5,
        "general_statement": rng.random() < 0.4,
        "accreditation": rng.choice(
            [
                "a regionally accredited or New York State registered college or university",
                "an accredited college or university",
                "a regionally accredited college or university",
            ]
        ),
        "credit_hour_unit": rng.choice(["credit hours", "semester credit hours"]),
        "status_phrase": rng.choice(["permanent competitive status", "permanent competitive class status"]),
    }


# Titles of a jurisdiction's classes


@dataclass
class SeriesTitles:
    department: str
    field: str  # the line of work, e.g. "Payroll"
    occupation: str
    base: str  # e.g. "Payroll Clerk"
    titles: list  # one per level, lowest first


def plan_titles(rng, jurisdiction):
    """Split the jurisdiction's classes into series and single classes, each with titles unique in it."""
    taken_slugs, groups, left = set(), [], jurisdiction.class_count
    while left:
        size = min(left, rng.choices([1, 2, 3, 4], weights=[45, 25, 18, 12])[0])
        groups.append(series_titles(rng, jurisdiction, size, taken_slugs))
        left -= size
    return groups, taken_slugs


def series_titles(rng, jurisdiction, levels, taken_slugs):
    for attempt in itertools.count():
        department = rng.choice(jurisdiction.departments)
        fields, occupations, _ = DEPARTMENTS[department]
        line, occupation = rng.choice(split_list(fields)), rng.choice(split_list(occupations))
        specialty = ""
        if attempt > 5:  # the common titles are taken: a specialty, then a unit number, keeps it distinct
            specialty = f" ({rng.choice(SPECIALTIES)})" if attempt < 30 else f" (Unit {attempt})"
        base = f"{line} {occupation}"
        titles = [title + specialty for title in level_titles(rng, base, levels, jurisdiction.style)]
        slugs = {slugify(title) for title in [base + specialty, *titles]}
        if not taken_slugs.intersection(slugs):
            taken_slugs.update(slugs)
            return SeriesTitles(department, line, occupation, base + specialty, titles)


def level_titles(rng, base, levels, style):
    """Titles in title case, as the text of other specs names them; a spec's own header may print capitals."""
    if levels == 1:
        titles = [base]
    elif style["roman_levels"]:
        titles = [f"{base} {numeral}" for numeral in ROMAN[:levels]]
    else:
        ladder = rng.choice(PREFIX_LADDERS[levels])
        titles = [f"{prefix} {base}".strip() for prefix in ladder]
    return titles


# A class and its versions


def plan_class(rng, jurisdiction, series, level, code, taken_slugs):
    """A class with 2 to 4 versions: the first written afresh, each later one a revision of the one before."""
    author = Author(rng, jurisdiction, series, level, taken_slugs)
    title = series.titles[level - 1]
    if jurisdiction.style["upper_case_titles"]:
        title = title.upper()
    count = rng.randint(2, 4)
    dates = adoption_dates(rng, count)
    department = series.department if rng.random() < 0.6 else None
    header = version_header(rng, author, title, code)
    versions = [first_text(author, header, department, series.titles[: level - 1])]
    for _ in range(count - 1):
        versions.append(revised_text(author, versions[-1], series.titles[: level - 1]))
    for version, adopted_on in zip(versions, dates, strict=True):
        version.header["adopted_on"] = adopted_on
    for version in versions:
        version.header["adoption_reference"] = adoption_reference(jurisdiction.style, version.header["adopted_on"], rng)
        version.header["adoption_line"] = adoption_line(
            jurisdiction.style, [v.header["adopted_on"] for v in versions[: version.number]]
        )
    versions[-1].status = VersionStatus.ADOPTED
    abolished_on = None
    if rng.random() < 0.03:
        abolished_on = dates[-1] + datetime.timedelta(days=rng.randint(30, (CATALOGUE_END - dates[-1]).days))
    return ClassPlan(
        title=title,
        slug=slugify(title),
        code=code,
        series_level=level if len(series.titles) > 1 else None,
        abolished_on=abolished_on,
        history=history_before(rng, dates[0]),
        versions=versions,
    )


def adoption_dates(rng, count):
    """`count` distinct adoption dates, increasing: the first before 2015, the rest spread up to LAST_ADOPTION."""
    first = FIRST_ADOPTION + datetime.timedelta(days=rng.randint(0, (LAST_FIRST_ADOPTION - FIRST_ADOPTION).days))
    later = sorted(rng.sample(range(1, (LAST_ADOPTION - first).days + 1), count - 1))
    return [first, *(first + datetime.timedelta(days=days) for days in later)]


def history_before(rng, first_adoption):
    """Dated events held without text, before the oldest text held; a quarter of classes have some."""
    if rng.random() >= 0.25 or first_adoption <= EARLIEST_HISTORY + datetime.timedelta(days=30):
        return []
    span = (first_adoption - EARLIEST_HISTORY).days - 1
    days = sorted(rng.sample(range(span), rng.randint(1, 3)))
    kinds = [HistoryKind.ESTABLISHED] + [HistoryKind.REVISED] * (len(days) - 1)
    return [
        (kind, EARLIEST_HISTORY + datetime.timedelta(days=day), rng.choice(["", "CSM"]))
        for kind, day in zip(kinds, days, strict=True)
    ]


def adoption_reference(style, adopted_on, rng):
    if style["reference"] == "CSM":
        return "CSM"
    if style["reference"] == "resolution":
        return f"Res. {adopted_on.year}-{rng.randint(1, 120)}"
    return ""


def adoption_line(style, dates):
    """The adoption and revision line this version prints, e.g. "Adopted: 11/19/77\\nRevised: 3/14/90, 8/13/03"."""
    if style["adoption_line"] == "adopted-revised":
        line = f"Adopted: {short_date(dates[0])}"
        return line + (f"\nRevised: {', '.join(short_date(day) for day in dates[1:])}" if len(dates) > 1 else "")
    if style["adoption_line"] == "approved":
        day = dates[-1]
        return f"APPROVED: {day:%B}".upper() + f" {day.day}, {day.year}"
    return ""


def short_date(day):
    return f"{day.month}/{day.day}/{day:%y}"


def version_header(rng, author, title, code):
    """The Version fields every text of the class shares unless revised: headings, header facts."""
    style = author.style
    header = {name: style[name] for name in HEADINGS}
    grade = author.level * 2 + rng.randint(2, 12)
    header.update(
        title=title,
        code=code,
        jurisdictional_class=rng.choice(
            [JurisdictionalClass.COMPETITIVE] * 6
            + [JurisdictionalClass.NON_COMPETITIVE, JurisdictionalClass.LABOR, JurisdictionalClass.EXEMPT]
        )
        if style["jurisdictional_class"]
        else "",
        flsa_status=rng.choice(FLSAStatus.values) if style["flsa"] else "",
        salary_grade=style["salary"].format(grade),
        bargaining_unit=rng.choice(style["units"]) if style["units"] else "",
        duties_note=DUTIES_NOTE if style["duties_note"] else "",
        competencies_heading="COMPETENCIES" if style["competencies"] else "",
        open_competitive_preamble="",
        promotional_preamble="",
    )
    if not style["general_statement"]:
        header["general_statement_heading"] = ""
    return header


def first_text(author, header, department, lower_titles):
    paths, substitutions, definitions = author.qualifications(lower_titles)
    return SpecText(
        number=1,
        status=VersionStatus.SUPERSEDED,
        header={**header, "general_statement": author.general_statement()},
        department=department,
        features=author.features(department),
        duties=author.duties(),
        ksas=author.ksas(),
        competencies=author.competencies(),
        other_sections=author.other_sections(),
        special_requirements=author.special_requirements(),
        paths=paths,
        substitutions=substitutions,
        definitions=definitions,
    )


def revised_text(author, previous, lower_titles):
    """The next version: a few duties and KSAs reworded, added or dropped; sometimes new qualifications."""
    rng = author.rng
    text = SpecText(
        number=previous.number + 1,
        status=VersionStatus.SUPERSEDED,
        header=dict(previous.header),
        department=previous.department,
        features=list(previous.features),
        duties=revised_list(rng, previous.duties[:-1], author.duty, 9, 24) + previous.duties[-1:],
        ksas=revised_ksas(author, previous.ksas),
        competencies=previous.competencies,
        other_sections=previous.other_sections,
        special_requirements=previous.special_requirements,
        paths=previous.paths,
        substitutions=previous.substitutions,
        definitions=previous.definitions,
    )
    if rng.random() < 0.5:
        text.features[1] = author.work_sentence()
    if rng.random() < 0.35:
        text.paths, text.substitutions, text.definitions = author.qualifications(lower_titles)
    if rng.random() < 0.15:
        text.special_requirements = author.special_requirements()
    if rng.random() < 0.1:
        text.department = author.series.department if text.department is None else None
        text.features[0] = author.role_sentence(text.department)
    return text


def revised_list(rng, items, new_item, least, most):
    items = list(items)
    for _ in range(rng.randint(1, 4)):
        change = rng.choice(["reword", "add", "drop"])
        if change == "add" and len(items) < most:
            items.insert(rng.randint(0, len(items)), new_item())
        elif change == "drop" and len(items) > least:
            del items[rng.randrange(len(items))]
        else:
            items[rng.randrange(len(items))] = new_item()
    return items


def revised_ksas(author, ksas):
    """Reworded, added or dropped items keep their kind's place in the list; the last item closes it."""
    rng = author.rng
    items = [ksa if index < len(ksas) - 1 else punctuated(ksa, ";") for index, ksa in enumerate(ksas)]
    for _ in range(rng.randint(1, 4)):
        change, index = rng.choice(["reword", "add", "drop"]), rng.randrange(len(items))
        if change == "add" and len(items) < 40:
            items.insert(index, author.ksa(items[index]["kind"]))
        elif change == "drop" and len(items) > 15:
            del items[index]
        else:
            items[index] = author.ksa(items[index]["kind"])
    items[-1] = punctuated(items[-1], ".")
    return items


# The whole catalogue, as a stream of class groups


@dataclass
class Catalogue:
    jurisdictions: list
    groups: object  # an iterator of ClassGroup, in the order they are drawn


def plan_catalogue(classes, jurisdictions, seed):
    """The catalogue's jurisdictions, and its classes drawn lazily group by group, in a fixed order."""
    rng = random.Random(seed)
    planned = plan_jurisdictions(rng, jurisdictions, classes, seed)
    return Catalogue(planned, class_groups(rng, planned))


def class_groups(rng, jurisdictions):
    for index, jurisdiction in enumerate(jurisdictions):
        codes = class_codes(rng, jurisdiction.style)
        all_series, taken_slugs = plan_titles(rng, jurisdiction)
        for series in all_series:
            classes = [
                plan_class(rng, jurisdiction, series, level, next(codes), taken_slugs)
                for level in range(1, len(series.titles) + 1)
            ]
            in_series = len(series.titles) > 1
            yield ClassGroup(
                index, series.base if in_series else None, slugify(series.base) if in_series else "", classes
            )


def class_codes(rng, style):
    """Class codes, unique and increasing in the jurisdiction; empty where it prints none."""
    if not style["codes"]:
        yield from itertools.repeat("")
    number = style["code_start"]
    while True:
        number += rng.randint(1, 9)
        yield (
            str(number)
            if style["codes"] == "digits"
            else f"{chr(65 + number % 26)}{chr(65 + number // 26 % 26)}-{number}"
        )
