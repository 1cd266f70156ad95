from datetime import date

import pytest
from django.utils import timezone

from buurt import tellingen
from buurt.bulk import copy_rows
from buurt.models import Actor
from initiatieven.models import Deelname

from .. import factories as f

pytestmark = pytest.mark.django_db


def test_copy_rows_writes_dates_nulls_and_json_as_the_orm_reads_them():
    buurt = f.make_buurt()
    team = f.make_team(f.make_initiatief(buurt))
    partners = [f.make_partner(buurt) for _ in range(2)]
    columns = ["team_id", "partner_id", "participatieniveau", "nodig", "middelen"]
    columns += ["toegetreden_op", "vertrokken_op"]
    rows = [
        (team.pk, partners[0].pk, "adviseren", True, ["tijd", "ruimte"], date(2025, 3, 1), None),
        (team.pk, partners[1].pk, "meebeslissen", False, [], date(2025, 4, 1), date(2025, 9, 1)),
    ]
    assert copy_rows(Deelname, columns, rows) == 2
    tellingen.herbereken(buurt)  # COPY sends no signals: what its callers do
    first, second = Deelname.objects.filter(team=team).order_by("toegetreden_op")
    assert (first.partner, first.middelen, first.vertrokken_op) == (
        partners[0],
        ["tijd", "ruimte"],
        None,
    )
    assert (second.nodig, second.middelen, second.vertrokken_op) == (False, [], date(2025, 9, 1))


def test_copy_rows_takes_field_names_and_a_generator():
    buurt = f.make_buurt()
    now = timezone.now()
    columns = ["buurt", "naam", "soort", "sector", "omschrijving", "email", "telefoon", "adres"]
    columns += ["aangemaakt_op", "gewijzigd_op"]
    rows = (
        (buurt.pk, f"Actor {i}", "bewoner", "buurt", "", "", "", "", now, now) for i in range(3)
    )
    assert copy_rows(Actor, columns, rows) == 3
    tellingen.herbereken(buurt)
    assert sorted(Actor.objects.in_buurt(buurt).values_list("naam", flat=True)) == [
        "Actor 0",
        "Actor 1",
        "Actor 2",
    ]


def test_copy_rows_of_no_rows_writes_nothing():
    assert copy_rows(Actor, ["buurt", "naam"], []) == 0
    assert not Actor.objects.exists()
