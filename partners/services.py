from django.db import transaction

from .models import Enthousiasme, Partner


@transaction.atomic
def make_partner(actor, door=None, niveau=None):
    """Turn an actor into a partner, with a first dated enthusiasm rating if one is given."""
    partner = Partner.objects.create(actor=actor)
    if niveau:
        Enthousiasme.objects.create(partner=partner, niveau=niveau, door=door)
    return partner
