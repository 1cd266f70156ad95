"""Two-factor sign-in, clicked through in Chromium under the Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from buurt.models import Rol
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

from .helpers import app_code, code_for_secret

pytestmark = pytest.mark.browser


def test_a_coordinator_switches_two_factor_on_and_logs_in_with_a_code(
    browser_page,  # noqa: F811
):
    page, base_url = browser_page
    buurt = f.make_buurt(slug="kessel-lo", naam="Kessel-Lo")
    user = f.make_user("ilse")
    f.grant(user, buurt, Rol.Soort.COORDINATOR)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    login(page, base_url, "ilse")
    page.get_by_role("link", name="Mijn account").click()
    page.get_by_role("link", name="Tweestapsverificatie instellen").click()
    qr = page.locator("img.qr")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    secret = page.locator("code.otp-secret").inner_text()
    page.get_by_label("Code uit je app").fill(code_for_secret(secret))
    page.get_by_role("button", name="Bevestigen en aanzetten").click()

    expect(page.get_by_role("heading", name="Je herstelcodes")).to_be_visible()
    expect(page.locator("ol.recovery-codes li")).to_have_count(10)
    page.get_by_role("button", name="Afmelden").click()

    login(page, base_url, "ilse")
    expect(page.get_by_role("heading", name="Code invullen")).to_be_visible()
    page.get_by_label("Code uit je app, of een herstelcode").fill(
        app_code(user.totpdevice_set.get())
    )
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Kessel-Lo")).to_be_visible()
    assert page.url.endswith("/buurten/kessel-lo/")
    assert violations == []
