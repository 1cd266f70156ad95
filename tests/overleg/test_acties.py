"""Actions on their own: open actions per person, team and initiative, adding one without a
meeting, editing one and marking one done; and the query counts of the list pages."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from overleg.models import Actie
from tests import factories as f
from tests.queries import count_get_queries

BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def partner(buurt):
    return f.make_partner(buurt, "Vzw Samen")


@pytest.fixture
def team(buurt):
    return f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Boodschappenteam")


def url(name, *args):
    return reverse(f"overleg:{name}", args=args)


def titles(response):
    return [actie.wat for actie in response.context["acties"]]


def test_open_actions_per_partner_team_initiative_and_coordinator(
    coordinator_client, buurt, partner, team, coordinator
):
    today = timezone.localdate()
    f.make_actie(buurt, "Voor de partner", partner=partner)
    f.make_actie(buurt, "Voor het team", coordinator=coordinator, team=team)
    f.make_actie(buurt, "Voor het initiatief", partner=partner, initiatief=team.initiatief)
    f.make_actie(buurt, "Al gedaan", partner=partner, gedaan_op=today)
    lijst = url("actie_list", buurt.slug)
    assert titles(coordinator_client.get(lijst, {"partner": partner.pk})) == [
        "Voor de partner",
        "Voor het initiatief",
    ]
    assert titles(coordinator_client.get(lijst, {"team": team.pk})) == ["Voor het team"]
    # An initiative's actions include those of its teams.
    assert titles(coordinator_client.get(lijst, {"initiatief": team.initiatief.pk})) == [
        "Voor het team",
        "Voor het initiatief",
    ]
    response = coordinator_client.get(lijst, {"coordinator": coordinator.pk})
    assert titles(response) == ["Voor het team"]
    assert response.context["titel"] == "Open acties van coord"
    response = coordinator_client.get(lijst, {"partner": partner.pk, "status": "gedaan"})
    assert titles(response) == ["Al gedaan"]
    assert response.context["titel"] == "Gedane acties van Vzw Samen"


def test_late_actions(coordinator_client, buurt, partner):
    today = timezone.localdate()
    f.make_actie(
        buurt,
        "Te laat",
        partner=partner,
        tegen=today - timedelta(days=1),
        aangemaakt_op=timezone.now() - timedelta(days=10),
    )
    f.make_actie(buurt, "Op tijd", partner=partner, tegen=today)
    response = coordinator_client.get(url("actie_list", buurt.slug), {"status": "te_laat"})
    assert titles(response) == ["Te laat"]
    assert "te laat" in response.content.decode()


def test_partner_of_another_buurt_is_no_filter(coordinator_client, buurt, other_buurt, partner):
    f.make_actie(buurt, "Hier", partner=partner)
    elders = f.make_partner(other_buurt, "Elders")
    f.make_actie(other_buurt, "Daar", partner=elders)
    response = coordinator_client.get(url("actie_list", buurt.slug), {"partner": elders.pk})
    assert "partner" in response.context["filters"].errors
    assert titles(response) == ["Hier"]


def test_create_an_action_without_a_meeting(coordinator_client, buurt, partner, team):
    response = coordinator_client.post(
        url("actie_create", buurt.slug),
        {
            "wat": "Subsidie aanvragen",
            "partner": "Vzw Samen",
            "tegen": "2027-01-15",
            "team": team.pk,
        },
    )
    assert response.status_code == 302
    actie = Actie.objects.get()
    assert (actie.partner, actie.team, actie.overleg) == (partner, team, None)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"wat": "x", "tegen": "2027-01-15"}, "partner"),
        ({"wat": "x", "tegen": "morgen", "partner": "Vzw Samen"}, "tegen"),
        ({"wat": "x", "tegen": "2027-01-15", "partner": "Onbekend"}, "partner"),
        ({"wat": "", "tegen": "2027-01-15", "partner": "Vzw Samen"}, "wat"),
    ],
)
def test_create_refuses_bad_input(coordinator_client, buurt, partner, data, field):
    response = coordinator_client.post(url("actie_create", buurt.slug), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Actie.objects.exists()


def test_create_refuses_both_team_and_initiative(coordinator_client, buurt, partner, team):
    response = coordinator_client.post(
        url("actie_create", buurt.slug),
        {
            "wat": "x",
            "tegen": "2027-01-15",
            "partner": "Vzw Samen",
            "team": team.pk,
            "initiatief": team.initiatief.pk,
        },
    )
    assert response.context["form"].errors["initiatief"] == [
        "Kies een team of een initiatief, niet allebei."
    ]
    assert not Actie.objects.exists()


def test_mark_done_by_the_coordinator_goes_back_where_it_came_from(
    coordinator_client, buurt, partner
):
    actie = f.make_actie(buurt, "Flyers", partner=partner)
    back = url("actie_list", buurt.slug) + f"?partner={partner.pk}"
    response = coordinator_client.post(
        url("actie_done", buurt.slug, actie.pk),
        {"gedaan_op": timezone.localdate().isoformat(), "terug": back},
    )
    assert response.status_code == 302 and response.url == back
    actie.refresh_from_db()
    assert actie.gedaan_op == timezone.localdate()


def test_mark_done_never_redirects_off_the_site(coordinator_client, buurt, partner):
    actie = f.make_actie(buurt, "Flyers", partner=partner)
    response = coordinator_client.post(
        url("actie_done", buurt.slug, actie.pk),
        {"gedaan_op": timezone.localdate().isoformat(), "terug": "https://example.com/"},
    )
    assert response.url == url("actie_list", buurt.slug)


def test_mark_done_with_htmx_returns_the_row(coordinator_client, buurt, partner):
    actie = f.make_actie(buurt, "Flyers", partner=partner)
    response = coordinator_client.post(
        url("actie_done", buurt.slug, actie.pk),
        {"gedaan_op": timezone.localdate().isoformat()},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert body.strip().startswith(f'<tr id="actie-{actie.pk}"')
    assert "gedaan op" in body


def test_done_before_it_was_created_is_refused(coordinator_client, buurt, partner):
    actie = f.make_actie(
        buurt, "Flyers", partner=partner, aangemaakt_op=datetime(2026, 3, 10, 9, 0, tzinfo=BRUSSEL)
    )
    response = coordinator_client.post(
        url("actie_done", buurt.slug, actie.pk), {"gedaan_op": "2026-03-09"}
    )
    assert response.status_code == 200
    assert "pas op 10/03/2026 aangemaakt" in response.content.decode()
    actie.refresh_from_db()
    assert actie.gedaan_op is None
    # The edit form holds the same rule.
    response = coordinator_client.post(
        url("actie_edit", buurt.slug, actie.pk),
        {"wat": "Flyers", "partner": "Vzw Samen", "tegen": "2026-04-01", "gedaan_op": "2026-03-09"},
    )
    assert "gedaan_op" in response.context["form"].errors
    actie.refresh_from_db()
    assert actie.gedaan_op is None


def test_edit_reopens_and_reassigns(coordinator_client, buurt, partner, coordinator):
    actie = f.make_actie(buurt, "Flyers", partner=partner, gedaan_op=timezone.localdate())
    response = coordinator_client.post(
        url("actie_edit", buurt.slug, actie.pk),
        {"wat": "Flyers", "coordinator": coordinator.pk, "tegen": "2027-04-01", "gedaan_op": ""},
    )
    assert response.status_code == 302
    actie.refresh_from_db()
    assert (actie.partner, actie.coordinator, actie.gedaan_op) == (None, coordinator, None)


def test_the_team_initiative_and_actor_pages_link_to_meetings_and_actions(
    coordinator_client, buurt, partner, team
):
    pages = [
        (reverse("initiatieven:team_edit", args=[buurt.slug, team.pk]), f"?team={team.pk}"),
        (
            reverse("initiatieven:initiatief_detail", args=[buurt.slug, team.initiatief.pk]),
            f"?initiatief={team.initiatief.pk}",
        ),
        (
            reverse("coordinatie:actor_detail", args=[buurt.slug, partner.actor.pk]),
            f"?partner={partner.pk}",
        ),
    ]
    for page, query in pages:
        body = coordinator_client.get(page).content.decode()
        assert url("overleg_list", buurt.slug) + query in body
        assert url("actie_list", buurt.slug) + query in body


def _grow(buurt, coordinator, n):
    team = f.make_team(f.make_initiatief(buurt))
    for i in range(n):
        partner = f.make_partner(buurt)
        overleg = f.make_overleg(
            buurt,
            team=team if i % 2 else None,
            partners=[partner],
            begint_op=timezone.now() + timedelta(days=i - n // 2),
        )
        overleg.overlegcoordinatoren.create(user=coordinator, aanwezig=True)
        f.make_actie(buurt, overleg=overleg, partner=partner, team=overleg.team)
        f.make_actie(buurt, coordinator=coordinator, initiatief=team.initiatief)


@pytest.mark.parametrize(
    "name", ["overleg_list", "actie_list", "overleg_detail", "partner_home"], ids=str
)
def test_query_count_does_not_grow_with_meetings_and_actions(
    coordinator_client, buurt, coordinator, name
):
    from tests.conftest import partner_session_client

    partner = f.make_partner(buurt, "Vzw Samen")
    overleg = f.make_overleg(buurt, partners=[partner])
    f.make_actie(buurt, overleg=overleg, partner=partner)
    client, target = (
        coordinator_client,
        {
            "overleg_list": url("overleg_list", buurt.slug),
            "actie_list": url("actie_list", buurt.slug) + "?status=alle",
            "overleg_detail": url("overleg_detail", buurt.slug, overleg.pk),
            "partner_home": reverse("partnerportaal:partner_home"),
        }[name],
    )
    if name == "partner_home":
        client = partner_session_client(partner)
    _grow(buurt, coordinator, 2)
    small = count_get_queries(client, target)
    _grow(buurt, coordinator, 12)
    for _ in range(10):  # the meeting's own rows and the partner's own too
        other = f.make_partner(buurt)
        overleg.deelnemers.create(partner=other, aanwezig=True)
        f.make_actie(buurt, overleg=overleg, partner=partner)
    assert count_get_queries(client, target) == small
