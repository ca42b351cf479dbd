"""In a real browser: a visitor opens the results from the main menu, chooses a quarter, opens
the numbers behind the chart, goes to the open data from the footer and downloads the CSV.
axe-core checks every page (WCAG 2.2 A/AA); screenshots go to test-artifacts/."""

import re

import pytest

from inkoopkracht.knowledge.tests.browser import check_accessibility, tab_to

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def live_programme(transactional_db, request):
    return request.getfixturevalue("programme")


def test_visitor_reads_the_results_and_downloads_the_open_data(browser_page, live_programme):
    page = browser_page
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Resultaten").click()
    page.wait_for_url("**/resultaten/")
    assert page.get_by_role("heading", level=1).inner_text() == "Resultaten van het programma"
    assert "4 van de 5 proeftuinen" in page.content()
    check_accessibility(page, "resultaten")

    page.get_by_label("Kwartaal", exact=True).select_option("2026-Q2")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"periode=2026-Q2"))
    assert page.get_by_role("heading", name="Banen in het 2e kwartaal 2026").is_visible()
    page.get_by_text("Toon de cijfers als tabel").click()
    assert page.get_by_role("table", name="Banen per kwartaal: de cijfers").is_visible()
    check_accessibility(page, "resultaten-kwartaal")

    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    page.wait_for_url("**/resultaten/open-data/")
    check_accessibility(page, "open-data")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^CSV")).click()
    with open(download.value.path(), encoding="utf-8") as handle:
        assert handle.readline().strip() == (
            "tabel,periode,groep,groep_naam,indicator,waarde,eenheid,onderdrukt"
        )


def test_keyboard_reaches_the_results_and_the_quarter_choice(browser_page, live_programme):
    page = browser_page
    page.goto("/")
    tab_to(page, '.site-nav a[href="/resultaten/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/resultaten/")
    tab_to(page, "#id_periode")
    tab_to(page, ".period-form button")
    tab_to(page, ".chart__details summary")
