"""Retention: natural persons with no activity for ``BEWAARTERMIJN_MAANDEN`` months are
proposed for anonymisation.

Activity is anything dated about them: being added or changed, a relation (a running one
counts as now), a team membership (idem), an enthusiasm rating, a preference, a meeting they
were invited to, an action, their personal link used, pulling an initiative that still
goes or organising an activity that still runs. One query with NOT EXISTS per kind, each
over an index of the person's own rows.
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from buurt.models import Actor, Relatie, Wijziging
from initiatieven.kansen import plus_maanden
from initiatieven.models import Activiteit, Deelname, Initiatief, Voorkeur
from overleg.models import Actie, Deelnemer
from partners.models import Enthousiasme, Partner, Partnerlink


def maanden():
    return settings.BEWAARTERMIJN_MAANDEN


def grens(today=None, months=None):
    """The date before which nothing may have happened."""
    return plus_maanden(today or timezone.localdate(), -(months or maanden()))


def voorstellen(buurt, today=None, months=None):
    """The buurt's natural persons, not yet anonymised, without activity since ``grens``."""
    day = grens(today, months)
    moment = timezone.make_aware(datetime.combine(day, time.min))
    actor = OuterRef("pk")
    partner = OuterRef("partner")
    relatie = Relatie.objects.filter(Q(van=actor) | Q(naar=actor)).filter(
        Q(tot__isnull=True) | Q(tot__gte=day) | Q(sinds__gte=day)
    )
    deelname = Deelname.objects.filter(partner=partner).filter(
        Q(vertrokken_op__isnull=True) | Q(vertrokken_op__gte=day) | Q(toegetreden_op__gte=day)
    )
    actie = Actie.objects.filter(partner=partner).filter(
        Q(gedaan_op__isnull=True, tegen__gte=day)
        | Q(gedaan_op__gte=day)
        | Q(aangemaakt_op__gte=moment)
    )
    wijziging = Wijziging.objects.filter(
        content_type=ContentType.objects.get_for_model(Actor),
        object_id=actor,
        timestamp__gte=moment,
    )
    recent = [
        relatie,
        deelname,
        actie,
        wijziging,
        Enthousiasme.objects.filter(partner=partner, datum__gte=day),
        Voorkeur.objects.filter(partner=partner, datum__gte=moment),
        Deelnemer.objects.filter(partner=partner, overleg__begint_op__gte=moment),
        Partnerlink.objects.filter(partner=partner, laatst_gebruikt_op__gte=moment),
        Partner.objects.filter(pk=partner, partner_sinds__gte=day),
        Initiatief.objects.filter(trekkers=actor).niet_beeindigd(),
        Activiteit.objects.filter(organisatoren=actor, loopt=True),
    ]
    queryset = (
        Actor.objects.in_buurt(buurt)
        .natuurlijke_personen()
        .filter(geanonimiseerd_op__isnull=True, aangemaakt_op__lt=moment, gewijzigd_op__lt=moment)
    )
    for rows in recent:
        queryset = queryset.filter(~Exists(rows))
    return queryset.order_by("gewijzigd_op", "id")
