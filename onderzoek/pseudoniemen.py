"""Pseudonyms of actors: derived from the export key, stored once per actor and key.

An actor's pseudonym is HMAC-SHA256(key, "actor:<id>"), hex, shortened. An export first
stores the pseudonyms its buurten still lack (``store``: one INSERT ... SELECT, which
computes only those), then reads them with a join (``annotate``), so exporting costs no
hashing per row and PostgreSQL can stream the rows by COPY. The table holds the key's
fingerprint, never the key.
"""

import hashlib

from django.db import connection, transaction
from django.db.models import CharField, Exists, F, FilteredRelation, Func, OuterRef, Q, Value
from django.db.models.functions import Coalesce

from buurt.models import Actor

from .models import Pseudoniem

PSEUDONYM_LENGTH = 20  # hex characters: 80 bits, no collisions at any realistic size
# After storing this many, PostgreSQL's statistics are refreshed: planned for the few rows
# it saw before, the export's join would sort on disk.
ANALYZE_AFTER = 10_000
SQLITE_FUNCTION = "zorgzaam_pseudonym"


def pseudonymiser(key):
    """HMAC-SHA256(key, "actor:<id>"), hex, shortened; equal to hmac.new(...).hexdigest().

    Built from two pre-keyed SHA-256 states, as HMAC is defined (RFC 2104): copying a
    hashlib state is cheaper than copying an hmac object.
    """
    inner_pad, outer_pad = hmac_pads(key)
    inner_copy = hashlib.sha256(inner_pad).copy
    outer_copy = hashlib.sha256(outer_pad).copy

    def pseudonym(pk):
        if pk is None:
            return None
        inner = inner_copy()
        inner.update(b"actor:%d" % pk)
        outer = outer_copy()
        outer.update(inner.digest())
        return outer.hexdigest()[:PSEUDONYM_LENGTH]

    return pseudonym


def hmac_pads(key):
    block = hashlib.sha256().block_size
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def key_fingerprint(key):
    """A short public fingerprint: equal fingerprints mean linkable pseudonyms."""
    return hashlib.sha256(pseudonymiser(key)(0).encode() + b"fingerprint").hexdigest()[:12]


class SqlPseudonym(Func):
    """The same pseudonym, computed by the database: by PostgreSQL's sha256() (built in
    since version 11), on SQLite by a function ``prepare`` registers on the connection.

    On PostgreSQL the pads are derived from the key and travel as query parameters: like
    the key they must stay out of logs, so never run production with SQL logging
    (django.db.backends at DEBUG level).
    """

    output_field = CharField()

    def __init__(self, expression, key):
        super().__init__(expression)
        self.key = key

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError("SqlPseudonym needs PostgreSQL or SQLite")

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"{SQLITE_FUNCTION}({sql})", params

    def as_postgresql(self, compiler, connection, **extra):
        inner, outer = hmac_pads(self.key)
        sql, params = compiler.compile(self.get_source_expressions()[0])
        hashed = (
            "sha256(%s::bytea || sha256(%s::bytea || "
            f"convert_to('actor:' || ({sql})::text, 'UTF8')))"
        )
        return (
            f"substr(encode({hashed}, 'hex'), 1, {PSEUDONYM_LENGTH})",
            (outer, inner, *params),
        )


def prepare(key):
    """Make SqlPseudonym work on this connection (SQLite has no SHA-256 of its own)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.create_function(
            SQLITE_FUNCTION, 1, pseudonymiser(key), deterministic=True
        )


@transaction.atomic
def store(buurten, key):
    """Store the pseudonyms the actors of ``buurten`` lack for ``key``; returns how many.

    One statement, computing only the missing ones. Two exports at once may both find an
    actor missing: the second insert is skipped (ON CONFLICT DO NOTHING), not an error.
    """
    prepare(key)
    sleutel = key_fingerprint(key)
    missing = (
        Actor.objects.filter(buurt__in=buurten)
        .filter(~Exists(Pseudoniem.objects.filter(actor=OuterRef("pk"), sleutel=sleutel)))
        .order_by()
        .annotate(pseudoniem_sleutel=Value(sleutel), pseudoniem=SqlPseudonym("pk", key))
        .values_list("pk", "pseudoniem_sleutel", "pseudoniem")
    )
    select, params = missing.query.sql_with_params()
    table = connection.ops.quote_name(Pseudoniem._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (actor_id, sleutel, waarde) {select} ON CONFLICT DO NOTHING",
            params,
        )
        stored = cursor.rowcount
        if stored >= ANALYZE_AFTER and connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {table}")
    return stored


def annotate(queryset, name, source, key):
    """``queryset`` with ``name``: the stored pseudonym of the actor whose id is at
    ``source`` ("pk", "van_id", "partner__actor_id"), read by a join on the pseudonyms.

    An actor added after ``store`` ran has none yet; the database computes theirs.
    """
    path = "" if source == "pk" else source.removesuffix("_id")
    relation = f"{path}__pseudoniemen" if path else "pseudoniemen"
    stored = f"{name}_stored"
    condition = Q(**{f"{relation}__sleutel": key_fingerprint(key)})
    return queryset.alias(**{stored: FilteredRelation(relation, condition=condition)}).annotate(
        **{name: Coalesce(F(f"{stored}__waarde"), SqlPseudonym(source, key))}
    )


def prune(key):
    """Delete the pseudonyms of every other key (after a key rotation); returns how many."""
    return Pseudoniem.objects.exclude(sleutel=key_fingerprint(key)).delete()[0]
