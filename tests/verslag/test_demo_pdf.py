"""Issue 17's "done when": the demo's PDF opens, is at most 8 pages, and says what a city
or funder needs; the researchers' PDF names no bewoner or professional."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from buurt.models import Actor, Buurt
from demodata.demo.data import USERS
from initiatieven.models import Initiatief, Succes
from tests.test_research_quotes import problems, reference  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SOURCE_TITLE = "Hoe kunnen we beter samenwerken in zorgzame buurten?"


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())
    return Buurt.objects.get(slug="demo")


def _client(username):
    client = Client()
    assert client.login(username=username, password="demo")
    return client


def _pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_the_demo_pdf_has_the_buurt_the_period_the_successes_the_kinds_and_the_source(demo):
    pages, text = _pdf_text(_client("coordinator").get("/buurten/demo/verslag.pdf"))
    assert 1 <= pages <= 8
    assert "Vlasbloemwijk" in text
    assert re.search(r"Periode: van \d{1,2} \w+ \d{4} tot en met \d{1,2} \w+ \d{4}", text)
    # The latest small successes of the period, by their titles (the list is cut at ten).
    for titel in (
        Succes.objects.in_buurt(demo).order_by("-datum", "-id")[:10].values_list("titel", flat=True)
    ):
        assert titel in text, titel
    for label in Initiatief.Soort.labels:
        assert label.capitalize() in text, label
    assert "UCLL" in text and SOURCE_TITLE in text
    # The demo's year took up chances of step 3 (demodata/demo/verslag.py).
    assert "1 kans om bestaande activiteiten te verbinden werd opgepakt, 1 werd besproken" in text


def test_a_chosen_period_is_the_one_printed(demo):
    tot = timezone.localdate() - timedelta(days=10)
    van = tot - timedelta(days=90)
    response = _client("coordinator").get(
        "/buurten/demo/verslag.pdf", {"van": van.isoformat(), "tot": tot.isoformat()}
    )
    _pages, text = _pdf_text(response)
    dates = (date_format(van, "j F Y"), date_format(tot, "j F Y"))
    assert "Periode: van {} tot en met {}".format(*dates) in text


def _natural_persons(buurt):
    names = set(Actor.objects.in_buurt(buurt).natuurlijke_personen().values_list("naam", flat=True))
    # The demo's accounts are people too (the coordinator is also a professional actor).
    names |= {f"{first} {last}" for _user, first, last, _rol in USERS}
    return names


def test_the_researchers_pdf_names_no_bewoner_or_professional(demo):
    persons = _natural_persons(demo)
    assert len(persons) > 20
    _pages, text = _pdf_text(_client("onderzoeker").get("/buurten/demo/verslag.pdf"))
    assert "Vlasbloemwijk" in text and "Versie voor onderzoek" in text
    for naam in persons:
        assert naam not in text, naam
        # Not even one part of a name on its own (a first name in a success's text).
        for deel in naam.split():
            if len(deel) > 3:
                assert not re.search(rf"\b{re.escape(deel)}\b", text), (naam, deel)
    # Organisations and associations may be named.
    assert "Sociaal Huis Ravelsbeke" in text


def test_the_coordinators_pdf_names_people(demo):
    _pages, text = _pdf_text(_client("coordinator").get("/buurten/demo/verslag.pdf"))
    assert any(naam in text for naam in _natural_persons(demo))


def test_every_quote_in_the_report_is_the_research_verbatim(demo, reference):  # noqa: F811
    for username in ("coordinator", "onderzoeker"):
        html = _client(username).get("/buurten/demo/verslag/").text
        assert "<blockquote" in html and "<q " in html
        assert problems("/buurten/demo/verslag/", html, reference) == []
