from datetime import date

from buurt.models import Actor, Relatie
from buurt.services import add_actor, add_relatie
from tests import factories as f


def test_add_actor_saves_a_new_name(buurt):
    actor, created = add_actor(Actor(buurt=buurt, naam="Anna", soort="bewoner"))
    assert created and actor.pk


def test_add_actor_returns_the_namesake_it_was_not_told_about(buurt):
    anna = f.make_actor(buurt, "Anna")
    actor, created = add_actor(Actor(buurt=buurt, naam="anna", soort="bewoner"))
    assert actor == anna and not created
    assert Actor.objects.count() == 1


def test_add_actor_adds_a_confirmed_namesake(buurt):
    f.make_actor(buurt, "Anna")
    _actor, created = add_actor(Actor(buurt=buurt, naam="Anna", soort="bewoner"), 1)
    assert created
    assert Actor.objects.count() == 2


def test_add_relatie_returns_the_running_one_either_way_round(buurt):
    anna, bert = f.make_actor(buurt), f.make_actor(buurt)
    first, created = add_relatie(buurt, anna, bert, "doorverwijzen", date(2025, 1, 1))
    again, created_again = add_relatie(buurt, bert, anna, "actief_afstemmen", date(2025, 2, 1))
    assert created and not created_again
    assert again == first
    assert Relatie.objects.count() == 1
