"""How the export describes a table: its columns, their meaning, and the query for its rows.

The tables themselves are declared in tables.py.
"""

from dataclasses import dataclass

from django.db.models import F

from .expressions import CsvText, IsoUtc, Neutralised

# Integers, and date-times as IsoUtc's text, are printed by COPY as Python writes them.
CSV_TEXT_KINDS = {"string": "string", "boolean": "boolean", "date": "date"}
COPY_TYPES = {*CSV_TEXT_KINDS, "integer", "datetime"}


@dataclass(frozen=True)
class Column:
    name: str
    source: str  # lookup for values_list()
    type: str  # Frictionless Table Schema type: string, integer, boolean, date, datetime
    description: str  # English, for an international research audience
    vocabulary: object = None  # a TextChoices class
    pseudonym: bool = False
    multiple: bool = False  # a list of vocabulary values, exported joined with ";"
    identifiable_only: bool = False
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: object
    description: str
    model: object
    columns: tuple
    buurt_lookup: str
    annotate: object = None  # callable(identifiable) -> dict of annotations
    # callable(buurten) -> rows computed in Python (pseudonym columns as actor ids)
    compute: object = None

    def columns_for(self, identifiable):
        return [c for c in self.columns if identifiable or not c.identifiable_only]

    @property
    def copyable(self):
        """Whether PostgreSQL's COPY can write this table's CSV (CsvText covers its types)."""
        return self.compute is None and all(c.type in COPY_TYPES for c in self.columns)

    def queryset(
        self,
        buurten,
        identifiable,
        datetimes_as_text=False,
        pseudonymise=None,
        neutralise=False,
        csv_text=False,
    ):
        """The rows as tuples. `pseudonymise(queryset, name, source)` may annotate pseudonym
        columns in SQL; with `csv_text` every cell is the text the CSV file holds."""
        if self.compute is not None:
            return Computed(self.compute(buurten))
        qs = self.model._default_manager.filter(**{f"{self.buurt_lookup}__in": buurten})
        if self.annotate:
            qs = qs.annotate(**self.annotate(identifiable))
        sources = []
        for column in self.columns_for(identifiable):
            source = column.source
            if datetimes_as_text and column.type == "datetime":
                source = f"{column.name}_iso"
                qs = qs.annotate(**{source: IsoUtc(column.source)})
            elif pseudonymise is not None and column.pseudonym:
                source = f"{column.name}_pseudonym"
                qs = pseudonymise(qs, source, column.source)
            # A vocabulary's values are ours: none starts like a formula.
            elif neutralise and column.type == "string" and column.vocabulary is None:
                source = f"{column.name}_safe"
                qs = qs.annotate(**{source: Neutralised(column.source)})
            if csv_text and column.type in CSV_TEXT_KINDS and not column.pseudonym:
                kind = "list" if column.multiple else CSV_TEXT_KINDS[column.type]
                qs = qs.annotate(**{f"{column.name}_text": CsvText(F(source), kind)})
                source = f"{column.name}_text"
            sources.append(source)
        return qs.order_by("pk").values_list(*sources)


class Computed:
    """Rows computed in Python, read like a queryset's."""

    def __init__(self, rows):
        self.rows = rows

    def iterator(self, chunk_size=None):
        return iter(self.rows)


def buurt_column(lookup):
    """The slug of the buurt a row belongs to, reached by `lookup`."""
    return Column(
        "buurt",
        f"{lookup}__slug" if lookup else "slug",
        "string",
        "Slug of the buurt.",
        required=True,
    )


def id_column(description):
    return Column("id", "pk", "integer", description, required=True)
