"""Streams generated rows into the database in chunks, reporting progress as it goes."""

import time as clock
from itertools import islice

from django.db import connection

from buurt.bulk import copy_rows


def _chunks(rows, size):
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


class Writer:
    """Streams tuples into a table in chunks; reserves primary keys for rows others refer to."""

    def __init__(self, chunk_size, report):
        self.chunk_size = chunk_size
        self.report = report
        self.counts = {}

    def reserve_ids(self, model, n):
        """Return the first of n consecutive free ids of model's table."""
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Writers would otherwise draw ids inside our range until we commit.
                cursor.execute(
                    f"LOCK TABLE {connection.ops.quote_name(table)} IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s)", [sequence])
                first = cursor.fetchone()[0]
                cursor.execute("SELECT setval(%s, %s)", [sequence, first + max(n, 1) - 1])
                return first
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quoted}")  # noqa: S608
            return cursor.fetchone()[0]

    def write(self, model, columns, rows):
        label = model._meta.db_table
        total = 0
        started = clock.monotonic()
        for chunk in _chunks(rows, self.chunk_size):
            total += copy_rows(model, columns, chunk)
            if len(chunk) == self.chunk_size:
                self.report(f"  {label}: {total}  ({clock.monotonic() - started:.1f} s)")
        self.counts[model] = total
        self.report(f"{label}: {total} in {clock.monotonic() - started:.1f} s")
        return total
