import pytest
from playwright.sync_api import expect

from partners.models import Partner
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = pytest.mark.browser


def test_rate_fire_log_a_success_and_see_it_on_the_dashboard(browser_page, buurt, coordinator):  # noqa: F811
    page, base_url = browser_page
    f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/vonken/")
    page.get_by_role("button", name="vuur voor Vzw Samen").click()
    expect(page.get_by_role("button", name="vuur voor Vzw Samen")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#vuur-samenvatting")).to_contain_text("vuur")
    partner = Partner.objects.with_enthousiasme().get()
    assert partner.huidig_enthousiasme == "vuur"

    page.get_by_label("Wat lukte er?").fill("Eerste soepbar")
    page.get_by_label("Betrokken partners").fill("Vzw Samen")
    page.get_by_role("button", name="Succes noteren").click()
    expect(page.locator("#succes-list")).to_contain_text("Eerste soepbar")
    expect(page.get_by_label("Wat lukte er?")).to_have_value("")

    page.get_by_role("link", name="Overzicht").click()
    expect(page.locator("#groei-successen figcaption")).to_contain_text("1")
    expect(page.locator("#groei-vuur figcaption")).to_contain_text("1")


def test_say_why_the_fire_changed_with_the_keyboard(browser_page, buurt, coordinator):  # noqa: F811
    page, base_url = browser_page
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/vonken/")
    summary = page.locator(f"#partner-{partner.pk} summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.get_by_label("Waarom? (optioneel)").fill("Trok het buurtfeest mee")
    page.get_by_role("button", name="vuur voor Vzw Samen").click()
    expect(page.locator(f"#partner-{partner.pk} .why")).to_have_text(
        "Waarom: Trok het buurtfeest mee"
    )
    assert partner.enthousiasme.first().notitie == "Trok het buurtfeest mee"
