"""Growth of a buurt on the four steps of the method, computed from the data: the steps'
growth in given periods, and month by month. The dashboard shows the last 3 and 12 months,
the report (verslag) a period of its own."""

import calendar
import datetime
import itertools

from django.db import models
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt, Relatie
from buurt.months import month_starts, next_month
from partners.enthousiasme import vonk_and_vuur_per_month
from partners.models import Enthousiasme, Niveau, Partner

from . import grafiek, netwerk_groei
from .models import Activiteit, Deelname, Initiatief, Succes, Team
from .teams import vertrokken, zonder_voortzettingen
from .veel_tegelijk import VeelTegelijk

GROWTH_PERIODS = (3, 12)  # months


def months_before(day, months):
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def last_months(today, months):
    """The period of the last `months` months up to `today`, both days included."""
    return months_before(today, months) + datetime.timedelta(days=1), today


def step_overview(buurt, today=None, periods=None):
    """The four steps, each as growth: rows of (label, one count per period, now); and the
    "a lot at once" tip, from the same counts.

    `periods` are (first day, last day) pairs, both included; by default the last 3 and the
    last 12 months up to `today`. Steps are not jobs to finish: a step shows what grew, never
    how far it is "done". The growth of all steps and the plain counts of now are one query
    (see `_growth`); the partners per current level one more.
    """
    today = today or timezone.localdate()
    if periods is None:
        periods = [last_months(today, months) for months in GROWTH_PERIODS]
    actoren = Actor.objects.in_buurt(buurt)
    enthousiasme = Enthousiasme.objects.in_buurt(buurt)
    initiatieven = Initiatief.objects.in_buurt(buurt)
    deelnames = Deelname.objects.in_buurt(buurt)
    groei, nu = _growth(
        buurt,
        periods,
        {
            "actoren": (actoren, "aangemaakt_op", "buurt"),
            "via_partner": (
                actoren.filter(aangebracht_door__isnull=False),
                "aangemaakt_op",
                "buurt",
            ),
            "partners": (Partner.objects.in_buurt(buurt), "partner_sinds", "actor__buurt"),
            "vonk": (enthousiasme.filter(niveau=Niveau.VONK), "datum", "partner__actor__buurt"),
            "vuur": (enthousiasme.filter(niveau=Niveau.VUUR), "datum", "partner__actor__buurt"),
            "successen": (Succes.objects.in_buurt(buurt), "datum", "buurt"),
            "activiteiten": (Activiteit.objects.in_buurt(buurt), "aangemaakt_op", "buurt"),
            "initiatieven": (initiatieven, "aangemaakt_op", "buurt"),
            "voortbouwend": (
                initiatieven.filter(bouwt_voort_op__isnull=False),
                "aangemaakt_op",
                "buurt",
            ),
            "teams": (Team.objects.in_buurt(buurt), "aangemaakt_op", "initiatief__buurt"),
            # A changed agreement ends one membership and starts another: neither a join
            # nor a departure.
            "deelnames_begonnen": (
                zonder_voortzettingen(deelnames),
                "toegetreden_op",
                "team__initiatief__buurt",
            ),
            "deelnames_gestopt": (
                vertrokken(deelnames),
                "vertrokken_op",
                "team__initiatief__buurt",
            ),
            "relaties": (Relatie.objects.in_buurt(buurt), "sinds", "buurt"),
        },
        {
            "actoren": (actoren, "buurt"),
            "via_partner": (actoren.filter(aangebracht_door__isnull=False), "buurt"),
            "successen": (Succes.objects.in_buurt(buurt), "buurt"),
            "activiteiten": (Activiteit.objects.in_buurt(buurt).lopend(), "buurt"),
            "initiatieven": (initiatieven, "buurt"),
            "voortbouwend": (initiatieven.filter(bouwt_voort_op__isnull=False), "buurt"),
            "initiatieven_lopend": (initiatieven.lopend(), "buurt"),
            "teams": (Team.objects.in_buurt(buurt), "initiatief__buurt"),
            "deelnames_begonnen": (deelnames.actief(), "team__initiatief__buurt"),
            "relaties": (Relatie.objects.in_buurt(buurt).actief(today), "buurt"),
        },
    )
    niveaus = Partner.objects.in_buurt(buurt).count_per_enthousiasme()
    nu["partners"] = sum(niveaus.values())
    nu["vonk"], nu["vuur"] = niveaus[Niveau.VONK], niveaus[Niveau.VUUR]
    tegelijk = VeelTegelijk(lopend=nu.pop("initiatieven_lopend"), met_vuur=nu["vuur"])

    def rows(*labels):
        return [(label, *groei[key], nu.get(key)) for key, label in labels]

    steps = [
        {
            "nummer": 1,
            "naam": _("Ken je buurt"),
            "url_name": "buurt:ken_je_buurt",
            "rijen": rows(
                ("actoren", _("actoren gekend")),
                ("via_partner", _("aangebracht door iemand die hen kent")),
            ),
        },
        {
            "nummer": 2,
            "naam": _("Zoek vonken (en vuur)"),
            "url_name": "coordinatie:vonken",
            "rijen": rows(
                ("partners", _("partners")),
                ("vonk", _("partners met een vonk")),
                ("vuur", _("partners met vuur")),
                ("successen", _("kleine successen")),
            ),
        },
        {
            "nummer": 3,
            "naam": _("Pluk laaghangend fruit (en reik hoger)"),
            "url_name": "initiatieven:fruit",
            "rijen": rows(
                ("activiteiten", _("bestaande activiteiten (nu: lopend)")),
                ("initiatieven", _("initiatieven")),
                ("voortbouwend", _("initiatieven die voortbouwen op wat er is")),
            ),
        },
        {
            "nummer": 4,
            "naam": _("Ontwar de bomen (en het bos)"),
            "url_name": "initiatieven:bomen",
            "rijen": rows(
                ("teams", _("teams gevormd")),
                ("deelnames_begonnen", _("deelnames begonnen (nu: lopend)")),
                ("deelnames_gestopt", _("deelnames beëindigd")),
                ("relaties", _("relaties tussen actoren begonnen (nu: lopend)")),
            ),
        },
    ]
    return steps, tegelijk


def _growth(buurt, periods, sources, now):
    """For each ``key: (queryset, date field, path to the buurt)`` of `sources`, how many
    rows fall in each (first, last) day of `periods`, as ``key: (n, ...)``; and for each
    ``key: (queryset, path to the buurt)`` of `now`, how many rows there are.

    One query of range counts, like `_counts_at_month_ends`: each count reads a stretch of
    the date column, whatever the size of the buurt. Enthusiasm counts partners, not
    ratings: a partner rated vuur twice in a period counts once.
    """
    counts = {}
    for key, (queryset, field, buurt_path) in sources.items():
        as_datetime = isinstance(queryset.model._meta.get_field(field), models.DateTimeField)
        bound = start_of_day if as_datetime else (lambda day: day)
        counted = "partner" if queryset.model is Enthousiasme else "pk"
        for i, (first, last) in enumerate(periods):
            end = last + datetime.timedelta(days=1)
            in_period = queryset.filter(
                **{f"{field}__gte": bound(first), f"{field}__lt": bound(end)}
            )
            counts[f"{key}_{i}"] = count_per_buurt(
                in_period, buurt_path, Count(counted, distinct=True)
            )
    for key, (queryset, buurt_path) in now.items():
        counts[f"nu_{key}"] = count_per_buurt(queryset, buurt_path, Count("pk", distinct=True))
    row = one_row(buurt, counts)
    groei = {key: tuple(row[f"{key}_{i}"] for i in range(len(periods))) for key in sources}
    return groei, {key: row[f"nu_{key}"] for key in now}


def count_per_buurt(queryset, buurt_path, aggregate):
    """The `aggregate` of the buurt's rows in `queryset`, as a subquery (0 when none)."""
    rows = queryset.order_by().values(buurt_path).annotate(n=aggregate)
    return Coalesce(Subquery(rows.values("n")), 0)


def one_row(buurt, counts):
    """Every count of `counts` (name: subquery) in a single query."""
    return Buurt.objects.filter(pk=buurt.pk).annotate(**counts).values(*counts).get()


def growth_over_time(buurt, today=None, months=None):
    """Per month (the first days of `months`, by default the last twelve up to `today`):
    actors known, partners with vonk and with vuur, small successes, and the network
    (connected actors, running relations, groups); each series with the geometry of a small
    server-rendered SVG chart. The last month is counted up to `today`.

    Six queries whatever the size of the buurt, four when the network's growth is cached.
    """
    today = today or timezone.localdate()
    months = months or month_starts(today)
    ends = [next_month(month) for month in months]
    last = min(ends[-1], today + datetime.timedelta(days=1))
    ends[-1] = last
    actoren = _counts_at_month_ends(
        buurt, Actor.objects.in_buurt(buurt), "aangemaakt_op", ends, as_datetime=True
    )
    successen = _counts_at_month_ends(
        buurt, Succes.objects.in_buurt(buurt), "datum", ends, as_datetime=False
    )
    vonk, vuur = vonk_and_vuur_per_month(buurt, months, until=today)
    dagen = [min(end - datetime.timedelta(days=1), today) for end in ends]
    verbonden, relaties, groepen = netwerk_groei.groei(buurt, dagen, today)
    series = [
        ("actoren", _("Actoren gekend"), actoren),
        ("vonk", _("Partners met een vonk"), vonk),
        ("vuur", _("Partners met vuur"), vuur),
        ("successen", _("Kleine successen (totaal)"), successen),
        ("verbonden", _("Verbonden actoren (het bos)"), verbonden),
        ("relaties", _("Lopende relaties"), relaties),
        ("groepen", _("Groepen die los van elkaar staan"), groepen),
    ]
    return {
        "months": months,
        "rows": list(
            zip(months, zip(*(values for _k, _l, values in series), strict=True), strict=True)
        ),
        "charts": [grafiek.chart(key, label, values, months) for key, label, values in series],
        **grafiek.geometry(),
    }


def start_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _counts_at_month_ends(buurt, queryset, field, ends, as_datetime):
    """Running totals at each month end, in one query of range counts: the rows before the
    first month end, then those of each month.

    Each range is a stretch of the (buurt, field) index, counted without visiting a row, and
    no index entry is read twice; one aggregate with a filter per month end would test every
    row against every month.
    """
    bound = start_of_day if as_datetime else (lambda day: day)
    ranges = [{f"{field}__lt": bound(ends[0])}] + [
        {f"{field}__gte": bound(start), f"{field}__lt": bound(end)}
        for start, end in itertools.pairwise(ends)
    ]

    counts = {
        f"n_{i}": count_per_buurt(queryset.filter(**lookups), "buurt", Count("*"))
        for i, lookups in enumerate(ranges)
    }
    row = one_row(buurt, counts)
    return list(itertools.accumulate(row[key] for key in counts))
