"""An administrator requires two-factor sign-in for a buurt: everyone with a role there
sets it up before any buurt page. Partner links are not accounts, and are not affected."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from buurt.models import Buurt
from tests.conftest import partner_session_client

from .helpers import app_code, code_for_secret, give_code, give_device, log_in, secret_on

SETUP = reverse("accounts:otp_setup")


@pytest.fixture
def required(buurt):
    Buurt.objects.filter(pk=buurt.pk).update(tweestapsverificatie_verplicht=True)
    buurt.refresh_from_db()
    return buurt


def test_a_coordinator_without_a_device_is_sent_to_the_setup_first(required, coordinator, world):
    client, _ = log_in(coordinator)
    pages = [
        reverse("buurt:home"),
        required.get_absolute_url(),
        reverse("buurt:ken_je_buurt", args=[required.slug]),
        reverse("coordinatie:vonken", args=[required.slug]),
        reverse("onderzoek:index"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{SETUP}?next={url.replace('/', '%2F')}"
    refused = client.post(reverse("buurt:actor_create", args=[required.slug]), {"naam": "X"})
    assert refused["Location"] == SETUP
    page = client.get(SETUP)
    assert "Tweestapsverificatie is verplicht in" in page.text
    assert "Noord" in page.text


def test_htmx_requests_are_sent_to_the_setup_as_a_whole_page(required, coordinator):
    client, _ = log_in(coordinator)
    response = client.get(required.get_absolute_url(), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(SETUP)


def test_account_pages_logout_and_health_stay_open(required, coordinator):
    client, _ = log_in(coordinator)
    for url in (
        reverse("accounts:account"),
        reverse("accounts:password_change"),
        reverse("health"),
        reverse("buurt:over"),
    ):
        assert client.get(url).status_code == 200, url
    assert client.post(reverse("logout")).status_code == 200


def test_after_the_setup_the_buurt_opens(required, coordinator):
    client, _ = log_in(coordinator)
    secret = secret_on(client.get(SETUP).text)
    client.post(SETUP, {"code": code_for_secret(secret)})
    assert client.get(required.get_absolute_url()).status_code == 200

    other, _ = log_in(coordinator)
    assert other.get(required.get_absolute_url())["Location"].startswith(
        reverse("accounts:otp_verify")
    )
    give_code(other, app_code(TOTPDevice.objects.get(user=coordinator)))
    assert other.get(required.get_absolute_url()).status_code == 200


def test_a_role_in_another_buurt_is_not_affected(required, outsider, other_buurt):
    client, _ = log_in(outsider)
    assert client.get(other_buurt.get_absolute_url()).status_code == 200


def test_switching_off_is_refused_where_it_is_required(required, coordinator):
    device = give_device(coordinator)
    client, _ = log_in(coordinator)
    give_code(client, app_code(device))
    url = reverse("accounts:otp_disable")
    assert "je kan het niet uitzetten" in client.get(url).text
    assert client.post(url, {"code": app_code(device)}).status_code == 403
    assert TOTPDevice.objects.filter(user=coordinator).exists()


def test_partner_links_are_not_affected(required, world):
    client = partner_session_client(world.partner)
    response = client.get(reverse("partnerportaal:partner_home"))
    assert response.status_code == 200
    assert "Vzw Samen" in response.text


def test_a_required_buurt_is_marked_in_the_admin(required, admin_client):
    page = admin_client.get(reverse("admin:buurt_buurt_change", args=[required.pk]))
    (checkbox,) = re.findall(r'<input[^>]*name="tweestapsverificatie_verplicht"[^>]*>', page.text)
    assert "checked" in checkbox


def test_an_anonymous_visitor_logs_in_as_before(required):
    response = Client().get(required.get_absolute_url())
    assert response["Location"].startswith(reverse("login"))
