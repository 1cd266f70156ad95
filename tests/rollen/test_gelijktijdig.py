"""At the same moment: two coordinators stepping down, one invitation accepted from ten
browsers, one address invited ten times. Row locks make each come out right once.

These need PostgreSQL: SQLite serialises writes, so its requests cannot race.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from buurt.models import Rol
from rollen.models import Uitnodiging
from rollen.services import invite
from tests import factories as f

from .steps import ACCOUNT, accept_page, entry, opened

AT_ONCE = 10

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writes, so submissions cannot race; run with DATABASE_URL",
    ),
    pytest.mark.django_db(transaction=True),  # the threads see only committed rows
]


def post_at_once(requests):
    """POST each (client, url, data) from its own thread, all released together."""
    start = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def submit(i, client, url, data):
        try:
            start.wait()
            statuses[i] = client.post(url, data).status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(i, *request)) for i, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_two_coordinators_stepping_down_at_once_leave_one(buurt, coordinator):
    tweede = f.make_user("tweede")
    f.grant(tweede, buurt)
    requests = []
    for user in (coordinator, tweede):
        rol = Rol.objects.get(user=user, buurt=buurt)
        url = reverse("rollen:rol_wijzigen", args=[buurt.slug, rol.pk])
        requests.append((_client(user), url, {"rol": "onderzoeker"}))
    statuses = post_at_once(requests)
    assert sorted(statuses) == [302, 409]
    assert Rol.objects.filter(buurt=buurt, rol="coordinator").count() == 1


def test_two_coordinators_leaving_at_once_leave_one(buurt, coordinator):
    tweede = f.make_user("tweede")
    f.grant(tweede, buurt)
    requests = []
    for user in (coordinator, tweede):
        rol = Rol.objects.get(user=user, buurt=buurt)
        url = reverse("rollen:rol_verwijderen", args=[buurt.slug, rol.pk])
        requests.append((_client(user), url, {}))
    assert sorted(post_at_once(requests)) == [302, 409]
    assert Rol.objects.filter(buurt=buurt, rol="coordinator").count() == 1


def test_one_invitation_accepted_from_ten_browsers_makes_one_account(buurt, coordinator):
    _u, token = invite(buurt, "nieuw@example.org", "onderzoeker", coordinator)
    requests = [
        (opened(entry(token), Client(raise_request_exception=False)), accept_page(), data)
        for data in ({**ACCOUNT, "username": f"nora{n}"} for n in range(AT_ONCE))
    ]
    statuses = post_at_once(requests)
    assert sorted(statuses) == [302] + [404] * (AT_ONCE - 1)
    assert get_user_model().objects.filter(username__startswith="nora").count() == 1
    assert Rol.objects.filter(buurt=buurt, rol="onderzoeker").count() == 1


def test_one_address_invited_ten_times_at_once_gets_one_invitation(buurt, coordinator):
    url = reverse("rollen:uitnodigen", args=[buurt.slug])
    data = {"email": "nieuw@example.org", "rol": "onderzoeker"}
    statuses = post_at_once([(_client(coordinator), url, data) for _ in range(AT_ONCE)])
    assert max(statuses) < 500
    assert Uitnodiging.objects.count() == 1
