from django.db import OperationalError, connection
from django.urls import reverse

from tests import factories as f
from tests.queries import count_get_queries


def test_login_page_is_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Gebruikersnaam" in response.text
    assert "Wachtwoord" in response.text


def test_home_lists_my_buurten_when_i_have_several(coordinator_client, coordinator, other_buurt):
    f.grant(coordinator, other_buurt, "onderzoeker")
    response = coordinator_client.get(reverse("buurt:home"))
    assert response.status_code == 200
    assert "Noord" in response.text and "Zuid" in response.text


def test_home_goes_straight_into_my_only_buurt(coordinator_client, buurt):
    response = coordinator_client.get(reverse("buurt:home"))
    assert response.url == buurt.get_absolute_url()


def test_dashboard_shows_the_four_steps_with_real_counts(coordinator_client, buurt):
    f.make_actor(buurt, soort="bewoner")
    f.make_partner(buurt, niveau="vuur")
    f.make_partner(buurt, niveau="vonk")
    f.make_partner(buurt)
    response = coordinator_client.get(buurt.get_absolute_url())
    steps = response.context["steps"]
    assert [s["nummer"] for s in steps] == [1, 2, 3, 4]
    nu = _now(steps[1])
    assert nu["partners"] == 3
    assert nu["partners met vuur"] == 1
    assert nu["partners met een vonk"] == 1
    assert _now(steps[0])["actoren gekend"] == 4
    for naam in ("Ken je buurt", "Zoek vonken", "Pluk laaghangend fruit", "Ontwar de bomen"):
        assert naam in response.text


def _now(step):
    """A step's counts as they stand now, by label."""
    return {label: nu for label, _drie, _twaalf, nu in step["rijen"]}


def test_dashboard_query_count_does_not_grow_with_data(coordinator_client, buurt):
    def count():
        return count_get_queries(coordinator_client, buurt.get_absolute_url())

    f.make_partner(buurt, niveau="vuur")
    small = count()
    for _ in range(15):
        partner = f.make_partner(buurt, niveau="vonk")
        team = f.make_team(f.make_initiatief(buurt))
        f.make_deelname(team, partner)
        f.make_activiteit(buurt)
    assert count() == small


def test_health_answers_200_when_the_database_is_up(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_researcher_dashboard_shows_counts_but_no_names_or_step_links(onderzoeker_client, buurt):
    f.make_actor(buurt, "Mia Peeters", soort="bewoner")
    f.make_partner(buurt, "Jan Claes", soort="bewoner", niveau="vuur")
    response = onderzoeker_client.get(buurt.get_absolute_url())
    assert response.status_code == 200
    assert _now(response.context["steps"][0])["actoren gekend"] == 2
    assert "Mia Peeters" not in response.text and "Jan Claes" not in response.text
    assert reverse("buurt:ken_je_buurt", args=[buurt.slug]) not in response.text


def test_refusals_are_explained_in_dutch(onderzoeker_client, outsider_client, buurt):
    forbidden = onderzoeker_client.get(reverse("buurt:ken_je_buurt", args=[buurt.slug]))
    assert forbidden.status_code == 403
    assert "Geen toegang" in forbidden.text
    missing = outsider_client.get(buurt.get_absolute_url())
    assert missing.status_code == 404
    assert "Niet gevonden" in missing.text
    assert "Noord" not in missing.text  # never a hint that the buurt exists
