"""The facts the checker's later rules need, read from a spec's wording: education from an accredited school, units of
education standing in for experience, and when a special requirement's licence must be held; each stays empty where
the wording does not state it."""

from decimal import Decimal

from classes.importing import parse_spec


def parsed(*lines):
    return parse_spec(["PLANNER", "", *lines], source="planner.txt").spec


def only_path(text):
    (path,) = parsed("MINIMUM QUALIFICATIONS", "", text).paths
    return path


def only_rule(text):
    (rule,) = parsed("MINIMUM QUALIFICATIONS", "", "Two years of experience in planning.", "", text).substitutions
    return rule


def test_education_from_an_accredited_school_is_read():
    assert only_path("A bachelor's degree from an accredited college or university.").accredited_education is True
    assert only_path("Graduation from a regionally accredited four-year college.").accredited_education is True


def test_education_without_a_word_of_accreditation_leaves_it_unstated():
    assert only_path("A bachelor's degree in planning.").accredited_education is None
    assert only_path("Certification from an accrediting body in planning.").accredited_education is None


def test_units_standing_in_for_experience_are_read_with_their_subjects_and_the_experience_they_replace():
    rule = only_rule(
        "Completion of 12 semester or 18 quarter units in urban planning at an accredited college may be substituted "
        "for a maximum of six months of the required experience."
    )

    assert rule.kind == "education_for_experience"
    assert (rule.credit_hours, rule.quarter_units, rule.credit_hour_subjects) == (12, 18, "urban planning")
    assert (rule.years_for_units, rule.cap_years) == (Decimal("0.5"), Decimal("0.5"))


def test_units_for_each_year_replace_a_year_each_time():
    rule = only_rule("18 quarter units of college may be substituted for each year of the required experience.")

    assert (rule.quarter_units, rule.credit_hour_subjects, rule.years_for_units) == (18, "", Decimal(1))


def test_units_inside_the_education_that_substitutes_are_not_read_as_its_measure():
    rule = only_rule(
        "Education of which 12 semester units must be in planning may be substituted for each year of experience."
    )

    assert rule.years_for_units is None


def test_a_year_for_year_rule_names_no_units():
    rule = only_rule("Graduate education in planning may be substituted for experience on a year for year basis.")

    assert (rule.years_per_year, rule.years_for_units, rule.credit_hour_subjects) == (Decimal(1), None, "")


def special_requirement(text):
    (requirement,) = parsed(
        "MINIMUM QUALIFICATIONS", "", "Two years of planning.", "", "SPECIAL REQUIREMENT", "", text
    ).special_requirements
    return requirement


def test_when_a_special_requirements_licence_must_be_held_is_read():
    timing = [
        (r.license_needed_by, r.license_within_months)
        for r in (
            special_requirement("Possession of a valid driver's license at the time of appointment."),
            special_requirement("Certification as a Planning Technician within six months of appointment."),
            special_requirement("A valid driver's license is required at the time of application."),
        )
    ]

    assert timing == [("appointment", None), ("within_period", 6), ("application", None)]


def test_a_special_requirement_that_says_no_time_or_is_no_licence_leaves_it_unstated():
    licence = special_requirement("Possession of a valid driver's license.")
    background = special_requirement("A background investigation is required before appointment.")

    assert (licence.kind, licence.license_needed_by) == ("drivers_license", "")
    assert (background.kind, background.license_needed_by) == ("background_check", "")
