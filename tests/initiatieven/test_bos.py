"""Het bos: the map (which actors, where, labelled how) and the page around it."""

import re
from itertools import combinations

import pytest
from django.core.cache import cache
from django.urls import reverse

from buurt.models import Actor
from initiatieven import bos, bos_layout
from tests import factories as f
from tests.queries import count_get_queries

pytestmark = pytest.mark.django_db


def _kaart(buurt, **filters):
    return bos.netwerkkaart(buurt, bos.BosFilter(**filters))


def _url(buurt):
    return reverse("initiatieven:bos", args=[buurt.slug])


def _actoren(kaart):
    return {k.naam for k in kaart.tekening.knopen if k.soort != "team"}


def test_the_layout_is_deterministic(buurt):
    actors = [f.make_actor(buurt, f"Actor {i}") for i in range(8)]
    for van, naar in zip(actors, actors[1:], strict=False):
        f.make_relatie(van, naar)
    first = _kaart(buurt).tekening
    cache.clear()
    again = _kaart(buurt).tekening
    assert [(k.key, k.x, k.y, k.label) for k in first.knopen] == [
        (k.key, k.x, k.y, k.label) for k in again.knopen
    ]


def test_relations_and_teams_become_lines_and_isolated_actors_stay_off_the_map(buurt):
    a, b = f.make_actor(buurt, "A"), f.make_actor(buurt, "B")
    f.make_actor(buurt, "Alleen")
    f.make_relatie(a, b, intensiteit="permanent_partnerschap")
    team = f.make_team(f.make_initiatief(buurt), "Boodschappen")
    f.make_deelname(team, f.make_partner(buurt, "Okra"))
    kaart = _kaart(buurt)
    assert sorted(lijn[4] for lijn in kaart.tekening.lijnen) == ["lidmaatschap", "relatie niveau-4"]
    assert kaart.teams == [("Boodschappen", ["Okra"])]
    assert _actoren(kaart) == {"A", "B", "Okra"}


def test_filters_narrow_actors_relations_and_teams(buurt):
    bewoner, ander = f.make_actor(buurt, soort="bewoner"), f.make_actor(buurt, soort="bewoner")
    vereniging = f.make_actor(buurt, "Vereniging")
    f.make_relatie(bewoner, ander, intensiteit="doorverwijzen")
    f.make_relatie(bewoner, vereniging, intensiteit="lerende_gemeenschap")
    assert {k.soort for k in _kaart(buurt, soort="bewoner").tekening.knopen} == {"bewoner"}
    assert _actoren(_kaart(buurt, intensiteit="actief_afstemmen")) == {bewoner.naam, "Vereniging"}
    p, q = f.make_partner(buurt, "P"), f.make_partner(buurt, "Q")
    team = f.make_team(f.make_initiatief(buurt), "Klein team")
    f.make_deelname(team, p)
    f.make_deelname(team, q)
    f.make_deelname(f.make_team(f.make_initiatief(buurt)), f.make_partner(buurt, "Elders"))
    assert _actoren(_kaart(buurt, team=team.pk)) == {"P", "Q"}


def test_focus_shows_one_actors_network_two_steps_out(buurt):
    a, b, c, d = (f.make_actor(buurt, naam) for naam in "ABCD")
    f.make_relatie(a, b)
    f.make_relatie(b, c)
    f.make_relatie(c, d)
    p = f.make_partner(buurt, "Teamgenoot")
    team = f.make_team(f.make_initiatief(buurt))
    f.make_deelname(team, p)
    f.make_deelname(team, f.make_partner(buurt, "B2"))
    f.make_relatie(b, f.make_actor(buurt, "B2 buur"))
    # A is not in the team: only its relations reach out.
    assert _actoren(_kaart(buurt, actor=a.pk)) == {"A", "B", "C", "B2 buur"}
    focus = _kaart(buurt, actor=p.actor.pk)
    assert _actoren(focus) == {"Teamgenoot", "B2"}
    [knoop] = [k for k in focus.tekening.knopen if k.naam == "Teamgenoot"]
    assert "focus" in knoop.extra


def test_focus_of_an_unknown_or_foreign_actor_is_404(coordinator_client, buurt, other_buurt):
    elsewhere = f.make_actor(other_buurt)
    for value in (elsewhere.pk, 999999, "abc", ""):
        assert coordinator_client.get(_url(buurt), {"actor": value}).status_code == 404


def test_every_actor_page_links_to_its_network(coordinator_client, buurt):
    actor = f.make_actor(buurt)
    html = coordinator_client.get(
        reverse("coordinatie:actor_detail", args=[buurt.slug, actor.pk])
    ).text
    assert f"{_url(buurt)}?actor={actor.pk}" in html
    page = coordinator_client.get(_url(buurt), {"actor": actor.pk})
    assert f"Het netwerk van {actor.naam}" in page.text


def test_above_the_limit_only_the_most_connected_actors_are_drawn(buurt, monkeypatch):
    monkeypatch.setattr(bos, "MAX_ACTOREN", 3)
    hub = f.make_actor(buurt, "Zz hub")
    for i in range(5):
        f.make_relatie(hub, f.make_actor(buurt, f"Actor {i}"))
    kaart = _kaart(buurt)
    assert (kaart.verbonden, kaart.getoond, kaart.ingekort) == (6, 3, True)
    assert "Zz hub" in _actoren(kaart)


def test_labels_are_large_and_never_overlap_each_other_or_a_node(buurt):
    hubs = [f.make_actor(buurt, f"Een vrij lange naam van vereniging {i}") for i in range(4)]
    for i, hub in enumerate(hubs):
        for j in range(12):
            f.make_relatie(hub, f.make_actor(buurt, f"Buur {i}-{j}", soort="bewoner"))
    f.make_relatie(hubs[0], hubs[1])
    tekening = _kaart(buurt).tekening
    boxes = [bos_layout._label_box(k) for k in tekening.knopen if k.label]
    assert len(boxes) > len(tekening.knopen) / 2
    for a, b in combinations(boxes, 2):
        assert not bos_layout.overlapt(a, b)
    for k in tekening.knopen:
        node = (k.x - 8, k.y - 8, k.x + 8, k.y + 8)
        assert not any(bos_layout.overlapt(node, box) for box in boxes)
    assert bos_layout.LABEL_PX >= 12
    assert all(box[0] >= 0 and box[2] <= tekening.breedte for box in boxes)


def test_each_node_is_a_link_with_a_name_and_a_shape_for_its_kind(coordinator_client, buurt):
    kinds = {soort: f.make_actor(buurt, f"Een {soort}", soort=soort) for soort in Actor.Soort}
    hub = kinds["vereniging"]
    for actor in kinds.values():
        if actor != hub:
            f.make_relatie(hub, actor)
    html = coordinator_client.get(_url(buurt)).text
    for soort, actor in kinds.items():
        href = reverse("coordinatie:actor_detail", args=[buurt.slug, actor.pk])
        match = re.search(
            rf'<a href="{href}" class="knoop soort-{soort}[^"]*" aria-label="([^"]+)"', html
        )
        assert match, soort
        assert match.group(1).startswith(f"Een {soort} (")
    shape = re.compile(
        r'class="knoop soort-(\w+)[^"]*" aria-label="[^"]*"><title>[^<]*</title><(\w+)'
    )
    assert {soort: tag for soort, tag in shape.findall(html)} == {
        "bewoner": "circle",
        "vereniging": "rect",
        "professional": "polygon",
        "organisatie": "polygon",
    }
    assert 'style="' not in html and "<script>" not in html and " onclick" not in html


def test_the_filter_answers_htmx_with_the_map_only(coordinator_client, buurt):
    f.make_actor(buurt, soort="bewoner")
    response = coordinator_client.get(_url(buurt), {"soort": "bewoner"}, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<div id="kaart">')
    full = coordinator_client.get(_url(buurt), {"soort": "bewoner"})
    assert "Wat het bos laat zien" in full.text


def test_unknown_filter_values_are_ignored(coordinator_client, buurt, other_buurt):
    foreign = f.make_team(f.make_initiatief(other_buurt))
    response = coordinator_client.get(
        _url(buurt), {"soort": "draak", "intensiteit": "x", "team": foreign.pk}
    )
    assert response.status_code == 200
    assert response.context["filters"] == bos.BosFilter()
    assert coordinator_client.get(_url(buurt), {"team": "²"}).status_code == 200


def test_the_page_names_bruggenbouwers_groups_isolated_and_overload_with_advice(
    coordinator_client, buurt
):
    sociaal = f.make_partner(buurt, "Sociaal Huis")
    others = [f.make_partner(buurt, f"Partner {i}") for i in range(5)]
    for i in range(4):
        team = f.make_team(f.make_initiatief(buurt))
        f.make_deelname(team, sociaal)
        f.make_deelname(team, others[i])
    team = f.make_team(f.make_initiatief(buurt))
    f.make_deelname(team, others[4])
    f.make_deelname(team, f.make_partner(buurt, "Apart"))
    f.make_actor(buurt, "Nog niemand", aangebracht_door=others[0].actor)
    html = coordinator_client.get(_url(buurt)).text
    assert "Sociaal Huis zit in 4 van de 5 teams: wie kan een deel overnemen?" in html
    assert "zonder hen valt hun groep van 5 actoren uiteen in 4 delen" in html
    assert "Nog niemand" in html and "gekend via Partner 0" in html
    assert "De groep rond Sociaal Huis en de groep rond" in html
    assert html.count('class="tip"') >= 4


def test_an_empty_buurt_gets_a_hint_instead_of_an_empty_map(coordinator_client, buurt):
    html = coordinator_client.get(_url(buurt)).text
    assert "kaart-svg" not in html
    assert "Nog niets om op de kaart te zetten" in html
    assert reverse("buurt:ken_je_buurt", args=[buurt.slug]) in html


def _fill(buurt, n):
    for soort in Actor.Soort.values:
        for _ in range(n):
            a, b = f.make_actor(buurt, soort=soort), f.make_actor(buurt, soort=soort)
            f.make_relatie(a, b)
            team = f.make_team(f.make_initiatief(buurt))
            f.make_deelname(team, f.make_partner(buurt, soort=soort))
            f.make_actor(buurt, soort=soort)  # isolated


@pytest.mark.parametrize("query", [{}, {"soort": "bewoner"}, {"intensiteit": "actief_afstemmen"}])
def test_bos_page_query_count_does_not_grow(coordinator_client, buurt, query):
    _fill(buurt, 1)
    small = count_get_queries(coordinator_client, _url(buurt), query)
    _fill(buurt, 5)
    assert count_get_queries(coordinator_client, _url(buurt), query) == small


def test_bos_query_count_above_the_limit_and_in_focus_does_not_grow(
    coordinator_client, buurt, monkeypatch
):
    monkeypatch.setattr(bos, "MAX_ACTOREN", 5)
    hub = f.make_actor(buurt)

    def fill(n):
        for _ in range(n):
            buur = f.make_actor(buurt)
            f.make_relatie(hub, buur)
            f.make_relatie(buur, f.make_actor(buurt))

    fill(4)
    small = count_get_queries(coordinator_client, _url(buurt))
    focus = count_get_queries(coordinator_client, _url(buurt), {"actor": hub.pk})
    fill(20)
    assert count_get_queries(coordinator_client, _url(buurt)) == small
    assert count_get_queries(coordinator_client, _url(buurt), {"actor": hub.pk}) == focus


def test_a_cached_page_runs_fewer_queries_and_shows_the_same(coordinator_client, buurt):
    _fill(buurt, 2)
    first = count_get_queries(coordinator_client, _url(buurt))
    html = coordinator_client.get(_url(buurt)).text.split('id="main"')[1]
    assert count_get_queries(coordinator_client, _url(buurt)) < first
    assert coordinator_client.get(_url(buurt)).text.split('id="main"')[1] == html


def test_svg_coordinates_have_one_decimal_with_a_point_and_no_negative_zero():
    assert bos_layout.coord(-1.4e-13) == "0.0"
    assert bos_layout.coord(-12.345) == "-12.3"
    assert bos_layout.coord(160) == "160.0"
