"""The network's growth month by month, on the dashboard."""

from datetime import date

import pytest
from django.urls import reverse

from coordinatie.progress import growth_over_time
from initiatieven import netwerk_groei
from tests import factories as f
from tests.queries import count_get_queries

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)
DAGEN = [date(2026, 1, 31), date(2026, 3, 31), date(2026, 6, 15)]


def test_connected_actors_relations_and_groups_per_day(buurt):
    a, b, c, d = (f.make_actor(buurt) for _ in range(4))
    f.make_relatie(a, b, sinds=date(2026, 1, 10))
    f.make_relatie(c, d, sinds=date(2026, 2, 1), tot=date(2026, 4, 30))
    f.make_relatie(b, c, sinds=date(2026, 5, 1))
    p, q = f.make_partner(buurt), f.make_partner(buurt)
    team = f.make_team(f.make_initiatief(buurt))
    f.make_deelname(team, p, toegetreden_op=date(2026, 3, 1))
    f.make_deelname(team, q, toegetreden_op=date(2026, 3, 1), vertrokken_op=date(2026, 6, 1))
    verbonden, relaties, groepen = netwerk_groei.groei(buurt, DAGEN, TODAY)
    assert verbonden == [2, 6, 4]  # in June: a-b-c and d no longer; q left, p alone
    assert relaties == [1, 2, 2]
    assert groepen == [1, 3, 1]


def test_an_actor_alone_in_a_team_is_connected_but_no_group(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    f.make_deelname(team, f.make_partner(buurt), toegetreden_op=date(2026, 1, 1))
    assert netwerk_groei.groei(buurt, DAGEN, TODAY) == ([1, 1, 1], [0, 0, 0], [0, 0, 0])


def test_the_dashboard_shows_the_network_growing(coordinator_client, buurt):
    f.make_relatie(f.make_actor(buurt), f.make_actor(buurt), sinds=date(2020, 1, 1))
    groei = growth_over_time(buurt)
    charts = {chart["key"]: chart for chart in groei["charts"]}
    assert (charts["verbonden"]["last"], charts["relaties"]["last"], charts["groepen"]["last"]) == (
        2,
        1,
        1,
    )
    html = coordinator_client.get(reverse("coordinatie:dashboard", args=[buurt.slug])).text
    assert "Verbonden actoren (het bos)" in html
    assert 'class="s-verbonden"' in html


def test_dashboard_queries_do_not_grow_with_the_network(coordinator_client, buurt):
    url = reverse("coordinatie:dashboard", args=[buurt.slug])

    def fill(n):
        for _ in range(n):
            f.make_relatie(f.make_actor(buurt), f.make_actor(buurt), sinds=date(2025, 9, 1))
            team = f.make_team(f.make_initiatief(buurt))
            f.make_deelname(team, f.make_partner(buurt))

    fill(1)
    small = count_get_queries(coordinator_client, url)
    fill(10)
    assert count_get_queries(coordinator_client, url) == small
