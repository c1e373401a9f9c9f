"""A series document (a table of its classes, "Definition of Levels", requirements per level) becomes one draft per
level, each its own class, linked as one class series in the order printed, each keeping the shared text."""

import io
from decimal import Decimal

import docx
import pytest

from classes.importing import ImportedFile, import_documents, parse_spec, read_document
from classes.models import ClassSeries, JobClass, Version
from tests.importer.documents import SERIES

TITLES = ["Park Interpretive Specialist I", "Park Interpretive Specialist II", "Park Interpretive Specialist III"]


def import_series(jurisdiction, **options):
    data = SERIES.encode()
    return import_documents(
        [ImportedFile(name="park-interpretive.txt", size=len(data), read=lambda: data)],
        jurisdiction=jurisdiction,
        **options,
    )[0]


def test_each_level_is_read_with_its_title_code_definition_and_requirements():
    document = parse_spec(SERIES.splitlines(), source="park-interpretive.txt")

    assert (document.title, document.series) == ("Park Interpretive Specialist Series",) * 2
    assert [(spec.title, spec.code, spec.series_level) for spec in document.specs] == [
        (TITLES[0], "3311", 1),
        (TITLES[1], "3312", 2),
        (TITLES[2], "3313", 3),
    ]
    assert [spec.distinguishing_features.split(".")[0] for spec in document.specs] == [
        "This is the entry level",
        "This is the journey level",
        "This is the lead level",
    ]
    assert [[(p.label, p.experience_years) for p in spec.paths] for spec in document.specs] == [
        [("", Decimal(0))],
        [("", Decimal(1))],
        [("I", Decimal(1)), ("II", Decimal(3))],
    ]
    # "All Levels:" education belongs to every level's paths.
    assert {p.education_level for spec in document.specs for p in spec.paths} == {"bachelor"}


def test_every_level_keeps_the_shared_text():
    document = parse_spec(SERIES.splitlines(), source="park-interpretive.txt")

    for spec in document.specs:
        assert spec.general_statement_heading == "Scope"
        assert spec.general_statement.startswith("This series describes three classes")
        assert spec.ksas[0].text == "Knowledge of: Natural and cultural history;"
        assert spec.adoption_line == "Series established June 3, 2004"
        # The table of classes is a section of its own, not prose of the scope.
        assert [s.heading for s in spec.other_sections] == ["Classes of the Park Interpretive Specialist Series"]


def test_importing_a_series_writes_a_draft_per_level_linked_as_one_series_in_order(jurisdiction):
    report = import_series(jurisdiction)

    assert report.status == "imported", report.error
    assert [draft.title for draft in report.drafts] == TITLES
    series = ClassSeries.objects.get(jurisdiction=jurisdiction)
    assert series.name == "Park Interpretive Specialist Series"
    assert list(series.classes.order_by("series_level").values_list("title", "code", "series_level")) == [
        (TITLES[0], "3311", 1),
        (TITLES[1], "3312", 2),
        (TITLES[2], "3313", 3),
    ]
    assert set(Version.objects.values_list("status", "number")) == {("draft", 1)}
    lead = Version.objects.get(title=TITLES[2])
    assert [p.label for p in lead.paths.all()] == ["I", "II"]
    assert lead.general_statement.startswith("This series describes three classes")


def test_a_dry_run_of_a_series_writes_nothing_and_names_each_level(jurisdiction):
    report = import_series(jurisdiction, dry_run=True)

    assert report.status == "parsed"
    assert [draft.title for draft in report.drafts] == TITLES
    assert not JobClass.objects.exists() and not ClassSeries.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_series_whose_level_has_an_open_draft_is_skipped_whole(jurisdiction):
    assert import_series(jurisdiction).status == "imported"

    again = import_series(jurisdiction)

    assert again.status == "skipped" and TITLES[0] in again.error
    assert Version.objects.count() == 3  # nothing of the second import remains


def test_a_word_document_s_table_of_classes_gives_the_levels():
    document = docx.Document()
    for line in ["Park Interpretive Specialist Series", "Scope", "This series describes three classes."]:
        document.add_paragraph(line)
    table = document.add_table(rows=4, cols=2)
    for row, cells in zip(
        table.rows, [("Code", "Class Title"), *[(str(3311 + i), title) for i, title in enumerate(TITLES)]], strict=True
    ):
        row.cells[0].text, row.cells[1].text = cells
    buffer = io.BytesIO()
    document.save(buffer)

    parsed = parse_spec(read_document("parks.docx", buffer.getvalue()), source="parks.docx")

    assert [(spec.title, spec.code) for spec in parsed.specs] == [
        (TITLES[0], "3311"),
        (TITLES[1], "3312"),
        (TITLES[2], "3313"),
    ]
