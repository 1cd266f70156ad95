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

Each app registers the kinds of rows it counts (``register``) and what else changes
them (``depends``), the way it registers its models with the timeline.

Reading a count costs the number of days summed, not the number of rows counted
(``som``, ``sommen_per_periode``, ``sommen_tot``).
"""

import datetime
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.signals import request_finished
from django.db import connection, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.db.models.functions import TruncDate
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from . import privacy
from .models import Actor, Buurt, Relatie, Telling

ZONDER_DAG = datetime.date(1, 1, 1)  # the day of states that have no date of their own
AANGEBRACHT = "aangebracht:"  # + an actor's id: how many actors they brought in

REEKSEN = {}  # model: Reeks, as the apps register them
AFHANKELIJK = {}  # model: [callable(instance) -> (model, pk) of counted rows it changes]
HERBOUWERS = []  # (rebuild, check) of what is kept beside the counts


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


def created_day():
    """The day a row was entered, in the buurt's time zone (as ``timezone.localdate``)."""
    return {"dag": TruncDate("aangemaakt_op")}


def _actor(row):
    yield "actoren", row["dag"], 1
    if row["aangebracht_door_id"]:
        yield "via_partner", row["dag"], 1
    if row["zonder_grondslag"]:
        yield "zonder_grondslag", ZONDER_DAG, 1
    # Step 1's counts: actors per kind, and who brought in how many.
    yield f"soort:{row['soort']}", ZONDER_DAG, 1
    if row["aangebracht_door_id"]:
        yield f"{AANGEBRACHT}{row['aangebracht_door_id']:012d}", ZONDER_DAG, 1


def _actor_annotations():
    return {
        **created_day(),
        # A natural person recorded without a legal basis, as the attention list says.
        "zonder_grondslag": ExpressionWrapper(
            Q(soort__in=Actor.NATUURLIJKE_PERSONEN) & privacy.zonder_grondslag(), BooleanField()
        ),
    }


def _relatie(row):
    yield "relaties", row["sinds"], 1
    yield "relaties_actief", row["sinds"], 1
    if row["tot"] is not None:
        yield "relaties_actief", row["tot"] + datetime.timedelta(days=1), -1


# --- Keeping the counts at write time ---------------------------------------------------

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


def _affected(sender, instance, deleting):
    """The counted rows whose contribution a write of `instance` may change."""
    if sender in REEKSEN:
        yield sender, instance.pk
    for affected, only_delete in AFHANKELIJK.get(sender, []):
        if deleting or not only_delete:
            yield from affected(instance)


def voor(entities):
    """Before a write: what the (model, pk) `entities` add now."""
    snapshots = _snapshots()
    for model, pk in entities:
        snapshots[model, pk] = REEKSEN[model].bijdrage(pk) if pk else Counter()


def na(entities):
    """After a write: add what changed about the (model, pk) `entities`."""
    snapshots = _snapshots()
    delta = Counter()
    for model, pk in entities:
        now = REEKSEN[model].bijdrage(pk)
        delta.update(now)
        delta.subtract(snapshots.get((model, pk), Counter()))
        snapshots[model, pk] = now
    tel_op(delta)


def _pre(sender, instance, signal, **kwargs):
    entities = list(_affected(sender, instance, deleting=signal is pre_delete))
    instance.__dict__["_tellingen"] = entities  # what a delete unlinks, found before it
    voor(entities)


def _post(sender, instance, signal, **kwargs):
    entities = dict.fromkeys(_affected(sender, instance, deleting=False))
    entities.update(dict.fromkeys(instance.__dict__.pop("_tellingen", [])))
    if kwargs.get("created") and sender in REEKSEN:  # it had no pk before the save
        _snapshots()[sender, instance.pk] = Counter()
    na([(model, pk) for model, pk in entities if pk])


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
    voor([(model, pk)])
    yield
    na([(model, pk)])


def meeste_aangebracht(buurt, limit):
    """[(actor id, how many they brought in)] of the `limit` actors who brought in most,
    most first (then by id), one query: the index on (buurt, dag, -aantal) reads the top
    rows, not the row of every actor who brought someone in (their ids are zero-padded, so
    that ties sort by id)."""
    rows = (
        Telling.objects.filter(buurt=buurt, dag=ZONDER_DAG, sleutel__startswith=AANGEBRACHT)
        .filter(aantal__gt=0)
        .order_by("-aantal", "sleutel")
        .values_list("sleutel", "aantal")[:limit]
    )
    return [(int(sleutel.removeprefix(AANGEBRACHT)), n) for sleutel, n in rows]


def per_soort(buurt):
    """{soort: how many actors of that kind}, one query."""
    keys = [f"soort:{soort}" for soort in Actor.Soort.values]
    rows = Telling.objects.filter(buurt=buurt, dag=ZONDER_DAG, sleutel__in=keys)
    return {s.removeprefix("soort:"): n for s, n in rows.values_list("sleutel", "aantal") if n}


def staat(buurt, sleutel):
    """A count without a date (``ZONDER_DAG``), such as ``zonder_grondslag``."""
    return sommen_tot(buurt, [sleutel], [ZONDER_DAG])[sleutel][0]


def tel_nieuw(model, objects):
    """Count rows that ``bulk_create`` wrote (it sends no signals)."""
    entities = [(model, obj.pk) for obj in objects]
    _snapshots().update(dict.fromkeys(entities, Counter()))  # nothing before: they are new
    na(entities)


def register(reeks):
    """Count `reeks`'s rows: its model's saves and deletes change the counts."""
    REEKSEN[reeks.model] = reeks
    _listen(reeks.model)


def depends(sender, affected, only_delete=False):
    """A write of a `sender` row changes the counted rows ``affected(instance)`` yields,
    as (model, pk): a rating changes its partner's. With `only_delete`, only deleting it
    does (rows it links to are unlinked by the database, without signals)."""
    AFHANKELIJK.setdefault(sender, []).append((affected, only_delete))
    _listen(sender)


def rebuilds(herbouw, controle):
    """Something kept the same way beside the counts (a partner's current level):
    ``herbouw(buurt_id)`` rebuilds it with them, ``controle(buurt_id)`` gives its
    differences as {description: (stored, counted)}."""
    HERBOUWERS.append((herbouw, controle))


def _listen(model):
    label = model._meta.label_lower
    for signal, handler, name in (
        (pre_save, _pre, "pre-save"),
        (post_save, _post, "save"),
        (pre_delete, _pre, "pre-delete"),
        (post_delete, _post, "delete"),
    ):
        signal.connect(handler, sender=model, dispatch_uid=f"tellingen-{name}-{label}")


def _introduced_by(actor):
    """Deleting an actor leaves those it brought in introduced by no one (SET NULL)."""
    for pk in Actor.objects.filter(aangebracht_door=actor.pk).values_list("pk", flat=True):
        yield Actor, pk


def connect():
    """The buurt app's own part: actors and relations, and forgetting a deleted buurt."""
    register(Reeks(Actor, "buurt", ["soort", "aangebracht_door_id"], _actor, _actor_annotations))
    register(Reeks(Relatie, "buurt", ["sinds", "tot"], _relatie))
    depends(Actor, _introduced_by, only_delete=True)
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
    for herbouw, _controle in HERBOUWERS:
        herbouw(buurt_id)
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
    for _herbouw, controle in HERBOUWERS:
        for description, values in controle(buurt_id).items():
            wrong[buurt_id, description, ZONDER_DAG] = values
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
