"""Anonymising instead of erasing: the person goes, the shape of the buurt's history stays."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from buurt.models import Actor, Buurt, Relatie, Wijziging
from coordinatie.progress import growth_over_time, step_overview
from initiatieven.models import Deelname, Succes
from partners.models import Enthousiasme, Partner
from privacy.models import Wissing
from privacy.services import anonimiseer
from tests import factories as f

from .sporen import sporen


def _numbers(buurt):
    cache.clear()  # computed again from the rows, not read from the network's cache
    growth = growth_over_time(buurt)
    steps, tegelijk = step_overview(buurt)
    return growth["rows"], repr(steps), repr(tegelijk)


@pytest.mark.django_db
def test_the_demos_growth_is_the_same_after_anonymising_its_busiest_residents():
    call_command("demo", stdout=StringIO())
    buurt = Buurt.objects.get(slug="demo")
    bewoners = Actor.objects.in_buurt(buurt).filter(soort="bewoner")
    partner = bewoners.filter(partner__isnull=False).order_by("pk")[:1]
    related = (
        bewoners.filter(partner__isnull=True)
        .annotate(n=Count("relaties_van", distinct=True) + Count("relaties_naar", distinct=True))
        .order_by("-n", "pk")[:2]
    )
    residents = [*partner, *related]
    assert len(residents) == 3 and residents[1].n > 0
    names = [a.naam for a in residents]
    before = _numbers(buurt)
    ratings = Enthousiasme.objects.filter(partner__actor__in=residents).count()
    for actor in residents:
        anonimiseer(actor)
    assert _numbers(buurt) == before
    assert Enthousiasme.objects.filter(partner__actor__in=residents).count() == ratings
    assert sporen(*names) == []
    numbers = sorted(Wissing.objects.values_list("volgnummer", flat=True))
    assert numbers == [1, 2, 3]
    assert {a.naam for a in Actor.objects.filter(pk__in=[a.pk for a in residents])} == {
        "bewoner 1",
        "bewoner 2",
        "bewoner 3",
    }


def test_anonymising_keeps_dated_records_and_drops_contact_data_and_free_text(
    coordinator_client, coordinator, buurt
):
    partner = f.make_partner(
        buurt,
        "Koen Aerts",
        soort="bewoner",
        contactpersoon="Koen",
        user=coordinator,
    )
    actor = partner.actor
    Actor.objects.filter(pk=actor.pk).update(
        email="koen@example.org", telefoon="0470", adres="Kerkstraat 1", omschrijving="Buur"
    )
    Enthousiasme.objects.create(partner=partner, niveau="vuur", notitie="Koen Aerts trekt")
    linde = f.make_actor(buurt, "Buurthuis De Linde")
    relatie = f.make_relatie(actor, linde, notitie="via de school")
    team = f.make_team(f.make_initiatief(buurt, "Burenhulp"))
    deelname = f.make_deelname(team, partner)
    succes = f.make_succes(buurt, "Koen Aerts hielp")
    link, _token = f.make_partnerlink(partner)

    url = reverse("privacy:anonimiseren", args=[buurt.slug, actor.pk])
    page = coordinator_client.get(url)
    assert "Koen Aerts hielp" in page.content.decode()
    response = coordinator_client.post(url, {"bevestig": "on"})
    assert response["Location"] == reverse("coordinatie:actor_detail", args=[buurt.slug, actor.pk])

    actor.refresh_from_db()
    assert actor.naam == "bewoner 1" and actor.geanonimiseerd_op
    assert (actor.email, actor.telefoon, actor.adres, actor.omschrijving) == ("", "", "", "")
    partner.refresh_from_db()
    assert partner.contactpersoon == "" and partner.user is None
    assert Enthousiasme.objects.get(partner=partner).notitie == ""
    relatie.refresh_from_db()
    assert relatie.notitie == "" and relatie.sinds.isoformat() == "2026-01-01"
    assert Deelname.objects.filter(pk=deelname.pk).exists()
    link.refresh_from_db()
    assert link.ingetrokken_op is not None
    assert Succes.objects.get(pk=succes.pk).titel == "[verwijderd] hielp"
    # The history keeps its entries, without the old values.
    entries = Wijziging.objects.filter(object_id=actor.pk, content_type__model="actor")
    assert entries.exists()
    assert sporen("Koen Aerts", "koen@example.org", "Kerkstraat 1", "via de school") == []
    # Anonymised once: there is nobody left to anonymise, find or give a basis.
    assert coordinator_client.get(url).status_code == 404
    grondslag = reverse("privacy:grondslag", args=[buurt.slug, actor.pk])
    assert coordinator_client.get(grondslag).status_code == 404


def test_anonymised_people_are_not_flagged_for_a_legal_basis(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Mia Claes", soort="bewoner")
    anonimiseer(actor)
    page = coordinator_client.get(reverse("buurt:ken_je_buurt", args=[buurt.slug]))
    assert "geen grondslag" not in page.content.decode()
    flagged = Actor.objects.filter(Q(pk=actor.pk) & Q(grondslag=""), geanonimiseerd_op=None)
    assert not flagged.exists()
    assert Relatie.objects.count() == 0
    assert Partner.objects.count() == 0
