"""seed_scale writes a status history per initiative and, on request, a timeline."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from buurt.models import Buurt, Rol, Wijziging
from initiatieven.models import Initiatief, Statuswijziging
from partners.models import Partner

from .. import factories as f

pytestmark = pytest.mark.django_db


def seed(actors=500, wijzigingen=0, slug="schaal"):
    out = StringIO()
    call_command(
        "seed_scale",
        "--buurt",
        slug,
        "--actors",
        str(actors),
        "--wijzigingen",
        str(wijzigingen),
        stdout=out,
    )
    return Buurt.objects.get(slug=slug)


def test_every_initiative_has_a_history_ending_in_its_status():
    buurt = seed(actors=3000)
    initiatieven = list(Initiatief.objects.in_buurt(buurt))
    assert {i.status for i in initiatieven} >= {"idee", "loopt"}
    history = {}
    for wijziging in Statuswijziging.objects.in_buurt(buurt).order_by("id"):
        history.setdefault(wijziging.initiatief_id, []).append(wijziging)
    for initiatief in initiatieven:
        rows = history[initiatief.pk]
        assert rows[0].status == "idee"
        assert len(rows) == (1 if initiatief.status == "idee" else 2)
        assert rows[-1].status == initiatief.status
        latest = initiatief.statuswijzigingen.order_by("-datum", "-id").first()
        assert latest.status == initiatief.status
        assert [r.datum for r in rows] == sorted(r.datum for r in rows)  # in id order
        assert rows[0].datum == timezone.localtime(initiatief.aangemaakt_op).date()
        if initiatief.status == "loopt":
            assert rows[-1].datum == initiatief.gestart_op
        if initiatief.status in ("afgerond", "gestopt"):
            assert rows[-1].datum == initiatief.afgerond_op >= initiatief.gestart_op
            assert rows[-1].reden


def test_status_history_passes_model_validation():
    buurt = seed(actors=1000)
    for wijziging in Statuswijziging.objects.in_buurt(buurt):
        wijziging.full_clean()


def test_the_timeline_holds_n_entries_of_the_buurt_over_two_years():
    f.make_user("coordinator")
    buurt = seed(actors=500, wijzigingen=2000)
    entries = Wijziging.objects.filter(buurt=buurt)
    assert entries.count() == 2000
    assert not Wijziging.objects.filter(buurt__isnull=True).exists()
    now = timezone.now()
    stamps = list(entries.order_by("id").values_list("timestamp", flat=True))
    assert stamps == sorted(stamps)
    assert now - timedelta(days=731) <= stamps[0] < now - timedelta(days=700)
    assert now - timedelta(days=1) < stamps[-1] <= now
    assert set(entries.values_list("action", flat=True)) == {0, 1, 2}
    coordinators = set(Rol.objects.filter(buurt=buurt).values_list("user_id", flat=True))
    actors = set(entries.exclude(actor=None).values_list("actor_id", flat=True))
    assert actors and actors <= coordinators
    partners = set(Partner.objects.in_buurt(buurt).values_list("actor_id", flat=True))
    doors = set(entries.exclude(door_actor=None).values_list("door_actor_id", flat=True))
    assert doors and doors <= partners
    assert not entries.exclude(door_actor=None).exclude(actor=None).exists()
    assert entries.filter(actor=None, door_actor=None).exists()
    assert entries.values("content_type").distinct().count() >= 10


def test_timeline_entries_are_about_objects_of_the_buurt_with_changed_fields():
    buurt = seed(actors=500, wijzigingen=1000)
    for entry in Wijziging.objects.filter(buurt=buurt)[:300]:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        obj = model.objects.get(pk=entry.object_id)
        assert entry.object_pk == str(obj.pk)
        assert entry.object_repr == str(obj)
        changes = entry.changes
        for name in changes:
            model._meta.get_field(name)
        olds, news = zip(*changes.values(), strict=True)
        if entry.action == 1:
            assert len(changes) == 1 and olds[0] != news[0]
        else:  # a snapshot of the object, as auditlog records a create or a delete
            assert set(olds if entry.action == 0 else news) == {None}
            assert changes["id"] == ([None, obj.pk] if entry.action == 0 else [obj.pk, None])
        assert entry.changes_text == ""
        assert (entry.cid, entry.remote_addr, entry.additional_data) == (None, None, None)
        assert entry.serialized_data is None and entry.actor_email is None


def test_refill_replaces_the_timeline_and_records_none_of_its_own_writes():
    other = f.make_buurt("ander")
    f.make_actor(other, "Elders")  # recorded through the ORM, in the other buurt
    elsewhere = Wijziging.objects.filter(buurt=other).count()
    assert elsewhere
    buurt = seed(actors=300, wijzigingen=800)
    assert Wijziging.objects.filter(buurt=buurt).count() == 800
    seed(actors=300, wijzigingen=100)
    assert Wijziging.objects.filter(buurt=buurt).count() == 100
    seed(actors=300)
    assert not Wijziging.objects.filter(buurt=buurt).exists()
    assert Wijziging.objects.filter(buurt=other).count() == elsewhere
    assert Wijziging.objects.filter(buurt__isnull=True).count() == 0


def test_refill_removes_entries_written_through_the_app():
    buurt = seed(actors=200)
    f.make_actor(buurt, "Met de hand")
    assert Wijziging.objects.filter(buurt=buurt).exists()
    seed(actors=200)
    assert not Wijziging.objects.filter(buurt=buurt).exists()


def test_the_seeded_timeline_page_shows_the_entries(client):
    user = f.make_user("coordinator")
    buurt = seed(actors=300, wijzigingen=500)
    client.force_login(user)
    response = client.get(reverse("coordinatie:tijdlijn", args=[buurt.slug]))
    assert response.status_code == 200
    newest = Wijziging.objects.filter(buurt=buurt).order_by("-id").first()
    assert escape(newest.object_repr) in response.text


def test_a_negative_number_of_entries_is_refused():
    with pytest.raises(CommandError, match="wijzigingen"):
        seed(actors=10, wijzigingen=-1)


def _indexes(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return sorted(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are rebuilt on PostgreSQL")
def test_a_large_load_rebuilds_every_index_of_the_timeline(monkeypatch):
    monkeypatch.setattr("demodata.scale.writer.BULK_LOAD", 100)
    before = _indexes(Wijziging._meta.db_table)
    assert len(before) > 10
    buurt = seed(actors=300, wijzigingen=1500)
    f.make_actor(buurt, "Via de app")  # queues a check on the timeline when it is deleted
    buurt = seed(actors=300, wijzigingen=1200)
    assert _indexes(Wijziging._meta.db_table) == before
    assert Wijziging.objects.filter(buurt=buurt).count() == 1200
