"""Crafted and oversized values on the pages of steps 3 and 4: a form error, never a 500."""

from django.urls import reverse

from initiatieven.forms.base import MAX_NAMES
from initiatieven.models import Initiatief, Team
from tests import factories as f

NUL_MESSAGE = "Null-tekens zijn niet toegestaan."
TOO_BIG = "99999999999999999999"


def _reik_hoger(buurt):
    return reverse("initiatieven:reik_hoger", args=[buurt.slug])


def _names(n):
    return "; ".join(f"p{i}" for i in range(n))


def test_a_preview_of_too_many_partner_names_is_refused_with_a_message(coordinator_client, buurt):
    response = coordinator_client.get(_reik_hoger(buurt), {"partners": _names(1100)})
    assert response.status_code == 200
    assert f"Geef hoogstens {MAX_NAMES} namen op." in response.text


def test_a_htmx_preview_of_too_many_partner_names_is_refused(coordinator_client, buurt):
    data = {"partners": _names(MAX_NAMES + 1), "toon": "1"}
    response = coordinator_client.post(_reik_hoger(buurt), data, HTTP_HX_REQUEST="true")
    assert f"Geef hoogstens {MAX_NAMES} namen op." in response.text


def test_a_new_initiative_with_too_many_partner_names_is_refused(coordinator_client, buurt):
    data = {"naam": "Samen", "soort": "bewonersinitiatief", "partners": _names(MAX_NAMES + 1)}
    response = coordinator_client.post(_reik_hoger(buurt), data)
    assert response.status_code == 200
    assert f"Geef hoogstens {MAX_NAMES} namen op." in response.text
    assert not Initiatief.objects.exists()


def test_a_nul_byte_in_the_partner_names_of_a_preview_is_refused(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    response = coordinator_client.get(_reik_hoger(buurt), {"partners": "Okra\x00"})
    assert response.status_code == 200
    assert NUL_MESSAGE in response.text


def test_too_many_organiser_names_are_refused(coordinator_client, buurt):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    response = coordinator_client.post(url, {"naam": "Soep", "organisatoren": _names(60)})
    assert f"Geef hoogstens {MAX_NAMES} namen op." in response.text


def test_building_on_an_activity_id_too_large_for_the_database_is_refused(
    coordinator_client, buurt
):
    url = reverse("initiatieven:fruit_build_on", args=[buurt.slug])
    data = {"activiteiten": [TOO_BIG], "naam": "Samen", "soort": "bewonersinitiatief"}
    response = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Niet bewaard" in response.text
    assert not Initiatief.objects.exists()


def test_building_on_too_many_activities_is_refused(coordinator_client, buurt):
    activiteit = f.make_activiteit(buurt, "Soepbar")
    url = reverse("initiatieven:fruit_build_on", args=[buurt.slug])
    data = {"activiteiten": [activiteit.pk] * 51, "naam": "Samen", "soort": "bewonersinitiatief"}
    response = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert "Kies hoogstens 50 activiteiten." in response.text
    assert not Initiatief.objects.exists()


def test_a_new_team_page_with_a_crafted_initiative_id_shows_an_empty_choice(
    coordinator_client, buurt
):
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    for value in ("²", TOO_BIG):
        assert coordinator_client.get(url, {"initiatief": value}).status_code == 200


def test_a_team_with_more_member_rows_than_allowed_is_refused(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    rows = 100
    data = {
        "initiatief": initiatief.naam,
        "naam": "Team",
        "intensiteit": "actief_afstemmen",
        "leden-TOTAL_FORMS": str(rows),
        "leden-INITIAL_FORMS": "0",
        **{f"leden-{i}-partner": f"p{i}" for i in range(rows)},
    }
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Verstuur maximaal 12 formulieren." in response.text
    assert not Team.objects.exists()


def test_a_member_row_bringing_in_the_same_means_many_times_is_refused(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Okra")
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    data = {
        "initiatief": initiatief.naam,
        "naam": "Team",
        "intensiteit": "actief_afstemmen",
        "leden-TOTAL_FORMS": "1",
        "leden-INITIAL_FORMS": "0",
        "leden-0-partner": partner.actor.naam,
        "leden-0-participatieniveau": "adviseren",
        "leden-0-middelen": ["tijd"] * 500,
    }
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Kies elke waarde hoogstens één keer." in response.text
    assert not Team.objects.exists()
