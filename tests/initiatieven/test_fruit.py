import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurt.models import Relatie
from initiatieven.fruit import laaghangend_fruit
from initiatieven.models import Activiteit, Initiatief
from tests import factories as f


def _activiteit(buurt, naam, organisatoren, **extra):
    activiteit = f.make_activiteit(buurt, naam, **extra)
    activiteit.organisatoren.set(organisatoren)
    return activiteit


def _pair(buurt, **extra):
    x, y = f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Wijkgezondheidscentrum")
    a = _activiteit(buurt, "Koffieklets", [x], doelgroep="senioren", thema="ontmoeting", **extra)
    b = _activiteit(buurt, "Valpreventie", [y], doelgroep="senioren", thema="gezondheid")
    return x, y, a, b


def test_finder_suggests_activities_sharing_a_target_group_with_unrelated_organisers(buurt):
    x, y, a, b = _pair(buurt)
    kansen, more = laaghangend_fruit(buurt)
    assert [(k.a, k.b, k.van, k.naar) for k in kansen] == [(a, b, x, y)]
    assert kansen[0].gedeeld == ["doelgroep senioren"]
    assert not more


def test_finder_skips_organisers_that_already_work_together(buurt):
    x, y, _a, _b = _pair(buurt)
    f.make_relatie(y, x)
    assert laaghangend_fruit(buurt)[0] == []


def test_finder_skips_stopped_activities_and_shared_organisers(buurt):
    x, y, a, b = _pair(buurt, loopt=False)
    assert laaghangend_fruit(buurt)[0] == []
    f.update_row(a, loopt=True)
    b.organisatoren.add(x)
    assert laaghangend_fruit(buurt)[0] == []


def test_finder_skips_activities_an_initiative_already_builds_on(buurt):
    _x, _y, a, b = _pair(buurt)
    f.make_initiatief(buurt).bouwt_voort_op.set([a, b])
    assert laaghangend_fruit(buurt)[0] == []


def test_finder_ignores_other_buurten(buurt, other_buurt):
    _pair(other_buurt)
    assert laaghangend_fruit(buurt)[0] == []


def test_finder_limits_suggestions_and_says_there_are_more(buurt):
    for i in range(5):
        _activiteit(buurt, f"A{i}", [f.make_actor(buurt)], thema="voeding")
    kansen, more = laaghangend_fruit(buurt, limit=3)
    assert len(kansen) == 3
    assert more


def test_recording_a_relation_from_a_suggestion_removes_it(coordinator_client, buurt):
    x, y, _a, _b = _pair(buurt)
    url = reverse("initiatieven:fruit_connect", args=[buurt.slug])
    data = {"van": x.pk, "naar": y.pk, "intensiteit": "actief_afstemmen"}
    response = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b'id="kansen"' in response.content
    assert b"<html" not in response.content
    assert "Relatie tussen Okra en Wijkgezondheidscentrum vastgelegd." in response.text
    assert 'id="kans-' not in response.text
    relatie = Relatie.objects.get()
    assert (relatie.van, relatie.naar, relatie.intensiteit) == (x, y, "actief_afstemmen")


def test_recording_a_relation_without_htmx_redirects_back(coordinator_client, buurt):
    x, y, _a, _b = _pair(buurt)
    url = reverse("initiatieven:fruit_connect", args=[buurt.slug])
    response = coordinator_client.post(
        url, {"van": x.pk, "naar": y.pk, "intensiteit": "doorverwijzen"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/fruit/#kansen")
    assert Relatie.objects.count() == 1


def test_a_relation_with_an_actor_of_another_buurt_is_refused(
    coordinator_client, buurt, other_buurt
):
    x = f.make_actor(buurt)
    vreemde = f.make_actor(other_buurt)
    url = reverse("initiatieven:fruit_connect", args=[buurt.slug])
    response = coordinator_client.post(
        url, {"van": x.pk, "naar": vreemde.pk, "intensiteit": "doorverwijzen"}, follow=True
    )
    assert "Niet bewaard" in response.text
    assert not Relatie.objects.exists()


def test_an_initiative_can_build_on_a_suggestion(coordinator_client, buurt):
    _x, _y, a, b = _pair(buurt)
    url = reverse("initiatieven:fruit_build_on", args=[buurt.slug])
    data = {
        "activiteiten": [a.pk, b.pk],
        "naam": "Sterk ouder worden",
        "soort": "bewonersinitiatief",
    }
    response = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    initiatief = Initiatief.objects.get()
    assert set(initiatief.bouwt_voort_op.all()) == {a, b}
    assert 'id="kans-' not in response.text


def test_coordinator_adds_an_activity_with_organisers(coordinator_client, buurt):
    x = f.make_actor(buurt, "Okra")
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    data = {"naam": "Soepbar", "organisatoren": "okra", "doelgroep": "senioren", "loopt": "on"}
    response = coordinator_client.post(url, data)
    assert response.status_code == 302
    activiteit = Activiteit.objects.get()
    assert activiteit.buurt == buurt
    assert list(activiteit.organisatoren.all()) == [x]


def test_adding_an_activity_with_htmx_returns_the_content_partial(coordinator_client, buurt):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    response = coordinator_client.post(url, {"naam": "Soepbar"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="inhoud">')
    assert "Activiteit Soepbar toegevoegd." in response.text
    assert not list(response.wsgi_request._messages)


def test_an_activity_without_name_is_refused_with_a_message(coordinator_client, buurt):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    response = coordinator_client.post(url, {"naam": "", "doelgroep": "senioren"})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert not Activiteit.objects.exists()


def test_an_organiser_from_another_buurt_is_refused(coordinator_client, buurt, other_buurt):
    f.make_actor(other_buurt, "Elders")
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    response = coordinator_client.post(url, {"naam": "Soepbar", "organisatoren": "Elders"})
    assert response.status_code == 200
    assert "Geen actor “Elders” in deze buurt." in response.text
    assert not Activiteit.objects.exists()


def test_inline_edit_returns_the_form_row_then_the_saved_row(coordinator_client, buurt):
    activiteit = f.make_activiteit(buurt, "Soepbar")
    url = reverse("initiatieven:activiteit_edit", args=[buurt.slug, activiteit.pk])
    form_row = coordinator_client.get(url + "?bewerk=1", HTTP_HX_REQUEST="true")
    assert form_row.text.lstrip().startswith(
        f'<tr id="activiteit-{activiteit.pk}" class="editing">'
    )
    data = {"naam": "Soepbar", "thema": "voeding", "frequentie": "maandelijks"}
    saved = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert saved.text.lstrip().startswith(f'<tr id="activiteit-{activiteit.pk}" class="gestopt">')
    assert json.loads(saved["HX-Trigger"]) == {"fruit-changed": {}}
    activiteit.refresh_from_db()
    assert (activiteit.thema, activiteit.loopt) == ("voeding", False)


def test_edit_without_javascript_is_a_page_and_redirects_back(coordinator_client, buurt):
    activiteit = f.make_activiteit(buurt, "Soepbar")
    url = reverse("initiatieven:activiteit_edit", args=[buurt.slug, activiteit.pk])
    page = coordinator_client.get(url + "?bewerk=1")
    assert "<html" in page.text and 'name="naam"' in page.text
    response = coordinator_client.post(url, {"naam": "Soepbar+", "loopt": "on"})
    assert response.status_code == 302
    activiteit.refresh_from_db()
    assert activiteit.naam == "Soepbar+"


def test_the_chances_partial_is_served_to_htmx_refreshes(coordinator_client, buurt):
    _pair(buurt)
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    response = coordinator_client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="kansen")
    assert response.text.lstrip().startswith('<section id="kansen"')


def _fill(buurt, n):
    for i in range(n):
        x, y = f.make_actor(buurt), f.make_actor(buurt)
        _activiteit(buurt, f"Activiteit {i}a", [x], doelgroep="senioren")
        _activiteit(buurt, f"Activiteit {i}b", [y], doelgroep="senioren", thema="voeding")
        f.make_relatie(x, y)


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_fruit_page_query_count_does_not_grow(coordinator_client, buurt):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    _fill(buurt, 2)
    small = _count_queries(coordinator_client, url)
    _fill(buurt, 10)
    assert _count_queries(coordinator_client, url) == small


def test_organisers_are_typed_names_with_server_suggestions(coordinator_client, buurt):
    actors = [f.make_actor(buurt, naam) for naam in ("Anna", "Bert", "Chiro", "Dirk")]
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    page = coordinator_client.get(url).text
    assert "Anna" not in page
    assert '<datalist id="organisatoren-suggesties"></datalist>' in page
    assert reverse("buurt:actor_suggestions", args=[buurt.slug]) in page
    response = coordinator_client.post(url, {"naam": "Soepbar", "organisatoren": "Dirk; chiro;"})
    assert response.status_code == 302
    assert set(Activiteit.objects.get().organisatoren.all()) == {actors[2], actors[3]}


def test_an_edit_row_shows_its_organisers_with_its_own_suggestion_list(coordinator_client, buurt):
    activiteit = _activiteit(
        buurt, "Soepbar", [f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Chiro")]
    )
    url = reverse("initiatieven:activiteit_edit", args=[buurt.slug, activiteit.pk])
    response = coordinator_client.get(url, {"bewerk": "1"}, HTTP_HX_REQUEST="true")
    assert 'value="Chiro; Okra"' in response.text or 'value="Okra; Chiro"' in response.text
    assert f'<datalist id="activiteit{activiteit.pk}-organisatoren-suggesties">' in response.text


def test_a_specific_target_group_comes_before_all_residents(buurt):
    for naam, doelgroep in (
        ("A", "iedereen"),
        ("B", "iedereen"),
        ("C", "senioren"),
        ("D", "senioren"),
    ):
        _activiteit(buurt, naam, [f.make_actor(buurt)], doelgroep=doelgroep)
    kansen, _more = laaghangend_fruit(buurt)
    assert [(k.a.naam, k.b.naam) for k in kansen] == [("C", "D"), ("A", "B")]


def test_the_activities_page_by_pagina_and_with_htmx_swap_only_the_content(
    coordinator_client, buurt
):
    for i in range(30):
        f.make_activiteit(buurt, f"Activiteit {i:02}")
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    first = coordinator_client.get(url).text
    assert "?pagina=2" in first and 'hx-target="#inhoud"' in first
    second = coordinator_client.get(
        url, {"pagina": 2}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="inhoud"
    )
    assert second.text.lstrip().startswith('<div id="inhoud"')
    assert "Activiteit 29" in second.text and "Activiteit 00" not in second.text


def test_building_on_a_chance_shows_the_organisers_fire(coordinator_client, buurt):
    van = f.make_partner(buurt, "Okra Sint-Jozef", niveau="vuur").actor
    naar = f.make_actor(buurt, "Femma Vlasbloem")
    f.make_activiteit(buurt, "Soepbar", doelgroep="senioren").organisatoren.set([van])
    f.make_activiteit(buurt, "Wandelclub", doelgroep="senioren").organisatoren.set([naar])
    text = coordinator_client.get(reverse("initiatieven:fruit", args=[buurt.slug])).text
    assert "Vuur bij de organisatoren" in text
    assert "Okra Sint-Jozef (vuur)" in text
    assert "Femma Vlasbloem (nog niet ingeschat)" in text
