"""Streams generated rows into the database in chunks, reporting progress as it goes."""

import time as clock
from contextlib import contextmanager
from itertools import islice

from django.db import connection

from buurt.bulk import copy_rows

BULK_LOAD = 100_000  # rows; below this, updating the indexes as rows arrive costs little
# A table's indexes other than its primary key and those behind a constraint (unique ones).
INDEXES = """
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1
"""
FOREIGN_KEYS = "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'"


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

    @contextmanager
    def without_indexes(self, model, n):
        """Write n rows with the table's secondary indexes dropped, then build them again.

        PostgreSQL's own advice for a bulk load: building an index once is faster than
        updating it row by row (a million timeline entries with their 16 indexes: 40 to
        65 s this way, about 100 s with the indexes in place). Only on PostgreSQL and only
        when the load outgrows what the table holds already. The fill runs in one
        transaction, so a failure brings the indexes back; other sessions wait for the
        table until it commits.
        """
        if connection.vendor != "postgresql" or n < BULK_LOAD:
            yield
            return
        table = model._meta.db_table
        quoted = connection.ops.quote_name(table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {quoted} LIMIT %s) AS held",  # noqa: S608
                [n],
            )
            if cursor.fetchone()[0] >= n:
                yield
                return
            cursor.execute(INDEXES, [table])
            indexes = cursor.fetchall()
            cursor.execute(FOREIGN_KEYS, [table])
            foreign_keys = ", ".join(connection.ops.quote_name(n) for (n,) in cursor.fetchall())
            # An index cannot be built on a table with foreign-key checks pending: check
            # these rows as each COPY ends instead of at COMMIT. First, while the indexes are
            # there, the checks already queued (deleting actors checks who points at them).
            if foreign_keys:
                cursor.execute(f"SET CONSTRAINTS {foreign_keys} IMMEDIATE")
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {name}")
        yield
        started = clock.monotonic()
        with connection.cursor() as cursor:
            for _name, definition in indexes:
                cursor.execute(definition)
            if foreign_keys:
                cursor.execute(f"SET CONSTRAINTS {foreign_keys} DEFERRED")
        self.report(f"{table}: {len(indexes)} indexen in {clock.monotonic() - started:.1f} s")

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
