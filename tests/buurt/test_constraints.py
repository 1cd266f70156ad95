from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from buurt.models import Actor, Relatie, Rol
from initiatieven.models import Activiteit, Deelname, Initiatief
from tests import factories as f


def assert_refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_one_role_per_user_per_buurt(coordinator, buurt):
    assert_refused(lambda: Rol.objects.create(user=coordinator, buurt=buurt, rol="onderzoeker"))


def test_unknown_role_is_refused(buurt):
    user = f.make_user()
    assert_refused(lambda: Rol.objects.create(user=user, buurt=buurt, rol="baas"))


def test_actor_cannot_introduce_itself(buurt):
    actor = f.make_actor(buurt)
    actor.aangebracht_door = actor
    assert_refused(actor.save)


def test_actor_introduced_from_another_buurt_is_refused(buurt, other_buurt):
    elders = f.make_actor(other_buurt)
    assert_refused(lambda: f.make_actor(buurt, aangebracht_door=elders))


def test_actor_introduced_by_actor_in_same_buurt_is_kept(buurt):
    kenner = f.make_actor(buurt)
    actor = f.make_actor(buurt, aangebracht_door=kenner)
    assert list(kenner.aangebracht.all()) == [actor]


def test_unknown_soort_is_refused(buurt):
    assert_refused(lambda: Actor.objects.create(buurt=buurt, naam="X", soort="robot"))


def test_no_relation_of_an_actor_to_itself(buurt):
    actor = f.make_actor(buurt)
    assert_refused(lambda: f.make_relatie(actor, actor))


def test_relation_ends_must_lie_in_the_relations_buurt(buurt, other_buurt):
    hier = f.make_actor(buurt)
    daar = f.make_actor(other_buurt)
    assert_refused(
        lambda: Relatie.objects.create(
            buurt=buurt, van=hier, naar=daar, intensiteit="doorverwijzen", sinds=date(2026, 1, 1)
        )
    )


def test_relation_cannot_be_moved_to_another_buurt(buurt, other_buurt):
    relatie = f.make_relatie(f.make_actor(buurt), f.make_actor(buurt))
    relatie.buurt = other_buurt
    assert_refused(relatie.save)


def test_relation_end_before_start_is_refused(buurt):
    van, naar = f.make_actor(buurt), f.make_actor(buurt)
    assert_refused(lambda: f.make_relatie(van, naar, sinds=date(2026, 5, 1), tot=date(2026, 4, 1)))


def test_only_one_running_relation_per_pair_but_history_is_kept(buurt):
    van, naar = f.make_actor(buurt), f.make_actor(buurt)
    f.make_relatie(van, naar, sinds=date(2025, 1, 1), tot=date(2025, 6, 1))
    f.make_relatie(van, naar, sinds=date(2025, 6, 1))
    assert_refused(lambda: f.make_relatie(van, naar, intensiteit="doorverwijzen"))
    assert Relatie.objects.filter(van=van, naar=naar).count() == 2


def test_left_date_after_joined_date(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    partner = f.make_partner(buurt)
    assert_refused(
        lambda: f.make_deelname(
            team, partner, toegetreden_op=date(2026, 3, 1), vertrokken_op=date(2026, 2, 1)
        )
    )


def test_one_running_membership_per_partner_per_team(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    partner = f.make_partner(buurt)
    f.make_deelname(team, partner)
    assert_refused(lambda: f.make_deelname(team, partner))


def test_activity_stops_after_it_started(buurt):
    assert_refused(
        lambda: Activiteit.objects.create(
            buurt=buurt, naam="Soep", gestart_op=date(2026, 3, 1), gestopt_op=date(2026, 1, 1)
        )
    )


def test_initiative_of_unknown_kind_is_refused(buurt):
    assert_refused(lambda: Initiatief.objects.create(buurt=buurt, naam="X", soort="fuif"))


def test_clean_explains_cross_buurt_membership_in_dutch(buurt, other_buurt):
    team = f.make_team(f.make_initiatief(buurt))
    deelname = Deelname(
        team=team, partner=f.make_partner(other_buurt), participatieniveau="adviseren"
    )
    with pytest.raises(ValidationError) as excinfo:
        deelname.full_clean()
    assert "dezelfde buurt" in str(excinfo.value)


def test_clean_explains_self_introduction_in_dutch(buurt):
    actor = f.make_actor(buurt)
    actor.aangebracht_door = actor
    with pytest.raises(ValidationError) as excinfo:
        actor.full_clean()
    assert "zichzelf" in str(excinfo.value)


@pytest.mark.parametrize(
    ("soort", "sector", "labels"),
    [
        ("vereniging", "handel", ("vereniging", "handel en horeca")),
        ("bewoner", "", ("bewoner", "")),
        ("oud", "verdwenen", ("oud", "verdwenen")),  # not a choice: the value, as Django does
    ],
)
def test_an_actor_shows_the_labels_of_its_kind_and_sector(soort, sector, labels):
    actor = Actor(naam="X", soort=soort, sector=sector)
    assert (str(actor.get_soort_display()), str(actor.get_sector_display())) == labels
