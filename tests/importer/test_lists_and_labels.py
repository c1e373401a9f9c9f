"""Lists in any form: bullets, numbers and letters (kept as printed), one item per line, items run together with
semicolons, and KSA groups whose items take the kind of their lead-in."""

from classes.importing import ImportedFile, import_documents, parse_spec
from classes.models import Version


def duties(*lines):
    document = parse_spec(["CLERK", "", "TYPICAL WORK ACTIVITIES:", *lines], source="spec.txt")
    return [(item.label, item.text) for item in document.spec.duties]


def test_numbers_letters_and_bullets_are_kept_as_printed_beside_each_item():
    assert duties("1. Files records;", "2. Answers mail.") == [("1.", "Files records;"), ("2.", "Answers mail.")]
    assert duties("a) Files records;", "b) Answers mail.") == [("a)", "Files records;"), ("b)", "Answers mail.")]
    assert duties("(A) Files records;", "(B) Answers mail.") == [("(A)", "Files records;"), ("(B)", "Answers mail.")]
    assert duties("• Files records;", "• Answers mail.") == [("", "Files records;"), ("", "Answers mail.")]
    assert duties("Files records;", "Answers mail.") == [("", "Files records;"), ("", "Answers mail.")]


def test_items_run_together_with_semicolons_are_cut_into_items():
    assert duties("Files records; answers mail; orders supplies.") == [
        ("", "Files records;"),
        ("", "answers mail;"),
        ("", "orders supplies."),
    ]


def test_a_statement_closing_the_list_is_its_note():
    document = parse_spec(
        ["CLERK", "", "DUTIES:", "Files records;", "Answers mail.", "The above examples do not include all duties."]
    )

    assert [d.text for d in document.spec.duties] == ["Files records;", "Answers mail."]
    assert document.spec.duties_note == "The above examples do not include all duties."


def test_each_item_of_a_ksa_group_takes_the_group_s_kind():
    document = parse_spec(
        [
            "CLERK",
            "",
            "KNOWLEDGE, SKILLS AND ABILITIES",
            "Knowledge of:",
            "- filing systems;",
            "- office machines.",
            "Skill in: typing; proofreading.",
            "Good judgment.",
        ]
    )

    assert [(k.kind, k.text) for k in document.spec.ksas] == [
        ("knowledge", "Knowledge of: filing systems;"),
        ("knowledge", "office machines."),
        ("skill", "Skill in: typing;"),
        ("skill", "proofreading."),
        ("personal_characteristic", "Good judgment."),
    ]


def test_the_labels_of_a_numbered_list_are_stored_with_its_items(jurisdiction):
    data = b"CLERK\n\nDUTIES:\n1. Files records;\n2. Answers mail.\n"

    report = import_documents([ImportedFile("clerk.txt", len(data), lambda: data)], jurisdiction=jurisdiction)[0]

    assert report.status == "imported", report.error
    version = Version.objects.get(job_class__jurisdiction=jurisdiction)
    assert list(version.duties.values_list("label", "text")) == [("1.", "Files records;"), ("2.", "Answers mail.")]
