"""SQL expressions the export uses to let the database do the work: ISO dates and
spreadsheet-safe text."""

from django.db.models import CharField, Func

from buurt.spreadsheets import FORMULA_PREFIXES


class IsoUtc(Func):
    """A date-time as ISO 8601 text in UTC, made by the database.

    Reading a timestamp into Python costs more than everything else in a CSV export on
    PostgreSQL; text is what the file needs anyway. Seconds are precise enough for research.
    """

    output_field = CharField()
    PG_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS"Z"'

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=f"to_char(%(expressions)s AT TIME ZONE 'UTC', '{self.PG_FORMAT}')",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="strftime('%%%%Y-%%%%m-%%%%dT%%%%H:%%%%M:%%%%SZ', %(expressions)s)",
            **extra,
        )


class Neutralised(Func):
    """Text made inert for spreadsheets, by the database: a cell that starts with one of
    buurt.spreadsheets.FORMULA_PREFIXES gets a quote in front, as neutralise() does."""

    output_field = CharField()
    template = (
        "CASE WHEN substr(%(expressions)s, 1, 1) IN ({prefixes}) "
        "THEN '''' || %(expressions)s ELSE %(expressions)s END"
    ).format(prefixes=", ".join(["%%s"] * len(FORMULA_PREFIXES)))

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        # The expression appears three times, the prefixes (parameters) after the first.
        return sql, (*params, *FORMULA_PREFIXES, *params, *params)


class CsvText(Func):
    """A cell as PostgreSQL's COPY must print it for the file to equal the one Python's
    csv module writes: True/False for booleans, ISO dates whatever DateStyle says, lists
    joined with ";", and NULL (an empty cell) for an empty text, which COPY would quote."""

    output_field = CharField()
    TEMPLATES = {
        "boolean": "CASE (%(expressions)s) WHEN true THEN 'True' WHEN false THEN 'False' END",
        "date": "to_char(%(expressions)s, 'YYYY-MM-DD')",
        "list": "NULLIF(array_to_string(ARRAY("
        "SELECT jsonb_array_elements_text(%(expressions)s)), ';'), '')",
        "string": "NULLIF(%(expressions)s, '')",
    }

    def __init__(self, expression, kind):
        super().__init__(expression)
        self.kind = kind

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError("CsvText is for PostgreSQL's COPY")

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template=self.TEMPLATES[self.kind], **extra)
