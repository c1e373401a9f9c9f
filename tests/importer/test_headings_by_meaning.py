"""Headings are recognised by how they are set and classified by their words, whatever their order, combination,
or a slip of a letter or two; a heading of other words opens a section of its own, kept in order."""

import pytest

from classes.importing import parse_spec


def parts(text):
    document = parse_spec(text.splitlines(), source="spec.txt")
    return [(part.part, part.heading) for part in document.parts if part.part != "header"]


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("MINIMUM QUALIFICATIONS", "qualifications"),
        ("REQUIREMENT/MINIMUM QUALIFICATION", "qualifications"),
        ("QUALIFICATIONS, MINIMUM", "qualifications"),
        ("MINIMUM QUALIFICAITONS", "qualifications"),
        ("MINUMUM REQUIREMENTS", "qualifications"),
        ("Knowledge and Abilities", "ksas"),
        ("ABILITIES, SKILLS AND KNOWLEDGE", "ksas"),
        ("Typical Tasks", "duties"),
        ("Essential Functions", "duties"),
        ("Class Concept", "general_statement"),
        ("Distinguishing Characteristics", "distinguishing_features"),
        ("SUGGESTED PROMOTIONAL QUALIFICATIONS", "promotional"),
        ("Open-Competitive", "open_competitive"),
        ("License or Certificate", "special_requirements"),
        ("Drug Testing Requirement", "special_requirements"),
    ],
)
def test_a_heading_is_read_by_its_words(heading, part):
    assert parts(f"CLERK\n\n{heading}\n\nFiles records.\n") == [(part, heading)]


@pytest.mark.parametrize(
    "heading",
    [
        "QUALIFICATIONS REVIEW",
        "Additional Desirable Qualifications",
        "ON AN OPEN COMPETITIVE BASIS",
        "Physical Demands",
    ],
)
def test_a_heading_of_other_words_is_a_section_of_its_own(heading):
    assert parts(f"CLERK\n\nDUTIES\n\nFiles records.\n\n{heading}\n\nSome words.\n") == [
        ("duties", "DUTIES"),
        ("other", heading),
    ]


def test_a_heading_set_by_markup_is_a_heading_whatever_its_case():
    assert parts("# Clerk\n\n## minimum qualifications\n\nOne year of clerical experience.\n") == [
        ("qualifications", "minimum qualifications")
    ]


def test_a_group_s_lead_in_and_a_sentence_are_no_headings():
    text = "CLERK\n\nKNOWLEDGE AND ABILITIES\n\nKnowledge of: filing systems.\n\nDuties assigned are routine.\n"

    assert parts(text) == [("ksas", "KNOWLEDGE AND ABILITIES")]
