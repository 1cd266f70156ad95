"""Double clicks create one thing: the same form posted twice, or ten times at once.

The concurrent tests need PostgreSQL: SQLite serialises writes, so its requests cannot race.
Each thread has its own logged-in client and its own database connection.
"""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from buurt.models import Actor, Relatie
from initiatieven.models import Activiteit, Initiatief, Succes, Team
from partners.models import Enthousiasme, Partner, Partnerlink
from tests import factories as f

AT_ONCE = 10

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writes, so submissions cannot race; run with DATABASE_URL",
)
# The threads see only committed rows.
committed = pytest.mark.django_db(transaction=True)


def post_at_once(user, requests):
    """POST each (url, data) from its own thread, all released together; the status codes."""
    clients = []
    for _ in requests:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    start = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def submit(i, client, url, data):
        try:
            start.wait()
            statuses[i] = client.post(url, data).status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(i, client, *request))
        for i, (client, request) in enumerate(zip(clients, requests, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def post_twice(user, url, data):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return [client.post(url, data).status_code for _ in range(2)]


def _relatie_request(buurt, van, naar):
    url = reverse("coordinatie:relatie_create", args=[buurt.slug, van.pk])
    return url, {"naar": naar.naam, "intensiteit": "doorverwijzen", "sinds": "2025-01-01"}


def _connect_request(buurt, van, naar):
    url = reverse("initiatieven:fruit_connect", args=[buurt.slug])
    return url, {"van": van.pk, "naar": naar.pk, "intensiteit": "doorverwijzen"}


def _partner_request(buurt, actor):
    url = reverse("coordinatie:partner_create", args=[buurt.slug])
    return url, {"actor": actor.naam, "niveau": "vonk"}


def _actor_request(buurt, naam, **extra):
    url = reverse("buurt:actor_create", args=[buurt.slug])
    return url, {"naam": naam, "soort": "bewoner", "sector": "", **extra}


def _pair(buurt):
    return f.make_actor(buurt, "Anna"), f.make_actor(buurt, "Bert")


@pytest.mark.parametrize("request_for", [_relatie_request, _connect_request])
def test_a_relation_posted_twice_is_added_once(buurt, coordinator, request_for):
    anna, bert = _pair(buurt)
    statuses = post_twice(coordinator, *request_for(buurt, anna, bert))
    assert max(statuses) < 500
    assert Relatie.objects.count() == 1


def test_make_partner_posted_twice_makes_one_partner(buurt, coordinator):
    actor = f.make_actor(buurt, "Vzw Samen")
    statuses = post_twice(coordinator, *_partner_request(buurt, actor))
    assert max(statuses) < 500
    assert Partner.objects.filter(actor=actor).count() == 1
    assert Enthousiasme.objects.count() == 1


def test_an_actor_posted_twice_is_added_once(buurt, coordinator):
    statuses = post_twice(coordinator, *_actor_request(buurt, "Anna Peeters"))
    assert max(statuses) < 500
    assert Actor.objects.filter(naam="Anna Peeters").count() == 1


def test_the_namesake_warning_sends_how_many_namesakes_it_showed(buurt, coordinator):
    f.make_actor(buurt, "Anna Peeters")
    client = Client()
    client.force_login(coordinator)
    html = client.post(*_actor_request(buurt, "anna peeters")).content.decode()
    assert 'name="bevestig_dubbel" value="1"' in html


def test_a_confirmed_namesake_posted_twice_is_added_once(buurt, coordinator):
    f.make_actor(buurt, "Anna Peeters")
    request = _actor_request(buurt, "Anna Peeters", bevestig_dubbel="1")
    statuses = post_twice(coordinator, *request)
    assert max(statuses) < 500
    assert Actor.objects.filter(naam="Anna Peeters").count() == 2


@needs_postgres
@committed
@pytest.mark.parametrize("request_for", [_relatie_request, _connect_request])
@pytest.mark.parametrize("both_ways", [False, True], ids=["same-way", "both-ways"])
def test_a_relation_posted_at_once_is_added_once(buurt, coordinator, request_for, both_ways):
    anna, bert = _pair(buurt)
    requests = [
        request_for(buurt, *((bert, anna) if both_ways and i % 2 else (anna, bert)))
        for i in range(AT_ONCE)
    ]
    statuses = post_at_once(coordinator, requests)
    assert max(statuses) < 500, statuses
    assert Relatie.objects.count() == 1


@needs_postgres
@committed
def test_make_partner_posted_at_once_makes_one_partner(buurt, coordinator):
    actor = f.make_actor(buurt, "Vzw Samen")
    statuses = post_at_once(coordinator, [_partner_request(buurt, actor)] * AT_ONCE)
    assert max(statuses) < 500, statuses
    assert Partner.objects.filter(actor=actor).count() == 1
    assert Enthousiasme.objects.count() == 1


@needs_postgres
@committed
def test_an_actor_posted_at_once_is_added_once(buurt, coordinator):
    statuses = post_at_once(coordinator, [_actor_request(buurt, "Anna Peeters")] * AT_ONCE)
    assert max(statuses) < 500, statuses
    assert Actor.objects.filter(naam="Anna Peeters").count() == 1


@needs_postgres
@committed
def test_a_confirmed_namesake_posted_at_once_is_added_once(buurt, coordinator):
    f.make_actor(buurt, "Anna Peeters")
    request = _actor_request(buurt, "Anna Peeters", bevestig_dubbel="1")
    statuses = post_at_once(coordinator, [request] * AT_ONCE)
    assert max(statuses) < 500, statuses
    assert Actor.objects.filter(naam="Anna Peeters").count() == 2


# Create forms without a natural key carry a one-time token ("eenmalig"): the same token
# twice creates one thing, two tokens (two deliberate entries) create two.


def _succes_form(buurt):
    url = reverse("coordinatie:succes_create", args=[buurt.slug])
    return url, {"titel": "Eerste soepbar", "datum": "2026-05-01"}, Succes


def _initiatief_form(buurt):
    f.make_partner(buurt, "Tuinploeg", niveau="vuur")  # something new needs fire
    url = reverse("initiatieven:initiatief_list", args=[buurt.slug])
    return (
        url,
        {"naam": "Tuinclub", "soort": "bewonersinitiatief", "partners": "Tuinploeg"},
        Initiatief,
    )


def _reik_hoger_form(buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    url = reverse("initiatieven:reik_hoger", args=[buurt.slug])
    data = {"naam": "Buurtrestaurant", "soort": "bewonersinitiatief", "partners": "Okra"}
    return url, data, Initiatief


def _voortbouw_form(buurt):
    okra, wgc = f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Wijkgezondheidscentrum")
    activiteiten = [
        f.make_activiteit(buurt, naam, doelgroep="senioren", thema=thema)
        for naam, thema in [("Koffieklets", "ontmoeting"), ("Valpreventie", "gezondheid")]
    ]
    for activiteit, organisator in zip(activiteiten, [okra, wgc], strict=True):
        activiteit.organisatoren.set([organisator])
    url = reverse("initiatieven:fruit_build_on", args=[buurt.slug])
    data = {
        "activiteiten": [a.pk for a in activiteiten],
        "naam": "Sterk ouder worden",
        "soort": "bewonersinitiatief",
    }
    return url, data, Initiatief


def _team_form(buurt):
    initiatief = f.make_initiatief(buurt, "Boodschappen")
    partner = f.make_partner(buurt, "Okra")
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    data = {
        "initiatief": initiatief.naam,
        "naam": "Boodschappenteam",
        "doel": "Boodschappen",
        "intensiteit": "actief_afstemmen",
        "leden-TOTAL_FORMS": "1",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "12",
        "leden-0-partner": partner.actor.naam,
        "leden-0-participatieniveau": "adviseren",
    }
    return url, data, Team


def _activiteit_form(buurt):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    return url, {"naam": "Soepbar", "doelgroep": "senioren", "loopt": "on"}, Activiteit


def _partnerlink_form(buurt):
    partner = f.make_partner(buurt, "Okra")
    url = reverse("partnerportaal:partnerlink_create", args=[buurt.slug, partner.pk])
    return url, {"dagen": "30"}, Partnerlink


CREATE_FORMS = [
    _succes_form,
    _initiatief_form,
    _reik_hoger_form,
    _voortbouw_form,
    _team_form,
    _activiteit_form,
    _partnerlink_form,
]
HTMX_FORMS = {_succes_form, _voortbouw_form, _activiteit_form}
HX = {"HTTP_HX_REQUEST": "true"}


def _without_js_and_with_htmx():
    return [
        pytest.param(form, headers, id=f"{form.__name__[1:]}-{label}")
        for form in CREATE_FORMS
        for label, headers in [("plain", {}), ("htmx", HX)]
        if form is not _partnerlink_form and (headers == {} or form in HTMX_FORMS)
    ]


def _token(html):
    tokens = re.findall(r'name="eenmalig" value="([^"]+)"', html)
    assert len(tokens) == 1, tokens
    return tokens[0]


def _form_posting_to(html, action):
    """The inside of the form that posts to `action`."""
    match = re.search(
        rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, flags=re.S
    )
    assert match, f"a form posting to {action}"
    return match.group(1)


@pytest.mark.parametrize("form", CREATE_FORMS, ids=lambda form: form.__name__[1:])
def test_the_same_token_twice_creates_one(buurt, coordinator, form):
    url, data, model = form(buurt)
    statuses = post_twice(coordinator, url, {**data, "eenmalig": "een-token"})
    assert max(statuses) < 400, statuses
    assert model.objects.count() == 1


@pytest.mark.parametrize("form, headers", _without_js_and_with_htmx())
def test_a_duplicate_answers_as_the_first_did(coordinator_client, buurt, form, headers):
    url, data, model = form(buurt)
    data["eenmalig"] = "een-token"
    first = coordinator_client.post(url, data, **headers)
    second = coordinator_client.post(url, data, **headers)
    assert model.objects.count() == 1
    assert second.status_code == first.status_code
    if first.status_code == 302:
        assert second["Location"].split("#")[0] == first["Location"].split("#")[0]
        page = coordinator_client.get(second["Location"]).text
        assert "Dit was al bewaard." in page
    else:
        assert "een-token" not in second.text


def test_a_duplicate_partner_link_says_its_address_was_shown_once(coordinator_client, buurt):
    url, data, _model = _partnerlink_form(buurt)
    data["eenmalig"] = "een-token"
    assert "/partner/" in coordinator_client.post(url, data, follow=True).text
    second = coordinator_client.post(url, data, follow=True)
    assert Partnerlink.objects.count() == 1
    assert second.redirect_chain[0][0] == url.replace("nieuw/", "")
    assert "Deze link was al aangemaakt." in second.text


@pytest.mark.parametrize("form", CREATE_FORMS, ids=lambda form: form.__name__[1:])
def test_two_tokens_are_two_deliberate_entries(coordinator_client, buurt, form):
    url, data, model = form(buurt)
    if model is Team:
        data["naam"] = "Eerste team"  # a team name is unique within its initiative
    coordinator_client.post(url, {**data, "eenmalig": "eerste"})
    if model is Team:
        data["naam"] = "Tweede team"
    coordinator_client.post(url, {**data, "eenmalig": "tweede"})
    assert model.objects.count() == 2


@pytest.mark.parametrize("form", CREATE_FORMS, ids=lambda form: form.__name__[1:])
def test_a_form_without_a_token_still_creates(coordinator_client, buurt, form):
    url, data, model = form(buurt)
    coordinator_client.post(url, data)
    assert model.objects.count() == 1


@pytest.mark.parametrize(
    "page, action",
    [
        ("coordinatie:vonken", "coordinatie:succes_create"),
        ("initiatieven:initiatief_list", "initiatieven:initiatief_list"),
        ("initiatieven:reik_hoger", "initiatieven:reik_hoger"),
        ("initiatieven:team_create", "initiatieven:team_create"),
        ("initiatieven:fruit", "initiatieven:fruit"),
    ],
)
def test_each_rendering_of_a_create_form_carries_a_fresh_token(
    coordinator_client, buurt, page, action
):
    f.make_initiatief(buurt)  # the team form needs an initiative to join
    url = reverse(action, args=[buurt.slug])
    first, second = (
        coordinator_client.get(reverse(page, args=[buurt.slug])).text for _ in range(2)
    )
    assert 'name="eenmalig"' in first
    assert _token(_form_posting_to(first, url)) != _token(_form_posting_to(second, url))


def test_the_partner_link_form_carries_a_token(coordinator_client, buurt):
    url, _data, _model = _partnerlink_form(buurt)
    partner = Partner.objects.get()
    page = coordinator_client.get(
        reverse("partnerportaal:partnerlink_list", args=[buurt.slug, partner.pk])
    )
    assert _token(_form_posting_to(page.text, url))


@pytest.mark.parametrize("form", CREATE_FORMS, ids=lambda form: form.__name__[1:])
def test_a_form_shown_again_with_errors_carries_a_new_token(coordinator_client, buurt, form):
    url, data, model = form(buurt)
    broken = {**data, "eenmalig": "een-token", "naam": "", "titel": "", "dagen": "-1"}
    response = coordinator_client.post(url, broken, **(HX if form in HTMX_FORMS else {}))
    assert not model.objects.exists()
    if form is not _voortbouw_form:  # the chances answer with the errors, not the form
        assert _token(_form_posting_to(response.text, url)) != "een-token"


@pytest.mark.parametrize("form", sorted(HTMX_FORMS, key=lambda form: form.__name__))
def test_the_form_after_an_htmx_success_carries_a_new_token(coordinator_client, buurt, form):
    url, data, model = form(buurt)
    response = coordinator_client.post(url, {**data, "eenmalig": "een-token"}, **HX)
    assert model.objects.count() == 1
    if form is not _voortbouw_form:  # the chance is gone once built on
        assert _token(_form_posting_to(response.text, url)) != "een-token"


@needs_postgres
@committed
@pytest.mark.parametrize("form", CREATE_FORMS, ids=lambda form: form.__name__[1:])
def test_the_same_token_posted_at_once_creates_one(buurt, coordinator, form):
    url, data, model = form(buurt)
    request = (url, {**data, "eenmalig": "een-token"})
    statuses = post_at_once(coordinator, [request] * AT_ONCE)
    assert max(statuses) < 500, statuses
    assert model.objects.count() == 1
