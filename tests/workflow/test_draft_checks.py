"""Checks on a draft before it is proposed: each finding is a warning, listed on the proposal page, never a refusal."""

import pytest
from django.urls import reverse

from classes.checks import draft_warnings, reading_grade
from classes.models import Version

pytestmark = pytest.mark.django_db

PLAIN = "Keeps the town's accounts. Answers questions at the counter."
HARD = (
    "Incumbents systematically administer comprehensive organizational accountability documentation, "
    "operationalizing interdepartmental reconciliation methodologies."
)


@pytest.fixture
def draft(make_class):
    _, version = make_class("Account Clerk", status="draft", distinguishing_features=PLAIN)
    version.duties.create(position=1, text="Keeps the ledger;")
    return version


def test_a_clean_draft_has_no_warning(draft):
    draft.paths.create(
        position=1, label="A)", kind="open_competitive", text="Two years of clerical work.", experience_years=2
    )
    assert draft_warnings(draft) == []


def test_an_empty_row_and_outdated_words_are_named_with_their_place(draft):
    draft.duties.create(position=2, text=" ")
    draft.duties.create(position=3, text="Reports to the foreman on his/her work;")

    warnings = draft_warnings(draft)

    assert "Duty 2 is empty: write its text or delete the row." in warnings
    assert "Duty 3 says “foreman”: consider “supervisor”." in warnings
    assert "Duty 3 says “his/her”: consider “their”." in warnings


def test_a_path_without_facts_and_a_reference_to_a_missing_path_are_warned_of(draft):
    draft.paths.create(position=1, label="A)", kind="open_competitive", text="Two years of clerical work.")
    draft.paths.create(
        position=2, label="B)", kind="open_competitive", text="An equivalent combination as described in C).",
        is_equivalent_combination=True,
    )  # fmt: skip

    warnings = draft_warnings(draft)

    assert any(w.startswith("Path A) has no structured facts") for w in warnings)
    assert "Path B) refers to path C, which this text does not have." in warnings
    assert not any("refers to path A" in w for w in warnings)


def test_a_definition_nothing_refers_to_is_warned_of(draft):
    draft.paths.create(position=1, label="A)", kind="open_competitive", text="Two years of work.", experience_years=2)
    draft.definitions.create(position=1, term="Supervisory experience", marker="", text="Directing the work of others.")

    assert "The definition of “Supervisory experience” is not referred to by any part of the text." in (
        draft_warnings(draft)
    )


def test_a_very_long_sentence_and_hard_distinguishing_features_are_warned_of(draft):
    Version.objects.filter(pk=draft.pk).update(distinguishing_features=HARD + " " + " ".join(["word"] * 45) + ".")
    draft.refresh_from_db()

    warnings = draft_warnings(draft)

    assert any(w.startswith("Distinguishing features has a sentence of 4") for w in warnings)
    assert reading_grade(HARD) > 14 > reading_grade(PLAIN)
    assert any(w.startswith("The distinguishing features read at grade") for w in warnings)


def test_the_proposal_page_lists_the_warnings_and_proposing_still_works(analyst_client, draft):
    draft.duties.create(position=2, text="Directs the workmen;")
    address = reverse("admin:classes_version_propose", args=[draft.pk])

    page = analyst_client.get(address).content.decode()
    assert "Duty 2 says “workmen”: consider “worker”." in page
    assert "none stops the proposal" in page

    analyst_client.post(address, {"meeting": ""})
    assert Version.objects.get(pk=draft.pk).status == "proposed"
