import pytest

from buurt.models import Relatie
from initiatieven.models import Initiatief, Team, Voorkeur
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
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


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_creates_a_team_sees_the_gap_and_the_checklist_change(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    f.make_initiatief(buurt, "Burenhulp")
    okra = f.make_partner(buurt, "Okra", niveau="vuur")
    f.make_partner(buurt, "OCMW", niveau="vonk")
    f.make_partner(buurt, "Chiro")
    Voorkeur.objects.create(partner=okra, participatieniveau="meebeslissen", bron="partnerlink")

    login(page, base_url, coordinator.username)
    page.goto(f"{base_url}/buurten/{buurt.slug}/bomen/")
    page.get_by_role("link", name="Nieuw team").click()
    page.get_by_label("Initiatief").fill("Burenhulp")
    page.get_by_label("Naam").fill("Boodschappenteam")
    page.get_by_label("Specifiek gedeeld doel").fill(
        "Wekelijks boodschappen voor wie niet mobiel is"
    )
    page.get_by_label("Samenwerkingsintensiteit").select_option("actief_afstemmen")
    for i, (naam, niveau) in enumerate(
        [("Okra", "adviseren"), ("OCMW", "coproduceren"), ("Chiro", "informeren")]
    ):
        page.locator(f"#id_leden-{i}-partner").fill(naam)
        page.locator(f"#id_leden-{i}-participatieniveau").select_option(niveau)
    page.locator("#id_leden-0-middelen").get_by_label("tijd").check()
    page.locator("#id_leden-1-middelen").get_by_label("ruimte").check()
    page.get_by_role("button", name="Team aanmaken").click()
    page.get_by_text("Team Boodschappenteam aangemaakt.").wait_for()

    team = Team.objects.get()
    card = page.locator(f"#team-{team.pk}")
    okra_row = card.get_by_role("row", name="Okra")
    assert "wil 2 treden hoger" in okra_row.inner_text()
    assert okra_row.locator("td.kloof").count() == 1
    beslissen = card.locator(".checklist li", has_text="Samen beslissen")
    assert "open" in beslissen.get_attribute("class")
    assert "✓" in card.locator(".checklist li", has_text="bundelen").inner_text()

    card.get_by_role("link", name="Team bewerken").click()
    card.get_by_label("beslist samen als gelijkwaardige partners").check()
    card.get_by_label("Hoe beslist het team?").fill("Maandelijks overleg, één stem per partner")
    card.get_by_role("button", name="Bewaren").click()

    beslissen = page.locator(f"#team-{team.pk} .checklist li", has_text="Samen beslissen")
    beslissen.and_(page.locator("li.ok")).wait_for()
    assert "ontbreekt" not in beslissen.inner_text()
    team.refresh_from_db()
    assert team.beslist_samen


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
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
