"""Research exports: rows out of the database, pseudonymised, into CSV, XLSX or JSON files,
with a Frictionless data package and a readable codebook.

Rows are read with ``values_list().iterator()`` (a server-side cursor on PostgreSQL) and
written as they come, so memory stays flat however large the buurt is.

The pseudonym key is required: with an empty ``EXPORT_PSEUDONYM_KEY`` nothing is exported.
A per-export random key would give pseudonyms that cannot be linked across waves, which
defeats longitudinal research; refusing makes the administrator choose a key once.
"""

import csv
import hashlib
import io
import json
import zipfile
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, Func
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.spreadsheets import MEDIATYPES

from . import graphml
from .tables import TABLES
from .vocabularies import labels

FORMATS = ("csv", "xlsx", "json")
CHUNK_SIZE = 5000
PSEUDONYM_LENGTH = 20  # hex characters: 80 bits, no collisions at any realistic size


class ExportRefused(Exception):
    pass


def pseudonymiser(key):
    """HMAC-SHA256(key, "actor:<id>"), hex, shortened; equal to hmac.new(...).hexdigest().

    Built from two pre-keyed SHA-256 states, as HMAC is defined (RFC 2104): copying a
    hashlib state is cheaper than copying an hmac object, and this runs once per row.
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


class SqlPseudonym(Func):
    """The same pseudonym, computed by PostgreSQL (sha256() is built in since version 11).

    Hashing in the database keeps a large export close to the speed of COPY. The pads are
    derived from the key and travel as query parameters: like the key they must stay out of
    logs, so never run production with SQL logging (django.db.backends at DEBUG level).
    """

    output_field = CharField()

    def __init__(self, expression, pads):
        super().__init__(expression)
        self.pads = pads

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError("SqlPseudonym needs PostgreSQL")

    def as_postgresql(self, compiler, connection, **extra):
        inner, outer = self.pads
        sql, params = compiler.compile(self.get_source_expressions()[0])
        hashed = (
            "sha256(%s::bytea || sha256(%s::bytea || "
            f"convert_to('actor:' || ({sql})::text, 'UTF8')))"
        )
        return (
            f"substr(encode({hashed}, 'hex'), 1, {PSEUDONYM_LENGTH})",
            (outer, inner, *params),
        )


def hmac_pads(key):
    block = hashlib.sha256().block_size
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def export_key():
    key = settings.EXPORT_PSEUDONYM_KEY
    if not key:
        raise ExportRefused(
            _(
                "Er is geen sleutel voor pseudoniemen ingesteld (EXPORT_PSEUDONYM_KEY). "
                "Zonder sleutel wordt er niets geëxporteerd: vraag de beheerder om er één in "
                "te stellen en ze te bewaren, zodat pseudoniemen over exports heen gelijk blijven."
            )
        )
    return key.encode()


def key_fingerprint(key):
    """A short public fingerprint: equal fingerprints mean linkable pseudonyms."""
    return hashlib.sha256(pseudonymiser(key)(0).encode() + b"fingerprint").hexdigest()[:12]


def _join(values):
    return ";".join(values) if values else None


def _strip_tz(value):
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None


@dataclass
class Export:
    buurten: list
    tables: list = field(default_factory=lambda: list(TABLES))
    format: str = "csv"
    identifiable: bool = False
    created: datetime = field(default_factory=timezone.now)
    batch_size: int = CHUNK_SIZE

    def __post_init__(self):
        if self.format not in FORMATS:
            raise ValueError(f"Unknown format {self.format!r}")
        self.key = export_key()
        self.pseudonym = pseudonymiser(self.key)
        self.sql_pseudonyms = connection.vendor == "postgresql"

    # Rows -----------------------------------------------------------------------------

    def _converters(self, table):
        """(index, function) for the cells that need work in this format."""
        converters = []
        for index, column in enumerate(table.columns_for(self.identifiable)):
            if column.pseudonym and self.sql_pseudonyms and table.compute is None:
                continue
            if column.pseudonym:
                converters.append((index, self.pseudonym))
            elif column.multiple:
                converters.append((index, _join))
            elif column.type == "datetime" and self.format == "xlsx":
                converters.append((index, _strip_tz))
        return converters

    def queryset(self, table):
        """The table's rows, with as much of the work as possible done by the database."""
        pads = hmac_pads(self.key)
        return table.queryset(
            self.buurten,
            self.identifiable,
            datetimes_as_text=self.format != "xlsx",
            pseudonymise=(lambda source: SqlPseudonym(source, pads))
            if self.sql_pseudonyms
            else None,
            neutralise=self.format != "json",
        )

    def batches(self, table):
        """Lists of converted rows, `batch_size` at a time, converted column by column."""
        converters = self._converters(table)
        queryset = self.queryset(table)
        # Outside a transaction PostgreSQL materialises a WITH HOLD cursor's whole result
        # before the first row; inside one, rows stream. SQLite would take a write lock.
        streaming = transaction.atomic() if connection.vendor == "postgresql" else nullcontext()
        with streaming:
            rows = queryset.iterator(chunk_size=self.batch_size)
            while batch := list(islice(rows, self.batch_size)):
                if converters:
                    columns = list(zip(*batch, strict=True))
                    for index, convert in converters:
                        columns[index] = map(convert, columns[index])
                    batch = list(zip(*columns, strict=True))
                yield batch

    def rows(self, table):
        for batch in self.batches(table):
            yield from batch

    def header(self, table):
        return [column.name for column in table.columns_for(self.identifiable)]

    def filename(self, table):
        return f"{table.name}.{self.format}"

    # Writers --------------------------------------------------------------------------

    def csv_chunks(self, table):
        """The CSV file as text chunks (the header, then one per batch), for streaming."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.header(table))
        for batch in self.batches(table):
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(batch)
        yield buffer.getvalue()

    def write_table(self, table, binary_file):
        if self.format == "xlsx":
            self._write_xlsx(table, binary_file)
            return
        text = io.TextIOWrapper(binary_file, encoding="utf-8", newline="", write_through=False)
        try:
            if self.format == "csv":
                for chunk in self.csv_chunks(table):
                    text.write(chunk)
            else:
                self._write_json(table, text)
            text.flush()
        finally:
            text.detach()

    def _write_json(self, table, text):
        names = self.header(table)
        text.write("[")
        separator = "\n"
        for row in self.rows(table):
            text.write(separator)
            text.write(json.dumps(dict(zip(names, row, strict=True)), default=str))
            separator = ",\n"
        text.write("\n]\n")

    def _write_xlsx(self, table, binary_file):
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(table.name)
        sheet.append(self.header(table))
        for row in self.rows(table):
            # An empty string, not None: openpyxl drops trailing empty cells otherwise.
            sheet.append(
                [
                    ""
                    if v is None
                    else ILLEGAL_CHARACTERS_RE.sub("", v)
                    if isinstance(v, str)
                    else v
                    for v in row
                ]
            )
        workbook.save(binary_file)

    def write_directory(self, directory):
        for table in self.tables:
            with open(directory / self.filename(table), "wb") as fh:
                self.write_table(table, fh)
        (directory / "datapackage.json").write_text(
            json.dumps(self.datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (directory / "codebook.md").write_text(self.codebook(), encoding="utf-8")
        for name, content in graphml.files(self):
            (directory / name).write_bytes(content)

    def write_zip(self, binary_file):
        with zipfile.ZipFile(binary_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in self.tables:
                with archive.open(self.filename(table), "w", force_zip64=True) as member:
                    self.write_table(table, member)
            archive.writestr(
                "datapackage.json", json.dumps(self.datapackage(), indent=2, ensure_ascii=False)
            )
            archive.writestr("codebook.md", self.codebook())
            for name, content in graphml.files(self):
                archive.writestr(name, content)

    # Documentation --------------------------------------------------------------------

    @property
    def mode_statement(self):
        if self.identifiable:
            return (
                "IDENTIFIABLE EXPORT made by an administrator: it contains names of natural "
                "persons, contact data and free text. Handle it as personal data."
            )
        return (
            "Pseudonymised export: natural persons (bewoners, professionals) appear only as a "
            "keyed pseudonym; no names, contact data or free text are included. Cells starting "
            "with = + - @ tab or carriage return are prefixed with ' in CSV and XLSX."
        )

    def _field(self, column):
        descriptor = {"name": column.name, "type": column.type, "description": column.description}
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.vocabulary is not None:
            values = [value for value, _nl, _en in labels(column.vocabulary)]
            allowed = "; ".join(f"{v} = {nl} / {en}" for v, nl, en in labels(column.vocabulary))
            descriptor["description"] += f" Allowed values (value = Dutch / English): {allowed}."
            if column.multiple:
                choice = "|".join(values)
                constraints["pattern"] = f"({choice})(;({choice}))*"
            else:
                constraints["enum"] = values
        if column.pseudonym:
            constraints["pattern"] = f"[0-9a-f]{{{PSEUDONYM_LENGTH}}}"
        if column.type == "boolean" and self.format == "csv":
            descriptor["trueValues"] = ["True"]
            descriptor["falseValues"] = ["False"]
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor

    def datapackage(self):
        resources = []
        for table in self.tables:
            resource = {
                "name": table.name,
                "path": self.filename(table),
                "profile": "tabular-data-resource",
                "title": str(table.title),
                "description": table.description,
                "format": self.format,
                "mediatype": MEDIATYPES[self.format],
                "schema": {
                    "fields": [self._field(c) for c in table.columns_for(self.identifiable)],
                    "missingValues": [""],
                },
            }
            if self.format != "xlsx":
                resource["encoding"] = "utf-8"
            resources.append(resource)
        return {
            "profile": "data-package",  # the tables, and the network as GraphML
            "name": "zorgzaam-export",
            "title": "Zorgzaam research export",
            "description": self.mode_statement,
            "created": self.created.astimezone(UTC).isoformat(),
            "keywords": [b.slug for b in self.buurten],
            "zorgzaam": {
                "buurten": [b.slug for b in self.buurten],
                "pseudonymised": not self.identifiable,
                "identifiable": self.identifiable,
                "pseudonym_key_fingerprint": key_fingerprint(self.key),
            },
            "resources": resources + graphml.resources(self),
        }

    def codebook(self):
        lines = [
            "# Zorgzaam research export: codebook",
            "",
            f"- Created: {self.created.astimezone(UTC).isoformat()}",
            f"- Buurten: {', '.join(b.slug for b in self.buurten)}",
            f"- Format: {self.format}",
            f"- Pseudonym key fingerprint: `{key_fingerprint(self.key)}` (exports with the same "
            "fingerprint have linkable pseudonyms)",
            "",
            f"**{self.mode_statement}**",
            "",
            "Dates are ISO 8601 (YYYY-MM-DD); date-times are in UTC. Empty cells are missing "
            "values. Actors are linked across tables by their pseudonym; other tables by id.",
            "",
        ]
        for table in self.tables:
            lines += [
                f"## {table.name} (`{self.filename(table)}`)",
                "",
                table.description,
                "",
                "| column | type | required | meaning |",
                "|---|---|---|---|",
            ]
            vocabularies = []
            for column in table.columns_for(self.identifiable):
                meaning = column.description
                if column.vocabulary is not None:
                    meaning += f" Values: see *{column.name}* below."
                    vocabularies.append(column)
                required = "yes" if column.required else "no"
                lines.append(f"| `{column.name}` | {column.type} | {required} | {meaning} |")
            lines.append("")
            for column in vocabularies:
                lines += [
                    f"**{column.name}**",
                    "",
                    "| value | Dutch | English |",
                    "|---|---|---|",
                ]
                lines += [f"| `{v}` | {nl} | {en} |" for v, nl, en in labels(column.vocabulary)]
                lines.append("")
        return "\n".join(lines + graphml.codebook(self))
