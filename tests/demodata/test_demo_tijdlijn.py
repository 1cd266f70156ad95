"""The demo buurt's status histories and timeline read like a year that really happened."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.models import Buurt, Wijziging
from initiatieven.models import Initiatief, Statuswijziging, Voorkeur

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=StringIO())
    return Buurt.objects.get(slug="demo")


def test_every_initiative_has_a_dated_status_history_ending_in_its_status(demo):
    today = timezone.localdate()
    for initiatief in Initiatief.objects.in_buurt(demo):
        history = list(initiatief.statuswijzigingen.order_by("datum", "id"))
        assert history[0].status == "idee"
        assert history[0].datum < today - timedelta(days=20)
        assert history[-1].status == initiatief.status
        assert all(s.datum <= today and s.door.username == "coordinator" for s in history)
        if initiatief.status == "loopt":
            assert initiatief.gestart_op == next(s.datum for s in history if s.status == "loopt")


def test_one_initiative_paused_for_a_reason_and_runs_again(demo):
    [paused] = Statuswijziging.objects.in_buurt(demo).filter(status="gepauzeerd")
    assert paused.reden
    later = paused.initiatief.statuswijzigingen.filter(datum__gt=paused.datum)
    assert [s.status for s in later] == ["loopt"]
    assert paused.initiatief.status == "loopt"


def test_the_timeline_spans_the_year_in_the_order_it_happened(demo):
    entries = list(Wijziging.objects.filter(buurt=demo).order_by("id"))
    assert len(entries) > 200
    stamps = [e.timestamp for e in entries]
    assert stamps == sorted(stamps)
    now = timezone.now()
    assert stamps[-1] <= now
    assert stamps[0] < now - timedelta(days=360)
    months = {(s.year, s.month) for s in stamps}
    assert len(months) >= 12
    kinds = {ContentType.objects.get_for_id(e.content_type_id).model for e in entries}
    assert {"actor", "enthousiasme", "initiatief", "statuswijziging", "deelname"} <= kinds
    assert {0, 1} <= {e.action for e in entries}


def test_the_timeline_names_the_coordinator_and_partners_writing_through_their_link(demo):
    entries = Wijziging.objects.filter(buurt=demo)
    by_coordinator = entries.filter(actor__username="coordinator").count()
    assert by_coordinator > 0.9 * entries.count()
    via_link = Voorkeur.objects.in_buurt(demo).filter(bron="partnerlink")
    partners = set(entries.exclude(door_actor=None).values_list("door_actor_id", flat=True))
    assert partners == set(via_link.values_list("partner__actor_id", flat=True))
    assert not entries.exclude(door_actor=None).exclude(actor=None).exists()


def test_objects_are_dated_like_the_entry_that_created_them(demo):
    content_type = ContentType.objects.get_for_model(Initiatief)
    for initiatief in Initiatief.objects.in_buurt(demo):
        created = Wijziging.objects.get(
            content_type=content_type, object_id=initiatief.pk, action=0
        )
        assert initiatief.aangemaakt_op == created.timestamp


def test_the_coordinator_reads_the_timeline_with_past_dates(demo):
    client = Client()
    assert client.login(username="coordinator", password="demo")
    response = client.get(reverse("coordinatie:tijdlijn", args=["demo"]))
    assert response.status_code == 200
    assert "Sofie Claes" in response.text
    assert "Moestuin voor iedereen" in response.text or "Vlasbloem" in response.text


def test_rerun_adds_no_entries_and_reset_leaves_none_behind(demo):
    before = Wijziging.objects.count()
    call_command("demo", stdout=StringIO())
    assert Wijziging.objects.count() == before
    call_command("demo", "--reset", stdout=StringIO())
    rebuilt = Buurt.objects.get(slug="demo")
    assert not Wijziging.objects.filter(buurt_id=demo.pk).exists()
    assert not Wijziging.objects.filter(buurt__isnull=True).exists()
    assert Wijziging.objects.filter(buurt=rebuilt).count() == before
