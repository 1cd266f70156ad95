"""The timeline: who changed what, recorded by django-auditlog into ``buurt.Wijziging``.

Each registered model says which buurt its entries belong to (``tijdlijn_buurt_id``), so a
buurt's timeline is one indexed query. A partner who writes through their personal link has
no account; ``namens(actor)`` names them for the entries written inside it.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_partner_actor = ContextVar("tijdlijn_partner_actor", default=None)


@contextmanager
def namens(actor):
    """Record the writes inside this block as made by ``actor`` (a partner, via their link)."""
    token = _partner_actor.set(actor)
    try:
        yield
    finally:
        _partner_actor.reset(token)


def current_partner_actor():
    return _partner_actor.get()


def buurt_id_of(instance):
    """The buurt a changed object belongs to: its own method, else its buurt field."""
    method = getattr(instance, "tijdlijn_buurt_id", None)
    if callable(method):
        return method()
    if instance._meta.label == "buurt.Buurt":
        return instance.pk
    return getattr(instance, "buurt_id", None)


def buurt_id_via(instance, *path):
    """The buurt id reached from ``instance`` along foreign keys ``path`` (e.g. "team",
    "initiatief"): from objects already loaded where it can, else in one small query."""
    obj = instance
    for i, attr in enumerate(path):
        field = obj._meta.get_field(attr)
        if field.is_cached(obj):
            obj = getattr(obj, attr)
            continue
        parent_id = getattr(obj, field.attname)
        if parent_id is None:
            return None
        lookup = "__".join([*path[i + 1 :], "buurt_id"])
        manager = field.related_model._base_manager
        return manager.filter(pk=parent_id).values_list(lookup, flat=True).first()
    return obj.buurt_id


def register(model, exclude_fields=(), **options):
    """Record every write to ``model`` in the timeline (django-auditlog's registry).

    Only the model's own columns are compared: left to itself, auditlog also reads reverse
    one-to-one relations on create, which costs a query each and caches "none" on the instance.
    """
    from auditlog.registry import auditlog

    fields = [f.name for f in model._meta.concrete_fields if f.name not in exclude_fields]
    auditlog.register(model, include_fields=fields, **options)


def forget_buurt(sender, instance, **kwargs):
    """A deleted buurt takes its timeline with it (post_delete receiver for Buurt)."""
    from .models import Wijziging

    pk = instance.pk
    transaction.on_commit(lambda: Wijziging.objects.filter(buurt_id=pk).delete())


# --- Reading the timeline --------------------------------------------------------------

ACTIES = {
    0: gettext_lazy("aangemaakt"),
    1: gettext_lazy("gewijzigd"),
    2: gettext_lazy("verwijderd"),
    3: gettext_lazy("bekeken"),
}
M2M_OPERATIES = {
    "add": gettext_lazy("toegevoegd"),
    "delete": gettext_lazy("weggehaald"),
    "clear": gettext_lazy("leeggemaakt"),
}


@dataclass
class Veld:
    label: str
    oud: str
    nieuw: str


@dataclass
class Regel:
    """One timeline entry, ready to show: when, who, what, and which fields changed."""

    pk: int
    wanneer: object
    wie: str
    soort: str
    object: str
    actie: str
    velden: list = field(default_factory=list)


def registered_models():
    """The models whose writes are recorded, in a stable order."""
    from auditlog.registry import auditlog

    return sorted(auditlog.get_models(), key=lambda m: str(m._meta.verbose_name))


def base_queryset(buurt):
    from .models import Wijziging

    return Wijziging.objects.in_buurt(buurt).select_related("actor", "door_actor").order_by("-id")


def wijzigingen_voor(buurt, targets, limit=20):
    """The latest entries of the given objects, ``targets`` being ``[(Model, ids), ...]``;
    ids may be a list or a ``values_list`` queryset (then it is a subquery)."""
    condition = Q()
    for model, ids in targets:
        if not isinstance(ids, models.QuerySet):
            ids = list(ids)
            if not ids:
                continue
        ct = ContentType.objects.get_for_model(model)
        condition |= Q(content_type=ct, object_id__in=ids)
    if not condition:
        return []
    return present(buurt, list(base_queryset(buurt).filter(condition)[:limit]))


def present(buurt, entries):
    """Readable rows for ``entries``, in a fixed number of queries whatever their number."""
    from .models import Actor, Rol

    with_role = set(Rol.objects.filter(buurt=buurt).values_list("user_id", flat=True))
    partner_users = set(
        Actor.objects.filter(buurt=buurt, partner__user__isnull=False).values_list(
            "partner__user", flat=True
        )
    )
    names = _related_names(entries)
    rows = []
    for entry in entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        rows.append(
            Regel(
                pk=entry.pk,
                wanneer=entry.timestamp,
                wie=_wie(entry, with_role, partner_users),
                soort=str(model._meta.verbose_name) if model else "?",
                object=entry.object_repr,
                actie=str(ACTIES.get(entry.action, "")),
                velden=_velden(entry, model, names) if model else [],
            )
        )
    return rows


def _wie(entry, with_role, partner_users):
    if entry.door_actor_id:
        return _("%(naam)s (partner, via persoonlijke link)") % {"naam": entry.door_actor.naam}
    user = entry.actor
    if user is None:
        return _("het systeem")
    naam = user.get_full_name() or user.get_username()
    if user.pk in with_role:
        return naam
    if user.pk in partner_users:
        return _("%(naam)s (partner, met account)") % {"naam": naam}
    if user.is_staff or user.is_superuser:
        return _("%(naam)s (beheerder)") % {"naam": naam}
    # Someone whose role in the buurt has since ended: their name, no label they never had.
    return naam


def _changes(entry):
    return entry.changes if isinstance(entry.changes, dict) else {}


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _related_names(entries):
    """Names of the objects foreign keys in ``entries`` point to: one query per related model."""
    wanted = {}
    for entry in entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        for name, change in _changes(entry).items():
            model_field = _model_field(model, name) if model else None
            if model_field is None or not model_field.many_to_one or not isinstance(change, list):
                continue
            for value in change:
                if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
                    wanted.setdefault(model_field.related_model, set()).add(int(value))
    names = {}
    for related, ids in wanted.items():
        objects = related._base_manager.select_related().in_bulk(ids)
        names[related] = {pk: str(obj) for pk, obj in objects.items()}
    return names


def _bookkeeping(model_field):
    """Fields a reader does not need: the id, the buurt (it is the page's), version counters
    and timestamps the database sets itself."""
    if model_field is None:
        return False
    return (
        model_field.primary_key
        or model_field.name in ("buurt", "versie")
        or getattr(model_field, "auto_now", False)
        or getattr(model_field, "auto_now_add", False)
    )


def _velden(entry, model, names):
    velden = []
    created = entry.action == 0
    for name, change in _changes(entry).items():
        model_field = _model_field(model, name)
        if _bookkeeping(model_field):
            continue
        label = str(model_field.verbose_name) if model_field is not None else name
        if isinstance(change, dict) and change.get("type") == "m2m":
            operatie = str(M2M_OPERATIES.get(change.get("operation"), ""))
            objecten = ", ".join(str(o) for o in change.get("objects", []))
            velden.append(Veld(label, "", f"{operatie}: {objecten}" if objecten else operatie))
        elif isinstance(change, list) and len(change) == 2:
            oud, nieuw = (_waarde(model_field, v, names) for v in change)
            if created:
                if change[1] not in (None, "", [], "None"):
                    velden.append(Veld(label, "", nieuw))
            else:
                velden.append(Veld(label, oud, nieuw))
    return velden


def _waarde(model_field, value, names):
    if value is None or value == "" or value == "None":
        return "—"
    if model_field is not None and model_field.many_to_one:
        try:
            return names.get(model_field.related_model, {}).get(int(value), f"#{value}")
        except (TypeError, ValueError):
            return str(value)
    if model_field is not None and model_field.choices:
        choices = dict(model_field.flatchoices)
        if isinstance(value, list):
            return ", ".join(str(choices.get(v, v)) for v in value)
        return str(choices.get(value, value))
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None:
            # auditlog stores date-times as naive UTC: shown in local time, as entered.
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, UTC)
            return formats.date_format(timezone.localtime(moment), "j F Y, H:i")
    elif isinstance(model_field, models.DateField) and isinstance(value, str):
        day = parse_date(value)
        if day is not None:
            return formats.date_format(day, "j F Y")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _json_value(value):
    return (
        value if value is None or isinstance(value, (bool, int, float, str, list)) else str(value)
    )


def record_bulk(buurt, model, *, created, updates, door=None):
    """Record a bulk write (an import) that bypassed the model signals: one entry for the rows
    it created, and one per updated row with its fields' old and new values.

    ``updates`` is ``[(pk, repr, {field: (old, new)}), ...]``.
    """
    from .models import Wijziging

    ct = ContentType.objects.get_for_model(model)
    now = timezone.now()
    common = {"buurt": buurt, "content_type": ct, "actor": door, "timestamp": now}
    entries = []
    if created:
        naam = model._meta.verbose_name if created == 1 else model._meta.verbose_name_plural
        entries.append(
            Wijziging(
                **common,
                object_pk="",
                object_repr=_("Import: %(n)s %(naam)s toegevoegd") % {"n": created, "naam": naam},
                action=Wijziging.Action.CREATE,
                changes={},
            )
        )
    for pk, label, changes in updates:
        entries.append(
            Wijziging(
                **common,
                object_pk=str(pk),
                object_id=pk,
                object_repr=label,
                action=Wijziging.Action.UPDATE,
                changes={
                    name: [_json_value(old), _json_value(new)]
                    for name, (old, new) in changes.items()
                },
                additional_data={"bron": "import"},
            )
        )
    Wijziging.objects.bulk_create(entries, batch_size=1000)
