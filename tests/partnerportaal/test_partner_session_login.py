"""Logging in ends a partner-link session opened earlier in the same browser."""

from django.conf import settings
from django.urls import reverse

from tests import factories as f
from tests.conftest import partner_session_client


def test_logging_in_after_a_partner_link_no_longer_answers_as_the_partner(buurt, coordinator):
    partner = f.make_partner(buurt, "Vzw Samen")
    client = partner_session_client(partner)
    assert client.get(reverse("partnerportaal:partner_home")).status_code == 200

    response = client.post(reverse("login"), {"username": "coord", "password": "geheim-wachtwoord"})
    assert response.status_code == 302

    # The coordinator has no partner of their own: the partner page refuses them.
    assert client.get(reverse("partnerportaal:partner_home")).status_code == 403
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_the_admin_login_ends_a_partner_session_too(buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    f.make_user("beheerder", is_staff=True, is_superuser=True)
    client = partner_session_client(partner)
    client.post(reverse("admin:login"), {"username": "beheerder", "password": "geheim-wachtwoord"})
    assert client.get(reverse("partnerportaal:partner_home")).status_code == 403
