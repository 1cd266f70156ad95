"""The demo buurt has meetings and actions: a partneroverleg, the core team's last and next
meeting with who came, and actions open, overdue, for a partner and done."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.models import Buurt, Wijziging
from overleg.models import Actie, Overleg

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=StringIO())
    return Buurt.objects.get(slug="demo")


def test_the_demo_has_meetings_past_and_upcoming_with_attendance(demo):
    now = timezone.now()
    overleggen = Overleg.objects.in_buurt(demo)
    assert overleggen.filter(team=None, initiatief=None).voorbij(now).exists()
    team_meetings = overleggen.exclude(team=None)
    assert team_meetings.voorbij(now).exists() and team_meetings.komend(now).exists()
    held = overleggen.voorbij(now)
    for overleg in held:
        assert overleg.besluiten
        attendance = set(overleg.deelnemers.values_list("aanwezig", flat=True))
        assert attendance == {True, False}  # someone came, someone did not


def test_the_demo_has_actions_open_overdue_for_a_partner_and_done(demo):
    today = timezone.localdate()
    acties = Actie.objects.in_buurt(demo)
    assert acties.te_laat(today).exclude(partner=None).exists()
    assert acties.open().filter(tegen__gte=today).exists()
    assert acties.gedaan().exists()
    for actie in acties.gedaan():
        assert timezone.localdate(actie.aangemaakt_op) <= actie.gedaan_op <= today


def test_a_partner_marked_their_action_done_through_their_link(demo):
    actie = Actie.objects.in_buurt(demo).get(wat="Ledenlijst nakijken op wie alleen woont")
    entry = Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Actie), object_id=actie.pk, action=1
    ).get()
    assert entry.door_actor_id == actie.partner.actor_id
    assert timezone.localdate(entry.timestamp) == actie.gedaan_op


def test_the_coordinator_opens_the_demo_meetings(demo):
    client = Client()
    assert client.login(username="coordinator", password="demo")
    response = client.get(reverse("overleg:overleg_list", args=["demo"]))
    assert "Partneroverleg voorjaar" in response.text
    assert "Kernteam wijkzorg" in response.text
    overleg = Overleg.objects.in_buurt(demo).get(titel="Partneroverleg voorjaar")
    page = client.get(reverse("overleg:overleg_detail", args=["demo", overleg.pk])).text
    assert "De soepbar blijft op donderdag" in page
