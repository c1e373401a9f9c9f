"""The comparison engine: two versions in, their parts in reading order with word-level changes out."""

from decimal import Decimal

import pytest

from classes.diff import DELETED, EQUAL, INSERTED, Segment, compare_versions, diff_words
from classes.models import JobClass
from qualifications.models import Path

pytestmark = pytest.mark.django_db


def words(segments, *ops):
    """The words of the segments with one of `ops`, as a reader of that side sees them."""
    return " ".join(" ".join(s.text for s in segments if s.op in ops).split())


def part(parts, heading):
    return next(p for p in parts if p.heading == heading)


@pytest.fixture
def two_versions(make_class):
    """An old and a new text of Account Clerk, each given its own fields, both drafts so a test can add parts.

    The comparison reads versions of any status; a class holds one draft at a time, so the new text is
    the draft of a second class of the same title.
    """

    def make(old_fields, new_fields):
        job_class, old = make_class("Account Clerk", status="draft", **old_fields)
        revised = JobClass.objects.create(
            jurisdiction=job_class.jurisdiction, title="Account Clerk", slug="account-clerk-revised"
        )
        new = revised.versions.create(number=1, status="draft", title="Account Clerk", **new_fields)
        return old, new

    return make


def test_an_inserted_word_is_marked_inserted_and_the_rest_stays_equal():
    assert diff_words("Keeps the records.", "Keeps the financial records.") == [
        Segment(EQUAL, "Keeps the "),
        Segment(INSERTED, "financial"),
        Segment(EQUAL, " records."),
    ]


def test_a_deleted_word_is_marked_deleted():
    assert diff_words("Keeps all the records.", "Keeps the records.") == [
        Segment(EQUAL, "Keeps "),
        Segment(DELETED, "all"),
        Segment(EQUAL, " the records."),
    ]


def test_a_replaced_word_reads_as_the_old_word_deleted_then_the_new_inserted():
    segments = diff_words("Prepares weekly reports.", "Prepares monthly reports.")

    assert [s.op for s in segments] == [EQUAL, DELETED, EQUAL, INSERTED, EQUAL]
    assert words(segments, EQUAL, DELETED) == "Prepares weekly reports."
    assert words(segments, EQUAL, INSERTED) == "Prepares monthly reports."


def test_a_line_added_to_a_list_is_inserted_on_a_line_of_its_own():
    segments = diff_words("Files;\nTypes;", "Files;\nTypes;\nAnswers the telephone;")

    assert segments == [Segment(EQUAL, "Files;\nTypes;\n"), Segment(INSERTED, "Answers the telephone;")]


def test_whitespace_and_line_wrapping_alone_are_no_change():
    assert [s.op for s in diff_words("Keeps   the\nrecords.", "Keeps the\nrecords.  ")] == [EQUAL]


def test_parts_come_in_reading_order_and_parts_neither_version_has_are_left_out(two_versions):
    old, new = two_versions(
        {"distinguishing_features": "Does clerical work.", "general_statement": ""},
        {"distinguishing_features": "Does clerical work.", "duties_note": "Any one position may vary."},
    )
    old.duties.create(position=1, text="Files;")
    new.duties.create(position=1, text="Files;")
    new.special_requirements.create(position=1, kind="drivers_license", text="A driver's license.")

    headings = [p.heading for p in compare_versions(old, new)]

    assert headings == [
        "Title and class facts",
        "DISTINGUISHING FEATURES OF THE CLASS",
        "TYPICAL WORK ACTIVITIES",
        "Special requirements",
    ]


def test_an_unchanged_part_is_kept_but_marked_unchanged_so_a_page_can_fold_it(two_versions):
    old, new = two_versions(
        {"distinguishing_features": "Does clerical work."}, {"distinguishing_features": "Does clerical work."}
    )
    old.duties.create(position=1, text="Files;")
    new.duties.create(position=1, text="Files; sorts mail;")

    parts = compare_versions(old, new)

    assert not part(parts, "DISTINGUISHING FEATURES OF THE CLASS").changed
    assert part(parts, "TYPICAL WORK ACTIVITIES").changed
    assert words(part(parts, "TYPICAL WORK ACTIVITIES").segments, INSERTED) == "sorts mail;"


def test_a_duty_removed_and_a_duty_added_are_deleted_and_inserted_words(two_versions):
    old, new = two_versions({}, {})
    for position, text in enumerate(["Files correspondence;", "Operates a keypunch;", "Answers inquiries."]):
        old.duties.create(position=position, text=text)
    for position, text in enumerate(["Files correspondence;", "Answers inquiries.", "Keeps a database."]):
        new.duties.create(position=position, text=text)

    duties = part(compare_versions(old, new), "TYPICAL WORK ACTIVITIES").segments

    assert words(duties, DELETED) == "Operates a keypunch;"
    assert words(duties, INSERTED) == "Keeps a database."
    # Shown in full, the comparison still reads one duty a line.
    assert "".join(s.text for s in duties).split("\n") == [
        "Files correspondence;",
        "Operates a keypunch;",
        "Answers inquiries.",
        "Keeps a database.",
    ]


def test_a_changed_heading_is_listed_among_the_facts(two_versions):
    old, new = two_versions(
        {"distinguishing_features": "Does clerical work."},
        {"distinguishing_features": "Does clerical work.", "distinguishing_features_heading": "DEFINITION"},
    )

    features = part(compare_versions(old, new), "DEFINITION")

    assert features.changed
    assert [tuple(f) for f in features.facts] == [("Heading", "DISTINGUISHING FEATURES OF THE CLASS", "DEFINITION")]


def test_changed_structured_facts_of_a_path_are_listed_with_old_and_new_values(two_versions):
    old, new = two_versions({}, {})
    wording = "Bachelor's degree and two years of experience."
    Path.objects.create(
        version=old, position=1, label="A)", text=wording, education_level="bachelor", experience_years=Decimal("2")
    )
    Path.objects.create(
        version=new, position=1, label="A)", text=wording, education_level="bachelor", experience_years=Decimal("3.00")
    )

    paths = part(compare_versions(old, new), "Open-competitive qualifications")

    assert [tuple(f) for f in paths.facts] == [("Path A) years of experience", "2", "3")]
    assert words(paths.segments, EQUAL) == f"A) {wording}"


def test_a_header_fact_that_changed_is_a_changed_line_of_the_header(two_versions):
    old, new = two_versions({"salary_grade": "7"}, {"salary_grade": "9"})

    header = part(compare_versions(old, new), "Title and class facts")

    assert words(header.segments, DELETED) == "7"
    assert words(header.segments, INSERTED) == "9"
    assert words(header.segments, EQUAL) == "Title: Account Clerk Salary grade:"


def test_a_part_neither_version_has_is_left_out_even_if_its_unprinted_heading_changed(two_versions):
    old, new = two_versions({}, {"general_statement_heading": "DEFINITION"})

    assert "DEFINITION" not in [p.heading for p in compare_versions(old, new)]
