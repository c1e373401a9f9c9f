"""Search over the adopted text of current classes: ranking, prefixes, misspellings, passages."""

import datetime

import pytest
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection
from django.urls import reverse

from classes import search, structure, workflow
from classes.models import (
    KSA,
    CatalogueEdition,
    Competency,
    Duty,
    JobClass,
    Jurisdiction,
    OtherSection,
    SearchDocument,
    SpecialRequirement,
    Version,
)
from classes.paging import CappedPaginator
from classes.search import postgresql
from qualifications.models import Definition, Path, Substitution
from tests.conftest import expected_document, publish
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def titles(q):
    return [job_class.title for job_class in search.apply(JobClass.objects.current(), q)]


@pytest.fixture
def indexed_class(make_class):
    """make_class as a draft with its parts, published in `status`, then the class indexed as publishing would."""

    def make(title, *, duties=(), qualification="", status="adopted", adopted_on=None, **version_fields):
        job_class, version = make_class(title, status="draft", **version_fields)
        for position, text in enumerate(duties, start=1):
            Duty.objects.create(version=version, position=position, text=text)
        if qualification:
            Path.objects.create(version=version, position=1, text=qualification)
        if status != "draft":
            publish(version, status=status, adopted_on=adopted_on)
        search.index_classes([job_class.pk])
        return job_class, version

    return make


def test_a_title_match_outranks_a_body_only_match(indexed_class):
    indexed_class(
        "Account Clerk",
        distinguishing_features="Keeps payroll records. Checks payroll totals. Files payroll reports with payroll staff.",
    )
    indexed_class("Payroll Clerk", distinguishing_features="Keeps records of pay.")

    assert titles("payroll") == ["Payroll Clerk", "Account Clerk"]


def test_distinguishing_features_outrank_duties_which_outrank_qualifications(indexed_class):
    indexed_class("Clerk C", qualification="Two years of experience inspecting bridges.")
    indexed_class("Clerk B", duties=["Inspects bridges and culverts for damage;"])
    indexed_class("Clerk A", distinguishing_features="The clerk inspects bridges and culverts for damage.")

    assert titles("bridges") == ["Clerk A", "Clerk B", "Clerk C"]


def test_the_rank_is_a_number_higher_for_better_matches(indexed_class):
    indexed_class("Bridge Inspector")
    indexed_class("Clerk", distinguishing_features="Files reports of the bridge inspector.")

    ranks = [job_class.search_rank for job_class in search.apply(JobClass.objects.current(), "bridge")]

    assert len(ranks) == 2
    assert all(isinstance(rank, float) for rank in ranks)
    assert ranks[0] > ranks[1] > 0


def test_a_word_prefix_finds_the_whole_word(seeds):
    assert titles("enforc") == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


def test_every_word_of_the_query_must_match(seeds):
    assert titles("coordinator enforcement") == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


def test_a_misspelt_title_word_still_finds_the_class(seeds):
    assert "CUSTOMER SUPPORT COORDINATOR" in titles("suport")


def test_a_misspelt_word_finds_the_class_titled_with_it(indexed_class):
    indexed_class("Caseworker", distinguishing_features="Visits families.")
    indexed_class("Account Clerk", distinguishing_features="Keeps accounts.")

    assert titles("caseworkr") == ["Caseworker"]


def test_a_misspelt_word_beside_a_correct_one_is_corrected_alone(seeds):
    assert titles("customer suport")[0] == "CUSTOMER SUPPORT COORDINATOR"


def test_a_misspelt_plural_finds_every_coordinator(seeds):
    found = titles("coordinater")

    assert {title for title in found if "coordinator" in title.lower()} == {
        "CHILD SUPPORT ENFORCEMENT COORDINATOR",
        "CUSTOMER SUPPORT COORDINATOR",
        "Case Management Coordinator I",
        "WELFARE MANAGEMENT SYSTEMS COORDINATOR",
    }


@pytest.mark.parametrize(
    "typo",
    [
        "wardin",  # a letter changed
        "wrden",  # one dropped
        "waarden",  # one added
        "awrden",  # two swapped
        "wraden",
    ],
)
def test_a_one_letter_slip_anywhere_in_a_title_word_is_corrected(indexed_class, typo):
    indexed_class("Game Warden", distinguishing_features="Patrols the forest.")
    indexed_class("Garden Aide", distinguishing_features="Weeds the beds.")

    assert titles(typo) == ["Game Warden"]


def test_a_word_too_far_from_every_title_word_is_left_as_typed(indexed_class):
    indexed_class("Game Warden", distinguishing_features="Patrols the forest.")

    assert titles("wxyzen") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks every match by its whole text")
def test_beyond_the_whole_text_limit_title_matches_come_first_then_titles_in_order(indexed_class, monkeypatch):
    indexed_class("Payroll Clerk", distinguishing_features="Keeps records of pay.")
    indexed_class("Account Clerk", distinguishing_features="Keeps payroll records.")
    indexed_class("Auditor", distinguishing_features="Checks payroll and payroll records, payroll after payroll.")
    indexed_class("Payroll Supervisor Payroll", distinguishing_features="Leads the payroll unit.")
    indexed_class("Assistant Payroll Supervisor", distinguishing_features="Leads the unit.")
    monkeypatch.setattr(postgresql, "WHOLE_TEXT_RANKED_MOST", 0)  # the planner expects at least one row

    assert titles("payroll") == [
        "Assistant Payroll Supervisor",
        "Payroll Clerk",
        "Payroll Supervisor Payroll",
        "Account Clerk",
        "Auditor",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks every match by its whole text")
def test_pages_of_title_matches_and_then_the_rest_follow_on_without_a_gap(indexed_class, monkeypatch):
    for title in ("Bridge Painter", "Bridge Inspector", "Bridge Operator"):
        indexed_class(title)
    for title in ("Clerk", "Engineer", "Aide"):
        indexed_class(title, distinguishing_features="Works on the bridge.")
    monkeypatch.setattr(postgresql, "WHOLE_TEXT_RANKED_MOST", 0)

    paginator = CappedPaginator(search.apply(JobClass.objects.current(), "bridge"), 2)

    assert paginator.count == 6
    assert [[c.title for c in paginator.page(number)] for number in (1, 2, 3)] == [
        ["Bridge Inspector", "Bridge Operator"],
        ["Bridge Painter", "Aide"],
        ["Clerk", "Engineer"],
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks every match by its whole text")
def test_beyond_the_whole_text_limit_title_matches_are_the_titles_in_force_of_public_classes(
    indexed_class, monkeypatch
):
    retitled, _ = indexed_class("Ferry Clerk", adopted_on=datetime.date(2020, 1, 1))
    proposal = Version.objects.create(job_class=retitled, number=2, status="proposed", title="Harbor Clerk")
    workflow.adopt(proposal, by=None, adopted_on=datetime.date(2024, 1, 1), reference="")
    indexed_class("Ferry Pilot", status="draft")
    abolished, _ = indexed_class("Ferry Deckhand")
    workflow.abolish(abolished, on=datetime.date(2024, 6, 1), by=None)
    monkeypatch.setattr(postgresql, "WHOLE_TEXT_RANKED_MOST", 0)

    def found(q):  # every class, as the list's search asks: search alone keeps to the public catalogue
        return [job_class.title for job_class in search.apply(JobClass.objects.all(), q)]

    assert found("harbor") == ["Harbor Clerk"]
    assert found("ferry") == []


def test_a_word_found_nowhere_finds_nothing(seeds):
    assert titles("zyxwvut") == []


def test_a_draft_is_never_found(indexed_class):
    job_class, _ = indexed_class("Bridge Inspector", status="draft", distinguishing_features="Inspects bridges.")

    assert titles("bridge") == []
    assert search.passages("bridge", [job_class]) == {}


def test_a_superseded_text_is_never_found_once_its_successor_is_adopted(indexed_class):
    job_class, _ = indexed_class(
        "Ferry Clerk", distinguishing_features="Sells tickets for the ferry.", adopted_on=datetime.date(2020, 1, 1)
    )
    assert titles("tickets") == ["Ferry Clerk"]

    proposal = Version.objects.create(
        job_class=job_class, number=2, status="proposed", title="Ferry Clerk", distinguishing_features="Sells passes."
    )
    workflow.adopt(proposal, by=None, adopted_on=datetime.date(2024, 1, 1), reference="")  # supersedes and reindexes

    assert titles("tickets") == []
    assert titles("passes") == ["Ferry Clerk"]
    assert "tickets" not in search.passages("ferry", [job_class])[job_class.pk]


def test_an_abolished_class_is_never_found(indexed_class):
    job_class, _ = indexed_class("Lamplighter", distinguishing_features="Lights the street lamps.")
    JobClass.objects.filter(pk=job_class.pk).update(abolished_on=datetime.date(2020, 1, 1))
    search.index_classes([job_class.pk])

    assert titles("lamps") == []
    assert not SearchDocument.objects.filter(job_class=job_class).exists()
    assert search.passages("lamps", [job_class]) == {}


def test_an_abolished_class_never_shows_a_passage_even_before_it_is_reindexed(indexed_class):
    job_class, _ = indexed_class("Lamplighter", distinguishing_features="Lights the street lamps.")
    JobClass.objects.filter(pk=job_class.pk).update(abolished_on=datetime.date(2020, 1, 1))

    assert search.passages("lamps", [job_class]) == {}


def test_a_passage_marks_the_query_words_by_prefix(seeds):
    job_class = JobClass.objects.get(title="CHILD SUPPORT ENFORCEMENT COORDINATOR")

    passage = search.passages("enforc collection", [job_class])[job_class.pk]

    assert "<mark>Enforcement</mark>" in passage
    assert "<mark>Collection</mark>" in passage


def test_a_passage_marks_a_misspelt_word_where_it_is_spelt_right(seeds):
    job_class = JobClass.objects.get(title="CUSTOMER SUPPORT COORDINATOR")

    assert "<mark>support</mark>" in search.passages("suport", [job_class])[job_class.pk]


def test_a_passage_escapes_the_text_around_the_marks(indexed_class):
    job_class, _ = indexed_class(
        "Web Clerk", distinguishing_features='Removes <script>alert("x")</script> tags & enforces the rules.'
    )

    passage = search.passages("enforce", [job_class])[job_class.pk]

    assert "<script>" not in passage
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; tags &amp; <mark>enforces</mark> the rules." in passage


def test_a_passage_is_about_thirty_words_around_the_best_match(indexed_class):
    filler = " ".join(f"word{number}" for number in range(100))
    job_class, _ = indexed_class("Clerk", distinguishing_features=f"{filler} inspects bridges daily. {filler}")

    passage = search.passages("bridges", [job_class])[job_class.pk]

    assert passage.startswith("… ") and passage.endswith(" …")
    assert "<mark>bridges</mark>" in passage
    assert 25 <= len(passage.split()) <= 35


def test_a_passage_is_the_first_paragraph_holding_the_most_query_words(indexed_class):
    job_class, _ = indexed_class(
        "Clerk",
        distinguishing_features="Inspects bridges.\nPaints bridges and tunnels.\nCleans bridges and tunnels.",
        duties=["Inspects tunnels."],
    )

    passage = search.passages("bridges tunnels", [job_class])[job_class.pk]

    assert passage == "Paints <mark>bridges</mark> and <mark>tunnels</mark>."


def test_a_passage_is_given_for_each_class_of_the_page_and_no_other(seeds):
    page = list(search.apply(JobClass.objects.current(), "coordinator")[:2])

    assert set(search.passages("coordinator", page)) == {job_class.pk for job_class in page}


def test_an_empty_query_leaves_the_queryset_unchanged(seeds):
    queryset = JobClass.objects.current()

    assert search.apply(queryset, "") is queryset
    assert search.apply(queryset, "   ") is queryset
    assert search.passages("", queryset) == {}


def test_search_results_stay_a_queryset_the_paginator_can_count_and_slice(seeds):
    results = search.apply(JobClass.objects.current(), "coordinator")

    page = Paginator(results, 2).get_page(2)

    assert page.paginator.count == 5
    assert len(page.object_list) == 2
    assert list(results.order_by("title").values_list("title", flat=True)) == sorted(
        results.values_list("title", flat=True)
    )


def test_search_keeps_the_filters_of_the_queryset_it_is_given(seeds):
    cayuga = Jurisdiction.objects.get(name="Cayuga County")

    found = search.apply(JobClass.objects.current().filter(jurisdiction=cayuga), "coordinator")

    assert [job_class.title for job_class in found] == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


ODD_QUERIES = [
    '"',
    "'",
    "&",
    "|",
    "!",
    "%",
    "a:b",
    "-",
    "*",
    "(support",
    "support)",
    "support & !",
    "sup* | coord",
    "NEAR(support coordinator)",
    "support AND OR NOT",
    "😀",
    "support 😀",
    "\x00",
    "supp\x00ort",
    "x" * 2000,
    "support " * 300,
    "é½²ⅷ",
    "_",
    "caseworkr_suport",
]


@pytest.mark.parametrize("q", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_an_odd_query_never_raises(seeds, q):
    results = search.apply(JobClass.objects.current(), q)

    page = Paginator(results, 2).get_page(1)
    search.passages(q, page.object_list)


def test_rebuilding_the_index_twice_holds_one_document_per_current_class(seeds):
    call_command("update_search_index", verbosity=0)
    call_command("update_search_index", verbosity=0)

    assert SearchDocument.objects.count() == JobClass.objects.current().count() == 5
    assert titles("enforc") == ["CHILD SUPPORT ENFORCEMENT COORDINATOR"]


DOCUMENT_COLUMNS = ["job_class_id", "version_id", *structure.DOCUMENT_COLUMNS]


def test_each_document_is_the_text_of_its_class_current_version_read_from_its_parts(seeds, make_class):
    # A version with a part in every list, some stored out of order, and text a document trims or leaves out:
    # padding, a blank general statement, a definition with no label, a section with no heading.
    _, version = make_class(
        "Bridge Inspector",
        status="draft",
        code=" 4021 ",
        general_statement="  ",
        distinguishing_features="Inspects bridges.\n",
        duties_note="Illustrative only.",
        open_competitive_preamble="Either:",
    )
    Duty.objects.create(version=version, position=2, text="  Inspects culverts;  ")
    Duty.objects.create(version=version, position=1, text="Inspects bridges;")
    KSA.objects.create(version=version, position=1, text="Knowledge of bridges.", kind="knowledge")
    Competency.objects.create(version=version, position=1, name="Safety", description="Works safely. ")
    Path.objects.create(version=version, position=1, text="Two years of experience.")
    Substitution.objects.create(version=version, position=1, kind="education_for_experience", text="College counts.")
    Definition.objects.create(version=version, position=1, term="Bridge", label="", text="A span.")
    SpecialRequirement.objects.create(version=version, position=1, kind="drivers_license", text="A license.")
    OtherSection.objects.create(version=version, position=2, heading="Physical Demands", text="Lifting.")
    OtherSection.objects.create(version=version, position=1, heading="", text="Outdoors.")
    publish(version)

    search.index_classes(JobClass.objects.values_list("pk", flat=True))

    versions = Version.objects.current().prefetch_related(*(part.name for part in structure.PARTS))
    expected = [expected_document(version) for version in versions.order_by("job_class_id")]
    stored = list(SearchDocument.objects.values_list(*DOCUMENT_COLUMNS))
    assert stored == expected
    assert len(stored) == 6
    # In reading order, each part's lines as printed (a definition with its mark).
    assert stored[-1][2:] == (
        "Bridge Inspector\n4021",
        "Inspects bridges.",
        "Inspects bridges;\nInspects culverts;\nIllustrative only.\nSafety – Works safely.\nKnowledge of bridges.",
        "Either:\nTwo years of experience.\nCollege counts.\n* A span.\nSPECIAL REQUIREMENT\nA license.\nOutdoors.\nPhysical Demands\nLifting.",
    )


def test_saving_a_draft_in_the_admin_leaves_search_and_the_edition_alone_until_its_adoption(client, make_user, seeds):
    analyst = make_user("hr-analyst", "HR analyst")
    client.force_login(analyst)
    adopted = Version.objects.get(title="CUSTOMER SUPPORT COORDINATOR")
    draft = workflow.start_revision(adopted.job_class, by=analyst)
    documents = list(SearchDocument.objects.values_list())
    edition = CatalogueEdition.objects.get().number
    url = reverse("admin:classes_version_change", args=[draft.pk])
    data = form_data(client.get(url).content.decode(), "version_form")
    data["distinguishing_features"] = [f"{data['distinguishing_features'][0]} Also keeps the helpdesk wiki."]

    response = client.post(url, data)

    assert response.status_code == 302
    assert list(SearchDocument.objects.values_list()) == documents
    assert CatalogueEdition.objects.get().number == edition
    assert titles("wiki") == []

    workflow.propose(draft, by=analyst)
    workflow.adopt(draft, by=None, adopted_on=datetime.date(2024, 1, 1), reference="Res. 2024-1")

    assert titles("wiki") == ["CUSTOMER SUPPORT COORDINATOR"]
