"""Licences and certificates: held, lapsed or not yet held, and when a path or special requirement needs them."""

from classes.models import SpecialRequirement
from qualifications.checker import CANNOT_TELL, MET, MET_ON_CONDITION, NOT_MET
from qualifications.rules import LicenceRule

from .applicants import answer, applicant, holding, licence, path, result, rules, said

NURSE = "Registered Nurse licence"
PRACTICAL = "Licensed Practical Nurse licence"
DRIVING = "Driver's license"


def nursing(needed_by="appointment", within_months=None, *names, **facts):
    return rules(
        path(
            text="Possession of a licence as a Registered Nurse.",
            education_level="associate",
            licences=licence(*(names or (NURSE,)), needed_by=needed_by, within_months=within_months),
            **facts,
        )
    )


def test_a_licence_needed_by_appointment_and_not_yet_held_is_met_on_condition():
    checked = result(nursing(), applicant("associate"))

    assert checked.outcome == MET_ON_CONDITION
    assert checked.conditions == [f"A current {NURSE} by appointment."]


def test_a_licence_needed_by_appointment_and_held_is_met():
    checked = result(nursing(), applicant("associate", licenses=holding(NURSE)))

    assert checked.outcome == MET
    assert checked.conditions == []


def test_a_lapsed_licence_needed_by_appointment_is_met_on_condition_and_says_it_lapsed():
    checked = result(nursing(), applicant("associate", licenses=holding(NURSE, status="expired")))

    assert checked.outcome == MET_ON_CONDITION
    assert "lapsed" in said(checked)


def test_a_licence_past_its_expiry_date_is_not_current_whatever_it_is_called():
    past, future = "2026-12-05", "2026-12-06"

    assert result(nursing(), applicant("associate", licenses=holding(NURSE, expires_on=past))).outcome == (
        MET_ON_CONDITION
    )
    assert result(nursing(), applicant("associate", licenses=holding(NURSE, expires_on=future))).outcome == MET


def test_a_licence_needed_within_months_of_appointment_says_by_when():
    checked = result(nursing("within_period", 6), applicant("associate"))

    assert checked.outcome == MET_ON_CONDITION
    assert checked.conditions == [f"A current {NURSE} within 6 months of appointment."]


def test_a_licence_needed_when_applying_and_not_held_is_not_met():
    checked = result(nursing("application"), applicant("associate"))

    assert checked.outcome == NOT_MET
    assert checked.gaps == [f"A current {NURSE} when you apply."]


def test_a_licence_needed_when_applying_and_held_is_met():
    assert result(nursing("application"), applicant("associate", licenses=holding(NURSE))).outcome == MET


def test_a_licence_whose_time_was_not_recorded_cannot_be_told_unless_held():
    assert result(nursing(""), applicant("associate")).outcome == CANNOT_TELL
    assert result(nursing(""), applicant("associate", licenses=holding(NURSE))).outcome == MET


def test_a_condition_counts_only_where_everything_else_is_met():
    assert result(nursing(), applicant("high_school")).outcome == NOT_MET


def test_of_two_licences_needed_when_applying_holding_one_cannot_tell_whether_it_is_enough():
    spec = nursing("application", None, NURSE, PRACTICAL)

    assert result(spec, applicant("associate", licenses=holding(PRACTICAL))).outcome == CANNOT_TELL
    assert result(spec, applicant("associate", licenses=holding(NURSE, PRACTICAL))).outcome == MET


def test_of_two_licences_needed_by_appointment_holding_one_is_met_on_condition_of_the_other():
    checked = result(
        nursing("appointment", None, NURSE, PRACTICAL), applicant("associate", licenses=holding(PRACTICAL))
    )

    assert checked.outcome == MET_ON_CONDITION
    assert checked.conditions == [f"A current {NURSE} by appointment."]


def test_a_special_requirement_licence_is_a_condition_of_appointment_on_every_path():
    spec = rules(
        path(text="A high school diploma.", education_level="high_school"),
        path("B)", 2, text="An associate's degree.", education_level="associate"),
        licences=[licence(DRIVING, needed_by="appointment")._replace(source="A valid driver's license.")],
    )

    checked = [result(spec, applicant("associate"), n) for n in (1, 2)]

    assert [r.outcome for r in checked] == [MET_ON_CONDITION, MET_ON_CONDITION]
    assert "A valid driver's license." in said(checked[0])
    assert result(spec, applicant("associate", licenses=holding(DRIVING)), 2).outcome == MET


def test_the_answer_is_met_where_one_path_is_met_outright_and_another_on_condition():
    spec = rules(
        path(
            text="A high school diploma and a licence.",
            education_level="high_school",
            licences=licence(NURSE, needed_by="appointment"),
        ),
        path("B)", 2, text="A bachelor's degree.", education_level="bachelor"),
    )

    assert answer(spec, applicant("high_school")) == MET_ON_CONDITION
    assert answer(spec, applicant("bachelor")) == MET


def test_the_answer_is_met_on_condition_before_cannot_tell():
    spec = rules(
        path(
            text="A high school diploma.",
            education_level="high_school",
            licences=licence(NURSE, needed_by="appointment"),
        ),
        path("B)", 2, text="Two years of experience in nursing.", experience_years=2),
    )

    assert answer(spec, applicant("high_school")) == MET_ON_CONDITION


def driving_required(needed_by="", within_months=None):
    """A special requirement as the admin or the importer records it, read into the checker's rules."""
    requirement = SpecialRequirement(
        kind="drivers_license",
        text="A valid driver's license.",
        license_needed_by=needed_by,
        license_within_months=within_months,
    )
    return rules(
        path(text="A high school diploma.", education_level="high_school"),
        licences=[LicenceRule.from_special_requirement(requirement)],
    )


def test_a_special_requirement_needed_within_months_of_appointment_says_by_when():
    checked = result(driving_required("within_period", 6), applicant("high_school"))

    assert checked.outcome == MET_ON_CONDITION
    assert checked.conditions == [f"A current {DRIVING} within 6 months of appointment."]


def test_a_special_requirement_needed_when_applying_is_not_met_until_held():
    spec = driving_required("application")

    checked = result(spec, applicant("high_school"))

    assert checked.outcome == NOT_MET
    assert checked.gaps == [f"A current {DRIVING} when you apply."]
    assert result(spec, applicant("high_school", licenses=holding(DRIVING))).outcome == MET


def test_a_special_requirement_stating_no_time_is_a_condition_of_appointment():
    checked = result(driving_required(), applicant("high_school"))

    assert checked.outcome == MET_ON_CONDITION
    assert checked.conditions == [f"A current {DRIVING} by appointment."]
