"""Playwright for Python driving the system Chromium (browser downloads are impossible here)."""

import os
import shutil
import tempfile

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium")


@pytest.fixture
def browser_page(live_server):
    """A fresh Chromium page; yields (page, base_url)."""
    path = chromium_path()
    if not path:
        pytest.fail("CI=true but Chromium is not installed: .ci/run must install it")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test
    # makes between browser steps are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=path, args=LAUNCH_ARGS, headless=True, locale="nl-BE"
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            yield page, live_server.url
        finally:
            context.close()
            # ORM calls made while Playwright's loop ran opened their own connection.
            connections.close_all()
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def login(page, base_url, username, password="geheim-wachtwoord"):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state("networkidle")
