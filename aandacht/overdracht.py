"""The handover of a buurt, to print: what needs attention, the open actions, the meetings to
come and who the partners are, so that a new coordinator loses nothing.

Every list is bounded (with "en N meer"): a buurt of a hundred thousand actors prints the
same few pages' worth of queries as a small one.
"""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from buurt.models import Rol
from initiatieven.models import Participatieniveau, Voorkeur
from overleg.models import Actie, Overleg
from partners.models import Niveau, Partner

from .lijst import overzicht

PER_SOORT = 10
MAX_ACTIES = 100
MAX_OVERLEGGEN = 30
MAX_PARTNERS = 300


def _bounded(queryset, limit):
    """(rows, how many more): the first ``limit`` rows and the count of the rest."""
    rows = list(queryset[:limit])
    return rows, queryset.count() - len(rows)


def _partners(buurt):
    """The first partners by name, with their current enthusiasm and general preference.

    The page's ids come first, so the four subqueries per partner run for those only, not
    for every partner of a large buurt before sorting.
    """
    queryset = Partner.objects.in_buurt(buurt).order_by("actor__naam", "id")
    ids = list(queryset.values_list("pk", flat=True)[:MAX_PARTNERS])
    algemeen = Voorkeur.objects.filter(partner=OuterRef("pk"), team__isnull=True).order_by(
        "-datum", "-id"
    )
    partners = list(
        Partner.objects.filter(pk__in=ids)
        .with_enthousiasme()
        .annotate(
            voorkeur=Subquery(algemeen.values("participatieniveau")[:1]),
            voorkeur_datum=Subquery(algemeen.values("datum")[:1]),
        )
        .select_related("actor")
        .order_by("actor__naam", "id")
    )
    niveaus, ladder = dict(Niveau.choices), dict(Participatieniveau.choices)
    for partner in partners:
        partner.enthousiasme_label = niveaus.get(partner.huidig_enthousiasme, "")
        partner.voorkeur_label = ladder.get(partner.voorkeur, "")
    return partners, queryset.count() - len(partners)


def overdracht_context(buurt):
    now = timezone.now()
    acties, acties_meer = _bounded(
        Actie.objects.in_buurt(buurt)
        .open()
        .select_related("partner__actor", "coordinator", "overleg", "team", "initiatief")
        .order_by("tegen", "id"),
        MAX_ACTIES,
    )
    overleggen, overleggen_meer = _bounded(
        Overleg.objects.in_buurt(buurt)
        .komend(now)
        .select_related("team", "initiatief")
        .order_by("begint_op", "id"),
        MAX_OVERLEGGEN,
    )
    partners, partners_meer = _partners(buurt)
    coordinatoren = (
        Rol.objects.filter(buurt=buurt, rol=Rol.Soort.COORDINATOR)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )
    groepen = overzicht(buurt, limit=PER_SOORT)
    return {
        "buurt": buurt,
        "nu": now,
        "today": timezone.localdate(now),
        "groepen": groepen,
        "aantal": sum(g.aantal for g in groepen),
        "uitgesteld": sum(g.uitgesteld for g in groepen),
        "acties": acties,
        "acties_meer": acties_meer,
        "overleggen": overleggen,
        "overleggen_meer": overleggen_meer,
        "partners": partners,
        "partners_meer": partners_meer,
        "coordinatoren": [rol.user for rol in coordinatoren[:50]],
    }
