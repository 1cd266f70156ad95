"""Initiatives in the report's period: by kind, with their status changes; the scale
question of kind 3 and its answers; the participation ladder, preferred against agreed.

Each part is a fixed number of queries and lists only the most telling rows.
"""

import datetime

from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from initiatieven.groei import start_of_day
from initiatieven.models import (
    Deelname,
    Initiatief,
    Participatieniveau,
    Statuswijziging,
    Voorkeur,
)

MAX_PER_SOORT = 6
MAX_WIJZIGINGEN = 4  # status changes shown per initiative
MAX_SCHAAL = 8
LADDER_REGEL = 12  # the height of one rung in the ladder's chart
LADDER_BREEDTE = 200  # the longest bar


def per_soort(buurt, van, tot, volledig):
    """For each of the three kinds: how many initiatives there are per status now, how many
    changed status in the period, and those with the most changes (the latest first), each
    with its changes in the period and the status before each. Five queries."""
    initiatieven = Initiatief.objects.in_buurt(buurt)
    per_status = _per_status(initiatieven.values_list("soort", "status").annotate(n=Count("*")))
    in_period = Statuswijziging.objects.filter(
        initiatief=OuterRef("pk"), datum__gte=van, datum__lte=tot
    )
    gewijzigd = initiatieven.filter(Exists(in_period))
    aantal_gewijzigd = dict(gewijzigd.order_by().values_list("soort").annotate(n=Count("*")))
    counted = gewijzigd.annotate(
        n_wijzigingen=Count(
            "statuswijzigingen",
            filter=Q(statuswijzigingen__datum__gte=van, statuswijzigingen__datum__lte=tot),
        ),
        laatste=Max("statuswijzigingen__datum"),
    ).order_by("-n_wijzigingen", "-laatste", "naam", "id")
    # One query for the first few of every kind: a window would do it in SQL, but three
    # slices of an indexed, filtered set stay small at any size.
    gekozen_ids = []
    for soort in Initiatief.Soort.values:
        gekozen_ids += list(
            counted.filter(soort=soort).values_list("pk", flat=True)[:MAX_PER_SOORT]
        )
    vorige = Statuswijziging.objects.filter(initiatief=OuterRef("initiatief")).filter(
        Q(datum__lt=OuterRef("datum")) | Q(datum=OuterRef("datum"), id__lt=OuterRef("id"))
    )
    wijzigingen = (
        Statuswijziging.objects.filter(datum__gte=van, datum__lte=tot)
        .annotate(vorige=Subquery(vorige.order_by("-datum", "-id").values("status")[:1]))
        .order_by("datum", "id")
    )
    gekozen = counted.filter(pk__in=gekozen_ids).prefetch_related(
        Prefetch("statuswijzigingen", wijzigingen, to_attr="in_periode")
    )
    labels = dict(Initiatief.Status.choices)
    by_soort = {soort: [] for soort in Initiatief.Soort.values}
    for initiatief in gekozen:
        changes = initiatief.in_periode
        initiatief.getoond = [
            {
                "datum": w.datum,
                "van": labels.get(w.vorige, ""),
                "naar": labels[w.status],
                "reden": w.reden if volledig else "",
            }
            for w in changes[-MAX_WIJZIGINGEN:]
        ]
        initiatief.niet_getoond = len(changes) - len(initiatief.getoond)
        by_soort[initiatief.soort].append(initiatief)
    return [
        {
            "soort": soort,
            "label": label,
            "aantal": sum(per_status[soort].values()),
            "per_status": [
                (labels[status], per_status[soort][status])
                for status in Initiatief.Status.values
                if per_status[soort][status]
            ],
            "gewijzigd": aantal_gewijzigd.get(soort, 0),
            "lijst": by_soort[soort],
            "meer": aantal_gewijzigd.get(soort, 0) - len(by_soort[soort]),
        }
        for soort, label in Initiatief.Soort.choices
    ]


def _per_status(rows):
    counts = {
        soort: dict.fromkeys(Initiatief.Status.values, 0) for soort in Initiatief.Soort.values
    }
    for soort, status, n in rows.order_by():
        counts[soort][status] = n
    return counts


def schaal(buurt, volledig):
    """Kind 3, integrated care at buurt level, is asked whether the buurt is its right
    scale: how many answered what, and the initiatives still going with their answer (and,
    for coordinators, its motivation). Three queries."""
    zorg = Initiatief.objects.in_buurt(buurt).filter(soort=Initiatief.SCHAAL_SOORT)
    antwoorden = dict(zorg.order_by().values_list("schaal_antwoord").annotate(n=Count("*")))
    lijst = list(zorg.niet_beeindigd().order_by("naam", "id")[:MAX_SCHAAL])
    for initiatief in lijst:
        initiatief.toelichting = initiatief.schaal_toelichting if volledig else ""
    aantal = sum(antwoorden.values())
    return {
        "vraag": Initiatief.VRAGEN[Initiatief.SCHAAL_SOORT],
        "antwoorden": [
            (label, antwoorden.get(waarde, 0)) for waarde, label in Initiatief.Schaal.choices
        ]
        + [(None, antwoorden.get("", 0))],
        "aantal": aantal,
        "lijst": lijst,
        "meer": zorg.niet_beeindigd().count() - len(lijst),
    }


def ladder(buurt, tot):
    """The participation ladder at the end of the period: per rung, how many running
    memberships were agreed there and how many of their partners prefer it (for that team,
    else in general, the latest preference up to then); and how many want more, less or
    what was agreed. One query."""
    lopend = (
        Deelname.objects.in_buurt(buurt)
        .filter(toegetreden_op__lte=tot)
        .filter(Q(vertrokken_op__isnull=True) | Q(vertrokken_op__gt=tot))
    )
    eind = {"datum__lt": start_of_day(tot + datetime.timedelta(days=1))}
    per_team = Voorkeur.objects.filter(partner=OuterRef("partner"), team=OuterRef("team"), **eind)
    algemeen = Voorkeur.objects.filter(partner=OuterRef("partner"), team__isnull=True, **eind)
    rows = (
        lopend.annotate(
            gewenst=Coalesce(
                Subquery(per_team.order_by("-datum", "-id").values("participatieniveau")[:1]),
                Subquery(algemeen.order_by("-datum", "-id").values("participatieniveau")[:1]),
                Value(""),
            ),
            afgesproken=F("participatieniveau"),
        )
        .order_by()
        .values_list("afgesproken", "gewenst")
        .annotate(n=Count("*"))
    )
    rang = Participatieniveau.rank
    afgesproken, gewenst = (
        dict.fromkeys(Participatieniveau.values, 0),
        dict.fromkeys(Participatieniveau.values, 0),
    )
    kloof = {"meer": 0, "minder": 0, "gelijk": 0, "onbekend": 0}
    for agreed, preferred, n in rows:
        afgesproken[agreed] += n
        if not preferred:
            kloof["onbekend"] += n
            continue
        gewenst[preferred] += n
        verschil = rang(preferred) - rang(agreed)
        kloof["meer" if verschil > 0 else "minder" if verschil < 0 else "gelijk"] += n
    top = max([*afgesproken.values(), *gewenst.values(), 1])
    return {
        "hoogte": LADDER_REGEL * len(Participatieniveau.values),
        "treden": [
            {
                "y": i * LADDER_REGEL,
                "label": label,
                "afgesproken": afgesproken[waarde],
                "gewenst": gewenst[waarde],
                "breedte_afgesproken": round(LADDER_BREEDTE * afgesproken[waarde] / top, 1),
                "breedte_gewenst": round(LADDER_BREEDTE * gewenst[waarde] / top, 1),
            }
            for i, (waarde, label) in enumerate(Participatieniveau.choices)
        ],
        "kloof": kloof,
        "deelnames": sum(afgesproken.values()),
    }
