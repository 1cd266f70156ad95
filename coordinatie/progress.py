"""Progress on the four steps of the method, computed from the data."""

import datetime
import itertools

from django.db.models import Count, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt, Relatie
from buurt.months import month_starts, next_month
from initiatieven.models import Activiteit, Deelname, Initiatief, Succes, Team
from partners.enthousiasme import vonk_and_vuur_per_month
from partners.models import Niveau, Partner


def step_overview(buurt):
    """Return the four steps, each with its counts and a progress fraction (0..1)."""
    # Two counts that each read one index, rather than one pass over every actor's row.
    actoren = dict.fromkeys(Actor.Soort.values, 0)
    actoren.update(Actor.objects.in_buurt(buurt).count_per_soort())
    actoren["totaal"] = sum(actoren.values())
    actoren["via_partner"] = (
        Actor.objects.in_buurt(buurt).filter(aangebracht_door__isnull=False).count()
    )
    enthousiasme = Partner.objects.in_buurt(buurt).count_per_enthousiasme()
    enthousiasme[Niveau.GEEN] += enthousiasme.pop(None)  # not yet rated: no spark seen
    partners_totaal = sum(enthousiasme.values())
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
            "url_name": "coordinatie:vonken",
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


CHART_WIDTH, CHART_HEIGHT = 300, 120
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 34, 8, 8, 22


def _nice_max(value):
    if value <= 4:
        return 4
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


def _chart(key, label, values, months):
    top = _nice_max(max(values))
    width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = width / (len(values) - 1)

    def y(v):
        return round(CHART_TOP + height - height * v / top, 1)

    points = [(round(CHART_LEFT + i * step, 1), y(v)) for i, v in enumerate(values)]
    return {
        "key": key,
        "label": label,
        "values": values,
        "last": values[-1],
        "first": values[0],
        "points": " ".join(f"{px},{py}" for px, py in points),
        "last_point": points[-1],
        "ticks": [(y(t), t) for t in (0, top // 2 if top % 2 == 0 else top / 2, top)],
        "x_labels": [(points[i][0], months[i]) for i in range(0, len(months), 3)]
        + [(points[-1][0], months[-1])],
    }


def growth_over_time(buurt, today=None):
    """Per month for the last twelve months: actors known, partners with vonk and with vuur,
    small successes; each series with the geometry of a small server-rendered SVG chart.

    Three queries whatever the size of the buurt.
    """
    months = month_starts(today or timezone.localdate())
    ends = [next_month(month) for month in months]
    actoren = _counts_at_month_ends(
        buurt, Actor.objects.in_buurt(buurt), "aangemaakt_op", ends, as_datetime=True
    )
    successen = _counts_at_month_ends(
        buurt, Succes.objects.in_buurt(buurt), "datum", ends, as_datetime=False
    )
    vonk, vuur = vonk_and_vuur_per_month(buurt, months)
    series = [
        ("actoren", _("Actoren gekend"), actoren),
        ("vonk", _("Partners met een vonk"), vonk),
        ("vuur", _("Partners met vuur"), vuur),
        ("successen", _("Kleine successen (totaal)"), successen),
    ]
    return {
        "months": months,
        "rows": list(
            zip(months, zip(*(values for _k, _l, values in series), strict=True), strict=True)
        ),
        "charts": [_chart(key, label, values, months) for key, label, values in series],
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_RIGHT,
        "bottom": CHART_HEIGHT - CHART_BOTTOM,
    }


def _start_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _counts_at_month_ends(buurt, queryset, field, ends, as_datetime):
    """Running totals at each month end, in one query of range counts: the rows before the
    first month end, then those of each month.

    Each range is a stretch of the (buurt, field) index, counted without visiting a row, and
    no index entry is read twice; one aggregate with a filter per month end would test every
    row against every month.
    """
    bound = _start_of_day if as_datetime else (lambda day: day)
    ranges = [{f"{field}__lt": bound(ends[0])}] + [
        {f"{field}__gte": bound(start), f"{field}__lt": bound(end)}
        for start, end in itertools.pairwise(ends)
    ]

    def count(lookups):
        rows = queryset.filter(**lookups).order_by().values("buurt").annotate(n=Count("*"))
        return Coalesce(Subquery(rows.values("n")), 0)

    counts = {f"n_{i}": count(lookups) for i, lookups in enumerate(ranges)}
    row = Buurt.objects.filter(pk=buurt.pk).annotate(**counts).values(*counts).get()
    return list(itertools.accumulate(row[key] for key in counts))
