"""The coordinator's pages of meetings: list, page, create, edit, attendance, delete."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from buurt.models import Wijziging
from overleg.models import Actie, Deelnemer, Overleg, Overlegcoordinator
from tests import factories as f

BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def partner(buurt):
    return f.make_partner(buurt, "Vzw Samen")


@pytest.fixture
def overleg(buurt, partner, coordinator):
    overleg = f.make_overleg(buurt, "Partneroverleg maart", partners=[partner], plaats="Buurthuis")
    overleg.overlegcoordinatoren.create(user=coordinator)
    return overleg


def url(name, *args):
    return reverse(f"overleg:{name}", args=args)


def form_data(**extra):
    data = {
        "titel": "Partneroverleg april",
        "begint_op": "2026-04-14T19:30",
        "eindigt_op": "2026-04-14T21:00",
        "plaats": "Buurthuis De Linde",
        "agenda": "1. Welkom\n2. Burenhulp",
        "notities": "",
        "besluiten": "",
        "partners": "Vzw Samen",
    }
    data.update(extra)
    return data


def test_create_a_partner_meeting_with_invitees(coordinator_client, buurt, partner, coordinator):
    response = coordinator_client.post(
        url("overleg_create", buurt.slug), form_data(coordinatoren=[coordinator.pk])
    )
    overleg = Overleg.objects.get()
    assert response.status_code == 302
    assert response.url == url("overleg_detail", buurt.slug, overleg.pk)
    assert overleg.begint_op == datetime(2026, 4, 14, 19, 30, tzinfo=BRUSSEL)
    assert overleg.team is None and overleg.initiatief is None
    assert overleg.aangemaakt_door == coordinator
    assert list(overleg.partners.all()) == [partner]
    assert list(overleg.coordinatoren.all()) == [coordinator]


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"eindigt_op": "2026-04-14T18:00"}, "eindigt_op", "Een overleg eindigt na het begint."),
        ({"begint_op": "14 april"}, "begint_op", "Voer een geldige datum/tijd in."),
        ({"begint_op": ""}, "begint_op", "Dit veld is verplicht."),
        # Clocks jump from 2:00 to 3:00 that night: 2:30 does not exist in Brussels.
        ({"begint_op": "2027-03-28T02:30"}, "begint_op", "Europe/Brussels"),
        ({"partners": "Onbekend"}, "partners", "“Onbekend” is geen partner in deze buurt."),
    ],
)
def test_create_refuses_bad_input_in_dutch(
    coordinator_client, buurt, partner, extra, field, message
):
    response = coordinator_client.post(url("overleg_create", buurt.slug), form_data(**extra))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not Overleg.objects.exists()


def test_create_refuses_both_team_and_initiative(coordinator_client, buurt, partner):
    initiatief = f.make_initiatief(buurt)
    team = f.make_team(initiatief)
    response = coordinator_client.post(
        url("overleg_create", buurt.slug), form_data(team=team.pk, initiatief=initiatief.pk)
    )
    assert response.context["form"].errors["initiatief"] == [
        "Kies een team of een initiatief, niet allebei."
    ]
    assert not Overleg.objects.exists()


def test_attendee_of_another_buurt_is_refused(coordinator_client, buurt, other_buurt, outsider):
    f.make_partner(other_buurt, "Vzw Elders")
    response = coordinator_client.post(
        url("overleg_create", buurt.slug),
        form_data(partners="Vzw Elders", coordinatoren=[outsider.pk]),
    )
    errors = response.context["form"].errors
    assert errors["partners"] == ["“Vzw Elders” is geen partner in deze buurt."]
    assert "coordinatoren" in errors
    assert not Overleg.objects.exists() and not Deelnemer.objects.exists()


def test_team_of_another_buurt_is_refused(coordinator_client, buurt, other_buurt, partner):
    team = f.make_team(f.make_initiatief(other_buurt))
    response = coordinator_client.post(url("overleg_create", buurt.slug), form_data(team=team.pk))
    assert "team" in response.context["form"].errors
    assert not Overleg.objects.exists()


def test_create_from_a_team_invites_its_members(coordinator_client, buurt, partner):
    team = f.make_team(f.make_initiatief(buurt), "Boodschappenteam")
    f.make_deelname(team, partner)
    response = coordinator_client.get(url("overleg_create", buurt.slug), {"team": team.pk})
    form = response.context["form"]
    assert form.initial["team"] == team.pk
    assert form.initial["partners"] == "Vzw Samen"


def test_list_shows_upcoming_and_past_and_filters_by_team(coordinator_client, buurt, partner):
    team = f.make_team(f.make_initiatief(buurt), "Boodschappenteam")
    f.make_overleg(buurt, "Komend teamoverleg", team=team)
    f.make_overleg(buurt, "Voorbij", begint_op=timezone.now() - timedelta(days=30))
    f.make_overleg(buurt, "Ander komend")
    response = coordinator_client.get(url("overleg_list", buurt.slug))
    assert [o.titel for o in response.context["komend"]] == ["Komend teamoverleg", "Ander komend"]
    assert [o.titel for o in response.context["voorbij"]] == ["Voorbij"]
    response = coordinator_client.get(url("overleg_list", buurt.slug), {"team": team.pk})
    assert [o.titel for o in response.context["komend"]] == ["Komend teamoverleg"]
    assert list(response.context["voorbij"]) == []


def test_list_counts_all_invitees_also_when_filtered_by_partner(
    coordinator_client, buurt, overleg, partner
):
    other = f.make_partner(buurt, "Jeugdhuis")
    Deelnemer.objects.create(overleg=overleg, partner=other, aanwezig=True)
    response = coordinator_client.get(url("overleg_list", buurt.slug), {"partner": partner.pk})
    (row,) = response.context["komend"]
    assert (row.n_uitgenodigd, row.n_aanwezig) == (2, 1)


def test_list_filter_with_an_id_of_another_buurt_is_shown_as_an_error(
    coordinator_client, buurt, other_buurt, overleg
):
    team = f.make_team(f.make_initiatief(other_buurt))
    response = coordinator_client.get(url("overleg_list", buurt.slug), {"team": team.pk})
    assert "team" in response.context["filters"].errors
    assert [o.titel for o in response.context["komend"]] == ["Partneroverleg maart"]


def test_meeting_page_shows_invitees_agenda_decisions_and_actions(
    coordinator_client, buurt, overleg, partner
):
    overleg.agenda = "Burenhulp bespreken"
    overleg.besluiten = "We starten in mei."
    overleg.save()
    f.make_actie(buurt, "Flyers drukken", overleg=overleg, partner=partner)
    response = coordinator_client.get(url("overleg_detail", buurt.slug, overleg.pk))
    page = response.content.decode()
    for text in ("Vzw Samen", "Burenhulp bespreken", "We starten in mei.", "Flyers drukken"):
        assert text in page
    assert response.context["wijzigingen"]


def test_mark_who_came(coordinator_client, buurt, overleg, partner):
    other = f.make_partner(buurt, "Jeugdhuis")
    absent = Deelnemer.objects.create(overleg=overleg, partner=other, aanwezig=True)
    present = overleg.deelnemers.get(partner=partner)
    coordinator_row = Overlegcoordinator.objects.get(overleg=overleg)
    response = coordinator_client.post(
        url("overleg_aanwezig", buurt.slug, overleg.pk),
        {"partners": [present.pk], "coordinatoren": [coordinator_row.pk]},
    )
    assert response.status_code == 302
    absent.refresh_from_db(), present.refresh_from_db(), coordinator_row.refresh_from_db()
    assert present.aanwezig and coordinator_row.aanwezig and not absent.aanwezig


def test_attendance_htmx_returns_the_section_only(coordinator_client, buurt, overleg):
    present = overleg.deelnemers.get()
    response = coordinator_client.post(
        url("overleg_aanwezig", buurt.slug, overleg.pk),
        {"partners": [present.pk]},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="aanwezigheid"' in body and "<h1" not in body
    assert "Aanwezigheid bewaard." in body


def test_attendance_of_someone_not_invited_is_refused(
    coordinator_client, buurt, overleg, other_buurt
):
    elsewhere = f.make_overleg(other_buurt, partners=[f.make_partner(other_buurt)])
    response = coordinator_client.post(
        url("overleg_aanwezig", buurt.slug, overleg.pk),
        {"partners": [elsewhere.deelnemers.get().pk]},
    )
    assert response.status_code == 200
    assert "Kies alleen wie uitgenodigd was." in response.content.decode()
    assert not Deelnemer.objects.filter(aanwezig=True).exists()


def test_edit_keeps_attendance_of_invitees_kept_and_removes_the_others(
    coordinator_client, buurt, overleg, partner
):
    other = f.make_partner(buurt, "Jeugdhuis")
    Deelnemer.objects.filter(overleg=overleg).update(aanwezig=True)
    Deelnemer.objects.create(overleg=overleg, partner=other)
    response = coordinator_client.post(
        url("overleg_edit", buurt.slug, overleg.pk),
        form_data(titel="Partneroverleg maart", partners="Vzw Samen", besluiten="Ja."),
    )
    assert response.status_code == 302
    assert list(overleg.deelnemers.values_list("partner__actor__naam", "aanwezig")) == [
        ("Vzw Samen", True)
    ]
    overleg.refresh_from_db()
    assert overleg.besluiten == "Ja."
    assert not overleg.coordinatoren.exists()


def test_delete_asks_first_then_keeps_the_decisions_in_the_timeline(
    coordinator_client, buurt, overleg, partner
):
    overleg.besluiten = "De soepbar verhuist naar de school."
    overleg.save()
    actie = f.make_actie(buurt, "Sleutel vragen", overleg=overleg, partner=partner)
    confirm = coordinator_client.get(url("overleg_delete", buurt.slug, overleg.pk))
    assert "blijft bestaan, zonder overleg" in confirm.content.decode()
    assert Overleg.objects.exists()

    response = coordinator_client.post(url("overleg_delete", buurt.slug, overleg.pk))
    assert response.status_code == 302
    assert not Overleg.objects.exists() and not Deelnemer.objects.exists()
    actie.refresh_from_db()
    assert actie.overleg is None
    entry = Wijziging.objects.get(
        content_type=ContentType.objects.get_for_model(Overleg),
        object_id=overleg.pk,
        action=Wijziging.Action.DELETE,
    )
    assert entry.buurt_id == buurt.pk
    assert entry.changes["besluiten"][0] == "De soepbar verhuist naar de school."
    page = coordinator_client.get(reverse("coordinatie:tijdlijn", args=[buurt.slug]))
    assert "De soepbar verhuist naar de school." in page.content.decode()
    # The invitees removed with it are filed under the buurt too.
    assert Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Deelnemer), buurt=buurt, action=2
    ).exists()


def test_add_an_action_inline_at_a_meeting(coordinator_client, buurt, partner, coordinator):
    team = f.make_team(f.make_initiatief(buurt))
    overleg = f.make_overleg(buurt, team=team)
    response = coordinator_client.post(
        url("overleg_actie_add", buurt.slug, overleg.pk),
        {"wat": "Zaal reserveren", "partner": "Vzw Samen", "tegen": "2026-12-20"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert 'id="acties"' in body and "Zaal reserveren" in body and "<h1" not in body
    actie = Actie.objects.get()
    assert (actie.overleg, actie.team, actie.partner) == (overleg, team, partner)


def test_add_action_needs_exactly_one_person(coordinator_client, buurt, overleg, coordinator):
    for data in (
        {"wat": "Niemand", "tegen": "2026-12-20"},
        {
            "wat": "Twee",
            "tegen": "2026-12-20",
            "partner": "Vzw Samen",
            "coordinator": coordinator.pk,
        },
    ):
        response = coordinator_client.post(url("overleg_actie_add", buurt.slug, overleg.pk), data)
        assert response.status_code == 200
        assert response.context["actie_form"].errors["partner"]
    assert not Actie.objects.exists()


def test_researcher_gets_403_and_outsider_404(onderzoeker_client, outsider_client, buurt, overleg):
    for name, args in (
        ("overleg_list", [buurt.slug]),
        ("overleg_detail", [buurt.slug, overleg.pk]),
        ("overleg_ics", [buurt.slug, overleg.pk]),
    ):
        assert onderzoeker_client.get(url(name, *args)).status_code == 403
        assert outsider_client.get(url(name, *args)).status_code == 404


def test_the_history_shows_the_meeting_time_in_brussels_time(coordinator_client, buurt, partner):
    coordinator_client.post(url("overleg_create", buurt.slug), form_data())
    overleg = Overleg.objects.get()
    page = coordinator_client.get(url("overleg_detail", buurt.slug, overleg.pk)).content.decode()
    assert "14 april 2026, 19:30" in page  # stored as 17:30 UTC
    assert "14 april 2026, 17:30" not in page
