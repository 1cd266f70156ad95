"""The team page: add a member, change an agreement, end a membership, the team's history,
its make-up on a past date and its timeline."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from initiatieven import teams
from initiatieven.models import Deelname, Teamintensiteit
from tests import factories as f
from tests.queries import count_get_queries
from tests.test_double_submit import post_at_once

from .teamdata import add_url, ago, edit_url, end_url, iso, make_team, team_url, writes

TODAY = timezone.localdate


def test_adding_a_member_without_javascript_redirects_to_the_team_page(coordinator_client, buurt):
    team = make_team(buurt)
    f.make_partner(buurt, "Okra")
    data = {
        "lid-partner": "okra",
        "lid-participatieniveau": "coproduceren",
        "lid-nodig": "on",
        "lid-middelen": ["tijd", "netwerk"],
        "lid-toegetreden_op": iso(ago(3)),
    }
    response = coordinator_client.post(add_url(buurt, team), data)
    assert response.status_code == 302
    assert response["Location"] == team_url(buurt, team) + f"#team-{team.pk}-leden"
    deelname = team.deelnames.get()
    assert (str(deelname.partner), deelname.participatieniveau, deelname.toegetreden_op) == (
        "Okra",
        "coproduceren",
        ago(3),
    )
    assert deelname.middelen == ["tijd", "netwerk"]
    page = coordinator_client.get(response["Location"]).text
    assert "Okra is lid van het team." in page
    assert "Okra werd lid (coproduceren)" in page


def test_adding_a_member_with_htmx_returns_the_members_section_and_the_history(
    coordinator_client, buurt
):
    team = make_team(buurt)
    f.make_partner(buurt, "Okra")
    data = {"lid-partner": "Okra", "lid-participatieniveau": "adviseren"}
    response = coordinator_client.post(
        add_url(buurt, team), data, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=f"team-{team.pk}-leden"
    )
    assert response.status_code == 200
    body = response.text
    assert body.lstrip().startswith(f'<section class="card" id="team-{team.pk}-leden"')
    assert "<html" not in body
    assert (
        f'id="team-{team.pk}-geschiedenis" aria-labelledby' in body and 'hx-swap-oob="true"' in body
    )
    assert "Okra is lid van het team." in body
    assert team.deelnames.get().toegetreden_op == TODAY()


@pytest.mark.parametrize(
    "partner, datum, message",
    [
        ("Okra", "", "Okra is al lid van dit team."),
        ("Elders", "", "“Elders” is geen partner in deze buurt."),
        ("OCMW", "2999-01-01", "Deze datum ligt in de toekomst"),
        ("OCMW", "gisteren", "Geen geldige datum: gebruik de vorm JJJJ-MM-DD."),
        ("", "", "Welke partner komt erbij?"),
    ],
)
def test_a_refused_member_is_shown_in_dutch_and_nothing_is_written(
    coordinator_client, buurt, other_buurt, partner, datum, message
):
    team = make_team(buurt)
    f.make_deelname(team, f.make_partner(buurt, "Okra"))
    f.make_partner(buurt, "OCMW")
    f.make_partner(other_buurt, "Elders")
    before = writes()
    data = {
        "lid-partner": partner,
        "lid-participatieniveau": "adviseren",
        "lid-toegetreden_op": datum,
    }
    for headers in ({}, {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": f"team-{team.pk}-leden"}):
        response = coordinator_client.post(add_url(buurt, team), data, **headers)
        assert response.status_code == 200
        assert message in response.text
        assert 'class="errorlist' in response.text
    assert writes() == before


def test_ending_a_membership_keeps_it_and_shows_it_in_the_history(coordinator_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(team, f.make_partner(buurt, "Okra"), toegetreden_op=ago(30))
    response = coordinator_client.post(end_url(buurt, deelname), {"vertrokken_op": iso(ago(1))})
    assert response.status_code == 302
    deelname.refresh_from_db()
    assert (deelname.vertrokken_op, deelname.einde) == (ago(1), "vertrokken")
    page = coordinator_client.get(team_url(buurt, team)).text
    assert "Het team heeft nu geen leden." in page
    assert "Okra verliet het team" in page
    assert "Okra heeft het team verlaten." in page


def test_leaving_before_joining_is_refused_in_place(coordinator_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(team, f.make_partner(buurt, "Okra"), toegetreden_op=ago(3))
    before = writes()
    response = coordinator_client.post(
        end_url(buurt, deelname),
        {"vertrokken_op": iso(ago(4))},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"team-{team.pk}-leden",
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<section class="card" id="team-{team.pk}-leden"')
    assert "De vertrekdatum ligt vóór de datum van toetreden" in response.text
    assert "<details open>" in response.text  # the refused form stays open
    page = coordinator_client.post(end_url(buurt, deelname), {"vertrokken_op": "2999-01-01"})
    assert page.status_code == 200 and "<html" in page.text
    assert "Deze datum ligt in de toekomst" in page.text
    assert writes() == before


def test_changing_an_agreement_from_the_team_page(coordinator_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(
        team, f.make_partner(buurt, "Okra"), "raadplegen", toegetreden_op=ago(30)
    )
    data = {"participatieniveau": "meebeslissen", "nodig": "on", "datum": iso(ago(7))}
    response = coordinator_client.post(
        edit_url(buurt, deelname),
        data,
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"team-{team.pk}-leden",
    )
    assert response.status_code == 200
    assert "nieuwe afspraak met Okra: raadplegen → meebeslissen" in response.text
    deelname.refresh_from_db()
    assert (deelname.vertrokken_op, deelname.einde) == (ago(7), "gewijzigd")
    nieuw = Deelname.objects.actief().get()
    assert (nieuw.participatieniveau, nieuw.toegetreden_op) == ("meebeslissen", ago(7))
    assert (
        f'id="lid-{nieuw.pk}"' in response.text and f'id="lid-{deelname.pk}"' not in response.text
    )


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"participatieniveau": "raadplegen", "nodig": "on"},
            "Er verandert niets aan de afspraak.",
        ),
        ({"participatieniveau": "adviseren", "datum": "2999-01-01"}, "in de toekomst"),
        ({"participatieniveau": "adviseren", "datum": "2000-01-01"}, "De deelname begon pas op"),
    ],
)
def test_a_refused_change_is_shown_in_dutch_and_nothing_is_written(
    coordinator_client, buurt, data, message
):
    team = make_team(buurt)
    deelname = f.make_deelname(
        team, f.make_partner(buurt, "Okra"), "raadplegen", toegetreden_op=ago(30)
    )
    before = writes()
    response = coordinator_client.post(edit_url(buurt, deelname), data)
    assert response.status_code == 200
    assert message in response.text
    assert writes() == before


def test_a_change_from_the_step_4_card_returns_the_card_with_the_partner_once(
    coordinator_client, buurt
):
    team = make_team(buurt)
    deelname = f.make_deelname(
        team, f.make_partner(buurt, "Okra"), "raadplegen", toegetreden_op=ago(30)
    )
    response = coordinator_client.post(
        edit_url(buurt, deelname),
        {"participatieniveau": "coproduceren", "nodig": "on", "middelen": ["tijd"]},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"team-{team.pk}",
    )
    assert response.text.lstrip().startswith('<article class="card team')
    assert response.text.count('<th scope="row">Okra</th>') == 1
    bomen = coordinator_client.get(reverse("initiatieven:bomen", args=[buurt.slug])).text
    assert bomen.count('<th scope="row">Okra</th>') == 2  # the team card and the matrix
    assert "raadplegen" not in bomen and "coproduceren" in bomen


def test_the_team_page_shows_the_make_up_on_a_past_date(coordinator_client, buurt):
    team = make_team(buurt)
    f.make_deelname(
        team,
        f.make_partner(buurt, "Okra"),
        toegetreden_op=ago(60),
        vertrokken_op=ago(10),
        einde="vertrokken",
    )
    f.make_deelname(team, f.make_partner(buurt, "De Kaai"), toegetreden_op=ago(5))
    page = coordinator_client.get(team_url(buurt, team, op=iso(ago(20)))).text
    section = page.split(f'id="team-{team.pk}-samenstelling"')[1].split("</section>")[0]
    assert "Okra" in section and "De Kaai" not in section
    fragment = coordinator_client.get(
        team_url(buurt, team, op=iso(ago(2))),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"team-{team.pk}-samenstelling",
    ).text
    assert fragment.lstrip().startswith(f'<section class="card" id="team-{team.pk}-samenstelling"')
    assert "De Kaai" in fragment and "Okra" not in fragment
    empty = coordinator_client.get(team_url(buurt, team, op=iso(ago(100)))).text
    assert "Op die dag had het team geen leden." in empty


@pytest.mark.parametrize(
    "op, message",
    [
        ("gisteren", "Geen geldige datum: gebruik de vorm JJJJ-MM-DD."),
        ("2024-02-30", "Geen geldige datum"),
        ("99999-01-01", "Geen geldige datum"),
        ("%00", "Geen geldige datum"),
        ("2999-01-01", "Die datum ligt in de toekomst"),
    ],
)
def test_a_bad_make_up_date_gives_a_dutch_message_not_an_error(
    coordinator_client, buurt, op, message
):
    team = make_team(buurt)
    response = coordinator_client.get(team_url(buurt, team, op=op))
    assert response.status_code == 200
    assert message in response.text


def test_the_team_page_shows_the_history(coordinator_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(
        team, f.make_partner(buurt, "Okra"), "informeren", toegetreden_op=ago(30)
    )
    teams.change_deelname(deelname, participatieniveau="informeren", nodig=False, middelen=[])
    page = coordinator_client.get(team_url(buurt, team)).text
    history = page.split(f'id="team-{team.pk}-geschiedenis"')[1]
    assert (
        "nieuwe afspraak met Okra, niveau blijft informeren (niet langer nodig voor het doel)"
        in history
    )
    assert history.index("nieuwe afspraak met Okra") < history.index("Okra werd lid")


def test_memberships_and_teams_of_another_buurt_are_not_found(
    coordinator_client, buurt, other_buurt
):
    team = make_team(other_buurt)
    deelname = f.make_deelname(team, f.make_partner(other_buurt), toegetreden_op=ago(3))
    f.make_partner(buurt, "Okra")
    before = writes()
    assert coordinator_client.get(team_url(buurt, team)).status_code == 404
    urls = [
        (add_url(buurt, team), {"lid-partner": "Okra", "lid-participatieniveau": "adviseren"}),
        (edit_url(buurt, deelname), {"participatieniveau": "meebeslissen"}),
        (end_url(buurt, deelname), {}),
    ]
    for url, data in urls:
        assert coordinator_client.post(url, data).status_code == 404
    assert writes() == before


def test_an_ended_membership_can_no_longer_be_changed_or_ended(coordinator_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(
        team,
        f.make_partner(buurt),
        toegetreden_op=ago(30),
        vertrokken_op=ago(3),
        einde="vertrokken",
    )
    assert coordinator_client.post(end_url(buurt, deelname), {}).status_code == 404
    assert (
        coordinator_client.post(
            edit_url(buurt, deelname), {"participatieniveau": "informeren"}
        ).status_code
        == 404
    )


def test_a_researcher_may_not_see_nor_change_members(onderzoeker_client, buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(team, f.make_partner(buurt, "Okra"), toegetreden_op=ago(3))
    before = writes()
    assert onderzoeker_client.get(team_url(buurt, team)).status_code == 403
    assert onderzoeker_client.post(end_url(buurt, deelname), {}).status_code == 403
    assert onderzoeker_client.post(add_url(buurt, team), {}).status_code == 403
    assert writes() == before


def test_team_page_query_count_does_not_grow_with_members_or_history(coordinator_client, buurt):
    team = make_team(buurt)
    url = team_url(buurt, team, op=iso(ago(15)))

    def grow(n):
        for _ in range(n):
            deelname = f.make_deelname(
                team, f.make_partner(buurt), "raadplegen", toegetreden_op=ago(40)
            )
            teams.change_deelname(
                deelname,
                participatieniveau="adviseren",
                nodig=True,
                middelen=["tijd"],
                datum=ago(20),
            )
            left = f.make_deelname(team, f.make_partner(buurt), toegetreden_op=ago(30))
            teams.end_deelname(left, vertrokken_op=ago(10))
            Teamintensiteit.objects.create(team=team, intensiteit="actief_afstemmen", datum=ago(25))

    # Four rounds already fill the timeline's twenty latest entries with the same mix.
    grow(4)
    count_get_queries(coordinator_client, url)  # warms the content type cache
    small = count_get_queries(coordinator_client, url)
    grow(8)
    assert count_get_queries(coordinator_client, url) == small


def test_the_team_page_shows_who_changed_its_members_in_the_timeline(coordinator_client, buurt):
    team = make_team(buurt)
    f.make_partner(buurt, "Okra")
    data = {"lid-partner": "Okra", "lid-participatieniveau": "adviseren"}
    coordinator_client.post(add_url(buurt, team), data)
    page = coordinator_client.get(team_url(buurt, team)).text
    timeline = page.split(f'id="team-{team.pk}-tijdlijn"')[1]
    assert "Okra in Boodschappenteam" in timeline
    assert "Nog geen wijzigingen." not in timeline


def test_any_make_up_date_gives_a_page_never_an_error(coordinator_client, buurt):
    team = make_team(buurt)
    f.make_deelname(team, f.make_partner(buurt, "Okra"), toegetreden_op=ago(3))
    url = team_url(buurt, team)

    @settings(max_examples=40, deadline=None, database=None)
    @given(
        op=st.one_of(
            st.text(max_size=40),
            st.sampled_from(["0000-01-01", "0001-01-01", "9999-12-31", "2024-13-01", "\x00", "²"]),
        )
    )
    def check(op):
        response = coordinator_client.get(url, {"op": op})
        assert response.status_code == 200
        assert "Samenstelling op datum" in response.text

    check()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writes, so submissions cannot race; run with DATABASE_URL",
)
@pytest.mark.django_db(transaction=True)
def test_the_same_member_added_ten_times_at_once_joins_once_and_changes_once(buurt, coordinator):
    team = make_team(buurt)
    f.make_partner(buurt, "Okra")
    data = {"lid-partner": "Okra", "lid-participatieniveau": "adviseren"}
    statuses = post_at_once(coordinator, [(add_url(buurt, team), data)] * 10)
    assert sorted(set(statuses)) == [200, 302]
    deelname = Deelname.objects.get()
    change = {"participatieniveau": "meebeslissen", "nodig": "on"}
    statuses = post_at_once(coordinator, [(edit_url(buurt, deelname), change)] * 10)
    assert max(statuses) < 500
    assert Deelname.objects.count() == 2
    assert Deelname.objects.actief().get().participatieniveau == "meebeslissen"
