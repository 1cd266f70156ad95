"""How the network grew: per day (a month end), the connected actors, the running relations
and the separate groups, as the dashboard shows them.

Two queries (the relations and the memberships that ran at some point in the period), then
one pass over them per day with a union-find: linear in the rows, whatever the number of
actors, and cached under the network's stamp like the rest of het bos.
"""

from django.core.cache import cache
from django.db.models import Q

from buurt.models import Relatie

from . import netwerk
from .models import Deelname


def groei(buurt, dagen, today):
    """Three lists, one value per day of `dagen` (ascending): connected actors (a running
    relation or team), running relations, groups of two or more connected actors.

    Teams count whatever became of their initiative: an initiative's past status is not
    kept per day, its memberships are.
    """
    key = f"bos:groei:{netwerk.stempel(buurt, today)}:{dagen[0]}:{dagen[-1]}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    eerste, laatste = dagen[0], dagen[-1]
    relaties = list(
        Relatie.objects.in_buurt(buurt)
        .filter(sinds__lte=laatste)
        .filter(Q(tot__isnull=True) | Q(tot__gte=eerste))
        .order_by()
        .values_list("van_id", "naar_id", "sinds", "tot")
    )
    leden = list(
        Deelname.objects.in_buurt(buurt)
        .filter(toegetreden_op__lte=laatste)
        .filter(Q(vertrokken_op__isnull=True) | Q(vertrokken_op__gt=eerste))
        .order_by()
        .values_list("team_id", "partner__actor_id", "toegetreden_op", "vertrokken_op")
    )
    reeksen = ([], [], [])
    for dag in dagen:
        verbonden, aantal, groepen = _op(dag, relaties, leden)
        for reeks, waarde in zip(reeksen, (verbonden, aantal, groepen), strict=True):
            reeks.append(waarde)
    cache.set(key, reeksen, netwerk.CACHE_SECONDS)
    return reeksen


def _op(dag, relaties, leden):
    ouder = {}

    def wortel(x):
        ouder.setdefault(x, x)
        while ouder[x] != x:
            ouder[x] = ouder[ouder[x]]
            x = ouder[x]
        return x

    def verbind(a, b):
        ra, rb = wortel(a), wortel(b)
        if ra != rb:
            ouder[max(ra, rb)] = min(ra, rb)

    aantal = 0
    for van, naar, sinds, tot in relaties:
        if sinds <= dag and (tot is None or tot >= dag):
            verbind(van, naar)
            aantal += 1
    eerste_lid = {}
    for team, actor, van, tot in leden:
        if van <= dag and (tot is None or tot > dag):
            if team in eerste_lid:
                verbind(eerste_lid[team], actor)
            else:
                eerste_lid[team] = actor
                wortel(actor)
    grootte = {}
    for actor in list(ouder):
        r = wortel(actor)
        grootte[r] = grootte.get(r, 0) + 1
    return len(ouder), aantal, sum(1 for n in grootte.values() if n > 1)
