"""Crafted values on the pages of step 1: a form error or a sensible default, never a 500."""

import pytest
from django.urls import reverse

from tests import factories as f

TOO_BIG = "99999999999999999999"


@pytest.mark.parametrize("value", ["²", "٣", TOO_BIG, "1\x00"])
def test_ending_a_relation_with_a_crafted_actor_goes_back_to_its_first_actor(
    coordinator_client, buurt, value
):
    relatie = f.make_relatie(f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Chiro"))
    url = reverse("buurt:relatie_end", args=[buurt.slug, relatie.pk])
    response = coordinator_client.post(url, {"actor": value})
    assert response.status_code == 302
    assert response.url == reverse("coordinatie:actor_detail", args=[buurt.slug, relatie.van_id])


def test_ken_je_buurt_ignores_a_via_too_large_for_the_database(coordinator_client, buurt):
    f.make_actor(buurt, "Okra")
    url = reverse("buurt:ken_je_buurt", args=[buurt.slug])
    response = coordinator_client.get(url, {"via": TOO_BIG})
    assert response.status_code == 200
    assert "Okra" in response.text


@pytest.mark.parametrize(
    "name",
    [
        "buurt:actor_suggestions",
        "initiatieven:initiatief_suggestions",
        "initiatieven:team_suggestions",
    ],
)
def test_a_nul_byte_in_a_suggestion_query_is_refused(coordinator_client, buurt, name):
    url = reverse(name, args=[buurt.slug])
    params = {"field": "naam", "list": "naam-suggesties", "naam": "Ok\x00ra"}
    response = coordinator_client.get(url, params)
    assert response.status_code == 400
    assert "Null-tekens zijn niet toegestaan." in response.content.decode()


def test_an_overlong_suggestion_query_is_refused(coordinator_client, buurt):
    url = reverse("buurt:actor_suggestions", args=[buurt.slug])
    params = {"field": "naam", "list": "naam-suggesties", "naam": "x" * 10_000, "multiple": "1"}
    assert coordinator_client.get(url, params).status_code == 400
