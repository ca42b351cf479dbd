"""In a real browser: a visitor searches the guide, opens a step and downloads the PDF.

axe-core checks every page on the way (WCAG 2.2 A/AA); screenshots go to test-artifacts/.
The keyboard-only variant does the same with Tab and Enter alone.
"""

import re

import pytest

from .browser import check_accessibility, tab_to
from .factories import make_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def full_guide(transactional_db):
    return make_guide(numbers=range(1, 10))


def expect_pdf(download) -> None:
    assert download.suggested_filename == "handreiking-partnership-en-inkoopkracht.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_visitor_searches_opens_a_step_and_downloads_the_pdf(browser_page, full_guide):
    page = browser_page
    page.goto("/")
    check_accessibility(page, "home")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Handreiking").click()
    page.wait_for_url("**/handreiking/")
    check_accessibility(page, "handreiking")

    page.get_by_role("searchbox", name="Zoeken in de handreiking en de lessen").fill("jobcoach")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/zoeken/\?q=jobcoach"))
    assert page.get_by_role("status").inner_text().endswith("voor ‘jobcoach’")
    check_accessibility(page, "zoeken")

    page.get_by_role("link", name="Stap 2: Kick-off en intentieverklaring").first.click()
    page.wait_for_url("**/handreiking/stap-2/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kick-off en intentieverklaring"
    check_accessibility(page, "handreiking-stap")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download de hele handreiking")).click()
    expect_pdf(download.value)


def test_visitor_does_the_same_with_the_keyboard_only(browser_page, full_guide):
    page = browser_page
    page.goto("/")
    tab_to(page, "a.skip-link")
    tab_to(page, '.site-nav a[href="/handreiking/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/handreiking/")

    tab_to(page, "input#zoek-handreiking")
    page.keyboard.type("jobcoach")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=jobcoach"))

    tab_to(page, '.results a[href="/handreiking/stap-2/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/handreiking/stap-2/")
    check_accessibility(page, "handreiking-stap-toetsenbord")

    tab_to(page, "a.download-link")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    expect_pdf(download.value)
