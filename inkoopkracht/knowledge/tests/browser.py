"""Helpers for the browser tests: Debian's Chromium through Playwright, axe-core, screenshots.

The tests fail (not skip) when Chromium is missing: CI installs it (``.ci/run``), and an
accessibility check that silently does not run is worse than a red build.
"""

from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
TIMEOUT_MS = 15_000
# Wait for short transitions (a message fading in); long or endless ones are decoration.
FINISH_ANIMATIONS = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime <= 2000)
    .map(a => a.finished))"""


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium ontbreekt: {CHROMIUM} bestaat niet. Installeer het pakket 'chromium' "
            "(apt-get install chromium); de browsertests downloaden zelf geen browser."
        )


def check_accessibility(page, name: str) -> None:
    """Run axe-core on the current page: no WCAG 2.2 A/AA violations; keep a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate(FINISH_ANIMATIONS)  # a message that fades in has no final colours yet
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]
    assert not violations, f"axe-core op {page.url}:\n" + "\n".join(violations)


def tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until the element matching ``selector`` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"{selector} has focus but no visible focus indicator"
            return
    pytest.fail(f"Met Tab niet bij {selector} gekomen op {page.url}")


def log_in(page, email: str, password: str) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
