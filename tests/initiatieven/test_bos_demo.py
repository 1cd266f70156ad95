"""The demo's het bos tells its coordinator something in every insight, with advice."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _section(html, anchor):
    return html.split(f'id="{anchor}"')[1].split("</section>")[0]


def test_the_demo_names_bruggenbouwers_groups_isolated_and_overloaded_partners():
    call_command("demo", stdout=StringIO())
    client = Client()
    assert client.login(username="coordinator", password="demo")
    html = client.get(reverse("initiatieven:bos", args=["demo"])).text
    link = re.compile(r'<a href="/buurten/demo/ken-je-buurt/\d+/">([^<]+)</a>')
    bruggen = _section(html, "bruggenbouwers")
    assert len(link.findall(bruggen)) >= 3
    assert "zonder hen valt hun groep" in bruggen and 'class="tip"' in bruggen
    eilanden = _section(html, "eilanden")
    assert len(re.findall(r"<li>", eilanden)) >= 2 and "werken los van elkaar" in eilanden
    alleen = _section(html, "geisoleerd")
    assert len(link.findall(alleen)) >= 5 and "gekend via" in alleen
    overbelast = _section(html, "overbelast")
    assert re.search(r"zit in \d+ van de \d+ teams: wie kan een deel overnemen\?", overbelast)
    assert link.findall(overbelast)
    # Every name on the map is a link to an actor page, and the map is drawn.
    assert html.count('class="knoop soort-') > 20
