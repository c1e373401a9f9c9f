"""A reader's journey in the browser: search, filter, open a class, follow a promotion line, compare versions."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def results(page):
    return page.get_by_role("main").get_by_role("listitem").get_by_role("link")


def choose_version(form, name, number):
    """Pick a version in the history page's form, whether it offers a select or radio buttons."""
    control = form.locator(f'[name="{name}"]')
    if control.first.evaluate("element => element.tagName") == "SELECT":
        control.select_option(str(number))
    else:
        form.locator(f'[name="{name}"][value="{number}"]').check()


def test_a_reader_searches_filters_follows_a_promotion_line_and_compares_two_versions(page, account_clerks):
    page.goto("/")
    page.get_by_label("Search class specifications").fill("account clerk")
    page.get_by_label("Search class specifications").press("Enter")

    expect(page).to_have_url(re.compile(r"/classes/\?q=account\+clerk"))
    expect(results(page).filter(has_text="Account Clerk Typist")).to_have_count(1)

    page.get_by_text("Filters and sort").click()  # folded until a filter is chosen
    page.get_by_label("Jurisdictional class").select_option(label="Competitive")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"jurisdictional_class=competitive"))
    expect(page.get_by_label("Search class specifications")).to_have_value("account clerk")
    expect(results(page).filter(has_text="Account Clerk Typist")).to_have_count(0)
    expect(results(page).filter(has_text=re.compile(r"^Account Clerk$"))).to_have_count(1)

    results(page).filter(has_text="Senior Account Clerk").click()

    expect(page).to_have_url(re.compile(r"/classes/tompkins-county/senior-account-clerk/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Senior Account Clerk")

    page.locator("h3:text-is('Promotion to this class from') + ul").get_by_role("link", name="Account Clerk").click()

    expect(page).to_have_url(re.compile(r"/classes/tompkins-county/account-clerk/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Account Clerk")
    leads_to = page.locator("h3:text-is('This class leads to') + ul")
    expect(leads_to.get_by_role("link", name="Senior Account Clerk")).to_be_visible()

    page.get_by_role("link", name="History and earlier versions").click()

    expect(page).to_have_url(re.compile(r"/classes/tompkins-county/account-clerk/history/$"))
    form = page.locator("form", has=page.locator('[name="from"]'))
    choose_version(form, "from", 1)
    choose_version(form, "to", 2)
    form.get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"/classes/tompkins-county/account-clerk/compare/\?(?=.*from=1)(?=.*to=2)"))
    expect(page.locator("del", has_text="by hand").first).to_be_visible()
    expect(page.locator("ins", has_text="accounting system").first).to_be_visible()
    expect(page.locator("ins", has_text="Reconciles vendor statements").first).to_be_visible()
