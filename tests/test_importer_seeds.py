"""Each seed document imports into an empty jurisdiction as a draft that keeps every sentence and reads its facts."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from classes.importing import ImportedFile, import_documents
from classes.models import Jurisdiction, Version
from tests.pagetext import page_text, sentences

SEEDS = sorted((Path(__file__).resolve().parent / "seeds").glob("*.txt"))
DEBRIS = ["Page 1 of", "cont'd", "CONTINUED", "**"]


def import_file(path, jurisdiction, **options):
    file = ImportedFile(name=path.name, size=path.stat().st_size, read=path.read_bytes)
    return import_documents([file], jurisdiction=jurisdiction, **options)[0]


def rendered(version):
    version = Version.objects.for_display().get(pk=version.pk)
    return page_text(render_to_string("includes/spec.html", {"version": version}), root_tag="article")


@pytest.fixture
def empty_jurisdiction(db):
    return Jurisdiction.objects.create(name="Import Test County", slug="import-test")


def imported(seed_name, jurisdiction):
    report = import_file(next(p for p in SEEDS if p.name.startswith(seed_name)), jurisdiction)
    assert report.status == "imported", report.error
    return Version.objects.get(job_class__jurisdiction=jurisdiction, job_class__title=report.job_class)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_a_seed_imports_as_a_draft_holding_every_sentence_and_no_debris(empty_jurisdiction, seed):
    report = import_file(seed, empty_jurisdiction)

    assert report.status == "imported", report.error
    version = Version.objects.get(job_class__jurisdiction=empty_jurisdiction)
    assert version.status == "draft" and version.adopted_on is None
    text = rendered(version)
    missing = [s for s in sentences(seed.read_text()) if s not in text]
    assert missing == []
    assert [marker for marker in DEBRIS if marker in text] == []
    assert not [w for w in report.warnings if "not stored" in w.message]


def test_seed_000_paths_and_the_capped_substitution_are_read(empty_jurisdiction):
    version = imported("000", empty_jurisdiction)

    paths = [(p.label, p.education_level, p.experience_years, p.is_equivalent_combination) for p in version.paths.all()]
    assert paths == [("A)", "associate", Decimal(3), False), ("B)", "", Decimal(5), False), ("C)", "", None, True)]
    assert "management information systems" in version.paths.get(label="A)").education_field_list
    assert version.paths.get(label="B)").part_time_accepted is True
    note = version.substitutions.get()
    assert (note.label, note.kind, note.education_beyond, note.in_path_fields) == (
        "Note:",
        "education_for_experience",
        "associate",
        True,
    )
    assert (note.years_per_year, note.cap_years, note.floor_years) == (Decimal(1), Decimal(2), Decimal(1))
    assert version.duties.count() == 12
    assert version.ksas.count() == 20
    first, last = version.ksas.first(), version.ksas.last()
    assert (first.kind, first.level, last.kind) == ("knowledge", "good", "personal_characteristic")


def test_seed_001_reads_competencies_other_sections_in_order_and_the_class_detail(empty_jurisdiction):
    version = imported("001", empty_jurisdiction)

    assert version.title == "Case Management Coordinator I"
    assert (version.general_statement_heading, version.distinguishing_features_heading) == (
        "GENERAL STATEMENT OF CLASS DUTIES",
        "DISTINGUISHING CHARACTERISTICS",
    )
    assert version.duties.count() == 7 and version.duties_note.startswith("Any one position")
    assert version.competencies.count() == 18
    assert [s.heading for s in version.other_sections.all()] == [
        "Guidelines, Difficulty and Decision Making Level",
        "Level of Supervision Received and Quality Review",
        "Interpersonal Communications and Purpose",
        "Level of Supervision Exercised",
        "Physical Demands",
        "Working Environment",
        "CLASS DETAIL",
    ]
    assert version.other_sections.get(heading="Physical Demands").layout == "list"
    assert version.flsa_status == "non_exempt"
    path = version.paths.get()
    assert (path.education_level, path.experience_years) == ("high_school", Decimal(2))
    assert version.substitutions.get().label == "Education/Experience Equivalency:"
    assert [(e.kind, e.date.isoformat(), e.by) for e in version.job_class.history.all()] == [
        ("established", "2008-09-07", "Patricia Anderson"),
        ("revised", "2008-11-02", ""),
    ]
    assert (version.job_class.series.name, version.job_class.series_level) == ("Case Management Coordinator", 1)


def test_seed_002_paths_promotion_lines_and_header_facts_are_read(empty_jurisdiction):
    version = imported("002", empty_jurisdiction)

    paths = [(p.label, p.education_level, p.experience_years, p.supervisory_years) for p in version.paths.all()[:3]]
    assert paths == [
        ("(A)", "bachelor", Decimal(2), Decimal(1)),
        ("(B)", "associate", Decimal(4), Decimal(2)),
        ("(C)", "", None, None),
    ]
    path_a = version.paths.get(label="(A)")
    assert path_a.paid_experience and path_a.part_time_accepted
    assert version.open_competitive_preamble == "EITHER:"
    promotions = [[(t.title, t.years) for t in p.titles.all()] for p in version.paths.filter(kind="promotional")]
    assert promotions == [
        [
            ("Senior Support Investigator", Decimal(1)),
            ("Principal Social Welfare Examiner", Decimal(1)),
            ("Supervising Social Services Investigator", Decimal(1)),
        ],
        [("Senior Social Welfare Examiner", Decimal(2)), ("Senior Social Services Investigator", Decimal(2))],
    ]
    assert version.paths.filter(kind="promotional").last().connector == "OR"
    assert version.definitions.get().term == "Supervisory experience"
    assert version.special_requirements.get().kind == "drivers_license"
    assert (version.title, version.jurisdictional_class, version.department.name) == (
        "CHILD SUPPORT ENFORCEMENT COORDINATOR",
        "competitive",
        "Department of Social Services",
    )
    assert version.adoption_line.startswith("Adoption: CSM 11/19/77\nRevised: CSM 3/14/90")
    history = [(e.kind, e.date.isoformat(), e.reference) for e in version.job_class.history.all()]
    assert history[:3] == [
        ("adopted", "1977-11-19", "CSM"),
        ("revised", "1990-03-14", "CSM"),
        ("revised", "2003-08-13", ""),
    ]


def test_seed_003_promotional_and_open_competitive_groups_are_read(empty_jurisdiction):
    version = imported("003", empty_jurisdiction)

    assert (version.promotional_heading, version.open_competitive_heading) == (
        "SUGGESTED PROMOTIONAL QUALIFICATIONS",
        "OPEN-COMPETITIVE",
    )
    assert version.open_competitive_preamble.startswith("Graduation from high school")
    paths = [
        (p.connector, p.label, p.education_level, p.experience_years)
        for p in version.paths.filter(kind="open_competitive")
    ]
    assert paths == [
        ("AND:", "1.", "bachelor", Decimal(1)),
        ("OR:", "2.", "associate", Decimal(3)),
        ("OR:", "3.", "high_school", Decimal(5)),
    ]
    promotional = version.paths.get(kind="promotional")
    assert [(t.title, t.years) for t in promotional.titles.all()] == [
        ("Senior Social Services Worker", Decimal(1)),
        ("Social Services Worker", Decimal(3)),
    ]
    assert version.ksas.count() == 17
    assert version.definitions.get().label == "SOCIAL CASEWORK:"
    assert version.substitutions.get().education_beyond == "bachelor"


def test_seed_004_credit_hours_and_the_background_investigation_are_read(empty_jurisdiction):
    version = imported("004", empty_jurisdiction)

    assert [(p.label, p.education_level, p.credit_hours, p.experience_years) for p in version.paths.all()] == [
        ("A)", "bachelor", 24, Decimal(1)),
        ("B)", "associate", 12, Decimal(3)),
        ("C)", "high_school", None, Decimal(5)),
        ("D)", "", None, None),
    ]
    assert version.paths.get(label="A)").credit_hour_subject_list == ["computer science or programming"]
    assert version.special_requirements.get().kind == "background_check"
    assert version.ksas.count() == 25
