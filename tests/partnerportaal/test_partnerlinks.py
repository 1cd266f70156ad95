import logging
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.tokens import hash_token
from partners.links import RATE_LIMIT_FAILURES
from partners.models import Partnerlink
from tests import factories as f
from tests.queries import count_get_queries


def links_url(partner):
    return reverse("partnerportaal:partnerlink_list", args=[partner.actor.buurt.slug, partner.pk])


def entry_url(token):
    return reverse("partnerportaal:partner_entry", args=[token])


def created_token(response):
    match = re.search(r'value="http://testserver/partner/([A-Za-z0-9_\-]+)/"', response.text)
    assert match, "the new link is shown"
    return match.group(1)


def test_coordinator_creates_a_link_that_is_shown_once_and_stored_hashed(coordinator_client, world):
    response = coordinator_client.post(
        reverse("partnerportaal:partnerlink_create", args=[world.buurt.slug, world.partner.pk]),
        {"dagen": "30"},
        follow=True,
    )
    assert response.redirect_chain[0][1] == 302
    token = created_token(response)
    assert len(token) >= 43
    link = Partnerlink.objects.get(partner=world.partner)
    assert link.token_hash == hash_token(token)
    assert token not in link.token_hash
    assert timedelta(days=29, hours=23) < link.verloopt_op - timezone.now() <= timedelta(days=30)
    assert link.aangemaakt_door.username == "coord"

    listing = coordinator_client.get(links_url(world.partner))
    assert token not in listing.text


def test_new_link_can_be_sent_by_email(coordinator_client, world):
    response = coordinator_client.post(
        reverse("partnerportaal:partnerlink_create", args=[world.buurt.slug, world.partner.pk]),
        {"dagen": "7", "email": "an@example.be"},
        follow=True,
    )
    token = created_token(response)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["an@example.be"]
    assert f"/partner/{token}/" in mail.outbox[0].body
    assert "De link is per e-mail verstuurd" in response.text


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"dagen": "0"}, "minstens 1 dag"),
        ({"dagen": "999"}, "hoogstens 365"),
        ({"dagen": "abc"}, "geheel aantal"),
        ({"dagen": "30", "email": "geen-adres"}, "geldig e-mailadres"),
    ],
)
def test_bad_link_input_shows_a_dutch_error_and_creates_nothing(
    coordinator_client, world, data, field_error
):
    response = coordinator_client.post(
        reverse("partnerportaal:partnerlink_create", args=[world.buurt.slug, world.partner.pk]),
        data,
    )
    assert response.status_code == 200
    assert field_error in response.text
    assert not Partnerlink.objects.exists()
    assert not mail.outbox


def test_coordinator_revokes_a_link_and_it_stops_working(coordinator_client, world):
    link, token = f.make_partnerlink(world.partner)
    url = reverse(
        "partnerportaal:partnerlink_revoke", args=[world.buurt.slug, world.partner.pk, link.pk]
    )
    response = coordinator_client.post(url)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.ingetrokken_op is not None
    assert Client().get(entry_url(token)).status_code == 404


def test_revoking_with_htmx_returns_the_row(coordinator_client, world):
    link, _token = f.make_partnerlink(world.partner)
    url = reverse(
        "partnerportaal:partnerlink_revoke", args=[world.buurt.slug, world.partner.pk, link.pk]
    )
    response = coordinator_client.post(url, HTTP_HX_REQUEST="true")
    assert response.text.startswith(f'<tr id="link-{link.pk}">')
    assert "ingetrokken op" in response.text
    assert "<html" not in response.text


def test_coordinator_cannot_revoke_a_link_of_another_partner_through_this_one(
    coordinator_client, world
):
    other = f.make_partner(world.buurt, "Ander")
    link, _token = f.make_partnerlink(other)
    url = reverse(
        "partnerportaal:partnerlink_revoke", args=[world.buurt.slug, world.partner.pk, link.pk]
    )
    assert coordinator_client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.ingetrokken_op is None


def test_links_page_shows_status_and_last_use(coordinator_client, world):
    f.make_partnerlink(world.partner, ingetrokken_op=timezone.now())
    f.make_partnerlink(world.partner, verloopt_op=timezone.now() - timedelta(days=1))
    _link, token = f.make_partnerlink(world.partner)
    Client().get(entry_url(token))
    text = coordinator_client.get(links_url(world.partner)).text
    assert "ingetrokken op" in text
    assert "verlopen" in text
    assert "nog nooit" in text  # the revoked and expired ones were never opened
    assert text.count("Intrekken") == 1


def test_links_page_query_count_does_not_grow(coordinator_client, world):
    def count():
        return count_get_queries(coordinator_client, links_url(world.partner))

    f.make_partnerlink(world.partner)
    f.make_voorkeur(world.partner, team=world.team)
    small = count()
    for _ in range(15):
        f.make_partnerlink(world.partner)
        f.make_voorkeur(world.partner, team=world.team, door=world.users["coordinator"])
        f.make_voorkeur(world.partner)
    assert count() == small


def test_partner_link_command_prints_a_working_link(world, settings, capsys):
    settings.SITE_URL = "https://zorgzaam.example.be/"
    call_command("partner_link", "--buurt", "noord", "--partner", "vzw samen")
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://zorgzaam.example.be/partner/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert Partnerlink.objects.geldig().filter(token_hash=hash_token(token)).exists()
    assert Client().get(entry_url(token)).status_code == 302


def test_partner_link_command_refuses_unknown_partner(world):
    with pytest.raises(CommandError):
        call_command("partner_link", "--buurt", "zuid", "--partner", "Vzw Samen")


def test_opening_a_link_redirects_to_a_url_without_the_token(world):
    _link, token = f.make_partnerlink(world.partner)
    response = Client().get(entry_url(token))
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerportaal:partner_home")
    assert token not in response["Location"]


def test_opening_a_link_records_last_use_and_cycles_the_session(coordinator_client, world):
    link, token = f.make_partnerlink(world.partner)
    old_key = coordinator_client.session.session_key
    coordinator_client.get(entry_url(token))
    link.refresh_from_db()
    assert link.laatst_gebruikt_op is not None
    assert coordinator_client.session.session_key != old_key
    assert coordinator_client.session.get_expiry_age() == 2 * 60 * 60


def test_opening_a_link_logs_out_an_account_on_that_browser(coordinator_client, world):
    _link, token = f.make_partnerlink(world.partner)
    coordinator_client.get(entry_url(token))
    assert (
        coordinator_client.get(reverse("coordinatie:dashboard", args=["noord"])).status_code == 302
    )


@pytest.mark.parametrize("case", ["unknown", "expired", "revoked"])
def test_bad_links_get_the_same_friendly_page_and_change_nothing(world, case):
    if case == "unknown":
        token = "x" * 43
    elif case == "expired":
        _link, token = f.make_partnerlink(world.partner, verloopt_op=timezone.now())
    else:
        _link, token = f.make_partnerlink(world.partner, ingetrokken_op=timezone.now())
    client = Client()
    response = client.get(entry_url(token))
    assert response.status_code == 404
    assert "Vraag je coördinator om een nieuwe link" in response.text
    assert response["Cache-Control"].count("no-store") == 1
    assert response["Referrer-Policy"] == "no-referrer"
    assert not Partnerlink.objects.filter(laatst_gebruikt_op__isnull=False).exists()
    assert client.get(reverse("partnerportaal:partner_home")).status_code == 403


def test_token_guessing_is_rate_limited_per_client_ip(world):
    _link, token = f.make_partnerlink(world.partner)
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(RATE_LIMIT_FAILURES):
        assert guesser.get(entry_url(f"geraden-token-{n:030d}")).status_code == 404
    blocked = guesser.get(entry_url("nog-een-gok-" + "0" * 30))
    assert blocked.status_code == 429
    assert "te veel ongeldige links" in blocked.text
    assert not Partnerlink.objects.filter(laatst_gebruikt_op__isnull=False).exists()
    assert Client(REMOTE_ADDR="198.51.100.7").get(entry_url(token)).status_code == 302


def test_a_valid_link_works_from_an_address_blocked_for_wrong_tokens(world):
    _link, token = f.make_partnerlink(world.partner)
    shared_nat = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(RATE_LIMIT_FAILURES + 1):
        shared_nat.get(entry_url(f"geraden-token-{n:030d}"))
    assert shared_nat.get(entry_url("weer-fout-" + "0" * 30)).status_code == 429
    assert Client(REMOTE_ADDR="203.0.113.9").get(entry_url(token)).status_code == 302


def test_rate_limit_uses_the_forwarded_address_behind_a_proxy(world, settings):
    settings.NUM_PROXIES = 1
    for n in range(RATE_LIMIT_FAILURES):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9").get(
            entry_url(f"geraden-token-{n:030d}")
        )
    _link, token = f.make_partnerlink(world.partner)
    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.get(entry_url(token)).status_code == 302
    guesser = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert guesser.get(entry_url("nog-een-gok-" + "0" * 30)).status_code == 429


def test_tokens_do_not_reach_the_logs(world, caplog):
    _link, token = f.make_partnerlink(world.partner)
    bad = "y" * 43
    with caplog.at_level(logging.DEBUG):
        Client().get(entry_url(token))
        Client().get(entry_url(bad))
    assert "Not Found: /partner/[verborgen]/" in caplog.text
    assert token not in caplog.text
    assert bad not in caplog.text


def test_partner_page_of_an_actor_links_to_its_personal_links(coordinator_client, world):
    detail = reverse("coordinatie:actor_detail", args=[world.buurt.slug, world.partner.actor_id])
    html = coordinator_client.get(detail).content.decode()
    assert f'href="{links_url(world.partner)}"' in html


def test_refreshing_the_created_page_never_shows_or_makes_the_link_again(coordinator_client, world):
    create = reverse("partnerportaal:partnerlink_create", args=[world.buurt.slug, world.partner.pk])
    response = coordinator_client.post(create, {"dagen": "30"})
    assert response.status_code == 302
    first = coordinator_client.get(response["Location"])
    token = created_token(first)
    again = coordinator_client.get(response["Location"])
    assert token not in again.text
    assert "Het adres van deze link is al getoond" in again.text
    assert Partnerlink.objects.filter(partner=world.partner).count() == 1


def test_revoking_asks_first_and_changes_nothing_until_confirmed(coordinator_client, world):
    link, token = f.make_partnerlink(world.partner)
    url = reverse(
        "partnerportaal:partnerlink_revoke", args=[world.buurt.slug, world.partner.pk, link.pk]
    )
    page = coordinator_client.get(url)
    assert "Link van Vzw Samen intrekken?" in page.text
    assert "Ja, trek de link in" in page.text
    link.refresh_from_db()
    assert link.ingetrokken_op is None
    coordinator_client.post(url)
    link.refresh_from_db()
    assert link.ingetrokken_op is not None


def test_the_links_page_is_reachable_from_zoek_vonken_and_the_actor_page(coordinator_client, world):
    target = links_url(world.partner)
    vonken = reverse("coordinatie:vonken", args=[world.buurt.slug])
    actor = reverse("coordinatie:actor_detail", args=[world.buurt.slug, world.partner.actor_id])
    assert f'href="{target}"' in coordinator_client.get(vonken).text
    assert f'href="{target}"' in coordinator_client.get(actor).text


def test_the_links_page_is_reachable_from_a_team_member_row(coordinator_client, world):
    team = reverse("initiatieven:team_edit", args=[world.buurt.slug, world.team.pk])
    assert f'href="{links_url(world.partner)}"' in coordinator_client.get(team).text
