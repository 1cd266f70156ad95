from datetime import date

from buurt.models import Actor, Relatie
from partners.models import Enthousiasme, Partner
from tests import factories as f


def test_current_enthusiasm_is_the_latest_assessment(buurt):
    partner = f.make_partner(buurt)
    Enthousiasme.objects.create(partner=partner, niveau="vuur", datum=date(2026, 1, 1))
    Enthousiasme.objects.create(partner=partner, niveau="vonk", datum=date(2026, 6, 1))
    Enthousiasme.objects.create(partner=partner, niveau="geen", datum=date(2025, 12, 1))
    assert Partner.objects.with_enthousiasme().get().huidig_enthousiasme == "vonk"


def test_reads_are_scoped_to_the_buurt(buurt, other_buurt):
    hier = f.make_actor(buurt, soort=Actor.Soort.BEWONER)
    f.make_actor(other_buurt)
    f.make_partner(other_buurt)
    assert list(Actor.objects.in_buurt(buurt)) == [hier]
    assert list(Actor.objects.in_buurt(buurt).natuurlijke_personen()) == [hier]
    assert not Partner.objects.in_buurt(buurt).exists()


def test_active_relations_exclude_ended_ones(buurt):
    a, b, c = (f.make_actor(buurt) for _ in range(3))
    lopend = f.make_relatie(a, b, sinds=date(2025, 1, 1))
    f.make_relatie(a, c, sinds=date(2025, 1, 1), tot=date(2025, 2, 1))
    assert list(Relatie.objects.in_buurt(buurt).actief(on=date(2026, 1, 1))) == [lopend]
