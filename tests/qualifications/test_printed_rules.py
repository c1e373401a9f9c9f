"""The rules specs print, read as facts and applied, each on both sides of its boundary."""

from fractions import Fraction

from qualifications.checker import MET, NOT_MET
from qualifications.rules import TitleRule

from .applicants import ACCOUNTING, applicant, job, path, result, rules, said, substitution

YEAR_OF_ACCOUNTING = "One year of experience in accounting."


def accounting(years=1, **facts):
    return path(text=YEAR_OF_ACCOUNTING, experience_years=years, experience_kinds=(ACCOUNTING,), **facts)


def test_part_time_counts_on_a_35_hour_week_where_the_spec_says_so():
    spec = rules(accounting(part_time_accepted=True, full_time_hours_per_week=35))

    checked = result(spec, applicant("high_school", job(ACCOUNTING, years=1, hours_per_week=35)))

    assert checked.outcome == MET
    assert "at 35 hours a week" in said(checked)


def test_the_same_part_time_year_falls_short_on_a_40_hour_week():
    spec = rules(accounting(part_time_accepted=True))

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1, hours_per_week=35))).outcome == NOT_MET


def test_part_time_work_never_counts_where_the_spec_asks_full_time():
    spec = rules(accounting(part_time_accepted=False))
    part_time = job(ACCOUNTING, years=3, hours_per_week=20)

    checked = result(spec, applicant("high_school", part_time))

    assert checked.outcome == NOT_MET
    assert "part-time, and this path asks for full-time experience" in said(checked)


def test_unpaid_work_does_not_count_where_the_spec_asks_paid_work():
    spec = rules(accounting(paid_experience=True))

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1, paid=False))).outcome == NOT_MET
    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1, paid=True))).outcome == MET


def test_only_complete_years_count_where_the_spec_says_so():
    spec = rules(accounting(2, complete_years_only=True))

    short = result(spec, applicant("high_school", job(ACCOUNTING, years=1, months=11)))

    assert short.outcome == NOT_MET
    assert "only complete years count" in said(short)
    assert result(spec, applicant("high_school", job(ACCOUNTING, years=2))).outcome == MET


def test_months_add_up_where_the_spec_does_not_ask_complete_years():
    spec = rules(accounting(2))

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1), job(ACCOUNTING, months=12))).outcome == MET


def credits_path(**facts):
    return path(
        text="Twelve semester or eighteen quarter units in accounting.", credit_hour_subjects=ACCOUNTING, **facts
    )


def test_quarter_units_count_two_thirds_of_a_semester_hour():
    spec = rules(credits_path(credit_hours=12, quarter_units=18))

    enough = applicant("", credit_units="quarter", credit_hours={ACCOUNTING: 18})
    short = applicant("", credit_units="quarter", credit_hours={ACCOUNTING: 17})

    assert result(spec, enough).outcome == MET
    assert result(spec, short).outcome == NOT_MET


def test_a_path_stating_quarter_units_alone_is_read_in_semester_hours():
    spec = rules(credits_path(quarter_units=18))

    assert result(spec, applicant("", credit_hours={ACCOUNTING: 12})).outcome == MET
    assert result(spec, applicant("", credit_hours={ACCOUNTING: 11})).outcome == NOT_MET


def test_credit_hours_inside_a_total_need_both():
    spec = rules(credits_path(credit_hours=12, total_credit_hours=60))
    subjects = {ACCOUNTING: 12}

    assert result(spec, applicant("", college_credits=60, credit_hours=subjects)).outcome == MET
    short = result(spec, applicant("", college_credits=59, credit_hours=subjects))
    assert short.outcome == NOT_MET
    assert short.gaps == ["1 more credit hour of college."]


def test_a_substitution_printed_in_one_path_applies_to_that_path_only():
    spec = rules(
        accounting(2, education_level="high_school"),
        path(
            "B)", 2, text="Two years of experience in accounting.", experience_years=2, experience_kinds=(ACCOUNTING,)
        ),
        substitutions=[substitution(years_per_year=1, cap_years=1, path_id=1)],
    )
    associate = applicant("associate", job(ACCOUNTING, years=1))

    assert result(spec, associate, 1).outcome == MET
    assert result(spec, associate, 2).outcome == NOT_MET


def test_a_substitution_printed_for_the_whole_spec_applies_to_every_path():
    spec = rules(
        accounting(2, education_level="high_school"),
        path(
            "B)", 2, text="Two years of experience in accounting.", experience_years=2, experience_kinds=(ACCOUNTING,)
        ),
        substitutions=[substitution(years_per_year=1, cap_years=1)],
    )
    associate = applicant("associate", job(ACCOUNTING, years=1))

    assert [result(spec, associate, n).outcome for n in (1, 2)] == [MET, MET]


def test_no_education_replaces_the_floor_of_experience():
    spec = rules(
        accounting(3, education_level="high_school"),
        substitutions=[substitution(years_per_year=1, cap_years=4, floor_years=1)],
    )

    below_floor = result(spec, applicant("bachelor", job(ACCOUNTING, months=11)))
    at_floor = result(spec, applicant("bachelor", job(ACCOUNTING, years=1)))

    assert below_floor.outcome == NOT_MET
    assert below_floor.gaps == ["1 month more experience."]
    assert at_floor.outcome == MET


def clerks(combined):
    return rules(
        path(
            kind="promotional",
            text="Two years of permanent status as Account Clerk or Payroll Clerk, or in a combination of them.",
            titles=(TitleRule("Account Clerk", Fraction(2)), TitleRule("Payroll Clerk", Fraction(2))),
            titles_combined=combined,
        )
    )


def test_time_in_named_titles_adds_up_where_the_spec_combines_them():
    enough = applicant("high_school", status={"Account Clerk": 1, "Payroll Clerk": 1})
    short = applicant("high_school", status={"Account Clerk": 1, "Payroll Clerk": "0.9"})

    assert result(clerks(True), enough).outcome == MET
    checked = result(clerks(True), short)
    assert checked.outcome == NOT_MET
    assert "combined" in said(checked)


def test_time_in_named_titles_does_not_add_up_where_the_spec_asks_one_title():
    assert result(clerks(None), applicant("high_school", status={"Account Clerk": 1, "Payroll Clerk": 1})).outcome == (
        NOT_MET
    )


CITY = "the City of Springfield"


def test_experience_counts_only_in_the_service_the_spec_names():
    spec = rules(accounting(service=CITY))

    inside = result(spec, applicant("high_school", job(ACCOUNTING, years=1, services=[CITY])))
    outside = result(spec, applicant("high_school", job(ACCOUNTING, years=1)))

    assert inside.outcome == MET
    assert outside.outcome == NOT_MET
    assert f"not confirmed as in the service of {CITY}" in said(outside)
    assert spec.questions().services == (CITY,)


def test_experience_in_any_service_counts_where_the_spec_names_none():
    assert result(rules(accounting()), applicant("high_school", job(ACCOUNTING, years=1))).outcome == MET
