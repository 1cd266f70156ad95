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

    @property
    def key(self):
        return f"{self.a.pk}-{self.b.pk}"


def laaghangend_fruit(buurt, limit=10):
    """Return (chances, more): at most ``limit`` chances, in a constant number of queries."""
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

    groups = defaultdict(list)
    for row in activiteiten:
        pk, _naam, doelgroep, thema = row
        if not organisers.get(pk):
            continue
        if doelgroep:
            groups[("doelgroep", doelgroep)].append(row)
        if thema:
            groups[("thema", thema)].append(row)

    kansen, seen, examined = [], set(), 0
    for _group, members in sorted(groups.items(), key=_specific_first):
        for a, b in combinations(members, 2):
            examined += 1
            if examined > MAX_PAIRS_EXAMINED:
                break
            pair = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
            if pair in seen or pair in combined:
                continue
            seen.add(pair)
            connection = _unrelated_organisers(organisers[a[0]], organisers[b[0]], related)
            if connection is None:
                continue
            kansen.append((a, b, connection))
            if len(kansen) > limit:
                break
        if len(kansen) > limit:
            break

    more = len(kansen) > limit
    kansen = kansen[:limit]
    actor_ids = {pk for _a, _b, pair in kansen for pk in pair}
    actors = Actor.objects.in_buurt(buurt).in_bulk(actor_ids)
    # Building on what exists also looks at the fire: the organisers' current enthusiasm.
    levels = dict(
        Partner.objects.filter(actor_id__in=actor_ids)
        .with_enthousiasme()
        .values_list("actor_id", "huidig_enthousiasme")
    )
    for pk, actor in actors.items():
        actor.enthousiasme_label = enthousiasme_label(levels.get(pk))
    result = []
    for a, b, (van, naar) in kansen:
        a, b = _activiteit(buurt, a), _activiteit(buurt, b)
        result.append(Kans(a, b, actors[van], actors[naar], _shared(a, b)))
    return result, more


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
