"""Partners take part: their own upcoming meetings and open actions on their page, and
marking an action done; nothing else of the buurt."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from buurt.models import Wijziging
from buurt.tijdlijn import present
from overleg.models import Actie
from tests import factories as f
from tests.conftest import partner_session_client

HOME = "partnerportaal:partner_home"


@pytest.fixture
def partner(buurt):
    return f.make_partner(buurt, "Vzw Samen")


@pytest.fixture
def ander(buurt):
    return f.make_partner(buurt, "Jeugdhuis Kadee")


@pytest.fixture
def scene(buurt, partner, ander, coordinator):
    eigen = f.make_overleg(
        buurt,
        "Partneroverleg april",
        partners=[partner, ander],
        plaats="Buurthuis",
        agenda="Burenhulp bespreken",
        notities="Geheime notitie van de coördinator",
        besluiten="Besluit dat alleen de coördinator ziet",
    )
    f.make_overleg(buurt, "Overleg zonder Vzw Samen", partners=[ander])
    f.make_overleg(
        buurt, "Voorbij overleg", partners=[partner], begint_op=timezone.now() - timedelta(days=3)
    )
    return {
        "overleg": eigen,
        "actie": f.make_actie(buurt, "Flyers drukken", overleg=eigen, partner=partner),
        "andere_actie": f.make_actie(buurt, "Affiches ophangen", partner=ander),
        "coordinator_actie": f.make_actie(buurt, "Zaal boeken", coordinator=coordinator),
        "gedaan": f.make_actie(buurt, "Al gedaan", partner=partner, gedaan_op=timezone.localdate()),
    }


def test_partner_page_shows_only_own_upcoming_meetings_and_open_actions(partner, scene):
    client = partner_session_client(partner)
    response = client.get(reverse(HOME))
    page = response.content.decode()
    assert [o.titel for o in response.context["overleggen"]] == ["Partneroverleg april"]
    assert [a.wat for a in response.context["acties"]] == ["Flyers drukken"]
    for shown in ("Partneroverleg april", "Buurthuis", "Burenhulp bespreken", "Flyers drukken"):
        assert shown in page
    for hidden in (
        "Overleg zonder Vzw Samen",
        "Voorbij overleg",
        "Affiches ophangen",
        "Zaal boeken",
        "Al gedaan",
        "Jeugdhuis Kadee",  # a fellow invitee
        "Geheime notitie",
        "Besluit dat alleen",
    ):
        assert hidden not in page


def test_partner_downloads_the_ics_of_own_meeting_only(partner, scene):
    client = partner_session_client(partner)
    mine = client.get(reverse("partnerportaal:partner_overleg_ics", args=[scene["overleg"].pk]))
    assert mine.status_code == 200
    assert mine["Content-Type"].startswith("text/calendar")
    assert mine["Cache-Control"].startswith("max-age=0")
    event = Calendar.from_ical(mine.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Partneroverleg april"
    assert event.decoded("dtstart") == scene["overleg"].begint_op.replace(microsecond=0)
    other = scene["overleg"].buurt.overleggen.get(titel="Overleg zonder Vzw Samen")
    refused = client.get(reverse("partnerportaal:partner_overleg_ics", args=[other.pk]))
    assert refused.status_code == 404


def test_partner_marks_own_action_done_and_the_timeline_names_them(buurt, partner, scene):
    client = partner_session_client(partner)
    actie = scene["actie"]
    response = client.post(
        reverse("partnerportaal:partner_actie_gedaan", args=[actie.pk]),
        {"gedaan_op": timezone.localdate().isoformat(), "notitie": "500 stuks, in de bib"},
    )
    assert response.status_code == 302
    assert response.url == reverse(HOME) + "#acties"
    actie.refresh_from_db()
    assert actie.gedaan_op == timezone.localdate()
    assert actie.notitie == "500 stuks, in de bib"
    entry = Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Actie), object_id=actie.pk
    ).latest("id")
    assert entry.door_actor_id == partner.actor_id and entry.actor is None
    (regel,) = present(buurt, [entry])
    assert regel.wie == "Vzw Samen (partner, via persoonlijke link)"
    assert "Flyers drukken" not in client.get(reverse(HOME)).content.decode()


def test_partner_marks_done_with_htmx_and_gets_the_item_back(partner, scene):
    client = partner_session_client(partner)
    actie = scene["actie"]
    response = client.post(
        reverse("partnerportaal:partner_actie_gedaan", args=[actie.pk]),
        {"gedaan_op": timezone.localdate().isoformat()},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="actie-{actie.pk}"' in body and "<h1" not in body
    assert "De actie staat als gedaan" in body


@pytest.mark.parametrize(
    ("gedaan_op", "message"),
    [
        (date(2020, 1, 1), "kan niet eerder gedaan zijn"),
        (date.today() + timedelta(days=400), "in de toekomst"),
        ("gisteren", "Voer een geldige datum in."),
    ],
)
def test_partner_cannot_mark_done_with_a_date_that_makes_no_sense(
    partner, scene, gedaan_op, message
):
    client = partner_session_client(partner)
    actie = scene["actie"]
    response = client.post(
        reverse("partnerportaal:partner_actie_gedaan", args=[actie.pk]),
        {"gedaan_op": str(gedaan_op)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    actie.refresh_from_db()
    assert actie.gedaan_op is None


def test_partner_cannot_touch_another_partners_action_or_a_done_one(partner, scene):
    client = partner_session_client(partner)
    for actie in (scene["andere_actie"], scene["coordinator_actie"], scene["gedaan"]):
        response = client.post(
            reverse("partnerportaal:partner_actie_gedaan", args=[actie.pk]),
            {"gedaan_op": timezone.localdate().isoformat(), "notitie": "x"},
        )
        assert response.status_code == 404
        actie.refresh_from_db()
        assert actie.notitie == ""
    assert not Actie.objects.filter(notitie="x").exists()


def test_partner_with_an_account_marks_done_as_themselves(buurt, partner, scene):
    user = f.make_user("vzwsamen")
    partner.user = user
    partner.save()
    client = Client()
    client.force_login(user)
    actie = scene["actie"]
    response = client.post(
        reverse("partnerportaal:partner_actie_gedaan", args=[actie.pk]),
        {"gedaan_op": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    entry = Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Actie), object_id=actie.pk
    ).latest("id")
    assert entry.actor == user and entry.door_actor is None


def test_coordinator_sees_the_action_done(coordinator_client, buurt, partner, scene):
    client = partner_session_client(partner)
    client.post(
        reverse("partnerportaal:partner_actie_gedaan", args=[scene["actie"].pk]),
        {"gedaan_op": timezone.localdate().isoformat(), "notitie": "Klaar"},
    )
    page = coordinator_client.get(
        reverse("overleg:overleg_detail", args=[buurt.slug, scene["overleg"].pk])
    ).content.decode()
    assert "gedaan op" in page and "Klaar" in page
    assert "Vzw Samen (partner, via persoonlijke link)" in page


def test_without_a_partner_session_the_partner_urls_refuse(client, coordinator_client, scene):
    ics_url = reverse("partnerportaal:partner_overleg_ics", args=[scene["overleg"].pk])
    done_url = reverse("partnerportaal:partner_actie_gedaan", args=[scene["actie"].pk])
    for c in (client, coordinator_client):
        assert c.get(ics_url).status_code == 403
        assert c.post(done_url, {"gedaan_op": "2026-01-01"}).status_code == 403
