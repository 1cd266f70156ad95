"""Het bos in a real browser: axe-core finds nothing serious at desktop and phone width,
Tab reaches every node, and `?actor=` shows one actor's network."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from buurt.models import Actor
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent.parent / "vendor" / "axe.min.js"


def _axe(page):
    """Serious and critical violations, as (rule, number of elements)."""
    # Evaluated through the DevTools protocol, so the page's strict CSP does not refuse it.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_violations_on_het_bos(browser_page, width):  # noqa: F811
    page, base_url = browser_page
    call_command("demo", stdout=StringIO())
    page.set_viewport_size({"width": width, "height": 900})
    login(page, base_url, "coordinator", password="demo")
    page.goto(base_url + reverse("initiatieven:bos", args=["demo"]))
    assert page.locator(".kaart-svg a.knoop").count() > 10
    assert _axe(page) == []
    # The zoom buttons appear with the script, and zooming keeps the map usable.
    page.get_by_role("button", name="Inzoomen").click()
    assert int(page.locator(".kaart-svg").get_attribute("width")) > int(
        page.locator(".kaart-svg").get_attribute("data-breedte")
    )
    assert _axe(page) == []
    if width == 390:
        # On a phone the insights and the list come first, the map below them.
        inzichten = page.locator(".bos-inzichten").bounding_box()
        kaart = page.locator(".bos-venster").bounding_box()
        assert inzichten["y"] < kaart["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        label = page.locator(".kaart-svg text").first
        assert float(label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12


def test_tab_reaches_every_node_and_focus_is_visible(browser_page):  # noqa: F811
    page, base_url = browser_page
    call_command("demo", stdout=StringIO())
    login(page, base_url, "coordinator", password="demo")
    page.goto(base_url + reverse("initiatieven:bos", args=["demo"]))
    knopen = page.locator(".kaart-svg a.knoop")
    total = knopen.count()
    knopen.first.focus()
    reached = set()
    for _ in range(total):
        focused = page.evaluate(
            "() => { const a = document.activeElement;"
            " return a.matches('.kaart-svg a.knoop') ? a.getAttribute('aria-label') : null; }"
        )
        assert focused, "Tab left the map before reaching every node"
        reached.add(focused)
        stroke = page.evaluate(
            "getComputedStyle(document.activeElement.querySelector('circle, rect, polygon'))"
            ".strokeWidth"
        )
        assert float(stroke.rstrip("px")) >= 4  # the focus ring
        page.keyboard.press("Tab")
    assert len(reached) == total
    # Enter follows the link to the actor's page.
    knopen.first.focus()
    href = knopen.first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")


def test_an_actor_page_leads_to_its_network(browser_page):  # noqa: F811
    page, base_url = browser_page
    call_command("demo", stdout=StringIO())
    sociaal = Actor.objects.get(buurt__slug="demo", naam__startswith="Sociaal Huis")
    login(page, base_url, "coordinator", password="demo")
    page.goto(base_url + reverse("coordinatie:actor_detail", args=["demo", sociaal.pk]))
    page.get_by_role("link", name=f"Het netwerk van {sociaal.naam} in het bos").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name=f"Het netwerk van {sociaal.naam}").is_visible()
    names = page.locator(".kaart-svg a.knoop").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert any(name.startswith(sociaal.naam) for name in names)
    whole = page.locator(".kaart-svg a.knoop").count()
    page.get_by_role("link", name="Het hele bos").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".kaart-svg a.knoop").count() >= whole
    assert _axe(page) == []
