"""O*NET's files read and stored: the titles and codes shipped in `classes/data/onet.json.gz`, and a copy of
O*NET's text files (tab-separated, a header row) whose descriptions and tasks `manage.py load_onet DIR` adds.

A newer O*NET release is loaded the same way: `load_onet DIR` replaces every title, related occupation and task
with the release's, and adds or renames occupations; an occupation a version names is never removed.
"""

import csv
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import Occupation, OccupationTask, OccupationTitle, RelatedOccupation
from .search import names
from .vocabulary import OccupationTitleKind, RelatednessTier

SHIPPED = Path(__file__).resolve().parent / "data" / "onet.json.gz"
# O*NET's file names, as its text edition spells them; a copy may use lower case and underscores instead.
FILES = {
    "occupations": "Occupation Data.txt",
    "alternate_titles": "Alternate Titles.txt",
    "reported_titles": "Sample of Reported Titles.txt",
    "related": "Related Occupations.txt",
    "tasks": "Task Statements.txt",
}
TIERS = {"Primary-Short": RelatednessTier.PRIMARY_SHORT, "Primary-Long": RelatednessTier.PRIMARY_LONG}
BATCH = 2000


class OnetError(Exception):
    """A directory that does not hold O*NET's files as expected; the message says what is missing or wrong."""


@dataclass
class Release:
    """One O*NET release as plain values: what is stored, whether read from O*NET's files or the shipped data."""

    occupations: dict[str, str] = field(default_factory=dict)  # code: title
    descriptions: dict[str, str] = field(default_factory=dict)  # code: description
    titles: list[tuple[str, str, str]] = field(default_factory=list)  # (code, title, kind)
    related: list[tuple[str, str, str, int]] = field(default_factory=list)  # (code, related code, tier, rank)
    tasks: list[tuple[str, str]] = field(default_factory=list)  # (code, task), in O*NET's order


def _path(directory, name):
    for candidate in (name, name.lower().replace(" ", "_")):
        if (directory / candidate).is_file():
            return directory / candidate
    return None


def _rows(path, *columns):
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise OnetError(f"{path.name} has no column {', '.join(missing)}: is it one of O*NET's text files?")
        for row in reader:
            yield [row[column].strip() for column in columns]


def read_directory(directory):
    """A release read from a copy of O*NET's text files; only the occupations file is required."""
    directory = Path(directory)
    occupations = _path(directory, FILES["occupations"])
    if occupations is None:
        raise OnetError(f"{directory} holds no “{FILES['occupations']}”: give the folder of O*NET's text files.")
    release = Release()
    for code, title, description in _rows(occupations, "O*NET-SOC Code", "Title", "Description"):
        release.occupations[code] = title
        release.descriptions[code] = description
    titles = set()
    if path := _path(directory, FILES["alternate_titles"]):
        for code, title, short in _rows(path, "O*NET-SOC Code", "Alternate Title", "Short Title"):
            titles.add((code, title, OccupationTitleKind.ALTERNATE.value))
            if short and short != "n/a":
                titles.add((code, short, OccupationTitleKind.SHORT.value))
    if path := _path(directory, FILES["reported_titles"]):
        for code, title in _rows(path, "O*NET-SOC Code", "Reported Job Title"):
            titles.add((code, title, OccupationTitleKind.REPORTED.value))
    release.titles = sorted(titles)
    if path := _path(directory, FILES["related"]):
        for code, related, tier, rank in _rows(
            path, "O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"
        ):
            release.related.append((code, related, TIERS.get(tier, RelatednessTier.SUPPLEMENTAL).value, int(rank)))
    if path := _path(directory, FILES["tasks"]):
        release.tasks = list(_rows(path, "O*NET-SOC Code", "Task"))
    unknown = {row[0] for row in [*release.titles, *release.related, *release.tasks]} - set(release.occupations)
    unknown |= {row[1] for row in release.related} - set(release.occupations)
    if unknown:
        raise OnetError(
            f"Codes not in {occupations.name}: {', '.join(sorted(unknown)[:5])}. Are the files of one release?"
        )
    return release


def shipped():
    """The titles and codes that ship with the project (no descriptions or tasks)."""
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as file:
        data = json.load(file)
    return Release(
        occupations=dict(data["occupations"]),
        titles=[tuple(row) for row in data["titles"]],
        related=[tuple(row) for row in data["related"]],
    )


def write_shipped(release, path=SHIPPED):
    """Write a release's titles and codes as the data the project ships; its prose stays out."""
    data = {
        "occupations": sorted(release.occupations.items()),
        "titles": release.titles,
        "related": release.related,
    }
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as file:
        json.dump(data, file, ensure_ascii=False, separators=(",", ":"))


def store(release):
    """Make the database hold this release, in one transaction. Descriptions and tasks are replaced only where the
    release has them, so loading the shipped data again keeps the prose a `load_onet` added."""
    with transaction.atomic():
        stored = dict(Occupation.objects.values_list("code", "title"))
        Occupation.objects.bulk_create(
            [Occupation(code=code, title=title) for code, title in release.occupations.items() if code not in stored],
            batch_size=BATCH,
        )
        renamed = [
            Occupation(code=code, title=title)
            for code, title in release.occupations.items()
            if stored.get(code, title) != title
        ]
        Occupation.objects.bulk_update(renamed, ["title"], batch_size=BATCH)
        if release.descriptions:
            described = [Occupation(code=code, description=text) for code, text in release.descriptions.items()]
            Occupation.objects.bulk_update(described, ["description"], batch_size=BATCH)
        OccupationTitle.objects.all().delete()
        OccupationTitle.objects.bulk_create(
            [OccupationTitle(occupation_id=code, title=title, kind=kind) for code, title, kind in release.titles],
            batch_size=BATCH,
        )
        names.write()
        RelatedOccupation.objects.all().delete()
        RelatedOccupation.objects.bulk_create(
            [RelatedOccupation(occupation_id=c, related_id=r, tier=t, rank=n) for c, r, t, n in release.related],
            batch_size=BATCH,
        )
        if release.tasks:
            OccupationTask.objects.all().delete()
            OccupationTask.objects.bulk_create(
                [
                    OccupationTask(occupation_id=code, position=n, text=text)
                    for n, (code, text) in enumerate(release.tasks)
                ],
                batch_size=BATCH,
            )
