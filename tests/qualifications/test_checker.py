"""The minimum-qualification checker on the five seed specs: each boundary from both sides, with the reasons shown."""

import json
from fractions import Fraction

import pytest

from classes.models import Version
from classes.vocabulary import PathKind, SubstitutionKind
from qualifications.checker import CANNOT_TELL, MET, NOT_MET, evaluate, overall
from qualifications.profile import ProfileError, read_profile
from qualifications.rules import PathRule, Rules, SubstitutionRule

# The names each seed prints, as an applicant picks them from the checker's lists.
COMPUTING = "computer programming"  # a kind of experience printed by seeds 000 and 004
COMPUTER_SCIENCE = "computer science"  # a field of study printed by seed 000
INVESTIGATING = "investigating directly involving financial, criminal, insurance, or private civil matters"
OFFICE_SUPPORT = "specialized/technical office support work"
CASEWORK = "social casework*"
SOCIAL_WORK = "social work"
PROGRAMMING_A = "computer science or programming"  # the subject of seed 004's path A)
PROGRAMMING_B = "computer science and/or programming"  # the subject of seed 004's path B)


# Builders


@pytest.fixture
def spec(seeds):
    """The rules of a seed's adopted version, found by its class's slug, read as the checker's page reads them."""

    def rules(slug):
        return Rules.from_version(Version.objects.current().for_display().get(job_class__slug=slug))

    return rules


@pytest.fixture
def welfare(spec):
    return spec("welfare-management-systems-coordinator")  # seed 000


@pytest.fixture
def case_management(spec):
    return spec("case-management-coordinator-i")  # seed 001


@pytest.fixture
def child_support(spec):
    return spec("child-support-enforcement-coordinator")  # seed 002


@pytest.fixture
def employment(spec):
    return spec("employment-case-manager")  # seed 003


@pytest.fixture
def customer_support(spec):
    return spec("customer-support-coordinator")  # seed 004


def job(*kinds, years=0, months=0, **fields):
    """One job as the profile's JSON gives it."""
    return {"years": years, "months": months, "kinds": list(kinds), **fields}


def profile(level="high_school", jobs=None, **fields):
    """The applicant's answers; their college, where they have one, accredited as the seeds' paths ask."""
    return {"education_level": level, "accredited": True, "jobs": [] if jobs is None else jobs, **fields}


def check(rules, data, label, *, assume=False):
    """The result for the path printed as `label` (or, for a path printed without one, at that position), for the
    profile `data` describes (read against the spec's lists)."""
    results = evaluate(rules, read_profile(data, rules.questions()), assume_confirmed=assume)
    return next(result for result in results if label in (result.rule.label, result.rule.position))


def said(result):
    return " ".join(result.reasons)


def one_path(**facts):
    """Rules of a single open-competitive path "A)" with the given facts."""
    return Rules(paths=(PathRule(label="A)", **facts),))


# Seed 000, Welfare Management Systems Coordinator: A) associate's in a listed field and 3 years;
# B) 5 years, part-time accepted; C) an equivalent combination; education beyond an associate's
# substitutes year for year up to 2 years, one year of experience always required.


def welfare_graduate(level="associate", *jobs, **fields):
    return profile(level, list(jobs), degree_fields=[COMPUTER_SCIENCE], **fields)


def test_welfare_a_is_met_with_exactly_three_years(welfare):
    result = check(welfare, welfare_graduate("associate", job(COMPUTING, years=3)), "A)")

    assert result.outcome == MET
    assert "Needs 3 years of experience in network administration" in said(result)
    assert "you have 3 years (full-time equivalent)" in said(result)


def test_welfare_a_is_not_met_one_month_short_and_the_gap_is_one_month(welfare):
    result = check(welfare, welfare_graduate("associate", job(COMPUTING, months=35)), "A)")

    assert result.outcome == NOT_MET
    assert "Needs 3 years of experience" in said(result)
    assert "you have 2 years 11 months" in said(result)
    assert result.gaps == ["1 month more experience."]


def test_welfare_b_is_met_with_exactly_five_years(welfare):
    assert check(welfare, profile(jobs=[job(COMPUTING, years=5)]), "B)").outcome == MET


def test_welfare_b_is_not_met_one_month_short(welfare):
    result = check(welfare, profile(jobs=[job(COMPUTING, months=59)]), "B)")

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_half_time_for_twice_as_long_meets_a_path_accepting_part_time(welfare):
    result = check(welfare, profile(jobs=[job(COMPUTING, years=10, hours_per_week=20)]), "B)")

    assert result.outcome == MET
    assert "you have 5 years (full-time equivalent)" in said(result)


@pytest.mark.parametrize(
    ("hours", "months", "have"),
    [(20, 119, "4 years 11.5 months"), ("19.5", 120, "4 years 10.5 months")],
    ids=["a month less", "half an hour a week less"],
)
def test_part_time_slightly_short_of_the_equivalent_does_not_meet_the_path(welfare, hours, months, have):
    result = check(welfare, profile(jobs=[job(COMPUTING, months=months, hours_per_week=hours)]), "B)")

    assert result.outcome == NOT_MET
    assert f"you have {have} (full-time equivalent)" in said(result)


def test_part_time_does_not_count_where_the_path_asks_for_full_time():
    rules = one_path(experience_years=Fraction(1), part_time_accepted=False)

    result = check(rules, profile(jobs=[job(years=2, hours_per_week=20)]), "A)")

    assert result.outcome == NOT_MET
    assert "job 1 was part-time, and this path asks for full-time experience" in said(result)
    assert result.gaps == ["1 year more experience."]


def test_full_time_counts_where_the_path_asks_for_full_time():
    rules = one_path(experience_years=Fraction(1), part_time_accepted=False)

    assert check(rules, profile(jobs=[job(years=1, hours_per_week=40)]), "A)").outcome == MET


def test_a_stated_full_time_week_counts_its_hours_as_full_time():
    rules = one_path(experience_years=Fraction(1), part_time_accepted=False, full_time_hours_per_week=35)

    result = check(rules, profile(jobs=[job(years=1, hours_per_week=35)]), "A)")

    assert result.outcome == MET
    assert "at 35 hours a week" in said(result)


def test_welfare_bachelors_in_a_listed_field_substitutes_two_years(welfare):
    data = welfare_graduate("bachelor", job(COMPUTING, years=1), college_credits=120)

    result = check(welfare, data, "A)")

    assert result.outcome == MET
    assert "you have 1 year (full-time equivalent)" in said(result)
    assert "Your education substitutes for 2 years of it" in said(result)
    assert "up to two (2) years" in said(result)  # the rule, quoted


def test_welfare_credits_beyond_an_associates_substitute_a_year_per_thirty(welfare):
    data = welfare_graduate("associate", job(COMPUTING, years=2), college_credits=90)

    result = check(welfare, data, "A)")

    assert result.outcome == MET
    assert "Your education substitutes for 1 year of it" in said(result)


def test_welfare_substitution_stops_at_its_cap_of_two_years(welfare):
    # A master's is 3 years beyond an associate's: the third year would make B)'s five.
    result = check(welfare, welfare_graduate("master", job(COMPUTING, years=2)), "B)")

    assert result.outcome == NOT_MET
    assert "Your education substitutes for 2 years of it" in said(result)
    assert result.gaps == ["1 year more experience."]


def test_welfare_one_year_of_experience_is_required_whatever_the_education(welfare):
    result = check(welfare, welfare_graduate("doctorate"), "A)")

    assert result.outcome == NOT_MET
    assert "you have 0 months" in said(result)
    assert "One year of experience is required" in said(result)  # the rule, quoted
    assert result.gaps == ["1 year more experience."]


def test_welfare_eleven_months_with_a_bachelors_is_short_of_the_required_year(welfare):
    result = check(welfare, welfare_graduate("bachelor", job(COMPUTING, months=11)), "A)")

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_welfare_education_not_confirmed_in_the_listed_fields_does_not_substitute(welfare):
    result = check(welfare, profile("bachelor", [job(COMPUTING, years=3)]), "B)")

    assert result.outcome == NOT_MET
    assert "substitutes" not in said(result)
    assert result.gaps == ["2 years more experience."]


def test_welfare_the_same_education_confirmed_in_a_listed_field_substitutes(welfare):
    result = check(welfare, welfare_graduate("bachelor", job(COMPUTING, years=3)), "B)")

    assert result.outcome == MET


# Seed 001, Case Management Coordinator I: high school and 2 years; education may substitute, at no stated rate.


def test_case_management_is_met_with_exactly_two_years(case_management):
    result = check(case_management, profile(jobs=[job(OFFICE_SUPPORT, years=2)]), 1)

    assert result.outcome == MET


def test_case_management_is_not_met_one_month_short_without_more_education(case_management):
    result = check(case_management, profile(jobs=[job(OFFICE_SUPPORT, months=23)]), 1)

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_case_management_cannot_tell_with_more_education_as_the_rate_is_not_stated(case_management):
    result = check(case_management, profile("associate", [job(OFFICE_SUPPORT, years=1)]), 1)

    assert result.outcome == CANNOT_TELL
    assert "Additional appropriate education may be substituted" in said(result)  # the rule, quoted
    assert "states no rate" in said(result)
    assert "you have 1 year" in said(result)


def test_case_management_cannot_tell_with_college_credits_beyond_high_school(case_management):
    data = profile("high_school", [job(OFFICE_SUPPORT, years=1)], college_credits=30)

    assert check(case_management, data, 1).outcome == CANNOT_TELL


# Seed 002, Child Support Enforcement Coordinator: (A) bachelor's and 2 years paid investigating, 1 of them
# supervisory; (B) associate's and 4 years, 2 supervisory; promotional: 1 or 2 years in named titles. Its special
# requirement asks for a driver's licence, which these applicants hold.
DRIVING = {"licenses": [{"name": "Driver's license", "status": "current"}]}


def investigator(supervisory_months, other_months, paid=True):
    return profile(
        "bachelor",
        [
            job(INVESTIGATING, months=supervisory_months, supervisory=True, paid=paid),
            job(INVESTIGATING, months=other_months, paid=paid),
        ],
        **DRIVING,
    )


def test_child_support_a_is_met_with_two_years_one_of_them_supervisory(child_support):
    result = check(child_support, investigator(12, 12), "(A)")

    assert result.outcome == MET
    assert "Needs 2 years of paid experience in investigating" in said(result)
    assert "Needs 1 year of it supervisory; you have 1 year." in said(result)


def test_child_support_a_is_not_met_with_eleven_months_supervisory(child_support):
    result = check(child_support, investigator(11, 13), "(A)")

    assert result.outcome == NOT_MET
    assert "Needs 1 year of it supervisory; you have 11 months." in said(result)
    assert result.gaps == [f"1 month more of supervisory paid experience in {INVESTIGATING}."]


def test_child_support_a_is_not_met_one_month_short_of_two_years(child_support):
    result = check(child_support, investigator(12, 11), "(A)")

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_child_support_unpaid_work_does_not_count(child_support):
    result = check(child_support, investigator(12, 12, paid=False), "(A)")

    assert result.outcome == NOT_MET
    assert "job 1 was unpaid, and the experience must be paid" in said(result)
    assert "you have 0 months" in said(result)


def test_child_support_b_is_met_with_four_years_two_supervisory_and_an_associates(child_support):
    data = profile("associate", [job(INVESTIGATING, years=2, supervisory=True), job(INVESTIGATING, years=2)], **DRIVING)

    assert check(child_support, data, "(B)").outcome == MET


def test_child_support_b_is_not_met_without_an_associates(child_support):
    data = profile("high_school", [job(INVESTIGATING, years=2, supervisory=True), job(INVESTIGATING, years=2)])

    result = check(child_support, data, "(B)")

    assert result.outcome == NOT_MET
    assert "Needs: Associate's degree. You have: High school diploma or equivalency." in said(result)


def holding(title, years, level="high_school", **fields):
    """A profile with `years` of permanent competitive status in `title`."""
    return profile(level, status={title: years}, **fields)


def test_child_support_promotion_is_met_with_exactly_one_year_in_a_named_title(child_support):
    result = check(child_support, holding("Principal Social Welfare Examiner", 1, **DRIVING), 4)

    assert result.outcome == MET
    assert "Principal Social Welfare Examiner (1 year)" in said(result)
    assert "You have 1 year as Principal Social Welfare Examiner." in said(result)


def test_child_support_promotion_is_not_met_one_month_short(child_support):
    result = check(child_support, holding("Principal Social Welfare Examiner", 11 / 12, **DRIVING), 4)

    assert result.outcome == NOT_MET
    assert "You have 11 months as Principal Social Welfare Examiner." in said(result)


def test_child_support_two_year_promotion_is_met_with_exactly_two_years(child_support):
    assert check(child_support, holding("Senior Social Welfare Examiner", 2, **DRIVING), 5).outcome == MET


def test_child_support_two_year_promotion_is_not_met_one_month_short(child_support):
    result = check(child_support, holding("Senior Social Welfare Examiner", 23 / 12, **DRIVING), 5)

    assert result.outcome == NOT_MET
    assert "You have 1 year 11 months as Senior Social Welfare Examiner." in said(result)


def test_child_support_time_in_a_title_of_the_other_promotional_path_does_not_count(child_support):
    result = check(child_support, holding("Senior Social Welfare Examiner", 1, **DRIVING), 4)

    assert result.outcome == NOT_MET
    assert "You have none of them." in said(result)


def test_child_support_promotion_gap_of_about_a_month_reads_as_one_month(child_support):
    result = check(child_support, holding("Senior Support Investigator", "0.92", **DRIVING), 4)

    assert result.gaps[0].startswith("1 month more as Senior Support Investigator")


# Seed 003, Employment Case Manager: promotional with an associate's; 1. bachelor's in a field and 1 year;
# 2. associate's in a field and 3 years; 3. high school and 5 years; graduate education substitutes year for year.


@pytest.mark.parametrize(
    ("title", "years"), [("Senior Social Services Worker", 1), ("Social Services Worker", 3)], ids=["senior", "worker"]
)
def test_employment_promotion_is_met_with_exactly_the_years_and_an_associates(employment, title, years):
    result = check(employment, holding(title, years, "associate"), 1)

    assert result.outcome == MET
    assert f"You have {years} year{'s' if years > 1 else ''} as {title}." in said(result)


@pytest.mark.parametrize(
    ("title", "years", "have"),
    [("Senior Social Services Worker", 11 / 12, "11 months"), ("Social Services Worker", 35 / 12, "2 years 11 months")],
    ids=["senior", "worker"],
)
def test_employment_promotion_is_not_met_one_month_short(employment, title, years, have):
    result = check(employment, holding(title, years, "associate"), 1)

    assert result.outcome == NOT_MET
    assert f"You have {have} as {title}." in said(result)


def test_employment_promotion_also_needs_an_associates(employment):
    result = check(employment, holding("Senior Social Services Worker", 1, "high_school"), 1)

    assert result.outcome == NOT_MET
    assert result.gaps == ["Associate's degree or higher."]


def caseworker(level, months, fields=(SOCIAL_WORK,)):
    return profile(level, [job(CASEWORK, months=months)], degree_fields=list(fields))


def test_employment_1_is_met_with_a_bachelors_in_a_field_and_exactly_one_year(employment):
    assert check(employment, caseworker("bachelor", 12), "1.").outcome == MET


def test_employment_1_is_not_met_one_month_short(employment):
    result = check(employment, caseworker("bachelor", 11), "1.")

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_employment_1_is_not_met_with_the_degree_not_confirmed_in_a_listed_field(employment):
    result = check(employment, caseworker("bachelor", 12, fields=()), "1.")

    assert result.outcome == NOT_MET
    assert "you have not confirmed that yours is" in said(result)


def test_employment_2_graduate_education_substitutes_year_for_year(employment):
    # A master's counts a year beyond the bachelor's: two years' experience make path 2.'s three.
    assert check(employment, caseworker("master", 24), "2.").outcome == MET
    assert check(employment, caseworker("master", 23), "2.").outcome == NOT_MET


def test_employment_3_is_met_with_exactly_five_years_and_not_one_month_short(employment):
    assert check(employment, caseworker("high_school", 60), "3.").outcome == MET
    assert check(employment, caseworker("high_school", 59), "3.").outcome == NOT_MET


# Seed 004, Customer Support Coordinator: A) bachelor's with 24 credit hours and 1 year; B) associate's with
# 12 credit hours and 3 years; C) high school and 5 years; D) an equivalent combination of A) to C).


def programmer(level, months, **credit_hours):
    return profile(level, [job(COMPUTING, months=months)], credit_hours=credit_hours)


def test_customer_support_a_is_met_with_exactly_24_credit_hours(customer_support):
    result = check(customer_support, programmer("bachelor", 12, **{PROGRAMMING_A: 24}), "A)")

    assert result.outcome == MET
    assert "Needs 24 credit hours in computer science or programming; you have 24." in said(result)


def test_customer_support_a_is_not_met_one_credit_hour_short(customer_support):
    result = check(customer_support, programmer("bachelor", 12, **{PROGRAMMING_A: 23}), "A)")

    assert result.outcome == NOT_MET
    assert "Needs 24 credit hours in computer science or programming; you have 23." in said(result)
    assert result.gaps == ["1 more credit hour in computer science or programming."]


def test_customer_support_b_is_met_with_exactly_12_credit_hours_and_3_years(customer_support):
    assert check(customer_support, programmer("associate", 36, **{PROGRAMMING_B: 12}), "B)").outcome == MET


def test_customer_support_b_is_not_met_one_month_short(customer_support):
    assert check(customer_support, programmer("associate", 35, **{PROGRAMMING_B: 12}), "B)").outcome == NOT_MET


def college_year_programmer(months, programming_credits=6):
    """A high-school graduate with a year of college, 6 credits of it in programming (half of B)'s 12)."""
    data = programmer("high_school", months, **{PROGRAMMING_B: programming_credits})
    return {**data, "college_credits": 30}


def test_customer_support_d_is_met_with_a_year_of_college_and_four_years(customer_support):
    result = check(customer_support, college_year_programmer(48), "D)")

    assert result.outcome == MET
    assert "counting 1 year of college, the combination needs 4 years of experience" in said(result)
    assert "you have 4 years" in said(result)


def test_customer_support_d_is_not_met_with_a_year_of_college_and_one_month_short(customer_support):
    result = check(customer_support, college_year_programmer(47), "D)")

    assert result.outcome == NOT_MET
    assert "you have 3 years 11 months" in said(result)
    assert result.gaps == ["1 month more experience."]


def test_customer_support_d_counts_college_only_with_its_share_of_the_credit_hours(customer_support):
    result = check(customer_support, college_year_programmer(48, programming_credits=0), "D)")

    assert result.outcome == NOT_MET
    assert "6 credit hours" in said(result)


def test_customer_support_d_gap_names_the_subjects_of_the_credit_hours(customer_support):
    result = check(customer_support, college_year_programmer(48, programming_credits=0), "D)")

    assert result.gaps == [
        "6 more credit hours in computer science or programming or computer science and/or programming; "
        "or, counting no college, 1 year more experience."
    ]


def test_customer_support_d_with_no_college_is_the_five_years_of_c(customer_support):
    assert check(customer_support, programmer("high_school", 60), "D)").outcome == MET
    assert check(customer_support, programmer("high_school", 59), "D)").outcome == NOT_MET


# Paths the checker cannot read, and confirmations


def test_a_path_with_no_recorded_facts_cannot_tell():
    rules = one_path(text="Such experience as the commission deems appropriate.")

    results = evaluate(rules, read_profile(profile(jobs=[job(years=30)]), rules.questions()))

    assert [result.outcome for result in results] == [CANNOT_TELL]
    assert "have not been recorded" in said(results[0])
    assert overall(results) == CANNOT_TELL


def test_unconfirmed_field_and_kind_do_not_count(welfare):
    result = check(welfare, profile("associate", [job(years=3)]), "A)")

    assert result.outcome == NOT_MET
    assert "you have not confirmed that yours is" in said(result)
    assert "job 1 is not confirmed as network administration" in said(result)
    assert result.assumed == []


def test_assuming_confirmations_meets_the_path_and_names_what_was_assumed(welfare):
    result = check(welfare, profile("associate", [job(years=3)]), "A)", assume=True)

    assert result.outcome == MET
    assert "assumed, not confirmed" in said(result)
    assumed = " ".join(result.assumed)
    assert "your education is in one of: computer science" in assumed
    assert "your experience is of the kind named: network administration" in assumed


def test_assuming_confirmations_takes_credit_hours_in_the_subjects_as_given(customer_support):
    result = check(customer_support, programmer("bachelor", 12), "A)", assume=True)

    assert result.outcome == MET
    assert result.assumed == ["24 credit hours in computer science or programming"]


def test_assuming_confirmations_still_needs_the_years(welfare):
    result = check(welfare, profile("associate", [job(months=35)]), "A)", assume=True)

    assert result.outcome == NOT_MET
    assert result.gaps == ["1 month more experience."]


def test_each_assumption_is_named_once(welfare):
    result = check(welfare, profile("associate", [job(years=1)]), "A)", assume=True)

    assert len(result.assumed) == len(set(result.assumed))


def test_assuming_confirmations_does_not_override_a_figure_the_applicant_gave(customer_support):
    result = check(customer_support, programmer("bachelor", 12, **{PROGRAMMING_A: 23}), "A)", assume=True)

    assert result.outcome == NOT_MET


def test_overall_is_met_when_any_path_is(welfare):
    data = welfare_graduate("bachelor", job(COMPUTING, years=1))

    results = evaluate(welfare, read_profile(data, welfare.questions()))

    assert [result.outcome for result in results] == [MET, NOT_MET, NOT_MET]
    assert overall(results) == MET


# Reading a profile


QUESTIONS = Rules(
    paths=(
        PathRule(
            label="A)",
            education_level="associate",
            education_fields=("Computer science",),
            credit_hours=12,
            credit_hour_subjects="programming",
            experience_years=Fraction(2),
            experience_kinds=("Computer programming",),
            paid_experience=True,
            supervisory_years=Fraction(1),
        ),
        PathRule(label="B)", kind=PathKind.PROMOTIONAL, titles=(("Programmer", Fraction(1)),)),
    ),
    substitutions=(SubstitutionRule(kind=SubstitutionKind.EDUCATION_FOR_EXPERIENCE, text="Year for year."),),
).questions()


def test_a_profile_naming_only_what_the_spec_prints_is_read():
    data = {
        "education_level": "bachelor",
        "college_credits": "130.5",
        "degree_fields": ["computer SCIENCE"],
        "credit_hours": {"Programming": 12},
        "jobs": [job("Computer programming", years=1, months=6, hours_per_week=20, paid=True, supervisory=True)],
        "status": {"programmer": 2},
    }

    read = read_profile(data, QUESTIONS)

    assert read.education_level == "bachelor"
    assert read.college_credits == Fraction(261, 2)
    assert read.degree_fields == {"computer science"}
    assert read.credit_hours == {"programming": 12}
    assert read.jobs[0].months == 18
    assert read.jobs[0].hours_per_week == 20
    assert read.status == {"programmer": 2}


def refused(data, questions=QUESTIONS):
    with pytest.raises(ProfileError) as error:
        read_profile(data, questions)
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"age": 30}, "“age” is not part of a profile; use: accredited, college_credits, credit_hours"),
        (profile(jobs=[{"employer": "County"}]), "jobs[1]: “employer” is not part of a job"),
        (profile(degree_fields=["Basket weaving"]), "“Basket weaving” is not a name this spec prints"),
        (profile(jobs=[job("Knitting")]), "jobs[1].kinds: “Knitting” is not a name this spec prints"),
        (profile(credit_hours={"Knitting": 3}), "credit_hours: “Knitting” is not a name this spec prints"),
        (profile(status={"Mayor": 3}), "status: “Mayor” is not a name this spec prints. Choose from: Programmer."),
    ],
    ids=["profile key", "job key", "degree field", "kind", "subject", "title"],
)
def test_unknown_keys_and_names_not_printed_by_the_spec_are_refused(data, message):
    assert message in refused(data)


def test_a_refused_name_lists_the_names_the_spec_prints():
    assert "Choose from: Computer science." in refused(profile(degree_fields=["Basket weaving"]))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "jobs[1].years must be between 0 and 80."),
        ("-1", "jobs[1].years must be a number such as 2 or 2.5, not “-1”."),
        (81, "jobs[1].years must be between 0 and 80."),
        (10**400, "jobs[1].years must be between 0 and 80."),
        (1e300, "jobs[1].years must be between 0 and 80."),
        ("1e999999", "jobs[1].years must be a number such as 2 or 2.5, not “1e999999”."),
        (json.loads("1e999999"), "jobs[1].years must be a number"),
        (float("nan"), "jobs[1].years must be a number"),
        ("two", "jobs[1].years must be a number such as 2 or 2.5, not “two”."),
        ([2], "jobs[1].years must be a number."),
        (True, "jobs[1].years must be a number."),
    ],
    ids=[
        "negative",
        "negative text",
        "too many",
        "huge",
        "huge float",
        "exponent",
        "infinite",
        "nan",
        "words",
        "list",
        "bool",
    ],
)
def test_numbers_out_of_range_or_not_plain_are_refused(value, message):
    assert message in refused(profile(jobs=[{"years": value}]))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "The profile must be a JSON object."),
        ("bachelor", "The profile must be a JSON object."),
        (profile("phd"), "education_level must be one of: high_school, associate, bachelor, master, doctorate"),
        (profile(jobs="ten years"), "jobs must be a list of at most 50 entries."),
        (profile(jobs=[job(years=1)] * 51), "jobs must be a list of at most 50 entries."),
        (profile(jobs=["ten years"]), "jobs[1] must be an object."),
        (profile(jobs=[{"paid": "yes"}]), "jobs[1].paid must be true or false."),
        (profile(jobs=[{"supervisory": 1}]), "jobs[1].supervisory must be true or false."),
        (profile(jobs=[{"kinds": "Computer programming"}]), "jobs[1].kinds must be a list of names."),
        (profile(jobs=[{"title": 5}]), "jobs[1].title must be text."),
        (profile(degree_fields="Computer science"), "degree_fields must be a list of names."),
        (profile(credit_hours=[12]), "credit_hours must be an object of name: number."),
        (profile(status={"Programmer": "a year"}), "status[Programmer] must be a number such as 2 or 2.5"),
        (profile(college_credits=1001), "college_credits must be between 0 and 1000."),
    ],
    ids=[
        "list",
        "text",
        "level",
        "jobs text",
        "51 jobs",
        "job text",
        "paid",
        "supervisory",
        "kinds",
        "title",
        "fields",
        "credit hours",
        "status",
        "credits",
    ],
)
def test_values_of_the_wrong_type_are_refused_with_a_message(data, message):
    assert message in refused(data)


def test_every_error_of_a_profile_is_reported_at_once():
    messages = refused({"age": 30, "education_level": "high_school", "jobs": [{"years": -1, "paid": "yes"}]})

    assert "“age”" in messages
    assert "jobs[1].years" in messages
    assert "jobs[1].paid" in messages


def test_a_name_printed_by_another_spec_is_refused(welfare, child_support):
    data = profile(jobs=[job(INVESTIGATING, years=2)])

    assert read_profile(data, child_support.questions()).jobs[0].kinds == {INVESTIGATING}
    assert "is not a name this spec prints" in refused(data, welfare.questions())


def test_a_profile_without_an_education_level_reads_as_no_diploma():
    assert read_profile({"status": {"Programmer": 1}}, QUESTIONS).education_level == ""


@pytest.mark.parametrize("jobs", [{}, 0, False, ""], ids=["object", "zero", "false", "empty text"])
def test_jobs_that_are_not_a_list_are_refused_even_when_empty(jobs):
    assert "jobs must be a list" in refused(profile(jobs=jobs))


def test_a_number_too_long_to_print_is_refused_as_out_of_range():
    assert "between 0 and 80" in refused(profile(jobs=[{"years": 10**5000}]))
