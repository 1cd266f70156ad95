"""Research exports: rows out of the database, pseudonymised, into CSV, XLSX or JSON files,
with a Frictionless data package and a readable codebook.

Rows are read with ``values_list().iterator()`` (a server-side cursor on PostgreSQL) and
written as they come, so memory stays flat however large the buurt is. On PostgreSQL a CSV
table is written by COPY (SELECT ...) TO STDOUT: the database makes every cell's text, and
the file is byte for byte the one Python's csv module writes on SQLite. Actors' pseudonyms
are stored once per key (pseudoniemen.py) and joined, not computed per row.

The pseudonym key is required: with an empty ``EXPORT_PSEUDONYM_KEY`` nothing is exported.
A per-export random key would give pseudonyms that cannot be linked across waves, which
defeats longitudinal research; refusing makes the administrator choose a key once.
"""

import csv
import io
import json
import zipfile
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.spreadsheets import MEDIATYPES

from . import graphml, pseudoniemen
from .pseudoniemen import PSEUDONYM_LENGTH, key_fingerprint, pseudonymiser
from .tables import TABLES
from .vocabularies import labels

FORMATS = ("csv", "xlsx", "json")
CHUNK_SIZE = 5000


class ExportRefused(Exception):
    pass


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


def _crlf(rows):
    """COPY's rows (one per item, as libpq hands them over) ending in CRLF, as the csv
    module ends them, instead of LF. Without a quote there is no quoted line break, so
    every LF ends a row."""
    data = b"".join(rows)
    if b'"' not in data:
        return data.replace(b"\n", b"\r\n")
    return b"".join(bytes(row[:-1]) + b"\r\n" for row in rows)


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
        self.stored = False

    # Rows -----------------------------------------------------------------------------

    def store_pseudonyms(self):
        """Store the pseudonyms the buurten lack, once per export, before the first read."""
        if not self.stored:
            pseudoniemen.store(self.buurten, self.key)
            self.stored = True
        pseudoniemen.prepare(self.key)

    def _converters(self, table):
        """(index, function) for the cells that need work in this format."""
        converters = []
        for index, column in enumerate(table.columns_for(self.identifiable)):
            if column.pseudonym and table.compute is not None:
                converters.append((index, self.pseudonym))
            elif column.multiple:
                converters.append((index, _join))
            elif column.type == "datetime" and self.format == "xlsx":
                converters.append((index, _strip_tz))
        return converters

    def queryset(self, table, csv_text=False):
        """The table's rows, with as much of the work as possible done by the database."""
        return table.queryset(
            self.buurten,
            self.identifiable,
            datetimes_as_text=self.format != "xlsx",
            pseudonymise=lambda qs, name, source: pseudoniemen.annotate(qs, name, source, self.key),
            neutralise=self.format != "json",
            csv_text=csv_text,
        )

    def batches(self, table):
        """Lists of converted rows, `batch_size` at a time, converted column by column."""
        self.store_pseudonyms()
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

    def copy_chunks(self, table):
        """The CSV rows as PostgreSQL's COPY writes them, `batch_size` rows a chunk."""
        self.store_pseudonyms()
        sql, params = self.queryset(table, csv_text=True).query.sql_with_params()
        # psycopg's own cursor: Django's debug wrapper takes no parameters for COPY, and would
        # log the statement with the key's pads in it.
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy,
        ):
            rows = []
            for row in copy:
                rows.append(row)
                if len(rows) == self.batch_size:
                    yield _crlf(rows)
                    rows = []
            if rows:
                yield _crlf(rows)

    def rows(self, table):
        for batch in self.batches(table):
            yield from batch

    def header(self, table):
        return [column.name for column in table.columns_for(self.identifiable)]

    def filename(self, table):
        return f"{table.name}.{self.format}"

    # Writers --------------------------------------------------------------------------

    def csv_chunks(self, table):
        """The CSV file as UTF-8 chunks (the header, then one per batch), for streaming."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.header(table))
        if connection.vendor == "postgresql" and table.copyable:
            yield buffer.getvalue().encode()
            yield from self.copy_chunks(table)
            return
        for batch in self.batches(table):
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(batch)
        yield buffer.getvalue().encode()

    def write_table(self, table, binary_file):
        if self.format == "csv":
            for chunk in self.csv_chunks(table):
                binary_file.write(chunk)
            return
        if self.format == "xlsx":
            self._write_xlsx(table, binary_file)
            return
        text = io.TextIOWrapper(binary_file, encoding="utf-8", newline="", write_through=False)
        try:
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
