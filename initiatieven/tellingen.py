"""The counts of the dashboard and the report, kept per buurt and per day at write time.

What a row adds to the counts is written once, per kind of row, in a ``Reeks``: an actor
adds one to ``actoren`` on the day it was entered, a relation one to ``relaties_actief``
from its first day and minus one the day after its last, a partner one to the count of its
current enthusiasm. The same ``Reeks`` serves both ways the counts are kept:

- On every save and delete (model signals, inside the caller's transaction, so in the same
  transaction as the write wherever the write has one), the rows a write touches are read
  before and after, and the difference is added to ``Telling`` with one upsert. Concurrent
  writes add their differences; none overwrites another's.
- ``herbereken(buurt)`` throws a buurt's counts away and adds up every row again. Writes
  that send no signals call it: imports, ``seed_scale``, erasing or anonymising a person.
  ``manage.py tellingen`` runs it for every buurt, or with ``--controleer`` only compares.

Reading a count costs the number of days summed, not the number of rows counted
(``som``, ``sommen_per_periode``, ``sommen_tot``).
"""

import datetime
import itertools
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.signals import request_finished
from django.db import connection, transaction
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import TruncDate
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from buurt import privacy
from buurt.models import Actor, Buurt, Relatie
from partners import huidig
from partners.models import Enthousiasme, Partner

from .models import Activiteit, Deelname, Initiatief, Succes, Team, Telling

ZONDER_DAG = datetime.date(1, 1, 1)  # the day of states that have no date of their own
ONBEKEND = "onbekend"  # the level of a partner not yet rated


class Reeks:
    """What one kind of row adds: ``sleutels(row)`` yields (sleutel, dag, n) for a row of
    ``rows()``: the model's `fields` and `annotations` (a callable giving expressions) with
    the buurt as ``telling_buurt``. Equal rows are grouped in the query and counted
    (``telling_n``), so that rebuilding a buurt of a million actors reads a few hundred
    groups; a `per_row` kind (a partner, whose ratings are read beside it) keeps its pk."""

    def __init__(self, model, buurt_path, fields, sleutels, annotations=None, per_row=False):
        self.model = model
        self.buurt_path = buurt_path
        self.fields = fields
        self.sleutels = sleutels
        self.annotations = annotations or (lambda: {})
        self.per_row = per_row

    def rows(self, **lookups):
        annotations = self.annotations()
        names = [*(["pk"] if self.per_row else []), *self.fields, *annotations]
        queryset = self.model._base_manager.filter(**lookups).annotate(**annotations)
        grouped = queryset.order_by().values(*names, telling_buurt=F(self.buurt_path))
        return grouped.annotate(telling_n=Count("pk"))

    def with_related(self, rows, **lookups):
        """What the rows need from other tables (a partner's ratings)."""
        return rows

    def bijdrage(self, pk):
        """What the row `pk` adds now, as a Counter of (buurt id, sleutel, dag); empty when
        the row does not exist."""
        return self._count(self.with_related(list(self.rows(pk=pk)), pk=pk))

    def bijdrage_van_buurt(self, buurt_id):
        lookups = {f"{self.buurt_path}_id": buurt_id}
        return self._count(self.with_related(self.rows(**lookups).iterator(), **lookups))

    def _count(self, rows):
        counts = Counter()
        for row in rows:
            for sleutel, dag, n in self.sleutels(row):
                counts[row["telling_buurt"], sleutel, dag] += n * row["telling_n"]
        return counts


def _created_day():
    """The day a row was entered, in the buurt's time zone (as ``timezone.localdate``)."""
    return {"dag": TruncDate("aangemaakt_op")}


def _actor(row):
    yield "actoren", row["dag"], 1
    if row["via_partner"]:
        yield "via_partner", row["dag"], 1
    if row["zonder_grondslag"]:
        yield "zonder_grondslag", ZONDER_DAG, 1


def _actor_annotations():
    return {
        **_created_day(),
        "via_partner": ExpressionWrapper(Q(aangebracht_door__isnull=False), BooleanField()),
        # A natural person recorded without a legal basis, as the attention list says.
        "zonder_grondslag": ExpressionWrapper(
            Q(soort__in=Actor.NATUURLIJKE_PERSONEN) & privacy.zonder_grondslag(), BooleanField()
        ),
    }


def _partner(row):
    yield "partners", row["partner_sinds"], 1
    ratings = row["ratings"]  # (datum, niveau), by date and id
    yield f"niveau:{ratings[-1][1] if ratings else ONBEKEND}", ZONDER_DAG, 1
    # Per level, the day of the partner's newest rating at that level: the partners with a
    # vonk rating in a period that ends today are those whose newest one is in it. And every
    # rating by its day, to see that none is dated after such a period.
    newest = {niveau: datum for datum, niveau in ratings}
    for niveau, datum in newest.items():
        yield f"laatst:{niveau}", datum, 1
    for datum, _niveau in ratings:
        yield "beoordelingen", datum, 1
    # The level at the end of each day: the day's last rating. The sum up to a day is the
    # number of partners at that level that day.
    before = None
    for datum, same_day in itertools.groupby(ratings, key=lambda rating: rating[0]):
        level = list(same_day)[-1][1]
        if level != before:
            if before is not None:
                yield f"reeks:{before}", datum, -1
            yield f"reeks:{level}", datum, 1
            before = level


class PartnerReeks(Reeks):
    def with_related(self, rows, **lookups):
        path = {"pk": "partner_id"} | {f"{self.buurt_path}_id": f"partner__{self.buurt_path}_id"}
        ratings = (
            Enthousiasme.objects.filter(**{path[key]: value for key, value in lookups.items()})
            .order_by("partner_id", "datum", "id")
            .values_list("partner_id", "datum", "niveau")
        )
        per_partner = {
            pk: [(datum, niveau) for _pk, datum, niveau in group]
            for pk, group in itertools.groupby(ratings.iterator(), key=lambda r: r[0])
        }
        for row in rows:
            yield {**row, "ratings": per_partner.get(row["pk"], [])}


def _succes(row):
    yield "successen", row["datum"], 1


def _activiteit(row):
    yield "activiteiten", row["dag"], 1
    if row["loopt"]:
        yield "activiteiten_lopend", ZONDER_DAG, 1


def _initiatief(row):
    yield "initiatieven", row["dag"], 1
    if row["voortbouwend"]:
        yield "voortbouwend", row["dag"], 1
    if row["status"] == Initiatief.Status.LOOPT:
        yield "initiatieven_lopend", ZONDER_DAG, 1


def _team(row):
    yield "teams", row["dag"], 1


def _deelname(row):
    # A changed agreement ends one membership and starts another: neither a join nor a
    # departure (as initiatieven.teams.zonder_voortzettingen and vertrokken count them).
    if not row["voortzetting"]:
        yield "deelnames_begonnen", row["toegetreden_op"], 1
    if row["vertrokken_op"] is None:
        yield "deelnames_actief", ZONDER_DAG, 1
    elif row["einde"] != Deelname.Einde.GEWIJZIGD:
        yield "deelnames_gestopt", row["vertrokken_op"], 1


def _relatie(row):
    yield "relaties", row["sinds"], 1
    yield "relaties_actief", row["sinds"], 1
    if row["tot"] is not None:
        yield "relaties_actief", row["tot"] + datetime.timedelta(days=1), -1


def _voortzetting():
    return {
        "voortzetting": Exists(
            Deelname.objects.filter(
                team=OuterRef("team"),
                partner=OuterRef("partner"),
                einde=Deelname.Einde.GEWIJZIGD,
                vertrokken_op=OuterRef("toegetreden_op"),
                pk__lt=OuterRef("pk"),
            )
        )
    }


def _voortbouwend():
    through = Initiatief.bouwt_voort_op.through
    return {
        **_created_day(),
        "voortbouwend": Exists(through.objects.filter(initiatief=OuterRef("pk"))),
    }


REEKSEN = {
    Actor: Reeks(Actor, "buurt", [], _actor, _actor_annotations),
    Partner: PartnerReeks(Partner, "actor__buurt", ["partner_sinds"], _partner, per_row=True),
    Succes: Reeks(Succes, "buurt", ["datum"], _succes),
    Activiteit: Reeks(Activiteit, "buurt", ["loopt"], _activiteit, _created_day),
    Initiatief: Reeks(Initiatief, "buurt", ["status"], _initiatief, _voortbouwend),
    Team: Reeks(Team, "initiatief__buurt", [], _team, _created_day),
    Deelname: Reeks(
        Deelname,
        "team__initiatief__buurt",
        ["toegetreden_op", "vertrokken_op", "einde"],
        _deelname,
        _voortzetting,
    ),
    Relatie: Reeks(Relatie, "buurt", ["sinds", "tot"], _relatie),
}


# --- Keeping the counts at write time ---------------------------------------------------

_uit = ContextVar("tellingen_uit", default=False)
# The rows a write is about to change, as (model, pk): what they added before it. Set
# before every save or delete and moved on after it, so that a cascade which reaches the
# same row twice (a partner, through its ratings and itself) subtracts it once.
_voor = ContextVar("tellingen_voor", default=None)


def _snapshots():
    snapshots = _voor.get()
    if snapshots is None:
        snapshots = {}
        _voor.set(snapshots)
    return snapshots


def _affected(sender, instance):
    """The counted rows whose contribution a write of `instance` may change."""
    if sender in REEKSEN:
        yield sender, instance.pk
    if sender is Enthousiasme and instance.partner_id:
        yield Partner, instance.partner_id
    if sender is Activiteit and instance.pk:  # deleting it unlinks the initiatives on it
        through = Initiatief.bouwt_voort_op.through
        for pk in through.objects.filter(activiteit=instance.pk).values_list(
            "initiatief_id", flat=True
        ):
            yield Initiatief, pk


def _before(entities):
    snapshots = _snapshots()
    for model, pk in entities:
        snapshots[model, pk] = REEKSEN[model].bijdrage(pk) if pk else Counter()


def _after(entities):
    snapshots = _snapshots()
    delta = Counter()
    for model, pk in entities:
        now = REEKSEN[model].bijdrage(pk)
        delta.update(now)
        delta.subtract(snapshots.get((model, pk), Counter()))
        snapshots[model, pk] = now
    tel_op(delta)


def _pre(sender, instance, **kwargs):
    if not _uit.get():
        entities = list(_affected(sender, instance))
        instance.__dict__["_tellingen"] = entities  # what the delete of an activity unlinks
        _before(entities)


def _post(sender, instance, **kwargs):
    if not _uit.get():
        entities = dict.fromkeys(_affected(sender, instance))
        entities.update(dict.fromkeys(instance.__dict__.pop("_tellingen", [])))
        if kwargs.get("created") and sender in REEKSEN:  # it had no pk before the save
            _snapshots()[sender, instance.pk] = Counter()
        _after([(model, pk) for model, pk in entities if pk])


def _m2m(sender, instance, action, reverse, pk_set, **kwargs):
    """The initiatives an activity is linked to or unlinked from (``bouwt_voort_op``)."""
    if _uit.get() or action not in M2M_ACTIONS:
        return
    if not reverse:
        entities = [(Initiatief, instance.pk)]
    elif action == "pre_clear":
        linked = sender.objects.filter(activiteit=instance).values_list("initiatief_id", flat=True)
        entities = instance.__dict__["_tellingen_clear"] = [(Initiatief, pk) for pk in linked]
    elif action == "post_clear":
        entities = instance.__dict__.pop("_tellingen_clear", [])
    else:
        entities = [(Initiatief, pk) for pk in pk_set]
    (_before if action.startswith("pre_") else _after)(entities)


M2M_ACTIONS = {"pre_add", "post_add", "pre_remove", "post_remove", "pre_clear", "post_clear"}


def _forget_snapshots(**kwargs):
    _voor.set(None)


def tel_op(delta):
    """Add `delta`, a Counter of (buurt id, sleutel, dag): n, to the stored counts."""
    rows = sorted((key, n) for key, n in delta.items() if n)  # one lock order for all
    if not rows:
        return
    table = connection.ops.quote_name(Telling._meta.db_table)
    adapt = connection.ops.adapt_datefield_value
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    params = [
        value for (buurt, sleutel, dag), n in rows for value in (buurt, sleutel, adapt(dag), n)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (buurt_id, sleutel, dag, aantal) VALUES {values} "  # noqa: S608
            f"ON CONFLICT (buurt_id, sleutel, dag) DO UPDATE SET aantal = {table}.aantal + "
            "excluded.aantal",
            params,
        )


@contextmanager
def bijgewerkt(model, pk):
    """Count what a write inside changes about the row `pk`, for writes that send no
    signals (``QuerySet.update``)."""
    _before([(model, pk)])
    yield
    _after([(model, pk)])


def staat(buurt, sleutel):
    """A count without a date (``ZONDER_DAG``), such as ``zonder_grondslag``."""
    return sommen_tot(buurt, [sleutel], [ZONDER_DAG])[sleutel][0]


def tel_nieuw(model, objects):
    """Count rows that ``bulk_create`` wrote (it sends no signals)."""
    _after([(model, obj.pk) for obj in objects])


@contextmanager
def uitgesteld(buurt):
    """Writes inside send no counts; the buurt's counts are rebuilt at the end, in the
    same transaction. For writes of many rows (an erasure's cascade, a team's members)."""
    token = _uit.set(True)
    try:
        with transaction.atomic():
            yield
            herbereken(buurt)
    finally:
        _uit.reset(token)


def connect():
    for model in [*REEKSEN, Enthousiasme]:
        pre_save.connect(_pre, sender=model, dispatch_uid=f"tellingen-pre-save-{model.__name__}")
        post_save.connect(_post, sender=model, dispatch_uid=f"tellingen-save-{model.__name__}")
        pre_delete.connect(_pre, sender=model, dispatch_uid=f"tellingen-pre-del-{model.__name__}")
        post_delete.connect(_post, sender=model, dispatch_uid=f"tellingen-del-{model.__name__}")
    m2m_changed.connect(
        _m2m, sender=Initiatief.bouwt_voort_op.through, dispatch_uid="tellingen-voortbouwend"
    )
    post_delete.connect(vergeet_buurt, sender=Buurt, dispatch_uid="tellingen-buurt")
    request_finished.connect(_forget_snapshots, dispatch_uid="tellingen-request")


def vergeet_buurt(sender, instance, **kwargs):
    """A deleted buurt's counts go after it (its rows were still counted on the way)."""
    Telling.objects.filter(buurt_id=instance.pk).delete()


# --- Rebuilding and checking ------------------------------------------------------------


def geteld(buurt_id):
    """Every count of the buurt from scratch: a Counter of (buurt id, sleutel, dag): n."""
    counts = Counter()
    for reeks in REEKSEN.values():
        counts.update(reeks.bijdrage_van_buurt(buurt_id))
    return counts


def opgeslagen(buurt_id):
    rows = Telling.objects.filter(buurt_id=buurt_id).exclude(aantal=0)
    return Counter(
        {(buurt_id, s, d): n for s, d, n in rows.values_list("sleutel", "dag", "aantal")}
    )


@transaction.atomic
def herbereken(buurt):
    """Replace the buurt's counts by a fresh count of its rows. The buurt row is locked so
    that a write which counts at the same time waits, and is not lost or counted twice."""
    buurt_id = getattr(buurt, "pk", buurt)
    Buurt.objects.select_for_update().filter(pk=buurt_id).exists()
    huidig.herbereken(buurt_id)  # the partners' current levels, kept the same way
    Telling.objects.filter(buurt_id=buurt_id).delete()
    counts = geteld(buurt_id)
    Telling.objects.bulk_create(
        [
            Telling(buurt_id=b, sleutel=s, dag=d, aantal=n)
            for (b, s, d), n in sorted(counts.items())
            if n
        ],
        batch_size=2000,
    )
    _forget_snapshots()
    return counts


def verschillen(buurt):
    """What is stored and what a fresh count gives, where they differ: {key: (stored,
    counted)}. Empty when the counts are right."""
    buurt_id = getattr(buurt, "pk", buurt)
    stored, counted = opgeslagen(buurt_id), geteld(buurt_id)
    wrong = {
        key: (stored.get(key, 0), counted.get(key, 0))
        for key in set(stored) | set(counted)
        if stored.get(key, 0) != counted.get(key, 0)
    }
    for pk, levels in huidig.verschillen(buurt_id).items():
        wrong[buurt_id, f"huidig enthousiasme van partner {pk}", ZONDER_DAG] = levels
    return wrong


# --- Reading ----------------------------------------------------------------------------


def _per_sleutel(buurt, sleutels, until):
    """{sleutel: [(dag, aantal), ...]} of the buurt's rows up to `until`, by day: at most one
    row per day and sleutel, however many rows were counted."""
    rows = (
        Telling.objects.filter(buurt=buurt, sleutel__in=list(sleutels), dag__lte=until)
        .exclude(aantal=0)
        .order_by("sleutel", "dag")
        .values_list("sleutel", "dag", "aantal")
    )
    found = {sleutel: [] for sleutel in sleutels}
    for sleutel, dag, aantal in rows:
        found[sleutel].append((dag, aantal))
    return found


def sommen_per_periode(buurt, sleutels, periods, extra=None):
    """{sleutel: (sum in each (first, last) period, both days included)}, one query; with
    the sums of `extra` ({sleutel: periods of its own}) in the same query."""
    wanted = {sleutel: periods for sleutel in sleutels} | (extra or {})
    until = max(last for own in wanted.values() for _first, last in own)
    found = _per_sleutel(buurt, wanted, until)
    return {
        sleutel: tuple(
            sum(n for dag, n in found[sleutel] if first <= dag <= last) for first, last in own
        )
        for sleutel, own in wanted.items()
    }


def sommen_tot(buurt, sleutels, days):
    """{sleutel: [the count at the end of each day of `days`]}: the sums up to each, one
    query."""
    found = _per_sleutel(buurt, sleutels, max(days))
    return {
        sleutel: [sum(n for dag, n in found[sleutel] if dag <= day) for day in days]
        for sleutel in sleutels
    }
