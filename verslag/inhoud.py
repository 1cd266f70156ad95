"""Everything the report shows, in the method's order, computed for one buurt and period.

A fixed number of queries whatever the size of the buurt (tests/verslag guards it): each
part counts in the database and lists only its most telling rows, with how many more.
"""

from django.db.models import Count, Prefetch
from django.utils import timezone

from aandacht.lijst import overzicht
from aandacht.models import Soort
from initiatieven.beleid import beleid_naast_groei
from initiatieven.groei import growth_over_time, step_overview
from initiatieven.models import Succes
from partners.models import Partner

from . import soorten, stappen
from .namen import publieke_naam
from .periode import month_starts_between

MAX_SUCCESSEN = 10
MAX_OPEN = 5
# The open points of the report, and which of them researchers see more of than a count:
# the items of these kinds name an initiative, a team or two activities, never a person.
OPEN_PUNTEN = (
    Soort.KANS,
    Soort.ZONDER_TREKKER,
    Soort.TEAM_ZONDER_OVERLEG,
    Soort.ACTIE_TE_LAAT,
    Soort.ENTHOUSIASME_OUD,
)
ZONDER_PERSONEN = {Soort.KANS, Soort.ZONDER_TREKKER, Soort.TEAM_ZONDER_OVERLEG}


def verslag_context(buurt, van, tot, volledig):
    """The report of `buurt` from `van` to `tot` (both included). `volledig` is the
    coordinators' version; without it no natural person is named and no free text shown."""
    stappen_rijen, _tegelijk = step_overview(buurt, today=tot, periods=[(van, tot)])
    return {
        "buurt": buurt,
        "van": van,
        "tot": tot,
        "gemaakt_op": timezone.localtime(),
        "volledig": volledig,
        "stappen": stappen_rijen,
        "actoren": stappen.actoren_per_soort(buurt, van, tot),
        "enthousiasme": stappen.enthousiasme(buurt, van, tot, volledig),
        "kansen": stappen.kansen(buurt, van, tot),
        "teams": stappen.teams(buurt, van, tot),
        "groei": growth_over_time(buurt, today=tot, months=month_starts_between(van, tot)),
        "successen": successen(buurt, van, tot, volledig),
        "soorten": soorten.per_soort(buurt, van, tot, volledig),
        "schaal": soorten.schaal(buurt, volledig),
        "ladder": soorten.ladder(buurt, tot),
        "beleid": beleid_naast_groei(buurt, today=tot, met_tekst=volledig),
        "open_punten": open_punten(buurt, volledig),
    }


def successen(buurt, van, tot, volledig):
    """The small successes of the period: how many, and the latest with their initiative
    and partners; researchers get them per initiative, without titles (free text)."""
    in_period = Succes.objects.in_buurt(buurt).filter(datum__gte=van, datum__lte=tot)
    aantal = in_period.count()
    if not volledig:
        rows = list(
            in_period.order_by()
            .values_list("initiatief__naam")
            .annotate(n=Count("*"))
            .order_by("-n", "initiatief__naam")[:MAX_SUCCESSEN]
        )
        initiatieven = in_period.order_by().values("initiatief").distinct().count()
        return {"aantal": aantal, "per_initiatief": rows, "meer": initiatieven - len(rows)}
    lijst = list(
        in_period.select_related("initiatief")
        .prefetch_related(
            Prefetch("partners", Partner.objects.select_related("actor").order_by("actor__naam"))
        )
        .order_by("-datum", "-id")[:MAX_SUCCESSEN]
    )
    for succes in lijst:
        succes.namen = [publieke_naam(p.actor, volledig) for p in succes.partners.all()]
    return {"aantal": aantal, "lijst": lijst, "meer": aantal - len(lijst)}


def open_punten(buurt, volledig):
    """What is open now, per kind as "what needs attention" finds it; researchers see the
    items only of the kinds that name no person, and only how many of the others."""
    groepen = overzicht(buurt, limit=MAX_OPEN, soorten=OPEN_PUNTEN)
    for groep in groepen:
        groep.toon_items = volledig or groep.soort in ZONDER_PERSONEN
        groep.toon_detail = volledig or groep.soort != Soort.KANS
    return groepen
