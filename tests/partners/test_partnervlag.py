"""``Actor.is_partner``: kept by the database's triggers, whatever writes the partner rows,
and used to page vonken's partners by name."""

import importlib
from datetime import date

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from buurt import tellingen
from buurt.models import Actor
from partners.models import Partner
from tests import factories as f

TRIGGERS = importlib.import_module("partners.migrations.0003_actor_is_partner")


def _flag(actor):
    return Actor.objects.values_list("is_partner", flat=True).get(pk=actor.pk)


def test_becoming_a_partner_and_ending_it_sets_and_clears_the_flag(buurt):
    actor = f.make_actor(buurt, "Okra")
    assert _flag(actor) is False
    partner = Partner.objects.create(actor=actor)
    assert _flag(actor) is True
    partner.delete()
    assert _flag(actor) is False


def test_an_actor_saved_from_an_old_copy_stays_a_partner(buurt):
    actor = f.make_actor(buurt, "Okra")
    stale = Actor.objects.get(pk=actor.pk)  # read before it became a partner
    Partner.objects.create(actor=actor)
    stale.omschrijving = "Seniorenvereniging"
    stale.save()  # writes every column, its is_partner False among them
    assert _flag(actor) is True
    assert Actor.objects.get(pk=actor.pk).omschrijving == "Seniorenvereniging"


def test_a_partner_moved_to_another_actor_moves_the_flag(buurt):
    eerst, dan = f.make_actor(buurt, "Eerst"), f.make_actor(buurt, "Dan")
    partner = Partner.objects.create(actor=eerst)
    Partner.objects.filter(pk=partner.pk).update(actor=dan)
    assert (_flag(eerst), _flag(dan)) == (False, True)


def test_bulk_created_partners_are_flagged_and_a_deleted_actor_takes_its_partner(buurt):
    actoren = [f.make_actor(buurt, f"Vereniging {n}") for n in range(3)]
    partners = Partner.objects.bulk_create([Partner(actor=a) for a in actoren[:2]])
    tellingen.tel_nieuw(Partner, partners)  # bulk_create sends no signals: count them
    assert [_flag(a) for a in actoren] == [True, True, False]
    actoren[0].delete()
    assert not Partner.objects.filter(actor_id=actoren[0].pk).exists()
    assert _flag(actoren[1]) is True


def _clear_flag_around_the_trigger(actor):
    """What only a write around the triggers can do (a restore that skips them, say)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")  # no triggers
            cursor.execute("UPDATE buurt_actor SET is_partner = false WHERE id = %s", [actor.pk])
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        else:
            cursor.execute("DROP TRIGGER actor_herbereken_vlag")
            cursor.execute("UPDATE buurt_actor SET is_partner = 0 WHERE id = %s", [actor.pk])
            definition = TRIGGERS.SQLITE["actor_herbereken_vlag"]
            cursor.execute(f"CREATE TRIGGER actor_herbereken_vlag {definition}")


def test_the_check_finds_a_wrong_flag_and_the_rebuild_fixes_it(buurt):
    actor = f.make_partner(buurt, "Okra").actor
    _clear_flag_around_the_trigger(actor)
    assert _flag(actor) is False
    differences = tellingen.verschillen(buurt)
    assert differences == {
        (buurt.pk, f"partnervlag van actor {actor.pk}", tellingen.ZONDER_DAG): (False, True)
    }
    call_command("tellingen", buurt=buurt.slug)
    assert _flag(actor) is True
    assert not tellingen.verschillen(buurt)


def test_vonken_pages_partners_by_name_across_pages(coordinator_client, buurt):
    names = [f"Partner {n:02d}" for n in range(30)]
    for naam in reversed(names):
        f.make_partner(buurt, naam, partner_sinds=date(2026, 1, 1))
    f.make_actor(buurt, "Aaa geen partner")
    url = reverse("coordinatie:vonken", args=[buurt.slug])
    first = coordinator_client.get(url).text
    second = coordinator_client.get(url, {"pagina": 2}).text
    assert "Aaa geen partner" not in first
    shown = [naam for naam in names if f">{naam}</a>" in first]
    assert shown == names[:25]
    assert [naam for naam in names if f">{naam}</a>" in second] == names[25:]
    assert "Pagina 1 van 2" in first
