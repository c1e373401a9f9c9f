"""The version editor without JavaScript: a row added with no position goes last, positions are never typed, and
each part's heading counts its rows."""

import pytest
from django.urls import reverse

from classes import workflow
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_class, superuser):
    _, first = make_class("Account Clerk", status="draft")
    for position, text in enumerate(["Good knowledge of bookkeeping;", "Ability to add figures;"], start=1):
        first.ksas.create(position=position * 10, text=text, kind="knowledge")
    return first


def test_a_ksa_added_without_a_position_is_saved_last(analyst_client, draft):
    address = reverse("admin:classes_version_change", args=[draft.pk])
    data = form_data(analyst_client.get(address).content.decode(), "version_form")
    total = int(data["ksas-TOTAL_FORMS"][0])
    data.update({f"ksas-{total}-text": ["Tact;"], f"ksas-{total}-kind": ["personal_characteristic"]})
    data["ksas-TOTAL_FORMS"] = [str(total + 1)]
    data["_continue"] = ["Save and continue editing"]

    response = analyst_client.post(address, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(draft.ksas.order_by("position").values_list("text", flat=True)) == [
        "Good knowledge of bookkeeping;",
        "Ability to add figures;",
        "Tact;",
    ]
    assert draft.ksas.get(text="Tact;").position == 21


def test_positions_are_hidden_and_each_part_counts_its_rows(analyst_client, draft):
    page = analyst_client.get(reverse("admin:classes_version_change", args=[draft.pk])).content.decode()

    assert 'type="hidden" name="ksas-0-position"' in page
    assert "Knowledges, skills, abilities and personal characteristics (2)" in page
    assert "Duties (0)" in page


def test_a_proposed_versions_parts_stay_read_only(analyst_client, draft, analyst):
    workflow.propose(draft, by=analyst)
    page = analyst_client.get(reverse("admin:classes_version_change", args=[draft.pk])).content.decode()

    assert 'name="ksas-0-text"' not in page
