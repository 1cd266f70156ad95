from django.db import connection, models

from buurt.models import Buurt, Rol, Wijziging


def empty_buurt(buurt):
    """Delete everything in the buurt except the buurt itself and its roles.

    Django's cascading delete loads every object, and django-auditlog would record each one
    in the timeline; this walks the same cascade in SQL, one DELETE per table with the parent
    rows as a subquery, and records nothing. The buurt's timeline goes with it.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # The timeline first: it points at the buurt's actors (door_actor), and emptying it
        # now spares setting that to NULL in rows about to go anyway.
        _delete(
            cursor,
            Wijziging,
            f"{quote(Wijziging._meta.get_field('buurt').column)} = %s",
            [buurt.pk],
        )
        for rel in _reverse_relations(Buurt):
            if rel.related_model is not Rol:
                _delete(cursor, rel.related_model, f"{quote(rel.field.column)} = %s", [buurt.pk])


def _reverse_relations(model):
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and not field.many_to_many
    ]


def _delete(cursor, model, where, params):
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    ids = f"SELECT {quote(model._meta.pk.column)} FROM {table} WHERE {where}"  # noqa: S608
    for rel in _reverse_relations(model):
        child, column = rel.related_model, quote(rel.field.column)
        if child is model:
            continue  # self-references are deleted with the rows themselves
        if rel.on_delete is models.SET_NULL:
            cursor.execute(
                f"UPDATE {quote(child._meta.db_table)} SET {column} = NULL"  # noqa: S608
                f" WHERE {column} IN ({ids})",
                params,
            )
        else:
            _delete(cursor, child, f"{column} IN ({ids})", params)
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608
