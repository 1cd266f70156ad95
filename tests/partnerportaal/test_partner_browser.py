import pytest
from django.urls import reverse

from buurt.models import Rol
from initiatieven.models import Voorkeur
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_partner_follows_link_chooses_coproduceren_and_coordinator_sees_it(browser_page):  # noqa: F811
    page, base_url = browser_page
    buurt = f.make_buurt(slug="demo", naam="Demo")
    f.grant(f.make_user("coordinator"), buurt, Rol.Soort.COORDINATOR)
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    team = f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Boodschappenteam")
    f.make_deelname(team, partner, participatieniveau="adviseren")
    _link, token = f.make_partnerlink(partner)

    page.goto(f"{base_url}/partner/{token}/")
    assert page.url == f"{base_url}/partner/"
    section = page.locator(f"#sectie-team-{team.pk}")
    section.get_by_label("Coproduceren").check()
    section.get_by_label("tijd").check()
    section.get_by_role("button", name="Bewaar voor Boodschappenteam").click()
    page.locator(f"#sectie-team-{team.pk}").get_by_text("Je voorkeur is bewaard").wait_for()
    assert token not in page.url
    voorkeur = Voorkeur.objects.get()
    assert (voorkeur.team, voorkeur.participatieniveau) == (team, "coproduceren")

    login(page, base_url, "coordinator")
    page.goto(base_url + reverse("partnerportaal:partnerlink_list", args=["demo", partner.pk]))
    row = page.locator(f"#voorkeur-{voorkeur.pk}")
    assert "Boodschappenteam" in row.inner_text()
    assert "coproduceren" in row.inner_text()
