"""The per-buurt counts of buurt.tellingen: kept by every write, rebuilt and checked
by a command. (After every test of the suite, tests/conftest.py also checks that the stored
counts of every buurt equal a fresh count.)"""

import datetime
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from buurt import tellingen
from buurt.models import Actor, Telling
from initiatieven.groei import growth_over_time, step_overview
from initiatieven.models import Deelname, Initiatief
from initiatieven.services import change_status, create_team
from initiatieven.teams import change_deelname, end_deelname
from partners.models import Enthousiasme, Niveau
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def now_counts(buurt):
    steps, tegelijk = step_overview(buurt)
    return {label: row[-1] for step in steps for label, *row in step["rijen"]}, tegelijk


def stored(buurt, sleutel):
    return sum(
        Telling.objects.filter(buurt=buurt, sleutel=sleutel).values_list("aantal", flat=True)
    )


def test_writes_change_the_counts_and_deletes_take_them_back(buurt):
    a = f.make_actor(buurt)
    b = f.make_actor(buurt, aangebracht_door=a)
    relatie = f.make_relatie(a, b, sinds=TODAY - 10 * DAY)
    counts, _ = now_counts(buurt)
    assert counts["actoren gekend"] == 2
    assert counts["aangebracht door iemand die hen kent"] == 1
    assert counts["relaties tussen actoren begonnen (nu: lopend)"] == 1

    relatie.tot = TODAY - DAY  # ended yesterday: no longer running today
    relatie.save()
    b.delete()  # its relation goes with it
    counts, _ = now_counts(buurt)
    assert counts["actoren gekend"] == 1
    assert counts["aangebracht door iemand die hen kent"] == 0
    assert counts["relaties tussen actoren begonnen (nu: lopend)"] == 0
    assert stored(buurt, "relaties") == 0


def test_a_partners_level_follows_its_latest_rating_even_a_backdated_one(buurt):
    partner = f.make_partner(buurt)
    Enthousiasme.objects.create(partner=partner, niveau=Niveau.VUUR, datum=TODAY)
    counts, tegelijk = now_counts(buurt)
    assert (counts["partners met vuur"], counts["partners met een vonk"]) == (1, 0)
    assert tegelijk.met_vuur == 1

    # An older rating entered later changes nothing about today's level ...
    Enthousiasme.objects.create(partner=partner, niveau=Niveau.VONK, datum=TODAY - 40 * DAY)
    counts, _ = now_counts(buurt)
    assert (counts["partners met vuur"], counts["partners met een vonk"]) == (1, 0)
    # ... but the month chart shows the vonk for the months before.
    groei = growth_over_time(buurt)
    vonk = next(chart for chart in groei["charts"] if chart["key"] == "vonk")
    assert vonk["values"][-1] == 0 and 1 in vonk["values"]

    partner.enthousiasme.filter(niveau=Niveau.VUUR).delete()
    counts, _ = now_counts(buurt)
    assert (counts["partners met vuur"], counts["partners met een vonk"]) == (0, 1)

    partner.actor.delete()  # the partner and its ratings go with the actor
    assert tellingen.opgeslagen(buurt.pk) == {}


def test_initiatives_activities_and_teams(buurt, coordinator):
    activiteit = f.make_activiteit(buurt, loopt=True)
    initiatief = f.make_initiatief(buurt)
    initiatief.bouwt_voort_op.add(activiteit)
    change_status(initiatief, status=Initiatief.Status.LOOPT, datum=TODAY, door=coordinator)
    partners = [f.make_partner(buurt) for _ in range(2)]
    team = create_team(
        initiatief=initiatief,
        naam="Boodschappen",
        doel="Samen boodschappen doen",
        intensiteit="actief_afstemmen",
        leden=[{"partner": p, "participatieniveau": "adviseren"} for p in partners],
        door=coordinator,
    )
    counts, tegelijk = now_counts(buurt)
    assert counts["initiatieven die voortbouwen op wat er is"] == 1
    assert counts["teams gevormd"] == 1
    assert counts["deelnames begonnen (nu: lopend)"] == 2
    assert tegelijk.lopend == 1

    first, second = Deelname.objects.filter(team=team).order_by("pk")
    change_deelname(first, participatieniveau="meebeslissen", nodig=True, middelen=[])
    end_deelname(second)
    steps, _ = step_overview(buurt)
    rows = {label: row for step in steps for label, *row in step["rijen"]}
    # A changed agreement is neither a join nor a departure; the one who left is.
    assert rows["deelnames begonnen (nu: lopend)"] == [2, 2, 1]
    assert rows["deelnames beëindigd"][:2] == [1, 1]

    activiteit.delete()  # the initiative no longer builds on anything
    counts, _ = now_counts(buurt)
    assert counts["initiatieven die voortbouwen op wat er is"] == 0

    andere = f.make_activiteit(buurt)
    andere.initiatieven.add(initiatief)  # the link from the other side counts too
    assert stored(buurt, "voortbouwend") == 1
    andere.initiatieven.clear()
    assert stored(buurt, "voortbouwend") == 0


def test_counts_stay_in_their_buurt(buurt, other_buurt):
    f.make_actor(buurt)
    f.make_actor(other_buurt)
    f.make_actor(other_buurt)
    assert stored(buurt, "actoren") == 1
    assert stored(other_buurt, "actoren") == 2
    other_buurt.delete()
    assert not Telling.objects.filter(buurt_id=other_buurt.pk).exists()


@pytest.mark.tellingen_mogen_afwijken
def test_the_command_finds_wrong_counts_and_rebuilds_them(buurt):
    f.make_actor(buurt)
    f.make_actor(buurt)
    Actor.objects.filter(buurt=buurt).update(aangemaakt_op=timezone.now() - 400 * DAY)
    Telling.objects.filter(buurt=buurt, sleutel="via_partner").delete()  # nothing to lose
    with pytest.raises(CommandError, match="tellingen kloppen niet"):
        call_command("tellingen", "--controleer", stdout=StringIO())
    assert tellingen.verschillen(buurt)  # checking changed nothing

    out = StringIO()
    call_command("tellingen", "--buurt", buurt.slug, stdout=out)
    assert "opnieuw opgebouwd" in out.getvalue()
    assert tellingen.verschillen(buurt) == {}
    call_command("tellingen", "--controleer", stdout=StringIO())
    counts, _ = now_counts(buurt)
    assert counts["actoren gekend"] == 2
    steps, _ = step_overview(buurt)
    assert steps[0]["rijen"][0][1:3] == (0, 0)  # entered 400 days ago: not in 3 or 12 months

    with pytest.raises(CommandError, match="Geen buurt"):
        call_command("tellingen", "--buurt", "bestaat-niet", stdout=StringIO())


def test_reading_the_counts_costs_the_same_queries_for_any_number_of_rows(
    buurt, django_assert_num_queries
):
    f.make_actor(buurt)
    with django_assert_num_queries(3):
        step_overview(buurt)
    for _ in range(30):
        f.make_partner(buurt)
    with django_assert_num_queries(3):
        step_overview(buurt)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writes, so they cannot race; run with DATABASE_URL",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_writes_are_all_counted():
    buurt = f.make_buurt()
    at_once = 8
    start = threading.Barrier(at_once)

    def write(i):
        try:
            start.wait()
            for _ in range(5):
                f.make_actor(buurt)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert stored(buurt, "actoren") == at_once * 5
    assert tellingen.verschillen(buurt) == {}


def test_vonk_and_vuur_per_period_from_the_counts_equal_counting_the_ratings(buurt):
    from initiatieven.groei import _growth, _vonk_en_vuur, last_months

    levels = [Niveau.VONK, Niveau.VUUR, Niveau.GEEN]
    for i in range(12):
        partner = f.make_partner(buurt)
        for j in range(i % 4):
            Enthousiasme.objects.create(
                partner=partner, niveau=levels[(i + j) % 3], datum=TODAY - (i * 17 + j * 45) * DAY
            )
    periods = [last_months(TODAY, 3), last_months(TODAY, 12), (TODAY - 30 * DAY, TODAY)]
    enthousiasme = Enthousiasme.objects.in_buurt(buurt)
    counted = _growth(
        buurt,
        periods,
        {
            key: (enthousiasme.filter(niveau=key), "datum", "partner__actor__buurt")
            for key in (Niveau.VONK, Niveau.VUUR)
        },
    )
    assert _vonk_en_vuur(buurt, periods, TODAY) == {
        "vonk": counted["vonk"],
        "vuur": counted["vuur"],
    }
    assert any(counted["vonk"]) and any(counted["vuur"])

    # A rating dated after a period's end: the ratings themselves are counted.
    partner = f.make_partner(buurt)
    Enthousiasme.objects.create(partner=partner, niveau=Niveau.VONK, datum=TODAY - 5 * DAY)
    Enthousiasme.objects.create(partner=partner, niveau=Niveau.VONK, datum=TODAY + 3 * DAY)
    period = [(TODAY - 10 * DAY, TODAY)]
    vonk = enthousiasme.filter(niveau=Niveau.VONK)
    counted = _growth(buurt, period, {"vonk": (vonk, "datum", "partner__actor__buurt")})
    assert _vonk_en_vuur(buurt, period, TODAY)["vonk"] == counted["vonk"]
    assert counted["vonk"][0] >= 1


def test_step_one_reads_kinds_and_introducers_from_the_counts(buurt):
    a, b, c = (f.make_actor(buurt) for _ in range(3))
    for introducer, n in ((b, 2), (a, 2), (c, 1)):
        for _ in range(n):
            f.make_actor(buurt, soort=Actor.Soort.BEWONER, aangebracht_door=introducer)
    assert tellingen.meeste_aangebracht(buurt, 2) == [(a.pk, 2), (b.pk, 2)]  # ties by id
    assert tellingen.meeste_aangebracht(buurt, 8)[-1] == (c.pk, 1)
    assert tellingen.per_soort(buurt) == {"vereniging": 3, "bewoner": 5}
    Actor.objects.get(pk=c.pk).delete()  # the one it brought in stays, introduced by no one
    assert [pk for pk, _n in tellingen.meeste_aangebracht(buurt, 8)] == [a.pk, b.pk]
