"""Headers that limit the damage of a missed escape: a strict Content-Security-Policy."""

from django.urls import reverse

from tests.conftest import partner_session_client


def _directives(response):
    policy = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_coordinator_pages_send_a_strict_content_security_policy(world, coordinator_client):
    response = coordinator_client.get(reverse("buurt:ken_je_buurt", args=[world.buurt.slug]))
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


def test_htmx_partials_and_partner_pages_send_it_too(world, coordinator_client):
    partial = coordinator_client.get(
        reverse("buurt:actor_row", args=[world.buurt.slug, world.actor.pk]),
        headers={"HX-Request": "true"},
    )
    partner = partner_session_client(world.partner).get(reverse("partnerportaal:partner_home"))
    login = coordinator_client.get(reverse("login"))
    for response in (partial, partner, login):
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert _directives(response)["script-src"] == ["'self'"]
