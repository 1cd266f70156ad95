"""The issue's first "done when", in a browser: a coordinator creates a partner meeting, marks
who came and adds two actions (one for a partner), downloads its .ics; the partner opens
their link and marks the action done; the coordinator sees it done."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from overleg.models import Actie, Overleg
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent.parent / "vendor" / "axe.min.js"
BEGIN = "2027-04-14T19:30"  # summer time, while the test runs in any season


def axe(page):
    """Serious and critical violations, as (rule, number of elements, first target)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_partner_meeting_from_creation_to_an_action_done_by_the_partner(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    samen = f.make_partner(buurt, "Vzw Samen")
    f.make_partner(buurt, "Jeugdhuis Kadee")
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security" in m.text else None)

    login(page, base_url, coordinator.username)
    page.goto(base_url + reverse("overleg:overleg_list", args=[buurt.slug]))
    page.get_by_role("link", name="Nieuw overleg").click()
    assert axe(page) == []
    page.get_by_label("Titel").fill("Partneroverleg lente")
    page.get_by_label("Begint op (datum en uur)").fill(BEGIN)
    page.get_by_label("Plaats").fill("Buurthuis De Linde")
    page.get_by_label("Agenda").fill("1. Welkom\n2. Burenhulp")
    page.get_by_label("Uitgenodigde partners").fill("Vzw Samen; Jeugdhuis Kadee")
    page.get_by_role("button", name="Overleg bewaren").click()
    page.get_by_role("heading", name="Partneroverleg lente", level=1).wait_for()
    overleg = Overleg.objects.get()
    assert overleg.begint_op == datetime(2027, 4, 14, 19, 30, tzinfo=ZoneInfo("Europe/Brussels"))

    # Who came: Vzw Samen and the coordinator, not Jeugdhuis Kadee.
    aanwezigheid = page.locator("#aanwezigheid")
    aanwezigheid.get_by_label("Vzw Samen").check()
    aanwezigheid.get_by_label(coordinator.username).check()
    aanwezigheid.get_by_role("button", name="Aanwezigheid bewaren").click()
    aanwezigheid.get_by_text("Aanwezigheid bewaard.").wait_for()
    assert dict(overleg.deelnemers.values_list("partner__actor__naam", "aanwezig")) == {
        "Vzw Samen": True,
        "Jeugdhuis Kadee": False,
    }

    # Two actions, inline: one for the partner, one for the coordinator.
    acties = page.locator("#acties")
    for wat, partner, tegen in (
        ("Flyers drukken", "Vzw Samen", "2027-04-30"),
        ("Zaal boeken", None, "2027-04-20"),
    ):
        acties.get_by_text("Actie toevoegen", exact=True).first.click()
        acties.get_by_label("Wat").fill(wat)
        if partner:
            acties.get_by_label("Voor partner").fill(partner)
        else:
            acties.get_by_label("Of voor coördinator").select_option(label=coordinator.username)
        acties.get_by_label("Tegen (datum)").fill(tegen)
        acties.get_by_role("button", name="Actie toevoegen").click()
        acties.locator("tr.actie", has_text=wat).wait_for()
    assert page.url.endswith(reverse("overleg:overleg_detail", args=[buurt.slug, overleg.pk]))
    assert Actie.objects.filter(overleg=overleg).count() == 2
    assert axe(page) == []

    # The .ics parses and shows the Brussels time that was entered.
    with page.expect_download() as download:
        page.get_by_role("link", name="In je agenda (.ics)").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Brussels"
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime.fromisoformat(BEGIN)
    assert str(event["location"]) == "Buurthuis De Linde"

    # The partner opens their link and marks their action done.
    _link, token = f.make_partnerlink(samen)
    page.context.clear_cookies()
    page.goto(base_url + reverse("partnerportaal:partner_entry", args=[token]))
    page.get_by_role("heading", name="Jouw komende overleggen").wait_for()
    page.locator("#overleggen strong", has_text="Partneroverleg lente").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="In je agenda zetten (.ics) Partneroverleg lente").click()
    partner_calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert partner_calendar.walk("VEVENT")[0]["uid"] == event["uid"]
    assert page.locator("#acties").get_by_text("Zaal boeken").count() == 0
    assert axe(page) == []
    actie = page.locator("#acties li", has_text="Flyers drukken")
    actie.get_by_label("Korte notitie (optioneel)").fill("500 stuks liggen in de bib")
    actie.get_by_role("button", name="Gedaan").click()
    page.get_by_text("Bedankt! De actie staat als gedaan.").wait_for()

    # The coordinator sees it done, with the partner's note and name in the history.
    page.context.clear_cookies()
    login(page, base_url, coordinator.username)
    page.goto(base_url + reverse("overleg:overleg_detail", args=[buurt.slug, overleg.pk]))
    rij = page.locator("#acties tr.actie", has_text="Flyers drukken")
    rij.get_by_text("gedaan op").wait_for()
    rij.get_by_text("500 stuks liggen in de bib").wait_for()
    page.get_by_text("Vzw Samen (partner, via persoonlijke link)").first.wait_for()
    assert csp == []
