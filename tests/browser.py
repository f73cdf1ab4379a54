"""Driving the system Chromium with Playwright, for the browser tests (tests/test_browser_*.py).

Never a downloaded browser: the tests use /usr/bin/chromium and skip when it is
missing, unless DIGEST_REQUIRE_BROWSER=1 (CI sets it) makes that a failure.
Screenshots go to var/screenshots/, which git ignores, for a person to look at.
"""

from pathlib import Path

import pytest

from digest.settings import env_bool

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
PHONE, DESKTOP = 375, 1280

# A step that has not happened in 10 seconds is not going to.
TIMEOUT_MS = 10_000


def require_chromium():
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: the browser tests drive the system Chromium (apt-get install chromium)"
    if env_bool("DIGEST_REQUIRE_BROWSER", False):
        pytest.fail(f"{reason}, and DIGEST_REQUIRE_BROWSER is set")
    pytest.skip(reason)


class Tab:
    """A browser tab on the live server that remembers what went wrong in it.

    problems lists every dialog opened (alert(1) from page text would be one),
    every console error (the browser logs each thing the Content Security Policy
    blocks, such as an inline script) and every uncaught script error.
    """

    def __init__(self, page, base_url, width):
        self.page = page
        self.base_url = base_url
        self.width = width
        self.problems = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def go(self, path):
        """Open a path on the live server; returns the response."""
        return self.page.goto(self.base_url + path)

    def screenshot(self, name):
        """Save the whole page as var/screenshots/<name>-<width>.png."""
        self.page.screenshot(path=SCREENSHOTS / f"{name}-{self.width}.png", full_page=True)

    def _dialog(self, dialog):
        self.problems.append(f"{dialog.type} dialog: {dialog.message!r} on {self.page.url}")
        dialog.dismiss()

    def _console(self, message):
        if message.type != "error":
            return
        url = message.location.get("url", "")
        # The status of the page itself (a 403, a 404) is for the test to check; and
        # browsers ask every site for /favicon.ico, which Digest does not have.
        if message.text.startswith("Failed to load resource") and (
            url == self.page.url or url.endswith("/favicon.ico")
        ):
            return
        self.problems.append(f"console error on {self.page.url}: {message.text}")
