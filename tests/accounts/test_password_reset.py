"""Password reset: a Dutch e-mail over real SMTP, a link that works once, and an answer
that never tells whether an address has an account."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.views.passwords import RESET_REQUESTS

from .helpers import PASSWORD, log_in

NEW_PASSWORD = "een-nieuw-lang-wachtwoord-42"


@pytest.fixture
def coordinator_with_email(coordinator):
    coordinator.email = "coordinator@example.org"
    coordinator.first_name = "Ilse"
    coordinator.save()
    return coordinator


def ask_reset(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def reset_link(smtp_inbox, address):
    (message,) = smtp_inbox.to(address)
    text = smtp_inbox.text(message)
    return re.search(r"http://testserver(/accounts/wachtwoord-vergeten/\S+/)", text).group(1)


def test_reset_round_trip_through_smtp(coordinator_with_email, smtp_inbox):
    client = Client()
    response = ask_reset(client, "coordinator@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")

    link = reset_link(smtp_inbox, "coordinator@example.org")
    form_page = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in form_page.text
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("accounts:password_reset_complete")

    _client, old = log_in(coordinator_with_email, password=PASSWORD)
    assert old.status_code == 200  # the form again: the old password is refused
    assert "klopt niet" in old.text
    new_client, new = log_in(coordinator_with_email, password=NEW_PASSWORD)
    assert new.status_code == 302
    assert new_client.get(reverse("accounts:account")).status_code == 200


def test_reset_mail_is_dutch_text_and_html_says_how_long_and_has_no_tracking(
    coordinator_with_email, smtp_inbox
):
    ask_reset(Client(), "coordinator@example.org")
    (message,) = smtp_inbox.to("coordinator@example.org")
    assert message["Subject"] == "Een nieuw wachtwoord voor Zorgzaam"
    text, html = smtp_inbox.text(message), smtp_inbox.html(message)
    for body in (text, html):
        assert "Dag Ilse" in body
        assert "De link werkt één keer" in body
        assert "24 uur" in body
        assert "Je gebruikersnaam is coord" in body
    link = reset_link(smtp_inbox, "coordinator@example.org")
    assert f'href="http://testserver{link}"' in html
    assert "<img" not in html
    assert re.findall(r'href="([^"]+)"', html) == [f"http://testserver{link}"]


def test_unknown_address_gets_exactly_the_same_answer(coordinator_with_email, smtp_inbox):
    known = ask_reset(Client(REMOTE_ADDR="198.51.100.1"), "coordinator@example.org")
    unknown = ask_reset(Client(REMOTE_ADDR="198.51.100.2"), "niemand@example.org")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content
    assert smtp_inbox.to("niemand@example.org") == []
    done = Client().get(known["Location"])
    assert "Hoort dit adres bij een account" in done.text


def test_an_invalid_address_shows_a_dutch_error_and_sends_nothing(db, smtp_inbox):
    response = ask_reset(Client(), "geen-adres")
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.text
    assert smtp_inbox.messages == []


def test_reset_requests_are_limited_per_address(coordinator_with_email, smtp_inbox):
    asker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(RESET_REQUESTS):
        assert ask_reset(asker, "niemand@example.org").status_code == 302

    blocked = ask_reset(asker, "coordinator@example.org")

    assert blocked.status_code == 429
    assert "Te veel aanvragen vanaf dit adres" in blocked.text
    assert smtp_inbox.to("coordinator@example.org") == []
    assert ask_reset(Client(REMOTE_ADDR="198.51.100.7"), "x@example.org").status_code == 302


def test_a_link_used_twice_says_so_and_changes_nothing(coordinator_with_email, smtp_inbox):
    ask_reset(Client(), "coordinator@example.org")
    link = reset_link(smtp_inbox, "coordinator@example.org")
    first = Client()
    set_url = first.get(link)["Location"]
    first.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = Client().get(link, follow=True)

    assert again.status_code == 404
    assert "Deze link is al gebruikt of verlopen" in again.text
    assert "Vraag een nieuwe link aan" in again.text
    assert "new_password1" not in again.text
    coordinator_with_email.refresh_from_db()
    assert coordinator_with_email.check_password(NEW_PASSWORD)


def test_an_expired_link_does_not_work(coordinator_with_email, smtp_inbox, settings):
    ask_reset(Client(), "coordinator@example.org")
    link = reset_link(smtp_inbox, "coordinator@example.org")
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = Client().get(link, follow=True)
    assert response.status_code == 404
    assert "Deze link is al gebruikt of verlopen" in response.text


def test_a_reset_ends_the_sessions_that_knew_the_old_password(coordinator_with_email, smtp_inbox):
    elsewhere, _response = log_in(coordinator_with_email)
    assert elsewhere.get(reverse("accounts:account")).status_code == 200
    ask_reset(Client(), "coordinator@example.org")
    client = Client()
    set_url = client.get(reset_link(smtp_inbox, "coordinator@example.org"))["Location"]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert elsewhere.get(reverse("accounts:account")).status_code == 302


def test_login_page_links_to_the_reset(db):
    page = Client().get(reverse("login"))
    assert f'href="{reverse("accounts:password_reset")}"' in page.text
    assert "Wachtwoord vergeten?" in page.text
