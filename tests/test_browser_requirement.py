"""Where there is no system Chromium, the browser tests skip, unless CI requires a browser."""

from pathlib import Path

import browser
import pytest


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("DIGEST_REQUIRE_BROWSER", raising=False)
    return monkeypatch


def test_a_missing_chromium_skips_the_browser_tests(no_chromium):
    with pytest.raises(pytest.skip.Exception, match="/nonexistent/chromium is missing"):
        browser.require_chromium()


def test_a_missing_chromium_fails_them_when_a_browser_is_required(no_chromium):
    no_chromium.setenv("DIGEST_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="DIGEST_REQUIRE_BROWSER is set"):
        browser.require_chromium()
