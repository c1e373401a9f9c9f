"""Chromium enforces the Content Security Policy and finds nothing it must block, public pages and admin alike."""

import re

import pytest
from playwright.sync_api import expect

from classes import workflow
from classes.models import JobClass

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CUSTOMER_SUPPORT = "/classes/unnamed-employer-b/customer-support-coordinator/"

# Chromium fires this event for whatever the policy blocks; the page's own scripts cannot hide it, since the
# listener is installed before any of them runs (Playwright's init scripts are not subject to the policy).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile || location.pathname}:${event.lineNumber}`;
  window.reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${where}`);
});
"""


def test_public_pages_and_the_admin_version_form_break_no_rule_of_the_content_security_policy(
    page, catalogue, make_user
):
    draft = workflow.start_revision(JobClass.objects.get(slug="customer-support-coordinator"), by=None)
    make_user("superuser", "superuser")
    violations = []

    def report(text):
        violations.append(text)

    def read_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"console: {message.text}")

    page.expose_function("reportViolation", report)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", read_console)

    for path in ("/", CUSTOMER_SUPPORT, CUSTOMER_SUPPORT + "check/"):
        assert page.goto(path).headers["content-security-policy"]
    page.get_by_role("button", name="Check my qualifications").click()
    expect(page.get_by_role("heading", name=re.compile("appear to meet"))).to_be_visible()

    change_form = f"/admin/classes/version/{draft.pk}/change/"
    page.goto(f"/admin/login/?next={change_form}")
    page.get_by_label("Username").fill("superuser")
    page.get_by_label("Password").fill("superuser-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(change_form) + "$"))
    # The admin's scripts run under the policy: a folded part opened, an inline row added, an autocomplete opened.
    page.locator("#duties-group summary").first.click()
    add_a_duty = page.get_by_role("button", name="Add another Duty")
    expect(add_a_duty).to_be_visible()  # inlines.js has run
    duties = page.locator("#duties-group tbody tr.form-row")
    rows = duties.count()
    add_a_duty.click()
    expect(duties).to_have_count(rows + 1)
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    # django-simple-history's page prints the one inline style the policy admits by its hash.
    page.goto(f"/admin/classes/version/{draft.pk}/history/")
    expect(page.locator("p.paginator")).to_be_visible()
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve))")  # any report of this page is sent by now

    assert not violations, "\n".join(violations)
