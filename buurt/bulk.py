"""Bulk writes that bypass the ORM, for imports and generated data of many thousands of rows."""

import json

from django.db import connection, models


def copy_rows(model, field_names, rows):
    """Insert rows (sequences of Python values in field_names order) into model's table.

    COPY FROM STDIN on PostgreSQL, several times faster than INSERT; one executemany INSERT
    elsewhere. Nothing is validated and no defaults are filled in: give every column the table
    needs. Field names may be attnames (`buurt_id`). Returns the number of rows written.
    """
    meta = model._meta
    fields = [meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    if connection.vendor != "postgresql":
        values = [
            [field.get_db_prep_save(v, connection) for field, v in zip(fields, row, strict=True)]
            for row in rows
        ]
        placeholders = ", ".join(["%s"] * len(fields))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names from model metadata
                values,
            )
        return len(values)
    # psycopg adapts dates, times and None itself; a list or dict would become an array.
    encoders = {
        i: field.encoder for i, field in enumerate(fields) if isinstance(field, models.JSONField)
    }
    written = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            if encoders:
                row = [
                    json.dumps(v, cls=encoders[i]) if i in encoders else v
                    for i, v in enumerate(row)
                ]
            copy.write_row(row)
            written += 1
    return written
