"""The five seed specs survive whole: every sentence on the class page, no debris, their facts structured."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from classes import workflow
from classes.models import JobClass, Jurisdiction, Version
from tests.conftest import SEED_DOCUMENTS
from tests.pagetext import clean_source, page_text, sentences

SEEDS = SEED_DOCUMENTS

PAGES = {
    "000_welfare_management_systems_coordinator.txt": "/classes/broome-county/welfare-management-systems-coordinator/",
    "001_case_management_coordinator_i.txt": "/classes/career-service-authority/case-management-coordinator-i/",
    "002_child_support_enforcement_coordinator.txt": "/classes/cayuga-county/child-support-enforcement-coordinator/",
    "003_employment_case_manager.txt": "/classes/unnamed-employer-a/employment-case-manager/",
    "004_customer_support_coordinator.txt": "/classes/unnamed-employer-b/customer-support-coordinator/",
}

DEBRIS = ["Page 1 of", "cont'd", "CONTINUED", "**", "##", "\\*"]


def version_of(slug):
    return Version.objects.current().get(job_class__slug=slug)


def path_facts(version, kind="open_competitive"):
    return [
        (p.label, p.education_level, p.experience_years, p.supervisory_years, p.is_equivalent_combination)
        for p in version.paths.filter(kind=kind)
    ]


@pytest.mark.parametrize("seed", PAGES)
def test_every_sentence_of_the_seed_is_on_its_class_page_once(client, seeds, seed):
    text = page_text(client.get(PAGES[seed]).content.decode())

    raw = (SEEDS / seed).read_text()
    found = sentences(raw)
    assert len(found) > 20
    missing = [sentence for sentence in found if sentence not in text]
    assert missing == []
    source = " ".join(clean_source(raw))
    repeated = [s for s in found if len(s) > 40 and text.count(s) > source.count(s)]
    assert repeated == []


@pytest.mark.parametrize("seed", PAGES)
def test_the_class_page_holds_no_page_debris(client, seeds, seed):
    text = page_text(client.get(PAGES[seed]).content.decode())

    assert [marker for marker in DEBRIS if marker in text] == []


def test_the_sentence_check_itself_notices_a_missing_duty(seeds):
    draft = workflow.start_revision(version_of("child-support-enforcement-coordinator").job_class, by=None)
    draft.duties.get(position=8).delete()
    html = render_to_string("includes/spec.html", {"version": Version.objects.for_display().get(pk=draft.pk)})

    text = page_text(html, root_tag="article")
    missing = [
        s for s in sentences((SEEDS / "002_child_support_enforcement_coordinator.txt").read_text()) if s not in text
    ]
    assert missing == ["Represents the local district in court proceedings involving support;"]


def test_seed_000_paths_and_its_capped_substitution(seeds):
    version = version_of("welfare-management-systems-coordinator")

    assert path_facts(version) == [
        ("A)", "associate", Decimal(3), None, False),
        ("B)", "", Decimal(5), None, False),
        ("C)", "", None, None, True),
    ]
    path_a = version.paths.get(label="A)")
    assert "management information systems" in path_a.education_field_list
    assert "computer programming" in path_a.experience_kind_list
    assert version.paths.get(label="B)").part_time_accepted is True
    note = version.substitutions.get()
    assert (note.kind, note.education_beyond, note.years_per_year, note.cap_years, note.floor_years) == (
        "education_for_experience",
        "associate",
        Decimal(1),
        Decimal(2),
        Decimal(1),
    )
    assert note.in_path_fields
    assert version.ksas.count() == 20
    assert version.ksas.get(position=1).kind == "knowledge" and version.ksas.get(position=1).level == "good"


def test_seed_001_class_detail_series_and_single_path(seeds):
    version = version_of("case-management-coordinator-i")

    assert path_facts(version) == [("", "high_school", Decimal(2), None, False)]
    assert version.paths.get().experience_kind_list == ["specialized/technical office support work"]
    assert version.substitutions.get().years_per_year is None  # the rate is not stated
    assert version.flsa_status == "non_exempt"
    assert version.adopted_on.isoformat() == "2008-11-02"
    established = version.job_class.history.get()
    assert (established.kind, established.date.isoformat(), established.by) == (
        "established",
        "2008-09-07",
        "Patricia Anderson",
    )
    assert (version.job_class.series.name, version.job_class.series_level) == ("Case Management Coordinator", 1)
    assert version.competencies.count() == 18
    assert [s.heading for s in version.other_sections.all()][-1] == "CLASS DETAIL"
    assert version.department is None


def test_seed_002_paths_promotion_lines_and_legacy_history(seeds):
    version = version_of("child-support-enforcement-coordinator")

    assert path_facts(version) == [
        ("(A)", "bachelor", Decimal(2), Decimal(1), False),
        ("(B)", "associate", Decimal(4), Decimal(2), False),
        ("(C)", "", None, None, True),
    ]
    assert all(p.paid_experience and p.part_time_accepted for p in version.paths.filter(label__in=["(A)", "(B)"]))
    promotions = [[(t.title, t.years) for t in path.titles.all()] for path in version.paths.filter(kind="promotional")]
    assert promotions == [
        [
            ("Senior Support Investigator", Decimal(1)),
            ("Principal Social Welfare Examiner", Decimal(1)),
            ("Supervising Social Services Investigator", Decimal(1)),
        ],
        [("Senior Social Welfare Examiner", Decimal(2)), ("Senior Social Services Investigator", Decimal(2))],
    ]
    assert version.definitions.get().term == "Supervisory experience"
    assert version.special_requirements.get().kind == "drivers_license"
    assert version.jurisdictional_class == "competitive"
    assert version.department.name == "Department of Social Services"
    assert [(e.kind, e.date.isoformat(), e.reference) for e in version.job_class.history.all()] == [
        ("adopted", "1977-11-19", "CSM"),
        ("revised", "1990-03-14", "CSM"),
        ("revised", "2003-08-13", ""),
        ("revised", "2003-10-15", ""),
        ("revised", "2004-12-08", ""),
    ]
    assert version.adopted_on.isoformat() == "2005-07-13"


def test_seed_003_promotional_and_open_competitive_paths(seeds):
    version = version_of("employment-case-manager")

    assert path_facts(version) == [
        ("1.", "bachelor", Decimal(1), None, False),
        ("2.", "associate", Decimal(3), None, False),
        ("3.", "high_school", Decimal(5), None, False),
    ]
    promotional = version.paths.get(kind="promotional")
    assert promotional.education_level == "associate"
    assert [(t.title, t.years) for t in promotional.titles.all()] == [
        ("Senior Social Services Worker", Decimal(1)),
        ("Social Services Worker", Decimal(3)),
    ]
    assert version.paths.get(label="1.").connector == "AND:"
    assert version.substitutions.get().education_beyond == "bachelor"
    assert version.definitions.get().label == "SOCIAL CASEWORK:"
    assert version.ksas.count() == 17
    assert version.adopted_on.isoformat() == "2015-07-23"


def test_seed_004_credit_hours_and_background_investigation(seeds):
    version = version_of("customer-support-coordinator")

    assert [(p.label, p.education_level, p.credit_hours, p.experience_years) for p in version.paths.all()] == [
        ("A)", "bachelor", 24, Decimal(1)),
        ("B)", "associate", 12, Decimal(3)),
        ("C)", "high_school", None, Decimal(5)),
        ("D)", "", None, None),
    ]
    assert version.paths.get(label="A)").credit_hour_subject_list == ["computer science or programming"]
    assert version.special_requirements.get().kind == "background_check"
    assert version.adopted_on is None


@pytest.mark.parametrize("slug", ["unnamed-employer-a", "unnamed-employer-b"])
def test_a_seed_that_names_no_employer_gets_no_invented_one(seeds, slug):
    jurisdiction = Jurisdiction.objects.get(slug=slug)

    assert (jurisdiction.kind, jurisdiction.commission_name) == ("", "")
    assert "does not name" in jurisdiction.description


def test_every_seed_class_has_exactly_one_current_adopted_version(seeds):
    assert JobClass.objects.current().count() == 5
    assert all(job_class.versions.current().count() == 1 for job_class in JobClass.objects.all())
