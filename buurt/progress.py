"""Progress on the four steps of the method, computed from the data."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from initiatieven.models import Activiteit, Deelname, Initiatief, Succes, Team
from partners.models import Niveau, Partner

from .models import Actor, Relatie


def step_overview(buurt):
    """Return the four steps, each with its counts and a progress fraction (0..1)."""
    actoren = Actor.objects.in_buurt(buurt).aggregate(
        totaal=Count("id"),
        bewoner=Count("id", filter=Q(soort=Actor.Soort.BEWONER)),
        vereniging=Count("id", filter=Q(soort=Actor.Soort.VERENIGING)),
        professional=Count("id", filter=Q(soort=Actor.Soort.PROFESSIONAL)),
        organisatie=Count("id", filter=Q(soort=Actor.Soort.ORGANISATIE)),
        via_partner=Count("id", filter=Q(aangebracht_door__isnull=False)),
    )
    enthousiasme = dict.fromkeys(Niveau.values, 0)
    partners_totaal = 0
    rows = (
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .values("huidig_enthousiasme")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        partners_totaal += row["n"]
        enthousiasme[row["huidig_enthousiasme"] or Niveau.GEEN] += row["n"]
    successen = Succes.objects.in_buurt(buurt).count()
    activiteiten = Activiteit.objects.in_buurt(buurt).aggregate(
        totaal=Count("id"), lopend=Count("id", filter=Q(loopt=True))
    )
    initiatieven = Initiatief.objects.in_buurt(buurt).aggregate(
        totaal=Count("id", distinct=True),
        voortbouwend=Count("id", filter=Q(bouwt_voort_op__isnull=False), distinct=True),
        met_team=Count("id", filter=Q(teams__isnull=False), distinct=True),
    )
    teams = Team.objects.in_buurt(buurt).count()
    deelnames = Deelname.objects.in_buurt(buurt).actief().count()
    relaties = Relatie.objects.in_buurt(buurt).actief().count()

    soorten_gekend = sum(1 for soort in Actor.Soort.values if actoren[soort])
    return [
        {
            "nummer": 1,
            "naam": _("Ken je buurt"),
            "url_name": "buurt:ken_je_buurt",
            "progress": _fraction(soorten_gekend, len(Actor.Soort.values)),
            "cijfers": [
                (_("actoren gekend"), actoren["totaal"]),
                (_("bewoners"), actoren["bewoner"]),
                (_("verenigingen"), actoren["vereniging"]),
                (_("professionals"), actoren["professional"]),
                (_("organisaties"), actoren["organisatie"]),
                (_("aangebracht door iemand die hen kent"), actoren["via_partner"]),
            ],
            "uitleg": _("Alle vier soorten actoren in beeld."),
        },
        {
            "nummer": 2,
            "naam": _("Zoek vonken (en vuur)"),
            "url_name": "partners:vonken",
            "progress": _fraction(
                enthousiasme[Niveau.VONK] + enthousiasme[Niveau.VUUR], partners_totaal
            ),
            "cijfers": [
                (_("partners"), partners_totaal),
                (_("met vonk"), enthousiasme[Niveau.VONK]),
                (_("met vuur"), enthousiasme[Niveau.VUUR]),
                (_("kleine successen"), successen),
            ],
            "uitleg": _("Partners met een vonk of vuur."),
        },
        {
            "nummer": 3,
            "naam": _("Pluk laaghangend fruit (en reik hoger)"),
            "url_name": "initiatieven:fruit",
            "progress": _fraction(initiatieven["voortbouwend"], initiatieven["totaal"]),
            "cijfers": [
                (_("bestaande activiteiten"), activiteiten["totaal"]),
                (_("lopend"), activiteiten["lopend"]),
                (_("initiatieven"), initiatieven["totaal"]),
                (_("bouwen voort op wat er is"), initiatieven["voortbouwend"]),
            ],
            "uitleg": _("Initiatieven die voortbouwen op wat er al is."),
        },
        {
            "nummer": 4,
            "naam": _("Ontwar de bomen (en het bos)"),
            "url_name": "initiatieven:bomen",
            "progress": _fraction(initiatieven["met_team"], initiatieven["totaal"]),
            "cijfers": [
                (_("teams"), teams),
                (_("lopende deelnames"), deelnames),
                (_("lopende relaties tussen actoren"), relaties),
            ],
            "uitleg": _("Initiatieven met minstens één klein team."),
        },
    ]


def _fraction(part, whole):
    return round(part / whole, 2) if whole else 0
