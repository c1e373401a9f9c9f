"""A class page shows where the class sits: its series ladder, promotion lines both ways, the same work elsewhere."""

import pytest

from classes import search
from classes.models import ClassSeries, JobClass, Jurisdiction, Version
from tests.conftest import publish
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

USER_SUPPORT = "15-1232.00"  # O*NET's Computer User Support Specialists


def page_of(client, job_class):
    response = client.get(job_class.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_series_ladder_lists_current_levels_in_order_and_marks_this_class(client, jurisdiction, make_class):
    series = ClassSeries.objects.create(jurisdiction=jurisdiction, name="Caseworker", slug="caseworker")
    levels = []
    for level, title in [(2, "Senior Caseworker"), (1, "Caseworker"), (3, "Case Supervisor")]:
        job_class, _ = make_class(title)
        job_class.series, job_class.series_level = series, level
        job_class.save()
        levels.append(job_class)
    _, draft = make_class("Case Supervisor Grade B", status="draft")
    draft.job_class.series, draft.job_class.series_level = series, 4
    draft.job_class.save()

    html = page_of(client, levels[0])

    text = page_text(html)
    assert "The Caseworker series Caseworker Senior Caseworker Case Supervisor" in text
    assert '<span aria-current="page">Senior Caseworker</span>' in html
    assert "Grade B" not in text


def test_promotion_lines_link_both_ways_where_the_class_is_in_the_catalogue(client, make_class):
    clerk, _ = make_class("Account Clerk")
    _, senior_text = make_class("Senior Account Clerk", status="draft")
    path = senior_text.paths.create(position=1, kind="promotional", text="One year as Account Clerk.")
    path.titles.create(position=1, title="Account Clerk", years=1, job_class=clerk)
    path.titles.create(position=2, title="Typist", years=2)
    publish(senior_text)

    senior_page = page_of(client, senior_text.job_class)
    clerk_page = page_of(client, clerk)

    assert f'<a href="{clerk.get_absolute_url()}">Account Clerk</a> (1 year)' in senior_page
    assert "Typist (2 years)" in page_text(senior_page)
    assert f'<a href="{senior_text.job_class.get_absolute_url()}">Senior Account Clerk</a>' in clerk_page


def test_a_draft_that_would_promote_from_a_class_is_not_shown_as_leading_anywhere(client, make_class):
    clerk, _ = make_class("Account Clerk")
    _, draft = make_class("Head Clerk", status="draft")
    draft.paths.create(position=1, kind="promotional", text="x").titles.create(
        position=1, title="Account Clerk", years=1, job_class=clerk
    )

    assert "Head Clerk" not in page_text(page_of(client, clerk))


def test_the_same_work_elsewhere_compares_qualifications_side_by_side(client, make_class):
    here, here_text = make_class(
        "Customer Support Coordinator",
        status="draft",
        distinguishing_features="Supervises the help desk.",
        occupation_id=USER_SUPPORT,
    )
    here_text.paths.create(position=1, label="A)", text="x", education_level="bachelor", experience_years=1)
    publish(here_text)
    elsewhere = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    twin = JobClass.objects.create(jurisdiction=elsewhere, title="Customer Support Coordinator", slug="csc")
    twin_text = Version.objects.create(job_class=twin, number=1, title=twin.title, occupation_id=USER_SUPPORT)
    twin_text.paths.create(position=1, label="1.", text="y", education_level="associate", experience_years=3)
    publish(twin_text)
    search.rebuild()

    text = page_text(page_of(client, here))

    assert "The same work elsewhere" in text
    assert "Customer Support Coordinator Seneca County 1. Associate's degree; 3 years' experience" in text
    assert "Customer Support Coordinator (this class) Tompkins County A) Bachelor's degree; 1 year's experience" in text


def test_the_class_page_runs_a_fixed_number_of_queries_whatever_its_length(
    client, make_class, django_assert_max_num_queries
):
    short, short_text = make_class("Account Clerk", status="draft")
    short_text.duties.create(position=1, text="Files;")
    short_text.ksas.create(position=1, text="Tact;")
    short_text.paths.create(position=1, text="Path.")
    publish(short_text)
    long, long_text = make_class("Senior Account Clerk", status="draft")
    for position in range(1, 31):
        long_text.duties.create(position=position, text=f"Duty {position};")
        long_text.ksas.create(position=position, text=f"Knowledge {position};")
        long_text.paths.create(position=position, text=f"Path {position}.")
    publish(long_text)
    search.rebuild()

    with django_assert_max_num_queries(25) as short_queries:
        page_of(client, short)
    with django_assert_max_num_queries(len(short_queries.captured_queries)):
        page_of(client, long)
