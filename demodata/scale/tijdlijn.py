"""Synthetic timeline entries (buurt.Wijziging) for a scale buurt, to measure the timeline with.

The entries are about real objects of the buurt: a sample of each model the timeline records
is read back once, and each entry picks one of them, with changes to fields that exist.
Timestamps spread over the last two years and increase with the id, as recorded ones do.
Written with COPY like the rest of the buurt, so django-auditlog itself records nothing.
"""

from bisect import bisect
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import models

from buurt.models import Actor, Relatie, Rol, Wijziging
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Statuswijziging,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from partners.models import Enthousiasme, Partner

# (model, lookup of its buurt, weight): what coordinators write most often comes most often.
SUBJECTS = (
    (Actor, "buurt", 30),
    (Partner, "actor__buurt", 6),
    (Enthousiasme, "partner__actor__buurt", 14),
    (Relatie, "buurt", 10),
    (Activiteit, "buurt", 6),
    (Initiatief, "buurt", 8),
    (Statuswijziging, "initiatief__buurt", 4),
    (Team, "initiatief__buurt", 4),
    (Teamintensiteit, "team__initiatief__buurt", 4),
    (Deelname, "team__initiatief__buurt", 6),
    (Voorkeur, "partner__actor__buurt", 5),
    (Succes, "buurt", 3),
)
SAMPLE = 2000  # objects per model that entries are about
SPAN = timedelta(days=730)
ACTION_WEIGHTS = (25, 72, 3)  # create, update, delete: auditlog's actions 0, 1 and 2
COLUMNS = [
    "content_type_id", "object_pk", "object_id", "object_repr", "action", "changes",
    "changes_text", "actor_id", "door_actor_id", "timestamp", "buurt_id",
]  # fmt: skip


class Subject:
    """One model's sample, as (pk, pk as text, repr, fields), and the updates an entry may
    record. ``fields`` is the object's snapshot as auditlog records it on create and delete:
    {field: value} for the fields that have one, foreign keys as ids, dates as ISO text."""

    def __init__(self, model, lookup, rng, buurt):
        self.content_type_id = ContentType.objects.get_for_model(model).pk
        ids = list(
            model.objects.filter(**{lookup: buurt}).order_by("pk").values_list("pk", flat=True)
        )
        ids = sorted(rng.sample(ids, min(SAMPLE, len(ids))))
        objects = model.objects.select_related().in_bulk(ids)
        concrete = model._meta.concrete_fields
        self.objects = [
            (pk, str(pk), str(objects[pk]), _snapshot(objects[pk], concrete)) for pk in ids
        ]
        self.updates = _updates(model)

    def change(self, action, label, fields, random):
        """Auditlog's JSON changes, {field: [old, new]} with None for "not there"."""
        if action == 0:
            return {name: [None, value] for name, value in fields.items()}
        if action == 2:
            return {name: [value, None] for name, value in fields.items()}
        change = self.updates[int(random() * len(self.updates))]
        if isinstance(change, str):  # a name, renamed from a working title
            change = {change: [f"{label} (werktitel)", label]}
        return change


def _snapshot(obj, fields):
    snapshot = {}
    for field in fields:
        value = getattr(obj, field.attname)
        if value is None:
            continue
        snapshot[field.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return snapshot


def _updates(model):
    """The updates of fields whose values read well: choices and booleans, as ready dicts,
    and names (a field name, filled in per entry). None for a partner: its entries are
    creates and deletes."""
    updates = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.many_to_one or not field.editable:
            continue  # a flag the database keeps (is_partner) is no one's change
        if field.choices:
            values = [value for value, _label in field.flatchoices]
        elif isinstance(field, models.BooleanField):
            values = [True, False]
        elif field.name in ("naam", "titel"):
            updates.append(field.name)
            continue
        else:
            continue
        updates += [{field.name: [a, b]} for a in values for b in values if a != b]
    return updates


class TimelineWriter:
    def __init__(self, buurt, rng, writer, now):
        self.buurt = buurt
        self.rng = rng
        self.writer = writer
        self.now = now

    def write(self, n):
        rows = self.rows(n) if n else iter(())
        with self.writer.without_indexes(Wijziging, n):
            return self.writer.write(Wijziging, COLUMNS, rows)

    def rows(self, n):
        rng, buurt_id = self.rng, self.buurt.pk
        random = rng.random
        subjects, cumulative, total = [], [], 0
        for model, lookup, weight in SUBJECTS:
            subject = Subject(model, lookup, rng, self.buurt)
            if subject.objects:
                subjects.append(subject)
                total += weight
                cumulative.append(total)
        if not subjects:
            return
        coordinators = list(
            Rol.objects.filter(buurt=self.buurt, rol=Rol.Soort.COORDINATOR)
            .order_by("user_id")
            .values_list("user_id", flat=True)
        )
        partners = list(
            Partner.objects.in_buurt(self.buurt).order_by("pk").values_list("actor_id", flat=True)
        )
        actions = list(accumulate(ACTION_WEIGHTS))
        start = (self.now - SPAN).timestamp()
        step = SPAN.total_seconds() / n
        for i in range(n):
            subject = subjects[bisect(cumulative, random() * total)]
            objects = subject.objects
            pk, pk_text, label, fields = objects[int(random() * len(objects))]
            action = bisect(actions, random() * actions[-1])
            if action == 1 and not subject.updates:
                action = 0
            actor = door = None
            who = random()
            if who < 0.15 and partners:
                door = partners[int(random() * len(partners))]
            elif who < 0.95 and coordinators:
                actor = coordinators[int(random() * len(coordinators))]
            yield (
                subject.content_type_id, pk_text, pk, label, action,
                subject.change(action, label, fields, random), "", actor, door,
                datetime.fromtimestamp(start + step * (i + random()), UTC), buurt_id,
            )  # fmt: skip
