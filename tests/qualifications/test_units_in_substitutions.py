"""Units of education standing in for experience: each time the units are completed replaces the experience the rule
names, quarter units at two-thirds of a semester hour, in the subjects the rule names where it names them."""

from qualifications.checker import CANNOT_TELL, MET, NOT_MET

from .applicants import ACCOUNTING, applicant, job, path, result, rules, said, substitution

TWO_YEARS = "Two years of experience in accounting."
LIBRARY = "library science"


def two_years(*substitutions):
    return rules(
        path(text=TWO_YEARS, experience_years=2, experience_kinds=(ACCOUNTING,), education_level="high_school"),
        substitutions=substitutions,
    )


def in_quarter_units(**facts):
    """“18 quarter units of college may be substituted for each year of the experience, up to one year.”"""
    return substitution(quarter_units=18, years_for_units=1, cap_years=1, text="18 quarter units for a year.", **facts)


def accountant(*, months=12, **fields):
    return applicant("high_school", job(ACCOUNTING, months=months), **fields)


def test_a_rule_in_quarter_units_counts_them_at_two_thirds_of_a_semester_hour():
    spec = two_years(in_quarter_units())

    met = result(spec, accountant(college_credits=12))

    assert met.outcome == MET
    assert "substitutes for 1 year of it (12 semester hours of college, each 12 of them counting 1 year" in said(met)
    assert result(spec, accountant(college_credits=11)).outcome == NOT_MET


def test_an_applicant_giving_quarter_units_meets_a_rule_in_quarter_units_at_the_same_count():
    spec = two_years(in_quarter_units())

    assert result(spec, accountant(credit_units="quarter", college_credits=18)).outcome == MET
    assert result(spec, accountant(credit_units="quarter", college_credits=17)).outcome == NOT_MET


def test_units_count_only_each_time_they_are_completed():
    spec = two_years(substitution(credit_hours=6, years_for_units="0.25", text="6 units for three months."))

    assert result(spec, accountant(months=18, college_credits=12)).outcome == MET
    short = result(spec, accountant(months=18, college_credits=11))
    assert short.outcome == NOT_MET
    assert short.gaps == ["3 months more experience."]


def test_units_in_a_named_subject_count_only_the_credit_hours_in_it():
    spec = two_years(in_quarter_units(credit_hour_subjects=LIBRARY))

    assert spec.questions().credit_subjects == (LIBRARY,)
    assert result(spec, accountant(credit_hours={LIBRARY: 12})).outcome == MET
    assert result(spec, accountant(credit_hours={LIBRARY: 11}, college_credits=60)).outcome == NOT_MET


def test_units_stop_at_the_rules_cap_and_floor():
    spec = two_years(in_quarter_units(floor_years=1))

    assert result(spec, accountant(months=11, college_credits=60)).outcome == NOT_MET
    assert result(spec, accountant(months=12, college_credits=60)).outcome == MET


def test_a_rule_naming_units_without_the_experience_they_replace_cannot_tell():
    spec = two_years(substitution(quarter_units=18, text="Quarter units may be substituted for experience."))

    assert result(spec, accountant(college_credits=30)).outcome == CANNOT_TELL
    assert result(spec, accountant()).outcome == NOT_MET
