"""Het bos: the network map of a buurt, which actors it shows and how they are joined.

Actors are joined by their running relations and linked to the teams they take part in.
Actors without any connection are not drawn (the page names them). Above MAX_ACTOREN
connected actors only the most connected are drawn, and the page says so; `?actor=` draws
one actor's network two steps out. The drawing itself is in `bos_layout`; a map is cached
per buurt and filter under the same key as the network's measures.
"""

import heapq
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buurt import tellingen
from buurt.models import Actor, Relatie, Samenwerkingsintensiteit

from . import netwerk
from .bos_layout import VORMEN, Knoop, Tekening, teken
from .models import Deelname, Initiatief

MAX_ACTOREN = 150
MAX_TEAMS = 40


@dataclass
class BosFilter:
    soort: str = ""
    intensiteit: str = ""  # minimum intensity, "" for all
    team: int | None = None
    actor: int | None = None

    @classmethod
    def from_query(cls, query):
        soort = query.get("soort", "")
        intensiteit = query.get("intensiteit", "")
        return cls(
            soort=soort if soort in Actor.Soort.values else "",
            intensiteit=intensiteit if intensiteit in Samenwerkingsintensiteit.values else "",
            team=_pk(query.get("team")),
            actor=_pk(query.get("actor")),
        )

    @property
    def intensiteiten(self):
        values = Samenwerkingsintensiteit.values
        return values[values.index(self.intensiteit) :] if self.intensiteit else values

    @property
    def sleutel(self):
        return f"{self.soort}:{self.intensiteit}:{self.team or ''}:{self.actor or ''}"


def _pk(value):
    """A positive id from the query string, or None (anything else is ignored)."""
    if value and value.isascii() and value.isdigit() and len(value) < 12:
        return int(value) or None
    return None


@dataclass
class Kaart:
    tekening: Tekening = field(default_factory=Tekening)
    totaal: int = 0  # actors of the chosen soort
    verbonden: int = 0  # of them, with a relation or a team (in this filter)
    per_soort: list = field(default_factory=list)
    teams: list = field(default_factory=list)  # (naam, [member names])
    ingekort: bool = False
    relaties_tabel: object = None
    team_vorm: str = VORMEN["team"](10, 10)

    @property
    def getoond(self):
        return sum(1 for k in self.tekening.knopen if k.soort != "team")

    def __getstate__(self):
        # Cached without the table's queryset, which is rebuilt per request.
        return {**self.__dict__, "relaties_tabel": None}


def netwerkkaart(buurt, filters, today=None, extra=None, stamp=None):
    """The map for `filters`, cached until the buurt's network changes (`stamp`: the
    network's `netwerk.stempel`).

    `extra` (actor pk -> CSS classes) marks bruggenbouwers and overloaded partners.
    """
    today = today or timezone.localdate()
    relaties = Relatie.objects.in_buurt(buurt).actief(today)
    if filters.intensiteit:
        relaties = relaties.filter(intensiteit__in=filters.intensiteiten)
    key = f"bos:kaart:{stamp or netwerk.stempel(buurt, today)}:{filters.sleutel}"
    kaart = cache.get(key)
    if kaart is None:
        kaart = _kaart(buurt, filters, relaties, extra or {})
        cache.set(key, kaart, netwerk.CACHE_SECONDS)
    tabel_filter = Q()
    if filters.soort:
        tabel_filter = Q(van__soort=filters.soort) | Q(naar__soort=filters.soort)
    if filters.team or filters.actor:
        ids = [k.key for k in kaart.tekening.knopen if k.soort != "team"]
        tabel_filter &= Q(van_id__in=ids, naar_id__in=ids)
    kaart.relaties_tabel = (
        relaties.filter(tabel_filter)
        .select_related("van", "naar")
        .order_by("-sinds", "-id")  # newest first: sorting 100,000 rows by name is slow
    )
    return kaart


def _leden(buurt):
    """Running memberships of teams whose initiative has not ended."""
    return (
        Deelname.objects.in_buurt(buurt)
        .actief()
        .filter(team__initiatief__in=Initiatief.objects.in_buurt(buurt).niet_beeindigd())
    )


def _kaart(buurt, filters, relaties, extra):
    actoren_qs = Actor.objects.in_buurt(buurt)
    if filters.soort:
        actoren_qs = actoren_qs.filter(soort=filters.soort)
    leden = _leden(buurt)
    per_soort = tellingen.per_soort(buurt)  # kept at write time
    if filters.soort:
        per_soort = {filters.soort: per_soort.get(filters.soort, 0)}
    kaart = Kaart(totaal=sum(per_soort.values()))
    kaart.per_soort = [
        (soort, label, per_soort.get(soort, 0), VORMEN[soort](10, 10))
        for soort, label in Actor.Soort.choices
    ]

    if filters.actor:
        ids, kaart.verbonden, kaart.ingekort = _omgeving(filters.actor, relaties, leden)
        if filters.soort:
            soort_ids = set(actoren_qs.filter(pk__in=ids).values_list("id", flat=True))
            ids = [pk for pk in ids if pk in soort_ids or pk == filters.actor]
    else:
        if filters.team:
            leden = leden.filter(team_id=filters.team)
        verbindingen, kaart.verbonden = _verbindingen(relaties, leden, filters)
        ids = sorted(verbindingen, key=lambda pk: (-verbindingen[pk], pk))[:MAX_ACTOREN]
        kaart.ingekort = kaart.verbonden > len(ids)

    actoren = list(actoren_qs.filter(pk__in=ids).values_list("id", "naam", "soort"))
    if filters.actor and not any(pk == filters.actor for pk, *_ in actoren):
        actoren += Actor.objects.filter(pk=filters.actor).values_list("id", "naam", "soort")
    getoond = {pk for pk, *_ in actoren}
    lijnen = list(
        relaties.filter(van_id__in=getoond, naar_id__in=getoond)
        .order_by("van_id", "naar_id")
        .values_list("van_id", "naar_id", "intensiteit")
    )
    lidmaatschappen = list(
        leden.filter(partner__actor_id__in=getoond)
        .order_by("team__naam", "team_id", "partner__actor_id")
        .values_list("team_id", "team__naam", "partner__actor_id")
    )
    kaart.tekening, kaart.teams = _teken(buurt, actoren, lijnen, lidmaatschappen, filters, extra)
    return kaart


def _verbindingen(relaties, leden, filters):
    """Actor pk -> number of relations and teams, for the most connected actors of the
    filter's soort (those that can make the map), and how many are connected at all.

    One query sends both ends of every running relation, as bare ids, and Python counts
    them: a GROUP BY over both ends hashes as many groups as there are connected actors,
    about five times slower on PostgreSQL with 30,000 relations (bench/pages.py).
    """
    if filters.team:
        members = leden.values("partner__actor_id")
        relaties = relaties.filter(van_id__in=members, naar_id__in=members)
    ends = []
    for kant in ("van", "naar"):
        qs = relaties.filter(**{f"{kant}__soort": filters.soort}) if filters.soort else relaties
        ends.append(qs.values_list(f"{kant}_id", flat=True).order_by())
    members = leden.filter(partner__actor__soort=filters.soort) if filters.soort else leden
    ends.append(members.values_list("partner__actor_id", flat=True).order_by())
    sql, params = ends[0].union(*ends[1:], all=True).query.sql_with_params()
    # Straight from the cursor: a queryset would add Python work for each of the ids.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = Counter(map(itemgetter(0), cursor.fetchall()))
    totaal = len(counts)
    if totaal > MAX_ACTOREN:
        # Only actors with at least the limit-th highest count can make the cut.
        drempel = heapq.nlargest(MAX_ACTOREN, counts.values())[-1]
        counts = {pk: n for pk, n in counts.items() if n >= drempel}
    return counts, totaal


def _omgeving(actor_pk, relaties, leden):
    """The actor and everyone within two steps (relations and shared teams), nearest
    first, at most MAX_ACTOREN; with the size of the whole neighbourhood."""

    def buren(ids):
        found = set()
        rows = relaties.filter(Q(van_id__in=ids) | Q(naar_id__in=ids)).values_list(
            "van_id", "naar_id"
        )
        for van, naar in rows.order_by():
            found.update((van, naar))
        teams = leden.filter(partner__actor_id__in=ids).values("team_id")
        found.update(
            leden.filter(team_id__in=teams).order_by().values_list("partner__actor_id", flat=True)
        )
        return found - set(ids)

    stap1 = buren([actor_pk])
    stap2 = buren(sorted(stap1)[: MAX_ACTOREN * 4]) - {actor_pk} if stap1 else set()
    alle = [actor_pk, *sorted(stap1), *sorted(stap2 - stap1)]
    return alle[:MAX_ACTOREN], len(alle), len(alle) > MAX_ACTOREN


def _teken(buurt, actoren, lijnen, lidmaatschappen, filters, extra):
    soort_label = dict(Actor.Soort.choices)
    relaties, teams_van = Counter(), Counter()
    for van, naar, _intensiteit in lijnen:
        relaties[van] += 1
        relaties[naar] += 1
    teams = {}
    for team_id, team_naam, actor_id in lidmaatschappen:
        if team_id not in teams and len(teams) >= MAX_TEAMS:
            continue
        teams.setdefault(team_id, (team_naam, []))[1].append(actor_id)
        teams_van[actor_id] += 1

    knopen = []
    for pk, naam, soort in sorted(actoren, key=lambda a: (a[1].lower(), a[0])):
        beschrijving = _("%(naam)s (%(soort)s): %(relaties)s, %(teams)s") % {
            "naam": naam,
            "soort": soort_label.get(soort, soort),
            "relaties": ngettext("%(n)d relatie", "%(n)d relaties", relaties[pk])
            % {"n": relaties[pk]},
            "teams": ngettext("%(n)d team", "%(n)d teams", teams_van[pk]) % {"n": teams_van[pk]},
        }
        klassen = extra.get(pk, "") + (" focus" if pk == filters.actor else "")
        href = reverse("coordinatie:actor_detail", args=[buurt.slug, pk])
        knopen.append(Knoop(pk, naam, soort, href, beschrijving, klassen))
    bomen = reverse("initiatieven:bomen", args=[buurt.slug])
    namen = {pk: naam for pk, naam, _soort in actoren}
    for team_id, (team_naam, leden_ids) in teams.items():
        beschrijving = _("Team %(naam)s: %(leden)s") % {
            "naam": team_naam,
            "leden": ", ".join(namen[pk] for pk in leden_ids),
        }
        href = f"{bomen}#team-{team_id}"
        knopen.append(Knoop(("team", team_id), team_naam, "team", href, beschrijving))

    rank = Samenwerkingsintensiteit.values.index
    verbindingen = [(van, naar, f"relatie niveau-{rank(i)}") for van, naar, i in lijnen]
    verbindingen += [
        (("team", team_id), pk, "lidmaatschap")
        for team_id, (_naam, leden_ids) in teams.items()
        for pk in leden_ids
    ]
    gewicht = {pk: relaties[pk] + teams_van[pk] for pk in namen}
    gewicht |= {("team", t): len(leden_ids) + 1000 for t, (_n, leden_ids) in teams.items()}
    if filters.actor:
        gewicht[filters.actor] = 10**6
    tekening = teken(knopen, verbindingen, gewicht)
    tekst = [(naam, [namen[pk] for pk in leden_ids]) for naam, leden_ids in teams.values()]
    return tekening, tekst
