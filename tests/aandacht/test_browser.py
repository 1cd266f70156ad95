"""What needs attention in a real browser: axe-core finds nothing serious, an item is put off
with the keyboard, and the handover prints without navigation, each part on a new page."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from aandacht.models import Uitstel
from tests.browser import browser_page, login  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent.parent / "vendor" / "axe.min.js"


def _axe(page):
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_put_off_an_item_with_the_keyboard_and_print_the_handover(browser_page):  # noqa: F811
    page, base_url = browser_page
    call_command("demo", stdout=StringIO())
    login(page, base_url, "coordinator", password="demo")
    page.goto(base_url + reverse("coordinatie:dashboard", args=["demo"]))
    page.locator("#aandacht").get_by_role("link", name="Alles wat aandacht vraagt").click()
    expect(page.locator("h1")).to_contain_text("Wat vraagt aandacht")
    assert _axe(page) == []
    section = page.locator("#soort-zonder_trekker")
    expect(section).to_contain_text("Boekenruilkast op het Vlasplein")

    section.get_by_role("link", name=re.compile(r"^Uitstellen\W+Boekenruilkast")).focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Boekenruilkast op het Vlasplein uitstellen")
    assert _axe(page) == []
    page.get_by_label("Waarom stel je het uit?").fill("Els zoekt een opvolger")
    page.get_by_label("Waarom stel je het uit?").press("Tab")
    page.keyboard.press("Enter")  # the submit button comes next
    expect(page.locator(".messages")).to_contain_text("is uitgesteld tot")
    expect(page.locator("#soort-zonder_trekker")).not_to_contain_text("Boekenruilkast")
    expect(page.locator("#uitgesteld")).to_have_text("1 punt is uitgesteld.")
    assert Uitstel.objects.get().reden == "Els zoekt een opvolger"

    page.get_by_role("link", name="Overdracht om af te drukken").first.click()
    expect(page.locator("h1")).to_contain_text("Overdracht van Vlasbloemwijk")
    assert _axe(page) == []
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".overdracht-kop .no-print")).to_be_hidden()
    breaks = page.eval_on_selector_all(
        ".overdracht-deel", "parts => parts.map(p => getComputedStyle(p).breakBefore)"
    )
    assert breaks == ["auto", "page", "page", "page"]
