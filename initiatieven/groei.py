"""Growth of a buurt on the four steps of the method, computed from the data: the steps'
growth in given periods, and month by month. The dashboard shows the last 3 and 12 months,
the report (verslag) a period of its own."""

import calendar
import datetime

from django.db import models
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt import tellingen
from buurt.models import Buurt
from buurt.months import month_starts, next_month
from partners.models import Enthousiasme, Niveau
from partners.tellingen import ONBEKEND

from . import grafiek, netwerk_groei
from .veel_tegelijk import VeelTegelijk

GROWTH_PERIODS = (3, 12)  # months
# The counts of buurt.tellingen the steps show: what grew in a period, ...
GEGROEID = (
    "actoren",
    "via_partner",
    "partners",
    "successen",
    "activiteiten",
    "initiatieven",
    "voortbouwend",
    "teams",
    "deelnames_begonnen",
    "deelnames_gestopt",
    "relaties",
)
# ... what there is today, ...
NU_OP_DAG = ("actoren", "via_partner", "successen", "initiatieven", "voortbouwend", "teams")
NU_OP_DAG += ("relaties_actief",)
# ... and states without a date.
NIVEAUS = (*Niveau.values, ONBEKEND)
NU_ZONDER_DAG = ("activiteiten_lopend", "initiatieven_lopend", "deelnames_actief")
NU_ZONDER_DAG += tuple(f"niveau:{niveau}" for niveau in NIVEAUS)


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
    groei = tellingen.sommen_per_periode(buurt, GEGROEID, periods)
    # Today's running relations; every other count of now is a total or a state.
    nu = tellingen.sommen_tot(buurt, NU_OP_DAG + NU_ZONDER_DAG, [today, datetime.date.max])
    staat = {key: totals for key, (_today, totals) in nu.items()}
    groei.update(_vonk_en_vuur(buurt, periods, today))
    nu = {  # what the steps show as now
        "actoren": staat["actoren"],
        "via_partner": staat["via_partner"],
        "successen": staat["successen"],
        "activiteiten": staat["activiteiten_lopend"],
        "initiatieven": staat["initiatieven"],
        "voortbouwend": staat["voortbouwend"],
        "teams": staat["teams"],
        "deelnames_begonnen": staat["deelnames_actief"],
        "relaties": nu["relaties_actief"][0],
        "partners": sum(staat[f"niveau:{niveau}"] for niveau in NIVEAUS),
        "vonk": staat[f"niveau:{Niveau.VONK}"],
        "vuur": staat[f"niveau:{Niveau.VUUR}"],
    }
    tegelijk = VeelTegelijk(lopend=staat["initiatieven_lopend"], met_vuur=staat["niveau:vuur"])

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


def _vonk_en_vuur(buurt, periods, today):
    """Partners with a vonk, and with vuur, rated in each period: partners, not ratings (a
    partner rated vuur twice in a period counts once), which no sum of days gives.

    When every period ends today or later and no rating is dated after today, a partner has
    a rating at a level in a period exactly when its newest one at that level is in it: then
    these are sums of days too (``laatst:<niveau>``). Otherwise (a report of an earlier
    year) the ratings themselves are counted.
    """
    if all(last >= today for _first, last in periods):
        after_today = [(today + datetime.timedelta(days=1), datetime.date.max)]
        sleutels = [f"laatst:{Niveau.VONK}", f"laatst:{Niveau.VUUR}"]
        open_ended = [(first, datetime.date.max) for first, _last in periods]
        sums = tellingen.sommen_per_periode(
            buurt, sleutels, open_ended, extra={"beoordelingen": after_today}
        )
        if not sums.pop("beoordelingen")[0]:
            return {"vonk": sums[sleutels[0]], "vuur": sums[sleutels[1]]}
    enthousiasme = Enthousiasme.objects.in_buurt(buurt)
    return _growth(
        buurt,
        periods,
        {
            "vonk": (enthousiasme.filter(niveau=Niveau.VONK), "datum", "partner__actor__buurt"),
            "vuur": (enthousiasme.filter(niveau=Niveau.VUUR), "datum", "partner__actor__buurt"),
        },
    )


def _growth(buurt, periods, sources):
    """For each ``key: (queryset, date field, path to the buurt)`` of `sources`, how many
    rows fall in each (first, last) day of `periods`, as ``key: (n, ...)``.

    One query of range counts: each count reads a stretch of
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
    row = one_row(buurt, counts)
    return {key: tuple(row[f"{key}_{i}"] for i in range(len(periods))) for key in sources}


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
    dagen = [min(end - datetime.timedelta(days=1), today) for end in ends]
    vonk, vuur = f"reeks:{Niveau.VONK}", f"reeks:{Niveau.VUUR}"
    sums = tellingen.sommen_tot(buurt, ("actoren", "successen", vonk, vuur), dagen)
    actoren, successen, vonk, vuur = sums["actoren"], sums["successen"], sums[vonk], sums[vuur]
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
