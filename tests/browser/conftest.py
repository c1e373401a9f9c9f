"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

One Chromium serves the whole session; each test gets a fresh context (no shared cookies or
history) whose base URL is the live server. Playwright's sync API keeps an asyncio loop running in
the main thread for as long as it is started, so Django's guard against ORM calls from async code
would refuse the tests' own queries: DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser is up.
The browser tests run last, so no other test runs under that loop or that setting.
"""

import os
from datetime import date

import pytest

from classes import search, workflow
from classes.models import Version
from tests.conftest import load_seeds, publish

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)  # stable: order kept otherwise


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: make install")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(5_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def catalogue(db):
    """The five seed specs, searchable, written for the live server to read (the test's end flushes them).
    Tests that add classes rebuild the index again after."""
    load_seeds()


@pytest.fixture
def account_clerks(catalogue, jurisdiction, make_class):
    """Three Tompkins County classes beside the seeds, indexed for search:

    - Account Clerk, revised once: version 1 superseded, version 2 adopted, with different duties;
    - Senior Account Clerk, whose promotional path accepts a year as Account Clerk;
    - Account Clerk Typist, non-competitive, for the competitive filter to leave out.
    """
    clerk, first = make_class("Account Clerk", status="draft", jurisdictional_class="competitive")
    first.duties.create(position=1, text="Posts receipts to the general ledger by hand;")
    first.duties.create(position=2, text="Types invoices and files them by vendor.")
    publish(first, adopted_on=date(2009, 3, 10))
    second = Version.objects.create(
        job_class=clerk, number=2, status="proposed", title="Account Clerk", jurisdictional_class="competitive"
    )
    second.duties.create(position=1, text="Posts receipts to the general ledger in the accounting system;")
    second.duties.create(position=2, text="Reconciles vendor statements each month.")
    workflow.adopt(second, by=None, adopted_on=date(2021, 6, 8))

    senior, senior_text = make_class("Senior Account Clerk", status="draft", jurisdictional_class="competitive")
    senior_text.duties.create(position=1, text="Supervises account clerks posting to the general ledger.")
    path = senior_text.paths.create(
        position=1, kind="promotional", text="One year of permanent competitive status as an Account Clerk."
    )
    path.titles.create(position=1, title="Account Clerk", years=1, job_class=clerk)
    publish(senior_text)

    typist, _ = make_class("Account Clerk Typist", jurisdictional_class="non_competitive")

    search.rebuild()
    return {"clerk": clerk, "senior": senior, "typist": typist}
