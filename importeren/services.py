from django.db import connection, transaction
from django.utils import timezone

from buurt import tellingen
from buurt.bulk import copy_rows
from buurt.tijdlijn import record_bulk

from .imports import SPECS


@transaction.atomic
def apply_import(buurt, plan, door=None):
    """Write a checked plan: all rows or, on any database error, none. The timeline records
    it (``door`` made it): bulk writes bypass the signals django-auditlog listens to."""
    if plan.errors:
        raise ValueError("A plan with errors cannot be applied.")
    spec = SPECS[plan.kind]
    model = spec.model
    columns = [column for column in spec.columns if column != "buurt"]
    now = timezone.now()
    timestamps = [
        f.name for f in model._meta.concrete_fields if f.name in ("aangemaakt_op", "gewijzigd_op")
    ]
    defaults = {column: model._meta.get_field(column).get_default() for column in columns}
    creates = [{**defaults, **row.values} for row in plan.creates]
    if connection.vendor == "postgresql":
        # COPY FROM STDIN: the fast path for large imports.
        copy_rows(
            model,
            ["buurt", *columns, *timestamps],
            (
                [buurt.pk, *[values[c] for c in columns], *[now] * len(timestamps)]
                for values in creates
            ),
        )
    else:
        model.objects.bulk_create(
            [model(buurt=buurt, **values, **dict.fromkeys(timestamps, now)) for values in creates],
            batch_size=500,
        )
    updates = plan.updates
    if updates:
        objects = model.objects.filter(buurt=buurt).in_bulk([row.pk for row in updates])
        changed = set()
        for row in updates:
            obj = objects[row.pk]
            for column, (_old, new) in row.changes.items():
                setattr(obj, column, new)
                changed.add(column)
            if "gewijzigd_op" in timestamps:
                obj.gewijzigd_op = now
        fields = sorted(changed) + (["gewijzigd_op"] if "gewijzigd_op" in timestamps else [])
        model.objects.bulk_update(objects.values(), fields, batch_size=500)
    tellingen.herbereken(buurt)  # bulk writes send no signals either
    record_bulk(
        buurt,
        model,
        created=len(creates),
        updates=[(row.pk, row.values.get("naam", ""), row.changes) for row in updates],
        door=door,
    )
    return {"created": len(creates), "updated": len(updates)}
