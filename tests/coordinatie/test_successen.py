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
        _data(beschrijving="Dertig buren kwamen langs.", team="boodschappenteam"),
    )
    succes = Succes.objects.get()
    assert (succes.team, succes.initiatief) == (team, initiatief)  # the team's initiative
    html = coordinator_client.get(reverse("coordinatie:vonken", args=[buurt.slug])).text
    assert "Dertig buren kwamen langs." in html
    assert "Boodschappenteam" in html and "Burenhulp" in html
    assert _edit_url(buurt, succes) in html


def test_a_team_of_another_buurt_is_refused(coordinator_client, buurt, other_buurt):
    f.make_team(f.make_initiatief(other_buurt, "Zuid"), "Kernteam")
    f.make_initiatief(other_buurt, "Burenhulp")
    response = coordinator_client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]),
        _data(team="Kernteam", initiatief="Burenhulp"),
    )
    assert response.status_code == 200
    assert "Geen team “Kernteam” in deze buurt." in response.text
    assert "Geen initiatief “Burenhulp” in deze buurt." in response.text
    assert not Succes.objects.exists()


def test_the_model_refuses_a_team_of_another_buurt(buurt, other_buurt):
    succes = Succes(buurt=buurt, titel="X", team=f.make_team(f.make_initiatief(other_buurt)))
    with pytest.raises(ValidationError) as error:
        succes.full_clean()
    assert "team" in error.value.message_dict


def test_a_team_of_another_initiative_is_refused(coordinator_client, buurt):
    f.make_team(f.make_initiatief(buurt), "Kernteam")
    f.make_initiatief(buurt, "Straatfeest")
    response = coordinator_client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]),
        _data(team="Kernteam", initiatief="Straatfeest"),
    )
    assert "Dit team hoort bij een ander initiatief." in response.text
    assert not Succes.objects.exists()


def test_teams_sharing_a_name_are_told_apart_by_the_initiative(coordinator_client, buurt):
    burenhulp, straatfeest = (f.make_initiatief(buurt, n) for n in ("Burenhulp", "Straatfeest"))
    f.make_team(burenhulp, "Kernteam")
    kern = f.make_team(straatfeest, "Kernteam")
    url = reverse("coordinatie:succes_create", args=[buurt.slug])
    response = coordinator_client.post(url, _data(team="Kernteam"))
    assert "Meerdere teams heten “Kernteam”. Vul ook het initiatief in." in response.text
    assert not Succes.objects.exists()
    response = coordinator_client.post(url, _data(team="kernteam", initiatief="straatfeest"))
    assert response.status_code == 302
    assert (Succes.objects.get().team, Succes.objects.get().initiatief) == (kern, straatfeest)


def test_the_form_lists_no_initiatives_or_teams_but_suggests_a_few(coordinator_client, buurt):
    for n in range(12):
        f.make_team(f.make_initiatief(buurt, f"Initiatief {n}"), f"Ploeg {n}")
    html = coordinator_client.get(reverse("coordinatie:vonken", args=[buurt.slug])).text
    assert "<option" not in html.split('id="succes-entry"')[1].split("</form>")[0]
    suggesties = reverse("initiatieven:team_suggestions", args=[buurt.slug])
    assert f'hx-get="{suggesties}"' in html
    response = coordinator_client.get(
        suggesties, {"field": "team", "list": "team-suggesties", "team": "ploeg 1"}
    )
    assert response.status_code == 200
    assert '<option value="Ploeg 1">' in response.text
    assert '<option value="Ploeg 10">' in response.text
    assert "Ploeg 2" not in response.text


def test_team_suggestions_are_for_members_of_the_buurt_only(
    outsider_client, buurt, other_buurt, coordinator_client
):
    f.make_team(f.make_initiatief(other_buurt), "Zuidploeg")
    query = {"field": "team", "list": "team-suggesties", "team": "zuid"}
    outsider = outsider_client.get(reverse("initiatieven:team_suggestions", args=[buurt.slug]))
    assert outsider.status_code == 404
    response = coordinator_client.get(
        reverse("initiatieven:team_suggestions", args=[buurt.slug]), query
    )
    assert "Zuidploeg" not in response.text


def test_coordinator_edits_a_success_without_javascript(coordinator_client, buurt):
    samen = f.make_partner(buurt, "Vzw Samen")
    linde = f.make_partner(buurt, "De Linde")
    team = f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Kernteam")
    succes = f.make_succes(buurt, "Soepbar", team=team, initiatief=team.initiatief)
    succes.partners.add(samen)
    form = coordinator_client.get(_edit_url(buurt, succes)).text
    assert 'value="Soepbar"' in form
    assert 'value="Vzw Samen"' in form  # the partners as typed names
    assert 'value="Burenhulp"' in form and 'value="Kernteam"' in form
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
