"""An HR analyst (staff, not superuser) can reach and save every part of a spec through the admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from classes.models import Duty, JobClass, SearchDocument, Version
from tests.forms import form_data

pytestmark = pytest.mark.django_db

CATALOGUE_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in {"classes", "qualifications"}),
    key=lambda model: model._meta.label,
)


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.mark.parametrize("model", CATALOGUE_MODELS, ids=lambda model: model._meta.label)
def test_an_analyst_opens_lists_and_saves_every_admin_model_unchanged(analyst_client, seeds, model):
    assert analyst_client.get(admin_url(model, "changelist")).status_code == 200
    assert analyst_client.get(admin_url(model, "changelist"), {"q": "social"}).status_code == 200
    assert analyst_client.get(admin_url(model, "add")).status_code == 200
    objects = model._default_manager.all()[:3]
    assert objects, f"the seeds hold no {model._meta.verbose_name}"
    for obj in objects:
        url = admin_url(model, "change", obj.pk)
        page = analyst_client.get(url)
        assert page.status_code == 200
        saved = analyst_client.post(url, form_data(page.content.decode(), f"{model._meta.model_name}_form"))
        assert saved.status_code == 302, saved.context["errors"] if saved.context else saved


@pytest.mark.parametrize("version_pk", [1, 2, 3, 4, 5])
def test_an_analyst_saves_a_seed_version_unchanged(analyst_client, seeds, version_pk):
    version = Version.objects.get(pk=version_pk)
    before = {part: list(getattr(version, part).values()) for part in ("duties", "ksas", "paths", "other_sections")}
    url = admin_url(Version, "change", version.pk)

    response = analyst_client.post(url, form_data(analyst_client.get(url).content.decode(), "version_form"))

    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    version.refresh_from_db()
    assert {part: list(getattr(version, part).values()) for part in before} == before


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


def test_an_analyst_swaps_two_duties_in_one_save(analyst_client, seeds):
    version = Version.objects.get(pk=3)
    first, second = version.duties.all()[:2]
    url = admin_url(Version, "change", version.pk)
    data = form_data(analyst_client.get(url).content.decode(), "version_form")
    data["duties-0-position"], data["duties-1-position"] = ["2"], ["1"]

    response = analyst_client.post(url, data)

    assert response.status_code == 302
    assert Duty.objects.get(pk=first.pk).position == 2
    assert Duty.objects.get(pk=second.pk).position == 1


def test_two_duties_given_one_position_get_a_clear_message_and_nothing_changes(analyst_client, seeds):
    version = Version.objects.get(pk=3)
    url = admin_url(Version, "change", version.pk)
    data = form_data(analyst_client.get(url).content.decode(), "version_form")
    data["duties-1-position"] = data["duties-0-position"]

    response = analyst_client.post(url, data)

    assert response.status_code == 200
    assert "Two items have position 1." in response.content.decode()
    assert list(version.duties.values_list("position", flat=True)) == list(range(1, 16))


def test_an_analyst_adds_a_duty_at_the_top_by_renumbering(analyst_client, make_class):
    _, version = make_class("Account Clerk")
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


def test_abolishing_a_class_in_the_admin_takes_it_out_of_search(analyst_client, seeds):
    job_class = JobClass.objects.get(slug="customer-support-coordinator")
    url = admin_url(JobClass, "change", job_class.pk)
    data = form_data(analyst_client.get(url).content.decode(), "jobclass_form")
    data["abolished_on"] = ["2026-01-01"]

    assert analyst_client.post(url, data).status_code == 302
    assert not SearchDocument.objects.filter(job_class=job_class).exists()
