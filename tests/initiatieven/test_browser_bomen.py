import pytest

from initiatieven.models import Team, Voorkeur
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_creates_a_team_sees_the_gap_and_the_checklist_change(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    f.make_initiatief(buurt, "Burenhulp", soort="zorgzaam_buurtinitiatief")
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
    page.get_by_label("Huidige samenwerkingsintensiteit").select_option("passief_info_delen")
    page.get_by_label("Nodige samenwerkingsintensiteit voor het doel").select_option(
        "actief_afstemmen"
    )
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
    assert "✓" in card.locator(".checklist li", has_text="middelen echt samen").inner_text()
    assert "minder intensief samen dan nodig" in card.locator(".intensiteit-nodig").inner_text()

    card.get_by_role("link", name="Team bewerken").click()
    card.get_by_label("beslist samen als gelijkwaardige partners").check()
    card.get_by_label("Hoe beslist het team?").fill("Maandelijks overleg, één stem per partner")
    card.get_by_role("button", name="Bewaren").click()

    beslissen = page.locator(f"#team-{team.pk} .checklist li", has_text="Samen beslissen")
    beslissen.and_(page.locator("li.ok")).wait_for()
    assert "ontbreekt" not in beslissen.inner_text()
    team.refresh_from_db()
    assert team.beslist_samen
