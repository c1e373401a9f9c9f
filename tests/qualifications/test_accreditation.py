"""Education from an accredited college or university: the applicant says whether theirs was; not saying cannot be
told only where it decides the path."""

from qualifications.checker import CANNOT_TELL, MET, NOT_MET

from .applicants import ACCOUNTING, applicant, job, path, result, rules, said

ACCREDITED_DEGREE = "A bachelor's degree from an accredited college or university and one year of experience."


def accredited(**facts):
    return rules(
        path(
            text=ACCREDITED_DEGREE,
            education_level="bachelor",
            accredited_education=True,
            experience_years=1,
            **facts,
        )
    )


def graduate(accredited_school, *jobs):
    return applicant("bachelor", *(jobs or (job(years=1),)), accredited=accredited_school)


def test_a_degree_from_an_accredited_school_meets_the_path():
    checked = result(accredited(), graduate(True))

    assert checked.outcome == MET
    assert "accredited college or university: you said yours was" in said(checked)


def test_a_degree_from_a_school_that_was_not_accredited_does_not():
    checked = result(accredited(), graduate(False))

    assert checked.outcome == NOT_MET
    assert checked.gaps == ["Education from an accredited college or university."]


def test_not_saying_whether_the_school_was_accredited_cannot_be_told_where_all_else_is_met():
    checked = result(accredited(), graduate(None))

    assert checked.outcome == CANNOT_TELL
    assert "you have not said whether yours was" in said(checked)


def test_not_saying_leaves_not_met_a_path_the_applicant_falls_short_of_anyway():
    assert result(accredited(), graduate(None, job(months=11))).outcome == NOT_MET


def test_an_applicant_without_college_is_not_asked_about_a_school_they_never_attended():
    checked = result(accredited(), applicant("high_school", job(years=1)))

    assert checked.outcome == NOT_MET
    assert "accredited" not in said(checked)


def test_a_path_that_does_not_ask_for_accreditation_counts_any_school():
    spec = rules(path(text="A bachelor's degree.", education_level="bachelor"))

    assert result(spec, applicant("bachelor", accredited=False)).outcome == MET
    assert spec.questions().accredited is False


def test_credit_hours_from_an_accredited_school_are_asked_about_too():
    spec = rules(
        path(
            text="Twelve semester units in accounting from an accredited college.",
            credit_hours=12,
            credit_hour_subjects=ACCOUNTING,
            accredited_education=True,
        )
    )
    units = {ACCOUNTING: 12}

    assert result(spec, applicant("", credit_hours=units, accredited=True)).outcome == MET
    assert result(spec, applicant("", credit_hours=units, accredited=False)).outcome == NOT_MET
    assert result(spec, applicant("", credit_hours=units)).outcome == CANNOT_TELL


def test_across_the_catalogue_an_unsaid_accreditation_is_assumed_and_named():
    checked = result(accredited(), graduate(None), assume=True)

    assert checked.outcome == MET
    assert checked.assumed == ["your college or university is accredited"]


def test_across_the_catalogue_a_school_said_not_accredited_still_does_not_count():
    assert result(accredited(), graduate(False), assume=True).outcome == NOT_MET


def combined():
    """A) a bachelor's degree from an accredited college and one year; B) five years; C) a combination of them."""
    return rules(
        path(text=ACCREDITED_DEGREE, education_level="bachelor", accredited_education=True, experience_years=1),
        path("B)", 2, text="Five years of experience.", experience_years=5),
        path("C)", 3, text="An equivalent combination of training and experience.", is_equivalent_combination=True),
    )


def test_a_combination_counts_college_from_an_accredited_school_where_the_other_paths_ask_for_one():
    two_years_of_college = {"education_level": "associate", "jobs": [job(years=3)]}

    outcomes = [
        result(combined(), {**two_years_of_college, "accredited": said}, 3).outcome for said in (True, None, False)
    ]

    assert outcomes == [MET, CANNOT_TELL, NOT_MET]
    assert "your college is not counted" in said(result(combined(), {**two_years_of_college, "accredited": False}, 3))


def test_a_combination_met_without_counting_college_does_not_ask_about_the_school():
    assert result(combined(), {"education_level": "associate", "jobs": [job(years=5)]}, 3).outcome == MET


def test_a_combination_of_paths_that_all_ask_for_college_asks_about_the_school_even_at_the_least_of_it():
    spec = rules(
        path(text=ACCREDITED_DEGREE, education_level="bachelor", accredited_education=True, experience_years=1),
        path("B)", 2, text="An associate's degree.", education_level="associate", experience_years=3),
        path("C)", 3, text="An equivalent combination of training and experience.", is_equivalent_combination=True),
    )
    associate = {"education_level": "associate", "jobs": [job(years=3)]}

    assert result(spec, {**associate, "accredited": True}, 3).outcome == MET
    assert result(spec, associate, 3).outcome == CANNOT_TELL
