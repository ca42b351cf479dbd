"""In a real browser (Chromium), keyboard only: apply, meet the errors, and pass axe-core."""

import pytest
from django.db import connections

from inkoopkracht.intake.models import Application

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TYPED = {
    "supplier_name": "Schoonmaak Toetsenbord",
    "supplier_identifier": "9876 5432",
    "supplier_contact_name": "Kim Toets",
    "supplier_contact_email": "kim@toetsenbord.example",
    "work_description": "Kantoren schoonmaken",
    "ambition": "Drie banen",
    "motivation": "Omdat het kan",
}


@pytest.fixture
def page(settings, monkeypatch):
    from playwright.sync_api import sync_playwright

    settings.INTAKE_MIN_FILL_SECONDS = 0
    # Playwright's sync API runs an event loop; the ORM checks in the test are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield browser.new_page(locale="nl-NL")
        connections.close_all()  # the one opened for the checks while Playwright's loop ran
        browser.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]})
    return [violation["id"] for violation in result.response["violations"]]


def tab_to(page, name: str) -> None:
    for _step in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    raise AssertionError(f"{name} cannot be reached with the tab key")


def test_a_supplier_applies_with_the_keyboard_only(live_server, page):
    page.goto(live_server.url + "/aanmelden/")
    assert axe_violations(page) == []
    tab_to(page, "als")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "Leverancier die een opdrachtgever zoekt"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("?als=leverancier")
    assert axe_violations(page) == []

    visited = []
    while len(visited) < 40:
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name")
        if page.evaluate("document.activeElement.textContent") == "Aanmelding versturen":
            break
        visited.append(name)
        if name in TYPED:
            page.keyboard.type(TYPED[name])
        elif name == "route":
            page.keyboard.press("Space")
        elif name in ("work_sector", "province"):
            page.keyboard.type("Schoonmaak" if name == "work_sector" else "Utrecht")
        elif name == "consent":
            page.keyboard.press("Space")
    assert "website" not in visited  # the honeypot is out of the tab order
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/aanmelden/ontvangen/")
    application = Application.objects.get()
    assert application.reference in page.inner_text("main")
    assert axe_violations(page) == []
    assert application.sorted_parties[0].kvk_number == "98765432"


def test_errors_are_announced_and_accessible(live_server, page):
    page.goto(live_server.url + "/aanmelden/?als=samen")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert (
        "Naam van de organisatie (opdrachtgever) – Dit is een verplicht veld."
        in summary.inner_text()
    )
    assert page.title().startswith("Fout:")
    field = page.locator("#id_buyer_name")
    assert "id_buyer_name_error" in (field.get_attribute("aria-describedby") or "")
    assert axe_violations(page) == []
