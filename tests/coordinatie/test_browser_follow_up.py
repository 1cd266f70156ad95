"""Issue 12 as a coordinator clicks through it: an initiative followed up over time, every
change visible on its page and in the buurt's timeline, with who made it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from initiatieven.models import Deelname, Initiatief
from initiatieven.services import start_status_history
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_initiative_followed_up_shows_every_change_with_its_author(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    coordinator.first_name = "An"
    coordinator.save()
    f.make_actor(buurt, "Wijkgezondheidscentrum")
    initiatief = f.make_initiatief(buurt, "Burenhulp", doel="Niemand valt uit de boot.")
    start_status_history(initiatief)
    team = f.make_team(initiatief, "Kernteam")
    f.make_deelname(
        team, f.make_partner(buurt, "Okra"), toegetreden_op=timezone.localdate() - timedelta(60)
    )
    f.make_partner(buurt, "Vzw Samen")
    succes = f.make_succes(buurt, "Eerste huisbezoek", initiatief=initiatief)

    login(page, base_url, coordinator.username)
    page.goto(f"{base_url}/buurten/{buurt.slug}/initiatieven/")
    page.get_by_role("link", name="Burenhulp").first.click()
    page.get_by_role("heading", name="Burenhulp", level=1).wait_for()

    # Status with a reason.
    page.get_by_text("Status wijzigen").click()
    page.get_by_label("Nieuwe status").select_option("loopt")
    page.get_by_label("Reden").fill("De eerste bijeenkomst was een succes.")
    page.get_by_role("button", name="Status bewaren").click()
    page.get_by_role("heading", name="Status: loopt").wait_for()

    # Trekkers.
    page.get_by_role("link", name="Bewerken Burenhulp").click()
    page.get_by_label("Trekkers toevoegen").fill("Wijkgezondheidscentrum")
    page.get_by_role("button", name="Bewaren").click()
    page.locator("#gegevens").get_by_role("link", name="Wijkgezondheidscentrum").wait_for()

    # A member joins the team, another leaves.
    page.goto(f"{base_url}/buurten/{buurt.slug}/bomen/teams/{team.pk}/")
    leden = page.locator(f"#team-{team.pk}-leden")
    leden.get_by_label("Partner").fill("Vzw Samen")
    leden.locator("#id_lid-participatieniveau").select_option("coproduceren")
    leden.get_by_role("button", name="Lid toevoegen").click()
    page.locator(f"#team-{team.pk}-geschiedenis").get_by_text("Vzw Samen werd lid").wait_for()
    okra = leden.locator("li", has_text="Okra")
    okra.get_by_text("Afspraak wijzigen of deelname beëindigen").click()
    okra.get_by_role("button", name="Deelname beëindigen").click()
    page.locator(f"#team-{team.pk}-geschiedenis").get_by_text("Okra verliet het team").wait_for()

    # A success is edited.
    page.goto(f"{base_url}/buurten/{buurt.slug}/vonken/successen/{succes.pk}/bewerken/")
    page.get_by_label("Wat lukte er?").fill("Eerste tien huisbezoeken")
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_load_state("networkidle")

    assert Initiatief.objects.get().status == "loopt"
    assert set(Deelname.objects.actief().values_list("partner__actor__naam", flat=True)) == {
        "Vzw Samen"
    }

    page.goto(f"{base_url}/buurten/{buurt.slug}/initiatieven/{initiatief.pk}/")
    history = page.locator("section", has=page.locator("#tijdlijn-titel"))
    for text in (
        "De eerste bijeenkomst was een succes.",
        "toegevoegd: Wijkgezondheidscentrum",
        "Eerste tien huisbezoeken",
        "deelname Okra in Kernteam gewijzigd",
        "deelname Vzw Samen in Kernteam aangemaakt",
    ):
        assert history.get_by_text(text).count() >= 1, text
    assert history.get_by_text("An").count() >= 5

    page.goto(f"{base_url}/buurten/{buurt.slug}/tijdlijn/")
    timeline = page.locator("#resultaten")
    assert timeline.get_by_text("Eerste tien huisbezoeken").count() >= 1
    assert timeline.locator("strong", has_text="An").count() >= 6
    assert (
        timeline.locator("time")
        .first.get_attribute("datetime")
        .startswith(timezone.localdate().isoformat())
    )
