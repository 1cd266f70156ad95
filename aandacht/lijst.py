"""What needs attention in a buurt: per kind the first items, how many there are, how many
were put off; one kind in pages; one item by its key.

The number of queries is fixed whatever the buurt's size: one for the buurt's current
put-offs, then per kind one query with a LIMIT and one that counts; the chances of step 3
come from step 3's finder, which also runs a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt import tellingen
from buurt.rendering import paginate
from initiatieven import fruit, kansen

from .models import Soort, Uitstel
from .soorten import KINDS, Context, Item

# A chance is open while it is proposed or discussed, or its "niet nu" ran out (fruit.pluk
# already leaves out the connected ones and those still on "niet nu").
OPEN_KANS = {kansen.Status.VOORGESTELD, kansen.Status.BESPROKEN, kansen.Status.NIET_NU}


@dataclass
class Groep:
    """One kind on the page: its first items, how many in all, how many put off."""

    soort: str
    items: list
    aantal: int
    uitgesteld: int = 0
    ondergrens: bool = False  # the count is "at least" (chances: the finder stops early)
    uitleg: str = ""
    label: str = field(init=False)

    def __post_init__(self):
        self.label = Soort(self.soort).label

    @property
    def meer(self):
        return max(self.aantal - len(self.items), 0)


def context(buurt, site="", today=None, now=None):
    now = now or timezone.now()
    return Context(buurt, today or timezone.localdate(now), now, site)


def uitgestelde_sleutels(ctx):
    """{soort: {key, ...}} of the items put off until a date still to come: one query."""
    keys = {}
    rows = Uitstel.objects.in_buurt(ctx.buurt).lopend(ctx.today).values_list("soort", "sleutel")
    for soort, sleutel in rows.distinct():
        keys.setdefault(soort, set()).add(sleutel)
    return keys


def _pks(keys):
    return [int(k) for k in keys if k.isdigit()]


def groep(ctx, soort, limit, keys):
    """The Groep of one kind, with at most ``limit`` items, leaving out ``keys`` (put off)."""
    if soort == Soort.KANS:
        return _kansen(ctx, limit, keys)
    kind = KINDS[soort]
    queryset = kind.queryset(ctx)
    pks = _pks(keys)
    if kind.telling:  # kept at write time: no count of the buurt's rows
        uitgesteld = queryset.filter(pk__in=pks).count() if pks else 0
        counts = {"aantal": tellingen.staat(ctx.buurt, kind.telling) - uitgesteld}
        counts["uitgesteld"] = uitgesteld
        queryset = queryset.exclude(pk__in=pks)
    elif pks:
        counts = queryset.aggregate(
            aantal=Count("pk", filter=~Q(pk__in=pks)), uitgesteld=Count("pk", filter=Q(pk__in=pks))
        )
        queryset = queryset.exclude(pk__in=pks)
    else:
        counts = {"aantal": queryset.count(), "uitgesteld": 0}
    items = [kind.item(obj, ctx) for obj in queryset[:limit]]
    return Groep(soort, items, counts["aantal"], counts["uitgesteld"], uitleg=kind.uitleg)


def _kansen(ctx, limit, keys):
    oogst = fruit.pluk(ctx.buurt, limit + len(keys))
    found = [k for k in oogst.kansen if k.key not in keys]
    uitgesteld = len(oogst.kansen) - len(found)
    shown = kansen.met_staat(ctx.buurt, found[:limit])
    items = [_kans_item(kans, ctx) for kans in shown if kans.staat.status in OPEN_KANS]
    return Groep(
        Soort.KANS,
        items,
        len(found),
        uitgesteld,
        ondergrens=oogst.meer,
        uitleg=_kans_uitleg(),
    )


def _kans_uitleg():
    return _("Lopende activiteiten met iets gemeen, van organisatoren die nog niet samenwerken.")


def _kans_item(kans, ctx):
    titel = _("%(a)s en %(b)s") % {"a": kans.a.naam, "b": kans.b.naam}
    detail = _("%(van)s en %(naar)s werken nog niet samen · %(status)s") % {
        "van": kans.van.naam,
        "naar": kans.naar.naam,
        "status": kans.staat.label,
    }
    url = ctx.url("initiatieven:fruit", anchor=f"kans-{kans.key}")
    return Item(Soort.KANS, kans.key, titel, detail, url, _("Naar de kans"))


def overzicht(buurt, limit=5, site="", soorten=None):
    """Every kind (or those in ``soorten``), each with at most ``limit`` items."""
    ctx = context(buurt, site)
    keys = uitgestelde_sleutels(ctx)
    with transaction.atomic():  # one snapshot: the counts and the items agree
        return [groep(ctx, soort, limit, keys.get(soort, set())) for soort in soorten or Soort]


def pagina(request, buurt, soort, per_page=25):
    """One page of one kind's items (not for the chances: the fruit page lists those)."""
    ctx = context(buurt)
    kind = KINDS[soort]
    keys = Uitstel.objects.in_buurt(buurt).lopend(ctx.today).filter(soort=soort)
    pks = _pks(keys.values_list("sleutel", flat=True))
    page = paginate(request, kind.queryset(ctx).exclude(pk__in=pks), per_page)
    page.items = [kind.item(obj, ctx) for obj in page.object_list]
    return page


def vind(buurt, soort, sleutel):
    """The item of kind ``soort`` with key ``sleutel`` if it needs attention now, else None."""
    ctx = context(buurt)
    if soort == Soort.KANS:
        a, _dash, b = sleutel.partition("-")
        if not (a.isdigit() and b.isdigit()):
            return None
        kans = fruit.kans_voor(buurt, int(a), int(b))
        if kans is None:
            return None
        kans.staat = kansen.huidige_staat(buurt, kans.a, kans.b)
        if kans.staat.status not in OPEN_KANS or kans.staat.verborgen:
            return None
        return _kans_item(kans, ctx)
    if not sleutel.isdigit():
        return None
    obj = KINDS[soort].queryset(ctx).filter(pk=int(sleutel)).first()
    return KINDS[soort].item(obj, ctx) if obj else None


def lopend_uitstel(buurt, soort, sleutel):
    return Uitstel.objects.in_buurt(buurt).lopend().filter(soort=soort, sleutel=sleutel).first()


def dashboard(buurt, limit=2):
    """The dashboard's part: every kind's count and its first ``limit`` items."""
    groepen = overzicht(buurt, limit=limit)
    return {"aandacht": groepen, "aandacht_aantal": sum(g.aantal for g in groepen)}
