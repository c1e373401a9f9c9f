"""Cannot tell, not a guess: a fact that decides a path but was not recorded, or a rule the checker does not weigh."""

from qualifications.checker import CANNOT_TELL, MET, NOT_MET

from .applicants import ACCOUNTING, VOLUNTEER, applicant, job, path, result, rules, said, substitution

TWO_YEARS_OF_ACCOUNTING = "Two years of experience in accounting."


def test_a_kind_of_work_the_text_names_but_nobody_recorded_cannot_be_told():
    spec = rules(path(text=TWO_YEARS_OF_ACCOUNTING, experience_years=2))

    checked = result(spec, applicant("high_school", job(years=5)))

    assert checked.outcome == CANNOT_TELL
    assert "kinds were not recorded" in said(checked)


def test_experience_of_no_named_kind_counts_any_work():
    spec = rules(path(text="Two years of full-time experience.", experience_years=2))

    assert result(spec, applicant("high_school", job(years=2))).outcome == MET
    assert result(spec, applicant("high_school", job(years=1, months=11))).outcome == NOT_MET


def test_a_field_of_study_the_text_names_but_nobody_recorded_cannot_be_told():
    spec = rules(path(text="A bachelor's degree in accounting.", education_level="bachelor"))

    checked = result(spec, applicant("bachelor"))

    assert checked.outcome == CANNOT_TELL
    assert "fields were not recorded" in said(checked)


def test_a_degree_in_any_field_needs_no_field_recorded():
    spec = rules(path(text="A bachelor's degree in any field.", education_level="bachelor"))

    assert result(spec, applicant("bachelor")).outcome == MET


def accounting_path(**facts):
    return path(text=TWO_YEARS_OF_ACCOUNTING, experience_years=2, experience_kinds=(ACCOUNTING,), **facts)


def test_work_the_spec_excludes_never_counts():
    spec = rules(accounting_path(excluded_experience=(VOLUNTEER,)))
    excluded = job(ACCOUNTING, VOLUNTEER, years=3)

    checked = result(spec, applicant("high_school", excluded))

    assert checked.outcome == NOT_MET
    assert f"job 1 is {VOLUNTEER}, which the spec says does not count" in said(checked)


def test_work_not_of_the_excluded_kind_counts():
    spec = rules(accounting_path(excluded_experience=(VOLUNTEER,)))

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=2))).outcome == MET


def test_excluded_work_is_asked_about_and_may_be_named_for_a_job():
    spec = rules(accounting_path(excluded_experience=(VOLUNTEER,)))

    assert spec.questions().excluded_kinds == (VOLUNTEER,)


def test_a_substitution_without_a_rate_cannot_tell_for_an_applicant_with_more_college():
    spec = rules(accounting_path(education_level="high_school"), substitutions=[substitution()])

    checked = result(spec, applicant("associate", job(ACCOUNTING, years=1)))

    assert checked.outcome == CANNOT_TELL
    assert "states no rate" in said(checked)


def test_a_substitution_without_a_rate_leaves_not_met_an_applicant_without_more_college():
    spec = rules(accounting_path(education_level="high_school"), substitutions=[substitution()])

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1))).outcome == NOT_MET


def test_a_substitution_recorded_as_other_cannot_tell_where_a_path_is_short():
    spec = rules(accounting_path(), substitutions=[substitution("other", text="Other training may be accepted.")])

    checked = result(spec, applicant("high_school", job(ACCOUNTING, years=1)))

    assert checked.outcome == CANNOT_TELL
    assert "Other training may be accepted." in said(checked)


def test_a_substitution_recorded_as_other_changes_nothing_where_the_path_is_met():
    spec = rules(accounting_path(), substitutions=[substitution("other")])

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=2))).outcome == MET


def test_experience_for_education_cannot_tell_for_an_applicant_with_experience():
    spec = rules(
        path(text="A bachelor's degree.", education_level="bachelor"),
        substitutions=[substitution("experience_for_education", years_per_year=2)],
    )

    assert result(spec, applicant("high_school", job(years=4))).outcome == CANNOT_TELL
    assert result(spec, applicant("high_school")).outcome == NOT_MET


def test_a_certificate_for_experience_cannot_tell_where_experience_is_short():
    # The certificate is named only in the rule's words: the checker cannot ask whether the applicant holds it.
    spec = rules(accounting_path(), substitutions=[substitution("certification_for_experience")])

    assert result(spec, applicant("high_school", job(ACCOUNTING, years=1))).outcome == CANNOT_TELL
    assert result(spec, applicant("high_school", job(ACCOUNTING, years=2))).outcome == MET


def test_a_substitution_the_checker_does_not_weigh_leaves_an_unmet_promotion_unmet():
    spec = rules(path(kind="promotional", titles=(("Account Clerk", 1),)), substitutions=[substitution("other")])

    assert result(spec, applicant("high_school", status={"Account Clerk": "0.5"})).outcome == NOT_MET
