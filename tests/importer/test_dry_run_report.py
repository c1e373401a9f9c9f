"""The report of each document, printed by the dry run as JSON in one documented schema (docs/importing.md): what was
read, which source lines became which part, which lines are in no draft and why, and each fact read with doubt."""

import json
from io import StringIO

from django.core.management import call_command

from classes.models import JobClass
from tests.importer.documents import LA_BULLETIN, PDF_EXTRACTED, SERIES

REPORT_KEYS = {
    "source", "status", "error", "title", "series", "drafts", "parts", "facts", "doubts", "warnings", "unstored",
    "specs", "lines",
}  # fmt: skip


def dry_run(tmp_path, name, text, *options):
    path = tmp_path / name
    path.write_text(text)
    out = StringIO()
    call_command("import_specs", str(path), "--dry-run", *options, stdout=out)
    return out.getvalue()


def test_the_json_report_holds_the_documented_keys_and_writes_nothing(tmp_path, db):
    (report,) = json.loads(dry_run(tmp_path, "parking.txt", LA_BULLETIN, "--format", "json"))

    assert set(report) == REPORT_KEYS
    assert (report["status"], report["title"], report["series"]) == ("parsed", "PARKING ENFORCEMENT SUPERVISOR", "")
    assert report["lines"] == LA_BULLETIN.splitlines()
    (spec,) = report["specs"]
    assert [(p["label"], p["experience_years"]) for p in spec["paths"]] == [("2.", "2"), ("3.", "3")]
    assert report["drafts"] == [
        {
            "title": "PARKING ENFORCEMENT SUPERVISOR",
            "job_class": "",
            "version_number": None,
            "version_url": "",
            "existing": False,
        }
    ]
    assert not JobClass.objects.exists()


def test_each_part_names_the_source_lines_it_was_read_from(tmp_path, db):
    (report,) = json.loads(dry_run(tmp_path, "parking.txt", LA_BULLETIN, "--format", "json"))

    lines = report["lines"]
    requirements = next(part for part in report["parts"] if part["part"] == "qualifications")
    assert lines[requirements["line"] - 1] == "REQUIREMENTS/MINUMUM QUALIFICATIONS"
    assert lines[requirements["last_line"] - 1].startswith("2. Experience as a volunteer")
    salary = next(part for part in report["parts"] if part["heading"] == "ANNUAL SALARY")
    assert salary["part"] == "other"  # a line that became a section of its own


def test_lines_in_no_draft_are_listed_with_the_reason(tmp_path, db):
    (report,) = json.loads(dry_run(tmp_path, "clerk.txt", PDF_EXTRACTED, "--format", "json"))

    assert report["unstored"] == {
        "1": "a header line that is neither the title nor a fact the portal keeps",
        "3": "page debris: a page number or a running header",
        "10": "page debris: a page number or a running header",
        "11": "page debris: a page number or a running header",
    }


def test_a_series_reports_its_levels_and_the_level_each_part_belongs_to(tmp_path, db):
    (report,) = json.loads(dry_run(tmp_path, "parks.txt", SERIES, "--format", "json"))

    assert report["series"] == "Park Interpretive Specialist Series"
    assert [spec["title"] for spec in report["specs"]] == [draft["title"] for draft in report["drafts"]]
    levels = {part["level"] for part in report["parts"] if part["part"] == "qualifications"}
    assert levels == {draft["title"] for draft in report["drafts"]}


def test_the_text_report_prints_doubtful_facts_with_what_was_assumed(tmp_path, db):
    printed = dry_run(tmp_path, "parking.txt", LA_BULLETIN)

    assert "doubt: line 10: general_statement read as DUTIES" in printed
    assert "line 14: qualifications “REQUIREMENTS/MINUMUM QUALIFICATIONS”" in printed
