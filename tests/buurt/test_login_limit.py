"""Password guessing on the login form is limited per client address."""

from django.test import Client
from django.urls import reverse

from buurt.login import LOGIN_FAILURES
from tests import factories as f


def attempt(client, password, username="ilse"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_password_guessing_is_blocked_after_a_few_failures(db):
    f.make_user("ilse")
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(LOGIN_FAILURES):
        assert attempt(guesser, f"gok-{n}").status_code == 200

    blocked = attempt(guesser, "geheim-wachtwoord")

    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.text
    assert "_auth_user_id" not in guesser.session


def test_another_address_can_still_log_in(db):
    f.make_user("ilse")
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(LOGIN_FAILURES):
        attempt(guesser, f"gok-{n}")

    response = attempt(Client(REMOTE_ADDR="198.51.100.7"), "geheim-wachtwoord")

    assert response.status_code == 302


def test_a_few_typos_do_not_block(db):
    f.make_user("ilse")
    client = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(LOGIN_FAILURES - 1):
        attempt(client, f"typo-{n}")
    assert attempt(client, "geheim-wachtwoord").status_code == 302


def test_login_ignores_a_next_url_on_another_site(db):
    f.make_user("ilse")
    response = Client().post(
        reverse("login") + "?next=https://kwaad.example/",
        {"username": "ilse", "password": "geheim-wachtwoord", "next": "//kwaad.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("buurt:home")


def test_the_admin_login_is_limited_too(db):
    f.make_user("beheer", is_staff=True, is_superuser=True)
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    url = reverse("admin:login")
    for n in range(LOGIN_FAILURES):
        guesser.post(url, {"username": "beheer", "password": f"gok-{n}"})

    blocked = guesser.post(url, {"username": "beheer", "password": "geheim-wachtwoord"})

    assert blocked.status_code == 429
    assert "_auth_user_id" not in guesser.session
