"""An access request as a page and a file; the log of research exports."""

import json
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from buurt.models import Exportregistratie
from tests import factories as f


def _person(buurt):
    partner = f.make_partner(buurt, "Mia Claes", soort="bewoner", contactpersoon="Mia")
    actor = partner.actor
    actor.email = "mia@example.org"
    actor.save()
    buur = f.make_actor(buurt, "Jan Peeters", soort="bewoner")
    f.make_relatie(actor, buur, notitie="buren")
    f.make_relatie(actor, f.make_actor(buurt, "Buurthuis De Linde"))
    succes = f.make_succes(buurt, "Mia Claes hielp bij het feest")
    succes.partners.add(partner)
    f.make_deelname(f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Soepteam"), partner)
    return actor


def test_the_access_request_shows_everything_about_the_person(coordinator_client, buurt):
    actor = _person(buurt)
    page = coordinator_client.get(reverse("privacy:inzage", args=[buurt.slug, actor.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    for text in ("mia@example.org", "Buurthuis De Linde", "Soepteam", "buren"):
        assert text in body, text
    assert "Mia Claes hielp bij het feest" in body  # named in a text elsewhere
    assert "Jan Peeters" not in body  # another person appears by their kind only
    assert "een bewoner" in body
    assert "aangemaakt" in body  # the timeline of their records


def test_the_access_request_downloads_as_json(coordinator_client, buurt):
    actor = _person(buurt)
    response = coordinator_client.get(reverse("privacy:inzage_json", args=[buurt.slug, actor.pk]))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["over"] == "Mia Claes"
    persoon = data["gegevens"]["buurt.actor"]["rijen"][0]
    assert persoon["e-mail"] == "mia@example.org"
    assert len(data["gegevens"]["buurt.relatie"]["rijen"]) == 2
    assert "Jan Peeters" not in response.content.decode()
    assert data["vermeld_in"][0]["tekst"] == "Mia Claes hielp bij het feest"
    assert data["geschiedenis"]


def test_an_organisation_has_no_access_request_page(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Vzw De Brug")
    url = reverse("privacy:inzage", args=[buurt.slug, actor.pk])
    assert coordinator_client.get(url).status_code == 404


def test_every_research_export_is_logged_for_the_buurts_coordinators(
    onderzoeker_client, coordinator_client, outsider_client, onderzoeker, buurt, tmp_path
):
    response = onderzoeker_client.get(
        reverse("onderzoek:index"), {"buurten": ["noord"], "tabellen": ["actors"], "formaat": "csv"}
    )
    assert response.status_code == 200
    registratie = Exportregistratie.objects.get()
    assert registratie.door == onderzoeker and registratie.via == "web"
    assert list(registratie.buurten.all()) == [buurt]
    assert registratie.tabellen == ["actors"]
    call_command(
        "onderzoek_export", "--buurt", "noord", "--output", str(tmp_path), stdout=StringIO()
    )
    assert Exportregistratie.objects.filter(via="cli", door=None).count() == 1
    page = coordinator_client.get(reverse("privacy:exports", args=[buurt.slug]))
    body = page.content.decode()
    assert "onderzoeker" in body and "beheerder (commando)" in body
    assert body.count("<tr>") == 3  # the header and two exports
    assert outsider_client.get(reverse("privacy:exports", args=[buurt.slug])).status_code == 404
    assert onderzoeker_client.get(reverse("privacy:exports", args=[buurt.slug])).status_code == 403


def test_the_export_log_is_in_the_admin(admin_client, buurt, onderzoeker):
    registratie = Exportregistratie.registreer([buurt], ["actors"], "csv", door=onderzoeker)
    changelist = admin_client.get(reverse("admin:buurt_exportregistratie_changelist"))
    assert changelist.status_code == 200 and "Noord" in changelist.content.decode()
    change = reverse("admin:buurt_exportregistratie_change", args=[registratie.pk])
    assert admin_client.post(change, {"formaat": "xlsx"}).status_code == 403


def test_the_access_request_leaves_out_the_apps_own_copies(coordinator_client, buurt):
    """A stored research pseudonym would let a coordinator link exports to the person; a
    partner's current level only repeats the latest rating, which is shown."""
    from onderzoek.models import Pseudoniem
    from onderzoek.pseudoniemen import key_fingerprint
    from partners.models import Enthousiasme

    actor = _person(buurt)
    Enthousiasme.objects.create(partner=actor.partner, niveau="vuur", notitie="Trekt mee")
    Pseudoniem.objects.create(actor=actor, sleutel=key_fingerprint(b"k" * 32), waarde="ab" * 10)
    response = coordinator_client.get(reverse("privacy:inzage_json", args=[buurt.slug, actor.pk]))
    data = json.loads(response.content)
    assert "partners.enthousiasme" in data["gegevens"]
    assert "partners.huidigenthousiasme" not in data["gegevens"]
    assert "onderzoek.pseudoniem" not in data["gegevens"]
    assert "ab" * 10 not in response.content.decode()
