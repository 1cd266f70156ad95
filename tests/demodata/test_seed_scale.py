from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.utils import timezone

from buurt.models import Actor, Buurt, Relatie, Rol
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from partners.models import Enthousiasme, Partner

from .. import factories as f

BUURT_MODELS = [
    Actor, Relatie, Partner, Enthousiasme, Activiteit, Initiatief, Team, Deelname, Voorkeur,
    Succes,
]  # fmt: skip

pytestmark = pytest.mark.django_db


def seed(slug="schaal", actors=200, *args):
    out = StringIO()
    call_command("seed_scale", "--buurt", slug, "--actors", str(actors), *args, stdout=out)
    return out.getvalue()


def counts(buurt):
    return {model.__name__: model.objects.in_buurt(buurt).count() for model in BUURT_MODELS}


def test_seed_scale_creates_the_buurt_with_n_actors_of_every_soort():
    seed(actors=200)
    buurt = Buurt.objects.get(slug="schaal")
    actoren = Actor.objects.in_buurt(buurt)
    assert actoren.count() == 200
    assert set(actoren.values_list("soort", flat=True)) == set(Actor.Soort.values)
    assert actoren.filter(soort=Actor.Soort.BEWONER).count() > actoren.count() / 3
    assert actoren.values("naam").distinct().count() > 150


def test_introducers_are_earlier_actors_of_the_same_buurt():
    seed(actors=200)
    introduced = Actor.objects.filter(buurt__slug="schaal", aangebracht_door__isnull=False)
    assert introduced.count() > 100
    assert not introduced.exclude(aangebracht_door__buurt__slug="schaal").exists()
    assert not introduced.filter(aangebracht_door__gte=F("id")).exists()
    assert not introduced.filter(aangebracht_door__aangemaakt_op__gt=F("aangemaakt_op")).exists()


def test_seed_scale_creates_proportional_history():
    seed(actors=500)
    buurt = Buurt.objects.get(slug="schaal")
    today = timezone.localdate()
    assert Partner.objects.in_buurt(buurt).count() == 10
    enthousiasme = Enthousiasme.objects.in_buurt(buurt)
    assert not Partner.objects.in_buurt(buurt).filter(enthousiasme__isnull=True).exists()
    assert enthousiasme.count() >= 20
    assert not enthousiasme.filter(datum__lt=today - timedelta(days=366)).exists()
    assert not enthousiasme.filter(datum__gt=today).exists()
    assert Activiteit.objects.in_buurt(buurt).count() == 5
    assert Activiteit.objects.in_buurt(buurt).filter(organisatoren__isnull=False).exists()
    soorten = set(Initiatief.objects.in_buurt(buurt).values_list("soort", flat=True))
    assert soorten == set(Initiatief.Soort.values)
    teams = Team.objects.in_buurt(buurt)
    assert teams.exists()
    assert Teamintensiteit.objects.filter(team__in=teams).count() >= teams.count()
    assert Deelname.objects.in_buurt(buurt).count() >= 3 * teams.count()
    assert Voorkeur.objects.in_buurt(buurt).exists()
    assert Relatie.objects.in_buurt(buurt).count() > 50
    assert Succes.objects.in_buurt(buurt).filter(partners__isnull=False).exists()


def test_seeded_data_passes_model_validation():
    seed(actors=300)
    buurt = Buurt.objects.get(slug="schaal")
    for model in (Actor, Relatie, Activiteit, Initiatief, Deelname, Voorkeur, Succes):
        for obj in model.objects.in_buurt(buurt)[:100]:
            obj.full_clean()


def test_seed_scale_touches_only_its_own_buurt(world):
    before = counts(world.buurt)
    seed(actors=200)
    seed(actors=200)
    assert counts(world.buurt) == before
    seeded = Buurt.objects.get(slug="schaal")
    assert Relatie.objects.in_buurt(seeded).exclude(van__buurt=seeded).count() == 0
    assert Deelname.objects.in_buurt(seeded).exclude(partner__actor__buurt=seeded).count() == 0


def test_refill_replaces_the_data_instead_of_doubling_it():
    seed(actors=300)
    buurt = Buurt.objects.get(slug="schaal")
    f.make_partner(buurt, "Met de hand toegevoegd", niveau="vuur")
    totals = {model.__name__: model.objects.count() for model in BUURT_MODELS}
    seed(actors=300)
    assert Buurt.objects.filter(slug="schaal").count() == 1
    assert {model.__name__: model.objects.count() for model in BUURT_MODELS} == {
        **totals,
        "Actor": totals["Actor"] - 1,
        "Partner": totals["Partner"] - 1,
        "Enthousiasme": totals["Enthousiasme"] - 1,
    }
    assert not Actor.objects.filter(naam="Met de hand toegevoegd").exists()


def test_refill_with_another_size_keeps_the_buurt_and_its_roles():
    seed(actors=300)
    buurt = Buurt.objects.get(slug="schaal")
    user = f.make_user("lezer")
    f.grant(user, buurt, Rol.Soort.ONDERZOEKER)
    seed(actors=100)
    assert Actor.objects.in_buurt(buurt).count() == 100
    assert Rol.objects.filter(user=user, buurt=buurt).exists()


def test_later_inserts_get_fresh_ids():
    seed(actors=200)
    buurt = Buurt.objects.get(slug="schaal")
    seeded = Actor.objects.in_buurt(buurt).order_by("-pk")[0].pk
    actor = f.make_actor(buurt, "Na het vullen")
    partner = f.make_partner(buurt, "Ook na het vullen", niveau="vonk")
    initiatief = f.make_initiatief(buurt)
    team = f.make_team(initiatief)
    f.make_deelname(team, partner)
    f.make_succes(buurt)
    assert actor.pk > seeded


def test_seed_scale_gives_the_demo_coordinator_the_coordinator_role():
    user = f.make_user("coordinator")
    output = seed(actors=200)
    assert Rol.objects.get(user=user, buurt__slug="schaal").rol == Rol.Soort.COORDINATOR
    assert "coordinator" in output


def test_seed_scale_creates_no_users():
    seed(actors=200)
    assert not Rol.objects.filter(buurt__slug="schaal").exists()
    assert not get_user_model().objects.exists()


def test_seed_scale_is_deterministic():
    seed(actors=200)
    first = list(Actor.objects.filter(buurt__slug="schaal").values_list("naam", "soort"))
    seed(actors=200)
    assert list(Actor.objects.filter(buurt__slug="schaal").values_list("naam", "soort")) == first


def test_seed_scale_refuses_a_non_positive_size():
    with pytest.raises(CommandError):
        seed(actors=0)
