"""Layout checks in a real browser: phone width, and the weight of option labels."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from buurt.models import Actor, Relatie
from initiatieven.models import Deelname, Team
from partners.links import create_link
from partners.models import Partner
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_with_wide_tables_fit_a_phone_screen(browser_page):  # noqa: F811
    page, base_url = browser_page
    call_command("demo", stdout=StringIO())
    actor = Actor.objects.filter(
        pk__in=Relatie.objects.filter(van__buurt__slug="demo").values("van")
    ).first()
    team = Team.objects.filter(initiatief__buurt__slug="demo").first()
    partner = Partner.objects.filter(actor__buurt__slug="demo").first()
    deelname = Deelname.objects.get(partner__actor__naam="Wijkgezondheidscentrum De Kaai")
    create_link(partner, door=None, days=30)
    paths = [
        reverse("coordinatie:actor_detail", args=["demo", actor.pk]),
        reverse("initiatieven:fruit", args=["demo"]),
        reverse("initiatieven:bomen", args=["demo"]),
        reverse("initiatieven:bos", args=["demo"]),
        reverse("importeren:import", args=["demo"]),
        reverse("partnerportaal:partnerlink_list", args=["demo", partner.pk]),
        # A heading with a long compound: "Wijkgezondheidscentrum De Kaai in Kernteam wijkzorg".
        reverse("initiatieven:deelname_edit", args=["demo", deelname.pk]),
    ]
    assert team is not None
    page.set_viewport_size({"width": 390, "height": 800})
    login(page, base_url, "coordinator", password="demo")
    too_wide = {}
    for path in paths:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide[path] = width
    assert too_wide == {}


def test_option_labels_are_lighter_than_the_legend_of_their_group(
    browser_page,  # noqa: F811
    onderzoeker,
    buurt,
):
    page, base_url = browser_page
    login(page, base_url, onderzoeker.username)
    page.goto(base_url + reverse("onderzoek:index"))
    legend = page.locator("legend").first.evaluate("e => getComputedStyle(e).fontWeight")
    option = page.locator("label:has(input[type=radio])").first.evaluate(
        "e => getComputedStyle(e).fontWeight"
    )
    assert int(option) < int(legend)
