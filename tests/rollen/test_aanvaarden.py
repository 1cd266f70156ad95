"""Accepting an invitation: the token leaves the URL; expired, revoked, used and replaced
links get one and the same page; an existing account accepts after logging in."""

import logging
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.models import Rol
from rollen.invitations import RATE_LIMIT_FAILURES
from rollen.models import Uitnodiging
from rollen.services import invite, renew, revoke
from tests import factories as f

from .steps import ACCOUNT, PASSWORD, accept_page, entry, main_text, opened

User = get_user_model()


@pytest.fixture
def uitnodiging(buurt, coordinator):
    """(invitation, token) for nieuw@example.org as onderzoeker."""
    return invite(buurt, "nieuw@example.org", "onderzoeker", coordinator)


def _accept_new(client, **data):
    return client.post(accept_page(), {**ACCOUNT, **data})


def test_the_token_leaves_the_url_and_the_page_is_not_cached(uitnodiging):
    _u, token = uitnodiging
    client = Client()
    response = client.get(entry(token))
    assert response.status_code == 302 and token not in response["Location"]
    assert response["Referrer-Policy"] == "no-referrer"
    page = client.get(accept_page())
    assert token not in page.text
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"


def _expire(u):
    Uitnodiging.objects.filter(pk=u.pk).update(verloopt_op=timezone.now())


def _revoke(u):
    revoke(u.buurt, u.pk)


def _use(u):
    Uitnodiging.objects.filter(pk=u.pk).update(aanvaard_op=timezone.now())


def _replace(u):
    renew(u.buurt, u.pk)


@pytest.mark.parametrize("spoil", [_expire, _revoke, _use, _replace])
def test_a_spoiled_link_gets_one_dutch_page_and_creates_nothing(uitnodiging, spoil):
    u, token = uitnodiging
    unknown = Client().get(entry("onbekend-" + "x" * 40))
    spoil(u)
    users = User.objects.count()
    response = Client().get(entry(token))
    assert response.status_code == 404
    assert "Deze uitnodiging werkt niet (meer)" in response.text
    assert main_text(response) == main_text(unknown)
    assert User.objects.count() == users


@pytest.mark.parametrize("spoil", [_expire, _revoke, _replace])
def test_a_link_spoiled_after_it_was_opened_stops_working_too(uitnodiging, spoil):
    u, token = uitnodiging
    client = opened(entry(token))
    spoil(u)
    assert client.get(accept_page()).status_code == 404
    response = _accept_new(client)
    assert response.status_code == 404
    assert not User.objects.filter(username="nora").exists()
    assert not Rol.objects.filter(buurt=u.buurt, rol="onderzoeker", user__username="nora")


def test_a_used_invitation_cannot_be_used_again(uitnodiging):
    _u, token = uitnodiging
    first = opened(entry(token))
    second = opened(entry(token))  # opened in another browser before the first accepted
    assert _accept_new(first).status_code == 302
    response = _accept_new(second, username="nog-iemand")
    assert response.status_code == 404
    assert not User.objects.filter(username="nog-iemand").exists()
    assert Client().get(entry(token)).status_code == 404
    assert list(Rol.objects.filter(buurt=_u.buurt, rol="onderzoeker")) == [
        Rol.objects.get(user__username="nora")
    ]


def test_the_session_without_an_invitation_gets_the_same_page():
    response = Client().get(accept_page())
    assert response.status_code == 404
    assert "Deze uitnodiging werkt niet (meer)" in response.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"password2": "iets-anders-2026"}, "De twee wachtwoordvelden komen niet overeen."),
        ({"password1": "12345678", "password2": "12345678"}, "Dit wachtwoord is te algemeen."),
        (
            {"password1": "kort", "password2": "kort"},
            "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten.",
        ),
        ({"password1": "nieuw@example.org", "password2": "nieuw@example.org"}, "te veel op"),
        ({"username": ""}, "Kies een gebruikersnaam."),
        ({"username": "met spatie!"}, "Voer een geldige gebruikersnaam in."),
        ({"first_name": ""}, "Vul je voornaam in."),
        ({"username": "coord"}, "Er bestaat al een gebruiker met deze gebruikersnaam."),
        ({"username": "COORD"}, "Er bestaat al een gebruiker met deze gebruikersnaam."),
    ],
)
def test_a_bad_account_form_is_refused_in_dutch_and_writes_nothing(uitnodiging, data, error):
    u, token = uitnodiging
    client = opened(entry(token))
    users, roles = User.objects.count(), Rol.objects.count()
    response = _accept_new(client, **data)
    assert response.status_code == 200
    assert 'class="errorlist"' in response.text
    assert error in response.text
    assert (User.objects.count(), Rol.objects.count()) == (users, roles)
    u.refresh_from_db()
    assert u.is_geldig


def test_an_address_already_used_by_an_account_is_not_mentioned(uitnodiging):
    _u, token = uitnodiging
    f.make_user("bestaand", email="nieuw@example.org")
    client = opened(entry(token))
    page = client.get(accept_page()).text
    assert "al een account met" not in page and "bestaand" not in page
    assert _accept_new(client).status_code == 302
    assert User.objects.filter(email="nieuw@example.org").count() == 2


def test_an_existing_account_accepts_after_logging_in(buurt, coordinator):
    bestaand = f.make_user("bestaand", password=PASSWORD, email="bestaand@example.org")
    _u, token = invite(buurt, "werk@example.org", "coordinator", coordinator)
    client = opened(entry(token))
    page = client.get(accept_page()).text
    login_link = f"{reverse('login')}?next={accept_page()}"
    assert f'href="{login_link}"' in page and "Ik heb al een account" in page

    login = client.post(
        reverse("login"), {"username": "bestaand", "password": PASSWORD, "next": accept_page()}
    )
    assert login.status_code == 302 and login["Location"] == accept_page()
    confirm = client.get(accept_page())
    assert "Ja, voeg de rol toe aan mijn account" in confirm.text
    assert "bestaand" in confirm.text
    assert not Rol.objects.filter(user=bestaand).exists()  # asked, not yet done

    done = client.post(accept_page())
    assert done["Location"] == reverse("coordinatie:dashboard", args=[buurt.slug])
    assert Rol.objects.get(user=bestaand, buurt=buurt).rol == "coordinator"
    assert client.get(reverse("rollen:mensen", args=[buurt.slug])).status_code == 200
    assert client.get(accept_page()).status_code == 404  # used up, and gone from the session


def test_a_logged_in_user_with_a_role_in_the_buurt_is_told_and_nothing_changes(
    buurt, coordinator, onderzoeker
):
    u, token = invite(buurt, "ander@example.org", "coordinator", coordinator)
    client = Client()
    client.force_login(onderzoeker)
    opened(entry(token), client)
    response = client.post(accept_page())
    assert response.status_code == 409
    assert "Je hebt al een rol in Noord (onderzoeker)." in response.text
    assert Rol.objects.get(user=onderzoeker, buurt=buurt).rol == "onderzoeker"
    u.refresh_from_db()
    assert u.is_geldig


def test_the_timeline_names_the_newcomer_for_their_role(uitnodiging, buurt):
    from buurt.models import Wijziging

    _u, token = uitnodiging
    client = opened(entry(token))
    _accept_new(client)
    nora = User.objects.get(username="nora")
    entry_for_role = Wijziging.objects.get(
        buurt=buurt, content_type__model="rol", object_id=Rol.objects.get(user=nora).pk
    )
    assert entry_for_role.actor == nora


def test_token_guessing_is_rate_limited_per_client_address(uitnodiging):
    _u, token = uitnodiging
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(RATE_LIMIT_FAILURES):
        assert guesser.get(entry(f"geraden-{n:040d}")).status_code == 404
    blocked = guesser.get(entry("nog-een-gok-" + "0" * 40))
    assert blocked.status_code == 429
    assert "te veel ongeldige uitnodigingslinks" in blocked.text
    assert Client(REMOTE_ADDR="198.51.100.7").get(entry(token)).status_code == 302


def test_tokens_do_not_reach_the_logs(uitnodiging, caplog):
    _u, token = uitnodiging
    bad = "y" * 43
    with caplog.at_level(logging.DEBUG):
        Client().get(entry(token))
        Client().get(entry(bad))
    assert "Not Found: /uitnodiging/[verborgen]/" in caplog.text
    assert token not in caplog.text and bad not in caplog.text


def test_an_expired_invitation_is_refused_even_a_second_before(uitnodiging):
    u, token = uitnodiging
    Uitnodiging.objects.filter(pk=u.pk).update(verloopt_op=timezone.now() + timedelta(seconds=1))
    client = opened(entry(token))
    Uitnodiging.objects.filter(pk=u.pk).update(verloopt_op=timezone.now() - timedelta(seconds=1))
    assert _accept_new(client).status_code == 404
    assert not User.objects.filter(username="nora").exists()
