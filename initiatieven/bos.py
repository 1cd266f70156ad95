"""Het bos: the network map of a buurt, laid out in Python and drawn as SVG on the server.

The layout is deterministic (same data, same picture): actors sit on a circle, grouped
by soort and sorted by name; teams sit on an inner circle, linked to their members.
Above MAX_ACTOREN actors only the most connected are drawn; the table lists everything.
"""

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from django.db import connection
from django.db.models import Count, Q
from django.utils.html import format_html_join
from django.utils.text import Truncator

from buurt.models import Actor, Relatie, Samenwerkingsintensiteit

from .models import Deelname

MAX_ACTOREN = 200
MAX_TEAMS = 40
LABEL_RUIMTE = 150  # room around the circle for the labels


@dataclass
class BosFilter:
    soort: str = ""
    intensiteit: str = ""  # minimum intensity, "" for all

    @classmethod
    def from_query(cls, query):
        soort = query.get("soort", "")
        intensiteit = query.get("intensiteit", "")
        return cls(
            soort=soort if soort in Actor.Soort.values else "",
            intensiteit=intensiteit if intensiteit in Samenwerkingsintensiteit.values else "",
        )

    @property
    def intensiteiten(self):
        values = Samenwerkingsintensiteit.values
        return values[values.index(self.intensiteit) :] if self.intensiteit else values


@dataclass
class Knoop:
    pk: int
    naam: str
    soort: str
    x: float
    y: float
    label_x: float = 0
    label_y: float = 0
    hoek: float = 0
    links: bool = False
    leden: list = field(default_factory=list)

    @property
    def hoek_x(self):
        return self.x - 6

    @property
    def hoek_y(self):
        return self.y - 6


@dataclass
class Lijn:
    x1: float
    y1: float
    x2: float
    y2: float
    klasse: str


@dataclass
class Kaart:
    actoren: list = field(default_factory=list)
    teams: list = field(default_factory=list)
    lijnen: list = field(default_factory=list)
    totaal: int = 0
    per_soort: list = field(default_factory=list)
    breedte: int = 0
    relaties_tabel: object = None

    @property
    def ingekort(self):
        return self.totaal > len(self.actoren)

    @property
    def view_box(self):
        half = self.breedte / 2
        return f"{-half:.0f} {-half:.0f} {self.breedte} {self.breedte}"

    # The SVG elements are built here, not in the template: a map of 200 actors has
    # well over a thousand coordinates, and the template engine took most of the time.
    @property
    def svg_lijnen(self):
        return format_html_join(
            "",
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="{}"/>',
            (
                (coord(lijn.x1), coord(lijn.y1), coord(lijn.x2), coord(lijn.y2), lijn.klasse)
                for lijn in self.lijnen
            ),
        )

    @property
    def svg_actoren(self):
        return format_html_join(
            "",
            '<g class="knoop soort-{}"><circle cx="{}" cy="{}" r="4"/><text x="{}" y="{}" '
            'transform="rotate({} {} {})" class="{}">{}</text></g>',
            (
                (
                    k.soort,
                    coord(k.x),
                    coord(k.y),
                    coord(k.label_x),
                    coord(k.label_y),
                    coord(k.hoek),
                    coord(k.label_x),
                    coord(k.label_y),
                    "links" if k.links else "rechts",
                    Truncator(k.naam).chars(24),
                )
                for k in self.actoren
            ),
        )

    @property
    def svg_teams(self):
        return format_html_join(
            "",
            '<g class="knoop soort-team"><rect x="{}" y="{}" width="12" height="12"/>'
            '<text x="{}" y="{}" class="midden">{}</text></g>',
            (
                (
                    coord(k.hoek_x),
                    coord(k.hoek_y),
                    coord(k.label_x),
                    coord(k.label_y),
                    Truncator(k.naam).chars(20),
                )
                for k in self.teams
            ),
        )


def coord(value):
    """An SVG coordinate: one decimal, a decimal point whatever the language, no -0.0."""
    return f"{round(value, 1) + 0.0:.1f}"


def netwerkkaart(buurt, filters):
    actoren_qs = Actor.objects.in_buurt(buurt)
    if filters.soort:
        actoren_qs = actoren_qs.filter(soort=filters.soort)
    relaties = Relatie.objects.in_buurt(buurt).actief()
    if filters.intensiteit:
        relaties = relaties.filter(intensiteit__in=filters.intensiteiten)

    # COUNT(*), not COUNT(id): the (buurt, soort, naam) index then answers on its own.
    per_soort = dict(actoren_qs.values_list("soort").annotate(n=Count("*")).order_by())
    totaal = sum(per_soort.values())
    if totaal > MAX_ACTOREN:
        meest_verbonden = _meest_verbonden(relaties, filters.soort, MAX_ACTOREN)
        actoren = list(actoren_qs.filter(pk__in=meest_verbonden).values_list("id", "naam", "soort"))
        rest = MAX_ACTOREN - len(actoren)
        if rest:
            actoren += actoren_qs.exclude(pk__in=meest_verbonden).values_list(
                "id", "naam", "soort"
            )[:rest]
    else:
        actoren = list(actoren_qs.values_list("id", "naam", "soort"))

    ids = [pk for pk, _naam, _soort in actoren]
    lijnen_data = list(
        relaties.filter(van_id__in=ids, naar_id__in=ids).values_list(
            "van_id", "naar_id", "intensiteit"
        )
    )
    leden = list(
        Deelname.objects.in_buurt(buurt)
        .actief()
        .filter(partner__actor_id__in=ids)
        .order_by("team__naam", "team_id")
        .values_list("team_id", "team__naam", "partner__actor_id")
    )

    kaart = Kaart(totaal=totaal)
    kaart.per_soort = [
        (soort, label, per_soort.get(soort, 0)) for soort, label in Actor.Soort.choices
    ]
    _layout(kaart, actoren, lijnen_data, leden)
    tabel_filter = Q()
    if filters.soort:
        tabel_filter = Q(van__soort=filters.soort) | Q(naar__soort=filters.soort)
    kaart.relaties_tabel = (
        relaties.filter(tabel_filter)
        .select_related("van", "naar")
        .order_by("-sinds", "-id")  # newest first: sorting 100,000 rows by name is slow
    )
    return kaart


def _meest_verbonden(relaties, soort, limit):
    """Ids of the ``limit`` actors with the most running relations, most first, then by id.

    One query sends both ends of every running relation, as bare ids, and Python counts
    them. Counting per actor with a correlated subquery is far too slow for 100,000 actors,
    and a GROUP BY over both ends hashes as many groups as there are connected actors;
    on PostgreSQL with 30,000 relations that took about five times longer than this
    (bench/pages.py).
    """
    ends = []
    for kant in ("van", "naar"):
        qs = relaties.filter(**{f"{kant}__soort": soort}) if soort else relaties
        ends.append(qs.values_list(f"{kant}_id", flat=True).order_by())
    # Straight from the cursor: a queryset would add Python work for each of the ids.
    sql, params = ends[0].union(ends[1], all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = Counter(map(itemgetter(0), cursor.fetchall()))
    if len(counts) > limit:
        # Only actors with at least the limit-th highest count can make the cut.
        drempel = heapq.nlargest(limit, counts.values())[-1]
        counts = {pk: n for pk, n in counts.items() if n >= drempel}
    return sorted(counts, key=lambda pk: (-counts[pk], pk))[:limit]


def _layout(kaart, actoren, lijnen_data, leden):
    volgorde = {soort: i for i, soort in enumerate(Actor.Soort.values)}
    actoren = sorted(actoren, key=lambda a: (volgorde.get(a[2], 99), a[1].lower(), a[0]))
    groepen = len({soort for _pk, _naam, soort in actoren})
    # One slot per actor plus a gap of two slots between the soort groups.
    slots = max(len(actoren) + 2 * groepen, 12)
    straal = max(160.0, slots * 11 / (2 * math.pi))
    kaart.breedte = int(2 * (straal + LABEL_RUIMTE))

    posities, slot, vorige = {}, 0, None
    for pk, naam, soort in actoren:
        if vorige is not None and soort != vorige:
            slot += 2
        vorige = soort
        hoek = 2 * math.pi * slot / slots - math.pi / 2
        knoop = Knoop(pk, naam, soort, straal * math.cos(hoek), straal * math.sin(hoek))
        graden = math.degrees(hoek)
        knoop.links = 90 < graden % 360 < 270
        knoop.hoek = graden + 180 if knoop.links else graden
        knoop.label_x = (straal + 8) * math.cos(hoek)
        knoop.label_y = (straal + 8) * math.sin(hoek)
        posities[pk] = knoop
        kaart.actoren.append(knoop)
        slot += 1

    rank = Samenwerkingsintensiteit.values.index
    for van, naar, intensiteit in lijnen_data:
        a, b = posities[van], posities[naar]
        kaart.lijnen.append(Lijn(a.x, a.y, b.x, b.y, f"relatie niveau-{rank(intensiteit)}"))

    teams = {}
    for team_id, team_naam, actor_id in leden:
        if team_id not in teams and len(teams) >= MAX_TEAMS:
            continue
        teams.setdefault(team_id, (team_naam, []))[1].append(actor_id)
    binnen = straal * 0.45
    for i, (team_id, (team_naam, leden_ids)) in enumerate(teams.items()):
        hoek = 2 * math.pi * i / max(len(teams), 1) - math.pi / 2
        knoop = Knoop(team_id, team_naam, "team", binnen * math.cos(hoek), binnen * math.sin(hoek))
        knoop.label_x, knoop.label_y = knoop.x, knoop.y - 10
        kaart.teams.append(knoop)
        for actor_id in leden_ids:
            a = posities[actor_id]
            knoop.leden.append(a.naam)
            kaart.lijnen.append(Lijn(knoop.x, knoop.y, a.x, a.y, "lidmaatschap"))
