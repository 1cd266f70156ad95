"""Each partner's current enthusiasm (its latest rating), kept at write time.

Pages filter and sort partners by their current level; computing it as "the latest rating"
for every partner of a buurt costs a subquery per partner. ``HuidigEnthousiasme`` holds it,
one row per rated partner, written in the same transaction as the rating (model signals)
and rebuilt for a buurt by ``herbereken`` (after writes that send no signals, and by
``manage.py tellingen``).
"""

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save

from .models import Enthousiasme, HuidigEnthousiasme, Partner


def latest(partner_ids):
    """{partner id: (niveau, datum)} of their latest rating (by date, then entry)."""
    newest = Enthousiasme.objects.filter(partner=OuterRef("pk")).order_by("-datum", "-id")
    rows = (
        Partner.objects.filter(pk__in=partner_ids)
        .annotate(niveau=Subquery(newest.values("niveau")[:1]))
        .annotate(datum=Subquery(newest.values("datum")[:1]))
        .filter(niveau__isnull=False)
        .values_list("pk", "niveau", "datum")
    )
    return {pk: (niveau, datum) for pk, niveau, datum in rows}


def bijwerken(partner_id):
    """Set one partner's current level from its ratings (none left, in a partner's own
    deletion: no row)."""
    found = (
        Enthousiasme.objects.filter(partner_id=partner_id)
        .order_by("-datum", "-id")
        .values_list("niveau", "datum")
        .first()
    )
    if found is None:
        HuidigEnthousiasme.objects.filter(partner_id=partner_id).delete()
    else:
        HuidigEnthousiasme.objects.update_or_create(
            partner_id=partner_id, defaults={"niveau": found[0], "datum": found[1]}
        )


def _rating_written(sender, instance, **kwargs):
    bijwerken(instance.partner_id)


def connect():
    post_save.connect(_rating_written, sender=Enthousiasme, dispatch_uid="huidig-save")
    post_delete.connect(_rating_written, sender=Enthousiasme, dispatch_uid="huidig-delete")


def _buurt_partners(buurt_id):
    return Partner.objects.filter(actor__buurt_id=buurt_id).values("pk")


@transaction.atomic
def herbereken(buurt_id):
    """Replace the current levels of the buurt's partners by what their ratings say."""
    HuidigEnthousiasme.objects.filter(partner__in=_buurt_partners(buurt_id)).delete()
    found = latest(_buurt_partners(buurt_id))
    HuidigEnthousiasme.objects.bulk_create(
        [
            HuidigEnthousiasme(partner_id=pk, niveau=niveau, datum=datum)
            for pk, (niveau, datum) in found.items()
        ],
        batch_size=2000,
    )


def verschillen(buurt_id):
    """{partner id: (stored, from the ratings)} where they differ."""
    stored = {
        pk: (niveau, datum)
        for pk, niveau, datum in HuidigEnthousiasme.objects.filter(
            partner__in=_buurt_partners(buurt_id)
        ).values_list("partner_id", "niveau", "datum")
    }
    counted = latest(_buurt_partners(buurt_id))
    return {
        pk: (stored.get(pk), counted.get(pk))
        for pk in set(stored) | set(counted)
        if stored.get(pk) != counted.get(pk)
    }
