"""Each class's O*NET occupation: O*NET's titles shipped with the project, its prose loaded by `load_onet`, a
suggestion with its score for every seed, and an analyst's choice in the admin, on the text in force too."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from classes import occupations, workflow
from classes.models import CatalogueEdition, Occupation, OccupationTitle, Version

# The best fit of each seed's title and duties among O*NET's occupations.
SEED_OCCUPATIONS = {
    "WELFARE MANAGEMENT SYSTEMS COORDINATOR": "15-1252.00",  # Software Developers
    "Case Management Coordinator I": "21-1093.00",  # Social and Human Service Assistants
    "CHILD SUPPORT ENFORCEMENT COORDINATOR": "33-3021.00",  # Detectives and Criminal Investigators: O*NET's "Child Support Officer"
    "EMPLOYMENT CASE MANAGER": "21-1015.00",  # Rehabilitation Counselors: O*NET's "Employment Case Manager"
    "CUSTOMER SUPPORT COORDINATOR": "15-1232.00",  # Computer User Support Specialists
}


def write_onet(directory, *, tasks=True):
    """A tiny O*NET release in O*NET's own file names and columns."""
    directory.mkdir(exist_ok=True)
    (directory / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n"
        "43-4061.00\tEligibility Interviewers, Government Programs\tDecide who may receive public help.\n"
        "99-0001.00\tHarbour Pilots, Inland\tSteer vessels through the harbour.\n"
    )
    (directory / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "43-4061.00\tBenefits Eligibility Examiner (BEE)\tBEE\t08\n"
    )
    if tasks:
        (directory / "Task Statements.txt").write_text(
            "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
            "43-4061.00\t1\tInterview applicants to learn their household income.\tCore\t10\t08/2025\tAnalyst\n"
        )
    return directory


def test_onets_titles_and_codes_come_with_the_project(db):
    eligibility = Occupation.objects.get(code="43-4061.00")
    assert eligibility.title == "Eligibility Interviewers, Government Programs"
    assert eligibility.titles.filter(title="Eligibility Worker").exists()
    assert Occupation.objects.count() > 1000
    assert OccupationTitle.objects.filter(kind="reported").exists()
    assert Occupation.objects.get(code="21-1093.00").related.exists()


def test_load_onet_adds_descriptions_and_tasks_and_a_new_occupation(db, tmp_path):
    call_command("load_onet", str(write_onet(tmp_path / "onet")), verbosity=0, stdout=None)
    eligibility = Occupation.objects.get(code="43-4061.00")
    assert eligibility.description == "Decide who may receive public help."
    assert [task.text for task in eligibility.tasks.all()] == ["Interview applicants to learn their household income."]
    assert set(eligibility.titles.values_list("title", "kind")) == {
        ("Benefits Eligibility Examiner (BEE)", "alternate"),
        ("BEE", "short"),
    }
    assert Occupation.objects.get(code="99-0001.00").title == "Harbour Pilots, Inland"


def test_a_new_release_keeps_the_occupation_a_version_names(make_class, tmp_path):
    _, version = make_class("Eligibility Examiner")
    occupations.confirm(version, occupation=Occupation.objects.get(code="11-9151.00"))
    call_command("load_onet", str(write_onet(tmp_path / "onet")), stdout=None)
    version.refresh_from_db()
    assert version.occupation_id == "11-9151.00"


def test_load_onet_says_what_is_missing_from_the_folder(db, tmp_path):
    with pytest.raises(CommandError, match=r"Occupation Data\.txt"):
        call_command("load_onet", str(tmp_path))


def test_load_onet_refuses_files_of_mixed_releases_and_keeps_what_was_there(db, tmp_path):
    directory = write_onet(tmp_path / "onet")
    (directory / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n98-7654.00\tLamplighter\tn/a\t08\n"
    )
    with pytest.raises(CommandError, match=r"98-7654\.00"):
        call_command("load_onet", str(directory))
    assert Occupation.objects.get(code="43-4061.00").titles.filter(title="Eligibility Worker").exists()


@pytest.mark.parametrize(("title", "code"), SEED_OCCUPATIONS.items())
def test_each_seed_is_suggested_its_occupation_with_a_score(seeds, title, code):
    version = Version.objects.current().get(title=title)
    occupations.suggest(version)
    version.refresh_from_db()
    assert version.occupation_id == code
    assert 0 < version.occupation_score <= 1
    assert not version.occupation_confirmed


@pytest.mark.skipif(not settings.ONET_DIR.is_dir(), reason="no copy of O*NET's files at ONET_DIR")
def test_with_onets_task_statements_loaded_the_seeds_keep_their_occupations(seeds):
    call_command("load_onet", str(settings.ONET_DIR), stdout=None)
    for title, code in SEED_OCCUPATIONS.items():
        assert occupations.suggestions(Version.objects.current().get(title=title), 1)[0].occupation.code == code


def test_a_confirmed_occupation_is_not_replaced_by_a_suggestion(make_class):
    _, version = make_class("Eligibility Examiner")
    occupations.confirm(version, occupation=Occupation.objects.get(code="13-1041.00"))
    occupations.suggest(version)
    version.refresh_from_db()
    assert (version.occupation_id, version.occupation_confirmed) == ("13-1041.00", True)


def test_a_new_draft_copies_the_occupation(make_class, analyst):
    job_class, version = make_class("Eligibility Examiner")
    occupations.confirm(version, occupation=Occupation.objects.get(code="43-4061.00"))
    draft = workflow.start_revision(job_class, by=analyst)
    assert (draft.occupation_id, draft.occupation_confirmed) == ("43-4061.00", True)


def test_an_analyst_confirms_another_occupation_for_the_text_in_force(analyst_client, seeds):
    version = Version.objects.current().get(title="CHILD SUPPORT ENFORCEMENT COORDINATOR")
    occupations.suggest(version)
    address = reverse("admin:classes_version_occupation", args=[version.pk])
    page = analyst_client.get(address)
    assert "Detectives and Criminal Investigators (score" in page.content.decode()
    assert "O*NET® 30.0" in page.content.decode()

    response = analyst_client.post(address, {"occupation": "43-4061.00"}, follow=True)

    version.refresh_from_db()
    assert (version.occupation_id, version.occupation_confirmed, version.occupation_score) == ("43-4061.00", True, None)
    assert version.status == "adopted"
    assert "is now classed as 43-4061.00 Eligibility Interviewers, Government Programs" in response.content.decode()
    assert "Eligibility Interviewers, Government Programs (confirmed by an analyst)" in response.content.decode()


def test_the_version_page_offers_the_occupation_step_and_occupations_are_read_only(analyst_client, seeds):
    version = Version.objects.current().first()
    page = analyst_client.get(reverse("admin:classes_version_change", args=[version.pk]))
    assert "Confirm or change the occupation" in page.content.decode()
    occupation = analyst_client.get(reverse("admin:classes_occupation_change", args=["43-4061.00"]))
    assert occupation.status_code == 200
    assert "Eligibility Worker" in occupation.content.decode()


def test_adopting_a_text_suggests_its_occupation(make_class, analyst):
    _, version = make_class("Welfare Eligibility Worker", status="proposed")
    version.duties.model.objects.create(
        version=version, position=1, text="Interviews applicants for public assistance and decides their eligibility."
    )
    adopted = workflow.adopt(version, by=analyst, adopted_on=date(2026, 3, 4))
    assert adopted.occupation_id == "43-4061.00"
    assert not adopted.occupation_confirmed


def test_suggesting_occupations_for_the_catalogue_is_one_change_of_it(seeds):
    Version.objects.update(occupation=None, occupation_confirmed=False)
    before = CatalogueEdition.objects.get().number
    call_command("suggest_occupations", verbosity=0)
    assert CatalogueEdition.objects.get().number == before + 1
    assert Version.objects.current().filter(occupation__isnull=True).count() == 0
