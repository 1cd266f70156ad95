"""Step 3, "pluk laaghangend fruit": chances to connect what already exists.

A chance is a pair of running activities that share a target group or a theme while
their organisers are not yet related and no initiative builds on both yet.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext as _

from buurt.models import Actor, Relatie
from partners.models import Partner

from . import kansen
from .models import Activiteit, Doelgroep, Initiatief, Thema
from .vuur import enthousiasme_label

# Looking at more pairs than this would make the page slow in a huge buurt; the
# first chances found are plenty to act on.
MAX_PAIRS_EXAMINED = 50_000


@dataclass
class Kans:
    a: Activiteit
    b: Activiteit
    van: Actor
    naar: Actor
    gedeeld: list
    staat: kansen.Staat | None = None  # attached by kansen.met_staat

    @property
    def key(self):
        return f"{self.a.pk}-{self.b.pk}"


@dataclass
class Oogst:
    """What the finder found: the chances to show, whether there are more, and the chances
    put on "niet nu" that are still hidden (at most as many as shown) and how many."""

    kansen: list
    meer: bool
    verborgen: list
    aantal_verborgen: int


def laaghangend_fruit(buurt, limit=10):
    """Return (chances, more): at most ``limit`` chances, in a constant number of queries."""
    oogst = pluk(buurt, limit)
    return oogst.kansen, oogst.meer


def pluk(buurt, limit=10):
    """The ``Oogst``: at most ``limit`` chances to show, in a constant number of queries.

    A pair that was connected (``verbonden``) is never proposed again, even when another
    of its organisers is still unrelated; one on "niet nu" is hidden until its date.
    """
    # Plain rows, not model instances: a large buurt has a thousand running activities,
    # and only the few in a chance become objects at the end.
    activiteiten = list(
        Activiteit.objects.in_buurt(buurt)
        .lopend()
        .order_by("naam", "id")
        .values_list("id", "naam", "doelgroep", "thema")
    )
    organisers = _organisers(buurt)
    related = _related_pairs(buurt)
    combined = _combined_pairs(buurt)
    verbonden, verborgen = kansen.niet_voorstellen(buurt)
    skip = combined | verbonden | verborgen

    groups = defaultdict(list)
    for row in activiteiten:
        pk, _naam, doelgroep, thema = row
        if not organisers.get(pk):
            continue
        if doelgroep:
            groups[("doelgroep", doelgroep)].append(row)
        if thema:
            groups[("thema", thema)].append(row)

    found, seen, examined = [], set(), 0
    for _group, members in sorted(groups.items(), key=_specific_first):
        for a, b in combinations(members, 2):
            examined += 1
            if examined > MAX_PAIRS_EXAMINED:
                break
            pair = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
            if pair in seen or pair in skip:
                continue
            seen.add(pair)
            connection = _unrelated_organisers(organisers[a[0]], organisers[b[0]], related)
            if connection is None:
                continue
            found.append((a, b, connection))
            if len(found) > limit:
                break
        if len(found) > limit:
            break

    hidden = _still_chances(verborgen - combined, activiteiten, organisers, related)
    more = len(found) > limit
    shown, hidden_shown = found[:limit], hidden[:limit]
    actors = _actors(buurt, {pk for _a, _b, pair in shown + hidden_shown for pk in pair})
    return Oogst(
        kansen=[_kans(buurt, found_one, actors) for found_one in shown],
        meer=more,
        verborgen=[_kans(buurt, found_one, actors) for found_one in hidden_shown],
        aantal_verborgen=len(hidden),
    )


def kans_voor(buurt, a, b):
    """The chance of activities ``a`` and ``b`` (ids) as the finder shows it, whatever its
    state, or None when the two are no chance (any more); for redrawing one chance."""
    pair = (min(a, b), max(a, b))
    activiteiten = list(
        Activiteit.objects.in_buurt(buurt)
        .lopend()
        .filter(pk__in=pair)
        .values_list("id", "naam", "doelgroep", "thema")
    )
    builds_on_both = (
        Initiatief.objects.in_buurt(buurt).filter(bouwt_voort_op=a).filter(bouwt_voort_op=b)
    )
    if len(activiteiten) != 2 or builds_on_both.exists():
        return None
    through = Activiteit.organisatoren.through
    organisers = defaultdict(list)
    rows = through.objects.filter(activiteit_id__in=pair).order_by("activiteit_id", "actor_id")
    for activiteit_id, actor_id in rows.values_list("activiteit_id", "actor_id"):
        organisers[activiteit_id].append(actor_id)
    actor_ids = [pk for ids in organisers.values() for pk in ids]
    relaties = (
        Relatie.objects.in_buurt(buurt)
        .actief()
        .filter(van_id__in=actor_ids, naar_id__in=actor_ids)
        .values_list("van_id", "naar_id")
    )
    related = {(min(van, naar), max(van, naar)) for van, naar in relaties}
    found = _still_chances({pair}, activiteiten, organisers, related)
    if not found:
        return None
    actors = _actors(buurt, set(found[0][2]))
    return _kans(buurt, found[0], actors)


def _still_chances(pairs, activiteiten, organisers, related):
    """The hidden pairs that would be chances if they were not hidden, in name order (all
    of them: a few dozen at most, each checked in memory)."""
    rows = {row[0]: row for row in activiteiten}
    result = []
    for pair in pairs:
        a, b = rows.get(pair[0]), rows.get(pair[1])
        if a is None or b is None or not _share(a, b):
            continue
        if (b[1], b[0]) < (a[1], a[0]):
            a, b = b, a  # in name order, as the finder pairs them
        connection = _unrelated_organisers(
            organisers.get(a[0], []), organisers.get(b[0], []), related
        )
        if connection is not None:
            result.append((a, b, connection))
    result.sort(key=lambda found: (found[0][1], found[1][1], found[0][0], found[1][0]))
    return result


def _share(a, b):
    _pk, _naam, doelgroep, thema = a
    return bool((doelgroep and doelgroep == b[2]) or (thema and thema == b[3]))


def _actors(buurt, actor_ids):
    actors = Actor.objects.in_buurt(buurt).in_bulk(actor_ids)
    # Building on what exists also looks at the fire: the organisers' current enthusiasm.
    levels = dict(
        Partner.objects.filter(actor_id__in=actor_ids)
        .with_enthousiasme()
        .values_list("actor_id", "huidig_enthousiasme")
    )
    for pk, actor in actors.items():
        actor.enthousiasme_label = enthousiasme_label(levels.get(pk))
    return actors


def _kans(buurt, found, actors):
    a, b, (van, naar) = found
    a, b = _activiteit(buurt, a), _activiteit(buurt, b)
    return Kans(a, b, actors[van], actors[naar], _shared(a, b))


def _activiteit(buurt, row):
    pk, naam, doelgroep, thema = row
    return Activiteit(pk=pk, buurt=buurt, naam=naam, doelgroep=doelgroep, thema=thema)


def _specific_first(group):
    """A specific target group first, then themes; "all residents" says least."""
    (kind, value), _members = group
    return (value == Doelgroep.IEDEREEN, kind, value)


def _organisers(buurt):
    through = Activiteit.organisatoren.through
    rows = through.objects.filter(activiteit__buurt=buurt, activiteit__loopt=True).values_list(
        "activiteit_id", "actor_id"
    )
    organisers = defaultdict(list)
    for activiteit_id, actor_id in rows.order_by("activiteit_id", "actor_id"):
        organisers[activiteit_id].append(actor_id)
    return organisers


def _related_pairs(buurt):
    """Running relations between organisers of running activities, as sorted id pairs."""
    through = Activiteit.organisatoren.through
    organiser_ids = through.objects.filter(activiteit__buurt=buurt, activiteit__loopt=True).values(
        "actor_id"
    )
    rows = (
        Relatie.objects.in_buurt(buurt)
        .actief()
        .filter(van_id__in=organiser_ids, naar_id__in=organiser_ids)
        .values_list("van_id", "naar_id")
    )
    return {(min(van, naar), max(van, naar)) for van, naar in rows}


def _combined_pairs(buurt):
    """Pairs of activities that one initiative already builds on."""
    through = Initiatief.bouwt_voort_op.through
    rows = through.objects.filter(initiatief__buurt=buurt).values_list(
        "initiatief_id", "activiteit_id"
    )
    per_initiatief = defaultdict(list)
    for initiatief_id, activiteit_id in rows:
        per_initiatief[initiatief_id].append(activiteit_id)
    return {
        (min(a, b), max(a, b))
        for activiteiten in per_initiatief.values()
        for a, b in combinations(activiteiten, 2)
    }


def _unrelated_organisers(left, right, related):
    """The first pair of organisers, one from each side, that is not yet related.

    Activities that share an organiser are already connected through that actor.
    """
    if set(left) & set(right):
        return None
    for van in left:
        for naar in right:
            if (min(van, naar), max(van, naar)) not in related:
                return van, naar
    return None


def _shared(a, b):
    gedeeld = []
    if a.doelgroep and a.doelgroep == b.doelgroep:
        gedeeld.append(_("doelgroep %(naam)s") % {"naam": Doelgroep(a.doelgroep).label})
    if a.thema and a.thema == b.thema:
        gedeeld.append(_("thema %(naam)s") % {"naam": Thema(a.thema).label})
    return gedeeld
