"""The network measures of every actor, computed as het bos computes them (networkx), on
the day of the export."""

from django.utils.translation import gettext_lazy as _

from buurt.models import Actor
from initiatieven import netwerk

from ..schema import Column, Table, buurt_column
from .actoren import PSEUDONYM_HELP


def _maten(buurten):
    for buurt in buurten:
        g = netwerk.bouw(buurt)
        actoren = Actor.objects.in_buurt(buurt).order_by("pk").values_list("pk", flat=True)
        for pk in actoren.iterator():
            m = g.maten.get(pk)
            if m is None:
                yield (pk, buurt.slug, 0, 0, 0.0, None, None, False, True)
                continue
            grootte = len(g.groepen[m.groep - 1]) if m.groep else 1
            yield (
                pk, buurt.slug, m.relaties, m.teams, round(m.betweenness, 6), m.groep or None,
                grootte, m.snijpunt, False,
            )  # fmt: skip


TABLES = (
    Table(
        "network_measures",
        _("netwerkmaten"),
        "Each actor's place in the network on the day of the export. Two actors are connected "
        "by a running relation or by taking part in the same team (a running membership of a "
        "team whose initiative has not ended). The network itself: network.graphml.",
        Actor,
        (
            Column("actor", "pk", "string", PSEUDONYM_HELP, pseudonym=True, required=True),
            buurt_column("buurt"),
            Column("relaties", "relaties", "integer", "Running relations.", required=True),
            Column("teams", "teams", "integer", "Teams the actor takes part in.", required=True),
            Column(
                "betweenness",
                "betweenness",
                "number",
                "Betweenness centrality (networkx, normalised over the buurt's connected "
                "actors): the share of shortest paths between other actors that pass through "
                "this one. Exact in groups of up to 60 actors; in larger groups estimated from "
                "48 sampled sources with a fixed seed.",
                required=True,
            ),
            Column(
                "groep",
                "groep",
                "integer",
                "Connected component (eiland) of two or more actors, 1 for the largest; "
                "empty for an actor on their own.",
            ),
            Column("groep_grootte", "groep_grootte", "integer", "Actors in that component."),
            Column(
                "snijpunt",
                "snijpunt",
                "boolean",
                "True when the component falls apart without this actor (an articulation point).",
                required=True,
            ),
            Column(
                "geisoleerd",
                "geisoleerd",
                "boolean",
                "True for an actor with no running relation and no team.",
                required=True,
            ),
        ),
        "buurt",
        compute=_maten,
    ),
)
