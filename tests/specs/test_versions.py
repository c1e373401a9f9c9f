"""A class's history, the permanent page of each adopted version, and the comparison of two."""

import datetime
import re

import pytest

from classes import workflow
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db


def adopt_new_version(job_class, duties=(), paths=(), adopted_on=None, adoption_reference="", **fields):
    """Write a new text as a proposal with its duties and paths, and adopt it as the commission does."""
    current = job_class.versions.get(status="adopted")
    fields.setdefault("title", current.title)
    proposal = job_class.versions.create(number=current.number + 1, status="proposed", **fields)
    for position, text in enumerate(duties, 1):
        proposal.duties.create(position=position, text=text)
    for position, path in enumerate(paths, 1):
        proposal.paths.create(position=position, **path)
    return workflow.adopt(
        proposal, by=None, adopted_on=adopted_on or datetime.date(2024, 1, 1), reference=adoption_reference
    )


def url(job_class, tail):
    return f"/classes/{job_class.jurisdiction.slug}/{job_class.slug}/{tail}"


def account_clerk(make_class, distinguishing_features="", paths=((), ())):
    """Account Clerk: version 1 adopted in 2003 and superseded, version 2 adopted in 2015, a draft 3."""
    job_class, first = make_class(
        "Account Clerk", status="draft", salary_grade="7", distinguishing_features=distinguishing_features
    )
    first.duties.create(position=1, text="Keeps the weekly ledger;")
    for position, path in enumerate(paths[0], 1):
        first.paths.create(position=position, **path)
    publish(first, adopted_on=datetime.date(2003, 8, 13), adoption_reference="CSM")
    adopt_new_version(
        job_class,
        duties=["Keeps the monthly ledger;"],
        paths=paths[1],
        adopted_on=datetime.date(2015, 7, 23),
        adoption_reference="Res. 2015-42",
        salary_grade="9",
        distinguishing_features=distinguishing_features,
    )
    job_class.versions.create(number=3, status="draft", title="Account Clerk", salary_grade="Draft grade 11")
    return job_class


@pytest.fixture
def clerk(make_class):
    return account_clerk(make_class)


def test_the_class_page_links_to_its_history(client, clerk):
    html = client.get(clerk.get_absolute_url()).content.decode()

    assert f'<a href="{url(clerk, "history/")}">History and earlier versions</a>' in html


def test_the_history_lists_public_versions_newest_first_and_never_a_draft(client, clerk):
    response = client.get(url(clerk, "history/"))
    text = page_text(response.content.decode())

    assert response.status_code == 200
    assert re.search(
        r"Version 2 Adopted \(in force\) July 23, 2015 Res\. 2015-42 Version 1 Superseded August 13, 2003 CSM", text
    )
    assert "Version 3" not in text
    assert f'href="{url(clerk, "versions/1/")}"' in response.content.decode()


def test_the_history_lists_the_dated_events_held_without_text(client, clerk):
    clerk.history.create(kind="adopted", date=datetime.date(1977, 11, 19), reference="CSM")

    text = page_text(client.get(url(clerk, "history/")).content.decode())

    assert "Earlier adoptions and revisions" in text
    assert "Adopted November 19, 1977 (CSM)" in text


def test_the_history_offers_a_form_that_compares_the_newest_version_with_the_one_before(client, clerk):
    html = client.get(url(clerk, "history/")).content.decode()

    assert f'<form class="diff-form" method="get" action="{url(clerk, "compare/")}">' in html
    assert re.search(
        r'<select id="compare-from" name="from">\s*<option value="2">.*?<option value="1" selected>', html, re.S
    )
    assert re.search(r'<select id="compare-to" name="to">\s*<option value="2" selected>', html)
    assert 'value="3"' not in html


def test_a_class_with_no_public_version_has_no_history(client, make_class):
    job_class, _ = make_class("Budget Analyst", status="draft")

    assert client.get(url(job_class, "history/")).status_code == 404
    assert client.get("/classes/tompkins-county/no-such-class/history/").status_code == 404


def test_a_versions_permanent_url_keeps_showing_exactly_its_text_after_a_newer_version_is_adopted(client, make_class):
    job_class, first = make_class(
        "Account Clerk", status="draft", distinguishing_features="Does routine clerical work."
    )
    first.duties.create(position=1, text="Keeps the weekly ledger;")
    first.duties.create(position=2, text="Files correspondence.")
    publish(first)
    before = page_text(client.get(url(job_class, "versions/1/")).content.decode(), root_tag="article")

    adopt_new_version(
        job_class, duties=["Reconciles the monthly accounts;"], distinguishing_features="Does varied accounting work."
    )
    after = page_text(client.get(url(job_class, "versions/1/")).content.decode(), root_tag="article")

    assert after == before
    assert "Keeps the weekly ledger; Files correspondence." in after
    assert "Reconciles the monthly accounts;" not in after
    assert "Reconciles the monthly accounts;" in page_text(client.get(url(job_class, "versions/2/")).content.decode())


def test_a_superseded_version_says_so_and_links_to_the_current_version(client, clerk):
    html = client.get(url(clerk, "versions/1/")).content.decode()
    text = page_text(html)

    assert "This is version 1, a superseded text kept as a public record; it is no longer in force." in text
    assert f'<a href="{url(clerk, "versions/2/")}">Read the current version (2, adopted July 23, 2015)</a>' in html
    assert "Keeps the weekly ledger;" in text


def test_the_version_in_force_says_so_without_a_superseded_notice(client, clerk):
    text = page_text(client.get(url(clerk, "versions/2/")).content.decode())

    assert "This is version 2, the text in force." in text
    assert "superseded" not in text


def test_a_draft_version_number_is_404_exactly_like_a_number_that_does_not_exist(client, clerk):
    draft = client.get(url(clerk, "versions/3/"))
    missing = client.get(url(clerk, "versions/4/"))

    assert draft.status_code == missing.status_code == 404
    assert draft.content == missing.content


def test_the_version_page_costs_the_same_few_queries_however_many_duties(
    client, make_class, django_assert_max_num_queries
):
    job_class, first = make_class("Account Clerk", status="draft")
    for position in range(40):
        first.duties.create(position=position, text=f"Duty number {position};")
    publish(first)
    adopt_new_version(job_class)

    # The version found, with the catalogue's edition; then the version with its class, jurisdiction,
    # series and department; one query each for its duties, KSAs, competencies, other sections, special
    # requirements, substitutions, definitions, paths, the class's history entries and its public versions;
    # then the current version, since this one is superseded.
    with django_assert_max_num_queries(13):
        response = client.get(url(job_class, "versions/1/"))
    assert "Duty number 39;" in page_text(response.content.decode())


def test_the_comparison_marks_inserted_and_deleted_words_with_hidden_labels(client, clerk):
    response = client.get(url(clerk, "compare/") + "?from=1&to=2")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<del><span class="diff-label">deleted: </span>weekly</del>' in html
    assert '<ins><span class="diff-label">inserted: </span>monthly</ins>' in html
    assert "Keeps the deleted: weekly inserted: monthly ledger;" in page_text(html)
    assert "Draft grade 11" not in html


def test_the_comparison_page_explains_its_marks_and_loads_its_stylesheet(client, clerk):
    html = client.get(url(clerk, "compare/") + "?from=1&to=2").content.decode()
    text = page_text(html)

    assert "How changes are marked" in text
    assert "are underlined and follow a plus sign (+)" in text
    assert "are struck through and follow a minus sign (−)" in text
    assert 'href="/static/css/compare.css"' in html


def test_an_unchanged_part_is_folded_and_a_changed_fact_is_tabled(client, make_class):
    clerk = account_clerk(
        make_class,
        distinguishing_features="Does clerical work.",
        paths=[
            [{"label": "A)", "text": "Experience.", "experience_years": 2}],
            [{"label": "A)", "text": "Experience.", "experience_years": 3}],
        ],
    )

    html = client.get(url(clerk, "compare/") + "?from=1&to=2").content.decode()

    assert re.search(r"<summary>DISTINGUISHING FEATURES OF THE CLASS <span[^>]*>\(unchanged\)</span></summary>", html)
    assert "<h2>TYPICAL WORK ACTIVITIES</h2>" in html
    assert '<tr><th scope="row">Path A) years of experience</th><td>2</td><td>3</td></tr>' in html
    assert "3 of 4 parts changed." in page_text(html)


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Choose two versions to compare"),
        ("?from=1", "Choose two versions to compare"),
        ("?from=1&to=", "Choose two versions to compare"),
        ("?from=one&to=2", "“one” is not a version number."),
        ("?from=1&to=2.0", "“2.0” is not a version number."),
        ("?from=-1&to=2", "“-1” is not a version number."),
        ("?from=1&to=%C2%B2", "“²” is not a version number."),
    ],
)
def test_a_comparison_with_a_missing_or_non_numeric_version_is_400_with_a_message(client, clerk, query, message):
    response = client.get(url(clerk, "compare/") + query)

    assert response.status_code == 400
    assert message in page_text(response.content.decode())
    assert '<form class="diff-form"' in response.content.decode()


def test_a_comparison_with_a_draft_is_404_exactly_like_a_version_that_does_not_exist(client, clerk):
    draft = client.get(url(clerk, "compare/") + "?from=1&to=3")
    missing = client.get(url(clerk, "compare/") + "?from=1&to=33")

    assert draft.status_code == missing.status_code == 404
    assert "This class has no public version 3." in page_text(draft.content.decode())
    assert "This class has no public version 33." in page_text(missing.content.decode())
    assert "Draft grade 11" not in draft.content.decode()


def test_a_comparison_of_a_class_that_does_not_exist_is_404(client, db):
    assert client.get("/classes/tompkins-county/nothing/compare/?from=1&to=2").status_code == 404
