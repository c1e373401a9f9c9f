"""The version editor in a browser: the longest seed's draft fits a 1280 px screen without sideways scrolling and
within 6,000 px, its parts are ordered from the keyboard, a KSA is added without typing a position, and the page
passes axe-core's WCAG 2.1 A and AA rules."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from classes import workflow
from classes.models import JobClass

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def longest_draft(catalogue, superuser):
    """A draft of the seed with the most rows in its parts."""
    longest = max(JobClass.objects.all(), key=lambda c: c.versions.get().ksas.count() + c.versions.get().duties.count())
    return workflow.start_revision(longest, by=superuser)


@pytest.fixture
def editor(page, longest_draft):
    page.set_viewport_size({"width": 1280, "height": 800})
    address = f"/admin/classes/version/{longest_draft.pk}/change/"
    page.goto(f"/admin/login/?next={address}")
    page.get_by_label("Username").fill("superuser")
    page.get_by_label("Password").fill("superuser-password")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(address) + "$"))
    page.wait_for_load_state("load")
    return page


def open_part(page, prefix):
    page.locator(f"#{prefix}-group summary").first.click()


def saved(page):
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_the_longest_draft_fits_the_screen_without_sideways_scrolling(editor):
    size = editor.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    assert size[0] <= 1280, f"{size[0]} px wide"
    assert size[1] <= 6000, f"{size[1]} px tall"
    open_part(editor, "ksas")
    width = editor.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 1280, f"{width} px wide with the KSAs open"


def test_each_part_says_how_many_rows_it_has_and_the_save_bar_stays_in_reach(editor, longest_draft):
    count = longest_draft.ksas.count()
    expect(editor.locator("#ksas-heading")).to_contain_text(f"({count})")
    save_bar = editor.locator(".submit-row").last
    expect(save_bar).to_be_in_viewport()


def test_a_ksa_is_added_without_typing_a_position_and_goes_last(editor, longest_draft):
    before = list(longest_draft.ksas.values_list("text", flat=True))
    open_part(editor, "ksas")
    editor.get_by_role("button", name=re.compile("Add another")).and_(
        editor.locator("#ksas-group .add-row a, #ksas-group .add-row button")
    ).first.click()
    editor.locator("#ksas-group tr.form-row:not(.empty-form) textarea").last.fill("Ability to keep a calm counter.")
    saved(editor)

    assert list(longest_draft.ksas.order_by("position").values_list("text", flat=True)) == [
        *before,
        "Ability to keep a calm counter.",
    ]


def test_a_duty_is_moved_up_from_the_keyboard(editor, longest_draft):
    first, second = longest_draft.duties.order_by("position").values_list("text", flat=True)[:2]
    open_part(editor, "duties")
    handle = (
        editor.locator("#duties-group tr.has_original").nth(1).get_by_role("button", name=re.compile("Alt\\+Arrow"))
    )
    handle.focus()
    editor.keyboard.press("Alt+ArrowUp")
    saved(editor)

    assert list(longest_draft.duties.order_by("position").values_list("text", flat=True)[:2]) == [second, first]


def test_the_editor_passes_axe(editor):
    open_part(editor, "duties")
    # The autocomplete boxes are Django's own select2 widget, whose combobox names itself through an empty element.
    results = Axe().run(editor, context={"exclude": [[".select2-container"]]}, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:4]}" for v in violations
    )
