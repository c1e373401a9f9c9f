"""The review cycle: which classes are due for review, oldest first, and how a review without a new text restarts it."""

import datetime

import pytest

from classes import workflow
from classes.models import JobClass, Jurisdiction, Review, Version
from classes.workflow import WorkflowError

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)
# With a three-year cycle and 90 days' notice, a text last reviewed on or before this day is due.
CUTOFF = datetime.date(2023, 5, 30)


def day(text):
    return datetime.date.fromisoformat(text)


def due(today=TODAY, **options):
    return [
        (job_class.title, job_class.last_reviewed) for job_class in JobClass.objects.due_for_review(today, **options)
    ]


@pytest.fixture
def cycle(jurisdiction):
    """Tompkins County reviews each spec every three years."""
    jurisdiction.review_cycle_years = 3
    jurisdiction.save()
    return jurisdiction


@pytest.fixture
def adopted_class(make_class):
    """A class whose one version was adopted on `adopted_on` (None: the source gives no date)."""

    def make(title, adopted_on):
        job_class, _ = make_class(title, adopted_on=adopted_on and day(adopted_on))
        return job_class

    return make


def test_classes_due_are_listed_oldest_first_with_classes_never_dated_first(cycle, adopted_class):
    adopted_class("Typist", "2021-06-01")
    adopted_class("Account Clerk", "2020-01-01")
    adopted_class("Stenographer", None)
    adopted_class("Clerk", "2023-05-01")  # due within the notice window
    adopted_class("Payroll Clerk", "2023-07-01")  # due after the notice window: not yet listed
    adopted_class("Receptionist", "2025-01-01")

    assert due() == [
        ("Stenographer", None),
        ("Account Clerk", day("2020-01-01")),
        ("Typist", day("2021-06-01")),
        ("Clerk", day("2023-05-01")),
    ]


def test_the_notice_window_ends_on_the_day_the_cycle_runs_out_less_the_notice(cycle, adopted_class):
    adopted_class("Account Clerk", CUTOFF.isoformat())
    adopted_class("Typist", (CUTOFF + datetime.timedelta(days=1)).isoformat())

    assert due() == [("Account Clerk", CUTOFF)]
    assert due(notice_days=0) == []
    assert due(today=TODAY + datetime.timedelta(days=1)) == [
        ("Account Clerk", CUTOFF),
        ("Typist", CUTOFF + datetime.timedelta(days=1)),
    ]


def test_the_last_review_is_the_later_of_the_current_adoption_and_the_last_review_recorded(cycle, adopted_class):
    reviewed_since = adopted_class("Account Clerk", "2019-01-01")
    Review.objects.create(job_class=reviewed_since, reviewed_on=day("2021-02-01"))
    Review.objects.create(job_class=reviewed_since, reviewed_on=day("2020-02-01"))
    reviewed_before = adopted_class("Typist", "2020-06-01")
    Review.objects.create(job_class=reviewed_before, reviewed_on=day("2018-01-01"))
    reviewed_undated = adopted_class("Stenographer", None)
    Review.objects.create(job_class=reviewed_undated, reviewed_on=day("2022-09-09"))

    assert due() == [
        ("Typist", day("2020-06-01")),
        ("Account Clerk", day("2021-02-01")),
        ("Stenographer", day("2022-09-09")),
    ]


def test_a_superseded_texts_adoption_date_does_not_count(cycle, make_class, analyst):
    job_class, draft = make_class("Account Clerk", status="draft")
    workflow.adopt(workflow.propose(draft, by=analyst), by=analyst, adopted_on=day("2010-01-01"))
    revision = workflow.start_revision(job_class, by=analyst)
    workflow.adopt(workflow.propose(revision, by=analyst), by=analyst, adopted_on=day("2024-01-01"))

    assert due() == []
    assert due(today=day("2026-12-01")) == [("Account Clerk", day("2024-01-01"))]


def test_recording_a_review_restarts_the_cycle_without_a_new_version(cycle, adopted_class, analyst):
    job_class = adopted_class("Account Clerk", "2020-01-01")
    versions = list(Version.objects.values_list("pk", "status", "updated_at"))

    review = workflow.record_review(job_class, by=analyst, on=TODAY, note="Checked the duties; no change needed.")

    assert due() == []
    assert (review.job_class, review.reviewed_on, review.reviewed_by, review.note) == (
        job_class,
        TODAY,
        analyst,
        "Checked the duties; no change needed.",
    )
    assert list(Version.objects.values_list("pk", "status", "updated_at")) == versions
    assert due(today=day("2029-01-01")) == [("Account Clerk", TODAY)]


def test_a_review_recorded_without_a_date_is_dated_today(cycle, adopted_class, analyst):
    job_class = adopted_class("Account Clerk", "2020-01-01")

    review = workflow.record_review(job_class, by=analyst)

    assert review.reviewed_on == datetime.date.today()


def test_a_class_without_adopted_text_cannot_be_reviewed(cycle, make_class, analyst):
    job_class, _ = make_class("Account Clerk", status="draft")

    with pytest.raises(WorkflowError) as refusal:
        workflow.record_review(job_class, by=analyst, on=TODAY)

    assert str(refusal.value) == "Account Clerk has no adopted text to review."

    assert not Review.objects.exists()


def test_each_jurisdiction_is_due_by_its_own_cycle_and_one_without_a_cycle_never(cycle, adopted_class, make_class):
    adopted_class("Account Clerk", "2021-06-01")  # three years: due
    five_years = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county", review_cycle_years=5)
    no_cycle = Jurisdiction.objects.create(name="Wayne County", slug="wayne-county")
    for jurisdiction, adopted_on in [(five_years, "2021-06-01"), (five_years, "2020-06-01"), (no_cycle, "1990-01-01")]:
        job_class = JobClass.objects.create(
            jurisdiction=jurisdiction, title=f"Typist {adopted_on[:4]}", slug=f"typist-{adopted_on[:4]}"
        )
        Version.objects.create(
            job_class=job_class, number=1, status="adopted", title=job_class.title, adopted_on=day(adopted_on)
        )
    undated = JobClass.objects.create(jurisdiction=no_cycle, title="Stenographer", slug="stenographer")
    Version.objects.create(job_class=undated, number=1, status="adopted", title="Stenographer")

    assert due() == [("Typist 2020", day("2020-06-01")), ("Account Clerk", day("2021-06-01"))]


def test_no_class_is_due_where_no_jurisdiction_sets_a_cycle(adopted_class):
    adopted_class("Account Clerk", "1990-01-01")
    adopted_class("Typist", None)

    assert due() == []


def test_abolished_classes_and_classes_without_adopted_text_are_never_due(cycle, adopted_class, make_class, analyst):
    abolished = adopted_class("Account Clerk", "2010-01-01")
    workflow.abolish(abolished, on=day("2020-01-01"), by=analyst)
    make_class("Typist", status="draft")
    make_class("Stenographer", status="proposed")

    assert due() == []
