"""Where het bos puts its actors and labels, and how it draws them as SVG.

Each connected group is laid out on its own with networkx's force layout (seeded, so the
same network gives the same picture), and the groups are packed in rows, largest first:
the eilanden stay visibly apart. One SVG unit is one CSS pixel, so a 13-unit label is 13 px
on every screen (a narrow screen scrolls the map instead of shrinking it). Labels are
placed most connected actor first, at the first of four spots that overlaps no node and no
label placed before; an actor with no free spot keeps its link and name, without a label.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from django.utils.html import format_html, format_html_join

SEED = 15
LABEL_PX = 13  # font size of the labels (CSS: .kaart-svg text)
CHAR_PX = 7.6  # a generous average width of one character at that size
LABEL_HOOGTE = 16
LABEL_TEKENS = 24
KNOOP = 9  # half the size of a node's box, for the collision check
RUIMTE = 48  # space per node in a group's layout
MARGE = 16
RIJ_BREEDTE = 680


@dataclass
class Knoop:
    key: object  # actor pk, or ("team", pk)
    naam: str
    soort: str  # an actor soort, or "team"
    href: str
    beschrijving: str  # the accessible name
    extra: str = ""  # extra CSS classes (bruggenbouwer, overbelast, focus)
    x: float = 0
    y: float = 0
    label: tuple = None  # (x, y, anchor) when labelled

    @property
    def tekst(self):
        """The label: the name, or its first words and an ellipsis. Whole words, so the
        label stays a part of the link's accessible name."""
        if len(self.naam) <= LABEL_TEKENS:
            return self.naam
        kort = self.naam[: LABEL_TEKENS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
        return f"{kort}…"


@dataclass
class Tekening:
    knopen: list = field(default_factory=list)
    lijnen: list = field(default_factory=list)  # (x1, y1, x2, y2, class)
    breedte: int = 0
    hoogte: int = 0

    @property
    def view_box(self):
        return f"0 0 {self.breedte} {self.hoogte}"

    @property
    def zonder_label(self):
        return [k for k in self.knopen if k.label is None]

    @property
    def svg(self):
        lijnen = format_html_join(
            "",
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="{}"/>',
            (
                (coord(x1), coord(y1), coord(x2), coord(y2), klasse)
                for x1, y1, x2, y2, klasse in self.lijnen
            ),
        )
        knopen = format_html_join("", "{}", ((_knoop_svg(k),) for k in self.knopen))
        return format_html('<g class="lijnen">{}</g><g class="knopen">{}</g>', lijnen, knopen)


def coord(value):
    """An SVG coordinate: one decimal, a decimal point whatever the language, no -0.0."""
    return f"{round(value, 1) + 0.0:.1f}"


VORMEN = {
    # A shape per kind, so the kind does not rest on colour alone.
    "bewoner": lambda x, y: format_html('<circle cx="{}" cy="{}" r="7"/>', coord(x), coord(y)),
    "vereniging": lambda x, y: format_html(
        '<rect x="{}" y="{}" width="13" height="13"/>', coord(x - 6.5), coord(y - 6.5)
    ),
    "professional": lambda x, y: _polygoon(((x, y - 8), (x + 8, y + 6), (x - 8, y + 6))),
    "organisatie": lambda x, y: _polygoon(((x, y - 9), (x + 9, y), (x, y + 9), (x - 9, y))),
    "team": lambda x, y: _polygoon(
        [(x + 9 * math.cos(a), y + 9 * math.sin(a)) for a in (i * math.pi / 3 for i in range(6))]
    ),
}


def _polygoon(punten):
    return format_html(
        '<polygon points="{}"/>', " ".join(f"{coord(x)},{coord(y)}" for x, y in punten)
    )


def _knoop_svg(k):
    vorm = VORMEN.get(k.soort, VORMEN["bewoner"])(k.x, k.y)
    tekst = ""
    if k.label:
        x, y, anker = k.label
        tekst = format_html(
            '<text x="{}" y="{}" class="{}">{}</text>', coord(x), coord(y), anker, k.tekst
        )
    return format_html(
        '<a href="{}" class="knoop soort-{}{}" aria-label="{}"><title>{}</title>{}{}</a>',
        k.href,
        k.soort,
        k.extra,
        k.beschrijving,
        k.beschrijving,
        vorm,
        tekst,
    )


def teken(knopen, verbindingen, gewicht):
    """Lay out `knopen` (Knoop) joined by `verbindingen` ((key, key, class)), labelling
    the heaviest first (`gewicht`: key -> number)."""
    graaf = nx.Graph()
    graaf.add_nodes_from(k.key for k in knopen)
    graaf.add_edges_from((a, b) for a, b, _klasse in verbindingen)
    per_key = {k.key: k for k in knopen}
    groepen = sorted(nx.connected_components(graaf), key=lambda c: (-len(c), min(map(_sorteer, c))))

    vakken = []
    for groep in groepen:
        vakken.append(_groep_layout(graaf.subgraph(groep)))
    _inpakken(vakken, per_key)

    tekening = Tekening(knopen=knopen)
    for a, b, klasse in verbindingen:
        ka, kb = per_key[a], per_key[b]
        tekening.lijnen.append((ka.x, ka.y, kb.x, kb.y, klasse))
    _labels(knopen, gewicht)
    right = [k.x + KNOOP for k in knopen] + [_label_box(k)[2] for k in knopen if k.label]
    bottom = [k.y + KNOOP for k in knopen] + [_label_box(k)[3] for k in knopen if k.label]
    tekening.breedte = int(max(right, default=0) + MARGE)
    tekening.hoogte = int(max(bottom, default=0) + MARGE)
    return tekening


def _sorteer(key):
    return (1, key[1]) if isinstance(key, tuple) else (0, key)


def _groep_layout(groep):
    """Positions of one group around (0, 0), scaled to give each node its space."""
    n = groep.number_of_nodes()
    if n == 1:
        return {next(iter(groep)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(groep, key=_sorteer)
        return {a: (-RUIMTE / 2 - 20, 0.0), b: (RUIMTE / 2 + 20, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(groep, key=_sorteer))
    ordered.add_edges_from(sorted(groep.edges(), key=lambda e: (_sorteer(e[0]), _sorteer(e[1]))))
    pos = nx.spring_layout(ordered, seed=SEED, iterations=60 if n < 120 else 35)
    schaal = RUIMTE * math.sqrt(n) * 1.3
    return {key: (float(x) * schaal, float(y) * schaal) for key, (x, y) in pos.items()}


def _inpakken(vakken, per_key):
    """Pack the groups in rows, left to right, with room for labels around each."""
    x = y = MARGE
    rij_hoogte = 0
    rij_breedte = max(RIJ_BREEDTE, *(_afmeting(v)[0] for v in vakken)) if vakken else 0
    for posities in vakken:
        breedte, hoogte, min_x, min_y = _afmeting(posities)
        if x > MARGE and x + breedte > rij_breedte:
            x, y, rij_hoogte = MARGE, y + rij_hoogte, 0
        for key, (px, py) in posities.items():
            knoop = per_key[key]
            knoop.x = x + px - min_x
            knoop.y = y + py - min_y
        x += breedte
        rij_hoogte = max(rij_hoogte, hoogte)


def _afmeting(posities):
    xs = [p[0] for p in posities.values()]
    ys = [p[1] for p in posities.values()]
    # Room for a label on either side and above and below.
    rand_x, rand_y = 110, 34
    return (
        max(xs) - min(xs) + 2 * rand_x,
        max(ys) - min(ys) + 2 * rand_y,
        min(xs) - rand_x,
        min(ys) - rand_y,
    )


def _label_box(k):
    x, y, anker = k.label
    breedte = len(k.tekst) * CHAR_PX
    left = {"start": x, "end": x - breedte, "middle": x - breedte / 2}[anker]
    top = y - LABEL_HOOGTE * 0.75
    return (left, top, left + breedte, top + LABEL_HOOGTE)


def _kandidaten(k):
    gap = KNOOP + 3
    return (
        (k.x + gap, k.y + 4.5, "start"),
        (k.x - gap, k.y + 4.5, "end"),
        (k.x, k.y + gap + 12, "middle"),
        (k.x, k.y - gap - 2, "middle"),
    )


class _Raster:
    """Boxes in a coarse grid, to test a new box only against its neighbours."""

    CEL = 120

    def __init__(self):
        self.cellen = defaultdict(list)

    def _cellen(self, box):
        for cx in range(int(box[0] // self.CEL), int(box[2] // self.CEL) + 1):
            for cy in range(int(box[1] // self.CEL), int(box[3] // self.CEL) + 1):
                yield cx, cy

    def vrij(self, box):
        return not any(
            overlapt(box, ander) for cel in self._cellen(box) for ander in self.cellen[cel]
        )

    def voeg_toe(self, box):
        for cel in self._cellen(box):
            self.cellen[cel].append(box)


def overlapt(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(knopen, gewicht):
    raster = _Raster()
    for k in knopen:
        raster.voeg_toe((k.x - KNOOP, k.y - KNOOP, k.x + KNOOP, k.y + KNOOP))
    for k in sorted(knopen, key=lambda k: (-gewicht.get(k.key, 0), _sorteer(k.key))):
        for kandidaat in _kandidaten(k):
            k.label = kandidaat
            box = _label_box(k)
            if box[0] >= 0 and box[1] >= 0 and raster.vrij(box):
                raster.voeg_toe(box)
                break
        else:
            k.label = None
