"""How the export describes a table: its columns, their meaning, and the query for its rows.

The tables themselves are declared in tables.py.
"""

from dataclasses import dataclass

from .expressions import IsoUtc, Neutralised


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

    def queryset(
        self, buurten, identifiable, datetimes_as_text=False, pseudonymise=None, neutralise=False
    ):
        """The rows as tuples; `pseudonymise(source)` may turn pseudonym columns into SQL."""
        if self.compute is not None:
            return Computed(self.compute(buurten))
        qs = self.model._default_manager.filter(**{f"{self.buurt_lookup}__in": buurten})
        if self.annotate:
            qs = qs.annotate(**self.annotate(identifiable))
        sources = []
        for column in self.columns_for(identifiable):
            if datetimes_as_text and column.type == "datetime":
                qs = qs.annotate(**{f"{column.name}_iso": IsoUtc(column.source)})
                sources.append(f"{column.name}_iso")
            elif pseudonymise is not None and column.pseudonym:
                qs = qs.annotate(**{f"{column.name}_pseudonym": pseudonymise(column.source)})
                sources.append(f"{column.name}_pseudonym")
            elif neutralise and column.type == "string" and not column.multiple:
                qs = qs.annotate(**{f"{column.name}_safe": Neutralised(column.source)})
                sources.append(f"{column.name}_safe")
            else:
                sources.append(column.source)
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
