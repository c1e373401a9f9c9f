"""Chromium reads a class page's JSON-LD under the Content Security Policy and reports no violation for it."""

import json

import pytest

from classes import occupations, onet
from classes.models import Occupation, Version

from .test_security_headers import CUSTOMER_SUPPORT, REPORT_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_json_ld_of_a_class_page_breaks_no_rule_of_the_policy(page, catalogue):
    if not Occupation.objects.exists():  # emptied, as every table, after an earlier test on the live server
        onet.store(onet.shipped())
    occupations.suggest(Version.objects.current().get(title="CUSTOMER SUPPORT COORDINATOR"))
    violations = []

    def report(text):
        violations.append(text)

    page.expose_function("reportViolation", report)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))

    response = page.goto(CUSTOMER_SUPPORT)
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve))")  # any report of this page is sent by now

    assert "script-src 'self'" in response.headers["content-security-policy"]
    block = page.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(block)["occupationalCategory"]["codeValue"] == "15-1232.00"
    assert not violations, "\n".join(violations)
