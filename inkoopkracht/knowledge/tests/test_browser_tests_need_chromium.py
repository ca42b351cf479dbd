"""Without Debian's Chromium the browser tests fail with a clear message (they never skip)."""

from pathlib import Path

import pytest

from . import browser


def test_missing_chromium_fails_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception, match="Chromium ontbreekt.*apt-get install chromium"):
        browser.require_chromium()
