import re
from datetime import date

from django.urls import reverse

from buurt.models import Actor, Relatie
from initiatieven import bos
from tests import factories as f
from tests.queries import count_get_queries


def _kaart(buurt, **filters):
    return bos.netwerkkaart(buurt, bos.BosFilter(**filters))


def test_the_layout_is_deterministic_and_grouped_by_soort(buurt):
    f.make_actor(buurt, "Zus", soort="bewoner")
    f.make_actor(buurt, "Anna", soort="bewoner")
    f.make_actor(buurt, "Okra", soort="vereniging")
    f.make_actor(buurt, "OCMW", soort="organisatie")
    first = _kaart(buurt)
    assert [k.naam for k in first.actoren] == ["Anna", "Zus", "Okra", "OCMW"]
    again = _kaart(buurt)
    assert [(k.x, k.y) for k in first.actoren] == [(k.x, k.y) for k in again.actoren]


def test_relations_and_teams_become_lines(buurt):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    f.make_relatie(a, b, intensiteit="permanent_partnerschap")
    team = f.make_team(f.make_initiatief(buurt), "Boodschappen")
    f.make_deelname(team, f.make_partner(buurt, "Okra"))
    kaart = _kaart(buurt)
    assert [lijn.klasse for lijn in kaart.lijnen] == ["relatie niveau-4", "lidmaatschap"]
    assert [(t.naam, t.leden) for t in kaart.teams] == [("Boodschappen", ["Okra"])]


def test_filters_narrow_actors_and_relations(buurt):
    bewoner = f.make_actor(buurt, soort="bewoner")
    ander = f.make_actor(buurt, soort="bewoner")
    f.make_actor(buurt, soort="vereniging")
    f.make_relatie(bewoner, ander, intensiteit="doorverwijzen")
    kaart = _kaart(buurt, soort="bewoner")
    assert {k.soort for k in kaart.actoren} == {"bewoner"}
    assert len(kaart.lijnen) == 1
    assert _kaart(buurt, intensiteit="actief_afstemmen").lijnen == []


def test_most_connected_counts_both_ends_and_breaks_ties_by_id(buurt):
    a, b, c, d = (f.make_actor(buurt, soort="bewoner") for _ in range(4))
    e = f.make_actor(buurt, soort="vereniging")
    f.make_relatie(a, b)
    f.make_relatie(c, a)
    f.make_relatie(e, a)
    f.make_relatie(d, e)
    f.make_relatie(b, d)
    f.make_relatie(c, d, sinds=date(2026, 1, 1), tot=date(2026, 2, 1))  # ended: not counted
    relaties = Relatie.objects.in_buurt(buurt).actief()
    assert bos._meest_verbonden(relaties, "", 3) == [a.pk, b.pk, d.pk]
    assert bos._meest_verbonden(relaties, "", 10) == [a.pk, b.pk, d.pk, e.pk, c.pk]
    # With a soort filter only the ends of that soort are counted.
    assert bos._meest_verbonden(relaties, "vereniging", 10) == [e.pk]


def test_above_the_limit_only_the_most_connected_actors_are_drawn(buurt, monkeypatch):
    monkeypatch.setattr(bos, "MAX_ACTOREN", 3)
    hub = f.make_actor(buurt, "Zz hub")
    for i in range(5):
        f.make_relatie(hub, f.make_actor(buurt, f"Actor {i}"))
    kaart = _kaart(buurt)
    assert kaart.totaal == 6
    assert kaart.ingekort
    assert len(kaart.actoren) == 3
    assert "Zz hub" in [k.naam for k in kaart.actoren]


def test_the_page_draws_svg_without_style_attributes_and_a_table(coordinator_client, buurt):
    a = f.make_actor(buurt, "Okra", soort="vereniging")
    b = f.make_actor(buurt, "OCMW", soort="organisatie")
    f.make_relatie(a, b)
    response = coordinator_client.get(reverse("initiatieven:bos", args=[buurt.slug]))
    text = response.text
    assert "<svg" in text and 'role="img"' in text
    assert "style=" not in text
    assert re.search(r'cx="-?\d+(\.\d)?"', text)
    assert "<td>Okra <span" in text


def test_the_filter_answers_htmx_with_the_map_only(coordinator_client, buurt):
    f.make_actor(buurt, soort="bewoner")
    url = reverse("initiatieven:bos", args=[buurt.slug])
    response = coordinator_client.get(url, {"soort": "bewoner"}, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<div id="kaart">')


def test_an_unknown_filter_value_is_ignored(coordinator_client, buurt):
    url = reverse("initiatieven:bos", args=[buurt.slug])
    response = coordinator_client.get(url, {"soort": "draak", "intensiteit": "x"})
    assert response.status_code == 200
    assert response.context["filters"] == bos.BosFilter()


def test_bos_page_query_count_does_not_grow(coordinator_client, buurt):
    url = reverse("initiatieven:bos", args=[buurt.slug])

    def fill(n):
        for soort in Actor.Soort.values:
            for _ in range(n):
                a, b = f.make_actor(buurt, soort=soort), f.make_actor(buurt, soort=soort)
                f.make_relatie(a, b)
                team = f.make_team(f.make_initiatief(buurt))
                f.make_deelname(team, f.make_partner(buurt, soort=soort))

    def count():
        return count_get_queries(coordinator_client, url)

    fill(1)
    small = count()
    fill(5)
    assert count() == small


def test_bos_query_count_above_the_limit_does_not_grow(coordinator_client, buurt, monkeypatch):
    monkeypatch.setattr(bos, "MAX_ACTOREN", 5)
    url = reverse("initiatieven:bos", args=[buurt.slug])

    def fill(n):
        for _ in range(n):
            f.make_relatie(f.make_actor(buurt), f.make_actor(buurt))

    def count():
        return count_get_queries(coordinator_client, url)

    fill(4)
    small = count()
    fill(20)
    assert count() == small


def test_svg_coordinates_have_one_decimal_with_a_point_and_no_negative_zero():
    assert bos.coord(-1.4e-13) == "0.0"
    assert bos.coord(-12.345) == "-12.3"
    assert bos.coord(160) == "160.0"


def test_an_empty_buurt_gets_a_hint_instead_of_an_empty_map(coordinator_client, buurt):
    html = coordinator_client.get(reverse("initiatieven:bos", args=[buurt.slug])).text
    assert "<svg" not in html
    assert "Nog niets om op de kaart te zetten" in html
    assert reverse("buurt:ken_je_buurt", args=[buurt.slug]) in html


def test_a_buurt_with_actors_still_draws_the_map(coordinator_client, buurt):
    f.make_actor(buurt, "Buurthuis")
    html = coordinator_client.get(reverse("initiatieven:bos", args=[buurt.slug])).text
    assert "<svg" in html
    assert "Nog niets om op de kaart te zetten" not in html


def test_the_relation_table_pages_by_pagina_and_keeps_the_filter(coordinator_client, buurt):
    hub = f.make_actor(buurt, "Hub", soort="bewoner")
    for i in range(30):
        f.make_relatie(hub, f.make_actor(buurt, f"Buur {i:02}", soort="bewoner"))
    url = reverse("initiatieven:bos", args=[buurt.slug])
    first = coordinator_client.get(url, {"soort": "bewoner"}).text
    assert "?soort=bewoner&amp;pagina=2" in first
    assert 'hx-target="#kaart"' in first
    second = coordinator_client.get(url, {"soort": "bewoner", "pagina": 2}, HTTP_HX_REQUEST="true")
    assert second.text.lstrip().startswith('<div id="kaart"')
    assert "Pagina 2 van 2" in second.text
