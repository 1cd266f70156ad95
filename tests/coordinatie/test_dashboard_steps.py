"""The dashboard shows each step as growth over the last 3 and 12 months, never as a job
to finish."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from buurt.models import Actor
from coordinatie.progress import months_before, step_overview
from partners.models import Enthousiasme
from tests import factories as f
from tests.queries import count_get_queries

TODAY = datetime.date(2026, 6, 15)
RECENT = datetime.date(2026, 5, 1)  # within 3 months
THIS_YEAR = datetime.date(2025, 11, 20)  # within 12 months, not 3
LONG_AGO = datetime.date(2024, 1, 10)  # neither


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _rows(buurt):
    """label -> (last 3 months, last 12 months, now), for every step."""
    return {
        label: (drie, twaalf, nu)
        for step in step_overview(buurt, today=TODAY)[0]
        for label, drie, twaalf, nu in step["rijen"]
    }


def test_months_before_keeps_the_day_or_takes_the_shorter_months_last():
    assert months_before(datetime.date(2026, 6, 15), 3) == datetime.date(2026, 3, 15)
    assert months_before(datetime.date(2026, 5, 31), 3) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 2, 10), 12) == datetime.date(2025, 2, 10)


def test_step_one_counts_actors_added_in_each_period(buurt):
    for day in (RECENT, THIS_YEAR, LONG_AGO):
        actor = f.make_actor(buurt)
        f.update_row(actor, aangemaakt_op=_at(day))
    via = f.make_actor(buurt, aangebracht_door=actor)
    f.update_row(via, aangemaakt_op=_at(RECENT))
    rows = _rows(buurt)
    assert rows["actoren gekend"] == (2, 3, 4)
    assert rows["aangebracht door iemand die hen kent"] == (1, 1, 1)


def test_step_two_counts_partners_that_got_a_spark_or_fire_and_successes(buurt):
    vonk_dan_vuur = f.make_partner(buurt, partner_sinds=THIS_YEAR)
    Enthousiasme.objects.create(partner=vonk_dan_vuur, niveau="vonk", datum=THIS_YEAR)
    Enthousiasme.objects.create(partner=vonk_dan_vuur, niveau="vuur", datum=RECENT)
    Enthousiasme.objects.create(partner=vonk_dan_vuur, niveau="vuur", datum=RECENT)
    oud_vuur = f.make_partner(buurt, partner_sinds=LONG_AGO)
    Enthousiasme.objects.create(partner=oud_vuur, niveau="vuur", datum=LONG_AGO)
    f.make_partner(buurt, partner_sinds=RECENT)
    f.make_succes(buurt, datum=RECENT)
    f.make_succes(buurt, datum=THIS_YEAR)
    f.make_succes(buurt, datum=LONG_AGO)
    rows = _rows(buurt)
    assert rows["partners"] == (1, 2, 3)
    assert rows["partners met een vonk"] == (0, 1, 0)  # the spark grew into fire
    assert rows["partners met vuur"] == (1, 1, 2)  # rated twice, counted once
    assert rows["kleine successen"] == (1, 2, 3)


def test_step_three_counts_activities_and_initiatives_that_build_on_them(buurt):
    activiteit = f.make_activiteit(buurt)
    f.make_activiteit(buurt, loopt=False)
    voortbouwend = f.make_initiatief(buurt)
    voortbouwend.bouwt_voort_op.add(activiteit, f.make_activiteit(buurt))
    nieuw = f.make_initiatief(buurt)
    f.update_row(voortbouwend, aangemaakt_op=_at(RECENT))
    f.update_row(nieuw, aangemaakt_op=_at(THIS_YEAR))
    for each in activiteit.__class__.objects.all():
        f.update_row(each, aangemaakt_op=_at(THIS_YEAR))
    rows = _rows(buurt)
    assert rows["bestaande activiteiten (nu: lopend)"] == (0, 3, 2)
    assert rows["initiatieven"] == (1, 2, 2)
    assert rows["initiatieven die voortbouwen op wat er is"] == (1, 1, 1)


def test_step_four_counts_teams_formed_and_memberships_started_and_ended(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    f.update_row(team, aangemaakt_op=_at(THIS_YEAR))
    f.make_deelname(team, f.make_partner(buurt), toegetreden_op=RECENT)
    f.make_deelname(team, f.make_partner(buurt), toegetreden_op=LONG_AGO, vertrokken_op=THIS_YEAR)
    f.make_relatie(f.make_actor(buurt), f.make_actor(buurt), sinds=RECENT)
    rows = _rows(buurt)
    assert rows["teams gevormd"] == (0, 1, 1)
    assert rows["deelnames begonnen (nu: lopend)"] == (1, 1, 1)
    assert rows["deelnames beëindigd"] == (0, 1, None)
    assert rows["relaties tussen actoren begonnen (nu: lopend)"] == (1, 1, 1)


def test_future_dates_are_not_growth_yet(buurt):
    f.make_succes(buurt, datum=TODAY + datetime.timedelta(days=1))
    assert _rows(buurt)["kleine successen"] == (0, 0, 1)


def test_other_buurten_do_not_count(buurt, other_buurt):
    f.make_partner(other_buurt, niveau="vuur")
    f.make_succes(other_buurt)
    rows = _rows(buurt)
    assert rows["partners met vuur"] == (0, 0, 0)
    assert rows["kleine successen"] == (0, 0, 0)


def test_dashboard_shows_no_completion_percentage(coordinator_client, buurt):
    # One actor of each kind used to fill "Ken je buurt" to 100 %.
    for soort in Actor.Soort.values:
        f.make_actor(buurt, soort=soort)
    f.make_partner(buurt, niveau="vuur")
    html = coordinator_client.get(buurt.get_absolute_url()).text
    steps = html[html.index('id="stappen-titel"') : html.index('id="groei-titel"')]
    assert "<progress" not in steps
    assert not re.search(r"\d\s*%", steps)
    assert "laatste 3 maanden" in steps and "laatste 12 maanden" in steps
    assert "Voortgang" not in html


def test_researcher_sees_the_growth_as_aggregates_only(onderzoeker_client, buurt):
    f.make_partner(buurt, "Jan Claes", soort="bewoner", niveau="vuur")
    html = onderzoeker_client.get(buurt.get_absolute_url()).text
    assert "laatste 12 maanden" in html
    assert "Jan Claes" not in html


def test_dashboard_query_count_does_not_grow_with_growth_in_every_step(coordinator_client, buurt):
    def count():
        return count_get_queries(coordinator_client, buurt.get_absolute_url())

    def grow():
        partner = f.make_partner(buurt, niveau="vonk")
        Enthousiasme.objects.create(partner=partner, niveau="vuur")
        activiteit = f.make_activiteit(buurt)
        initiatief = f.make_initiatief(buurt)
        initiatief.bouwt_voort_op.add(activiteit)
        team = f.make_team(initiatief)
        f.make_deelname(team, partner, vertrokken_op=timezone.localdate())
        f.make_deelname(team, partner)
        f.make_succes(buurt, team=team, initiatief=initiatief).partners.add(partner)
        f.make_relatie(partner.actor, f.make_actor(buurt), sinds=timezone.localdate())

    grow()
    small = count()
    for _i in range(12):
        grow()
    assert count() == small


def test_dashboard_counts_partners_per_level_once_for_the_steps_and_the_tip(
    coordinator_client, buurt
):
    f.make_partner(buurt, niveau="vuur")
    with CaptureQueriesContext(connection) as ctx:
        coordinator_client.get(buurt.get_absolute_url())
    # Partners per level are kept at write time (buurt.tellingen): no query looks up
    # each partner's latest rating, for the steps or for the tip.
    per_level = [q for q in ctx.captured_queries if "huidig_enthousiasme" in q["sql"]]
    assert per_level == []
    steps, tegelijk = step_overview(buurt)
    assert tegelijk.met_vuur == 1
    assert ("partners met vuur", 1, 1, 1) in [tuple(row) for row in steps[1]["rijen"]]
