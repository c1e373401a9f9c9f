"""Every kind of public page reflows at 320 CSS pixels (WCAG 2.1 1.4.10): nothing scrolls sideways but a
data table inside its own box, and the narrow layout still passes axe-core's A and AA rules."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import CAYUGA, CLERK, WCAG_21_AA, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}

PAGES = {
    "home": "/",
    "list": "/classes/",
    "list with a search": "/classes/?q=support",
    "list with a filter, its filters open": "/classes/?q=clerk&jurisdictional_class=competitive",
    "class": CAYUGA,
    "class with promotion lines": CLERK,
    "history": CLERK + "history/",
    "comparison": CLERK + "compare/?from=1&to=2",
    "superseded version": CLERK + "versions/1/",
    "print": CAYUGA + "versions/1/print/",
    "jurisdiction": "/jurisdictions/cayuga-county/",
    "qualify": "/classes/qualify/",
    "check": CAYUGA + "check/",
}

# How far the page itself scrolls sideways, and the widest elements that stick out past the viewport.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((element) => element.getBoundingClientRect().right > width + 1)
    .filter((element) => !element.closest(".scroll-box"))
    .slice(0, 5)
    .map((element) => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
  return {extra: document.documentElement.scrollWidth - width, culprits};
}"""


# Header links that wrap inside themselves: a link broken over lines has more than one box.
BROKEN_LINKS = """() => [...document.querySelectorAll(".site-header nav a")]
  .filter((link) => link.getClientRects().length > 1)
  .map((link) => link.textContent.trim())"""


def test_every_kind_of_public_page_fits_320_css_pixels_with_no_wcag_violation(browser, live_server, account_clerks):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    axe = Axe()
    problems = []
    for name, path in PAGES.items():
        response = page.goto(path)
        if response.status != 200:
            problems.append(f"{name} ({path}) answered {response.status}")
            continue
        overflow = page.evaluate(OVERFLOW)
        if overflow["extra"] > 0:
            problems.append(f"{name} ({path}) scrolls {overflow['extra']} px sideways: {overflow['culprits']}")
        if broken := page.evaluate(BROKEN_LINKS):
            problems.append(f"{name} ({path}) breaks header links over lines: {broken}")
        violations = axe.run(page, options=WCAG_21_AA).response["violations"]
        if violations:
            problems.append(f"{name} ({path}): {len(violations)} violation(s)\n{describe(violations)}")
    context.close()

    assert not problems, "\n".join(problems)


def test_on_a_phone_the_filters_fold_behind_one_control_and_the_results_start_on_the_first_screen(
    browser, live_server, catalogue
):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.goto("/classes/")

    filters = page.get_by_role("group", name="Filters")
    expect(filters).to_be_hidden()
    assert page.get_by_role("heading", name="5 classes").bounding_box()["y"] < PHONE["height"]

    page.get_by_text("Filters and sort").click()
    expect(filters).to_be_visible()
    page.get_by_label("Jurisdictional class").select_option(label="Competitive")
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("group", name="Filters")).to_be_visible()  # a chosen filter stays in sight
    expect(page.get_by_text("Filters and sort (1 chosen)")).to_be_visible()
    context.close()
