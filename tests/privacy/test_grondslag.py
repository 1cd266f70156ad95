"""The legal basis of every natural person, and the caution about health data."""

import pytest
from django.urls import reverse

from buurt.gezondheid import HELP_TEXT, gezondheidstermen
from initiatieven.forms import VoorkeurForm
from initiatieven.models import Succes
from partners.models import Enthousiasme
from tests import factories as f


def _grondslag(client, buurt, actor, **data):
    url = reverse("privacy:grondslag", args=[buurt.slug, actor.pk])
    return client.post(url, {"grondslag": "", "omschrijving": "", **data})


def test_consent_needs_when_and_how_and_records_who(coordinator_client, coordinator, buurt):
    actor = f.make_actor(buurt, "Mia Claes", soort="bewoner")
    response = _grondslag(coordinator_client, buurt, actor, grondslag="toestemming")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wanneer gaf de persoon toestemming?" in body and "Hoe gaf de persoon" in body
    actor.refresh_from_db()
    assert actor.grondslag == ""
    response = _grondslag(
        coordinator_client,
        buurt,
        actor,
        grondslag="toestemming",
        toestemming_op="2026-03-01",
        toestemming_hoe="schriftelijk",
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert (actor.grondslag, actor.toestemming_door) == ("toestemming", coordinator)
    assert actor.toestemming_op.isoformat() == "2026-03-01"
    page = coordinator_client.get(reverse("coordinatie:actor_detail", args=[buurt.slug, actor.pk]))
    assert "vastgelegd door coord" in page.content.decode()


def test_another_basis_needs_a_reason(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Mia Claes", soort="professional")
    response = _grondslag(coordinator_client, buurt, actor, grondslag="algemeen_belang")
    assert "Zeg kort waarom" in response.content.decode()
    response = _grondslag(
        coordinator_client,
        buurt,
        actor,
        grondslag="algemeen_belang",
        grondslag_toelichting="Opdracht van het OCMW",
        toestemming_op="2026-03-01",
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.grondslag_toelichting == "Opdracht van het OCMW"
    assert actor.toestemming_op is None and actor.toestemming_door is None


def test_people_without_a_basis_are_flagged_and_filtered_on_step_1(coordinator_client, buurt):
    zonder = f.make_actor(buurt, "Mia Claes", soort="bewoner")
    f.make_actor(buurt, "Jan Peeters", soort="bewoner", grondslag="overeenkomst")
    f.make_actor(buurt, "Vzw De Brug")
    url = reverse("buurt:ken_je_buurt", args=[buurt.slug])
    page = coordinator_client.get(url).content.decode()
    assert page.count('class="badge geen-grondslag"') == 1
    filtered = coordinator_client.get(url, {"zonder_grondslag": "on"}).content.decode()
    assert "Mia Claes" in filtered
    assert "Jan Peeters" not in filtered and "Vzw De Brug" not in filtered
    detail = reverse("coordinatie:actor_detail", args=[buurt.slug, zonder.pk])
    assert "geen grondslag" in coordinator_client.get(detail).content.decode()
    overzicht = coordinator_client.get(reverse("privacy:overzicht", args=[buurt.slug]))
    assert overzicht.context["zonder_grondslag"] == 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Heeft Dementie en diabetes", ["Dementie", "diabetes"]),
        ("Zit sinds kort in een rolstoel", ["rolstoel"]),
        ("Kookt graag voor de buren", []),
        ("Zoekt een blinde vink", ["blinde"]),
    ],
)
def test_the_health_terms_are_found_as_words(text, found):
    assert gezondheidstermen(text) == found


def test_a_description_with_health_terms_asks_for_confirmation(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Mia Claes", soort="bewoner")
    page = coordinator_client.get(reverse("privacy:grondslag", args=[buurt.slug, actor.pk]))
    assert str(HELP_TEXT) in page.content.decode()
    response = _grondslag(coordinator_client, buurt, actor, omschrijving="Mia heeft kanker")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit lijkt over gezondheid te gaan" in body
    assert "ik bevestig dat dit geen gezondheidsgegevens zijn" in body.lower()
    actor.refresh_from_db()
    assert actor.omschrijving == ""
    response = _grondslag(
        coordinator_client, buurt, actor, omschrijving="Kankerde op het weer", geen_gezondheid="on"
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.omschrijving == "Kankerde op het weer"


def test_an_enthusiasm_note_about_health_asks_first(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Mia Claes", soort="bewoner")
    url = reverse("coordinatie:rate_enthousiasme", args=[buurt.slug, partner.pk])
    data = {"niveau": "vuur", "notitie": "Na haar depressie terug actief"}
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Ik bevestig dat dit geen gezondheidsgegevens zijn" in response.content.decode()
    htmx = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert "health-warning" in htmx.content.decode()
    assert not Enthousiasme.objects.filter(partner=partner).exists()
    response = coordinator_client.post(url, {**data, "geen_gezondheid": "on"})
    assert response.status_code == 302
    assert Enthousiasme.objects.get(partner=partner).niveau == "vuur"


def test_a_success_about_health_asks_first(coordinator_client, buurt):
    url = reverse("coordinatie:succes_create", args=[buurt.slug])
    data = {"titel": "Rolstoeltoegankelijke soepbar", "datum": "2026-02-01"}
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "health-warning" in response.content.decode()
    assert not Succes.objects.exists()
    response = coordinator_client.post(url, {**data, "geen_gezondheid": "on"})
    assert response.status_code == 302
    assert Succes.objects.get().titel == "Rolstoeltoegankelijke soepbar"


def test_a_partners_own_note_about_health_asks_first():
    data = {"participatieniveau": "adviseren", "notitie": "Ik ben diabeticus"}
    form = VoorkeurForm(data)
    assert not form.is_valid() and form.gezondheid_termen == ["diabeticus"]
    assert str(HELP_TEXT) in form.fields["notitie"].help_text
    assert VoorkeurForm({**data, "geen_gezondheid": "on"}).is_valid()
