"""Mijn account: name and e-mail, my buurten and roles, password change, logging out on
every device."""

from django.test import Client
from django.urls import reverse

from accounts.models import Session
from buurt.login import LOGIN_FAILURES
from buurt.models import Rol
from tests import factories as f

from .helpers import PASSWORD, log_in

URL = reverse("accounts:account")


def edit(client, **data):
    return client.post(URL, data)


def test_the_page_lists_my_buurten_with_my_role_and_links(
    coordinator, coordinator_client, buurt, other_buurt
):
    f.grant(coordinator, other_buurt, Rol.Soort.ONDERZOEKER)
    f.make_buurt(slug="west", naam="West")  # not mine
    page = coordinator_client.get(URL).text
    assert f'<a href="{buurt.get_absolute_url()}">Noord</a> — coördinator' in page
    assert f'<a href="{other_buurt.get_absolute_url()}">Zuid</a> — onderzoeker' in page
    assert "West" not in page
    assert f'href="{reverse("accounts:password_change")}"' in page
    assert f'href="{reverse("accounts:otp_setup")}"' in page


def test_the_header_links_to_my_account(coordinator_client):
    page = coordinator_client.get(reverse("buurt:over")).text
    assert f'<a href="{URL}">Mijn account</a>' in page


def test_anonymous_visitors_log_in_first(db):
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_name_is_saved_without_a_password(coordinator, coordinator_client):
    coordinator.email = "coord@example.org"
    coordinator.save()
    response = edit(
        coordinator_client, first_name="Ilse", last_name="Peeters", email="coord@example.org"
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert (coordinator.first_name, coordinator.last_name) == ("Ilse", "Peeters")
    assert "Je gegevens zijn bewaard." in coordinator_client.get(URL).text


def test_a_new_address_needs_the_current_password(coordinator, coordinator_client):
    refused = edit(coordinator_client, first_name="Ilse", email="nieuw@example.org")
    assert refused.status_code == 200
    assert "Geef je huidige wachtwoord om je e-mailadres te wijzigen." in refused.text
    coordinator.refresh_from_db()
    assert coordinator.email == ""
    assert coordinator.first_name == ""  # nothing is written on bad input

    edit(coordinator_client, email="Nieuw@EXAMPLE.org", wachtwoord=PASSWORD)
    coordinator.refresh_from_db()
    assert coordinator.email == "Nieuw@example.org"


def test_an_invalid_or_missing_address_is_refused(coordinator, coordinator_client):
    for email, error in [("geen-adres", "Voer een geldig e-mailadres in."), ("", "verplicht")]:
        response = edit(coordinator_client, first_name="X", email=email, wachtwoord=PASSWORD)
        assert response.status_code == 200
        assert error in response.text
    coordinator.refresh_from_db()
    assert (coordinator.first_name, coordinator.email) == ("", "")


def test_guessing_the_password_through_the_form_is_limited(coordinator):
    client = Client(REMOTE_ADDR="203.0.113.9")
    client.force_login(coordinator)
    for n in range(LOGIN_FAILURES):
        edit(client, email="x@example.org", wachtwoord=f"gok-{n}")
    blocked = edit(client, email="x@example.org", wachtwoord=PASSWORD)
    assert blocked.status_code == 429
    coordinator.refresh_from_db()
    assert coordinator.email == ""


def test_password_change_keeps_me_logged_in_and_ends_my_other_sessions(coordinator):
    here, _ = log_in(coordinator)
    elsewhere, _ = log_in(coordinator)
    response = here.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "nog-een-ander-wachtwoord-7",
            "new_password2": "nog-een-ander-wachtwoord-7",
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    assert here.get(URL).status_code == 200
    assert elsewhere.get(URL).status_code == 302
    assert log_in(coordinator)[1].status_code == 200  # the old password: the form again
    assert log_in(coordinator, password="nog-een-ander-wachtwoord-7")[1].status_code == 302


def test_password_change_with_a_wrong_old_password_changes_nothing(coordinator, coordinator_client):
    response = coordinator_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "fout",
            "new_password1": "abc-def-ghi-1",
            "new_password2": "abc-def-ghi-1",
        },
    )
    assert response.status_code == 200
    assert "Je huidige wachtwoord klopt niet." in response.text
    coordinator.refresh_from_db()
    assert coordinator.check_password(PASSWORD)


def test_log_out_on_all_devices_ends_every_session_of_mine_only(coordinator, onderzoeker):
    here, _ = log_in(coordinator)
    phone, _ = log_in(coordinator)
    colleague, _ = log_in(onderzoeker)

    response = here.post(reverse("accounts:sessions_end"))

    assert response["Location"] == reverse("login")
    assert here.get(URL).status_code == 302
    assert phone.get(URL).status_code == 302
    assert colleague.get(URL).status_code == 200
    assert not Session.objects.filter(account_id=coordinator.pk).exists()
    assert "Je bent afgemeld op alle toestellen" in here.get(reverse("login")).text


def test_sessions_know_their_account_and_forget_it_on_logout(coordinator):
    client, _ = log_in(coordinator)
    key = client.session.session_key
    assert Session.objects.get(session_key=key).account_id == coordinator.pk
    client.post(reverse("logout"))
    assert not Session.objects.filter(account_id=coordinator.pk).exists()


def test_guessing_the_old_password_on_the_change_form_is_limited(coordinator):
    client = Client(REMOTE_ADDR="203.0.113.9")
    client.force_login(coordinator)
    url = reverse("accounts:password_change")
    new = {"new_password1": "abc-def-ghi-1", "new_password2": "abc-def-ghi-1"}
    for n in range(LOGIN_FAILURES):
        client.post(url, {"old_password": f"gok-{n}", **new})
    blocked = client.post(url, {"old_password": PASSWORD, **new})
    assert blocked.status_code == 429
    coordinator.refresh_from_db()
    assert coordinator.check_password(PASSWORD)
