"""An applicant fills the "Check your qualifications" form in Chromium and reads each path's outcome."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_accessibility import WCAG_21_AA, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CUSTOMER_SUPPORT = "/classes/unnamed-employer-b/customer-support-coordinator/"


def outcome_of(page, label):
    path = page.locator(".path-result").filter(has=page.locator(".path-name", has_text=label))
    return path.locator(".outcome").inner_text()


def test_an_applicant_checks_a_class_from_its_page_and_reads_every_path(page, catalogue):
    page.goto(CUSTOMER_SUPPORT)
    page.get_by_role("link", name="Check your qualifications for this class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your qualifications")

    page.get_by_label("Highest education you have completed").select_option(label="Associate's degree")
    page.get_by_label("Was your college or university accredited?").select_option(label="Yes")
    page.get_by_label("Credit hours you have in computer science and/or programming").fill("12")
    job = page.get_by_role("group", name="Job 1")
    job.get_by_label("Years").fill("2")
    job.get_by_label("Months").fill("11")
    job.get_by_label("computer programming", exact=True).check()
    page.get_by_role("button", name="Check my qualifications").click()

    expect(page.get_by_role("heading", name="You do not appear to meet any open-competitive path yet")).to_be_visible()
    assert "Not met yet" in outcome_of(page, "B)")
    expect(page.locator(".path-result", has_text="B)").first).to_contain_text("1 month more experience.")

    # The form comes back as typed: one more month, in a second job entry added without JavaScript.
    page.get_by_role("button", name="Add another job").click()
    expect(page.get_by_role("group", name="Job 3")).to_be_visible()
    expect(page.get_by_role("group", name="Job 1").get_by_label("Months")).to_have_value("11")
    second = page.get_by_role("group", name="Job 2")
    second.get_by_label("Months").fill("2")
    second.get_by_label("Hours a week").fill("20")
    second.get_by_label("local area network administration").check()
    page.get_by_role("button", name="Check my qualifications").click()

    expect(page.get_by_role("heading", name="You appear to meet at least one open-competitive path")).to_be_visible()
    outcomes = {label: outcome_of(page, label) for label in ("A)", "B)", "C)", "D)")}
    assert "You appear to meet this path" in outcomes["B)"]
    assert "You appear to meet this path" in outcomes["D)"]
    assert "Not met yet" in outcomes["A)"] and "Not met yet" in outcomes["C)"]

    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    assert not violations, describe(violations)


def test_the_catalogue_lists_the_classes_a_profile_appears_to_meet(page, catalogue):
    page.goto("/")
    page.get_by_role("link", name="Classes you may qualify for").click()
    page.get_by_label("Highest education you have completed").select_option(label="High school diploma or equivalency")
    job = page.get_by_role("group", name="Job 1")
    job.get_by_label("Years").fill("5")
    page.get_by_role("button", name="Find classes").click()

    results = page.get_by_role("region", name="you appear to meet")
    expect(results).to_contain_text("CUSTOMER SUPPORT COORDINATOR")
    expect(results).not_to_contain_text("CHILD SUPPORT ENFORCEMENT COORDINATOR")  # needs a degree

    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    assert not violations, describe(violations)
