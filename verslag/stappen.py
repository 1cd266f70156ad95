"""The four steps in the report's period, beyond the dashboard's counts: actors per kind,
who gained a spark or fire, the chances taken up and the teams' make-up.

Every part runs a fixed number of queries and lists at most a few rows, with a count of
the rest, whatever the size of the buurt.
"""

import datetime
from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor
from initiatieven.groei import start_of_day
from initiatieven.models import Deelname, Kansstatus, Participatieniveau, Team
from partners.models import Enthousiasme, Niveau, Partner

from .namen import publieke_naam

MAX_GESTEGEN = 8
MAX_KANSEN = 6
MAX_TEAMS = 8
RANG = {None: 0, Niveau.GEEN: 1, Niveau.VONK: 2, Niveau.VUUR: 3}


def actoren_per_soort(buurt, van, tot):
    """Per kind of actor: how many became known in the period, and how many were known at
    its end. One query."""
    begin, einde = start_of_day(van), start_of_day(tot + datetime.timedelta(days=1))
    rows = (
        Actor.objects.in_buurt(buurt)
        .filter(aangemaakt_op__lt=einde)
        .order_by()
        .values("soort")
        .annotate(totaal=Count("*"), nieuw=Count("pk", filter=Q(aangemaakt_op__gte=begin)))
    )
    counts = {row["soort"]: row for row in rows}
    return [
        {
            "label": label,
            "nieuw": counts.get(soort, {}).get("nieuw", 0),
            "totaal": counts.get(soort, {}).get("totaal", 0),
        }
        for soort, label in Actor.Soort.choices
    ]


def enthousiasme(buurt, van, tot, volledig):
    """Partners with a spark and with fire on the eve of the period and at its end, and the
    partners whose enthusiasm rose in it (the highest climbs first).

    One pass over the buurt's ratings up to the end, oldest first, then one query for the
    names of those listed.
    """
    ratings = (
        Enthousiasme.objects.in_buurt(buurt)
        .filter(datum__lte=tot)
        .order_by("datum", "id")
        .values_list("partner_id", "niveau", "datum")
    )
    levels, before = {}, None
    for partner_id, niveau, datum in ratings.iterator(chunk_size=5000):
        if before is None and datum >= van:
            before = dict(levels)
        levels[partner_id] = niveau
    if before is None:
        before = dict(levels)
    gestegen = sorted(
        (
            (RANG[niveau] - RANG[before.get(pk)], pk)
            for pk, niveau in levels.items()
            if RANG[niveau] > RANG[before.get(pk)] and niveau != Niveau.GEEN
        ),
        key=lambda climb: (-climb[0], climb[1]),
    )
    shown = [pk for _climb, pk in gestegen[:MAX_GESTEGEN]]
    partners = Partner.objects.filter(pk__in=shown).select_related("actor").in_bulk()
    labels = dict(Niveau.choices)
    niet = _("nog niet ingeschat")
    begin, einde = Counter(before.values()), Counter(levels.values())
    return {
        "rijen": [
            {
                "label": _("partners met een vonk"),
                "begin": begin[Niveau.VONK],
                "einde": einde[Niveau.VONK],
            },
            {
                "label": _("partners met vuur"),
                "begin": begin[Niveau.VUUR],
                "einde": einde[Niveau.VUUR],
            },
        ],
        "gestegen": [
            {
                "naam": publieke_naam(partners[pk].actor, volledig),
                "van": labels.get(before.get(pk), niet),
                "naar": labels[levels[pk]],
            }
            for pk in shown
            if pk in partners
        ],
        "gestegen_meer": len(gestegen) - len(shown),
    }


def kansen(buurt, van, tot):
    """The chances of step 3 taken up in the period: pairs of activities marked connected
    or discussed, counted once each, and the latest connected ones. Three queries."""
    in_period = Kansstatus.objects.in_buurt(buurt).filter(
        op__gte=start_of_day(van), op__lt=start_of_day(tot + datetime.timedelta(days=1))
    )

    def pairs(status):
        return in_period.filter(status=status).values("activiteit_a", "activiteit_b").distinct()

    verbonden = list(
        in_period.filter(status=Kansstatus.Status.VERBONDEN)
        .select_related("activiteit_a", "activiteit_b")
        .order_by("-op", "-id")[: MAX_KANSEN * 2]
    )
    seen, shown = set(), []
    for record in verbonden:
        key = (record.activiteit_a_id, record.activiteit_b_id)
        if key not in seen and len(shown) < MAX_KANSEN:
            seen.add(key)
            shown.append(record)
    aantal_verbonden = pairs(Kansstatus.Status.VERBONDEN).count()
    return {
        "verbonden": aantal_verbonden,
        "besproken": pairs(Kansstatus.Status.BESPROKEN).count(),
        "lijst": shown,
        "meer": aantal_verbonden - len(shown),
    }


def teams(buurt, van, tot):
    """The teams with the most members at the end of the period: for each, its initiative,
    the members by agreed level, who joined and who left in the period. Three queries."""
    lopend = Q(deelnames__toegetreden_op__lte=tot) & (
        Q(deelnames__vertrokken_op__isnull=True) | Q(deelnames__vertrokken_op__gt=tot)
    )
    bestaand = Team.objects.in_buurt(buurt).filter(
        aangemaakt_op__lt=start_of_day(tot + datetime.timedelta(days=1))
    )
    gekozen = list(
        bestaand.annotate(leden=Count("deelnames__partner", filter=lopend, distinct=True))
        .select_related("initiatief")
        .order_by("-leden", "naam", "id")[:MAX_TEAMS]
    )
    aantal = bestaand.count()
    rows = (
        Deelname.objects.filter(team__in=gekozen, toegetreden_op__lte=tot)
        .order_by("team_id", "partner_id", "toegetreden_op", "id")
        .values_list("team_id", "partner_id", "participatieniveau", "toegetreden_op",
                     "vertrokken_op", "einde")
    )  # fmt: skip
    per_team = {team.pk: _Samenstelling() for team in gekozen}
    for team_id, partner_id, niveau, begon, eindigde, einde in rows:
        per_team[team_id].add(partner_id, niveau, begon, eindigde, einde, van, tot)
    labels = dict(Participatieniveau.choices)
    return {
        "lijst": [
            {
                "team": team,
                "leden": team.leden,
                "niveaus": [
                    (labels[niveau], n)
                    for niveau in Participatieniveau.values
                    if (n := per_team[team.pk].niveaus[niveau])
                ],
                "nieuw": len(per_team[team.pk].nieuw),
                "vertrokken": len(per_team[team.pk].vertrokken),
            }
            for team in gekozen
        ],
        "aantal": aantal,
        "meer": aantal - len(gekozen),
    }


class _Samenstelling:
    """One team's memberships, oldest first, read into its make-up at the period's end."""

    def __init__(self):
        self.niveaus = Counter()
        self.gezien, self.nieuw, self.vertrokken = set(), set(), set()

    def add(self, partner_id, niveau, begon, eindigde, einde, van, tot):
        if partner_id not in self.gezien and begon >= van:
            self.nieuw.add(partner_id)  # their first membership of this team began in it
        self.gezien.add(partner_id)
        if eindigde is None or eindigde > tot:
            self.niveaus[niveau] += 1
        elif eindigde >= van and einde != Deelname.Einde.GEWIJZIGD:
            self.vertrokken.add(partner_id)
