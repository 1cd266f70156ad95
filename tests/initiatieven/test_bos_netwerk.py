"""The network measures of het bos: relations and shared teams, groups, bridges, overload."""

from datetime import date

import pytest

from initiatieven import netwerk
from initiatieven.models import Initiatief
from tests import factories as f

pytestmark = pytest.mark.django_db


def _team(buurt, *partners, **initiatief):
    team = f.make_team(f.make_initiatief(buurt, **initiatief))
    for partner in partners:
        f.make_deelname(team, partner)
    return team


def test_relations_and_shared_teams_connect_actors_and_the_rest_is_isolated(buurt):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    p, q = f.make_partner(buurt), f.make_partner(buurt)
    alone = f.make_actor(buurt, "Alleen")
    f.make_relatie(a, b)
    _team(buurt, p, q)
    g = netwerk.bouw(buurt)
    assert set(g.maten) == {a.pk, b.pk, p.actor.pk, q.actor.pk}
    assert (g.maten[a.pk].relaties, g.maten[a.pk].teams) == (1, 0)
    assert (g.maten[p.actor.pk].relaties, g.maten[p.actor.pk].teams) == (0, 1)
    assert len(g.groepen) == 2
    s = netwerk.samenvatting(buurt)
    assert s.aantal_geisoleerd == 1
    assert [r.naam for r in s.geisoleerd] == ["Alleen"]
    assert alone.pk not in g.maten


def test_ended_relations_left_teams_and_ended_initiatives_do_not_connect(buurt):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    f.make_relatie(a, b, sinds=date(2025, 1, 1), tot=date(2025, 6, 1))
    p, q, r, s = (f.make_partner(buurt) for _ in range(4))
    team = _team(buurt, p)
    f.make_deelname(team, q, vertrokken_op=date.today())
    _team(buurt, r, s, status=Initiatief.Status.GESTOPT)
    g = netwerk.bouw(buurt)
    assert set(g.maten) == {p.actor.pk}
    assert g.groepen == []
    assert g.relaties == 0


def test_the_actor_in_the_middle_of_a_chain_is_the_bruggenbouwer_and_a_cut_point(buurt):
    a, mid, c, d = (f.make_actor(buurt, naam) for naam in ("A", "Midden", "C", "D"))
    f.make_relatie(a, mid)
    f.make_relatie(mid, c)
    f.make_relatie(mid, d)
    s = netwerk.samenvatting(buurt)
    top = s.bruggenbouwers[0]
    assert top.naam == "Midden"
    assert top.maat.snijpunt
    assert (top.delen, top.groep_grootte) == (3, 4)
    assert [r.naam for r in s.bruggenbouwers] == ["Midden"]  # the ends bridge nothing
    assert s.bruggenbouwers[0].maat.betweenness == pytest.approx(1.0)  # on every path


def test_a_partner_in_most_teams_is_overloaded(buurt):
    sociaal = f.make_partner(buurt, "Sociaal Huis")
    others = [f.make_partner(buurt) for _ in range(5)]
    for i in range(4):
        _team(buurt, sociaal, others[i])
    _team(buurt, others[4], others[0])
    s = netwerk.samenvatting(buurt)
    [o] = s.overbelast
    assert (o.actor.naam, o.teams, o.van_teams, o.door_teams) == ("Sociaal Huis", 4, 5, True)


def test_a_partner_in_half_of_the_teams_is_not_overloaded(buurt):
    p, q = f.make_partner(buurt), f.make_partner(buurt)
    for _ in range(2):
        _team(buurt, p, q)
    _team(buurt, f.make_partner(buurt), f.make_partner(buurt))
    _team(buurt, f.make_partner(buurt), f.make_partner(buurt))
    assert netwerk.samenvatting(buurt).overbelast == []


def test_an_actor_with_a_third_of_the_relations_is_overloaded(buurt):
    hub = f.make_actor(buurt, "Hub")
    for _ in range(3):
        f.make_relatie(hub, f.make_actor(buurt))
    for _ in range(3):
        f.make_relatie(f.make_actor(buurt), f.make_actor(buurt))
    [o] = netwerk.samenvatting(buurt).overbelast
    assert (o.actor.naam, o.relaties, o.van_relaties, o.door_relaties) == ("Hub", 3, 6, True)


def test_groups_are_named_by_their_most_connected_members_largest_first(buurt):
    hub = f.make_actor(buurt, "Hub")
    for _ in range(3):
        f.make_relatie(hub, f.make_actor(buurt))
    x, y = f.make_actor(buurt, "X"), f.make_actor(buurt, "Y")
    f.make_relatie(x, y)
    s = netwerk.samenvatting(buurt)
    assert [(g.grootte, g.kern[0].naam) for g in s.groepen] == [(4, "Hub"), (2, "X")]


def test_large_groups_get_sampled_betweenness_with_a_fixed_seed(buurt, monkeypatch):
    monkeypatch.setattr(netwerk, "BETWEENNESS_EXACT_TOT", 5)
    monkeypatch.setattr(netwerk, "BETWEENNESS_K", 4)
    actors = [f.make_actor(buurt) for _ in range(12)]
    for van, naar in zip(actors, actors[1:], strict=False):
        f.make_relatie(van, naar)
    first, again = netwerk.bouw(buurt), netwerk.bouw(buurt)
    assert first.benaderd
    assert {pk: m.betweenness for pk, m in first.maten.items()} == {
        pk: m.betweenness for pk, m in again.maten.items()
    }
    assert any(m.betweenness > 0 for m in first.maten.values())


def test_the_summary_is_cached_until_a_relation_or_team_changes(buurt, monkeypatch):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    f.make_relatie(a, b)
    calls = []
    bouw = netwerk.bouw
    monkeypatch.setattr(netwerk, "bouw", lambda *args: calls.append(1) or bouw(*args))
    assert netwerk.samenvatting(buurt).relaties == 1
    assert netwerk.samenvatting(buurt).relaties == 1
    assert len(calls) == 1
    f.make_relatie(b, f.make_actor(buurt))
    assert netwerk.samenvatting(buurt).relaties == 2
    p, q = f.make_partner(buurt), f.make_partner(buurt)
    _team(buurt, p, q)
    assert netwerk.samenvatting(buurt).teams == 1
    assert len(calls) == 3


def test_the_stamp_changes_with_a_write_in_this_buurt_only(buurt, other_buurt):
    today = date.today()
    before = netwerk.stempel(buurt, today)
    f.make_actor(other_buurt)
    assert netwerk.stempel(buurt, today) == before
    partner = f.make_partner(buurt)
    after_partner = netwerk.stempel(buurt, today)
    assert after_partner != before
    _team(buurt, partner)
    assert netwerk.stempel(buurt, today) != after_partner
