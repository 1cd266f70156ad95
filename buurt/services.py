"""Writes that check for a duplicate first, each one transaction.

Each takes the buurt's row lock before it looks, so identical submissions at once (a double
click) are checked one after the other: a later one finds the row the first one added and
returns it instead of adding another. SQLite serialises writes anyway and has no row locks.
"""

from django.db import transaction

from .models import Actor, Buurt, Relatie


def lock_buurt(buurt_id):
    """Hold the buurt's row lock until the transaction ends. FOR NO KEY UPDATE: it makes
    other lockers wait, not the inserts and updates of rows that merely refer to the buurt."""
    Buurt.objects.select_for_update(no_key=True).filter(pk=buurt_id).values_list("pk").get()


@transaction.atomic
def add_actor(actor, known_namesakes=0):
    """Save a new actor; return (actor, created).

    ``known_namesakes`` counts the actors of that name the coordinator was shown (and
    confirmed are someone else). Finding more means an identical submission just added one:
    that one is returned.
    """
    lock_buurt(actor.buurt_id)
    namesakes = Actor.objects.in_buurt(actor.buurt_id).filter(naam__iexact=actor.naam)
    newest = list(namesakes.order_by("-pk")[: known_namesakes + 1])
    if len(newest) > known_namesakes:
        return newest[0], False
    actor.save()
    return actor, True


@transaction.atomic
def add_relatie(buurt, van, naar, intensiteit, sinds):
    """Start a relation between two actors of the buurt, unless one already runs between
    them either way round; return (relatie, created)."""
    lock_buurt(buurt.pk)
    existing = Relatie.objects.in_buurt(buurt).lopend_tussen(van, naar).first()
    if existing:
        return existing, False
    relatie = Relatie.objects.create(
        buurt=buurt, van=van, naar=naar, intensiteit=intensiteit, sinds=sinds
    )
    return relatie, True
