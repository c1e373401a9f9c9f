"""The life of a spec: a draft is proposed, adopted and later superseded; revisions copy the whole text."""

import datetime

import pytest
from django.template.loader import render_to_string

from classes import search, workflow
from classes.immutability import GuardedPart
from classes.models import JobClass, Jurisdiction, Meeting, Version
from classes.workflow import WorkflowError
from qualifications.models import Path, TimeInTitle
from tests.pagetext import page_text

pytestmark = pytest.mark.django_db

SEED_TITLES = [
    "WELFARE MANAGEMENT SYSTEMS COORDINATOR",
    "Case Management Coordinator I",
    "CHILD SUPPORT ENFORCEMENT COORDINATOR",
    "EMPLOYMENT CASE MANAGER",
    "CUSTOMER SUPPORT COORDINATOR",
]
HISTORY_HEADING = "Adoption and revision history"
# A new draft is a new text: these are its own, everything else comes from its source.
A_DRAFTS_OWN = {"id", "number", "status", "adopted_on", "adoption_reference", "meeting_id"}
A_DRAFTS_OWN |= {"created_at", "updated_at", "updated_by_id", "proposed_by_id", "lock_version"}


@pytest.fixture
def meeting(jurisdiction):
    return Meeting.objects.create(jurisdiction=jurisdiction, date=datetime.date(2026, 3, 4), minutes_reference="CSM")


@pytest.fixture
def clerk(make_class, analyst):
    """Account Clerk, code 0101: version 1 adopted on June 1, 2015 with one duty."""
    job_class, draft = make_class("Account Clerk", status="draft", code="0101")
    draft.duties.create(position=1, text="Keeps the ledger;")
    workflow.propose(draft, by=analyst)
    workflow.adopt(draft, by=analyst, adopted_on=datetime.date(2015, 6, 1), reference="Res. 2015-9")
    job_class.refresh_from_db()
    return job_class


def revise(job_class, analyst, **changes):
    """Start a new draft of the class and change its header facts."""
    draft = workflow.start_revision(job_class, by=analyst)
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save()
    return draft


def refusal(step, *args, **kwargs):
    """The message of the WorkflowError the step raises."""
    with pytest.raises(WorkflowError) as raised:
        step(*args, **kwargs)
    return str(raised.value)


def statuses(job_class):
    return dict(job_class.versions.order_by("number").values_list("number", "status"))


def rendered(version):
    """The spec's text as a reader sees it."""
    version = Version.objects.for_display().get(pk=version.pk)
    return page_text(render_to_string("includes/spec.html", {"version": version}), root_tag="article")


# The lifecycle


def test_a_draft_is_proposed_then_adopted_and_superseded_by_the_next_adopted_version(clerk, analyst, meeting):
    assert statuses(clerk) == {1: "adopted"}

    draft = revise(clerk, analyst, salary_grade="9")
    assert statuses(clerk) == {1: "adopted", 2: "draft"}

    proposed = workflow.propose(draft, by=analyst, meeting=meeting)
    assert proposed.status == "proposed"
    assert statuses(clerk) == {1: "adopted", 2: "proposed"}

    adopted = workflow.adopt(proposed, by=analyst)
    assert adopted.status == "adopted"
    assert statuses(clerk) == {1: "superseded", 2: "adopted"}
    assert clerk.versions.current().get().salary_grade == "9"


def test_a_proposed_version_can_be_returned_to_draft_edited_and_proposed_again(clerk, analyst):
    proposed = workflow.propose(revise(clerk, analyst), by=analyst)

    returned = workflow.return_to_draft(proposed, by=analyst)
    assert returned.status == "draft"
    returned.salary_grade = "10"
    returned.save()
    workflow.propose(returned, by=analyst)

    assert statuses(clerk) == {1: "adopted", 2: "proposed"}
    assert clerk.versions.get(number=2).salary_grade == "10"


def test_adopting_at_a_meeting_records_its_date_and_minutes_reference(clerk, analyst, meeting):
    proposed = workflow.propose(revise(clerk, analyst), by=analyst, meeting=meeting)

    workflow.adopt(proposed, by=analyst)

    adopted = clerk.versions.current().get()
    assert (adopted.number, adopted.adopted_on, adopted.meeting, adopted.adoption_reference) == (
        2,
        datetime.date(2026, 3, 4),
        meeting,
        "CSM",
    )
    assert adopted.updated_by == analyst


def test_a_date_and_reference_given_at_adoption_are_recorded_instead_of_the_meetings(clerk, analyst, meeting):
    proposed = workflow.propose(revise(clerk, analyst), by=analyst, meeting=meeting)

    workflow.adopt(proposed, by=analyst, adopted_on=datetime.date(2026, 3, 5), reference="Res. 2026-14")

    adopted = clerk.versions.current().get()
    assert (adopted.adopted_on, adopted.meeting, adopted.adoption_reference) == (
        datetime.date(2026, 3, 5),
        meeting,
        "Res. 2026-14",
    )


def test_adoption_without_a_meeting_needs_a_date(clerk, analyst):
    proposed = workflow.propose(revise(clerk, analyst), by=analyst)

    assert refusal(workflow.adopt, proposed, by=analyst) == (
        "Adoption needs a date: choose the meeting, or give the date of adoption."
    )

    assert statuses(clerk) == {1: "adopted", 2: "proposed"}


def test_adopting_a_retitled_revision_gives_the_class_its_new_title_and_code(clerk, analyst):
    proposed = workflow.propose(revise(clerk, analyst, title="Senior Account Clerk", code="0102"), by=analyst)

    workflow.adopt(proposed, by=analyst, adopted_on=datetime.date(2026, 3, 4))

    clerk.refresh_from_db()
    assert (clerk.title, clerk.code, clerk.slug) == ("Senior Account Clerk", "0102", "account-clerk")
    assert [v.title for v in clerk.versions.order_by("number")] == ["Account Clerk", "Senior Account Clerk"]


def test_a_revision_cannot_adopt_a_code_another_class_of_the_jurisdiction_holds(clerk, analyst, jurisdiction):
    JobClass.objects.create(jurisdiction=jurisdiction, title="Typist", slug="typist", code="0102")
    proposed = workflow.propose(revise(clerk, analyst, code="0102"), by=analyst)

    assert refusal(workflow.adopt, proposed, by=analyst, adopted_on=datetime.date(2026, 3, 4)) == (
        "Class code 0102 already belongs to Typist; choose another code."
    )

    clerk.refresh_from_db()
    assert clerk.code == "0101"
    assert statuses(clerk) == {1: "adopted", 2: "proposed"}


def test_abolishing_a_class_takes_it_out_of_the_catalogue_and_search_while_its_texts_stay_public(
    clerk, analyst, client
):
    workflow.adopt(
        workflow.propose(revise(clerk, analyst), by=analyst), by=analyst, adopted_on=datetime.date(2026, 3, 4)
    )
    assert list(search.apply(JobClass.objects.current(), "ledger")) == [clerk]

    workflow.abolish(clerk, on=datetime.date(2026, 6, 1), by=analyst)

    assert clerk.abolished_on == datetime.date(2026, 6, 1)
    assert not JobClass.objects.current().exists()
    assert not search.apply(JobClass.objects.current(), "ledger").exists()
    assert not search.apply(JobClass.objects.all(), "ledger").exists()
    assert list(Version.objects.public().filter(job_class=clerk).values_list("number", "status")) == [
        (2, "adopted"),
        (1, "superseded"),
    ]
    assert client.get("/classes/tompkins-county/account-clerk/versions/1/").status_code == 200
    assert client.get("/classes/tompkins-county/account-clerk/versions/2/").status_code == 200


def test_a_class_cannot_be_abolished_twice(clerk, analyst):
    workflow.abolish(clerk, on=datetime.date(2026, 6, 1), by=analyst)

    stale = JobClass.objects.get(pk=clerk.pk)
    stale.abolished_on = None
    assert refusal(workflow.abolish, stale, on=datetime.date(2026, 7, 1), by=analyst) == (
        "Account Clerk was already abolished on June 1, 2026."
    )

    clerk.refresh_from_db()
    assert clerk.abolished_on == datetime.date(2026, 6, 1)


@pytest.mark.parametrize("open_status", ["draft", "proposed"])
def test_a_class_has_at_most_one_open_draft_or_proposed_version(clerk, analyst, open_status):
    draft = revise(clerk, analyst)
    if open_status == "proposed":
        workflow.propose(draft, by=analyst)

    assert refusal(workflow.start_revision, clerk, by=analyst) == (
        f"Account Clerk already has version 2 {open_status}; finish or return it before starting another."
    )
    assert statuses(clerk) == {1: "adopted", 2: open_status}


def test_a_revision_needs_an_adopted_version_to_start_from(jurisdiction, analyst):
    job_class = JobClass.objects.create(jurisdiction=jurisdiction, title="Typist", slug="typist")

    assert refusal(workflow.start_revision, job_class, by=analyst) == (
        "Typist has no adopted version to start a revision from."
    )


@pytest.mark.parametrize(
    "step, status, message",
    [
        ("propose", "proposed", "Only a draft version can be proposed; version 2 of Account Clerk is proposed."),
        ("propose", "adopted", "Only a draft version can be proposed; version 2 of Account Clerk is adopted."),
        ("propose", "superseded", "Only a draft version can be proposed; version 2 of Account Clerk is superseded."),
        (
            "return_to_draft",
            "draft",
            "Only a proposed version can be returned to draft; version 2 of Account Clerk is draft.",
        ),
        (
            "return_to_draft",
            "adopted",
            "Only a proposed version can be returned to draft; version 2 of Account Clerk is adopted.",
        ),
        ("adopt", "draft", "Only a proposed version can be adopted; version 2 of Account Clerk is draft."),
        ("adopt", "adopted", "Only a proposed version can be adopted; version 2 of Account Clerk is adopted."),
        ("adopt", "superseded", "Only a proposed version can be adopted; version 2 of Account Clerk is superseded."),
    ],
)
def test_a_step_from_the_wrong_status_is_refused_with_a_clear_message(clerk, analyst, step, status, message):
    version = revise(clerk, analyst)
    if status != "draft":
        workflow.propose(version, by=analyst)
    if status in {"adopted", "superseded"}:
        workflow.adopt(version, by=analyst, adopted_on=datetime.date(2026, 3, 4))
    if status == "superseded":
        workflow.adopt(
            workflow.propose(revise(clerk, analyst), by=analyst), by=analyst, adopted_on=datetime.date(2027, 1, 5)
        )
    before = statuses(clerk)
    arguments = {"adopted_on": datetime.date(2028, 1, 1)} if step == "adopt" else {}

    assert refusal(getattr(workflow, step), version, by=analyst, **arguments) == message
    assert statuses(clerk) == before


def test_a_step_reads_the_status_stored_not_a_stale_copy(clerk, analyst):
    draft = revise(clerk, analyst)
    stale = Version.objects.get(pk=draft.pk)
    workflow.propose(draft, by=analyst)

    assert refusal(workflow.propose, stale, by=analyst) == (
        "Only a draft version can be proposed; version 2 of Account Clerk is proposed."
    )


def test_proposing_writes_only_the_status_and_never_undoes_an_edit_saved_meanwhile(clerk, analyst):
    draft = revise(clerk, analyst)
    stale = Version.objects.get(pk=draft.pk)
    draft.distinguishing_features = "Saved by another analyst after the copy was loaded."
    draft.save()

    proposed = workflow.propose(stale, by=analyst)

    assert proposed.distinguishing_features == "Saved by another analyst after the copy was loaded."
    assert Version.objects.get(pk=draft.pk).distinguishing_features == proposed.distinguishing_features


def test_proposing_or_adopting_at_another_jurisdictions_meeting_is_refused(clerk, analyst):
    seneca = Jurisdiction.objects.create(name="Seneca County", slug="seneca-county")
    elsewhere = Meeting.objects.create(jurisdiction=seneca, date=datetime.date(2026, 3, 4))
    draft = revise(clerk, analyst)
    message = "Seneca County: regular meeting of March 4, 2026 is not a meeting of Tompkins County."

    assert refusal(workflow.propose, draft, by=analyst, meeting=elsewhere) == message
    assert Version.objects.get(pk=draft.pk).status == "draft"

    workflow.propose(draft, by=analyst)
    assert refusal(workflow.adopt, draft, by=analyst, meeting=elsewhere) == message
    assert statuses(clerk) == {1: "adopted", 2: "proposed"}


# A revision is a deep copy of the adopted text


def stored_parts(version):
    """Every part of the version, as stored, without keys: one list per kind of part, in order.

    The kinds are read from the models, so a kind of part added later is compared too.
    """
    parts = {}
    for relation in Version._meta.related_objects:
        if issubclass(relation.related_model, GuardedPart):
            rows = relation.related_model.objects.filter(version=version).order_by("position").values()
            parts[relation.name] = [{k: v for k, v in row.items() if k not in {"id", "version_id"}} for row in rows]
    parts["titles"] = [
        {k: v for k, v in row.items() if k not in {"id", "path_id"}}
        for row in TimeInTitle.objects.filter(path__version=version)
        .order_by("path__position", "position")
        .values("path__position", "position", "title", "years", "job_class_id")
    ]
    return parts


def header_facts(version):
    row = Version.objects.filter(pk=version.pk).values().get()
    return {name: value for name, value in row.items() if name not in A_DRAFTS_OWN}


def split_history(text):
    """The spec's text before its history block, and the block itself."""
    before, heading, history = text.partition(HISTORY_HEADING)
    assert heading, "the spec prints its history"
    return before, history


def adoption_line(version):
    """The history block's last line, the only one a draft cannot share with its adopted source."""
    if not version.adopted_on:
        return "The source gives no adoption date for this text"
    reference = f" ({version.adoption_reference})" if version.adoption_reference else ""
    return f"This text adopted {version.adopted_on.month}/{version.adopted_on.day}/{version.adopted_on.year}{reference}"


@pytest.mark.parametrize("title", SEED_TITLES)
def test_a_revision_of_each_seed_copies_every_part_and_structured_fact(seeds, analyst, title):
    job_class = JobClass.objects.get(title=title)
    source = job_class.versions.current().get()
    source_parts = stored_parts(source)

    draft = workflow.start_revision(job_class, by=analyst)

    assert (draft.number, draft.status, draft.adopted_on, draft.adoption_reference, draft.meeting) == (
        source.number + 1,
        "draft",
        None,
        "",
        None,
    )
    assert draft.updated_by == analyst
    assert header_facts(draft) == header_facts(source)
    assert stored_parts(draft) == source_parts
    assert sum(len(rows) for rows in source_parts.values()) > 10
    assert stored_parts(source) == source_parts
    assert not Path.objects.filter(version=draft).filter(pk__in=Path.objects.filter(version=source)).exists()


@pytest.mark.parametrize("title", SEED_TITLES)
def test_a_revision_of_each_seed_reads_exactly_as_its_source_apart_from_the_adoption_line(seeds, analyst, title):
    job_class = JobClass.objects.get(title=title)
    source = job_class.versions.current().get()

    draft = workflow.start_revision(job_class, by=analyst)

    source_text, draft_text = rendered(source), rendered(draft)
    source_before, source_history = split_history(source_text)
    draft_before, draft_history = split_history(draft_text)
    assert draft_before == source_before
    assert len(draft_before) > 1000
    # The history block lists the class's dated events, then when this text was adopted: a draft was not, and its
    # source's adoption is listed as that of another version.
    assert source_history.endswith(adoption_line(source))
    assert draft_history.endswith("This text has not been adopted")
    source_as_another = source_history.replace("This text adopted", f"Version {source.number} adopted")
    if not source.adopted_on:
        source_as_another = source_history.removesuffix(adoption_line(source)).strip()
    assert draft_history.removesuffix("This text has not been adopted").strip() == source_as_another.strip()


@pytest.mark.parametrize("title", SEED_TITLES)
def test_changing_a_revision_leaves_its_source_untouched(seeds, analyst, title):
    job_class = JobClass.objects.get(title=title)
    source = job_class.versions.current().get()
    text, facts, parts = rendered(source), header_facts(source), stored_parts(source)

    draft = revise(job_class, analyst, title=f"SENIOR {title}", salary_grade="14")
    duty = draft.duties.first()
    duty.text = "Supervises the unit;"
    duty.save()
    draft.ksas.last().delete()
    draft.definitions.update(text="Redefined.")
    draft.competencies.update(description="Redescribed.")
    draft.other_sections.update(text="Rewritten.", layout="paragraphs")
    draft.substitutions.update(cap_years=4)
    draft.paths.filter(kind="open_competitive").update(experience_years=7)
    TimeInTitle.objects.filter(path__version=draft).update(years=5)
    draft.special_requirements.all().delete()
    draft.duties.create(position=99, text="A new duty;")

    assert rendered(source) == text
    assert header_facts(source) == facts
    assert stored_parts(source) == parts
    assert rendered(draft) != text


def test_a_revision_keeps_the_links_of_promotional_titles_to_catalogue_classes(clerk, analyst, jurisdiction):
    typist = JobClass.objects.create(jurisdiction=jurisdiction, title="Typist", slug="typist")
    draft = revise(clerk, analyst)
    path = draft.paths.create(position=1, kind="promotional", text="One year as Typist or Clerk.")
    path.titles.create(position=1, title="Typist", years=1, job_class=typist)
    path.titles.create(position=2, title="Clerk", years="1.5")
    workflow.adopt(workflow.propose(draft, by=analyst), by=analyst, adopted_on=datetime.date(2026, 3, 4))

    revision = workflow.start_revision(clerk, by=analyst)

    titles = TimeInTitle.objects.filter(path__version=revision).order_by("position")
    assert [(t.title, t.years, t.job_class) for t in titles] == [
        ("Typist", 1, typist),
        ("Clerk", pytest.approx(1.5), None),
    ]
    assert list(typist.promotes_to.values_list("path__version__number", flat=True).order_by("pk")) == [2, 3]


# Adoption is one transaction


def test_a_failure_while_indexing_leaves_the_previous_version_in_force_and_the_proposal_proposed(
    clerk, analyst, monkeypatch
):
    proposed = workflow.propose(revise(clerk, analyst, title="Senior Account Clerk"), by=analyst)

    def broken(job_class_ids):
        raise RuntimeError("the search index is unavailable")

    monkeypatch.setattr(search, "index_classes", broken)
    with pytest.raises(RuntimeError, match="the search index is unavailable"):
        workflow.adopt(proposed, by=analyst, adopted_on=datetime.date(2026, 3, 4))

    assert statuses(clerk) == {1: "adopted", 2: "proposed"}
    assert Version.objects.get(pk=proposed.pk).adopted_on is None
    clerk.refresh_from_db()
    assert clerk.title == "Account Clerk"
    assert proposed.status == "proposed"


def test_a_failure_saving_the_new_version_after_the_old_was_superseded_undoes_the_superseding(
    clerk, analyst, monkeypatch
):
    proposed = workflow.propose(revise(clerk, analyst), by=analyst)
    save = Version.save
    seen = []

    def failing_save(self, *args, **kwargs):
        seen.append((self.number, self.status))
        if self.pk == proposed.pk and self.status == "adopted":
            raise RuntimeError("the database went away")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Version, "save", failing_save)
    with pytest.raises(RuntimeError, match="the database went away"):
        workflow.adopt(proposed, by=analyst, adopted_on=datetime.date(2026, 3, 4))

    assert seen == [(1, "superseded"), (2, "adopted")]  # the old version was superseded first
    assert statuses(clerk) == {1: "adopted", 2: "proposed"}
    assert Version.objects.current().get(job_class=clerk).number == 1


@pytest.fixture
def two_proposals(make_class, analyst, meeting):
    """Account Clerk and Typist, each adopted once and with a revision proposed to the meeting."""
    classes = []
    for title in ["Account Clerk", "Typist"]:
        job_class, draft = make_class(title, status="draft")
        workflow.adopt(workflow.propose(draft, by=analyst), by=analyst, adopted_on=datetime.date(2015, 6, 1))
        workflow.propose(revise(job_class, analyst, salary_grade="9"), by=analyst, meeting=meeting)
        classes.append(job_class)
    return classes


def test_adopting_a_meeting_adopts_every_version_proposed_to_it(two_proposals, analyst, meeting, make_class):
    _, elsewhere = make_class("Stenographer", status="draft")
    workflow.propose(elsewhere, by=analyst)

    adopted = workflow.adopt_meeting(meeting, by=analyst)

    assert [(v.title, v.number, v.status, v.adopted_on) for v in adopted] == [
        ("Account Clerk", 2, "adopted", datetime.date(2026, 3, 4)),
        ("Typist", 2, "adopted", datetime.date(2026, 3, 4)),
    ]
    for job_class in two_proposals:
        assert statuses(job_class) == {1: "superseded", 2: "adopted"}
    assert Version.objects.get(pk=elsewhere.pk).status == "proposed"


def test_adopting_a_meeting_is_all_or_none(two_proposals, analyst, meeting, make_class):
    # The second proposal takes a code another class holds: its adoption fails after the first one's.
    holder, _ = make_class("Stenographer")
    JobClass.objects.filter(pk=holder.pk).update(code="7001")
    typist = two_proposals[1]
    Version.objects.filter(job_class=typist, status="proposed").update(code="7001")

    with pytest.raises(workflow.WorkflowError, match="7001"):
        workflow.adopt_meeting(meeting, by=analyst)

    for job_class in two_proposals:
        assert statuses(job_class) == {1: "adopted", 2: "proposed"}
        assert job_class.versions.get(number=1).adopted_on == datetime.date(2015, 6, 1)
