"""Enthusiasm in a buurt: how many partners have a spark or fire, how that grew month by
month, and how much ambition it carries."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext_lazy as _

from buurt.months import next_month

from .models import Enthousiasme, Niveau, Partner
from .tellingen import per_niveau


def month_end_levels(ratings, months, start=None):
    """Yield, for each month, ``{partner_id: niveau}`` as it stood at the month's end.

    `ratings` are ``(partner_id, niveau, datum)`` tuples, oldest first; `start` holds the
    levels before the first month. The same dict is yielded each time, updated in place.
    """
    levels = dict(start or {})
    ratings = iter(ratings)
    pending = next(ratings, None)
    for month in months:
        end = next_month(month)
        while pending is not None and pending[2] < end:
            levels[pending[0]] = pending[1]
            pending = next(ratings, None)
        yield levels


def vonk_and_vuur_per_month(buurt, months, until=None):
    """Partners with vonk and with vuur at the end of each month (the latest rating counts);
    the last month up to `until` when given."""
    ratings = (
        Enthousiasme.objects.in_buurt(buurt)
        .filter(datum__lt=next_month(months[-1]))
        .order_by("datum", "id")
        .values_list("partner_id", "niveau", "datum")
    )
    if until is not None:
        ratings = ratings.filter(datum__lte=until)
    vonk, vuur = [], []
    for levels in month_end_levels(ratings.iterator(), months):
        values = list(levels.values())
        vonk.append(values.count(Niveau.VONK))
        vuur.append(values.count(Niveau.VUUR))
    return vonk, vuur


def partners_with_trend(buurt, months):
    """Partners with their current enthusiasm and what they need for `attach_trend`."""
    before = Enthousiasme.objects.filter(partner=OuterRef("pk"), datum__lt=months[0]).order_by(
        "-datum", "-id"
    )
    return (
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .annotate(niveau_voor_trend=Subquery(before.values("niveau")[:1]))
        .select_related("actor")
        .prefetch_related(
            Prefetch(
                "enthousiasme",
                queryset=Enthousiasme.objects.filter(datum__gte=months[0]).order_by("datum", "id"),
                to_attr="recent",
            )
        )
    )


def attach_trend(partners, months):
    """Give each partner of `partners_with_trend` a ``trend``: (month, niveau, label) per month."""
    labels = dict(Niveau.choices)
    for partner in partners:
        ratings = ((partner.pk, r.niveau, r.datum) for r in partner.recent)
        start = {partner.pk: partner.niveau_voor_trend}
        partner.trend = []
        for month, levels in zip(months, month_end_levels(ratings, months, start), strict=True):
            niveau = levels[partner.pk]
            partner.trend.append((month, niveau, labels.get(niveau, _("nog niet ingeschat"))))
    return partners


ADVICE = {
    "leeg": _(
        "Nog geen partners. Maak van de actoren die al meedoen een partner en schat in "
        "hoeveel vuur ze hebben."
    ),
    "zoek": _(
        "Nog weinig vonken. Zoek eerst wat partners drijft, houd de ambitie klein en "
        "begin bij wat al bestaat."
    ),
    "vonken": _(
        "Vooral vonken: pluk laaghangend fruit. Versterk wat al bestaat en vier kleine "
        "successen, zo wakker je het vuur aan."
    ),
    "vuur": _(
        "Er is vuur: er is ruimte om hoger te reiken met een nieuw initiatief, gedragen door "
        "de partners met vuur."
    ),
}


def ambition_advice(totaal, vonk, vuur):
    """Which ambition the amount of fire carries: one of ADVICE."""
    if not totaal:
        return ADVICE["leeg"]
    if vuur >= 2 and vuur * 3 >= totaal:
        return ADVICE["vuur"]
    if vonk + vuur == 0 or (vonk + vuur) * 3 < totaal:
        return ADVICE["zoek"]
    return ADVICE["vonken"]


def fire_summary(buurt, counts=None):
    """Partners per current level, those not yet rated apart, and the ambition advice.

    `counts` is ``tellingen.per_niveau`` of the buurt when the caller has read it.
    """
    counts = dict(counts if counts is not None else per_niveau(buurt))
    nog_niet = counts.pop(None)
    totaal = sum(counts.values()) + nog_niet
    return {
        "totaal": totaal,
        "geen": counts[Niveau.GEEN],
        "vonk": counts[Niveau.VONK],
        "vuur": counts[Niveau.VUUR],
        "nog_niet": nog_niet,
        "advies": ambition_advice(totaal, counts[Niveau.VONK], counts[Niveau.VUUR]),
    }
