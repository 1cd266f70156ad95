import re

import pytest
from playwright.sync_api import expect

from buurt.models import Actor
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def buurt_with_partner(buurt, coordinator):
    f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    return buurt


def test_three_actors_in_a_row_without_a_reload_then_filter(browser_page, buurt_with_partner):  # noqa: F811
    page, base_url = browser_page
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/ken-je-buurt/")
    page.evaluate("window.zonderHerladen = true")
    for naam, soort in [
        ("Mia Peeters", "bewoner"),
        ("Voetbalclub", "vereniging"),
        ("Dr. Janssens", "professional"),
    ]:
        naam_input = page.get_by_label("Naam", exact=True)
        naam_input.fill(naam)
        page.locator("#id_soort").select_option(soort)
        naam_input.press("Enter")
        nieuw = page.locator("#actor-list").get_by_role("link", name=naam, exact=True)
        expect(nieuw).to_be_visible()
        expect(page.get_by_label("Naam", exact=True)).to_be_focused()
        expect(page.get_by_label("Naam", exact=True)).to_have_value("")
    assert page.evaluate("window.zonderHerladen") is True
    assert Actor.objects.filter(buurt=buurt_with_partner).count() == 4

    page.get_by_label("Gekend via").fill("vzw")
    expect(page.locator("#aangebracht_door-suggesties option")).to_have_count(1)
    expect(page.locator("#aangebracht_door-suggesties option")).to_have_attribute(
        "value", "Vzw Samen"
    )
    expect(page.locator("#soort-counts")).to_contain_text("4")

    page.locator("#filter_soort").select_option("vereniging")
    expect(page).to_have_url(re.compile(r"soort=vereniging"))
    expect(page.locator("#actor-list")).not_to_contain_text("Mia Peeters")
    expect(page.locator("#actor-list")).to_contain_text("Voetbalclub")

    page.locator("#filter_soort").select_option("")
    page.get_by_label("Zoek op naam").fill("janss")
    expect(page).to_have_url(re.compile(r"q=janss"))
    expect(page.locator("#actor-list .actor-row")).to_have_count(1)
    assert page.evaluate("window.zonderHerladen") is True


def test_duplicate_name_needs_confirmation(browser_page, buurt_with_partner):  # noqa: F811
    page, base_url = browser_page
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/ken-je-buurt/")
    page.get_by_label("Naam", exact=True).fill("vzw samen")
    page.locator("#id_soort").select_option("vereniging")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("staat al in de lijst")).to_be_visible()
    assert Actor.objects.filter(buurt=buurt_with_partner).count() == 1
    page.get_by_label("Ja, dit is een andere actor met dezelfde naam").check()
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("#actor-list .actor-row")).to_have_count(2)


def test_inline_edit_and_delete_keep_the_keyboard_in_place(browser_page, buurt_with_partner):  # noqa: F811
    page, base_url = browser_page
    mia = f.make_actor(buurt_with_partner, "Buurtwinkel", soort="vereniging")
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/ken-je-buurt/")
    page.get_by_role("link", name="Bewerken Buurtwinkel").click()
    naam = page.locator(f"#id_actor-{mia.pk}-naam")
    expect(naam).to_be_focused()
    naam.fill("Buurtwinkel De Hoek")
    naam.press("Enter")
    expect(page.get_by_role("link", name="Buurtwinkel De Hoek", exact=True)).to_be_focused()

    page.get_by_role("link", name="Verwijderen Buurtwinkel De Hoek").click()
    expect(page.get_by_role("button", name="Ja, verwijder Buurtwinkel De Hoek")).to_be_focused()
    assert Actor.objects.filter(pk=mia.pk).exists()
    page.keyboard.press("Enter")
    expect(page.locator(f"#actor-{mia.pk}")).to_have_count(0)
    expect(page.locator("#messages")).to_contain_text("Buurtwinkel De Hoek is verwijderd.")
    assert not Actor.objects.filter(pk=mia.pk).exists()

    # A natural person is not deleted inline but erased, after its own confirmation page.
    jo = f.make_actor(buurt_with_partner, "Jo", soort="bewoner")
    page.goto(f"{base_url}/buurten/noord/ken-je-buurt/")
    page.get_by_role("link", name="Wissen Jo").click()
    assert page.url.endswith(f"/buurten/noord/ken-je-buurt/{jo.pk}/wissen/")
