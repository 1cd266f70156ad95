"""Teams over time: members join, leave and change their agreement on a date; nothing is
deleted, so the team's make-up on any past date and its history can be shown, and nothing
counts a partner twice after a changed agreement."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coordinatie.progress import step_overview
from initiatieven import bomen, bos, teams
from initiatieven.models import Deelname, Teamintensiteit
from partnerportaal.views import _sections
from tests import factories as f

from .teamdata import ago, make_team, writes

TODAY = timezone.localdate


def test_a_partner_joins_from_today_by_default(buurt):
    team, partner = make_team(buurt), f.make_partner(buurt, "Okra")
    deelname = teams.add_deelname(team, partner, participatieniveau="adviseren", middelen=["tijd"])
    assert (deelname.toegetreden_op, deelname.vertrokken_op, deelname.einde) == (TODAY(), None, "")
    assert (deelname.participatieniveau, deelname.nodig, deelname.middelen) == (
        "adviseren",
        True,
        ["tijd"],
    )


@pytest.mark.parametrize(
    "case, message",
    [
        ("other_buurt", "Kies een partner uit dezelfde buurt."),
        ("member", "Okra is al lid van dit team."),
        ("future", "in de toekomst"),
        ("overlap", "lid van dit team: kies die datum of later"),
    ],
)
def test_a_refused_join_writes_nothing(buurt, other_buurt, case, message):
    team = make_team(buurt)
    okra = f.make_partner(other_buurt if case == "other_buurt" else buurt, "Okra")
    day = ago(5)
    if case == "member":
        f.make_deelname(team, okra, toegetreden_op=ago(30))
    if case == "future":
        day = TODAY() + timedelta(days=1)
    if case == "overlap":
        f.make_deelname(
            team, okra, toegetreden_op=ago(30), vertrokken_op=ago(3), einde="vertrokken"
        )
    before = writes()
    with pytest.raises(ValidationError) as error:
        teams.add_deelname(team, okra, participatieniveau="informeren", toegetreden_op=day)
    assert message in str(error.value)
    assert writes() == before


def test_a_partner_who_left_can_join_again_from_the_day_they_left(buurt):
    team, okra = make_team(buurt), f.make_partner(buurt, "Okra")
    f.make_deelname(team, okra, toegetreden_op=ago(30), vertrokken_op=ago(10), einde="vertrokken")
    again = teams.add_deelname(team, okra, participatieniveau="adviseren", toegetreden_op=ago(10))
    assert Deelname.objects.filter(team=team, partner=okra).count() == 2
    assert list(Deelname.objects.actief()) == [again]


def test_leaving_closes_the_membership_and_keeps_it(buurt):
    deelname = f.make_deelname(make_team(buurt), f.make_partner(buurt), toegetreden_op=ago(30))
    teams.end_deelname(deelname, vertrokken_op=ago(2))
    deelname.refresh_from_db()
    assert (deelname.vertrokken_op, deelname.einde) == (ago(2), "vertrokken")
    assert Deelname.objects.count() == 1
    assert not Deelname.objects.actief().exists()


@pytest.mark.parametrize(
    "day, message",
    [
        (lambda: TODAY() + timedelta(days=1), "in de toekomst"),
        (lambda: ago(31), "De vertrekdatum ligt vóór de datum van toetreden"),
    ],
)
def test_a_refused_leave_writes_nothing(buurt, day, message):
    deelname = f.make_deelname(make_team(buurt), f.make_partner(buurt), toegetreden_op=ago(30))
    before = writes()
    with pytest.raises(ValidationError) as error:
        teams.end_deelname(deelname, vertrokken_op=day())
    assert message in str(error.value)
    assert writes() == before
    deelname.refresh_from_db()
    assert deelname.vertrokken_op is None


def test_a_membership_ended_meanwhile_is_not_ended_again(buurt):
    deelname = f.make_deelname(make_team(buurt), f.make_partner(buurt), toegetreden_op=ago(30))
    stale = Deelname.objects.get(pk=deelname.pk)
    teams.end_deelname(deelname, vertrokken_op=ago(5))
    with pytest.raises(ValidationError, match="al afgesloten"):
        teams.end_deelname(stale, vertrokken_op=ago(1))
    deelname.refresh_from_db()
    assert deelname.vertrokken_op == ago(5)


def test_a_changed_agreement_ends_the_old_membership_and_starts_a_new_one_that_day(buurt):
    old = f.make_deelname(
        make_team(buurt),
        f.make_partner(buurt),
        "raadplegen",
        middelen=["tijd"],
        toegetreden_op=ago(30),
    )
    new = teams.change_deelname(
        old,
        participatieniveau="coproduceren",
        nodig=False,
        middelen=["tijd", "ruimte"],
        datum=ago(4),
    )
    old.refresh_from_db()
    assert (old.vertrokken_op, old.einde, old.participatieniveau) == (
        ago(4),
        "gewijzigd",
        "raadplegen",
    )
    assert (new.toegetreden_op, new.vertrokken_op, new.participatieniveau, new.nodig) == (
        ago(4),
        None,
        "coproduceren",
        False,
    )
    assert new.middelen == ["tijd", "ruimte"]
    assert (new.team_id, new.partner_id) == (old.team_id, old.partner_id)


def test_a_change_on_the_day_a_membership_started_is_kept_as_history_too(buurt):
    old = f.make_deelname(make_team(buurt), f.make_partner(buurt), "raadplegen")
    teams.change_deelname(old, participatieniveau="adviseren", nodig=True, middelen=[])
    assert Deelname.objects.count() == 2
    assert Deelname.objects.actief().get().participatieniveau == "adviseren"


@pytest.mark.parametrize(
    "values, message",
    [
        (
            {"participatieniveau": "raadplegen", "middelen": ["ruimte", "tijd"]},
            "Er verandert niets",
        ),
        ({"datum": TODAY() + timedelta(days=1)}, "in de toekomst"),
        ({"datum": ago(31)}, "De deelname begon pas op"),
    ],
)
def test_a_refused_change_writes_nothing(buurt, values, message):
    deelname = f.make_deelname(
        make_team(buurt),
        f.make_partner(buurt),
        "raadplegen",
        middelen=["tijd", "ruimte"],
        toegetreden_op=ago(30),
    )
    before = writes()
    with pytest.raises(ValidationError) as error:
        teams.change_deelname(
            deelname,
            **{"participatieniveau": "adviseren", "nodig": True, "middelen": [], **values},
        )
    assert message in str(error.value)
    assert writes() == before
    deelname.refresh_from_db()
    assert (deelname.vertrokken_op, deelname.einde) == (None, "")


def test_the_make_up_on_a_past_date_counts_who_was_a_member_that_day(buurt):
    team = make_team(buurt)
    okra, ocmw, kaai = (f.make_partner(buurt, naam) for naam in ("Okra", "OCMW", "De Kaai"))
    f.make_deelname(team, okra, toegetreden_op=ago(100), vertrokken_op=ago(50), einde="vertrokken")
    eerst = f.make_deelname(team, ocmw, "raadplegen", toegetreden_op=ago(80))
    later = teams.change_deelname(
        eerst, participatieniveau="meebeslissen", nodig=True, middelen=[], datum=ago(20)
    )
    f.make_deelname(team, kaai, toegetreden_op=ago(10))
    rows = list(team.deelnames.select_related("partner__actor"))

    def names(day):
        return [(str(d.partner), d.participatieniveau) for d in teams.samenstelling_op(rows, day)]

    assert names(ago(101)) == []
    assert names(ago(60)) == [("OCMW", "raadplegen"), ("Okra", "adviseren")]
    assert names(ago(50)) == [("OCMW", "raadplegen")]  # left that day: no longer a member
    assert names(ago(20)) == [("OCMW", "meebeslissen")]  # the new agreement only, once
    assert names(TODAY()) == [("De Kaai", "adviseren"), ("OCMW", "meebeslissen")]
    assert later.pk != eerst.pk


def test_the_history_lists_joins_leaves_changes_and_intensities_newest_first(buurt):
    team = make_team(buurt)
    okra, ocmw = f.make_partner(buurt, "Okra"), f.make_partner(buurt, "OCMW")
    Teamintensiteit.objects.create(team=team, intensiteit="doorverwijzen", datum=ago(90))
    f.make_deelname(team, okra, "informeren", toegetreden_op=ago(90), middelen=[])
    ocmw_lid = f.make_deelname(team, ocmw, "adviseren", toegetreden_op=ago(60))
    changed = teams.change_deelname(
        Deelname.objects.get(partner=okra),
        participatieniveau="coproduceren",
        nodig=True,
        middelen=["tijd"],
        datum=ago(30),
    )
    Teamintensiteit.objects.create(team=team, intensiteit="actief_afstemmen", datum=ago(20))
    teams.end_deelname(ocmw_lid, vertrokken_op=ago(10))
    events = teams.geschiedenis(
        list(team.deelnames.select_related("partner__actor")), list(team.intensiteiten.all())
    )
    summary = [(e.datum, e.soort, e.wie, e.oud, e.nieuw) for e in events]
    assert summary == [
        (ago(10), "vertrokken", "OCMW", "", ""),
        (ago(20), "intensiteit", "", "doorverwijzen", "actief afstemmen"),
        (ago(30), "gewijzigd", "Okra", "informeren", "coproduceren"),
        (ago(60), "toegetreden", "OCMW", "", "adviseren"),
        (ago(90), "intensiteit", "", "", "doorverwijzen"),
        (ago(90), "toegetreden", "Okra", "", "informeren"),
    ]
    assert events[2].details == ["brengt in: — → tijd"]
    assert changed.toegetreden_op == ago(30)


def test_a_changed_agreement_is_no_new_join_nor_a_departure_in_the_counts(buurt):
    team = make_team(buurt)
    deelname = f.make_deelname(team, f.make_partner(buurt), toegetreden_op=ago(30))
    nieuw = teams.change_deelname(
        deelname, participatieniveau="meebeslissen", nodig=True, middelen=[]
    )
    teams.change_deelname(nieuw, participatieniveau="informeren", nodig=True, middelen=[])
    left = f.make_deelname(team, f.make_partner(buurt), toegetreden_op=ago(20))
    teams.end_deelname(left)
    alle = Deelname.objects.in_buurt(buurt)
    assert alle.count() == 4
    assert teams.zonder_voortzettingen(alle).count() == 2
    assert list(teams.vertrokken(alle)) == [left]
    assert alle.actief().count() == 1


def _changed_twice(buurt, team, naam="Okra"):
    """A partner whose agreement changed twice: three rows, one partner."""
    first = f.make_deelname(
        team, f.make_partner(buurt, naam, niveau="vuur"), toegetreden_op=ago(60)
    )
    second = teams.change_deelname(
        first, participatieniveau="coproduceren", nodig=True, middelen=[], datum=ago(40)
    )
    return teams.change_deelname(
        second, participatieniveau="meebeslissen", nodig=True, middelen=["tijd"], datum=ago(20)
    )


def test_the_dashboard_counts_a_changed_agreement_as_one_membership(buurt):
    team = make_team(buurt)
    _changed_twice(buurt, team)
    left = f.make_deelname(team, f.make_partner(buurt), toegetreden_op=ago(30))
    teams.end_deelname(left, vertrokken_op=ago(10))
    rows = {
        label: (drie, twaalf, nu)
        for step in step_overview(buurt)[0]
        for label, drie, twaalf, nu in step["rijen"]
    }
    assert rows["deelnames begonnen (nu: lopend)"] == (2, 2, 1)
    assert rows["deelnames beëindigd"] == (1, 1, None)


def test_step_4_het_bos_and_the_partner_page_show_a_changed_partner_once(buurt, coordinator):
    team = make_team(buurt)
    current = _changed_twice(buurt, team)
    f.make_deelname(team, f.make_partner(buurt, "OCMW"), toegetreden_op=ago(50))
    overzicht = bomen.team_overzichten(bomen.teams_page_queryset(buurt))[0]
    assert [lid.deelname.pk for lid in overzicht.leden if str(lid.deelname.partner) == "Okra"] == [
        current.pk
    ]
    assert [partner.actor.naam for partner, _cells in bomen.partner_matrix([overzicht])] == [
        "OCMW",
        "Okra",
    ]
    kaart = bos.netwerkkaart(buurt, bos.BosFilter.from_query({}))
    assert [sorted(leden) for _naam, leden in kaart.teams] == [["OCMW", "Okra"]]
    sections = _sections(current.partner)
    assert [s["deelname"] for s in sections if s["deelname"]] == [current]
