"""Two-factor sign-in: setting up the app, logging in with a code or a recovery code,
wrong codes, switching it off."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from tests import factories as f

from .helpers import app_code, code_for_secret, give_code, give_device, log_in, secret_on

SETUP = reverse("accounts:otp_setup")
VERIFY = reverse("accounts:otp_verify")


@pytest.fixture(autouse=True)
def no_throttle_delay(settings):
    """django-otp makes a device wait after a wrong code; the tests follow one with a right
    one at once (the wait itself is tested below)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_setup_shows_a_qr_code_and_the_secret_then_recovery_codes_once(
    coordinator, coordinator_client
):
    page = coordinator_client.get(SETUP)
    assert page.status_code == 200
    qr = r'<img class="qr" src="data:image/svg\+xml;charset=utf-8,%3Csvg[^"]+" alt="QR-code'
    assert re.search(qr, page.text)
    assert "<script" not in page.text.split("<main", 1)[1]
    secret = secret_on(page.text)

    response = coordinator_client.post(SETUP, {"code": code_for_secret(secret)})

    assert response["Location"] == reverse("accounts:otp_recovery_codes")
    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed
    codes_page = coordinator_client.get(response["Location"]).text
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    again = coordinator_client.get(reverse("accounts:otp_recovery_codes"))
    assert again.status_code == 302  # shown once
    account = coordinator_client.get(reverse("accounts:account")).text
    assert "Staat aan sinds" in account
    assert "Je hebt nog 10 herstelcodes." in account


def test_the_secret_stays_the_same_until_it_is_confirmed(coordinator_client):
    first = secret_on(coordinator_client.get(SETUP).text)
    assert secret_on(coordinator_client.get(SETUP).text) == first


def test_a_wrong_code_at_setup_switches_nothing_on(coordinator, coordinator_client):
    coordinator_client.get(SETUP)
    response = coordinator_client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def test_login_with_a_device_asks_for_a_code_before_any_page(coordinator, buurt):
    device = give_device(coordinator)
    client, response = log_in(coordinator)
    assert response.status_code == 302
    for url in (buurt.get_absolute_url(), reverse("accounts:account"), reverse("buurt:home")):
        detour = client.get(url)
        assert detour.status_code == 302
        assert detour["Location"].startswith(VERIFY)
    page = client.get(VERIFY)
    assert "Code invullen" in page.text
    assert "Noord" not in page.text  # the header names no buurten yet

    done = give_code(client, app_code(device), next_url=buurt.get_absolute_url())

    assert done["Location"] == buurt.get_absolute_url()
    assert client.get(buurt.get_absolute_url()).status_code == 200


def test_the_code_page_ignores_a_next_url_on_another_site(coordinator):
    device = give_device(coordinator)
    client, _ = log_in(coordinator)
    done = give_code(client, app_code(device), next_url="https://kwaad.example/")
    assert done["Location"] == reverse("buurt:home")


def test_an_app_code_works_once(coordinator):
    device = give_device(coordinator)
    code = app_code(device)
    first, _ = log_in(coordinator)
    assert give_code(first, code)["Location"] == reverse("buurt:home")
    second, _ = log_in(coordinator)
    refused = give_code(second, code)
    assert refused.status_code == 200
    assert "Deze code klopt niet" in refused.text


def test_a_recovery_code_works_once(coordinator):
    give_device(coordinator, codes=("herstel01", "herstel02"))
    first, _ = log_in(coordinator)
    assert give_code(first, " Herstel01 ").status_code == 302
    assert first.get(reverse("accounts:account")).status_code == 200

    second, _ = log_in(coordinator)
    assert give_code(second, "herstel01").status_code == 200
    assert second.get(reverse("accounts:account")).status_code == 302
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["herstel02"]


def test_a_wrong_code_is_refused_in_dutch(coordinator):
    give_device(coordinator)
    client, _ = log_in(coordinator)
    for wrong in ("123456", "verkeerd", "x" * 40, "²²²²²²"):
        response = give_code(client, wrong)
        assert response.status_code == 200
        assert "errorlist" in response.text
    assert client.get(reverse("accounts:account")).status_code == 302


def test_wrong_codes_are_limited_per_address(coordinator):
    device = give_device(coordinator)
    client = Client(REMOTE_ADDR="203.0.113.9")
    log_in(coordinator, client)
    for _ in range(twofactor.code_limit.failures):
        give_code(client, "000000")
    blocked = give_code(client, app_code(device))
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.text
    assert client.get(reverse("accounts:account")).status_code == 302


def test_after_a_wrong_code_the_device_makes_you_wait(coordinator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = give_device(coordinator)
    client, _ = log_in(coordinator)
    give_code(client, "000000")
    response = give_code(client, app_code(device))
    assert response.status_code == 200
    assert "even wachten" in response.text


def test_switching_off_needs_a_valid_code(coordinator):
    device = give_device(coordinator)
    client, _ = log_in(coordinator)
    give_code(client, app_code(device))
    url = reverse("accounts:otp_disable")
    assert "Uitzetten" in client.get(url).text

    assert client.post(url, {"code": "000000"}).status_code == 200
    assert TOTPDevice.objects.filter(user=coordinator).exists()

    assert client.post(url, {"code": app_code(device)})["Location"] == reverse("accounts:account")
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticToken.objects.exists()
    assert log_in(coordinator)[0].get(reverse("accounts:account")).status_code == 200


def test_new_recovery_codes_replace_the_old_ones(coordinator):
    device = give_device(coordinator, codes=("oud00001",))
    client, _ = log_in(coordinator)
    give_code(client, app_code(device))
    response = client.post(reverse("accounts:otp_recovery_codes"))
    page = client.get(response["Location"]).text
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    assert "oud00001" not in StaticToken.objects.values_list("token", flat=True)


def test_a_session_verified_with_a_device_that_was_deleted_is_asked_again(coordinator):
    device = give_device(coordinator)
    client, _ = log_in(coordinator)
    give_code(client, app_code(device))
    device.delete()
    assert client.get(reverse("accounts:account")).status_code == 302  # recovery codes left
    twofactor.switch_off(coordinator)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_the_admin_asks_a_staff_member_with_a_device_for_a_code(db):
    staff = f.make_user("beheer", is_staff=True, is_superuser=True)
    device = give_device(staff)
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": "beheer", "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302
    detour = client.get(reverse("admin:index"))
    assert detour["Location"].startswith(VERIFY)
    assert client.get(reverse("admin:buurt_buurt_changelist")).status_code == 302
    give_code(client, app_code(device), next_url=reverse("admin:index"))
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_never_shows_a_secret(db, admin_client, coordinator):
    device = give_device(coordinator)
    page = admin_client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.text


def test_before_the_code_nothing_else_of_two_factor_is_reachable(coordinator):
    give_device(coordinator, codes=("herstel01",))
    client, _ = log_in(coordinator)
    for name in ("accounts:otp_setup", "accounts:otp_recovery_codes", "accounts:otp_disable"):
        for response in (client.get(reverse(name)), client.post(reverse(name), {"code": "x"})):
            assert response["Location"].startswith(VERIFY), name
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["herstel01"]
    assert TOTPDevice.objects.filter(user=coordinator).exists()
