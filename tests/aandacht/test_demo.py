"""The demo buurt shows an item of every kind, and every item's link opens its fix."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from aandacht.lijst import overzicht
from aandacht.models import Soort
from buurt.models import Buurt

pytestmark = pytest.mark.django_db


def test_the_demo_buurt_needs_attention_of_every_kind_and_each_link_works():
    call_command("demo", stdout=StringIO())
    demo = Buurt.objects.get(slug="demo")
    groepen = overzicht(demo)
    assert {g.soort for g in groepen if g.items} == set(Soort.values)
    client = Client()
    assert client.login(username="coordinator", password="demo")
    page = client.get("/buurten/demo/aandacht/").text
    for groep in groepen:
        for item in groep.items:
            assert item.url in page.replace("&amp;", "&")
            path, _hash, anchor = item.url.partition("#")
            response = client.get(path)
            assert response.status_code == 200, item.url
            if anchor:
                assert f'id="{anchor}"' in response.text, item.url
