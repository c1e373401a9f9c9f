"""Every admin page opens; a draft saves unchanged through the admin; adopted text is shown read-only to all."""

import datetime

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from classes import workflow
from classes.models import ClassDueForReview, Duty, JobClass, Jurisdiction, Meeting, Occupation, Review, Version
from qualifications.models import Path
from tests.forms import form_data

pytestmark = pytest.mark.django_db

CATALOGUE_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in {"classes", "qualifications"}),
    key=lambda model: model._meta.label,
)
# Records kept as they were made, and O*NET's occupations: listed and read in the admin, never edited there.
READ_ONLY_MODELS = {Review, ClassDueForReview, Occupation}
PARTS = ("duties", "ksas", "competencies", "other_sections", "special_requirements", "paths", "substitutions")


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def catalogue(seeds, superuser):
    """The seeds, each with a draft revision, and a meeting, a review and a review cycle, so every list has rows."""
    for job_class in JobClass.objects.all():
        workflow.start_revision(job_class, by=superuser)
    jurisdiction = Jurisdiction.objects.get(slug="cayuga-county")
    jurisdiction.review_cycle_years = 3
    jurisdiction.save()
    Meeting.objects.create(jurisdiction=jurisdiction, date=datetime.date(2026, 3, 4), minutes_reference="Res. 2026-9")
    workflow.record_review(jurisdiction.classes.first(), by=superuser, on=datetime.date(2020, 1, 6))


def samples(model):
    """A few objects of each model: drafts and adopted texts alike where the model is part of a text."""
    if model is Version:
        return [*Version.objects.filter(status="draft")[:2], *Version.objects.filter(status="adopted")[:2]]
    if model is Path:
        return [*Path.objects.filter(version__status="draft")[:2], *Path.objects.filter(version__status="adopted")[:2]]
    if model is ClassDueForReview:
        return list(ClassDueForReview.objects.due_for_review(timezone.localdate())[:2])
    return list(model._default_manager.all()[:3])


def editable(obj):
    if type(obj) in READ_ONLY_MODELS:
        return False
    if isinstance(obj, Version | Path):
        version = obj if isinstance(obj, Version) else obj.version
        return version.status == "draft"
    return True


def stored(obj):
    """The object's row and, for a text, its parts: what a refused save must leave as it was."""
    row = model_to_dict(type(obj)._default_manager.get(pk=obj.pk))
    if isinstance(obj, Version):
        row["parts"] = {part: list(getattr(obj, part).values()) for part in PARTS}
    return row


@pytest.mark.parametrize("model", CATALOGUE_MODELS, ids=lambda model: model._meta.label)
def test_a_superuser_opens_every_admin_page_saves_drafts_unchanged_and_sees_adopted_text_read_only(
    superuser_client, catalogue, model
):
    assert superuser_client.get(admin_url(model, "changelist")).status_code == 200
    assert superuser_client.get(admin_url(model, "changelist"), {"q": "social"}).status_code == 200
    assert superuser_client.get(admin_url(model, "add")).status_code == (403 if model in READ_ONLY_MODELS else 200)
    objects = samples(model)
    assert objects, f"the catalogue holds no {model._meta.verbose_name}"
    for obj in objects:
        url = admin_url(model, "change", obj.pk)
        page = superuser_client.get(url)
        assert page.status_code == 200
        assert superuser_client.get(admin_url(model, "history", obj.pk)).status_code == 200
        if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
            for record in obj.audit_trail.all()[:1]:
                past = superuser_client.get(admin_url(model, "simple_history", obj.pk, record.history_id))
                assert past.status_code == 200
        data = form_data(page.content.decode(), f"{model._meta.model_name}_form")
        before = stored(obj)

        saved = superuser_client.post(url, data)

        if editable(obj):
            assert saved.status_code == 302, saved.context["errors"] if saved.context else saved
        else:
            assert saved.status_code == 403
            assert stored(obj) == before


@pytest.mark.parametrize("seed", range(5))
def test_an_analyst_saves_a_draft_revision_of_each_seed_unchanged(analyst_client, analyst, seeds, seed):
    job_class = JobClass.objects.order_by("pk")[seed]
    draft = workflow.start_revision(job_class, by=analyst)
    before = {part: list(getattr(draft, part).values()) for part in PARTS}
    url = admin_url(Version, "change", draft.pk)

    response = analyst_client.post(url, form_data(analyst_client.get(url).content.decode(), "version_form"))

    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    assert {part: list(getattr(draft, part).values()) for part in PARTS} == before


def test_an_adopted_version_shows_no_field_to_edit_and_says_why(superuser_client, seeds):
    version = Version.objects.get(pk=3)

    page = superuser_client.get(admin_url(Version, "change", version.pk)).content.decode()

    assert "a public record that can never change" in page
    assert 'name="title"' not in page
    assert 'name="duties-0-text"' not in page
    assert 'value="Save"' not in page


def test_deleting_an_adopted_version_from_the_list_is_refused(superuser_client, seeds):
    response = superuser_client.post(
        admin_url(Version, "changelist"), {"action": "delete_selected", "_selected_action": ["3"], "post": "yes"}
    )

    assert response.status_code == 403
    assert Version.objects.filter(pk=3).exists()


def test_the_version_list_filters_by_jurisdiction_status_class_and_department(analyst_client, seeds):
    url = admin_url(Version, "changelist")
    for query in (
        {"job_class__jurisdiction__id__exact": 3},
        {"status__exact": "adopted"},
        {"jurisdictional_class__exact": "competitive"},
        {"department__id__exact": 3},
    ):
        response = analyst_client.get(url, query)
        assert response.status_code == 200
        assert "CHILD SUPPORT ENFORCEMENT COORDINATOR" in response.content.decode()


@pytest.fixture
def seed_draft(seeds, analyst):
    """A draft revision of seed 002 (15 duties)."""
    return workflow.start_revision(Version.objects.get(pk=3).job_class, by=analyst)


def test_an_analyst_swaps_two_duties_in_one_save(analyst_client, seed_draft):
    first, second = seed_draft.duties.all()[:2]
    url = admin_url(Version, "change", seed_draft.pk)
    data = form_data(analyst_client.get(url).content.decode(), "version_form")
    data["duties-0-position"], data["duties-1-position"] = ["2"], ["1"]

    response = analyst_client.post(url, data)

    assert response.status_code == 302
    assert Duty.objects.get(pk=first.pk).position == 2
    assert Duty.objects.get(pk=second.pk).position == 1


def test_two_duties_given_one_position_get_a_clear_message_and_nothing_changes(analyst_client, seed_draft):
    url = admin_url(Version, "change", seed_draft.pk)
    data = form_data(analyst_client.get(url).content.decode(), "version_form")
    data["duties-1-position"] = data["duties-0-position"]

    response = analyst_client.post(url, data)

    assert response.status_code == 200
    assert "Two items have position 1." in response.content.decode()
    assert list(seed_draft.duties.values_list("position", flat=True)) == list(range(1, 16))


def test_an_analyst_adds_a_duty_at_the_top_by_renumbering(analyst_client, make_class):
    _, version = make_class("Account Clerk", status="draft")
    version.duties.create(position=1, text="Files records;")
    url = admin_url(Version, "change", version.pk)
    data = form_data(analyst_client.get(url).content.decode(), "version_form")
    data["duties-0-position"] = ["2"]
    data["duties-TOTAL_FORMS"] = ["2"]
    data.update(
        {"duties-1-position": ["1"], "duties-1-text": ["Types letters;"], "duties-1-version": [str(version.pk)]}
    )

    assert analyst_client.post(url, data).status_code == 302
    assert list(version.duties.values_list("text", flat=True)) == ["Types letters;", "Files records;"]


def test_a_path_cannot_be_added_to_an_adopted_version(superuser_client, seeds):
    data = {"version": ["3"], "position": ["99"], "kind": ["open_competitive"], "text": ["Anything."]}
    data.update({f"titles-{key}": ["0"] for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")})
    data["titles-MAX_NUM_FORMS"] = ["1000"]

    response = superuser_client.post(admin_url(Path, "add"), data)

    assert response.status_code == 200
    assert "paths are added to drafts only" in response.content.decode()
    assert not Path.objects.filter(version=3, position=99).exists()


def test_a_new_class_goes_on_to_its_first_draft_numbered_1(analyst_client, jurisdiction):
    response = analyst_client.post(
        admin_url(JobClass, "add"),
        {
            "jurisdiction": [str(jurisdiction.pk)],
            "title": ["Records Clerk"],
            "slug": ["records-clerk"],
            "code": ["R-12"],
            **{
                f"{prefix}-{key}": ["0"]
                for prefix in ("versions", "history")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    job_class = JobClass.objects.get(slug="records-clerk")
    assert response.status_code == 302
    assert response["Location"].startswith(admin_url(Version, "add"))

    page = analyst_client.get(response["Location"])
    data = form_data(page.content.decode(), "version_form")
    assert data["job_class"] == [str(job_class.pk)] and data["title"] == ["Records Clerk"] and data["code"] == ["R-12"]
    assert analyst_client.post(admin_url(Version, "add"), data).status_code == 302

    draft = job_class.versions.get()
    assert (draft.number, draft.status, draft.updated_by.username) == (1, "draft", "analyst")


def test_a_class_with_a_text_gets_no_second_blank_version(analyst_client, seeds):
    page = analyst_client.get(admin_url(Version, "add"))
    data = form_data(page.content.decode(), "version_form")
    data.update({"job_class": ["3"], "title": ["ANOTHER TEXT"]})

    response = analyst_client.post(admin_url(Version, "add"), data)

    assert response.status_code == 200
    assert "already has a text" in response.content.decode()
    assert Version.objects.filter(job_class=3).count() == 1


def test_a_class_title_and_code_are_read_only_once_it_has_adopted_text(analyst_client, seeds, make_class):
    adopted = JobClass.objects.get(pk=3)
    fresh, _ = make_class("Account Clerk", status="draft")

    adopted_page = analyst_client.get(admin_url(JobClass, "change", adopted.pk)).content.decode()
    fresh_page = analyst_client.get(admin_url(JobClass, "change", fresh.pk)).content.decode()

    assert 'name="title"' not in adopted_page and 'name="code"' not in adopted_page
    assert 'name="title"' in fresh_page and 'name="code"' in fresh_page
    assert 'name="abolished_on"' not in adopted_page + fresh_page
