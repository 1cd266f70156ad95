from django.db import transaction

from .models import Succes


@transaction.atomic
def log_succes(buurt, titel, datum, partners=(), initiatief=None, beschrijving=""):
    """Record a small success with the partners involved."""
    succes = Succes.objects.create(
        buurt=buurt, titel=titel, datum=datum, initiatief=initiatief, beschrijving=beschrijving
    )
    succes.partners.set(partners)
    return succes
