"""What policy expects of a buurt (top-down) beside the initiatives that grew (bottom-up)."""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Beleidsverwachting

from .models import Initiatief

BELEID_OP_DASHBOARD = 10  # the current expectations shown; the page lists them all


def beleid_naast_groei(buurt, today=None, met_tekst=True):
    """What policy expects on `today` beside the initiatives that grew, by who started
    them and by kind. Three queries whatever the size of the buurt.

    `met_tekst` adds the expectations themselves (free text, for coordinators); without it
    only how many there are per source.
    """
    today = today or timezone.localdate()
    lopend = Beleidsverwachting.objects.in_buurt(buurt).lopend(today)
    per_bron = dict(lopend.order_by().values_list("bron").annotate(n=Count("*")))
    verwachtingen = (
        list(lopend.order_by("-sinds", "-id")[:BELEID_OP_DASHBOARD]) if met_tekst else []
    )

    rows = (
        Initiatief.objects.in_buurt(buurt)
        .niet_beeindigd()
        .order_by()
        .values_list("gestart_door", "soort")
        .annotate(n=Count("*"))
    )
    counts = {(door, soort): n for door, soort, n in rows}
    soorten = Initiatief.Soort.values
    starters = [*Initiatief.GestartDoor.choices, ("", _("niet genoteerd"))]
    gestart_door = [
        {
            "waarde": door,
            "label": label,
            "per_soort": [counts.get((door, soort), 0) for soort in soorten],
            "totaal": sum(counts.get((door, soort), 0) for soort in soorten),
        }
        for door, label in starters
    ]
    return {
        "per_bron": [
            (label, per_bron.get(bron, 0)) for bron, label in Beleidsverwachting.Bron.choices
        ],
        "aantal": sum(per_bron.values()),
        "verwachtingen": verwachtingen,
        "meer": max(sum(per_bron.values()) - len(verwachtingen), 0) if met_tekst else 0,
        "soorten": Initiatief.Soort.labels,
        "gestart_door": gestart_door,
        "soort_totalen": [
            sum(r["per_soort"][i] for r in gestart_door) for i in range(len(soorten))
        ],
        "initiatieven": sum(counts.values()),
    }
