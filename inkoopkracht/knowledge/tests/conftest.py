"""Fixtures of the knowledge tests: a guide of three published steps, a published lesson."""

import pytest

from .factories import make_guide, make_published_lesson


@pytest.fixture
def guide(db):
    return make_guide(numbers=(1, 2, 3))


@pytest.fixture
def published_lesson(partnership_a, supplier_member, programme_admin):
    return make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Pictogrammen op de kar"
    )


@pytest.fixture(autouse=True)
def _dutch():
    """Start every test in Dutch (a request in English leaves its language active)."""
    from django.utils import translation

    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files and built PDFs go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A Chromium page on the live server (Dutch, 1280×900), closed after the test."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, require_chromium

    require_chromium()
    # Playwright's sync API runs an event loop in this thread; the test still uses the ORM.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(
            base_url=live_server.url,
            locale="nl-NL",
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        # Everything comes from the live server: requests elsewhere fail at once.
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # Database work done while Playwright runs uses a connection of its own (the sync
            # API switches context); close it, or PostgreSQL keeps the test database in use.
            connections.close_all()


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    """pytest-django's live server, running one request at a time.

    A browser fetches several things at once (the back office loads icons and translations
    while a page loads). The live server answers them in threads that share one in-memory
    SQLite connection, which SQLite refuses ("table is locked"). Here the threads still
    accept connections side by side, but run the application one request at a time, and
    close their database connection after each request.
    """
    import threading

    from django.db import connections
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    lock = threading.Lock()
    static_handler = server.thread.static_handler

    def one_at_a_time(application):
        handler = static_handler(application)

        def serial(environ, start_response):
            with lock:
                try:
                    return handler(environ, start_response)
                finally:
                    # A thread waiting on a kept-alive browser connection must not hold a
                    # database connection (PostgreSQL would refuse to drop the test database).
                    connections.close_all()

        return serial

    server.thread.static_handler = one_at_a_time
    server.start()
    yield server
    server.stop()  # before the test database is dropped (hence django_db_setup above)
