"""Meetings and actions: the rules the database and clean() hold."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from overleg.models import Actie, Deelnemer, Overleg
from tests import factories as f

BRUSSEL = ZoneInfo("Europe/Brussels")


def moment(*args):
    return datetime(*args, tzinfo=BRUSSEL)


def make_overleg(buurt, **extra):
    extra.setdefault("titel", "Partneroverleg")
    extra.setdefault("begint_op", moment(2026, 3, 10, 19, 30))
    return Overleg.objects.create(buurt=buurt, **extra)


@pytest.fixture
def partner(buurt):
    return f.make_partner(buurt, "Vzw Samen")


def test_meeting_cannot_have_both_team_and_initiative(buurt):
    initiatief = f.make_initiatief(buurt)
    team = f.make_team(initiatief)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_overleg(buurt, team=team, initiatief=initiatief)


def test_meeting_cannot_end_before_it_begins(buurt):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_overleg(buurt, eindigt_op=moment(2026, 3, 10, 18, 0))
    overleg = Overleg(buurt=buurt, titel="x", begint_op=moment(2026, 3, 10, 19, 30))
    overleg.eindigt_op = overleg.begint_op
    with pytest.raises(ValidationError) as error:
        overleg.full_clean()
    assert "eindigt_op" in error.value.message_dict


def test_clean_refuses_team_of_another_buurt(buurt, other_buurt):
    team = f.make_team(f.make_initiatief(other_buurt))
    overleg = Overleg(buurt=buurt, titel="x", begint_op=moment(2026, 3, 10, 19, 30), team=team)
    with pytest.raises(ValidationError) as error:
        overleg.full_clean()
    assert error.value.message_dict["team"] == ["Kies een team uit deze buurt."]


def test_partner_of_another_buurt_is_no_attendee(buurt, other_buurt):
    overleg = make_overleg(buurt)
    vreemde = f.make_partner(other_buurt)
    with pytest.raises(ValidationError):
        Deelnemer(overleg=overleg, partner=vreemde).full_clean()


def test_action_is_for_a_partner_or_a_coordinator_not_both(buurt, partner, coordinator):
    with pytest.raises(IntegrityError), transaction.atomic():
        Actie.objects.create(
            buurt=buurt, wat="x", tegen=date(2026, 4, 1), partner=partner, coordinator=coordinator
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Actie.objects.create(buurt=buurt, wat="x", tegen=date(2026, 4, 1))


def test_action_done_before_it_was_created_is_refused(buurt, partner):
    created = moment(2026, 3, 10, 12, 0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Actie.objects.create(
            buurt=buurt,
            wat="x",
            tegen=date(2026, 4, 1),
            partner=partner,
            aangemaakt_op=created,
            gedaan_op=date(2026, 3, 8),
        )
    actie = Actie(
        buurt=buurt, wat="x", tegen=date(2026, 4, 1), partner=partner, aangemaakt_op=created
    )
    actie.gedaan_op = date(2026, 3, 9)
    with pytest.raises(ValidationError) as error:
        actie.full_clean()
    assert "vóór ze werd aangemaakt" in error.value.message_dict["gedaan_op"][0]
    actie.gedaan_op = date(2026, 3, 10)
    actie.full_clean()
    actie.save()


def test_done_on_the_local_day_of_creation_just_after_midnight(buurt, partner):
    # 00:30 in Brussels is still the day before in UTC: the database must not refuse it.
    actie = Actie.objects.create(
        buurt=buurt,
        wat="x",
        tegen=date(2026, 4, 1),
        partner=partner,
        aangemaakt_op=moment(2026, 3, 10, 0, 30),
        gedaan_op=date(2026, 3, 10),
    )
    actie.full_clean()


def test_querysets_open_late_and_per_partner(buurt, partner, coordinator):
    today = date(2026, 3, 20)
    late = Actie.objects.create(
        buurt=buurt, wat="laat", tegen=today - timedelta(1), partner=partner
    )
    Actie.objects.create(buurt=buurt, wat="op tijd", tegen=today, coordinator=coordinator)
    Actie.objects.create(
        buurt=buurt,
        wat="gedaan",
        tegen=today - timedelta(5),
        partner=partner,
        aangemaakt_op=moment(2026, 3, 1, 9, 0),
        gedaan_op=today,
    )
    assert list(Actie.objects.in_buurt(buurt).te_laat(today)) == [late]
    assert Actie.objects.in_buurt(buurt).open().count() == 2
    assert Actie.objects.voor_partner(partner).open().get() == late


def test_upcoming_and_past_meetings(buurt):
    now = moment(2026, 3, 10, 20, 0)
    lopend = make_overleg(buurt, titel="Loopt nog", eindigt_op=moment(2026, 3, 10, 21, 0))
    voorbij = make_overleg(buurt, titel="Voorbij", begint_op=moment(2026, 3, 1, 19, 0))
    komend = make_overleg(buurt, titel="Komend", begint_op=moment(2026, 3, 20, 19, 0))
    assert set(Overleg.objects.komend(now)) == {lopend, komend}
    assert set(Overleg.objects.voorbij(now)) == {voorbij}
