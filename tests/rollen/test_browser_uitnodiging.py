"""The newcomer's path clicked through in Chromium: invite, mail, account form, dashboard."""

import pytest

from buurt.models import Rol
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

from .steps import PASSWORD, link_path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_invites_and_the_newcomer_signs_up(browser_page, smtp_inbox):  # noqa: F811
    page, base_url = browser_page
    buurt = f.make_buurt(slug="demo", naam="Demo")
    f.grant(f.make_user("coordinator"), buurt, Rol.Soort.COORDINATOR)

    login(page, base_url, "coordinator")
    page.goto(f"{base_url}/buurten/demo/")
    page.get_by_role("link", name="Mensen").click()
    page.get_by_label("E-mailadres").fill("nieuw@example.org")
    page.get_by_label("Als").select_option("onderzoeker")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text("De uitnodiging is verstuurd naar nieuw@example.org.").wait_for()
    page.get_by_role("button", name="Afmelden").click()

    page.goto(base_url + link_path(smtp_inbox, "nieuw@example.org"))
    assert page.url == f"{base_url}/uitnodiging/"
    page.get_by_label("Gebruikersnaam").fill("nora")
    page.get_by_label("Voornaam").fill("Nora")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord, nog eens").fill(PASSWORD)
    page.get_by_role("button", name="Account maken en aanvaarden").click()
    page.get_by_text("Welkom in Demo! Je bent er nu onderzoeker.").wait_for()
    assert page.url == f"{base_url}/buurten/demo/"
    assert page.get_by_role("link", name="Mensen").count() == 0
    assert Rol.objects.get(user__username="nora").rol == "onderzoeker"
