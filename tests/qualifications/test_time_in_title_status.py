"""Time in a promotional path's titles: permanent status, and provisional, temporary or trainee time given apart,
counted as the standing the path asks for says."""

from fractions import Fraction

import pytest

from qualifications.checker import CANNOT_TELL, MET, NOT_MET
from qualifications.profile import ProfileError, read_profile
from qualifications.rules import TitleRule

from .applicants import applicant, path, result, rules, said

CLERK = "Account Clerk"
TYPIST = "Account Clerk Typist"


def promotion(status_required, combined=None):
    return rules(
        path(
            kind="promotional",
            text="One year as an Account Clerk or Account Clerk Typist.",
            titles=(TitleRule(CLERK, Fraction(1)), TitleRule(TYPIST, Fraction(1))),
            titles_combined=combined,
            status_required=status_required,
        )
    )


def employee(permanent=0, provisional=0, title=CLERK):
    return applicant("high_school", status={title: permanent}, provisional={title: provisional})


def test_provisional_time_does_not_count_toward_permanent_status():
    checked = result(promotion("permanent"), employee(permanent="0.5", provisional=1))

    assert checked.outcome == NOT_MET
    assert "Your provisional, temporary or traineeship time (1 year as Account Clerk) does not count" in said(checked)
    assert checked.gaps == ["6 months more as Account Clerk or 1 year more as Account Clerk Typist."]


def test_permanent_status_alone_meets_a_path_asking_for_it():
    assert result(promotion("permanent"), employee(permanent=1)).outcome == MET
    assert result(promotion("permanent"), employee(permanent="0.9")).outcome == NOT_MET


def test_provisional_time_counts_where_the_path_asks_for_current_employment_not_status():
    met = result(promotion("current_employment"), employee(permanent="0.5", provisional="0.5"))

    assert met.outcome == MET
    assert "permanent or provisional alike" in said(met)
    assert result(promotion("current_employment"), employee(provisional="0.9")).outcome == NOT_MET


def test_provisional_time_that_would_decide_cannot_be_told_where_the_standing_was_not_recorded():
    checked = result(promotion(""), employee(permanent="0.5", provisional="0.5"))

    assert checked.outcome == CANNOT_TELL
    assert "was not recorded" in said(checked)


def test_where_the_standing_was_not_recorded_permanent_status_alone_still_meets_and_too_little_time_does_not():
    assert result(promotion(""), employee(permanent=1, provisional=1)).outcome == MET
    assert result(promotion(""), employee(permanent="0.25", provisional="0.25")).outcome == NOT_MET


def test_provisional_time_in_titles_combined_adds_up_only_where_it_counts():
    both = applicant("high_school", status={CLERK: "0.5"}, provisional={TYPIST: "0.5"})

    assert result(promotion("current_employment", combined=True), both).outcome == MET
    assert result(promotion("permanent", combined=True), both).outcome == NOT_MET


def test_provisional_time_in_a_title_no_path_names_is_refused():
    spec = promotion("permanent")

    with pytest.raises(ProfileError, match="provisional: “Mayor” is not a name this spec prints"):
        read_profile(applicant("high_school", provisional={"Mayor": 1}), spec.questions())
