"""Small successes: a description, editing, and a link to an initiative or a team."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from initiatieven.models import Succes
from tests import factories as f


def _edit_url(buurt, succes):
    return reverse("coordinatie:succes_edit", args=[buurt.slug, succes.pk])


def _data(**extra):
    return {"titel": "Buurtfeest", "datum": "2026-05-01", **extra}


def test_a_success_gets_a_description_and_a_team_shown_in_the_list(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    team = f.make_team(initiatief, "Boodschappenteam")
    coordinator_client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]),
        _data(beschrijving="Dertig buren kwamen langs.", team=team.pk),
    )
    succes = Succes.objects.get()
    assert (succes.team, succes.initiatief) == (team, initiatief)  # the team's initiative
    html = coordinator_client.get(reverse("coordinatie:vonken", args=[buurt.slug])).text
    assert "Dertig buren kwamen langs." in html
    assert "Boodschappenteam" in html and "Burenhulp" in html
    assert _edit_url(buurt, succes) in html


def test_a_team_of_another_buurt_is_refused(coordinator_client, buurt, other_buurt):
    team = f.make_team(f.make_initiatief(other_buurt))
    response = coordinator_client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]), _data(team=team.pk)
    )
    assert response.status_code == 200
    assert not Succes.objects.exists()


def test_the_model_refuses_a_team_of_another_buurt(buurt, other_buurt):
    succes = Succes(buurt=buurt, titel="X", team=f.make_team(f.make_initiatief(other_buurt)))
    with pytest.raises(ValidationError) as error:
        succes.full_clean()
    assert "team" in error.value.message_dict


def test_a_team_of_another_initiative_is_refused(coordinator_client, buurt):
    team = f.make_team(f.make_initiatief(buurt))
    ander = f.make_initiatief(buurt)
    response = coordinator_client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]),
        _data(team=team.pk, initiatief=ander.pk),
    )
    assert "Dit team hoort bij een ander initiatief." in response.text
    assert not Succes.objects.exists()


def test_coordinator_edits_a_success_without_javascript(coordinator_client, buurt):
    samen = f.make_partner(buurt, "Vzw Samen")
    linde = f.make_partner(buurt, "De Linde")
    succes = f.make_succes(buurt, "Soepbar")
    succes.partners.add(samen)
    form = coordinator_client.get(_edit_url(buurt, succes)).text
    assert 'value="Soepbar"' in form
    assert 'value="Vzw Samen"' in form  # the partners as typed names
    response = coordinator_client.post(
        _edit_url(buurt, succes),
        _data(titel="Eerste soepbar", beschrijving="Met soep van De Linde", partners="De Linde"),
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#succes-{succes.pk}")
    succes.refresh_from_db()
    assert (succes.titel, succes.beschrijving) == ("Eerste soepbar", "Met soep van De Linde")
    assert list(succes.partners.all()) == [linde]


def test_an_invalid_edit_shows_the_form_again_and_changes_nothing(coordinator_client, buurt):
    succes = f.make_succes(buurt, "Soepbar")
    response = coordinator_client.post(_edit_url(buurt, succes), _data(titel=""))
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.text
    succes.refresh_from_db()
    assert succes.titel == "Soepbar"


def test_outsider_gets_404_and_researcher_403_on_the_edit_page(
    outsider_client, onderzoeker_client, buurt
):
    succes = f.make_succes(buurt, "Soepbar")
    for client in (outsider_client, onderzoeker_client):
        client.post(_edit_url(buurt, succes), _data(titel="Gekaapt"))
    assert outsider_client.get(_edit_url(buurt, succes)).status_code == 404
    assert onderzoeker_client.get(_edit_url(buurt, succes)).status_code == 403
    succes.refresh_from_db()
    assert succes.titel == "Soepbar"


def test_a_success_of_another_buurt_is_not_found(coordinator_client, buurt, other_buurt):
    succes = f.make_succes(other_buurt, "Zuid")
    assert coordinator_client.get(_edit_url(buurt, succes)).status_code == 404
