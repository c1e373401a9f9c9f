"""The same work elsewhere: classes of other jurisdictions in the class's occupation (or a closely related one) whose
title and duties read alike above the threshold; a class with none shows no such section. The specs are written
here; the suite runs on SQLite and on PostgreSQL alike."""

import pytest

from classes import search
from classes.models import Duty, JobClass, Jurisdiction, RelatedOccupation, Version
from classes.search import similarity
from tests.conftest import forget_kept_pages, publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

ELIGIBILITY = "43-4061.00"  # Eligibility Interviewers, Government Programs: a broad occupation many titles fall in

CHILD_SUPPORT = [
    "Establishes paternity and child support orders through the family court;",
    "Locates absent parents through employment, motor vehicle and tax records;",
    "Reviews support arrears and starts income withholding against the absent parent;",
    "Prepares petitions for the enforcement of support orders and appears in family court;",
]
CHILD_SUPPORT_ELSEWHERE = [
    "Locates absent parents and their employers to establish paternity;",
    "Enforces child support orders by income withholding, tax refund offsets and license suspension;",
    "Computes support arrears and prepares enforcement petitions for the family court;",
]
HELP_DESK = [
    "Answers the help desk telephone and logs each call in the ticket system;",
    "Resets passwords and unlocks user accounts on the network;",
    "Installs software updates on desktop computers and network printers;",
    "Coordinates repairs of computer equipment with vendors and reports on open tickets;",
]
# Work neither of the others does, but written in the same plain words every spec uses.
BRIDGES = [
    "Inspects bridges, culverts and retaining walls for cracks and scour;",
    "Prepares reports of each inspection and coordinates repairs with the county highway staff;",
]


@pytest.fixture
def spec(db):
    """A current class of a jurisdiction (made on first use), in an occupation, with its duties, published and
    indexed. The catalogue's word counts, which weigh the words, are recounted once all are made (`recount`)."""
    jurisdictions = {}

    def make(title, jurisdiction, *, duties, occupation=ELIGIBILITY, features=""):
        slug = jurisdiction.lower().replace(" ", "-")
        if slug not in jurisdictions:
            jurisdictions[slug] = Jurisdiction.objects.create(name=jurisdiction, slug=slug)
        place = jurisdictions[slug]
        job_class = JobClass.objects.create(jurisdiction=place, title=title, slug=title.lower().replace(" ", "-"))
        version = Version.objects.create(
            job_class=job_class, number=1, title=title, distinguishing_features=features, occupation_id=occupation
        )
        for position, text in enumerate(duties, start=1):
            Duty.objects.create(version=version, position=position, text=text)
        return publish(version)

    return make


def recount():
    search.rebuild()


def similar_titles(version):
    return [job_class.title for job_class in search.similar(version)]


def test_a_child_support_coordinator_does_not_list_a_help_desk_coordinator_of_its_occupation(spec):
    child_support = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    help_desk = spec("IT Help Desk Coordinator", "Seneca County", duties=HELP_DESK)
    spec("Bridge Inspector", "Seneca County", duties=BRIDGES, occupation="47-4011.00")
    recount()

    assert similar_titles(child_support) == []
    assert similar_titles(help_desk) == []


def test_two_classes_of_the_same_work_in_two_jurisdictions_list_each_other(spec):
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    there = spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT_ELSEWHERE)
    spec("IT Help Desk Coordinator", "Seneca County", duties=HELP_DESK)
    recount()

    assert similar_titles(here) == ["Support Enforcement Specialist"]
    assert similar_titles(there) == ["Child Support Coordinator"]


def test_the_same_work_in_another_occupation_is_not_listed(spec):
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT_ELSEWHERE, occupation="47-4011.00")
    recount()

    assert similar_titles(here) == []


def test_a_class_of_a_closely_related_occupation_is_listed_after_those_of_its_own(spec):
    related = RelatedOccupation.objects.filter(occupation=ELIGIBILITY, tier="primary_short").first().related_id
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT, occupation=related)
    spec("Support Investigator", "Cayuga County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()

    assert similar_titles(here) == ["Support Investigator", "Support Enforcement Specialist"]


def test_a_lone_class_lists_none_and_its_page_has_no_such_section(client, spec):
    lone = spec("Bridge Inspector", "Tompkins County", duties=BRIDGES, occupation="47-4011.00")
    spec("IT Help Desk Coordinator", "Seneca County", duties=HELP_DESK, occupation="47-4011.00")
    recount()

    assert similar_titles(lone) == []
    assert "The same work elsewhere" not in page_text(client.get(lone.job_class.get_absolute_url()).content.decode())


def test_a_class_without_an_occupation_lists_none(spec):
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT, occupation=None)
    spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()

    assert similar_titles(here) == []


def test_the_same_jurisdictions_classes_are_not_listed(spec):
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    spec("Support Enforcement Specialist", "Tompkins County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()

    assert similar_titles(here) == []


def test_the_score_is_the_same_both_ways_and_clears_the_threshold_only_for_the_same_work(spec):
    versions = [
        spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT),
        spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT_ELSEWHERE),
        spec("IT Help Desk Coordinator", "Cayuga County", duties=HELP_DESK),
    ]
    recount()
    words = [similarity.work_words(similarity.work_texts(version)) for version in versions]
    rarity = similarity.Rarity(set().union(*words))

    same_work = rarity.cosine(words[0], words[1])
    other_work = rarity.cosine(words[0], words[2])

    assert same_work == rarity.cosine(words[1], words[0])
    assert same_work >= similarity.THRESHOLD > other_work


def test_past_the_classes_weighed_those_sharing_the_rarest_words_are_found(spec, settings, monkeypatch):
    monkeypatch.setattr(similarity, "WEIGHED_MOST", 2)
    here = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    for county in ("Seneca", "Cayuga", "Cortland"):
        spec(f"{county} Help Desk Coordinator", f"{county} County", duties=HELP_DESK)
    spec("Support Enforcement Specialist", "Tioga County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()

    assert similar_titles(here) == ["Support Enforcement Specialist"]


def test_the_class_page_asks_a_few_queries_more_for_the_section_whatever_the_number_of_similar_classes(
    client, spec, django_assert_max_num_queries
):
    lone = spec("Bridge Inspector", "Cortland County", duties=BRIDGES, occupation=None)
    one = spec("Child Support Coordinator", "Tompkins County", duties=CHILD_SUPPORT)
    spec("Support Enforcement Specialist", "Seneca County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()
    with django_assert_max_num_queries(40) as without:
        client.get(lone.job_class.get_absolute_url())

    # The section's: the class's document, the occupations related to its own, the documents' count and its words'
    # counts; the classes elsewhere in those occupations, their documents, duties and words' counts; the view's current
    # versions of those listed and their paths.
    with django_assert_max_num_queries(len(without.captured_queries) + 10) as alone:
        page = client.get(one.job_class.get_absolute_url()).content.decode()
    assert "Support Enforcement Specialist Seneca County" in page_text(page)
    for county in ("Cayuga", "Tioga", "Chemung", "Tompkins"):
        spec(f"{county} Support Investigator", f"{county} County", duties=CHILD_SUPPORT_ELSEWHERE)
    recount()
    forget_kept_pages()

    with django_assert_max_num_queries(len(alone.captured_queries)):
        page = client.get(one.job_class.get_absolute_url()).content.decode()
    assert "Chemung Support Investigator" in page_text(page)
