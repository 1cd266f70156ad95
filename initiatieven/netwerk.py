"""The network of a buurt and its measures, computed with networkx.

Two actors are connected when a relation between them runs today, or when both take part
in the same team (active membership of a team whose initiative has not ended). Every actor
gets its number of relations and teams, its betweenness (the bruggenbouwers), its group (a
connected component: the eilanden) and whether the network falls apart without it (a cut
point); actors without any connection are isolated, and one partner in most teams or
relations is overloaded.

The work is bounded: betweenness is exact on small networks and sampled (k sources, fixed
seed) above ``BETWEENNESS_EXACT_TOT`` actors. The summary is cached per buurt, under a key
that holds the newest timeline entry of the models it is made of: every write and import
records one, so a changed relation or team gives a new key, without signals.
"""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Subquery
from django.utils import timezone

from buurt.models import Actor, Buurt, Relatie, Wijziging
from partners.models import Partner

from .models import Deelname, Initiatief, Team

SEED = 15  # layouts and sampling are seeded: the same data gives the same answers
BETWEENNESS_EXACT_TOT = 60  # actors in one group
BETWEENNESS_K = 48  # sampled sources above that
TOP = 5  # bruggenbouwers, overloaded partners and groups named on the page
GEISOLEERD_LIJST = 12  # isolated actors named (the rest counted)
# Overload: a partner in more than half of the teams (with at least this many teams), or
# holding at least a third of the relations (with at least this many relations).
OVERLOAD_TEAMS_MIN = 3
OVERLOAD_RELATIES_MIN = 6
OVERLOAD_RELATIES_DEEL = 1 / 3
CACHE_SECONDS = 24 * 3600
# The models the network is made of: a write to any of them changes the cache key.
# (The buurt itself: its slug is in the map's links.)
BRONNEN = (Buurt, Actor, Relatie, Partner, Team, Deelname, Initiatief)


@dataclass(slots=True)
class Maat:
    """One actor's place in the network."""

    pk: int
    relaties: int = 0
    teams: int = 0
    betweenness: float = 0.0
    groep: int = 0  # 1 for the largest group; 0 when isolated
    snijpunt: bool = False  # the group falls apart without this actor

    @property
    def verbindingen(self):
        return self.relaties + self.teams


@dataclass
class Graaf:
    """The network as computed: the graph, each connected actor's measures, the groups."""

    graaf: nx.Graph
    maten: dict  # actor pk -> Maat, connected actors only
    groepen: list  # sets of actor pks, largest first, two actors or more
    teams: dict  # team pk -> set of member actor pks
    relaties: int
    benaderd: bool = False


@dataclass
class Actorregel:
    pk: int
    naam: str
    soort: str
    maat: Maat = None
    door: str = ""  # who introduced an isolated actor
    delen: int = 0  # parts its group falls into without it (cut points only)
    groep_grootte: int = 0

    @property
    def soort_label(self):
        return Actor.Soort(self.soort).label


@dataclass
class Overbelasting:
    actor: Actorregel
    teams: int
    van_teams: int
    relaties: int
    van_relaties: int
    door_teams: bool
    door_relaties: bool


@dataclass
class Groep:
    nummer: int
    grootte: int
    kern: list  # Actorregel, the most connected members first


@dataclass
class Netwerk:
    """The summary het bos shows: small, whatever the size of the buurt (it is cached)."""

    actoren: int = 0
    verbonden: int = 0
    relaties: int = 0
    teams: int = 0
    groepen: list = field(default_factory=list)
    aantal_groepen: int = 0
    bruggenbouwers: list = field(default_factory=list)
    overbelast: list = field(default_factory=list)
    geisoleerd: list = field(default_factory=list)
    aantal_geisoleerd: int = 0
    meest_verbonden: list = field(default_factory=list)
    benaderd: bool = False

    @property
    def meer_geisoleerd(self):
        return self.aantal_geisoleerd - len(self.geisoleerd)

    @property
    def meer_groepen(self):
        return self.aantal_groepen - len(self.groepen)

    @property
    def klassen(self):
        """Actor pk -> the CSS classes that mark it on the map."""
        klassen = dict.fromkeys((r.pk for r in self.bruggenbouwers), " brug")
        for o in self.overbelast:
            klassen[o.actor.pk] = klassen.get(o.actor.pk, "") + " overbelast"
        return klassen


def bouw(buurt, today=None):
    """The buurt's network today and every connected actor's measures."""
    today = today or timezone.localdate()
    relaties = list(
        Relatie.objects.in_buurt(buurt).actief(today).order_by().values_list("van_id", "naar_id")
    )
    leden = (
        Deelname.objects.in_buurt(buurt)
        .actief()
        .filter(team__initiatief__in=Initiatief.objects.in_buurt(buurt).niet_beeindigd())
        .order_by()
        .values_list("team_id", "partner__actor_id")
    )
    teams = defaultdict(set)
    for team_id, actor_id in leden:
        teams[team_id].add(actor_id)

    graaf = nx.Graph()
    graaf.add_edges_from(relaties)
    for members in teams.values():
        ordered = sorted(members)
        graaf.add_nodes_from(ordered)
        graaf.add_edges_from(
            (a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :] if a != b
        )
    per_actor = Counter()
    for van, naar in relaties:
        per_actor[van] += 1
        per_actor[naar] += 1
    team_count = Counter(actor for members in teams.values() for actor in members)
    maten = {
        pk: Maat(pk, relaties=per_actor[pk], teams=team_count[pk]) for pk in sorted(graaf.nodes)
    }

    groepen = sorted(
        (c for c in nx.connected_components(graaf) if len(c) > 1),
        key=lambda c: (-len(c), min(c)),
    )
    for nummer, groep in enumerate(groepen, start=1):
        for pk in groep:
            maten[pk].groep = nummer
    for pk in nx.articulation_points(graaf):
        maten[pk].snijpunt = True

    scores, benaderd = _betweenness(graaf, groepen)
    for pk, score in scores.items():
        maten[pk].betweenness = score
    return Graaf(graaf, maten, groepen, dict(teams), len(relaties), benaderd)


def _betweenness(graaf, groepen):
    """Betweenness of every actor in a group of three or more, normalised over the whole
    network; exact in groups up to BETWEENNESS_EXACT_TOT, sampled from BETWEENNESS_K
    sources (fixed seed) in larger ones. So the work stays below about
    max(BETWEENNESS_EXACT_TOT, BETWEENNESS_K) breadth-first searches over the network.

    One call per group, each on a graph of its own: networkx prepares every search over all
    nodes of the graph it is given, and its subgraph views are several times slower to walk.
    """
    scores, benaderd = {}, False
    for groep in groepen:
        if len(groep) < 3:
            continue
        sample = BETWEENNESS_K if len(groep) > BETWEENNESS_EXACT_TOT else None
        benaderd = benaderd or sample is not None
        eigen = nx.Graph(graaf.edges(groep))
        scores.update(
            nx.betweenness_centrality(
                eigen, k=sample, normalized=False, seed=random.Random(SEED) if sample else None
            )
        )
    n = graaf.number_of_nodes()
    schaal = 2 / ((n - 1) * (n - 2)) if n > 2 else 0
    return {pk: score * schaal for pk, score in scores.items()}, benaderd


def samenvatting(buurt, today=None, stamp=None):
    """The summary of `bouw` for het bos, cached per buurt until its network changes."""
    today = today or timezone.localdate()
    key = f"bos:netwerk:{stamp or stempel(buurt, today)}"
    netwerk = cache.get(key)
    if netwerk is None:
        netwerk = _samenvatting(buurt, bouw(buurt, today))
        cache.set(key, netwerk, CACHE_SECONDS)
    return netwerk


def stempel(buurt, today):
    """A cache key part that changes with every recorded write to the network's models (and
    daily, as relations start and end by date): the newest timeline entry of each, in one
    query that reads the (buurt, content type, -id) index once per model."""
    # The content type ids as subqueries too (each evaluated once): the answer then does not
    # depend on whether this process has ContentType's cache filled yet.
    latest = {
        f"m{i}": Subquery(
            Wijziging.objects.filter(
                buurt_id=buurt.pk,
                content_type_id=Subquery(
                    ContentType.objects.filter(
                        app_label=model._meta.app_label, model=model._meta.model_name
                    ).values("id")[:1]
                ),
            )
            .order_by("-id")
            .values("id")[:1]
        )
        for i, model in enumerate(BRONNEN)
    }
    stamps = Buurt.objects.filter(pk=buurt.pk).annotate(**latest).values_list(*latest).first()
    return f"{buurt.pk}:{today.isoformat()}:" + "-".join(map(str, stamps or ()))


def _met_delen(regel, g):
    """The actor's line, with the number of parts its group falls into without it."""
    regel.groep_grootte = len(g.groepen[regel.maat.groep - 1])
    if regel.maat.snijpunt:
        zonder, gezien = regel.pk, {regel.pk}
        for start in g.graaf.adj[zonder]:
            if start in gezien:
                continue
            regel.delen += 1
            gezien.add(start)
            todo = [start]
            while todo:
                for buur in g.graaf.adj[todo.pop()]:
                    if buur not in gezien:
                        gezien.add(buur)
                        todo.append(buur)
    return regel


def _samenvatting(buurt, g):
    maten = g.maten
    namen = {}

    def regel(pk):
        return Actorregel(pk, *namen[pk], maat=maten.get(pk))

    bruggen = sorted(
        (m for m in maten.values() if m.betweenness > 0),
        key=lambda m: (-m.betweenness, m.pk),
    )[:TOP]
    drukst = sorted(maten.values(), key=lambda m: (-m.verbindingen, m.pk))[: TOP * 2]
    van_teams = len(g.teams)
    overbelast = []
    for m in sorted(maten.values(), key=lambda m: (-m.teams, -m.relaties, m.pk)):
        door_teams = van_teams >= OVERLOAD_TEAMS_MIN and m.teams * 2 > van_teams
        door_relaties = (
            g.relaties >= OVERLOAD_RELATIES_MIN
            and m.relaties >= g.relaties * OVERLOAD_RELATIES_DEEL
        )
        if door_teams or door_relaties:
            overbelast.append((m, door_teams, door_relaties))
    overbelast = overbelast[:TOP]
    kernen = [
        sorted(groep, key=lambda pk: (-maten[pk].verbindingen, pk))[:3] for groep in g.groepen
    ][: TOP * 2]

    wanted = {m.pk for m in bruggen} | {m.pk for m in drukst} | {m.pk for m, *_ in overbelast}
    wanted |= {pk for kern in kernen for pk in kern}
    actoren = Actor.objects.in_buurt(buurt)
    namen = dict(
        (pk, (naam, soort))
        for pk, naam, soort in actoren.filter(pk__in=wanted).values_list("id", "naam", "soort")
    )
    totaal = actoren.count()
    geisoleerd = []
    if totaal > len(maten):
        # Name order, stopping at the first few not in the network: no NOT IN over a
        # hundred thousand ids.
        rows = actoren.order_by("naam", "id").values_list(
            "id", "naam", "soort", "aangebracht_door__naam"
        )
        for pk, naam, soort, door in rows.iterator(chunk_size=500):
            if pk not in maten:
                geisoleerd.append(Actorregel(pk, naam, soort, door=door or ""))
                if len(geisoleerd) == GEISOLEERD_LIJST:
                    break

    return Netwerk(
        actoren=totaal,
        verbonden=len(maten),
        relaties=g.relaties,
        teams=van_teams,
        groepen=[
            Groep(nummer, len(groep), [regel(pk) for pk in kern])
            for nummer, (groep, kern) in enumerate(zip(g.groepen, kernen, strict=False), 1)
        ],
        aantal_groepen=len(g.groepen),
        bruggenbouwers=[_met_delen(regel(m.pk), g) for m in bruggen],
        overbelast=[
            Overbelasting(regel(m.pk), m.teams, van_teams, m.relaties, g.relaties, t, r)
            for m, t, r in overbelast
        ],
        geisoleerd=geisoleerd,
        aantal_geisoleerd=totaal - len(maten),
        meest_verbonden=[regel(m.pk) for m in drukst],
        benaderd=g.benaderd,
    )
