"""Every kind of public page passes axe-core's WCAG 2.1 A and AA rules, and the keyboard alone reaches search and results."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
CAYUGA = "/classes/cayuga-county/child-support-enforcement-coordinator/"
CLERK = "/classes/tompkins-county/account-clerk/"

PAGES = {
    "home": "/",
    "list": "/classes/",
    "list with a search": "/classes/?q=support",
    "list with a filter": "/classes/?q=clerk&jurisdictional_class=competitive",
    "class": CAYUGA,
    "class with no jurisdictional class": "/classes/career-service-authority/case-management-coordinator-i/",
    "class with promotion lines": CLERK,
    "history": CLERK + "history/",
    "comparison": CLERK + "compare/?from=1&to=2",
    "superseded version": CLERK + "versions/1/",
    "print": CAYUGA + "versions/1/print/",
    "jurisdiction": "/jurisdictions/cayuga-county/",
}

# The element that has focus: what a sighted keyboard user must be able to see.
FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    name: element.getAttribute("name") || "",
    text: (element.innerText || element.value || "").trim().slice(0, 60),
    href: element.getAttribute("href") || "",
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
  };
}"""


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {' '.join(map(str, node['target']))}: {node['failureSummary']!r}" for node in violation["nodes"]
        )
    return "\n".join(lines)


def test_every_kind_of_public_page_has_no_wcag_21_a_or_aa_violation(page, account_clerks):
    # One test visits every page: each browser test pays for loading the catalogue and flushing it
    # after, and the message below names every page's problems, not only the first page's.
    axe = Axe()
    problems = []
    for name, path in PAGES.items():
        response = page.goto(path)
        if response.status != 200:
            problems.append(f"{name} ({path}) answered {response.status}")
            continue
        violations = axe.run(page, options=WCAG_21_AA).response["violations"]
        if violations:
            problems.append(f"{name} ({path}): {len(violations)} violation(s)\n{describe(violations)}")

    assert not problems, "\n".join(problems)


def tab_until(page, wanted, limit=40):
    """Press Tab until the focused element is `wanted`; the elements passed on the way explain a failure."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
        passed.append(focused["text"] or focused["name"] or focused["tag"])
    raise AssertionError(f"{limit} presses of Tab never reached it; focus went through: {passed}")


def assert_focus_is_visible(focused):
    assert focused["outline"] or focused["shadow"], f"no outline or box-shadow shows the focus on {focused}"


def test_the_keyboard_alone_reaches_search_and_the_results_with_focus_visible(page, catalogue):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.evaluate(FOCUSED)
    assert (skip_link["text"], skip_link["href"]) == ("Skip to content", "#content")
    assert_focus_is_visible(skip_link)
    expect(page.get_by_role("link", name="Skip to content")).to_be_in_viewport()

    assert_focus_is_visible(tab_until(page, lambda focused: focused["name"] == "q"))
    page.keyboard.type("support")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/classes/\?q=support"))
    first_result = page.get_by_role("main").get_by_role("listitem").get_by_role("link").first
    expect(first_result).to_be_visible()
    first_href = first_result.get_attribute("href")

    assert_focus_is_visible(tab_until(page, lambda focused: focused["href"] == first_href))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(first_href) + "$"))
