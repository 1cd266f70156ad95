from django.db import transaction

from buurt.services import lock_buurt

from .models import Enthousiasme, Partner


@transaction.atomic
def make_partner(actor, door=None, niveau=None):
    """Turn an actor into a partner, with a first dated enthusiasm rating if one is given;
    return (partner, created). A partner already (an identical submission got there first)
    stays as it is."""
    lock_buurt(actor.buurt_id)
    existing = Partner.objects.filter(actor=actor).first()
    if existing:
        return existing, False
    partner = Partner.objects.create(actor=actor)
    if niveau:
        Enthousiasme.objects.create(partner=partner, niveau=niveau, door=door)
    return partner, True
