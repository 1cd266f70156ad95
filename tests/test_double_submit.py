"""Double clicks create one thing: the same form posted twice, or ten times at once.

The concurrent tests need PostgreSQL: SQLite serialises writes, so its requests cannot race.
Each thread has its own logged-in client and its own database connection.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from buurt.models import Actor, Relatie
from partners.models import Enthousiasme, Partner
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
