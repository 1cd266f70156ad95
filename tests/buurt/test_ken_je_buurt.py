import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurt import tellingen
from buurt.models import Actor
from tests import factories as f

HX = {"HTTP_HX_REQUEST": "true"}


def _url(buurt, name="buurt:ken_je_buurt", **kwargs):
    return reverse(name, kwargs={"slug": buurt.slug, **kwargs})


def test_full_page_shows_actors_counts_and_who_brought_them_in(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    f.make_actor(buurt, "Mia", soort="bewoner", aangebracht_door=partner.actor)
    response = coordinator_client.get(_url(buurt))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "Mia" in html
    assert "bracht 1 actor aan" in html
    assert 'id="soort-counts"' in html


def test_htmx_filter_returns_only_the_results(coordinator_client, buurt):
    f.make_actor(buurt, "Mia", soort="bewoner")
    f.make_actor(buurt, "Voetbalclub", soort="vereniging", sector="sport")
    response = coordinator_client.get(
        _url(buurt), {"soort": "vereniging"}, HTTP_HX_TARGET="actor-results", **HX
    )
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="actor-results"' in html
    assert "Voetbalclub" in html
    assert "Mia" not in html


def test_search_filters_by_name_and_keeps_the_filter_in_pagination_links(coordinator_client, buurt):
    for i in range(30):
        f.make_actor(buurt, f"Buur {i:02}", soort="bewoner")
    f.make_actor(buurt, "Anders", soort="bewoner")
    response = coordinator_client.get(_url(buurt), {"q": "buur", "soort": "bewoner"})
    html = response.content.decode()
    assert "30 actoren" in html
    assert "Anders" not in html
    assert "?q=buur&amp;soort=bewoner&amp;pagina=2" in html


def test_adding_with_htmx_returns_a_fresh_form_and_the_new_row(coordinator_client, buurt):
    response = coordinator_client.post(
        _url(buurt, "buurt:actor_create"), {"naam": "Mia", "soort": "bewoner"}, **HX
    )
    html = response.content.decode()
    actor = Actor.objects.get(buurt=buurt, naam="Mia")
    assert f'id="actor-{actor.pk}"' in html
    assert 'hx-swap-oob="afterbegin:#actor-list"' in html
    assert "data-autofocus" in html
    assert 'value="Mia"' not in html  # the form is empty again


def test_adding_without_javascript_redirects_back_to_the_list(coordinator_client, buurt):
    response = coordinator_client.post(
        _url(buurt, "buurt:actor_create"), {"naam": "Mia", "soort": "bewoner"}
    )
    assert response.status_code == 302
    assert response.url == _url(buurt)
    assert Actor.objects.filter(buurt=buurt, naam="Mia").exists()


def test_bad_input_shows_a_dutch_error_and_writes_nothing(coordinator_client, buurt):
    response = coordinator_client.post(_url(buurt, "buurt:actor_create"), {"naam": "", "soort": ""})
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Actor.objects.exists()


def test_a_second_actor_with_the_same_name_is_flagged_before_saving(coordinator_client, buurt):
    f.make_actor(buurt, "Mia Peeters", soort="bewoner")
    url = _url(buurt, "buurt:actor_create")
    response = coordinator_client.post(url, {"naam": "mia peeters", "soort": "bewoner"}, **HX)
    html = response.content.decode()
    assert "staat al in de lijst" in html
    assert Actor.objects.filter(buurt=buurt).count() == 1
    data = {"naam": "mia peeters", "soort": "bewoner", "bevestig_dubbel": "on"}
    coordinator_client.post(url, data, **HX)
    assert Actor.objects.filter(buurt=buurt).count() == 2


def test_same_name_in_another_buurt_is_no_duplicate(coordinator_client, buurt, other_buurt):
    f.make_actor(other_buurt, "Mia", soort="bewoner")
    coordinator_client.post(_url(buurt, "buurt:actor_create"), {"naam": "Mia", "soort": "bewoner"})
    assert Actor.objects.filter(buurt=buurt, naam="Mia").exists()


def test_inline_edit_returns_the_row(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Mia", soort="bewoner")
    url = _url(buurt, "buurt:actor_edit", pk=actor.pk)
    form = coordinator_client.get(url, **HX).content.decode()
    assert "<html" not in form
    assert f'name="actor-{actor.pk}-naam"' in form
    p = f"actor-{actor.pk}-"
    response = coordinator_client.post(url, {p + "naam": "Mia P.", p + "soort": "bewoner"}, **HX)
    actor.refresh_from_db()
    assert actor.naam == "Mia P."
    assert f'<li id="actor-{actor.pk}"' in response.content.decode()


def test_delete_asks_for_confirmation_then_removes(coordinator_client, buurt):
    # A person is erased instead (tests/privacy); an association is simply deleted.
    actor = f.make_actor(buurt, "Vzw Mia", soort="vereniging")
    url = _url(buurt, "buurt:actor_delete", pk=actor.pk)
    confirm = coordinator_client.get(url, **HX).content.decode()
    assert "definitief verwijderen" in confirm
    assert Actor.objects.filter(pk=actor.pk).exists()
    response = coordinator_client.post(url, **HX)
    assert 'id="soort-counts"' in response.content.decode()
    assert not Actor.objects.filter(pk=actor.pk).exists()


def test_actor_detail_shows_relations_activities_and_partner_history(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    ander = f.make_actor(buurt, "Jeugdhuis")
    f.make_relatie(partner.actor, ander)
    activiteit = f.make_activiteit(buurt, "Soepbar")
    activiteit.organisatoren.add(partner.actor)
    html = coordinator_client.get(
        _url(buurt, "coordinatie:actor_detail", pk=partner.actor.pk)
    ).content.decode()
    assert "Jeugdhuis" in html
    assert "Soepbar" in html
    assert "Geschiedenis van het enthousiasme" in html
    assert "vonk" in html


def test_adding_and_ending_a_relation_keeps_it_in_history(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Buurthuis")
    ander = f.make_actor(buurt, "Jeugdhuis")
    coordinator_client.post(
        _url(buurt, "coordinatie:relatie_create", pk=actor.pk),
        {"naar": "jeugdhuis", "intensiteit": "actief_afstemmen", "sinds": "2026-01-05"},
    )
    relatie = actor.relaties_van.get()
    assert relatie.naar == ander
    coordinator_client.post(_url(buurt, "buurt:relatie_end", pk=relatie.pk), {"actor": actor.pk})
    relatie.refresh_from_db()
    assert relatie.tot is not None


def test_relation_with_unknown_actor_is_refused(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Buurthuis")
    response = coordinator_client.post(
        _url(buurt, "coordinatie:relatie_create", pk=actor.pk),
        {"naar": "Bestaat niet", "intensiteit": "actief_afstemmen", "sinds": "2026-01-05"},
    )
    assert "Geen actor “Bestaat niet” in deze buurt" in response.content.decode()
    assert not actor.relaties_van.exists()


def _fill(buurt, n):
    partner = f.make_partner(buurt, niveau="vuur")
    Actor.objects.bulk_create(
        Actor(
            buurt=buurt,
            naam=f"Bulk {buurt.pk}-{i}",
            soort="bewoner",
            aangebracht_door=partner.actor,
        )
        for i in range(n)
    )
    tellingen.herbereken(buurt)  # bulk_create sends no signals


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({}, {}),
        ({"q": "bulk", "soort": "bewoner", "pagina": "2"}, {}),
        ({"sector": "", "soort": "bewoner"}, {**HX, "HTTP_HX_TARGET": "actor-results"}),
    ],
    ids=["plain", "filtered", "htmx-partial"],
)
def test_list_runs_a_constant_number_of_queries(coordinator_client, buurt, params, headers):
    _fill(buurt, 3)
    with CaptureQueriesContext(connection) as small:
        coordinator_client.get(_url(buurt), params, **headers)
    _fill(buurt, 60)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.get(_url(buurt), params, **headers)
    assert len(small) == len(large)


def test_adding_with_htmx_runs_a_constant_number_of_queries(coordinator_client, buurt):
    url = _url(buurt, "buurt:actor_create")
    _fill(buurt, 3)
    with CaptureQueriesContext(connection) as small:
        coordinator_client.post(url, {"naam": "Een", "soort": "bewoner"}, **HX)
    _fill(buurt, 60)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.post(url, {"naam": "Twee", "soort": "bewoner"}, **HX)
    assert len(small) == len(large)


def test_actor_detail_runs_a_constant_number_of_queries(coordinator_client, buurt):
    partner = f.make_partner(buurt, niveau="vuur")
    f.make_relatie(partner.actor, f.make_actor(buurt))
    url = _url(buurt, "coordinatie:actor_detail", pk=partner.actor.pk)
    with CaptureQueriesContext(connection) as small:
        coordinator_client.get(url)
    for _i in range(10):
        f.make_relatie(partner.actor, f.make_actor(buurt))
        f.make_activiteit(buurt).organisatoren.add(partner.actor)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.get(url)
    assert len(small) == len(large)


def test_who_knows_them_is_entered_by_name(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    coordinator_client.post(
        _url(buurt, "buurt:actor_create"),
        {"naam": "Mia", "soort": "bewoner", "aangebracht_door": "vzw samen"},
    )
    assert Actor.objects.get(naam="Mia").aangebracht_door == partner.actor


def test_an_unknown_acquaintance_is_refused(coordinator_client, buurt):
    response = coordinator_client.post(
        _url(buurt, "buurt:actor_create"),
        {"naam": "Mia", "soort": "bewoner", "aangebracht_door": "Niemand"},
    )
    assert "Geen actor “Niemand” in deze buurt" in response.content.decode()
    assert not Actor.objects.exists()


def test_suggestions_list_a_few_matching_names_of_this_buurt(
    coordinator_client, buurt, other_buurt
):
    f.make_partner(buurt, "Vzw Samen")
    f.make_actor(buurt, "Samenhuis")
    f.make_actor(other_buurt, "Samen Zuid")
    url = _url(buurt, "buurt:actor_suggestions")
    html = coordinator_client.get(
        url, {"field": "x", "x": "samen", "list": "x-suggesties"}
    ).content.decode()
    assert html.startswith('<datalist id="x-suggesties">')
    assert "Vzw Samen" in html
    assert "Samenhuis" in html
    assert "Samen Zuid" not in html


def test_suggestions_for_several_partners_keep_the_names_already_typed(coordinator_client, buurt):
    f.make_partner(buurt, "Vzw Samen")
    f.make_partner(buurt, "Buurthuis")
    f.make_actor(buurt, "Buurtwinkel")
    params = {
        "field": "p",
        "p": "Vzw Samen; buurt",
        "list": "p-s",
        "partners_only": "1",
        "multiple": "1",
    }
    html = coordinator_client.get(_url(buurt, "buurt:actor_suggestions"), params).content.decode()
    assert '<option value="Vzw Samen; Buurthuis">' in html
    assert "Buurtwinkel" not in html


def test_history_restore_gets_the_full_page(coordinator_client, buurt):
    response = coordinator_client.get(
        _url(buurt),
        {"soort": "bewoner"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="actor-results",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in response.content.decode()


def test_filter_by_who_brought_them_in(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    f.make_actor(buurt, "Mia", aangebracht_door=partner.actor)
    f.make_actor(buurt, "Pieter")
    html = coordinator_client.get(_url(buurt), {"via": partner.actor.pk}).content.decode()
    assert "gekend via Vzw Samen" in html
    assert "Mia" in html
    assert "Pieter" not in html


def test_page_count_matches_the_filter_without_an_extra_count(coordinator_client, buurt):
    for i in range(30):
        f.make_actor(buurt, f"Vereniging {i}", soort="vereniging")
    f.make_actor(buurt, "Mia", soort="bewoner")
    html = coordinator_client.get(_url(buurt), {"soort": "vereniging"}).content.decode()
    assert "30 actoren" in html
    assert "Pagina 1 van 2" in html
    html = coordinator_client.get(_url(buurt)).content.decode()
    assert "31 actoren" in html


def test_htmx_results_skip_the_counts_that_only_the_full_page_shows(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    f.make_actor(buurt, "Mia", soort="bewoner", aangebracht_door=partner.actor)
    with CaptureQueriesContext(connection) as partial:
        response = coordinator_client.get(_url(buurt), HTTP_HX_TARGET="actor-results", **HX)
    assert "Mia" in response.content.decode()
    grouped = [q["sql"] for q in partial.captured_queries if "GROUP BY" in q["sql"]]
    assert grouped == []
    with CaptureQueriesContext(connection) as full:
        coordinator_client.get(_url(buurt))
    assert len(partial) < len(full)


def test_adding_an_actor_or_a_relation_confirms_in_dutch(coordinator_client, buurt):
    f.make_actor(buurt, "Jeugdhuis")
    htmx = coordinator_client.post(
        _url(buurt, "buurt:actor_create"), {"naam": "Mia", "soort": "bewoner"}, **HX
    ).content.decode()
    assert "Mia is toegevoegd. Vul gerust de volgende in." in htmx
    page = coordinator_client.post(
        _url(buurt, "buurt:actor_create"), {"naam": "Bart", "soort": "bewoner"}, follow=True
    ).content.decode()
    assert "Bart is toegevoegd." in page
    actor = Actor.objects.get(buurt=buurt, naam="Mia")
    page = coordinator_client.post(
        _url(buurt, "coordinatie:relatie_create", pk=actor.pk),
        {"naar": "Jeugdhuis", "intensiteit": "actief_afstemmen", "sinds": "2026-01-05"},
        follow=True,
    ).content.decode()
    assert "Relatie met Jeugdhuis toegevoegd." in page
    assert "added" not in htmx + page
