import pytest

from buurt.models import Relatie
from initiatieven.models import Initiatief
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_connects_two_activities_from_the_finder(browser_page, buurt, coordinator):  # noqa: F811
    page, base_url = browser_page
    okra, wgc = f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Wijkgezondheidscentrum")
    f.make_activiteit(buurt, "Koffieklets", doelgroep="senioren").organisatoren.set([okra])
    f.make_activiteit(buurt, "Valpreventie", doelgroep="senioren").organisatoren.set([wgc])

    login(page, base_url, coordinator.username)
    page.goto(f"{base_url}/buurten/{buurt.slug}/fruit/")
    kans = page.locator(".kans")
    assert kans.count() == 1
    kans.get_by_label("Samenwerkingsintensiteit").select_option("actief_afstemmen")
    kans.get_by_role("button", name="Verbind Okra en Wijkgezondheidscentrum").click()

    page.get_by_text("Relatie tussen Okra en Wijkgezondheidscentrum vastgelegd.").wait_for()
    assert page.locator(".kans").count() == 0
    relatie = Relatie.objects.get()
    assert (relatie.van, relatie.naar, relatie.intensiteit) == (okra, wgc, "actief_afstemmen")


def test_coordinator_reaches_higher_picking_partners_from_suggestions(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    f.make_partner(buurt, "Okra", niveau="vonk")
    f.make_partner(buurt, "OCMW", niveau="vuur")
    f.make_actor(buurt, "Oscar")  # an actor, not a partner: never suggested

    login(page, base_url, coordinator.username)
    page.goto(f"{base_url}/buurten/{buurt.slug}/fruit/reik-hoger/")
    assert "Partners met vuur: OCMW" in page.locator("main").inner_text()
    page.get_by_label("Naam van het initiatief").fill("Buurtrestaurant")
    page.get_by_label("Soort").select_option("zorgzaam_buurtinitiatief")
    partners = page.get_by_label("Partners die je nodig hebt")
    partners.press_sequentially("ok")
    suggesties = page.locator("#partners-suggesties option")
    suggesties.first.wait_for(state="attached")
    assert suggesties.evaluate_all("els => els.map(e => e.value)") == ["Okra"]
    partners.fill("Okra")
    page.get_by_label("Doel").click()  # leaving the field shows the enthusiasm
    page.get_by_text("Let op: geen van deze partners heeft vuur.").wait_for()

    partners.fill("Okra; OCMW")
    page.get_by_label("Doel").click()
    page.get_by_text("Er is vuur").wait_for()
    page.get_by_role("button", name="Start het initiatief").click()
    page.get_by_text("Nieuw initiatief Buurtrestaurant gestart.").wait_for()
    trekkers = Initiatief.objects.get(naam="Buurtrestaurant").trekkers.all()
    assert sorted(a.naam for a in trekkers) == ["OCMW", "Okra"]
